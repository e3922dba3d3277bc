// The verdict a person reads, for every state DescribeEndpoint can end in: outcome, failure
// reason, summary, the alarms named and the final state, asserted whole.
import { describe, expect, it } from '@jest/globals'
import { alarm, endpoint, labContext, min, observe, T0 } from '../__fixtures__/observations.js'
import {
  alreadyDeployed,
  cancelledAfterStart,
  failedBefore,
  interrupted,
  planned,
  settle,
  startedOnly,
  timedOut
} from '../src/verdict.js'
import { createTimeline, reduce, type WatchContext } from '../src/watch/reducer.js'
import type { EndpointSnapshot, Observation, Plan, Timeline } from '../src/types.js'

const NEW = 'lab-endpoint-cfg-new'
const OLD = 'lab-endpoint-cfg-old'
const ERRORS = 'lab-endpoint-5xx-rate'
const LATENCY = 'lab-endpoint-model-latency'

function replay(observations: Observation[], ctx: WatchContext = labContext()): Timeline {
  return observations.reduce((t, o) => reduce(t, o, ctx), createTimeline(ctx, T0 - 2000))
}

/** The lab update under way (green baking its first step), then `last`. */
function updateThen(last: EndpointSnapshot, alarms = [alarm(ERRORS, 'OK', T0 - 5000)]): Timeline {
  return replay([
    observe(
      T0 + 1000,
      endpoint('Updating', { green: { status: 'Baking', current: 1, since: T0 } }),
      alarms
    ),
    observe(min(2), last, alarms)
  ])
}

const verdictOf = (t: Timeline, ctx: WatchContext = labContext()) => settle(t, ctx)

