// Per-minute arithmetic behind the fold: one fleet's datapoints per minute, shared among the
// time segments (traffic steps) a minute overlaps, summed into figures. Pure.
import {
  INVOCATION_METRICS,
  PERIOD_SECONDS,
  microsecondsToMs,
  queryId,
  type Fleet,
  type InvocationMetric
} from './queries.js'
import type { FleetFigures } from './types.js'

/** Query id → minute start (epoch ms) → value, as GetMetricData returned it. */
export type MetricSeries = ReadonlyMap<string, ReadonlyMap<number, number>>

const PERIOD_MS = PERIOD_SECONDS * 1000

/** One fleet's datapoints for one minute. Latencies in microseconds (CloudWatch's unit). */
export interface Minute {
  readonly requests: number
  readonly errors5xx: number
  readonly errors4xx: number
  readonly modelLatencyUs: number | undefined
  readonly overheadLatencyUs: number | undefined
}

/** Running sums for one fleet over one segment (fractions of minutes allowed). */
export interface Tally {
  requests: number
  errors5xx: number
  errors4xx: number
  modelSum: number
  modelWeight: number
  overheadSum: number
  overheadWeight: number
  cpuSum: number
  cpuWeight: number
}

/** A stretch of time with one traffic split: the baseline or one traffic step. */
export interface Segment {
  readonly from: number
  readonly until: number
  readonly bluePercent: number
  readonly greenPercent: number
}

const emptyTally = (): Tally => ({
  requests: 0,
  errors5xx: 0,
  errors4xx: 0,
  modelSum: 0,
  modelWeight: 0,
  overheadSum: 0,
  overheadWeight: 0,
  cpuSum: 0,
  cpuWeight: 0
})

export function minutesOf(series: MetricSeries, fleet: Fleet): Map<number, Minute> {
  const get = (metric: InvocationMetric): ReadonlyMap<number, number> =>
    series.get(queryId(fleet, metric)) ?? new Map()
  const times = new Set<number>()
  for (const metric of INVOCATION_METRICS) for (const t of get(metric.key).keys()) times.add(t)
  const minutes = new Map<number, Minute>()
  for (const t of times) {
    minutes.set(t, {
      requests: get('invocations').get(t) ?? 0,
      errors5xx: get('errors5xx').get(t) ?? 0,
      errors4xx: get('errors4xx').get(t) ?? 0,
      modelLatencyUs: get('modelLatency').get(t),
      overheadLatencyUs: get('overheadLatency').get(t)
    })
  }
  return minutes
}

/** The variant's minute less the other fleet's: for a fleet CloudWatch did not split out. */
export function subtract(
  whole: Map<number, Minute>,
  part: Map<number, Minute>
): Map<number, Minute> {
  const latency = (
    a: number | undefined,
    an: number,
    b: number | undefined,
    bn: number,
    n: number
  ): number | undefined => {
    if (a === undefined || n <= 0) return undefined
    const rest = (a * an - (b ?? 0) * bn) / n
    return rest >= 0 ? rest : undefined
  }
  const out = new Map<number, Minute>()
  for (const [t, w] of whole) {
    const p = part.get(t)
    const requests = Math.max(0, w.requests - (p?.requests ?? 0))
    out.set(t, {
      requests,
      errors5xx: Math.max(0, w.errors5xx - (p?.errors5xx ?? 0)),
      errors4xx: Math.max(0, w.errors4xx - (p?.errors4xx ?? 0)),
      modelLatencyUs: latency(
        w.modelLatencyUs,
        w.requests,
        p?.modelLatencyUs,
        p?.requests ?? 0,
        requests
      ),
      overheadLatencyUs: latency(
        w.overheadLatencyUs,
        w.requests,
        p?.overheadLatencyUs,
        p?.requests ?? 0,
        requests
      )
    })
  }
  return out
}

function overlap(segment: Segment, start: number): number {
  return Math.max(0, Math.min(segment.until, start + PERIOD_MS) - Math.max(segment.from, start))
}

/** Shares of one minute among the segments: time overlapped × traffic share, normalised. */
function shares(segments: readonly Segment[], start: number, share: (s: Segment) => number) {
  const overlaps = segments.map(s => overlap(s, start))
  let weights = overlaps.map((o, i) => o * share(segments[i]!))
  let total = weights.reduce((a, b) => a + b, 0)
  // The fleet served while the table says it had no share (a step seen late): time decides.
  if (total === 0) {
    weights = overlaps
    total = overlaps.reduce((a, b) => a + b, 0)
  }
  return total === 0 ? weights.map(() => 0) : weights.map(w => w / total)
}

export function distribute(
  minutes: Map<number, Minute>,
  segments: readonly Segment[],
  share: (s: Segment) => number
): Tally[] {
  const tallies = segments.map(emptyTally)
  for (const [start, m] of minutes) {
    shares(segments, start, share).forEach((w, i) => {
      if (w === 0) return
      const tally = tallies[i]!
      tally.requests += m.requests * w
      tally.errors5xx += m.errors5xx * w
      tally.errors4xx += m.errors4xx * w
      if (m.modelLatencyUs !== undefined && m.requests > 0) {
        tally.modelSum += m.modelLatencyUs * m.requests * w
        tally.modelWeight += m.requests * w
      }
      if (m.overheadLatencyUs !== undefined && m.requests > 0) {
        tally.overheadSum += m.overheadLatencyUs * m.requests * w
        tally.overheadWeight += m.requests * w
      }
    })
  }
  return tallies
}

export function addCpu(
  tallies: Tally[],
  cpu: ReadonlyMap<number, number>,
  segments: readonly Segment[]
) {
  for (const [start, value] of cpu) {
    segments.forEach((s, i) => {
      const o = overlap(s, start)
      if (o === 0) return
      tallies[i]!.cpuSum += value * o
      tallies[i]!.cpuWeight += o
    })
  }
}

export const round = (value: number, decimals: number): number => {
  const f = 10 ** decimals
  return Math.round(value * f) / f
}

export function sum(tallies: readonly Tally[]): Tally {
  const total = emptyTally()
  for (const t of tallies) {
    for (const key of Object.keys(total) as (keyof Tally)[]) total[key] += t[key]
  }
  return total
}

export function figures(tally: Tally): FleetFigures {
  const requests = Math.round(tally.requests)
  const latency = (total: number, weight: number): number | null =>
    weight > 0 ? round(microsecondsToMs(total / weight), 2) : null
  return {
    requests,
    errors5xx: Math.round(tally.errors5xx),
    errors4xx: Math.round(tally.errors4xx),
    errorRate5xxPercent:
      tally.requests > 0 ? round((100 * tally.errors5xx) / tally.requests, 2) : null,
    modelLatencyMs: latency(tally.modelSum, tally.modelWeight),
    overheadLatencyMs: latency(tally.overheadSum, tally.overheadWeight)
  }
}
