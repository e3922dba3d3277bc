// Pure: watching an inference component's rolling update. DescribeInferenceComponent gives the
// status, the specification (its model), the desired and current copy counts and, after a
// failure, a reason; it does not say which copies run which model. So the verdict rests on the
// status and the model alone (deployed only when InService on this step's model after the update
// began), and the table counts batches from the copies running: above the desired count a new
// batch is up beside the old copies, back at it an old batch is gone.
import { sampleServiceClock } from '../../watch/service-clock.js'
import { failedPoll, trackAlarms } from '../../watch/reducer.js'
import { fired, rolledBack, settledBase } from '../../verdict.js'
import type {
  BatchRow,
  EndpointSnapshot,
  Observation,
  Timeline,
  TimelineEvent,
  TrafficStep,
  Verdict
} from '../../types.js'
import type { DescribeComponentLike } from './live.js'

export interface ComponentWatch {
  readonly name: string
  readonly newModelName: string
  readonly oldModelName: string | undefined
  readonly copies: number
  readonly batchCopies: number
  readonly waitIntervalSeconds: number
  /** LastModifiedTime before the update (epoch ms). */
  readonly previousLastModified: number | undefined
}

const IN_PROGRESS = new Set(['Creating', 'Updating'])

/**
 * The component as a snapshot the poll loop knows: its model stands where an endpoint's config
 * name does, its copies where the live fleet's instances do.
 */
export function toComponentSnapshot(out: DescribeComponentLike): EndpointSnapshot {
  const spec = (out.Specification ?? out.Specifications?.[0]) as { ModelName?: unknown } | undefined
  return {
    status: out.InferenceComponentStatus ?? 'Unknown',
    configName: typeof spec?.ModelName === 'string' ? spec.ModelName : undefined,
    failureReason: out.FailureReason || undefined,
    lastModifiedTime:
      out.LastModifiedTime instanceof Date ? out.LastModifiedTime.getTime() : undefined,
    blue: {
      variantName: out.VariantName ?? '',
      currentInstanceCount: out.RuntimeConfig?.CurrentCopyCount,
      desiredInstanceCount: out.RuntimeConfig?.DesiredCopyCount,
      currentWeight: undefined,
      desiredWeight: undefined,
      statuses: []
    },
    green: undefined,
    pendingConfigName: undefined,
    pendingStartTime: undefined
  }
}

/** InService on anything after the update began: the update is over. */
function changed(t: Timeline, ep: EndpointSnapshot, w: ComponentWatch): boolean {
  return (
    t.sawProgress ||
    (ep.lastModifiedTime !== undefined &&
      w.previousLastModified !== undefined &&
      ep.lastModifiedTime > w.previousLastModified)
  )
}

function serviceTime(t: Timeline, obs: Observation): number {
  const times = [t.events.at(-1)?.at ?? 0, obs.endpoint?.lastModifiedTime ?? 0]
  for (const a of obs.alarms) times.push(a.updatedAt ?? 0)
  return Math.max(...times)
}

const percent = (n: number, of: number): number => (of > 0 ? Math.round((100 * n) / of) : 0)

/** Whether a row shows a batch up beside the old copies (more copies than the component runs). */
const isUp = (row: BatchRow, copies: number): boolean => row.newCount + row.oldCount > copies

