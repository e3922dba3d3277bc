// The traffic-step table and the event log the reducer builds, read as a person reads them:
// every row's time, split and label; every event's time, kind and text. The polls show what
// DescribeEndpoint shows: several VariantStatus entries on the green fleet, every EndpointStatus,
// alarms that fire and clear between polls.
import { describe, expect, it } from '@jest/globals'
import {
  alarm,
  endpoint,
  eventLog,
  labContext,
  LAB_SCHEDULE,
  min,
  observe,
  stepTable,
  T0
} from '../../__fixtures__/observations.js'
import { settle } from '../../src/verdict.js'
import { createTimeline, latestStatus, reduce, type WatchContext } from '../../src/watch/reducer.js'
import type {
  AlarmSnapshot,
  EndpointSnapshot,
  FleetSnapshot,
  Observation,
  Timeline
} from '../../src/types.js'

const NEW = 'lab-endpoint-cfg-new'
const OLD = 'lab-endpoint-cfg-old'
const ERRORS = 'lab-endpoint-5xx-rate'
const LATENCY = 'lab-endpoint-model-latency'
const sec = (s: number): number => T0 + s * 1000

function replay(observations: Observation[], ctx: WatchContext = labContext()): Timeline {
  return observations.reduce((t, o) => reduce(t, o, ctx), createTimeline(ctx, T0 - 2000))
}

const table = stepTable
const log = eventLog

type Entry = [status: string, startTime: number | undefined, message?: string]

/** The pending (green) variant as DescribeEndpoint shows it, VariantStatus entries as given. */
function green(current: number | undefined, entries: Entry[], desired: number | undefined = 4) {
  const fleet: FleetSnapshot = {
    variantName: 'AllTraffic',
    currentInstanceCount: current,
    desiredInstanceCount: desired,
    currentWeight: 1,
    desiredWeight: 1,
    statuses: entries.map(([status, startTime, message]) => ({ status, message, startTime }))
  }
  return fleet
}

/** Updating, with this run's config pending and the given green fleet. */
function updating(fleet: FleetSnapshot | undefined, extra: Partial<EndpointSnapshot> = {}) {
  return {
    ...endpoint('Updating', { lastModified: T0 }),
    green: fleet,
    pendingConfigName: fleet ? NEW : undefined,
    pendingStartTime: fleet ? T0 : undefined,
    ...extra
  } satisfies EndpointSnapshot
}

const quiet = (): AlarmSnapshot[] => [
  alarm(ERRORS, 'OK', T0 - 5000),
  alarm(LATENCY, 'OK', T0 - 5000)
]

// The lab context has no final bake (termination-wait 0): the step at 100 % is not baked.
const STEP = (k: number, green: number) =>
  green === 100
    ? `all traffic on green (step ${k} of 4), no final bake: SageMaker no longer watches the alarms`
    : `step ${k} of 4: ${green}% shifted to green, alarms monitored`

describe('linear 25 % on 4 instances, every step seen, several VariantStatus entries per poll', () => {
  const polls = [
    observe(sec(1), updating(green(0, [['Creating', T0, 'Launching 4 instance(s).']])), quiet()),
    observe(
      sec(62),
      updating(
        green(1, [
          ['Creating', T0, 'Launching 4 instance(s).'],
          ['ActivatingTraffic', sec(60), 'Activating traffic on 1 instance(s).']
        ])
      ),
      quiet()
    ),
    observe(
      sec(70),
      updating(
        green(1, [
          ['ActivatingTraffic', sec(60)],
          ['Baking', sec(63), 'Baking for 60 seconds with traffic enabled on 1 instance(s).']
        ])
      ),
      quiet()
    ),
    // Entries out of order, and one with no start time: the latest start time is the status.
    observe(
      sec(130),
      updating(
        green(2, [
          ['Baking', sec(120)],
          ['ActivatingTraffic', sec(118)],
          ['Creating', undefined]
        ])
      ),
      quiet()
    ),
    observe(sec(190), updating(green(3, [['Baking', sec(180)]])), quiet()),
    observe(
      sec(250),
      updating(
        green(4, [
          ['ActivatingTraffic', sec(239)],
          ['Baking', sec(240)]
        ])
      ),
      quiet()
    ),
    observe(sec(300), endpoint('InService', { config: NEW, lastModified: sec(270) }), quiet())
  ]
  // Replayed inside each test: a mutant is only tried against the tests whose bodies ran it.
  const run = (): Timeline => replay(polls)

  it('has one row per step: its time from the service, its split and "step k of 4"', () => {
    const t = run()
    expect(t.startedAt).toBe(T0)
    expect(table(t)).toEqual([
      'T+0 | 100% | 0% | deployment starts, green fleet provisioning',
      `T+1 min | 75% | 25% | ${STEP(1, 25)}`,
      `T+2 min | 50% | 50% | ${STEP(2, 50)}`,
      `T+3 min | 25% | 75% | ${STEP(3, 75)}`,
      `T+4 min | 0% | 100% | ${STEP(4, 100)}`,
      'T+4 min 30 s | 0% | 100% | complete, blue fleet decommissioned'
    ])
    expect(t.steps.every(s => s.between === undefined)).toBe(true)
  })

  it('logs each status of the green fleet at its start time, with the split and the message', () => {
    const t = run()
    expect(log(t)).toEqual([
      `0 start: update requested: ${OLD} → ${NEW}`,
      // Updating is in progress: logged at the latest service time the poll showed.
      '0 status: endpoint Updating',
      '0 provisioning: green fleet Creating: Launching 4 instance(s).',
      '60 step: green fleet ActivatingTraffic (green 25% / blue 75%): Activating traffic on 1 instance(s).',
      '63 bake: green fleet Baking (green 25% / blue 75%): Baking for 60 seconds with traffic enabled on 1 instance(s).',
      '120 bake: green fleet Baking (green 50% / blue 50%)',
      '180 bake: green fleet Baking (green 75% / blue 25%)',
      '240 bake: green fleet Baking (green 100% / blue 0%)',
      `270 complete: endpoint InService on ${NEW}`
    ])
  })

  it('is deployed only at the last poll, and a second InService poll adds no row', () => {
    const t = run()
    for (let n = 1; n < polls.length; n++) {
      expect(settle(replay(polls.slice(0, n)), labContext())).toBeUndefined()
    }
    expect(settle(t, labContext())?.outcome).toBe('deployed')
    const again = reduce(t, observe(sec(320), polls.at(-1)!.endpoint, quiet()), labContext())
    expect(table(again)).toEqual(table(t))
    expect(again.events).toHaveLength(t.events.length)
  })

  it('an InService poll that still lists this run as pending is not the end: the next one is', () => {
    const t = run()
    const lingering: EndpointSnapshot = { ...polls.at(-1)!.endpoint!, pendingConfigName: NEW }
    const late = replay([...polls.slice(0, -1), observe(sec(290), lingering), polls.at(-1)!])
    expect(table(late)).toEqual(table(t))
    expect(log(late).filter(e => / complete: /.test(e))).toEqual([
      `270 complete: endpoint InService on ${NEW}`
    ])
  })

  it('counts the polls and keeps the service clock: first and latest service time seen', () => {
    const t = run()
    expect(t.polls).toBe(7)
    expect(t.serviceClock).toEqual({
      firstLocal: sec(1),
      firstService: T0,
      lastLocal: sec(300),
      lastService: sec(270)
    })
  })
})

