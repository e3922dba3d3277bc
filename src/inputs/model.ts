import { keyValueLines, matches, quoted, show, type Reader } from './parsers.js'
import type { ModelSource, Tag } from '../types.js'

// The model inputs: what to deploy (an artifact, a Model Registry package or an existing
// model), the environment of a model the action creates, and the user's tags.

/** Endpoint and variant names; MODEL_NAME_PATTERN is SageMaker's rule for model names. */
export const NAME_PATTERN = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/
export const MODEL_NAME_PATTERN = /^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?$/
export const TAG_PATTERN = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u
const MODEL_DATA_URL_PATTERN = /^(https|s3):\/\/([^/]+)\/?(.*)$/
const ROLE_ARN_PATTERN = /^arn:aws[a-z-]*:iam::\d{12}:role\/?[a-zA-Z_0-9+=,.@\-_/]+$/
const PACKAGE_ARN_PATTERN = /^arn:aws[a-z-]*:sagemaker:[a-z0-9-]*:\d{12}:model-package\/.+$/
const ENV_KEY_PATTERN = /^[a-zA-Z_][a-zA-Z0-9_]*$/

/** Prefix of the tags the action adds itself; users cannot set these keys. */
export const ACTION_TAG_PREFIX = 'sagemaker-deploy:'
export const MAX_USER_TAGS = 40

/** What NAME_PATTERN and MODEL_NAME_PATTERN allow, as a message says it. */
export const SAGEMAKER_NAME =
  '1 to 63 letters, digits and hyphens, starting and ending with a letter or digit'

export function readModelSource(r: Reader): ModelSource {
  const modelDataUrl = matches(
    r,
    'model-data-url',
    MODEL_DATA_URL_PATTERN,
    1024,
    'an s3:// or https:// URL of the model artifact, at most 1024 characters'
  )
  const imageUri = matches(
    r,
    'image-uri',
    /^\S+$/,
    255,
    'a container image URI without spaces, at most 255 characters'
  )
  const executionRoleArn = matches(
    r,
    'execution-role-arn',
    ROLE_ARN_PATTERN,
    2048,
    'an IAM role ARN like arn:aws:iam::123456789012:role/SageMakerRole'
  )
  const modelPackageArn = matches(
    r,
    'model-package-arn',
    PACKAGE_ARN_PATTERN,
    2048,
    'a model package ARN like arn:aws:sagemaker:us-east-1:123456789012:model-package/name/1'
  )
  const modelName = matches(r, 'model-name', MODEL_NAME_PATTERN, 63, SAGEMAKER_NAME)

  const sources =
    'Set model-data-url + image-uri + execution-role-arn (a new model from an artifact), model-package-arn + execution-role-arn (a Model Registry package), or model-name alone (an existing model).'
  const given = (names: string[]): string[] => names.filter(n => r.v(n) !== '')

  if (modelName) {
    const others = given(['model-data-url', 'image-uri', 'execution-role-arn', 'model-package-arn'])
    if (others.length > 0) {
      r.p.add(
        'model-name',
        `Input "model-name" deploys an existing model and cannot be combined with ${quoted(others)}. ${sources}`
      )
    }
    return { kind: 'existing', modelName }
  }
  if (modelPackageArn) {
    const others = given(['model-data-url', 'image-uri'])
    if (others.length > 0) {
      r.p.add(
        'model-package-arn',
        `Input "model-package-arn" cannot be combined with ${quoted(others)}: choose one model source. ${sources}`
      )
    }
    if (!executionRoleArn) {
      r.p.add(
        'execution-role-arn',
        'Input "execution-role-arn" is required with model-package-arn: SageMaker assumes this role to run the model.'
      )
    }
    return { kind: 'package', modelPackageArn, executionRoleArn }
  }
  if (modelDataUrl || imageUri) {
    const missing = ['model-data-url', 'image-uri', 'execution-role-arn'].filter(n => r.v(n) === '')
    for (const name of missing) {
      r.p.add(
        name,
        `Input "${name}" is required to create a model: a new model needs model-data-url, image-uri and execution-role-arn together.`
      )
    }
    return { kind: 'artifact', modelDataUrl, imageUri, executionRoleArn }
  }
  if (executionRoleArn) {
    r.p.add(
      'execution-role-arn',
      `Input "execution-role-arn" alone does not say what to deploy. ${sources}`
    )
  } else {
    r.p.add(
      'model-data-url',
      `Input "model-data-url" (or "model-package-arn", or "model-name") is required: nothing says what to deploy. ${sources}`
    )
  }
  return { kind: 'existing', modelName }
}

