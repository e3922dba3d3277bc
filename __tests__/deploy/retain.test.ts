import { describe, expect, it } from '@jest/globals'
import { InputError } from '../../src/errors.js'
import { describePolicy, retainedConfig } from '../../src/deploy/retain.js'
import type { CurrentEndpoint, DeployRequest, RolloutPolicy } from '../../src/types.js'

const LINEAR: RolloutPolicy = {
  routing: 'linear',
  stepSize: { type: 'CAPACITY_PERCENT', value: 25 },
  waitIntervalSeconds: 60,
  terminationWaitSeconds: 0,
  maxExecutionTimeoutSeconds: 1140
}

describe('describePolicy', () => {
  it.each<[string, RolloutPolicy, string]>([
    ['linear', LINEAR, 'linear, 25% per step, 60 s bake, 0 s final wait, timeout 1140 s'],
    [
      'canary',
      {
        ...LINEAR,
        routing: 'canary',
        stepSize: { type: 'INSTANCE_COUNT', value: 1 },
        terminationWaitSeconds: 300,
        maxExecutionTimeoutSeconds: undefined
      },
      'canary, 1 instance(s) canary, 60 s bake, 300 s final wait'
    ],
    [
      'all-at-once',
      { ...LINEAR, routing: 'all-at-once', stepSize: { type: 'CAPACITY_PERCENT', value: 100 } },
      'all at once, 60 s bake, 0 s final wait, timeout 1140 s'
    ],
    [
      'rolling',
      {
        ...LINEAR,
        routing: 'rolling',
        stepSize: { type: 'CAPACITY_PERCENT', value: 10 },
        rollbackStepSize: { type: 'INSTANCE_COUNT', value: 2 },
        maxExecutionTimeoutSeconds: undefined
      },
      'rolling, 10% per batch, 60 s bake, rollback 2 instance(s) per batch'
    ]
  ])('says a %s policy in one line', (_, policy, text) => {
    expect(describePolicy(policy)).toBe(text)
  })
})

const BLUE_GREEN = {
  BlueGreenUpdatePolicy: {
    TrafficRoutingConfiguration: {
      Type: 'LINEAR',
      LinearStepSize: { Type: 'CAPACITY_PERCENT', Value: 25 },
      WaitIntervalInSeconds: 60
    },
    TerminationWaitInSeconds: 0
  },
  AutoRollbackConfiguration: { Alarms: [{ AlarmName: 'ep-5xx' }, { AlarmName: 'ep-latency' }] }
}
const ROLLING = {
  RollingUpdatePolicy: {
    MaximumBatchSize: { Type: 'CAPACITY_PERCENT', Value: 10 },
    WaitIntervalInSeconds: 60
  },
  AutoRollbackConfiguration: { Alarms: [{ AlarmName: 'ep-5xx' }] }
}

function retained(
  last: Record<string, unknown> | undefined,
  request: Partial<DeployRequest> = {}
): ReturnType<typeof retainedConfig> {
  return retainedConfig(
    { endpointName: 'ep', alarmNames: [], retainExpected: {}, ...request } as DeployRequest,
    { lastDeploymentConfig: last } as CurrentEndpoint
  )
}

function refusal(
  last: Record<string, unknown> | undefined,
  request: Partial<DeployRequest>
): { input: string; message: string } {
  try {
    retained(last, request)
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return { input: (error as InputError).input, message: (error as InputError).message }
  }
  throw new Error('expected an InputError')
}

describe('retainedConfig', () => {
  it('refuses a last deployment configuration that is not a blue/green policy', () => {
    expect(refusal({ AutoRollbackConfiguration: {} }, {})).toEqual({
      input: 'retain-deployment-config',
      message:
        'Input "retain-deployment-config" is true, but endpoint ep has no blue/green deployment configuration to reuse (its LastDeploymentConfig is not a blue/green policy). SageMaker would update it with no traffic shifting and no alarm. Set retain-deployment-config: false and give the policy (and alarms) to use.'
    })
  })

  it.each([
    ['fewer', ['ep-5xx']],
    ['partly other', ['ep-5xx', 'team-p99']]
  ])('refuses alarm-names naming %s alarms than retained, listing both', (_, given) => {
    expect(refusal(BLUE_GREEN, { alarmNames: given })).toEqual({
      input: 'alarm-names',
      message: `Input "alarm-names" is "${given.join(', ')}", but the deployment configuration that retain-deployment-config reuses has the alarms "ep-5xx, ep-latency". Leave alarm-names empty or equal to those, or set retain-deployment-config: false to send a new policy with these alarms.`
    })
  })

  it('refuses a termination-wait other than the retained one', () => {
    expect(refusal(BLUE_GREEN, { retainExpected: { terminationWaitSeconds: 300 } })).toEqual({
      input: 'termination-wait',
      message:
        'Input "termination-wait" is 300, but the deployment configuration that retain-deployment-config reuses has 0 (linear, 25% per step, 60 s bake, 0 s final wait). Leave termination-wait empty or equal to it, or set retain-deployment-config: false to send a new policy.'
    })
  })

  it('says "none" when the retained configuration has no execution timeout', () => {
    expect(refusal(BLUE_GREEN, { retainExpected: { maxExecutionTimeoutSeconds: 1800 } })).toEqual({
      input: 'max-execution-timeout',
      message:
        'Input "max-execution-timeout" is 1800, but the deployment configuration that retain-deployment-config reuses has none (linear, 25% per step, 60 s bake, 0 s final wait). Leave max-execution-timeout empty or equal to it, or set retain-deployment-config: false to send a new policy.'
    })
  })

  it('says "all at once" when the retained rolling policy has no rollback batch', () => {
    expect(
      refusal(ROLLING, {
        retainExpected: { rollbackStepSize: { type: 'INSTANCE_COUNT', value: 2 } }
      })
    ).toEqual({
      input: 'rollback-step-size',
      message:
        'Input "rollback-step-size" is 2 instance(s), but the deployment configuration that retain-deployment-config reuses has all at once (rolling, 10% per batch, 60 s bake). Leave rollback-step-size empty or equal to it, or set retain-deployment-config: false to send a new policy.'
    })
  })

  it('describes what is retained when the inputs agree', () => {
    expect(
      retained(BLUE_GREEN, {
        alarmNames: ['ep-latency', 'ep-5xx'],
        retainExpected: { waitIntervalSeconds: 60 }
      })
    ).toEqual({
      policy: { ...LINEAR, maxExecutionTimeoutSeconds: undefined },
      alarmNames: ['ep-5xx', 'ep-latency'],
      description:
        "Retained from the endpoint's last deployment: linear, 25% per step, 60 s bake, 0 s final wait; alarms ep-5xx, ep-latency."
    })
  })
})
