// The detection-time arithmetic: how long an alarm needs, and which steps a rollout watches long
// enough for it.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { labAlarms } from '../../src/guard/alarms.js'
import {
  alarmTiming,
  detectionSeconds,
  evaluationIntervalSeconds,
  guardedSteps,
  rolloutDetectionSeconds,
  safeTerminationWait
} from '../../src/guard/detection.js'

const FIVE_XX = { name: '5xx', periodSeconds: 60, datapointsToAlarm: 1, metricDelaySeconds: 180 }

describe('detection time of one alarm', () => {
  it('a 1-minute alarm on one datapoint, 3 minutes late: 60 + 180 + 60 s', () => {
    expect(detectionSeconds(FIVE_XX)).toBe(300)
  })

  it('two datapoints of five: one more period', () => {
    expect(detectionSeconds({ ...FIVE_XX, datapointsToAlarm: 2 })).toBe(360)
  })

  it('a 10 s or 30 s high-resolution alarm is evaluated every 10 s, any other every minute', () => {
    expect(evaluationIntervalSeconds(10)).toBe(10)
    expect(evaluationIntervalSeconds(30)).toBe(10)
    expect(evaluationIntervalSeconds(60)).toBe(60)
    expect(evaluationIntervalSeconds(300)).toBe(60)
    expect(
      detectionSeconds({
        periodSeconds: 10,
        datapointsToAlarm: 3,
        metricDelaySeconds: 20
      })
    ).toBe(60)
  })

  it('never less than one period, whatever DatapointsToAlarm says', () => {
    expect(detectionSeconds({ ...FIVE_XX, datapointsToAlarm: 0 })).toBe(300)
  })

  it('the rollout waits for its slowest alarm; no alarm: nothing to wait for', () => {
    expect(
      rolloutDetectionSeconds([FIVE_XX, { ...FIVE_XX, name: 'latency', periodSeconds: 300 }])
    ).toBe(540)
    expect(rolloutDetectionSeconds([])).toBeUndefined()
  })

  it('grows with each of its parts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3600 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 0, max: 900 }),
        (period, points, delay) => {
          const a = {
            name: 'a',
            periodSeconds: period,
            datapointsToAlarm: points,
            metricDelaySeconds: delay
          }
          const d = detectionSeconds(a)
          expect(detectionSeconds({ ...a, metricDelaySeconds: delay + 1 })).toBe(d + 1)
          expect(detectionSeconds({ ...a, datapointsToAlarm: points + 1 })).toBe(d + period)
          expect(d).toBeGreaterThan(period * points + delay)
        }
      )
    )
  })
})

