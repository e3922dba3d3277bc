// What the new model and config must carry from the live endpoint (the model's network settings,
// the config's tags) is read, or the run stops before any write: a throttled, denied or missing
// read never leads to a model outside the VPC or a config without its tags. The real bundle on
// stepped time, so the pre-flight reads' 3-minute patience is the production one.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import type { Emulator, FaultRule } from '../../emulator/index.js'
import type { ActionResult } from '../../scripts/lib/action-runner.js'
import { LAB_IMAGE, LAB_ROLE, labModel } from '../../scripts/lib/lab.js'
import { labEmulator, runStep, sagemakerCall, step } from './helpers.js'

// A safety net only: on stepped time a run's real duration depends on the machine's load.
jest.setTimeout(600_000)

const ENDPOINT = 'vpc-endpoint'
const LIVE_MODEL = 'vpc-model-a'
const LIVE_CONFIG = 'vpc-config-a'
const NETWORK = {
  VpcConfig: { SecurityGroupIds: ['sg-0123abcd'], Subnets: ['subnet-0a', 'subnet-0b'] },
  EnableNetworkIsolation: true
}

/** A live endpoint whose model runs in a VPC with network isolation, and a tagged config. */
async function vpcEndpoint(emulator: Emulator): Promise<void> {
  for (const name of [LIVE_MODEL, 'vpc-model-prepared']) {
    await sagemakerCall(emulator, 'CreateModel', {
      ModelName: name,
      ExecutionRoleArn: LAB_ROLE,
      PrimaryContainer: { Image: LAB_IMAGE, ModelDataUrl: labModel('a') },
      ...NETWORK
    })
  }
  await sagemakerCall(emulator, 'CreateEndpointConfig', {
    EndpointConfigName: LIVE_CONFIG,
    ProductionVariants: [
      {
        VariantName: 'AllTraffic',
        ModelName: LIVE_MODEL,
        InitialInstanceCount: 2,
        InstanceType: 'ml.m5.large',
        InitialVariantWeight: 1
      }
    ],
    Tags: [
      { Key: 'team', Value: 'fraud' },
      { Key: 'cost-center', Value: '4711' }
    ]
  })
  await sagemakerCall(emulator, 'CreateEndpoint', {
    EndpointName: ENDPOINT,
    EndpointConfigName: LIVE_CONFIG
  })
  emulator.advance(3600)
}

interface Run {
  readonly result: ActionResult & { mutating: string[] }
  readonly log: string
  /** The bodies of the accepted calls of an operation, in order. */
  sent(operation: string): Record<string, unknown>[]
}

const emulators: Emulator[] = []

async function run(
  faults: FaultRule[],
  setup: (emulator: Emulator) => Promise<void> = async () => undefined,
  inputs: Record<string, string> = {}
): Promise<Run> {
  const emulator = await labEmulator()
  emulators.push(emulator)
  await vpcEndpoint(emulator)
  await setup(emulator)
  emulator.setScenario({ faults })
  const from = emulator.calls().length
  const e = step('Model E')
  const result = await runStep(emulator, {
    ...e,
    inputs: {
      ...e.inputs,
      'endpoint-name': ENDPOINT,
      'retain-deployment-config': 'false',
      'metrics-wait': '0',
      ...inputs
    }
  })
  const calls = emulator.calls().slice(from)
  return {
    result,
    log: `${result.stdout}\n${result.stderr}`,
    sent: operation =>
      calls
        .filter(c => c.operation === operation && c.status === 200)
        .map(c => c.params as Record<string, unknown>)
  }
}

const always = (operation: string, more: Partial<FaultRule> = {}): FaultRule => ({
  operation,
  service: 'sagemaker',
  throttleRate: 1,
  ...more
})

const DENIED = {
  code: 'AccessDeniedException',
  message:
    'User: arn:aws:sts::123456789012:assumed-role/deploy/gh-run is not authorized to perform: sagemaker:DescribeModel on resource: arn:aws:sagemaker:us-east-1:123456789012:model/vpc-model-a because no identity-based policy allows the sagemaker:DescribeModel action',
  status: 400
}

