// The deploy sequence for a model deployed into an inference component: pre-flight (the
// component, its endpoint and live model; reads only), plan (pure), launch (alarms, model, one
// UpdateInferenceComponent, read back after any failure), watch to a verdict. Every failure is a
// verdict here, as on the endpoint path.
import * as core from '@actions/core'
import { isFatal, type AwsApi } from '../aws/api.js'
import { endpointModelInput } from './surroundings.js'
import { InputError, errorMessage, sentence } from '../errors.js'
import type { DeployOptions } from '../deploy.js'
import { launchComponent } from './launch.js'
import { PreflightError, checkAlarms, type Logger } from '../preflight.js'
import { singleLine } from '../report/markdown.js'
import { registerSecrets } from '../secrets.js'
import type { DeployResult, Plan, RolloutPolicy } from '../types.js'
import { failedBefore, planned, startedOnly } from '../verdict.js'
import { watchRollout } from '../watch-rollout.js'
import { createTimeline, IN_PROGRESS, type WatchContext } from '../watch/reducer.js'
import { toLiveComponent, type LiveComponent } from './live.js'
import { buildComponentPlan } from './plan.js'
import type { ComponentWatch } from './watch.js'

const log: Logger = {
  info: (m: string) => core.info(singleLine(m)),
  warning: (m: string) => core.warning(singleLine(m))
}

const NOTHING_CHANGED = 'Nothing was changed in AWS.'
const BUSY = new Set(['Creating', 'Updating', 'Deleting'])
const pause = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

interface Found {
  readonly live: LiveComponent
  readonly plan: Plan
  readonly attached: boolean
  readonly alreadyLive: boolean
}

