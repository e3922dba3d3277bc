import { labAlarms } from './alarms.js'
import { InputError } from './errors.js'
import { ACTION_TAG_PREFIX } from './inputs.js'
import { greenNames } from './names.js'
import {
  alarmNamesFromDeploymentConfig,
  deploymentConfig,
  executionTimeout,
  expectedSchedule,
  policyFromDeploymentConfig
} from './rollout-policy.js'
import type {
  CurrentEndpoint,
  DeployRequest,
  Plan,
  RolloutPolicy,
  RunContext,
  ScheduledStep,
  Tag
} from './types.js'

export {
  alarmNamesFromDeploymentConfig,
  expectedSchedule,
  MAX_EXECUTION_TIMEOUT_SECONDS,
  MIN_EXECUTION_TIMEOUT_SECONDS,
  policyFromDeploymentConfig,
  PROVISIONING_MARGIN_SECONDS,
  stepInstances
} from './rollout-policy.js'

// Pure: from what the user asked and what the endpoint is now, the exact requests to send,
// the traffic schedule to expect and how long to wait for a verdict. The rollout policy's
// own rules (steps, schedule, DeploymentConfig, timeout) live in rollout-policy.ts.

/** The plan's estimate of green-fleet provisioning, before the first traffic step. */
export const DEFAULT_PROVISIONING_SECONDS = 60
/** Estimate for terminating the blue fleet after the final bake. */
export const DECOMMISSION_SECONDS = 60
/** Creating an endpoint (launching its instances, loading the model) usually takes minutes. */
export const CREATE_ENDPOINT_ESTIMATE_SECONDS = 600
/** Room beyond SageMaker's deployment timeout before the action gives up waiting. */
export const BUDGET_MARGIN_SECONDS = 600
/** Creating an endpoint takes minutes, whatever the schedule says. */
export const FIRST_DEPLOY_BUDGET_SECONDS = 1800
const MAX_TAGS = 50
const TAG_CHAR = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]$/u
const DEFAULT_VARIANT = 'AllTraffic'

/** A tag value SageMaker accepts: disallowed characters become `_`, at most 256. */
function tagValue(text: string): string {
  return Array.from(text)
    .map(ch => (TAG_CHAR.test(ch) ? ch : '_'))
    .slice(0, 256)
    .join('')
}

