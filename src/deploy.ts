// The deploy sequence behind run(): pre-flight (reads), plan (pure), launch (writes), watch.
// Every failure becomes a verdict here, so report() always has something true to say; after a
// failed endpoint write that verdict rests on a read of the endpoint, never on the error alone.
import * as core from '@actions/core'
import { isFatal, type AwsApi } from './aws/api.js'
import { errorMessage, sentence } from './errors.js'
import { cleanup, launch, type Created, type LaunchResult } from './launch.js'
import { checkAutoScaling, deregister, restore, scalingJson } from './auto-scaling.js'
import { checkAlarms, guardrailWarning, readCurrentEndpoint, type Logger } from './preflight.js'
import { policyFromDeploymentConfig, stepInstances } from './plan.js'
import { singleLine } from './report/markdown.js'
import { registerSecrets } from './secrets.js'
import type {
  CurrentEndpoint,
  DeployRequest,
  DeployResult,
  Plan,
  RunContext,
  Timeline
} from './types.js'
import {
  alreadyDeployed,
  cancelledAfterStart,
  failedBefore,
  planned,
  startedOnly
} from './verdict.js'
import { watchRollout } from './watch-rollout.js'
import { createTimeline, type WatchContext } from './watch/reducer.js'

export interface DeployOptions {
  readonly request: DeployRequest
  readonly run: RunContext
  readonly api: AwsApi
  now(): number
  sleep(ms: number, signal?: AbortSignal): Promise<void>
  /** A pause that cancellation does not cut short (default: a plain timer). */
  pause?(ms: number): Promise<void>
  readonly signal?: AbortSignal
  buildPlan(request: DeployRequest, run: RunContext, current: CurrentEndpoint | null): Plan
  /** Called once the update is accepted and whenever the traffic table gains a row. */
  onProgress?(plan: Plan, timeline: Timeline): Promise<void>
}

// Service text (names, reasons) goes into these lines: one line each, so it can never start a
// workflow command of its own.
const log: Logger = {
  info: (m: string) => core.info(singleLine(m)),
  warning: (m: string) => core.warning(singleLine(m))
}

const NOTHING_CHANGED = 'Nothing was changed in AWS.'

/** A pause that cancellation does not cut short (reads that find out what a write did). */
const pause = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

/** What to do about an error that stops pre-flight, for the person reading it. */
function preflightHint(e: unknown): string {
  const text = errorMessage(e)
  if (/Could not load credentials|CredentialsProviderError/i.test(text)) {
    return ' Configure AWS credentials before this step: aws-actions/configure-aws-credentials with role-to-assume (and permissions: id-token: write for OIDC), or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.'
  }
  if (/AccessDenied|not authorized/i.test(text)) {
    return ' The role needs the permissions in docs/iam-policy.json.'
  }
  return ''
}