describe('settle: an endpoint InService', () => {
  it('on the new config with nothing pending is deployed, even with a reason left from an earlier update', () => {
    const t = updateThen(
      endpoint('InService', {
        config: NEW,
        failureReason: 'an earlier rollback',
        lastModified: min(1)
      })
    )
    expect(verdictOf(t)).toEqual({
      outcome: 'deployed',
      summary: `${NEW} is the endpoint's config, in service.`,
      failureReason: undefined,
      triggeredAlarms: [],
      finalConfigName: NEW,
      finalStatus: 'InService'
    })
  })

  it.each([
    ['the new config still pending', { config: NEW, pending: NEW }],
    ['the old config with this run still pending', { config: OLD, pending: NEW }]
  ])('on %s is no verdict yet', (_, { config, pending }) => {
    const ep: EndpointSnapshot = {
      ...endpoint('InService', { config, lastModified: min(1) }),
      pendingConfigName: pending
    }
    expect(verdictOf(updateThen(ep))).toBeUndefined()
  })

  it.each([
    ['InService', 'deployed'],
    ['Updating', 'deployed']
  ])(
    'on the new config with another deployment pending (%s): this run completed, and the other is named',
    (status, outcome) => {
      const ep: EndpointSnapshot = {
        ...endpoint(status, { config: NEW, lastModified: min(9) }),
        pendingConfigName: 'someone-else'
      }
      expect(verdictOf(updateThen(ep))).toMatchObject({
        outcome,
        finalConfigName: NEW,
        finalStatus: 'InService',
        summary: `${NEW} is the endpoint's config, in service. Another deployment (someone-else) has started on the endpoint since.`
      })
    }
  )

  it('on the old config with another deployment pending: this run was rolled back before it started', () => {
    const ep: EndpointSnapshot = {
      ...endpoint('Updating', { config: OLD, lastModified: min(9) }),
      pendingConfigName: 'someone-else'
    }
    expect(verdictOf(updateThen(ep))).toMatchObject({
      outcome: 'rolled-back',
      finalConfigName: OLD,
      summary: `SageMaker rolled back to ${OLD}: SageMaker gave no reason. Another deployment (someone-else) has started on the endpoint since.`
    })
  })

  it("a third config live: never another run's result as this one's", () => {
    const ep = endpoint('InService', { config: 'someone-else', lastModified: min(9) })
    expect(verdictOf(updateThen(ep))).toMatchObject({
      outcome: 'failed',
      finalConfigName: 'someone-else',
      failureReason: `Another deployment replaced ${NEW}: the endpoint is InService on someone-else.`,
      summary: `Another deployment took the endpoint over: it is InService on someone-else, neither this run's ${NEW} nor ${OLD}. This run's deployment ended before that, and no poll saw how; look at the endpoint's history in the SageMaker console (or CloudTrail's UpdateEndpoint events) before running it again.`
    })
    // A first deployment replaced no config.
    const first = { ...labContext(), oldConfigName: undefined }
    const t = [observe(T0 + 1000, endpoint('Creating', {})), observe(min(2), ep)].reduce(
      (tl, o) => reduce(tl, o, first),
      createTimeline(first, T0 - 2000)
    )
    expect(verdictOf(t, first)?.summary).toContain(
      `neither this run's ${NEW} nor the config it replaced.`
    )
  })

  it('on the new config while the old one is still listed as pending: a stale answer, no verdict yet', () => {
    const ep = endpoint('InService', {
      config: NEW,
      pending: OLD,
      green: { status: 'Baking', current: 1, since: T0 },
      lastModified: min(1)
    })
    expect(ep.pendingConfigName).toBe(OLD)
    expect(verdictOf(updateThen(ep))).toBeUndefined()
  })

  it('on the old config, unchanged since pre-flight and no progress seen, is no verdict yet', () => {
    const t = replay([
      observe(T0 + 1000, endpoint('InService', { config: OLD, lastModified: T0 - 3_600_000 }))
    ])
    expect(t.sawProgress).toBe(false)
    expect(verdictOf(t)).toBeUndefined()
  })

  it('on the old config after progress is a rollback naming the alarm seen in ALARM', () => {
    const fired = [
      alarm(ERRORS, 'ALARM', min(1) + 30_000, 'Threshold Crossed'),
      alarm(LATENCY, 'OK')
    ]
    const t = updateThen(
      endpoint('InService', { config: OLD, lastModified: min(1) + 50_000 }),
      fired
    )
    expect(verdictOf(t)).toEqual({
      outcome: 'rolled-back',
      summary: `SageMaker rolled back to ${OLD}: alarm ${ERRORS} went into ALARM.`,
      failureReason: `Rolled back: alarm ${ERRORS} went into ALARM.`,
      triggeredAlarms: [ERRORS],
      finalConfigName: OLD,
      finalStatus: 'InService'
    })
  })

  it("names every alarm that fired, and keeps SageMaker's own reason as the failure reason", () => {
    const reason = `CloudWatch alarm(s) ${ERRORS} in ALARM state....`
    const both = [
      alarm(ERRORS, 'ALARM', min(1), 'crossed'),
      alarm(LATENCY, 'ALARM', min(1) + 1000, 'slow')
    ]
    const t = updateThen(
      endpoint('InService', { config: OLD, failureReason: reason, lastModified: min(1) + 50_000 }),
      both
    )
    expect(verdictOf(t)).toEqual({
      outcome: 'rolled-back',
      summary: `SageMaker rolled back to ${OLD}: alarm ${ERRORS}, ${LATENCY} went into ALARM.`,
      failureReason: reason,
      triggeredAlarms: [ERRORS, LATENCY],
      finalConfigName: OLD,
      finalStatus: 'InService'
    })
  })

  it('names an alarm that fired and cleared between polls when FailureReason mentions it', () => {
    const reason = `Deployment rolled back: CloudWatch alarm(s) ${LATENCY} in ALARM state.`
    // Both alarms OK at every poll; only SageMaker's reason says which one rolled back.
    const quiet = [alarm(ERRORS, 'OK', T0 - 5000), alarm(LATENCY, 'OK', T0 - 5000)]
    const t = updateThen(
      endpoint('InService', { config: OLD, failureReason: reason, lastModified: min(1) }),
      quiet
    )
    expect(t.alarms.map(a => [a.name, a.fired])).toEqual([
      [ERRORS, false],
      [LATENCY, false]
    ])
    expect(verdictOf(t)).toEqual({
      outcome: 'rolled-back',
      summary: `SageMaker rolled back to ${OLD}: alarm ${LATENCY} went into ALARM.`,
      failureReason: reason,
      triggeredAlarms: [LATENCY],
      finalConfigName: OLD,
      finalStatus: 'InService'
    })
  })

  it("gives SageMaker's reason, without its trailing dots, when no alarm is involved", () => {
    const t = updateThen(
      endpoint('InService', {
        config: OLD,
        failureReason: 'The primary container did not pass the ping health check...',
        lastModified: min(1)
      }),
      []
    )
    expect(verdictOf(t)).toEqual({
      outcome: 'rolled-back',
      summary: `SageMaker rolled back to ${OLD}: SageMaker: The primary container did not pass the ping health check.`,
      failureReason: 'The primary container did not pass the ping health check...',
      triggeredAlarms: [],
      finalConfigName: OLD,
      finalStatus: 'InService'
    })
  })

  it("keeps the dots inside SageMaker's reason, dropping only the trailing ones", () => {
    const reason = 'Model server for model-b.tar.gz failed to load...'
    const t = updateThen(
      endpoint('InService', { config: OLD, failureReason: reason, lastModified: min(1) }),
      []
    )
    expect(verdictOf(t)?.summary).toBe(
      `SageMaker rolled back to ${OLD}: SageMaker: Model server for model-b.tar.gz failed to load.`
    )
  })

  it('says SageMaker gave no reason, and names "the previous config" when none is given', () => {
    const ep: EndpointSnapshot = {
      ...endpoint('InService', { lastModified: min(1) }),
      configName: undefined
    }
    expect(verdictOf(updateThen(ep, []))).toEqual({
      outcome: 'rolled-back',
      summary: 'SageMaker rolled back to the previous config: SageMaker gave no reason.',
      failureReason: 'Rolled back (SageMaker gave no reason).',
      triggeredAlarms: [],
      finalConfigName: undefined,
      finalStatus: 'InService'
    })
  })

  it('on the old config modified after pre-flight is a rollback even when no poll saw progress', () => {
    const t = replay([
      observe(T0 + 1000, endpoint('InService', { config: OLD, lastModified: T0 - 3_600_000 })),
      observe(min(5), endpoint('InService', { config: OLD, lastModified: min(3) }))
    ])
    expect(t.sawProgress).toBe(false)
    expect(verdictOf(t)?.outcome).toBe('rolled-back')
    // One millisecond is enough; the same time is not.
    const same = replay([
      observe(T0 + 1000, endpoint('InService', { config: OLD, lastModified: T0 - 3_600_000 }))
    ])
    expect(verdictOf(same)).toBeUndefined()
    const later = replay([
      observe(T0 + 1000, endpoint('InService', { config: OLD, lastModified: T0 - 3_599_999 }))
    ])
    expect(verdictOf(later)?.outcome).toBe('rolled-back')
  })

  it('on the old config with no LastModifiedTime before or now is not taken for a rollback', () => {
    const noTime: EndpointSnapshot = {
      ...endpoint('InService', { config: OLD }),
      lastModifiedTime: undefined
    }
    expect(verdictOf(replay([observe(T0 + 1000, noTime)]))).toBeUndefined()
    const ctx = labContext({ previousLastModified: undefined })
    const t = replay(
      [observe(T0 + 1000, endpoint('InService', { config: OLD, lastModified: min(3) }))],
      ctx
    )
    expect(verdictOf(t, ctx)).toBeUndefined()
  })
})

