// How CloudWatch decides an alarm's state, rule by rule, each with its source.
import { describe, it, expect, beforeEach, afterEach } from '@jest/globals'
import { DescribeAlarmsCommand, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch'
import { decide, evaluationRange } from '../../emulator/alarms.js'
import { ENDPOINT, liveEndpointA, startLab, stopLab, type Lab } from './helpers.js'

// CloudWatch User Guide, "How alarm state is evaluated when data is missing" (alarm evaluation):
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/alarms-and-missing-data.html
// (also awsdocs/amazon-cloudwatch-user-guide, doc_source/AlarmThatSendsEmail.md). Its tables
// write the evaluation range oldest first: 0 = not breaching, X = breaching, - = missing.
const TREATMENTS = ['missing', 'ignore', 'breaching', 'notBreaching'] as const
type Outcome = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA' | 'retain'

function outcomes(row: string, datapointsToAlarm: number): Outcome[] {
  const range = row
    .split(' ')
    .map((c, i) => ({ start: i * 60_000, value: c === 'X' ? 5 : c === '0' ? 0 : undefined }))
    .reverse() // newest first
  return TREATMENTS.map(treatMissingData => {
    const decision = decide(
      {
        evaluationPeriods: 3,
        datapointsToAlarm,
        comparison: 'GreaterThanThreshold',
        threshold: 1,
        treatMissingData,
        state: 'OK'
      },
      range
    )
    return decision === undefined ? 'retain' : decision.state
  })
}

describe('the evaluation range and missing data (User Guide tables)', () => {
  it('retrieves more periods than EvaluationPeriods: 5 for 3, as in the guide', () => {
    expect(evaluationRange(3)).toBe(5)
  })

  it('3 out of 3: every row of the first table', () => {
    expect(outcomes('0 - X - X', 3)).toEqual(['OK', 'OK', 'OK', 'OK'])
    expect(outcomes('0 - - - -', 3)).toEqual(['OK', 'OK', 'OK', 'OK'])
    expect(outcomes('- - - - -', 3)).toEqual(['INSUFFICIENT_DATA', 'retain', 'ALARM', 'OK'])
    // Enough real datapoints: the newest real ones decide, TreatMissingData does not apply.
    expect(outcomes('0 X X - X', 3)).toEqual(['ALARM', 'ALARM', 'ALARM', 'ALARM'])
    expect(outcomes('- - - - X', 3)).toEqual(['INSUFFICIENT_DATA', 'retain', 'ALARM', 'OK'])
    // The guide's last row gives ALARM for "missing" where its other two rows with one lone
    // breaching datapoint give INSUFFICIENT_DATA; the emulator follows those two.
    expect(outcomes('X - - - -', 3)).toEqual(['INSUFFICIENT_DATA', 'retain', 'ALARM', 'OK'])
  })

  it('2 out of 3 (M out of N): every row of the second table', () => {
    expect(outcomes('0 - X - X', 2)).toEqual(['ALARM', 'ALARM', 'ALARM', 'ALARM'])
    expect(outcomes('0 0 X 0 X', 2)).toEqual(['ALARM', 'ALARM', 'ALARM', 'ALARM'])
    expect(outcomes('0 - X - -', 2)).toEqual(['OK', 'OK', 'ALARM', 'OK'])
    expect(outcomes('- - - - 0', 2)).toEqual(['OK', 'OK', 'ALARM', 'OK'])
    expect(outcomes('- - - - X', 2)).toEqual(['INSUFFICIENT_DATA', 'retain', 'ALARM', 'OK'])
  })

  it('the newest datapoints missing: older real ones are used, notBreaching does not apply', () => {
    // One period alarm, the newest minute not arrived yet, the one before breaching.
    const decision = decide(
      {
        evaluationPeriods: 1,
        datapointsToAlarm: 1,
        comparison: 'GreaterThanThreshold',
        threshold: 1,
        treatMissingData: 'notBreaching',
        state: 'OK'
      },
      [
        { start: 120_000, value: undefined },
        { start: 60_000, value: 5 },
        { start: 0, value: 0 }
      ]
    )
    expect(decision?.state).toBe('ALARM')
    expect(decision?.evaluated).toEqual([{ start: 60_000, value: 5 }])
  })
})

describe('evaluation on the clock (emulator, timeScale 0)', () => {
  let lab: Lab
  beforeEach(async () => {
    lab = await startLab()
  })
  afterEach(async () => {
    await stopLab(lab)
  })

  const state = async (name: string) =>
    (await lab.cw.send(new DescribeAlarmsCommand({ AlarmNames: [name] }))).MetricAlarms?.[0]

  const errorRateAlarm = (name: string, period: number) =>
    lab.cw.send(
      new PutMetricAlarmCommand({
        AlarmName: name,
        Namespace: 'AWS/SageMaker',
        MetricName: 'Invocation5XXErrors',
        Dimensions: [
          { Name: 'EndpointName', Value: ENDPOINT },
          { Name: 'VariantName', Value: 'AllTraffic' }
        ],
        Statistic: 'Average',
        Period: period,
        EvaluationPeriods: 1,
        Threshold: 0.1,
        ComparisonOperator: 'GreaterThanThreshold',
        TreatMissingData: 'notBreaching'
      })
    )

  /** Moves the clock to `seconds` past the next whole minute. */
  const toMinute = (seconds: number): number => {
    const boundary = Math.ceil(lab.emu.now() / 60_000) * 60_000
    lab.emu.advance((boundary - lab.emu.now()) / 1000 + seconds)
    return boundary
  }

  // A standard-resolution alarm "evaluates the metric every minute" (AWS knowledge center,
  // https://repost.aws/knowledge-center/cloudwatch-trigger-metric); the window slides with each
  // evaluation (SlidingWindow is the default: https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/alarm-evaluation-window.html).
  it('a 5-minute alarm is evaluated every minute over a sliding window, not every 5 minutes', async () => {
    lab.emu.setScenario({ metricDelaySeconds: 0 })
    await liveEndpointA(lab)
    await errorRateAlarm('five-minutes', 300)
    // Move to a minute that is not a multiple of 5, then make the model fail.
    toMinute(1)
    while (Math.floor(lab.emu.now() / 60_000) % 5 !== 1) lab.emu.advance(60)
    lab.emu.setScenario({ models: { 's3://lab-models/model-a/model.tar.gz': { errorRate: 0.9 } } })
    // One failing minute makes the 5-minute average 18 %: above 10 % at the next minute already.
    lab.emu.advance(60)
    const fired = await state('five-minutes')
    expect(fired?.StateValue).toBe('ALARM')
    expect(Math.floor(fired!.StateUpdatedTimestamp!.getTime() / 60_000) % 5).not.toBe(0)
  })

  // "CloudWatch alarms evaluate metrics based on data points available at a specific moment"
  // (knowledge center, cloudwatch-trigger-metric): SageMaker's per-minute datapoints arrive late.
  it('late data: a breaching minute is not seen at its end, but minutes later', async () => {
    lab.emu.setScenario({ metricDelaySeconds: 180 })
    await liveEndpointA(lab)
    await errorRateAlarm('one-minute', 60)
    const minute = toMinute(0)
    lab.emu.setScenario({ models: { 's3://lab-models/model-a/model.tar.gz': { errorRate: 0.9 } } })
    lab.emu.advance(60) // the end of the first failing minute: none of it has arrived
    expect((await state('one-minute'))?.StateValue).not.toBe('ALARM')
    lab.emu.advance(180) // by now the whole minute has arrived
    const fired = await state('one-minute')
    expect(fired?.StateValue).toBe('ALARM')
    const firedAt = fired!.StateUpdatedTimestamp!.getTime()
    expect(firedAt).toBeGreaterThan(minute + 60_000)
    expect(firedAt).toBeLessThanOrEqual(minute + 60_000 + 180_000)
  })

  it('metricDelaySeconds 0: the breaching minute is evaluated at its end (exact)', async () => {
    lab.emu.setScenario({ metricDelaySeconds: 0 })
    await liveEndpointA(lab)
    await errorRateAlarm('one-minute', 60)
    const minute = toMinute(0)
    lab.emu.setScenario({ models: { 's3://lab-models/model-a/model.tar.gz': { errorRate: 0.9 } } })
    lab.emu.advance(60)
    const fired = await state('one-minute')
    expect(fired?.StateValue).toBe('ALARM')
    expect(fired!.StateUpdatedTimestamp!.getTime()).toBe(minute + 60_000)
  })

  // "CloudWatch alarms may repeatedly re-evaluate the last set of data points for a period of
  // time after the metric has stopped flowing" (the guide's note on the evaluation range).
  it('after traffic stops, the last real datapoints keep deciding until they leave the range', async () => {
    lab.emu.setScenario({ metricDelaySeconds: 0 })
    await liveEndpointA(lab)
    await errorRateAlarm('one-minute', 60)
    toMinute(0)
    lab.emu.setScenario({
      models: { 's3://lab-models/model-a/model.tar.gz': { errorRate: 0.9 } }
    })
    lab.emu.advance(60)
    expect((await state('one-minute'))?.StateValue).toBe('ALARM')
    lab.emu.setScenario({ trafficPerMinute: 0 })
    lab.emu.advance(120) // two empty minutes: the breaching one is still in the 3-period range
    expect((await state('one-minute'))?.StateValue).toBe('ALARM')
    lab.emu.advance(60) // now out of range: no datapoint at all, notBreaching applies
    const ok = await state('one-minute')
    expect(ok?.StateValue).toBe('OK')
    expect(ok?.StateReason).toMatch(/treated as \[NonBreaching\]/)
  })
})
