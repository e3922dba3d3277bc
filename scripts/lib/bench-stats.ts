// Pure helpers of `npm run bench`: statistics, `/usr/bin/time -v` parsing, and the figures
// derived from the emulator's call and event logs. No I/O, so tests drive them with plain data.
import { createHash } from 'node:crypto'

/**
 * The seed of the action's Math.random in a repeated run: on stepped time a run is exactly
 * reproducible for its seed, so repeats differ only by the seeds they are given.
 */
export function repeatSeed(label: string, run: number): number {
  return createHash('sha256').update(`${label}\nrun ${run}`).digest().readUInt32BE(0)
}

export interface Summary {
  readonly median: number
  readonly min: number
  readonly max: number
  readonly n: number
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values')
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export function summarize(values: readonly number[]): Summary {
  return {
    median: median(values),
    min: Math.min(...values),
    max: Math.max(...values),
    n: values.length
  }
}

/** Median, min and max of a figure over repeated runs; undefined when a run lacks it. */
export interface Range {
  readonly median: number
  readonly min: number
  readonly max: number
}

export function range(values: readonly (number | undefined)[]): Range | undefined {
  if (values.length === 0 || values.some(v => v === undefined || Number.isNaN(v))) return undefined
  const s = summarize(values as number[])
  return { median: s.median, min: s.min, max: s.max }
}

/** "1.2 s (0.9–1.5 s)" over repeated runs, or the one value when they agree. */
export function showRange(r: Range | undefined, show: (v: number) => string): string {
  if (!r) return show(Number.NaN)
  return show(r.min) === show(r.max)
    ? show(r.median)
    : `${show(r.median)} (${show(r.min)}–${show(r.max)})`
}

/** a / b, or NaN when b is not a positive number. */
export function ratio(a: number, b: number): number {
  return b > 0 && Number.isFinite(b) ? a / b : Number.NaN
}

/** "Maximum resident set size (kbytes): 40252" of GNU time's -v report, in KiB. */
export function parseTimeVerbose(stderr: string): { maxRssKiB: number; exitStatus?: number } {
  const rss = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(stderr)
  if (!rss) throw new Error('no "Maximum resident set size" in the /usr/bin/time -v report')
  const status = /Exit status:\s*(\d+)/.exec(stderr)
  return {
    maxRssKiB: Number(rss[1]),
    ...(status ? { exitStatus: Number(status[1]) } : {})
  }
}

export const kibToMiB = (kib: number): number => kib / 1024

/** The fields of an emulator call record the figures need. */
export interface CallLike {
  readonly service: string
  readonly operation: string
  readonly simulatedTime: number
  readonly realTime: number
}

export interface EventLike {
  readonly kind: string
  readonly simulatedTime: number
}

const LAUNCH = new Set(['UpdateEndpoint', 'CreateEndpoint'])

/** AWS calls only (the emulator's own /_emulator routes are not the action's). */
export const awsCalls = <T extends CallLike>(calls: readonly T[]): T[] =>
  calls.filter(c => c.service !== 'emulator')

export function launchCall<T extends CallLike>(calls: readonly T[]): T | undefined {
  return calls.find(c => LAUNCH.has(c.operation))
}

/** The first DescribeEndpoint answered at or after the event: the poll that can see it. */
export function detectingPoll<T extends CallLike>(
  calls: readonly T[],
  event: EventLike
): T | undefined {
  return calls.find(
    c => c.operation === 'DescribeEndpoint' && c.simulatedTime >= event.simulatedTime
  )
}

export interface CallRate {
  /** Calls after the launch call, up to and including the process exit. */
  readonly calls: number
  readonly byOperation: Record<string, number>
  /** Simulated minutes from the launch call to the detecting poll. */
  readonly minutes: number
  readonly perMinute: number
}

/**
 * API calls per simulated minute of the watched deployment: every AWS call after the launch
 * (DescribeEndpoint, DescribeAlarms, the verdict's reads) over the time from the launch to the
 * poll that saw the end. Calls after that poll count too, and the window does not grow with
 * them: the honest (higher) figure.
 */
export function callRate(calls: readonly CallLike[], until: number): CallRate | undefined {
  const aws = awsCalls(calls)
  const launch = launchCall(aws)
  if (!launch) return undefined
  const after = aws.slice(aws.indexOf(launch) + 1)
  const byOperation: Record<string, number> = {}
  for (const c of after) byOperation[c.operation] = (byOperation[c.operation] ?? 0) + 1
  const minutes = (until - launch.simulatedTime) / 60_000
  return {
    calls: after.length,
    byOperation,
    minutes,
    perMinute: ratio(after.length, minutes)
  }
}

/** Several runs together: total calls over total minutes. */
export function combinedRate(rates: readonly CallRate[]): number {
  return ratio(
    rates.reduce((a, r) => a + r.calls, 0),
    rates.reduce((a, r) => a + r.minutes, 0)
  )
}

export interface Latency {
  /** Simulated ms from the event to the poll that saw it. */
  readonly detectSimMs: number
  /**
   * Simulated ms from the event to the process exit: the detection, then the waits after it
   * (the metrics wait, `metrics-wait`).
   */
  readonly exitSimMs: number
  /** Real ms from the detecting poll to the process exit (verdict, report, exit). */
  readonly finishRealMs: number
}

export interface Exit {
  readonly simulatedTime: number
  readonly realTime: number
}

export function latency(
  calls: readonly CallLike[],
  event: EventLike,
  exit: Exit
): Latency | undefined {
  const poll = detectingPoll(awsCalls(calls), event)
  if (!poll) return undefined
  return {
    detectSimMs: poll.simulatedTime - event.simulatedTime,
    exitSimMs: exit.simulatedTime - event.simulatedTime,
    finishRealMs: exit.realTime - poll.realTime
  }
}

export interface Overhead {
  /** Real ms from the process start to the launch call's answer (inputs, SDK, pre-flight, launch). */
  readonly startRealMs: number
  /**
   * Time beyond the deployment on a real clock, the metrics wait left out: the real work before
   * the launch and after the detecting poll, plus the simulated wait for that poll. On stepped
   * time the action's work takes no simulated time and its waits no real time, so they add up.
   */
  readonly beyondRealWorldMs: number
}

export function overhead(
  calls: readonly CallLike[],
  processStartReal: number,
  l: Latency
): Overhead | undefined {
  const launch = launchCall(awsCalls(calls))
  if (!launch) return undefined
  const startRealMs = launch.realTime - processStartReal
  return { startRealMs, beyondRealWorldMs: startRealMs + l.detectSimMs + l.finishRealMs }
}
