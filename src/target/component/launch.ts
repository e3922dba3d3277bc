// Launch into an inference component: the alarms and the new model as for an endpoint, then
// exactly one UpdateInferenceComponent. It is not idempotent, so the SDK does not retry it; after
// any failure the component is read back, and only a read that shows the update was not applied
// allows another try (transient failures, at most three tries in all).
import type { AwsApi } from '../../aws/api.js'
import {
  launchWith,
  type LaunchDeps,
  type LaunchResult,
  type TargetWrite
} from '../../deploy/launch.js'
import { readBackWith, type WriteState } from '../../deploy/reconcile.js'
import type { Plan } from '../../types.js'
import type { DescribeComponentLike } from './live.js'

/** The component in one phrase, for messages. */
export function describeComponentState(c: DescribeComponentLike | undefined): string {
  if (!c) return 'the inference component does not exist'
  const spec = (c.Specification ?? c.Specifications?.[0]) as { ModelName?: unknown } | undefined
  return `${c.InferenceComponentStatus ?? 'Unknown'} on ${typeof spec?.ModelName === 'string' ? spec.ModelName : '?'}`
}

/**
 * Pure: whether a read shows this run's update: the component on this step's model, or (only when
 * the request may have reached SageMaker unanswered) updating since the request. A request that
 * SageMaker answered with an error was refused: then only this step's model proves otherwise, never
 * a newer LastModifiedTime, which another run's update gives too.
 */
export function classifyComponentWrite(
  c: DescribeComponentLike | undefined,
  modelName: string,
  lastModifiedBefore: number | undefined,
  answered = false
): WriteState {
  const seen = describeComponentState(c)
  if (!c) return { kind: 'not-applied', seen }
  const spec = (c.Specification ?? c.Specifications?.[0]) as { ModelName?: unknown } | undefined
  if (spec?.ModelName === modelName) return { kind: 'applied', seen }
  const modified = c.LastModifiedTime instanceof Date ? c.LastModifiedTime.getTime() : undefined
  const moved =
    modified !== undefined && lastModifiedBefore !== undefined && modified > lastModifiedBefore
  const applied = !answered && c.InferenceComponentStatus === 'Updating' && moved
  return { kind: applied ? 'applied' : 'not-applied', seen }
}

function readBack(
  api: AwsApi,
  plan: Plan,
  pause: (ms: number) => Promise<void>,
  mayStillArrive: boolean
): Promise<WriteState> {
  const component = plan.component
  if (!component) throw new Error('not a component plan')
  return readBackWith(
    async o =>
      classifyComponentWrite(
        await api.describeInferenceComponent(component.name, o),
        plan.greenModelName,
        component.lastModifiedTime,
        // An error SageMaker answered (a 4XX) is a refusal: the request cannot still arrive.
        !mayStillArrive
      ),
    pause,
    mayStillArrive
  )
}

/** The component's write: exactly one UpdateInferenceComponent with this step's model. */
export const COMPONENT_WRITE: TargetWrite = {
  noun: 'inference component',
  prepare: async (plan, modelName) => ({ plan: withModel(plan, modelName), config: undefined }),
  operation: () => 'UpdateInferenceComponent',
  send: async (plan, api) => {
    await api.updateInferenceComponent(componentOf(plan).updateInferenceComponent)
  },
  requested: plan => {
    const component = componentOf(plan)
    return `UpdateInferenceComponent ${component.name} → ${plan.greenModelName} requested (batches of ${component.batchCopies} of ${component.copies} copies)`
  },
  reached: (_plan, seen) => `UpdateInferenceComponent reached SageMaker: the component is ${seen}.`,
  readBack: (plan, deps, mayStillArrive) =>
    readBack(deps.api, plan, ms => deps.pause(ms), mayStillArrive)
}

function componentOf(plan: Plan): NonNullable<Plan['component']> {
  if (!plan.component) throw new Error('not a component plan')
  return plan.component
}

export async function launchComponent(plan: Plan, deps: LaunchDeps): Promise<LaunchResult> {
  componentOf(plan)
  return launchWith(plan, COMPONENT_WRITE, deps)
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
