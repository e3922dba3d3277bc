// The endpoint's write: its endpoint config (reused when identical, a fresh name when another
// definition holds the name), then CreateEndpoint or exactly one UpdateEndpoint, read back after
// any failure; and the cleanup of what this run created.
import { isAlreadyExists, type AwsApi } from '../../aws/api.js'
import {
  createdByThisAttempt,
  launchWith,
  sameJson,
  stopIfCancelled,
  type Body,
  type Created,
  type InFlight,
  type LaunchDeps,
  type LaunchResult,
  type TargetWrite
} from '../../deploy/launch.js'
import { freshName } from '../../names.js'
import { deleteCreated } from '../../deploy/cleanup.js'
import { renamePlan } from './plan.js'
import { readBack } from './reconcile.js'
import type { Logger, Plan } from '../../types.js'

async function ensureEndpointConfig(
  plan: Plan,
  modelName: string,
  deps: LaunchDeps,
  inFlight: InFlight
): Promise<[string, boolean]> {
  const variants = (plan.createEndpointConfig.ProductionVariants as Body[]).map(v =>
    v.VariantName === plan.variantName ? { ...v, ModelName: modelName } : v
  )
  let body: Body = { ...plan.createEndpointConfig, ProductionVariants: variants }
  for (let attempt = 0; attempt < 2; attempt++) {
    const name = body.EndpointConfigName as string
    inFlight.config = name
    try {
      await deps.api.createEndpointConfig(body)
      deps.log.info(`Created endpoint config ${name}`)
      return [name, true]
    } catch (e) {
      if (!isAlreadyExists(e)) throw e
      const existing = await deps.api.describeEndpointConfig(name)
      const have = (existing?.ProductionVariants ?? []).map(v => ({
        VariantName: v.VariantName,
        ModelName: v.ModelName,
        InstanceType: v.InstanceType,
        InitialInstanceCount: v.InitialInstanceCount
      }))
      const want = variants.map(v => ({
        VariantName: v.VariantName,
        ModelName: v.ModelName,
        InstanceType: v.InstanceType,
        InitialInstanceCount: v.InitialInstanceCount
      }))
      if (sameJson(have, want)) {
        const ours = await createdByThisAttempt(deps, existing?.EndpointConfigArn)
        deps.log.info(
          ours
            ? `Endpoint config ${name} exists with this step's variants, made by this run attempt (a lost answer, or a copy of this step running at the same time)`
            : `Reusing endpoint config ${name} (created earlier with the same variants)`
        )
        return [name, ours]
      }
      const fresh = freshName(plan.endpointConfigName, variants)
      deps.log.info(
        `Endpoint config ${name} exists with other variants; using the fresh name ${fresh}`
      )
      body = { ...body, EndpointConfigName: fresh }
    }
  }
  throw new Error(`Could not find a free endpoint config name for ${plan.endpointConfigName}.`)
}

/** The endpoint's write: its config, then CreateEndpoint or exactly one UpdateEndpoint. */
export const ENDPOINT_WRITE: TargetWrite = {
  noun: 'endpoint',
  prepare: async (plan, modelName, deps, inFlight) => {
    stopIfCancelled(deps)
    // A restore (rollback-to) puts an existing config back: nothing to create.
    if (plan.restore) return { plan, config: undefined }
    const [configName, createdConfig] = await ensureEndpointConfig(plan, modelName, deps, inFlight)
    return {
      plan: renamePlan(plan, modelName, configName),
      config: createdConfig ? configName : undefined
    }
  },
  alreadyLive: (launched, plan) =>
    launched.updateEndpoint !== undefined && launched.endpointConfigName === plan.previousConfigName
      ? `The endpoint already serves ${launched.endpointConfigName} (this step ran before): no update needed.`
      : undefined,
  operation: plan => {
    if (!plan.createEndpoint && !plan.updateEndpoint)
      throw new Error('The plan has neither CreateEndpoint nor UpdateEndpoint.')
    return plan.createEndpoint ? 'CreateEndpoint' : 'UpdateEndpoint'
  },
  send: (plan, api) =>
    plan.createEndpoint
      ? api.createEndpoint(plan.createEndpoint)
      : api.updateEndpoint(plan.updateEndpoint as Body),
  requested: plan =>
    plan.createEndpoint
      ? `CreateEndpoint ${plan.endpointName} requested (new endpoint: no traffic shift)`
      : `UpdateEndpoint ${plan.endpointName} → ${plan.endpointConfigName} requested`,
  reached: (plan, seen) =>
    `${plan.createEndpoint ? 'CreateEndpoint' : 'UpdateEndpoint'} reached SageMaker: the endpoint is ${seen}.`,
  readBack: (plan, deps, mayStillArrive) =>
    readBack(
      { api: deps.api, sleep: ms => deps.pause(ms) },
      plan.endpointName,
      plan.endpointConfigName,
      mayStillArrive
    )
}

export function launch(plan: Plan, deps: LaunchDeps): Promise<LaunchResult> {
  return launchWith(plan, ENDPOINT_WRITE, deps)
}

/**
 * Deletes this run's own endpoint config and model after a rollback or failure, each only
 * after checking that neither the live nor a pending deployment uses it.
 */
export async function cleanup(
  api: AwsApi,
  endpointName: string,
  created: Created,
  log: Logger
): Promise<string[]> {
  const deleted: string[] = []
  const ep = await api.describeEndpoint(endpointName, { ignoreCancel: true })
  if (ep && ep.EndpointStatus !== 'InService') {
    log.warning(`Cleanup skipped: the endpoint is ${ep.EndpointStatus}, not settled.`)
    return deleted
  }
  const inUse = new Set([ep?.EndpointConfigName, ep?.PendingDeploymentSummary?.EndpointConfigName])
  const liveConfig = ep?.EndpointConfigName
    ? await api.describeEndpointConfig(ep.EndpointConfigName, { ignoreCancel: true })
    : undefined
  const liveModels = new Set((liveConfig?.ProductionVariants ?? []).map(v => v.ModelName))
  if (created.config) {
    if (inUse.has(created.config)) {
      log.warning(`Cleanup: endpoint config ${created.config} is in use; kept.`)
    } else {
      if (await deleteCreated(api, 'endpoint config', created.config, log)) {
        deleted.push(created.config)
      }
    }
  }
  if (created.model) {
    if (liveModels.has(created.model)) {
      log.warning(`Cleanup: model ${created.model} is in use; kept.`)
    } else {
      if (await deleteCreated(api, 'model', created.model, log)) deleted.push(created.model)
    }
  }
  return deleted
}