describe("green's share of the fleet", () => {
  const lastRow = (fleet: FleetSnapshot, ctx = labContext()) => {
    const t = replay(
      [
        observe(sec(1), updating(green(0, [['Creating', T0]]))),
        observe(min(1) + 5000, updating(fleet))
      ],
      ctx
    )
    return table(t).slice(1)
  }

  it('is 0 while the green fleet is Creating or Updating, whatever instances it already has', () => {
    expect(lastRow(green(2, [['Creating', min(1)]]))).toEqual([])
    expect(lastRow(green(4, [['Updating', min(1)]]))).toEqual([])
  })

  it('is the instances with traffic over the desired count, rounded to a whole percent', () => {
    expect(lastRow(green(1, [['Baking', min(1)]], 3))).toEqual([
      'T+1 min | 67% | 33% | step 1 of 4: 33% shifted to green, alarms monitored'
    ])
    expect(lastRow(green(2, [['ActivatingTraffic', min(1)]], 3))).toEqual([
      'T+1 min | 33% | 67% | step 1 of 4: 67% shifted to green, alarms monitored'
    ])
  })

  it("takes the plan's fleet size when the service gives no desired count, and never exceeds 100 %", () => {
    expect(lastRow(green(3, [['Baking', min(1)]], undefined))).toEqual([
      `between T+0 and T+1 min | 75% | 25% | ${STEP(1, 25)} (between two polls, not seen)`,
      `between T+0 and T+1 min | 50% | 50% | ${STEP(2, 50)} (between two polls, not seen)`,
      `T+1 min | 25% | 75% | ${STEP(3, 75)}`
    ])
    expect(lastRow(green(6, [['Baking', min(1)]], 4)).at(-1)).toBe(
      `T+1 min | 0% | 100% | ${STEP(4, 100)}`
    )
  })

  it("falls back to the policy's next shift when the service gives no count, or a fleet of 0", () => {
    const noCount = (k: number, desired: number | undefined = 4) =>
      observe(min(k) + 1000, updating(green(undefined, [['Baking', min(k)]], desired)))
    expect(table(replay([noCount(1), noCount(2), noCount(3), noCount(4), noCount(5)]))).toEqual([
      'T+0 | 100% | 0% | deployment starts, green fleet provisioning',
      `T+1 min | 75% | 25% | ${STEP(1, 25)}`,
      `T+2 min | 50% | 50% | ${STEP(2, 50)}`,
      `T+3 min | 25% | 75% | ${STEP(3, 75)}`,
      `T+4 min | 0% | 100% | ${STEP(4, 100)}`
    ])
    const zero = labContext({ instanceCount: 0 })
    const t = replay(
      [
        observe(min(1) + 1000, updating(green(1, [['Baking', min(1)]], undefined))),
        observe(min(2) + 1000, updating(green(1, [['Baking', min(2)]], 0)))
      ],
      zero
    )
    expect(table(t).slice(1)).toEqual([
      `T+1 min | 75% | 25% | ${STEP(1, 25)}`,
      `T+2 min | 50% | 50% | ${STEP(2, 50)}`
    ])
  })
})

