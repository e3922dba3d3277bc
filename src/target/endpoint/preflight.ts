// Pre-flight of an endpoint: read it and plan against what is really there; wait out (or refuse)
// a busy one, attach to this step's own deployment, and find an earlier attempt's config to
// reuse. Reads only: nothing here changes anything in AWS.
import type { AwsApi } from '../../aws/api.js'
import { describeLive } from './live.js'
import { greenNames } from '../../names.js'
import { renamePlan } from './plan.js'
import { isStepTagged } from '../../deploy/step-identity.js'
import { IN_PROGRESS } from '../../watch/reducer.js'
import type { Found } from '../../deploy/target.js'
import type { CurrentEndpoint, DeployRequest, Logger, Plan, RunContext } from '../../types.js'
import { PreflightError, refuseUnread } from '../../deploy/preflight.js'
import { InputError } from '../../errors.js'
import { missingInputForNew, refuseMissing } from './missing.js'

export interface PreflightDeps {
  readonly api: AwsApi
  readonly log: Logger
  now(): number
  sleep(ms: number): Promise<void>
  buildPlan(request: DeployRequest, run: RunContext, current: CurrentEndpoint | null): Plan
}

type Described = NonNullable<Awaited<ReturnType<AwsApi['describeEndpoint']>>>

/** Whether the endpoint config carries this step's fingerprint (same repository, same requests). */
async function isThisStep(
  api: AwsApi,
  configName: string | undefined,
  plan: Plan,
  run: RunContext
): Promise<{ modelName: string | undefined } | undefined> {
  if (!configName) return undefined
  const config = await api.describeEndpointConfig(configName)
  if (!config?.EndpointConfigArn) return undefined
  const tags = await api.listTags(config.EndpointConfigArn)
  if (!isStepTagged(tags, run.repository, plan.stepHash)) return undefined
  const variant = config.ProductionVariants?.find(v => v.VariantName === plan.variantName)
  return { modelName: variant?.ModelName }
}

/** The plan of a deployment of this step already started: watch it, create nothing. */
function attachedPlan(plan: Plan, configName: string, modelName: string | undefined): Plan {
  return {
    ...plan,
    endpointConfigName: configName,
    greenModelName: modelName ?? plan.greenModelName,
    createModel: undefined,
    createEndpoint: undefined,
    updateEndpoint: undefined,
    alarmsToCreate: []
  }
}

/**
 * Reads the endpoint and plans against it. Waits out (or refuses) a busy endpoint, unless what
 * it is busy with is this very step (a re-run, or two copies of the step): then it attaches.
 */