/** Reads the component and its endpoint, waits out (or refuses) a busy one, and plans. */
async function preflight(o: DeployOptions, name: string, waitUntil: number): Promise<Found> {
  const { request, api } = o
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
    if (BUSY.has(live.status) || IN_PROGRESS.has(epStatus)) {
      if (own && live.status === 'Updating') {
        log.info(
          `Inference component ${name} is Updating to ${plan.greenModelName}, exactly this step's model: watching it instead of starting a second update.`
        )
        return { live, plan: attachedPlan(plan), attached: true, alreadyLive: false }
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
      await o.sleep(
        Math.min(request.pollIntervalSeconds * 1000, Math.max(0, waitUntil - o.now())),
        o.signal
      )
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
    return { live, plan, attached: false, alreadyLive: own }
  }
}

/** Watching an update of this step already running: nothing to create. */
function attachedPlan(plan: Plan): Plan {
  return { ...plan, createModel: undefined, alarmsToCreate: [] }
}

function policyOf(o: DeployOptions, plan: Plan): RolloutPolicy | undefined {
  const rolling = (
    plan.component?.updateInferenceComponent['DeploymentConfig'] as
      Record<string, unknown> | undefined
  )?.['RollingUpdatePolicy'] as Record<string, unknown> | undefined
  if (o.request.policy) return o.request.policy
  if (!rolling) return undefined
  return {
    routing: 'rolling',
    stepSize: { type: 'INSTANCE_COUNT', value: plan.component?.batchCopies ?? 1 },
    waitIntervalSeconds: Number(rolling['WaitIntervalInSeconds'] ?? 0),
    terminationWaitSeconds: 0,
    maxExecutionTimeoutSeconds: undefined
  }
}

export async function deployComponent(o: DeployOptions, name: string): Promise<DeployResult> {
  const { request, api } = o
  const startedAt = o.now()
  let plan: Plan | undefined
  let found: Found
  core.startGroup(
    `Pre-flight: inference component ${name} on ${request.endpointName} in ${request.region}`
  )
  try {
    try {
      found = await preflight(o, name, startedAt + (request.timeoutMinutes ?? 30) * 60 * 1000)
    } catch (e) {
      if (request.dryRun && isFatal(e)) {
        const why = sentence(errorMessage(e))
        return {
          plan: undefined,
          current: undefined,
          timeline: undefined,
          verdict: planned(
            undefined,
            `Plan only (dry-run), and nothing could be planned: could not read inference component ${name} (${why.replace(/\.$/, '')}); its live specification is what the plan keeps.`
          )
        }
      }
      throw e
    }
    plan = found.plan
    log.info(
      `Live: inference component ${name} on ${request.endpointName} (${found.live.status}, model ${found.live.modelName ?? '?'}, ${found.live.desiredCopies ?? '?'} copies)`
    )
    registerSecrets(plan.secretValues)
    for (const note of plan.notes) log.info(note)
    for (const warning of plan.warnings) log.warning(warning)
    if (plan.carriedOver.length) {
      log.info(`Carried over from the live component: ${plan.carriedOver.join('; ')}.`)
    }
    if (!found.attached && !found.alreadyLive) {
      try {
        await checkAlarms(request, plan, { api, log })
      } catch (e) {
        if (!request.dryRun) throw e
        log.warning(errorMessage(e))
      }
    }
  } catch (e) {
    const message = sentence(errorMessage(e))
    return {
      plan,
      current: undefined,
      timeline: undefined,
      verdict: failedBefore(`${message} ${NOTHING_CHANGED}`, message)
    }
  } finally {
    core.endGroup()
  }

  if (found.alreadyLive) {
    const summary = `Inference component ${name} already serves ${plan.greenModelName}, exactly what this step deploys; nothing was changed.`
    log.info(summary)
    return {
      plan,
      current: undefined,
      timeline: undefined,
      verdict: request.dryRun
        ? planned(plan, `Plan only (dry-run): nothing would change. ${summary}`)
        : {
            outcome: 'deployed',
            summary,
            failureReason: undefined,
            triggeredAlarms: [],
            finalConfigName: plan.greenModelName,
            finalStatus: found.live.status
          }
    }
  }
  if (request.dryRun) {
    return {
      plan,
      current: undefined,
      timeline: undefined,
      verdict: planned(plan, 'Plan only (dry-run): nothing was changed in AWS.')
    }
  }
  if (o.signal?.aborted) {
    return {
      plan,
      current: undefined,
      timeline: undefined,
      verdict: failedBefore(`Cancelled before launch. ${NOTHING_CHANGED}`)
    }
  }
  return launchAndWatch(o, plan, found)
}

async function launchAndWatch(o: DeployOptions, plan: Plan, found: Found): Promise<DeployResult> {
  const { request, api } = o
  const component = plan.component
  if (!component) throw new Error('not a component plan')
  let requestedAt = o.now()
  let createdModel: string | undefined
  if (!found.attached) {
    core.startGroup(`Launch: ${plan.greenModelName} into inference component ${component.name}`)
    let launched: Awaited<ReturnType<typeof launchComponent>>
    try {
      launched = await launchComponent(plan, {
        api,
        log,
        run: o.run,
        now: o.now,
        sleep: ms => o.sleep(ms, o.signal),
        pause: o.pause ?? pause,
        ...(o.signal ? { signal: o.signal } : {})
      })
    } finally {
      core.endGroup()
    }
    plan = launched.plan
    createdModel = launched.created.model
    if (launched.kind === 'not-started') {
      const error = sentence(launched.error)
      const { state } = launched
      const summary =
        state === undefined
          ? `${launched.cancelled ? error : `Launch failed: ${error}`} The inference component was not changed: no UpdateInferenceComponent was sent.`
          : state.kind === 'not-applied'
            ? `${launched.cancelled ? 'Cancelled while UpdateInferenceComponent was in flight' : `Launch failed: ${error}`} A read of inference component ${component.name} afterwards shows it ${state.seen}: this run did not change it.`
            : `Launch failed: ${error} Whether SageMaker applied the UpdateInferenceComponent is unknown: ${state.seen}. Look at the component before anything else.`
      if (
        request.cleanupOnFailure &&
        !launched.cancelled &&
        (state === undefined || state.kind === 'not-applied')
      ) {
        await cleanupModel(api, component.name, createdModel)
      }
      return {
        plan,
        current: undefined,
        timeline: undefined,
        verdict: failedBefore(summary, error)
      }
    }
    if (launched.kind !== 'started') throw new Error('unexpected launch result')
    requestedAt = launched.requestedAt
    if (o.signal?.aborted) {
      return {
        plan,
        current: undefined,
        timeline: undefined,
        verdict: failedBefore(
          `Cancelled after SageMaker accepted the update of inference component ${component.name} to ${plan.greenModelName}${launched.confirmedByRead ? ` (it is ${launched.confirmedByRead})` : ''}: SageMaker continues on its own, unwatched. A re-run of the job waits for it and finds what became of it.`,
          `Cancelled after the update of inference component ${component.name} was accepted.`
        )
      }
    }
  }

  const policy = policyOf(o, plan)
  const ctx: WatchContext = {
    newConfigName: plan.greenModelName,
    oldConfigName: component.liveModelName,
    firstDeploy: false,
    instanceCount: component.copies,
    schedule: plan.schedule,
    previousLastModified: component.lastModifiedTime,
    waitIntervalSeconds: policy?.waitIntervalSeconds,
    terminationWaitSeconds: 0
  }
  const watchCtx: ComponentWatch = {
    name: component.name,
    newModelName: plan.greenModelName,
    oldModelName: component.liveModelName,
    copies: component.copies,
    batchCopies: component.batchCopies,
    waitIntervalSeconds: policy?.waitIntervalSeconds ?? 0,
    previousLastModified: component.lastModifiedTime
  }
  const start = {
    ...createTimeline(ctx, requestedAt),
    events: [
      {
        at: requestedAt,
        kind: 'start' as const,
        message: `update requested: inference component ${component.name}, ${component.liveModelName ?? '?'} → ${plan.greenModelName}`
      }
    ]
  }
  await o.onProgress?.(plan, start)
  if (!request.wait) {
    return {
      plan,
      current: undefined,
      timeline: start,
      verdict: {
        ...startedOnly(plan),
        summary: `UpdateInferenceComponent accepted; not waiting (wait: false). SageMaker continues on its own.`
      }
    }
  }
  const result = await watchRollout({
    api,
    request,
    plan,
    ctx,
    start,
    requestedAt,
    log,
    now: o.now,
    sleep: o.sleep,
    component: watchCtx,
    ...(o.signal ? { signal: o.signal } : {}),
    ...(o.onProgress ? { onProgress: o.onProgress } : {})
  })
  if (
    request.cleanupOnFailure &&
    (result.verdict.outcome === 'rolled-back' || result.verdict.outcome === 'failed') &&
    result.verdict.finalStatus === 'InService' &&
    !o.signal?.aborted
  ) {
    await cleanupModel(api, component.name, createdModel)
  }
  return { plan, current: undefined, timeline: result.timeline, verdict: result.verdict }
}

/** Deletes the model this run created, once a read shows the component does not use it. */
async function cleanupModel(api: AwsApi, name: string, model: string | undefined): Promise<void> {
  if (!model) return
  try {
    const c = await api.describeInferenceComponent(name, { ignoreCancel: true })
    if (toLiveComponent(name, c ?? {}).modelName === model) {
      log.warning(`Cleanup: model ${model} is in use by inference component ${name}; kept.`)
      return
    }
    await api.deleteModel(model, { ignoreCancel: true })
    log.info(`Cleanup: deleted model ${model} (created by this run)`)
  } catch (e) {
    log.warning(`Cleanup failed (nothing live was touched): ${errorMessage(e)}`)
  }
}
