// Through the real bundle: step sizes checked against the fleet as the API states them, retain
// checked against what the endpoint really has, inference-component endpoints refused, and a
// variant registered with Application Auto Scaling: refused on an instance-type change (fail),
// or deregistered for the update and restored exactly, whatever the verdict (reregister).
import {
  ApplicationAutoScalingClient,
  DescribeScalableTargetsCommand,
  DescribeScalingPoliciesCommand,
  DescribeScheduledActionsCommand,
  PutScalingPolicyCommand,
  PutScheduledActionCommand,
  RegisterScalableTargetCommand
} from '@aws-sdk/client-application-auto-scaling'
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  SageMakerClient
} from '@aws-sdk/client-sagemaker'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Emulator } from '../../emulator/index.js'
import type { ActionResult } from '../../scripts/lib/action-runner.js'
import { LAB_IMAGE, LAB_ROLE, labModel } from '../../scripts/lib/lab.js'
import { pool } from '../robustness/helpers.js'
import { labEmulator, runStep, step, withModelA } from './helpers.js'

type Result = ActionResult & { mutating: string[] }

const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' }
const RESOURCE = 'endpoint/lab-endpoint/variant/AllTraffic'
const TARGET = {
  ServiceNamespace: 'sagemaker' as const,
  ResourceId: RESOURCE,
  ScalableDimension: 'sagemaker:variant:DesiredInstanceCount' as const
}

function e(extra: Record<string, string> = {}) {
  const lab = step('Model E')
  return {
    ...lab,
    inputs: {
      ...lab.inputs,
      'model-data-url': labModel('e'),
      'retain-deployment-config': 'false',
      ...extra
    }
  }
}

// ---- Step sizes against the fleet, refused before any change -------------------------------------
const STEP_SIZES: [string, Record<string, string>, string, string][] = [
  [
    'a bare 30 on 4 instances',
    { 'step-size': '30' },
    'step-size',
    'Input "step-size" is 30, which is 30 instances (750 % of the 4 instances of variant AllTraffic); a linear step must be 10–50 % of the variant\'s instances, here 1 to 2 instances. Did you mean 30%?'
  ],
  [
    '3 of 4 (75 %)',
    { 'step-size': '3' },
    'step-size',
    'Input "step-size" is 3, which is 3 instances (75 % of the 4 instances of variant AllTraffic); a linear step must be 10–50 % of the variant\'s instances, here 1 to 2 instances.'
  ],
  [
    'a canary of 3 of 4',
    { 'traffic-routing': 'canary', 'step-size': '3' },
    'step-size',
    'Input "step-size" is 3, which is 3 instances (75 % of the 4 instances of variant AllTraffic); a canary must be at most 50 % of the variant\'s instances, here 1 to 2 instances.'
  ],
  [
    'linear on a 1-instance fleet',
    { 'instance-count': '1' },
    'traffic-routing',
    'Input "traffic-routing" is linear, but variant AllTraffic runs 1 instance: a linear step must be 10–50 % of the variant\'s instances, and no whole step of 1 instance is.'
  ],
  [
    'a max-execution-timeout equal to the waits',
    { 'wait-interval': '600', 'max-execution-timeout': '2400' },
    'max-execution-timeout',
    'Input "max-execution-timeout" is 2400 s, but it must be larger than the rollout\'s waits, 2400 s'
  ]
]

const stepSizes = (async () => {
  const emulator = await labEmulator()
  await withModelA(emulator)
  const results = await pool(STEP_SIZES, 3, ([, inputs]) => runStep(emulator, e(inputs)))
  // 1 of 20 is 5 %: too small for a linear step.
  const wide = await labEmulator()
  const a = step('Model A')
  await runStep(wide, { ...a, inputs: { ...a.inputs, 'instance-count': '20' } })
  const small = await runStep(wide, e({ 'step-size': '1' }))
  return { emulators: [emulator, wide], results, small }
})()

