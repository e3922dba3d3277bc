// The GetMetricData request for a rollout, as plain JSON: every invocation metric for the green
// fleet, the blue fleet and the whole variant, plus CPU, in one call. Pure.
//
// During a blue/green update SageMaker publishes the variant's metrics a second time with an
// `EndpointConfigName` dimension, one series per fleet (green under the new config). The
// variant-level series (EndpointName, VariantName) is the fallback when that split is missing.
import type { Plan, Timeline } from '../types.js'
import { componentMetricQueries } from './component-queries.js'
import {
  SAGEMAKER_NAMESPACE,
  ENDPOINT_NAMESPACE,
  PERIOD_SECONDS,
  INVOCATION_METRICS,
  CPU_QUERY_ID,
  queryId,
  metricsWindow,
  type Fleet,
  type Dimension,
  type MetricQuery,
  type MetricsRequest
} from './query-parts.js'

export * from './query-parts.js'

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