describe('T+0 on the service clock', () => {
  it("is the pending deployment's start time when the service gives it", () => {
    const t = replay([
      observe(min(3), updating(green(0, [['Creating', sec(5)]]), { pendingStartTime: sec(2) }))
    ])
    expect(t.startedAt).toBe(sec(2))
    expect(t.events[0]?.at).toBe(sec(2))
  })

  it("else the green fleet's latest status start, else LastModifiedTime while in progress", () => {
    const fromGreen = replay([
      observe(
        min(3),
        updating(
          green(0, [
            ['Creating', sec(5)],
            ['Creating', sec(4)]
          ]),
          { pendingStartTime: undefined }
        )
      )
    ])
    expect(fromGreen.startedAt).toBe(sec(5))
    const fromModified = replay([
      observe(min(3), updating(undefined, { lastModifiedTime: sec(7) }))
    ])
    expect(fromModified.startedAt).toBe(sec(7))
    expect(fromModified.steps[0]?.at).toBe(sec(7))
  })

  it("stays the local start when the first answer is a settled endpoint (LastModifiedTime is then an older update's)", () => {
    const t = replay([
      observe(min(3), endpoint('InService', { config: OLD, lastModified: T0 - 3_600_000 }))
    ])
    expect(t.startedAt).toBe(T0 - 2000)
    expect(table(t)).toEqual(['T+0 | 100% | 0% | deployment starts, green fleet provisioning'])
  })

  it('is anchored once: a later poll with another start time moves nothing', () => {
    const t = replay([
      observe(sec(1), updating(green(0, [['Creating', T0]]))),
      observe(min(1), updating(green(0, [['Creating', sec(30)]]), { pendingStartTime: sec(30) }))
    ])
    expect(t.startedAt).toBe(T0)
    expect(t.steps).toHaveLength(1)
  })
})

