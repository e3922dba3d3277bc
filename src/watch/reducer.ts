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

/** Percentage of the fleet on green, from the pending fleet's instances with traffic. */
function observedGreenPercent(
  ep: EndpointSnapshot,
  ctx: WatchContext,
  shiftsSoFar: number
): number | undefined {
  const green = ep.green
  if (!green) return undefined
  const status = latestStatus(green.statuses)?.status
  if (status !== 'ActivatingTraffic' && status !== 'Baking') return 0
  const total = green.desiredInstanceCount ?? ctx.instanceCount
  if (green.currentInstanceCount !== undefined && total > 0) {
    return Math.round((100 * Math.min(green.currentInstanceCount, total)) / total)
  }
  // The service did not say: fall back to the policy's schedule.
  const shifts = ctx.schedule.filter(s => s.greenPercent > 0)
  return shifts[Math.min(shiftsSoFar, shifts.length - 1)]?.greenPercent
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
    if (changed && (prev || a.state !== 'OK')) {
      const from = prev?.finalState ? `${prev.finalState} → ` : ''
      events.push({
        at: when,
        kind: 'alarm',
        message: `alarm ${a.name}: ${from}${a.state}${a.reason ? ` (${a.reason})` : ''}`
      })
    }
    const fired = a.state === 'ALARM'
    byName.set(a.name, {
      name: a.name,
      statesSeen: changed ? [...(prev?.statesSeen ?? []), a.state] : (prev?.statesSeen ?? []),
      finalState: a.state,
      lastReason: a.reason ?? prev?.lastReason,
      fired: (prev?.fired ?? false) || fired,
      firedAt: prev?.firedAt ?? (fired ? when : undefined)
    })
  }
  return [...byName.values()]
}

function firedNames(tracks: readonly AlarmTrack[]): string[] {
  return tracks.filter(t => t.fired).map(t => t.name)
}

export function reduce(t: Timeline, obs: Observation, ctx: WatchContext): Timeline {
  const ep = obs.endpoint
  if (!ep) {
    const consecutive = t.consecutiveFailedPolls + 1
    const events =
      consecutive === 1
        ? [
            ...t.events,
            {
              at: serviceTime(t, obs),
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

  // Green fleet status changes (provisioning, activating traffic, baking).
  const greenLatest = ep.green ? latestStatus(ep.green.statuses) : undefined
  const prevGreenLatest = prev?.green ? latestStatus(prev.green.statuses) : undefined
  if (
    greenLatest &&
    (greenLatest.status !== prevGreenLatest?.status ||
      greenLatest.startTime !== prevGreenLatest?.startTime)
  ) {
    const kind =
      greenLatest.status === 'Creating'
        ? 'provisioning'
        : greenLatest.status === 'Baking'
          ? 'bake'
          : 'step'
    events.push({
      at: greenLatest.startTime ?? now,
      kind,
      message: `green fleet ${greenLatest.status}${greenLatest.message ? `: ${greenLatest.message}` : ''}`
    })
  }

  const alarms = trackAlarms(t.alarms, obs.alarms, now, events)
  const onNew = ep.configName === ctx.newConfigName && ep.pendingConfigName === undefined
  const lastStep = steps.at(-1)!

  // Traffic steps.
  const shiftsSoFar = steps.filter(s => s.greenPercent > 0 && s.bluePercent > 0).length
  const green = observedGreenPercent(ep, ctx, shiftsSoFar)
  if (green !== undefined && green > 0 && green !== lastStep.greenPercent) {
    const total = ctx.schedule.filter(s => s.greenPercent > 0).length
    const k = steps.filter(s => s.greenPercent > 0).length + 1
    steps.push({
      at: greenLatest?.startTime ?? now,
      bluePercent: 100 - green,
      greenPercent: green,
      event:
        green === 100
          ? `all traffic on green (step ${k} of ${Math.max(total, k)}), final bake`
          : `step ${k} of ${Math.max(total, k)}: ${green}% shifted to green, alarms monitored`
    })
  }

  const fired = firedNames(alarms)
  const because = fired.length ? `: alarm ${fired.join(', ')} in ALARM` : ''
  let sawRollingBack = t.sawRollingBack
  const teardown = greenTornDown(ep, ctx)
  if ((ep.status === 'RollingBack' || teardown !== undefined) && !sawRollingBack) {
    sawRollingBack = true
    steps.push({
      at: teardown ?? now,
      bluePercent: 100,
      greenPercent: 0,
      event: `rolling back${because}`
    })
  }

  const sawProgress =
    t.sawProgress || IN_PROGRESS.has(ep.status) || ep.pendingConfigName === ctx.newConfigName

  if (
    ep.status === 'InService' &&
    onNew &&
    !(prev?.status === 'InService' && prev.configName === ep.configName)
  ) {
    const at = ep.lastModifiedTime ?? now
    const tail = steps.at(-1)!
    if (tail.greenPercent === 100 && steps.length > 1) {
      steps[steps.length - 1] = {
        ...tail,
        event: `${tail.event}; complete, blue fleet decommissioned`
      }
    } else {
      steps.push({
        at,
        bluePercent: 0,
        greenPercent: 100,
        event: ctx.firstDeploy
          ? 'endpoint in service on the new config'
          : 'complete, blue fleet decommissioned'
      })
    }
    events.push({ at, kind: 'complete', message: `endpoint InService on ${ep.configName}` })
  } else if (
    !(prev?.status === 'InService' && prev.configName === ep.configName) &&
    ep.status === 'InService' &&
    ep.configName !== ctx.newConfigName &&
    ep.pendingConfigName !== ctx.newConfigName &&
    changedSinceStart(t, ep, ctx, sawProgress)
  ) {
    const at = ep.lastModifiedTime ?? now
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
      events.push({
        at: ep.lastModifiedTime ?? now,
        kind: 'failed',
        message: `endpoint ${ep.status}${ep.failureReason ? `: ${ep.failureReason}` : ''}`
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
