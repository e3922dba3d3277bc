import { describe, expect, it } from '@jest/globals'
import {
  alarm,
  endpoint,
  labContext,
  labRollback,
  labSuccess,
  min,
  observe,
  T0
} from '../__fixtures__/observations.js'
import { interrupted, settle, timedOut } from '../src/verdict.js'
import { createTimeline, reduce, type WatchContext } from '../src/watch/reducer.js'
import { nextPollDelay } from '../src/watch/schedule.js'
import { PHASE_SPREAD } from '../src/watch/loop.js'
import type { Observation, Timeline } from '../src/types.js'

function replay(observations: Observation[], ctx: WatchContext = labContext()): Timeline {
  return observations.reduce((t, o) => reduce(t, o, ctx), createTimeline(ctx, T0 - 2000))
}

const rows = (t: Timeline) =>
  t.steps.map(s => [(s.at - t.startedAt) / 1000, s.bluePercent, s.greenPercent])

describe('reducer: the lab run of model E (linear 25 %, 60 s)', () => {
  const t = replay(labSuccess())

  it('anchors T+0 on the service clock and records one row per traffic step', () => {
    expect(t.startedAt).toBe(T0)
    expect(rows(t)).toEqual([
      [0, 100, 0],
      [60, 75, 25],
      [120, 50, 50],
      [180, 25, 75],
      [240, 0, 100]
    ])
  })

  it('marks the 100 % row as complete once InService on the new config', () => {
    expect(t.steps.at(-1)?.event).toMatch(
      /all traffic on green.*complete, blue fleet decommissioned/
    )
    expect(t.steps[1]?.event).toBe('step 1 of 4: 25% shifted to green, alarms monitored')
  })

  it('is deployed', () => {
    const v = settle(t, labContext())
    expect(v?.outcome).toBe('deployed')
    expect(v?.triggeredAlarms).toEqual([])
    expect(v?.failureReason).toBeUndefined()
  })

  it('is not settled while any step is still in progress', () => {
    const partial = replay(labSuccess().slice(0, 6))
    expect(settle(partial, labContext())).toBeUndefined()
  })
})

describe('reducer + verdict: rollbacks', () => {
  it('model B: the 5XX alarm fires, traffic returns to blue, the alarm is named', () => {
    const t = replay(labRollback('Alarm lab-endpoint-5xx-rate in ALARM'))
    expect(rows(t)).toEqual([
      [0, 100, 0],
      [60, 75, 25],
      [120, 50, 50],
      [170, 100, 0]
    ])
    expect(t.steps.at(-1)?.event).toBe('rolled back to blue: alarm lab-endpoint-5xx-rate in ALARM')
    const v = settle(t, labContext())
    expect(v?.outcome).toBe('rolled-back')
    expect(v?.triggeredAlarms).toEqual(['lab-endpoint-5xx-rate'])
    expect(v?.summary).toContain('lab-endpoint-5xx-rate')
    expect(v?.failureReason).toBe('Alarm lab-endpoint-5xx-rate in ALARM')
    const alarmTrack = t.alarms.find(a => a.name === 'lab-endpoint-5xx-rate')
    expect(alarmTrack?.statesSeen).toEqual(['OK', 'ALARM'])
    expect(alarmTrack?.firedAt).toBe(min(2) + 30_000)
  })

  it('a rollback with an empty FailureReason is still a rollback', () => {
    const t = replay(labRollback(undefined))
    const v = settle(t, labContext())
    expect(v?.outcome).toBe('rolled-back')
    expect(v?.failureReason).toMatch(/lab-endpoint-5xx-rate/)
  })

  it('a rollback with no alarm seen and no reason says SageMaker gave none', () => {
    const obs = labRollback(undefined).map(o => ({ ...o, alarms: [] }))
    const v = settle(replay(obs), labContext())
    expect(v?.outcome).toBe('rolled-back')
    expect(v?.summary).toMatch(/gave no reason/)
    expect(v?.triggeredAlarms).toEqual([])
  })

  it('a transient RollingBack status is in progress, then a rollback', () => {
    const seq = labRollback('rolled back')
    const rolling = observe(
      min(2) + 45_000,
      endpoint('RollingBack', { green: { status: 'Baking', current: 2, since: min(2) } })
    )
    const withRolling = [...seq.slice(0, 4), rolling]
    const mid = replay(withRolling)
    expect(mid.sawRollingBack).toBe(true)
    expect(settle(mid, labContext())).toBeUndefined()
    expect(mid.steps.at(-1)).toMatchObject({ bluePercent: 100, greenPercent: 0 })
    const end = replay([...withRolling, seq[4]!])
    expect(settle(end, labContext())?.outcome).toBe('rolled-back')
    expect(end.steps.filter(s => s.bluePercent === 100 && s.greenPercent === 0)).toHaveLength(2)
  })

  it('UpdateRollbackFailed is a failure that says the fleets are mixed', () => {
    const seq = labRollback(undefined).slice(0, 4)
    seq.push(
      observe(min(3), endpoint('UpdateRollbackFailed', { failureReason: 'rollback failed' }))
    )
    const v = settle(replay(seq), labContext())
    expect(v?.outcome).toBe('failed')
    expect(v?.summary).toMatch(/mix of the old and new fleets/)
    expect(v?.failureReason).toBe('rollback failed')
  })

  it('Failed is a failure', () => {
    const v = settle(
      replay([observe(T0, endpoint('Failed', { failureReason: 'image not found' }))]),
      labContext()
    )
    expect(v?.outcome).toBe('failed')
    expect(v?.failureReason).toBe('image not found')
  })

  it('top-level config switching to the new one early is not success until InService', () => {
    const early = (o: Observation): Observation =>
      o.endpoint ? { ...o, endpoint: { ...o.endpoint, configName: 'lab-endpoint-cfg-new' } } : o
    const seq = labRollback('rolled back')
    const during = replay(seq.slice(0, 4).map(early))
    expect(settle(during, labContext())).toBeUndefined()
    const after = replay([...seq.slice(0, 4).map(early), seq[4]!])
    expect(settle(after, labContext())?.outcome).toBe('rolled-back')
  })

  it('InService on the new config with a pending deployment still listed is not done', () => {
    const ep = {
      ...endpoint('InService', { config: 'lab-endpoint-cfg-new' }),
      pendingConfigName: 'lab-endpoint-cfg-new'
    }
    expect(settle(replay([observe(T0, ep)]), labContext())).toBeUndefined()
  })
})

