import { InputError } from './errors.js'
import type { RolloutPolicy, ScheduledStep, StepSize } from './types.js'

// Pure: the blue/green rollout policy in SageMaker's terms. How many instances each traffic
// step moves, the split to expect at each step, the DeploymentConfig to send (and to read
// back from DescribeEndpoint) and the deployment timeout that fits the schedule.

/** Room for provisioning in SageMaker's own deployment timeout. */
export const PROVISIONING_MARGIN_SECONDS = 900
export const MIN_EXECUTION_TIMEOUT_SECONDS = 600
export const MAX_EXECUTION_TIMEOUT_SECONDS = 28800

const ROUTING_TYPES = { linear: 'LINEAR', canary: 'CANARY', 'all-at-once': 'ALL_AT_ONCE' } as const

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

/** A shift's bake, and the final bake after the last one (blue is terminated only after both). */
function bakeLabel(policy: RolloutPolicy, last: boolean): string {
  const final =
    last && policy.terminationWaitSeconds > 0
      ? `, then ${policy.terminationWaitSeconds} s final bake`
      : ''
  return `${policy.waitIntervalSeconds} s bake${final}`
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

/** SageMaker's MaximumExecutionTimeoutInSeconds: the user's, checked, or derived. */
export function executionTimeout(
  policy: RolloutPolicy,
  instanceCount: number,
  checked: boolean
): number {
  const waits =
    shiftCount(policy, instanceCount) * policy.waitIntervalSeconds + policy.terminationWaitSeconds
  const given = policy.maxExecutionTimeoutSeconds
  if (!checked) return given ?? clampTimeout(waits + PROVISIONING_MARGIN_SECONDS)
  if (waits > MAX_EXECUTION_TIMEOUT_SECONDS) {
    throw new InputError(
      'wait-interval',
      `Input "wait-interval" (${policy.waitIntervalSeconds} s) is too long for this fleet: the rollout waits ${waits} s in all (${shiftCount(policy, instanceCount)} traffic steps × wait-interval ${policy.waitIntervalSeconds} s + termination-wait ${policy.terminationWaitSeconds} s), more than SageMaker's limit of ${MAX_EXECUTION_TIMEOUT_SECONDS} s. Lower wait-interval or termination-wait, or use a larger step-size.`
    )
  }
  if (given === undefined) return clampTimeout(waits + PROVISIONING_MARGIN_SECONDS)
  if (given < waits) {
    throw new InputError(
      'max-execution-timeout',
      `Input "max-execution-timeout" is ${given} s, but the rollout waits at least ${waits} s (${shiftCount(policy, instanceCount)} traffic steps × wait-interval ${policy.waitIntervalSeconds} s + termination-wait ${policy.terminationWaitSeconds} s), before provisioning. Set it to at least ${waits} plus time to provision the green fleet, or leave it empty to derive it.`
    )
  }
  return given
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
  alarmNames: readonly string[]
): Record<string, unknown> {
  const type = ROUTING_TYPES[policy.routing]
  const size = { Type: policy.stepSize.type, Value: policy.stepSize.value }
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
      MaximumExecutionTimeoutInSeconds: executionTimeout(policy, instanceCount, true)
    }
  }
  if (alarmNames.length > 0) {
    config['AutoRollbackConfiguration'] = { Alarms: alarmNames.map(AlarmName => ({ AlarmName })) }
  }
  return config
}
