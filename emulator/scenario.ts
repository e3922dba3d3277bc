// The scenario: how the emulated services behave (timings, models, real-world variants, faults).
// Every field is optional in a scenario file; `resolveScenario` fills the defaults.

import { readFileSync } from 'node:fs'
import { validateArtifacts, type EcrImageSpec, type S3ObjectSpec } from './artifacts.js'
import { validateQuotas, type Quotas } from './quotas.js'

export type { EcrImageSpec, S3ObjectSpec } from './artifacts.js'

/** How a model answers synthetic traffic and InvokeEndpoint calls. */
export interface ModelBehaviour {
  /** Fraction (0..1) of requests answered with a 5XX error. */
  errorRate?: number
  /** Fraction (0..1) of requests answered with a 4XX error. */
  error4xxRate?: number
  /** Mean model latency in milliseconds (CloudWatch reports it in microseconds). */
  latencyMs?: number
  /** Uniform jitter around the mean, +/- milliseconds. */
  latencyJitterMs?: number
  /** The container never passes the ping health check: creation fails, an update rolls back. */
  failHealthCheck?: boolean
  /**
   * Fraction (0..1) of requests that time out in the container: ModelError for the caller,
   * counted in InvocationModelErrors only (not in 4XX/5XX, no ModelLatency sample).
   */
  timeoutRate?: number
  /** Fraction (0..1) of requests that end in a socket error; counted like timeouts. */
  socketErrorRate?: number
  /**
   * The model's failures (errorRate, error4xxRate, timeoutRate, socketErrorRate) begin this many
   * seconds after its fleet first takes traffic (a model that degrades under load); 0 = at once.
   */
  failuresAfterSeconds?: number
  /**
   * Fraction (0..1) of requests answered 200 OK with a wrong answer (label flipped, score
   * 1 - score; see model-answer.ts). Not an error in any metric. Obeys failuresAfterSeconds.
   */
  wrongAnswerRate?: number
}

export interface ModelPackage {
  image: string
  modelDataUrl?: string
  approvalStatus?: string
  groupName?: string
  version?: number
  /** ModelPackageStatus (default Completed). */
  status?: string
  /**
   * A package subscribed from AWS Marketplace (assumption, as the action reads one): unversioned,
   * in no group of this account, CertifyForMarketplace true.
   */
  marketplace?: boolean
}

export interface FaultRule {
  /** Operation name (e.g. DescribeEndpoint, InvokeEndpoint) or '*' for every call. */
  operation: string
  /** Limit the rule to one service. */
  service?: 'sagemaker' | 'cloudwatch' | 'runtime'
  throttleRate?: number
  serverErrorRate?: number
  /** Destroy the socket without an answer. */
  dropRate?: number
  slowRate?: number
  slowMs?: number
  /** Carry the call out, then destroy the socket: the caller never hears that it happened. */
  dropAfterApplyRate?: number
  /** Carry the call out, then hold the answer for `holdMs` milliseconds (simulated, on stepped time). */
  holdRate?: number
  holdMs?: number
  /** Answer this error instead of carrying the call out (e.g. a transient "Could not find"). */
  failRate?: number
  fail?: { code: string; message: string; status?: number }
  /** Stop injecting after this many faults (any kind) from this rule. */
  times?: number
}

