// Launch: the only place that changes anything in AWS. Alarms (upsert), the green model and
// endpoint config, then CreateEndpoint or exactly one UpdateEndpoint. A repeated step reuses an
// identical model or config of the same name, and picks a fresh name when it differs: a re-run
// never fails on "already exists" and never changes what another attempt created.
import { isAlreadyExists, type AwsApi } from './aws/api.js'
import { freshName } from './names.js'
import type { Logger } from './preflight.js'
import type { Plan } from './types.js'

export interface LaunchResult {
  /** The plan as launched (names may have changed to fresh ones). */
  readonly plan: Plan
  /** Local epoch ms just before the create/update request. */
  readonly requestedAt: number
  /** What this run created (cleanup may only ever touch these). */
  readonly createdModel: string | undefined
  readonly createdConfig: string | undefined
  /** The endpoint already serves this exact config (a repeated step): nothing was updated. */
  readonly alreadyLive: boolean
}

export class LaunchCancelled extends Error {
  constructor(readonly created: string[]) {
    super(
      `Cancelled before the endpoint update was requested; the live endpoint was not changed.${created.length ? ` Created and left in place: ${created.join(', ')}.` : ''}`
    )
    this.name = 'LaunchCancelled'
  }
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

type Body = Record<string, unknown>

function modelMatches(existing: Awaited<ReturnType<AwsApi['describeModel']>>, body: Body): boolean {
  const wanted = body.PrimaryContainer as Body
  const have = existing?.PrimaryContainer
  return (
    existing !== undefined &&
    existing.ExecutionRoleArn === body.ExecutionRoleArn &&
    have?.Image === wanted.Image &&
    have?.ModelDataUrl === wanted.ModelDataUrl &&
    have?.ModelPackageName === wanted.ModelPackageName &&
    sameJson(have?.Environment ?? {}, wanted.Environment ?? {})
  )
}

/** Creates the model; returns its name and whether this call created it. */
async function ensureModel(api: AwsApi, plan: Plan, log: Logger): Promise<[string, boolean]> {
  let body = plan.createModel
  if (!body) return [plan.greenModelName, false]
  for (let attempt = 0; attempt < 2; attempt++) {
    const name = body.ModelName as string
    try {
      await api.createModel(body)
      log.info(`Created model ${name}`)
      return [name, true]
    } catch (e) {
      if (!isAlreadyExists(e)) throw e
      if (modelMatches(await api.describeModel(name), body)) {
        log.info(`Reusing model ${name} (created earlier with the same definition)`)
        return [name, false]
      }
      const fresh = freshName(plan.greenModelName, body)
      log.info(`Model ${name} exists with another definition; using the fresh name ${fresh}`)
      body = { ...body, ModelName: fresh }
    }
  }
  throw new Error(`Could not find a free model name for ${plan.greenModelName}.`)
}

async function ensureEndpointConfig(
  api: AwsApi,
  plan: Plan,
  modelName: string,
  log: Logger
): Promise<[string, boolean]> {
  const variants = (plan.createEndpointConfig.ProductionVariants as Body[]).map(v => ({
    ...v,
    ModelName: modelName
  }))
  let body: Body = { ...plan.createEndpointConfig, ProductionVariants: variants }
  for (let attempt = 0; attempt < 2; attempt++) {
    const name = body.EndpointConfigName as string
    try {
      await api.createEndpointConfig(body)
      log.info(`Created endpoint config ${name}`)
      return [name, true]
    } catch (e) {
      if (!isAlreadyExists(e)) throw e
      const v = (await api.describeEndpointConfig(name))?.ProductionVariants?.[0]
      if (
        v?.VariantName === plan.variantName &&
        v.ModelName === modelName &&
        v.InstanceType === plan.instanceType &&
        v.InitialInstanceCount === plan.instanceCount
      ) {
        log.info(`Reusing endpoint config ${name} (created earlier with the same variants)`)
        return [name, false]
      }
      const fresh = freshName(plan.endpointConfigName, variants)
      log.info(`Endpoint config ${name} exists with other variants; using the fresh name ${fresh}`)
      body = { ...body, EndpointConfigName: fresh }
    }
  }
  throw new Error(`Could not find a free endpoint config name for ${plan.endpointConfigName}.`)
}

export async function launch(
  api: AwsApi,
  plan: Plan,
  log: Logger,
  now: () => number,
  signal?: AbortSignal
): Promise<LaunchResult> {
  for (const alarm of plan.alarmsToCreate) {
    await api.putMetricAlarm(alarm.request)
    log.info(`Alarm ${alarm.name} created/updated: ${alarm.watches}`)
  }
  const [modelName, createdModel] = await ensureModel(api, plan, log)
  const [configName, createdConfig] = await ensureEndpointConfig(api, plan, modelName, log)
  const created = [createdModel ? modelName : '', createdConfig ? configName : ''].filter(Boolean)
  if (signal?.aborted) throw new LaunchCancelled(created)
  const launched: Plan = {
    ...plan,
    greenModelName: modelName,
    endpointConfigName: configName,
    ...(plan.createEndpoint
      ? { createEndpoint: { ...plan.createEndpoint, EndpointConfigName: configName } }
      : {}),
    ...(plan.updateEndpoint
      ? { updateEndpoint: { ...plan.updateEndpoint, EndpointConfigName: configName } }
      : {})
  }
  const requestedAt = now()
  const alreadyLive =
    launched.updateEndpoint !== undefined && configName === plan.previousConfigName
  if (alreadyLive) {
    log.info(`The endpoint already serves ${configName} (this step ran before): no update needed.`)
  } else if (launched.createEndpoint) {
    await api.createEndpoint(launched.createEndpoint)
    log.info(`CreateEndpoint ${plan.endpointName} requested (new endpoint: no traffic shift)`)
  } else if (launched.updateEndpoint) {
    await api.updateEndpoint(launched.updateEndpoint)
    log.info(`UpdateEndpoint ${plan.endpointName} → ${configName} requested`)
  }
  return {
    plan: launched,
    requestedAt,
    createdModel: createdModel ? modelName : undefined,
    createdConfig: createdConfig ? configName : undefined,
    alreadyLive
  }
}

/**
 * Deletes this run's own endpoint config and model after a rollback or failure, each only
 * after checking that neither the live nor a pending deployment uses it.
 */
export async function cleanup(
  api: AwsApi,
  endpointName: string,
  created: Pick<LaunchResult, 'createdModel' | 'createdConfig'>,
  log: Logger
): Promise<string[]> {
  const deleted: string[] = []
  const ep = await api.describeEndpoint(endpointName)
  if (ep && ep.EndpointStatus !== 'InService') {
    log.warning(`Cleanup skipped: the endpoint is ${ep.EndpointStatus}, not settled.`)
    return deleted
  }
  const inUse = new Set([ep?.EndpointConfigName, ep?.PendingDeploymentSummary?.EndpointConfigName])
  const liveConfig = ep?.EndpointConfigName
    ? await api.describeEndpointConfig(ep.EndpointConfigName)
    : undefined
  const liveModels = new Set((liveConfig?.ProductionVariants ?? []).map(v => v.ModelName))
  if (created.createdConfig) {
    if (inUse.has(created.createdConfig)) {
      log.warning(`Cleanup: endpoint config ${created.createdConfig} is in use; kept.`)
    } else {
      await api.deleteEndpointConfig(created.createdConfig)
      deleted.push(created.createdConfig)
      log.info(`Cleanup: deleted endpoint config ${created.createdConfig} (created by this run)`)
    }
  }
  if (created.createdModel) {
    if (liveModels.has(created.createdModel)) {
      log.warning(`Cleanup: model ${created.createdModel} is in use; kept.`)
    } else {
      await api.deleteModel(created.createdModel)
      deleted.push(created.createdModel)
      log.info(`Cleanup: deleted model ${created.createdModel} (created by this run)`)
    }
  }
  return deleted
}
