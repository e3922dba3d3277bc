import { beforeEach, describe, it, expect } from '@jest/globals'
import type { AlarmSpec } from '../../src/types.js'
import {
  alarmUpToDate,
  componentAlarms,
  createdAlarmPeriods,
  labAlarms
} from '../../src/guard/alarms.js'
import { alarmTiming, detectionSeconds } from '../../src/guard/detection.js'

const TAGS = [{ Key: 'team', Value: 'ml' }]
const DIMENSIONS = [
  { Name: 'EndpointName', Value: 'lab-endpoint' },
  { Name: 'VariantName', Value: 'AllTraffic' }
]

/** The error rate's metric math after its four metrics (5XX, 4XX, model errors, invocations). */
const ERROR_RATE_MATH = [
  {
    Id: 'model_failed',
    Expression: 'FILL(model_errors, 0) - FILL(errors4xx, 0)',
    Label: 'Model errors other than 4XX',
    ReturnData: false
  },
  {
    Id: 'failed',
    Expression: 'IF(errors5xx > model_failed, errors5xx, model_failed)',
    Label: 'Failed invocations (5XX, timeouts, model errors)',
    ReturnData: false
  },
  {
    Id: 'rate',
    Expression: 'IF(invocations > 0, 100 * failed / invocations, 0)',
    Label: 'Error rate % (5XX, timeouts, model errors)',
    ReturnData: true
  }
]