// ---- retain-deployment-config checked against the endpoint ---------------------------------------
const retain = (async () => {
  const emulator = await labEmulator()
  // An endpoint created outside the action, with no deployment configuration.
  const sm = new SageMakerClient({ endpoint: emulator.url, region: 'us-east-1', credentials })
  await sm.send(
    new CreateModelCommand({
      ModelName: 'plain-a',
      ExecutionRoleArn: LAB_ROLE,
      PrimaryContainer: { Image: LAB_IMAGE, ModelDataUrl: labModel('a') }
    })
  )
  await sm.send(
    new CreateEndpointConfigCommand({
      EndpointConfigName: 'plain-a',
      ProductionVariants: [
        {
          VariantName: 'AllTraffic',
          ModelName: 'plain-a',
          InitialInstanceCount: 4,
          InstanceType: 'ml.m5.large'
        }
      ]
    })
  )
  await sm.send(new CreateEndpointCommand({ EndpointName: 'plain', EndpointConfigName: 'plain-a' }))
  sm.destroy()
  emulator.advance(600)
  const unstored = await runStep(emulator, {
    ...e({ 'endpoint-name': 'plain', 'retain-deployment-config': 'true' })
  })
  // The lab endpoint, whose last deployment has the two created alarms.
  await withModelA(emulator)
  const other = await runStep(
    emulator,
    e({ 'retain-deployment-config': 'true', 'alarm-names': 'team-p99' })
  )
  const same = await runStep(
    emulator,
    e({
      'retain-deployment-config': 'true',
      'alarm-names': 'lab-endpoint-model-latency\nlab-endpoint-5xx-rate',
      'traffic-routing': 'linear',
      'step-size': '25%'
    })
  )
  return { emulators: [emulator], unstored, other, same }
})()

// ---- An endpoint that hosts inference components -------------------------------------------------
const components = (async () => {
  const emulator = await labEmulator()
  const sm = new SageMakerClient({ endpoint: emulator.url, region: 'us-east-1', credentials })
  await sm.send(
    new CreateEndpointConfigCommand({
      EndpointConfigName: 'ic-config',
      ExecutionRoleArn: LAB_ROLE,
      ProductionVariants: [
        { VariantName: 'AllTraffic', InitialInstanceCount: 2, InstanceType: 'ml.g5.2xlarge' }
      ]
    })
  )
  await sm.send(
    new CreateEndpointCommand({ EndpointName: 'ic-endpoint', EndpointConfigName: 'ic-config' })
  )
  sm.destroy()
  emulator.advance(600)
  const result = await runStep(emulator, e({ 'endpoint-name': 'ic-endpoint' }))
  return { emulators: [emulator], result }
})()

// ---- Auto scaling ---------------------------------------------------------------------------------
async function registerScaling(emulator: Emulator): Promise<void> {
  const aas = new ApplicationAutoScalingClient({
    endpoint: emulator.url,
    region: 'us-east-1',
    credentials
  })
  await aas.send(new RegisterScalableTargetCommand({ ...TARGET, MinCapacity: 2, MaxCapacity: 8 }))
  await aas.send(
    new PutScalingPolicyCommand({
      ...TARGET,
      PolicyName: 'invocations-per-instance',
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingScalingPolicyConfiguration: {
        TargetValue: 70,
        PredefinedMetricSpecification: {
          PredefinedMetricType: 'SageMakerVariantInvocationsPerInstance'
        },
        ScaleInCooldown: 300,
        ScaleOutCooldown: 60
      }
    })
  )
  await aas.send(
    new PutScheduledActionCommand({
      ...TARGET,
      ScheduledActionName: 'business-hours',
      Schedule: 'cron(0 8 ? * MON-FRI *)',
      Timezone: 'Europe/Berlin',
      ScalableTargetAction: { MinCapacity: 4, MaxCapacity: 8 }
    })
  )
  aas.destroy()
}

