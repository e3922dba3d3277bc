// Production-shaped endpoints through the real bundle: the green config is the live config with
// only the step's changes (field by field, for a config that sets every optional member);
// multi-variant endpoints keep the other variants; serverless and inference-component endpoints,
// invalid step sizes and impossible retains are refused with no mutating call; an async endpoint
// scaled to zero gets a green fleet of at least one instance.
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  DescribeEndpointConfigCommand,
  SageMakerClient,
  UpdateEndpointWeightsAndCapacitiesCommand,
  type CreateEndpointConfigCommandInput,
  type ProductionVariant
} from '@aws-sdk/client-sagemaker'
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import type { Emulator } from '../../emulator/index.js'
import type { ActionResult } from '../../scripts/lib/action-runner.js'
import { LAB_IMAGE, LAB_ROLE, labModel } from '../../scripts/lib/lab.js'
import { fullConfig } from '../emulator/shape-fixtures.js'
import { labEmulator, runStep, step, trafficSteps } from './helpers.js'

// A safety net only: on stepped time a run's real duration depends on the machine's load, never
// on what it sees.
jest.setTimeout(600_000)

const ENDPOINT = 'prod-endpoint'
const GREEN = `${ENDPOINT}-e5e5e5e-1003-1`

function client(emulator: Emulator): SageMakerClient {
  return new SageMakerClient({
    endpoint: emulator.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' }
  })
}

/** An endpoint made outside the action, from `config`, InService. */
async function liveEndpoint(
  emulator: Emulator,
  config: CreateEndpointConfigCommandInput,
  model: Record<string, unknown> = {}
): Promise<void> {
  const sm = client(emulator)
  try {
    for (const variant of [
      ...(config.ProductionVariants ?? []),
      ...(config.ShadowProductionVariants ?? [])
    ]) {
      if (!variant.ModelName) continue
      await sm
        .send(
          new CreateModelCommand({
            ModelName: variant.ModelName,
            ExecutionRoleArn: LAB_ROLE,
            PrimaryContainer: { Image: LAB_IMAGE, ModelDataUrl: labModel('a') },
            ...model
          })
        )
        .catch(e => {
          if (!/already existing/.test(String(e))) throw e
        })
    }
    await sm.send(new CreateEndpointConfigCommand(config))
    await sm.send(
      new CreateEndpointCommand({
        EndpointName: ENDPOINT,
        EndpointConfigName: config.EndpointConfigName
      })
    )
    emulator.advance(3600) // live for an hour when the step runs
  } finally {
    sm.destroy()
  }
}

const variant = (name: string, model: string, count: number, weight = 1): ProductionVariant => ({
  VariantName: name,
  ModelName: model,
  InitialInstanceCount: count,
  InstanceType: 'ml.m5.large',
  InitialVariantWeight: weight
})

/** Model E as a plain step on ENDPOINT. */
function deployE(extra: Record<string, string> = {}) {
  const e = step('Model E')
  return {
    ...e,
    inputs: {
      ...e.inputs,
      'endpoint-name': ENDPOINT,
      'retain-deployment-config': 'false',
      'create-alarms': 'true',
      ...extra
    }
  }
}

interface Run {
  emulator: Emulator
  result: ActionResult & { mutating: string[] }
  sent: (operation: string) => Record<string, unknown>[]
}

async function scenario(
  setup: (emulator: Emulator) => Promise<void>,
  inputs: Record<string, string> = {}
): Promise<Run> {
  const emulator = await labEmulator()
  await setup(emulator)
  const from = emulator.calls().length
  const result = await runStep(emulator, deployE(inputs))
  const calls = emulator.calls().slice(from)
  return {
    emulator,
    result,
    sent: operation =>
      calls
        .filter(c => c.operation === operation && c.status === 200)
        .map(c => c.params as Record<string, unknown>)
  }
}

const LIVE_MODEL = {
  VpcConfig: { SecurityGroupIds: ['sg-0123abcd'], Subnets: ['subnet-0a', 'subnet-0b'] },
  EnableNetworkIsolation: true,
  PrimaryContainer: {
    Image: LAB_IMAGE,
    ModelDataUrl: labModel('a'),
    Environment: { LIVE_ONLY: 'from-the-live-model', SHARED: 'live' }
  }
}

/**
 * A deployed run's traffic steps as [T+ seconds, green %]: two instances, so the default linear
 * 25 % step is one instance (50 %); green provisioned at T+480 s, then a 5 s activation and a
 * 60 s bake for the 50 % step, and at T+545 s the 5 s activation of the 100 % step. That step
 * bakes no wait-interval, only the final bake: termination-wait left empty is derived from the
 * created alarms' detection time (60 s period × 1 datapoint + 180 s metric-delay + 60 s
 * evaluation = 300 s). So from T+550 s, 300 s of final bake and the blue fleet's 120 s
 * decommissioning: complete at T+970 s (the watch after completion adds nothing: 300 s after green
 * took all the traffic had passed by T+850 s). A step whose 5 s activation no poll saw (each
 * run's jitter is its own) is dated by its bake, 5 s later.
 */