/** The batch row a poll adds: a new batch up, an old batch gone, or the end. */
function batchRow(
  t: Timeline,
  ep: EndpointSnapshot,
  w: ComponentWatch,
  at: number,
  alarms: readonly string[]
): BatchRow | undefined {
  const rows = t.batches ?? []
  const last = rows.at(-1)
  const running = ep.blue?.currentInstanceCount ?? w.copies
  const desired = ep.blue?.desiredInstanceCount ?? w.copies
  const batches = Math.max(1, Math.ceil(w.copies / Math.max(1, w.batchCopies)))
  const rises = rows.filter(r => isUp(r, w.copies)).length
  const because = alarms.length > 0 ? ` (alarm ${alarms.join(', ')} in ALARM)` : ''
  const row = (newCount: number, event: string): BatchRow => ({
    at,
    newCount,
    oldCount: Math.max(0, running - newCount),
    newPercent: percent(newCount, w.copies),
    event
  })
  if (ep.status === 'InService') {
    if (!changed(t, ep, w)) return undefined
    if (ep.configName === w.newModelName) {
      return {
        at,
        newCount: w.copies,
        oldCount: 0,
        newPercent: 100,
        event: `complete: ${w.copies} copies of ${w.newModelName} serve all traffic`
      }
    }
    return {
      at,
      newCount: 0,
      oldCount: running,
      newPercent: 0,
      event: `rolled back${because}: ${running} copies of ${ep.configName ?? 'the previous model'} serve all traffic`
    }
  }
  if (!IN_PROGRESS.has(ep.status)) return undefined
  if (last === undefined) {
    return row(0, `update starts: batch 1 of ${batches}, launching ${w.batchCopies} new copies`)
  }
  const up = running > desired
  if (up === isUp(last, w.copies) && running === last.newCount + last.oldCount) return undefined
  // After an alarm, a rollback moves copies in the same steps: the batch count says nothing.
  if (alarms.length > 0) {
    return row(
      Math.min(last.newCount, running),
      `${running} copies running, ${desired} desired${because}: SageMaker rolls back if an alarm is in ALARM during a bake, replacing new copies with old ones step by step`
    )
  }
  if (up) {
    const k = Math.min(batches, rises + 1)
    const n = Math.min(w.copies, k * w.batchCopies)
    return row(
      n,
      `batch ${k} of ${batches}: new copies up beside the old ones (${n} of ${w.copies} on ${w.newModelName}, ${percent(n, w.copies)}% of the traffic), ${w.waitIntervalSeconds} s bake, alarms monitored`
    )
  }
  const n = Math.min(w.copies, rises * w.batchCopies)
  return row(
    n,
    `batch ${Math.max(1, Math.min(batches, rises))} of ${batches} baked: old copies terminated${n < w.copies ? `, launching the next ${w.batchCopies}` : ''}`
  )
}

/** The component on a model that is neither this run's nor the one it replaced: another update. */
function otherModel(ep: EndpointSnapshot, w: ComponentWatch): string | undefined {
  const model = ep.configName
  return model !== undefined && model !== w.newModelName && model !== w.oldModelName
    ? model
    : undefined
}

export function reduceComponent(t: Timeline, obs: Observation, w: ComponentWatch): Timeline {
  const ep = obs.endpoint
  if (!ep) return failedPoll(t, obs, serviceTime(t, obs))
  const other = otherModel(ep, w)
  if (other !== undefined) {
    // Another run's update: none of its copies are this run's; keep the state, fold nothing.
    const first = t.other === undefined
    return {
      ...t,
      last: ep,
      other: { configName: other, live: true },
      polls: t.polls + 1,
      consecutiveFailedPolls: 0,
      events: first
        ? [
            ...t.events,
            {
              at: serviceTime(t, obs),
              kind: 'other',
              message: `inference component ${ep.status} on ${other}: another update has replaced this run's`
            }
          ]
        : t.events
    }
  }
  const events: TimelineEvent[] = [...t.events]
  const now = serviceTime(t, obs)
  const inProgress = IN_PROGRESS.has(ep.status)
  // The first poll in progress shows how the service reads Specification during an update.
  const specInUpdate =
    t.specInUpdate ??
    (inProgress && ep.configName === w.oldModelName && w.oldModelName !== undefined
      ? 'old'
      : inProgress && ep.configName === w.newModelName
        ? 'new'
        : undefined)
  let ownModelInProgressAt = t.ownModelInProgressAt
  if (
    ownModelInProgressAt === undefined &&
    t.specInUpdate === 'old' &&
    inProgress &&
    ep.configName === w.newModelName
  ) {
    ownModelInProgressAt = now
    events.push({
      at: now,
      kind: 'other',
      message: `inference component ${ep.status} on ${w.newModelName} (this run's model), which it showed only once an update completed: another update has started from it; the table stops here`
    })
  }
  let startedAt = t.startedAt
  // The first answer anchors T+0 on the service's clock.
  if (t.polls - t.failedPolls === 0 && IN_PROGRESS.has(ep.status) && ep.lastModifiedTime) {
    startedAt = ep.lastModifiedTime
    events[0] = { ...events[0]!, at: startedAt }
  }
  const prev = t.last
  if (!prev || prev.status !== ep.status) {
    const what =
      ep.status === 'Updating'
        ? `: replacing its ${w.copies} copies in batches of ${w.batchCopies}`
        : ep.status === 'InService'
          ? ` on ${ep.configName ?? '?'}`
          : ep.failureReason
            ? `: ${ep.failureReason}`
            : ''
    events.push({
      at: ep.lastModifiedTime ?? now,
      kind:
        ep.status === 'InService'
          ? ep.configName === w.newModelName
            ? 'complete'
            : 'rollback'
          : ep.status === 'Failed'
            ? 'failed'
            : 'status',
      message: `inference component ${w.name} ${ep.status}${what}`
    })
  }
  if (
    ownModelInProgressAt === undefined &&
    prev &&
    prev.blue?.currentInstanceCount !== ep.blue?.currentInstanceCount
  ) {
    events.push({
      at: ep.lastModifiedTime ?? now,
      kind: 'step',
      message: `copies running: ${ep.blue?.currentInstanceCount ?? '?'} of ${ep.blue?.desiredInstanceCount ?? '?'} desired`
    })
  }
  const alarms = trackAlarms(t.alarms, obs.alarms, now, events)
  const sawProgress = t.sawProgress || inProgress
  const next: Timeline = {
    ...t,
    startedAt,
    alarms,
    sawProgress,
    last: ep,
    ...(specInUpdate ? { specInUpdate } : {}),
    ...(ownModelInProgressAt !== undefined ? { ownModelInProgressAt } : {})
  }
  const row =
    ownModelInProgressAt !== undefined && ep.status !== 'InService'
      ? undefined
      : batchRow(
          { ...next, polls: t.polls },
          ep,
          w,
          t.batches === undefined ? startedAt : Math.max(ep.lastModifiedTime ?? now, startedAt),
          fired(next)
        )
  const batches = row ? [...(t.batches ?? []), row] : (t.batches ?? [])
  const steps: TrafficStep[] = batches.map(b => ({
    at: b.at,
    bluePercent: 100 - b.newPercent,
    greenPercent: b.newPercent,
    event: b.event
  }))
  const added = events.splice(t.events.length).sort((a, b) => a.at - b.at)
  return {
    ...next,
    events: [...events, ...added],
    steps,
    batches,
    polls: t.polls + 1,
    consecutiveFailedPolls: 0,
    serviceClock: sampleServiceClock(t.serviceClock, obs.at, now)
  }
}

