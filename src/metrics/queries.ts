// The GetMetricData request for a rollout, as plain JSON: every invocation metric for the green
// fleet, the blue fleet and the whole variant, plus CPU, in one call. Pure.
//
// During a blue/green update SageMaker publishes the variant's metrics a second time with an
// `EndpointConfigName` dimension, one series per fleet (green under the new config). The
// variant-level series (EndpointName, VariantName) is the fallback when that split is missing.
import type { Plan, Timeline } from '../types.js'
import { componentMetricQueries } from './component-queries.js'

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

export function buildMetricQueries(plan: Plan, timeline: Timeline): MetricsRequest {
  if (plan.component) return componentMetricQueries(plan, timeline)
  const greenConfigName = timeline.newConfigName
  const previous = timeline.oldConfigName ?? plan.previousConfigName
  const blueConfigName =
    previous !== undefined && previous !== greenConfigName ? previous : undefined
  const variant: Dimension[] = [
    { Name: 'EndpointName', Value: plan.endpointName },
    { Name: 'VariantName', Value: plan.variantName }
  ]
  const fleets: [Fleet, readonly Dimension[], string][] = [
    [
      'green',
      [...variant, { Name: 'EndpointConfigName', Value: greenConfigName }],
      `green (${greenConfigName})`
    ]
  ]
  if (blueConfigName !== undefined) {
    fleets.push([
      'blue',
      [...variant, { Name: 'EndpointConfigName', Value: blueConfigName }],
      `blue (${blueConfigName})`
    ])
  }
  fleets.push(['endpoint', variant, `${plan.endpointName}/${plan.variantName}`])

  const queries: MetricQuery[] = []
  for (const [fleet, dimensions, label] of fleets) {
    for (const metric of INVOCATION_METRICS) {
      queries.push({
        Id: queryId(fleet, metric.key),
        Label: `${metric.metricName} ${label}`,
        ReturnData: true,
        MetricStat: {
          Metric: {
            Namespace: SAGEMAKER_NAMESPACE,
            MetricName: metric.metricName,
            Dimensions: dimensions
          },
          Period: PERIOD_SECONDS,
          Stat: metric.stat
        }
      })
    }
  }
  queries.push({
    Id: CPU_QUERY_ID,
    Label: `CPUUtilization ${plan.endpointName}/${plan.variantName}`,
    ReturnData: true,
    MetricStat: {
      Metric: { Namespace: ENDPOINT_NAMESPACE, MetricName: 'CPUUtilization', Dimensions: variant },
      Period: PERIOD_SECONDS,
      Stat: 'Average'
    }
  })
  const { start, end } = metricsWindow(timeline)
  return { startTime: start, endTime: end, queries, blueConfigName, greenConfigName }
}
