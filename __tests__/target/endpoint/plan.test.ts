import { beforeEach, describe, it, expect } from '@jest/globals'
import {
  alarmNamesFromDeploymentConfig,
  buildPlan,
  expectedSchedule,
  policyFromDeploymentConfig,
  stepInstances
} from '../../../src/target/endpoint/plan.js'
import { DEFAULT_PROVISIONING_SECONDS } from '../../../src/deploy/plan.js'
import {
  CURRENT,
  inputError,
  LINEAR,
  NAME,
  REQUEST,
  RETAIN,
  ROLE,
  RUN,
  gateRequest
} from '../../helpers/plan-fixtures.js'
import { checkStepSize, provisioningAllowance } from '../../../src/rollout-policy.js'
import type {
  CurrentEndpoint,
  DeployRequest,
  Plan,
  RolloutPolicy,
  RunContext
} from '../../../src/types.js'

const LAST_CONFIG = {
  BlueGreenUpdatePolicy: {
    TrafficRoutingConfiguration: {
      Type: 'LINEAR',
      WaitIntervalInSeconds: 60,
      LinearStepSize: { Type: 'CAPACITY_PERCENT', Value: 25 }
    },
    TerminationWaitInSeconds: 0,
    MaximumExecutionTimeoutInSeconds: 1140
  },
  AutoRollbackConfiguration: {
    Alarms: [{ AlarmName: 'lab-endpoint-5xx-rate' }, { AlarmName: 'lab-endpoint-model-latency' }]
  }
}
describe('stepInstances', () => {
  it.each([
    [25, 4, 1],
    [33, 3, 1],
    [50, 3, 2],
    [10, 4, 1],
    [30, 7, 3],
    [100, 5, 5]
  ])('%d %% of %d instances is %d', (percent, fleet, expected) => {
    expect(stepInstances({ type: 'CAPACITY_PERCENT', value: percent }, fleet)).toBe(expected)
  })
  it('clamps instance counts to the fleet', () => {
    expect(stepInstances({ type: 'INSTANCE_COUNT', value: 9 }, 4)).toBe(4)
    expect(stepInstances({ type: 'INSTANCE_COUNT', value: 2 }, 4)).toBe(2)
    expect(stepInstances({ type: 'INSTANCE_COUNT', value: 0 }, 4)).toBe(1)
  })
})

describe('expectedSchedule', () => {
  // The step that reaches 100 % is taken to bake only TerminationWaitInSeconds, 0 here.
  it('reproduces the reference table, the last step with no final bake', () => {
    expect(expectedSchedule(LINEAR, 4, 60)).toEqual([
      {
        offsetSeconds: 0,
        bluePercent: 100,
        greenPercent: 0,
        greenInstances: 0,
        label: 'start: green fleet provisioning'
      },
      {
        offsetSeconds: 60,
        bluePercent: 75,
        greenPercent: 25,
        greenInstances: 1,
        label: 'step 1: 60 s bake'
      },
      {
        offsetSeconds: 120,
        bluePercent: 50,
        greenPercent: 50,
        greenInstances: 2,
        label: 'step 2: 60 s bake'
      },
      {
        offsetSeconds: 180,
        bluePercent: 25,
        greenPercent: 75,
        greenInstances: 3,
        label: 'step 3: 60 s bake'
      },
      {
        offsetSeconds: 240,
        bluePercent: 0,
        greenPercent: 100,
        greenInstances: 4,
        label: 'step 4: no final bake'
      }
    ])
  })

  it('rounds uneven steps; the last step bakes only the final bake', () => {
    const rows = expectedSchedule(
      { ...LINEAR, stepSize: { type: 'INSTANCE_COUNT', value: 2 }, terminationWaitSeconds: 300 },
      5,
      90
    )
    expect(
      rows.map(r => [r.offsetSeconds, r.bluePercent, r.greenPercent, r.greenInstances])
    ).toEqual([
      [0, 100, 0, 0],
      [90, 60, 40, 2],
      [150, 20, 80, 4],
      [210, 0, 100, 5]
    ])
    expect(rows.at(-1)?.label).toBe('step 3: 300 s final bake')
  })

  it('canary: canary at P, everything at P + W, with no final bake when termination-wait is 0', () => {
    const canary: RolloutPolicy = {
      ...LINEAR,
      routing: 'canary',
      stepSize: { type: 'CAPACITY_PERCENT', value: 10 },
      waitIntervalSeconds: 300
    }
    expect(
      expectedSchedule(canary, 10, 60).map(r => [
        r.offsetSeconds,
        r.bluePercent,
        r.greenPercent,
        r.label
      ])
    ).toEqual([
      [0, 100, 0, 'start: green fleet provisioning'],
      [60, 90, 10, 'canary: 300 s bake'],
      [360, 0, 100, 'the rest: no final bake']
    ])
  })

  it('all-at-once: everything at P', () => {
    const all: RolloutPolicy = {
      ...LINEAR,
      routing: 'all-at-once',
      stepSize: { type: 'CAPACITY_PERCENT', value: 100 }
    }
    expect(
      expectedSchedule(all, 2, 45).map(r => [r.offsetSeconds, r.greenPercent, r.greenInstances])
    ).toEqual([
      [0, 0, 0],
      [45, 100, 2]
    ])
  })
})

