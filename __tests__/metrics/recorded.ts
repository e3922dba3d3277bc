// A recorded lab run B as plain data: the per-minute datapoints GetMetricData returned for the
// report fixture's timeline (start 14:00:00, 25 % at +60 s, 50 % at +120 s, rolled back at
// +160 s). Blue serves 600 requests a minute at 40 ms; green (model B) fails 20 % at 45 ms.
import { queryId, type Fleet, type InvocationMetric } from '../../src/metrics/queries.js'
import type { MetricSeries } from '../../src/metrics/fold.js'
import { T0 } from '../report/fixtures.js'

export const minute = (m: number): number => T0 + m * 60_000

interface Minute {
  requests: number
  errors5xx: number
  latencyUs: number
}

/** Minute offset from T0 → datapoints, per fleet. */
export const BLUE: Record<number, Minute> = {
  [-5]: { requests: 600, errors5xx: 0, latencyUs: 40_000 },
  [-4]: { requests: 600, errors5xx: 0, latencyUs: 40_000 },
  [-3]: { requests: 600, errors5xx: 0, latencyUs: 40_000 },
  [-2]: { requests: 600, errors5xx: 0, latencyUs: 40_000 },
  [-1]: { requests: 600, errors5xx: 0, latencyUs: 40_000 },
  0: { requests: 600, errors5xx: 0, latencyUs: 40_000 },
  1: { requests: 450, errors5xx: 0, latencyUs: 40_000 },
  2: { requests: 400, errors5xx: 0, latencyUs: 40_000 },
  3: { requests: 600, errors5xx: 0, latencyUs: 40_000 },
  4: { requests: 600, errors5xx: 0, latencyUs: 40_000 }
}

export const GREEN: Record<number, Minute> = {
  1: { requests: 150, errors5xx: 30, latencyUs: 45_000 },
  2: { requests: 200, errors5xx: 40, latencyUs: 45_000 }
}

function add(
  series: Map<string, Map<number, number>>,
  fleet: Fleet,
  metric: InvocationMetric,
  at: number,
  value: number
): void {
  const id = queryId(fleet, metric)
  const points = series.get(id) ?? new Map<number, number>()
  points.set(at, (points.get(at) ?? 0) + value)
  series.set(id, points)
}

/** The series as read.ts collects them; `fleets` picks which dimensions CloudWatch had. */
export function recordedSeries(
  fleets: { blue?: boolean; green?: boolean; endpoint?: boolean } = {}
): MetricSeries {
  const { blue = true, green = true, endpoint = true } = fleets
  const series = new Map<string, Map<number, number>>()
  const record = (fleet: Fleet, data: Record<number, Minute>) => {
    for (const [m, point] of Object.entries(data)) {
      const at = minute(Number(m))
      add(series, fleet, 'invocations', at, point.requests)
      add(series, fleet, 'errors5xx', at, point.errors5xx)
      add(series, fleet, 'errors4xx', at, 0)
      add(series, fleet, 'modelLatency', at, point.latencyUs)
      add(series, fleet, 'overheadLatency', at, 2_500)
    }
  }
  if (blue) record('blue', BLUE)
  if (green) record('green', GREEN)
  if (endpoint) {
    for (const m of new Set([...Object.keys(BLUE), ...Object.keys(GREEN)].map(Number))) {
      const b = BLUE[m] ?? { requests: 0, errors5xx: 0, latencyUs: 0 }
      const g = GREEN[m] ?? { requests: 0, errors5xx: 0, latencyUs: 0 }
      const requests = b.requests + g.requests
      const at = minute(m)
      add(series, 'endpoint', 'invocations', at, requests)
      add(series, 'endpoint', 'errors5xx', at, b.errors5xx + g.errors5xx)
      add(series, 'endpoint', 'errors4xx', at, 0)
      add(
        series,
        'endpoint',
        'modelLatency',
        at,
        (b.latencyUs * b.requests + g.latencyUs * g.requests) / requests
      )
      add(series, 'endpoint', 'overheadLatency', at, 2_500)
    }
    series.set('endpoint_cpu', new Map([[minute(1), 20]]))
  }
  return series
}

/** GetMetricData results (SDK shape: Date timestamps) for the same series. */
export function recordedResults(series: MetricSeries) {
  return [...series].map(([Id, points]) => ({
    Id,
    Label: Id,
    StatusCode: 'Complete' as const,
    Timestamps: [...points.keys()].map(t => new Date(t)),
    Values: [...points.values()]
  }))
}
