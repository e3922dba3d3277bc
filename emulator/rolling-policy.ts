// Rolling update policies: RollingUpdatePolicy (endpoints) and
// InferenceComponentRollingUpdatePolicy (inference components), checked as the API reference
// states them, and the batch sizes they come to for a fleet of instances or copies.

import { validation } from './errors.js'
import type { Fleet } from './state.js'
import {
  asObject,
  constraint,
  optionalNumber,
  optionalObject,
  requireEnum,
  requireNumber,
  type Params
} from './validate.js'

/** CapacitySize (endpoints) or InferenceComponentCapacitySize (COPY_COUNT for components). */
export interface BatchSize {
  Type: 'INSTANCE_COUNT' | 'COPY_COUNT' | 'CAPACITY_PERCENT'
  Value: number
}

/** SageMaker's range for a batch: "between 5% to 50%" of the instances (or copies). */
export const BATCH_PERCENT_MIN = 5
export const BATCH_PERCENT_MAX = 50

function size(raw: unknown, path: string, types: readonly BatchSize['Type'][]): BatchSize {
  const object = asObject(raw, path)
  const Type = requireEnum(object, 'Type', types, `${path}.Type`)
  const Value = requireNumber(object, 'Value', { min: 1, integer: true, path: `${path}.Value` })
  return { Type, Value }
}

/** MaximumBatchSize as a percentage must be 5–50 %; a count is checked against the fleet. */
function checkPercent(batch: BatchSize, of: string): void {
  if (
    batch.Type === 'CAPACITY_PERCENT' &&
    (batch.Value < BATCH_PERCENT_MIN || batch.Value > BATCH_PERCENT_MAX)
  ) {
    throw validation(
      `MaximumBatchSize must be between ${BATCH_PERCENT_MIN}% and ${BATCH_PERCENT_MAX}% of ${of} (got ${batch.Value}%).`
    )
  }
}

/** The rollback batch as a percentage: at most 100 % (the default, all at once). */
function checkRollbackPercent(rollback: BatchSize | undefined): void {
  if (rollback?.Type === 'CAPACITY_PERCENT' && rollback.Value > 100) {
    throw validation(
      `RollbackMaximumBatchSize must be at most 100% of the capacity (got ${rollback.Value}%).`
    )
  }
}

/** Checks an endpoint's RollingUpdatePolicy (ranges from the API reference). */
export function validateRollingPolicy(policy: Params, path: string): void {
  const types = ['INSTANCE_COUNT', 'CAPACITY_PERCENT'] as const
  const raw = policy.MaximumBatchSize
  if (raw === undefined || raw === null) {
    throw constraint(raw, `${path}.MaximumBatchSize`, 'Member must not be null')
  }
  const batch = size(raw, `${path}.MaximumBatchSize`, types)
  requireNumber(policy, 'WaitIntervalInSeconds', {
    min: 0,
    max: 3600,
    integer: true,
    path: `${path}.WaitIntervalInSeconds`
  })
  optionalNumber(policy, 'MaximumExecutionTimeoutInSeconds', {
    min: 600,
    max: 28800,
    integer: true,
    path: `${path}.MaximumExecutionTimeoutInSeconds`
  })
  const rollbackRaw = optionalObject(
    policy.RollbackMaximumBatchSize,
    `${path}.RollbackMaximumBatchSize`
  )
  const rollback =
    rollbackRaw === undefined
      ? undefined
      : size(rollbackRaw, `${path}.RollbackMaximumBatchSize`, types)
  checkPercent(batch, "the variant's total instance count")
  checkRollbackPercent(rollback)
}

/** Checks an InferenceComponentRollingUpdatePolicy against the component's copy count. */
export function validateComponentRollingPolicy(policy: Params, copies: number): void {
  const path = 'DeploymentConfig.RollingUpdatePolicy'
  const types = ['COPY_COUNT', 'CAPACITY_PERCENT'] as const
  const batch = size(policy.MaximumBatchSize, `${path}.MaximumBatchSize`, types)
  const rollbackRaw = policy.RollbackMaximumBatchSize
  const rollback =
    rollbackRaw === undefined
      ? undefined
      : size(rollbackRaw, `${path}.RollbackMaximumBatchSize`, types)
  checkPercent(batch, 'the copy count of the inference component')
  checkRollbackPercent(rollback)
  if (batch.Type === 'COPY_COUNT') {
    const share = (100 * batch.Value) / Math.max(1, copies)
    if (share < BATCH_PERCENT_MIN || share > BATCH_PERCENT_MAX) {
      throw validation(
        `MaximumBatchSize of ${batch.Value} copies is ${Math.round(share * 10) / 10}% of the ${copies} copies of the inference component; it must be between ${BATCH_PERCENT_MIN}% and ${BATCH_PERCENT_MAX}% of the copy count.`
      )
    }
  }
}

/**
 * Rolling deployments exclude multi-variant endpoints (exclusions page), and a count batch must
 * be 5–50 % of the variant's instances (RollingUpdatePolicy reference).
 */
export function checkRollingForFleet(policy: Params, green: Fleet, blue: Fleet | undefined): void {
  if (green.variants.length > 1 || (blue?.variants.length ?? 0) > 1) {
    throw validation(
      'Rolling deployments are not supported for endpoints with more than one production variant. Use a BlueGreenUpdatePolicy.'
    )
  }
  const batch = policy.MaximumBatchSize as BatchSize
  if (batch.Type !== 'INSTANCE_COUNT') return
  for (const v of green.variants) {
    const share = (100 * batch.Value) / v.desired
    if (share < BATCH_PERCENT_MIN || share > BATCH_PERCENT_MAX) {
      throw validation(
        `MaximumBatchSize of ${batch.Value} instance(s) is ${Math.round(share * 10) / 10}% of the ${v.desired} instance(s) of production variant ${v.variantName}; it must be between ${BATCH_PERCENT_MIN}% and ${BATCH_PERCENT_MAX}% of the variant's total instance count.`
      )
    }
  }
}

/**
 * Instances (or copies) a batch moves: a percentage rounds up, ceil(total × percent / 100), and
 * every batch is 1..total. No size: all at once (the rollback default, "100% of total capacity").
 */
export function batchOf(batch: BatchSize | undefined, total: number): number {
  if (batch === undefined) return Math.max(1, total)
  const raw =
    batch.Type === 'CAPACITY_PERCENT' ? Math.ceil((total * batch.Value) / 100 - 1e-9) : batch.Value
  return Math.min(Math.max(1, total), Math.max(1, raw))
}
