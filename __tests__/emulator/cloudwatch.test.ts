import { describe, it, expect, beforeEach, afterEach } from '@jest/globals'
import {
  DeleteAlarmsCommand,
  DescribeAlarmHistoryCommand,
  DescribeAlarmsCommand,
  GetMetricDataCommand,
  ListMetricsCommand,
  PutMetricAlarmCommand,
  SetAlarmStateCommand
} from '@aws-sdk/client-cloudwatch'
import {
  ENDPOINT,
  failure,
  liveEndpointA,
  putLabAlarms,
  startLab,
  stopLab,
  type Lab
} from './helpers.js'

let lab: Lab
beforeEach(async () => {
  lab = await startLab()
})
afterEach(async () => {
  await stopLab(lab)
})

const alarm = (name: string) =>
  lab.cw.send(new DescribeAlarmsCommand({ AlarmNames: [name] })).then(r => r.MetricAlarms?.[0])

describe('PutMetricAlarm and DescribeAlarms', () => {
  it('creates alarms in INSUFFICIENT_DATA and keeps state on update', async () => {
    const [rate, latency] = await putLabAlarms(lab)
    const created = await alarm(rate!)
    expect(created).toMatchObject({
      AlarmName: rate,
      AlarmArn: `arn:aws:cloudwatch:us-east-1:123456789012:alarm:${rate}`,
      StateValue: 'INSUFFICIENT_DATA',
      StateReason: 'Unchecked: Initial alarm creation',
      Threshold: 1,
      TreatMissingData: 'notBreaching'
    })
    expect(created?.Metrics?.[2]?.Expression).toBe(
      'IF(invocations > 0, 100 * errors / invocations, 0)'
    )
    expect(created?.StateUpdatedTimestamp).toBeInstanceOf(Date)
    expect((await alarm(latency!))?.Statistic).toBe('Average')
    await lab.cw.send(
      new SetAlarmStateCommand({ AlarmName: rate, StateValue: 'OK', StateReason: 'test' })
    )
    await putLabAlarms(lab)
    expect((await alarm(rate!))?.StateValue).toBe('OK')
    const some = await lab.cw.send(
      new DescribeAlarmsCommand({
        AlarmNames: [rate!, 'does-not-exist'],
        AlarmTypes: ['MetricAlarm']
      })
    )
    expect(some.MetricAlarms?.map(a => a.AlarmName)).toEqual([rate])
    const composite = await lab.cw.send(
      new DescribeAlarmsCommand({ AlarmNames: [rate!], AlarmTypes: ['CompositeAlarm'] })
    )
    expect(composite.MetricAlarms).toEqual([])
    const tooMany = await failure(
      lab.cw.send(
        new DescribeAlarmsCommand({ AlarmNames: Array.from({ length: 101 }, (_, i) => `a${i}`) })
      )
    )
    expect(tooMany.name).toBe('InvalidParameterValueException')
  })

  it('rejects invalid alarms with CloudWatch error shapes', async () => {
    const base = {
      AlarmName: 'x',
      EvaluationPeriods: 1,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanThreshold' as const
    }
    const stat = {
      Metric: {
        Namespace: 'AWS/SageMaker',
        MetricName: 'Invocations',
        Dimensions: [{ Name: 'EndpointName', Value: 'e' }]
      },
      Period: 60,
      Stat: 'Sum'
    }
    const both = await failure(
      lab.cw.send(
        new PutMetricAlarmCommand({
          ...base,
          Namespace: 'AWS/SageMaker',
          Metrics: [{ Id: 'm', MetricStat: stat, ReturnData: true }]
        })
      )
    )
    expect(both.name).toBe('InvalidParameterCombinationException')
    expect(both.message).toBe(
      'The parameters Namespace must not be specified together with Metrics.'
    )
    expect(both.$metadata?.httpStatusCode).toBe(400)
    const two = await failure(
      lab.cw.send(
        new PutMetricAlarmCommand({
          ...base,
          Metrics: [
            { Id: 'a', MetricStat: stat },
            { Id: 'b', MetricStat: stat }
          ]
        })
      )
    )
    expect(two.name).toBe('InvalidParameterValueException')
    expect(two.message).toBe('Exactly one element of the metrics list should return data.')
    const expression = await failure(
      lab.cw.send(
        new PutMetricAlarmCommand({
          ...base,
          Metrics: [
            { Id: 'a', MetricStat: stat, ReturnData: false },
            { Id: 'r', Expression: 'ANOMALY_DETECTION_BAND(a)', ReturnData: true }
          ]
        })
      )
    )
    expect(expression.name).toBe('InvalidParameterValueException')
    expect(expression.message).toBe(
      'Invalid metric math expression "ANOMALY_DETECTION_BAND(a)" (Id r): unsupported function ANOMALY_DETECTION_BAND.'
    )
    const unknownId = await failure(
      lab.cw.send(
        new PutMetricAlarmCommand({
          ...base,
          Metrics: [
            { Id: 'a', MetricStat: stat, ReturnData: false },
            { Id: 'r', Expression: 'a / b', ReturnData: true }
          ]
        })
      )
    )
    expect(unknownId.message).toBe(
      'Invalid metric math expression "a / b" (Id r): unknown metric id "b".'
    )
    const missing = await failure(
      lab.cw.send(
        new PutMetricAlarmCommand({
          ...base,
          Namespace: 'AWS/SageMaker',
          Period: 60,
          Statistic: 'Sum'
        })
      )
    )
    expect(missing.name).toBe('MissingRequiredParameterException')
    expect(missing.message).toBe('The parameter MetricName is required.')
    const datapoints = await failure(
      lab.cw.send(
        new PutMetricAlarmCommand({
          ...base,
          DatapointsToAlarm: 2,
          Namespace: 'N',
          MetricName: 'M',
          Period: 60,
          Statistic: 'Sum'
        })
      )
    )
    expect(datapoints.message).toBe(
      'DatapointsToAlarm must be less than or equal to EvaluationPeriods.'
    )
  })

  it('SetAlarmState, history and DeleteAlarms', async () => {
    const [rate] = await putLabAlarms(lab)
    await lab.cw.send(
      new SetAlarmStateCommand({
        AlarmName: rate,
        StateValue: 'ALARM',
        StateReason: 'manual test',
        StateReasonData: '{"x":1}'
      })
    )
    const state = await alarm(rate!)
    expect(state).toMatchObject({
      StateValue: 'ALARM',
      StateReason: 'manual test',
      StateReasonData: '{"x":1}'
    })
    const history = await lab.cw.send(
      new DescribeAlarmHistoryCommand({ AlarmName: rate, HistoryItemType: 'StateUpdate' })
    )
    expect(history.AlarmHistoryItems?.[0]?.HistorySummary).toBe(
      'Alarm updated from INSUFFICIENT_DATA to ALARM'
    )
    const data = JSON.parse(history.AlarmHistoryItems?.[0]?.HistoryData ?? '{}') as {
      oldState: { stateValue: string }
      newState: { stateValue: string }
    }
    expect(data.oldState.stateValue).toBe('INSUFFICIENT_DATA')
    expect(data.newState.stateValue).toBe('ALARM')
    const config = await lab.cw.send(
      new DescribeAlarmHistoryCommand({ AlarmName: rate, HistoryItemType: 'ConfigurationUpdate' })
    )
    expect(config.AlarmHistoryItems?.[0]?.HistorySummary).toBe(`Alarm "${rate}" created`)
    const unknown = await failure(
      lab.cw.send(
        new SetAlarmStateCommand({ AlarmName: 'ghost', StateValue: 'OK', StateReason: 'r' })
      )
    )
    expect(unknown.name).toBe('ResourceNotFound')
    expect(unknown.$metadata?.httpStatusCode).toBe(404)
    await lab.cw.send(new DeleteAlarmsCommand({ AlarmNames: [rate!] }))
    expect(await alarm(rate!)).toBeUndefined()
    const kept = await lab.cw.send(new DescribeAlarmHistoryCommand({ AlarmName: rate }))
    expect(kept.AlarmHistoryItems?.length).toBeGreaterThan(0)
  })
})