describe('buildPlan: update of a live endpoint', () => {
  let plan: Plan
  beforeEach(() => {
    plan = buildPlan(REQUEST, RUN, CURRENT)
  })

  it('names the green resources and keeps the live fleet shape', () => {
    expect(plan).toMatchObject({
      endpointName: 'lab-endpoint',
      region: 'us-east-1',
      firstDeploy: false,
      previousConfigName: 'lab-endpoint-config-a',
      blueModelName: 'model-a',
      greenModelName: NAME,
      createsModel: true,
      endpointConfigName: NAME,
      variantName: 'AllTraffic',
      instanceType: 'ml.m5.large',
      instanceCount: 4,
      artifact: 's3://b/model-b.tar.gz',
      createEndpoint: undefined
    })
  })

  it('sends the LINEAR blue/green policy with both lab alarms', () => {
    expect(plan.updateEndpoint).toEqual({
      EndpointName: 'lab-endpoint',
      EndpointConfigName: NAME,
      DeploymentConfig: {
        BlueGreenUpdatePolicy: {
          TrafficRoutingConfiguration: {
            Type: 'LINEAR',
            WaitIntervalInSeconds: 60,
            LinearStepSize: { Type: 'CAPACITY_PERCENT', Value: 25 }
          },
          TerminationWaitInSeconds: 0,
          // 4 bakes of 60 s, plus 30 minutes to provision.
          MaximumExecutionTimeoutInSeconds: 240 + 1800
        },
        AutoRollbackConfiguration: {
          Alarms: [
            { AlarmName: 'lab-endpoint-5xx-rate' },
            { AlarmName: 'lab-endpoint-model-latency' }
          ]
        }
      }
    })
    expect(plan.guardAlarmNames).toEqual(['lab-endpoint-5xx-rate', 'lab-endpoint-model-latency'])
    expect(plan.alarmsToCreate.map(a => a.name)).toEqual(plan.guardAlarmNames)
  })

  it('builds the model and endpoint config bodies', () => {
    expect(plan.createModel).toEqual({
      ModelName: NAME,
      PrimaryContainer: { Image: 'img:1', ModelDataUrl: 's3://b/model-b.tar.gz' },
      ExecutionRoleArn: ROLE,
      Tags: plan.tags
    })
    expect(plan.createEndpointConfig).toEqual({
      EndpointConfigName: NAME,
      ProductionVariants: [
        {
          VariantName: 'AllTraffic',
          ModelName: NAME,
          InitialInstanceCount: 4,
          InstanceType: 'ml.m5.large',
          InitialVariantWeight: 1
        }
      ],
      // What a later rollback-to: previous puts back: the config this one replaces.
      Tags: [...plan.tags, { Key: 'sagemaker-deploy:replaces', Value: 'lab-endpoint-config-a' }]
    })
  })

  it('tags everything with the user tags and sanitised provenance', () => {
    expect(plan.tags).toEqual([
      { Key: 'team', Value: 'ml' },
      { Key: 'sagemaker-deploy:repository', Value: 'acme/ml' },
      { Key: 'sagemaker-deploy:sha', Value: 'abcdef1234567890' },
      { Key: 'sagemaker-deploy:workflow', Value: 'Deploy _prod_ _1' },
      { Key: 'sagemaker-deploy:run-id', Value: '42' },
      { Key: 'sagemaker-deploy:run-attempt', Value: '1' },
      { Key: 'sagemaker-deploy:step', Value: plan.stepHash }
    ])
    expect(plan.stepHash).toMatch(/^[0-9a-f]{16}$/)
    expect(plan.createModel?.['Tags']).toEqual(plan.tags)
    expect(plan.createEndpointConfig['Tags']).toEqual([
      ...plan.tags,
      { Key: 'sagemaker-deploy:replaces', Value: 'lab-endpoint-config-a' }
    ])
    // Alarms are shared by every step on the endpoint: they carry no step fingerprint.
    expect(plan.alarmsToCreate[0]?.request['Tags']).toEqual(plan.tags.slice(0, -1))
  })

  it('expects the reference schedule and derives the budget', () => {
    // The first shift once the green fleet is provisioned (an 8-minute estimate), then 60 s apart.
    const p = DEFAULT_PROVISIONING_SECONDS
    expect(p).toBe(480)
    expect(plan.schedule.map(r => [r.offsetSeconds, r.bluePercent, r.greenPercent])).toEqual([
      [0, 100, 0],
      [p, 75, 25],
      [p + 60, 50, 50],
      [p + 120, 25, 75],
      [p + 180, 0, 100]
    ])
    // The last shift, its 60 s bake, no final bake, about 60 s to terminate blue.
    expect(plan.expectedDurationSeconds).toBe(p + 180 + 60 + 0 + 60)
    expect(plan.budgetSeconds).toBe(240 + 1800 + 600)
  })

  it('uses the timeout input as the budget', () => {
    expect(buildPlan({ ...REQUEST, timeoutMinutes: 12.5 }, RUN, CURRENT).budgetSeconds).toBe(750)
  })

  it('uses a provisioning estimate when given', () => {
    const rows = buildPlan(REQUEST, RUN, CURRENT, { provisioningEstimateSeconds: 300 }).schedule
    expect(rows.map(r => r.offsetSeconds)).toEqual([0, 300, 360, 420, 480])
  })

  it('sends CANARY with CanarySize and ALL_AT_ONCE with no step size', () => {
    const canary = buildPlan(
      {
        ...REQUEST,
        policy: { ...LINEAR, routing: 'canary', stepSize: { type: 'INSTANCE_COUNT', value: 1 } }
      },
      RUN,
      CURRENT
    )
    expect(canary.updateEndpoint).toMatchObject({
      DeploymentConfig: {
        BlueGreenUpdatePolicy: {
          TrafficRoutingConfiguration: {
            Type: 'CANARY',
            WaitIntervalInSeconds: 60,
            CanarySize: { Type: 'INSTANCE_COUNT', Value: 1 }
          },
          MaximumExecutionTimeoutInSeconds: 120 + 1800
        }
      }
    })
    const all = buildPlan(
      {
        ...REQUEST,
        policy: {
          ...LINEAR,
          routing: 'all-at-once',
          stepSize: { type: 'CAPACITY_PERCENT', value: 100 }
        }
      },
      RUN,
      CURRENT
    )
    const routing = (
      all.updateEndpoint?.['DeploymentConfig'] as {
        BlueGreenUpdatePolicy: { TrafficRoutingConfiguration: unknown }
      }
    ).BlueGreenUpdatePolicy.TrafficRoutingConfiguration
    expect(routing).toEqual({ Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: 60 })
  })

  it('guards with given alarms too, deduplicated, and without created ones when create-alarms is false', () => {
    const both = buildPlan(
      { ...REQUEST, alarmNames: ['team-alarm', 'lab-endpoint-5xx-rate'] },
      RUN,
      CURRENT
    )
    expect(both.guardAlarmNames).toEqual([
      'lab-endpoint-5xx-rate',
      'lab-endpoint-model-latency',
      'team-alarm'
    ])
    const given = buildPlan(
      { ...REQUEST, createAlarms: false, alarmNames: ['team-alarm'] },
      RUN,
      CURRENT
    )
    expect(given.alarmsToCreate).toEqual([])
    expect(given.guardAlarmNames).toEqual(['team-alarm'])
  })

  it('keeps a given max-execution-timeout and rejects one below the waits', () => {
    const ok = buildPlan(
      { ...REQUEST, policy: { ...LINEAR, maxExecutionTimeoutSeconds: 3600 } },
      RUN,
      CURRENT
    )
    expect(JSON.stringify(ok.updateEndpoint)).toContain('"MaximumExecutionTimeoutInSeconds":3600')
    const error = inputError(() =>
      buildPlan(
        {
          ...REQUEST,
          policy: { ...LINEAR, waitIntervalSeconds: 600, maxExecutionTimeoutSeconds: 1200 }
        },
        RUN,
        CURRENT
      )
    )
    expect(error.input).toBe('max-execution-timeout')
    expect(error.message).toBe(
      'Input "max-execution-timeout" is 1200 s, but it must be larger than the rollout\'s waits, 2400 s (4 traffic steps at most × wait-interval 600 s + termination-wait 0 s), before provisioning. Set it to more than 2400 plus time to provision the new instances (1800 s would be derived), or leave it empty to derive it.'
    )
  })

  it('rejects a schedule longer than SageMaker allows', () => {
    const slow = {
      ...LINEAR,
      stepSize: { type: 'INSTANCE_COUNT', value: 1 } as const,
      waitIntervalSeconds: 3600
    }
    expect(
      inputError(() =>
        buildPlan({ ...REQUEST, policy: slow }, RUN, { ...CURRENT, instanceCount: 10 })
      ).input
    ).toBe('wait-interval')
  })

  it('rejects a different variant name', () => {
    const error = inputError(() => buildPlan({ ...REQUEST, variantName: 'Blue' }, RUN, CURRENT))
    expect(error.input).toBe('variant-name')
    expect(error.message).toContain('"AllTraffic"')
  })

  it('uses the requested fleet size', () => {
    const plan8 = buildPlan(
      { ...REQUEST, instanceCount: 8, instanceType: 'ml.c5.xlarge', variantName: 'AllTraffic' },
      RUN,
      CURRENT
    )
    expect(plan8.createEndpointConfig).toMatchObject({
      ProductionVariants: [{ InitialInstanceCount: 8, InstanceType: 'ml.c5.xlarge' }]
    })
    expect(plan8.schedule.map(r => r.greenInstances)).toEqual([0, 2, 4, 6, 8])
  })
})

