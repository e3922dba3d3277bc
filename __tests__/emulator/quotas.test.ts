import { describe, it, expect, afterEach } from '@jest/globals'
import { DescribeAlarmsCommand, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch'
import { DescribeEndpointCommand, ListEndpointsCommand } from '@aws-sdk/client-sagemaker'
import { QuotaGate, validateQuotas } from '../../emulator/quotas.js'
import { resolveScenario } from '../../emulator/scenario.js'
import { failure, startLab, stopLab, type Lab } from './helpers.js'

let lab: Lab | undefined
afterEach(async () => {
  await stopLab(lab)
  lab = undefined
})

const T0 = 1_800_000_000_000

describe('quota token buckets', () => {
  it('allows the burst, then one request per 1/rate seconds, in simulated time', () => {
    const gate = new QuotaGate()
    const quotas = { 'cloudwatch:PutMetricAlarm': 3 }
    const at = (ms: number): string =>
      gate.check('cloudwatch', 'PutMetricAlarm', quotas, T0 + ms)?.code ?? 'ok'
    expect([at(0), at(0), at(0), at(0)]).toEqual(['ok', 'ok', 'ok', 'Throttling'])
    // One token every 333 ms.
    expect(at(300)).toBe('Throttling')
    expect(at(340)).toBe('ok')
    expect(at(340)).toBe('Throttling')
    // A full second refills the bucket to its size (3), not more.
    expect([at(5000), at(5000), at(5000), at(5000)]).toEqual(['ok', 'ok', 'ok', 'Throttling'])
    // Other operations are not limited by this rule.
    expect(gate.check('cloudwatch', 'DescribeAlarms', quotas, T0 + 5000)).toBeUndefined()
  })

  it('a glob is one bucket shared by every operation it matches; SageMaker answers ThrottlingException', () => {
    const gate = new QuotaGate()
    const quotas = { 'sagemaker:Describe*': { rate: 2, burst: 2 } }
    expect(gate.check('sagemaker', 'DescribeEndpoint', quotas, T0)).toBeUndefined()
    expect(gate.check('sagemaker', 'DescribeModel', quotas, T0)).toBeUndefined()
    const error = gate.check('sagemaker', 'DescribeEndpointConfig', quotas, T0)
    expect(error).toMatchObject({ code: 'ThrottlingException', message: 'Rate exceeded' })
    expect(gate.check('sagemaker', 'ListTags', quotas, T0)).toBeUndefined()
  })

  it('a throttled request takes no token from the buckets it passed', () => {
    const gate = new QuotaGate()
    const quotas = { 'sagemaker:Describe*': 10, 'sagemaker:DescribeEndpoint': 0 }
    expect(gate.check('sagemaker', 'DescribeEndpoint', quotas, T0)?.code).toBe(
      'ThrottlingException'
    )
    for (let i = 0; i < 10; i++)
      expect(gate.check('sagemaker', 'DescribeModel', quotas, T0)).toBeUndefined()
    expect(gate.check('sagemaker', 'DescribeModel', quotas, T0)?.code).toBe('ThrottlingException')
  })

  it('a changed rule starts full; an unchanged one keeps its state', () => {
    const gate = new QuotaGate()
    const zero = { 'cloudwatch:PutMetricAlarm': 0, 'cloudwatch:DescribeAlarms': 1 }
    expect(gate.check('cloudwatch', 'DescribeAlarms', zero, T0)).toBeUndefined()
    expect(gate.check('cloudwatch', 'PutMetricAlarm', zero, T0)?.code).toBe('Throttling')
    const lifted = { 'cloudwatch:PutMetricAlarm': 3, 'cloudwatch:DescribeAlarms': 1 }
    expect(gate.check('cloudwatch', 'PutMetricAlarm', lifted, T0)).toBeUndefined()
    expect(gate.check('cloudwatch', 'DescribeAlarms', lifted, T0)?.code).toBe('Throttling')
  })

  it('refuses malformed rules with the field named', () => {
    expect(() => validateQuotas({ 'cloudwatch:PutMetricAlarm': -1 })).toThrow(
      'quotas["cloudwatch:PutMetricAlarm"]: rate must be a number >= 0'
    )
    expect(() => validateQuotas({ PutMetricAlarm: 3 })).toThrow('must look like')
    expect(() => resolveScenario({ quotas: [] as never })).toThrow('"quotas" must be an object')
  })
})

describe('quotas through the SDK', () => {
  it('CloudWatch answers Throttling with the query header; the SDK retries once a token is back', async () => {
    lab = await startLab({ scenario: { quotas: { 'cloudwatch:DescribeAlarms': 1 } } }, 1)
    await lab.cw.send(new DescribeAlarmsCommand({}))
    const error = await failure(lab.cw.send(new DescribeAlarmsCommand({})))
    expect(error.name).toBe('Throttling')
    expect(error.message).toBe('Rate exceeded')
    expect(lab.emu.calls().map(c => [c.operation, c.status, c.error ?? ''])).toEqual([
      ['DescribeAlarms', 200, ''],
      ['DescribeAlarms', 400, 'Throttling: Rate exceeded']
    ])
    // The clock is stopped (time-scale 0): only advance() refills the bucket.
    lab.emu.advance(1)
    await lab.cw.send(new DescribeAlarmsCommand({}))
    // PutMetricAlarm has no rule here.
    await lab.cw.send(
      new PutMetricAlarmCommand({
        AlarmName: 'q',
        Namespace: 'AWS/SageMaker',
        MetricName: 'Invocations',
        Statistic: 'Sum',
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanThreshold'
      })
    )
  })

  it('SageMaker: the quota applies to the operations it names, and setScenario changes it', async () => {
    lab = await startLab({ scenario: { quotas: { 'sagemaker:DescribeEndpoint': 0 } } }, 1)
    const error = await failure(lab.sm.send(new DescribeEndpointCommand({ EndpointName: 'x' })))
    expect(error.name).toBe('ThrottlingException')
    await lab.sm.send(new ListEndpointsCommand({}))
    lab.emu.setScenario({ quotas: {} })
    const missing = await failure(lab.sm.send(new DescribeEndpointCommand({ EndpointName: 'x' })))
    expect(missing.message).toBe('Could not find endpoint "x".')
  })
})
