// Pure: the plan of a model deployed into an inference component. The component's live
// specification is sent back with only the model changed (the new model defines its own
// container), its copy count kept, and SageMaker's InferenceComponentRollingUpdatePolicy with
// the guard alarms: batches of copies (5–50 % of the copy count), a bake each, a rollback in
// steps of rollback-step-size (or all at once).
import { componentAlarms } from '../../guard/alarms.js'
import { greenModelFrom } from '../endpoint/carry-over.js'
import { InputError } from '../../errors.js'
import { greenNames } from '../../names.js'
import {
  BUDGET_MARGIN_SECONDS,
  DECOMMISSION_SECONDS,
  DEFAULT_PROVISIONING_SECONDS,
  artifactOf,
  createModelBody,
  planTags
} from '../../deploy/plan.js'
import { retainedConfig } from '../../deploy/retain.js'
import {
  executionTimeout,
  expectedSchedule,
  provisioningAllowance,
  stepInstances
} from '../../rollout-policy.js'
import { stepHash } from '../../deploy/step-identity.js'
import type {
  CurrentEndpoint,
  DeployRequest,
  Plan,
  RolloutPolicy,
  RunContext,
  StepSize,
  UnreadSetting
} from '../../types.js'
import type { LiveComponent } from './live.js'

type Body = Record<string, unknown>

/** What pre-flight read around the component. */
export interface ComponentSurroundings {
  /** The instance type of the endpoint variant hosting the component. */
  readonly instanceType: string | undefined
  /** The live model's CreateModel input (its network settings and environment carry over). */
  readonly liveModel: Readonly<Body> | undefined
  /** The live model's read, if it failed (pre-flight stops before a model is created without it). */
  readonly unread?: readonly UnreadSetting[]
  /** The live model's tags (a model an earlier run of this same step created carries its fingerprint). */
  readonly liveModelTags?: Readonly<Record<string, string>>
}

const INPUT = 'inference-component-name'

/** COPY_COUNT is a count of copies as INSTANCE_COUNT is a count of instances. */
function asInstanceSizes(config: Body | undefined): Body | undefined {
  if (config === undefined) return undefined
  const map = (size: unknown): unknown => {
    const s = size as { Type?: unknown; Value?: unknown } | undefined
    return s?.Type === 'COPY_COUNT' ? { ...s, Type: 'INSTANCE_COUNT' } : size
  }
  const rolling = config['RollingUpdatePolicy'] as Body | undefined
  if (rolling === undefined) return config
  return {
    ...config,
    RollingUpdatePolicy: {
      ...rolling,
      MaximumBatchSize: map(rolling['MaximumBatchSize']),
      ...(rolling['RollbackMaximumBatchSize'] === undefined
        ? {}
        : { RollbackMaximumBatchSize: map(rolling['RollbackMaximumBatchSize']) })
    }
  }
}

function size(step: StepSize): Body {
  return { Type: step.type === 'INSTANCE_COUNT' ? 'COPY_COUNT' : step.type, Value: step.value }
}

/** The batch against the copies, as the API states it: 5–50 % of the copy count. */
export function checkBatchCopies(policy: RolloutPolicy, copies: number, component: string): void {
  if (copies <= 1) {
    throw new InputError(
      INPUT,
      `Inference component ${component} runs ${copies} copy: a rolling batch must be 5–50 % of the copies, and no whole batch of 1 copy is. Raise its copy count to at least 2 before deploying with this action.`
    )
  }
  if (policy.stepSize.type !== 'INSTANCE_COUNT') return
  const batch = policy.stepSize.value
  const share = (100 * batch) / copies
  if (share >= 5 && share <= 50) return
  const min = Math.ceil(copies / 20)
  const max = Math.floor(copies / 2)
  const fits = min === max ? `, here exactly ${min}` : `, here ${min} to ${max} copies`
  throw new InputError(
    'step-size',
    `Input "step-size" is ${batch}, which is ${batch} cop${batch === 1 ? 'y' : 'ies'} (${Math.round(share)} % of the ${copies} copies of inference component ${component}); a rolling batch must be 5–50 % of the copies${fits}.`
  )
}

