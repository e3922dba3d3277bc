// DeploymentConfig: validation (ranges and rules from the service model and docs) and its
// resolution into a concrete traffic-step schedule for a green fleet.

import { validation } from './errors.js'
import {
  batchOf,
  checkRollingForFleet,
  validateRollingPolicy,
  type BatchSize
} from './rolling-policy.js'
import type { Fleet, ResolvedPolicy, TrafficType } from './state.js'
import {
  asObject,
  constraint,
  optionalArray,
  optionalNumber,
  optionalObject,
  requireEnum,
  requireNumber,
  requireString,
  type Params
} from './validate.js'

const TRAFFIC_TYPES = ['ALL_AT_ONCE', 'CANARY', 'LINEAR'] as const
const CAPACITY_TYPES = ['INSTANCE_COUNT', 'CAPACITY_PERCENT'] as const
const ROOT = 'DeploymentConfig'

export interface CapacitySize {
  Type: (typeof CAPACITY_TYPES)[number]
  Value: number
}

/** Checks a DeploymentConfig; `alarmExists` tells which CloudWatch alarms exist. */
export function validateDeploymentConfig(
  raw: unknown,
  alarmExists: (name: string) => boolean
): Params {
  const config = asObject(raw, ROOT)
  const blueGreen = optionalObject(config.BlueGreenUpdatePolicy, `${ROOT}.BlueGreenUpdatePolicy`)
  const rolling = optionalObject(config.RollingUpdatePolicy, `${ROOT}.RollingUpdatePolicy`)
  if (blueGreen !== undefined && rolling !== undefined) {
    throw validation(
      'Only one update policy (BlueGreenUpdatePolicy or RollingUpdatePolicy) can be specified.'
    )
  }
  if (rolling !== undefined) validateRollingPolicy(rolling, `${ROOT}.RollingUpdatePolicy`)
  if (blueGreen !== undefined) validateBlueGreen(blueGreen)
  const autoRollback = optionalObject(
    config.AutoRollbackConfiguration,
    `${ROOT}.AutoRollbackConfiguration`
  )
  if (autoRollback !== undefined) {
    const path = `${ROOT}.AutoRollbackConfiguration.Alarms`
    const alarms = optionalArray(autoRollback, 'Alarms', { min: 1, max: 10, path }) ?? []
    const names = alarms.map((item, i) =>
      requireString(asObject(item, `${path}.${i + 1}.member`), 'AlarmName', {
        min: 1,
        max: 255,
        pattern: /^(?!\s*$).+$/,
        path: `${path}.${i + 1}.member.alarmName`
      })
    )
    const missing = names.filter(name => !alarmExists(name))
    if (missing.length > 0) {
      throw validation(
        `The CloudWatch alarm(s) ${missing.map(n => `"${n}"`).join(', ')} in AutoRollbackConfiguration do not exist.`
      )
    }
  }
  return config
}

function validateBlueGreen(policy: Params): void {
  const path = `${ROOT}.BlueGreenUpdatePolicy`
  const routingPath = `${path}.TrafficRoutingConfiguration`
  const routing = policy.TrafficRoutingConfiguration
  if (routing === undefined || routing === null)
    throw constraint(routing, routingPath, 'Member must not be null')
  const traffic = asObject(routing, routingPath)
  const type = requireEnum(traffic, 'Type', TRAFFIC_TYPES, `${routingPath}.Type`)
  requireNumber(traffic, 'WaitIntervalInSeconds', {
    min: 0,
    max: 3600,
    integer: true,
    path: `${routingPath}.WaitIntervalInSeconds`
  })
  optionalNumber(policy, 'TerminationWaitInSeconds', {
    min: 0,
    max: 3600,
    integer: true,
    path: `${path}.TerminationWaitInSeconds`
  })
  optionalNumber(policy, 'MaximumExecutionTimeoutInSeconds', {
    min: 600,
    max: 28800,
    integer: true,
    path: `${path}.MaximumExecutionTimeoutInSeconds`
  })
  const timeout = policy.MaximumExecutionTimeoutInSeconds
  if (typeof timeout === 'number') {
    const waits =
      Number(traffic.WaitIntervalInSeconds) + Number(policy.TerminationWaitInSeconds ?? 0)
    if (timeout <= waits) {
      throw validation(
        `MaximumExecutionTimeoutInSeconds (${timeout}) must be larger than the total waiting time specified in TerminationWaitInSeconds and WaitIntervalInSeconds (${waits} seconds).`
      )
    }
  }
  if (type === 'LINEAR') {
    const size = capacity(traffic, 'LinearStepSize', routingPath)
    if (size === undefined)
      throw validation('LinearStepSize must be specified when the traffic routing type is LINEAR.')
    if (size.Type === 'CAPACITY_PERCENT' && (size.Value < 10 || size.Value > 50)) {
      throw validation(
        `LinearStepSize must be between 10% and 50% of the variant's total instance count (got ${size.Value}%).`
      )
    }
  }
  if (type === 'CANARY') {
    const size = capacity(traffic, 'CanarySize', routingPath)
    if (size === undefined)
      throw validation('CanarySize must be specified when the traffic routing type is CANARY.')
    if (size.Type === 'CAPACITY_PERCENT' && size.Value > 50) {
      throw validation(
        `CanarySize must be at most 50% of the variant's total instance count (got ${size.Value}%).`
      )
    }
  }
}

