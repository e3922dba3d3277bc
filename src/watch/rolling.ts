// Pure: the rows of a rolling deployment's table on an endpoint, from what each poll saw. The
// new fleet's instances with traffic (PendingDeploymentSummary), the old fleet's running
// instances (ProductionVariants) and the variant statuses tell the phase of a batch: launching
// new instances, taking traffic and baking, terminating old ones, or, in a rollback, launching
// old instances and terminating new ones. A row is added whenever the phase or the counts change.
import type { BatchRow, EndpointSnapshot, Timeline, VariantStatusSnapshot } from '../types.js'
import { IN_PROGRESS, latestStatus } from './reducer.js'

/** What the table needs to know about the rolling policy and the fleet. */
export interface RollingWatch {
  /** New instances per batch. */
  readonly batch: number
  /** Instances of the new fleet when done, and of the old fleet before. */
  readonly fleet: number
  readonly oldFleet: number
  readonly waitIntervalSeconds: number
  readonly newConfigName: string
}

type Phase =
  | 'launching'
  | 'shifted'
  | 'terminating-old'
  | 'rollback-launching'
  | 'rollback-terminating'
  | 'complete'
  | 'rolled-back'
  | 'failed'

interface Seen {
  readonly phase: Phase
  readonly newCount: number
  readonly oldCount: number
  /** Instances a Launching/Terminating status names. */
  readonly moving: number | undefined
  readonly at: number | undefined
}

/** `Launching 2 instance(s).` → 2. */
function instancesNamed(status: VariantStatusSnapshot): number | undefined {
  const n = /(\d+) instance\(s\)/.exec(status.message ?? '')?.[1]
  return n === undefined ? undefined : Number(n)
}

function seen(ep: EndpointSnapshot, w: RollingWatch, rolledBack: boolean): Seen | undefined {
  const green = ep.green ? latestStatus(ep.green.statuses) : undefined
  const blue = ep.blue ? latestStatus(ep.blue.statuses) : undefined
  const newCount = ep.green?.currentInstanceCount ?? 0
  const oldCount = ep.blue?.currentInstanceCount ?? 0
  const row = (phase: Phase, status: VariantStatusSnapshot, n = newCount): Seen => ({
    phase,
    newCount: n,
    oldCount,
    moving: instancesNamed(status),
    at: status.startTime
  })
  if (ep.status === 'InService') {
    if (ep.configName === w.newConfigName && ep.pendingConfigName === undefined) {
      return {
        phase: 'complete',
        newCount: w.fleet,
        oldCount: 0,
        moving: undefined,
        at: ep.lastModifiedTime
      }
    }
    if (!rolledBack) return undefined
    return {
      phase: 'rolled-back',
      newCount: 0,
      oldCount: oldCount || w.oldFleet,
      moving: undefined,
      at: ep.lastModifiedTime
    }
  }
  if (ep.status === 'Failed' || ep.status === 'UpdateRollbackFailed') {
    return { phase: 'failed', newCount, oldCount, moving: undefined, at: ep.lastModifiedTime }
  }
  if (!IN_PROGRESS.has(ep.status) || ep.pendingConfigName !== w.newConfigName) return undefined
  if (blue?.status === 'Creating') return row('rollback-launching', blue)
  if (blue?.status === 'Deleting') return row('terminating-old', blue)
  if (green?.status === 'Deleting') return row('rollback-terminating', green)
  if (green?.status === 'Creating') return row('launching', green)
  // Activating and baking are one row: the shift of this batch.
  if (green?.status === 'ActivatingTraffic' || green?.status === 'Baking')
    return row('shifted', green)
  return undefined
}

const percent = (n: number, of: number): number => (of > 0 ? Math.round((100 * n) / of) : 0)

function label(s: Seen, w: RollingWatch, because: string): string {
  const batches = Math.max(1, Math.ceil(w.fleet / Math.max(1, w.batch)))
  const of = (k: number) => `batch ${Math.min(Math.max(1, k), batches)} of ${batches}`
  const moving = (fallback: number) => s.moving ?? fallback
  switch (s.phase) {
    case 'launching':
      return `${of(Math.floor(s.newCount / w.batch) + 1)}: launching ${moving(w.batch)} new instance(s)`
    case 'shifted':
      return `${of(Math.ceil(s.newCount / w.batch))}: ${s.newCount} new instance(s) take ${percent(s.newCount, w.fleet)}% of the traffic, ${w.waitIntervalSeconds} s bake, alarms monitored`
    case 'terminating-old':
      return `${of(Math.ceil(s.newCount / w.batch))} baked: terminating ${moving(w.batch)} old instance(s)`
    case 'rollback-launching':
      return `rolling back${because}: launching ${moving(w.batch)} old instance(s)`
    case 'rollback-terminating':
      return `rolling back${because}: terminating ${moving(w.batch)} new instance(s)`
    case 'complete':
      return `complete: ${w.fleet} new instance(s) serve all traffic, the old fleet is terminated`
    case 'rolled-back':
      return `rolled back${because}: ${s.oldCount} old instance(s) serve all traffic`
    case 'failed':
      return 'deployment failed: the counts are the last seen'
  }
}

/** Guard alarms seen in ALARM, or named by SageMaker's failure reason. */
export function firedAlarmNames(t: Timeline): string[] {
  const reason = t.last?.failureReason ?? ''
  return t.alarms
    .filter(a => a.fired || (reason !== '' && reason.includes(a.name)))
    .map(a => a.name)
}

/** The row a poll adds, if its phase or counts differ from the last row's. */
export function addBatchRow(t: Timeline, w: RollingWatch, fired: readonly string[]): Timeline {
  const ep = t.last
  if (ep === undefined) return t
  const rows = t.batches ?? []
  const rolledBack =
    t.sawProgress && ep.configName !== w.newConfigName && ep.pendingConfigName === undefined
  const s = seen(ep, w, rolledBack)
  if (s === undefined) return t
  const because = fired.length > 0 ? ` (alarm ${fired.join(', ')} in ALARM)` : ''
  const event = label(s, w, because)
  const last = rows.at(-1)
  const newPercent =
    s.phase === 'complete' ? 100 : s.phase === 'rolled-back' ? 0 : percent(s.newCount, w.fleet)
  if (
    last !== undefined &&
    last.event === event &&
    last.newCount === s.newCount &&
    last.oldCount === s.oldCount
  ) {
    return t
  }
  // The first row is the start of the deployment, at T+0.
  const at =
    rows.length === 0
      ? t.startedAt
      : Math.max(s.at ?? ep.lastModifiedTime ?? t.startedAt, last?.at ?? 0)
  const row: BatchRow = { at, newCount: s.newCount, oldCount: s.oldCount, newPercent, event }
  return { ...t, batches: [...rows, row] }
}
