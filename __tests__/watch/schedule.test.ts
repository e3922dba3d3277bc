// When the next poll comes: just after a bake is due to end, at the poll interval otherwise,
// backing off while polls fail. Every figure exact, with the jitter source pinned.
import { describe, expect, it } from '@jest/globals'
import { endpoint, labContext, observe, T0 } from '../../__fixtures__/observations.js'
import { createTimeline, reduce, type WatchContext } from '../../src/watch/reducer.js'
import { expectedChangeAt, nextPollDelay } from '../../src/watch/schedule.js'
import type { EndpointSnapshot, FleetSnapshot, Observation, Timeline } from '../../src/types.js'

const sec = (s: number): number => T0 + s * 1000

function baking(
  current: number | undefined,
  desired: number | undefined,
  startTime: number | undefined,
  message?: string,
  status = 'Baking'
): EndpointSnapshot {
  const green: FleetSnapshot = {
    variantName: 'AllTraffic',
    currentInstanceCount: current,
    desiredInstanceCount: desired,
    currentWeight: 1,
    desiredWeight: 1,
    statuses: [{ status, message, startTime }]
  }
  return { ...endpoint('Updating'), green, pendingConfigName: 'lab-endpoint-cfg-new' }
}

function after(observations: Observation[], ctx: WatchContext = labContext()): Timeline {
  return observations.reduce((t, o) => reduce(t, o, ctx), createTimeline(ctx, T0))
}

const polled = (ep: EndpointSnapshot | undefined, ctx?: WatchContext) =>
  after([observe(sec(1), ep)], ctx)

describe('expectedChangeAt: when the current bake ends', () => {
  const ctx = labContext({ waitIntervalSeconds: 60, terminationWaitSeconds: 300 })

  it('a green fleet that lists no status yet: no expected change', () => {
    const ep = baking(1, 4, sec(0))
    const bare = { ...ep, green: { ...ep.green!, statuses: [] } }
    expect(expectedChangeAt(polled(bare, ctx), ctx)).toBeUndefined()
  })

  it('goes by the length SageMaker states in the status message', () => {
    const ep = baking(
      4,
      4,
      sec(240),
      'Baking for 45 seconds with traffic enabled on 4 instance(s).'
    )
    expect(expectedChangeAt(polled(ep, ctx), ctx)).toBe(sec(285))
  })

  it('else by the policy: wait-interval after a partial step, termination-wait after the full one', () => {
    expect(expectedChangeAt(polled(baking(1, 4, sec(60)), ctx), ctx)).toBe(sec(120))
    expect(expectedChangeAt(polled(baking(4, 4, sec(240)), ctx), ctx)).toBe(sec(540))
    expect(expectedChangeAt(polled(baking(5, 4, sec(240)), ctx), ctx)).toBe(sec(540))
    // A message that states no length: by the policy too.
    const unstated = baking(1, 4, sec(60), 'Baking with traffic enabled on 1 instance(s).')
    expect(expectedChangeAt(polled(unstated, ctx), ctx)).toBe(sec(120))
    // No counts: not known to be the final bake.
    expect(expectedChangeAt(polled(baking(undefined, 4, sec(60)), ctx), ctx)).toBe(sec(120))
    expect(expectedChangeAt(polled(baking(4, undefined, sec(60)), ctx), ctx)).toBe(sec(120))
  })

  it('is unknown without a bake under way, a start time, or a policy', () => {
    expect(expectedChangeAt(createTimeline(ctx, T0), ctx)).toBeUndefined()
    expect(expectedChangeAt(polled(endpoint('Updating'), ctx), ctx)).toBeUndefined()
    expect(expectedChangeAt(polled(baking(1, 4, undefined), ctx), ctx)).toBeUndefined()
    const activating = baking(1, 4, sec(60), 'Baking for 45 seconds', 'ActivatingTraffic')
    expect(expectedChangeAt(polled(activating, ctx), ctx)).toBeUndefined()
    const noPolicy = labContext({
      waitIntervalSeconds: undefined,
      terminationWaitSeconds: undefined
    })
    expect(expectedChangeAt(polled(baking(1, 4, sec(60)), noPolicy), noPolicy)).toBeUndefined()
  })
})

