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
  DescribeEndpointCommand,
  ListTagsCommand,
  SageMakerClient
} from '@aws-sdk/client-sagemaker'
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import type { Emulator, FaultRule } from '../../emulator/index.js'
import type { ActionResult } from '../../scripts/lib/action-runner.js'
import { LAB_IMAGE, LAB_ROLE, labModel } from '../../scripts/lib/lab.js'
import { pool } from '../robustness/helpers.js'
import { labEmulator, runStep, step, trafficSteps, withModelA } from './helpers.js'

// A safety net only: on stepped time a run's real duration depends on the machine's load, never
// on what it sees.
jest.setTimeout(600_000)

type Result = ActionResult & { mutating: string[] }

/** The traffic-steps output as [T+ seconds, green %] (the lab's linear 25 % steps of 60 s). */
const shifts = (r: Result) => trafficSteps(r).map(s => [s.offsetSeconds, s.greenPercent])

/**
 * Model E deployed with the lab's timings: green provisioned at T+480 s, then a step every 65 s
 * (5 s activation, 60 s bake) up to 100 % at T+675 s. That step bakes no wait-interval, only the
 * final bake: termination-wait left empty is derived from the created alarms' detection time
 * (60 s period × 1 datapoint + 180 s metric-delay + 60 s evaluation = 300 s). So from T+680 s
 * (after its 5 s activation) 300 s of final bake and blue's 120 s decommissioning: done at
 * T+1100 s. The watch after completion adds nothing: the alarms' 300 s detection time after green
 * took all the traffic (the 100 % row) had passed by T+980 s, before the completion. A step whose
 * 5 s activation no poll saw is dated by its bake (5 s later).
 */
const deployedRows = (late: number[]) =>
  [
    [0, 0],
    [480, 25],
    [545, 50],
    [610, 75],
    [675, 100],
    [1100, 100]
  ].map(([at, green], k) => [late.includes(k) ? at! + 5 : at, green])

/** The log line of a variant registered with Application Auto Scaling as in registerScaling. */
const REGISTERED =
  'Variant AllTraffic is registered with Application Auto Scaling (min 2, max 8, 1 scaling policy (invocations-per-instance), 1 scheduled action (business-hours))'
