import { describe, expect, it } from '@jest/globals'
import type { AwsApi } from '../../../src/aws/api.js'
import { describeLive } from '../../../src/target/endpoint/live.js'

type Ep = Parameters<typeof describeLive>[1]
/** A DescribeEndpoint answer with only the members a test needs. */
const endpoint = (members: Record<string, unknown>): Ep => members as unknown as Ep

const CONFIG_ARN = 'arn:aws:sagemaker:us-east-1:123456789012:endpoint-config/live-config'

/** The live config SageMaker describes: two variants, A and B, each with its own model. */
const LIVE_CONFIG = {
  EndpointConfigName: 'live-config',
  EndpointConfigArn: CONFIG_ARN,
  CreationTime: new Date(0),
  ProductionVariants: [
    {
      VariantName: 'A',
      ModelName: 'model-a',
      InstanceType: 'ml.m5.large',
      InitialInstanceCount: 1
    },
    {
      VariantName: 'B',
      ModelName: 'model-b',
      InstanceType: 'ml.c5.xlarge',
      InitialInstanceCount: 2
    }
  ],
  KmsKeyId: 'key-1',
  $metadata: {}
}

const MODEL_B = {
  ModelName: 'model-b',
  ModelArn: 'arn:aws:sagemaker:us-east-1:123456789012:model/model-b',
  CreationTime: new Date(0),
  ExecutionRoleArn: 'arn:aws:iam::123456789012:role/SageMakerRole',
  PrimaryContainer: { Image: 'serve:1', ModelDataUrl: 's3://bucket/b/model.tar.gz' },
  $metadata: {}
}

/** A SageMaker that answers the three reads describeLive makes, and records them. */
function fakeApi(answers: {
  config?: object | undefined
  tags?: Record<string, string> | Error
  model?: object | Error | undefined
}) {
  const calls: string[] = []
  const answer = <T>(value: T | Error): Promise<T> =>
    value instanceof Error ? Promise.reject(value) : Promise.resolve(value)
  const api = {
    describeEndpointConfig: (name: string) => {
      calls.push(`DescribeEndpointConfig ${name}`)
      return answer(answers.config)
    },
    listTags: (arn: string) => {
      calls.push(`ListTags ${arn}`)
      return answer(answers.tags ?? {})
    },
    describeModel: (name: string) => {
      calls.push(`DescribeModel ${name}`)
      return answer(answers.model)
    }
  } as unknown as AwsApi
  return { api, calls }
}

function logger() {
  const warnings: string[] = []
  return { warnings, log: { info: () => undefined, warning: (m: string) => warnings.push(m) } }
}

