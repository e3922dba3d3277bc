// Invocation metrics every 10 or 30 s (MetricsConfig: EnableEnhancedMetrics with
// MetricPublishFrequencyInSeconds) and the alarms that read them: datapoints at the config's
// resolution, high-resolution alarms evaluated every 10 s, and the alarm the action creates with
// metrics-resolution: 10 firing sooner than the one-minute one on the same failing model, where
// a 10 s alarm of one period never sees the late data.
import { afterEach, describe, expect, it } from '@jest/globals'
import {
  DescribeAlarmHistoryCommand,
  DescribeAlarmsCommand,
  GetMetricDataCommand,
  PutMetricAlarmCommand,
  type PutMetricAlarmCommandInput
} from '@aws-sdk/client-cloudwatch'
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  type MetricsConfig
} from '@aws-sdk/client-sagemaker'
import { createdAlarmPeriods, labAlarms } from '../../src/guard/alarms.js'
import { DEFAULT_SCENARIO } from '../../emulator/index.js'
import { createModel, ENDPOINT, MODEL_A, startLab, stopLab, type Lab } from './helpers.js'

let lab: Lab | undefined
afterEach(async () => {
  await stopLab(lab)
  lab = undefined
})

const ENHANCED_10: MetricsConfig = {
  EnableEnhancedMetrics: true,
  MetricPublishFrequencyInSeconds: 10
}
const DIMENSIONS = [
  { Name: 'EndpointName', Value: ENDPOINT },
  { Name: 'VariantName', Value: 'AllTraffic' }
]

/** Model A live on a config with `metrics` (none: undefined), from a whole minute on. */
async function live(metrics: MetricsConfig | undefined, metricDelaySeconds: number): Promise<Lab> {
  const started = await startLab()
  lab = started
  started.emu.setScenario({ metricDelaySeconds })
  await createModel(started, 'model-a', MODEL_A)
  await started.sm.send(
    new CreateEndpointConfigCommand({
      EndpointConfigName: 'cfg-a',
      ProductionVariants: [
        {
          VariantName: 'AllTraffic',
          ModelName: 'model-a',
          InitialInstanceCount: 2,
          InstanceType: 'ml.m5.large'
        }
      ],
      ...(metrics ? { MetricsConfig: metrics } : {})
    })
  )
  await started.sm.send(
    new CreateEndpointCommand({ EndpointName: ENDPOINT, EndpointConfigName: 'cfg-a' })
  )
  started.emu.advance(DEFAULT_SCENARIO.creationSeconds)
  const minute = Math.ceil(started.emu.now() / 60_000) * 60_000
  started.emu.advance((minute - started.emu.now()) / 1000)
  return started
}

/** One whole minute of `metric` (Sum), by `period`: the datapoints' offsets and values. */
async function minuteOf(
  started: Lab,
  namespace: string,
  metricName: string,
  period: number
): Promise<[number, number][]> {
  const start = Math.floor(started.emu.now() / 60_000) * 60_000
  started.emu.advance(60)
  const data = await started.cw.send(
    new GetMetricDataCommand({
      StartTime: new Date(start),
      EndTime: new Date(start + 60_000),
      ScanBy: 'TimestampAscending',
      MetricDataQueries: [
        {
          Id: 'm',
          MetricStat: {
            Metric: { Namespace: namespace, MetricName: metricName, Dimensions: DIMENSIONS },
            Period: period,
            Stat: 'Sum'
          }
        }
      ]
    })
  )
  const result = data.MetricDataResults?.[0]
  return (result?.Timestamps ?? []).map((t, i) => [
    (t.getTime() - start) / 1000,
    result?.Values?.[i] ?? NaN
  ])
}

const offsets = (points: [number, number][]) => points.map(([offset]) => offset)

describe('invocation metrics at the config resolution', () => {
  it('enhanced metrics every 10 s: six datapoints a minute, the minute split among them', async () => {
    const started = await live(ENHANCED_10, 0)
    const points = await minuteOf(started, 'AWS/SageMaker', 'Invocations', 10)
    expect(offsets(points)).toEqual([0, 10, 20, 30, 40, 50])
    // 600 requests a minute: 100 in each 10 s.
    expect(points.map(([, v]) => v)).toEqual([100, 100, 100, 100, 100, 100])
    // The same data read by the minute adds up.
    expect(await minuteOf(started, 'AWS/SageMaker', 'Invocations', 60)).toEqual([[0, 600]])
  })

  it('every 30 s: two datapoints a minute', async () => {
    const started = await live(
      { EnableEnhancedMetrics: true, MetricPublishFrequencyInSeconds: 30 },
      0
    )
    const points = await minuteOf(started, 'AWS/SageMaker', 'Invocations', 10)
    expect(points).toEqual([
      [0, 300],
      [30, 300]
    ])
  })

  it('no MetricsConfig: one datapoint a minute, found by a 10 s period only where it starts', async () => {
    const started = await live(undefined, 0)
    expect(await minuteOf(started, 'AWS/SageMaker', 'Invocations', 10)).toEqual([[0, 600]])
  })

  it('a 10 s frequency without enhanced metrics: utilization every 10 s, invocations every minute', async () => {
    const started = await live({ MetricPublishFrequencyInSeconds: 10 }, 0)
    expect(offsets(await minuteOf(started, 'AWS/SageMaker', 'Invocations', 10))).toEqual([0])
    expect(
      offsets(await minuteOf(started, '/aws/sagemaker/Endpoints', 'CPUUtilization', 10))
    ).toEqual([0, 10, 20, 30, 40, 50])
  })
})

