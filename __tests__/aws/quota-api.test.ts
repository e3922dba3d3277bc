// Service Quotas through the real SDK client (aws-sdk-client-mock): the pages read, the quota found.
import { beforeEach, describe, expect, it } from '@jest/globals'
import type { Call } from '../../src/aws/call.js'

const { mockClient } = await import('aws-sdk-client-mock')
const sq = await import('@aws-sdk/client-service-quotas')
const { createQuotaApi, MAX_QUOTA_PAGES } = await import('../../src/aws/quota-api.js')
const { AwsCallError } = await import('../../src/aws/errors.js')

const quotas = mockClient(sq.ServiceQuotasClient)

/** The action's call wrapper, reduced to its error mapping. */
const call: Call = async (operation, _o, send) => {
  try {
    return await send(new AbortController().signal)
  } catch (e) {
    const err = e as { name: string; message: string }
    throw new AwsCallError(operation, err.name, err.message, 400)
  }
}

const config = { region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } }

function sentTokens(): (string | undefined)[] {
  return quotas.commandCalls(sq.ListServiceQuotasCommand).map(c => c.args[0].input.NextToken)
}

describe('createQuotaApi', () => {
  beforeEach(() => {
    quotas.reset()
  })

  it('pages with NextToken until the quota named "<type> for endpoint usage" is found', async () => {
    quotas
      .on(sq.ListServiceQuotasCommand, { ServiceCode: 'sagemaker', MaxResults: 100 })
      .resolvesOnce({
        Quotas: [
          { QuotaName: 'ml.g5.12xlarge for training job usage', QuotaCode: 'L-1', Value: 4 }
        ],
        NextToken: 'p2'
      })
      .resolvesOnce({
        Quotas: [{ QuotaName: 'ml.g5.12xlarge for endpoint usage', QuotaCode: 'L-2', Value: 2 }],
        NextToken: 'p3'
      })
    const api = await createQuotaApi(config, call)
    const value = await api.endpointInstanceQuota('ml.g5.12xlarge')
    expect({ value, tokens: sentTokens() }).toStrictEqual({ value: 2, tokens: [undefined, 'p2'] })
  })

  it('keeps what it read for the run: a second lookup reads no page again', async () => {
    quotas.on(sq.ListServiceQuotasCommand).resolvesOnce({
      Quotas: [
        { QuotaName: 'ml.m5.large for endpoint usage', QuotaCode: 'L-M5', Value: 8 },
        { QuotaName: 'ml.g5.xlarge for endpoint usage', QuotaCode: 'L-G5', Value: 1 }
      ]
    })
    const api = await createQuotaApi(config, call)
    const first = await api.endpointQuota('ml.m5.large')
    const second = await api.endpointQuota('ml.g5.xlarge')
    const again = await api.endpointInstanceQuota('ml.m5.large')
    expect({ first, second, again, pages: sentTokens().length }).toStrictEqual({
      first: { value: 8, code: 'L-M5' },
      second: { value: 1, code: 'L-G5' },
      again: 8,
      pages: 1
    })
  })

  it('is undefined when the listing ends without the quota', async () => {
    quotas.on(sq.ListServiceQuotasCommand).resolves({
      Quotas: [{ QuotaName: 'ml.m5.large for endpoint usage', Value: 8 }]
    })
    const api = await createQuotaApi(config, call)
    expect(await api.endpointInstanceQuota('ml.p5.48xlarge')).toBeUndefined()
  })

  it('stops after MAX_QUOTA_PAGES pages of a listing that never ends', async () => {
    quotas.on(sq.ListServiceQuotasCommand).resolves({ Quotas: [], NextToken: 'again' })
    const api = await createQuotaApi(config, call)
    const value = await api.endpointInstanceQuota('ml.m5.large')
    expect({ value, pages: sentTokens().length }).toStrictEqual({
      value: undefined,
      pages: MAX_QUOTA_PAGES
    })
  })

  it('maps a refusal to an AwsCallError naming ListServiceQuotas', async () => {
    quotas
      .on(sq.ListServiceQuotasCommand)
      .rejects(Object.assign(new Error('not authorized'), { name: 'AccessDeniedException' }))
    const api = await createQuotaApi(config, call)
    await expect(api.endpointInstanceQuota('ml.m5.large')).rejects.toThrow(
      'ListServiceQuotas failed: AccessDeniedException: not authorized'
    )
  })
})
