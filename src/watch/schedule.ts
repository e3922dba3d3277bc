// Schedule-aware polling: poll soon after the moment something is expected to change (the end
// of a bake), and at the user's poll-interval otherwise. Never faster than the floor, never
// slower than the poll-interval, and backing off while polls fail.
import type { Timeline } from '../types.js'
import { latestStatus, type WatchContext } from './reducer.js'

export interface PollPacing {
  readonly pollIntervalMs: number
  readonly floorMs: number
  /** This run's fixed offset after an expected change (spreads concurrent rollouts). */
  readonly phaseMs?: number
  /** Jitter source; without it the pacing is exact. */
  readonly random?: () => number
}

/** Local epoch ms at which the current bake is expected to end, if the service says when it began. */
export function expectedChangeAt(t: Timeline, ctx: WatchContext): number | undefined {
  const green = t.last?.green
  if (!green) return undefined
  const status = latestStatus(green.statuses)
  if (!status?.startTime) return undefined
  if (status.status === 'Baking') {
    // SageMaker says how long it bakes ("Baking for 60 seconds ..."); else go by the policy.
    const stated = status.message?.match(/Baking for (\d+) seconds/)?.[1]
    if (stated !== undefined) return status.startTime + Number(stated) * 1000
    const finalBake = (green.currentInstanceCount ?? 0) >= (green.desiredInstanceCount ?? Infinity)
    const seconds = finalBake ? ctx.terminationWaitSeconds : ctx.waitIntervalSeconds
    return seconds === undefined ? undefined : status.startTime + seconds * 1000
  }
  return undefined
}

export function nextPollDelay(
  t: Timeline,
  ctx: WatchContext,
  pacing: PollPacing,
  now: number
): number {
  const cap = pacing.pollIntervalMs
  const floor = Math.min(pacing.floorMs, cap)
  const random = pacing.random ?? Math.random
  if (t.consecutiveFailedPolls > 0) {
    const backoff = floor * 2 ** Math.min(t.consecutiveFailedPolls, 8)
    return Math.min(cap, backoff * (0.75 + random() * 0.5))
  }
  const change = expectedChangeAt(t, ctx)
  if (change !== undefined) {
    // Half a second after the expected change (plus this run's phase and a little jitter), so
    // the poll sees the next step and concurrent rollouts do not poll in the same second.
    const jitter = pacing.random ? pacing.random() * Math.min(1000, cap / 10) : 0
    const until = change - now + 500 + (pacing.phaseMs ?? 0) + jitter
    if (until > 0 && until < cap) return Math.max(floor, until)
  }
  // Never longer than the poll interval: the verdict comes within one interval of settling.
  return pacing.random ? cap * (0.85 + 0.15 * random()) : cap
}
