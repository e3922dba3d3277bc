// The GetMetricData request for a model deployed into an inference component. SageMaker
// publishes a component's invocation metrics with the `InferenceComponentName` dimension
// (SageMaker guide, "Amazon SageMaker AI metrics in Amazon CloudWatch"); nothing tells the old
// copies from the new ones, so the figures are the component's, per step. Pure.
import type { Plan, Timeline } from '../types.js'
import {
  INVOCATION_METRICS,
  PERIOD_SECONDS,
  SAGEMAKER_NAMESPACE,
  metricsWindow,
  queryId,
  type MetricQuery,
  type MetricsRequest
} from './query-parts.js'

/** Why a component's figures are not split between the old and new copies. */
export const COMPONENT_SPLIT_NOTE =
  "CloudWatch has no dimension for a component's old and new copies: the figures are the inference component's (InferenceComponentName), both together."

export function componentMetricQueries(plan: Plan, timeline: Timeline): MetricsRequest {
  const name = plan.component?.name ?? ''
  const queries: MetricQuery[] = INVOCATION_METRICS.map(metric => ({
    Id: queryId('endpoint', metric.key),
    Label: `${metric.metricName} inference component ${name}`,
    ReturnData: true,
    MetricStat: {
      Metric: {
        Namespace: SAGEMAKER_NAMESPACE,
        MetricName: metric.metricName,
        Dimensions: [{ Name: 'InferenceComponentName', Value: name }]
      },
      Period: PERIOD_SECONDS,
      Stat: metric.stat
    }
  }))
  const { start, end } = metricsWindow(timeline)
  return {
    startTime: start,
    endTime: end,
    queries,
    blueConfigName: undefined,
    greenConfigName: plan.greenModelName
  }
}