describe('rollbacks, row by row', () => {
  const baking = (k: number, at: number) =>
    updating(
      green(k, [
        ['ActivatingTraffic', at - 3000],
        ['Baking', at]
      ])
    )
  const fired = (at: number, reason = 'Threshold Crossed: 5.1 > 1.0'): AlarmSnapshot[] => [
    alarm(ERRORS, 'ALARM', at, reason),
    alarm(LATENCY, 'OK', T0 - 5000)
  ]

  it('an alarm seen in ALARM, then RollingBack, then InService on the old config', () => {
    const t = replay([
      observe(sec(1), updating(green(0, [['Creating', T0]])), quiet()),
      observe(sec(65), baking(1, sec(60)), quiet()),
      observe(sec(125), baking(2, sec(120)), quiet()),
      observe(sec(155), baking(2, sec(120)), fired(sec(150))),
      observe(sec(165), { ...baking(2, sec(120)), status: 'RollingBack' }, fired(sec(150))),
      observe(
        sec(200),
        endpoint('InService', { config: OLD, lastModified: sec(190) }),
        fired(sec(150))
      )
    ])
    expect(table(t)).toEqual([
      'T+0 | 100% | 0% | deployment starts, green fleet provisioning',
      `T+1 min | 75% | 25% | ${STEP(1, 25)}`,
      `T+2 min | 50% | 50% | ${STEP(2, 50)}`,
      // The rollback row stays where traffic went back (RollingBack: the latest service time
      // then known, the alarm's transition), with the final wording.
      `T+2 min 30 s | 100% | 0% | rolled back to blue: alarm ${ERRORS} in ALARM`
    ])
    expect(log(t).filter(e => / (alarm|rollback): /.test(e))).toEqual([
      `150 alarm: alarm ${ERRORS}: OK → ALARM (Threshold Crossed: 5.1 > 1.0)`,
      '150 rollback: endpoint RollingBack: traffic returning to blue',
      `190 rollback: endpoint InService on ${OLD} (the previous config): rolled back`
    ])
    expect(settle(t, labContext())).toMatchObject({
      outcome: 'rolled-back',
      triggeredAlarms: [ERRORS]
    })
  })

  it('an alarm that fired and is back to OK by the last poll is still the one named', () => {
    const t = replay([
      observe(sec(1), updating(green(0, [['Creating', T0]])), quiet()),
      observe(sec(65), baking(1, sec(60)), fired(sec(62))),
      observe(sec(90), endpoint('InService', { config: OLD, lastModified: sec(80) }), [
        alarm(ERRORS, 'OK', sec(85), 'Threshold Crossed: 0.0 < 1.0'),
        alarm(LATENCY, 'OK', T0 - 5000)
      ])
    ])
    expect(table(t).at(-1)).toBe(
      `T+1 min 20 s | 100% | 0% | rolled back to blue: alarm ${ERRORS} in ALARM`
    )
    expect(t.alarms.find(a => a.name === ERRORS)).toMatchObject({
      statesSeen: ['OK', 'ALARM', 'OK'],
      finalState: 'OK',
      fired: true,
      firedAt: sec(62),
      firedReason: 'Threshold Crossed: 5.1 > 1.0',
      lastReason: 'Threshold Crossed: 0.0 < 1.0'
    })
    expect(settle(t, labContext())).toMatchObject({
      outcome: 'rolled-back',
      triggeredAlarms: [ERRORS],
      summary: `SageMaker rolled back to ${OLD}: alarm ${ERRORS} went into ALARM.`
    })
  })

  it('a rollback known only from the progress seen (no LastModifiedTime to compare) is still a rollback', () => {
    const ctx = labContext({ previousLastModified: undefined })
    const back: EndpointSnapshot = {
      ...endpoint('InService', { config: OLD }),
      lastModifiedTime: undefined
    }
    const t = replay(
      [
        observe(sec(1), updating(green(0, [['Creating', T0]]), { lastModifiedTime: undefined })),
        observe(sec(65), { ...baking(1, sec(60)), lastModifiedTime: undefined }),
        observe(sec(100), back)
      ],
      ctx
    )
    expect(t.sawProgress).toBe(true)
    // No service time for the rollback itself: the latest the service showed (the bake's start).
    expect(table(t)).toEqual([
      'T+0 | 100% | 0% | deployment starts, green fleet provisioning',
      `T+1 min | 75% | 25% | ${STEP(1, 25)}`,
      'T+1 min | 100% | 0% | rolled back to blue'
    ])
    expect(settle(t, ctx)?.outcome).toBe('rolled-back')
    // Without any progress seen the same InService is the state before SageMaker started.
    const before = replay([observe(sec(100), back)], ctx)
    expect(before.sawProgress).toBe(false)
    expect(table(before)).toEqual(['T+0 | 100% | 0% | deployment starts, green fleet provisioning'])
    expect(settle(before, ctx)).toBeUndefined()
  })

  it("this run's config listed as pending counts as progress, even on an InService endpoint", () => {
    const ctx = labContext({ previousLastModified: undefined })
    const pending: EndpointSnapshot = {
      ...endpoint('InService', { config: OLD }),
      pendingConfigName: NEW,
      lastModifiedTime: undefined
    }
    const back: EndpointSnapshot = { ...pending, pendingConfigName: undefined }
    const t = replay([observe(sec(5), pending), observe(sec(100), back)], ctx)
    expect(t.sawProgress).toBe(true)
    expect(settle(t, ctx)?.outcome).toBe('rolled-back')
    // The pending answer had not settled: the rollback has its row and its event.
    expect(table(t)).toEqual([
      'T+0 | 100% | 0% | deployment starts, green fleet provisioning',
      'T+0 | 100% | 0% | rolled back to blue'
    ])
    expect(log(t)).toEqual([
      `0 start: update requested: ${OLD} → ${NEW}`,
      `0 rollback: endpoint InService on ${OLD} (the previous config): rolled back`
    ])
    // Another deployment pending: SageMaker takes no update while one is in progress, so this
    // run's had ended (here on the old config) before it started.
    const other = replay(
      [
        observe(sec(5), { ...pending, pendingConfigName: 'another-config' }),
        observe(sec(100), back)
      ],
      ctx
    )
    expect(other.sawProgress).toBe(true)
    expect(other.other).toEqual({ configName: 'another-config', live: false })
  })

  it('a second InService poll on the old config adds no second rollback row or event', () => {
    const back = endpoint('InService', { config: OLD, lastModified: sec(80) })
    const t = replay([
      observe(sec(1), updating(green(0, [['Creating', T0]])), quiet()),
      observe(sec(65), baking(1, sec(60)), fired(sec(62))),
      observe(sec(90), back, fired(sec(62))),
      observe(sec(100), back, fired(sec(62)))
    ])
    expect(table(t)).toEqual([
      'T+0 | 100% | 0% | deployment starts, green fleet provisioning',
      `T+1 min | 75% | 25% | ${STEP(1, 25)}`,
      `T+1 min 20 s | 100% | 0% | rolled back to blue: alarm ${ERRORS} in ALARM`
    ])
    expect(t.events.filter(e => e.kind === 'rollback')).toHaveLength(1)
  })

  it("a rollback before any shift never overwrites T+0's row", () => {
    const t = replay([
      observe(sec(1), updating(green(0, [['Creating', T0]]))),
      observe(
        sec(300),
        endpoint('InService', {
          config: OLD,
          failureReason: 'did not pass the ping health check',
          lastModified: sec(240)
        })
      )
    ])
    expect(table(t)).toEqual([
      'T+0 | 100% | 0% | deployment starts, green fleet provisioning',
      'T+4 min | 100% | 0% | rolled back to blue'
    ])
    expect(log(t).at(-1)).toBe(
      `240 rollback: endpoint InService on ${OLD} (the previous config): rolled back — did not pass the ping health check`
    )
  })

  it('a rollback by an alarm no poll saw in ALARM, named by FailureReason, shows the first shift between polls', () => {
    const reason = `Deployment rolled back: CloudWatch alarm(s) ${LATENCY} in ALARM state.`
    const t = replay([
      observe(sec(1), updating(green(0, [['Creating', T0]])), quiet()),
      observe(
        sec(240),
        endpoint('InService', { config: OLD, failureReason: reason, lastModified: sec(81) }),
        quiet()
      )
    ])
    expect(table(t)).toEqual([
      'T+0 | 100% | 0% | deployment starts, green fleet provisioning',
      `between T+0 and T+1 min 21 s | 75% | 25% | ${STEP(1, 25)} (between two polls, not seen)`,
      `T+1 min 21 s | 100% | 0% | rolled back to blue: alarm ${LATENCY} in ALARM`
    ])
    // The estimate is the schedule's: T+1 min, inside the bounds.
    expect(t.steps[1]?.at).toBe(sec(60))
  })

  it('a rollback whose reason says "alarm" without naming a watched one still shows the first shift', () => {
    const t = replay([
      observe(sec(1), updating(green(0, [['Creating', T0]]))),
      observe(
        sec(240),
        endpoint('InService', {
          config: OLD,
          failureReason: 'Alarm some-other-alarm in ALARM',
          lastModified: sec(81)
        })
      )
    ])
    expect(table(t).slice(1)).toEqual([
      `between T+0 and T+1 min 21 s | 75% | 25% | ${STEP(1, 25)} (between two polls, not seen)`,
      'T+1 min 21 s | 100% | 0% | rolled back to blue'
    ])
  })

  it('a rollback by an alarm after a shift was seen adds no shift no poll saw', () => {
    const t = replay([
      observe(sec(1), updating(green(0, [['Creating', T0]])), quiet()),
      observe(sec(65), baking(1, sec(60)), quiet()),
      observe(
        sec(200),
        endpoint('InService', { config: OLD, lastModified: sec(150) }),
        fired(sec(140))
      )
    ])
    expect(table(t)).toEqual([
      'T+0 | 100% | 0% | deployment starts, green fleet provisioning',
      `T+1 min | 75% | 25% | ${STEP(1, 25)}`,
      `T+2 min 30 s | 100% | 0% | rolled back to blue: alarm ${ERRORS} in ALARM`
    ])
  })

  it('green torn down while the endpoint is still Updating: traffic is back on blue from the teardown', () => {
    const t = replay([
      observe(sec(1), updating(green(0, [['Creating', T0]])), quiet()),
      observe(sec(65), baking(1, sec(60)), quiet()),
      observe(
        sec(100),
        updating(
          green(0, [
            ['Baking', sec(60)],
            ['Deleting', sec(92), 'Terminating 1 instance(s).']
          ])
        ),
        fired(sec(90))
      ),
      observe(sec(110), updating(green(0, [['Deleting', sec(92)]])), fired(sec(90)))
    ])
    expect(table(t)).toEqual([
      'T+0 | 100% | 0% | deployment starts, green fleet provisioning',
      `T+1 min | 75% | 25% | ${STEP(1, 25)}`,
      `T+1 min 32 s | 100% | 0% | rolling back: alarm ${ERRORS} in ALARM`
    ])
    expect(t.sawRollingBack).toBe(true)
    expect(settle(t, labContext())).toBeUndefined()
  })

  it("another deployment's fleet being deleted is not this run's rollback: this run had ended on the old config", () => {
    const t = replay([
      observe(
        sec(1),
        updating(green(0, [['Deleting', sec(1)]]), { pendingConfigName: 'another-config' })
      )
    ])
    expect(t.sawRollingBack).toBe(false)
    expect(table(t)).toEqual([
      'T+0 | 100% | 0% | deployment starts, green fleet provisioning',
      'T+2 s | 100% | 0% | rolled back to blue'
    ])
    expect(log(t).at(-1)).toBe(
      "3 other: another deployment started: another-config (this run's deployment had ended)"
    )
  })
})

