// The pure heart of the watch: (timeline, observation) → timeline.
// Times come from the service wherever it gives them, so the table is right under clock skew
// and under an accelerated (emulated) clock.
import { sampleServiceClock } from './service-clock.js'
import type {
  AlarmSnapshot,
  AlarmTrack,
  EndpointSnapshot,
  Observation,
  ScheduledStep,
  Timeline,
  TimelineEvent,
  TrafficStep,
  VariantStatusSnapshot
} from '../types.js'
import {
  addMissedFirstShiftBeforeRollback,
  addMissedShiftsBeforeCompletion,
  addObservedShift,
  observedGreenPercent,
  recordedShifts,
  type StepContext
} from './traffic-steps.js'

/** What the watch knows from the plan and pre-flight. */
export interface WatchContext {
  readonly newConfigName: string
  readonly oldConfigName: string | undefined
  readonly firstDeploy: boolean
  readonly instanceCount: number
  readonly schedule: readonly ScheduledStep[]
  /** LastModifiedTime of the endpoint before this run changed it (epoch ms). */
  readonly previousLastModified: number | undefined
  /** Bake after each step and the final bake, when the policy is known. */
  readonly waitIntervalSeconds: number | undefined
  readonly terminationWaitSeconds: number | undefined
  /** No alarm guards the update (a restore). */
  readonly unguarded?: boolean
}

export const IN_PROGRESS = new Set(['Creating', 'Updating', 'SystemUpdating', 'RollingBack'])

/** What a status the deployment did not ask for means, for the log. */
const STATUS_NOTES: Readonly<Record<string, string>> = {
  SystemUpdating: ' (SageMaker maintenance: the deployment waits until it ends)',
  OutOfService: ' (SageMaker: not available to take incoming requests)'
}

export function createTimeline(ctx: WatchContext, startedAt: number): Timeline {
  return {
    startedAt,
    newConfigName: ctx.newConfigName,
    oldConfigName: ctx.oldConfigName,
    events: [
      {
        at: startedAt,
        kind: 'start',
        message: ctx.firstDeploy
          ? `creating endpoint on ${ctx.newConfigName} (new endpoint: no traffic shift)`
          : `update requested: ${ctx.oldConfigName ?? '?'} → ${ctx.newConfigName}`
      }
    ],
    steps: [],
    alarms: [],
    last: undefined,
    sawProgress: false,
    sawRollingBack: false,
    polls: 0,
    failedPolls: 0,
    consecutiveFailedPolls: 0
  }
}

export function latestStatus(
  statuses: readonly VariantStatusSnapshot[]
): VariantStatusSnapshot | undefined {
  let latest: VariantStatusSnapshot | undefined
  for (const s of statuses) {
    if (!latest || (s.startTime ?? 0) >= (latest.startTime ?? 0)) latest = s
  }
  return latest
}

/** The latest service timestamp in an observation: a lower bound of the service's "now". */
function serviceTime(t: Timeline, obs: Observation): number {
  const times = [t.steps.at(-1)?.at ?? 0, t.events.at(-1)?.at ?? 0]
  const ep = obs.endpoint
  if (ep) {
    times.push(ep.lastModifiedTime ?? 0, ep.pendingStartTime ?? 0)
    for (const fleet of [ep.blue, ep.green]) {
      for (const s of fleet?.statuses ?? []) times.push(s.startTime ?? 0)
    }
  }
  for (const a of obs.alarms) times.push(a.updatedAt ?? 0)
  return Math.max(...times)
}

export function trackAlarms(
  tracks: readonly AlarmTrack[],
  alarms: readonly AlarmSnapshot[],
  at: number,
  events: TimelineEvent[]
): AlarmTrack[] {
  const byName = new Map(tracks.map(t => [t.name, t]))
  for (const a of alarms) {
    const prev = byName.get(a.name)
    const when = a.updatedAt ?? at
    const changed = !prev || prev.finalState !== a.state
    // Only ALARM matters to the rollout: OK and INSUFFICIENT_DATA come and go with the
    // alarm's evaluation times, and would make the log differ from run to run.
    if (changed && (a.state === 'ALARM' || prev?.finalState === 'ALARM')) {
      const from = prev?.finalState ? `${prev.finalState} → ` : ''
      events.push({
        at: when,
        kind: 'alarm',
        message: `alarm ${a.name}: ${from}${a.state}${a.reason ? ` (${a.reason})` : ''}`
      })
    }
    const fired = a.state === 'ALARM'
    // Same state, later update: the alarm's state moved and came back between two polls.
    const updatedUnseen =
      !changed &&
      a.updatedAt !== undefined &&
      prev?.updatedAt !== undefined &&
      a.updatedAt > prev.updatedAt
    byName.set(a.name, {
      name: a.name,
      statesSeen: changed ? [...(prev?.statesSeen ?? []), a.state] : (prev?.statesSeen ?? []),
      finalState: a.state,
      lastReason: a.reason ?? prev?.lastReason,
      // The reason of the transition that fired, not a later one (OK again, say).
      firedReason: prev?.firedReason ?? (fired ? a.reason : undefined),
      fired: (prev?.fired ?? false) || fired,
      firedAt: prev?.firedAt ?? (fired ? when : undefined),
      updatedAt: a.updatedAt ?? prev?.updatedAt,
      updatedBetweenPolls: (prev?.updatedBetweenPolls ?? false) || updatedUnseen
    })
  }
  return [...byName.values()]
}