/** A single-metric 5XX alarm on the variant: `period` seconds, `evaluationPeriods` of them. */
function fiveXxAlarm(
  name: string,
  period: number,
  evaluationPeriods: number,
  treatMissingData = 'notBreaching'
): PutMetricAlarmCommandInput {
  return {
    AlarmName: name,
    Namespace: 'AWS/SageMaker',
    MetricName: 'Invocation5XXErrors',
    Dimensions: DIMENSIONS,
    Statistic: 'Sum',
    Period: period,
    EvaluationPeriods: evaluationPeriods,
    DatapointsToAlarm: 1,
    Threshold: 0,
    ComparisonOperator: 'GreaterThanThreshold',
    TreatMissingData: treatMissingData
  }
}

/** Each state an alarm went to, with its offset (s) from `from`, oldest first. */
async function transitions(started: Lab, name: string, from: number): Promise<[string, number][]> {
  const history = await started.cw.send(
    new DescribeAlarmHistoryCommand({ AlarmName: name, HistoryItemType: 'StateUpdate' })
  )
  return (history.AlarmHistoryItems ?? [])
    .map(item => {
      const data = JSON.parse(item.HistoryData ?? '{}') as { newState?: { stateValue?: string } }
      return [data.newState?.stateValue ?? '?', (item.Timestamp!.getTime() - from) / 1000] as [
        string,
        number
      ]
    })
    .sort((a, b) => a[1] - b[1])
}

describe('high-resolution alarms', () => {
  it('are evaluated every 10 s; on one-minute data a 10 s alarm often lapses into INSUFFICIENT_DATA', async () => {
    const started = await live(undefined, 0)
    await started.cw.send(new PutMetricAlarmCommand(fiveXxAlarm('ten', 10, 1, 'missing')))
    const from = started.emu.now()
    started.emu.setScenario({ models: { [MODEL_A]: { errorRate: 0.2 } } })
    started.emu.advance(120)
    // The minute's datapoint is in a 30 s range (3 periods) for 30 s of each minute.
    expect(await transitions(started, 'ten', from)).toEqual([
      ['ALARM', 10],
      ['INSUFFICIENT_DATA', 40],
      ['ALARM', 70],
      ['INSUFFICIENT_DATA', 100]
    ])
  })

  it('one period of 10 s never sees data that arrives a minute late or more', async () => {
    const started = await live(ENHANCED_10, 180)
    await started.cw.send(new PutMetricAlarmCommand(fiveXxAlarm('ten', 10, 1)))
    started.emu.setScenario({ models: { [MODEL_A]: { errorRate: 0.2 } } })
    started.emu.advance(600)
    const alarms = await started.cw.send(new DescribeAlarmsCommand({ AlarmNames: ['ten'] }))
    expect(alarms.MetricAlarms?.[0]?.StateValue).toBe('OK')
  })

  it("the action's 10 s alarms fire before its one-minute alarms on the same failing model", async () => {
    const started = await live(ENHANCED_10, DEFAULT_SCENARIO.metricDelaySeconds)
    const delay = DEFAULT_SCENARIO.metricDelaySeconds
    const named = (suffix: string, periods = createdAlarmPeriods(undefined, delay)) =>
      labAlarms(ENDPOINT, 'AllTraffic', 1, 5000, [], periods).map(a => ({
        ...a.request,
        AlarmName: `${a.name}-${suffix}`
      }))
    const alarms = [...named('60s'), ...named('10s', createdAlarmPeriods(10, delay))]
    for (const alarm of alarms) {
      await started.cw.send(new PutMetricAlarmCommand(alarm as PutMetricAlarmCommandInput))
    }
    // From 5 s past a whole minute: their first results arrive just after the next one, and the
    // one-minute alarms see them at the minute after that.
    const from = started.emu.now()
    started.emu.advance(5)
    started.emu.setScenario({ models: { [MODEL_A]: { errorRate: 0.2 } } })
    started.emu.advance(600)
    const fired = async (name: string) =>
      (await transitions(started, name, from)).find(([state]) => state === 'ALARM')?.[1]
    const fast = await fired(`${ENDPOINT}-5xx-rate-10s`)
    const slow = await fired(`${ENDPOINT}-5xx-rate-60s`)
    expect(fast).toBeDefined()
    expect(slow).toBeDefined()
    expect(fast!).toBeLessThan(slow!)
    // Each on its own evaluation boundary, once the first results arrived (a third of the delay).
    expect(fast! % 10).toBe(0)
    expect(slow! % 60).toBe(0)
    expect(fast!).toBeGreaterThan(5 + delay / 3)
    // Within its detection time (period + metric-delay + evaluation), as the action plans.
    expect(fast! - 5).toBeLessThanOrEqual(10 + delay + 10)
  })
})