describe('buildPlan: model sources', () => {
  it('creates a model from a package, with environment', () => {
    const arn = 'arn:aws:sagemaker:us-east-1:123456789012:model-package/churn/3'
    const plan = buildPlan(
      {
        ...REQUEST,
        model: { kind: 'package', modelPackageArn: arn, executionRoleArn: ROLE },
        environment: { A: '1' }
      },
      RUN,
      CURRENT
    )
    expect(plan.createModel).toEqual({
      ModelName: NAME,
      PrimaryContainer: { ModelPackageName: arn, Environment: { A: '1' } },
      ExecutionRoleArn: ROLE,
      Tags: plan.tags
    })
    expect(plan.artifact).toBe(arn)
  })

  it('deploys an existing model without creating one', () => {
    const plan = buildPlan(
      { ...REQUEST, model: { kind: 'existing', modelName: 'model-e' } },
      RUN,
      CURRENT
    )
    expect(plan).toMatchObject({
      createModel: undefined,
      createsModel: false,
      greenModelName: 'model-e',
      endpointConfigName: NAME
    })
    expect(plan.createEndpointConfig).toMatchObject({
      ProductionVariants: [{ ModelName: 'model-e' }]
    })
  })
})

describe('buildPlan: first deploy', () => {
  const request = { ...REQUEST, instanceType: 'ml.m5.large', instanceCount: 4 }
  let plan: Plan
  beforeEach(() => {
    plan = buildPlan(request, RUN, null)
  })

  it('creates the endpoint with a deployment config for later retries', () => {
    expect(plan.firstDeploy).toBe(true)
    expect(plan.updateEndpoint).toBeUndefined()
    expect(plan.previousConfigName).toBeUndefined()
    expect(plan.variantName).toBe('AllTraffic')
    expect(plan.createEndpoint).toMatchObject({
      EndpointName: 'lab-endpoint',
      EndpointConfigName: NAME,
      Tags: plan.tags,
      DeploymentConfig: {
        BlueGreenUpdatePolicy: { TrafficRoutingConfiguration: { Type: 'LINEAR' } },
        AutoRollbackConfiguration: {
          Alarms: [
            { AlarmName: 'lab-endpoint-5xx-rate' },
            { AlarmName: 'lab-endpoint-model-latency' }
          ]
        }
      }
    })
  })

  it('expects one row with no traffic shift, minutes to create, and at least 30 minutes', () => {
    // Creating an endpoint takes minutes, not the one minute green provisioning is given.
    expect(plan.expectedDurationSeconds).toBe(600)
    expect(plan.schedule).toEqual([
      {
        offsetSeconds: 600,
        bluePercent: 0,
        greenPercent: 100,
        greenInstances: 4,
        label: expect.stringContaining('no traffic shift')
      }
    ])
    // SageMaker's limit for the policy the endpoint keeps (240 s of bakes + 30 min), + 10 min.
    expect(plan.budgetSeconds).toBe(240 + 1800 + 600)
  })

  it('requires instance-type and instance-count', () => {
    const error = inputError(() => buildPlan(REQUEST, RUN, null))
    expect(error.input).toBe('instance-type')
    expect(error.message).toContain('"instance-count"')
    expect(
      inputError(() => buildPlan({ ...REQUEST, instanceType: 'ml.m5.large' }, RUN, null)).input
    ).toBe('instance-count')
  })

  it('rejects retain on an endpoint that does not exist', () => {
    expect(
      inputError(() =>
        buildPlan({ ...RETAIN, instanceType: 'ml.m5.large', instanceCount: 1 }, RUN, null)
      ).input
    ).toBe('retain-deployment-config')
  })
})