/** The verdict, with the same rule as an endpoint's: deployed only on this step's model. */
export function settleComponent(t: Timeline, w: ComponentWatch): Verdict | undefined {
  const ep = t.last
  if (!ep) return undefined
  const settled = settledBase(t, ep)
  const { base } = settled
  if (t.other) {
    // Never another run's result as this one's: say what is known.
    return {
      ...base,
      outcome: 'failed',
      failureReason: `Another update replaced ${w.newModelName}: inference component ${w.name} is ${ep.status} on ${t.other.configName}.`,
      summary: `Another update took inference component ${w.name} over: it is ${ep.status} on ${t.other.configName}, neither this run's ${w.newModelName} nor ${w.oldModelName ?? 'the model it replaced'}. This run's update ended before that, and no poll saw how${t.ownModelInProgressAt === undefined ? '' : ` (a poll saw the component in progress on ${w.newModelName}, which it showed during this run's update only once it completed: most likely it completed, and the other update started from it)`}; look at the component in the SageMaker console before running it again.`
    }
  }
  if (ep.status === 'InService') {
    if (!changed(t, ep, w)) return undefined
    if (ep.configName === w.newModelName) {
      return {
        ...base,
        outcome: 'deployed',
        failureReason: undefined,
        summary: `Inference component ${w.name} serves ${w.newModelName} on all ${ep.blue?.currentInstanceCount ?? w.copies} copies.`
      }
    }
    return rolledBack(
      settled,
      ep,
      `SageMaker rolled inference component ${w.name} back to ${ep.configName ?? 'its previous model'}`
    )
  }
  if (ep.status === 'Failed' || ep.status === 'Deleting') {
    return {
      ...base,
      outcome: 'failed',
      failureReason: ep.failureReason ?? `Inference component ${ep.status}.`,
      summary:
        ep.status === 'Failed'
          ? `Inference component ${w.name} is Failed${ep.failureReason ? `: ${ep.failureReason.replace(/\.+$/, '')}` : ''}. Look at it in the SageMaker console; SageMaker does not roll a failed component back on its own.`
          : `Inference component ${w.name} went Deleting during the deployment.`
    }
  }
  return undefined
}