function refuse(request: DeployRequest, live: LiveComponent): void {
  const name = live.name
  if (live.endpointName !== undefined && live.endpointName !== request.endpointName) {
    throw new InputError(
      INPUT,
      `Input "${INPUT}" is "${name}", but that inference component runs on endpoint ${live.endpointName}, not on ${request.endpointName} (endpoint-name). Set endpoint-name to ${live.endpointName}, or name a component of ${request.endpointName}.`
    )
  }
  if (live.specificationCount > 1) {
    throw new InputError(
      INPUT,
      `Inference component ${name} has ${live.specificationCount} specifications (one per instance type); this action deploys one model into one specification. Update it with UpdateInferenceComponent outside this action.`
    )
  }
  if (live.specification === undefined) {
    throw new InputError(
      INPUT,
      `Inference component ${name} shows no specification to carry over, so the step cannot keep its compute requirements. Check it with DescribeInferenceComponent.`
    )
  }
  if (live.specification['BaseInferenceComponentName'] !== undefined) {
    throw new InputError(
      INPUT,
      `Inference component ${name} is an adapter of ${String(live.specification['BaseInferenceComponentName'])}: it loads an adapter into its base component's model, not a model of its own. Deploy into the base component, or update the adapter outside this action.`
    )
  }
}

/** The retained policy and alarms: the component's LastDeploymentConfig, sent again. */
function retained(request: DeployRequest, live: LiveComponent) {
  if (!request.retainDeploymentConfig) return undefined
  if (live.lastDeploymentConfig === undefined) {
    throw new InputError(
      'retain-deployment-config',
      `Input "retain-deployment-config" is true, but inference component ${live.name} has no LastDeploymentConfig to reuse (it was created or last updated without one). Set retain-deployment-config: false and give the policy (and alarms) to use.`
    )
  }
  const current = {
    lastDeploymentConfig: asInstanceSizes(live.lastDeploymentConfig)
  } as unknown as CurrentEndpoint
  const r = retainedConfig(request, current)
  return { ...r, description: r.description.replace("the endpoint's", `${live.name}'s`) }
}

