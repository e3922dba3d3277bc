import { InputError } from './errors.js'
import type { RolloutPolicy, ScheduledStep, StepSize } from './types.js'

// Pure: the rollout policy in SageMaker's terms (blue/green linear, canary, all at once, or
// rolling batches). How many instances each traffic step moves, the split to expect at each
// step, the DeploymentConfig to send (and to read back from DescribeEndpoint) and the
// deployment timeout that fits the schedule.

/**
 * Room for provisioning in SageMaker's own deployment timeout: at least 30 minutes (endpoints
 * are reported to take 10–15 minutes to come up), more when the variant's own download and
 * health-check timeouts add up to more.
 */
export const PROVISIONING_MARGIN_SECONDS = 1800
export const MIN_EXECUTION_TIMEOUT_SECONDS = 600
export const MAX_EXECUTION_TIMEOUT_SECONDS = 28800

const ROUTING_TYPES = {
  linear: 'LINEAR',
  canary: 'CANARY',
  'all-at-once': 'ALL_AT_ONCE',
  rolling: 'ROLLING'
} as const

/** Instances a linear step or canary moves: a percentage rounds up (33 % of 3 = 1). */
export function stepInstances(stepSize: StepSize, instanceCount: number): number {
  const fleet = Math.max(1, instanceCount)
  const raw =
    stepSize.type === 'CAPACITY_PERCENT'
      ? Math.ceil((fleet * stepSize.value) / 100)
      : Math.floor(stepSize.value)
  return Math.min(Math.max(raw, 1), fleet)
}

/** Traffic shifts, each followed by a bake of WaitIntervalInSeconds. */
function shiftCount(policy: RolloutPolicy, instanceCount: number): number {
  if (policy.routing === 'all-at-once') return 1
  if (policy.routing === 'canary') return 2
  return Math.ceil(Math.max(1, instanceCount) / stepInstances(policy.stepSize, instanceCount))
}

/**
 * The most shifts SageMaker may make: no source says how it rounds a percentage of the fleet to
 * instances (up, to the nearest, or down with at least one), and rounding down means smaller
 * steps, so more of them and more bakes. The execution timeout must hold for all three.
 */
export function mostShifts(policy: RolloutPolicy, instanceCount: number): number {
  if (policy.routing !== 'linear' && policy.routing !== 'rolling') {
    return shiftCount(policy, instanceCount)
  }
  const fleet = Math.max(1, instanceCount)
  if (policy.stepSize.type !== 'CAPACITY_PERCENT') return shiftCount(policy, fleet)
  const exact = (fleet * policy.stepSize.value) / 100
  const smallest = Math.min(Math.max(Math.floor(exact), 1), fleet)
  return Math.ceil(fleet / smallest)
}

/**
 * A shift's bake; the step that reaches 100 % bakes TerminationWaitInSeconds (the guides never say
 * it bakes WaitIntervalInSeconds too; the expected duration allows for both).
 */
function bakeLabel(policy: RolloutPolicy, last: boolean): string {
  if (!last) return `${policy.waitIntervalSeconds} s bake`
  return policy.terminationWaitSeconds > 0
    ? `${policy.terminationWaitSeconds} s final bake`
    : 'no final bake'
}

/** The traffic split SageMaker should show at each step, offsets from the update request. */
export function expectedSchedule(
  policy: RolloutPolicy,
  instanceCount: number,
  provisioningSeconds: number
): ScheduledStep[] {
  const fleet = Math.max(1, instanceCount)
  const wait = policy.waitIntervalSeconds
  const row = (offset: number, green: number, label: string): ScheduledStep => {
    const greenPercent = Math.round((100 * green) / fleet)
    return {
      offsetSeconds: offset,
      bluePercent: 100 - greenPercent,
      greenPercent,
      greenInstances: green,
      label
    }
  }
  if (policy.routing === 'rolling') return rollingSchedule(policy, fleet, provisioningSeconds)
  const rows = [row(0, 0, 'start: green fleet provisioning')]
  if (policy.routing === 'all-at-once') {
    rows.push(row(provisioningSeconds, fleet, `all at once: ${bakeLabel(policy, true)}`))
  } else if (policy.routing === 'canary') {
    const canary = stepInstances(policy.stepSize, fleet)
    rows.push(row(provisioningSeconds, canary, `canary: ${bakeLabel(policy, false)}`))
    rows.push(row(provisioningSeconds + wait, fleet, `the rest: ${bakeLabel(policy, true)}`))
  } else {
    const step = stepInstances(policy.stepSize, fleet)
    const steps = shiftCount(policy, fleet)
    for (let k = 1; k <= steps; k++) {
      const green = Math.min(k * step, fleet)
      const offset = provisioningSeconds + (k - 1) * wait
      const label = `step ${k}: ${bakeLabel(policy, k === steps)}`
      rows.push(row(offset, green, label))
    }
  }
  return rows
}

