// Launch: the only place that changes anything in AWS, for every target. Alarms (upsert, skipped
// when already up to date), the green model, what the target's write needs, then the write
// (TargetWrite: the endpoint's or the component's). A repeated step reuses an identical model of
// the same name, and picks a fresh name when it differs: a re-run never fails on "already exists"
// and never changes what another attempt created. The write is never retried blindly: after any
// failure the target is read back, and only a read that shows the write was not applied allows
// another try.
import {
  isAlreadyExists,
  isCancelled,
  isTransient,
  mayHaveApplied,
  type AwsApi
} from '../aws/api.js'
import { withBackoff } from '../aws/retry.js'
import { QUOTA_WINDOW_MS } from '../aws/patient-reads.js'
import { alarmUpToDate } from '../guard/alarms.js'
import { errorMessage, sentence } from '../errors.js'
import { freshName } from '../names.js'
import type { Logger } from '../types.js'
import type { WriteState } from './reconcile.js'
import { RUN_ATTEMPT_TAG, RUN_ID_TAG, SHA_TAG, tagValue } from './step-identity.js'
import type { Plan, RunContext } from '../types.js'

/** What this run created (cleanup may only ever touch these). */
export interface Created {
  readonly model: string | undefined
  readonly config: string | undefined
  /** Alarms this attempt wrote (created or updated), when it wrote any. */
  readonly alarms?: readonly string[]
}

export type LaunchResult =
  /** SageMaker accepted the create/update (its answer, or a read, says so). */
  | {
      readonly kind: 'started'
      readonly plan: Plan
      /** Local epoch ms just before the create/update request. */
      readonly requestedAt: number
      readonly created: Created
      /** Set when the answer was lost and a read showed the write had been applied. */
      readonly confirmedByRead: string | undefined
    }
  /** The endpoint already serves the config this step would create: nothing to update. */
  | { readonly kind: 'already-live'; readonly plan: Plan; readonly created: Created }
  /** The endpoint write was not sent, or a read shows it was not applied. */
  | {
      readonly kind: 'not-started'
      readonly plan: Plan
      readonly created: Created
      readonly error: string
      /** What the read after the failure showed (undefined: the endpoint write was never sent). */
      readonly state: WriteState | undefined
      readonly cancelled: boolean
    }

export interface LaunchDeps {
  readonly api: AwsApi
  readonly log: Logger
  readonly run: RunContext
  now(): number
  /** Ends early on cancellation. */
  sleep(ms: number): Promise<void>
  /** Not cut short by cancellation: pauses between reads that find out what a write did. */
  pause(ms: number): Promise<void>
  readonly signal?: AbortSignal
  /** Alarms as pre-flight read them (by name): those already up to date are not written. */
  readonly existingAlarms?: ReadonlyMap<string, unknown>
  /** Runs just before the endpoint write (e.g. deregistering auto scaling). */
  beforeUpdate?(): Promise<void>
}

/** PutMetricAlarm is retried on throttling for this long (many rollouts share the quota). */
export const ALARM_WRITE_WINDOW_MS = QUOTA_WINDOW_MS
/** Endpoint writes tried at most this often, each only after a read shows the last one failed. */
export const ENDPOINT_WRITE_ATTEMPTS = 3

/** Cancellation noticed between two launch calls. */
export class LaunchStopped extends Error {}

export const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

export type Body = Record<string, unknown>

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

/** Whether a resource found under our name was created by this very attempt (a lost answer). */
export async function createdByThisAttempt(
  deps: LaunchDeps,
  arn: string | undefined
): Promise<boolean> {
  if (!arn) return false
  try {
    const tags = await deps.api.listTags(arn, { ignoreCancel: true, deadlineMs: 10_000 })
    return (
      tags[SHA_TAG] === tagValue(deps.run.sha) &&
      tags[RUN_ID_TAG] === tagValue(deps.run.runId) &&
      tags[RUN_ATTEMPT_TAG] === tagValue(deps.run.runAttempt)
    )
  } catch {
    return false
  }
}

export function stopIfCancelled(deps: LaunchDeps): void {
  if (deps.signal?.aborted) throw new LaunchStopped()
}

