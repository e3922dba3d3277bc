// Every field of CreateModel / CreateEndpointConfig is stored and returned whole, and requests
// are validated as the service model says (botocore service-2.json, extracted to
// emulator/models/). Through the real SDK client.

import { describe, it, expect, beforeEach, afterEach } from '@jest/globals'
import * as sagemakerSdk from '@aws-sdk/client-sagemaker'
import {
  CreateEndpointConfigCommand,
  CreateModelCommand,
  DescribeEndpointConfigCommand,
  DescribeModelCommand,
  type ProductionVariant
} from '@aws-sdk/client-sagemaker'
import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import {
  createModel,
  failure,
  IMAGE,
  MODEL_A,
  ROLE,
  startLab,
  stopLab,
  type Lab
} from './helpers.js'
import { ACCOUNT, fullConfig } from './shape-fixtures.js'

let lab: Lab
beforeEach(async () => {
  lab = await startLab()
})
afterEach(async () => {
  await stopLab(lab)
})

describe('stored whole (CreateEndpointConfig / DescribeEndpointConfig, API model members)', () => {
  it('returns every field of a config that sets every optional field, field by field', async () => {
    await createModel(lab, 'model-a', MODEL_A)
    const input = fullConfig('cfg-full', 'model-a')
    await lab.sm.send(new CreateEndpointConfigCommand(input))
    const described = await lab.sm.send(
      new DescribeEndpointConfigCommand({ EndpointConfigName: 'cfg-full' })
    )
    const { Tags: _tags, ...expected } = input
    for (const [field, value] of Object.entries(expected)) {
      expect({ field, value: described[field as keyof typeof described] }).toEqual({
        field,
        value
      })
    }
    expect(described.EndpointConfigArn).toBe(
      `arn:aws:sagemaker:us-east-1:${ACCOUNT}:endpoint-config/cfg-full`
    )
  })

  it('defaults InitialVariantWeight to 1 and keeps an inference-component variant (no ModelName)', async () => {
    await lab.sm.send(
      new CreateEndpointConfigCommand({
        EndpointConfigName: 'cfg-ic',
        ExecutionRoleArn: ROLE,
        ProductionVariants: [
          {
            VariantName: 'AllTraffic',
            InstanceType: 'ml.g5.12xlarge',
            InitialInstanceCount: 1,
            ManagedInstanceScaling: {
              Status: 'ENABLED',
              MinInstanceCount: 0,
              MaxInstanceCount: 4,
              ScaleInPolicy: { Strategy: 'IDLE_RELEASE' }
            },
            RoutingConfig: { RoutingStrategy: 'RANDOM' }
          }
        ]
      })
    )
    const described = await lab.sm.send(
      new DescribeEndpointConfigCommand({ EndpointConfigName: 'cfg-ic' })
    )
    expect(described.ProductionVariants).toEqual([
      {
        VariantName: 'AllTraffic',
        InstanceType: 'ml.g5.12xlarge',
        InitialInstanceCount: 1,
        InitialVariantWeight: 1,
        ManagedInstanceScaling: {
          Status: 'ENABLED',
          MinInstanceCount: 0,
          MaxInstanceCount: 4,
          ScaleInPolicy: { Strategy: 'IDLE_RELEASE' }
        },
        RoutingConfig: { RoutingStrategy: 'RANDOM' }
      }
    ])
    expect(described.ExecutionRoleArn).toBe(ROLE)
  })

  it('keeps a model with Containers, VpcConfig, EnableNetworkIsolation and InferenceExecutionConfig', async () => {
    const input = {
      ModelName: 'pipeline',
      ExecutionRoleArn: ROLE,
      Containers: [
        {
          ContainerHostname: 'pre',
          Image: IMAGE,
          Environment: { STAGE: 'pre' },
          Mode: 'SingleModel' as const
        },
        {
          ContainerHostname: 'main',
          Image: IMAGE,
          ModelDataUrl: MODEL_A,
          ImageConfig: { RepositoryAccessMode: 'Platform' as const }
        }
      ],
      InferenceExecutionConfig: { Mode: 'Direct' as const },
      VpcConfig: { SecurityGroupIds: ['sg-1'], Subnets: ['subnet-1'] },
      EnableNetworkIsolation: true
    }
    await lab.sm.send(new CreateModelCommand(input))
    const described = await lab.sm.send(new DescribeModelCommand({ ModelName: 'pipeline' }))
    for (const [field, value] of Object.entries(input)) {
      expect({ field, value: described[field as keyof typeof described] }).toEqual({
        field,
        value
      })
    }
  })

  it('drops members the model does not know (the SDK never sends them)', async () => {
    await createModel(lab, 'model-a', MODEL_A)
    const response = await fetch(lab.emu.url, {
      method: 'POST',
      headers: {
        'x-amz-target': 'SageMaker.CreateEndpointConfig',
        'content-type': 'application/x-amz-json-1.1'
      },
      body: JSON.stringify({
        EndpointConfigName: 'cfg-extra',
        Bogus: 1,
        ProductionVariants: [
          {
            VariantName: 'AllTraffic',
            ModelName: 'model-a',
            InitialInstanceCount: 1,
            InstanceType: 'ml.m5.large',
            Extra: 'x'
          }
        ]
      })
    })
    expect(response.status).toBe(200)
    const raw = (await (
      await fetch(lab.emu.url, {
        method: 'POST',
        headers: { 'x-amz-target': 'SageMaker.DescribeEndpointConfig' },
        body: '{"EndpointConfigName":"cfg-extra"}'
      })
    ).json()) as Record<string, unknown>
    expect(raw.Bogus).toBeUndefined()
    expect(raw.ProductionVariants).toEqual([
      {
        VariantName: 'AllTraffic',
        ModelName: 'model-a',
        InitialInstanceCount: 1,
        InstanceType: 'ml.m5.large',
        InitialVariantWeight: 1
      }
    ])
  })
})