const REREGISTERED = [
  'CreateModel',
  'CreateEndpointConfig',
  // The saved registration, on the endpoint's tags until it is restored.
  'AddTags',
  'DeregisterScalableTarget',
  'UpdateEndpoint',
  'RegisterScalableTarget',
  'PutScalingPolicy',
  'PutScheduledAction',
  'DeleteTags'
]
const RESTORED =
  'Restored auto scaling on endpoint/lab-endpoint/variant/AllTraffic: min 2, max 8, 1 scaling policy (invocations-per-instance), 1 scheduled action (business-hours).'

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
    'Input "traffic-routing" is linear, but variant AllTraffic runs 1 instance: a linear step must be 10–50 % of the variant\'s instances, and no whole step of 1 instance is. Use traffic-routing: all-at-once (one shift, still guarded by the alarms during its bake), or run at least 2 instances (instance-count).'
  ],
  [
    // The waits: 4 traffic steps at most (25 % of 4 is 1 instance, whatever the rounding) × 600 s,
    // plus the derived termination-wait of 300 s (the created alarms' detection time) = 2700 s.
    // The timeout equal to them, 2700 s, is refused (it must be larger).
    'a max-execution-timeout equal to the waits',
    { 'wait-interval': '600', 'max-execution-timeout': '2700' },
    'max-execution-timeout',
    'Input "max-execution-timeout" is 2700 s, but it must be larger than the rollout\'s waits, 2700 s (4 traffic steps at most × wait-interval 600 s + termination-wait 300 s), before provisioning. Set it to more than 2700 plus time to provision the new instances (1800 s would be derived), or leave it empty to derive it.'
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
  emulator.advance(600) // its 10 minutes of Creating
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
  emulator.advance(600) // its 10 minutes of Creating
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
interface ScalingState {
  targets: Record<string, unknown>[]
  policies: Record<string, unknown>[]
  actions: Record<string, unknown>[]
}

async function scalingState(emulator: Emulator): Promise<ScalingState> {
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
  cancel = false,
  faults: FaultRule[] = []
): Promise<ScalingCase> {
  const emulator = await labEmulator()
  await withModelA(emulator)
  await registerScaling(emulator)
  const before = await scalingState(emulator)
  if (faults.length) emulator.setScenario({ faults })
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
const REREGISTER = { ...C5, 'on-auto-scaling': 'reregister' }

/** The endpoint's own tags (where the saved registration waits until it is restored). */
async function endpointTags(emulator: Emulator): Promise<Record<string, string>> {
  const sm = new SageMakerClient({ endpoint: emulator.url, region: 'us-east-1', credentials })
  const { EndpointArn } = await sm.send(
    new DescribeEndpointCommand({ EndpointName: 'lab-endpoint' })
  )
  const { Tags } = await sm.send(new ListTagsCommand({ ResourceArn: EndpointArn }))
  sm.destroy()
  return Object.fromEntries((Tags ?? []).map(t => [t.Key ?? '', t.Value ?? '']))
}

/** The answer to the deregistration is lost after it was applied (the SDK's retry then finds nothing). */
const lostDeregistration = scaling('Model E', REREGISTER, false, [
  { operation: 'DeregisterScalableTarget', dropAfterApplyRate: 1, times: 1 }
])

/**
 * RegisterScalableTarget refused for longer than the restore's window: the job fails with the
 * commands to restore by hand and the copy left on the endpoint; the next run, once the service
 * answers again, restores it before anything else.
 */
const unrestored = (async () => {
  const c = await scaling('Model E', REREGISTER, false, [
    { operation: 'RegisterScalableTarget', throttleRate: 1 }
  ])
  const emulator = c.emulators[0]!
  const middle = { scaling: await scalingState(emulator), tags: await endpointTags(emulator) }
  // A run whose restore of that copy registers the target, then has every policy throttled.
  emulator.setScenario({ faults: [{ operation: 'PutScalingPolicy', throttleRate: 1 }] })
  const partly = await runStep(emulator, e(REREGISTER), { env: { GITHUB_RUN_ID: '1005' } })
  const afterPartly = await scalingState(emulator)
  emulator.setScenario({ faults: [] })
  const next = await runStep(emulator, e(REREGISTER), { env: { GITHUB_RUN_ID: '1004' } })
  return {
    ...c,
    middle,
    partly,
    afterPartly,
    next,
    afterNext: await scalingState(emulator),
    tagsAfterNext: await endpointTags(emulator)
  }
})()

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
  const all = await Promise.all([
    stepSizes,
    retain,
    components,
    lostDeregistration,
    unrestored,
    ...Object.values(scalingCases)
  ])
  for (const c of all) for (const emulator of c.emulators) await emulator.close()
})

describe('step sizes checked against the fleet', () => {
  let c: Awaited<typeof stepSizes>
  beforeAll(async () => {
    c = await stepSizes
  })

  it('each invalid policy is refused naming its input, with no mutating call', () => {
    const seen = c.results.map((r, i) => [STEP_SIZES[i]![0], r.outputs.outcome, r.mutating])
    expect(seen).toEqual(STEP_SIZES.map(([label]) => [label, 'failed', []]))
    c.results.forEach((r, i) => {
      const [, , input, message] = STEP_SIZES[i]!
      expect([input, r.outputs['failure-reason']]).toEqual([input, message])
      expect(message).toContain(`Input "${input}"`)
    })
  })

  it('1 instance of 20 (5 %) is too small a linear step', () => {
    expect(c.small.outputs.outcome).toBe('failed')
    expect(c.small.mutating).toEqual([])
    expect(c.small.outputs['failure-reason']).toBe(
      'Input "step-size" is 1, which is 1 instance (5 % of the 20 instances of variant AllTraffic); a linear step must be 10–50 % of the variant\'s instances, here 2 to 10 instances.'
    )
  })
})

