// The call log: every request in order, so a test can assert what was (not) called.

import { appendFileSync } from 'node:fs'
import type { Service } from './errors.js'

/** A service the emulator answers for, or its own introspection pages. */
export type CallService = Service | 'emulator'

export interface CallRecord {
  seq: number
  service: CallService
  operation: string
  params: unknown
  /** Simulated epoch ms when the call was answered. */
  simulatedTime: number
  /** Real epoch ms when the call was answered. */
  realTime: number
  status: number
  /**
   * The region the call went to: the one in its SigV4 credential scope, else the home region
   * (absent on the emulator's own calls).
   */
  region?: string
  error?: string
  /** What became of the answer when a fault kept it from the caller (dropped, held). */
  answer?: string
  mutating: boolean
}

const MUTATING = /^(Create|Update|Delete|Put|Set|Add|Tag|Untag|Register|Deregister|Start|Stop)/

export function isMutating(operation: string): boolean {
  return MUTATING.test(operation)
}

export class CallLog {
  private readonly records: CallRecord[] = []

  constructor(private readonly file: () => string | null) {}

  add(record: Omit<CallRecord, 'seq' | 'mutating'>): CallRecord {
    const full: CallRecord = {
      seq: this.records.length + 1,
      ...record,
      mutating: isMutating(record.operation) && record.service !== 'emulator'
    }
    this.records.push(full)
    const file = this.file()
    if (file !== null) appendFileSync(file, `${JSON.stringify(full)}\n`)
    return full
  }

  all(): CallRecord[] {
    return this.records.map(r => ({ ...r }))
  }
}