const twoInstances = (seen: [boolean, boolean]) => [
  [0, 0],
  [seen[0] ? 480 : 485, 50],
  [seen[1] ? 545 : 550, 100],
  [970, 100]
]
const shifts = (r: ActionResult) => trafficSteps(r).map(s => [s.offsetSeconds, s.greenPercent])

const cases = {
  everyField: scenario(e => liveEndpoint(e, fullConfig('cfg-full', 'model-a'), LIVE_MODEL), {
    environment: 'SHARED=new'
  }),
  inherit: scenario(e => liveEndpoint(e, fullConfig('cfg-full', 'model-a'), LIVE_MODEL), {
    environment: 'SHARED=new',
    'inherit-environment': 'true'
  }),
  multiVariant: scenario(
    e =>
      liveEndpoint(e, {
        EndpointConfigName: 'cfg-two',
        ProductionVariants: [
          variant('Champion', 'model-a', 2, 0.8),
          variant('Challenger', 'model-c', 2, 0.2)
        ]
      }),
    { 'variant-name': 'Challenger' }
  ),
  multiVariantUnnamed: scenario(e =>
    liveEndpoint(e, {
      EndpointConfigName: 'cfg-two',
      ProductionVariants: [
        variant('Champion', 'model-a', 2, 0.8),
        variant('Challenger', 'model-c', 2, 0.2)
      ]
    })
  ),
  serverless: scenario(e =>
    liveEndpoint(e, {
      EndpointConfigName: 'cfg-serverless',
      ProductionVariants: [
        {
          VariantName: 'AllTraffic',
          ModelName: 'model-a',
          ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 5 }
        }
      ]
    })
  ),
  scaledToZero: scenario(async e => {
    await liveEndpoint(e, {
      EndpointConfigName: 'cfg-async',
      ProductionVariants: [variant('AllTraffic', 'model-a', 2)],
      AsyncInferenceConfig: { OutputConfig: { S3OutputPath: 's3://async/out' } }
    })
    const sm = client(e)
    await sm.send(
      new UpdateEndpointWeightsAndCapacitiesCommand({
        EndpointName: ENDPOINT,
        DesiredWeightsAndCapacities: [{ VariantName: 'AllTraffic', DesiredInstanceCount: 0 }]
      })
    )
    e.advance(600) // scaled to zero 10 minutes before the step runs
    sm.destroy()
  })
}

afterAll(async () => {
  for (const c of await Promise.all(Object.values(cases))) await c.emulator.close()
})

describe('a live config that sets every optional field', () => {
  let c: Run
  let live: Record<string, unknown>
  beforeAll(async () => {
    c = await cases.everyField
    const sm = client(c.emulator)
    const { $metadata, CreationTime, EndpointConfigArn, ...config } = await sm.send(
      new DescribeEndpointConfigCommand({ EndpointConfigName: 'cfg-full' })
    )
    void $metadata
    void CreationTime
    void EndpointConfigArn
    live = JSON.parse(JSON.stringify(config)) as Record<string, unknown>
    sm.destroy()
  })

  it('deploys', () => {
    expect([c.result.outputs.outcome, c.result.code]).toEqual(['deployed', 0])
    expect(shifts(c.result)).toEqual(twoInstances([false, false]))
  })

  it('CreateEndpointConfig is the live config, field by field, with only the model changed', () => {
    const [sent] = c.sent('CreateEndpointConfig')
    const { Tags, ...body } = sent!
    const liveVariants = live['ProductionVariants'] as Record<string, unknown>[]
    expect(body).toEqual({
      ...live,
      EndpointConfigName: GREEN,
      ProductionVariants: [{ ...liveVariants[0], ModelName: GREEN }]
    })
    // The live config's own tags are carried too.
    expect(Tags).toContainEqual({ Key: 'team', Value: 'ml' })
  })

  it('the new model keeps the live network settings; a missing environment key is warned, keys only', () => {
    const [model] = c.sent('CreateModel')
    expect(model).toMatchObject({
      VpcConfig: LIVE_MODEL.VpcConfig,
      EnableNetworkIsolation: true,
      PrimaryContainer: { Environment: { SHARED: 'new' } }
    })
    expect(c.result.stdout).toContain(
      "::warning::The live model's container environment sets LIVE_ONLY, which the new model does not."
    )
    expect(c.result.stdout).not.toContain('from-the-live-model')
  })

  it('the summary says what was kept from the live endpoint', () => {
    const section = c.result.summary.slice(c.result.summary.indexOf('### The live endpoint'))
    // The summary breaks each run of colons with an empty HTML comment (as in its times).
    const arn = (s: string) => s.replace(/:+/g, '$&<!-- -->')
    expect(section.split('\n').slice(0, 5)).toEqual([
      '### The live endpoint',
      '',
      // No quota listed for the type, and a capacity reservation whose room is not read.
      `- Could not check capacity: Service Quotas lists no "ml.g5.2xlarge for endpoint usage" quota in us-east-1; the update may fail with ResourceLimitExceeded after the writes. Variant AllTraffic launches into the ML capacity reservation ${arn('arn:aws:sagemaker:us-east-1:123456789012:ml-reservation/r-0123')} (CapacityReservationConfig, kept in the new config): room in the reservation is not checked before the writes; with capacity-reservations-only, new instances fail to launch when it is full.`,
      "- ⚠️ The live model's container environment sets LIVE\\_ONLY, which the new model does not. Set them in environment, or inherit-environment: true to copy them from the live model.",
      `- Kept from the live endpoint: DataCaptureConfig; KmsKeyId ${arn('arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab')}; AsyncInferenceConfig; ExplainerConfig; ShadowProductionVariants; ExecutionRoleArn ${arn('arn:aws:iam::123456789012:role/sagemaker-execution')}; VpcConfig; EnableNetworkIsolation true; MetricsConfig; variant AllTraffic: VariantInstanceProvisionTimeoutInSeconds 1800, AcceleratorType ml.eia2.medium, CoreDumpConfig, VolumeSizeInGB 256, ModelDataDownloadTimeoutInSeconds 3600, ContainerStartupHealthCheckTimeoutInSeconds 1200, EnableSSMAccess true, RoutingConfig, InferenceAmiVersion al2-ami-sagemaker…; model VpcConfig; model EnableNetworkIsolation; tags team.`
    ])
  })
})

