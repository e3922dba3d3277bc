// The error-rate alarm the action creates, exactly as it sends it, on the emulator's traffic: a
// model that times out or drops connections fires it (SageMaker counts those in
// InvocationModelErrors only), a model that answers many 4XX and nothing worse does not.
import { describe, it, expect, afterEach } from '@jest/globals'
import {
  DescribeAlarmsCommand,
  GetMetricDataCommand,
  PutMetricAlarmCommand,
  type MetricDataQuery,
  type PutMetricAlarmCommandInput
} from '@aws-sdk/client-cloudwatch'
import { alarmUpToDate, labAlarms } from '../../src/guard/alarms.js'
import type { ModelBehaviour } from '../../emulator/index.js'
import { ENDPOINT, liveEndpointA, MODEL_A, startLab, stopLab, type Lab } from './helpers.js'

let lab: Lab | undefined
afterEach(async () => {
  await stopLab(lab)
  lab = undefined
})

const NONE = { errorRate: 0, error4xxRate: 0, timeoutRate: 0, socketErrorRate: 0 }

/**
 * Model A serves with `behaviour` for one whole minute under the created error-rate alarm (1 %)
 * and the earlier 5XX-only definition: the alarms' states after it, and that minute's rate.
 */
async function oneMinute(behaviour: Partial<ModelBehaviour>) {
  const started = await startLab()
  lab = started
  started.emu.setScenario({ metricDelaySeconds: 0, models: { [MODEL_A]: { ...NONE } } })
  await liveEndpointA(started)
  const [errorRate] = labAlarms(ENDPOINT, 'AllTraffic', 1, 5000, [])
  // liveEndpointA put the lab's 5XX-only alarm under the same name: updated in place.
  await started.cw.send(
    new PutMetricAlarmCommand(errorRate!.request as unknown as PutMetricAlarmCommandInput)
  )
  const metrics = errorRate!.request['Metrics'] as { Id: string; MetricStat?: unknown }[]
  const stat = (id: string) => metrics.find(m => m.Id === id)!.MetricStat
  await started.cw.send(
    new PutMetricAlarmCommand({
      AlarmName: 'five-xx-only',
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 1,
      EvaluationPeriods: 1,
      DatapointsToAlarm: 1,
      TreatMissingData: 'notBreaching',
      Metrics: [
        { Id: 'errors', MetricStat: stat('errors5xx'), ReturnData: false },
        { Id: 'invocations', MetricStat: stat('invocations'), ReturnData: false },
        {
          Id: 'rate',
          Expression: 'IF(invocations > 0, 100 * errors / invocations, 0)',
          ReturnData: true
        }
      ]
    } as PutMetricAlarmCommandInput)
  )
  const boundary = Math.ceil(started.emu.now() / 60_000) * 60_000
  started.emu.advance((boundary - started.emu.now()) / 1000)
  started.emu.setScenario({ models: { [MODEL_A]: { ...NONE, ...behaviour } } })
  started.emu.advance(60)
  const alarms = await started.cw.send(
    new DescribeAlarmsCommand({ AlarmNames: [errorRate!.name, 'five-xx-only'] })
  )
  const state = (name: string) => alarms.MetricAlarms?.find(a => a.AlarmName === name)
  // The minute's value of the alarm's own metric math, read with GetMetricData.
  const data = await started.cw.send(
    new GetMetricDataCommand({
      StartTime: new Date(boundary),
      EndTime: new Date(boundary + 60_000),
      MetricDataQueries: metrics as MetricDataQuery[]
    })
  )
  return {
    created: state(errorRate!.name)?.StateValue,
    fiveXxOnly: state('five-xx-only')?.StateValue,
    rate: data.MetricDataResults?.[0]?.Values?.[0]
  }
}

describe('the created error-rate alarm on emulator traffic', () => {
  it('accepts the request as the action sends it, metric math and all', async () => {
    const seen = await oneMinute({})
    expect(seen).toEqual({ created: 'OK', fiveXxOnly: 'OK', rate: 0 })
  })

  it('reads back as up to date: the next run does not write it again', async () => {
    const started = await startLab()
    lab = started
    const [errorRate] = labAlarms(ENDPOINT, 'AllTraffic', 1, 5000, [{ Key: 'team', Value: 'ml' }])
    const request = errorRate!.request as unknown as PutMetricAlarmCommandInput
    await started.cw.send(new PutMetricAlarmCommand(request))
    const read = await started.cw.send(new DescribeAlarmsCommand({ AlarmNames: [errorRate!.name] }))
    expect(alarmUpToDate(read.MetricAlarms?.[0], errorRate!.request)).toBe(true)
  })

  it.each([
    ['times out', { timeoutRate: 0.05 }],
    ['drops connections', { socketErrorRate: 0.05 }]
  ])(
    'a model that %s 5 % of the time: ALARM, where the 5XX-only alarm stays OK',
    async (_, behaviour) => {
      const seen = await oneMinute(behaviour)
      expect(seen.created).toBe('ALARM')
      expect(seen.fiveXxOnly).toBe('OK')
      expect(seen.rate).toBeGreaterThan(2)
      expect(seen.rate).toBeLessThan(10)
    }
  )

  it('a model that answers 5XX: ALARM, as the 5XX-only alarm', async () => {
    const seen = await oneMinute({ errorRate: 0.05 })
    expect(seen).toMatchObject({ created: 'ALARM', fiveXxOnly: 'ALARM' })
  })

  it('a model that answers 4XX to 30 % of requests and fails none: OK, rate 0', async () => {
    const seen = await oneMinute({ error4xxRate: 0.3 })
    expect(seen).toEqual({ created: 'OK', fiveXxOnly: 'OK', rate: 0 })
  })

  it('5XX and timeouts together count once each: the rate is their share', async () => {
    const seen = await oneMinute({ errorRate: 0.03, timeoutRate: 0.03, error4xxRate: 0.3 })
    expect(seen.created).toBe('ALARM')
    expect(seen.rate).toBeGreaterThan(3)
    expect(seen.rate).toBeLessThan(10)
  })
})
