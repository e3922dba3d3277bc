// Launch: the only place that changes anything in AWS. Alarms (upsert), the green model and
// endpoint config, then CreateEndpoint or exactly one UpdateEndpoint.
import { isAlreadyExists, type AwsApi } from './aws/api.js'
import type { Logger } from './preflight.js'
import type { Plan } from './types.js'

export interface LaunchResult {
  /** Local epoch ms just before the create/update request. */
  readonly requestedAt: number
  readonly reusedModel: boolean
  readonly reusedConfig: boolean
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

/** Creates the model, or reuses one of the same name that is identical (a repeated step). */
async function ensureModel(api: AwsApi, plan: Plan, log: Logger): Promise<boolean> {
  const body = plan.createModel
  if (!body) return false
  try {
    await api.createModel(body)
    log.info(`Created model ${plan.greenModelName}`)
    return false
  } catch (e) {
    if (!isAlreadyExists(e)) throw e
    const existing = await api.describeModel(plan.greenModelName)
    const wanted = body.PrimaryContainer as Record<string, unknown>
    const have = existing?.PrimaryContainer
    const identical =
      existing !== undefined &&
      existing.ExecutionRoleArn === body.ExecutionRoleArn &&
      (have?.Image ?? undefined) === wanted.Image &&
      (have?.ModelDataUrl ?? undefined) === wanted.ModelDataUrl &&
      (have?.ModelPackageName ?? undefined) === wanted.ModelPackageName &&
      sameJson(have?.Environment ?? {}, wanted.Environment ?? {})
    if (!identical) {
      throw new Error(
        `Model ${plan.greenModelName} already exists with a different definition; it was not changed. This happens when one run deploys twice to the same endpoint: give each step its own endpoint or re-run the workflow.`
      )
    }
    log.info(`Reusing model ${plan.greenModelName} (already created by this run, identical)`)
    return true
  }
}

async function ensureEndpointConfig(api: AwsApi, plan: Plan, log: Logger): Promise<boolean> {
  try {
    await api.createEndpointConfig(plan.createEndpointConfig)
    log.info(`Created endpoint config ${plan.endpointConfigName}`)
    return false
  } catch (e) {
    if (!isAlreadyExists(e)) throw e
    const existing = await api.describeEndpointConfig(plan.endpointConfigName)
    const v = existing?.ProductionVariants?.[0]
    const identical =
      v !== undefined &&
      v.VariantName === plan.variantName &&
      v.ModelName === plan.greenModelName &&
      v.InstanceType === plan.instanceType &&
      v.InitialInstanceCount === plan.instanceCount
    if (!identical) {
      throw new Error(
        `Endpoint config ${plan.endpointConfigName} already exists with different variants; it was not changed.`
      )
    }
    log.info(
      `Reusing endpoint config ${plan.endpointConfigName} (already created by this run, identical)`
    )
    return true
  }
}

export async function launch(
  api: AwsApi,
  plan: Plan,
  log: Logger,
  now: () => number
): Promise<LaunchResult> {
  for (const alarm of plan.alarmsToCreate) {
    await api.putMetricAlarm(alarm.request)
    log.info(`Alarm ${alarm.name} created/updated: ${alarm.watches}`)
  }
  const reusedModel = await ensureModel(api, plan, log)
  const reusedConfig = await ensureEndpointConfig(api, plan, log)
  const requestedAt = now()
  if (plan.createEndpoint) {
    await api.createEndpoint(plan.createEndpoint)
    log.info(`CreateEndpoint ${plan.endpointName} requested (new endpoint: no traffic shift)`)
  } else if (plan.updateEndpoint) {
    await api.updateEndpoint(plan.updateEndpoint)
    log.info(`UpdateEndpoint ${plan.endpointName} → ${plan.endpointConfigName} requested`)
  }
  return { requestedAt, reusedModel, reusedConfig }
}
