// Properties of the pure core over random observation sequences: the verdict is `deployed` if and
// only if the endpoint ends InService on the new config with no pending deployment; a lost poll
// is never a verdict; the watch loop ends within its budget and never sleeps past the interval.
// Each property runs for the fixed seeds and a random one (printed, and in the test's title);
// PROPERTY_SEED=<seed> replays one.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import type {
  AlarmSnapshot,
  AlarmState,
  EndpointSnapshot,
  Observation,
  ScheduledStep
} from '../../src/types.js'
import { settle } from '../../src/verdict.js'
import { FatalPollError, watch, type WatchOptions } from '../../src/watch/loop.js'
import { createTimeline, IN_PROGRESS, reduce, type WatchContext } from '../../src/watch/reducer.js'
import { announceSeeds, propertySeeds } from '../helpers/seeds.js'

const SEEDS = propertySeeds([7, 2026])
announceSeeds('robustness/property', SEEDS)
const forEachSeed = (title: string) => SEEDS.map(seed => [`${title} (seed ${seed})`, seed] as const)

const T0 = Date.UTC(2026, 0, 15, 9, 0, 0)
const NEW = 'ep-cfg-new'
const OLD = 'ep-cfg-old'
const ALARMS = ['ep-5xx-rate', 'ep-model-latency']
const STATUSES = [
  'Creating',
  'Updating',
  'SystemUpdating',
  'RollingBack',
  'InService',
  'Failed',
  'UpdateRollbackFailed'
] as const

const SCHEDULE: ScheduledStep[] = [0, 25, 50, 75, 100].map((green, k) => ({
  offsetSeconds: k * 60,
  bluePercent: 100 - green,
  greenPercent: green,
  greenInstances: k,
  label: `step ${k}`
}))

const contextArb: fc.Arbitrary<WatchContext> = fc.record({
  newConfigName: fc.constant(NEW),
  oldConfigName: fc.constant(OLD),
  firstDeploy: fc.boolean(),
  instanceCount: fc.constant(4),
  schedule: fc.constant(SCHEDULE),
  previousLastModified: fc.option(fc.constant(T0 - 3_600_000), { nil: undefined }),
  waitIntervalSeconds: fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined }),
  terminationWaitSeconds: fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined })
})

/** Service timestamps: around the start, sometimes before it (clock skew). */
const serviceTime = fc.integer({ min: -120_000, max: 1_800_000 }).map(ms => T0 + ms)

const alarmArb: fc.Arbitrary<AlarmSnapshot> = fc.record({
  name: fc.constantFrom(...ALARMS),
  state: fc.constantFrom<AlarmState>('OK', 'ALARM', 'INSUFFICIENT_DATA'),
  reason: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
  updatedAt: fc.option(serviceTime, { nil: undefined })
})

const endpointArb: fc.Arbitrary<EndpointSnapshot> = fc
  .record({
    status: fc.constantFrom(...STATUSES),
    configName: fc.constantFrom<string | undefined>(OLD, NEW, undefined),
    pending: fc.constantFrom<string | undefined>(undefined, undefined, NEW, 'ep-cfg-other'),
    greenStatus: fc.constantFrom('Creating', 'ActivatingTraffic', 'Baking'),
    greenCount: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
    greenSince: fc.option(serviceTime, { nil: undefined }),
    failureReason: fc.option(fc.string({ maxLength: 30 }), { nil: undefined }),
    lastModified: fc.option(serviceTime, { nil: undefined })
  })
  .map(r => ({
    status: r.status,
    configName: r.configName,
    failureReason: r.failureReason,
    lastModifiedTime: r.lastModified,
    blue: {
      variantName: 'AllTraffic',
      currentInstanceCount: 4 - (r.greenCount ?? 0),
      desiredInstanceCount: 4,
      currentWeight: 1,
      desiredWeight: 1,
      statuses: []
    },
    green:
      r.pending === undefined
        ? undefined
        : {
            variantName: 'AllTraffic',
            currentInstanceCount: r.greenCount,
            desiredInstanceCount: 4,
            currentWeight: 1,
            desiredWeight: 1,
            statuses: [{ status: r.greenStatus, message: undefined, startTime: r.greenSince }]
          },
    pendingConfigName: r.pending,
    pendingStartTime: r.pending === undefined ? undefined : T0
  }))

