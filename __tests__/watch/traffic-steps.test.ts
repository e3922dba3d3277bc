// The traffic-step rows built from what the polls saw, called directly: green's share of a poll,
// and the rows of shifts no poll saw, with their time bounds and their log lines.
import { describe, expect, it } from '@jest/globals'
import { endpoint, LAB_SCHEDULE, T0 } from '../../__fixtures__/observations.js'
import {
  addMissedFirstShiftBeforeRollback,
  addMissedShiftsBeforeCompletion,
  addObservedShift,
  observedGreenPercent,
  type StepContext
} from '../../src/watch/traffic-steps.js'
import type { TimelineEvent, TrafficStep } from '../../src/types.js'

const sec = (s: number): number => T0 + s * 1000
const ctx = (overrides: Partial<StepContext> = {}): StepContext => ({
  schedule: LAB_SCHEDULE,
  instanceCount: 4,
  waitIntervalSeconds: 60,
  startedAt: T0,
  ...overrides
})
const start = (): TrafficStep[] => [
  {
    at: T0,
    bluePercent: 100,
    greenPercent: 0,
    event: 'deployment starts, green fleet provisioning'
  }
]
const rows = (steps: TrafficStep[]): string[] =>
  steps.map(
    s =>
      `${(s.at - T0) / 1000} | ${s.bluePercent}% | ${s.greenPercent}% | ${s.event}` +
      (s.between ? ` | ${(s.between.after - T0) / 1000}..${(s.between.before - T0) / 1000}` : '')
  )
const log = (events: TimelineEvent[]): string[] =>
  events.map(e => `${(e.at - T0) / 1000} ${e.kind}: ${e.message}`)
const MISSED = 'between two polls, not seen'

describe('observedGreenPercent', () => {
  const baking = (current: number | undefined) => {
    const ep = endpoint('Updating', { green: { status: 'Baking', since: T0 } })
    return { ...ep, green: { ...ep.green!, currentInstanceCount: current } }
  }

  it('is undefined with no pending fleet, whatever status is given', () => {
    expect(observedGreenPercent(endpoint('Updating'), 'Baking', ctx(), 0)).toBeUndefined()
  })

  it("with no instance count, is the policy's next shift, and its last once every shift is recorded", () => {
    const fleet = baking(undefined)
    expect([0, 1, 3, 4, 9].map(n => observedGreenPercent(fleet, 'Baking', ctx(), n))).toEqual([
      25, 50, 100, 100, 100
    ])
  })

  it('is undefined with no instance count and a schedule with no shift', () => {
    expect(observedGreenPercent(baking(undefined), 'Baking', ctx({ schedule: [] }), 0)).toBe(
      undefined
    )
  })
})

describe('addObservedShift', () => {
  it('rebuilds the shifts no poll saw one bake apart before the step seen', () => {
    const steps = start()
    const events: TimelineEvent[] = []
    addObservedShift(steps, 75, sec(185), sec(30), ctx(), events)
    expect(rows(steps)).toEqual([
      '0 | 100% | 0% | deployment starts, green fleet provisioning',
      `65 | 75% | 25% | step 1 of 4: 25% shifted to green, alarms monitored (${MISSED}) | 30..185`,
      `125 | 50% | 50% | step 2 of 4: 50% shifted to green, alarms monitored (${MISSED}) | 65..185`,
      '185 | 25% | 75% | step 3 of 4: 75% shifted to green, alarms monitored'
    ])
    expect(log(events)).toEqual([
      `65 step: green 25% / blue 75%: step 1 happened ${MISSED}`,
      `125 step: green 50% / blue 50%: step 2 happened ${MISSED}`
    ])
  })

  it("with no bake known, places them at the schedule's offsets from the start", () => {
    const steps = start()
    const events: TimelineEvent[] = []
    addObservedShift(steps, 75, sec(185), sec(30), ctx({ waitIntervalSeconds: undefined }), events)
    expect(rows(steps).slice(1, 3)).toEqual([
      `60 | 75% | 25% | step 1 of 4: 25% shifted to green, alarms monitored (${MISSED}) | 30..185`,
      `120 | 50% | 50% | step 2 of 4: 50% shifted to green, alarms monitored (${MISSED}) | 60..185`
    ])
  })
})