describe('alarm evaluation', () => {
  it('an idle endpoint with notBreaching goes OK; missing data goes INSUFFICIENT_DATA', async () => {
    const [rate] = await putLabAlarms(lab, 'idle-endpoint')
    await lab.cw.send(
      new PutMetricAlarmCommand({
        AlarmName: 'missing',
        Namespace: 'AWS/SageMaker',
        MetricName: 'Invocations',
        Dimensions: [{ Name: 'EndpointName', Value: 'idle-endpoint' }],
        Statistic: 'Sum',
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 1,
        ComparisonOperator: 'LessThanThreshold',
        TreatMissingData: 'breaching'
      })
    )
    lab.emu.advance(61)
    const ok = await alarm(rate!)
    expect(ok?.StateValue).toBe('OK')
    expect(ok?.StateReason).toBe(
      'Threshold Crossed: no datapoints were received for 1 period and 1 missing datapoint was treated as [NonBreaching].'
    )
    expect((await alarm('missing'))?.StateValue).toBe('ALARM')
  })

  it('metric math OK → ALARM when the model errors, with reason and history', async () => {
    const [rate, latency] = await liveEndpointA(lab)
    lab.emu.advance(61)
    expect((await alarm(rate!))?.StateValue).toBe('OK')
    expect((await alarm(latency!))?.StateValue).toBe('OK')
    lab.emu.setScenario({ models: { 's3://lab-models/model-a/model.tar.gz': { errorRate: 0.5 } } })
    lab.emu.advance(121)
    const fired = await alarm(rate!)
    expect(fired?.StateValue).toBe('ALARM')
    expect(fired?.StateReason).toMatch(
      /^Threshold Crossed: 1 out of the last 1 datapoints \[\d+(\.\d+)? \(\d\d\/\d\d\/\d\d \d\d:\d\d:00\)\] was greater than the threshold \(1\.0\) \(minimum 1 datapoint for OK -> ALARM transition\)\.$/
    )
    const reasonData = JSON.parse(fired?.StateReasonData ?? '{}') as {
      recentDatapoints: number[]
      period: number
    }
    expect(reasonData.period).toBe(60)
    // The first breaching minute may be partly before the change: above the threshold is what counts.
    expect(reasonData.recentDatapoints[0]).toBeGreaterThan(1)
    expect(fired!.StateTransitionedTimestamp!.getTime()).toBeLessThanOrEqual(lab.emu.now())
    const history = await lab.cw.send(
      new DescribeAlarmHistoryCommand({ AlarmName: rate, HistoryItemType: 'StateUpdate' })
    )
    expect(history.AlarmHistoryItems?.map(h => h.HistorySummary)).toContain(
      'Alarm updated from OK to ALARM'
    )
    expect((await alarm(latency!))?.StateValue).toBe('OK')
  })

  it('N out of N datapoints: 2 of 2 needed', async () => {
    lab.emu.setScenario({ metricDelaySeconds: 0 }) // exact datapoints at each minute
    await liveEndpointA(lab)
    await lab.cw.send(
      new PutMetricAlarmCommand({
        AlarmName: 'two-of-two',
        Namespace: 'AWS/SageMaker',
        MetricName: 'Invocation5XXErrors',
        Dimensions: [
          { Name: 'EndpointName', Value: ENDPOINT },
          { Name: 'VariantName', Value: 'AllTraffic' }
        ],
        Statistic: 'Average',
        Period: 60,
        EvaluationPeriods: 2,
        DatapointsToAlarm: 2,
        Threshold: 0.1,
        ComparisonOperator: 'GreaterThanThreshold',
        TreatMissingData: 'notBreaching'
      })
    )
    const boundary = Math.ceil(lab.emu.now() / 60_000) * 60_000
    lab.emu.advance((boundary - lab.emu.now()) / 1000 + 1)
    lab.emu.setScenario({ models: { 's3://lab-models/model-a/model.tar.gz': { errorRate: 0.5 } } })
    lab.emu.advance(60)
    expect((await alarm('two-of-two'))?.StateValue).toBe('OK')
    lab.emu.advance(60)
    expect((await alarm('two-of-two'))?.StateValue).toBe('ALARM')
  })
})

