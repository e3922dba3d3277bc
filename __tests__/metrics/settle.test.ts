// Waiting for late datapoints after the verdict, on the service's clock, and naming guard alarms
// that fire after SageMaker completed. The clock and the sleep are fakes: no real waiting.
import { describe, it, expect } from '@jest/globals'
import type { GetMetricDataCommandOutput, MetricAlarm } from '@aws-sdk/client-cloudwatch'
import { readRolloutMetrics } from '../../src/metrics/read.js'
import {
  lateAlarmWarnings,
  PUBLISH_DELAY_MS,
  settleAfterVerdict,
  type SettleOptions
} from '../../src/metrics/settle.js'
import type { EndpointSnapshot, Timeline } from '../../src/types.js'
import { sampleServiceClock, serviceNow, serviceRate } from '../../src/watch/service-clock.js'
import { ALARM_5XX, at, runB, runE, T0 } from '../report/fixtures.js'
import { recordedResults, recordedSeries } from './recorded.js'

/** A fake local clock that only moves when slept on. */
function fakeTime(start = 1_000_000) {
  let now = start
  const slept: number[] = []
  const options: SettleOptions = {
    now: () => now,
    sleep: async ms => {
      slept.push(ms)
      now += ms
    },
    maxWaitMs: 240_000,
    rereadMs: 15_000
  }
  return { options, slept, now: () => now }
}

const inService = (configName: string): EndpointSnapshot => ({
  status: 'InService',
  configName,
  failureReason: undefined,
  lastModifiedTime: at(240),
  blue: undefined,
  green: undefined,
  pendingConfigName: undefined,
  pendingStartTime: undefined
})

/**
 * Run E completed at T+240 s. Its polls saw the service's clock move `rate` times as fast as the
 * local one over `watchMs` local milliseconds, the last poll at local `lastLocal`.
 */
function completedE(rate: number, lastLocal: number, watchMs = 60_000): Timeline {
  return {
    ...runE.timeline,
    last: inService(runE.timeline.newConfigName),
    serviceClock: {
      firstLocal: lastLocal - watchMs,
      firstService: at(240) - watchMs * rate,
      lastLocal,
      lastService: at(240)
    }
  }
}

const noMetrics = async (): Promise<GetMetricDataCommandOutput> => ({
  MetricDataResults: [],
  $metadata: {}
})

describe('the service clock from the polls', () => {
  it('rate 1 against AWS, faster against an accelerated clock; now extrapolates from the last poll', () => {
    let clock = sampleServiceClock(undefined, 1_000, T0)
    clock = sampleServiceClock(clock, 61_000, T0 + 60_000)
    expect(serviceRate(clock)).toBe(1)
    expect(serviceNow(clock, 71_000)).toBe(T0 + 70_000)
    let fast = sampleServiceClock(undefined, 1_000, T0)
    fast = sampleServiceClock(fast, 3_000, T0 + 600_000)
    expect(serviceRate(fast)).toBe(300)
    expect(serviceNow(fast, 4_000)).toBe(T0 + 900_000)
    // One poll, or a rate below 1 from lower bounds: rate 1.
    expect(serviceRate(sampleServiceClock(undefined, 1_000, T0))).toBe(1)
  })
})

