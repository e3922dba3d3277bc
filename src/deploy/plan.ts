// Planning that holds for every target: the estimates and margins of the time budget, the tags
// every created resource carries, the model to create and the artifact a person recognises. Pure.
import { InputError } from '../errors.js'
import { ACTION_TAG_PREFIX } from '../inputs/index.js'
import { tagValue } from './step-identity.js'
import type { DeployRequest, ModelSource, RunContext, Tag } from '../types.js'

/** The plan's estimate of green-fleet provisioning, before the first traffic step. */
export const DEFAULT_PROVISIONING_SECONDS = 480
/** Estimate for terminating the blue fleet after the final bake. */
export const DECOMMISSION_SECONDS = 60
/** Creating an endpoint (launching its instances, loading the model) usually takes minutes. */
export const CREATE_ENDPOINT_ESTIMATE_SECONDS = 600
/** Room beyond SageMaker's deployment timeout before the action gives up waiting. */
export const BUDGET_MARGIN_SECONDS = 600
/** Creating an endpoint takes minutes, whatever the schedule says. */
export const FIRST_DEPLOY_BUDGET_SECONDS = 1800
export const MAX_TAGS = 50

/** What a person recognises the model by: its artifact or package (not a model name). */
export function artifactOf(model: ModelSource): string | undefined {
  if (model.kind === 'artifact') return model.modelDataUrl
  return model.kind === 'package' ? model.modelPackageArn : undefined
}

/** The user's tags plus the action's provenance tags (and the step's fingerprint, when known). */
export function planTags(userTags: readonly Tag[], run: RunContext, step?: string): Tag[] {
  const provenance: [string, string][] = [
    ['repository', run.repository],
    ['sha', run.sha],
    ['workflow', run.workflow],
    ['run-id', run.runId],
    ['run-attempt', run.runAttempt],
    ...(step === undefined ? [] : ([['step', step]] as [string, string][]))
  ]
  const tags = [
    ...userTags
      .filter(t => !t.Key.startsWith(ACTION_TAG_PREFIX))
      .map(({ Key, Value }) => ({ Key, Value })),
    ...provenance.map(([key, value]) => ({
      Key: `${ACTION_TAG_PREFIX}${key}`,
      Value: tagValue(value)
    }))
  ]
  if (tags.length > MAX_TAGS) {
    throw new InputError(
      'tags',
      `Input "tags" gives ${userTags.length} tags; with the action's ${provenance.length} that exceeds SageMaker's ${MAX_TAGS}. Remove some.`
    )
  }
  return tags
}

export function createModelBody(
  request: DeployRequest,
  modelName: string,
  environment: Readonly<Record<string, string>>,
  extra: Readonly<Record<string, unknown>>
): Record<string, unknown> | undefined {
  const model = request.model
  if (model.kind === 'existing') return undefined
  const env = Object.keys(environment).length > 0 ? { Environment: { ...environment } } : {}
  const container =
    model.kind === 'artifact'
      ? { Image: model.imageUri, ModelDataUrl: model.modelDataUrl, ...env }
      : { ModelPackageName: model.modelPackageArn, ...env }
  return {
    ModelName: modelName,
    PrimaryContainer: container,
    ExecutionRoleArn: model.executionRoleArn,
    ...extra
  }
}
