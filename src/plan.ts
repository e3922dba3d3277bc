import { labAlarms } from './alarms.js'
import { InputError } from './errors.js'
import { ACTION_TAG_PREFIX } from './inputs.js'
import { greenNames } from './names.js'
import type {
  CurrentEndpoint,
  DeployRequest,
  Plan,
  RolloutPolicy,
  RunContext,
  ScheduledStep,
  StepSize,
  Tag
} from './types.js'

// Pure: from what the user asked and what the endpoint is now, the exact requests to send,
// the traffic schedule to expect and how long to wait for a verdict.

/** The plan's estimate of green-fleet provisioning, before the first traffic step. */
export const DEFAULT_PROVISIONING_SECONDS = 60
/** Estimate for terminating the blue fleet after the final bake. */
export const DECOMMISSION_SECONDS = 60
/** Room for provisioning in SageMaker's own deployment timeout. */
export const PROVISIONING_MARGIN_SECONDS = 900
/** Room beyond SageMaker's deployment timeout before the action gives up waiting. */
export const BUDGET_MARGIN_SECONDS = 600
/** Creating an endpoint takes minutes, whatever the schedule says. */
export const FIRST_DEPLOY_BUDGET_SECONDS = 1800
export const MIN_EXECUTION_TIMEOUT_SECONDS = 600
export const MAX_EXECUTION_TIMEOUT_SECONDS = 28800
const MAX_TAGS = 50
const TAG_CHAR = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]$/u
const DEFAULT_VARIANT = 'AllTraffic'

const ROUTING_TYPES = { linear: 'LINEAR', canary: 'CANARY', 'all-at-once': 'ALL_AT_ONCE' } as const

/** Instances a linear step or canary moves: a percentage rounds up (33 % of 3 = 1). */
export function stepInstances(stepSize: StepSize, instanceCount: number): number {
  const fleet = Math.max(1, instanceCount)
  const raw =
    stepSize.type === 'CAPACITY_PERCENT'
      ? Math.ceil((fleet * stepSize.value) / 100)
      : Math.floor(stepSize.value)
  return Math.min(Math.max(raw, 1), fleet)
}

/** Traffic shifts, each followed by a bake of WaitIntervalInSeconds. */
function shiftCount(policy: RolloutPolicy, instanceCount: number): number {
  if (policy.routing === 'all-at-once') return 1
  if (policy.routing === 'canary') return 2
  return Math.ceil(Math.max(1, instanceCount) / stepInstances(policy.stepSize, instanceCount))
}

function completeLabel(terminationWaitSeconds: number): string {
  const bake = terminationWaitSeconds > 0 ? ` after a ${terminationWaitSeconds} s final bake` : ''
  return `complete, blue fleet decommissioned${bake}`
}

function linearLabel(step: number, greenPercent: number): string {
  if (step === 1) return 'first step shifted, alarms monitored'
  if (greenPercent === 50) return 'equal split'
  if (greenPercent > 50) return 'majority on green'
  return `step ${step} shifted, alarms monitored`
}

/** The traffic split SageMaker should show at each step, offsets from the update request. */
export function expectedSchedule(
  policy: RolloutPolicy,
  instanceCount: number,
  provisioningSeconds: number
): ScheduledStep[] {
  const fleet = Math.max(1, instanceCount)
  const wait = policy.waitIntervalSeconds
  const row = (offset: number, green: number, label: string): ScheduledStep => {
    const greenPercent = Math.round((100 * green) / fleet)
    return {
      offsetSeconds: offset,
      bluePercent: 100 - greenPercent,
      greenPercent,
      greenInstances: green,
      label
    }
  }
  const rows = [row(0, 0, 'deployment starts, green fleet provisioned')]
  const done = completeLabel(policy.terminationWaitSeconds)
  if (policy.routing === 'all-at-once') {
    rows.push(row(provisioningSeconds, fleet, `all traffic shifted, ${done}`))
  } else if (policy.routing === 'canary') {
    const canary = stepInstances(policy.stepSize, fleet)
    rows.push(row(provisioningSeconds, canary, 'canary shifted, alarms monitored'))
    rows.push(row(provisioningSeconds + wait, fleet, done))
  } else {
    const step = stepInstances(policy.stepSize, fleet)
    const steps = shiftCount(policy, fleet)
    for (let k = 1; k <= steps; k++) {
      const green = Math.min(k * step, fleet)
      const offset = provisioningSeconds + (k - 1) * wait
      const label = k === steps ? done : linearLabel(k, Math.round((100 * green) / fleet))
      rows.push(row(offset, green, label))
    }
  }
  return rows
}