describe('settle: every other EndpointStatus', () => {
  it.each(['Creating', 'Updating', 'SystemUpdating', 'RollingBack'])(
    '%s is in progress: no verdict',
    status => {
      expect(verdictOf(updateThen(endpoint(status, { config: OLD })))).toBeUndefined()
    }
  )

  it('no answer yet is no verdict', () => {
    expect(verdictOf(replay([observe(T0, undefined, [], 'Throttling')]))).toBeUndefined()
  })

  it('Failed with a reason', () => {
    const t = updateThen(endpoint('Failed', { config: OLD, failureReason: 'image not found' }))
    expect(verdictOf(t)).toEqual({
      outcome: 'failed',
      summary:
        'The endpoint is Failed: image not found. DeleteEndpoint is the only operation SageMaker allows on it.',
      failureReason: 'image not found',
      triggeredAlarms: [],
      finalConfigName: OLD,
      finalStatus: 'Failed'
    })
  })

  it('Failed with no reason', () => {
    const t = updateThen(endpoint('Failed', { config: OLD }))
    expect(verdictOf(t)).toEqual({
      outcome: 'failed',
      summary:
        'The endpoint is Failed. DeleteEndpoint is the only operation SageMaker allows on it.',
      failureReason: 'Endpoint Failed (SageMaker gave no reason).',
      triggeredAlarms: [],
      finalConfigName: OLD,
      finalStatus: 'Failed'
    })
  })

  const MIXED =
    'Both the deployment and the auto-rollback failed (UpdateRollbackFailed): the endpoint serves a mix of the old and new fleets. Inspect it in the SageMaker console; leaving this state takes a manual update, or deleting and re-creating the endpoint.'

  it('UpdateRollbackFailed after an alarm names the trigger', () => {
    const fired = [alarm(ERRORS, 'ALARM', min(1), 'crossed')]
    const t = updateThen(endpoint('UpdateRollbackFailed', { config: OLD }), fired)
    expect(verdictOf(t)).toEqual({
      outcome: 'failed',
      summary: `${MIXED} Trigger: alarm ${ERRORS} went into ALARM.`,
      failureReason: 'UpdateRollbackFailed: both the deployment and its auto-rollback failed.',
      triggeredAlarms: [ERRORS],
      finalConfigName: OLD,
      finalStatus: 'UpdateRollbackFailed'
    })
  })

  it("UpdateRollbackFailed with SageMaker's reason and no alarm", () => {
    const t = updateThen(
      endpoint('UpdateRollbackFailed', { config: OLD, failureReason: 'rollback failed' }),
      []
    )
    expect(verdictOf(t)).toEqual({
      outcome: 'failed',
      summary: MIXED,
      failureReason: 'rollback failed',
      triggeredAlarms: [],
      finalConfigName: OLD,
      finalStatus: 'UpdateRollbackFailed'
    })
  })

  it('OutOfService on the old config: the new one never took over', () => {
    const t = updateThen(endpoint('OutOfService', { config: OLD }), [])
    expect(verdictOf(t)).toEqual({
      outcome: 'failed',
      summary: `The endpoint went OutOfService during the deployment: SageMaker reports it is not available to take incoming requests, and ${NEW} never took over from ${OLD}. Check the endpoint in the SageMaker console; run this step again once it is InService.`,
      failureReason:
        'Endpoint OutOfService: SageMaker reports it is not available to take incoming requests.',
      triggeredAlarms: [],
      finalConfigName: OLD,
      finalStatus: 'OutOfService'
    })
  })

  it("OutOfService on the new config, with SageMaker's reason", () => {
    const t = updateThen(
      endpoint('OutOfService', { config: NEW, failureReason: 'capacity lost...' }),
      []
    )
    expect(verdictOf(t)).toEqual({
      outcome: 'failed',
      summary: `The endpoint went OutOfService during the deployment: SageMaker reports it is not available to take incoming requests (capacity lost), and ${NEW} is its config but serves nothing. Check the endpoint in the SageMaker console; run this step again once it is InService.`,
      failureReason: 'capacity lost...',
      triggeredAlarms: [],
      finalConfigName: NEW,
      finalStatus: 'OutOfService'
    })
  })

  it("OutOfService keeps the dots inside SageMaker's reason", () => {
    const reason = 'Capacity lost in us-east-1a. Replacing instances...'
    const t = updateThen(endpoint('OutOfService', { config: NEW, failureReason: reason }), [])
    expect(verdictOf(t)?.summary).toBe(
      `The endpoint went OutOfService during the deployment: SageMaker reports it is not available to take incoming requests (Capacity lost in us-east-1a. Replacing instances), and ${NEW} is its config but serves nothing. Check the endpoint in the SageMaker console; run this step again once it is InService.`
    )
  })

  it('OutOfService with no config names "the previous config"', () => {
    const ep: EndpointSnapshot = { ...endpoint('OutOfService'), configName: undefined }
    expect(verdictOf(updateThen(ep, []))?.summary).toContain(
      `${NEW} never took over from the previous config.`
    )
  })

  it('Deleting, with and without a reason', () => {
    expect(verdictOf(updateThen(endpoint('Deleting', { config: OLD }), []))).toEqual({
      outcome: 'failed',
      summary: 'The endpoint went Deleting during the deployment.',
      failureReason: 'Endpoint Deleting.',
      triggeredAlarms: [],
      finalConfigName: OLD,
      finalStatus: 'Deleting'
    })
    const why = updateThen(
      endpoint('Deleting', { config: OLD, failureReason: 'deleted by ops' }),
      []
    )
    expect(verdictOf(why)?.failureReason).toBe('deleted by ops')
  })

  it('a status SageMaker may add later is no verdict (the watch goes on to its budget)', () => {
    expect(verdictOf(updateThen(endpoint('Migrating', { config: OLD }), []))).toBeUndefined()
  })
})