describe('addMissedShiftsBeforeCompletion', () => {
  it('never places a missed shift before the last row, even one later than the previous poll', () => {
    // The last row (seen at 150 s) is later than what the previous poll had reached (100 s).
    const steps: TrafficStep[] = [
      ...start(),
      { at: sec(60), bluePercent: 75, greenPercent: 25, event: 'step 1 of 4' },
      { at: sec(150), bluePercent: 50, greenPercent: 50, event: 'step 2 of 4' }
    ]
    const events: TimelineEvent[] = []
    addMissedShiftsBeforeCompletion(steps, sec(400), sec(100), ctx(), events)
    expect(rows(steps).slice(3)).toEqual([
      `180 | 25% | 75% | step 3 of 4: 75% shifted to green, alarms monitored (${MISSED}) | 150..400`,
      `240 | 0% | 100% | all traffic on green (step 4 of 4), alarms monitored (${MISSED}) | 180..400`
    ])
  })

  it('with no row yet, the missed shifts start after the previous poll', () => {
    const steps: TrafficStep[] = []
    addMissedShiftsBeforeCompletion(steps, sec(90), sec(70), ctx(), [])
    expect(rows(steps)).toEqual([
      `70 | 75% | 25% | step 1 of 4: 25% shifted to green, alarms monitored (${MISSED}) | 70..90`,
      `90 | 50% | 50% | step 2 of 4: 50% shifted to green, alarms monitored (${MISSED}) | 70..90`,
      `90 | 25% | 75% | step 3 of 4: 75% shifted to green, alarms monitored (${MISSED}) | 90..90`,
      `90 | 0% | 100% | all traffic on green (step 4 of 4), alarms monitored (${MISSED}) | 90..90`
    ])
  })
})

describe('rows of an update no alarm guards (a restore)', () => {
  it('say nothing of alarms, seen or missed', () => {
    const steps: TrafficStep[] = []
    addMissedShiftsBeforeCompletion(steps, sec(90), sec(70), ctx({ unguarded: true }), [])
    expect(rows(steps).slice(2)).toEqual([
      `90 | 25% | 75% | step 3 of 4: 75% shifted to green (${MISSED}) | 90..90`,
      `90 | 0% | 100% | all traffic on green (step 4 of 4) (${MISSED}) | 90..90`
    ])
    const seen: TrafficStep[] = []
    addObservedShift(seen, 25, sec(65), sec(30), ctx({ unguarded: true }), [])
    expect(rows(seen)).toEqual(['65 | 75% | 25% | step 1 of 4: 25% shifted to green'])
  })
})

describe('the row of the step that reaches 100 %', () => {
  it('says alarms are monitored only when a final bake follows it', () => {
    const row = (over: Partial<StepContext>): string | undefined => {
      const steps: TrafficStep[] = []
      addObservedShift(steps, 100, sec(300), sec(200), ctx(over), [])
      return steps.at(-1)?.event
    }
    expect(row({ finalBakeSeconds: 0 })).toBe(
      'all traffic on green (step 4 of 4), no final bake: SageMaker no longer watches the alarms'
    )
    expect(row({ finalBakeSeconds: 300 })).toBe(
      'all traffic on green (step 4 of 4), alarms monitored'
    )
    expect(row({ finalBakeSeconds: undefined })).toBe(
      'all traffic on green (step 4 of 4), alarms monitored'
    )
    expect(row({ finalBakeSeconds: 0, unguarded: true })).toBe('all traffic on green (step 4 of 4)')
    // Earlier steps bake wait-interval whatever the final bake.
    const steps: TrafficStep[] = []
    addObservedShift(steps, 25, sec(65), sec(30), ctx({ finalBakeSeconds: 0 }), [])
    expect(steps.at(-1)?.event).toBe('step 1 of 4: 25% shifted to green, alarms monitored')
  })
})

describe('addMissedFirstShiftBeforeRollback', () => {
  it('adds no row when the schedule has no shift (the policy is not known)', () => {
    const steps = start()
    const events: TimelineEvent[] = []
    addMissedFirstShiftBeforeRollback(steps, sec(200), sec(30), ctx({ schedule: [] }), events)
    expect(rows(steps)).toEqual(['0 | 100% | 0% | deployment starts, green fleet provisioning'])
    expect(events).toEqual([])
  })
})
