// Launch into an inference component: the alarms and the new model as for an endpoint, then
// exactly one UpdateInferenceComponent. It is not idempotent, so the SDK does not retry it; after
// any failure the component is read back, and only a read that shows the update was not applied
// allows another try (transient failures, at most three tries in all).
import { isCancelled, isTransient, mayHaveApplied, type AwsApi } from '../aws/api.js'
import { errorMessage, sentence } from '../errors.js'
import {
  createdList,
  ensureModel,
  ENDPOINT_WRITE_ATTEMPTS,
  LaunchStopped,
  lookUpInFlight,
  stopIfCancelled,
  writeAlarms,
  type Created,
  type InFlight,
  type LaunchDeps,
  type LaunchResult
} from '../launch.js'
import type { WriteState } from '../reconcile.js'
import type { Plan } from '../types.js'
import type { DescribeComponentLike } from './live.js'

const READS = 3
const READ_PAUSE_MS = 2000
const READ_DEADLINE_MS = 10_000

/** The component in one phrase, for messages. */
export function describeComponentState(c: DescribeComponentLike | undefined): string {
  if (!c) return 'the inference component does not exist'
  const spec = (c.Specification ?? c.Specifications?.[0]) as { ModelName?: unknown } | undefined
  return `${c.InferenceComponentStatus ?? 'Unknown'} on ${typeof spec?.ModelName === 'string' ? spec.ModelName : '?'}`
}

/**
 * Pure: whether a read shows this run's update: the component on this step's model, or updating
 * since the request (LastModifiedTime later than before it).
 */
export function classifyComponentWrite(
  c: DescribeComponentLike | undefined,
  modelName: string,
  lastModifiedBefore: number | undefined
): WriteState {
  const seen = describeComponentState(c)
  if (!c) return { kind: 'not-applied', seen }
  const spec = (c.Specification ?? c.Specifications?.[0]) as { ModelName?: unknown } | undefined
  const modified = c.LastModifiedTime instanceof Date ? c.LastModifiedTime.getTime() : undefined
  const moved =
    modified !== undefined && lastModifiedBefore !== undefined && modified > lastModifiedBefore
  const applied =
    spec?.ModelName === modelName || (c.InferenceComponentStatus === 'Updating' && moved)
  return { kind: applied ? 'applied' : 'not-applied', seen }
}

async function readBack(
  api: AwsApi,
  plan: Plan,
  pause: (ms: number) => Promise<void>,
  mayStillArrive: boolean
): Promise<WriteState> {
  const component = plan.component
  if (!component) throw new Error('not a component plan')
  let last: WriteState | undefined
  let lastError = ''
  for (let read = 1; read <= READS; read++) {
    try {
      const c = await api.describeInferenceComponent(component.name, {
        ignoreCancel: true,
        deadlineMs: READ_DEADLINE_MS
      })
      last = classifyComponentWrite(c, plan.greenModelName, component.lastModifiedTime)
      if (last.kind === 'applied' || !mayStillArrive || read > 1) return last
    } catch (e) {
      lastError = errorMessage(e)
    }
    if (read < READS) await pause(READ_PAUSE_MS)
  }
  return last ?? { kind: 'unknown', seen: `no read succeeded (${lastError})` }
}

export async function launchComponent(plan: Plan, deps: LaunchDeps): Promise<LaunchResult> {
  const component = plan.component
  if (!component) throw new Error('not a component plan')
  let created: Created = { model: undefined, config: undefined }
  const inFlight: InFlight = {}
  let launched = plan
  try {
    await writeAlarms(plan, deps)
    stopIfCancelled(deps)
    const [modelName, createdModel] = await ensureModel(plan, deps, inFlight)
    created = { model: createdModel ? modelName : undefined, config: undefined }
    launched = withModel(plan, modelName)
    stopIfCancelled(deps)
  } catch (e) {
    const cancelled = e instanceof LaunchStopped || isCancelled(e) || deps.signal?.aborted === true
    if (!(e instanceof LaunchStopped) && mayHaveApplied(e)) {
      created = await lookUpInFlight(deps, inFlight, created)
    }
    const made = createdList(created)
    const error = cancelled
      ? `Cancelled before the inference component update was requested.${made.length ? ` Created and left in place for a re-run to reuse: ${made.join(' and ')}.` : ''}`
      : `${sentence(errorMessage(e))}${made.length ? ` Created before it stopped: ${made.join(' and ')}.` : ''}`
    return { kind: 'not-started', plan: launched, created, error, state: undefined, cancelled }
  }
  return requestUpdate(launched, created, deps)
}

/** The plan with the model actually created (a fresh name when another run took the planned one). */
function withModel(plan: Plan, modelName: string): Plan {
  const component = plan.component
  if (!component || modelName === plan.greenModelName) return plan
  const body = component.updateInferenceComponent
  const spec = body['Specification'] as Record<string, unknown>
  return {
    ...plan,
    greenModelName: modelName,
    ...(plan.createModel ? { createModel: { ...plan.createModel, ModelName: modelName } } : {}),
    component: {
      ...component,
      updateInferenceComponent: { ...body, Specification: { ...spec, ModelName: modelName } }
    }
  }
}

async function requestUpdate(
  plan: Plan,
  created: Created,
  deps: LaunchDeps
): Promise<LaunchResult> {
  const component = plan.component
  if (!component) throw new Error('not a component plan')
  let requestedAt = deps.now()
  for (let attempt = 1; ; attempt++) {
    requestedAt = deps.now()
    try {
      await deps.api.updateInferenceComponent(component.updateInferenceComponent)
      deps.log.info(
        `UpdateInferenceComponent ${component.name} → ${plan.greenModelName} requested (batches of ${component.batchCopies} of ${component.copies} copies)`
      )
      return { kind: 'started', plan, requestedAt, created, confirmedByRead: undefined }
    } catch (e) {
      const error = errorMessage(e)
      deps.log.warning(
        `${error} Reading the inference component to see whether the request was applied.`
      )
      const state = await readBack(deps.api, plan, ms => deps.pause(ms), mayHaveApplied(e))
      const cancelled = isCancelled(e) || deps.signal?.aborted === true
      if (state.kind === 'applied') {
        deps.log.info(`UpdateInferenceComponent reached SageMaker: the component is ${state.seen}.`)
        return { kind: 'started', plan, requestedAt, created, confirmedByRead: state.seen }
      }
      if (state.kind === 'not-applied' && isTransient(e) && !cancelled) {
        if (attempt < ENDPOINT_WRITE_ATTEMPTS) {
          deps.log.info(
            `The inference component is ${state.seen}: the request was not applied. Trying again (attempt ${attempt + 1} of ${ENDPOINT_WRITE_ATTEMPTS}).`
          )
          await deps.sleep(2000 * attempt)
          if (!deps.signal?.aborted) continue
        }
      }
      return { kind: 'not-started', plan, created, error, state, cancelled }
    }
  }
}