/** One poll as the loop would see it: an answer, or a lost poll. */
const pollArb = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ endpoint: endpointArb, alarms: fc.array(alarmArb, { maxLength: 2 }) })
  },
  {
    weight: 1,
    arbitrary: fc.record({
      endpoint: fc.constant(undefined),
      alarms: fc.constant([] as AlarmSnapshot[]),
      error: fc.constantFrom('ThrottlingException: Rate exceeded', 'socket hang up', 'ECONNRESET')
    })
  }
)

/** Another run's deployment pending: SageMaker starts one only once this run's has ended. */
const otherPending = (ep: EndpointSnapshot | undefined): boolean =>
  ep?.pendingConfigName !== undefined && ep.pendingConfigName !== NEW

/** This run's config live and its deployment over (nothing pending, or another run's). */
const onNewConfig = (ep: EndpointSnapshot | undefined): boolean =>
  ep?.configName === NEW &&
  (ep.pendingConfigName === undefined ? ep.status === 'InService' : otherPending(ep))

describe('reduce + settle over random observations', () => {
  it.each(
    forEachSeed('deployed iff the last answer is InService on the new config with nothing pending')
  )('%s', (_, seed) => {
    fc.assert(
      fc.property(contextArb, fc.array(pollArb, { minLength: 1, maxLength: 30 }), (ctx, polls) => {
        let t = createTimeline(ctx, T0)
        let lastAnswer: EndpointSnapshot | undefined
        polls.forEach((p, i) => {
          const before = settle(t, ctx)
          const obs: Observation = {
            at: T0 + (i + 1) * 5000,
            endpoint: p.endpoint,
            alarms: p.alarms,
            error: 'error' in p ? p.error : undefined
          }
          const next = reduce(t, obs, ctx)
          if (!obs.endpoint) {
            // A lost poll is never a verdict: the verdict is whatever it was before.
            expect(settle(next, ctx)).toEqual(before)
            expect(next.last).toBe(t.last)
            expect(next.consecutiveFailedPolls).toBe(t.consecutiveFailedPolls + 1)
          } else {
            lastAnswer = obs.endpoint
            expect(next.consecutiveFailedPolls).toBe(0)
          }
          t = next
          const verdict = settle(t, ctx)
          expect(verdict?.outcome === 'deployed').toBe(onNewConfig(lastAnswer))
          const own = !otherPending(lastAnswer)
          if (own && lastAnswer && IN_PROGRESS.has(lastAnswer.status)) {
            expect(verdict).toBeUndefined()
          }
          const failed =
            lastAnswer?.status === 'Failed' || lastAnswer?.status === 'UpdateRollbackFailed'
          if (own && failed) expect(verdict?.outcome).toBe('failed')
          if (verdict?.outcome === 'rolled-back') {
            if (own) expect(lastAnswer?.status).toBe('InService')
            expect(lastAnswer?.configName).not.toBe(NEW)
          }
        })
      }),
      { seed, numRuns: 200 }
    )
  })

  it.each(
    forEachSeed('settle never says deployed for any state other than InService on the new config')
  )('%s', (_, seed) => {
    fc.assert(
      fc.property(
        contextArb,
        fc.array(pollArb, { maxLength: 10 }),
        endpointArb,
        (ctx, history, last) => {
          let t = createTimeline(ctx, T0)
          history.forEach((p, i) => {
            t = reduce(
              t,
              { at: T0 + i * 1000, endpoint: p.endpoint, alarms: p.alarms, error: undefined },
              ctx
            )
          })
          t = reduce(t, { at: T0 + 99_000, endpoint: last, alarms: [], error: undefined }, ctx)
          const verdict = settle(t, ctx)
          if (!onNewConfig(last)) expect(verdict?.outcome).not.toBe('deployed')
          else expect(verdict?.outcome).toBe('deployed')
        }
      ),
      { seed, numRuns: 200 }
    )
  })
})