/** Why a would-be key is not one, without showing any of it. */
function keyProblem(key: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]*\s*:/.test(key))
    return 'it looks like YAML "KEY: value"; write KEY=value'
  if (/\s/.test(key)) return 'it contains a space'
  if (/^[0-9]/.test(key)) return 'it starts with a digit'
  if (key.length > 1024) return `it is ${key.length} characters long`
  return 'it contains a character other than letters, digits and _'
}

export function readEnvironment(r: Reader, createsModel: boolean): Record<string, string> {
  const text = r.v('environment')
  const entries = new Map<string, string>()
  if (text === '') return {}
  if (!createsModel) {
    r.p.add(
      'environment',
      'Input "environment" applies only to a model the action creates (model-data-url or model-package-arn); an existing model (model-name) keeps its own environment. Remove it or deploy from an artifact or package.'
    )
    return {}
  }
  // No part of a line is ever shown: a value may be a credential, and a line that does not
  // parse as KEY=VALUE (`API_TOKEN: c2VjcmV0=`) may have its value where the key should be.
  for (const { line, number, key, value, separated } of keyValueLines(text)) {
    const where = `Input "environment" line ${number}`
    if (!separated) {
      r.p.add(
        'environment',
        `${where} must be KEY=VALUE; it has no "=" (${line.length} characters, not shown).`
      )
    } else if (key.length > 1024 || !ENV_KEY_PATTERN.test(key)) {
      r.p.add(
        'environment',
        `${where} must be KEY=VALUE with a KEY of letters, digits and _ (not starting with a digit, at most 1024 characters); the text before its first "=" is not such a key (${keyProblem(key)}; the line is not shown).`
      )
    } else if (value.length > 1024) {
      r.p.add(
        'environment',
        `${where}: the value of ${key} must be at most 1024 characters, got ${value.length}.`
      )
    } else if (entries.has(key)) {
      r.p.add('environment', `${where} sets ${key} again: each key may appear once.`)
    } else {
      entries.set(key, value)
    }
  }
  if (entries.size > 100) {
    r.p.add(
      'environment',
      `Input "environment" has ${entries.size} entries; SageMaker allows at most 100.`
    )
  }
  return Object.fromEntries(entries)
}

export function readTags(r: Reader): Tag[] {
  const tags: Tag[] = []
  const keys = new Set<string>()
  for (const { line, number, key: Key, value: Value, separated } of keyValueLines(r.v('tags'))) {
    const where = `Input "tags" line ${number}`
    const allowed = 'letters, digits, spaces and _ . : / = + - @'
    if (!separated) {
      r.p.add('tags', `${where} must be Key=Value (one tag per line), got ${show(line)}.`)
    } else if (Key.length > 128 || !TAG_PATTERN.test(Key)) {
      r.p.add(
        'tags',
        `${where} has an invalid key ${show(Key)}: 1 to 128 characters of ${allowed}${Key.includes(',') ? ' (put one tag per line; commas are not separators)' : ''}.`
      )
    } else if (Value.length > 256 || !TAG_PATTERN.test(Value)) {
      r.p.add(
        'tags',
        `${where} has an invalid value ${show(Value)} for ${Key}: at most 256 characters of ${allowed}${Value.includes(',') ? ' (put one tag per line; commas are not separators)' : ''}.`
      )
    } else if (Key.toLowerCase().startsWith('aws:') || Key.startsWith(ACTION_TAG_PREFIX)) {
      r.p.add(
        'tags',
        `${where}: the key ${show(Key)} is reserved (aws: is AWS's, ${ACTION_TAG_PREFIX} is set by this action).`
      )
    } else if (keys.has(Key)) {
      r.p.add('tags', `${where} sets ${Key} again: each key may appear once.`)
    } else {
      keys.add(Key)
      tags.push({ Key, Value })
    }
  }
  if (tags.length > MAX_USER_TAGS) {
    r.p.add(
      'tags',
      `Input "tags" has ${tags.length} tags; at most ${MAX_USER_TAGS} are allowed (the action adds its own, and SageMaker allows 50).`
    )
  }
  return tags
}
