import { describe, it, expect } from '@jest/globals'
import { alarmUpToDate, labAlarms } from '../src/alarms.js'

const TAGS = [{ Key: 'team', Value: 'ml' }]
const DIMENSIONS = [
  { Name: 'EndpointName', Value: 'lab-endpoint' },
  { Name: 'VariantName', Value: 'AllTraffic' }
]

describe('labAlarms', () => {
  const [errorRate, latency] = labAlarms('lab-endpoint', 'AllTraffic', 1, 5000, TAGS)

  it('returns the 5XX-rate and the latency alarm', () => {
    expect(errorRate?.name).toBe('lab-endpoint-5xx-rate')
    expect(latency?.name).toBe('lab-endpoint-model-latency')
  })

  it('builds the exact metric-math PutMetricAlarm request for the 5XX rate', () => {
    expect(errorRate?.request).toEqual({
      AlarmName: 'lab-endpoint-5xx-rate',
      AlarmDescription: expect.stringContaining('lab-endpoint'),
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 1,
      EvaluationPeriods: 1,
      DatapointsToAlarm: 1,
      TreatMissingData: 'notBreaching',
      Metrics: [
        {
          Id: 'errors',
          MetricStat: {
            Metric: {
              Namespace: 'AWS/SageMaker',
              MetricName: 'Invocation5XXErrors',
              Dimensions: DIMENSIONS
            },
            Period: 60,
            Stat: 'Sum'
          },
          ReturnData: false
        },
        {
          Id: 'invocations',
          MetricStat: {
            Metric: {
              Namespace: 'AWS/SageMaker',
              MetricName: 'Invocations',
              Dimensions: DIMENSIONS
            },
            Period: 60,
            Stat: 'Sum'
          },
          ReturnData: false
        },
        {
          Id: 'rate',
          Expression: 'IF(invocations > 0, 100 * errors / invocations, 0)',
          Label: '5XX error rate (%)',
          ReturnData: true
        }
      ],
      Tags: TAGS
    })
    expect(errorRate?.threshold).toBe(1)
    expect(errorRate?.watches).toBe('5XX error rate > 1 % of invocations over 1 min')
  })

  it('does not mix metric math with single-metric fields', () => {
    for (const key of ['Namespace', 'MetricName', 'Dimensions', 'Period', 'Statistic', 'Unit']) {
      expect(errorRate?.request).not.toHaveProperty(key)
    }
    const metrics = errorRate?.request['Metrics'] as { ReturnData: boolean }[]
    expect(metrics.filter(m => m.ReturnData)).toHaveLength(1)
  })

  it('builds the exact ModelLatency request with the threshold in microseconds', () => {
    expect(latency?.request).toEqual({
      AlarmName: 'lab-endpoint-model-latency',
      AlarmDescription: expect.stringContaining('5000 ms'),
      Namespace: 'AWS/SageMaker',
      MetricName: 'ModelLatency',
      Dimensions: DIMENSIONS,
      Statistic: 'Average',
      Period: 60,
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 5_000_000,
      EvaluationPeriods: 1,
      DatapointsToAlarm: 1,
      TreatMissingData: 'notBreaching',
      Tags: TAGS
    })
    expect(latency?.threshold).toBe(5000)
    expect(latency?.watches).toBe('ModelLatency average > 5000 ms over 1 min')
  })

  it.each([
    [1, 1000],
    [0.5, 500],
    [250, 250_000],
    [3_600_000, 3_600_000_000]
  ])('converts %d ms to %d microseconds', (ms, micros) => {
    const [, alarm] = labAlarms('ep', 'v', 1, ms, [])
    expect(alarm?.request['Threshold']).toBe(micros)
  })

  it('uses the given threshold, variant and tags, as plain JSON', () => {
    const [rate] = labAlarms('ep', 'blue', 2.5, 100, [])
    expect(rate?.request['Threshold']).toBe(2.5)
    expect(rate?.watches).toBe('5XX error rate > 2.5 % of invocations over 1 min')
    expect(JSON.stringify(rate?.request)).toContain('{"Name":"VariantName","Value":"blue"}')
    expect(rate?.request['Tags']).toEqual([])
    expect(JSON.parse(JSON.stringify(rate?.request))).toEqual(rate?.request)
  })

  it('states each threshold with its unit for the summary', () => {
    const [rate, latency] = labAlarms('ep', 'AllTraffic', 2.5, 750, [])
    expect(rate?.thresholdText).toBe('> 2.5 %')
    expect(latency?.thresholdText).toBe('> 750 ms')
    // The request keeps CloudWatch's units: percent as is, latency in microseconds.
    expect(latency?.request['Threshold']).toBe(750_000)
  })
})

describe('alarmUpToDate', () => {
  const [rate, latency] = labAlarms('ep', 'AllTraffic', 1, 5000, [{ Key: 'k', Value: 'v' }])

  // As DescribeAlarms answers: every field the request set, plus the service's own.
  const described = (request: Record<string, unknown>) => ({
    ...request,
    Tags: undefined,
    AlarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:x',
    StateValue: 'OK',
    ActionsEnabled: true,
    Dimensions: Array.isArray(request['Dimensions'])
      ? [...(request['Dimensions'] as unknown[])].reverse()
      : undefined
  })

  it('is up to date when every field PutMetricAlarm would write matches (dimension order aside)', () => {
    expect(alarmUpToDate(described(rate!.request), rate!.request)).toBe(true)
    expect(alarmUpToDate(described(latency!.request), latency!.request)).toBe(true)
  })

  it('is not when any written field differs, or the alarm does not exist', () => {
    expect(alarmUpToDate({ ...described(rate!.request), Threshold: 2 }, rate!.request)).toBe(false)
    const metrics = (rate!.request['Metrics'] as Record<string, unknown>[]).slice(0, 2)
    expect(alarmUpToDate({ ...described(rate!.request), Metrics: metrics }, rate!.request)).toBe(
      false
    )
    expect(
      alarmUpToDate({ ...described(latency!.request), Dimensions: [] }, latency!.request)
    ).toBe(false)
    expect(alarmUpToDate(undefined, rate!.request)).toBe(false)
  })
})