describe('validation as the API model says', () => {
  const variant = (extra: Partial<ProductionVariant> = {}): ProductionVariant => ({
    VariantName: 'AllTraffic',
    ModelName: 'model-a',
    InitialInstanceCount: 1,
    InstanceType: 'ml.m5.large',
    ...extra
  })
  const create = (variants: ProductionVariant[], extra: Record<string, unknown> = {}) =>
    failure(
      lab.sm.send(
        new CreateEndpointConfigCommand({
          EndpointConfigName: 'cfg',
          ProductionVariants: variants,
          ...extra
        })
      )
    )

  it('InitialInstanceCount >= 1 (InitialTaskCount min=1): 0 is rejected', async () => {
    await createModel(lab, 'model-a', MODEL_A)
    const zero = await create([variant({ InitialInstanceCount: 0 })])
    expect(zero.name).toBe('ValidationException')
    expect(zero.message).toBe(
      "1 validation error detected: Value '0' at 'productionVariants.1.member.initialInstanceCount' failed to satisfy constraint: Member must have value greater than or equal to 1"
    )
  })

  it('reports every violation at once, in the model order of members', async () => {
    await createModel(lab, 'model-a', MODEL_A)
    const many = await create([
      variant({ VolumeSizeInGB: 513, ModelDataDownloadTimeoutInSeconds: 59 })
    ])
    expect(many.message).toBe(
      "2 validation errors detected: Value '513' at 'productionVariants.1.member.volumeSizeInGB' failed to satisfy constraint: Member must have value less than or equal to 512; Value '59' at 'productionVariants.1.member.modelDataDownloadTimeoutInSeconds' failed to satisfy constraint: Member must have value greater than or equal to 60"
    )
    const capture = await create([variant()], {
      DataCaptureConfig: { InitialSamplingPercentage: 101, DestinationS3Uri: 's3://b/p' }
    })
    expect(capture.message).toBe(
      "2 validation errors detected: Value '101' at 'dataCaptureConfig.initialSamplingPercentage' failed to satisfy constraint: Member must have value less than or equal to 100; Value null at 'dataCaptureConfig.captureOptions' failed to satisfy constraint: Member must not be null"
    )
    const routing = await create([variant({ RoutingConfig: {} as never })])
    expect(routing.message).toBe(
      "1 validation error detected: Value null at 'productionVariants.1.member.routingConfig.routingStrategy' failed to satisfy constraint: Member must not be null"
    )
  })

  it('ManagedInstanceScaling only on inference-component variants (terraform-provider-aws PR #45926)', async () => {
    await createModel(lab, 'model-a', MODEL_A)
    const managed = await create([
      variant({ ManagedInstanceScaling: { Status: 'ENABLED', MinInstanceCount: 1 } })
    ])
    expect(managed.message).toBe(
      'ManagedInstanceScaling is only supported for inference component endpoints.'
    )
  })

  it('an inference-component config needs ExecutionRoleArn (assumption)', async () => {
    const noRole = await create([variant({ ModelName: undefined })])
    expect(noRole.message).toBe(
      'ExecutionRoleArn is required for an endpoint configuration whose production variants host inference components (no ModelName).'
    )
  })

  it('serverless: no instance settings, and the documented feature exclusions', async () => {
    await createModel(lab, 'model-a', MODEL_A)
    const serverless = { ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 5 } }
    const mixed = await create([
      {
        VariantName: 'AllTraffic',
        ModelName: 'model-a',
        ...serverless,
        InstanceType: 'ml.m5.large'
      }
    ])
    expect(mixed.message).toBe(
      'Production variant AllTraffic: ServerlessConfig cannot be combined with InstanceType or InitialInstanceCount.'
    )
    const sv = (name: string): ProductionVariant => ({
      VariantName: name,
      ModelName: 'model-a',
      ...serverless
    })
    expect((await create([sv('a'), sv('b')])).message).toBe(
      'Serverless endpoints do not support multiple production variants.'
    )
    expect(
      (
        await create([sv('a')], {
          DataCaptureConfig: {
            InitialSamplingPercentage: 10,
            DestinationS3Uri: 's3://b/p',
            CaptureOptions: [{ CaptureMode: 'Input' }]
          }
        })
      ).message
    ).toBe('Serverless endpoints do not support data capture (DataCaptureConfig).')
    expect(
      (await create([sv('a')], { VpcConfig: { SecurityGroupIds: ['sg-1'], Subnets: ['s-1'] } }))
        .message
    ).toBe('Serverless endpoints do not support VPC configuration (VpcConfig).')
    const memory = await create([
      {
        VariantName: 'a',
        ModelName: 'model-a',
        ServerlessConfig: { MemorySizeInMB: 512, MaxConcurrency: 201 }
      }
    ])
    expect(memory.message).toBe(
      "2 validation errors detected: Value '512' at 'productionVariants.1.member.serverlessConfig.memorySizeInMB' failed to satisfy constraint: Member must have value greater than or equal to 1024; Value '201' at 'productionVariants.1.member.serverlessConfig.maxConcurrency' failed to satisfy constraint: Member must have value less than or equal to 200"
    )
  })

  it('an unknown instance type is refused with the model enum', async () => {
    await createModel(lab, 'model-a', MODEL_A)
    const bad = await create([variant({ InstanceType: 'ml.m5.huge' as 'ml.m5.large' })])
    expect(bad.message).toMatch(
      /^1 validation error detected: Value 'ml\.m5\.huge' at 'productionVariants\.1\.member\.instanceType' failed to satisfy constraint: Member must satisfy enum value set: \[ml\.t2\.medium, .*ml\.m5\.large, /
    )
  })
})