/** The user's tags plus the action's provenance tags. */
export function planTags(userTags: readonly Tag[], run: RunContext): Tag[] {
  const provenance: [string, string][] = [
    ['repository', run.repository],
    ['sha', run.sha],
    ['workflow', run.workflow],
    ['run-id', run.runId],
    ['run-attempt', run.runAttempt]
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

function fleet(
  request: DeployRequest,
  current: CurrentEndpoint | null
): { variantName: string; instanceType: string; instanceCount: number } {
  if (current && request.variantName !== undefined && request.variantName !== current.variantName) {
    throw new InputError(
      'variant-name',
      `Input "variant-name" is "${request.variantName}", but endpoint ${request.endpointName} serves variant "${current.variantName}": a blue/green update must keep the variant name. Leave variant-name empty or set it to "${current.variantName}".`
    )
  }
  const instanceType = request.instanceType ?? current?.instanceType
  const instanceCount = request.instanceCount ?? current?.instanceCount
  const why = current
    ? `the live config of endpoint ${request.endpointName} does not say`
    : `endpoint ${request.endpointName} does not exist yet, so say`
  const missing = [
    instanceType === undefined
      ? `Input "instance-type" is required: ${why} which instance type to use (for example ml.m5.large).`
      : '',
    instanceCount === undefined
      ? `Input "instance-count" is required: ${why} how many instances to run (for example 2).`
      : ''
  ].filter(Boolean)
  if (instanceType === undefined || instanceCount === undefined) {
    throw new InputError(
      instanceType === undefined ? 'instance-type' : 'instance-count',
      missing.join('\n')
    )
  }
  return {
    variantName: request.variantName ?? current?.variantName ?? DEFAULT_VARIANT,
    instanceType,
    instanceCount
  }
}

function createModelBody(
  request: DeployRequest,
  modelName: string,
  tags: readonly Tag[]
): Record<string, unknown> | undefined {
  const model = request.model
  if (model.kind === 'existing') return undefined
  const environment =
    Object.keys(request.environment).length > 0 ? { Environment: { ...request.environment } } : {}
  const container =
    model.kind === 'artifact'
      ? { Image: model.imageUri, ModelDataUrl: model.modelDataUrl, ...environment }
      : { ModelPackageName: model.modelPackageArn, ...environment }
  return {
    ModelName: modelName,
    PrimaryContainer: container,
    ExecutionRoleArn: model.executionRoleArn,
    Tags: tags
  }
}

export function buildPlan(
  request: DeployRequest,
  run: RunContext,
  current: CurrentEndpoint | null,
  options: { provisioningEstimateSeconds?: number } = {}
): Plan {
  const provisioning = options.provisioningEstimateSeconds ?? DEFAULT_PROVISIONING_SECONDS
  const firstDeploy = current === null
  if (firstDeploy && request.retainDeploymentConfig) {
    throw new InputError(
      'retain-deployment-config',
      `Input "retain-deployment-config" is true, but endpoint ${request.endpointName} does not exist yet, so there is no deployment configuration to reuse. Set it to false for the first deployment.`
    )
  }
  const { variantName, instanceType, instanceCount } = fleet(request, current)
  const names = greenNames(request.endpointName, run)
  const greenModelName =
    request.model.kind === 'existing' ? request.model.modelName : names.modelName
  const { endpointConfigName } = names
  const tags = planTags(request.tags, run)
  const alarmsToCreate = request.createAlarms
    ? labAlarms(
        request.endpointName,
        variantName,
        request.errorRateThresholdPercent,
        request.latencyThresholdMs,
        tags
      )
    : []

  const retained = request.retainDeploymentConfig
    ? policyFromDeploymentConfig(current?.lastDeploymentConfig)
    : null
  const guardAlarmNames = request.retainDeploymentConfig
    ? alarmNamesFromDeploymentConfig(current?.lastDeploymentConfig)
    : [...new Set([...alarmsToCreate.map(a => a.name), ...request.alarmNames])]
  // Without a blue/green policy SageMaker shifts all traffic at once, with no bake.
  const effective: RolloutPolicy = request.policy ??
    retained ?? {
      routing: 'all-at-once',
      stepSize: { type: 'CAPACITY_PERCENT', value: 100 },
      waitIntervalSeconds: 0,
      terminationWaitSeconds: 0,
      maxExecutionTimeoutSeconds: undefined
    }

  const base = { EndpointName: request.endpointName, EndpointConfigName: endpointConfigName }
  let createEndpoint: Record<string, unknown> | undefined
  let updateEndpoint: Record<string, unknown> | undefined
  let schedule: ScheduledStep[]
  let expectedDurationSeconds: number
  if (firstDeploy) {
    const config = request.policy
      ? { DeploymentConfig: deploymentConfig(request.policy, instanceCount, guardAlarmNames) }
      : {}
    createEndpoint = { ...base, ...config, Tags: tags }
    const creation = options.provisioningEstimateSeconds ?? CREATE_ENDPOINT_ESTIMATE_SECONDS
    schedule = [
      {
        offsetSeconds: creation,
        bluePercent: 0,
        greenPercent: 100,
        greenInstances: instanceCount,
        label: 'endpoint created, green serves 100 %: no traffic shift on a new endpoint'
      }
    ]
    expectedDurationSeconds = creation
  } else {
    updateEndpoint = request.policy
      ? {
          ...base,
          DeploymentConfig: deploymentConfig(request.policy, instanceCount, guardAlarmNames)
        }
      : { ...base, RetainDeploymentConfig: true }
    schedule = expectedSchedule(effective, instanceCount, provisioning)
    // The last shift bakes too, then the final bake, then blue is terminated.
    const last = schedule.at(-1)?.offsetSeconds ?? 0
    expectedDurationSeconds =
      last + effective.waitIntervalSeconds + effective.terminationWaitSeconds + DECOMMISSION_SECONDS
  }

  const timeout = executionTimeout(effective, instanceCount, request.policy !== null)
  const budgetSeconds =
    request.timeoutMinutes !== undefined
      ? Math.max(1, Math.round(request.timeoutMinutes * 60))
      : Math.max(timeout + BUDGET_MARGIN_SECONDS, firstDeploy ? FIRST_DEPLOY_BUDGET_SECONDS : 0)

  return {
    endpointName: request.endpointName,
    region: request.region,
    firstDeploy,
    previousConfigName: current?.configName,
    blueModelName: current?.modelName,
    ...(current
      ? {
          blueFleet: {
            modelName: current.modelName,
            modelDataUrl: current.modelDataUrl,
            instanceType: current.instanceType,
            instanceCount: current.instanceCount
          }
        }
      : {}),
    greenModelName,
    createsModel: request.model.kind !== 'existing',
    endpointConfigName,
    variantName,
    instanceType,
    instanceCount,
    artifact:
      request.model.kind === 'artifact'
        ? request.model.modelDataUrl
        : request.model.kind === 'package'
          ? request.model.modelPackageArn
          : undefined,
    createModel: createModelBody(request, greenModelName, tags),
    createEndpointConfig: {
      EndpointConfigName: endpointConfigName,
      ProductionVariants: [
        {
          VariantName: variantName,
          ModelName: greenModelName,
          InitialInstanceCount: instanceCount,
          InstanceType: instanceType,
          InitialVariantWeight: 1
        }
      ],
      Tags: tags
    },
    createEndpoint,
    updateEndpoint,
    alarmsToCreate,
    guardAlarmNames,
    schedule,
    expectedDurationSeconds,
    budgetSeconds,
    tags
  }
}