/** Time to provision the green fleet, from the variant's own timeouts (at least 30 minutes). */
export function provisioningAllowance(
  downloadTimeoutSeconds: number | undefined,
  healthCheckTimeoutSeconds: number | undefined
): number {
  return Math.max(
    PROVISIONING_MARGIN_SECONDS,
    (downloadTimeoutSeconds ?? 0) + (healthCheckTimeoutSeconds ?? 0)
  )
}

/**
 * Rolling: each batch brings up new instances, takes its share of traffic, bakes, then the same
 * number of old instances is terminated. At most fleet + one batch run at once.
 */
function rollingSchedule(
  policy: RolloutPolicy,
  fleet: number,
  provisioningSeconds: number
): ScheduledStep[] {
  const batch = stepInstances(policy.stepSize, fleet)
  const batches = Math.ceil(fleet / batch)
  const rows: ScheduledStep[] = [
    {
      offsetSeconds: 0,
      bluePercent: 100,
      greenPercent: 0,
      greenInstances: 0,
      blueInstances: fleet,
      label: `deployment starts, first batch of ${batch} new instance(s) provisioned`
    }
  ]
  for (let k = 1; k <= batches; k++) {
    const green = Math.min(k * batch, fleet)
    const greenPercent = Math.round((100 * green) / fleet)
    rows.push({
      offsetSeconds: k * provisioningSeconds + (k - 1) * policy.waitIntervalSeconds,
      bluePercent: 100 - greenPercent,
      greenPercent,
      greenInstances: green,
      blueInstances: fleet - green,
      label:
        // Only the last batch can be short: each earlier one terminates a whole batch.
        k === batches
          ? `batch ${k} of ${batches}: all traffic on the new fleet, last old instances terminated`
          : `batch ${k} of ${batches}: ${green} new instance(s) take traffic, then ${batch} old terminated`
    })
  }
  return rows
}

/** The most instances running at once: blue/green doubles the fleet, rolling adds one batch. */
export function peakInstances(
  policy: RolloutPolicy,
  instanceCount: number
): { blueGreen: number; rolling: number } {
  const fleet = Math.max(1, instanceCount)
  return { blueGreen: 2 * fleet, rolling: fleet + stepInstances(policy.stepSize, fleet) }
}

/** SageMaker's MaximumExecutionTimeoutInSeconds: the user's, checked, or derived. */
export function executionTimeout(
  policy: RolloutPolicy,
  instanceCount: number,
  checked: boolean,
  provisioningSeconds = PROVISIONING_MARGIN_SECONDS
): number {
  const waits =
    mostShifts(policy, instanceCount) * policy.waitIntervalSeconds + policy.terminationWaitSeconds
  // Rolling provisions every batch on its own; blue/green provisions the green fleet once.
  const provisioning =
    policy.routing === 'rolling'
      ? mostShifts(policy, instanceCount) * provisioningSeconds
      : provisioningSeconds
  const given = policy.maxExecutionTimeoutSeconds
  if (!checked) return given ?? clampTimeout(waits + provisioning)
  if (waits >= MAX_EXECUTION_TIMEOUT_SECONDS) {
    throw new InputError(
      'wait-interval',
      `Input "wait-interval" (${policy.waitIntervalSeconds} s) is too long for this fleet: the rollout waits ${waits} s in all (${mostShifts(policy, instanceCount)} traffic steps at most × wait-interval ${policy.waitIntervalSeconds} s + termination-wait ${policy.terminationWaitSeconds} s), and SageMaker's limit of ${MAX_EXECUTION_TIMEOUT_SECONDS} s must be larger. Lower wait-interval or termination-wait, or use a larger step-size.`
    )
  }
  if (given === undefined) return clampTimeout(waits + provisioning)
  // The API model: it "should be larger than the total waiting time".
  if (given <= waits) {
    throw new InputError(
      'max-execution-timeout',
      `Input "max-execution-timeout" is ${given} s, but it must be larger than the rollout's waits, ${waits} s (${mostShifts(policy, instanceCount)} traffic steps at most × wait-interval ${policy.waitIntervalSeconds} s + termination-wait ${policy.terminationWaitSeconds} s), before provisioning. Set it to more than ${waits} plus time to provision the new instances (${provisioning} s would be derived), or leave it empty to derive it.`
    )
  }
  return given
}

