// rollback-to: a step that puts an existing endpoint config back, with the same request as the
// regression rollback (one UpdateEndpoint, all at once, no bake, no alarm). The plan (pure):
// nothing created; restore-read.ts finds the config and checks it before any write.
import { stepHash } from '../../deploy/step-identity.js'
import { BUDGET_MARGIN_SECONDS, DECOMMISSION_SECONDS } from '../../deploy/plan.js'
import { rollbackRequest } from '../../guard/regression-rollback.js'
import { RESTORE_POLICY } from '../../inputs/restore.js'
import { executionTimeout, expectedSchedule, peakInstances } from '../../rollout-policy.js'
import type { CurrentEndpoint, DeployRequest, Plan, RestoreFacts } from '../../types.js'

/** The config to put back, as pre-flight read it. */
export interface RestoreTarget {
  readonly facts: RestoreFacts
  readonly variantName: string
  readonly instanceType: string
  readonly instanceCount: number
  readonly modelDataUrl: string | undefined
}

/** The plan of a restore: no create, one UpdateEndpoint, no alarm. Pure. */
export function restorePlan(
  request: DeployRequest,
  current: CurrentEndpoint,
  target: RestoreTarget,
  provisioningSeconds: number
): Plan {
  const { facts } = target
  const updateEndpoint = rollbackRequest(request.endpointName, facts.configName)
  const schedule = expectedSchedule(RESTORE_POLICY, target.instanceCount, provisioningSeconds)
  const last = schedule.at(-1)?.offsetSeconds ?? 0
  const timeout = executionTimeout(RESTORE_POLICY, target.instanceCount, false)
  const greenModel =
    facts.models.find(m => m.variantName === target.variantName)?.modelName ??
    facts.models[0]?.modelName ??
    '?'
  const source =
    facts.replacedBy === undefined
      ? `${facts.configName} (named in rollback-to)`
      : `${facts.configName}, the config ${facts.replacedBy} replaced (rollback-to: previous)`
  return {
    endpointName: request.endpointName,
    region: request.region,
    firstDeploy: false,
    previousConfigName: current.configName,
    blueModelName: current.modelName,
    blueFleet: {
      modelName: current.modelName,
      modelDataUrl: current.modelDataUrl,
      instanceType: current.instanceType,
      instanceCount: current.instanceCount
    },
    greenModelName: greenModel,
    createsModel: false,
    endpointConfigName: facts.configName,
    variantName: target.variantName,
    instanceType: target.instanceType,
    instanceCount: target.instanceCount,
    artifact: target.modelDataUrl,
    createModel: undefined,
    createEndpointConfig: {},
    createEndpoint: undefined,
    updateEndpoint,
    alarmsToCreate: [],
    guardAlarmNames: [],
    schedule,
    expectedDurationSeconds: last + DECOMMISSION_SECONDS,
    budgetSeconds:
      request.timeoutMinutes !== undefined
        ? Math.max(1, Math.round(request.timeoutMinutes * 60))
        : timeout + BUDGET_MARGIN_SECONDS,
    tags: [],
    stepHash: stepHash({
      endpointName: request.endpointName,
      model: `restore:${facts.configName}`,
      endpointConfig: {},
      endpointChange: updateEndpoint
    }),
    carriedOver: [],
    notes: [
      `Restore: ${source}. One UpdateEndpoint puts it back all at once, with no bake and no alarm (the request of on-regression: rollback); nothing is created.`
    ],
    warnings: [],
    secretValues: [],
    peakInstances: peakInstances(RESTORE_POLICY, target.instanceCount),
    restore: facts
  }
}