describe('verdicts when the watch stops', () => {
  it('timed out: the last state, pending config and budget in whole seconds', () => {
    const t = replay([
      observe(
        T0 + 1000,
        endpoint('Updating', { green: { status: 'Baking', current: 1, since: T0 } }),
        [alarm(ERRORS, 'ALARM', T0, 'crossed')]
      )
    ])
    expect(timedOut(t, 599.6)).toEqual({
      outcome: 'timed-out',
      summary: `No verdict within 600 s. SageMaker may still be working (last state: Updating on ${OLD} (pending ${NEW})); re-run the job to watch it again, or raise the timeout input.`,
      failureReason: `No verdict within 600 s; last state: Updating on ${OLD} (pending ${NEW}).`,
      triggeredAlarms: [ERRORS],
      finalConfigName: OLD,
      finalStatus: 'Updating'
    })
  })

  it('timed out with no config and nothing pending, and with no answer at all', () => {
    const ep: EndpointSnapshot = { ...endpoint('Creating'), configName: undefined }
    expect(timedOut(replay([observe(T0, ep)]), 60).failureReason).toBe(
      'No verdict within 60 s; last state: Creating on ?.'
    )
    expect(timedOut(replay([observe(T0, undefined, [], 'x')]), 60)).toEqual({
      outcome: 'timed-out',
      summary:
        'No verdict within 60 s. SageMaker may still be working (last state: unknown (no successful poll)); re-run the job to watch it again, or raise the timeout input.',
      failureReason: 'No verdict within 60 s; last state: unknown (no successful poll).',
      triggeredAlarms: [],
      finalConfigName: undefined,
      finalStatus: undefined
    })
  })

  it('interrupted: failed, with the reason and the last state', () => {
    const t = replay([observe(T0 + 1000, endpoint('Updating'), [alarm(ERRORS, 'ALARM')])])
    expect(interrupted(t, 'Stopped watching: ExpiredToken.')).toEqual({
      outcome: 'failed',
      summary: `Stopped watching: ExpiredToken. The deployment may still be running in SageMaker (last state: Updating on ${OLD}); re-run the job to watch it to the end.`,
      failureReason: 'Stopped watching: ExpiredToken.',
      triggeredAlarms: [ERRORS],
      finalConfigName: OLD,
      finalStatus: 'Updating'
    })
    const ep: EndpointSnapshot = { ...endpoint('Updating'), configName: undefined }
    expect(interrupted(replay([observe(T0, ep)]), 'Cancelled.').summary).toContain(
      '(last state: Updating on ?)'
    )
    expect(interrupted(replay([]), 'Cancelled.').summary).toBe(
      'Cancelled. The deployment may still be running in SageMaker (last state: unknown); re-run the job to watch it to the end.'
    )
  })
})

