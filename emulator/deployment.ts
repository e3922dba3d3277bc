// The blue/green state machine of one endpoint, driven by the simulation tick:
// provisioning → per step (ActivatingTraffic → Baking) → final bake (TerminationWait) →
// blue decommissioning → InService on the new config; or rollback when a guarding alarm is in
// ALARM during a bake, or when MaximumExecutionTimeoutInSeconds runs out. The blue fleet keeps all
// its instances until green is fully active and baked; a rollback sends the traffic back to blue
// at once and tears green down (endpoint Updating) before InService on the old config.
// Rolling deployments (batches of new instances replacing old ones) run in rolling.ts.

import {
  SECOND,
  assumedReason,
  complete,
  finishRollback,
  healthCheckFailure,
  instances,
  isRollbackPhase,
  notePeak,
  rollbackFailed,
  status
} from './deployment-steps.js'
import type { EmulatorEventKind } from './events.js'
import { interruptionDue } from './interruptions.js'
import { nextRollingPhase, rollBackRolling, startRolling } from './rolling.js'
import type { Scenario } from './scenario.js'
import type { Deployment, EndpointRecord, Fleet, ResolvedPolicy } from './state.js'

export interface DeploymentContext {
  scenario(): Scenario
  alarmInAlarm(name: string): boolean
  /** Records a verdict-like transition (for the event log). */
  record?(kind: EmulatorEventKind, endpointName: string, at: number, detail?: string): void
}

/** Starts CreateEndpoint's provisioning. */
export function startCreation(endpoint: EndpointRecord, now: number, scenario: Scenario): void {
  endpoint.status = 'Creating'
  endpoint.phaseEndsAt = now + scenario.creationSeconds * SECOND
  endpoint.blueStatus = status(
    'Creating',
    `Launching ${instances(endpoint.blue)} instance(s).`,
    now
  )
  for (const v of endpoint.blue.variants) v.current = 0
}

export function startDeployment(
  endpoint: EndpointRecord,
  green: Fleet,
  policy: ResolvedPolicy,
  alarms: string[],
  now: number,
  scenario: Scenario
): void {
  for (const v of green.variants) v.current = 0
  endpoint.deployment = {
    oldConfigName: endpoint.blue.configName,
    newConfigName: green.configName,
    startTime: now,
    green,
    greenStatus: status('Creating', `Launching ${instances(green)} instance(s).`, now),
    policy,
    alarms,
    phase: 'provisioning',
    phaseEndsAt: now + scenario.provisioningSeconds * SECOND,
    step: -1,
    rollbackReason: undefined
  }
  endpoint.status = 'Updating'
  endpoint.peakInstances = undefined
  // A previous failure's reason stays until an update succeeds (ACK's real-service test sees it
  // cleared after a success); clearing it at the start is an assumption behind a switch.
  if (scenario.assumeFailureReasonClearedOnUpdate) endpoint.failureReason = undefined
  endpoint.lastModifiedTime = now
  if (scenario.configNameSwitchesEarly) endpoint.configName = green.configName
  if (policy.type === 'ROLLING') return startRolling(endpoint, endpoint.deployment, now, scenario)
  // Blue/green: the whole green fleet is launched next to the whole blue fleet.
  notePeak(endpoint, instances(endpoint.blue) + instances(green))
}

/** Processes everything due for `endpoint` at simulated time `now`. Returns false once deleted. */
export function tickEndpoint(
  endpoint: EndpointRecord,
  now: number,
  ctx: DeploymentContext
): boolean {
  if (endpoint.phaseEndsAt !== undefined && now >= endpoint.phaseEndsAt) {
    const at = endpoint.phaseEndsAt
    endpoint.phaseEndsAt = undefined
    if (endpoint.status === 'Deleting') return false
    if (endpoint.status === 'Creating') {
      const failure = finishCreation(endpoint, at, ctx.scenario())
      ctx.record?.(
        failure === undefined ? 'created' : 'creation-failed',
        endpoint.name,
        at,
        failure
      )
    }
  }
  const deployment = endpoint.deployment
  if (deployment === undefined) return true
  // SystemUpdating pauses the deployment; OutOfService ends it.
  if (interruptionDue(endpoint, deployment, now, ctx)) return true
  checkGuards(endpoint, deployment, now, ctx)
  for (
    let guard = 0;
    guard < 1000 && endpoint.deployment === deployment && deployment.phaseEndsAt <= now;
    guard++
  ) {
    // Guards apply at the transition itself (a bake that starts with an alarm in ALARM rolls
    // back then), not at the end of the phase it enters.
    const at = deployment.phaseEndsAt
    nextPhase(endpoint, deployment, at, ctx)
    if (endpoint.deployment === deployment) checkGuards(endpoint, deployment, at, ctx)
  }
  return true
}