describe('failures, row by row', () => {
  it('Failed: the table ends on the last split seen, at the time SageMaker gives', () => {
    const t = replay([
      observe(sec(1), updating(green(0, [['Creating', T0]]))),
      observe(sec(65), updating(green(1, [['Baking', sec(60)]]))),
      observe(
        sec(100),
        endpoint('Failed', { config: OLD, failureReason: 'image not found', lastModified: sec(90) })
      ),
      observe(
        sec(110),
        endpoint('Failed', { config: OLD, failureReason: 'image not found', lastModified: sec(90) })
      )
    ])
    expect(table(t)).toEqual([
      'T+0 | 100% | 0% | deployment starts, green fleet provisioning',
      `T+1 min | 75% | 25% | ${STEP(1, 25)}`,
      'T+1 min 30 s | 75% | 25% | endpoint Failed (the split is the last one seen)'
    ])
    expect(log(t).slice(-2)).toEqual([
      '90 status: endpoint Failed',
      '90 failed: endpoint Failed: image not found'
    ])
  })

  it('UpdateRollbackFailed: never before the last row, naming the alarm', () => {
    const t = replay([
      observe(sec(1), updating(green(0, [['Creating', T0]]))),
      observe(sec(125), updating(green(2, [['Baking', sec(120)]])), [
        alarm(ERRORS, 'ALARM', sec(122))
      ]),
      // SageMaker's LastModifiedTime is older than the last step seen.
      observe(sec(200), endpoint('UpdateRollbackFailed', { config: OLD, lastModified: sec(100) }), [
        alarm(ERRORS, 'ALARM', sec(122))
      ])
    ])
    expect(table(t).slice(1)).toEqual([
      `between T+0 and T+2 min | 75% | 25% | ${STEP(1, 25)} (between two polls, not seen)`,
      `T+2 min | 50% | 50% | ${STEP(2, 50)}`,
      `T+2 min | 50% | 50% | rollback failed (UpdateRollbackFailed): alarm ${ERRORS} in ALARM: old and new fleets both serve (the split is the last one seen)`
    ])
    expect(log(t).filter(e => e.includes('failed:'))).toEqual([
      '100 failed: endpoint UpdateRollbackFailed'
    ])
  })
})

describe('status changes in the log', () => {
  it('SystemUpdating and OutOfService say what they mean; a status is logged once while it lasts', () => {
    const t = replay([
      observe(sec(1), updating(green(0, [['Creating', T0]]))),
      observe(sec(20), { ...updating(green(0, [['Creating', T0]])), status: 'SystemUpdating' }),
      observe(sec(30), { ...updating(green(0, [['Creating', T0]])), status: 'SystemUpdating' }),
      observe(sec(40), { ...endpoint('OutOfService', { config: OLD, lastModified: sec(35) }) })
    ])
    expect(log(t).filter(e => / status: /.test(e))).toEqual([
      '0 status: endpoint Updating',
      '0 status: endpoint SystemUpdating (SageMaker maintenance: the deployment waits until it ends)',
      '35 status: endpoint OutOfService (SageMaker: not available to take incoming requests)'
    ])
  })

  it('a green status is logged once while it lasts; a new one with the same start time still is', () => {
    const t = replay([
      observe(sec(1), updating(green(0, [['Creating', T0]]))),
      observe(sec(20), updating(green(0, [['Creating', T0]]))),
      // StartTime in whole seconds: the next status can share its predecessor's.
      observe(sec(30), updating(green(1, [['ActivatingTraffic', T0]])))
    ])
    expect(log(t)).toEqual([
      `0 start: update requested: ${OLD} → ${NEW}`,
      '0 status: endpoint Updating',
      '0 provisioning: green fleet Creating',
      '0 step: green fleet ActivatingTraffic (green 25% / blue 75%)'
    ])
  })

  it('a first deploy goes from creation to in service, with no shift rows', () => {
    const ctx = labContext({
      firstDeploy: true,
      oldConfigName: undefined,
      previousLastModified: undefined
    })
    const created = (status: string, lastModified: number) =>
      endpoint(status, { config: NEW, lastModified })
    const t = replay(
      [observe(sec(1), created('Creating', T0)), observe(sec(200), created('InService', sec(180)))],
      ctx
    )
    expect(table(t)).toEqual([
      'T+0 | 0% | 0% | endpoint creation started',
      'T+3 min | 0% | 100% | endpoint in service on the new config'
    ])
    expect(log(t)).toEqual([
      `0 start: creating endpoint on ${NEW} (new endpoint: no traffic shift)`,
      '0 status: endpoint Creating',
      `180 complete: endpoint InService on ${NEW}`
    ])
  })

  it('an update with no previous config is logged as from "?"', () => {
    const t = createTimeline(labContext({ oldConfigName: undefined }), T0)
    expect(t.events[0]?.message).toBe(`update requested: ? → ${NEW}`)
  })
})