describe('buildPlan: retain-deployment-config', () => {
  it('sends RetainDeploymentConfig only, with the last config for schedule, budget and alarms', () => {
    const plan = buildPlan(RETAIN, RUN, { ...CURRENT, lastDeploymentConfig: LAST_CONFIG })
    expect(plan.updateEndpoint).toEqual({
      EndpointName: 'lab-endpoint',
      EndpointConfigName: NAME,
      RetainDeploymentConfig: true
    })
    expect(plan.guardAlarmNames).toEqual(['lab-endpoint-5xx-rate', 'lab-endpoint-model-latency'])
    expect(plan.schedule.map(r => r.greenPercent)).toEqual([0, 25, 50, 75, 100])
    // The retained timeout (1140 s) is SageMaker's limit.
    expect(plan.budgetSeconds).toBe(1140 + 600)
    expect(plan.alarmsToCreate).toHaveLength(2)
    expect(plan.notes).toEqual([
      "Retained from the endpoint's last deployment: linear, 25% per step, 60 s bake, 0 s final wait, timeout 1140 s; alarms lab-endpoint-5xx-rate, lab-endpoint-model-latency."
    ])
    // What the guard judges (and the summary shows): the endpoint's own policy.
    expect(plan.retainedPolicy).toMatchObject({
      routing: 'linear',
      waitIntervalSeconds: 60,
      terminationWaitSeconds: 0
    })
    expect(buildPlan(REQUEST, RUN, CURRENT).retainedPolicy).toBeUndefined()
  })

  it('is refused before any write when the endpoint has no deployment configuration to reuse', () => {
    const error = inputError(() => buildPlan({ ...RETAIN, createAlarms: false }, RUN, CURRENT))
    expect(error.input).toBe('retain-deployment-config')
    expect(error.message).toBe(
      'Input "retain-deployment-config" is true, but endpoint lab-endpoint has no blue/green deployment configuration to reuse (its LastDeploymentConfig is empty: it was created or last updated without one). SageMaker would update it with no traffic shifting and no alarm. Set retain-deployment-config: false and give the policy (and alarms) to use.'
    )
  })

  it('is refused when the retained configuration has no rollback alarm', () => {
    const { AutoRollbackConfiguration, ...noAlarms } = LAST_CONFIG
    void AutoRollbackConfiguration
    const error = inputError(() =>
      buildPlan(RETAIN, RUN, { ...CURRENT, lastDeploymentConfig: noAlarms })
    )
    expect(error.input).toBe('retain-deployment-config')
    expect(error.message).toMatch(
      /has no rollback alarm: retaining it would shift traffic with nothing to roll it back/
    )
  })

  it('accepts alarm-names equal to the retained alarms (in any order), refuses others naming both', () => {
    const withLast = { ...CURRENT, lastDeploymentConfig: LAST_CONFIG }
    const same = buildPlan(
      { ...RETAIN, alarmNames: ['lab-endpoint-model-latency', 'lab-endpoint-5xx-rate'] },
      RUN,
      withLast
    )
    expect(same.guardAlarmNames).toEqual(['lab-endpoint-5xx-rate', 'lab-endpoint-model-latency'])
    const error = inputError(() =>
      buildPlan({ ...RETAIN, alarmNames: ['team-p99'] }, RUN, withLast)
    )
    expect(error.input).toBe('alarm-names')
    expect(error.message).toBe(
      'Input "alarm-names" is "team-p99", but the deployment configuration that retain-deployment-config reuses has the alarms "lab-endpoint-5xx-rate, lab-endpoint-model-latency". Leave alarm-names empty or equal to those, or set retain-deployment-config: false to send a new policy with these alarms.'
    )
  })

  it('accepts policy inputs equal to the retained policy, refuses a different one naming both', () => {
    const withLast = { ...CURRENT, lastDeploymentConfig: LAST_CONFIG }
    const same = buildPlan(
      {
        ...RETAIN,
        retainExpected: { routing: 'linear', stepSize: { type: 'CAPACITY_PERCENT', value: 25 } }
      },
      RUN,
      withLast
    )
    expect(same.updateEndpoint).toMatchObject({ RetainDeploymentConfig: true })
    const error = inputError(() =>
      buildPlan({ ...RETAIN, retainExpected: { waitIntervalSeconds: 120 } }, RUN, withLast)
    )
    expect(error.input).toBe('wait-interval')
    expect(error.message).toBe(
      'Input "wait-interval" is 120, but the deployment configuration that retain-deployment-config reuses has 60 (linear, 25% per step, 60 s bake, 0 s final wait, timeout 1140 s). Leave wait-interval empty or equal to it, or set retain-deployment-config: false to send a new policy.'
    )
  })

  it('creates only the alarms the retained configuration names', () => {
    const other = {
      ...LAST_CONFIG,
      AutoRollbackConfiguration: { Alarms: [{ AlarmName: 'team-p99' }] }
    }
    const plan = buildPlan(RETAIN, RUN, { ...CURRENT, lastDeploymentConfig: other })
    expect(plan.alarmsToCreate).toEqual([])
    expect(plan.guardAlarmNames).toEqual(['team-p99'])
  })
})

