// The poll loop: one DescribeEndpoint (+ at most one batched DescribeAlarms) per poll, fed to the
// pure reducer until the verdict. Clock, sleep and the service calls are injected.
//
// The verdict comes from DescribeEndpoint alone. Alarm reads only name the trigger: they back
// off on their own when throttled, and a failed alarm read never discards the endpoint's answer.
// Every call gets a deadline inside the watch's budget, so a held socket cannot stretch it.
import type {
  AlarmSnapshot,
  EndpointSnapshot,
  Observation,
  Timeline,
  TimelineEvent,
  Verdict
} from '../types.js'
import { interrupted, settle, timedOut, watchCancelled } from '../verdict.js'
import { recordFiredAlarms, type AlarmTransition } from './alarm-history.js'
import { reduce, type WatchContext } from './reducer.js'
import { nextPollDelay } from './schedule.js'

/** Thrown by a poll when watching cannot go on (credentials, permissions). */
export class FatalPollError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'FatalPollError'
  }
}

export interface WatchDeps {
  /** The endpoint, or undefined when SageMaker says it does not exist. */
  describeEndpoint(deadlineMs: number): Promise<EndpointSnapshot | undefined>
  describeAlarms(deadlineMs: number): Promise<AlarmSnapshot[]>
  /** The guard alarms' changes to ALARM since the service time given (naming a rollback). */
  alarmTransitions?(since: number, deadlineMs: number): Promise<AlarmTransition[]>
  /** Local clock, epoch ms. */
  now(): number
  sleep(ms: number, signal?: AbortSignal): Promise<void>
  /** Called after every poll with the events it added. */
  onPoll?(timeline: Timeline, added: readonly TimelineEvent[]): void | Promise<void>
  /** Something a person should know that is not a traffic event (alarm reads failing). */
  onNotice?(message: string): void
  random?(): number
  signal?: AbortSignal
  /** Folds one poll into the timeline (default: the endpoint reducer). */
  fold?(t: Timeline, obs: Observation): Timeline
  /** The verdict once settled, undefined while in progress (default: the endpoint rule). */
  judge?(t: Timeline): Verdict | undefined
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
  /** One call's limit (never past the deadline). */
  readonly callDeadlineMs?: number
  /** "Could not find endpoint" is believed only after this many polls over this long. */
  readonly notFoundPolls?: number
  readonly notFoundGraceMs?: number
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
  a.blue?.currentInstanceCount !== b.blue?.currentInstanceCount ||
  a.green?.statuses.length !== b.green?.statuses.length

/** Share of the poll interval over which concurrent runs' polls after a step's end are spread. */
export const PHASE_SPREAD = 0.6

/** Pause before the next alarm read after `failures` failed ones in a row. */
export function alarmBackoffMs(failures: number, refreshMs: number, random: () => number): number {
  const ceiling = Math.min(120_000, refreshMs * 2 ** Math.min(failures - 1, 6))
  return Math.round(ceiling * (0.5 + random() / 2))
}

export async function watch(
  start: Timeline,
  ctx: WatchContext,
  deps: WatchDeps,
  opts: WatchOptions
): Promise<WatchResult> {
  const random = deps.random ?? Math.random
  const fold = deps.fold ?? ((t: Timeline, obs: Observation) => reduce(t, obs, ctx))
  const judge = deps.judge ?? ((t: Timeline) => settle(t, ctx))
  const notFoundPolls = opts.notFoundPolls ?? 3
  const notFoundGraceMs = opts.notFoundGraceMs ?? 30_000
  let timeline = start
  let lastAlarmPoll = Number.NEGATIVE_INFINITY
  let alarmFailures = 0
  let alarmRetryAt = Number.NEGATIVE_INFINITY
  let alarmsOff = false
  let notFound = 0
  let notFoundSince: number | undefined
  // The timeline logs only the first failure of a run of them; the give-up message names the last.
  let lastPollError: string | undefined
  // A per-run phase: concurrent rollouts aiming at the same expected step times do not align.
  // Spread over most of the interval (fifty rollouts started together then poll a step's end
  // over ~6 s, not 1.5 s); phase + jitter + 0.5 s stays below the interval.
  const phaseMs = random() * opts.pollIntervalMs * PHASE_SPREAD
  const callDeadline = (): number =>
    Math.max(1000, Math.min(opts.callDeadlineMs ?? 30_000, opts.deadline - deps.now()))

  const readEndpoint = async (at: number): Promise<[EndpointSnapshot | undefined, string?]> => {
    let endpoint: EndpointSnapshot | undefined
    try {
      endpoint = await deps.describeEndpoint(callDeadline())
    } catch (e) {
      if (e instanceof FatalPollError) throw e
      return [undefined, e instanceof Error ? e.message : String(e)]
    }
    if (endpoint) {
      notFound = 0
      notFoundSince = undefined
      return [endpoint]
    }
    // Right after CreateEndpoint SageMaker can answer "not found" for a moment.
    notFound += 1
    notFoundSince ??= at
    if (notFound >= notFoundPolls && at - notFoundSince >= notFoundGraceMs) {
      throw new FatalPollError(
        `The endpoint no longer exists: SageMaker answered "Could not find endpoint" ${notFound} times over ${Math.round((at - notFoundSince) / 1000)} s (deleted during the deployment).`
      )
    }
    return [undefined, `SageMaker answered "Could not find endpoint" (${notFound}×); retrying`]
  }

  /** Alarms, when due; [] when not read. Never throws: alarms cannot cost the verdict. */
  const readAlarms = async (at: number, due: boolean): Promise<[AlarmSnapshot[], boolean]> => {
    if (alarmsOff || !due || at < alarmRetryAt) return [[], false]
    try {
      const alarms = await deps.describeAlarms(callDeadline())
      lastAlarmPoll = at
      alarmFailures = 0
      return [alarms, true]
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e)
      if (e instanceof FatalPollError) {
        alarmsOff = true
        deps.onNotice?.(
          `Alarm reads stopped (${message}). The verdict still comes from DescribeEndpoint; SageMaker's FailureReason names an alarm that rolls back.`
        )
        return [[], false]
      }
      alarmFailures += 1
      const pause = alarmBackoffMs(alarmFailures, opts.alarmRefreshMs, random)
      alarmRetryAt = at + pause
      if (alarmFailures === 1 || alarmFailures % 5 === 0) {
        deps.onNotice?.(
          `Reading the alarms failed (${message}); next try in ${Math.round(pause / 1000)} s. The verdict does not depend on it.`
        )
      }
      return [[], false]
    }
  }

