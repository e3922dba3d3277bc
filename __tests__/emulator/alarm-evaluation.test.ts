// How CloudWatch decides an alarm's state, rule by rule, each with its source.
import { describe, it, expect, beforeEach, afterEach } from '@jest/globals'
import { DescribeAlarmsCommand, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch'
import { decide, evaluationRange } from '../../emulator/alarms.js'
import { ENDPOINT, liveEndpointA, startLab, stopLab, type Lab } from './helpers.js'

// CloudWatch User Guide, "Configuring how CloudWatch alarms treat missing data":
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/alarms-and-missing-data.html,
// sections "How alarm state is evaluated when data is missing" (its two tables) and "Avoiding
// premature transitions to alarm state" (awsdocs/amazon-cloudwatch-user-guide,
// doc_source/AlarmThatSendsEmail.md, held the same text before). Its rows show the evaluation
// range "with the most recent data point on the right": 0 = not breaching, X = breaching,
// - = missing. Each expectation lists MISSING, IGNORE, BREACHING, NOT BREACHING, as its columns.
const TREATMENTS = ['missing', 'ignore', 'breaching', 'notBreaching'] as const
type Outcome = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA' | 'retain'

const rangeOf = (row: string) =>
  row
    .split(' ')
    .map((c, i) => ({ start: i * 60_000, value: c === 'X' ? 5 : c === '0' ? 0 : undefined }))
    .reverse() // newest first

const alarmOf = (datapointsToAlarm: number, treatMissingData: string) => ({
  evaluationPeriods: 3,
  datapointsToAlarm,
  comparison: 'GreaterThanThreshold',
  threshold: 1,
  treatMissingData,
  state: 'OK' as const
})

function outcomes(row: string, datapointsToAlarm: number): Outcome[] {
  return TREATMENTS.map(treatMissingData => {
    const decision = decide(alarmOf(datapointsToAlarm, treatMissingData), rangeOf(row))
    return decision === undefined ? 'retain' : decision.state
  })
}

describe('the evaluation range and missing data (User Guide tables)', () => {
  it('retrieves more periods than EvaluationPeriods: 5 for 3, as in the guide', () => {
    expect(evaluationRange(3)).toBe(5)
  })

  it.each([
    ['0 - X - X', ['OK', 'OK', 'OK', 'OK']],
    ['0 - - - -', ['OK', 'OK', 'OK', 'OK']],
    ['- - - - -', ['INSUFFICIENT_DATA', 'retain', 'ALARM', 'OK']],
    // Enough real datapoints: the newest real ones decide, TreatMissingData does not apply.
    ['0 X X - X', ['ALARM', 'ALARM', 'ALARM', 'ALARM']],
    // Row 5, the premature alarm state: the breach is 3 periods old, nothing after it.
    ['- - X - -', ['ALARM', 'retain', 'ALARM', 'OK']]
  ])('3 out of 3, first table: %s', (row, expected) => {
    expect(outcomes(row, 3)).toEqual(expected)
  })

  it.each([
    ['0 - X - X', ['ALARM', 'ALARM', 'ALARM', 'ALARM']],
    ['0 0 X 0 X', ['ALARM', 'ALARM', 'ALARM', 'ALARM']],
    // The breach is old enough, but a non-breaching datapoint is in the range: no premature ALARM.
    ['0 - X - -', ['OK', 'OK', 'ALARM', 'OK']],
    ['- - - - 0', ['OK', 'OK', 'ALARM', 'OK']],
    // Row 5, the premature alarm state: the breach is 2 periods old, DatapointsToAlarm 2.
    ['- - - X -', ['ALARM', 'retain', 'ALARM', 'OK']]
  ])('2 out of 3 (M out of N), second table: %s', (row, expected) => {
    expect(outcomes(row, 2)).toEqual(expected)
  })

  // "the alarm does not go immediately into ALARM state when the data is either - - - - X or
  // - - - X - and Datapoints to Alarm is 3 ... when the next data point is non-breaching and
  // causes the data to be - - - X O or - - X - O" (the premature-transition section, which gives
  // the MISSING column only; the others follow the tables' rules).
  it.each([
    ['- - - - X', ['INSUFFICIENT_DATA', 'retain', 'ALARM', 'OK']],
    ['- - - X -', ['INSUFFICIENT_DATA', 'retain', 'ALARM', 'OK']],
    ['- - - X 0', ['OK', 'OK', 'OK', 'OK']],
    ['- - X - 0', ['OK', 'OK', 'OK', 'OK']]
  ])("3 out of 3, the section's rows that do not alarm: %s", (row, expected) => {
    expect(outcomes(row, 3)).toEqual(expected)
  })

  // The guide's earlier edition (awsdocs/amazon-cloudwatch-user-guide, AlarmThatSendsEmail.md at
  // 05fd32f) had these rows, same orientation: "X - - - -" goes to ALARM "even if missing data is
  // treated as missing, because the oldest evaluated data point is breaching and there aren't any
  // non-breaching data points".
  it.each([
    ['- - - - X', 3, ['INSUFFICIENT_DATA', 'retain', 'ALARM', 'OK']],
    ['X - - - -', 3, ['ALARM', 'retain', 'ALARM', 'OK']],
    ['- - - - X', 2, ['INSUFFICIENT_DATA', 'retain', 'ALARM', 'OK']]
  ])("the earlier edition's rows: %s, %i out of 3", (row, m, expected) => {
    expect(outcomes(row, m)).toEqual(expected)
  })

  it("a premature ALARM names the lone breaching datapoint, as CloudWatch's history does", () => {
    // A real history quoted in a public write-up: "1 out of the last 3 datapoints [0.0] was less
    // than the threshold (minimum 3 datapoints for OK -> ALARM transition)".
    const decision = decide(alarmOf(3, 'missing'), rangeOf('- - X - -'))
    expect(decision).toEqual({
      state: 'ALARM',
      reason:
        'Threshold Crossed: 1 out of the last 3 datapoints [5.0 (01/01/70 00:02:00)] was greater than the threshold (1.0) (minimum 3 datapoints for OK -> ALARM transition).',
      evaluated: [{ start: 120_000, value: 5 }]
    })
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

  // The premature-transition rule on the clock (the guide's earlier row "X - - - -"): a 3 out of 3
  // alarm that treats missing data as missing (the default) goes to ALARM on one breaching minute
  // once traffic stops and the good minutes before it have left the evaluation range.
  it('missing, 3 out of 3: one breaching minute, then silence, goes to ALARM once alone in range', async () => {
    lab.emu.setScenario({ metricDelaySeconds: 0 })
    await liveEndpointA(lab)
    await lab.cw.send(
      new PutMetricAlarmCommand({
        AlarmName: 'three-of-three',
        Namespace: 'AWS/SageMaker',
        MetricName: 'Invocation5XXErrors',
        Dimensions: [
          { Name: 'EndpointName', Value: ENDPOINT },
          { Name: 'VariantName', Value: 'AllTraffic' }
        ],
        Statistic: 'Average',
        Period: 60,
        EvaluationPeriods: 3,
        Threshold: 0.1,
        ComparisonOperator: 'GreaterThanThreshold'
      })
    )
    toMinute(0)
    lab.emu.advance(5 * 60) // five good minutes fill the range
    expect((await state('three-of-three'))?.StateValue).toBe('OK')
    lab.emu.setScenario({ models: { 's3://lab-models/model-a/model.tar.gz': { errorRate: 0.9 } } })
    lab.emu.advance(60)
    lab.emu.setScenario({ trafficPerMinute: 0 })
    lab.emu.advance(3 * 60) // "0 X - - -": a good minute is still in the range
    expect((await state('three-of-three'))?.StateValue).toBe('OK')
    lab.emu.advance(60) // "X - - - -": the breach alone in the range, 5 periods old
    const fired = await state('three-of-three')
    expect(fired?.StateValue).toBe('ALARM')
    expect(fired?.StateReason).toMatch(
      /^Threshold Crossed: 1 out of the last 3 datapoints \[0\.\d+ \(.*\)\] was greater than the threshold \(0\.1\) \(minimum 3 datapoints for OK -> ALARM transition\)\.$/
    )
    lab.emu.advance(60) // out of range: no datapoint at all
    expect((await state('three-of-three'))?.StateValue).toBe('INSUFFICIENT_DATA')
  })

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
