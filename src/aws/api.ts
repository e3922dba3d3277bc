// Thin calls to SageMaker and CloudWatch. The SDK is loaded lazily (after the inputs are valid),
// every call has a deadline that is enforced (a held socket never holds the run), and every
// service error is mapped to an AwsCallError that says which call failed.
//
// CreateEndpoint, UpdateEndpoint and UpdateInferenceComponent are not idempotent: they go through
// a client with no SDK retry, because a retry after a lost answer meets "already exists" /
// "in-progress" and hides what happened. The caller reads the resource back instead.
import type { EndpointSummary, SageMakerClient } from '@aws-sdk/client-sagemaker'
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch'
import type { AwsApi } from './api-types.js'
import type { CallOptions } from './call.js'
import { createAutoScalingApi, type AutoScalingApi } from './auto-scaling.js'
import type { GateApi } from './gate-api.js'
import type { QuotaApi } from './quota-api.js'
import type { ArtifactApi } from './artifact-api.js'
import { isNotFound, toCallError } from './errors.js'

export {
  AwsCallError,
  isAlreadyExists,
  isCancelled,
  isFatal,
  isInProgress,
  isNotFound,
  isThrottled,
  isTransient,
  mayHaveApplied
} from './errors.js'

export type { CallOptions } from './call.js'

export type { AwsApi } from './api-types.js'
export { withPatientReads } from './patient-reads.js'

export interface AwsApiOptions {
  readonly region: string
  /** SDK attempts for calls that are safe to repeat (default 5). */
  readonly maxAttempts?: number
  /** Aborts calls in flight (cancellation). */
  readonly signal?: AbortSignal
  /** Default deadline of one call, SDK retries included (default 60 s). */
  readonly deadlineMs?: number
  /** One attempt's limit (default 30 s). */
  readonly requestTimeoutMs?: number
}

/** One attempt's limit: connecting, and the whole request (enforced, not only warned about). */
export const CONNECT_TIMEOUT_MS = 5000
export const REQUEST_TIMEOUT_MS = 30_000
export const DEFAULT_DEADLINE_MS = 60_000

/**
 * Loads the SageMaker client and returns the calls the action makes. The CloudWatch client loads
 * on its first call: the first request (DescribeEndpoint) waits for nothing it does not use.
 */