describe('reducer: before SageMaker picks the update up', () => {
  const stale = endpoint('InService', {
    config: 'lab-endpoint-cfg-old',
    lastModified: T0 - 3_600_000
  })

  it('InService on the old config, unchanged since pre-flight, is not a verdict', () => {
    const t = replay([observe(T0, stale)])
    expect(settle(t, labContext())).toBeUndefined()
  })

  it('InService on the old config modified after pre-flight is a rollback even if no poll saw it', () => {
    const changed = endpoint('InService', {
      config: 'lab-endpoint-cfg-old',
      lastModified: T0 + 90_000
    })
    const t = replay([observe(T0, stale), observe(min(3), changed)])
    expect(settle(t, labContext())?.outcome).toBe('rolled-back')
  })
})

describe('reducer: lost polls and fallbacks', () => {
  it('a failed poll is never a verdict and counts in a row', () => {
    const t = replay([
      observe(T0, undefined, [], 'Throttling'),
      observe(T0 + 1000, undefined, [], 'socket hang up')
    ])
    expect(settle(t, labContext())).toBeUndefined()
    expect(t.failedPolls).toBe(2)
    expect(t.consecutiveFailedPolls).toBe(2)
    expect(t.events.filter(e => e.kind === 'poll-error')).toHaveLength(1)
    const recovered = reduce(t, labSuccess()[0]!, labContext())
    expect(recovered.consecutiveFailedPolls).toBe(0)
    expect(recovered.failedPolls).toBe(2)
  })

  it('falls back to the schedule when the service gives no instance counts', () => {
    const noCount = (k: number) => {
      const ep = endpoint('Updating', { green: { status: 'Baking', since: min(k) } })
      return observe(min(k) + 1000, ep)
    }
    const t = replay([noCount(1), noCount(2)])
    expect(t.steps.map(s => s.greenPercent)).toEqual([0, 25, 50])
  })

  it('a first deploy goes from creation to in service with no shift', () => {
    const ctx = labContext({
      firstDeploy: true,
      oldConfigName: undefined,
      previousLastModified: undefined
    })
    const t = replay(
      [
        observe(T0, endpoint('Creating', { config: 'lab-endpoint-cfg-new', lastModified: T0 })),
        observe(
          min(2),
          endpoint('InService', { config: 'lab-endpoint-cfg-new', lastModified: min(2) })
        )
      ],
      ctx
    )
    expect(rows(t)).toEqual([
      [0, 0, 0],
      [120, 0, 100]
    ])
    expect(settle(t, ctx)?.outcome).toBe('deployed')
  })

  it('logs alarm transitions with their reason', () => {
    const t = replay(labRollback('x'))
    const alarmEvents = t.events.filter(e => e.kind === 'alarm').map(e => e.message)
    expect(alarmEvents).toEqual([
      'alarm lab-endpoint-5xx-rate: OK → ALARM (Threshold Crossed: 5.1 > 1.0)'
    ])
  })

  it('an alarm already in ALARM at the first poll counts as fired', () => {
    const t = replay([
      observe(T0, endpoint('Updating'), [alarm('a', 'ALARM', T0 - 60_000, 'already')])
    ])
    expect(t.alarms[0]?.fired).toBe(true)
    expect(t.events.some(e => e.message === 'alarm a: ALARM (already)')).toBe(true)
  })
})