describe('settleAfterVerdict', () => {
  it('waits only until the verdict minute is published, no alarm evaluation added, in local time', async () => {
    const time = fakeTime()
    const timeline = completedE(300, time.now())
    const settled = await settleAfterVerdict(
      { getMetricData: noMetrics, describeAlarms: async () => [] },
      runE.plan,
      timeline,
      time.options
    )
    // Verdict at T+240 s (a whole minute): its minute ends at T+300 s; + 180 s for it to be
    // published, and nothing for an alarm's evaluation (the watch after completion's).
    const target = at(300) + PUBLISH_DELAY_MS
    expect(settled.cutShort).toBe(false)
    expect(settled.waitedMs).toBe(Math.round((target - at(240)) / 300))
    expect(settled.finalUntil).toBe(target - PUBLISH_DELAY_MS)
    expect(time.slept.length).toBeGreaterThan(0)
  })

  it('each read of the alarms has a deadline within the wait: a throttled read cannot stretch it', async () => {
    const time = fakeTime()
    const timeline = completedE(1, time.now())
    const deadlines: (number | undefined)[] = []
    await settleAfterVerdict(
      {
        getMetricData: noMetrics,
        describeAlarms: async (_names, o) => {
          deadlines.push(o?.deadlineMs)
          return []
        }
      },
      runE.plan,
      timeline,
      { ...time.options, maxWaitMs: 20_000 }
    )
    // On the service's own rate the verdict minute is final 240 s later, but the wait is 20 s:
    // reads after 15 s (5 s left), at 20 s and once more at the end (never below 1 s).
    expect(deadlines).toEqual([5_000, 1_000, 1_000])
  })

  it('a cancellation ends the wait at once (its sleeps no longer take time): cut short', async () => {
    const time = fakeTime()
    const timeline = completedE(300, time.now())
    let reads = 0
    const settled = await settleAfterVerdict(
      {
        getMetricData: noMetrics,
        describeAlarms: async () => {
          reads += 1
          return []
        }
      },
      runE.plan,
      timeline,
      // Cancelled: a sleep returns at once, as abortableSleep does.
      { ...time.options, sleep: async () => undefined, aborted: () => true }
    )
    expect(settled.cutShort).toBe(true)
    expect(settled.waitedMs).toBe(0)
    expect(reads).toBe(1)
  })

  it('never waits longer than the watch took; says the wait was cut short', async () => {
    const time = fakeTime()
    const timeline = completedE(1, time.now(), 30_000)
    const settled = await settleAfterVerdict(
      { getMetricData: noMetrics },
      runE.plan,
      timeline,
      time.options
    )
    expect(settled.cutShort).toBe(true)
    expect(settled.waitedMs).toBe(30_000)
    expect(settled.finalUntil).toBe(at(240) + 30_000 - PUBLISH_DELAY_MS)
  })

  it('names a guard alarm found in ALARM after the completion, with its time', async () => {
    const time = fakeTime()
    const timeline = completedE(300, time.now())
    let reads = 0
    const alarm = (state: string): MetricAlarm => ({
      AlarmName: ALARM_5XX,
      StateValue: state as MetricAlarm['StateValue'],
      StateReason: 'Threshold Crossed',
      StateTransitionedTimestamp: new Date(at(300))
    })
    const settled = await settleAfterVerdict(
      {
        getMetricData: noMetrics,
        describeAlarms: async names => {
          reads += 1
          expect(names).toEqual(runE.plan.guardAlarmNames)
          return [alarm(reads === 1 ? 'OK' : 'ALARM')]
        }
      },
      runE.plan,
      timeline,
      time.options
    )
    expect(reads).toBeGreaterThanOrEqual(2)
    expect(settled.lateAlarms).toEqual([
      { name: ALARM_5XX, at: at(300), reason: 'Threshold Crossed' }
    ])
    expect(lateAlarmWarnings(settled, timeline)).toEqual([
      `Alarm ${ALARM_5XX} is in ALARM (since T+5 min) after SageMaker completed the deployment at T+4 min: the new model serves all traffic and SageMaker no longer rolls back on it. Check the endpoint; to undo, deploy the previous model again.`
    ])
  })

  it('a rollback: waits for the late datapoints but reads no alarms (they are named already)', async () => {
    const time = fakeTime()
    const timeline: Timeline = {
      ...runB.timeline,
      last: { ...inService('lab-endpoint-config-a'), lastModifiedTime: at(160) },
      serviceClock: {
        firstLocal: time.now() - 10_000,
        firstService: at(160) - 600_000,
        lastLocal: time.now(),
        lastService: at(160)
      }
    }
    let reads = 0
    const settled = await settleAfterVerdict(
      {
        getMetricData: noMetrics,
        describeAlarms: async () => {
          reads += 1
          return []
        }
      },
      runB.plan,
      timeline,
      time.options
    )
    expect(reads).toBe(0)
    expect(settled.cutShort).toBe(false)
    expect(settled.finalUntil).toBeGreaterThanOrEqual(at(180))
  })

  it('no clock (no poll succeeded): no wait, completeness unknown', async () => {
    const time = fakeTime()
    const settled = await settleAfterVerdict(
      { getMetricData: noMetrics },
      runE.plan,
      { ...runE.timeline, last: inService(runE.timeline.newConfigName) },
      time.options
    )
    expect(time.slept).toEqual([])
    expect(settled.finalUntil).toBeUndefined()
  })
})

describe('readRolloutMetrics after the wait', () => {
  it('cut short: reads up to the verdict minute and marks the rows that may still grow', async () => {
    const time = fakeTime()
    const timeline = completedE(1, time.now(), 20_000)
    const inputs: { EndTime?: Date | undefined }[] = []
    const metrics = await readRolloutMetrics(
      {
        getMetricData: async input => {
          inputs.push(input)
          return {
            MetricDataResults: recordedResults(recordedSeries()),
            $metadata: {}
          } as GetMetricDataCommandOutput
        }
      },
      runE.plan,
      timeline,
      { settle: time.options }
    )
    expect(inputs[0]?.EndTime).toEqual(new Date(at(300)))
    // Final up to T+80 s (the service's T+260 s less the 3 minutes a minute may take to arrive):
    // only the first row's minute is complete.
    expect(metrics?.steps.map(s => s.incomplete)).toEqual([false, true, true, true, true])
    expect(metrics?.warning).toMatch(/after waiting 20 s some were still arriving/)
  })

  it('waited long enough: nothing incomplete, the late alarm in the warning and the output', async () => {
    const time = fakeTime()
    const timeline = completedE(300, time.now())
    const metrics = await readRolloutMetrics(
      {
        getMetricData: async () =>
          ({
            MetricDataResults: recordedResults(recordedSeries()),
            $metadata: {}
          }) as GetMetricDataCommandOutput,
        describeAlarms: async () => [
          {
            AlarmName: ALARM_5XX,
            StateValue: 'ALARM',
            StateTransitionedTimestamp: new Date(at(290))
          }
        ]
      },
      runE.plan,
      timeline,
      { settle: time.options }
    )
    expect(metrics?.steps.every(s => !s.incomplete)).toBe(true)
    expect(metrics?.lateAlarms).toEqual([ALARM_5XX])
    expect(metrics?.warning).toMatch(
      new RegExp(
        `^Alarm ${ALARM_5XX} is in ALARM \\(since T\\+4 min 50 s\\) after SageMaker completed`
      )
    )
  })
})