describe('lost polls', () => {
  it('logs the first of a run of failures, with its error, and again after an answer', () => {
    const t = replay([
      observe(sec(1), updating(green(0, [['Creating', T0]]))),
      observe(sec(10), undefined, [], 'ThrottlingException: Rate exceeded'),
      observe(sec(20), undefined, [], 'socket hang up'),
      observe(sec(30), updating(green(0, [['Creating', T0]]))),
      observe(sec(40), undefined, [], undefined)
    ])
    expect(log(t).filter(e => e.includes('poll-error'))).toEqual([
      '0 poll-error: poll failed: ThrottlingException: Rate exceeded (retrying)',
      '0 poll-error: poll failed: unknown error (retrying)'
    ])
    expect([t.polls, t.failedPolls, t.consecutiveFailedPolls]).toEqual([5, 3, 1])
  })

  it('a lost poll after an alarm fired is logged at the latest event known, the alarm', () => {
    const t = replay([
      observe(sec(31), updating(green(0, [['Creating', T0]])), [
        alarm(ERRORS, 'ALARM', sec(30), 'Threshold Crossed: 5.1 > 1.0')
      ]),
      observe(sec(40), undefined, [], 'socket hang up')
    ])
    expect(log(t)).toEqual([
      `0 start: update requested: ${OLD} → ${NEW}`,
      '0 provisioning: green fleet Creating',
      `30 status: endpoint Updating`,
      `30 alarm: alarm ${ERRORS}: ALARM (Threshold Crossed: 5.1 > 1.0)`,
      '30 poll-error: poll failed: socket hang up (retrying)'
    ])
  })

  it('a lost first poll is logged at the latest service time known', () => {
    const start = createTimeline(labContext(), T0)
    const t = reduce(start, observe(sec(5), undefined, [], 'x'), labContext())
    expect(t.events.at(-1)).toEqual({
      at: T0,
      kind: 'poll-error',
      message: 'poll failed: x (retrying)'
    })
    expect(t.last).toBeUndefined()
  })
})

describe('alarms between polls', () => {
  it('an alarm in ALARM at the first poll is logged with no previous state, before the status the same poll saw', () => {
    const t = replay([
      observe(sec(1), updating(undefined, { lastModifiedTime: sec(1) }), [
        alarm(ERRORS, 'ALARM', T0 - 60_000, 'already')
      ]),
      observe(sec(50), updating(undefined, { lastModifiedTime: sec(1) }), [
        alarm(ERRORS, 'ALARM', T0 - 60_000, 'already')
      ])
    ])
    expect(log(t)).toEqual([
      `0 start: update requested: ${OLD} → ${NEW}`,
      `-61 alarm: alarm ${ERRORS}: ALARM (already)`,
      '0 status: endpoint Updating'
    ])
    expect(t.alarms).toEqual([
      {
        name: ERRORS,
        statesSeen: ['ALARM'],
        finalState: 'ALARM',
        lastReason: 'already',
        firedReason: 'already',
        fired: true,
        firedAt: T0 - 60_000,
        updatedAt: T0 - 60_000,
        updatedBetweenPolls: false
      }
    ])
  })

  it('an alarm with no update time or reason: logged at the poll, no reason in brackets', () => {
    const t = replay([
      observe(sec(1), updating(undefined, { lastModifiedTime: sec(1) }), [
        { name: ERRORS, state: 'OK', reason: undefined, updatedAt: undefined }
      ]),
      observe(sec(50), updating(undefined, { lastModifiedTime: sec(40) }), [
        { name: ERRORS, state: 'ALARM', reason: undefined, updatedAt: undefined }
      ])
    ])
    // T+0 is the first LastModifiedTime (1 s); the poll's latest service time is 40 s.
    expect(log(t).at(-1)).toBe(`39 alarm: alarm ${ERRORS}: OK → ALARM`)
    expect(t.alarms[0]).toMatchObject({
      fired: true,
      firedAt: sec(40),
      firedReason: undefined,
      updatedAt: undefined
    })
  })

  it('marks an alarm whose state is the same but updated since the last poll, only when both times are known', () => {
    const seq = (first: number | undefined, second: number | undefined) =>
      replay([
        observe(sec(1), updating(undefined), [{ ...alarm(ERRORS, 'OK'), updatedAt: first }]),
        observe(sec(50), updating(undefined), [{ ...alarm(ERRORS, 'OK'), updatedAt: second }])
      ]).alarms[0]?.updatedBetweenPolls
    expect(seq(T0 - 5000, sec(30))).toBe(true)
    expect(seq(T0 - 5000, T0 - 5000)).toBe(false)
    expect(seq(sec(30), T0 - 5000)).toBe(false)
    expect(seq(undefined, sec(30))).toBe(false)
    expect(seq(T0 - 5000, undefined)).toBe(false)
    // A change of state is seen by the polls, not one that happened between them.
    const changed = replay([
      observe(sec(1), updating(undefined), [alarm(ERRORS, 'OK', T0 - 5000)]),
      observe(sec(50), updating(undefined), [alarm(ERRORS, 'ALARM', sec(30), 'crossed')])
    ])
    expect(changed.alarms[0]).toEqual({
      name: ERRORS,
      statesSeen: ['OK', 'ALARM'],
      finalState: 'ALARM',
      lastReason: 'crossed',
      firedReason: 'crossed',
      fired: true,
      firedAt: sec(30),
      updatedAt: sec(30),
      updatedBetweenPolls: false
    })
    // Once marked, it stays marked.
    const t = replay([
      observe(sec(1), updating(undefined), [alarm(ERRORS, 'OK', T0 - 5000)]),
      observe(sec(50), updating(undefined), [alarm(ERRORS, 'OK', sec(30))]),
      observe(sec(90), updating(undefined), [alarm(ERRORS, 'OK', sec(30))])
    ])
    expect(t.alarms[0]?.updatedBetweenPolls).toBe(true)
    expect(t.alarms[0]?.updatedAt).toBe(sec(30))
  })

  it('keeps the last reason known when a later read gives none', () => {
    const t = replay([
      observe(sec(1), updating(undefined), [alarm(ERRORS, 'OK', T0, 'quiet')]),
      observe(sec(50), updating(undefined), [alarm(ERRORS, 'OK', T0)])
    ])
    expect(t.alarms[0]?.lastReason).toBe('quiet')
  })

  it('a poll that does not read the alarms keeps what earlier polls saw', () => {
    const t = replay([
      observe(sec(1), updating(undefined), [alarm(ERRORS, 'ALARM', T0, 'crossed')]),
      observe(sec(50), updating(undefined), [])
    ])
    expect(t.alarms.map(a => [a.name, a.finalState, a.fired])).toEqual([[ERRORS, 'ALARM', true]])
  })
})