export function buildComponentPlan(
  request: DeployRequest,
  run: RunContext,
  live: LiveComponent,
  around: ComponentSurroundings,
  options: { provisioningEstimateSeconds?: number } = {}
): Plan {
  refuse(request, live)
  const name = live.name
  const spec = live.specification ?? {}
  const copies = live.desiredCopies ?? 0
  const keep = retained(request, live)
  const policy: RolloutPolicy | null = request.policy ?? keep?.policy ?? null
  if (policy === null) throw new Error('no rolling policy')
  checkBatchCopies(policy, copies, name)
  const batch = stepInstances(policy.stepSize, copies)

  const greenModelName =
    request.model.kind === 'existing' ? request.model.modelName : greenNames(name, run).modelName
  const model = greenModelFrom(around.liveModel, request.environment, request.inheritEnvironment)
  const modelBody = createModelBody(request, greenModelName, model.environment, model.extra)

  const tags = planTags(request.tags, run)
  const created = request.createAlarms
    ? componentAlarms(
        name,
        request.endpointName,
        request.errorRateThresholdPercent,
        request.latencyThresholdMs,
        tags,
        request.alarmNamePrefix
      )
    : []
  const alarmsToCreate = keep ? created.filter(a => keep.alarmNames.includes(a.name)) : created
  const guardAlarmNames = keep
    ? [...keep.alarmNames]
    : [...new Set([...alarmsToCreate.map(a => a.name), ...request.alarmNames])]

  // Everything the live specification sets, but the model (its container is the old model's).
  const { ModelName, Container, ...carried } = spec
  void ModelName
  const startup = carried['StartupParameters'] as Body | undefined
  const allowance = provisioningAllowance(
    startup?.['ModelDataDownloadTimeoutInSeconds'] as number | undefined,
    startup?.['ContainerStartupHealthCheckTimeoutInSeconds'] as number | undefined
  )
  const timeout = executionTimeout(policy, copies, true, allowance)
  const rollback = policy.rollbackStepSize
  const update: Body = {
    InferenceComponentName: name,
    Specification: { ...carried, ModelName: greenModelName },
    RuntimeConfig: { CopyCount: copies },
    DeploymentConfig: {
      RollingUpdatePolicy: {
        MaximumBatchSize: size(policy.stepSize),
        WaitIntervalInSeconds: policy.waitIntervalSeconds,
        MaximumExecutionTimeoutInSeconds: timeout,
        ...(rollback ? { RollbackMaximumBatchSize: size(rollback) } : {})
      },
      ...(guardAlarmNames.length > 0
        ? {
            AutoRollbackConfiguration: { Alarms: guardAlarmNames.map(AlarmName => ({ AlarmName })) }
          }
        : {})
    }
  }
  const step = stepHash({
    endpointName: `${request.endpointName}/${name}`,
    model: modelBody ?? greenModelName,
    endpointConfig: {},
    endpointChange: { ...update, Specification: carried }
  })
  const stepTags = planTags(request.tags, run, step)

  const provisioning = options.provisioningEstimateSeconds ?? DEFAULT_PROVISIONING_SECONDS
  const schedule = expectedSchedule(policy, copies, provisioning).map(row => ({
    ...row,
    label: row.label.replace(/instance\(s\)|instances/g, 'copies')
  }))
  const last = schedule.at(-1)?.offsetSeconds ?? 0
  const carriedOver = [
    ...Object.entries(carried).map(([member, value]) =>
      typeof value === 'object'
        ? `specification ${member}`
        : `specification ${member} ${String(value)}`
    ),
    `copy count ${copies}`,
    ...model.carried
  ]
  const notes = [
    ...(Container !== undefined
      ? [
          `The live specification's Container (image, artifact, environment) belonged to model ${live.modelName ?? '?'}: the new model defines its own.`
        ]
      : []),
    ...(keep ? [keep.description] : [])
  ]
  const budgetSeconds =
    request.timeoutMinutes !== undefined
      ? Math.max(1, Math.round(request.timeoutMinutes * 60))
      : timeout + BUDGET_MARGIN_SECONDS

  return {
    endpointName: request.endpointName,
    region: request.region,
    firstDeploy: false,
    previousConfigName: undefined,
    blueModelName: live.modelName,
    greenModelName,
    createsModel: request.model.kind !== 'existing',
    endpointConfigName: '',
    variantName: live.variantName ?? '',
    instanceType: around.instanceType ?? '',
    instanceCount: copies,
    artifact: artifactOf(request.model),
    createModel: modelBody && { ...modelBody, Tags: stepTags },
    createEndpointConfig: {},
    createEndpoint: undefined,
    updateEndpoint: undefined,
    alarmsToCreate,
    guardAlarmNames,
    schedule,
    expectedDurationSeconds: last + policy.waitIntervalSeconds + DECOMMISSION_SECONDS,
    budgetSeconds,
    tags: stepTags,
    stepHash: step,
    carriedOver,
    notes,
    warnings: [...model.warnings],
    secretValues: model.inheritedValues,
    peakInstances: { blueGreen: 2 * copies, rolling: copies + batch },
    component: {
      name,
      liveModelName: live.modelName,
      copies,
      batchCopies: batch,
      rollbackCopies: rollback ? stepInstances(rollback, copies) : undefined,
      updateInferenceComponent: update,
      lastModifiedTime: live.lastModifiedTime
    }
  }
}
