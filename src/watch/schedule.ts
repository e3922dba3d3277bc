// Schedule-aware polling: poll soon after the moment something is expected to change (the end
// of a bake), and at the user's poll-interval otherwise. Never faster than the floor, never
// slower than the poll-interval, and backing off while polls fail.
import type { Timeline } from '../types.js'
import { latestStatus, type WatchContext } from './reducer.js'

export interface PollPacing {
  readonly pollIntervalMs: number
  readonly floorMs: number
}

/** Local epoch ms at which the current bake is expected to end, if the service says when it began. */
export function expectedChangeAt(t: Timeline, ctx: WatchContext): number | undefined {
  const green = t.last?.green
  const status = green ? latestStatus(green.statuses) : undefined
  if (!status?.startTime) return undefined
  if (status.status === 'Baking') {
    // SageMaker says how long it bakes ("Baking for 60 seconds ..."); else go by the policy.
    const stated = /Baking for (\d+) seconds/.exec(status.message ?? '')?.[1]
    if (stated !== undefined) return status.startTime + Number(stated) * 1000
    const finalBake =
      (green?.currentInstanceCount ?? 0) >= (green?.desiredInstanceCount ?? Infinity)
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
  if (t.consecutiveFailedPolls > 0) {
    const backoff = floor * 2 ** Math.min(t.consecutiveFailedPolls, 8)
    return Math.min(cap, backoff * (0.75 + Math.random() * 0.5))
  }
  const change = expectedChangeAt(t, ctx)
  if (change !== undefined) {
    // Half a second after the expected change, so the poll sees the next step.
    const until = change - now + 500
    if (until > 0 && until < cap) return Math.max(floor, until)
  }
  return cap
}