describe('latestStatus', () => {
  it('is the entry with the latest start time; a later entry wins a tie; none has no status', () => {
    const s = (status: string, startTime: number | undefined) => ({
      status,
      message: undefined,
      startTime
    })
    expect(latestStatus([s('Baking', 2), s('Creating', 1)])?.status).toBe('Baking')
    expect(latestStatus([s('Creating', 1), s('Baking', 1)])?.status).toBe('Baking')
    expect(latestStatus([s('Baking', 5), s('Creating', undefined)])?.status).toBe('Baking')
    expect(latestStatus([s('Creating', undefined), s('Baking', undefined)])?.status).toBe('Baking')
    expect(latestStatus([])).toBeUndefined()
  })
})

describe('the schedule of a canary: more shifts seen than the schedule has', () => {
  it('labels each shift "step k of n", n growing when the service shows more', () => {
    const canary = [
      LAB_SCHEDULE[0]!,
      { ...LAB_SCHEDULE[1]!, label: 'canary' },
      { ...LAB_SCHEDULE[4]!, offsetSeconds: 120, label: 'the rest' }
    ]
    const ctx = labContext({ schedule: canary })
    const t = replay(
      [
        observe(sec(65), updating(green(1, [['Baking', sec(60)]]))),
        observe(sec(125), updating(green(2, [['Baking', sec(120)]]))),
        observe(sec(185), updating(green(4, [['Baking', sec(180)]])))
      ],
      ctx
    )
    expect(table(t).slice(1)).toEqual([
      'T+1 min | 75% | 25% | step 1 of 2: 25% shifted to green, alarms monitored',
      'T+2 min | 50% | 50% | step 2 of 2: 50% shifted to green, alarms monitored',
      'T+3 min | 0% | 100% | all traffic on green (step 3 of 3), no final bake: SageMaker no longer watches the alarms'
    ])
  })
})