export async function deploy(o: DeployOptions): Promise<DeployResult> {
  const { request, api } = o
  // A model deployed into an inference component has a path of its own (UpdateInferenceComponent).
  if (request.inferenceComponentName !== undefined) {
    const { deployComponent } = await import('./component/deploy.js')
    return deployComponent(o, request.inferenceComponentName)
  }
  const startedAt = o.now()
  let plan: Plan | undefined
  let current: CurrentEndpoint | null | undefined
  let found: Awaited<ReturnType<typeof readCurrentEndpoint>> | undefined
  let existingAlarms: ReadonlyMap<string, unknown> | undefined
  let scaling: Awaited<ReturnType<typeof checkAutoScaling>> = {
    saved: undefined,
    reregister: false,
    note: undefined
  }

  // ---- Pre-flight (reads only) -------------------------------------------------------------
  core.startGroup(`Pre-flight: ${request.endpointName} in ${request.region}`)
  try {
    try {
      const busyUntil = startedAt + (request.timeoutMinutes ?? 30) * 60 * 1000
      found = await readCurrentEndpoint(
        request,
        o.run,
        {
          api,
          log,
          now: o.now,
          sleep: ms => o.sleep(ms, o.signal),
          buildPlan: o.buildPlan
        },
        busyUntil
      )
      ;({ plan, current } = found)
    } catch (e) {
      // A dry run can still say what it would do, but not whether the endpoint exists.
      if (!(request.dryRun && isFatal(e))) throw e
      return unreadableDryRun(o, e)
    }
    log.info(
      current
        ? `Live: ${current.configName} (${current.variantName}, ${current.instanceCount ?? '?'} × ${current.instanceType ?? '?'}, model ${current.modelName ?? '?'})`
        : `Endpoint ${request.endpointName} does not exist: this run creates it (no traffic shift on a new endpoint).`
    )
    registerSecrets(plan.secretValues)
    for (const note of found.notes) log.warning(note)
    for (const note of plan.notes) log.info(note)
    for (const warning of plan.warnings) log.warning(warning)
    if (plan.carriedOver.length) {
      log.info(`Carried over from the live endpoint: ${plan.carriedOver.join('; ')}.`)
    }
    const warning = guardrailWarning(plan)
    if (warning) log.warning(warning)
    // Attached to a running deployment, its alarms may be firing because of it: no check.
    if (!found.attached && !found.alreadyLive) {
      try {
        existingAlarms = await checkAlarms(request, plan, { api, log })
        if (current) {
          scaling = await checkAutoScaling(api, {
            endpointName: plan.endpointName,
            variantName: plan.variantName,
            liveInstanceType: current.instanceType,
            greenInstanceType: plan.instanceType,
            mode: request.onAutoScaling,
            log
          })
          if (scaling.note) {
            log.info(scaling.note)
            plan = { ...plan, notes: [...plan.notes, scaling.note] }
          }
        }
      } catch (e) {
        // A plan still shows what would happen; a deployment stops here.
        if (!request.dryRun) throw e
        log.warning(errorMessage(e))
      }
    }
  } catch (e) {
    const message = sentence(errorMessage(e))
    return {
      plan,
      current,
      timeline: undefined,
      verdict: failedBefore(`${message}${preflightHint(e)} ${NOTHING_CHANGED}`, message)
    }
  } finally {
    core.endGroup()
  }

  if (found.alreadyLive) {
    log.info(
      `The endpoint already serves ${plan.endpointConfigName}, exactly what this step deploys: nothing to do.`
    )
    return {
      plan,
      current,
      timeline: undefined,
      verdict: request.dryRun
        ? planned(
            plan,
            `Plan only (dry-run): nothing would change, the endpoint already serves ${plan.endpointConfigName}.`
          )
        : alreadyDeployed(plan, current?.status)
    }
  }
  if (request.dryRun) {
    return {
      plan,
      current,
      timeline: undefined,
      verdict: planned(plan, 'Plan only (dry-run): nothing was changed in AWS.')
    }
  }
  if (o.signal?.aborted) {
    return {
      plan,
      current,
      timeline: undefined,
      verdict: failedBefore(`Cancelled before launch. ${NOTHING_CHANGED}`)
    }
  }

  // ---- Launch (the only writes) and watch -------------------------------------------------------
  if (!scaling.reregister || !scaling.saved) {
    return launchAndWatch(o, plan, current, found.attached, existingAlarms, undefined)
  }
  // Auto scaling is deregistered just before the update; whatever happens, it is put back.
  const saved = scaling.saved
  const aas = await api.autoScaling()
  let deregistered = false
  const result = await launchAndWatch(
    o,
    plan,
    current,
    found.attached,
    existingAlarms,
    async () => {
      log.info(
        `Saved auto scaling of ${saved.resourceId}, to restore after the verdict: ${scalingJson(saved)}`
      )
      await deregister(aas, saved, log)
      deregistered = true
    }
  )
  if (!deregistered) return result
  return { ...result, autoScaling: await restore(aas, saved, log) }
}

async function launchAndWatch(
  o: DeployOptions,
  plan: Plan,
  current: CurrentEndpoint | null,
  attached: boolean,
  existingAlarms: ReadonlyMap<string, unknown> | undefined,
  beforeUpdate: (() => Promise<void>) | undefined
): Promise<DeployResult> {
  const { request, api } = o
  let requestedAt = o.now()
  let created: Created = { model: undefined, config: undefined }
  if (!attached) {
    core.startGroup(`Launch: ${plan.endpointConfigName}`)
    let launched: LaunchResult
    try {
      launched = await launch(plan, {
        api,
        log,
        run: o.run,
        now: o.now,
        sleep: ms => o.sleep(ms, o.signal),
        pause: o.pause ?? pause,
        ...(o.signal ? { signal: o.signal } : {}),
        ...(existingAlarms ? { existingAlarms } : {}),
        ...(beforeUpdate ? { beforeUpdate } : {})
      })
    } finally {
      core.endGroup()
    }
    plan = launched.plan
    created = launched.created
    if (launched.kind === 'already-live') {
      return { plan, current, timeline: undefined, verdict: alreadyDeployed(plan, current?.status) }
    }
    if (launched.kind === 'not-started') return notStarted(o, plan, current, launched)
    requestedAt = launched.requestedAt
    if (o.signal?.aborted) {
      return {
        plan,
        current,
        timeline: undefined,
        verdict: cancelledAfterStart(plan, launched.confirmedByRead)
      }
    }
  }

  const policy = request.policy ?? policyFromDeploymentConfig(current?.lastDeploymentConfig)
  const ctx: WatchContext = {
    newConfigName: plan.endpointConfigName,
    oldConfigName: plan.previousConfigName,
    firstDeploy: plan.firstDeploy,
    instanceCount: plan.instanceCount,
    schedule: plan.schedule,
    previousLastModified: current?.lastModifiedTime,
    waitIntervalSeconds: policy?.waitIntervalSeconds,
    terminationWaitSeconds: policy?.terminationWaitSeconds
  }
  const start = createTimeline(ctx, requestedAt)
  await o.onProgress?.(plan, start)
  if (!request.wait) return { plan, current, timeline: start, verdict: startedOnly(plan) }

  const rolling =
    policy?.routing === 'rolling' && !plan.firstDeploy
      ? {
          batch: stepInstances(policy.stepSize, plan.instanceCount),
          fleet: plan.instanceCount,
          oldFleet: current?.instanceCount ?? plan.instanceCount,
          waitIntervalSeconds: policy.waitIntervalSeconds,
          newConfigName: plan.endpointConfigName
        }
      : undefined
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
    ...(o.signal ? { signal: o.signal } : {}),
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
    ...(rolling ? { rolling } : {})
  })
  if (
    request.cleanupOnFailure &&
    (result.verdict.outcome === 'rolled-back' || result.verdict.outcome === 'failed') &&
    result.verdict.finalStatus === 'InService' &&
    !o.signal?.aborted
  ) {
    await cleanupQuietly(api, plan.endpointName, created)
  }
  return { plan, current, timeline: result.timeline, verdict: result.verdict }
}

