// The deploy sequence behind run(): pre-flight (reads), plan (pure), launch (writes), watch.
// Every failure becomes a verdict here, so report() always has something true to say.
import * as core from '@actions/core'
import { isFatal, type AwsApi } from './aws/api.js'
import { errorMessage, InputError } from './errors.js'
import { cleanup, launch, LaunchCancelled, type LaunchResult } from './launch.js'
import type { DeployResult } from './main.js'
import {
  type Attach,
  checkAlarms,
  guardrailWarning,
  readCurrentEndpoint,
  type PreflightDeps
} from './preflight.js'
import { formatEvent } from './report/log.js'
import type {
  CurrentEndpoint,
  DeployRequest,
  Plan,
  RunContext,
  Timeline,
  Verdict
} from './types.js'
import { FatalPollError, watch } from './watch/loop.js'
import { createTimeline, type WatchContext } from './watch/reducer.js'
import { toAlarmSnapshots, toEndpointSnapshot } from './watch/snapshot.js'
import { policyFromDeploymentConfig } from './plan.js'

export interface DeployOptions {
  readonly request: DeployRequest
  readonly run: RunContext
  readonly api: AwsApi
  now(): number
  sleep(ms: number, signal?: AbortSignal): Promise<void>
  readonly signal?: AbortSignal
  buildPlan(request: DeployRequest, run: RunContext, current: CurrentEndpoint | null): Plan
  /** Called once the update is accepted and whenever the traffic table gains a row. */
  onProgress?(plan: Plan, timeline: Timeline): Promise<void>
}

const log = {
  info: (m: string) => core.info(m),
  warning: (m: string) => core.warning(m)
}

function failed(summary: string, failureReason = summary): Verdict {
  return {
    outcome: 'failed',
    summary,
    failureReason,
    triggeredAlarms: [],
    finalConfigName: undefined,
    finalStatus: undefined
  }
}

const NOTHING_CHANGED = 'Nothing was changed in AWS.'