describe('times from the service, poll by poll', () => {
  const later = (at: number): AlarmSnapshot[] => [
    alarm(ERRORS, 'OK', at),
    alarm(LATENCY, 'OK', T0 - 5000)
  ]

  it("an in-progress status is logged at the poll's latest service time, a fleet's status start included", () => {
    // The live fleet's own VariantStatus started last (8 s), after the green fleet's (5 s).
    const live = green(4, [['Updating', sec(8)]])
    const t = replay([
      observe(sec(10), updating(green(0, [['Creating', sec(5)]]), { blue: live }), quiet())
    ])
    expect(log(t)).toEqual([
      `0 start: update requested: ${OLD} → ${NEW}`,
      '5 provisioning: green fleet Creating',
      '8 status: endpoint Updating'
    ])
  })

  it('T+0 is LastModifiedTime when the green fleet lists no status yet', () => {
    const t = replay([
      observe(
        sec(10),
        updating(green(0, []), { pendingStartTime: undefined, lastModifiedTime: sec(7) })
      )
    ])
    expect(t.startedAt).toBe(sec(7))
    expect(table(t)).toEqual(['T+0 | 100% | 0% | deployment starts, green fleet provisioning'])
  })

  it('a settled status is logged at its LastModifiedTime, else at the latest service time of the poll', () => {
    const outOfService = (lastModified: number | undefined) =>
      replay([
        observe(sec(1), updating(green(0, [['Creating', T0]])), quiet()),
        observe(
          sec(40),
          { ...endpoint('OutOfService', { config: OLD }), lastModifiedTime: lastModified },
          later(sec(38))
        )
      ])
    const note = 'endpoint OutOfService (SageMaker: not available to take incoming requests)'
    expect(log(outOfService(sec(35))).at(-1)).toBe(`35 status: ${note}`)
    expect(log(outOfService(undefined)).at(-1)).toBe(`38 status: ${note}`)
  })

  it("a green status is logged at its own start time; with none, at the poll's latest service time", () => {
    const t = replay([
      observe(sec(1), updating(green(0, [['Creating', T0]])), quiet()),
      observe(sec(70), updating(green(1, [['Baking', sec(60)]])), later(sec(65))),
      observe(sec(140), updating(green(2, [['Baking', undefined]])), later(sec(130)))
    ])
    expect(log(t).filter(e => / bake: /.test(e))).toEqual([
      '60 bake: green fleet Baking (green 25% / blue 75%)',
      '130 bake: green fleet Baking (green 50% / blue 50%)'
    ])
    expect(table(t).slice(1)).toEqual([
      `T+1 min | 75% | 25% | ${STEP(1, 25)}`,
      `T+2 min 10 s | 50% | 50% | ${STEP(2, 50)}`
    ])
  })

  it('the completion row is at LastModifiedTime even when an alarm moved later; without it, at the latest time', () => {
    const done = (lastModified: number | undefined) =>
      replay([
        observe(sec(1), updating(green(0, [['Creating', T0]])), quiet()),
        observe(
          sec(300),
          { ...endpoint('InService', { config: NEW }), lastModifiedTime: lastModified },
          later(sec(280))
        )
      ])
    const atModified = done(sec(270))
    expect(table(atModified).at(-1)).toBe(
      'T+4 min 30 s | 0% | 100% | complete, blue fleet decommissioned'
    )
    expect(log(atModified).at(-1)).toBe(`270 complete: endpoint InService on ${NEW}`)
    const atLatest = done(undefined)
    expect(table(atLatest).at(-1)).toBe(
      'T+4 min 40 s | 0% | 100% | complete, blue fleet decommissioned'
    )
    expect(log(atLatest).at(-1)).toBe(`280 complete: endpoint InService on ${NEW}`)
  })

  it('the new config live while another config is pending: this run completed before the other started', () => {
    const t = replay([
      observe(sec(1), updating(green(0, [['Creating', T0]]))),
      observe(sec(300), {
        ...endpoint('Updating', { config: NEW, lastModified: sec(290) }),
        green: green(0, [['Creating', sec(290)]]),
        pendingConfigName: 'another-config',
        pendingStartTime: sec(290)
      })
    ])
    // Dated by the other deployment's start, the latest the completion can have been; the other
    // deployment's green fleet is not this run's.
    expect(table(t).at(-1)).toBe('T+4 min 50 s | 0% | 100% | complete, blue fleet decommissioned')
    expect(log(t).at(-1)).toBe(
      "290 other: another deployment started: another-config (this run's deployment had ended)"
    )
    expect(settle(t, labContext())).toMatchObject({
      outcome: 'deployed',
      finalConfigName: NEW,
      summary: `${NEW} is the endpoint's config, in service. Another deployment (another-config) has started on the endpoint since.`
    })
  })
})

describe('rollbacks the polls half saw', () => {
  it('RollingBack on alarms before any poll saw traffic: the first shift after the previous poll, both alarms named', () => {
    const t = replay([
      // The previous poll reached 20 s of service time: the missed shift came after it.
      observe(sec(21), updating(green(0, [['Creating', sec(20)]])), quiet()),
      observe(sec(100), { ...updating(green(0, [['Creating', sec(20)]])), status: 'RollingBack' }, [
        alarm(ERRORS, 'ALARM', sec(85), 'Threshold Crossed: 5.1 > 1.0'),
        alarm(LATENCY, 'ALARM', sec(88), 'Threshold Crossed: 900 > 500')
      ])
    ])
    expect(table(t)).toEqual([
      'T+0 | 100% | 0% | deployment starts, green fleet provisioning',
      `between T+20 s and T+1 min 28 s | 75% | 25% | ${STEP(1, 25)} (between two polls, not seen)`,
      `T+1 min 28 s | 100% | 0% | rolling back: alarm ${ERRORS}, ${LATENCY} in ALARM`
    ])
  })

  it('RollingBack with no alarm involved adds no shift no poll saw', () => {
    const t = replay([
      observe(sec(1), updating(green(0, [['Creating', T0]])), quiet()),
      observe(
        sec(100),
        {
          ...updating(green(0, [['Creating', T0]]), { lastModifiedTime: sec(95) }),
          status: 'RollingBack'
        },
        quiet()
      )
    ])
    expect(table(t)).toEqual([
      'T+0 | 100% | 0% | deployment starts, green fleet provisioning',
      'T+1 min 35 s | 100% | 0% | rolling back'
    ])
  })

  it('green torn down on an alarm before any poll saw traffic: the first shift ends at the teardown', () => {
    const t = replay([
      observe(sec(21), updating(green(0, [['Creating', sec(20)]])), quiet()),
      observe(
        sec(100),
        updating(
          green(0, [
            ['Creating', sec(20)],
            ['Deleting', sec(92), 'Terminating 1 instance(s).']
          ])
        ),
        // The other alarm's evaluation moved after the teardown began.
        [
          alarm(ERRORS, 'ALARM', sec(90), 'Threshold Crossed: 5.1 > 1.0'),
          alarm(LATENCY, 'OK', sec(97))
        ]
      )
    ])
    expect(table(t)).toEqual([
      'T+0 | 100% | 0% | deployment starts, green fleet provisioning',
      `between T+20 s and T+1 min 32 s | 75% | 25% | ${STEP(1, 25)} (between two polls, not seen)`,
      `T+1 min 32 s | 100% | 0% | rolling back: alarm ${ERRORS} in ALARM`
    ])
  })

  it('a rollback to an endpoint whose config the service does not name is logged as on "?"', () => {
    const t = replay([
      observe(sec(1), updating(green(0, [['Creating', T0]]))),
      observe(sec(100), {
        ...endpoint('InService', { lastModified: sec(90) }),
        configName: undefined
      })
    ])
    expect(log(t).at(-1)).toBe(
      '90 rollback: endpoint InService on ? (the previous config): rolled back'
    )
    expect(table(t).at(-1)).toBe('T+1 min 30 s | 100% | 0% | rolled back to blue')
  })
})
