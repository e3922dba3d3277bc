// The gate alarm: one more alarm the action owns, on a metric only the action publishes. The
// gate's checks publish 0 while they pass and 1 when one fails; the alarm is in the update's
// AutoRollbackConfiguration, so SageMaker rolls back with its own machinery (no second writer on
// the endpoint). A metric alarm, not SetAlarmState: "the alarm returns to its actual state"
// within seconds when its state is set by hand (SetAlarmState, CloudWatch API reference). Pure.
import type { AlarmSpec, GatePlan, GateRequest, Tag } from '../../types.js'

/** The action's own namespace (PutMetricData refuses names starting with "AWS/"). */
export const GATE_NAMESPACE = 'SageMakerBlueGreenDeploy'
export const GATE_METRIC = 'GateFailed'
/** High resolution: the alarm can look at 10-s periods ("high-resolution metrics", CloudWatch guide). */
export const GATE_PERIOD_SECONDS = 10
/**
 * The alarm looks at the last 3 periods and fires on one: a breach published a few seconds late
 * (custom metrics are not instantly visible) is still in the window when CloudWatch evaluates.
 */
export const GATE_EVALUATION_PERIODS = 3
/** A failed gate publishes its breach this often until the run ends (never a single datapoint). */
export const GATE_PUBLISH_SECONDS = 5
/** The worst lag from PutMetricData to a datapoint an alarm evaluates (assumption; see the emulator). */
export const GATE_VISIBILITY_SECONDS = 5

export function gateAlarmName(endpointName: string): string {
  return `${endpointName}-gate`
}

export function gateDimensions(
  endpointName: string
): readonly { readonly Name: string; readonly Value: string }[] {
  return [{ Name: 'EndpointName', Value: endpointName }]
}

/**
 * Golden requests one step needs before the rule can fail it (rule.ts takes it from here: the
 * plan's arithmetic and the rule agree, and reading the plan loads no statistics).
 */
export const GATE_MIN_SAMPLES = 20

/**
 * Worst case from a bad model taking traffic to a published breach: the command's whole limit
 * (it runs once a shift is seen), or the golden requests a judgement needs at the gate's rate,
 * whichever is slower, then the publication's own lag. The alarm's period and evaluation come on
 * top (guard/detection.ts), as for every alarm.
 */
export function gateJudgeSeconds(gate: GateRequest): number {
  const requests = gate.requests.length
    ? Math.ceil(GATE_MIN_SAMPLES / gate.ratePerSecond) + GATE_PUBLISH_SECONDS
    : 0
  const command = gate.command !== undefined ? gate.commandTimeoutSeconds : 0
  return Math.max(requests, command) + GATE_VISIBILITY_SECONDS
}

export function gatePlan(
  endpointName: string,
  gate: GateRequest,
  prefix: string = endpointName
): GatePlan {
  return {
    alarmName: gateAlarmName(prefix),
    namespace: GATE_NAMESPACE,
    metricName: GATE_METRIC,
    dimensions: gateDimensions(endpointName),
    judgeSeconds: gateJudgeSeconds(gate),
    requests: gate.requests.length,
    ratePerSecond: gate.ratePerSecond,
    command: gate.command,
    commandTimeoutSeconds: gate.commandTimeoutSeconds,
    onCancel: gate.onCancel
  }
}

/** The gate alarm's PutMetricAlarm request. Missing data is OK: no check, no breach. */
export function gateAlarm(plan: GatePlan, endpointName: string, tags: readonly Tag[]): AlarmSpec {
  return {
    name: plan.alarmName,
    watches: `Verification gate (${GATE_NAMESPACE}/${GATE_METRIC}) ≥ 1 in any ${GATE_PERIOD_SECONDS} s (any of the last ${GATE_EVALUATION_PERIODS} periods)`,
    threshold: 1,
    thresholdText: '≥ 1 (a failed check)',
    request: {
      AlarmName: plan.alarmName,
      AlarmDescription: `Rolls back a deployment of SageMaker endpoint ${endpointName} when a check of the action's verification gate fails (golden requests or verify-command). Published by the action only.`,
      Namespace: GATE_NAMESPACE,
      MetricName: GATE_METRIC,
      Dimensions: plan.dimensions.map(d => ({ ...d })),
      Statistic: 'Maximum',
      Period: GATE_PERIOD_SECONDS,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      Threshold: 1,
      EvaluationPeriods: GATE_EVALUATION_PERIODS,
      DatapointsToAlarm: 1,
      TreatMissingData: 'notBreaching',
      Tags: tags.map(({ Key, Value }) => ({ Key, Value }))
    }
  }
}
