// The inference component as a target: pre-flight reads the component, its endpoint and live
// model (reads only), launch sends exactly one UpdateInferenceComponent (COMPONENT_WRITE), and the
// watch reads DescribeInferenceComponent with the component's own reducer.
import { errorMessage, InputError, sentence } from '../../errors.js'
import { PreflightError, refuseUnread } from '../../deploy/preflight.js'
import { deleteCreated } from '../../deploy/cleanup.js'
import { isStepTagged } from '../../deploy/step-identity.js'
import { nothingPlanned, type Found, type Target, type TargetContext } from '../../deploy/target.js'
import type { AwsApi } from '../../aws/api.js'
import type { Logger, Plan, RolloutPolicy } from '../../types.js'
import { cancelledBefore, planned, startedOnly } from '../../verdict.js'
import { createTimeline, IN_PROGRESS, type WatchContext } from '../../watch/reducer.js'
import { COMPONENT_WRITE } from './launch.js'
import { toLiveComponent, type LiveComponent } from './live.js'
import { buildComponentPlan } from './plan.js'
import { endpointModelInput } from './surroundings.js'
import type { ComponentWatch } from './watch.js'

const BUSY = new Set(['Creating', 'Updating', 'Deleting'])

export function componentTarget(o: TargetContext, name: string): Target {
  const { request } = o
  // What pre-flight read of the component: the rest of the run speaks of it.
  let live: LiveComponent | undefined
  const component = (plan: Plan): NonNullable<Plan['component']> => {
    if (!plan.component) throw new Error('not a component plan')
    return plan.component
  }
  return {
    preflightTitle: `inference component ${name} on ${request.endpointName} in ${request.region}`,
    carriedFrom: 'live component',
    read: async waitUntil => {
      const found = await preflight(o, name, waitUntil)
      live = found.live
      return found
    },
    unreadableDryRun: e => {
      const why = sentence(errorMessage(e))
      return nothingPlanned(
        `could not read inference component ${name} (${why.replace(/\.$/, '')}); its live specification is what the plan keeps.`
      )
    },
    liveLine: () =>
      `Live: inference component ${name} on ${request.endpointName} (${live?.status}, model ${live?.modelName ?? '?'}, ${live?.desiredCopies ?? '?'} copies)`,
    guardrailExclusion: () => undefined,
    alreadyLive: ({ plan }) => {
      const summary = `Inference component ${name} already serves ${plan.greenModelName}, exactly what this step deploys; nothing was changed.`
      return {
        line: summary,
        verdict: request.dryRun
          ? planned(plan, `Plan only (dry-run): nothing would change. ${summary}`)
          : {
              outcome: 'deployed',
              summary,
              failureReason: undefined,
              triggeredAlarms: [],
              finalConfigName: plan.greenModelName,
              finalStatus: live?.status
            }
      }
    },
    launchTitle: plan =>
      `Launch: ${plan.greenModelName} into inference component ${component(plan).name}`,
    write: COMPONENT_WRITE,
    notStartedWords: plan => ({
      subject: 'The inference component',
      read: `inference component ${component(plan).name}`,
      lookAt: 'component',
      unknownTail: '',
      notAppliedHint: ''
    }),
    cancelledAfterStart: (plan, launched) =>
      cancelledBefore(
        `Cancelled after SageMaker accepted the update of inference component ${component(plan).name} to ${plan.greenModelName}${launched.confirmedByRead ? ` (it is ${launched.confirmedByRead})` : ''}: SageMaker continues on its own, unwatched. A re-run of the job waits for it and finds what became of it.`,
        `Cancelled after the update of inference component ${component(plan).name} was accepted.`,
        'Updating'
      ),
    watchSetup: (plan, _found, requestedAt) => {
      const c = component(plan)
      const policy = policyOf(request.policy, plan)
      const ctx: WatchContext = {
        newConfigName: plan.greenModelName,
        oldConfigName: c.liveModelName,
        firstDeploy: false,
        instanceCount: c.copies,
        schedule: plan.schedule,
        previousLastModified: c.lastModifiedTime,
        waitIntervalSeconds: policy?.waitIntervalSeconds,
        terminationWaitSeconds: 0
      }
      const watch: ComponentWatch = {
        name: c.name,
        newModelName: plan.greenModelName,
        oldModelName: c.liveModelName,
        copies: c.copies,
        batchCopies: c.batchCopies,
        waitIntervalSeconds: policy?.waitIntervalSeconds ?? 0,
        previousLastModified: c.lastModifiedTime
      }
      return {
        ctx,
        start: {
          ...createTimeline(ctx, requestedAt),
          events: [
            {
              at: requestedAt,
              kind: 'start' as const,
              message: `update requested: inference component ${c.name}, ${c.liveModelName ?? '?'} → ${plan.greenModelName}`
            }
          ]
        },
        component: watch,
        startedOnly: {
          ...startedOnly(plan),
          summary: `UpdateInferenceComponent accepted; not waiting (wait: false). SageMaker continues on its own.`
        }
      }
    },
    cleanup: (api, plan, created, log) =>
      cleanupModel(api, component(plan).name, created.model, log)
  }
}