export interface Scenario {
  seed: number
  trafficPerMinute: number
  creationSeconds: number
  provisioningSeconds: number
  activatingSeconds: number
  decommissionSeconds: number
  deletionSeconds: number
  /** How long a rollback takes to tear the green fleet down before InService on the old config. */
  rollingBackSeconds: number
  /**
   * The latest a request reaches CloudWatch's per-minute datapoint after it happened: each
   * second's requests arrive after a seeded delay between a third of this and all of it, so a
   * minute is complete only this long after it ends and partial before. 0 = at once.
   */
  metricDelaySeconds: number
  /**
   * Assumption: the latest a PutMetricData datapoint becomes visible to GetMetricData and to alarm
   * evaluation after the call (each call's data arrives after a seeded delay between a third of
   * this and all of it). 0 = at once.
   */
  customMetricDelaySeconds: number
  models: Record<string, ModelBehaviour>
  defaultModel: ModelBehaviour
  modelPackages: Record<string, ModelPackage>
  emptyFailureReasonOnRollback: boolean
  transientRollingBack: boolean
  updateRollbackFailed: boolean
  alarmsInAlarm: string[]
  configNameSwitchesEarly: boolean
  /**
   * Assumption: DescribeInferenceComponent shows the new Specification from the start of an
   * update (and the old one again after a rollback), not only once the update completed.
   */
  componentSpecSwitchesEarly: boolean
  /**
   * The lenient reading of a blue/green update: the step that reaches 100 % bakes
   * WaitIntervalInSeconds too, before the TerminationWaitInSeconds bake. Default (false): it bakes
   * only TerminationWaitInSeconds (no guide says it bakes both; see the fidelity table).
   */
  finalStepBakesWaitInterval: boolean
  /** Seconds after an update starts at which the endpoint shows SystemUpdating (null: never). */
  systemUpdatingAfterSeconds: number | null
  /** How long SystemUpdating lasts; the deployment is paused meanwhile. */
  systemUpdatingSeconds: number
  /** Seconds after an update starts at which the endpoint goes OutOfService for good (null: never). */
  outOfServiceAfterSeconds: number | null
  /** Instances of each type the account may run for endpoints (ResourceLimitExceeded beyond). */
  instanceQuota: Record<string, number> | null
  /** Assumption: an AutoRollbackConfiguration alarm that does not exist is rejected. */
  assumeAlarmsMustExist: boolean
  /** Assumption: RetainDeploymentConfig with no stored configuration is rejected. */
  assumeRetainNeedsStoredConfig: boolean
  /** Assumption: alarm and timeout rollbacks leave the emulator's own FailureReason texts. */
  assumeRollbackFailureReason: boolean
  /** Assumption: FailureReason is cleared when an update starts (not only when one succeeds). */
  assumeFailureReasonClearedOnUpdate: boolean
  /** Assumption: a plain update (no deployment config) must keep the same variant names. */
  assumeSameVariantsOnPlainUpdate: boolean
  faults: FaultRule[]
  expireCredentialsAfterSeconds: number | null
  allowedActions: string[] | null
  /** Per-account request quotas (token buckets in simulated time); see quotas.ts. */
  quotas: Quotas
  /**
   * S3 objects by `s3://bucket/key`, `s3://bucket/prefix/` or `s3://bucket` (the longest match
   * wins): their bucket's region, missing, access denied. Undeclared objects exist in the home region.
   */
  s3Objects: Record<string, S3ObjectSpec>
  /**
   * ECR images by `<account>.dkr.ecr.<region>.amazonaws.com/repo[:tag|@digest]` (a repository
   * alone covers every tag). Undeclared: the emulator's account has every image; another
   * account's registry answers AccessDeniedException.
   */
  ecrImages: Record<string, EcrImageSpec>
  callLogFile: string | null
}

// Timings as real endpoints report them (minutes, not seconds); see the fidelity table.
export const DEFAULT_SCENARIO: Readonly<Scenario> = Object.freeze({
  seed: 42,
  trafficPerMinute: 600,
  creationSeconds: 600,
  provisioningSeconds: 480,
  activatingSeconds: 5,
  decommissionSeconds: 120,
  deletionSeconds: 60,
  rollingBackSeconds: 180,
  metricDelaySeconds: 180,
  customMetricDelaySeconds: 5,
  models: {},
  defaultModel: {
    errorRate: 0,
    error4xxRate: 0,
    latencyMs: 40,
    latencyJitterMs: 0,
    failHealthCheck: false,
    timeoutRate: 0,
    socketErrorRate: 0,
    failuresAfterSeconds: 0,
    wrongAnswerRate: 0
  },
  modelPackages: {},
  emptyFailureReasonOnRollback: false,
  transientRollingBack: false,
  updateRollbackFailed: false,
  alarmsInAlarm: [],
  configNameSwitchesEarly: false,
  componentSpecSwitchesEarly: false,
  finalStepBakesWaitInterval: false,
  systemUpdatingAfterSeconds: null,
  systemUpdatingSeconds: 120,
  outOfServiceAfterSeconds: null,
  instanceQuota: null,
  assumeAlarmsMustExist: false,
  assumeRetainNeedsStoredConfig: false,
  assumeRollbackFailureReason: false,
  assumeFailureReasonClearedOnUpdate: false,
  assumeSameVariantsOnPlainUpdate: false,
  faults: [],
  expireCredentialsAfterSeconds: null,
  allowedActions: null,
  quotas: {},
  s3Objects: {},
  ecrImages: {},
  callLogFile: null
})