/** Returns the health-check failure, if the endpoint failed. */
function finishCreation(
  endpoint: EndpointRecord,
  at: number,
  scenario: Scenario
): string | undefined {
  endpoint.lastModifiedTime = at
  endpoint.blueStatus = []
  const failure = healthCheckFailure(endpoint.blue, scenario)
  if (failure !== undefined) {
    endpoint.status = 'Failed'
    endpoint.failureReason = failure
    return failure
  }
  endpoint.status = 'InService'
  for (const v of endpoint.blue.variants) v.current = v.desired
  return undefined
}

/** Alarms during a bake, and the execution timeout at any phase. */
function checkGuards(
  endpoint: EndpointRecord,
  deployment: Deployment,
  at: number,
  ctx: DeploymentContext
): void {
  if (isRollbackPhase(deployment.phase)) return
  const timeout = deployment.policy.maxTimeoutSeconds
  if (timeout !== undefined && at >= deployment.startTime + timeout * SECOND) {
    rollBack(
      endpoint,
      deployment,
      Math.min(at, deployment.startTime + timeout * SECOND),
      assumedReason(
        ctx.scenario(),
        `Deployment rolled back: the update exceeded MaximumExecutionTimeoutInSeconds (${timeout} seconds).`
      ),
      ctx
    )
    return
  }
  // Alarms are monitored during the bakes only ("during any baking period").
  if (deployment.phase !== 'baking' && deployment.phase !== 'final-bake') return
  const firing = deployment.alarms.filter(name => ctx.alarmInAlarm(name))
  if (firing.length > 0) {
    rollBack(
      endpoint,
      deployment,
      at,
      assumedReason(
        ctx.scenario(),
        `Deployment rolled back: CloudWatch alarm(s) ${firing.join(', ')} in ALARM state.`
      ),
      ctx
    )
  }
}

function nextPhase(
  endpoint: EndpointRecord,
  deployment: Deployment,
  at: number,
  ctx: DeploymentContext
): void {
  const scenario = ctx.scenario()
  const { policy } = deployment
  endpoint.lastModifiedTime = at
  if (deployment.rolling !== undefined) return nextRollingPhase(endpoint, deployment, at, ctx)
  switch (deployment.phase) {
    case 'provisioning': {
      const failure = healthCheckFailure(deployment.green, scenario)
      if (failure !== undefined) return rollBack(endpoint, deployment, at, failure, ctx)
      return enterStep(endpoint, deployment, 0, at, scenario)
    }
    case 'activating': {
      // The step that reaches 100 % bakes only TerminationWaitInSeconds (the harsher reading),
      // unless the scenario takes the lenient one.
      const last = Math.max(...policy.steps.map(s => s.length)) - 1
      if (deployment.step >= last && !scenario.finalStepBakesWaitInterval) {
        return finalBake(endpoint, deployment, at, scenario)
      }
      deployment.phase = 'baking'
      deployment.phaseEndsAt = at + policy.waitSeconds * SECOND
      const live = deployment.green.variants.reduce((a, v) => a + v.current, 0)
      deployment.greenStatus = status(
        'Baking',
        `Baking for ${policy.waitSeconds} seconds with traffic enabled on ${live} instance(s).`,
        at
      )
      return
    }
    case 'baking': {
      const last = Math.max(...policy.steps.map(s => s.length)) - 1
      if (deployment.step < last)
        return enterStep(endpoint, deployment, deployment.step + 1, at, scenario)
      return finalBake(endpoint, deployment, at, scenario)
    }
    case 'final-bake':
      return decommission(endpoint, deployment, at, scenario)
    case 'decommissioning':
      complete(endpoint, deployment, at)
      return ctx.record?.('completed', endpoint.name, at)
    case 'rolling-back':
      finishRollback(endpoint, deployment, at, scenario)
      return ctx.record?.('rolled-back', endpoint.name, at, deployment.rollbackReason)
    case 'rollback-failed':
      deployment.phaseEndsAt = Number.POSITIVE_INFINITY
      return
    default:
      return
  }
}

