// retain-deployment-config done right: SageMaker reuses the endpoint's last deployment
// configuration, so there must be one, with alarms; and whatever policy inputs or alarm-names
// the step still sets (a dispatch retry flips only retain) must say what is retained.
import { InputError } from '../errors.js'
import { show } from '../inputs/parsers.js'
import { alarmNamesFromDeploymentConfig, policyFromDeploymentConfig } from '../rollout-policy.js'
import type { CurrentEndpoint, DeployRequest, RolloutPolicy, StepSize } from '../types.js'

export interface Retained {
  readonly policy: RolloutPolicy
  readonly alarmNames: readonly string[]
  /** One line for people: what SageMaker will reuse. */
  readonly description: string
}

function stepText(size: StepSize): string {
  return size.type === 'CAPACITY_PERCENT' ? `${size.value}%` : `${size.value} instance(s)`
}

export function describePolicy(policy: RolloutPolicy): string {
  const unit = { linear: 'per step', canary: 'canary', rolling: 'per batch', 'all-at-once': '' }
  const shift =
    policy.routing === 'all-at-once'
      ? 'all at once'
      : `${policy.routing}, ${stepText(policy.stepSize)} ${unit[policy.routing]}`
  const rollback = policy.rollbackStepSize
    ? `, rollback ${stepText(policy.rollbackStepSize)} per batch`
    : ''
  const timeout =
    policy.maxExecutionTimeoutSeconds === undefined
      ? ''
      : `, timeout ${policy.maxExecutionTimeoutSeconds} s`
  const final =
    policy.routing === 'rolling' ? '' : `, ${policy.terminationWaitSeconds} s final wait`
  return `${shift}, ${policy.waitIntervalSeconds} s bake${final}${rollback}${timeout}`
}

const FIELDS: [keyof RolloutPolicy, string, (p: Partial<RolloutPolicy>) => string][] = [
  ['routing', 'traffic-routing', p => String(p.routing)],
  ['stepSize', 'step-size', p => (p.stepSize ? stepText(p.stepSize) : '')],
  ['waitIntervalSeconds', 'wait-interval', p => `${p.waitIntervalSeconds}`],
  ['terminationWaitSeconds', 'termination-wait', p => `${p.terminationWaitSeconds}`],
  [
    'maxExecutionTimeoutSeconds',
    'max-execution-timeout',
    p => (p.maxExecutionTimeoutSeconds === undefined ? '' : `${p.maxExecutionTimeoutSeconds}`)
  ],
  [
    'rollbackStepSize',
    'rollback-step-size',
    p => (p.rollbackStepSize ? stepText(p.rollbackStepSize) : 'all at once')
  ]
]

/** What SageMaker will reuse, checked against the step's inputs; throws when it cannot work. */
export function retainedConfig(request: DeployRequest, current: CurrentEndpoint): Retained {
  const last = current.lastDeploymentConfig
  const policy = policyFromDeploymentConfig(last)
  const retry = 'Set retain-deployment-config: false and give the policy (and alarms) to use.'
  if (!policy) {
    throw new InputError(
      'retain-deployment-config',
      `Input "retain-deployment-config" is true, but endpoint ${request.endpointName} has no blue/green deployment configuration to reuse (its LastDeploymentConfig is ${last ? 'not a blue/green policy' : 'empty: it was created or last updated without one'}). SageMaker would update it with no traffic shifting and no alarm. ${retry}`
    )
  }
  const alarmNames = alarmNamesFromDeploymentConfig(last)
  if (alarmNames.length === 0) {
    throw new InputError(
      'retain-deployment-config',
      `Input "retain-deployment-config" is true, but the deployment configuration of endpoint ${request.endpointName} has no rollback alarm: retaining it would shift traffic with nothing to roll it back. ${retry}`
    )
  }
  const given = request.alarmNames
  if (given.length > 0) {
    const same = given.length === alarmNames.length && given.every(n => alarmNames.includes(n))
    if (!same) {
      throw new InputError(
        'alarm-names',
        `Input "alarm-names" is ${show(given.join(', '))}, but the deployment configuration that retain-deployment-config reuses has the alarms ${show(alarmNames.join(', '))}. Leave alarm-names empty or equal to those, or set retain-deployment-config: false to send a new policy with these alarms.`
      )
    }
  }
  for (const [field, input, text] of FIELDS) {
    const expected = request.retainExpected[field]
    if (expected === undefined) continue
    if (JSON.stringify(expected) !== JSON.stringify(policy[field])) {
      throw new InputError(
        input,
        `Input "${input}" is ${text(request.retainExpected)}, but the deployment configuration that retain-deployment-config reuses has ${text(policy) || 'none'} (${describePolicy(policy)}). Leave ${input} empty or equal to it, or set retain-deployment-config: false to send a new policy.`
      )
    }
  }
  return {
    policy,
    alarmNames,
    description: `Retained from the endpoint's last deployment: ${describePolicy(policy)}; alarms ${alarmNames.join(', ')}.`
  }
}