/** The registered definitions without what the service assigns (ARNs, times, alarm names). */
async function scalingState(emulator: Emulator): Promise<unknown> {
  const aas = new ApplicationAutoScalingClient({
    endpoint: emulator.url,
    region: 'us-east-1',
    credentials
  })
  const scrub = (items: object[] | undefined, drop: string[]) =>
    (items ?? []).map(i => Object.fromEntries(Object.entries(i).filter(([k]) => !drop.includes(k))))
  const targets = await aas.send(
    new DescribeScalableTargetsCommand({ ServiceNamespace: 'sagemaker' })
  )
  const policies = await aas.send(
    new DescribeScalingPoliciesCommand({ ServiceNamespace: 'sagemaker' })
  )
  const actions = await aas.send(
    new DescribeScheduledActionsCommand({ ServiceNamespace: 'sagemaker' })
  )
  aas.destroy()
  return {
    targets: scrub(targets.ScalableTargets, ['CreationTime', 'ScalableTargetARN']),
    policies: scrub(policies.ScalingPolicies, ['CreationTime', 'PolicyARN', 'Alarms']),
    actions: scrub(actions.ScheduledActions, ['CreationTime', 'ScheduledActionARN'])
  }
}

interface ScalingCase {
  emulators: Emulator[]
  result: Result
  before: unknown
  after: unknown
}

async function scaling(
  lab: 'Model E' | 'Model B',
  inputs: Record<string, string>,
  cancel = false
): Promise<ScalingCase> {
  const emulator = await labEmulator()
  await withModelA(emulator)
  await registerScaling(emulator)
  const before = await scalingState(emulator)
  const s =
    lab === 'Model E'
      ? e(inputs)
      : { ...step('Model B'), inputs: { ...step('Model B').inputs, ...inputs } }
  const result = await runStep(emulator, s, {
    ...(cancel ? { signalOn: { signal: 'SIGINT' as const, line: /green fleet Baking/ } } : {})
  })
  return { emulators: [emulator], result, before, after: await scalingState(emulator) }
}

const C5 = { 'instance-type': 'ml.c5.xlarge' }
const scalingCases = {
  refused: scaling('Model E', C5),
  modelOnly: scaling('Model E', {}),
  reregistered: scaling('Model E', { ...C5, 'on-auto-scaling': 'reregister' }),
  rolledBack: scaling('Model B', { ...C5, 'on-auto-scaling': 'reregister' }),
  cancelled: scaling(
    'Model E',
    { ...C5, 'on-auto-scaling': 'reregister', 'wait-interval': '600' },
    true
  )
}

afterAll(async () => {
  const all = await Promise.all([stepSizes, retain, components, ...Object.values(scalingCases)])
  for (const c of all) for (const emulator of c.emulators) await emulator.close()
})

describe('step sizes checked against the fleet', () => {
  let c: Awaited<typeof stepSizes>
  beforeAll(async () => {
    c = await stepSizes
  }, 240_000)

  it('each invalid policy is refused naming its input, with no mutating call', () => {
    const seen = c.results.map((r, i) => [STEP_SIZES[i]![0], r.outputs.outcome, r.mutating])
    expect(seen).toEqual(STEP_SIZES.map(([label]) => [label, 'failed', []]))
    c.results.forEach((r, i) => {
      const [, , input, message] = STEP_SIZES[i]!
      expect(r.outputs['failure-reason']).toContain(message)
      expect(r.outputs['failure-reason']).toContain(`Input "${input}"`)
    })
  })

  it('1 instance of 20 (5 %) is too small a linear step', () => {
    expect(c.small.outputs.outcome).toBe('failed')
    expect(c.small.mutating).toEqual([])
    expect(c.small.outputs['failure-reason']).toContain(
      'Input "step-size" is 1, which is 1 instance (5 % of the 20 instances of variant AllTraffic); a linear step must be 10–50 % of the variant\'s instances, here 2 to 10 instances.'
    )
  })
})

describe('retain-deployment-config against the endpoint', () => {
  let c: Awaited<typeof retain>
  beforeAll(async () => {
    c = await retain
  }, 240_000)

  it('with no stored deployment configuration: refused before any change', () => {
    expect(c.unstored.outputs.outcome).toBe('failed')
    expect(c.unstored.mutating).toEqual([])
    expect(c.unstored.outputs['failure-reason']).toContain(
      'Input "retain-deployment-config" is true, but endpoint plain has no blue/green deployment configuration to reuse'
    )
  })

  it('with alarm-names other than the retained ones: refused, naming both lists', () => {
    expect(c.other.outputs.outcome).toBe('failed')
    expect(c.other.mutating).toEqual([])
    expect(c.other.outputs['failure-reason']).toBe(
      'Input "alarm-names" is "team-p99", but the deployment configuration that retain-deployment-config reuses has the alarms "lab-endpoint-5xx-rate, lab-endpoint-model-latency". Leave alarm-names empty or equal to those, or set retain-deployment-config: false to send a new policy with these alarms.'
    )
  })

  it('with alarm-names and policy inputs equal to the retained ones: deploys, and says what is retained', () => {
    expect([c.same.outputs.outcome, c.same.code]).toEqual(['deployed', 0])
    const update = c.same.mutating.filter(op => op === 'UpdateEndpoint')
    expect(update).toHaveLength(1)
    expect(c.same.stdout).toContain(
      "Retained from the endpoint's last deployment: linear, 25% per step, 60 s bake, 0 s final wait"
    )
  })
})

