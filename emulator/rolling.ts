// A rolling deployment of one endpoint variant, driven by the simulation tick. Per batch
// (SageMaker guide, "Use rolling deployments"): launch a batch of new instances, shift their
// share of traffic to them, bake with the alarms monitored, then terminate as many old instances;
// at most the fleet plus one batch run at once. On an alarm (or the execution timeout) it rolls
// back in steps of RollbackMaximumBatchSize (default: the whole fleet at once): launch the old
// instances it needs, shift the traffic back, terminate new instances; then InService on the old
// config. What DescribeEndpoint shows between batches is not documented (see the fidelity table):
// the old fleet's CurrentInstanceCount is its running instances, the pending (new) fleet's the
// instances taking traffic, and each phase has one VariantStatus entry.

import {
  SECOND,
  complete,
  finishRollback,
  healthCheckFailure,
  notePeak,
  status
} from './deployment-steps.js'
import type { DeploymentContext } from './deployment.js'
import type { Scenario } from './scenario.js'
import type { Deployment, EndpointRecord, FleetVariant, RollingProgress } from './state.js'

function variants(
  endpoint: EndpointRecord,
  deployment: Deployment
): { blue: FleetVariant | undefined; green: FleetVariant | undefined } {
  return { blue: endpoint.blue.variants[0], green: deployment.green.variants[0] }
}

function progress(deployment: Deployment): RollingProgress {
  const rolling = deployment.rolling
  if (rolling === undefined) throw new Error('not a rolling deployment')
  return rolling
}

/** Instances up or coming up, old and new: what the account pays for at this moment. */
export function runningInstances(rolling: RollingProgress): number {
  return rolling.oldRunning + rolling.newRunning + rolling.launching
}

/**
 * The counts as DescribeEndpoint shows them, and the traffic split: the new fleet takes the
 * share of its instances with traffic; the old fleet the rest (an old batch waiting to be
 * terminated takes none, as blue/green deactivates "the same size portion of the blue fleet").
 */
function applyTraffic(endpoint: EndpointRecord, deployment: Deployment, at: number): void {
  const rolling = progress(deployment)
  const { blue, green } = variants(endpoint, deployment)
  if (green !== undefined) {
    green.current = rolling.newServing
    if (rolling.newServing > 0) green.trafficSince ??= at
  }
  if (blue !== undefined) {
    blue.current = rolling.oldRunning
    const oldServing =
      rolling.oldTotal - Math.round((rolling.oldTotal * rolling.newServing) / rolling.newTotal)
    blue.servingInstances = Math.max(0, Math.min(rolling.oldRunning, oldServing))
  }
  notePeak(endpoint, runningInstances(rolling))
}

export function startRolling(
  endpoint: EndpointRecord,
  deployment: Deployment,
  now: number,
  scenario: Scenario
): void {
  const { blue, green } = variants(endpoint, deployment)
  const oldTotal = blue?.desired ?? 0
  const newTotal = green?.desired ?? 0
  deployment.rolling = {
    batch: deployment.policy.batch ?? 1,
    rollbackBatch: deployment.policy.rollbackBatch ?? newTotal,
    oldTotal,
    newTotal,
    oldRunning: oldTotal,
    newRunning: 0,
    newServing: 0,
    launching: 0,
    terminating: 0,
    pendingShift: 0
  }
  if (green !== undefined) green.current = 0
  launchBatch(endpoint, deployment, now, scenario)
}

function launchBatch(
  endpoint: EndpointRecord,
  deployment: Deployment,
  at: number,
  scenario: Scenario
): void {
  const rolling = progress(deployment)
  rolling.launching = Math.min(rolling.batch, rolling.newTotal - rolling.newRunning)
  deployment.phase = 'batch-provisioning'
  deployment.step += 1
  deployment.phaseEndsAt = at + scenario.provisioningSeconds * SECOND
  deployment.greenStatus = status('Creating', `Launching ${rolling.launching} instance(s).`, at)
  endpoint.blueStatus = []
  applyTraffic(endpoint, deployment, at)
}

function activating(
  endpoint: EndpointRecord,
  deployment: Deployment,
  at: number,
  scenario: Scenario
): void {
  const rolling = progress(deployment)
  rolling.newRunning += rolling.launching
  rolling.launching = 0
  rolling.newServing = rolling.newRunning
  deployment.phase = 'activating'
  deployment.phaseEndsAt = at + scenario.activatingSeconds * SECOND
  const scope =
    rolling.newServing >= rolling.newTotal
      ? `full capacity of ${rolling.newServing}`
      : `${rolling.newServing}`
  deployment.greenStatus = status(
    'ActivatingTraffic',
    `Activating traffic on ${scope} instance(s).`,
    at
  )
  applyTraffic(endpoint, deployment, at)
}

function baking(deployment: Deployment, at: number): void {
  const rolling = progress(deployment)
  deployment.phase = 'baking'
  deployment.phaseEndsAt = at + deployment.policy.waitSeconds * SECOND
  deployment.greenStatus = status(
    'Baking',
    `Baking for ${deployment.policy.waitSeconds} seconds with traffic enabled on ${rolling.newServing} instance(s).`,
    at
  )
}

/** After a bake: a batch of old instances goes (all that are left after the last batch). */
function terminateOldBatch(
  endpoint: EndpointRecord,
  deployment: Deployment,
  at: number,
  scenario: Scenario
): void {
  const rolling = progress(deployment)
  const last = rolling.newServing >= rolling.newTotal
  rolling.terminating = last ? rolling.oldRunning : Math.min(rolling.batch, rolling.oldRunning)
  deployment.phase = 'batch-terminating'
  deployment.phaseEndsAt = at + scenario.decommissionSeconds * SECOND
  endpoint.blueStatus = status('Deleting', `Terminating ${rolling.terminating} instance(s).`, at)
}