const NUMBER_FIELDS = [
  'seed',
  'trafficPerMinute',
  'creationSeconds',
  'provisioningSeconds',
  'activatingSeconds',
  'decommissionSeconds',
  'deletionSeconds',
  'rollingBackSeconds',
  'metricDelaySeconds',
  'customMetricDelaySeconds',
  'systemUpdatingSeconds'
] as const

/** The ModelBehaviour fields that are shares of requests (0..1). */
const RATE_FIELDS = [
  'errorRate',
  'error4xxRate',
  'timeoutRate',
  'socketErrorRate',
  'wrongAnswerRate'
] as const

function validateBehaviour(behaviour: unknown, where: string): void {
  if (typeof behaviour !== 'object' || behaviour === null || Array.isArray(behaviour)) {
    throw new Error(`Scenario field "${where}" must be an object`)
  }
  for (const key of RATE_FIELDS) {
    const value = (behaviour as Record<string, unknown>)[key]
    if (value === undefined) continue
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
      throw new Error(
        `Scenario field "${where}.${key}" must be a number from 0 to 1 (got ${JSON.stringify(value)})`
      )
    }
  }
}

const OPTIONAL_NUMBER_FIELDS = ['systemUpdatingAfterSeconds', 'outOfServiceAfterSeconds'] as const

/** Reads a scenario file (JSON) or takes an object, and fills every default. */
export function loadScenario(source: Partial<Scenario> | string | undefined): Scenario {
  if (source === undefined) return resolveScenario({})
  if (typeof source === 'string') {
    const text = readFileSync(source, 'utf8')
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch (error) {
      throw new Error(`Scenario file ${source} is not valid JSON: ${String(error)}`)
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new Error(`Scenario file ${source} must hold a JSON object`)
    }
    return resolveScenario(parsed as Partial<Scenario>)
  }
  return resolveScenario(source)
}

export function resolveScenario(
  partial: Partial<Scenario>,
  base: Scenario = DEFAULT_SCENARIO
): Scenario {
  const merged: Scenario = { ...base }
  for (const [key, value] of Object.entries(partial)) {
    if (key.startsWith('$') || key === 'description') continue
    if (!(key in DEFAULT_SCENARIO)) throw new Error(`Unknown scenario field "${key}"`)
    if (value === undefined) continue
    ;(merged as unknown as Record<string, unknown>)[key] = value
  }
  for (const key of NUMBER_FIELDS) {
    const value = merged[key]
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new Error(
        `Scenario field "${key}" must be a number >= 0 (got ${JSON.stringify(value)})`
      )
    }
  }
  for (const key of OPTIONAL_NUMBER_FIELDS) {
    const value = merged[key]
    if (value !== null && (typeof value !== 'number' || !Number.isFinite(value) || value < 0)) {
      throw new Error(
        `Scenario field "${key}" must be null or a number >= 0 (got ${JSON.stringify(value)})`
      )
    }
  }
  validateQuotas(merged.quotas)
  validateArtifacts('s3Objects', merged.s3Objects)
  validateArtifacts('ecrImages', merged.ecrImages)
  validateBehaviour(merged.defaultModel, 'defaultModel')
  for (const [key, behaviour] of Object.entries(merged.models)) {
    validateBehaviour(behaviour, `models.${key}`)
  }
  merged.defaultModel = { ...DEFAULT_SCENARIO.defaultModel, ...merged.defaultModel }
  return merged
}

/** The behaviour of a model: the first of its artifact, its image, then the default. */
export function behaviourFor(
  scenario: Scenario,
  keys: readonly (string | undefined)[]
): Required<ModelBehaviour> {
  let found: ModelBehaviour = {}
  for (const key of keys) {
    const entry = key === undefined ? undefined : scenario.models[key]
    if (entry !== undefined) {
      found = entry
      break
    }
  }
  const merged = { ...DEFAULT_SCENARIO.defaultModel, ...scenario.defaultModel, ...found }
  return {
    errorRate: merged.errorRate ?? 0,
    error4xxRate: merged.error4xxRate ?? 0,
    latencyMs: merged.latencyMs ?? 40,
    latencyJitterMs: merged.latencyJitterMs ?? 0,
    failHealthCheck: merged.failHealthCheck ?? false,
    timeoutRate: merged.timeoutRate ?? 0,
    socketErrorRate: merged.socketErrorRate ?? 0,
    failuresAfterSeconds: merged.failuresAfterSeconds ?? 0,
    wrongAnswerRate: merged.wrongAnswerRate ?? 0
  }
}
