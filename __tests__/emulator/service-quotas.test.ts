import { describe, it, expect, afterEach } from '@jest/globals'
import {
  GetServiceQuotaCommand,
  ListServiceQuotasCommand,
  ServiceQuotasClient
} from '@aws-sdk/client-service-quotas'
import { quotaCode } from '../../emulator/service-quotas.js'
import { awsCli, HAS_AWS_CLI } from './aws-cli.js'
import { failure, startLab, stopLab, type Lab } from './helpers.js'

let lab: Lab | undefined
let sq: ServiceQuotasClient | undefined
afterEach(async () => {
  sq?.destroy()
  sq = undefined
  await stopLab(lab)
  lab = undefined
})

async function start(instanceQuota: Record<string, number> | null, region = 'us-east-1') {
  lab = await startLab({ scenario: { instanceQuota } })
  sq = new ServiceQuotasClient({
    endpoint: lab.emu.url,
    region,
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
    maxAttempts: 1
  })
  return sq
}

describe('Service Quotas', () => {
  it('lists instanceQuota as "<type> for endpoint usage" quotas, sorted by name', async () => {
    const client = await start({ 'ml.m5.large': 6, 'ml.g5.xlarge': 2 })
    const out = await client.send(new ListServiceQuotasCommand({ ServiceCode: 'sagemaker' }))
    const code = quotaCode('ml.g5.xlarge for endpoint usage')
    expect(out.Quotas?.map(q => [q.QuotaName, q.Value])).toStrictEqual([
      ['ml.g5.xlarge for endpoint usage', 2],
      ['ml.m5.large for endpoint usage', 6]
    ])
    expect(out.Quotas?.[0]).toStrictEqual({
      ServiceCode: 'sagemaker',
      ServiceName: 'Amazon SageMaker',
      QuotaArn: `arn:aws:servicequotas:us-east-1:123456789012:sagemaker/${code}`,
      QuotaCode: code,
      QuotaName: 'ml.g5.xlarge for endpoint usage',
      Value: 2,
      Unit: 'None',
      Adjustable: true,
      GlobalQuota: false,
      QuotaAppliedAtLevel: 'ACCOUNT'
    })
    expect(code).toMatch(/^L-[0-9A-F]{8}$/)
    expect(out.NextToken).toBeUndefined()
  })

  it('pages with MaxResults and NextToken; GetServiceQuota finds one by code', async () => {
    const client = await start({ 'ml.m5.large': 6, 'ml.g5.xlarge': 2, 'ml.c5.xlarge': 4 })
    const first = await client.send(
      new ListServiceQuotasCommand({ ServiceCode: 'sagemaker', MaxResults: 2 })
    )
    const second = await client.send(
      new ListServiceQuotasCommand({
        ServiceCode: 'sagemaker',
        MaxResults: 2,
        NextToken: first.NextToken
      })
    )
    const one = await client.send(
      new GetServiceQuotaCommand({
        ServiceCode: 'sagemaker',
        QuotaCode: quotaCode('ml.m5.large for endpoint usage')
      })
    )
    const bad = await failure(
      client.send(new ListServiceQuotasCommand({ ServiceCode: 'sagemaker', NextToken: 'x' }))
    )
    const unknown = await failure(
      client.send(new GetServiceQuotaCommand({ ServiceCode: 'sagemaker', QuotaCode: 'L-00000000' }))
    )
    expect(first.Quotas?.map(q => q.QuotaName)).toStrictEqual([
      'ml.c5.xlarge for endpoint usage',
      'ml.g5.xlarge for endpoint usage'
    ])
    expect([second.Quotas?.map(q => q.QuotaName), second.NextToken]).toStrictEqual([
      ['ml.m5.large for endpoint usage'],
      undefined
    ])
    expect(one.Quota?.Value).toBe(6)
    expect(bad.name).toBe('InvalidPaginationTokenException')
    expect(unknown.name).toBe('NoSuchResourceException')
  })

  it('lists none with instanceQuota null (nothing enforced), nor for other services; ARNs per region', async () => {
    const client = await start(null)
    const none = await client.send(new ListServiceQuotasCommand({ ServiceCode: 'sagemaker' }))
    lab!.emu.setScenario({ instanceQuota: { 'ml.m5.large': 1 } })
    const other = await client.send(new ListServiceQuotasCommand({ ServiceCode: 'ec2' }))
    const eu = new ServiceQuotasClient({
      endpoint: lab!.emu.url,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' }
    })
    const euList = await eu.send(new ListServiceQuotasCommand({ ServiceCode: 'sagemaker' }))
    eu.destroy()
    expect(none.Quotas).toStrictEqual([])
    expect(other.Quotas).toStrictEqual([])
    expect(euList.Quotas?.map(q => q.QuotaArn)).toStrictEqual([
      `arn:aws:servicequotas:eu-west-1:123456789012:sagemaker/${quotaCode('ml.m5.large for endpoint usage')}`
    ])
  })

  it('needs servicequotas:ListServiceQuotas in allowedActions', async () => {
    const client = await start({ 'ml.m5.large': 6 })
    lab!.emu.setScenario({ allowedActions: ['servicequotas:GetServiceQuota'] })
    const error = await failure(
      client.send(new ListServiceQuotasCommand({ ServiceCode: 'sagemaker' }))
    )
    expect([error.name, error.message.includes('servicequotas:ListServiceQuotas')]).toStrictEqual([
      'AccessDeniedException',
      true
    ])
  })

  const run = HAS_AWS_CLI ? it : it.skip
  run('the AWS CLI: service-quotas list-service-quotas', async () => {
    await start({ 'ml.m5.large': 6 })
    const out = await awsCli(
      lab!.emu,
      'us-east-1',
      'service-quotas',
      'list-service-quotas',
      '--service-code',
      'sagemaker'
    )
    expect(out.stderr).toBe('')
    expect(
      (JSON.parse(out.stdout) as { Quotas: { QuotaName: string; Value: number }[] }).Quotas.map(
        q => [q.QuotaName, q.Value]
      )
    ).toStrictEqual([['ml.m5.large for endpoint usage', 6]])
  })
})