describe('nextPollDelay', () => {
  const ctx = labContext({ waitIntervalSeconds: 60, terminationWaitSeconds: 0 })
  const pacing = { pollIntervalMs: 10_000, floorMs: 2000 }
  const bakingStep1 = polled(baking(1, 4, sec(60)), ctx) // the bake ends at T+2 min

  it('is the poll interval exactly when nothing is due within it, with no jitter source', () => {
    expect(nextPollDelay(bakingStep1, ctx, pacing, sec(60))).toBe(10_000)
    expect(nextPollDelay(polled(endpoint('Updating'), ctx), ctx, pacing, sec(1))).toBe(10_000)
  })

  it('with a jitter source, between 85 % and 100 % of the interval', () => {
    const random = (r: number) => ({ ...pacing, random: () => r })
    expect(nextPollDelay(bakingStep1, ctx, random(0), sec(60))).toBe(8500)
    expect(nextPollDelay(bakingStep1, ctx, random(1), sec(60))).toBe(10_000)
    expect(nextPollDelay(bakingStep1, ctx, random(0.5), sec(60))).toBe(9250)
  })

  it('is half a second after the bake ends, plus the phase and jitter, when that is within the interval', () => {
    expect(nextPollDelay(bakingStep1, ctx, pacing, sec(115))).toBe(5500)
    expect(nextPollDelay(bakingStep1, ctx, { ...pacing, phaseMs: 1200 }, sec(115))).toBe(6700)
    // Jitter of up to a tenth of the interval, at most a second.
    expect(nextPollDelay(bakingStep1, ctx, { ...pacing, random: () => 0.5 }, sec(115))).toBe(6000)
    const long = { pollIntervalMs: 60_000, floorMs: 2000, random: () => 0.5 }
    expect(nextPollDelay(bakingStep1, ctx, long, sec(115))).toBe(6000)
    const short = { pollIntervalMs: 8000, floorMs: 100, random: () => 0.5 }
    expect(nextPollDelay(bakingStep1, ctx, short, sec(115))).toBe(5900)
  })

  it('never below the floor, and the interval again once the end is past or beyond the interval', () => {
    expect(nextPollDelay(bakingStep1, ctx, pacing, sec(119))).toBe(2000)
    // 0.5 s after the end: exactly due now, so the next interval.
    expect(nextPollDelay(bakingStep1, ctx, pacing, sec(120.5))).toBe(10_000)
    expect(nextPollDelay(bakingStep1, ctx, pacing, sec(121))).toBe(10_000)
    // 9.5 s before the end: due exactly one interval from now, which is the interval.
    expect(nextPollDelay(bakingStep1, ctx, pacing, sec(110.5))).toBe(10_000)
    expect(nextPollDelay(bakingStep1, ctx, pacing, sec(110.6))).toBe(9900)
    // Due exactly one interval from now with a jitter source: the jittered interval.
    const jittered = { ...pacing, random: () => 0 }
    expect(nextPollDelay(bakingStep1, ctx, jittered, sec(110.5))).toBe(8500)
  })

  it('the floor is never above the interval', () => {
    const tight = { pollIntervalMs: 1000, floorMs: 5000 }
    expect(nextPollDelay(bakingStep1, ctx, tight, sec(119.8))).toBe(1000)
    expect(nextPollDelay(bakingStep1, ctx, tight, sec(119.4))).toBe(1000)
    expect(nextPollDelay(bakingStep1, ctx, tight, sec(119.7))).toBe(1000)
  })

  describe('while polls fail', () => {
    const failing = (n: number) =>
      after(
        Array.from({ length: n }, (_, i) => observe(sec(i), undefined, [], 'Throttling')),
        ctx
      )
    const wide = { pollIntervalMs: 10_000_000, floorMs: 100 }

    it('doubles from the floor with each failure in a row, jittered ±25 %', () => {
      expect(
        [1, 2, 3].map(n => nextPollDelay(failing(n), ctx, { ...wide, random: () => 0.5 }, T0))
      ).toEqual([200, 400, 800])
      expect(nextPollDelay(failing(2), ctx, { ...wide, random: () => 0 }, T0)).toBe(300)
      expect(nextPollDelay(failing(2), ctx, { ...wide, random: () => 1 }, T0)).toBe(500)
    })

    it('stops doubling after eight failures, and never passes the interval', () => {
      const r = { ...wide, random: () => 0.5 }
      expect(nextPollDelay(failing(8), ctx, r, T0)).toBe(25_600)
      expect(nextPollDelay(failing(12), ctx, r, T0)).toBe(25_600)
      expect(nextPollDelay(failing(8), ctx, { ...pacing, random: () => 0.5 }, T0)).toBe(10_000)
    })

    it('backs off even when a bake is due to end soon', () => {
      const t = reduce(bakingStep1, observe(sec(115), undefined, [], 'Throttling'), ctx)
      expect(nextPollDelay(t, ctx, { ...pacing, random: () => 0.5 }, sec(115))).toBe(4000)
    })
  })
})