describe('labAlarms', () => {
  // Built inside each test, so that a mutation test counts the test as covering them.
  let errorRate: AlarmSpec | undefined
  let latency: AlarmSpec | undefined
  beforeEach(() => {
    ;[errorRate, latency] = labAlarms('lab-endpoint', 'AllTraffic', 1, 5000, TAGS)
  })

  it('returns the error-rate and the latency alarm', () => {
    expect(errorRate?.name).toBe('lab-endpoint-5xx-rate')
    expect(latency?.name).toBe('lab-endpoint-model-latency')
  })

  it('builds the exact metric-math PutMetricAlarm request for the error rate', () => {
    const metric = (Id: string, MetricName: string) => ({
      Id,
      MetricStat: {
        Metric: { Namespace: 'AWS/SageMaker', MetricName, Dimensions: DIMENSIONS },
        Period: 60,
        Stat: 'Sum'
      },
      ReturnData: false
    })
    expect(errorRate?.request).toEqual({
      AlarmName: 'lab-endpoint-5xx-rate',
      AlarmDescription:
        'Rolls back a blue/green deployment of SageMaker endpoint lab-endpoint (variant AllTraffic) when more than 1 % of invocations fail in a minute: 5XX, timeouts, socket errors or malformed answers (not 4XX).',
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 1,
      EvaluationPeriods: 1,
      DatapointsToAlarm: 1,
      TreatMissingData: 'notBreaching',
      Metrics: [
        metric('errors5xx', 'Invocation5XXErrors'),
        metric('errors4xx', 'Invocation4XXErrors'),
        metric('model_errors', 'InvocationModelErrors'),
        metric('invocations', 'Invocations'),
        ...ERROR_RATE_MATH
      ],
      Tags: TAGS
    })
    expect(errorRate?.threshold).toBe(1)
    expect(errorRate?.watches).toBe(
      'Error rate (5XX, timeouts, model errors) > 1 % of invocations over 1 min'
    )
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
      AlarmDescription:
        'Rolls back a blue/green deployment of SageMaker endpoint lab-endpoint (variant AllTraffic) when the average ModelLatency over a minute exceeds 5000 ms.',
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
    expect(rate?.watches).toBe(
      'Error rate (5XX, timeouts, model errors) > 2.5 % of invocations over 1 min'
    )
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

describe('labAlarms with metrics-resolution', () => {
  it.each([
    [undefined, 180, { periodSeconds: 60, evaluationPeriods: 1 }],
    [60, 180, { periodSeconds: 60, evaluationPeriods: 1 }],
    // Enough periods to reach a datapoint metric-delay late, and one more.
    [30, 180, { periodSeconds: 30, evaluationPeriods: 7 }],
    [10, 180, { periodSeconds: 10, evaluationPeriods: 19 }],
    [10, 0, { periodSeconds: 10, evaluationPeriods: 1 }],
    [10, 45, { periodSeconds: 10, evaluationPeriods: 6 }],
    [30, 900, { periodSeconds: 30, evaluationPeriods: 31 }]
  ] as const)('%s s with metric-delay %i: %j', (resolution, delay, periods) => {
    expect(createdAlarmPeriods(resolution, delay)).toEqual(periods)
  })

  it('10 s: every metric and the latency alarm at 10 s, 1 out of 19, said so', () => {
    const [rate, latency] = labAlarms(
      'lab-endpoint',
      'AllTraffic',
      1,
      5000,
      TAGS,
      createdAlarmPeriods(10, 180)
    )
    const metrics = rate?.request['Metrics'] as { MetricStat?: { Period: number } }[]
    expect(metrics.flatMap(m => (m.MetricStat ? [m.MetricStat.Period] : []))).toEqual([
      10, 10, 10, 10
    ])
    expect(rate?.request).toMatchObject({ EvaluationPeriods: 19, DatapointsToAlarm: 1 })
    expect(latency?.request).toMatchObject({
      Period: 10,
      EvaluationPeriods: 19,
      DatapointsToAlarm: 1
    })
    expect(rate?.watches).toBe(
      'Error rate (5XX, timeouts, model errors) > 1 % of invocations over 10 s (any of the last 19 periods)'
    )
    expect(latency?.watches).toBe(
      'ModelLatency average > 5000 ms over 10 s (any of the last 19 periods)'
    )
    expect(rate?.request['AlarmDescription']).toBe(
      'Rolls back a blue/green deployment of SageMaker endpoint lab-endpoint (variant AllTraffic) when more than 1 % of invocations fail in any 10 s: 5XX, timeouts, socket errors or malformed answers (not 4XX).'
    )
    expect(latency?.request['AlarmDescription']).toBe(
      'Rolls back a blue/green deployment of SageMaker endpoint lab-endpoint (variant AllTraffic) when the average ModelLatency over any 10 s exceeds 5000 ms.'
    )
  })

  it('the default is the one-minute alarm, word for word', () => {
    expect(labAlarms('ep', 'v', 1, 5000, TAGS, createdAlarmPeriods(undefined, 180))).toEqual(
      labAlarms('ep', 'v', 1, 5000, TAGS)
    )
    expect(labAlarms('ep', 'v', 1, 5000, TAGS, createdAlarmPeriods(60, 180))).toEqual(
      labAlarms('ep', 'v', 1, 5000, TAGS)
    )
  })

  it.each([
    [undefined, 300],
    [60, 300],
    [30, 220],
    [10, 200]
  ] as const)(
    '%s s: each alarm as sent takes %i s to detect (default metric-delay)',
    (resolution, seconds) => {
      for (const alarm of labAlarms('ep', 'v', 1, 5000, [], createdAlarmPeriods(resolution, 180))) {
        expect(detectionSeconds(alarmTiming(alarm.request, 180))).toBe(seconds)
      }
    }
  )
})

describe('componentAlarms', () => {
  it('watches the inference component by its own dimension and names it in the descriptions', () => {
    const [rate, latency] = componentAlarms('lab-ic', 'lab-endpoint', 2, 300, TAGS)
    const dimensions = [{ Name: 'InferenceComponentName', Value: 'lab-ic' }]
    const metric = (Id: string, MetricName: string) => ({
      Id,
      MetricStat: {
        Metric: { Namespace: 'AWS/SageMaker', MetricName, Dimensions: dimensions },
        Period: 60,
        Stat: 'Sum'
      },
      ReturnData: false
    })
    expect(rate).toEqual({
      name: 'lab-ic-5xx-rate',
      watches: 'Error rate (5XX, timeouts, model errors) > 2 % of invocations over 1 min',
      threshold: 2,
      thresholdText: '> 2 %',
      request: {
        AlarmName: 'lab-ic-5xx-rate',
        AlarmDescription:
          'Rolls back a rolling update of inference component lab-ic (endpoint lab-endpoint) when more than 2 % of invocations fail in a minute: 5XX, timeouts, socket errors or malformed answers (not 4XX).',
        ComparisonOperator: 'GreaterThanThreshold',
        Threshold: 2,
        EvaluationPeriods: 1,
        DatapointsToAlarm: 1,
        TreatMissingData: 'notBreaching',
        Metrics: [
          metric('errors5xx', 'Invocation5XXErrors'),
          metric('errors4xx', 'Invocation4XXErrors'),
          metric('model_errors', 'InvocationModelErrors'),
          metric('invocations', 'Invocations'),
          ...ERROR_RATE_MATH
        ],
        Tags: TAGS
      }
    })
    expect(latency).toEqual({
      name: 'lab-ic-model-latency',
      watches: 'ModelLatency average > 300 ms over 1 min',
      threshold: 300,
      thresholdText: '> 300 ms',
      request: {
        AlarmName: 'lab-ic-model-latency',
        AlarmDescription:
          'Rolls back a rolling update of inference component lab-ic (endpoint lab-endpoint) when the average ModelLatency over a minute exceeds 300 ms.',
        Namespace: 'AWS/SageMaker',
        MetricName: 'ModelLatency',
        Dimensions: dimensions,
        Statistic: 'Average',
        Period: 60,
        ComparisonOperator: 'GreaterThanThreshold',
        Threshold: 300_000,
        EvaluationPeriods: 1,
        DatapointsToAlarm: 1,
        TreatMissingData: 'notBreaching',
        Tags: TAGS
      }
    })
  })

  it('sends only the Key and Value of each tag', () => {
    const extra = [{ Key: 'team', Value: 'ml', note: 'not for CloudWatch' }]
    for (const alarm of componentAlarms('ic', 'ep', 1, 100, extra)) {
      expect(alarm.request['Tags']).toEqual([{ Key: 'team', Value: 'ml' }])
    }
  })
})

describe('alarmUpToDate', () => {
  let rate: AlarmSpec | undefined
  let latency: AlarmSpec | undefined
  beforeEach(() => {
    ;[rate, latency] = labAlarms('ep', 'AllTraffic', 1, 5000, [{ Key: 'k', Value: 'v' }])
  })

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

  it('is not when the alarm has the earlier 5XX-only definition, or another expression', () => {
    const metrics = rate!.request['Metrics'] as Record<string, unknown>[]
    const stat = (metrics[0] as { MetricStat: { Metric: Record<string, unknown> } }).MetricStat
    const metric = (Id: string, MetricName: string) => ({
      Id,
      MetricStat: { ...stat, Metric: { ...stat.Metric, MetricName } },
      ReturnData: false
    })
    // As the action created it before it counted model errors.
    const earlier = [
      metric('errors', 'Invocation5XXErrors'),
      metric('invocations', 'Invocations'),
      {
        Id: 'rate',
        Expression: 'IF(invocations > 0, 100 * errors / invocations, 0)',
        Label: '5XX error rate (%)',
        ReturnData: true
      }
    ]
    expect(alarmUpToDate({ ...described(rate!.request), Metrics: earlier }, rate!.request)).toBe(
      false
    )
    // The same ids and length, one expression changed: still written again.
    const changed = metrics.map(m => (m['Id'] === 'failed' ? { ...m, Expression: 'errors5xx' } : m))
    expect(alarmUpToDate({ ...described(rate!.request), Metrics: changed }, rate!.request)).toBe(
      false
    )
  })

  it('is not when the alarm is not an object, or lacks a part the request sets', () => {
    expect(alarmUpToDate(null, rate!.request)).toBe(false)
    expect(alarmUpToDate('ep-5xx-rate', rate!.request)).toBe(false)
    // A metric-math alarm read back has no Dimensions; a metric without its MetricStat.
    const { Dimensions, ...noDimensions } = described(latency!.request)
    void Dimensions
    expect(alarmUpToDate(noDimensions, latency!.request)).toBe(false)
    const metrics = rate!.request['Metrics'] as Record<string, unknown>[]
    for (const MetricStat of [undefined, null, 'Sum']) {
      const changed = [{ ...metrics[0], MetricStat }, ...metrics.slice(1)]
      expect(alarmUpToDate({ ...described(rate!.request), Metrics: changed }, rate!.request)).toBe(
        false
      )
    }
  })

  it('is not when the alarm watches another variant, or one dimension more', () => {
    const read = described(latency!.request)
    expect(
      alarmUpToDate(
        {
          ...read,
          Dimensions: [
            { Name: 'VariantName', Value: 'Canary' },
            { Name: 'EndpointName', Value: 'ep' }
          ]
        },
        latency!.request
      )
    ).toBe(false)
    expect(
      alarmUpToDate(
        {
          ...read,
          Dimensions: [
            { Name: 'VariantName', Value: 'AllTraffic' },
            { Name: 'EndpointName', Value: 'ep' },
            { Name: 'Zone', Value: 'a' }
          ]
        },
        latency!.request
      )
    ).toBe(false)
  })
})