function capacity(traffic: Params, field: string, routingPath: string): CapacitySize | undefined {
  const raw = optionalObject(traffic[field], `${routingPath}.${field}`)
  if (raw === undefined) return undefined
  const Type = requireEnum(raw, 'Type', CAPACITY_TYPES, `${routingPath}.${field}.Type`)
  const Value = requireNumber(raw, 'Value', {
    min: 1,
    integer: true,
    path: `${routingPath}.${field}.Value`
  })
  return { Type, Value }
}

/**
 * The step size against the fleet it applies to: an INSTANCE_COUNT step is a share of each
 * variant's instances, held to the same bounds as CAPACITY_PERCENT (linear 10-50 %, canary at
 * most 50 %). Serverless endpoints take no DeploymentConfig (guardrails are for real-time and
 * asynchronous endpoints).
 */
export function checkPolicyForFleet(config: Params | undefined, green: Fleet, blue?: Fleet): void {
  if (config === undefined) return
  if (green.variants.some(v => v.spec?.ServerlessConfig !== undefined)) {
    throw validation(
      'Deployment guardrails (DeploymentConfig) are not supported for serverless endpoints. Update the endpoint without a DeploymentConfig.'
    )
  }
  const rolling = config.RollingUpdatePolicy as Params | undefined
  if (rolling !== undefined) return checkRollingForFleet(rolling, green, blue)
  const traffic = (config.BlueGreenUpdatePolicy as Params | undefined)
    ?.TrafficRoutingConfiguration as Params | undefined
  const type = traffic?.Type
  const field = type === 'LINEAR' ? 'LinearStepSize' : type === 'CANARY' ? 'CanarySize' : undefined
  if (field === undefined) return
  const size = traffic?.[field] as CapacitySize | undefined
  if (size?.Type !== 'INSTANCE_COUNT') return
  for (const v of green.variants) {
    const percent = (size.Value / v.desired) * 100
    const low = type === 'LINEAR' ? 10 : 0
    if (percent < low || percent > 50) {
      const rule = type === 'LINEAR' ? 'between 10% and 50%' : 'at most 50%'
      throw validation(
        `${field} of ${size.Value} instance(s) is ${Math.round(percent * 10) / 10}% of the ${v.desired} instance(s) of production variant ${v.variantName}; it must be ${rule} of the variant's total instance count.`
      )
    }
  }
}

/**
 * Instances per step for a variant of `total` instances. CAPACITY_PERCENT becomes
 * ceil(total × percent / 100), clamped to [1, total] (33% of 3 = 1, 25% of 4 = 1, 10% of 4 = 1).
 */
export function stepInstances(size: CapacitySize, total: number): number {
  const raw =
    size.Type === 'CAPACITY_PERCENT' ? Math.ceil((total * size.Value) / 100 - 1e-9) : size.Value
  return Math.min(total, Math.max(1, raw))
}

/** Green instances taking traffic after each step, for one variant. */
export function stepSchedule(
  type: TrafficType,
  size: CapacitySize | undefined,
  total: number
): number[] {
  if (type === 'ALL_AT_ONCE' || size === undefined) return [total]
  const step = stepInstances(size, total)
  if (type === 'CANARY') return step >= total ? [total] : [step, total]
  const steps: number[] = []
  for (let n = step; n < total; n += step) steps.push(n)
  steps.push(total)
  return steps
}

/** The policy to run: a validated DeploymentConfig (or none = all at once, no bake) for `green`. */
export function resolvePolicy(config: Params | undefined, green: Fleet): ResolvedPolicy {
  const rolling = config?.RollingUpdatePolicy as Params | undefined
  if (rolling !== undefined) {
    const total = green.variants[0]?.desired ?? 1
    const batch = batchOf(rolling.MaximumBatchSize as BatchSize, total)
    return {
      type: 'ROLLING',
      waitSeconds: rolling.WaitIntervalInSeconds as number,
      terminationWaitSeconds: 0,
      maxTimeoutSeconds: rolling.MaximumExecutionTimeoutInSeconds as number | undefined,
      steps: green.variants.map(v =>
        stepSchedule('LINEAR', { Type: 'INSTANCE_COUNT', Value: batch }, v.desired)
      ),
      batch,
      rollbackBatch: batchOf(rolling.RollbackMaximumBatchSize as BatchSize | undefined, total)
    }
  }
  const blueGreen = config?.BlueGreenUpdatePolicy as Params | undefined
  const traffic = blueGreen?.TrafficRoutingConfiguration as Params | undefined
  const type = (traffic?.Type as TrafficType | undefined) ?? 'ALL_AT_ONCE'
  const size = (type === 'LINEAR' ? traffic?.LinearStepSize : traffic?.CanarySize) as
    CapacitySize | undefined
  return {
    type,
    waitSeconds: (traffic?.WaitIntervalInSeconds as number | undefined) ?? 0,
    terminationWaitSeconds: (blueGreen?.TerminationWaitInSeconds as number | undefined) ?? 0,
    maxTimeoutSeconds: blueGreen?.MaximumExecutionTimeoutInSeconds as number | undefined,
    steps: green.variants.map(v => stepSchedule(type, size, v.desired))
  }
}

export function rollbackAlarms(config: Params | undefined): string[] {
  const autoRollback = config?.AutoRollbackConfiguration as Params | undefined
  const alarms = (autoRollback?.Alarms as Params[] | undefined) ?? []
  return alarms.map(a => String(a.AlarmName))
}