describe('retain-deployment-config against the endpoint', () => {
  let c: Awaited<typeof retain>
  beforeAll(async () => {
    c = await retain
  })

  it('with no stored deployment configuration: refused before any change', () => {
    expect(c.unstored.outputs.outcome).toBe('failed')
    expect(c.unstored.mutating).toEqual([])
    expect(c.unstored.outputs['failure-reason']).toBe(
      'Input "retain-deployment-config" is true, but endpoint plain has no blue/green deployment configuration to reuse (its LastDeploymentConfig is empty: it was created or last updated without one). SageMaker would update it with no traffic shifting and no alarm. Set retain-deployment-config: false and give the policy (and alarms) to use.'
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
    expect(c.same.mutating).toEqual(['CreateModel', 'CreateEndpointConfig', 'UpdateEndpoint'])
    // The policy Model A's run sent, as it is retained: termination-wait derived from the alarms'
    // detection time (300 s), and the timeout 4 × 60 s + 300 s + 1800 s provisioning = 2340 s.
    expect(c.same.stdout).toContain(
      "\nRetained from the endpoint's last deployment: linear, 25% per step, 60 s bake, 300 s final wait, timeout 2340 s; alarms lab-endpoint-5xx-rate, lab-endpoint-model-latency.\n"
    )
    // The retained 300 s final wait is the derived one: the same timings as a default run.
    expect(shifts(c.same)).toEqual(deployedRows([2, 3]))
  })
})

describe('an endpoint that hosts inference components', () => {
  let c: Awaited<typeof components>
  beforeAll(async () => {
    c = await components
  })

  it('is refused with why and what to use instead, before any change', () => {
    expect(c.result.outputs.outcome).toBe('failed')
    expect(c.result.mutating).toEqual([])
    expect(c.result.outputs['failure-reason']).toBe(
      'Endpoint ic-endpoint hosts inference components (variant "AllTraffic" has no model of its own): a model is deployed into an inference component with UpdateInferenceComponent, not by replacing the endpoint config. Set inference-component-name to the component to deploy into.'
    )
  })
})

describe('a variant registered with Application Auto Scaling', () => {
  it('an instance-type change with on-auto-scaling: fail is refused before any change', async () => {
    const c = await scalingCases.refused
    expect([c.result.outputs.outcome, c.result.code]).toEqual(['failed', 1])
    expect(c.result.mutating).toEqual([])
    expect(c.result.outputs['failure-reason']).toBe(
      `${REGISTERED}, and this step changes its instance type (ml.m5.large → ml.c5.xlarge): SageMaker fails such an update. Set on-auto-scaling: reregister to let the action deregister it, deploy, and register it again exactly as it was, or change the instance type outside this action.`
    )
    expect(c.after).toEqual(c.before)
  })

  it('a model-only change proceeds, touching no auto scaling', async () => {
    const c = await scalingCases.modelOnly
    expect(c.result.outputs.outcome).toBe('deployed')
    expect(c.result.mutating).toEqual(['CreateModel', 'CreateEndpointConfig', 'UpdateEndpoint'])
    expect(c.result.stdout).toContain(
      `\n${REGISTERED}: the green fleet starts at the variant's current desired count, and auto scaling is blocked while SageMaker updates the endpoint.\n`
    )
    expect(shifts(c.result)).toEqual(deployedRows([]))
    expect(c.after).toEqual(c.before)
  })

  it('reregister: deregistered just before the update, restored identically after deployed', async () => {
    const c = await scalingCases.reregistered
    expect([c.result.outputs.outcome, c.result.code]).toEqual(['deployed', 0])
    expect(c.result.mutating).toEqual(REREGISTERED)
    expect(c.result.stdout).toContain(`\n${RESTORED}\n`)
    expect(shifts(c.result)).toEqual(deployedRows([1]))
    expect(c.after).toEqual(c.before)
    const report = JSON.parse(c.result.outputs['auto-scaling'] ?? '{}') as { restored: boolean }
    expect(report.restored).toBe(true)
    expect(c.result.summary).toContain('### Auto scaling')
  })

  it('reregister: restored identically after a rollback', async () => {
    const c = await scalingCases.rolledBack
    expect(c.result.outputs.outcome).toBe('rolled-back')
    expect(c.result.mutating).toEqual(REREGISTERED)
    expect(c.result.stdout).toContain(`\n${RESTORED}\n`)
    // The lab's Model B: the 5XX alarm fires at a whole minute (09:20:00) in step 2's bake.
    expect(shifts(c.result)).toEqual([
      [0, 0],
      [480, 25],
      [545, 50],
      [586, 0]
    ])
    expect(c.after).toEqual(c.before)
  })

  it('reregister: restored identically after a cancellation mid-shift', async () => {
    const c = await scalingCases.cancelled
    expect(c.result.code).toBe(1)
    expect(c.after).toEqual(c.before)
    // The signal comes in step 1's 600 s bake (seen at T+485 s); after it, only the restore,
    // never a change to the endpoint.
    expect(shifts(c.result)).toEqual([
      [0, 0],
      [485, 25]
    ])
    const log = c.result.stdout.split('\n')
    expect(
      log.slice(log.indexOf('Received SIGINT: stopping (SageMaker continues on its own).'))
    ).toEqual([
      'Received SIGINT: stopping (SageMaker continues on its own).',
      '::endgroup::',
      RESTORED,
      '::warning::Could not read the CloudWatch metrics: GetMetricData failed: Cancelled: cancelled before an answer arrived',
      '::error::Cancelled: Watching was cancelled. The deployment may still be running in SageMaker (last state: Updating on lab-endpoint-a1a1a1a-1001-1); re-run the job to watch it to the end.',
      ''
    ])
    expect(c.result.mutating).toEqual(REREGISTERED)
  })
})

describe('auto scaling under faults (reregister)', () => {
  it('a lost answer to DeregisterScalableTarget: the run stops before the update and restores it identically', async () => {
    const c = await lostDeregistration
    expect([c.result.outputs.outcome, c.result.code]).toEqual(['failed', 1])
    expect(c.result.mutating).not.toContain('UpdateEndpoint')
    expect(c.result.stdout).toContain(`\n${RESTORED}\n`)
    expect(c.after).toEqual(c.before)
    const report = JSON.parse(c.result.outputs['auto-scaling'] ?? '{}') as { restored: boolean }
    expect(report.restored).toBe(true)
  })

  it('a restore refused past its window fails the job, says the deployment result, and gives the commands', async () => {
    const c = await unrestored
    expect([c.result.outputs.outcome, c.result.code]).toEqual(['failed', 1])
    expect(c.result.outputs['failure-reason']).toMatch(
      /^Auto scaling of endpoint\/lab-endpoint\/variant\/AllTraffic was deregistered for the update and is not restored \(RegisterScalableTarget failed: ThrottlingException/
    )
    expect(c.result.summary).toContain('The deployment itself: deployed.')
    expect(c.result.summary).toContain(
      "aws application-autoscaling register-scalable-target --region us-east-1 --cli-input-json '{"
    )
    expect(c.result.summary).toContain('aws application-autoscaling put-scaling-policy')
    expect(c.result.summary).toContain('aws application-autoscaling put-scheduled-action')
    // Nothing registered, and the copy waits on the endpoint.
    expect(c.middle.scaling).toEqual({ targets: [], policies: [], actions: [] })
    expect(
      Object.keys(c.middle.tags).filter(k => k.startsWith('sagemaker-deploy:saved-auto-scaling'))
    ).not.toEqual([])
  })

  it('a run whose restore of that copy does not complete stops, and says it may have written part of it', async () => {
    const c = await unrestored
    expect([c.partly.outputs.outcome, c.partly.code]).toEqual(['failed', 1])
    expect(c.partly.mutating.filter(op => op !== 'PutScalingPolicy')).toEqual([
      'RegisterScalableTarget'
    ])
    expect(c.afterPartly.targets).toEqual((c.before as ScalingState).targets)
    expect(c.afterPartly.policies).toEqual([])
    expect(c.partly.stdout).toContain(
      'The restore may have registered part of it (it reads before it writes, so a re-run completes it); nothing else was changed in AWS.'
    )
    expect(c.partly.stdout).not.toContain('Nothing was changed in AWS.')
  })

  it('the next run restores the rest of that copy before anything else, removes it, and deploys', async () => {
    const c = await unrestored
    expect(c.next.stdout).toContain('The endpoint carries auto scaling that run 1003 deregistered')
    expect(c.afterNext).toEqual(c.before)
    expect(
      Object.keys(c.tagsAfterNext).filter(k => k.startsWith('sagemaker-deploy:saved'))
    ).toEqual([])
    // The target is back since the run before (its restore stopped at the policies): what differs.
    expect(c.next.mutating.slice(0, 3)).toEqual([
      'PutScalingPolicy',
      'PutScheduledAction',
      'DeleteTags'
    ])
  })
})