export async function createAwsApi(options: AwsApiOptions): Promise<AwsApi> {
  const sm = await import('@aws-sdk/client-sagemaker')
  const config = (maxAttempts: number) => ({
    region: options.region,
    maxAttempts,
    customUserAgent: 'sagemaker-blue-green-deploy',
    requestHandler: {
      connectionTimeout: CONNECT_TIMEOUT_MS,
      requestTimeout: options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
      socketTimeout: options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
      throwOnRequestTimeout: true
    }
  })
  const sagemaker: SageMakerClient = new sm.SageMakerClient(config(options.maxAttempts ?? 5))
  const sagemakerOnce: SageMakerClient = new sm.SageMakerClient(config(1))
  let cloudwatchClient: CloudWatchClient | undefined
  let cloudwatchOnce: CloudWatchClient | undefined
  let loadingCloudwatch: Promise<CloudWatch> | undefined
  type CloudWatch = {
    cw: typeof import('@aws-sdk/client-cloudwatch')
    client: CloudWatchClient
    /** No SDK retry: PutMetricAlarm is retried with a long backoff by the caller instead. */
    once: CloudWatchClient
  }
  const cloudwatch = (): Promise<CloudWatch> =>
    (loadingCloudwatch ??= import('@aws-sdk/client-cloudwatch').then(cw => {
      cloudwatchClient = new cw.CloudWatchClient(config(options.maxAttempts ?? 5))
      cloudwatchOnce = new cw.CloudWatchClient(config(1))
      return { cw, client: cloudwatchClient, once: cloudwatchOnce }
    }))
  // Aborted by close(): whatever is still in flight after the verdict stops there.
  const closing = new AbortController()
  let autoScaling: Promise<AutoScalingApi> | undefined
  let gate: Promise<GateApi> | undefined
  let quotas: Promise<QuotaApi> | undefined
  let artifacts: Promise<ArtifactApi> | undefined

  const call = async <T>(
    operation: string,
    o: CallOptions | undefined,
    send: (abortSignal: AbortSignal) => Promise<T>
  ): Promise<T> => {
    const deadlineMs = o?.deadlineMs ?? options.deadlineMs ?? DEFAULT_DEADLINE_MS
    const cancel = o?.ignoreCancel ? undefined : options.signal
    const signals = [closing.signal, AbortSignal.timeout(Math.max(1, deadlineMs))]
    if (cancel) signals.push(cancel)
    try {
      if (cancel?.aborted) throw Object.assign(new Error('cancelled'), { name: 'AbortError' })
      return await send(AbortSignal.any(signals))
    } catch (e) {
      throw toCallError(operation, e, {
        cancelled: cancel?.aborted === true || closing.signal.aborted,
        deadlineMs
      })
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
    describeEndpoint: (name, o) =>
      orUndefined(
        call('DescribeEndpoint', o, abortSignal =>
          sagemaker.send(new sm.DescribeEndpointCommand({ EndpointName: name }), { abortSignal })
        )
      ),
    describeEndpointConfig: (name, o) =>
      orUndefined(
        call('DescribeEndpointConfig', o, abortSignal =>
          sagemaker.send(new sm.DescribeEndpointConfigCommand({ EndpointConfigName: name }), {
            abortSignal
          })
        )
      ),
    describeModel: (name, o) =>
      orUndefined(
        call('DescribeModel', o, abortSignal =>
          sagemaker.send(new sm.DescribeModelCommand({ ModelName: name }), { abortSignal })
        )
      ),
    describeInferenceComponent: (name, o) =>
      orUndefined(
        call('DescribeInferenceComponent', o, abortSignal =>
          sagemaker.send(
            new sm.DescribeInferenceComponentCommand({ InferenceComponentName: name }),
            { abortSignal }
          )
        )
      ),
    updateInferenceComponent: async (body, o) => {
      await call('UpdateInferenceComponent', o, abortSignal =>
        sagemakerOnce.send(new sm.UpdateInferenceComponentCommand(body as never), { abortSignal })
      )
    },
    listTags: async (arn, o) => {
      const out = await call('ListTags', o, abortSignal =>
        sagemaker.send(new sm.ListTagsCommand({ ResourceArn: arn, MaxResults: 100 }), {
          abortSignal
        })
      )
      return Object.fromEntries((out?.Tags ?? []).map(t => [t.Key ?? '', t.Value ?? '']))
    },
    addTags: async (arn, tags, o) => {
      await call('AddTags', o, abortSignal =>
        sagemakerOnce.send(new sm.AddTagsCommand({ ResourceArn: arn, Tags: [...tags] }), {
          abortSignal
        })
      )
    },
    deleteTags: async (arn, keys, o) => {
      await call('DeleteTags', o, abortSignal =>
        sagemakerOnce.send(new sm.DeleteTagsCommand({ ResourceArn: arn, TagKeys: [...keys] }), {
          abortSignal
        })
      )
    },
    listEndpointConfigs: async (nameContains, o) => {
      const out = await call('ListEndpointConfigs', o, abortSignal =>
        sagemaker.send(
          new sm.ListEndpointConfigsCommand({
            NameContains: nameContains,
            SortBy: 'CreationTime',
            SortOrder: 'Descending',
            MaxResults: 100
          }),
          { abortSignal }
        )
      )
      return out?.EndpointConfigs ?? []
    },
    listEndpoints: async (filter, o) => {
      const endpoints: EndpointSummary[] = []
      let next: string | undefined
      for (let page = 0; page < (filter?.maxPages ?? 10); page++) {
        const out = await call('ListEndpoints', o, abortSignal =>
          sagemaker.send(
            new sm.ListEndpointsCommand({
              SortBy: 'CreationTime',
              SortOrder: 'Descending',
              MaxResults: 100,
              ...(filter?.nameContains ? { NameContains: filter.nameContains } : {}),
              ...(next ? { NextToken: next } : {})
            }),
            { abortSignal }
          )
        )
        endpoints.push(...(out?.Endpoints ?? []))
        next = out?.NextToken
        if (!next) break
      }
      return endpoints
    },
    callerAccount: async o => {
      const sts = await import('@aws-sdk/client-sts')
      const client = new sts.STSClient(config(options.maxAttempts ?? 5))
      try {
        const out = await call('GetCallerIdentity', o, abortSignal =>
          client.send(new sts.GetCallerIdentityCommand({}), { abortSignal })
        )
        return out.Account
      } finally {
        client.destroy()
      }
    },
    createModel: async (body, o) => {
      await call('CreateModel', o, abortSignal =>
        sagemaker.send(new sm.CreateModelCommand(body as never), { abortSignal })
      )
    },
    createEndpointConfig: async (body, o) => {
      await call('CreateEndpointConfig', o, abortSignal =>
        sagemaker.send(new sm.CreateEndpointConfigCommand(body as never), { abortSignal })
      )
    },
    createEndpoint: async (body, o) => {
      await call('CreateEndpoint', o, abortSignal =>
        sagemakerOnce.send(new sm.CreateEndpointCommand(body as never), { abortSignal })
      )
    },
    updateEndpoint: async (body, o) => {
      await call('UpdateEndpoint', o, abortSignal =>
        sagemakerOnce.send(new sm.UpdateEndpointCommand(body as never), { abortSignal })
      )
    },
    deleteModel: async (name, o) => {
      await call('DeleteModel', o, abortSignal =>
        sagemaker.send(new sm.DeleteModelCommand({ ModelName: name }), { abortSignal })
      )
    },
    deleteEndpointConfig: async (name, o) => {
      await call('DeleteEndpointConfig', o, abortSignal =>
        sagemaker.send(new sm.DeleteEndpointConfigCommand({ EndpointConfigName: name }), {
          abortSignal
        })
      )
    },
    putMetricAlarm: async (body, o) => {
      // A quota of 3 per second is shared by every rollout in the account: five quick SDK
      // attempts only add throttled requests. The caller backs off over minutes instead.
      const { cw, once } = await cloudwatch()
      await call('PutMetricAlarm', o, abortSignal =>
        once.send(new cw.PutMetricAlarmCommand(body as never), { abortSignal })
      )
    },
    describeAlarms: async (names, o) => {
      if (names.length === 0) return []
      const { cw, client } = await cloudwatch()
      const out = await call('DescribeAlarms', o, abortSignal =>
        client.send(
          new cw.DescribeAlarmsCommand({
            AlarmNames: [...names],
            AlarmTypes: ['MetricAlarm'],
            MaxRecords: 100
          }),
          { abortSignal }
        )
      )
      return out?.MetricAlarms ?? []
    },
    listAlarmTags: async (arn, o) => {
      const { cw, client } = await cloudwatch()
      const out = await call('ListTagsForResource', o, abortSignal =>
        client.send(new cw.ListTagsForResourceCommand({ ResourceARN: arn }), { abortSignal })
      )
      return Object.fromEntries((out?.Tags ?? []).map(t => [t.Key ?? '', t.Value ?? '']))
    },
    describeAlarmHistory: async (name, since, o) => {
      const { cw, client } = await cloudwatch()
      const out = await call('DescribeAlarmHistory', o, abortSignal =>
        client.send(
          new cw.DescribeAlarmHistoryCommand({
            AlarmName: name,
            HistoryItemType: 'StateUpdate',
            StartDate: since,
            ScanBy: 'TimestampDescending',
            MaxRecords: 100
          }),
          { abortSignal }
        )
      )
      return out?.AlarmHistoryItems ?? []
    },
    getMetricData: async (input, o) => {
      const { cw, client } = await cloudwatch()
      return call('GetMetricData', o, abortSignal =>
        client.send(new cw.GetMetricDataCommand(input), { abortSignal })
      )
    },
    autoScaling: () =>
      (autoScaling ??= createAutoScalingApi(config(options.maxAttempts ?? 5), call)),
    // A small chunk of its own: steps without a gate never load the runtime client.
    gate: () =>
      (gate ??= import('./gate-api.js').then(m => m.createGateApi(config, call, cloudwatch))),
    // Pre-flight's capacity check only: its client loads on the first quota read.
    quotas: () =>
      (quotas ??= import('./quota-api.js').then(m =>
        m.createQuotaApi(config(options.maxAttempts ?? 5), call)
      )),
    // S3 and ECR load only for a run that creates a model; they use the endpoint's region.
    artifacts: () =>
      (artifacts ??= import('./artifact-api.js').then(m =>
        m.createArtifactApi(config(options.maxAttempts ?? 5), call, async () => ({
          sm,
          client: sagemaker
        }))
      )),
    close: () => {
      closing.abort()
      for (const client of [sagemaker, sagemakerOnce, cloudwatchClient, cloudwatchOnce]) {
        client?.destroy()
      }
      void autoScaling?.then(api => api.destroy())
      void gate?.then(api => api.destroy())
      void quotas?.then(
        api => api.destroy(),
        () => undefined
      )
      void artifacts?.then(
        api => api.destroy(),
        () => undefined
      )
    }
  }
}