/** SageMaker's MaximumExecutionTimeoutInSeconds: the user's, checked, or derived. */
function executionTimeout(policy: RolloutPolicy, instanceCount: number, checked: boolean): number {
  const waits =
    shiftCount(policy, instanceCount) * policy.waitIntervalSeconds + policy.terminationWaitSeconds
  const given = policy.maxExecutionTimeoutSeconds
  if (!checked) return given ?? clampTimeout(waits + PROVISIONING_MARGIN_SECONDS)
  if (waits > MAX_EXECUTION_TIMEOUT_SECONDS) {
    throw new InputError(
      'wait-interval',
      `The rollout waits ${waits} s in all (${shiftCount(policy, instanceCount)} traffic steps × wait-interval ${policy.waitIntervalSeconds} s + termination-wait ${policy.terminationWaitSeconds} s), more than SageMaker's limit of ${MAX_EXECUTION_TIMEOUT_SECONDS} s. Lower wait-interval or termination-wait, or use a larger step-size.`
    )
  }
  if (given === undefined) return clampTimeout(waits + PROVISIONING_MARGIN_SECONDS)
  if (given < waits) {
    throw new InputError(
      'max-execution-timeout',
      `Input "max-execution-timeout" is ${given} s, but the rollout waits at least ${waits} s (${shiftCount(policy, instanceCount)} traffic steps × wait-interval ${policy.waitIntervalSeconds} s + termination-wait ${policy.terminationWaitSeconds} s), before provisioning. Set it to at least ${waits} plus time to provision the green fleet, or leave it empty to derive it.`
    )
  }
  return given
}

function clampTimeout(seconds: number): number {
  return Math.min(Math.max(seconds, MIN_EXECUTION_TIMEOUT_SECONDS), MAX_EXECUTION_TIMEOUT_SECONDS)
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined
}

function seconds(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined
}

function capacity(value: unknown): StepSize | undefined {
  const size = record(value)
  const type = size?.['Type']
  const amount = size?.['Value']
  if ((type !== 'CAPACITY_PERCENT' && type !== 'INSTANCE_COUNT') || typeof amount !== 'number') {
    return undefined
  }
  return amount >= 1 ? { type, value: amount } : undefined
}

/** The rollout policy of a DescribeEndpoint LastDeploymentConfig; null if it has none. */
export function policyFromDeploymentConfig(config: unknown): RolloutPolicy | null {
  const blueGreen = record(record(config)?.['BlueGreenUpdatePolicy'])
  const routing = record(blueGreen?.['TrafficRoutingConfiguration'])
  const wait = seconds(routing?.['WaitIntervalInSeconds'])
  if (!blueGreen || !routing || wait === undefined) return null
  const type = routing['Type']
  const common = {
    waitIntervalSeconds: wait,
    terminationWaitSeconds: seconds(blueGreen['TerminationWaitInSeconds']) ?? 0,
    maxExecutionTimeoutSeconds: seconds(blueGreen['MaximumExecutionTimeoutInSeconds'])
  }
  if (type === 'ALL_AT_ONCE') {
    return { routing: 'all-at-once', stepSize: { type: 'CAPACITY_PERCENT', value: 100 }, ...common }
  }
  const stepSize = capacity(routing[type === 'LINEAR' ? 'LinearStepSize' : 'CanarySize'])
  if ((type !== 'LINEAR' && type !== 'CANARY') || !stepSize) return null
  return { routing: type === 'LINEAR' ? 'linear' : 'canary', stepSize, ...common }
}

/** The rollback alarms of a DescribeEndpoint LastDeploymentConfig. */
export function alarmNamesFromDeploymentConfig(config: unknown): string[] {
  const alarms = record(record(config)?.['AutoRollbackConfiguration'])?.['Alarms']
  if (!Array.isArray(alarms)) return []
  const names = alarms.map(a => record(a)?.['AlarmName']).filter(n => typeof n === 'string')
  return [...new Set(names as string[])]
}

function deploymentConfig(
  policy: RolloutPolicy,
  instanceCount: number,
  alarmNames: readonly string[]
): Record<string, unknown> {
  const type = ROUTING_TYPES[policy.routing]
  const size = { Type: policy.stepSize.type, Value: policy.stepSize.value }
  const routing: Record<string, unknown> = {
    Type: type,
    WaitIntervalInSeconds: policy.waitIntervalSeconds
  }
  if (type === 'LINEAR') routing['LinearStepSize'] = size
  if (type === 'CANARY') routing['CanarySize'] = size
  const config: Record<string, unknown> = {
    BlueGreenUpdatePolicy: {
      TrafficRoutingConfiguration: routing,
      TerminationWaitInSeconds: policy.terminationWaitSeconds,
      MaximumExecutionTimeoutInSeconds: executionTimeout(policy, instanceCount, true)
    }
  }
  if (alarmNames.length > 0) {
    config['AutoRollbackConfiguration'] = { Alarms: alarmNames.map(AlarmName => ({ AlarmName })) }
  }
  return config
}

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
    : `endpoint ${request.endpointName} does not exist yet`
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
    schedule = [
      {
        offsetSeconds: provisioning,
        bluePercent: 0,
        greenPercent: 100,
        greenInstances: instanceCount,
        label: 'endpoint created, green serves 100 %: no traffic shift on a new endpoint'
      }
    ]
    expectedDurationSeconds = provisioning
  } else {
    updateEndpoint = request.policy
      ? {
          ...base,
          DeploymentConfig: deploymentConfig(request.policy, instanceCount, guardAlarmNames)
        }
      : { ...base, RetainDeploymentConfig: true }
    schedule = expectedSchedule(effective, instanceCount, provisioning)
    const last = schedule.at(-1)?.offsetSeconds ?? 0
    expectedDurationSeconds = last + effective.terminationWaitSeconds + DECOMMISSION_SECONDS
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
