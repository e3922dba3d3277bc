// The guard: the alarms the action creates for a rollout, and when an existing one is already up
// to date.
import type { AlarmSpec, MetricsResolution, Tag } from '../types.js'

// The two lab alarms that guard a rollout. Both watch the endpoint's variant (blue and green
// together), fire on one breaching period (1 minute, or 10 or 30 s with metrics-resolution) and
// treat a period without traffic as OK, so an idle endpoint never blocks or rolls back a
// deployment.

const NAMESPACE = 'AWS/SageMaker'
/** The created alarms' period by default; each fires on one breaching period (DatapointsToAlarm 1). */
export const PERIOD_SECONDS = 60

/** How the created alarms cut time: their period, and how many of them each evaluation looks at. */
export interface AlarmPeriods {
  readonly periodSeconds: number
  readonly evaluationPeriods: number
}

export const MINUTE_PERIODS: AlarmPeriods = { periodSeconds: PERIOD_SECONDS, evaluationPeriods: 1 }

/**
 * The created alarms' periods for the green config's invocation metrics: one minute, or the 10 or
 * 30 s that `metrics-resolution` asks for. A 10 or 30 s alarm looks at enough periods to reach a
 * datapoint `metric-delay` late, still firing on one (1 out of N): CloudWatch documents no
 * evaluation range, and says a 10 s alarm on one-minute data "might often lapse into
 * INSUFFICIENT_DATA" (PutMetricAlarm, Period), so it may look back only a few periods.
 */
export function createdAlarmPeriods(
  resolution: MetricsResolution | undefined,
  metricDelaySeconds: number
): AlarmPeriods {
  const periodSeconds = resolution ?? PERIOD_SECONDS
  if (periodSeconds >= 60) return { periodSeconds, evaluationPeriods: 1 }
  return { periodSeconds, evaluationPeriods: Math.ceil(metricDelaySeconds / periodSeconds) + 1 }
}

/** "1 min" or "10 s", for people. */
function span(periodSeconds: number): string {
  return periodSeconds === 60 ? '1 min' : `${periodSeconds} s`
}

/** What the error-rate alarm counts as a failed invocation, for people. */
const FAILURES = '5XX, timeouts, model errors'

/** The error-rate alarm keeps its first name (5XX only then): users' alarm lists name it. */
export function errorRateAlarmName(endpointName: string): string {
  return `${endpointName}-5xx-rate`
}

export function latencyAlarmName(endpointName: string): string {
  return `${endpointName}-model-latency`
}

export function labAlarms(
  endpointName: string,
  variantName: string,
  errorRateThresholdPercent: number,
  latencyThresholdMs: number,
  tags: readonly Tag[],
  periods: AlarmPeriods = MINUTE_PERIODS,
  prefix: string = endpointName
): AlarmSpec[] {
  return guardAlarms(
    {
      prefix,
      dimensions: [
        { Name: 'EndpointName', Value: endpointName },
        { Name: 'VariantName', Value: variantName }
      ],
      what: `a blue/green deployment of SageMaker endpoint ${endpointName} (variant ${variantName})`
    },
    errorRateThresholdPercent,
    latencyThresholdMs,
    tags,
    periods
  )
}

/**
 * The two alarms for an inference component: SageMaker publishes its invocation metrics with an
 * `InferenceComponentName` dimension (SageMaker guide, "Amazon SageMaker AI metrics in Amazon
 * CloudWatch": dimensions for endpoint invocation metrics).
 */
export function componentAlarms(
  componentName: string,
  endpointName: string,
  errorRateThresholdPercent: number,
  latencyThresholdMs: number,
  tags: readonly Tag[],
  prefix: string = componentName
): AlarmSpec[] {
  return guardAlarms(
    {
      prefix,
      dimensions: [{ Name: 'InferenceComponentName', Value: componentName }],
      what: `a rolling update of inference component ${componentName} (endpoint ${endpointName})`
    },
    errorRateThresholdPercent,
    latencyThresholdMs,
    tags,
    MINUTE_PERIODS
  )
}

interface AlarmTarget {
  /** The alarm names start with it. */
  readonly prefix: string
  readonly dimensions: readonly { readonly Name: string; readonly Value: string }[]
  /** What the alarms roll back, for their description. */
  readonly what: string
}