describe('metrics', () => {
  it('GetMetricData returns what the traffic produced; ListMetrics lists it', async () => {
    lab.emu.setScenario({ metricDelaySeconds: 0 }) // every datapoint complete at once
    await liveEndpointA(lab)
    const start = lab.emu.now()
    lab.emu.advance(300)
    const dims = [
      { Name: 'EndpointName', Value: ENDPOINT },
      { Name: 'VariantName', Value: 'AllTraffic' }
    ]
    const result = await lab.cw.send(
      new GetMetricDataCommand({
        StartTime: new Date(start),
        EndTime: new Date(lab.emu.now()),
        ScanBy: 'TimestampAscending',
        MetricDataQueries: [
          {
            Id: 'inv',
            MetricStat: {
              Metric: { Namespace: 'AWS/SageMaker', MetricName: 'Invocations', Dimensions: dims },
              Period: 60,
              Stat: 'Sum'
            }
          },
          {
            Id: 'lat',
            MetricStat: {
              Metric: { Namespace: 'AWS/SageMaker', MetricName: 'ModelLatency', Dimensions: dims },
              Period: 60,
              Stat: 'Average'
            }
          },
          { Id: 'ms', Expression: 'lat / 1000', Label: 'latency ms' }
        ]
      })
    )
    const inv = result.MetricDataResults?.find(r => r.Id === 'inv')
    expect(inv?.Values?.length).toBeGreaterThanOrEqual(4)
    expect(inv?.Values?.slice(1, -1).every(v => v === 600)).toBe(true)
    const ms = result.MetricDataResults?.find(r => r.Id === 'ms')
    expect(ms?.Label).toBe('latency ms')
    expect(ms?.Values?.every(v => v > 30 && v < 50)).toBe(true)
    expect(inv!.Timestamps![0]!.getTime() % 60_000).toBe(0)
    const listed = await lab.cw.send(
      new ListMetricsCommand({ Namespace: '/aws/sagemaker/Endpoints' })
    )
    expect(listed.Metrics?.[0]?.MetricName).toBe('CPUUtilization')
  })
})
