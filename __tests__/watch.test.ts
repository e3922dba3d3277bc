import { describe, expect, it } from '@jest/globals'
import {
  alarm,
  endpoint,
  eventLog,
  labContext,
  labRollback,
  labSuccess,
  min,
  observe,
  stepTable,
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
      [240, 0, 100],
      [270, 0, 100]
    ])
  })

  it('stamps "complete" at the completion time of the service, after the last bake', () => {
    expect(t.steps.at(-2)?.event).toBe(
      'all traffic on green (step 4 of 4), no final bake: SageMaker no longer watches the alarms'
    )
    expect(t.steps.at(-1)).toEqual({
      at: min(4) + 30_000,
      bluePercent: 0,
      greenPercent: 100,
      event: 'complete, blue fleet decommissioned'
    })
    expect(t.steps[1]?.event).toBe('step 1 of 4: 25% shifted to green, alarms monitored')
    expect(t.steps.some(s => s.between !== undefined)).toBe(false)
  })

  it('logs each green fleet status with the traffic split', () => {
    const messages = t.events
      .filter(e => e.kind === 'step' || e.kind === 'bake')
      .map(e => e.message)
    expect(messages[0]).toBe('green fleet ActivatingTraffic (green 25% / blue 75%)')
    expect(messages.at(-1)).toBe('green fleet Baking (green 100% / blue 0%)')
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
    expect(stepTable(t)).toEqual([
      'T+0 | 100% | 0% | deployment starts, green fleet provisioning',
      'T+1 min | 75% | 25% | step 1 of 4: 25% shifted to green, alarms monitored',
      'T+2 min | 50% | 50% | step 2 of 4: 50% shifted to green, alarms monitored',
      'T+2 min 50 s | 100% | 0% | rolled back to blue: alarm lab-endpoint-5xx-rate in ALARM'
    ])
    expect(settle(t, labContext())).toEqual({
      outcome: 'rolled-back',
      summary:
        'SageMaker rolled back to lab-endpoint-cfg-old: alarm lab-endpoint-5xx-rate went into ALARM.',
      failureReason: 'Alarm lab-endpoint-5xx-rate in ALARM',
      triggeredAlarms: ['lab-endpoint-5xx-rate'],
      finalConfigName: 'lab-endpoint-cfg-old',
      finalStatus: 'InService'
    })
    const alarmTrack = t.alarms.find(a => a.name === 'lab-endpoint-5xx-rate')
    expect(alarmTrack?.statesSeen).toEqual(['OK', 'ALARM'])
    expect(alarmTrack?.firedAt).toBe(min(2) + 30_000)
  })

  it('a rollback with an empty FailureReason is still a rollback', () => {
    const t = replay(labRollback(undefined))
    expect(settle(t, labContext())).toMatchObject({
      outcome: 'rolled-back',
      failureReason: 'Rolled back: alarm lab-endpoint-5xx-rate went into ALARM.',
      triggeredAlarms: ['lab-endpoint-5xx-rate']
    })
  })

  it('a rollback with no alarm seen and no reason says SageMaker gave none', () => {
    const obs = labRollback(undefined).map(o => ({ ...o, alarms: [] }))
    const t = replay(obs)
    expect(settle(t, labContext())).toMatchObject({
      outcome: 'rolled-back',
      summary: 'SageMaker rolled back to lab-endpoint-cfg-old: SageMaker gave no reason.',
      failureReason: 'Rolled back (SageMaker gave no reason).',
      triggeredAlarms: []
    })
    // No alarm and no reason: nothing says green had traffic the polls did not see.
    expect(stepTable(t).at(-1)).toBe('T+2 min 50 s | 100% | 0% | rolled back to blue')
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
    const head = [
      'T+0 | 100% | 0% | deployment starts, green fleet provisioning',
      'T+1 min | 75% | 25% | step 1 of 4: 25% shifted to green, alarms monitored',
      'T+2 min | 50% | 50% | step 2 of 4: 50% shifted to green, alarms monitored'
    ]
    // The alarm's transition (T+2 min 30 s) is the latest service time the RollingBack poll had.
    expect(stepTable(mid)).toEqual([
      ...head,
      'T+2 min 30 s | 100% | 0% | rolling back: alarm lab-endpoint-5xx-rate in ALARM'
    ])
    const end = replay([...withRolling, seq[4]!])
    expect(settle(end, labContext())?.outcome).toBe('rolled-back')
    // One row for the rollback: the RollingBack row, renamed once the rollback is complete.
    expect(stepTable(end)).toEqual([
      ...head,
      'T+2 min 30 s | 100% | 0% | rolled back to blue: alarm lab-endpoint-5xx-rate in ALARM'
    ])
    expect(eventLog(end).filter(e => / rollback: /.test(e))).toEqual([
      '150 rollback: endpoint RollingBack: traffic returning to blue',
      '170 rollback: endpoint InService on lab-endpoint-cfg-old (the previous config): rolled back — rolled back'
    ])
  })

  it('UpdateRollbackFailed is a failure that says the fleets are mixed', () => {
    const seq = labRollback(undefined).slice(0, 4)
    seq.push(
      observe(min(3), endpoint('UpdateRollbackFailed', { failureReason: 'rollback failed' }))
    )
    const t = replay(seq)
    const v = settle(t, labContext())
    expect(v).toMatchObject({
      outcome: 'failed',
      summary:
        'Both the deployment and the auto-rollback failed (UpdateRollbackFailed): the endpoint serves a mix of the old and new fleets. Inspect it in the SageMaker console; leaving this state takes a manual update, or deleting and re-creating the endpoint. Trigger: alarm lab-endpoint-5xx-rate went into ALARM.',
      triggeredAlarms: ['lab-endpoint-5xx-rate'],
      finalStatus: 'UpdateRollbackFailed'
    })
    // The table does not end on "step 2" as if the shift were still going on.
    expect(t.steps.at(-1)).toEqual({
      at: min(2),
      bluePercent: 50,
      greenPercent: 50,
      event:
        'rollback failed (UpdateRollbackFailed): alarm lab-endpoint-5xx-rate in ALARM: old and new fleets both serve (the split is the last one seen)'
    })
    expect(v?.failureReason).toBe('rollback failed')
  })

  it('Failed is a failure', () => {
    const t = replay([observe(T0, endpoint('Failed', { failureReason: 'image not found' }))])
    expect(settle(t, labContext())).toEqual({
      outcome: 'failed',
      summary:
        'The endpoint is Failed: image not found. DeleteEndpoint is the only operation SageMaker allows on it.',
      failureReason: 'image not found',
      triggeredAlarms: [],
      finalConfigName: 'lab-endpoint-cfg-old',
      finalStatus: 'Failed'
    })
    // The first answer is already Failed: T+0 stays where the watch started, and the table
    // ends on a row that says so.
    expect(stepTable(t)).toEqual([
      'T+0 | 100% | 0% | deployment starts, green fleet provisioning',
      'T+2 s | 100% | 0% | endpoint Failed (the split is the last one seen)'
    ])
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
    expect(t.sawProgress).toBe(false)
    expect(settle(t, labContext())).toMatchObject({
      outcome: 'rolled-back',
      summary: 'SageMaker rolled back to lab-endpoint-cfg-old: SageMaker gave no reason.'
    })
    expect(stepTable(t)).toEqual([
      'T+0 | 100% | 0% | deployment starts, green fleet provisioning',
      'T+1 min 32 s | 100% | 0% | rolled back to blue'
    ])
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
    expect(stepTable(t)).toEqual([
      'T+0 | 100% | 0% | deployment starts, green fleet provisioning',
      'T+1 min | 75% | 25% | step 1 of 4: 25% shifted to green, alarms monitored',
      'T+2 min | 50% | 50% | step 2 of 4: 50% shifted to green, alarms monitored'
    ])
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
    expect(stepTable(t)).toEqual([
      'T+0 | 0% | 0% | endpoint creation started',
      'T+2 min | 0% | 100% | endpoint in service on the new config'
    ])
    expect(settle(t, ctx)).toMatchObject({
      outcome: 'deployed',
      summary: "lab-endpoint-cfg-new is the endpoint's config, in service."
    })
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
    expect(timedOut(t, 600)).toMatchObject({
      outcome: 'timed-out',
      summary:
        'No verdict within 600 s. SageMaker may still be working (last state: Updating on lab-endpoint-cfg-old (pending lab-endpoint-cfg-new)); re-run the job to watch it again, or raise the timeout input.'
    })
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

describe('reducer: polls sparser than the steps', () => {
  const failure =
    'Deployment rolled back: CloudWatch alarm(s) lab-endpoint-5xx-rate in ALARM state.'

  it('rebuilds the steps no poll saw from the start time of the step seen, marked as such', () => {
    const t = replay([
      labSuccess()[0]!,
      observe(
        min(3) + 10_000,
        endpoint('Updating', { green: { status: 'Baking', current: 3, since: min(3) } })
      ),
      labSuccess().at(-1)!
    ])
    expect(rows(t)).toEqual([
      [0, 100, 0],
      [60, 75, 25],
      [120, 50, 50],
      [180, 25, 75],
      [240, 0, 100],
      [270, 0, 100]
    ])
    const marked = t.steps.map(s => s.between !== undefined)
    expect(marked).toEqual([false, true, true, false, true, false])
    expect(t.steps[1]).toMatchObject({
      event: 'step 1 of 4: 25% shifted to green, alarms monitored (between two polls, not seen)',
      between: { after: T0, before: min(3) }
    })
    expect(t.steps[4]?.between).toEqual({ after: min(3), before: min(4) + 30_000 })
    expect(t.events.filter(e => /between two polls/.test(e.message)).map(e => e.message)).toEqual([
      'green 25% / blue 75%: step 1 happened between two polls, not seen',
      'green 50% / blue 50%: step 2 happened between two polls, not seen',
      'green 100% / blue 0%: step 4 happened between two polls, not seen'
    ])
  })

  it('a rollback by an alarm that no poll saw still shows the shift it rolled back, never 0 % throughout', () => {
    const t = replay([
      observe(
        T0 + 1000,
        endpoint('Updating', { green: { status: 'Creating', current: 0, since: T0 } }),
        [alarm('lab-endpoint-5xx-rate', 'OK', T0 - 5000, 'first')]
      ),
      observe(
        min(4),
        endpoint('InService', { failureReason: failure, lastModified: min(1) + 21_000 }),
        [alarm('lab-endpoint-5xx-rate', 'OK', min(3), 'was not greater than the threshold')]
      )
    ])
    expect(rows(t)).toEqual([
      [0, 100, 0],
      [60, 75, 25],
      [81, 100, 0]
    ])
    expect(t.steps[1]?.between).toEqual({ after: T0, before: min(1) + 21_000 })
    const v = settle(t, labContext())
    expect(v?.outcome).toBe('rolled-back')
    expect(v?.triggeredAlarms).toEqual(['lab-endpoint-5xx-rate'])
    // The alarm went into ALARM and back between polls: no ALARM reason was seen.
    expect(t.alarms[0]).toMatchObject({ statesSeen: ['OK'], fired: false, firedReason: undefined })
  })

  it('a rollback for another reason (health check) adds no shift', () => {
    const t = replay([
      labSuccess()[0]!,
      observe(
        min(4),
        endpoint('InService', {
          failureReason: 'did not pass the ping health check',
          lastModified: min(1)
        })
      )
    ])
    expect(rows(t)).toEqual([
      [0, 100, 0],
      [60, 100, 0]
    ])
  })
})

describe('reducer: alarm tracks', () => {
  it('keeps the reason of the transition that fired, not the latest one', () => {
    const t = replay([
      observe(T0 + 1000, endpoint('Updating'), [alarm('a', 'OK', T0 - 5000, 'quiet')]),
      observe(min(1), endpoint('Updating'), [alarm('a', 'ALARM', min(1) - 2000, 'was greater')]),
      observe(min(2), endpoint('Updating'), [alarm('a', 'OK', min(2) - 2000, 'was not greater')])
    ])
    expect(t.alarms[0]).toMatchObject({
      statesSeen: ['OK', 'ALARM', 'OK'],
      finalState: 'OK',
      fired: true,
      firedAt: min(1) - 2000,
      firedReason: 'was greater',
      lastReason: 'was not greater'
    })
  })

  it('logs only transitions into and out of ALARM, so the log is the same from run to run', () => {
    const t = replay([
      observe(T0 + 1000, endpoint('Updating'), [
        alarm('a', 'INSUFFICIENT_DATA', T0 - 3000, 'Unchecked: Initial alarm creation')
      ]),
      observe(min(1), endpoint('Updating'), [alarm('a', 'OK', T0 + 7000, 'no datapoints')]),
      observe(min(2), endpoint('Updating'), [alarm('a', 'ALARM', min(2) - 1000, 'crossed')]),
      observe(min(3), endpoint('Updating'), [alarm('a', 'OK', min(3) - 1000, 'back')])
    ])
    expect(t.events.filter(e => e.kind === 'alarm').map(e => e.message)).toEqual([
      'alarm a: OK → ALARM (crossed)',
      'alarm a: ALARM → OK (back)'
    ])
    expect(t.alarms[0]?.statesSeen).toEqual(['INSUFFICIENT_DATA', 'OK', 'ALARM', 'OK'])
  })
})

describe('reducer: an alarm that changed where no poll saw it', () => {
  it('is marked updated between two polls when a later poll shows the same state, updated since', () => {
    const t = replay([
      observe(T0 + 1000, endpoint('Updating'), [alarm('a', 'OK', T0 - 5000, 'quiet')]),
      observe(min(5), endpoint('Updating'), [alarm('a', 'OK', min(4), 'quiet again')])
    ])
    expect(t.alarms[0]).toMatchObject({
      statesSeen: ['OK'],
      fired: false,
      updatedBetweenPolls: true
    })
    const same = replay([
      observe(T0 + 1000, endpoint('Updating'), [alarm('a', 'OK', T0 - 5000)]),
      observe(min(5), endpoint('Updating'), [alarm('a', 'OK', T0 - 5000)])
    ])
    expect(same.alarms[0]?.updatedBetweenPolls).toBe(false)
  })
})
