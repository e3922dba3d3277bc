// The parts of a GetMetricData request that every target's queries share: namespaces, the
// invocation metrics, query ids and the time window. Pure.
import type { Timeline } from '../types.js'

export const SAGEMAKER_NAMESPACE = 'AWS/SageMaker'
export const ENDPOINT_NAMESPACE = '/aws/sagemaker/Endpoints'
export const PERIOD_SECONDS = 60
const MINUTE_MS = 60_000
/** Minutes of baseline before the update, and of tail after the verdict. */
export const BASELINE_MINUTES = 5
export const TAIL_MINUTES = 2

export type Fleet = 'green' | 'blue' | 'endpoint'

export type InvocationMetric =
  'invocations' | 'errors5xx' | 'errors4xx' | 'modelLatency' | 'overheadLatency'

export const INVOCATION_METRICS: readonly {
  readonly key: InvocationMetric
  readonly metricName: string
  readonly stat: 'Sum' | 'Average'
}[] = [
  { key: 'invocations', metricName: 'Invocations', stat: 'Sum' },
  { key: 'errors5xx', metricName: 'Invocation5XXErrors', stat: 'Sum' },
  { key: 'errors4xx', metricName: 'Invocation4XXErrors', stat: 'Sum' },
  // Both latencies are in microseconds.
  { key: 'modelLatency', metricName: 'ModelLatency', stat: 'Average' },
  { key: 'overheadLatency', metricName: 'OverheadLatency', stat: 'Average' }
]

export const CPU_QUERY_ID = 'endpoint_cpu'

export interface Dimension {
  readonly Name: string
  readonly Value: string
}

/** One MetricDataQuery, exactly as sent (plain JSON). */
export interface MetricQuery {
  readonly Id: string
  readonly Label: string
  readonly ReturnData: true
  readonly MetricStat: {
    readonly Metric: {
      readonly Namespace: string
      readonly MetricName: string
      readonly Dimensions: readonly Dimension[]
    }
    readonly Period: number
    readonly Stat: string
  }
}

export interface MetricsRequest {
  /** Epoch milliseconds, aligned to the minute. */
  readonly startTime: number
  readonly endTime: number
  readonly queries: readonly MetricQuery[]
  readonly blueConfigName: string | undefined
  readonly greenConfigName: string
}

/** `green_errors5xx`: fleet and metric, so a result finds its place by its id alone. */
export function queryId(fleet: Fleet, metric: InvocationMetric): string {
  return `${fleet}_${metric}`
}

/** CloudWatch latency metrics are in microseconds; the report speaks milliseconds. */
export function microsecondsToMs(microseconds: number): number {
  return microseconds / 1000
}

/** The last service time the timeline knows: the verdict, or close to it. */
export function lastKnownTime(timeline: Timeline): number {
  const times = [
    timeline.startedAt,
    ...timeline.steps.map(step => step.at),
    ...timeline.events.map(event => event.at),
    timeline.last?.lastModifiedTime ?? 0
  ]
  return Math.max(...times.filter(Number.isFinite))
}

/** Baseline minutes before the update to a little after the verdict, on whole minutes. */
export function metricsWindow(timeline: Timeline): { start: number; end: number } {
  const start =
    Math.floor(timeline.startedAt / MINUTE_MS) * MINUTE_MS - BASELINE_MINUTES * MINUTE_MS
  const end = Math.ceil(lastKnownTime(timeline) / MINUTE_MS) * MINUTE_MS + TAIL_MINUTES * MINUTE_MS
  return { start, end }
}
