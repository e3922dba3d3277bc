// Another deployment on the endpoint, poll by poll: what of the endpoint is still this run's
// (ownView), the 'other' events (one per thing learned), the polls counted, the verdict.
// Also the answers that list the old config as pending: a stale answer, not another deployment.
import { describe, expect, it } from '@jest/globals'
import {
  endpoint,
  eventLog,
  labContext,
  observe,
  stepTable,
  T0
} from '../../__fixtures__/observations.js'
import { settle } from '../../src/verdict.js'
import { createTimeline, ownView, reduce, type WatchContext } from '../../src/watch/reducer.js'
import type { EndpointSnapshot, FleetSnapshot, Observation, Timeline } from '../../src/types.js'

const NEW = 'lab-endpoint-cfg-new'
const OLD = 'lab-endpoint-cfg-old'
const ANOTHER = 'another-config'
const THIRD = 'third-config'
const sec = (s: number): number => T0 + s * 1000

function replay(observations: Observation[], ctx: WatchContext = labContext()): Timeline {
  return observations.reduce((t, o) => reduce(t, o, ctx), createTimeline(ctx, T0 - 2000))
}

const table = stepTable
const log = eventLog

function fleet(status: string, startTime: number): FleetSnapshot {
  return {
    variantName: 'AllTraffic',
    currentInstanceCount: 0,
    desiredInstanceCount: 4,
    currentWeight: 1,
    desiredWeight: 1,
    statuses: [{ status, message: undefined, startTime }]
  }
}

/** Updating with this run's config pending, its green fleet provisioning since T+0. */
const provisioning = (): EndpointSnapshot => ({
  ...endpoint('Updating', { lastModified: T0 }),
  green: fleet('Creating', T0),
  pendingConfigName: NEW,
  pendingStartTime: T0
})

/** This run's config live, another one pending since `since`. */
const anotherPending = (since: number | undefined, lastModified: number): EndpointSnapshot => ({
  ...endpoint('Updating', { config: NEW, lastModified }),
  green: fleet('Creating', since ?? lastModified),
  pendingConfigName: ANOTHER,
  pendingStartTime: since
})

/** The verdict when another deployment took the endpoint over. */
const takenOver = (status: string, config: string) => ({
  outcome: 'failed',
  triggeredAlarms: [],
  finalConfigName: config,
  finalStatus: status,
  failureReason: `Another deployment replaced ${NEW}: the endpoint is ${status} on ${config}.`,
  summary: `Another deployment took the endpoint over: it is ${status} on ${config}, neither this run's ${NEW} nor ${OLD}. This run's deployment ended before that, and no poll saw how; look at the endpoint's history in the SageMaker console (or CloudTrail's UpdateEndpoint events) before running it again.`
})

const STEP = (k: number, green: number) =>
  green === 100
    ? `all traffic on green (step ${k} of 4), no final bake: SageMaker no longer watches the alarms`
    : `step ${k} of 4: ${green}% shifted to green, alarms monitored`

const REPLACED = (status: string, config: string) =>
  `endpoint ${status} on ${config}: another deployment has replaced this run's`
const STARTED = (config: string) =>
  `another deployment started: ${config} (this run's deployment had ended)`

describe('ownView: the endpoint as far as this run goes', () => {
  const ctx = labContext()

  it("returns this run's own answer as it is, with no other deployment", () => {
    const ep = provisioning()
    expect(ownView(ep, ctx)).toEqual({ ep })
    const stale: EndpointSnapshot = { ...ep, pendingConfigName: OLD }
    expect(ownView(stale, ctx)).toEqual({ ep: stale })
    const done = endpoint('InService', { config: NEW, lastModified: sec(270) })
    expect(ownView(done, ctx)).toEqual({ ep: done })
  })

  it("dates this run's end by the other deployment's start, else by LastModifiedTime", () => {
    expect(ownView(anotherPending(sec(290), sec(250)), ctx)).toEqual({
      ep: {
        ...endpoint('InService', { config: NEW, lastModified: sec(290) }),
        green: undefined,
        pendingConfigName: undefined,
        pendingStartTime: undefined
      },
      other: { configName: ANOTHER, live: false }
    })
    expect(ownView(anotherPending(undefined, sec(250)), ctx).ep.lastModifiedTime).toBe(sec(250))
  })

  it('a third config live is returned as it is', () => {
    const ep = endpoint('InService', { config: THIRD, lastModified: sec(280) })
    expect(ownView(ep, ctx)).toEqual({ ep, other: { configName: THIRD, live: true } })
  })
})