describe('verdicts reached before or instead of watching', () => {
  const plan = {
    firstDeploy: false,
    previousConfigName: OLD,
    endpointConfigName: NEW
  } as Plan
  const none = { failureReason: undefined, triggeredAlarms: [], finalStatus: undefined }

  it('failed before watching: the summary is the reason unless one is given', () => {
    expect(failedBefore('Access denied.')).toEqual({
      outcome: 'failed',
      summary: 'Access denied.',
      failureReason: 'Access denied.',
      triggeredAlarms: [],
      finalConfigName: undefined,
      finalStatus: undefined
    })
    expect(failedBefore('Long story.', 'Short.')).toMatchObject({
      summary: 'Long story.',
      failureReason: 'Short.'
    })
  })

  it('planned (dry run), with and without a plan', () => {
    expect(planned(plan, 'Dry run.')).toEqual({
      outcome: 'planned',
      summary: 'Dry run.',
      ...none,
      finalConfigName: OLD
    })
    expect(planned(undefined, 'Dry run.').finalConfigName).toBeUndefined()
  })

  it('already deployed: nothing changed', () => {
    expect(alreadyDeployed(plan, 'InService')).toEqual({
      outcome: 'deployed',
      summary: `The endpoint already serves ${NEW}, exactly what this step deploys (an earlier run of it); nothing was changed.`,
      failureReason: undefined,
      triggeredAlarms: [],
      finalConfigName: NEW,
      finalStatus: 'InService'
    })
  })

  it('already deployed by a restore: the config rollback-to names is live', () => {
    const restore = { ...plan, restore: { requested: NEW, configName: NEW, models: [] } }
    expect(alreadyDeployed(restore, 'InService').summary).toBe(
      `The endpoint already serves ${NEW}, the config rollback-to restores; nothing was changed.`
    )
  })

  it('started only (wait: false), for an update and a creation', () => {
    expect(startedOnly(plan)).toEqual({
      outcome: 'started',
      summary:
        'UpdateEndpoint accepted; not waiting (wait: false). SageMaker continues on its own.',
      ...none,
      finalConfigName: OLD
    })
    expect(startedOnly({ ...plan, firstDeploy: true }).summary).toBe(
      'CreateEndpoint accepted; not waiting (wait: false). SageMaker continues on its own.'
    )
  })

  it('cancelled after SageMaker accepted the update or the creation', () => {
    expect(cancelledAfterStart(plan, 'Updating')).toStrictEqual({
      outcome: 'cancelled',
      summary: `Cancelled after SageMaker accepted the update to ${NEW} (the endpoint is Updating): SageMaker continues on its own, unwatched. Re-run the job to watch it to the end: the re-run attaches to this deployment.`,
      failureReason: `Cancelled after the update to ${NEW} was accepted.`,
      triggeredAlarms: [],
      finalConfigName: undefined,
      finalStatus: 'Updating'
    })
    expect(cancelledAfterStart({ ...plan, firstDeploy: true }, undefined)).toMatchObject({
      outcome: 'cancelled',
      summary: `Cancelled after SageMaker accepted the endpoint creation to ${NEW}: SageMaker continues on its own, unwatched. Re-run the job to watch it to the end: the re-run attaches to this deployment.`,
      failureReason: `Cancelled after the endpoint creation to ${NEW} was accepted.`,
      finalStatus: 'Creating'
    })
  })
})