async function cleanupQuietly(api: AwsApi, endpointName: string, created: Created): Promise<void> {
  try {
    await cleanup(api, endpointName, created, log)
  } catch (e) {
    log.warning(`Cleanup failed (nothing live was touched): ${errorMessage(e)}`)
  }
}

/** The endpoint write was not applied (or never sent): say what a read proved, and no more. */
async function notStarted(
  o: DeployOptions,
  plan: Plan,
  current: CurrentEndpoint | null | undefined,
  launched: Extract<LaunchResult, { kind: 'not-started' }>
): Promise<DeployResult> {
  const { state, cancelled, created } = launched
  const error = sentence(launched.error)
  const operation = plan.firstDeploy ? 'CreateEndpoint' : 'UpdateEndpoint'
  let summary: string
  if (state === undefined) {
    summary = cancelled
      ? `${error} The endpoint was not changed: no ${operation} was sent.`
      : `Launch failed: ${error} The endpoint was not changed: no ${operation} was sent.`
  } else if (state.kind === 'not-applied') {
    summary = `${cancelled ? `Cancelled while ${operation} was in flight` : `Launch failed: ${error}`} A read of the endpoint afterwards shows it ${state.seen}: this run did not change it.${quotaHint(error, plan, current)}`
  } else {
    summary = `Launch failed: ${error} Whether SageMaker applied the ${operation} is unknown: ${state.seen}. Look at the endpoint before anything else; a re-run of this job attaches to this step's deployment if it started.`
  }
  // Only what a read proved unused, only when this run made it, never after a cancellation.
  const proven = state === undefined || state.kind === 'not-applied'
  if (o.request.cleanupOnFailure && proven && !cancelled && (created.model || created.config)) {
    await cleanupQuietly(o.api, plan.endpointName, created)
  }
  return { plan, current, timeline: undefined, verdict: failedBefore(summary, error) }
}

/** ResourceLimitExceeded on an update: the new fleet runs next to the live one, and needs room. */
function quotaHint(error: string, plan: Plan, current: CurrentEndpoint | null | undefined): string {
  if (!/ResourceLimitExceeded/.test(error) || plan.firstDeploy) return ''
  const live = current?.instanceCount ?? 0
  const rolling = plan.schedule.some(step => step.blueInstances !== undefined)
  const extra =
    rolling && plan.peakInstances ? plan.peakInstances.rolling - live : plan.instanceCount
  const instead = rolling
    ? 'a smaller step-size (batch)'
    : 'traffic-routing: rolling (one extra batch at a time)'
  return ` The update runs new instances next to the live fleet: ${live} live + ${extra} new = ${live + extra} ${plan.instanceType} instances at the peak, more than the account's quota allows. Raise the "${plan.instanceType} for endpoint usage" quota in Service Quotas, or use ${instead}, or fewer instances.`
}

/** A dry run whose credentials cannot read the endpoint: it cannot know what would happen. */
function unreadableDryRun(o: DeployOptions, e: unknown): DeployResult {
  const why = sentence(errorMessage(e))
  const head = `Could not read endpoint ${o.request.endpointName} (${why.replace(/\.$/, '')}), so this plan does not know whether it exists.${preflightHint(e)}`
  log.warning(head)
  if (o.request.instanceType === undefined || o.request.instanceCount === undefined) {
    return {
      plan: undefined,
      current: undefined,
      timeline: undefined,
      verdict: planned(
        undefined,
        `Plan only (dry-run), and nothing could be planned: ${head} An update would start from the live config, which could not be read; to plan the case of a new endpoint, set instance-type and instance-count.`
      )
    }
  }
  const plan: Plan = {
    ...o.buildPlan(o.request, o.run, null),
    liveUnknown: `${head} If it exists, it would be updated with a blue/green shift from its live config, which could not be read; if it does not, it would be created as planned here.`
  }
  return {
    plan,
    current: undefined,
    timeline: undefined,
    verdict: planned(plan, `Plan only (dry-run): nothing was changed in AWS. ${head}`)
  }
}
