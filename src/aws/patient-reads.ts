// Reads that outlast an account's shared quotas. Many rollouts starting together (a release that
// promotes fifty endpoints) share SageMaker's and CloudWatch's request rates: the SDK's few quick
// attempts give up within seconds, and a run that gives up on a read before it wrote anything
// has failed for nothing. Reads sent with the default options (pre-flight, the action's own
// surroundings) are retried on throttling with a jittered backoff over minutes. A read with its
// own deadline or cancellation rule (the watch loop, the read-back after a write) keeps that
// rule: its caller decides what a late answer means.
import type { AwsApi } from './api-types.js'
import type { CallOptions } from './call.js'
import { isThrottled } from './errors.js'
import { withBackoff } from './retry.js'

/** How long a throttled call is retried: the same window as PutMetricAlarm's. */
export const QUOTA_WINDOW_MS = 180_000

const READS = [
  'describeEndpoint',
  'describeEndpointConfig',
  'describeModel',
  'describeInferenceComponent',
  'listTags',
  'listEndpointConfigs',
  'listEndpoints',
  'describeAlarms'
] as const satisfies readonly (keyof AwsApi)[]

export interface PatienceDeps {
  now(): number
  sleep(ms: number): Promise<void>
  readonly signal?: AbortSignal
  log(line: string): void
}

type Read = (arg: never, o?: CallOptions) => Promise<unknown>

export function withPatientReads(api: AwsApi, deps: PatienceDeps): AwsApi {
  const patient: Partial<Record<(typeof READS)[number], Read>> = {}
  for (const name of READS) {
    const read = api[name] as Read
    const operation = name.charAt(0).toUpperCase() + name.slice(1)
    patient[name] = (arg, o) =>
      o !== undefined
        ? read(arg, o)
        : withBackoff(() => read(arg), {
            withinMs: QUOTA_WINDOW_MS,
            now: deps.now,
            sleep: deps.sleep,
            retryable: isThrottled,
            stopped: () => deps.signal?.aborted === true,
            onRetry: (e, attempt, delay) =>
              deps.log(
                `${operation}: throttled (${(e as { code?: string }).code ?? 'Throttling'}); trying again in ${Math.round(delay / 1000)} s (attempt ${attempt + 1})`
              )
          })
  }
  return { ...api, ...(patient as Partial<AwsApi>) }
}