describe('policyFromDeploymentConfig', () => {
  it('parses LINEAR, CANARY and ALL_AT_ONCE', () => {
    expect(policyFromDeploymentConfig(LAST_CONFIG)).toEqual({
      ...LINEAR,
      maxExecutionTimeoutSeconds: 1140
    })
    expect(
      policyFromDeploymentConfig({
        BlueGreenUpdatePolicy: {
          TrafficRoutingConfiguration: {
            Type: 'CANARY',
            WaitIntervalInSeconds: 30,
            CanarySize: { Type: 'INSTANCE_COUNT', Value: 1 }
          },
          TerminationWaitInSeconds: 120
        }
      })
    ).toEqual({
      routing: 'canary',
      stepSize: { type: 'INSTANCE_COUNT', value: 1 },
      waitIntervalSeconds: 30,
      terminationWaitSeconds: 120,
      maxExecutionTimeoutSeconds: undefined
    })
    expect(
      policyFromDeploymentConfig({
        BlueGreenUpdatePolicy: {
          TrafficRoutingConfiguration: { Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: 0 }
        }
      })?.routing
    ).toBe('all-at-once')
  })

  it.each([
    undefined,
    null,
    'x',
    {},
    { RollingUpdatePolicy: {} },
    {
      BlueGreenUpdatePolicy: {
        TrafficRoutingConfiguration: { Type: 'LINEAR', WaitIntervalInSeconds: 60 }
      }
    }
  ])('returns null for %j', config => {
    expect(policyFromDeploymentConfig(config)).toBeNull()
  })

  it('reads the rollback alarms', () => {
    expect(alarmNamesFromDeploymentConfig(LAST_CONFIG)).toEqual([
      'lab-endpoint-5xx-rate',
      'lab-endpoint-model-latency'
    ])
    expect(
      alarmNamesFromDeploymentConfig({
        AutoRollbackConfiguration: { Alarms: [{}, { AlarmName: 3 }] }
      })
    ).toEqual([])
    expect(alarmNamesFromDeploymentConfig(undefined)).toEqual([])
  })
})