export async function deploy(o: DeployOptions): Promise<DeployResult> {
  const { request, api } = o
  const startedAt = o.now()
  const deps: PreflightDeps = { api, log, now: o.now, sleep: ms => o.sleep(ms, o.signal) }
  let plan: Plan | undefined
  let current: CurrentEndpoint | null = null
  let attach: Attach | undefined

  // ---- Pre-flight (reads only) -------------------------------------------------------------
  core.startGroup(`Pre-flight: ${request.endpointName} in ${request.region}`)
  try {
    try {
      const busyUntil = startedAt + (request.timeoutMinutes ?? 30) * 60 * 1000
      const found = await readCurrentEndpoint(request, o.run, deps, busyUntil)
      current = found.current
      attach = found.attach
    } catch (e) {
      // A plan can still be shown without credentials; a deployment cannot.
      if (!(request.dryRun && isFatal(e))) throw e
      log.warning(
        `Could not read the endpoint (${errorMessage(e)}); planning from the inputs alone.`
      )
    }
    log.info(
      current
        ? `Live: ${current.configName} (${current.variantName}, ${current.instanceCount ?? '?'} × ${current.instanceType ?? '?'}, model ${current.modelName ?? '?'})`
        : `Endpoint ${request.endpointName} does not exist: this run creates it (no traffic shift on a new endpoint).`
    )
    plan = o.buildPlan(request, o.run, current)
    if (attach) plan = attachedPlan(plan, attach)
    const warning = guardrailWarning(plan)
    if (warning) log.warning(warning)
    // Attached to a running deployment, its alarms may be firing because of it: no check.
    if (!attach) {
      try {
        await checkAlarms(request, plan, deps)
      } catch (e) {
        // A plan still shows what would happen; a deployment stops here.
        if (!request.dryRun) throw e
        log.warning(errorMessage(e))
      }
    }
  } catch (e) {
    const message = e instanceof InputError ? e.message : errorMessage(e)
    return {
      plan,
      current,
      timeline: undefined,
      verdict: failed(`${message} ${NOTHING_CHANGED}`, message)
    }
  } finally {
    core.endGroup()
  }

  if (request.dryRun) {
    return {
      plan,
      current,
      timeline: undefined,
      verdict: {
        outcome: 'planned',
        summary: 'Plan only (dry-run): nothing was changed in AWS.',
        failureReason: undefined,
        triggeredAlarms: [],
        finalConfigName: plan.previousConfigName,
        finalStatus: undefined
      }
    }
  }
  if (o.signal?.aborted) {
    return {
      plan,
      current,
      timeline: undefined,
      verdict: failed(`Cancelled before launch. ${NOTHING_CHANGED}`)
    }
  }

  // ---- Launch (the only writes) --------------------------------------------------------------
  let requestedAt = o.now()
  let created: Pick<LaunchResult, 'createdModel' | 'createdConfig'> = {
    createdModel: undefined,
    createdConfig: undefined
  }
  if (!attach) {
    core.startGroup(`Launch: ${plan.endpointConfigName}`)
    try {
      const launched = await launch(api, plan, log, o.now, o.signal)
      ;({ plan, requestedAt } = launched)
      created = launched
      if (launched.alreadyLive) {
        return {
          plan,
          current,
          timeline: undefined,
          verdict: {
            outcome: 'deployed',
            summary: `The endpoint already serves ${plan.endpointConfigName}, created by an earlier run of this step; nothing was changed.`,
            failureReason: undefined,
            triggeredAlarms: [],
            finalConfigName: plan.endpointConfigName,
            finalStatus: current?.status
          }
        }
      }
    } catch (e) {
      const message = errorMessage(e)
      return {
        plan,
        current,
        timeline: undefined,
        verdict: failed(
          e instanceof LaunchCancelled
            ? message
            : `Launch failed: ${message} The live endpoint was not changed.`,
          message
        )
      }
    } finally {
      core.endGroup()
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
  if (!request.wait) {
    return {
      plan,
      current,
      timeline: start,
      verdict: {
        outcome: 'started',
        summary: `${plan.firstDeploy ? 'CreateEndpoint' : 'UpdateEndpoint'} accepted; not waiting (wait: false). SageMaker continues on its own.`,
        failureReason: undefined,
        triggeredAlarms: [],
        finalConfigName: plan.previousConfigName,
        finalStatus: undefined
      }
    }
  }

  // ---- Watch -----------------------------------------------------------------------------------
  core.startGroup(
    `Watching ${plan.endpointName} (poll ≤ ${request.pollIntervalSeconds} s, budget ${Math.round(plan.budgetSeconds / 60)} min)`
  )
  let reportedSteps = 0
  try {
    const result = await watch(
      start,
      ctx,
      {
        describeEndpoint: async () => {
          try {
            const out = await api.describeEndpoint(plan.endpointName)
            if (!out)
              throw new FatalPollError(
                `Endpoint ${plan.endpointName} no longer exists (deleted during the deployment).`
              )
            return toEndpointSnapshot(out)
          } catch (e) {
            if (isFatal(e)) throw new FatalPollError(`Stopped watching: ${errorMessage(e)}.`)
            throw e
          }
        },
        describeAlarms: async () => {
          try {
            return toAlarmSnapshots(await api.describeAlarms(plan.guardAlarmNames))
          } catch (e) {
            if (isFatal(e)) throw new FatalPollError(`Stopped watching: ${errorMessage(e)}.`)
            throw e
          }
        },
        now: o.now,
        sleep: o.sleep,
        onPoll: async (timeline, added) => {
          for (const event of added) core.info(formatEvent(event, timeline.startedAt))
          if (timeline.steps.length !== reportedSteps) {
            reportedSteps = timeline.steps.length
            await o.onProgress?.(plan, timeline)
          }
        },
        ...(o.signal ? { signal: o.signal } : {})
      },
      {
        deadline: requestedAt + plan.budgetSeconds * 1000,
        budgetSeconds: plan.budgetSeconds,
        pollIntervalMs: request.pollIntervalSeconds * 1000,
        floorMs: 2000,
        alarmRefreshMs: 30_000,
        maxConsecutiveFailures: 10
      }
    )
    if (
      request.cleanupOnFailure &&
      (result.verdict.outcome === 'rolled-back' || result.verdict.outcome === 'failed') &&
      result.verdict.finalStatus === 'InService' &&
      !o.signal?.aborted
    ) {
      try {
        await cleanup(api, plan.endpointName, created, log)
      } catch (e) {
        log.warning(`Cleanup failed (nothing live was touched): ${errorMessage(e)}`)
      }
    }
    return { plan, current, timeline: result.timeline, verdict: result.verdict }
  } finally {
    core.endGroup()
  }
}

/** The plan of a deployment this run already started: watch it, create nothing. */
function attachedPlan(plan: Plan, attach: Attach): Plan {
  return {
    ...plan,
    endpointConfigName: attach.configName,
    greenModelName: attach.modelName ?? plan.greenModelName,
    createModel: undefined,
    createEndpoint: undefined,
    updateEndpoint: undefined,
    alarmsToCreate: []
  }
}
