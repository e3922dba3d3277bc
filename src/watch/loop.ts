// The poll loop: one DescribeEndpoint (+ at most one batched DescribeAlarms) per poll, fed to the
// pure reducer until the verdict. Clock, sleep and the service calls are injected.
import type { AlarmSnapshot, EndpointSnapshot, Timeline, TimelineEvent, Verdict } from '../types.js'
import { interrupted, settle, timedOut } from '../verdict.js'
import { reduce, type WatchContext } from './reducer.js'
import { nextPollDelay } from './schedule.js'

/** Thrown by a poll when watching cannot go on (credentials, permissions, endpoint deleted). */
export class FatalPollError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'FatalPollError'
  }
}

export interface WatchDeps {
  describeEndpoint(): Promise<EndpointSnapshot>
  describeAlarms(): Promise<AlarmSnapshot[]>
  /** Local clock, epoch ms. */
  now(): number
  sleep(ms: number, signal?: AbortSignal): Promise<void>
  /** Called after every poll with the events it added. */
  onPoll?(timeline: Timeline, added: readonly TimelineEvent[]): void | Promise<void>
  signal?: AbortSignal
}

export interface WatchOptions {
  /** Local time (epoch ms) by which a verdict is due. */
  readonly deadline: number
  readonly budgetSeconds: number
  /** The user's poll-interval: the longest pause between polls. */
  readonly pollIntervalMs: number
  /** Shortest pause between polls (keeps far inside the services' throttling limits). */
  readonly floorMs: number
  /** Alarms are read at least this often, and whenever the endpoint changes. */
  readonly alarmRefreshMs: number
  readonly maxConsecutiveFailures: number
}

export interface WatchResult {
  readonly timeline: Timeline
  readonly verdict: Verdict
}

const endpointChanged = (a: EndpointSnapshot | undefined, b: EndpointSnapshot): boolean =>
  !a ||
  a.status !== b.status ||
  a.configName !== b.configName ||
  a.green?.currentInstanceCount !== b.green?.currentInstanceCount ||
  a.green?.statuses.length !== b.green?.statuses.length

export async function watch(
  start: Timeline,
  ctx: WatchContext,
  deps: WatchDeps,
  opts: WatchOptions
): Promise<WatchResult> {
  let timeline = start
  let lastAlarmPoll = Number.NEGATIVE_INFINITY

  /** One poll; true when it read the alarms. */
  const poll = async (forceAlarms: boolean): Promise<boolean> => {
    const before = timeline.events.length
    const at = deps.now()
    let endpoint: EndpointSnapshot | undefined
    let alarms: AlarmSnapshot[] = []
    let error: string | undefined
    let readAlarms = false
    try {
      endpoint = await deps.describeEndpoint()
      if (
        forceAlarms ||
        endpointChanged(timeline.last, endpoint) ||
        at - lastAlarmPoll >= opts.alarmRefreshMs
      ) {
        alarms = await deps.describeAlarms()
        lastAlarmPoll = at
        readAlarms = true
      }
    } catch (e) {
      if (e instanceof FatalPollError) throw e
      error = e instanceof Error ? e.message : String(e)
      // A lost poll is never a verdict: drop what this poll saw and try again.
      endpoint = undefined
      alarms = []
      readAlarms = false
    }
    timeline = reduce(timeline, { at, endpoint, alarms, error }, ctx)
    await deps.onPoll?.(timeline, timeline.events.slice(before))
    return readAlarms
  }

  try {
    for (;;) {
      if (deps.signal?.aborted) {
        return { timeline, verdict: interrupted(timeline, 'Watching was cancelled.') }
      }
      const pollStartedAt = deps.now()
      const readAlarms = await poll(false)
      let verdict = settle(timeline, ctx)
      if (verdict) {
        // Name the alarms with a fresh read when this poll did not include them. The verdict
        // stands whatever this extra read meets.
        if (!readAlarms) {
          try {
            await poll(true)
            verdict = settle(timeline, ctx) ?? verdict
          } catch {
            // keep the verdict
          }
        }
        return { timeline, verdict }
      }
      if (timeline.consecutiveFailedPolls >= opts.maxConsecutiveFailures) {
        return {
          timeline,
          verdict: interrupted(
            timeline,
            `${timeline.consecutiveFailedPolls} polls in a row failed (last: ${
              timeline.events.findLast(e => e.kind === 'poll-error')?.message ?? 'unknown'
            }).`
          )
        }
      }
      const now = deps.now()
      if (now >= opts.deadline) return { timeline, verdict: timedOut(timeline, opts.budgetSeconds) }
      // The pause counts from the start of the poll, so slow answers do not stretch the interval.
      const delay = Math.min(
        nextPollDelay(timeline, ctx, opts, now) - (now - pollStartedAt),
        opts.deadline - now
      )
      await deps.sleep(Math.max(0, delay), deps.signal)
    }
  } catch (e) {
    if (e instanceof FatalPollError) return { timeline, verdict: interrupted(timeline, e.message) }
    throw e
  }
}