/** Writes the plan's alarms that differ from what exists; `written` gains each one written. */
export async function writeAlarms(
  plan: Plan,
  deps: LaunchDeps,
  written: string[] = []
): Promise<void> {
  for (const alarm of plan.alarmsToCreate) {
    if (alarmUpToDate(deps.existingAlarms?.get(alarm.name), alarm.request)) {
      deps.log.info(`Alarm ${alarm.name} is already up to date: ${alarm.watches}`)
      continue
    }
    await withBackoff(() => deps.api.putMetricAlarm(alarm.request), {
      withinMs: ALARM_WRITE_WINDOW_MS,
      now: deps.now,
      sleep: deps.sleep,
      stopped: () => deps.signal?.aborted === true,
      onRetry: (e, attempt, delay) =>
        deps.log.info(
          `PutMetricAlarm ${alarm.name}: ${errorMessage(e)}; trying again in ${Math.round(delay / 1000)} s (attempt ${attempt + 1})`
        )
    })
    written.push(alarm.name)
    deps.log.info(`Alarm ${alarm.name} created/updated: ${alarm.watches}`)
  }
}

/** The names of the creates in flight: after a lost answer, these are the ones to look up. */
export interface InFlight {
  model?: string
  config?: string
}

/** Creates the model; returns its name and whether this attempt created it. */
export async function ensureModel(
  plan: Plan,
  deps: LaunchDeps,
  inFlight: InFlight
): Promise<[string, boolean]> {
  let body = plan.createModel
  if (!body) return [plan.greenModelName, false]
  for (let attempt = 0; attempt < 2; attempt++) {
    const name = body.ModelName as string
    inFlight.model = name
    try {
      await deps.api.createModel(body)
      deps.log.info(`Created model ${name}`)
      return [name, true]
    } catch (e) {
      if (!isAlreadyExists(e)) throw e
      const existing = await deps.api.describeModel(name)
      if (modelMatches(existing, body)) {
        const ours = await createdByThisAttempt(deps, existing?.ModelArn)
        deps.log.info(
          ours
            ? `Model ${name} exists with this step's definition, made by this run attempt (a lost answer, or a copy of this step running at the same time)`
            : `Reusing model ${name} (created earlier with the same definition)`
        )
        return [name, ours]
      }
      const fresh = freshName(plan.greenModelName, body)
      deps.log.info(`Model ${name} exists with another definition; using the fresh name ${fresh}`)
      body = { ...body, ModelName: fresh }
    }
  }
  throw new Error(`Could not find a free model name for ${plan.greenModelName}.`)
}

/**
 * After a create failed in a way that may have reached SageMaker (a lost answer, a cancel in
 * flight), looks the resource up: if this attempt created it, it is listed and counted as ours.
 */
export async function lookUpInFlight(
  deps: LaunchDeps,
  inFlight: InFlight,
  created: Created
): Promise<Created> {
  const read = { ignoreCancel: true, deadlineMs: 10_000 }
  let { model, config } = created
  try {
    if (!model && inFlight.model) {
      const found = await deps.api.describeModel(inFlight.model, read)
      if (await createdByThisAttempt(deps, found?.ModelArn)) model = inFlight.model
    }
    if (!config && inFlight.config) {
      const found = await deps.api.describeEndpointConfig(inFlight.config, read)
      if (await createdByThisAttempt(deps, found?.EndpointConfigArn)) config = inFlight.config
    }
  } catch {
    // Unknown: list only what is known to exist.
  }
  return { model, config }
}

export function createdList(created: Created): string[] {
  return [
    created.model === undefined ? '' : `model ${created.model}`,
    created.config === undefined ? '' : `endpoint config ${created.config}`,
    created.alarms?.length
      ? `alarm${created.alarms.length === 1 ? '' : 's'} ${created.alarms.join(', ')}`
      : ''
  ].filter(Boolean)
}

/** What differs between targets in a launch: what the write needs, the write, and its read-back. */
export interface TargetWrite {
  /** "endpoint", "inference component": the messages' subject. */
  readonly noun: string
  /** After the model: whatever else the write needs (an endpoint config), as the plan to write. */
  prepare(plan: Plan, modelName: string, deps: LaunchDeps, inFlight: InFlight): Promise<Prepared>
  /** The target already serves the prepared plan: a line for the log, and no write. */
  alreadyLive?(launched: Plan, plan: Plan): string | undefined
  /** The write's operation (CreateEndpoint, UpdateEndpoint, UpdateInferenceComponent). */
  operation(plan: Plan): string
  send(plan: Plan, api: AwsApi): Promise<void>
  /** The log line once the write is accepted. */
  requested(plan: Plan): string
  /** The log line when a read shows a failed write reached SageMaker. */
  reached(plan: Plan, seen: string): string
  readBack(plan: Plan, deps: LaunchDeps, mayStillArrive: boolean): Promise<WriteState>
}