// ---- The watch loop on a fake clock ------------------------------------------------------------

type Step =
  | { kind: 'answer'; endpoint: EndpointSnapshot; alarms: AlarmSnapshot[]; latencyMs: number }
  | { kind: 'lost'; latencyMs: number }
  | { kind: 'fatal' }

const optionsArb: fc.Arbitrary<WatchOptions> = fc
  .record({
    pollIntervalMs: fc.integer({ min: 200, max: 10_000 }),
    floorMs: fc.integer({ min: 50, max: 2000 }),
    budgetMs: fc.integer({ min: 1000, max: 900_000 }),
    alarmRefreshMs: fc.constantFrom(0, 5000, 20_000),
    maxConsecutiveFailures: fc.integer({ min: 1, max: 10 })
  })
  .map(o => ({
    deadline: T0 + o.budgetMs,
    budgetSeconds: o.budgetMs / 1000,
    pollIntervalMs: o.pollIntervalMs,
    floorMs: o.floorMs,
    alarmRefreshMs: o.alarmRefreshMs,
    maxConsecutiveFailures: o.maxConsecutiveFailures
  }))

/** Latency of one call: at most an eighth of the poll interval (a slow reply, not a hang). */
const stepsArb = (pollIntervalMs: number, withFatal: boolean): fc.Arbitrary<Step[]> => {
  const latency = fc.integer({ min: 0, max: Math.floor(pollIntervalMs / 8) })
  const answer = fc.record({
    kind: fc.constant('answer' as const),
    endpoint: endpointArb,
    alarms: fc.array(alarmArb, { maxLength: 2 }),
    latencyMs: latency
  })
  const lost = fc.record({ kind: fc.constant('lost' as const), latencyMs: latency })
  const fatal = fc.constant({ kind: 'fatal' as const })
  return fc
    .array(
      fc.oneof(
        { weight: 6, arbitrary: answer },
        { weight: 2, arbitrary: lost },
        { weight: withFatal ? 1 : 0, arbitrary: fatal }
      ),
      { minLength: 1, maxLength: 40 }
    )
    .map(steps => {
      // InService on the new config is where a finished deployment stays.
      const done = steps.findIndex(s => s.kind === 'answer' && onNewConfig(s.endpoint))
      return done === -1 ? steps : steps.slice(0, done + 1)
    })
}

function fakeService(steps: Step[]) {
  let clock = T0
  let i = 0
  let current: Step | undefined
  const sleeps: number[] = []
  let lastAnswer: EndpointSnapshot | undefined
  return {
    sleeps,
    now: () => clock,
    lastAnswer: () => lastAnswer,
    deps: {
      describeEndpoint: async (): Promise<EndpointSnapshot> => {
        // After the scripted steps, the service keeps answering as it last did.
        current = steps[Math.min(i++, steps.length - 1)]!
        if (current.kind === 'fatal')
          throw new FatalPollError('Stopped watching: ExpiredTokenException.')
        clock += current.latencyMs
        if (current.kind === 'lost') throw new Error('ThrottlingException: Rate exceeded')
        lastAnswer = current.endpoint
        return current.endpoint
      },
      describeAlarms: async (): Promise<AlarmSnapshot[]> => {
        if (current?.kind !== 'answer') return []
        clock += current.latencyMs
        return current.alarms
      },
      now: () => clock,
      sleep: async (ms: number): Promise<void> => {
        sleeps.push(ms)
        clock += Math.max(0, ms)
      }
    }
  }
}

