import {
  bool,
  decimal,
  deepFreeze,
  keyValueLines,
  listItems,
  matches,
  Problems,
  quoted,
  show,
  whole,
  type Reader
} from './input-parsers.js'
import type {
  DeployRequest,
  ModelSource,
  RolloutPolicy,
  RunContext,
  StepSize,
  Tag,
  TrafficRouting
} from './types.js'

export { show } from './input-parsers.js'

// Reads every input once into a frozen DeployRequest. All problems are collected and thrown
// as one InputError, so a user fixes the workflow file in one go instead of one error per run.

type GetInput = (name: string) => string
type Env = Record<string, string | undefined>

export const NAME_PATTERN = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/
export const MODEL_NAME_PATTERN = /^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?$/
export const TAG_PATTERN = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u
const REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/
const MODEL_DATA_URL_PATTERN = /^(https|s3):\/\/([^/]+)\/?(.*)$/
const ROLE_ARN_PATTERN = /^arn:aws[a-z-]*:iam::\d{12}:role\/?[a-zA-Z_0-9+=,.@\-_/]+$/
const PACKAGE_ARN_PATTERN = /^arn:aws[a-z-]*:sagemaker:[a-z0-9-]*:\d{12}:model-package\/.+$/
const ENV_KEY_PATTERN = /^[a-zA-Z_][a-zA-Z0-9_]*$/
const INSTANCE_TYPE_PATTERN = /^ml\.[a-z0-9]+\.[a-z0-9]+$/

/** Prefix of the tags the action adds itself; users cannot set these keys. */
export const ACTION_TAG_PREFIX = 'sagemaker-deploy:'
export const MAX_USER_TAGS = 40
export const POLICY_INPUTS = [
  'traffic-routing',
  'step-size',
  'wait-interval',
  'termination-wait',
  'max-execution-timeout'
] as const

const SAGEMAKER_NAME =
  '1 to 63 letters, digits and hyphens, starting and ending with a letter or digit'

function readRegion(r: Reader, env: Env): string {
  const fromInput = r.v('region')
  const region = fromInput || env['AWS_REGION']?.trim() || env['AWS_DEFAULT_REGION']?.trim() || ''
  if (region === '') {
    r.p.add(
      'region',
      'Input "region" is required: set it, or set AWS_REGION or AWS_DEFAULT_REGION (aws-actions/configure-aws-credentials does).'
    )
  } else if (region.length > 32 || !REGION_PATTERN.test(region)) {
    const source = fromInput ? '' : ' (taken from AWS_REGION / AWS_DEFAULT_REGION)'
    r.p.add(
      'region',
      `Input "region"${source} must be an AWS region such as us-east-1 or eu-west-2, got ${show(region)}.`
    )
  }
  return region
}