describe('another deployment pending: this run had ended', () => {
  it("the completion row is at the other deployment's start, not at LastModifiedTime", () => {
    const t = replay([
      observe(sec(1), provisioning()),
      observe(sec(300), anotherPending(sec(290), sec(250)))
    ])
    expect(table(t).at(-1)).toBe('T+4 min 50 s | 0% | 100% | complete, blue fleet decommissioned')
    expect(log(t)).toEqual([
      `0 start: update requested: ${OLD} → ${NEW}`,
      '0 status: endpoint Updating',
      '0 provisioning: green fleet Creating',
      '60 step: green 25% / blue 75%: step 1 happened between two polls, not seen',
      '120 step: green 50% / blue 50%: step 2 happened between two polls, not seen',
      '180 step: green 75% / blue 25%: step 3 happened between two polls, not seen',
      '240 step: green 100% / blue 0%: step 4 happened between two polls, not seen',
      `290 complete: endpoint InService on ${NEW}`,
      `290 other: ${STARTED(ANOTHER)}`
    ])
    expect(t.polls).toBe(2)
  })

  it('without a start time for the other deployment, at LastModifiedTime', () => {
    const t = replay([
      observe(sec(1), provisioning()),
      observe(sec(300), anotherPending(undefined, sec(250)))
    ])
    expect(table(t).at(-1)).toBe('T+4 min 10 s | 0% | 100% | complete, blue fleet decommissioned')
    expect(log(t).slice(-2)).toEqual([
      `250 complete: endpoint InService on ${NEW}`,
      `250 other: ${STARTED(ANOTHER)}`
    ])
  })

  it("a second poll with the other deployment still pending adds no second 'other' event", () => {
    const t = replay([
      observe(sec(1), provisioning()),
      observe(sec(300), anotherPending(sec(290), sec(290))),
      observe(sec(330), anotherPending(sec(290), sec(290)))
    ])
    expect(log(t)).toEqual([
      `0 start: update requested: ${OLD} → ${NEW}`,
      '0 status: endpoint Updating',
      '0 provisioning: green fleet Creating',
      '60 step: green 25% / blue 75%: step 1 happened between two polls, not seen',
      '120 step: green 50% / blue 50%: step 2 happened between two polls, not seen',
      '180 step: green 75% / blue 25%: step 3 happened between two polls, not seen',
      '240 step: green 100% / blue 0%: step 4 happened between two polls, not seen',
      `290 complete: endpoint InService on ${NEW}`,
      `290 other: ${STARTED(ANOTHER)}`
    ])
    expect(t.other).toEqual({ configName: ANOTHER, live: false })
    expect(t.polls).toBe(3)
  })

  it("then live: the other deployment replaced this run's, told once more", () => {
    const t = replay([
      observe(sec(1), provisioning()),
      observe(sec(300), anotherPending(sec(290), sec(290))),
      observe(sec(600), endpoint('InService', { config: ANOTHER, lastModified: sec(590) }))
    ])
    expect(log(t)).toEqual([
      `0 start: update requested: ${OLD} → ${NEW}`,
      '0 status: endpoint Updating',
      '0 provisioning: green fleet Creating',
      '60 step: green 25% / blue 75%: step 1 happened between two polls, not seen',
      '120 step: green 50% / blue 50%: step 2 happened between two polls, not seen',
      '180 step: green 75% / blue 25%: step 3 happened between two polls, not seen',
      '240 step: green 100% / blue 0%: step 4 happened between two polls, not seen',
      `290 complete: endpoint InService on ${NEW}`,
      `290 other: ${STARTED(ANOTHER)}`,
      `590 other: ${REPLACED('InService', ANOTHER)}`
    ])
    expect(table(t).at(-1)).toBe('T+4 min 50 s | 0% | 100% | complete, blue fleet decommissioned')
    expect(t.other).toEqual({ configName: ANOTHER, live: true })
    expect(t.polls).toBe(3)
    expect(settle(t, labContext())).toEqual(takenOver('InService', ANOTHER))
  })
})