export interface Prepared {
  readonly plan: Plan
  /** The endpoint config this attempt created, if any. */
  readonly config: string | undefined
}

/**
 * The alarms, the model, what the target's write needs, then the write: the only writes of a run.
 * The alarms come first so they have evaluated before any shift; whatever was written before a
 * failure is named (pre-flight has checked the artifact, image and capacity, so few are). After
 * any failure of the write, the target is read back before anything is decided.
 */
export async function launchWith(
  plan: Plan,
  target: TargetWrite,
  deps: LaunchDeps
): Promise<LaunchResult> {
  let created: Created = { model: undefined, config: undefined }
  const inFlight: InFlight = {}
  let launched = plan
  const alarms: string[] = []
  try {
    await writeAlarms(plan, deps, alarms)
    if (alarms.length) created = { ...created, alarms }
    stopIfCancelled(deps)
    const [modelName, createdModel] = await ensureModel(plan, deps, inFlight)
    created = { ...created, model: createdModel ? modelName : undefined }
    const prepared = await target.prepare(plan, modelName, deps, inFlight)
    created = { ...created, config: prepared.config }
    launched = prepared.plan
    stopIfCancelled(deps)
    if (deps.beforeUpdate && !target.alreadyLive?.(launched, plan)) await deps.beforeUpdate()
  } catch (e) {
    const cancelled = e instanceof LaunchStopped || isCancelled(e) || deps.signal?.aborted === true
    if (!(e instanceof LaunchStopped) && mayHaveApplied(e)) {
      created = await lookUpInFlight(deps, inFlight, created)
    }
    if (alarms.length) created = { ...created, alarms }
    const made = createdList(created)
    const error = cancelled
      ? `Cancelled before the ${target.noun} update was requested.${made.length ? ` Created and left in place for a re-run to reuse: ${made.join(' and ')}.` : ''}`
      : `${sentence(errorMessage(e))}${made.length ? ` Created before it stopped: ${made.join(' and ')}.` : ''}`
    return { kind: 'not-started', plan: launched, created, error, state: undefined, cancelled }
  }
  // Already live (a repeated step): an update to itself would double the fleet for nothing, and
  // its verdict could not tell a rollback from success.
  const live = target.alreadyLive?.(launched, plan)
  if (live !== undefined) {
    deps.log.info(live)
    return { kind: 'already-live', plan: launched, created }
  }
  return requestChange(launched, created, deps, target)
}

/** The target's write, read back after any failure before anything is decided. */
async function requestChange(
  plan: Plan,
  created: Created,
  deps: LaunchDeps,
  target: TargetWrite
): Promise<LaunchResult> {
  // Throws on a plan with nothing to write, before anything is sent.
  target.operation(plan)
  let requestedAt = deps.now()
  for (let attempt = 1; ; attempt++) {
    requestedAt = deps.now()
    try {
      await target.send(plan, deps.api)
      deps.log.info(target.requested(plan))
      return { kind: 'started', plan, requestedAt, created, confirmedByRead: undefined }
    } catch (e) {
      const error = errorMessage(e)
      deps.log.warning(
        `${error} Reading the ${target.noun} to see whether the request was applied.`
      )
      const read = await target.readBack(plan, deps, mayHaveApplied(e))
      const cancelled = isCancelled(e) || deps.signal?.aborted === true
      // Cut off by a cancellation, the request may still reach SageMaker after any read this run
      // can still make: "not applied" is only what SageMaker answered, never what a read showed.
      const state: WriteState =
        read.kind === 'not-applied' && cancelled && mayHaveApplied(e)
          ? {
              kind: 'unknown',
              seen: `${read.seen} when read, but the cancelled request may still reach SageMaker and be applied`
            }
          : read
      if (state.kind === 'applied') {
        deps.log.info(target.reached(plan, state.seen))
        return { kind: 'started', plan, requestedAt, created, confirmedByRead: state.seen }
      }
      if (state.kind === 'not-applied' && isTransient(e) && !cancelled) {
        if (attempt < ENDPOINT_WRITE_ATTEMPTS) {
          deps.log.info(
            `The ${target.noun} is ${state.seen}: the request was not applied. Trying again (attempt ${attempt + 1} of ${ENDPOINT_WRITE_ATTEMPTS}).`
          )
          await deps.sleep(2000 * attempt)
          if (!deps.signal?.aborted) continue
        }
      }
      return { kind: 'not-started', plan, created, error, state, cancelled }
    }
  }
}