/**
 * The step size against the green fleet, as the API states it: a linear step is 10–50 % of the
 * variant's instances, a canary at most 50 %. A bare number too large for the fleet is most
 * likely a percentage written without its sign.
 */
export function checkStepSize(policy: RolloutPolicy, instanceCount: number, variant: string): void {
  if (policy.routing === 'all-at-once') return
  const kind =
    policy.routing === 'linear'
      ? 'a linear step'
      : policy.routing === 'canary'
        ? 'a canary'
        : 'a rolling batch'
  const range =
    policy.routing === 'canary'
      ? 'at most 50 %'
      : policy.routing === 'linear'
        ? '10–50 %'
        : '5–50 %'
  if (instanceCount <= 1) {
    throw new InputError(
      'traffic-routing',
      `Input "traffic-routing" is ${policy.routing}, but variant ${variant} runs ${instanceCount} instance: ${kind} must be ${range} of the variant's instances, and no whole ${policy.routing === 'rolling' ? 'batch' : 'step'} of 1 instance is. Use traffic-routing: all-at-once (one shift, still guarded by the alarms during its bake), or run at least 2 instances (instance-count).`
    )
  }
  if (policy.stepSize.type !== 'INSTANCE_COUNT') return
  const step = policy.stepSize.value
  const share = (100 * step) / instanceCount
  const low = policy.routing === 'linear' ? 10 : policy.routing === 'rolling' ? 5 : 0
  if (share >= low && share <= 50) return
  const fits = allowedInstances(policy.routing, instanceCount)
  // 30 on a 4-instance fleet cannot be a number of instances; it was most likely meant as 30 %.
  const lowest = policy.routing === 'linear' ? 10 : policy.routing === 'rolling' ? 5 : 1
  const meant =
    step > instanceCount && step >= lowest && step <= 50 ? ` Did you mean ${step}%?` : ''
  throw new InputError(
    'step-size',
    `Input "step-size" is ${step}, which is ${step} instance${step === 1 ? '' : 's'} (${Math.round(share)} % of the ${instanceCount} instances of variant ${variant}); ${kind} must be ${range} of the variant's instances${fits}.${meant}`
  )
}

function allowedInstances(routing: 'linear' | 'canary' | 'rolling', count: number): string {
  const min =
    routing === 'linear' ? Math.ceil(count / 10) : routing === 'rolling' ? Math.ceil(count / 20) : 1
  const max = Math.floor(count / 2)
  // The fleet has at least 2 instances here, so min <= max; they meet only at 1 (2 or 3 instances).
  return min === max ? ', here exactly 1 instance' : `, here ${min} to ${max} instances`
}

function clampTimeout(seconds: number): number {
  return Math.min(Math.max(seconds, MIN_EXECUTION_TIMEOUT_SECONDS), MAX_EXECUTION_TIMEOUT_SECONDS)
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined
}

function seconds(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined
}

function capacity(value: unknown): StepSize | undefined {
  const size = record(value)
  const type = size?.['Type']
  const amount = size?.['Value']
  if ((type !== 'CAPACITY_PERCENT' && type !== 'INSTANCE_COUNT') || typeof amount !== 'number') {
    return undefined
  }
  return amount >= 1 ? { type, value: amount } : undefined
}

