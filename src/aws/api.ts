// Thin calls to SageMaker and CloudWatch. The SDK is loaded lazily (after the inputs are valid),
// and every service error is mapped to an AwsCallError that says which call failed.
import type {
  DescribeEndpointCommandOutput,
  DescribeEndpointConfigCommandOutput,
  DescribeModelCommandOutput,
  SageMakerClient
} from '@aws-sdk/client-sagemaker'
import type {
  CloudWatchClient,
  GetMetricDataCommandInput,
  GetMetricDataCommandOutput,
  MetricAlarm
} from '@aws-sdk/client-cloudwatch'

export class AwsCallError extends Error {
  constructor(
    readonly operation: string,
    readonly code: string,
    readonly detail: string,
    readonly httpStatus: number | undefined
  ) {
    super(`${operation} failed: ${code}: ${detail}`)
    this.name = 'AwsCallError'
  }
}

const FATAL_CODES = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'ExpiredToken',
  'ExpiredTokenException',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'CredentialsProviderError',
  'MissingAuthenticationToken',
  'AuthFailure',
  'NotAuthorized'
])

/** Errors that no retry will fix: stop at once and say so. */
export function isFatal(e: unknown): boolean {
  return e instanceof AwsCallError && (FATAL_CODES.has(e.code) || /credentials/i.test(e.code))
}

export function isNotFound(e: unknown): boolean {
  return (
    e instanceof AwsCallError &&
    (e.code === 'ResourceNotFound' || /^Could not find /.test(e.detail))
  )
}

export function isAlreadyExists(e: unknown): boolean {
  return (
    e instanceof AwsCallError && (e.code === 'ResourceInUse' || /already exist/i.test(e.detail))
  )
}

function mapError(operation: string, e: unknown): AwsCallError {
  const err = e as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } }
  return new AwsCallError(
    operation,
    err?.name ?? 'Error',
    err?.message ?? String(e),
    err?.$metadata?.httpStatusCode
  )
}

type Body = Record<string, unknown>

export interface AwsApi {
  describeEndpoint(name: string): Promise<DescribeEndpointCommandOutput | undefined>
  describeEndpointConfig(name: string): Promise<DescribeEndpointConfigCommandOutput | undefined>
  describeModel(name: string): Promise<DescribeModelCommandOutput | undefined>
  listTags(arn: string): Promise<Record<string, string>>
  createModel(body: Body): Promise<void>
  createEndpointConfig(body: Body): Promise<void>
  createEndpoint(body: Body): Promise<void>
  updateEndpoint(body: Body): Promise<void>
  deleteModel(name: string): Promise<void>
  deleteEndpointConfig(name: string): Promise<void>
  putMetricAlarm(body: Body): Promise<void>
  describeAlarms(names: readonly string[]): Promise<MetricAlarm[]>
  /** One GetMetricData call (up to 500 queries); the caller pages with NextToken. */
  getMetricData(input: GetMetricDataCommandInput): Promise<GetMetricDataCommandOutput>
}

export interface AwsApiOptions {
  readonly region: string
  readonly maxAttempts?: number
  /** Aborts calls in flight (cancellation). */
  readonly signal?: AbortSignal
}

/** Loads the SDK clients and returns the calls the action makes. */
export async function createAwsApi(options: AwsApiOptions): Promise<AwsApi> {
  const [sm, cw] = await Promise.all([
    import('@aws-sdk/client-sagemaker'),
    import('@aws-sdk/client-cloudwatch')
  ])
  const config = {
    region: options.region,
    maxAttempts: options.maxAttempts ?? 5,
    customUserAgent: 'sagemaker-blue-green-deploy',
    requestHandler: { connectionTimeout: 5000, requestTimeout: 30000 }
  }
  const sagemaker: SageMakerClient = new sm.SageMakerClient(config)
  const cloudwatch: CloudWatchClient = new cw.CloudWatchClient(config)
  const sendOptions = options.signal ? { abortSignal: options.signal } : {}

  const call = async <T>(operation: string, send: () => Promise<T>): Promise<T> => {
    try {
      return await send()
    } catch (e) {
      throw mapError(operation, e)
    }
  }
  const orUndefined = async <T>(p: Promise<T>): Promise<T | undefined> => {
    try {
      return await p
    } catch (e) {
      if (isNotFound(e)) return undefined
      throw e
    }
  }

  return {
    describeEndpoint: name =>
      orUndefined(
        call('DescribeEndpoint', () =>
          sagemaker.send(new sm.DescribeEndpointCommand({ EndpointName: name }), sendOptions)
        )
      ),
    describeEndpointConfig: name =>
      orUndefined(
        call('DescribeEndpointConfig', () =>
          sagemaker.send(
            new sm.DescribeEndpointConfigCommand({ EndpointConfigName: name }),
            sendOptions
          )
        )
      ),
    describeModel: name =>
      orUndefined(
        call('DescribeModel', () =>
          sagemaker.send(new sm.DescribeModelCommand({ ModelName: name }), sendOptions)
        )
      ),
    listTags: async arn => {
      const out = await call('ListTags', () =>
        sagemaker.send(new sm.ListTagsCommand({ ResourceArn: arn, MaxResults: 100 }), sendOptions)
      )
      return Object.fromEntries((out.Tags ?? []).map(t => [t.Key ?? '', t.Value ?? '']))
    },
    createModel: async body => {
      await call('CreateModel', () =>
        sagemaker.send(new sm.CreateModelCommand(body as never), sendOptions)
      )
    },
    createEndpointConfig: async body => {
      await call('CreateEndpointConfig', () =>
        sagemaker.send(new sm.CreateEndpointConfigCommand(body as never), sendOptions)
      )
    },
    createEndpoint: async body => {
      await call('CreateEndpoint', () =>
        sagemaker.send(new sm.CreateEndpointCommand(body as never), sendOptions)
      )
    },
    updateEndpoint: async body => {
      await call('UpdateEndpoint', () =>
        sagemaker.send(new sm.UpdateEndpointCommand(body as never), sendOptions)
      )
    },
    deleteModel: async name => {
      await call('DeleteModel', () =>
        sagemaker.send(new sm.DeleteModelCommand({ ModelName: name }), sendOptions)
      )
    },
    deleteEndpointConfig: async name => {
      await call('DeleteEndpointConfig', () =>
        sagemaker.send(
          new sm.DeleteEndpointConfigCommand({ EndpointConfigName: name }),
          sendOptions
        )
      )
    },
    putMetricAlarm: async body => {
      await call('PutMetricAlarm', () =>
        cloudwatch.send(new cw.PutMetricAlarmCommand(body as never), sendOptions)
      )
    },
    describeAlarms: async names => {
      if (names.length === 0) return []
      const out = await call('DescribeAlarms', () =>
        cloudwatch.send(
          new cw.DescribeAlarmsCommand({
            AlarmNames: [...names],
            AlarmTypes: ['MetricAlarm'],
            MaxRecords: 100
          }),
          sendOptions
        )
      )
      return out.MetricAlarms ?? []
    },
    getMetricData: input =>
      call('GetMetricData', () => cloudwatch.send(new cw.GetMetricDataCommand(input), sendOptions))
  }
}
