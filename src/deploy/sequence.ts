// The deploy sequence behind run(), the same for every target (target.ts): pre-flight (reads),
// plan (pure), launch (the only writes), watch, verdict. Every failure becomes a verdict here, so
// report() always has something true to say; after a failed write that verdict rests on a read
// of the target, never on the error alone.
import * as core from '@actions/core'
import { isCancelled, isFatal, type AwsApi } from '../aws/api.js'
import {
  checkAutoScaling,
  deregister,
  describeScaling,
  restore,
  scalingJson
} from './auto-scaling.js'
import { COPY_KEY, copyFromTags, copyTags } from './scaling-copy.js'
import { endpointTarget, preflightHint } from '../target/endpoint/index.js'
import { errorMessage, sentence } from '../errors.js'
import { createdList, launchWith, type Created, type LaunchResult } from './launch.js'
import { actionLog as log } from '../log.js'
import { checkAlarms, PreflightError, shortTimeout } from './preflight.js'
import { checkCapacity } from './capacity.js'
import { refuseBadArtifacts } from './artifacts.js'
import { redact, registerSecrets } from '../secrets.js'
import type { Gate } from '../guard/gate/gate.js'
import type { Found, Target } from './target.js'
import type {
  GateReport,
  AutoScalingReport,
  SavedScaling,
  CurrentEndpoint,
  DeployRequest,
  DeployResult,
  Plan,
  RunContext,
  Timeline,
  Verdict
} from '../types.js'
import { cancelledBefore, failedBefore, planned } from '../verdict.js'
import { whoMade } from './other-run.js'
import { watchRollout } from '../watch/rollout.js'
import { watchAfterCompletion } from '../guard/after-completion.js'
import { ROLLBACK_BUDGET_MS, rollBackRegression } from '../guard/regression-rollback.js'
import {
  acceptedRiskText,
  finalStepRefusal,
  guardFacts,
  guardTimings,
  retainedRiskText,
  unguardedFinalStep
} from '../guard/final-step.js'

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
  /** Called with auto scaling the run is about to deregister (before the call). */
  onScalingSaved?(saved: SavedScaling): Promise<void>
  /** Called once the update is accepted and whenever the traffic table gains a row. */
  onProgress?(plan: Plan, timeline: Timeline, gate?: GateReport): Promise<void>
}

const NOTHING_CHANGED = 'Nothing was changed in AWS.'

/** A left copy's restore that did not complete: it may have written part of the registration. */
class PartlyRestored extends PreflightError {}
const PARTLY_RESTORED =
  'The restore may have registered part of it (it reads before it writes, so a re-run completes it); nothing else was changed in AWS.'

/** A pause that cancellation does not cut short (reads that find out what a write did). */
const pause = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

type Scaling = Awaited<ReturnType<typeof checkAutoScaling>>

/** Pre-flight's findings, when the run goes on. */
interface Ready {
  readonly found: Found
  readonly existingAlarms: ReadonlyMap<string, unknown> | undefined
  readonly scaling: Scaling
}