/** The rollout policy of a DescribeEndpoint LastDeploymentConfig; null if it has none. */
export function policyFromDeploymentConfig(config: unknown): RolloutPolicy | null {
  const rolling = record(record(config)?.['RollingUpdatePolicy'])
  if (rolling) {
    const batch = capacity(rolling['MaximumBatchSize'])
    const bake = seconds(rolling['WaitIntervalInSeconds'])
    if (!batch || bake === undefined) return null
    const rollback = capacity(rolling['RollbackMaximumBatchSize'])
    return {
      routing: 'rolling',
      stepSize: batch,
      waitIntervalSeconds: bake,
      terminationWaitSeconds: 0,
      maxExecutionTimeoutSeconds: seconds(rolling['MaximumExecutionTimeoutInSeconds']),
      ...(rollback ? { rollbackStepSize: rollback } : {})
    }
  }
  const blueGreen = record(record(config)?.['BlueGreenUpdatePolicy'])
  const routing = record(blueGreen?.['TrafficRoutingConfiguration'])
  const wait = seconds(routing?.['WaitIntervalInSeconds'])
  if (!blueGreen || !routing || wait === undefined) return null
  const type = routing['Type']
  const common = {
    waitIntervalSeconds: wait,
    terminationWaitSeconds: seconds(blueGreen['TerminationWaitInSeconds']) ?? 0,
    maxExecutionTimeoutSeconds: seconds(blueGreen['MaximumExecutionTimeoutInSeconds'])
  }
  if (type === 'ALL_AT_ONCE') {
    return { routing: 'all-at-once', stepSize: { type: 'CAPACITY_PERCENT', value: 100 }, ...common }
  }
  const stepSize = capacity(routing[type === 'LINEAR' ? 'LinearStepSize' : 'CanarySize'])
  if ((type !== 'LINEAR' && type !== 'CANARY') || !stepSize) return null
  return { routing: type === 'LINEAR' ? 'linear' : 'canary', stepSize, ...common }
}

/** The rollback alarms of a DescribeEndpoint LastDeploymentConfig. */
export function alarmNamesFromDeploymentConfig(config: unknown): string[] {
  const alarms = record(record(config)?.['AutoRollbackConfiguration'])?.['Alarms']
  if (!Array.isArray(alarms)) return []
  const names = alarms.map(a => record(a)?.['AlarmName']).filter(n => typeof n === 'string')
  return [...new Set(names as string[])]
}

/** The DeploymentConfig of a CreateEndpoint or UpdateEndpoint request. */
export function deploymentConfig(
  policy: RolloutPolicy,
  instanceCount: number,
  alarmNames: readonly string[],
  provisioning = PROVISIONING_MARGIN_SECONDS
): Record<string, unknown> {
  const type = ROUTING_TYPES[policy.routing]
  const size = { Type: policy.stepSize.type, Value: policy.stepSize.value }
  const guard =
    alarmNames.length > 0
      ? { AutoRollbackConfiguration: { Alarms: alarmNames.map(AlarmName => ({ AlarmName })) } }
      : {}
  if (type === 'ROLLING') {
    const rollback = policy.rollbackStepSize
    return {
      RollingUpdatePolicy: {
        MaximumBatchSize: size,
        WaitIntervalInSeconds: policy.waitIntervalSeconds,
        MaximumExecutionTimeoutInSeconds: executionTimeout(
          policy,
          instanceCount,
          true,
          provisioning
        ),
        ...(rollback
          ? { RollbackMaximumBatchSize: { Type: rollback.type, Value: rollback.value } }
          : {})
      },
      ...guard
    }
  }
  const routing: Record<string, unknown> = {
    Type: type,
    WaitIntervalInSeconds: policy.waitIntervalSeconds
  }
  if (type === 'LINEAR') routing['LinearStepSize'] = size
  if (type === 'CANARY') routing['CanarySize'] = size
  const config: Record<string, unknown> = {
    BlueGreenUpdatePolicy: {
      TrafficRoutingConfiguration: routing,
      TerminationWaitInSeconds: policy.terminationWaitSeconds,
      MaximumExecutionTimeoutInSeconds: executionTimeout(policy, instanceCount, true, provisioning)
    }
  }
  if (alarmNames.length > 0) {
    config['AutoRollbackConfiguration'] = { Alarms: alarmNames.map(AlarmName => ({ AlarmName })) }
  }
  return config
}
