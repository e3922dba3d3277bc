// Pure: how long a guard alarm needs to see a bad model, and which steps of a rollout SageMaker
// watches long enough for it. SageMaker reads the rollback alarms only while it bakes; an alarm
// goes into ALARM only once its metric's datapoints have arrived (CloudWatch gets SageMaker's
// per-minute datapoints minutes late), enough periods have breached, and CloudWatch has evaluated
// it. A step whose remaining watched time is shorter than that can pass a bad model unseen.
import type { AlarmTiming, RolloutPolicy } from '../types.js'

/**
 * How late a minute of SageMaker's invocation metrics can be complete in CloudWatch, by default
 * (action.yml `metric-delay`): AWS gives no figure; CloudWatch evaluates "data points available
 * at a specific moment" while "new data points continue to flow" (re:Post), and the emulator's
 * late-datapoint model assumes up to 3 minutes.
 */
export const DEFAULT_METRIC_DELAY_SECONDS = 180

export type { AlarmTiming }

/**
 * How often CloudWatch evaluates an alarm: "If the alarm period is 10 seconds or 30 seconds, the
 * alarm is evaluated every 10 seconds"; any longer period is evaluated every minute (CloudWatch
 * guide, "Using Amazon CloudWatch alarms"; the alarm limits page: "even if the alarm's period is
 * longer than one minute, it is evaluated every minute").
 */
export function evaluationIntervalSeconds(periodSeconds: number): number {
  return periodSeconds < 60 ? 10 : 60
}

/**
 * The worst case from the first bad request to ALARM: a bad request at the start of a period
 * breaches that period and the next `datapointsToAlarm - 1`, the last of them is complete
 * `metricDelaySeconds` after it ends, and CloudWatch evaluates within one interval after that.
 */
export function detectionSeconds(
  a: Pick<AlarmTiming, 'periodSeconds' | 'datapointsToAlarm' | 'metricDelaySeconds'>
): number {
  return (
    a.periodSeconds * Math.max(1, a.datapointsToAlarm) +
    a.metricDelaySeconds +
    evaluationIntervalSeconds(a.periodSeconds)
  )
}

/** The rollout's detection time: the slowest guard alarm (each must be able to fire). */
export function rolloutDetectionSeconds(alarms: readonly AlarmTiming[]): number | undefined {
  return alarms.length ? Math.max(...alarms.map(detectionSeconds)) : undefined
}

/** A traffic step as the guard sees it. */
export interface GuardedStep {
  /** Index in the step list (1 = the first shift). */
  readonly step: number
  readonly greenPercent: number
  /** This step's own watched time (its bake; the last one: the final bake). */
  readonly bakeSeconds: number
  /** Watched time from this step's start to the end of the rollout (its bake and every later). */
  readonly watchedSeconds: number
  /** True when a model that breaks at this step is seen before SageMaker completes. */
  readonly seen: boolean
}

/**
 * The watched time of each shift of a linear, canary or all-at-once rollout. The step that
 * reaches 100 % bakes only `TerminationWaitInSeconds` (the harsher reading: the guides never say
 * that it bakes `WaitIntervalInSeconds` too, and their EventBridge examples label the
 * full-capacity bake "TerminationWaitInSeconds").
 */
export function guardedSteps(
  policy: Pick<RolloutPolicy, 'waitIntervalSeconds' | 'terminationWaitSeconds'>,
  greenPercents: readonly number[],
  detection: number
): GuardedStep[] {
  // The last step is the one that takes all the traffic (its share may round below 100 %).
  const bakes = greenPercents.map((_, i) =>
    i === greenPercents.length - 1 ? policy.terminationWaitSeconds : policy.waitIntervalSeconds
  )
  return greenPercents.map((greenPercent, i) => {
    const watchedSeconds = bakes.slice(i).reduce((sum, b) => sum + b, 0)
    return {
      step: i + 1,
      greenPercent,
      bakeSeconds: bakes[i]!,
      watchedSeconds,
      seen: watchedSeconds >= detection
    }
  })
}

/**
 * The final bake that lets the guard see a model that breaks as it takes all the traffic: the
 * detection time, at least what was asked. A cost in minutes the plan shows.
 */
export function safeTerminationWait(asked: number, detection: number | undefined): number {
  return detection === undefined ? asked : Math.max(asked, detection)
}

/**
 * The timing of an alarm as PutMetricAlarm takes it or DescribeAlarms returns it (the same
 * members): the period of a single-metric alarm, or the longest period among a metric-math
 * alarm's metrics; DatapointsToAlarm, else EvaluationPeriods (CloudWatch's default).
 */
export function alarmTiming(
  alarm: Readonly<Record<string, unknown>>,
  metricDelaySeconds: number
): AlarmTiming {
  const num = (v: unknown): number | undefined =>
    Number.isFinite(v) && (v as number) > 0 ? (v as number) : undefined
  const metrics = Array.isArray(alarm['Metrics']) ? (alarm['Metrics'] as unknown[]) : []
  const periods = metrics
    .map(m => (m as { MetricStat?: { Period?: unknown }; Period?: unknown } | null) ?? {})
    .map(m => num(m.MetricStat?.Period) ?? num(m.Period))
    .filter((p): p is number => p !== undefined)
  const periodSeconds = num(alarm['Period']) ?? (periods.length ? Math.max(...periods) : 60)
  const datapointsToAlarm = num(alarm['DatapointsToAlarm']) ?? num(alarm['EvaluationPeriods']) ?? 1
  return {
    name: typeof alarm['AlarmName'] === 'string' ? alarm['AlarmName'] : '?',
    periodSeconds,
    datapointsToAlarm,
    metricDelaySeconds
  }
}

/** How the slowest alarm's detection time adds up, for people. */
export function detectionText(a: AlarmTiming): string {
  return `period ${a.periodSeconds} s × ${a.datapointsToAlarm} + metric-delay ${a.metricDelaySeconds} s + ${evaluationIntervalSeconds(a.periodSeconds)} s evaluation`
}