/** A poll without an answer: counted, and told once per run of failures (at `at`). */
export function failedPoll(t: Timeline, obs: Observation, at: number): Timeline {
  const consecutive = t.consecutiveFailedPolls + 1
  const events =
    consecutive === 1
      ? [
          ...t.events,
          {
            at,
            kind: 'poll-error' as const,
            message: `poll failed: ${obs.error ?? 'unknown error'} (retrying)`
          }
        ]
      : t.events
  return {
    ...t,
    events,
    polls: t.polls + 1,
    failedPolls: t.failedPolls + 1,
    consecutiveFailedPolls: consecutive
  }
}

/**
 * The endpoint as far as this run's deployment goes. Another deployment shows as a pending config
 * that is not this run's, or as a third config live. SageMaker takes no update while one is in
 * progress, so it started after this run's had settled: a pending one is seen as the state it
 * started from (this run's config live: completed; the old one: rolled back), without its fleets,
 * dated by the other one's start (the latest this one can have ended), so that none of it is
 * taken for this run's. A third config live is returned as it is:
 * how this run's deployment ended can no longer be seen.
 */
export function ownView(
  ep: EndpointSnapshot,
  ctx: Pick<WatchContext, 'newConfigName' | 'oldConfigName'>
): { readonly ep: EndpointSnapshot; readonly other?: { configName: string; live: boolean } } {
  const ours = (name: string | undefined): boolean =>
    name === ctx.newConfigName || (name !== undefined && name === ctx.oldConfigName)
  if (ep.configName !== undefined && !ours(ep.configName)) {
    return { ep, other: { configName: ep.configName, live: true } }
  }
  // Pending on the old config: a stale answer about the deployment before this one, not another.
  if (ep.pendingConfigName === undefined || ours(ep.pendingConfigName)) return { ep }
  return {
    ep: {
      ...ep,
      status: 'InService',
      // This run's deployment ended before the other one started: the latest it can have ended.
      lastModifiedTime: ep.pendingStartTime ?? ep.lastModifiedTime,
      green: undefined,
      pendingConfigName: undefined,
      pendingStartTime: undefined
    },
    other: { configName: ep.pendingConfigName, live: false }
  }
}

export function reduce(t: Timeline, raw: Observation, ctx: WatchContext): Timeline {
  if (!raw.endpoint) return failedPoll(t, raw, serviceTime(t, raw))
  const own = ownView(raw.endpoint, ctx)
  if (own.other) {
    const seen = reduceOwn(
      t,
      { ...raw, endpoint: own.ep },
      ctx,
      own.other.live ? 'foreign' : 'settled'
    )
    const first = t.other === undefined || (own.other.live && !t.other.live)
    const at = serviceTime(t, raw)
    return {
      ...seen,
      other: own.other,
      events: first
        ? [
            ...seen.events,
            {
              at,
              kind: 'other',
              message: own.other.live
                ? `endpoint ${raw.endpoint.status} on ${own.other.configName}: another deployment has replaced this run's`
                : `another deployment started: ${own.other.configName} (this run's deployment had ended)`
            }
          ]
        : seen.events
    }
  }
  return reduceOwn(t, raw, ctx, 'own')
}

/**
 * One answer about this run's deployment: `own` as SageMaker gave it; `settled` when another
 * deployment's start shows that this one had ended; `foreign` when a third config is live.
 */
