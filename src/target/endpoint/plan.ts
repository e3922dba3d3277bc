import { createdAlarmPeriods, labAlarms } from '../../guard/alarms.js'
import { gateAlarm, gatePlan } from '../../guard/gate/alarm.js'
import { InputError } from '../../errors.js'
import { greenNames } from '../../names.js'
import { REPLACES_TAG, stepHash } from '../../deploy/step-identity.js'
import { ACTION_TAG_PREFIX } from '../../inputs/index.js'
import {
  artifactOf,
  BUDGET_MARGIN_SECONDS,
  CREATE_ENDPOINT_ESTIMATE_SECONDS,
  createModelBody,
  DECOMMISSION_SECONDS,
  DEFAULT_PROVISIONING_SECONDS,
  FIRST_DEPLOY_BUDGET_SECONDS,
  MAX_TAGS,
  planTags
} from '../../deploy/plan.js'
import { carriedTags, greenConfig, greenModel, runningCount } from './carry-over.js'
import { checkEndpointKind, checkModelShape } from './kinds.js'
import { retainedConfig } from '../../deploy/retain.js'
import { unwatchedWindows } from '../../guard/rolling-windows.js'
import {
  checkStepSize,
  deploymentConfig,
  executionTimeout,
  expectedSchedule,
  peakInstances,
  provisioningAllowance
} from '../../rollout-policy.js'
import type {
  AlarmSpec,
  CurrentEndpoint,
  DeployRequest,
  LiveVariant,
  Plan,
  RolloutPolicy,
  RunContext,
  ScheduledStep,
  Tag
} from '../../types.js'

export {
  alarmNamesFromDeploymentConfig,
  expectedSchedule,
  MAX_EXECUTION_TIMEOUT_SECONDS,
  MIN_EXECUTION_TIMEOUT_SECONDS,
  policyFromDeploymentConfig,
  PROVISIONING_MARGIN_SECONDS,
  stepInstances
} from '../../rollout-policy.js'

// Pure: from what the user asked and what the endpoint is now, the exact requests to send,
// the traffic schedule to expect and how long to wait for a verdict. The rollout policy's
// own rules (steps, schedule, DeploymentConfig, timeout) live in rollout-policy.ts.

const DEFAULT_VARIANT = 'AllTraffic'

/** The variant, instance type and count of the green fleet, and what a person should know. */
function fleet(
  request: DeployRequest,
  current: CurrentEndpoint | null
): {
  variantName: string
  instanceType: string
  instanceCount: number
  live: LiveVariant | undefined
  notes: string[]
} {
  const live = current
    ? checkEndpointKind(request.endpointName, current, request.variantName)
    : undefined
  const notes: string[] = []
  // Auto scaling moves the desired count: the green fleet starts at today's, at least 1.
  let running = live ? runningCount(live) : current?.instanceCount
  if (live?.desiredCount === 0) {
    notes.push(
      `Variant ${live.name} is scaled to zero; the green fleet starts with ${request.instanceCount ?? running ?? '?'} instance(s) (SageMaker needs at least 1), and auto scaling takes it from there.`
    )
  }
  if (running !== undefined && running < 1) running = undefined
  const instanceType = request.instanceType ?? live?.instanceType ?? current?.instanceType
  const instanceCount = request.instanceCount ?? running
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
    variantName: request.variantName ?? live?.name ?? current?.variantName ?? DEFAULT_VARIANT,
    instanceType,
    instanceCount,
    live,
    notes
  }
}