describe('inherit-environment: true', () => {
  let c: Run
  beforeAll(async () => {
    c = await cases.inherit
  })

  it('copies the live keys the step does not set, never shows their values', () => {
    const [model] = c.sent('CreateModel')
    expect((model!['PrimaryContainer'] as Record<string, unknown>)['Environment']).toEqual({
      LIVE_ONLY: 'from-the-live-model',
      SHARED: 'new'
    })
    const written = [c.result.stdout, c.result.summary, JSON.stringify(c.result.outputs)].join('\n')
    expect(written).not.toContain('from-the-live-model')
    expect(c.result.outputs.outcome).toBe('deployed')
    expect(shifts(c.result)).toEqual(twoInstances([false, true]))
  })
})

describe('a multi-variant endpoint', () => {
  let named: Run
  let unnamed: Run
  beforeAll(async () => {
    named = await cases.multiVariant
    unnamed = await cases.multiVariantUnnamed
  })

  it('deploys to the named variant and keeps the other one as it runs', () => {
    expect(named.result.outputs.outcome).toBe('deployed')
    const [sent] = named.sent('CreateEndpointConfig')
    expect(sent!['ProductionVariants']).toEqual([
      variant('Champion', 'model-a', 2, 0.8),
      { ...variant('Challenger', GREEN, 2, 0.2) }
    ])
    // The shift is the Challenger variant's: its two instances, one at a time.
    expect(shifts(named.result)).toEqual(twoInstances([false, true]))
  })

  it('without variant-name it is refused, naming the variants, before any change', () => {
    expect(unnamed.result.outputs.outcome).toBe('failed')
    expect(unnamed.result.mutating).toEqual([])
    expect(unnamed.result.summary).toContain(
      'Input "variant-name" is required: endpoint prod-endpoint has 2 variants ("Champion", "Challenger"). Name the one to deploy to; the others are kept as they run.'
    )
  })
})

describe('a serverless endpoint', () => {
  let c: Run
  beforeAll(async () => {
    c = await cases.serverless
  })

  it('is refused with why and what to do instead, before any change', () => {
    expect([c.result.outputs.outcome, c.result.code]).toEqual(['failed', 1])
    expect(c.result.mutating).toEqual([])
    expect(c.result.summary).toContain(
      'Endpoint prod-endpoint is serverless (variant "AllTraffic" has a ServerlessConfig).'
    )
  })
})

describe('an async endpoint scaled to zero', () => {
  let c: Run
  beforeAll(async () => {
    c = await cases.scaledToZero
  })

  it('gets a green fleet of at least one instance, and the plan says so', () => {
    const [sent] = c.sent('CreateEndpointConfig')
    expect((sent!['ProductionVariants'] as Record<string, unknown>[])[0]).toMatchObject({
      InitialInstanceCount: 2
    })
    expect(sent!['AsyncInferenceConfig']).toEqual({
      OutputConfig: { S3OutputPath: 's3://async/out' }
    })
    expect(c.result.stdout).toContain(
      '\nVariant AllTraffic is scaled to zero; the green fleet starts with 2 instance(s) (SageMaker needs at least 1), and auto scaling takes it from there.\n'
    )
    expect(c.result.outputs.outcome).toBe('deployed')
    expect(shifts(c.result)).toEqual(twoInstances([false, true]))
  })
})
