// rollback-to: a step that restores an existing endpoint config (the one the live config replaced,
// or one named) instead of deploying a model. It creates nothing, so every input that describes
// what to create is refused by name rather than silently ignored.
import { matches, quoted, type Reader } from './parsers.js'
import { NAME_PATTERN, SAGEMAKER_NAME } from './model.js'
import { POLICY_INPUTS } from './policy.js'
import type { RolloutPolicy } from '../types.js'

export const ROLLBACK_PREVIOUS = 'previous'

/** A restore's traffic policy: SageMaker's all-at-once, no bake (what its request asks). */
export const RESTORE_POLICY: RolloutPolicy = {
  routing: 'all-at-once',
  stepSize: { type: 'CAPACITY_PERCENT', value: 100 },
  waitIntervalSeconds: 0,
  terminationWaitSeconds: 0,
  maxExecutionTimeoutSeconds: undefined
}

/** Inputs that describe a model, a fleet or a rollout to create: none applies to a restore. */
const CREATING_INPUTS = [
  'model-data-url',
  'image-uri',
  'execution-role-arn',
  'model-package-arn',
  'model-name',
  'environment',
  'tags',
  'variant-name',
  'instance-type',
  'instance-count',
  'inference-component-name',
  'alarm-names',
  'metrics-resolution',
  'verify-requests',
  'verify-command',
  ...POLICY_INPUTS
] as const

/** 'previous', a config name, or undefined when the input is empty. */
export function readRollbackTo(r: Reader): string | undefined {
  const raw = r.v('rollback-to')
  if (raw === '') return undefined
  const value = raw.toLowerCase() === ROLLBACK_PREVIOUS ? ROLLBACK_PREVIOUS : raw
  if (value !== ROLLBACK_PREVIOUS) {
    matches(
      r,
      'rollback-to',
      NAME_PATTERN,
      63,
      `previous, or an endpoint config name (${SAGEMAKER_NAME})`
    )
  }
  const given = CREATING_INPUTS.filter(name => r.v(name) !== '')
  const flags = (['retain-deployment-config', 'inherit-environment'] as const).filter(
    name => r.v(name).toLowerCase() === 'true'
  )
  const conflicting = [...given, ...flags]
  if (conflicting.length > 0) {
    r.p.add(
      'rollback-to',
      `Input "rollback-to" restores an existing endpoint config as it is (all at once, no alarm, nothing created), so ${quoted(conflicting)} cannot be set with it. Remove ${conflicting.length === 1 ? 'it' : 'them'}, or remove rollback-to to deploy a model.`
    )
  }
  return value
}