function reduceOwn(
  t: Timeline,
  obs: Observation,
  ctx: WatchContext,
  seen: 'own' | 'settled' | 'foreign'
): Timeline {
  const ep = obs.endpoint!
  // A third config live: nothing of it is this run's; keep it as the last state, fold nothing.
  if (seen === 'foreign') return { ...t, last: ep, polls: t.polls + 1, consecutiveFailedPolls: 0 }

  const events: TimelineEvent[] = [...t.events]
  const steps: TrafficStep[] = [...t.steps]
  const now = serviceTime(t, obs)
  let startedAt = t.startedAt

  // The first answer anchors T+0 on the service's clock.
  if (steps.length === 0) {
    const serviceStart =
      ep.pendingStartTime ??
      (ep.green ? latestStatus(ep.green.statuses)?.startTime : undefined) ??
      (IN_PROGRESS.has(ep.status) ? ep.lastModifiedTime : undefined)
    if (serviceStart !== undefined) {
      startedAt = serviceStart
      events[0] = { ...events[0]!, at: serviceStart }
    }
    steps.push(
      ctx.firstDeploy
        ? { at: startedAt, bluePercent: 0, greenPercent: 0, event: 'endpoint creation started' }
        : {
            at: startedAt,
            bluePercent: 100,
            greenPercent: 0,
            event: 'deployment starts, green fleet provisioning'
          }
    )
  }

  const prev = t.last
  // InService gets its own event below (complete or rolled back), with what it means.
  if ((!prev || prev.status !== ep.status) && ep.status !== 'InService') {
    events.push({
      at: IN_PROGRESS.has(ep.status) ? now : (ep.lastModifiedTime ?? now),
      kind: ep.status === 'RollingBack' ? 'rollback' : 'status',
      message: `endpoint ${ep.status}${ep.status === 'RollingBack' ? ': traffic returning to blue' : (STATUS_NOTES[ep.status] ?? '')}`
    })
  }

  const stepCtx: StepContext = {
    schedule: ctx.schedule,
    instanceCount: ctx.instanceCount,
    waitIntervalSeconds: ctx.waitIntervalSeconds,
    startedAt,
    ...(ctx.unguarded ? { unguarded: true } : {}),
    finalBakeSeconds: ctx.terminationWaitSeconds
  }
  // What the previous poll had seen: steps no poll saw came after it.
  const after = t.serviceClock?.lastService || startedAt
  const greenLatest = ep.green ? latestStatus(ep.green.statuses) : undefined
  const green = observedGreenPercent(ep, greenLatest?.status, stepCtx, recordedShifts(steps))
  const greenEvent = greenFleetEvent(greenLatest, prev, green, now)
  if (greenEvent) events.push(greenEvent)

  const alarms = trackAlarms(t.alarms, obs.alarms, now, events)
  const onNew = ep.configName === ctx.newConfigName && ep.pendingConfigName === undefined

  if (green !== undefined && green > 0 && green !== steps.at(-1)!.greenPercent) {
    addObservedShift(steps, green, greenLatest?.startTime ?? now, after, stepCtx, events)
  }

  // Alarms seen in ALARM, or named by SageMaker's reason (one can fire and clear between polls).
  const fired = alarms
    .filter(a => a.fired || (ep.failureReason ?? '').includes(a.name))
    .map(a => a.name)
  const because = fired.length ? `: alarm ${fired.join(', ')} in ALARM` : ''
  // An alarm rolls back only during a bake, so green had traffic even if no poll saw it.
  const rolledBackByAlarm = fired.length > 0 || /alarm/i.test(ep.failureReason ?? '')
  let sawRollingBack = t.sawRollingBack
  const teardown = greenTornDown(ep, ctx)
  if ((ep.status === 'RollingBack' || teardown !== undefined) && !sawRollingBack) {
    sawRollingBack = true
    if (rolledBackByAlarm) {
      addMissedFirstShiftBeforeRollback(steps, teardown ?? now, after, stepCtx, events)
    }
    steps.push({
      at: teardown ?? now,
      bluePercent: 100,
      greenPercent: 0,
      event: `rolling back${because}`
    })
  }

  const sawProgress =
    t.sawProgress ||
    seen === 'settled' ||
    IN_PROGRESS.has(ep.status) ||
    ep.pendingConfigName === ctx.newConfigName
  const settledBefore = settledOn(t, ep, ctx)

  if (ep.status === 'InService' && onNew && !settledBefore) {
    const at = ep.lastModifiedTime ?? now
    if (!ctx.firstDeploy) addMissedShiftsBeforeCompletion(steps, at, after, stepCtx, events)
    // Its own row at the service's completion time: the final bake and the blue fleet's
    // termination come after the last shift.
    steps.push({
      at,
      bluePercent: 0,
      greenPercent: 100,
      event: ctx.firstDeploy
        ? 'endpoint in service on the new config'
        : 'complete, blue fleet decommissioned'
    })
    events.push({ at, kind: 'complete', message: `endpoint InService on ${ep.configName}` })
  } else if (
    !settledBefore &&
    ep.status === 'InService' &&
    ep.configName !== ctx.newConfigName &&
    ep.pendingConfigName !== ctx.newConfigName &&
    changedSinceStart(t, ep, ctx, sawProgress)
  ) {
    const at = ep.lastModifiedTime ?? now
    if (rolledBackByAlarm) addMissedFirstShiftBeforeRollback(steps, at, after, stepCtx, events)
    const tail = steps.at(-1)!
    if (!(tail.bluePercent === 100 && tail.greenPercent === 0 && steps.length > 1)) {
      steps.push({ at, bluePercent: 100, greenPercent: 0, event: `rolled back to blue${because}` })
    } else {
      steps[steps.length - 1] = { ...tail, event: `rolled back to blue${because}` }
    }
    events.push({
      at,
      kind: 'rollback',
      message: `endpoint InService on ${ep.configName ?? '?'} (the previous config): rolled back${
        ep.failureReason ? ` — ${ep.failureReason}` : ''
      }`
    })
  } else if (ep.status === 'Failed' || ep.status === 'UpdateRollbackFailed') {
    if (prev?.status !== ep.status) {
      const at = ep.lastModifiedTime ?? now
      events.push({
        at,
        kind: 'failed',
        message: `endpoint ${ep.status}${ep.failureReason ? `: ${ep.failureReason}` : ''}`
      })
      // The table must not end on a step as if the shift were still going on.
      const tail = steps.at(-1)!
      steps.push({
        at: Math.max(at, tail.at),
        bluePercent: tail.bluePercent,
        greenPercent: tail.greenPercent,
        event:
          ep.status === 'UpdateRollbackFailed'
            ? `rollback failed (UpdateRollbackFailed)${because}: old and new fleets both serve (the split is the last one seen)`
            : 'endpoint Failed (the split is the last one seen)'
      })
    }
  }

  // This poll's events in service-time order (an alarm may have fired before the status changed).
  const added = events.splice(t.events.length).sort((a, b) => a.at - b.at)
  return {
    ...t,
    startedAt,
    events: [...events, ...added],
    steps,
    alarms,
    last: ep,
    sawProgress,
    sawRollingBack,
    polls: t.polls + 1,
    consecutiveFailedPolls: 0,
    serviceClock: sampleServiceClock(t.serviceClock, obs.at, now)
  }
}

