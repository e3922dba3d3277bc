import { describe, expect, it } from '@jest/globals'
import type { AwsApi } from '../../../src/aws/api.js'
import { AwsCallError } from '../../../src/aws/errors.js'
import { describeLive } from '../../../src/target/endpoint/live.js'

type Ep = Parameters<typeof describeLive>[1]
/** A DescribeEndpoint answer with only the members a test needs. */
const endpoint = (members: Record<string, unknown>): Ep => members as unknown as Ep

const CONFIG_ARN = 'arn:aws:sagemaker:us-east-1:123456789012:endpoint-config/live-config'
const ENDPOINT_ARN = 'arn:aws:sagemaker:us-east-1:123456789012:endpoint/ep'

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
  endpointTags?: Record<string, string> | Error
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
      return answer(arn === ENDPOINT_ARN ? (answers.endpointTags ?? {}) : (answers.tags ?? {}))
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
      image: 'serve:1',
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

  it('records what it could not read, and what that protects; the first variant when none is named', async () => {
    const { api, calls } = fakeApi({
      config: LIVE_CONFIG,
      tags: new AwsCallError(
        'ListTags',
        'AccessDeniedException',
        'User: arn:aws:sts::123456789012:assumed-role/deploy/gh is not authorized to perform: sagemaker:ListTags',
        400
      ),
      model: new AwsCallError('DescribeModel', 'ThrottlingException', 'Rate exceeded', 400)
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
    expect(live.unread).toEqual([
      {
        read: 'ListTags live-config',
        protects: "the live config's tags, which the new config carries",
        error:
          'ListTags failed: AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/deploy/gh is not authorized to perform: sagemaker:ListTags',
        deniedPermission: 'sagemaker:ListTags',
        forNewModel: false
      },
      {
        read: 'DescribeModel model-a',
        protects:
          "the live model's network settings (VpcConfig, EnableNetworkIsolation) and container environment, which a new model carries",
        error: 'DescribeModel failed: ThrottlingException: Rate exceeded',
        forNewModel: true
      }
    ])
    expect(warnings).toEqual([
      'Could not read ListTags live-config: ListTags failed: AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/deploy/gh is not authorized to perform: sagemaker:ListTags.',
      'Could not read DescribeModel model-a: DescribeModel failed: ThrottlingException: Rate exceeded.'
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

  it('a live config or model deleted while the endpoint serves it is recorded as unread', async () => {
    const { api } = fakeApi({ config: undefined })
    const ep = endpoint({ EndpointName: 'ep', EndpointConfigName: 'gone-config' })
    const { log, warnings } = logger()
    const noConfig = await describeLive(api, ep, undefined, log)
    expect(noConfig.unread).toEqual([
      {
        read: 'DescribeEndpointConfig gone-config',
        protects:
          "the live config's settings (every variant, data capture, KMS key, async and explainer config)",
        error:
          'the live config gone-config no longer exists (deleted while the endpoint serves it)',
        forNewModel: false
      }
    ])
    expect(warnings).toHaveLength(1)

    const noModel = await describeLive(fakeApi({ config: LIVE_CONFIG }).api, ep, 'B', log)
    expect(noModel.unread).toEqual([
      expect.objectContaining({
        read: 'DescribeModel model-b',
        error: 'the live model model-b no longer exists (deleted while the endpoint serves it)',
        forNewModel: true
      })
    ])
    expect(noModel.unread?.[0]).not.toHaveProperty('deniedPermission')
  })

  it('records nothing when every read answers', async () => {
    const { api } = fakeApi({ config: LIVE_CONFIG, tags: { team: 'ml' }, model: MODEL_B })
    const live = await describeLive(
      api,
      endpoint({ EndpointConfigName: 'live-config' }),
      'B',
      logger().log
    )
    expect(live).not.toHaveProperty('unread')
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

  it("reads the endpoint's own tags when it has an ARN (where a left copy of auto scaling is kept)", async () => {
    const tags = { 'sagemaker-deploy:saved-auto-scaling': 'abc', team: 'ml' }
    const { api, calls } = fakeApi({ config: LIVE_CONFIG, model: MODEL_B, endpointTags: tags })
    const { log, warnings } = logger()
    const ep = endpoint({
      EndpointName: 'ep',
      EndpointArn: ENDPOINT_ARN,
      EndpointConfigName: 'live-config',
      EndpointStatus: 'InService'
    })
    const live = await describeLive(api, ep, 'B', log)
    expect(calls.at(-1)).toBe(`ListTags ${ENDPOINT_ARN}`)
    expect(live.endpointArn).toBe(ENDPOINT_ARN)
    expect(live.endpointTags).toEqual(tags)
    expect(warnings).toEqual([])
  })

  it("an endpoint's tags that cannot be read: a warning that says what goes unseen, and no tags", async () => {
    const { api } = fakeApi({
      config: LIVE_CONFIG,
      model: MODEL_B,
      endpointTags: new AwsCallError('ListTags', 'ThrottlingException', 'Rate exceeded', 400)
    })
    const { log, warnings } = logger()
    const named = endpoint({
      EndpointName: 'ep',
      EndpointArn: ENDPOINT_ARN,
      EndpointConfigName: 'live-config'
    })
    const live = await describeLive(api, named, 'B', log)
    expect(live.endpointArn).toBe(ENDPOINT_ARN)
    expect(live).not.toHaveProperty('endpointTags')
    expect(warnings).toEqual([
      'Could not read the tags of endpoint ep (ListTags failed: ThrottlingException: Rate exceeded): a copy of auto scaling an earlier run could not restore would go unseen.'
    ])
    const unnamed = endpoint({ EndpointArn: ENDPOINT_ARN, EndpointConfigName: 'live-config' })
    warnings.length = 0
    await describeLive(api, unnamed, 'B', log)
    expect(warnings[0]).toMatch(/^Could not read the tags of endpoint \? \(/)
  })

  it('a live model the role may not describe names sagemaker:DescribeModel', async () => {
    const { api } = fakeApi({
      config: LIVE_CONFIG,
      model: new AwsCallError(
        'DescribeModel',
        'AccessDeniedException',
        'User: x is not authorized to perform: sagemaker:DescribeModel',
        400
      )
    })
    const live = await describeLive(
      api,
      endpoint({ EndpointConfigName: 'live-config' }),
      'B',
      logger().log
    )
    expect(live.unread).toEqual([
      expect.objectContaining({
        read: 'DescribeModel model-b',
        deniedPermission: 'sagemaker:DescribeModel',
        forNewModel: true
      })
    ])
  })
})