  /** One poll; true when it read the alarms. */
  const poll = async (forceAlarms: boolean): Promise<boolean> => {
    const before = timeline.events.length
    const at = deps.now()
    const [endpoint, error] = await readEndpoint(at)
    if (error !== undefined) lastPollError = error
    const due =
      forceAlarms ||
      (endpoint !== undefined && endpointChanged(timeline.last, endpoint)) ||
      at - lastAlarmPoll >= opts.alarmRefreshMs
    const [alarms, read] = await readAlarms(at, due)
    timeline = fold(timeline, { at, endpoint, alarms, error })
    await deps.onPoll?.(timeline, timeline.events.slice(before))
    return read
  }

  try {
    for (;;) {
      if (deps.signal?.aborted) {
        return { timeline, verdict: watchCancelled(timeline) }
      }
      const pollStartedAt = deps.now()
      const readAlarmsNow = await poll(false)
      let verdict = judge(timeline)
      if (verdict) {
        // Name the alarms with a fresh read when this poll did not include them. The verdict
        // stands whatever this extra read meets.
        if (!readAlarmsNow && !alarmsOff && !deps.signal?.aborted) {
          try {
            alarmRetryAt = Number.NEGATIVE_INFINITY
            await poll(true)
            verdict = judge(timeline) ?? verdict
          } catch {
            // keep the verdict
          }
        }
        // A rollback nobody saw an alarm for: the alarms' history says which one fired.
        if (
          verdict.outcome === 'rolled-back' &&
          verdict.triggeredAlarms.length === 0 &&
          deps.alarmTransitions &&
          !alarmsOff
        ) {
          try {
            const transitions = await deps.alarmTransitions(timeline.startedAt, callDeadline())
            timeline = recordFiredAlarms(timeline, transitions)
            verdict = judge(timeline) ?? verdict
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
            `${timeline.consecutiveFailedPolls} polls in a row failed (last: ${lastPollError ?? 'unknown'}).`
          )
        }
      }
      const now = deps.now()
      if (now >= opts.deadline) return { timeline, verdict: timedOut(timeline, opts.budgetSeconds) }
      // The pause counts from the start of the poll, so slow answers do not stretch the interval.
      const delay = Math.min(
        nextPollDelay(timeline, ctx, { ...opts, phaseMs, random }, now) - (now - pollStartedAt),
        opts.deadline - now
      )
      await deps.sleep(Math.max(0, delay), deps.signal)
    }
  } catch (e) {
    if (e instanceof FatalPollError) return { timeline, verdict: interrupted(timeline, e.message) }
    throw e
  }
}