function guardAlarms(
  target: AlarmTarget,
  errorRateThresholdPercent: number,
  latencyThresholdMs: number,
  tags: readonly Tag[],
  periods: AlarmPeriods
): AlarmSpec[] {
  const { prefix, what } = target
  const { periodSeconds, evaluationPeriods } = periods
  const minute = periodSeconds === 60
  // Kept word for word at one minute: alarms written by earlier runs stay up to date.
  const within = minute ? 'in a minute' : `in any ${periodSeconds} s`
  const over = minute ? 'over a minute' : `over any ${periodSeconds} s`
  const window = evaluationPeriods > 1 ? ` (any of the last ${evaluationPeriods} periods)` : ''
  const dimensions = target.dimensions.map(d => ({ ...d }))
  const metric = (id: string, metricName: string) => ({
    Id: id,
    MetricStat: {
      Metric: { Namespace: NAMESPACE, MetricName: metricName, Dimensions: dimensions },
      Period: periodSeconds,
      Stat: 'Sum'
    },
    ReturnData: false
  })
  const plainTags = tags.map(({ Key, Value }) => ({ Key, Value }))

  // Failed requests per minute: the larger of Invocation5XXErrors and InvocationModelErrors less
  // Invocation4XXErrors. InvocationModelErrors counts every request "which did not result in 2XX
  // HTTP response": the model's 4XX and 5XX, socket errors, malformed answers, timeouts (SageMaker
  // guide, monitoring-cloudwatch). Less the 4XX it adds what 5XX misses without counting client
  // mistakes (a model answering 400 to bad input is healthy). The larger of the two never sees
  // fewer failures than the 5XX count, whatever the overlap really is (model errors without the
  // 5XX, or 4XX the model never saw, would make the difference short). FILL: a minute missing one
  // of the two metrics still has a rate.
  const errorRate: AlarmSpec = {
    name: errorRateAlarmName(prefix),
    watches: `Error rate (${FAILURES}) > ${errorRateThresholdPercent} % of invocations over ${span(periodSeconds)}${window}`,
    threshold: errorRateThresholdPercent,
    thresholdText: `> ${errorRateThresholdPercent} %`,
    request: {
      AlarmName: errorRateAlarmName(prefix),
      AlarmDescription: `Rolls back ${what} when more than ${errorRateThresholdPercent} % of invocations fail ${within}: 5XX, timeouts, socket errors or malformed answers (not 4XX).`,
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: errorRateThresholdPercent,
      EvaluationPeriods: evaluationPeriods,
      DatapointsToAlarm: 1,
      TreatMissingData: 'notBreaching',
      Metrics: [
        metric('errors5xx', 'Invocation5XXErrors'),
        metric('errors4xx', 'Invocation4XXErrors'),
        metric('model_errors', 'InvocationModelErrors'),
        metric('invocations', 'Invocations'),
        {
          Id: 'model_failed',
          Expression: 'FILL(model_errors, 0) - FILL(errors4xx, 0)',
          Label: 'Model errors other than 4XX',
          ReturnData: false
        },
        {
          Id: 'failed',
          Expression: 'IF(errors5xx > model_failed, errors5xx, model_failed)',
          Label: `Failed invocations (${FAILURES})`,
          ReturnData: false
        },
        {
          Id: 'rate',
          Expression: 'IF(invocations > 0, 100 * failed / invocations, 0)',
          Label: `Error rate % (${FAILURES})`,
          ReturnData: true
        }
      ],
      Tags: plainTags
    }
  }

  // CloudWatch reports ModelLatency in microseconds.
  const latency: AlarmSpec = {
    name: latencyAlarmName(prefix),
    watches: `ModelLatency average > ${latencyThresholdMs} ms over ${span(periodSeconds)}${window}`,
    threshold: latencyThresholdMs,
    thresholdText: `> ${latencyThresholdMs} ms`,
    request: {
      AlarmName: latencyAlarmName(prefix),
      AlarmDescription: `Rolls back ${what} when the average ModelLatency ${over} exceeds ${latencyThresholdMs} ms.`,
      Namespace: NAMESPACE,
      MetricName: 'ModelLatency',
      Dimensions: dimensions,
      Statistic: 'Average',
      Period: periodSeconds,
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: Math.round(latencyThresholdMs * 1000),
      EvaluationPeriods: evaluationPeriods,
      DatapointsToAlarm: 1,
      TreatMissingData: 'notBreaching',
      Tags: plainTags
    }
  }
  return [errorRate, latency]
}

function sortedDimensions(value: unknown): unknown {
  if (!Array.isArray(value)) return value
  return [...(value as { Name?: string }[])].sort((a, b) =>
    (a.Name ?? '') < (b.Name ?? '') ? -1 : (a.Name ?? '') > (b.Name ?? '') ? 1 : 0
  )
}

/** Whether `have` holds every value `want` sets (arrays element by element, same length). */
function covers(want: unknown, have: unknown, key = ''): boolean {
  if (key === 'Dimensions') {
    want = sortedDimensions(want)
    have = sortedDimensions(have)
  }
  if (Array.isArray(want)) {
    return (
      Array.isArray(have) &&
      have.length === want.length &&
      want.every((item, i) => covers(item, have[i]))
    )
  }
  if (want !== null && typeof want === 'object') {
    if (have === null || typeof have !== 'object') return false
    return Object.entries(want as Record<string, unknown>).every(([k, v]) =>
      covers(v, (have as Record<string, unknown>)[k], k)
    )
  }
  return want === have
}

/**
 * Whether an alarm read with DescribeAlarms already has the definition PutMetricAlarm would
 * write: then it is not written again (writes count against a low per-account quota).
 */
export function alarmUpToDate(
  existing: unknown,
  request: Readonly<Record<string, unknown>>
): boolean {
  // An alarm that does not exist (undefined) covers nothing: `covers` answers false for it.
  const { Tags, ...definition } = request
  void Tags
  return covers(definition, existing)
}
