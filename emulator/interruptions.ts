// Statuses SageMaker can show in the middle of a deployment that the deployment did not ask for:
// SystemUpdating (maintenance: "cannot be updated or deleted or re-scaled until it has
// completed") pauses the deployment for `systemUpdatingSeconds`; OutOfService ("not available to
// take incoming requests") ends it. When and how long are scenario switches.

import type { DeploymentContext } from './deployment.js'
import { isRollbackPhase } from './deployment-steps.js'
import type { Deployment, EndpointRecord } from './state.js'

/** Applies a due interruption; true while the deployment must not move on at `now`. */
export function interruptionDue(
  endpoint: EndpointRecord,
  deployment: Deployment,
  now: number,
  ctx: DeploymentContext
): boolean {
  const scenario = ctx.scenario()
  const pause = deployment.pause
  if (pause !== undefined) {
    if (now < pause.until) return true
    // Everything scheduled moves by the length of the pause.
    deployment.phaseEndsAt += pause.until - pause.from
    endpoint.status = pause.resume
    endpoint.lastModifiedTime = pause.until
    deployment.pause = undefined
    return false
  }
  if (isRollbackPhase(deployment.phase)) return false
  const outAfter = scenario.outOfServiceAfterSeconds
  if (outAfter !== null && now >= deployment.startTime + outAfter * 1000) {
    const at = deployment.startTime + outAfter * 1000
    endpoint.status = 'OutOfService'
    endpoint.deployment = undefined
    endpoint.blueStatus = []
    for (const v of endpoint.blue.variants) v.servingInstances = undefined
    endpoint.lastModifiedTime = at
    ctx.record?.('out-of-service', endpoint.name, at)
    return true
  }
  const systemAfter = scenario.systemUpdatingAfterSeconds
  if (
    systemAfter !== null &&
    !deployment.paused &&
    now >= deployment.startTime + systemAfter * 1000
  ) {
    const from = deployment.startTime + systemAfter * 1000
    deployment.paused = true
    deployment.pause = {
      from,
      until: from + scenario.systemUpdatingSeconds * 1000,
      resume: endpoint.status
    }
    endpoint.status = 'SystemUpdating'
    endpoint.lastModifiedTime = from
    return interruptionDue(endpoint, deployment, now, ctx)
  }
  return false
}