// The step fingerprint decides whether a pending or live config is "this step's": it must follow
// what is deployed, and nothing else.
describe('buildPlan: the step fingerprint', () => {
  const hash = (request: DeployRequest, run: RunContext = RUN, current = CURRENT) =>
    buildPlan(request, run, current).stepHash
  let base: string
  beforeEach(() => {
    base = hash(REQUEST)
  })

  it('is the same for a re-run, another run of the same content, and another workflow', () => {
    expect(hash(REQUEST, { ...RUN, runAttempt: '2' })).toBe(base)
    expect(hash(REQUEST, { ...RUN, runId: '43', sha: '1234567abcdef' })).toBe(base)
    expect(hash(REQUEST, { ...RUN, workflow: 'Retry' })).toBe(base)
    expect(hash({ ...REQUEST, tags: [{ Key: 'team', Value: 'other' }] })).toBe(base)
  })

  it('changes with the artifact, the image, the role and every environment value', () => {
    const artifact = REQUEST.model as Extract<DeployRequest['model'], { kind: 'artifact' }>
    const other = (model: Partial<typeof artifact>) =>
      hash({ ...REQUEST, model: { ...artifact, ...model } })
    expect(other({ modelDataUrl: 's3://b/model-e.tar.gz' })).not.toBe(base)
    expect(other({ imageUri: 'img:2' })).not.toBe(base)
    expect(other({ executionRoleArn: `${ROLE}2` })).not.toBe(base)
    const withSecret = hash({ ...REQUEST, environment: { TOKEN: 'one-secret-value' } })
    expect(withSecret).not.toBe(base)
    expect(hash({ ...REQUEST, environment: { TOKEN: 'another-secret' } })).not.toBe(withSecret)
  })

  it('changes with the fleet and the rollout policy', () => {
    expect(hash({ ...REQUEST, instanceCount: 8 })).not.toBe(base)
    expect(hash({ ...REQUEST, instanceType: 'ml.c5.xlarge' })).not.toBe(base)
    expect(hash({ ...REQUEST, policy: { ...LINEAR, waitIntervalSeconds: 120 } })).not.toBe(base)
    expect(hash({ ...REQUEST, policy: { ...LINEAR, routing: 'canary' } })).not.toBe(base)
    expect(hash({ ...REQUEST, alarmNames: ['team-alarm'] })).not.toBe(base)
  })

  it('never puts an environment value into a tag', () => {
    const plan = buildPlan({ ...REQUEST, environment: { TOKEN: 'one-secret-value' } }, RUN, CURRENT)
    expect(JSON.stringify(plan.tags)).not.toContain('one-secret')
  })
})

