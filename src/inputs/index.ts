// Inputs: every input read once into a frozen, typed request, validated before anything else
// loads; every problem names its input and what is allowed. Parsers and the per-topic rules live
// beside this file (parsers, model, policy, context, component).
import { checkPlacement } from './placement.js'
import { DEFAULT_METRIC_DELAY_SECONDS } from '../guard/detection.js'
import { createdAlarmPeriods } from '../guard/alarms.js'
import {
  bool,
  choice,
  decimal,
  deepFreeze,
  matches,
  Problems,
  show,
  whole,
  type Reader
} from './parsers.js'
import { readRegion, readRun, type Env } from './context.js'
import {
  NAME_PATTERN,
  readEnvironment,
  readModelSource,
  readTags,
  SAGEMAKER_NAME
} from './model.js'
import { readComponentName } from './component.js'
import { readAlarmNames, readMetricsResolution, readPolicy } from './policy.js'
import { readRollbackTo, RESTORE_POLICY } from './restore.js'
import { readGate } from './gate.js'
import type { DeployRequest, RunContext } from '../types.js'

export { show } from './parsers.js'
export {
  ACTION_TAG_PREFIX,
  MAX_USER_TAGS,
  MODEL_NAME_PATTERN,
  NAME_PATTERN,
  TAG_PATTERN
} from './model.js'
export { POLICY_INPUTS } from './policy.js'

// Reads every input once into a frozen DeployRequest. All problems are collected and thrown
// as one InputError, so a user fixes the workflow file in one go instead of one error per run.

type GetInput = (name: string) => string

const INSTANCE_TYPE_PATTERN = /^ml\.[a-z0-9]+\.[a-z0-9]+$/
/** CloudWatch publishes SageMaker's per-minute datapoints 1–3 minutes late: wait up to 4. */
export const DEFAULT_METRICS_WAIT_SECONDS = 240

/** Reads and validates every input; throws one InputError listing every problem. */
/** The start of a CloudWatch alarm name the action writes (names allow printable ASCII). */
const ALARM_PREFIX_PATTERN = /^[A-Za-z0-9._\-/:]+$/

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
  const rollbackTo = readRollbackTo(r)
  // A restore deploys an existing config: no model source (readRollbackTo refuses one given).
  const model: DeployRequest['model'] =
    rollbackTo === undefined ? readModelSource(r) : { kind: 'existing', modelName: '' }
  checkPlacement(r, region, model)
  // With no model source at all (its own error says so), environment is not judged against one.
  const environment = readEnvironment(r, model.kind !== 'existing' || model.modelName === '')
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
  const inferenceComponentName = readComponentName(r)
  const metricDelaySeconds =
    whole(r, 'metric-delay', 0, 900, 'a whole number of seconds') ?? DEFAULT_METRIC_DELAY_SECONDS
  const metricsResolution = readMetricsResolution(r)
  const { policy, retainExpected } = readPolicy(
    r,
    retainDeploymentConfig,
    inferenceComponentName !== undefined,
    metricDelaySeconds,
    createdAlarmPeriods(metricsResolution, metricDelaySeconds).periodSeconds
  )
  const createAlarms = bool(r, 'create-alarms', true)
  const gate = readGate(r, env)
  const alarmNames = readAlarmNames(r, retainDeploymentConfig, createAlarms, gate !== undefined)
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
  const metricsWaitSeconds =
    whole(r, 'metrics-wait', 0, 600, 'a whole number of seconds') ?? DEFAULT_METRICS_WAIT_SECONDS
  const onBusy = choice(r, 'on-busy', ['wait', 'fail'])
  const onRegression = choice(r, 'on-regression', ['rollback', 'fail'])
  const onAutoScaling = choice(r, 'on-auto-scaling', ['fail', 'reregister'])
  const createEndpoint = choice(r, 'create-endpoint', ['never', 'if-missing'])
  const alarmNamePrefix = matches(
    r,
    'alarm-name-prefix',
    ALARM_PREFIX_PATTERN,
    200,
    "up to 200 letters, digits and . _ - / : (the start of the created alarms' names)"
  )
  const inheritEnvironment = bool(r, 'inherit-environment', false)
  if (inheritEnvironment && model.kind === 'existing' && model.modelName !== '') {
    r.p.add(
      'inherit-environment',
      'Input "inherit-environment" copies the live model\'s environment into a model the action creates (model-data-url or model-package-arn); an existing model (model-name) keeps its own environment. Remove it, or deploy from an artifact or package.'
    )
  }
  if (gate && !bool(r, 'wait', true)) {
    r.p.add(
      'wait',
      'Input "wait" is false, but the verification gate (verify-requests, verify-command) checks the new model while the action watches the rollout: with nobody checking, its alarm would never fire. Set wait: true, or remove the gate.'
    )
  }
  if (gate && inferenceComponentName !== undefined) {
    r.p.add(
      gate.requestsPath !== undefined ? 'verify-requests' : 'verify-command',
      'The verification gate (verify-requests, verify-command) guards endpoint variants (blue/green and rolling), not inference components yet: remove it, or deploy to the variant.'
    )
  }
  const allowAlarmInAlarm = bool(r, 'allow-alarm-in-alarm', false)
  const acceptUnguardedFinalStep = bool(r, 'accept-unguarded-final-step', false)
  const acceptUnguardedUpdate = bool(r, 'accept-unguarded-update', false)
  const requireApprovedPackage = bool(r, 'require-approved-package', false)
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
    // With rollback-to the gate's inputs are refused (restore.ts): a request has one or neither.
    ...(gate ? { gate } : {}),
    endpointName,
    ...(inferenceComponentName ? { inferenceComponentName } : {}),
    region,
    model,
    environment,
    tags,
    variantName: variantName || undefined,
    instanceType: instanceType || undefined,
    instanceCount,
    // A restore sends its own request: all at once, no bake, no alarm.
    policy: rollbackTo === undefined ? policy : RESTORE_POLICY,
    retainDeploymentConfig,
    retainExpected,
    alarmNames,
    createAlarms: createAlarms && rollbackTo === undefined,
    errorRateThresholdPercent,
    latencyThresholdMs,
    wait,
    timeoutMinutes,
    pollIntervalSeconds,
    metricsWaitSeconds,
    metricDelaySeconds,
    ...(metricsResolution !== undefined ? { metricsResolution } : {}),
    onBusy,
    createEndpoint,
    ...(alarmNamePrefix ? { alarmNamePrefix } : {}),
    onRegression,
    ...(rollbackTo !== undefined ? { rollbackTo } : {}),
    onAutoScaling,
    inheritEnvironment,
    allowAlarmInAlarm,
    acceptUnguardedFinalStep,
    acceptUnguardedUpdate,
    requireApprovedPackage,
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