export async function deploy(o: DeployOptions): Promise<DeployResult> {
  const target = await targetOf(o)
  const ready = await preflight(o, target)
  if (!('found' in ready)) return ready
  const { found } = ready
  if (found.alreadyLive) {
    const { line, verdict } = target.alreadyLive(found)
    log.info(line)
    return { plan: found.plan, current: found.current, timeline: undefined, verdict }
  }
  if (o.request.dryRun) {
    return {
      plan: found.plan,
      current: found.current,
      timeline: undefined,
      verdict: planned(found.plan, 'Plan only (dry-run): nothing was changed in AWS.')
    }
  }
  if (o.signal?.aborted) {
    return {
      plan: found.plan,
      current: found.current,
      timeline: undefined,
      verdict: cancelledBefore(`Cancelled before launch. ${NOTHING_CHANGED}`)
    }
  }
  const gate = found.attached ? undefined : await gateFor(o, found.plan)
  if (gate) {
    core.startGroup(`Verification gate: baseline on the live endpoint`)
    let refusal: string | undefined
    try {
      refusal = await gate.baselineOnBlue()
    } finally {
      core.endGroup()
    }
    if (refusal || o.signal?.aborted) {
      const why = refusal ?? 'Cancelled during the verification baseline.'
      return {
        plan: found.plan,
        current: found.current,
        timeline: undefined,
        verdict: (refusal ? failedBefore : cancelledBefore)(`${why} ${NOTHING_CHANGED}`, why),
        gate: await gate.stop()
      }
    }
  }
  const { saved, reregister } = ready.scaling
  if (!reregister || !saved) return launchAndWatch(o, target, ready, undefined, gate)
  // Auto scaling is deregistered just before the update; whatever happens, it is put back.
  const aas = await o.api.autoScaling()
  const arn = ready.found.current?.endpointArn
  const copy = copyTags(saved, o.run.runId)
  let deregistered = false
  const result = await launchAndWatch(
    o,
    target,
    ready,
    async () => {
      // Kept where it survives this runner first: the outputs and summary, and tags on the endpoint
      // that the next run of the action finds.
      if (!arn || !copy) {
        throw new Error(
          `Auto scaling of ${saved.resourceId} is not deregistered: there is nowhere to keep a copy of it that outlives this run (${arn ? 'too large for the endpoint tags' : 'the endpoint ARN is unknown'}).`
        )
      }
      await o.onScalingSaved?.(saved)
      await o.api.addTags(arn, copy)
      log.info(
        `Saved auto scaling of ${saved.resourceId} (in the auto-scaling output, and tags ${COPY_KEY}* on the endpoint until it is restored): ${scalingJson(saved)}`
      )
      // From the moment the call is sent it may have been applied (a lost answer, a cancellation):
      // the restore, which reads before it writes, runs whatever the call's fate.
      deregistered = true
      await deregister(aas, saved, log)
    },
    gate
  )
  if (!deregistered) return result
  const autoScaling = await restore(aas, saved, log, clockOf(o))
  if (!autoScaling.restored) {
    return { ...result, autoScaling, verdict: notRestored(result.verdict, autoScaling) }
  }
  await forgetCopy(o.api, arn, copy)
  return { ...result, autoScaling }
}

const clockOf = (o: DeployOptions) => ({ now: o.now, sleep: o.pause ?? pause, random: Math.random })

/** The copy on the endpoint is no longer needed; left behind, the next run finds it identical. */
async function forgetCopy(
  api: AwsApi,
  arn: string | undefined,
  tags: readonly { Key: string }[] | undefined
): Promise<void> {
  if (!arn || !tags) return
  try {
    await api.deleteTags(
      arn,
      tags.map(t => t.Key),
      { ignoreCancel: true }
    )
  } catch (e) {
    log.warning(
      `Could not remove the saved auto scaling tags (${COPY_KEY}*) from the endpoint: ${errorMessage(e)}. The next run finds them, sees auto scaling as saved, and removes them.`
    )
  }
}

/**
 * A copy of auto scaling that an earlier run deregistered and did not restore (its runner died,
 * or the restore failed): restored before anything else, or the run stops here.
 */