function oldBatchTerminated(
  endpoint: EndpointRecord,
  deployment: Deployment,
  at: number,
  ctx: DeploymentContext
): void {
  const rolling = progress(deployment)
  rolling.oldRunning -= rolling.terminating
  rolling.terminating = 0
  applyTraffic(endpoint, deployment, at)
  if (rolling.newServing >= rolling.newTotal && rolling.oldRunning === 0) {
    complete(endpoint, deployment, at)
    ctx.record?.('completed', endpoint.name, at)
    return
  }
  launchBatch(endpoint, deployment, at, ctx.scenario())
}

export function nextRollingPhase(
  endpoint: EndpointRecord,
  deployment: Deployment,
  at: number,
  ctx: DeploymentContext
): void {
  const scenario = ctx.scenario()
  switch (deployment.phase) {
    case 'batch-provisioning': {
      const failure = healthCheckFailure(deployment.green, scenario)
      if (failure !== undefined) return rollBackRolling(endpoint, deployment, at, failure, ctx)
      return activating(endpoint, deployment, at, scenario)
    }
    case 'activating':
      return baking(deployment, at)
    case 'baking':
      return terminateOldBatch(endpoint, deployment, at, scenario)
    case 'batch-terminating':
      return oldBatchTerminated(endpoint, deployment, at, ctx)
    case 'rollback-provisioning': {
      const rolling = progress(deployment)
      rolling.oldRunning += rolling.launching
      rolling.launching = 0
      endpoint.blueStatus = []
      return shiftBack(endpoint, deployment, at, ctx)
    }
    case 'rollback-terminating':
      return newBatchTerminated(endpoint, deployment, at, ctx)
    default:
      return
  }
}

/**
 * Starts the rollback: new instances still being launched are dropped with the rest, and the
 * first rollback step begins at once.
 */
export function rollBackRolling(
  endpoint: EndpointRecord,
  deployment: Deployment,
  at: number,
  reason: string | undefined,
  ctx: DeploymentContext
): void {
  const scenario = ctx.scenario()
  const rolling = progress(deployment)
  if (deployment.phase === 'batch-provisioning') {
    rolling.newRunning += rolling.launching
    rolling.launching = 0
  }
  rolling.oldRunning += rolling.terminating
  rolling.terminating = 0
  deployment.rollbackReason = reason
  endpoint.status = scenario.transientRollingBack ? 'RollingBack' : 'Updating'
  endpoint.lastModifiedTime = at
  endpoint.blueStatus = []
  ctx.record?.('rolling-back', endpoint.name, at, reason)
  rollbackStep(endpoint, deployment, at, ctx)
}

/**
 * One rollback step: move up to a rollback batch of traffic back to the old fleet, launching
 * first the old instances it lacks (an old instance still running without traffic takes some
 * back at once), then terminate that many new instances.
 */
function rollbackStep(
  endpoint: EndpointRecord,
  deployment: Deployment,
  at: number,
  ctx: DeploymentContext
): void {
  const rolling = progress(deployment)
  const scenario = ctx.scenario()
  const shift = Math.min(rolling.rollbackBatch, rolling.newRunning)
  const servingAfter = Math.max(0, rolling.newServing - Math.min(shift, rolling.newServing))
  const oldNeeded =
    shift === 0
      ? rolling.oldTotal
      : rolling.oldTotal - Math.round((rolling.oldTotal * servingAfter) / rolling.newTotal)
  const launch = Math.max(0, Math.min(rolling.oldTotal, oldNeeded) - rolling.oldRunning)
  rolling.pendingShift = shift
  if (launch === 0) return shiftBack(endpoint, deployment, at, ctx)
  rolling.launching = launch
  deployment.phase = 'rollback-provisioning'
  deployment.phaseEndsAt = at + scenario.provisioningSeconds * SECOND
  endpoint.blueStatus = status('Creating', `Launching ${launch} instance(s).`, at)
  applyTraffic(endpoint, deployment, at)
}

function shiftBack(
  endpoint: EndpointRecord,
  deployment: Deployment,
  at: number,
  ctx: DeploymentContext
): void {
  const rolling = progress(deployment)
  const shift = rolling.pendingShift
  rolling.pendingShift = 0
  if (shift === 0) return rolledBack(endpoint, deployment, at, ctx)
  rolling.newServing = Math.max(0, rolling.newServing - shift)
  rolling.terminating = shift
  deployment.phase = 'rollback-terminating'
  deployment.phaseEndsAt = at + ctx.scenario().decommissionSeconds * SECOND
  deployment.greenStatus = status('Deleting', `Terminating ${shift} instance(s).`, at)
  applyTraffic(endpoint, deployment, at)
}

function newBatchTerminated(
  endpoint: EndpointRecord,
  deployment: Deployment,
  at: number,
  ctx: DeploymentContext
): void {
  const rolling = progress(deployment)
  rolling.newRunning -= rolling.terminating
  rolling.terminating = 0
  deployment.greenStatus = []
  applyTraffic(endpoint, deployment, at)
  if (rolling.newRunning === 0 && rolling.oldRunning >= rolling.oldTotal) {
    return rolledBack(endpoint, deployment, at, ctx)
  }
  rollbackStep(endpoint, deployment, at, ctx)
}

function rolledBack(
  endpoint: EndpointRecord,
  deployment: Deployment,
  at: number,
  ctx: DeploymentContext
): void {
  finishRollback(endpoint, deployment, at, ctx.scenario())
  ctx.record?.('rolled-back', endpoint.name, at, deployment.rollbackReason)
}