describe('watch() on a fake clock over random sequences and faults', () => {
  it.each(
    forEachSeed(
      'ends within deadline + one poll interval, never sleeps longer than the interval, deployed iff it ended on the new config'
    )
  )('%s', async (_, seed) => {
    await fc.assert(
      fc.asyncProperty(
        contextArb,
        optionsArb.chain(opts =>
          stepsArb(opts.pollIntervalMs, true).map(steps => ({ opts, steps }))
        ),
        async (ctx, { opts, steps }) => {
          const service = fakeService(steps)
          const { verdict, timeline } = await watch(
            createTimeline(ctx, T0),
            ctx,
            service.deps,
            opts
          )

          expect(service.now()).toBeLessThanOrEqual(opts.deadline + opts.pollIntervalMs)
          for (const ms of service.sleeps) {
            expect(ms).toBeGreaterThanOrEqual(0)
            expect(ms).toBeLessThanOrEqual(opts.pollIntervalMs)
          }
          const last = service.lastAnswer()
          // Another run's deployment pending is kept apart (this run's view is the state before it).
          if (otherPending(last)) expect(timeline.other?.configName).toBe(last?.pendingConfigName)
          else expect(timeline.last).toBe(last)
          expect(verdict.outcome === 'deployed').toBe(onNewConfig(service.lastAnswer()))
          expect(['deployed', 'rolled-back', 'failed', 'timed-out']).toContain(verdict.outcome)
          if (verdict.outcome === 'timed-out') {
            expect(service.now()).toBeGreaterThanOrEqual(opts.deadline)
          }
        }
      ),
      { seed, numRuns: 150 }
    )
  })

  it.each(forEachSeed('a run of lost polls alone never gives deployed or rolled-back'))(
    '%s',
    async (_, seed) => {
      await fc.assert(
        fc.asyncProperty(contextArb, optionsArb, async (ctx, opts) => {
          const service = fakeService([{ kind: 'lost', latencyMs: 0 }])
          const { verdict } = await watch(createTimeline(ctx, T0), ctx, service.deps, opts)
          expect(['failed', 'timed-out']).toContain(verdict.outcome)
          expect(verdict.summary).toMatch(/may still be|SageMaker may still be working/)
        }),
        { seed, numRuns: 50 }
      )
    }
  )

  // After a `deployed` verdict the loop polls once more only to name the alarms. A credentials
  // error in that extra poll must not turn the success it has already seen into `failed`.
  it('a fatal error in the alarm-naming poll after the verdict keeps the verdict', async () => {
    const deployed: EndpointSnapshot = {
      status: 'InService',
      configName: NEW,
      failureReason: undefined,
      lastModifiedTime: T0 + 60_000,
      blue: undefined,
      green: undefined,
      pendingConfigName: undefined,
      pendingStartTime: undefined
    }
    let calls = 0
    let clock = T0
    const ctx: WatchContext = {
      newConfigName: NEW,
      oldConfigName: OLD,
      firstDeploy: false,
      instanceCount: 4,
      schedule: SCHEDULE,
      previousLastModified: T0 - 1000,
      waitIntervalSeconds: 60,
      terminationWaitSeconds: 0
    }
    const { verdict } = await watch(
      createTimeline(ctx, T0),
      ctx,
      {
        describeEndpoint: async () => {
          calls++
          clock += 5000
          // 1: still listing the deployment as pending; 2: done (no alarm read: nothing
          // changed that the loop compares); 3: the alarm-naming poll meets expired credentials.
          if (calls === 1) return { ...deployed, pendingConfigName: NEW }
          if (calls === 2) return deployed
          throw new FatalPollError('Stopped watching: ExpiredTokenException.')
        },
        describeAlarms: async () => [],
        now: () => clock,
        sleep: async ms => {
          clock += ms
        }
      },
      {
        deadline: T0 + 600_000,
        budgetSeconds: 600,
        pollIntervalMs: 1000,
        floorMs: 100,
        alarmRefreshMs: 20_000,
        maxConsecutiveFailures: 5
      }
    )
    expect(calls).toBe(3)
    expect(verdict.outcome).toBe('deployed')
  })
})