describe('describeLive', () => {
  it('reads the config, its tags and the model of the variant named, as the endpoint runs now', async () => {
    const { api, calls } = fakeApi({ config: LIVE_CONFIG, tags: { team: 'ml' }, model: MODEL_B })
    const { log, warnings } = logger()
    const ep = endpoint({
      EndpointName: 'ep',
      EndpointConfigName: 'live-config',
      EndpointStatus: 'InService',
      LastModifiedTime: new Date(1_700_000_000_000),
      LastDeploymentConfig: { AutoRollbackConfiguration: { Alarms: [{ AlarmName: 'errors' }] } },
      FailureReason: '',
      ProductionVariants: [
        { VariantName: 'A', CurrentInstanceCount: 1, CurrentWeight: 1 },
        { VariantName: 'B', DesiredInstanceCount: 3, DesiredWeight: 0.5, CurrentWeight: 0.25 }
      ]
    })
    const live = await describeLive(api, ep, 'B', log)
    expect(calls).toEqual([
      'DescribeEndpointConfig live-config',
      `ListTags ${CONFIG_ARN}`,
      'DescribeModel model-b'
    ])
    expect(warnings).toEqual([])
    expect(live).toStrictEqual({
      status: 'InService',
      configName: 'live-config',
      variantName: 'B',
      instanceType: 'ml.c5.xlarge',
      instanceCount: 3,
      modelName: 'model-b',
      modelDataUrl: 's3://bucket/b/model.tar.gz',
      lastModifiedTime: 1_700_000_000_000,
      lastDeploymentConfig: { AutoRollbackConfiguration: { Alarms: [{ AlarmName: 'errors' }] } },
      failureReason: undefined,
      variants: [
        {
          name: 'A',
          modelName: 'model-a',
          instanceType: 'ml.m5.large',
          configuredCount: 1,
          desiredCount: 1,
          desiredWeight: 1,
          serverless: false,
          downloadTimeoutSeconds: undefined,
          healthCheckTimeoutSeconds: undefined
        },
        {
          name: 'B',
          modelName: 'model-b',
          instanceType: 'ml.c5.xlarge',
          configuredCount: 2,
          desiredCount: 3,
          desiredWeight: 0.5,
          serverless: false,
          downloadTimeoutSeconds: undefined,
          healthCheckTimeoutSeconds: undefined
        }
      ],
      config: { ProductionVariants: LIVE_CONFIG.ProductionVariants, KmsKeyId: 'key-1' },
      configTags: { team: 'ml' },
      model: {
        ExecutionRoleArn: 'arn:aws:iam::123456789012:role/SageMakerRole',
        PrimaryContainer: { Image: 'serve:1', ModelDataUrl: 's3://bucket/b/model.tar.gz' }
      }
    })
  })

  it('warns and goes on when the tags or the model cannot be read; the first variant when none is named', async () => {
    const { api, calls } = fakeApi({
      config: LIVE_CONFIG,
      tags: new Error('AccessDeniedException: not allowed'),
      model: new Error('ValidationException: Could not find model')
    })
    const { log, warnings } = logger()
    const ep = endpoint({
      EndpointName: 'ep',
      EndpointConfigName: 'live-config',
      EndpointStatus: 'Failed',
      FailureReason: 'The model failed its health check.',
      ProductionVariants: [{ VariantName: 'B', CurrentInstanceCount: 2 }]
    })
    const live = await describeLive(api, ep, undefined, log)
    expect(calls).toEqual([
      'DescribeEndpointConfig live-config',
      `ListTags ${CONFIG_ARN}`,
      'DescribeModel model-a'
    ])
    expect(warnings).toEqual([
      'Could not read the tags of the live config live-config: AccessDeniedException: not allowed',
      'Could not read the live model model-a: ValidationException: Could not find model'
    ])
    expect(live).toMatchObject({
      status: 'Failed',
      variantName: 'A',
      instanceType: 'ml.m5.large',
      // A is not running now: the count its config asks for
      instanceCount: 1,
      modelName: 'model-a',
      modelDataUrl: undefined,
      lastModifiedTime: undefined,
      lastDeploymentConfig: undefined,
      failureReason: 'The model failed its health check.',
      configTags: {},
      model: undefined
    })
  })

  it('reads no tags of a config without an ARN, and no model for a variant without one', async () => {
    const config = {
      EndpointConfigName: 'live-config',
      ProductionVariants: [
        { VariantName: 'IC', InstanceType: 'ml.g5.xlarge', InitialInstanceCount: 1 }
      ]
    }
    const { api, calls } = fakeApi({ config })
    const live = await describeLive(
      api,
      endpoint({ EndpointName: 'ep', EndpointConfigName: 'live-config' }),
      'IC',
      logger().log
    )
    expect(calls).toEqual(['DescribeEndpointConfig live-config'])
    expect(live).toMatchObject({
      status: 'Unknown',
      variantName: 'IC',
      modelName: undefined,
      config: { ProductionVariants: config.ProductionVariants },
      configTags: {},
      model: undefined
    })
  })

  it('reads no config when the endpoint names none: the variant name comes from the endpoint', async () => {
    const { api, calls } = fakeApi({})
    const live = await describeLive(
      api,
      endpoint({
        EndpointName: 'ep',
        EndpointStatus: 'Creating',
        ProductionVariants: [{ VariantName: 'Blue' }]
      }),
      undefined,
      logger().log
    )
    expect(calls).toEqual([])
    expect(live).toStrictEqual({
      status: 'Creating',
      configName: '',
      variantName: 'Blue',
      instanceType: undefined,
      instanceCount: undefined,
      modelName: undefined,
      modelDataUrl: undefined,
      lastModifiedTime: undefined,
      lastDeploymentConfig: undefined,
      failureReason: undefined,
      variants: [],
      config: undefined,
      configTags: {},
      model: undefined
    })
  })

  it.each([
    ['no variants listed', undefined],
    ['an empty variant list', []]
  ])('names the variant AllTraffic when the endpoint has %s', async (_, variants) => {
    const live = await describeLive(
      fakeApi({}).api,
      endpoint({ EndpointName: 'ep', ProductionVariants: variants }),
      undefined,
      logger().log
    )
    expect(live.variantName).toBe('AllTraffic')
  })

  it.each([
    [
      'the primary container',
      { PrimaryContainer: { ModelDataUrl: 's3://b/p.tar.gz' } },
      's3://b/p.tar.gz'
    ],
    [
      'the first container when there is no primary one',
      { Containers: [{ ModelDataUrl: 's3://b/c1.tar.gz' }, { ModelDataUrl: 's3://b/c2.tar.gz' }] },
      's3://b/c1.tar.gz'
    ],
    [
      'no artifact when the primary container has none',
      { PrimaryContainer: { Image: 'i' } },
      undefined
    ],
    ['no artifact when the container list is empty', { Containers: [] }, undefined]
  ])('takes the live artifact from %s', async (_, model, url) => {
    const { api } = fakeApi({ config: LIVE_CONFIG, model })
    const live = await describeLive(
      api,
      endpoint({ EndpointName: 'ep', EndpointConfigName: 'live-config' }),
      'A',
      logger().log
    )
    expect(live.modelDataUrl).toBe(url)
    expect(live.model).toEqual(model)
  })
})