describe('verdicts for stops', () => {
  it('timed-out says SageMaker may still be working and how to resume', () => {
    const t = replay(labSuccess().slice(0, 3))
    const v = timedOut(t, 600)
    expect(v.outcome).toBe('timed-out')
    expect(v.summary).toMatch(/may still be working.*Updating.*re-run/)
  })

  it('interrupted keeps the last state and is never deployed', () => {
    const v = interrupted(replay(labSuccess().slice(0, 3)), 'Stopped watching: ExpiredToken.')
    expect(v.outcome).toBe('failed')
    expect(v.summary).toMatch(
      /may still be running in SageMaker \(last state: Updating on lab-endpoint-cfg-old\)/
    )
  })
})

describe('schedule-aware polling', () => {
  const pacing = { pollIntervalMs: 10_000, floorMs: 2000 }

  it('polls at the cap when nothing is expected soon', () => {
    const t = replay(labSuccess().slice(0, 1))
    expect(nextPollDelay(t, labContext(), pacing, T0 + 1000)).toBe(10_000)
  })

  it('polls just after the end of a bake when it falls within the cap', () => {
    const t = replay(labSuccess().slice(0, 4)) // baking step 2 since min(2)
    expect(nextPollDelay(t, labContext(), pacing, min(3) - 4000)).toBe(4500)
    expect(nextPollDelay(t, labContext(), pacing, min(3) - 500)).toBe(2000)
    expect(nextPollDelay(t, labContext(), pacing, min(2) + 10_000)).toBe(10_000)
  })

  it("spreads concurrent runs' polls after a step's end over most of the interval, never past it", () => {
    const t = replay(labSuccess().slice(0, 4)) // the bake ends at min(3)
    const delay = (r: number) =>
      nextPollDelay(
        t,
        labContext(),
        { ...pacing, phaseMs: r * pacing.pollIntervalMs * PHASE_SPREAD, random: () => r },
        min(3) - 1000
      )
    // 1 s to the bake's end + 0.5 s + this run's phase + jitter (the 2 s floor for the first).
    expect([0, 0.5, 0.999].map(delay)).toEqual([2000, 5000, 8493])
  })

  it('trusts the bake length SageMaker states over the policy', () => {
    const ep = endpoint('Updating', { green: { status: 'Baking', current: 4, since: min(4) } })
    const stated = {
      ...ep,
      green: {
        ...ep.green!,
        statuses: [
          {
            status: 'Baking',
            message:
              'Baking for 30 seconds with traffic enabled on full capacity of 4 instance(s).',
            startTime: min(4)
          }
        ]
      }
    }
    const t = replay([observe(min(4) + 1000, stated)])
    expect(nextPollDelay(t, labContext(), pacing, min(4) + 25_000)).toBe(5500)
  })

  it('backs off, within the cap, while polls fail', () => {
    const t = replay([
      observe(T0, undefined, [], 'x'),
      observe(T0, undefined, [], 'x'),
      observe(T0, undefined, [], 'x')
    ])
    const d = nextPollDelay(t, labContext(), pacing, T0)
    expect(d).toBeGreaterThanOrEqual(10_000 * 0.75)
    expect(d).toBeLessThanOrEqual(10_000)
  })
})
