// Pre-flight of rollback-to: the endpoint read (a busy one waited out) like any deployment's,
// then the config to put back found (named, or "previous": the config the live one replaced,
// from the tag the action put on the live config when it created it) and checked, with its
// models. Reads only: nothing here changes anything in AWS.
import type { AwsApi } from '../../aws/api.js'
import { errorMessage } from '../../errors.js'
import { PreflightError } from '../../deploy/preflight.js'
import type { Found } from '../../deploy/target.js'
import { REPLACES_TAG } from '../../deploy/step-identity.js'
import { ROLLBACK_PREVIOUS } from '../../inputs/restore.js'
import { readCurrentEndpoint, type PreflightDeps } from './preflight.js'
import { restorePlan, type RestoreTarget } from './restore.js'
import type { CurrentEndpoint, DeployRequest, RunContext } from '../../types.js'

/** A restore needs an endpoint: refused by name, before any write. */
function missingEndpoint(request: DeployRequest): PreflightError {
  return new PreflightError(
    `Endpoint "${request.endpointName}" does not exist in ${request.region}: rollback-to has nothing to restore.`
  )
}

/**
 * Pre-flight of a restore: the endpoint read (a busy one waited out) like any deployment's,
 * then the config to put back found and checked. Refuses, before any write, what it cannot do.
 */
export async function readRestore(
  request: DeployRequest,
  run: RunContext,
  deps: PreflightDeps,
  waitUntil: number,
  provisioningSeconds: number
): Promise<Found> {
  const requested = request.rollbackTo ?? ROLLBACK_PREVIOUS
  // Until the config is known, a plan that restores the live config: never this step's, never
  // carrying anything, so the shared pre-flight only waits, reads and checks.
  const found = await readCurrentEndpoint(
    request,
    run,
    {
      ...deps,
      buildPlan: (req, _run, current) => {
        if (!current) {
          throw missingEndpoint(req)
        }
        return restorePlan(req, current, placeholder(current), provisioningSeconds)
      }
    },
    waitUntil
  )
  const current = found.current
  if (!current) {
    throw missingEndpoint(request)
  }
  const configName =
    requested === ROLLBACK_PREVIOUS ? await previousConfig(deps.api, request, current) : requested
  const target = await readTarget(deps.api, request, current, requested, configName)
  const plan = restorePlan(request, current, target, provisioningSeconds)
  if (configName === current.configName) {
    return { current, plan, attached: false, alreadyLive: true, notes: [] }
  }
  return { current, plan, attached: false, alreadyLive: false, notes: found.notes }
}

function placeholder(current: CurrentEndpoint): RestoreTarget {
  return {
    facts: { requested: current.configName, configName: current.configName, models: [] },
    variantName: current.variantName,
    instanceType: current.instanceType ?? '?',
    instanceCount: current.instanceCount ?? 1,
    modelDataUrl: undefined
  }
}

/** The config the live one replaced: the action's tag on the live config says it. */
async function previousConfig(
  api: AwsApi,
  request: DeployRequest,
  current: CurrentEndpoint
): Promise<string> {
  const named = current.configTags[REPLACES_TAG]
  if (named) return named
  const unread = (current.unread ?? []).find(u => u.read.startsWith('ListTags'))
  if (unread) {
    throw new PreflightError(
      `rollback-to: previous reads the tags of the live config ${current.configName}, and that failed (${unread.error}). Nothing was changed. Name the config to restore (rollback-to: <endpoint config name>), or allow ${'sagemaker:ListTags'}.`
    )
  }
  const others = await recentConfigs(api, request.endpointName, current.configName)
  throw new PreflightError(
    `rollback-to: previous needs the tag ${REPLACES_TAG} on the live config ${current.configName}, which the action sets on the configs it creates for an update; this one has none (it was not created by this action's update, or by a version before rollback-to). Nothing was changed. Name the config to restore: rollback-to: <endpoint config name>.${others}`
  )
}

/** A hint: the newest configs whose names contain the endpoint's (a failed list says nothing). */
async function recentConfigs(api: AwsApi, endpointName: string, live: string): Promise<string> {
  try {
    const names = (await api.listEndpointConfigs(endpointName, { deadlineMs: 10_000 }))
      .map(c => c.EndpointConfigName)
      .filter((name): name is string => name !== undefined && name !== live)
      .slice(0, 5)
    return names.length > 0
      ? ` The newest configs named like the endpoint: ${names.join(', ')}.`
      : ''
  } catch {
    return ''
  }
}

/** The config to put back and its models: each must still exist, or nothing is written. */
async function readTarget(
  api: AwsApi,
  request: DeployRequest,
  current: CurrentEndpoint,
  requested: string,
  configName: string
): Promise<RestoreTarget> {
  const cannot = `rollback-to cannot restore ${configName}:`
  const nothing = 'Nothing was changed.'
  let config: Awaited<ReturnType<AwsApi['describeEndpointConfig']>>
  try {
    config = await api.describeEndpointConfig(configName)
  } catch (e) {
    throw new PreflightError(`${cannot} reading it failed (${errorMessage(e)}). ${nothing}`)
  }
  if (config === undefined) {
    throw new PreflightError(
      `${cannot} no endpoint config of that name exists in ${request.region}. ${nothing}`
    )
  }
  const variants = (config.ProductionVariants ?? []).filter(
    (v): v is typeof v & { VariantName: string } => v.VariantName !== undefined
  )
  const models: { variantName: string; modelName: string }[] = []
  let modelDataUrl: string | undefined
  for (const variant of variants) {
    if (variant.ModelName === undefined) continue
    let model: Awaited<ReturnType<AwsApi['describeModel']>>
    try {
      model = await api.describeModel(variant.ModelName)
    } catch (e) {
      throw new PreflightError(
        `${cannot} reading its model ${variant.ModelName} failed (${errorMessage(e)}). ${nothing}`
      )
    }
    if (model === undefined) {
      throw new PreflightError(
        `${cannot} its model ${variant.ModelName} no longer exists, so SageMaker could not start it. ${nothing} Deploy that model again from its artifact instead.`
      )
    }
    models.push({ variantName: variant.VariantName, modelName: variant.ModelName })
    if (variant.VariantName === current.variantName || modelDataUrl === undefined) {
      modelDataUrl = model.PrimaryContainer?.ModelDataUrl ?? modelDataUrl
    }
  }
  const main = variants.find(v => v.VariantName === current.variantName) ?? variants[0]
  if (main === undefined) {
    throw new PreflightError(`${cannot} it has no production variant. ${nothing}`)
  }
  return {
    facts: {
      requested,
      configName,
      ...(requested === ROLLBACK_PREVIOUS ? { replacedBy: current.configName } : {}),
      models
    },
    variantName: main.VariantName,
    instanceType: main.InstanceType ?? 'serverless',
    instanceCount: main.InitialInstanceCount ?? 1,
    modelDataUrl
  }
}