describe('checkStepSize and provisioningAllowance', () => {
  const linear = (type: 'CAPACITY_PERCENT' | 'INSTANCE_COUNT', value: number): RolloutPolicy => ({
    ...LINEAR,
    stepSize: { type, value }
  })

  it('accepts a step of 10–50 % of the fleet (linear) and at most 50 % (canary)', () => {
    expect(() => checkStepSize(linear('INSTANCE_COUNT', 2), 4, 'A')).not.toThrow()
    expect(() => checkStepSize(linear('INSTANCE_COUNT', 2), 20, 'A')).not.toThrow()
    expect(() =>
      checkStepSize({ ...linear('INSTANCE_COUNT', 1), routing: 'canary' }, 20, 'A')
    ).not.toThrow()
    expect(() => checkStepSize(linear('CAPACITY_PERCENT', 50), 3, 'A')).not.toThrow()
    expect(() => checkStepSize({ ...LINEAR, routing: 'all-at-once' }, 1, 'A')).not.toThrow()
  })

  it('refuses the rest, hinting at a missing % only where the number is a valid percentage', () => {
    const message = (policy: RolloutPolicy, n: number) =>
      inputError(() => checkStepSize(policy, n, 'A')).message
    expect(message(linear('INSTANCE_COUNT', 30), 4)).toMatch(/Did you mean 30%\?$/)
    expect(message(linear('INSTANCE_COUNT', 3), 4)).not.toMatch(/Did you mean/)
    expect(message(linear('INSTANCE_COUNT', 60), 4)).not.toMatch(/Did you mean/)
    expect(message(linear('INSTANCE_COUNT', 1), 20)).toBe(
      'Input "step-size" is 1, which is 1 instance (5 % of the 20 instances of variant A); a linear step must be 10–50 % of the variant\'s instances, here 2 to 10 instances.'
    )
    expect(message({ ...linear('INSTANCE_COUNT', 2), routing: 'canary' }, 3)).toBe(
      'Input "step-size" is 2, which is 2 instances (67 % of the 3 instances of variant A); a canary must be at most 50 % of the variant\'s instances, here exactly 1 instance.'
    )
    const single = inputError(() => checkStepSize(linear('CAPACITY_PERCENT', 25), 1, 'A'))
    expect(single.input).toBe('traffic-routing')
  })

  it("allows at least 30 minutes to provision, more when the variant's timeouts add up to more", () => {
    expect(provisioningAllowance(undefined, undefined)).toBe(1800)
    expect(provisioningAllowance(600, 600)).toBe(1800)
    expect(provisioningAllowance(3600, 1200)).toBe(4800)
  })
})

describe('buildPlan: rolling', () => {
  const P = DEFAULT_PROVISIONING_SECONDS
  const ROLLING: RolloutPolicy = {
    routing: 'rolling',
    stepSize: { type: 'CAPACITY_PERCENT', value: 25 },
    waitIntervalSeconds: 60,
    terminationWaitSeconds: 0,
    maxExecutionTimeoutSeconds: undefined,
    rollbackStepSize: { type: 'INSTANCE_COUNT', value: 2 }
  }
  let plan: Plan
  beforeEach(() => {
    plan = buildPlan({ ...REQUEST, policy: ROLLING }, RUN, CURRENT)
  })

  it('estimates where new instances serve between bakes, unwatched (blue/green has no such window)', () => {
    expect(plan.unwatched).toStrictEqual([
      { afterBatch: 1, fromSeconds: P + 60, seconds: P, greenPercent: 25 },
      { afterBatch: 2, fromSeconds: 2 * P + 2 * 60, seconds: P, greenPercent: 50 },
      { afterBatch: 3, fromSeconds: 3 * P + 3 * 60, seconds: P, greenPercent: 75 }
    ])
    expect(buildPlan(REQUEST, RUN, CURRENT).unwatched).toBeUndefined()
    const create = { ...REQUEST, policy: ROLLING, instanceType: 'ml.m5.large', instanceCount: 4 }
    expect(buildPlan(create, RUN, null).unwatched).toBeUndefined()
  })

  it('sends a RollingUpdatePolicy (batches provisioned one by one: 4 × 30 min + 4 bakes) and the alarms', () => {
    expect(plan.updateEndpoint).toEqual({
      EndpointName: 'lab-endpoint',
      EndpointConfigName: NAME,
      DeploymentConfig: {
        RollingUpdatePolicy: {
          MaximumBatchSize: { Type: 'CAPACITY_PERCENT', Value: 25 },
          WaitIntervalInSeconds: 60,
          MaximumExecutionTimeoutInSeconds: 4 * 60 + 4 * 1800,
          RollbackMaximumBatchSize: { Type: 'INSTANCE_COUNT', Value: 2 }
        },
        AutoRollbackConfiguration: {
          Alarms: [
            { AlarmName: 'lab-endpoint-5xx-rate' },
            { AlarmName: 'lab-endpoint-model-latency' }
          ]
        }
      }
    })
  })

  it('expects each batch: new instances with traffic, old ones left', () => {
    expect(
      plan.schedule.map(r => [
        r.offsetSeconds,
        r.greenInstances,
        r.blueInstances,
        r.greenPercent,
        r.label
      ])
    ).toEqual([
      [0, 0, 4, 0, 'deployment starts, first batch of 1 new instance(s) provisioned'],
      // Each batch is provisioned on its own (the estimate), then baked 60 s.
      [P, 1, 3, 25, 'batch 1 of 4: 1 new instance(s) take traffic, then 1 old terminated'],
      [2 * P + 60, 2, 2, 50, 'batch 2 of 4: 2 new instance(s) take traffic, then 1 old terminated'],
      [
        3 * P + 120,
        3,
        1,
        75,
        'batch 3 of 4: 3 new instance(s) take traffic, then 1 old terminated'
      ],
      [
        4 * P + 180,
        4,
        0,
        100,
        'batch 4 of 4: all traffic on the new fleet, last old instances terminated'
      ]
    ])
  })

  it('shows the peak instance count of both strategies', () => {
    expect(plan.peakInstances).toEqual({ blueGreen: 8, rolling: 5 })
  })

  it('is refused on a multi-variant endpoint', () => {
    const two: CurrentEndpoint = {
      ...CURRENT,
      config: { ProductionVariants: [] },
      variants: ['A', 'B'].map(name => ({
        name,
        modelName: 'm',
        instanceType: 'ml.m5.large',
        configuredCount: 4,
        desiredCount: 4,
        desiredWeight: 1,
        serverless: false,
        downloadTimeoutSeconds: undefined,
        healthCheckTimeoutSeconds: undefined
      }))
    }
    const error = inputError(() =>
      buildPlan({ ...REQUEST, variantName: 'A', policy: ROLLING }, RUN, two)
    )
    expect(error.input).toBe('traffic-routing')
    expect(error.message).toMatch(
      /SageMaker excludes multi-variant endpoints from rolling deployments/
    )
  })

  it('reads back from LastDeploymentConfig for retain', () => {
    const config = (plan.updateEndpoint as { DeploymentConfig: unknown }).DeploymentConfig
    expect(policyFromDeploymentConfig(config)).toEqual({
      ...ROLLING,
      maxExecutionTimeoutSeconds: 4 * 60 + 4 * 1800
    })
  })
})

