// Pre-flight: read the live endpoint and the guarding alarms, and refuse to start what cannot
// succeed. Reads only: nothing here changes anything in AWS.
import type { AwsApi } from './aws/api.js'
import { IN_PROGRESS } from './watch/reducer.js'
import { ACTION_TAG_PREFIX } from './inputs.js'
import type { CurrentEndpoint, DeployRequest, Plan, RunContext } from './types.js'

export class PreflightError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PreflightError'
  }
}

export interface Logger {
  info(message: string): void
  warning(message: string): void
}

export interface PreflightDeps {
  readonly api: AwsApi
  readonly log: Logger
  now(): number
  sleep(ms: number): Promise<void>
}

/** The live endpoint, or null when it does not exist. Waits out (or refuses) a busy endpoint. */
/** A deployment this run (same repository, commit and run id) already started: watch it. */
export interface Attach {
  readonly configName: string
  readonly modelName: string | undefined
  readonly attempt: string | undefined
}

export interface CurrentState {
  readonly current: CurrentEndpoint | null
  readonly attach: Attach | undefined
}

async function ownPendingDeployment(
  api: AwsApi,
  configName: string | undefined,
  run: RunContext
): Promise<Attach | undefined> {
  if (!configName) return undefined
  const config = await api.describeEndpointConfig(configName)
  if (!config?.EndpointConfigArn) return undefined
  const tags = await api.listTags(config.EndpointConfigArn)
  const ours =
    tags[`${ACTION_TAG_PREFIX}repository`] === run.repository &&
    tags[`${ACTION_TAG_PREFIX}sha`] === run.sha &&
    tags[`${ACTION_TAG_PREFIX}run-id`] === run.runId
  return ours
    ? {
        configName,
        modelName: config.ProductionVariants?.[0]?.ModelName,
        attempt: tags[`${ACTION_TAG_PREFIX}run-attempt`]
      }
    : undefined
}

export async function readCurrentEndpoint(
  request: DeployRequest,
  run: RunContext,
  deps: PreflightDeps,
  waitUntil: number
): Promise<CurrentState> {
  const { api, log } = deps
  let ep = await api.describeEndpoint(request.endpointName)
  if (!ep) return { current: null, attach: undefined }
  let announced = false
  while (ep && IN_PROGRESS.has(ep.EndpointStatus ?? '')) {
    const pending = ep.PendingDeploymentSummary?.EndpointConfigName
    const attach = await ownPendingDeployment(api, pending, run)
    if (attach) {
      log.info(
        `Endpoint is ${ep.EndpointStatus} with ${attach.configName}, started by attempt ${attach.attempt ?? '?'} of this run: watching it instead of starting a second update.`
      )
      return { current: await describeLive(api, ep, log), attach }
    }
    if (request.onBusy === 'fail') {
      throw new PreflightError(
        `Endpoint "${request.endpointName}" is ${ep.EndpointStatus}${pending ? ` (deploying ${pending})` : ''}: SageMaker accepts no update until it finishes. Re-run later, or set on-busy: wait.`
      )
    }
    if (deps.now() >= waitUntil) {
      throw new PreflightError(
        `Endpoint "${request.endpointName}" stayed ${ep.EndpointStatus} past the time budget; no update was started. Re-run when it is InService.`
      )
    }
    if (!announced) {
      log.info(
        `Endpoint is ${ep.EndpointStatus}${pending ? ` (deploying ${pending})` : ''}; waiting for it to finish (on-busy: wait).`
      )
      announced = true
    }
    await deps.sleep(
      Math.min(request.pollIntervalSeconds * 1000, Math.max(0, waitUntil - deps.now()))
    )
    ep = await api.describeEndpoint(request.endpointName)
  }
  if (!ep) return { current: null, attach: undefined }
  if (ep.EndpointStatus === 'Failed') {
    throw new PreflightError(
      `Endpoint "${request.endpointName}" is Failed${ep.FailureReason ? ` (${ep.FailureReason})` : ''}. SageMaker allows only DeleteEndpoint on a failed endpoint: delete it, then re-run to create it anew.`
    )
  }
  if (ep.EndpointStatus !== 'InService') {
    throw new PreflightError(
      ep.EndpointStatus === 'UpdateRollbackFailed'
        ? `Endpoint "${request.endpointName}" is UpdateRollbackFailed: a previous deployment and its rollback both failed, and it serves a mix of old and new fleets. Inspect it in the SageMaker console and settle it by hand (or delete and re-create it) before deploying again.`
        : `Endpoint "${request.endpointName}" is ${ep.EndpointStatus}; blue/green updates need it InService.`
    )
  }
  return { current: await describeLive(api, ep, log), attach: undefined }
}

