// The rolling update of an inference component's model, driven by the simulation tick, per the
// InferenceComponentRollingUpdatePolicy reference ("For each step, SageMaker AI provisions
// capacity on the new endpoint fleet, routes traffic to that fleet, and terminates capacity on
// the old endpoint fleet") and the AWS ML blog post on inference component rolling updates: a
// batch of new copies comes up, takes its share of traffic, bakes with the alarms monitored, then
// as many old copies go. On an alarm in ALARM during a bake (or the execution timeout, or a new
// copy that fails its health check) it rolls back in steps of RollbackMaximumBatchSize (default:
// all at once): old copies it lacks come back, traffic returns, new copies go; then InService on
// the old specification. What DescribeInferenceComponent shows in between is an assumption (see
// the fidelity table): Updating, the old specification, CurrentCopyCount = copies running.

import { SECOND, assumedReason } from './deployment-steps.js'
import type { EmulatorEventKind } from './events.js'
import type { ComponentUpdate, InferenceComponentRecord } from './inference-components-state.js'
import { behaviourFor, type Scenario } from './scenario.js'

export interface ComponentContext {
  scenario(): Scenario
  alarmInAlarm(name: string): boolean
  record?(
    kind: EmulatorEventKind,
    endpointName: string,
    at: number,
    detail?: string,
    component?: string
  ): void
}

const running = (u: ComponentUpdate): boolean => u.phase !== 'done'

/** Copies up or coming up, old and new. */
export function runningCopies(u: ComponentUpdate): number {
  return u.oldRunning + u.newRunning + u.launching
}

/** Copies of the old model taking traffic: the rest after the new copies' share. */
export function oldServingCopies(u: ComponentUpdate): number {
  const serving = u.oldCopies - Math.round((u.oldCopies * u.newServing) / Math.max(1, u.newCopies))
  return Math.max(0, Math.min(u.oldRunning, serving))
}

function enter(
  c: InferenceComponentRecord,
  u: ComponentUpdate,
  phase: ComponentUpdate['phase'],
  at: number,
  seconds: number
): void {
  u.phase = phase
  u.phaseEndsAt = at + seconds * SECOND
  c.lastModifiedTime = at
  u.peakCopies = Math.max(u.peakCopies, runningCopies(u))
}

export function launchCopies(
  c: InferenceComponentRecord,
  u: ComponentUpdate,
  at: number,
  scenario: Scenario
): void {
  u.launching = Math.min(u.batch, u.newCopies - u.newRunning)
  enter(c, u, 'batch-provisioning', at, scenario.provisioningSeconds)
}

function next(
  c: InferenceComponentRecord,
  u: ComponentUpdate,
  at: number,
  ctx: ComponentContext
): void {
  const scenario = ctx.scenario()
  switch (u.phase) {
    case 'batch-provisioning':
      if (behaviourFor(scenario, u.newBehaviourKeys).failHealthCheck) {
        return rollBack(
          c,
          u,
          at,
          `The container of inference component ${c.name} did not pass the ping health check.`,
          ctx
        )
      }
      u.newRunning += u.launching
      u.newServing = u.newRunning
      u.launching = 0
      u.newTrafficSince ??= at
      return enter(c, u, 'activating', at, scenario.activatingSeconds)
    case 'activating':
      return enter(c, u, 'baking', at, u.waitSeconds)
    case 'baking':
      u.terminating = u.newServing >= u.newCopies ? u.oldRunning : Math.min(u.batch, u.oldRunning)
      return enter(c, u, 'batch-terminating', at, scenario.decommissionSeconds)
    case 'batch-terminating':
      u.oldRunning -= u.terminating
      u.terminating = 0
      if (u.newServing >= u.newCopies && u.oldRunning === 0) return completed(c, u, at, ctx)
      return launchCopies(c, u, at, scenario)
    case 'rollback-provisioning':
      u.oldRunning += u.launching
      u.launching = 0
      return shiftBack(c, u, at, ctx)
    case 'rollback-terminating':
      u.newRunning -= u.terminating
      u.terminating = 0
      if (u.newRunning === 0 && u.oldRunning >= u.oldCopies) return rolledBack(c, u, at, ctx)
      return rollbackStep(c, u, at, ctx)
    default:
      return
  }
}