/** Reads the component and its endpoint, waits out (or refuses) a busy one, and plans. */
async function preflight(
  o: TargetContext,
  name: string,
  waitUntil: number
): Promise<Found & { live: LiveComponent }> {
  const { request, api, log } = o
  let announced = false
  for (;;) {
    const described = await api.describeInferenceComponent(name)
    if (!described) {
      throw new InputError(
        'inference-component-name',
        `Input "inference-component-name" is "${name}", but SageMaker has no inference component of that name in ${request.region}. Create it on endpoint ${request.endpointName} first (CreateInferenceComponent), or fix the name.`
      )
    }
    const live = toLiveComponent(name, described)
    const ep = await api.describeEndpoint(request.endpointName)
    if (!ep) {
      throw new InputError(
        'endpoint-name',
        `Input "endpoint-name" is "${request.endpointName}", but that endpoint does not exist; inference component ${name} runs on ${live.endpointName ?? '?'}.`
      )
    }
    const epStatus = ep.EndpointStatus ?? 'Unknown'
    const around = await endpointModelInput(api, ep, live, log)
    const plan = buildComponentPlan(request, o.run, live, around)
    const own = live.modelName === plan.greenModelName
    const found = { live, current: undefined, notes: [] }
    if (BUSY.has(live.status) || IN_PROGRESS.has(epStatus)) {
      if (own && live.status === 'Updating') {
        log.info(
          `Inference component ${name} is Updating to ${plan.greenModelName}, exactly this step's model: watching it instead of starting a second update.`
        )
        return { ...found, plan: attachedPlan(plan), attached: true, alreadyLive: false }
      }
      const what = BUSY.has(live.status)
        ? `Inference component "${name}" is ${live.status}`
        : `Endpoint "${request.endpointName}" is ${epStatus}`
      if (request.onBusy === 'fail') {
        throw new PreflightError(
          `${what}: SageMaker accepts no update of the component until it finishes. Re-run later, or set on-busy: wait.`
        )
      }
      if (o.now() >= waitUntil) {
        throw new PreflightError(`${what} past the time budget; no update was started.`)
      }
      if (!announced) {
        log.info(`${what}; waiting for it to finish (on-busy: wait).`)
        announced = true
      }
      await o.sleep(Math.min(request.pollIntervalSeconds * 1000, Math.max(0, waitUntil - o.now())))
      continue
    }
    if (live.status !== 'InService') {
      throw new PreflightError(
        `Inference component "${name}" is ${live.status}${live.failureReason ? ` (${live.failureReason})` : ''}; an update needs it InService. Delete it and create it again, or fix it outside this action.`
      )
    }
    if (epStatus !== 'InService') {
      throw new PreflightError(
        `Endpoint "${request.endpointName}" is ${epStatus}; an inference component is updated only on an InService endpoint.`
      )
    }
    // A re-run of this same step (another run, so another model name): its model is live.
    const sameStep =
      !own &&
      live.modelName !== undefined &&
      around.liveModelTags !== undefined &&
      isStepTagged(around.liveModelTags, o.run.repository, plan.stepHash)
    if (sameStep && live.modelName) {
      const served = { ...attachedPlan(plan), greenModelName: live.modelName }
      return { ...found, plan: served, attached: false, alreadyLive: true }
    }
    // Whatever a new model must carry was read, or nothing is written.
    if (!own) refuseUnread(around.unread, plan.createModel !== undefined)
    return { ...found, plan, attached: false, alreadyLive: own }
  }
}

/** Watching an update of this step already running: nothing to create. */
function attachedPlan(plan: Plan): Plan {
  return { ...plan, createModel: undefined, alarmsToCreate: [] }
}

function policyOf(asked: RolloutPolicy | null | undefined, plan: Plan): RolloutPolicy | undefined {
  const rolling = (
    plan.component?.updateInferenceComponent['DeploymentConfig'] as
      Record<string, unknown> | undefined
  )?.['RollingUpdatePolicy'] as Record<string, unknown> | undefined
  if (asked) return asked
  if (!rolling) return undefined
  return {
    routing: 'rolling',
    stepSize: { type: 'INSTANCE_COUNT', value: plan.component?.batchCopies ?? 1 },
    waitIntervalSeconds: Number(rolling['WaitIntervalInSeconds'] ?? 0),
    terminationWaitSeconds: 0,
    maxExecutionTimeoutSeconds: undefined
  }
}

/** Deletes the model this run created, once a read shows the component does not use it. */
async function cleanupModel(
  api: AwsApi,
  name: string,
  model: string | undefined,
  log: Logger
): Promise<void> {
  if (!model) return
  const c = await api.describeInferenceComponent(name, { ignoreCancel: true })
  if (toLiveComponent(name, c ?? {}).modelName === model) {
    log.warning(`Cleanup: model ${model} is in use by inference component ${name}; kept.`)
    return
  }
  await deleteCreated(api, 'model', model, log)
}