/** A change of the green fleet's status (provisioning, activating traffic, baking), with its split. */
function greenFleetEvent(
  latest: VariantStatusSnapshot | undefined,
  prev: EndpointSnapshot | undefined,
  greenPercent: number | undefined,
  now: number
): TimelineEvent | undefined {
  const before = prev?.green ? latestStatus(prev.green.statuses) : undefined
  if (!latest || (latest.status === before?.status && latest.startTime === before?.startTime)) {
    return undefined
  }
  const kind =
    latest.status === 'Creating' ? 'provisioning' : latest.status === 'Baking' ? 'bake' : 'step'
  const split =
    greenPercent !== undefined && greenPercent > 0
      ? ` (green ${greenPercent}% / blue ${100 - greenPercent}%)`
      : ''
  return {
    at: latest.startTime ?? now,
    kind,
    message: `green fleet ${latest.status}${split}${latest.message ? `: ${latest.message}` : ''}`
  }
}

/**
 * Whether the previous answer had already settled on the config this one shows, so that its row
 * (complete or rolled back) is in the table. An InService that still listed this run as pending,
 * or that was the state before SageMaker picked the update up, had not.
 */
function settledOn(t: Timeline, ep: EndpointSnapshot, ctx: WatchContext): boolean {
  const prev = t.last
  if (prev?.status !== 'InService' || prev.configName !== ep.configName) return false
  if (prev.configName === ctx.newConfigName) return prev.pendingConfigName === undefined
  return prev.pendingConfigName !== ctx.newConfigName && changedSinceStart(t, prev, ctx)
}

/**
 * When this run's green fleet started being terminated while the update is still in progress:
 * a rollback under way (the traffic is back on blue, the endpoint still Updating).
 */
function greenTornDown(ep: EndpointSnapshot, ctx: WatchContext): number | undefined {
  if (!IN_PROGRESS.has(ep.status) || ep.pendingConfigName !== ctx.newConfigName) return undefined
  const latest = ep.green ? latestStatus(ep.green.statuses) : undefined
  return latest?.status === 'Deleting' ? latest.startTime : undefined
}

/**
 * True when an InService endpoint on the old config is the end of this run's update (a
 * rollback), not the state before SageMaker picked the update up.
 */
export function changedSinceStart(
  t: Pick<Timeline, 'sawProgress'>,
  ep: EndpointSnapshot,
  ctx: WatchContext,
  sawProgress = t.sawProgress
): boolean {
  if (sawProgress) return true
  return (
    ep.lastModifiedTime !== undefined &&
    ctx.previousLastModified !== undefined &&
    ep.lastModifiedTime > ctx.previousLastModified
  )
}