function completed(
  c: InferenceComponentRecord,
  u: ComponentUpdate,
  at: number,
  ctx: ComponentContext
): void {
  u.phase = 'done'
  c.request = u.newRequest
  c.behaviourKeys = u.newBehaviourKeys
  c.image = u.newImage
  c.desiredCopyCount = u.newCopies
  c.status = 'InService'
  c.failureReason = undefined
  c.lastModifiedTime = at
  c.trafficSince = u.newTrafficSince
  ctx.record?.('completed', c.endpointName, at, undefined, c.name)
}

function rollBack(
  c: InferenceComponentRecord,
  u: ComponentUpdate,
  at: number,
  reason: string | undefined,
  ctx: ComponentContext
): void {
  if (u.phase === 'batch-provisioning') {
    u.newRunning += u.launching
    u.launching = 0
  }
  u.oldRunning += u.terminating
  u.terminating = 0
  u.rollbackReason = reason
  ctx.record?.('rolling-back', c.endpointName, at, reason, c.name)
  rollbackStep(c, u, at, ctx)
}

function rollbackStep(
  c: InferenceComponentRecord,
  u: ComponentUpdate,
  at: number,
  ctx: ComponentContext
): void {
  const shift = Math.min(u.rollbackBatch, u.newRunning)
  const servingAfter = Math.max(0, u.newServing - Math.min(shift, u.newServing))
  const needed =
    shift === 0
      ? u.oldCopies
      : u.oldCopies - Math.round((u.oldCopies * servingAfter) / Math.max(1, u.newCopies))
  const launch = Math.max(0, Math.min(u.oldCopies, needed) - u.oldRunning)
  u.pendingShift = shift
  if (launch === 0) return shiftBack(c, u, at, ctx)
  u.launching = launch
  enter(c, u, 'rollback-provisioning', at, ctx.scenario().provisioningSeconds)
}

function shiftBack(
  c: InferenceComponentRecord,
  u: ComponentUpdate,
  at: number,
  ctx: ComponentContext
): void {
  const shift = u.pendingShift
  u.pendingShift = 0
  if (shift === 0) return rolledBack(c, u, at, ctx)
  u.newServing = Math.max(0, u.newServing - shift)
  u.terminating = shift
  enter(c, u, 'rollback-terminating', at, ctx.scenario().decommissionSeconds)
}

function rolledBack(
  c: InferenceComponentRecord,
  u: ComponentUpdate,
  at: number,
  ctx: ComponentContext
): void {
  u.phase = 'done'
  c.request = u.oldRequest
  c.status = 'InService'
  c.lastModifiedTime = at
  c.failureReason = ctx.scenario().emptyFailureReasonOnRollback ? undefined : u.rollbackReason
  ctx.record?.('rolled-back', c.endpointName, at, u.rollbackReason, c.name)
}

/** The execution timeout at any phase, the alarms during a bake: both start a rollback. */
function guard(
  c: InferenceComponentRecord,
  u: ComponentUpdate,
  at: number,
  ctx: ComponentContext
): void {
  if (
    u.phase === 'done' ||
    u.phase === 'rollback-provisioning' ||
    u.phase === 'rollback-terminating'
  )
    return
  const scenario = ctx.scenario()
  const limit =
    u.maxTimeoutSeconds === undefined ? undefined : u.startTime + u.maxTimeoutSeconds * SECOND
  if (limit !== undefined && at >= limit) {
    return rollBack(
      c,
      u,
      Math.min(at, limit),
      assumedReason(
        scenario,
        `Deployment rolled back: the update exceeded MaximumExecutionTimeoutInSeconds (${u.maxTimeoutSeconds} seconds).`
      ),
      ctx
    )
  }
  if (u.phase !== 'baking') return
  const firing = u.alarms.filter(name => ctx.alarmInAlarm(name))
  if (firing.length > 0) {
    rollBack(
      c,
      u,
      at,
      assumedReason(
        scenario,
        `Deployment rolled back: CloudWatch alarm(s) ${firing.join(', ')} in ALARM state.`
      ),
      ctx
    )
  }
}

/** Processes the component's update up to `now`. */
export function tickComponentUpdate(
  c: InferenceComponentRecord,
  now: number,
  ctx: ComponentContext
): void {
  const u = c.update
  if (u === undefined || !running(u)) return
  guard(c, u, now, ctx)
  for (let i = 0; i < 1000 && running(u) && u.phaseEndsAt <= now; i++) {
    const at = u.phaseEndsAt
    next(c, u, at, ctx)
    guard(c, u, at, ctx)
  }
}