describe('a third config live', () => {
  it("folds nothing of it into this run's table, says once that it replaced this run's", () => {
    const live = endpoint('InService', { config: THIRD, lastModified: sec(280) })
    const t = replay([
      observe(sec(1), provisioning()),
      observe(sec(300), live),
      observe(sec(330), live)
    ])
    expect(table(t)).toEqual(['T+0 | 100% | 0% | deployment starts, green fleet provisioning'])
    expect(log(t)).toEqual([
      `0 start: update requested: ${OLD} → ${NEW}`,
      '0 status: endpoint Updating',
      '0 provisioning: green fleet Creating',
      `280 other: ${REPLACED('InService', THIRD)}`
    ])
    expect(t.last).toEqual(live)
    expect(t.other).toEqual({ configName: THIRD, live: true })
    expect(t.polls).toBe(3)
    expect(t.consecutiveFailedPolls).toBe(0)
    expect(settle(t, labContext())).toEqual(takenOver('InService', THIRD))
  })

  it('the poll after a failed one counts and resets the run of failures', () => {
    const live = endpoint('Updating', { config: THIRD, lastModified: sec(280) })
    const t = replay([
      observe(sec(1), provisioning()),
      observe(sec(200), undefined, [], 'throttled'),
      observe(sec(300), live)
    ])
    expect(t.polls).toBe(3)
    expect(t.failedPolls).toBe(1)
    expect(t.consecutiveFailedPolls).toBe(0)
    expect(log(t)).toEqual([
      `0 start: update requested: ${OLD} → ${NEW}`,
      '0 status: endpoint Updating',
      '0 provisioning: green fleet Creating',
      '0 poll-error: poll failed: throttled (retrying)',
      `280 other: ${REPLACED('Updating', THIRD)}`
    ])
  })
})

describe('the old config listed as pending: a stale answer, not another deployment', () => {
  it('InService on the new config with the old one pending is neither the completion nor a rollback', () => {
    const t = replay([
      observe(sec(1), provisioning()),
      observe(sec(300), {
        ...endpoint('InService', { config: NEW, lastModified: sec(280) }),
        pendingConfigName: OLD
      })
    ])
    expect(table(t)).toEqual(['T+0 | 100% | 0% | deployment starts, green fleet provisioning'])
    // Nothing logged for the InService answer: no completion, no rollback.
    expect(log(t)).toEqual([
      `0 start: update requested: ${OLD} → ${NEW}`,
      '0 status: endpoint Updating',
      '0 provisioning: green fleet Creating'
    ])
    expect(t.other).toBeUndefined()
    expect(settle(t, labContext())).toBeUndefined()
  })

  it("a fleet being deleted under the old config pending is not this run's rollback", () => {
    const t = replay([
      observe(sec(1), provisioning()),
      observe(sec(100), {
        ...provisioning(),
        green: fleet('Deleting', sec(92)),
        pendingConfigName: OLD
      })
    ])
    expect(t.sawRollingBack).toBe(false)
    expect(table(t)).toEqual(['T+0 | 100% | 0% | deployment starts, green fleet provisioning'])
    expect(log(t)).toEqual([
      `0 start: update requested: ${OLD} → ${NEW}`,
      '0 status: endpoint Updating',
      '0 provisioning: green fleet Creating',
      '92 step: green fleet Deleting'
    ])
  })
})

describe('the new config live, settled, polled again', () => {
  it('one completion, even when nothing shows the endpoint changed since the start', () => {
    const ctx = labContext({ previousLastModified: undefined })
    const done = endpoint('InService', { config: NEW, lastModified: sec(270) })
    const t = replay([observe(sec(280), done), observe(sec(300), done)], ctx)
    expect(t.sawProgress).toBe(false)
    expect(table(t)).toEqual([
      'T+0 | 100% | 0% | deployment starts, green fleet provisioning',
      `between T+0 and T+4 min 32 s | 75% | 25% | ${STEP(1, 25)} (between two polls, not seen)`,
      `between T+1 min and T+4 min 32 s | 50% | 50% | ${STEP(2, 50)} (between two polls, not seen)`,
      `between T+2 min and T+4 min 32 s | 25% | 75% | ${STEP(3, 75)} (between two polls, not seen)`,
      `between T+3 min and T+4 min 32 s | 0% | 100% | ${STEP(4, 100)} (between two polls, not seen)`,
      'T+4 min 32 s | 0% | 100% | complete, blue fleet decommissioned'
    ])
    expect(log(t).filter(e => / complete: /.test(e))).toEqual([
      `272 complete: endpoint InService on ${NEW}`
    ])
    expect(t.polls).toBe(2)
    expect(settle(t, ctx)?.outcome).toBe('deployed')
  })

  it('with no alarm guarding the update (a restore), no row says alarms are watched', () => {
    const ctx = labContext({ previousLastModified: undefined, unguarded: true })
    const done = endpoint('InService', { config: NEW, lastModified: sec(270) })
    const t = replay([observe(sec(280), done)], ctx)
    expect(table(t).slice(1, 3)).toEqual([
      'between T+0 and T+4 min 32 s | 75% | 25% | step 1 of 4: 25% shifted to green (between two polls, not seen)',
      'between T+1 min and T+4 min 32 s | 50% | 50% | step 2 of 4: 50% shifted to green (between two polls, not seen)'
    ])
    expect(table(t).join('\n')).not.toContain('alarms')
  })
})