function readModelSource(r: Reader): ModelSource {
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

function readEnvironment(r: Reader, createsModel: boolean): Record<string, string> {
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
  for (const { line, number, key, value, separated } of keyValueLines(text)) {
    const where = `Input "environment" line ${number}`
    if (!separated) {
      r.p.add('environment', `${where} must be KEY=VALUE, got ${show(line)}.`)
    } else if (key.length > 1024 || !ENV_KEY_PATTERN.test(key)) {
      r.p.add(
        'environment',
        `${where} has an invalid key ${show(key)}: keys are letters, digits and _, not starting with a digit, at most 1024 characters.`
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

function readTags(r: Reader): Tag[] {
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

const ROUTINGS: Record<string, TrafficRouting> = {
  linear: 'linear',
  canary: 'canary',
  'all-at-once': 'all-at-once'
}

function readStepSize(r: Reader, routing: TrafficRouting): StepSize {
  const value = r.v('step-size')
  const fallback: StepSize = {
    type: 'CAPACITY_PERCENT',
    value: routing === 'all-at-once' ? 100 : 25
  }
  if (value === '') return fallback
  if (routing === 'all-at-once') {
    r.p.add(
      'step-size',
      `Input "step-size" has no meaning with traffic-routing: all-at-once (all traffic shifts in one step), got ${show(value)}. Remove it, or use linear or canary.`
    )
    return fallback
  }
  const [low, high] = routing === 'linear' ? [10, 50] : [1, 50]
  const percent = /^(\d{1,6})\s*%$/.exec(value)
  if (percent) {
    const n = Number(percent[1])
    if (n >= low && n <= high) return { type: 'CAPACITY_PERCENT', value: n }
    r.p.add(
      'step-size',
      `Input "step-size" must be from ${low}% to ${high}% for ${routing} traffic routing (SageMaker's limit), or a whole number of instances, got ${show(value)}.`
    )
    return fallback
  }
  if (/^\d{1,6}$/.test(value) && Number(value) >= 1 && Number(value) <= 1000) {
    return { type: 'INSTANCE_COUNT', value: Number(value) }
  }
  r.p.add(
    'step-size',
    `Input "step-size" must be a percentage of the fleet like 25% (${low}%-${high}% for ${routing}) or a whole number of instances from 1 to 1000, got ${show(value)}.`
  )
  return fallback
}

function readPolicy(r: Reader, retain: boolean): RolloutPolicy | null {
  if (retain) {
    const explicit = POLICY_INPUTS.filter(n => r.v(n) !== '')
    const first = explicit[0]
    if (first) {
      const got = explicit.map(n => `${n}: ${show(r.v(n))}`).join(', ')
      r.p.add(
        first,
        `${explicit.length === 1 ? 'Input' : 'Inputs'} ${quoted(explicit)} must stay empty with retain-deployment-config: true, got ${got}. SageMaker reuses the endpoint's last deployment configuration (routing, step size, waits, timeout and alarms) and would ignore a new policy. Remove ${explicit.length === 1 ? 'it' : 'them'}, or set retain-deployment-config: false to send a new policy.`
      )
    }
    return null
  }
  const rawRouting = r.v('traffic-routing')
  let routing: TrafficRouting = 'linear'
  if (rawRouting !== '') {
    const known = ROUTINGS[rawRouting.toLowerCase().replace(/_/g, '-')]
    if (known) routing = known
    else
      r.p.add(
        'traffic-routing',
        `Input "traffic-routing" must be linear, canary or all-at-once, got ${show(rawRouting)}.`
      )
  }
  return {
    routing,
    stepSize: readStepSize(r, routing),
    waitIntervalSeconds: whole(r, 'wait-interval', 0, 3600, 'a whole number of seconds') ?? 60,
    terminationWaitSeconds: whole(r, 'termination-wait', 0, 3600, 'a whole number of seconds') ?? 0,
    maxExecutionTimeoutSeconds: whole(
      r,
      'max-execution-timeout',
      600,
      28800,
      'a whole number of seconds'
    )
  }
}

function readAlarmNames(r: Reader, retain: boolean, createAlarms: boolean): string[] {
  const raw = r.v('alarm-names')
  const names = listItems(raw)
  for (const name of names.filter(n => n.length > 255)) {
    r.p.add(
      'alarm-names',
      `Input "alarm-names" has a name longer than 255 characters: ${show(name)}.`
    )
  }
  if (retain) {
    if (names.length > 0) {
      r.p.add(
        'alarm-names',
        `Input "alarm-names" must stay empty with retain-deployment-config: true, got ${show(raw)}: the retained deployment configuration carries its own alarms. Remove it, or set retain-deployment-config: false to send a new policy with these alarms.`
      )
    }
    return names
  }
  const total = names.length + (createAlarms ? 2 : 0)
  if (total === 0) {
    r.p.add(
      'alarm-names',
      'Inputs "alarm-names" and "create-alarms": no alarm would guard the rollout (create-alarms is false and alarm-names is empty), so SageMaker could not roll back a bad model. Set create-alarms: true (the default) to create a 5XX-rate and a latency alarm, or list existing CloudWatch alarms in alarm-names.'
    )
  } else if (total > 10) {
    const created = createAlarms ? ' plus the 2 created alarms (create-alarms: true)' : ''
    r.p.add(
      'alarm-names',
      `Input "alarm-names" gives ${names.length} alarms${created}, ${total} in all; SageMaker accepts at most 10 rollback alarms. List fewer${createAlarms ? ' (at most 8), or set create-alarms: false' : ''}.`
    )
  }
  return names
}

function readRun(env: Env): RunContext {
  const get = (name: string, fallback: string): string => env[name]?.trim() || fallback
  return {
    repository: get('GITHUB_REPOSITORY', 'local'),
    sha: get('GITHUB_SHA', '0000000'),
    runId: get('GITHUB_RUN_ID', '0'),
    runAttempt: get('GITHUB_RUN_ATTEMPT', '1'),
    workflow: get('GITHUB_WORKFLOW', 'local'),
    serverUrl: get('GITHUB_SERVER_URL', 'https://github.com').replace(/\/+$/, ''),
    eventName: get('GITHUB_EVENT_NAME', 'local'),
    ref: get('GITHUB_REF', ''),
    actor: get('GITHUB_ACTOR', 'local')
  }
}

/** Reads and validates every input; throws one InputError listing every problem. */
export function readInputs(
  getInput: GetInput,
  env: Env
): { request: DeployRequest; run: RunContext } {
  const cache = new Map<string, string>()
  const v = (name: string): string => {
    let value = cache.get(name)
    if (value === undefined) {
      value = String(getInput(name) ?? '').trim()
      cache.set(name, value)
    }
    return value
  }
  const r: Reader = { v, p: new Problems() }

  const endpointName = v('endpoint-name')
  if (endpointName === '') {
    r.p.add(
      'endpoint-name',
      'Input "endpoint-name" is required: the SageMaker endpoint to create or update.'
    )
  } else {
    matches(r, 'endpoint-name', NAME_PATTERN, 63, SAGEMAKER_NAME)
  }
  const region = readRegion(r, env)
  const model = readModelSource(r)
  const environment = readEnvironment(r, model.kind !== 'existing')
  const tags = readTags(r)
  const variantName = matches(r, 'variant-name', NAME_PATTERN, 63, SAGEMAKER_NAME)
  const instanceType = matches(
    r,
    'instance-type',
    INSTANCE_TYPE_PATTERN,
    64,
    'a SageMaker instance type like ml.m5.large'
  )
  const instanceCount = whole(r, 'instance-count', 1, 1000, 'a whole number of instances')
  const retainDeploymentConfig = bool(r, 'retain-deployment-config', false)
  const policy = readPolicy(r, retainDeploymentConfig)
  const createAlarms = bool(r, 'create-alarms', true)
  const alarmNames = readAlarmNames(r, retainDeploymentConfig, createAlarms)
  const errorRateThresholdPercent =
    decimal(r, 'error-rate-threshold', { aboveZero: true, max: 100 }, 'a percentage') ?? 1
  const latencyThresholdMs =
    decimal(
      r,
      'latency-threshold-ms',
      { aboveZero: true, max: 3_600_000 },
      'a number of milliseconds'
    ) ?? 5000
  const wait = bool(r, 'wait', true)
  const timeoutMinutes = decimal(r, 'timeout', { aboveZero: true, max: 360 }, 'a number of minutes')
  const pollIntervalSeconds =
    decimal(r, 'poll-interval', { min: 0.05, max: 300 }, 'a number of seconds') ?? 10
  const onBusyRaw = v('on-busy').toLowerCase()
  if (onBusyRaw !== '' && onBusyRaw !== 'wait' && onBusyRaw !== 'fail') {
    r.p.add('on-busy', `Input "on-busy" must be wait or fail, got ${show(v('on-busy'))}.`)
  }
  const onBusy = onBusyRaw === 'fail' ? 'fail' : 'wait'
  const allowAlarmInAlarm = bool(r, 'allow-alarm-in-alarm', false)
  const cleanupOnFailure = bool(r, 'cleanup-on-failure', false)
  const dryRun = bool(r, 'dry-run', false)
  const githubToken = v('github-token')
  const prComment = bool(r, 'pr-comment', true)
  const prNumber = whole(r, 'pr-number', 1, 999_999_999, 'a pull request number (whole number)')
  const githubDeployment = bool(r, 'github-deployment', false)
  const deploymentEnvironment = v('deployment-environment')
  if (deploymentEnvironment.length > 255) {
    r.p.add(
      'deployment-environment',
      `Input "deployment-environment" must be at most 255 characters, got ${show(deploymentEnvironment)}.`
    )
  }

  r.p.throwIfAny()

  const request: DeployRequest = {
    endpointName,
    region,
    model,
    environment,
    tags,
    variantName: variantName || undefined,
    instanceType: instanceType || undefined,
    instanceCount,
    policy,
    retainDeploymentConfig,
    alarmNames,
    createAlarms,
    errorRateThresholdPercent,
    latencyThresholdMs,
    wait,
    timeoutMinutes,
    pollIntervalSeconds,
    onBusy,
    allowAlarmInAlarm,
    cleanupOnFailure,
    dryRun,
    githubToken,
    prComment,
    prNumber,
    githubDeployment,
    deploymentEnvironment: deploymentEnvironment || undefined
  }
  return { request: deepFreeze(request), run: deepFreeze(readRun(env)) }
}