describe('which steps a rollout watches long enough', () => {
  const DEFAULTS = { waitIntervalSeconds: 60, terminationWaitSeconds: 0 }

  it('the defaults (25 % steps, 60 s bakes, no final wait) watch no step for 5 minutes', () => {
    const steps = guardedSteps(DEFAULTS, [25, 50, 75, 100], 300)
    expect(
      steps.map(s => [s.step, s.greenPercent, s.bakeSeconds, s.watchedSeconds, s.seen])
    ).toEqual([
      [1, 25, 60, 180, false],
      [2, 50, 60, 120, false],
      [3, 75, 60, 60, false],
      [4, 100, 0, 0, false]
    ])
  })

  it('a final bake of the detection time sees every step', () => {
    const wait = safeTerminationWait(0, 300)
    expect(wait).toBe(300)
    const steps = guardedSteps(
      { ...DEFAULTS, terminationWaitSeconds: wait },
      [25, 50, 75, 100],
      300
    )
    expect(steps.every(s => s.seen)).toBe(true)
    expect(steps.at(-1)).toMatchObject({ bakeSeconds: 300, watchedSeconds: 300 })
  })

  it('the step that reaches 100 % bakes only the final wait, however long the bakes', () => {
    const steps = guardedSteps(
      { waitIntervalSeconds: 3600, terminationWaitSeconds: 120 },
      [10, 100],
      300
    )
    expect(steps.map(s => [s.bakeSeconds, s.seen])).toEqual([
      [3600, true],
      [120, false]
    ])
  })

  it('the last step bakes the final wait even when its share rounds below 100 %', () => {
    const steps = guardedSteps(
      { waitIntervalSeconds: 60, terminationWaitSeconds: 300 },
      [33, 67, 99],
      300
    )
    expect(steps.map(s => s.bakeSeconds)).toEqual([60, 60, 300])
    expect(steps.map(s => s.seen)).toEqual([true, true, true])
  })

  it('a longer final wait asked for is kept', () => {
    expect(safeTerminationWait(900, 300)).toBe(900)
    expect(safeTerminationWait(45, undefined)).toBe(45)
  })

  it('watched time never grows from one step to the next, and the last step is seen only if its own bake is long enough', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3600 }),
        fc.integer({ min: 0, max: 3600 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 2000 }),
        (wait, final, n, detection) => {
          const percents = Array.from({ length: n }, (_, i) => Math.round((100 * (i + 1)) / n))
          const steps = guardedSteps(
            { waitIntervalSeconds: wait, terminationWaitSeconds: final },
            percents,
            detection
          )
          for (let i = 1; i < steps.length; i++) {
            expect(steps[i]!.watchedSeconds).toBeLessThanOrEqual(steps[i - 1]!.watchedSeconds)
          }
          expect(steps.at(-1)!.seen).toBe(final >= detection)
        }
      )
    )
  })
})

describe('alarmTiming: from PutMetricAlarm or DescribeAlarms', () => {
  it("the action's own alarms: a 1-minute error rate (metric math) and a 1-minute latency", () => {
    const specs = labAlarms('ep', 'AllTraffic', 1, 5000, [])
    expect(specs.map(s => alarmTiming(s.request, 180))).toEqual([
      { name: 'ep-5xx-rate', periodSeconds: 60, datapointsToAlarm: 1, metricDelaySeconds: 180 },
      { name: 'ep-model-latency', periodSeconds: 60, datapointsToAlarm: 1, metricDelaySeconds: 180 }
    ])
  })

  it("a team's alarm: 3 of 5 five-minute periods; metric math takes its longest period", () => {
    expect(
      alarmTiming(
        { AlarmName: 'team', Period: 300, EvaluationPeriods: 5, DatapointsToAlarm: 3 },
        120
      )
    ).toEqual({ name: 'team', periodSeconds: 300, datapointsToAlarm: 3, metricDelaySeconds: 120 })
    expect(
      alarmTiming(
        {
          AlarmName: 'math',
          EvaluationPeriods: 2,
          Metrics: [
            { Id: 'a', MetricStat: { Period: 60 } },
            { Id: 'b', MetricStat: { Period: 120 } },
            { Id: 'e', Expression: 'a + b' }
          ]
        },
        0
      )
    ).toEqual({ name: 'math', periodSeconds: 120, datapointsToAlarm: 2, metricDelaySeconds: 0 })
  })

  it('a period or count that is not a positive number is not taken: the next source is', () => {
    for (const bad of [0, -60, Number.NaN, Number.POSITIVE_INFINITY, '60', null]) {
      expect(
        alarmTiming({ Period: bad, DatapointsToAlarm: bad, EvaluationPeriods: 3 }, 0)
      ).toMatchObject({ periodSeconds: 60, datapointsToAlarm: 3 })
      expect(
        alarmTiming({ Period: bad, Metrics: [{ MetricStat: { Period: 30 } }] }, 0).periodSeconds
      ).toBe(30)
    }
    // Metrics that is not a list gives no period.
    expect(alarmTiming({ Metrics: 'x' }, 0).periodSeconds).toBe(60)
  })

  it('with nothing to go by: one minute, one datapoint', () => {
    expect(alarmTiming({}, 60)).toEqual({
      name: '?',
      periodSeconds: 60,
      datapointsToAlarm: 1,
      metricDelaySeconds: 60
    })
  })
})