describe('an endpoint that hosts inference components', () => {
  let c: Awaited<typeof components>
  beforeAll(async () => {
    c = await components
  }, 240_000)

  it('is refused with why and what to use instead, before any change', () => {
    expect(c.result.outputs.outcome).toBe('failed')
    expect(c.result.mutating).toEqual([])
    expect(c.result.outputs['failure-reason']).toContain(
      'Endpoint ic-endpoint hosts inference components (variant "AllTraffic" has no model of its own)'
    )
  })
})

describe('a variant registered with Application Auto Scaling', () => {
  it('an instance-type change with on-auto-scaling: fail is refused before any change', async () => {
    const c = await scalingCases.refused
    expect([c.result.outputs.outcome, c.result.code]).toEqual(['failed', 1])
    expect(c.result.mutating).toEqual([])
    expect(c.result.outputs['failure-reason']).toContain(
      'Variant AllTraffic is registered with Application Auto Scaling (min 2, max 8, 1 scaling policy (invocations-per-instance), 1 scheduled action (business-hours)), and this step changes its instance type (ml.m5.large → ml.c5.xlarge): SageMaker fails such an update. Set on-auto-scaling: reregister'
    )
    expect(c.after).toEqual(c.before)
  }, 240_000)

  it('a model-only change proceeds, touching no auto scaling', async () => {
    const c = await scalingCases.modelOnly
    expect(c.result.outputs.outcome).toBe('deployed')
    expect(c.result.mutating.filter(op => /Scal|Scheduled/.test(op))).toEqual([])
    expect(c.result.stdout).toContain(
      'Variant AllTraffic is registered with Application Auto Scaling (min 2, max 8'
    )
    expect(c.after).toEqual(c.before)
  }, 240_000)

  it('reregister: deregistered just before the update, restored identically after deployed', async () => {
    const c = await scalingCases.reregistered
    expect([c.result.outputs.outcome, c.result.code]).toEqual(['deployed', 0])
    const ops = c.result.mutating
    expect(ops.indexOf('DeregisterScalableTarget')).toBeLessThan(ops.indexOf('UpdateEndpoint'))
    expect(ops.slice(ops.indexOf('UpdateEndpoint') + 1)).toEqual([
      'RegisterScalableTarget',
      'PutScalingPolicy',
      'PutScheduledAction'
    ])
    expect(c.after).toEqual(c.before)
    const report = JSON.parse(c.result.outputs['auto-scaling'] ?? '{}') as { restored: boolean }
    expect(report.restored).toBe(true)
    expect(c.result.summary).toContain('### Auto scaling')
  }, 240_000)

  it('reregister: restored identically after a rollback', async () => {
    const c = await scalingCases.rolledBack
    expect(c.result.outputs.outcome).toBe('rolled-back')
    expect(c.after).toEqual(c.before)
  }, 240_000)

  it('reregister: restored identically after a cancellation mid-shift', async () => {
    const c = await scalingCases.cancelled
    expect(c.result.code).toBe(1)
    expect(c.result.stdout).toMatch(/Received SIGINT/)
    expect(c.after).toEqual(c.before)
    // After the signal: only the restore, never a change to the endpoint.
    const afterUpdate = c.result.mutating.slice(c.result.mutating.indexOf('UpdateEndpoint') + 1)
    expect(afterUpdate).toEqual([
      'RegisterScalableTarget',
      'PutScalingPolicy',
      'PutScheduledAction'
    ])
  }, 240_000)
})