type Described = NonNullable<Awaited<ReturnType<AwsApi['describeEndpoint']>>>

/** The live (blue) side of an endpoint: its config, variant, fleet and model artifact. */
async function describeLive(api: AwsApi, ep: Described, log: Logger): Promise<CurrentEndpoint> {
  const configName = ep.EndpointConfigName ?? ''
  const config = configName ? await api.describeEndpointConfig(configName) : undefined
  const variant = config?.ProductionVariants?.[0]
  const liveVariant = ep.ProductionVariants?.[0]
  const modelName = variant?.ModelName
  let modelDataUrl: string | undefined
  if (modelName) {
    try {
      const model = await api.describeModel(modelName)
      modelDataUrl = model?.PrimaryContainer?.ModelDataUrl ?? model?.Containers?.[0]?.ModelDataUrl
    } catch (e) {
      log.warning(`Could not read the live model ${modelName}: ${(e as Error).message}`)
    }
  }
  return {
    status: ep.EndpointStatus ?? 'Unknown',
    configName,
    variantName: variant?.VariantName ?? liveVariant?.VariantName ?? 'AllTraffic',
    instanceType: variant?.InstanceType,
    instanceCount: liveVariant?.DesiredInstanceCount ?? variant?.InitialInstanceCount,
    modelName,
    modelDataUrl,
    lastModifiedTime: ep.LastModifiedTime?.getTime(),
    lastDeploymentConfig: ep.LastDeploymentConfig
      ? (JSON.parse(JSON.stringify(ep.LastDeploymentConfig)) as Record<string, unknown>)
      : undefined,
    failureReason: ep.FailureReason || undefined
  }
}

/**
 * Every alarm that guards the rollout must exist (except those this run creates) and none may be
 * in ALARM already: SageMaker would roll back at once.
 */
export async function checkAlarms(
  request: DeployRequest,
  plan: Plan,
  deps: PreflightDeps
): Promise<void> {
  const created = new Set(plan.alarmsToCreate.map(a => a.name))
  const names = plan.guardAlarmNames
  if (names.length === 0) return
  const found = await deps.api.describeAlarms(names)
  const byName = new Map(found.map(a => [a.AlarmName ?? '', a]))
  const missing = names.filter(n => !created.has(n) && !byName.has(n))
  if (missing.length) {
    throw new PreflightError(
      `CloudWatch alarm(s) not found in ${request.region}: ${missing.join(', ')}. Create them first, fix alarm-names, or use create-alarms: true.`
    )
  }
  const inAlarm = names.filter(n => byName.get(n)?.StateValue === 'ALARM')
  if (inAlarm.length) {
    const detail = inAlarm
      .map(n => `${n} (${byName.get(n)?.StateReason ?? 'no reason given'})`)
      .join('; ')
    if (!request.allowAlarmInAlarm) {
      throw new PreflightError(
        `Guarding alarm(s) already in ALARM: ${detail}. SageMaker would roll the deployment back at once. Fix the cause (or the alarm) first, or set allow-alarm-in-alarm: true.`
      )
    }
    deps.log.warning(
      `Starting although guarding alarm(s) are in ALARM (allow-alarm-in-alarm): ${detail}`
    )
  }
  const blind = names.filter(n => byName.get(n)?.StateValue === 'INSUFFICIENT_DATA')
  if (blind.length) {
    deps.log.warning(
      `Alarm(s) in INSUFFICIENT_DATA: ${blind.join(', ')}. The guardrail is blind until they have data (traffic on the endpoint).`
    )
  }
}

/** Instance families SageMaker excludes from guardrails fall back to all-at-once, no bake. */
export function guardrailWarning(plan: Plan): string | undefined {
  if (/^ml\.inf1\./.test(plan.instanceType)) {
    return `Instance type ${plan.instanceType} (Inf1) is excluded from deployment guardrails: SageMaker falls back to all-at-once traffic shifting with no final bake, so the alarms cannot stop a bad model step by step.`
  }
  return undefined
}