describe('the shape extracts', () => {
  const require = createRequire(import.meta.url)
  const read = (file: string) =>
    JSON.parse(readFileSync(new URL(`../../emulator/models/${file}`, import.meta.url), 'utf8')) as {
      source: string
      shapes: Record<string, { type: string; members?: Record<string, string> }>
    }

  it('know every member the installed SDK clients can send (regenerate with emulator/models/extract.ts)', () => {
    const pairs = [
      [read('sagemaker.json'), sagemakerSdk as unknown as Record<string, unknown>],
      [
        read('application-autoscaling.json'),
        require('@aws-sdk/client-application-auto-scaling') as Record<string, unknown>
      ]
    ] as const
    let checked = 0
    for (const [extract, sdk] of pairs) {
      for (const [name, shape] of Object.entries(extract.shapes)) {
        const schema = sdk[`${name}$`]
        if (shape.type !== 'structure' || !Array.isArray(schema)) continue
        expect({ name, members: Object.keys(shape.members ?? {}).sort() }).toEqual({
          name,
          members: [...new Set([...(schema[4] as string[])])].sort()
        })
        checked++
      }
    }
    expect(checked).toBeGreaterThan(60)
  })

  it('accept every enum value the installed SDK knows (e.g. instance types newer than the botocore copy)', () => {
    const extract = read('sagemaker.json') as unknown as {
      shapes: Record<string, { enum?: string[] }>
    }
    const sdk = sagemakerSdk as unknown as Record<string, unknown>
    const instanceTypes = Object.values(sdk.ProductionVariantInstanceType as object) as string[]
    expect(extract.shapes.ProductionVariantInstanceType?.enum).toEqual(
      expect.arrayContaining(instanceTypes)
    )
    for (const [name, shape] of Object.entries(extract.shapes)) {
      const values = sdk[name]
      if (shape.enum === undefined || typeof values !== 'object' || values === null) continue
      expect({
        name,
        missing: Object.values(values).filter(v => !shape.enum?.includes(v))
      }).toEqual({
        name,
        missing: []
      })
    }
  })
})