async function restoreLeftCopy(o: DeployOptions, current: CurrentEndpoint | null): Promise<void> {
  const tags = current?.endpointTags
  if (!current?.endpointArn || !tags || tags[COPY_KEY] === undefined) return
  const found = copyFromTags(tags)
  if (!found) {
    throw new PreflightError(
      `The endpoint carries an incomplete copy of auto scaling an earlier run deregistered (tags ${COPY_KEY}*), which cannot be read back. Check Application Auto Scaling for the endpoint's variants, register what is missing, then delete those tags.`
    )
  }
  const from = `run ${found.runId}`
  if (o.request.dryRun) {
    log.warning(
      `Auto scaling of ${found.saved.resourceId} was deregistered by ${from} and may not be restored (tags ${COPY_KEY}* on the endpoint): a real run restores it first.`
    )
    return
  }
  log.info(
    `The endpoint carries auto scaling that ${from} deregistered for its update (${describeScaling(found.saved)}): restoring it before anything else.`
  )
  const report = await restore(await o.api.autoScaling(), found.saved, log, clockOf(o))
  if (!report.restored) {
    throw new PartlyRestored(
      `Auto scaling of ${found.saved.resourceId}, deregistered by ${from}, could not be restored (${report.errors.join('; ')}). Register it again from tags ${COPY_KEY}* or the auto-scaling output of that run: ${scalingJson(found.saved)}`
    )
  }
  await forgetCopy(
    o.api,
    current.endpointArn,
    found.keys.map(Key => ({ Key }))
  )
}

/** A restore that did not complete fails the job, whatever the deployment did (said too). */
function notRestored(verdict: Verdict, report: AutoScalingReport): Verdict {
  const what = `Auto scaling of ${report.saved.resourceId} was deregistered for the update and is not restored (${report.errors.join('; ')})`
  return {
    ...verdict,
    outcome: 'failed',
    failureReason: `${what}.`,
    summary: `${what}: the job fails. Register it again with the commands below (also in the auto-scaling output). The deployment itself: ${verdict.outcome}. ${verdict.summary}`
  }
}

/**
 * An update SageMaker applies all at once with no bake (guardrails exclude it) is refused unless
 * the step accepts it; then the headline says so.
 */
function acceptExclusion(request: DeployRequest, plan: Plan, excluded: string | undefined): Plan {
  if (excluded === undefined) return plan
  if (!request.acceptUnguardedUpdate) {
    throw new PreflightError(
      `${excluded} Refused before any change: deploy to a type that guardrails cover (e.g. ml.inf2 for Inferentia) or a model built from the package's artifact, or set accept-unguarded-update: true to accept an unguarded update.`
    )
  }
  const risk = `Unguarded update (accept-unguarded-update: true). ${excluded}`
  log.warning(risk)
  return { ...plan, unguardedFinalStep: risk }
}

/** The target this step updates: an inference component, or the endpoint's variant. */
async function targetOf(o: DeployOptions): Promise<Target> {
  const context = { ...o, log, sleep: (ms: number) => o.sleep(ms, o.signal) }
  const name = o.request.inferenceComponentName
  if (name === undefined) return endpointTarget(context)
  // A small chunk of its own: endpoint runs never load it.
  const { componentTarget } = await import('../target/component/index.js')
  return componentTarget(context, name)
}