const ALL_AT_ONCE: RolloutPolicy = {
  routing: 'all-at-once',
  stepSize: { type: 'CAPACITY_PERCENT', value: 100 },
  waitIntervalSeconds: 0,
  terminationWaitSeconds: 0,
  maxExecutionTimeoutSeconds: undefined
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
  const { variantName, instanceType, instanceCount, live, notes } = fleet(request, current)
  if (current && request.model.kind !== 'existing') {
    checkModelShape(request.endpointName, variantName, current.model)
  }
  const names = greenNames(request.endpointName, run)
  const greenModelName =
    request.model.kind === 'existing' ? request.model.modelName : names.modelName
  const { endpointConfigName } = names
  const tags = planTags(request.tags, run)
  const retained =
    request.retainDeploymentConfig && current ? retainedConfig(request, current) : undefined
  const created: AlarmSpec[] = request.createAlarms
    ? labAlarms(
        request.endpointName,
        variantName,
        request.errorRateThresholdPercent,
        request.latencyThresholdMs,
        tags,
        createdAlarmPeriods(request.metricsResolution, request.metricDelaySeconds),
        request.alarmNamePrefix
      )
    : []
  // The gate's alarm guards a shift: a new endpoint has none (SageMaker creates it at once).
  const gate =
    request.gate && !firstDeploy
      ? gatePlan(request.endpointName, request.gate, request.alarmNamePrefix)
      : undefined
  if (gate) {
    created.push(gateAlarm(gate, request.endpointName, tags))
    if (retained && !retained.alarmNames.includes(gate.alarmName)) {
      throw new InputError(
        'retain-deployment-config',
        `Input "retain-deployment-config" is true, but the endpoint's retained policy does not name the gate alarm ${gate.alarmName}, so SageMaker would not roll back when a gate check fails. Send a policy (retain-deployment-config: false) to have the gate guard this update, or remove verify-requests and verify-command.`
      )
    }
  }
  // With retain, an alarm the retained config does not name would guard nothing.
  const alarmsToCreate = retained
    ? created.filter(a => retained.alarmNames.includes(a.name))
    : created
  const guardAlarmNames = retained
    ? [...retained.alarmNames]
    : [...new Set([...alarmsToCreate.map(a => a.name), ...request.alarmNames])]
  // Without a blue/green policy SageMaker shifts all traffic at once, with no bake.
  const effective: RolloutPolicy = request.policy ?? retained?.policy ?? ALL_AT_ONCE
  if (request.policy) checkStepSize(request.policy, instanceCount, variantName)
  if (request.policy?.routing === 'rolling' && current && current.variants.length > 1) {
    throw new InputError(
      'traffic-routing',
      `Input "traffic-routing" is rolling, but endpoint ${request.endpointName} has ${current.variants.length} variants: SageMaker excludes multi-variant endpoints from rolling deployments. Use linear or canary (blue/green) for this endpoint.`
    )
  }
  const allowance = provisioningAllowance(
    live?.downloadTimeoutSeconds,
    live?.healthCheckTimeoutSeconds
  )

  const base = { EndpointName: request.endpointName, EndpointConfigName: endpointConfigName }
  const deployment = (policy: RolloutPolicy) =>
    deploymentConfig(policy, instanceCount, guardAlarmNames, allowance)
  let endpointChange: Record<string, unknown>
  let schedule: ScheduledStep[]
  let expectedDurationSeconds: number
  if (firstDeploy) {
    endpointChange = {
      ...base,
      ...(request.policy ? { DeploymentConfig: deployment(request.policy) } : {})
    }
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
    endpointChange = request.policy
      ? { ...base, DeploymentConfig: deployment(request.policy) }
      : { ...base, RetainDeploymentConfig: true }
    schedule = expectedSchedule(effective, instanceCount, provisioning)
    // The last shift bakes too, then the final bake, then blue is terminated.
    const last = schedule.at(-1)?.offsetSeconds ?? 0
    expectedDurationSeconds =
      last + effective.waitIntervalSeconds + effective.terminationWaitSeconds + DECOMMISSION_SECONDS
  }

  // The green config is the live one with this step's changes; the new model takes the live
  // model's network settings (and its environment, when asked).
  const model = greenModel(current, request.environment, request.inheritEnvironment)
  const config = greenConfig(
    current,
    { variantName, modelName: greenModelName, instanceType, instanceCount },
    request.metricsResolution
  )
  const modelBody = createModelBody(request, greenModelName, model.environment, model.extra)
  const configBody: Record<string, unknown> = {
    EndpointConfigName: endpointConfigName,
    ...config.body
  }
  // What this step asks SageMaker to run, fingerprinted before names and tags are added.
  const step = stepHash({
    endpointName: request.endpointName,
    model: modelBody ?? greenModelName,
    endpointConfig: configBody,
    endpointChange
  })
  const stepTags = planTags(request.tags, run, step)
  const kept = carriedTags(current, stepTags, ACTION_TAG_PREFIX)
  // What a later rollback-to: previous puts back (the step's own tags come first).
  const replaces =
    current && current.configName !== '' && stepTags.length < MAX_TAGS
      ? [{ Key: REPLACES_TAG, Value: current.configName }]
      : []
  const room = Math.max(0, MAX_TAGS - stepTags.length - replaces.length)
  const configTags = [...kept.slice(0, room), ...stepTags, ...replaces]
  const warnings = [...model.warnings]
  if (kept.length > room) {
    warnings.push(
      `The live config's tags ${kept
        .slice(room)
        .map(t => t.Key)
        .join(
          ', '
        )} are not carried over: SageMaker allows ${MAX_TAGS} tags and the step's own take ${stepTags.length + replaces.length}.`
    )
  }
  const carriedOver = [
    ...config.carried,
    ...model.carried,
    ...(kept.length > 0 && room > 0
      ? [
          `tags ${kept
            .slice(0, room)
            .map(t => t.Key)
            .join(', ')}`
        ]
      : [])
  ]
  const tagged = (body: Record<string, unknown>, with_: readonly Tag[] = stepTags) => ({
    ...body,
    Tags: with_
  })

  const timeout = executionTimeout(effective, instanceCount, request.policy !== null, allowance)
  const budgetSeconds =
    request.timeoutMinutes !== undefined
      ? Math.max(1, Math.round(request.timeoutMinutes * 60))
      : Math.max(timeout + BUDGET_MARGIN_SECONDS, firstDeploy ? FIRST_DEPLOY_BUDGET_SECONDS : 0)

  return {
    endpointName: request.endpointName,
    region: request.region,
    firstDeploy,
    previousConfigName: current?.configName,
    blueModelName: live?.modelName ?? current?.modelName,
    ...(current
      ? {
          blueFleet: {
            modelName: live?.modelName ?? current.modelName,
            modelDataUrl: current.modelDataUrl,
            ...(current.image ? { image: current.image } : {}),
            instanceType: live?.instanceType ?? current.instanceType,
            instanceCount: live?.desiredCount ?? current.instanceCount
          }
        }
      : {}),
    greenModelName,
    createsModel: request.model.kind !== 'existing',
    endpointConfigName,
    variantName,
    instanceType,
    instanceCount,
    artifact: artifactOf(request.model),
    createModel: modelBody && tagged(modelBody),
    createEndpointConfig: tagged(configBody, configTags),
    createEndpoint: firstDeploy ? tagged(endpointChange) : undefined,
    updateEndpoint: firstDeploy ? undefined : endpointChange,
    alarmsToCreate,
    guardAlarmNames,
    ...(gate ? { gate } : {}),
    schedule,
    expectedDurationSeconds,
    budgetSeconds,
    tags: stepTags,
    stepHash: step,
    carriedOver,
    notes: [
      ...notes,
      ...config.notes,
      ...(retained ? [retained.description] : []),
      ...(request.gate && firstDeploy
        ? [
            'Verification gate: a new endpoint has no traffic shift for it to guard (SageMaker creates it serving the model at once); it guards the next update.'
          ]
        : [])
    ],
    ...(retained ? { retainedPolicy: retained.policy } : {}),
    warnings,
    secretValues: model.inheritedValues,
    ...(firstDeploy ? {} : { peakInstances: peakInstances(effective, instanceCount) }),
    ...(!firstDeploy && effective.routing === 'rolling'
      ? { unwatched: unwatchedWindows(schedule, effective.waitIntervalSeconds) }
      : {})
  }
}

/** The plan with other names for the green model and config (reused or fresh ones). */
export function renamePlan(plan: Plan, modelName: string, configName: string): Plan {
  const variants = (
    plan.createEndpointConfig['ProductionVariants'] as Record<string, unknown>[]
  ).map(v => (v['VariantName'] === plan.variantName ? { ...v, ModelName: modelName } : v))
  return {
    ...plan,
    greenModelName: modelName,
    endpointConfigName: configName,
    ...(plan.createModel ? { createModel: { ...plan.createModel, ModelName: modelName } } : {}),
    createEndpointConfig: {
      ...plan.createEndpointConfig,
      EndpointConfigName: configName,
      ProductionVariants: variants
    },
    ...(plan.createEndpoint
      ? { createEndpoint: { ...plan.createEndpoint, EndpointConfigName: configName } }
      : {}),
    ...(plan.updateEndpoint
      ? { updateEndpoint: { ...plan.updateEndpoint, EndpointConfigName: configName } }
      : {})
  }
}