function enterStep(
  endpoint: EndpointRecord,
  deployment: Deployment,
  step: number,
  at: number,
  scenario: Scenario
): void {
  const { policy, green } = deployment
  deployment.step = step
  deployment.phase = 'activating'
  deployment.phaseEndsAt = at + scenario.activatingSeconds * SECOND
  green.variants.forEach((variant, i) => {
    const schedule = policy.steps[i] ?? [variant.desired]
    variant.current = schedule[Math.min(step, schedule.length - 1)] ?? variant.desired
    if (variant.current > 0) variant.trafficSince ??= at
    const blue = endpoint.blue.variants.find(b => b.variantName === variant.variantName)
    if (blue !== undefined) {
      // Blue takes the rest of the traffic but keeps all its instances ("both fleets are
      // operational in parallel") until green is fully active and baked.
      blue.servingInstances = Math.max(
        0,
        blue.desired - Math.round((blue.desired * variant.current) / variant.desired)
      )
    }
  })
  // A variant the new config drops (a plain update may change the variant set) stops taking
  // traffic once green takes all of it.
  if (green.variants.every(v => v.current >= v.desired)) {
    for (const blue of endpoint.blue.variants) {
      if (!green.variants.some(v => v.variantName === blue.variantName)) blue.servingInstances = 0
    }
  }
  const live = green.variants.reduce((a, v) => a + v.current, 0)
  const full = live >= instances(green)
  const scope = full
    ? `full capacity of ${live}`
    : policy.type === 'CANARY'
      ? `canary capacity of ${live}`
      : `${live}`
  deployment.greenStatus = status(
    'ActivatingTraffic',
    `Activating traffic on ${scope} instance(s).`,
    at
  )
}

/** The TerminationWaitInSeconds bake on full capacity, alarms monitored; then blue goes. */
function finalBake(
  endpoint: EndpointRecord,
  deployment: Deployment,
  at: number,
  scenario: Scenario
): void {
  const { policy } = deployment
  if (policy.terminationWaitSeconds <= 0) return decommission(endpoint, deployment, at, scenario)
  deployment.phase = 'final-bake'
  deployment.phaseEndsAt = at + policy.terminationWaitSeconds * SECOND
  deployment.greenStatus = status(
    'Baking',
    `Baking for ${policy.terminationWaitSeconds} seconds (TerminationWaitInSeconds) with traffic enabled on full capacity of ${instances(deployment.green)} instance(s).`,
    at
  )
}

function decommission(
  endpoint: EndpointRecord,
  deployment: Deployment,
  at: number,
  scenario: Scenario
): void {
  deployment.phase = 'decommissioning'
  deployment.phaseEndsAt = at + scenario.decommissionSeconds * SECOND
  // Blue takes no more traffic; its instances show until they are gone.
  for (const v of endpoint.blue.variants) v.servingInstances = 0
  endpoint.blueStatus = status(
    'Deleting',
    `Terminating ${instances(endpoint.blue)} instance(s).`,
    at
  )
}

function rollBack(
  endpoint: EndpointRecord,
  deployment: Deployment,
  at: number,
  reason: string | undefined,
  ctx: DeploymentContext
): void {
  const scenario = ctx.scenario()
  endpoint.lastModifiedTime = at
  if (scenario.updateRollbackFailed) return rollbackFailed(endpoint, deployment, at, reason, ctx)
  if (deployment.rolling !== undefined)
    return rollBackRolling(endpoint, deployment, at, reason, ctx)
  // All traffic returns to blue at once; the green fleet is then torn down.
  for (const v of deployment.green.variants) v.current = 0
  for (const v of endpoint.blue.variants) {
    v.current = v.desired
    v.servingInstances = undefined
  }
  endpoint.blueStatus = []
  deployment.rollbackReason = reason
  if (scenario.rollingBackSeconds > 0) {
    endpoint.status = scenario.transientRollingBack ? 'RollingBack' : 'Updating'
    deployment.phase = 'rolling-back'
    deployment.phaseEndsAt = at + scenario.rollingBackSeconds * SECOND
    deployment.greenStatus = status(
      'Deleting',
      `Terminating ${instances(deployment.green)} instance(s).`,
      at
    )
    ctx.record?.('rolling-back', endpoint.name, at, reason)
    return
  }
  finishRollback(endpoint, deployment, at, scenario)
  ctx.record?.('rolled-back', endpoint.name, at, reason)
}