/** Reads only: the live target, the plan against it, the alarms and auto scaling. */
async function preflight(o: DeployOptions, target: Target): Promise<Ready | DeployResult> {
  const { request } = o
  let plan: Plan | undefined
  let current: CurrentEndpoint | null | undefined
  core.startGroup(`Pre-flight: ${target.preflightTitle}`)
  try {
    let found: Found
    try {
      found = await target.read(o.now() + (request.timeoutMinutes ?? 30) * 60 * 1000)
    } catch (e) {
      // A dry run can still say what it would do, but not whether the target exists.
      if (!(request.dryRun && isFatal(e))) throw e
      return target.unreadableDryRun(e)
    }
    ;({ plan, current } = found)
    log.info(target.liveLine(found))
    registerSecrets(plan.secretValues)
    for (const note of found.notes) log.warning(note)
    for (const note of plan.notes) log.info(note)
    for (const warning of plan.warnings) log.warning(warning)
    if (plan.carriedOver.length) {
      log.info(`Carried over from the ${target.carriedFrom}: ${plan.carriedOver.join('; ')}.`)
    }
    const short = shortTimeout(request, plan)
    if (short && !found.attached && !found.alreadyLive) {
      if (!request.dryRun) throw new PreflightError(short)
      log.warning(short)
    }
    let existingAlarms: ReadonlyMap<string, unknown> | undefined
    let scaling: Scaling = { saved: undefined, reregister: false, note: undefined }
    // Not while a deployment runs (its run, if alive, restores what it took down).
    if (!found.attached) await restoreLeftCopy(o, current ?? null)
    // Attached to a running deployment, its alarms may be firing because of it: no check.
    if (!found.attached && !found.alreadyLive) {
      try {
        existingAlarms = await checkAlarms(request, plan, { api: o.api, log })
        const guard = guardFacts(
          request,
          plan,
          guardTimings(plan, existingAlarms, request.metricDelaySeconds)
        )
        if (guard) plan = { ...plan, guard }
        if (unguardedFinalStep(guard)) {
          const retained = guard.retained === true
          if (!retained && !request.acceptUnguardedFinalStep)
            throw new PreflightError(finalStepRefusal(guard))
          const risk = retained ? retainedRiskText(guard) : acceptedRiskText(guard)
          log.warning(risk)
          plan = { ...plan, unguardedFinalStep: risk }
        }
        // What the new model names (artifact, image, package): before CreateModel, not after it.
        const artifacts = await refuseBadArtifacts(plan, o.api, log, {
          requireApproved: request.requireApprovedPackage
        })
        const marketplace = artifacts?.marketplace === true
        plan = acceptExclusion(request, plan, target.guardrailExclusion(plan, marketplace))
        if (current) {
          scaling = await checkAutoScaling(o.api, {
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
        // The peak fleet against the account's instance quota (endpoint targets only).
        if (request.inferenceComponentName === undefined) {
          const capacity = await checkCapacity(plan, current, o.api, log)
          if (capacity.refusal) throw new PreflightError(capacity.refusal)
          if (capacity.note) log.info(capacity.note)
          if (capacity.note) plan = { ...plan, notes: [...plan.notes, capacity.note] }
        }
      } catch (e) {
        // A plan still shows what would happen; a deployment stops here.
        if (!request.dryRun) throw e
        log.warning(errorMessage(e))
      }
    }
    return { found: { ...found, plan }, existingAlarms, scaling }
  } catch (e) {
    const message = sentence(errorMessage(e))
    // A read cut off by the cancellation: the run was cancelled, not refused.
    return {
      plan,
      current,
      timeline: undefined,
      verdict: (isCancelled(e) ? cancelledBefore : failedBefore)(
        `${message}${preflightHint(e)} ${e instanceof PartlyRestored ? PARTLY_RESTORED : NOTHING_CHANGED}`,
        message
      )
    }
  } finally {
    core.endGroup()
  }
}

/** The only writes, then the watch to a verdict. */
async function launchAndWatch(
  o: DeployOptions,
  target: Target,
  ready: Ready,
  beforeUpdate: (() => Promise<void>) | undefined,
  gate: Gate | undefined
): Promise<DeployResult> {
  if (!gate) return launchAndWatchGated(o, target, ready, beforeUpdate, undefined)
  const result = await launchAndWatchGated(o, target, ready, beforeUpdate, gate)
  return { ...result, gate: await gate.stop() }
}

/** The step's verification gate, when it has one (guard/gate): its calls load only then. */
async function gateFor(o: DeployOptions, plan: Plan): Promise<Gate | undefined> {
  const request = o.request.gate
  if (!plan.gate || !request || o.request.dryRun) return undefined
  const api = await o.api.gate?.()
  if (!api) return undefined
  const { Gate } = await import('../guard/gate/gate.js')
  return new Gate(plan.gate, request, {
    api,
    endpointName: plan.endpointName,
    region: plan.region,
    cwd: process.env['GITHUB_WORKSPACE'] || process.cwd(),
    log,
    now: o.now,
    sleep: o.sleep,
    pause: o.pause ?? pause,
    redact,
    ...(o.signal ? { signal: o.signal } : {})
  })
}

async function launchAndWatchGated(
  o: DeployOptions,
  target: Target,
  { found, existingAlarms }: Ready,
  beforeUpdate: (() => Promise<void>) | undefined,
  gate: Gate | undefined
): Promise<DeployResult> {
  const { request, api } = o
  const { current } = found
  let plan = found.plan
  let requestedAt = o.now()
  let created: Created = { model: undefined, config: undefined }
  if (!found.attached) {
    core.startGroup(target.launchTitle(plan))
    let launched: LaunchResult
    try {
      launched = await launchWith(plan, target.write, {
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
      const { verdict } = target.alreadyLive({ ...found, plan })
      return { plan, current, timeline: undefined, verdict }
    }
    if (launched.kind === 'not-started') return notStarted(o, target, plan, current, launched)
    requestedAt = launched.requestedAt
    gate?.start()
    if (o.signal?.aborted) {
      const verdict = target.cancelledAfterStart(plan, launched)
      const said = gate ? ` ${await gate.onCancel()}` : ''
      return {
        plan,
        current,
        timeline: undefined,
        verdict: { ...verdict, summary: verdict.summary + said }
      }
    }
  }
  const { ctx, start, rolling, component, startedOnly } = target.watchSetup(
    plan,
    found,
    requestedAt
  )
  await o.onProgress?.(plan, start)
  if (!request.wait) return { plan, current, timeline: start, verdict: startedOnly }
  // The gate follows the traffic the watch sees: each new share of green is a step of its own.
  const onProgress = async (p: Plan, t: Timeline): Promise<void> => {
    const green = t.batches?.at(-1)?.newPercent ?? t.steps.at(-1)?.greenPercent
    if (green !== undefined) gate?.observe(green)
    await o.onProgress?.(p, t, gate?.snapshot())
  }
  const watched = await watchRollout({
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
    onProgress,
    ...(rolling ? { rolling } : {}),
    ...(component ? { component } : {})
  })
  // SageMaker no longer watches the alarms once it completes: this run does, until they can
  // have seen the new model at full traffic.
  const after = await watchAfterCompletion(
    plan,
    watched.timeline,
    watched.verdict,
    request.metricDelaySeconds,
    {
      api,
      now: o.now,
      sleep: o.sleep,
      log,
      random: Math.random,
      ...(o.signal ? { signal: o.signal } : {})
    }
  )
  let result = { timeline: after.timeline, verdict: gateVerdict(gate, after.verdict) }
  if (gate && o.signal?.aborted && after.verdict.outcome !== 'deployed') {
    const said = await gate.onCancel()
    result = {
      ...result,
      verdict: { ...result.verdict, summary: `${result.verdict.summary} ${said}` }
    }
  }
  if (result.timeline.steps !== watched.timeline.steps) await o.onProgress?.(plan, result.timeline)
  if (result.verdict.outcome === 'regressed') result = await onRegression(o, plan, result)
  if (
    request.cleanupOnFailure &&
    (result.verdict.outcome === 'rolled-back' || result.verdict.outcome === 'failed') &&
    result.verdict.finalStatus === 'InService' &&
    !o.signal?.aborted
  ) {
    await cleanupQuietly(api, target, plan, created)
  }
  let verdict = await withOther(o, result.timeline, result.verdict)
  if (plan.restore && verdict.outcome === 'deployed') {
    verdict = {
      ...verdict,
      summary: `Restored on request (rollback-to: ${plan.restore.requested}): ${verdict.summary}`
    }
  }
  return { plan, current, timeline: result.timeline, verdict }
}

/** A rollback the gate caused says which check failed (the alarm alone says only "gate"). */
function gateVerdict(gate: Gate | undefined, verdict: Verdict): Verdict {
  const why = gate?.failure()
  if (!why || verdict.outcome === 'deployed') return verdict
  return { ...verdict, summary: `${verdict.summary} The verification gate failed: ${why}` }
}

/** SageMaker no longer rolls back: the action does, when the step asks for it. */
async function onRegression(
  o: DeployOptions,
  plan: Plan,
  r: { timeline: Timeline; verdict: Verdict }
): Promise<{ timeline: Timeline; verdict: Verdict }> {
  if (o.request.onRegression !== 'rollback') return r
  if (plan.component) {
    const verdict = {
      ...r.verdict,
      summary: `${r.verdict.summary} (on-regression: rollback applies to endpoints only: deploy the previous model to this inference component.)`
    }
    return { ...r, verdict }
  }
  core.startGroup(`Rolling back ${plan.endpointName} (on-regression: rollback)`)
  try {
    const back = await rollBackRegression(plan, r.timeline, r.verdict, {
      api: o.api,
      now: o.now,
      sleep: o.sleep,
      log,
      pollIntervalMs: o.request.pollIntervalSeconds * 1000,
      budgetMs: ROLLBACK_BUDGET_MS,
      ...(o.signal ? { signal: o.signal } : {})
    })
    await o.onProgress?.(plan, back.timeline)
    return { timeline: back.timeline, verdict: back.verdict }
  } finally {
    core.endGroup()
  }
}

/** Another deployment that came after this run's: who made it and when, when its tags say. */
async function withOther(o: DeployOptions, t: Timeline, verdict: Verdict): Promise<Verdict> {
  const other = t.other
  if (!other) return verdict
  const kind = o.request.inferenceComponentName === undefined ? 'config' : 'model'
  const who = await whoMade(o.api, kind, other.configName)
  if (!who) return verdict
  return { ...verdict, summary: `${verdict.summary} ${other.configName} was ${who}.` }
}

async function cleanupQuietly(
  api: AwsApi,
  target: Target,
  plan: Plan,
  created: Created
): Promise<void> {
  try {
    await target.cleanup(api, plan, created, log)
  } catch (e) {
    log.warning(`Cleanup failed (nothing live was touched): ${errorMessage(e)}`)
  }
}

/** The write was not applied (or never sent): say what a read proved, and no more. */
async function notStarted(
  o: DeployOptions,
  target: Target,
  plan: Plan,
  current: CurrentEndpoint | null | undefined,
  launched: Extract<LaunchResult, { kind: 'not-started' }>
): Promise<DeployResult> {
  const { state, cancelled, created } = launched
  const error = sentence(launched.error)
  const operation = target.write.operation(plan)
  const words = target.notStartedWords(plan, current, error)
  let summary: string
  if (state === undefined) {
    summary = `${cancelled ? error : `Launch failed: ${error}`} ${words.subject} was not changed: no ${operation} was sent.`
  } else if (state.kind === 'not-applied') {
    summary = `${cancelled ? `Cancelled while ${operation} was in flight` : `Launch failed: ${error}`} A read of ${words.read} afterwards shows it ${state.seen}: this run did not change it.${words.notAppliedHint}`
  } else {
    summary = `${cancelled ? `Cancelled while ${operation} was in flight.` : `Launch failed: ${error}`} Whether SageMaker applied the ${operation} is unknown: ${state.seen}. Look at the ${words.lookAt} before anything else${words.unknownTail}.`
  }
  // Only what a read proved unused, only when this run made it, never after a cancellation.
  const proven = state === undefined || state.kind === 'not-applied'
  const cleaned =
    o.request.cleanupOnFailure && proven && !cancelled && (created.model || created.config)
  if (cleaned) await cleanupQuietly(o.api, target, plan, created)
  // Before a write that was sent, say what the run wrote for it (the error of an unsent one does).
  const made = createdList(created)
  if (state !== undefined && made.length) {
    summary += ` Written for it before: ${made.join(' and ')}${cleaned ? ' (cleanup-on-failure then removes what nothing uses: see the log)' : ''}.`
  }
  const verdict = (cancelled ? cancelledBefore : failedBefore)(summary, error)
  return { plan, current, timeline: undefined, verdict }
}
