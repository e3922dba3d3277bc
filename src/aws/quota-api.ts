// Service Quotas, read by pre-flight: how many instances of a type the account may run on its
// endpoints ("ml.g5.12xlarge for endpoint usage"). Loaded only when pre-flight checks capacity.
import type { Call, CallOptions } from './call.js'

export interface EndpointQuota {
  /** The applied value: instances of the type across every endpoint in the region. */
  readonly value: number
  /** For a quota increase request (--quota-code). */
  readonly code: string | undefined
}

export interface QuotaApi {
  /** The applied value of "<instanceType> for endpoint usage"; undefined when none is listed. */
  endpointInstanceQuota(instanceType: string, o?: CallOptions): Promise<number | undefined>
  /** The same quota with its code (read once per run, like the value). */
  endpointQuota(instanceType: string, o?: CallOptions): Promise<EndpointQuota | undefined>
  destroy(): void
}

/** The quota's name, as Service Quotas and the ResourceLimitExceeded message spell it. */
export function endpointQuotaName(instanceType: string): string {
  return `${instanceType} for endpoint usage`
}

/** SageMaker lists some hundreds of quotas: more pages than this is not a listing to trust. */
export const MAX_QUOTA_PAGES = 30

type ClientConfig = Record<string, unknown>

/**
 * ListServiceQuotas pages are read only as far as the quota asked for, and kept for the run: a
 * second instance type goes on from where the first one stopped.
 */
export async function createQuotaApi(config: ClientConfig, call: Call): Promise<QuotaApi> {
  const sq = await import('@aws-sdk/client-service-quotas')
  const client = new sq.ServiceQuotasClient(config)
  const listed = new Map<string, EndpointQuota>()
  let nextToken: string | undefined
  let pages = 0
  let done = false
  // One listing at a time: two lookups never read the same page twice.
  let turn: Promise<unknown> = Promise.resolve()

  const readUntil = async (name: string, o: CallOptions | undefined): Promise<void> => {
    while (!listed.has(name) && !done) {
      const out = await call('ListServiceQuotas', o, abortSignal =>
        client.send(
          new sq.ListServiceQuotasCommand({
            ServiceCode: 'sagemaker',
            MaxResults: 100,
            ...(nextToken !== undefined ? { NextToken: nextToken } : {})
          }),
          { abortSignal }
        )
      )
      for (const q of out.Quotas ?? []) {
        if (q.QuotaName !== undefined && q.Value !== undefined && !listed.has(q.QuotaName)) {
          listed.set(q.QuotaName, { value: q.Value, code: q.QuotaCode })
        }
      }
      pages += 1
      nextToken = out.NextToken || undefined
      done = nextToken === undefined || pages >= MAX_QUOTA_PAGES
    }
  }

  const endpointQuota = async (
    instanceType: string,
    o?: CallOptions
  ): Promise<EndpointQuota | undefined> => {
    const name = endpointQuotaName(instanceType)
    const mine = turn.then(() => readUntil(name, o))
    turn = mine.catch(() => undefined)
    await mine
    return listed.get(name)
  }

  return {
    endpointQuota,
    endpointInstanceQuota: async (instanceType, o) => (await endpointQuota(instanceType, o))?.value,
    destroy: () => client.destroy()
  }
}