export async function readCurrentEndpoint(
  request: DeployRequest,
  run: RunContext,
  deps: PreflightDeps,
  waitUntil: number
): Promise<Found> {
  const { api, log } = deps
  let announced = false
  for (;;) {
    const ep = await api.describeEndpoint(request.endpointName)
    if (!ep) {
      if (request.createEndpoint === 'never') return refuseMissing(api, request)
      let plan: Plan
      try {
        plan = deps.buildPlan(request, run, null)
      } catch (e) {
        if (e instanceof InputError) return missingInputForNew(api, request, e)
        throw e
      }
      return { current: null, plan, attached: false, alreadyLive: false, notes: [] }
    }
    const status = ep.EndpointStatus ?? 'Unknown'
    if (IN_PROGRESS.has(status)) {
      // A new endpoint being created is compared with this step's create; an update with this
      // step's update of the live (blue) config.
      const creating = status === 'Creating'
      const current = creating ? null : await describeLive(api, ep, request.variantName, log)
      const target = creating
        ? ep.EndpointConfigName
        : ep.PendingDeploymentSummary?.EndpointConfigName
      // A plan this step cannot make against the endpoint as it is (e.g. a creation without the
      // instance inputs) is not this step's deployment: wait, and plan once it has settled.
      let plan: Plan | undefined
      try {
        plan = deps.buildPlan(request, run, current)
      } catch {
        plan = undefined
      }
      const own = plan ? await isThisStep(api, target, plan, run) : undefined
      if (plan && own && target) {
        log.info(
          `Endpoint is ${status} with ${target}, which is exactly this step's deployment (an earlier attempt or copy of it): watching it instead of starting a second one.`
        )
        return {
          current,
          plan: attachedPlan(plan, target, own.modelName),
          attached: true,
          alreadyLive: false,
          notes: []
        }
      }
      const pending = target ? ` (deploying ${target})` : ''
      if (request.onBusy === 'fail') {
        throw new PreflightError(
          `Endpoint "${request.endpointName}" is ${status}${pending}: SageMaker accepts no update until it finishes. Re-run later, or set on-busy: wait.`
        )
      }
      if (deps.now() >= waitUntil) {
        throw new PreflightError(
          `Endpoint "${request.endpointName}" stayed ${status} past the time budget; no update was started. Re-run when it is InService.`
        )
      }
      if (!announced) {
        log.info(`Endpoint is ${status}${pending}; waiting for it to finish (on-busy: wait).`)
        announced = true
      }
      await deps.sleep(
        Math.min(request.pollIntervalSeconds * 1000, Math.max(0, waitUntil - deps.now()))
      )
      continue
    }
    if (status === 'Failed') {
      throw new PreflightError(
        `Endpoint "${request.endpointName}" is Failed${ep.FailureReason ? ` (${ep.FailureReason})` : ''}. SageMaker allows only DeleteEndpoint on a failed endpoint: delete it, then re-run to create it anew.`
      )
    }
    if (status !== 'InService') {
      throw new PreflightError(
        status === 'UpdateRollbackFailed'
          ? `Endpoint "${request.endpointName}" is UpdateRollbackFailed: a previous deployment and its rollback both failed, and it serves a mix of old and new fleets. Inspect it in the SageMaker console and settle it by hand (or delete and re-create it) before deploying again.`
          : `Endpoint "${request.endpointName}" is ${status}; blue/green updates need it InService.`
      )
    }
    const current = await describeLive(api, ep, request.variantName, log)
    const plan = deps.buildPlan(request, run, current)
    const createsModel = plan.createModel !== undefined
    // A restore (rollback-to) carries nothing from the live endpoint: its config exists as is.
    const carries = request.rollbackTo === undefined
    let live: Awaited<ReturnType<typeof isThisStep>>
    try {
      live = await isThisStep(api, current.configName, plan, run)
    } catch (e) {
      // The same read failing again (the live config's tags): say what it protects.
      if (carries) refuseUnread(current.unread, createsModel)
      throw e
    }
    // Whatever the new model and config must carry was read, or nothing is written.
    if (!live && carries) refuseUnread(current.unread, createsModel)
    if (live) {
      return {
        current,
        plan: attachedPlan(plan, current.configName, live.modelName),
        attached: false,
        alreadyLive: true,
        notes: []
      }
    }
    const earlier = await earlierAttempt(api, ep, plan, run)
    return {
      current,
      plan: earlier ? renamePlan(plan, earlier.modelName, earlier.configName) : plan,
      attached: false,
      alreadyLive: false,
      notes: earlier ? [earlier.note] : []
    }
  }
}

/**
 * On a re-run: an earlier attempt's config for exactly this step that the endpoint does not serve
 * (it was rolled back, or the attempt stopped before the update). Its names are reused, so
 * nothing is created twice, and the plan says what became of it.
 */
async function earlierAttempt(
  api: AwsApi,
  ep: Described,
  plan: Plan,
  run: RunContext
): Promise<{ configName: string; modelName: string; note: string } | undefined> {
  const attempt = Number(run.runAttempt)
  if (!Number.isInteger(attempt) || attempt < 2) return undefined
  for (let k = attempt - 1; k >= Math.max(1, attempt - 3); k--) {
    const name = greenNames(plan.endpointName, { ...run, runAttempt: String(k) }).endpointConfigName
    let own: { modelName: string | undefined } | undefined
    try {
      own = await isThisStep(api, name, plan, run)
    } catch {
      own = undefined
    }
    if (!own) continue
    const reason = ep.FailureReason ? ` SageMaker's last failure reason: ${ep.FailureReason}` : ''
    return {
      configName: name,
      modelName: plan.createsModel ? (own.modelName ?? plan.greenModelName) : plan.greenModelName,
      note: `Attempt ${k} of this run already made ${name} for this same step, but the endpoint serves ${ep.EndpointConfigName ?? '?'}: that deployment was rolled back or never started.${reason} Deploying ${name} again.`
    }
  }
  return undefined
}

/**
 * Deployment guardrails exclude Inf1 instances and AWS Marketplace models ("Exclusions" in the
 * SageMaker guide's deployment guardrails page): SageMaker updates them all at once, no bake.
 */
export function guardrailExclusion(plan: Plan, marketplace: boolean): string | undefined {
  if (plan.firstDeploy) return undefined
  const why = [
    /^ml\.inf1\./.test(plan.instanceType) ? `instance type ${plan.instanceType} (Inf1)` : '',
    marketplace ? 'an AWS Marketplace model package' : ''
  ].filter(Boolean)
  if (why.length === 0) return undefined
  return `Deployment guardrails exclude ${why.join(' and ')}: SageMaker applies this update all at once, with no traffic steps, no bake and no alarm rollback, so nothing can stop a bad model before it takes all the traffic.`
}