describe('buildPlan: the verification gate', () => {
  const gate = () => gateRequest()

  it('adds the gate alarm to the created ones and to the update rollback alarms', () => {
    const plan = buildPlan({ ...REQUEST, gate: gate() }, RUN, CURRENT)
    expect(plan.alarmsToCreate.map(a => a.name)).toStrictEqual([
      'lab-endpoint-5xx-rate',
      'lab-endpoint-model-latency',
      'lab-endpoint-gate'
    ])
    expect(plan.guardAlarmNames).toContain('lab-endpoint-gate')
    const update = plan.updateEndpoint as {
      DeploymentConfig: { AutoRollbackConfiguration: { Alarms: { AlarmName: string }[] } }
    }
    expect(
      update.DeploymentConfig.AutoRollbackConfiguration.Alarms.map(a => a.AlarmName)
    ).toContain('lab-endpoint-gate')
    // 20 answers at 2 a second, 5 s of publishing, 5 s for the datapoint to be seen.
    expect(plan.gate).toMatchObject({ alarmName: 'lab-endpoint-gate', judgeSeconds: 20 })
    // An update has a shift to guard: no note that the gate waits for the next one.
    expect(plan.notes.filter(n => n.startsWith('Verification gate'))).toStrictEqual([])
    const spec = plan.alarmsToCreate[2]!.request
    expect(spec).toMatchObject({
      Namespace: 'SageMakerBlueGreenDeploy',
      MetricName: 'GateFailed',
      Dimensions: [{ Name: 'EndpointName', Value: 'lab-endpoint' }],
      Statistic: 'Maximum',
      Period: 10,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      EvaluationPeriods: 3,
      DatapointsToAlarm: 1,
      TreatMissingData: 'notBreaching'
    })
  })

  it('is the gate alarm even with create-alarms: false', () => {
    const plan = buildPlan(
      { ...REQUEST, createAlarms: false, alarmNames: ['team-alarm'], gate: gate() },
      RUN,
      CURRENT
    )
    expect(plan.alarmsToCreate.map(a => a.name)).toStrictEqual(['lab-endpoint-gate'])
    expect(plan.guardAlarmNames).toStrictEqual(['lab-endpoint-gate', 'team-alarm'])
  })

  it('waits for the next update on a new endpoint, and says so', () => {
    const plan = buildPlan(
      { ...REQUEST, instanceType: 'ml.m5.large', instanceCount: 2, gate: gate() },
      RUN,
      null
    )
    expect(plan.gate).toBeUndefined()
    expect(plan.alarmsToCreate.map(a => a.name)).not.toContain('lab-endpoint-gate')
    expect(plan.notes).toContain(
      'Verification gate: a new endpoint has no traffic shift for it to guard (SageMaker creates it serving the model at once); it guards the next update.'
    )
  })

  it('is refused with a retained policy that does not name the gate alarm, kept when it does', () => {
    const error = inputError(() =>
      buildPlan({ ...RETAIN, gate: gate() }, RUN, { ...CURRENT, lastDeploymentConfig: LAST_CONFIG })
    )
    expect(error.input).toBe('retain-deployment-config')
    expect(error.message).toMatch(/does not name the gate alarm lab-endpoint-gate/)
    const gated = {
      ...LAST_CONFIG,
      AutoRollbackConfiguration: {
        Alarms: [
          ...LAST_CONFIG.AutoRollbackConfiguration.Alarms,
          { AlarmName: 'lab-endpoint-gate' }
        ]
      }
    }
    const plan = buildPlan({ ...RETAIN, gate: gate() }, RUN, {
      ...CURRENT,
      lastDeploymentConfig: gated
    })
    expect(plan.alarmsToCreate.map(a => a.name)).toContain('lab-endpoint-gate')
  })
})