const cases = {
  modelThrottledForMinutes: run([always('DescribeModel')]),
  modelThrottledFiveTimes: run([always('DescribeModel', { times: 5 })]),
  modelDenied: run([always('DescribeModel', { throttleRate: 0, failRate: 1, fail: DENIED })]),
  tagsThrottledForMinutes: run([always('ListTags')]),
  modelDeleted: run([], e =>
    sagemakerCall(e, 'DeleteModel', { ModelName: LIVE_MODEL }).then(() => undefined)
  ),
  modelDeletedStepNamesModel: run(
    [],
    e => sagemakerCall(e, 'DeleteModel', { ModelName: LIVE_MODEL }).then(() => undefined),
    {
      'model-name': 'vpc-model-prepared',
      'model-data-url': '',
      'image-uri': '',
      'execution-role-arn': ''
    }
  )
}

afterAll(async () => {
  await Promise.allSettled(Object.values(cases))
  for (const e of emulators) await e.close()
})

const MODEL_PROTECTS =
  "which protects the live model's network settings (VpcConfig, EnableNetworkIsolation) and container environment, which a new model carries"

describe('a read that protects a setting of the live endpoint', () => {
  let c: Record<keyof typeof cases, Run>
  beforeAll(async () => {
    const done = await Promise.all(Object.values(cases))
    c = Object.fromEntries(Object.keys(cases).map((k, i) => [k, done[i]!])) as typeof c
  })

  it('DescribeModel throttled past the pre-flight patience: stops before any write, naming the read and what it protects', () => {
    const { result, log } = c.modelThrottledForMinutes
    expect([result.outputs.outcome, result.code]).toEqual(['failed', 1])
    expect(result.mutating).toEqual([])
    expect(log).toContain(
      `Could not read DescribeModel ${LIVE_MODEL} (DescribeModel failed: ThrottlingException: Rate exceeded), ${MODEL_PROTECTS}. Going on would deploy without them, so nothing was changed. Re-run once it can be read. Or name a model you created with the settings you want in model-name: the action then creates no model.`
    )
    expect(result.outputs['failure-reason']).toMatch(/^Could not read DescribeModel vpc-model-a /)
  })

  it('DescribeModel throttled five times: waited out, and the new model keeps the VPC and the isolation', () => {
    const { result, sent } = c.modelThrottledFiveTimes
    expect([result.outputs.outcome, result.code]).toEqual(['deployed', 0])
    expect(sent('CreateModel')).toHaveLength(1)
    expect(sent('CreateModel')[0]).toMatchObject(NETWORK)
  })

  it('DescribeModel denied: stops before any write and names the permission', () => {
    const { result, log } = c.modelDenied
    expect([result.outputs.outcome, result.code]).toEqual(['failed', 1])
    expect(result.mutating).toEqual([])
    expect(log).toContain(
      'Allow sagemaker:DescribeModel to the role (docs/iam-policy.json has every permission the action uses).'
    )
  })

  it("ListTags of the live config throttled past the patience: stops before any write, naming the config's tags", () => {
    const { result, log } = c.tagsThrottledForMinutes
    expect([result.outputs.outcome, result.code]).toEqual(['failed', 1])
    expect(result.mutating).toEqual([])
    expect(log).toContain(
      `Could not read ListTags ${LIVE_CONFIG} (ListTags failed: ThrottlingException: Rate exceeded), which protects the live config's tags, which the new config carries.`
    )
  })

  it('the live model deleted while the endpoint serves it: stops, and offers model-name', () => {
    const { result, log } = c.modelDeleted
    expect([result.outputs.outcome, result.code]).toEqual(['failed', 1])
    expect(result.mutating).toEqual([])
    expect(log).toContain(
      `Could not read DescribeModel ${LIVE_MODEL} (the live model ${LIVE_MODEL} no longer exists (deleted while the endpoint serves it)), ${MODEL_PROTECTS}.`
    )
  })

  it('the same with model-name: no model is created, so nothing needs the live one; deployed, tags kept', () => {
    const { result, sent } = c.modelDeletedStepNamesModel
    expect(result.outputs['failure-reason']).toBe('')
    expect([result.outputs.outcome, result.code]).toEqual(['deployed', 0])
    expect(sent('CreateModel')).toEqual([])
    expect(sent('CreateEndpointConfig')[0]!['Tags']).toEqual(
      expect.arrayContaining([
        { Key: 'team', Value: 'fraud' },
        { Key: 'cost-center', Value: '4711' }
      ])
    )
  })
})
