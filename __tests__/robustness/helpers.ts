// Shared checks for the robustness suites: workflow-command lines on stdout, a small concurrency
// pool, the emulator's call log around a run, and the IAM policy in docs/ as emulator actions.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CallRecord, Emulator } from '../../emulator/index.js'
import { ROOT } from '../../scripts/lib/action-runner.js'

/** Lines that the runner would treat as a workflow command (`::name ...::`). */
export function commandLines(text: string): string[] {
  return text.split(/\r?\n|\r/).filter(line => /^\s*::[a-zA-Z-]+/.test(line))
}

/** The command name of a workflow-command line: `::error file=x::msg` → `error`. */
export function commandName(line: string): string {
  return /^\s*::([a-zA-Z-]+)/.exec(line)?.[1] ?? ''
}

/** Commands the action itself may print around its log. */
export const LOG_COMMANDS = new Set([
  'error',
  'warning',
  'notice',
  'debug',
  'group',
  'endgroup',
  'add-mask'
])

/** Runs `work` over `items`, at most `limit` at a time, keeping the order of the results. */
export async function pool<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++
      results[i] = await work(items[i]!, i)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

/** The calls made since `from` (a call count taken before the run). */
export function callsSince(emulator: Emulator, from: number): CallRecord[] {
  return emulator.calls().slice(from)
}

/** `ThrottlingException: Rate exceeded`, `Throttling: Rate exceeded`. */
export const isThrottled = (c: CallRecord): boolean =>
  c.status === 400 && /^Throttling/.test(c.error ?? '')

/** The least-privilege policy the README documents. */
export interface IamPolicy {
  Version: string
  Statement: {
    Sid?: string
    Effect: string
    Action: string | string[]
    Resource: string | string[]
    Condition?: Record<string, Record<string, string>>
  }[]
}

export function loadIamPolicy(): IamPolicy {
  return JSON.parse(readFileSync(join(ROOT, 'docs', 'iam-policy.json'), 'utf8')) as IamPolicy
}

/** Every action the policy allows, as written. */
export function policyActions(policy: IamPolicy = loadIamPolicy()): string[] {
  return policy.Statement.filter(s => s.Effect === 'Allow').flatMap(s =>
    Array.isArray(s.Action) ? s.Action : [s.Action]
  )
}

/** The policy's actions on the services the emulator serves, as its `allowedActions`. */
export function emulatorAllowedActions(policy: IamPolicy = loadIamPolicy()): string[] {
  return policyActions(policy).filter(a =>
    /^(sagemaker|cloudwatch|application-autoscaling|s3|ecr|servicequotas):/.test(a)
  )
}

/** The endpoint's status and live config, from the emulator's health page (no IAM, no faults). */
export async function liveConfig(
  emulator: Emulator,
  endpointName: string
): Promise<{ status: string; config: string } | undefined> {
  const response = await fetch(`${emulator.url}/_emulator/health`)
  const health = (await response.json()) as {
    endpoints: { name: string; status: string; config: string }[]
  }
  const found = health.endpoints.find(e => e.name === endpointName)
  return found && { status: found.status, config: found.config }
}
