// What makes a deployment "this step's": the content of the requests it sends, not the run it
// came from. Two steps of one run with different artifacts are different deployments; a re-run
// of the same step is the same one. The fingerprint goes into a tag on the model and the
// endpoint config, so a later read can tell whether a pending or live config is exactly what
// this step would create.
import { createHash } from 'node:crypto'
import { ACTION_TAG_PREFIX } from '../inputs/model.js'

export const STEP_TAG = `${ACTION_TAG_PREFIX}step`
export const REPOSITORY_TAG = `${ACTION_TAG_PREFIX}repository`
export const RUN_ID_TAG = `${ACTION_TAG_PREFIX}run-id`
export const RUN_ATTEMPT_TAG = `${ACTION_TAG_PREFIX}run-attempt`
export const SHA_TAG = `${ACTION_TAG_PREFIX}sha`
/** On a config the action created for an update: the config it replaced (rollback-to: previous). */
export const REPLACES_TAG = `${ACTION_TAG_PREFIX}replaces`

type Body = Record<string, unknown>

/** JSON with object keys sorted at every level: the same content always gives the same text. */
export function canonicalJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort)
    if (v !== null && typeof v === 'object') {
      // Keys are unique, so no two compare equal. JSON.stringify leaves out undefined members.
      return Object.fromEntries(
        Object.entries(v as Body)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([k, item]) => [k, sort(item)])
      )
    }
    return v
  }
  return JSON.stringify(sort(value))
}

/** A body without the names and tags a run chooses: only what it asks SageMaker to run. */
function content(body: Body): Body {
  const { ModelName, EndpointConfigName, EndpointName, Tags, ...rest } = body
  void ModelName
  void EndpointConfigName
  void EndpointName
  void Tags
  const variants = rest['ProductionVariants']
  if (Array.isArray(variants)) {
    rest['ProductionVariants'] = variants.map(v => {
      const { ModelName: model, ...variant } = v as Body
      void model
      return variant
    })
  }
  return rest
}

export interface StepRequests {
  readonly endpointName: string
  /** CreateModel's body, or the name of the existing model deployed as is. */
  readonly model: Body | string
  readonly endpointConfig: Body
  /** The CreateEndpoint or UpdateEndpoint body. */
  readonly endpointChange: Body
}

/**
 * A 16-hex-digit fingerprint of what a step asks SageMaker to run. Container environment values
 * go into the hash, never into a tag or a log: the hash cannot be turned back into them.
 */
export function stepHash(r: StepRequests): string {
  const text = canonicalJson({
    endpoint: r.endpointName,
    model: typeof r.model === 'string' ? { existing: r.model } : content(r.model),
    config: content(r.endpointConfig),
    change: content(r.endpointChange)
  })
  return createHash('sha256').update(text).digest('hex').slice(0, 16)
}

/** Whether a resource's tags say it was made for exactly this step, from this repository. */
export function isStepTagged(
  tags: Readonly<Record<string, string>>,
  repository: string,
  hash: string
): boolean {
  return tags[STEP_TAG] === hash && tags[REPOSITORY_TAG] === tagValue(repository)
}

const TAG_CHAR = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]$/u

/** A tag value SageMaker accepts: disallowed characters become `_`, at most 256. */
export function tagValue(text: string): string {
  return Array.from(text)
    .map(ch => (TAG_CHAR.test(ch) ? ch : '_'))
    .slice(0, 256)
    .join('')
}
