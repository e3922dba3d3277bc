// The AWS calls as the rest of the action sees them (api.ts makes them): plain promises, each
// with its CallOptions, SDK types only as types.
import type {
  DescribeEndpointCommandOutput,
  DescribeEndpointConfigCommandOutput,
  DescribeInferenceComponentCommandOutput,
  DescribeModelCommandOutput,
  EndpointConfigSummary,
  EndpointSummary
} from '@aws-sdk/client-sagemaker'
import type {
  AlarmHistoryItem,
  GetMetricDataCommandInput,
  GetMetricDataCommandOutput,
  MetricAlarm
} from '@aws-sdk/client-cloudwatch'
import type { AutoScalingApi } from './auto-scaling.js'
import type { GateApi } from './gate-api.js'
import type { QuotaApi } from './quota-api.js'
import type { ArtifactApi } from './artifact-api.js'
import type { CallOptions } from './call.js'
import type { Tag } from '../types.js'

type Body = Record<string, unknown>

export interface AwsApi {
  describeEndpoint(
    name: string,
    o?: CallOptions
  ): Promise<DescribeEndpointCommandOutput | undefined>
  describeEndpointConfig(
    name: string,
    o?: CallOptions
  ): Promise<DescribeEndpointConfigCommandOutput | undefined>
  describeModel(name: string, o?: CallOptions): Promise<DescribeModelCommandOutput | undefined>
  describeInferenceComponent(
    name: string,
    o?: CallOptions
  ): Promise<DescribeInferenceComponentCommandOutput | undefined>
  updateInferenceComponent(body: Body, o?: CallOptions): Promise<void>
  listTags(arn: string, o?: CallOptions): Promise<Record<string, string>>
  addTags(arn: string, tags: readonly Tag[], o?: CallOptions): Promise<void>
  deleteTags(arn: string, keys: readonly string[], o?: CallOptions): Promise<void>
  /** Endpoint configs whose name contains the text (newest first, one page of 100). */
  listEndpointConfigs(nameContains: string, o?: CallOptions): Promise<EndpointConfigSummary[]>
  /** The region's endpoints (newest first, pages of 100, at most `maxPages`: default 10). */
  listEndpoints(
    filter?: { readonly nameContains?: string; readonly maxPages?: number },
    o?: CallOptions
  ): Promise<EndpointSummary[]>
  /** The account of the credentials (STS GetCallerIdentity, which needs no permission). */
  callerAccount(o?: CallOptions): Promise<string | undefined>
  createModel(body: Body, o?: CallOptions): Promise<void>
  createEndpointConfig(body: Body, o?: CallOptions): Promise<void>
  createEndpoint(body: Body, o?: CallOptions): Promise<void>
  updateEndpoint(body: Body, o?: CallOptions): Promise<void>
  deleteModel(name: string, o?: CallOptions): Promise<void>
  deleteEndpointConfig(name: string, o?: CallOptions): Promise<void>
  putMetricAlarm(body: Body, o?: CallOptions): Promise<void>
  describeAlarms(names: readonly string[], o?: CallOptions): Promise<MetricAlarm[]>
  /** A CloudWatch alarm's tags, by its ARN. */
  listAlarmTags(arn: string, o?: CallOptions): Promise<Record<string, string>>
  /** An alarm's state changes since `since` (newest first, one page of 100). */
  describeAlarmHistory(name: string, since: Date, o?: CallOptions): Promise<AlarmHistoryItem[]>
  /** One GetMetricData call (up to 500 queries); the caller pages with NextToken. */
  getMetricData(
    input: GetMetricDataCommandInput,
    o?: CallOptions
  ): Promise<GetMetricDataCommandOutput>
  /** Application Auto Scaling, loaded on first use. */
  autoScaling(): Promise<AutoScalingApi>
  /** The verification gate's calls (InvokeEndpoint, PutMetricData); absent in test doubles that need none. */
  gate?(): Promise<GateApi>
  /** Service Quotas (pre-flight's capacity check); absent in test doubles that need none. */
  quotas?(): Promise<QuotaApi>
  /** Pre-flight reads of the artifact, image and package a new model names; absent in test doubles that need none. */
  artifacts?(): Promise<ArtifactApi>
  /** Aborts calls in flight and closes the connections: nothing holds the process after this. */
  close(): void
}
