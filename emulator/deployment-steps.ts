// What both deployment kinds (blue/green and rolling) do the same way: variant status entries,
// the health check, the end of a deployment (completed, rolled back, rollback failed) and the
// peak instance count a deployment ran.

import type { DeploymentContext } from './deployment.js'
import { behaviourFor, type Scenario } from './scenario.js'
import type {
  Deployment,
  DeploymentPhase,
  EndpointRecord,
  Fleet,
  VariantStatusEntry
} from './state.js'

export const SECOND = 1000

export function status(
  Status: VariantStatusEntry['Status'],
  StatusMessage: string,
  StartTime: number
): VariantStatusEntry[] {
  return [{ Status, StatusMessage, StartTime }]
}

export function instances(fleet: Fleet): number {
  return fleet.variants.reduce((a, v) => a + v.desired, 0)
}

export function healthCheckFailure(fleet: Fleet, scenario: Scenario): string | undefined {
  const broken = fleet.variants.find(v => behaviourFor(scenario, v.behaviourKeys).failHealthCheck)
  if (broken === undefined) return undefined
  return (
    `The primary container for production variant ${broken.variantName} did not pass the ping health check. ` +
    'Please check CloudWatch logs for this endpoint.'
  )
}

/** Phases in which the deployment is being undone: no guard applies any more. */
export function isRollbackPhase(phase: DeploymentPhase): boolean {
  return (
    phase === 'rolling-back' ||
    phase === 'rollback-failed' ||
    phase === 'rollback-provisioning' ||
    phase === 'rollback-terminating'
  )
}

/**
 * No source gives the FailureReason of an alarm or timeout rollback, and it may be empty
 * (terraform-provider-aws #48997): empty unless the emulator's own text is assumed.
 */
export function assumedReason(scenario: Scenario, text: string): string | undefined {
  return scenario.assumeRollbackFailureReason ? text : undefined
}

/** Records the instances running now; the endpoint keeps the most of this deployment. */
export function notePeak(endpoint: EndpointRecord, running: number): void {
  endpoint.peakInstances = Math.max(endpoint.peakInstances ?? 0, running)
}

export function complete(endpoint: EndpointRecord, deployment: Deployment, at: number): void {
  for (const v of deployment.green.variants) {
    v.current = v.desired
    v.servingInstances = undefined
  }
  endpoint.blue = deployment.green
  endpoint.blueStatus = []
  endpoint.deployment = undefined
  endpoint.configName = deployment.newConfigName
  endpoint.status = 'InService'
  endpoint.failureReason = undefined
  endpoint.lastModifiedTime = at
}

export function finishRollback(
  endpoint: EndpointRecord,
  deployment: Deployment,
  at: number,
  scenario: Scenario
): void {
  const reason = deployment.rollbackReason
  for (const v of endpoint.blue.variants) {
    v.current = v.desired
    v.servingInstances = undefined
  }
  endpoint.blueStatus = []
  endpoint.deployment = undefined
  endpoint.status = 'InService'
  endpoint.configName = deployment.oldConfigName
  // A reason replaces an earlier one; with none, FailureReason is empty (it "may become empty").
  endpoint.failureReason = scenario.emptyFailureReasonOnRollback ? undefined : reason
  endpoint.lastModifiedTime = at
}

/** UpdateRollbackFailed: the rollback itself failed, both fleets keep serving. */
export function rollbackFailed(
  endpoint: EndpointRecord,
  deployment: Deployment,
  at: number,
  reason: string | undefined,
  ctx: DeploymentContext
): void {
  endpoint.lastModifiedTime = at
  endpoint.status = 'UpdateRollbackFailed'
  endpoint.failureReason = `${reason ?? 'Deployment rolled back.'} The rollback failed: the endpoint serves a mix of the old and new fleets.`
  deployment.phase = 'rollback-failed'
  deployment.phaseEndsAt = Number.POSITIVE_INFINITY
  deployment.greenStatus = []
  ctx.record?.('rollback-failed', endpoint.name, at, endpoint.failureReason)
}
