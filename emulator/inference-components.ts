// SageMaker inference components: create, describe, list, update and delete on an endpoint
// whose variants host components (no ModelName). Creating for the scenario's
// provisioningSeconds, then InService with every desired copy running; Deleting for
// deletionSeconds, then gone. UpdateInferenceComponent changes the copy count in place, or
// replaces the model batch by batch (component-update.ts).

import { launchCopies } from './component-update.js'
import { ApiError, validation } from './errors.js'
import type {
  ComponentUpdate,
  InferenceComponentRecord,
  InferenceComponentStatus
} from './inference-components-state.js'
import { batchOf, validateComponentRollingPolicy, type BatchSize } from './rolling-policy.js'
import { SageMakerOperations, seconds } from './sagemaker-operations.js'
import { SAGEMAKER_SHAPES } from './sagemaker-shapes.js'
import { behaviourFor } from './scenario.js'
import { validateInput } from './shapes.js'
import { MODEL_NAME_PATTERN, readTags, requireString, type Params } from './validate.js'

const SECOND = 1000

export class InferenceComponents extends SageMakerOperations {
  private get components(): Map<string, InferenceComponentRecord> {
    return this.ctx.store.inferenceComponents
  }

  /** Moves a component through Creating/Deleting up to now; false once it is gone. */
  private refresh(c: InferenceComponentRecord): boolean {
    const now = this.ctx.now()
    if (c.phaseEndsAt === undefined || now < c.phaseEndsAt) return true
    const at = c.phaseEndsAt
    c.phaseEndsAt = undefined
    c.lastModifiedTime = at
    if (c.status === 'Deleting') {
      this.components.delete(c.name.toLowerCase())
      return false
    }
    if (c.status === 'Creating') {
      if (behaviourFor(this.ctx.scenario(), this.behaviourKeys(c.request)).failHealthCheck) {
        c.status = 'Failed'
        c.failureReason = `The container of inference component ${c.name} did not pass the ping health check.`
      } else {
        c.status = 'InService'
        c.trafficSince ??= at
      }
    }
    // A change of the copy count alone.
    if (c.status === 'Updating') c.status = 'InService'
    return true
  }

  /** The scenario's keys for the model a request deploys: artifact, then model, then image. */
  behaviourKeys(request: Params): string[] {
    const spec = specOf(request)
    const container = spec?.Container as Params | undefined
    const model = this.ctx.store.model(specModelName(request) ?? '')
    return [
      ...(typeof container?.ArtifactUrl === 'string' ? [container.ArtifactUrl] : []),
      ...(model?.behaviourKeys ?? []),
      ...(typeof container?.Image === 'string' ? [container.Image] : [])
    ]
  }

  private component(p: Params): InferenceComponentRecord {
    const name = requireString(p, 'InferenceComponentName', {
      max: 63,
      pattern: MODEL_NAME_PATTERN
    })
    const c = this.components.get(name.toLowerCase())
    if (c === undefined || !this.refresh(c))
      throw validation(`Could not find inference component "${name}".`)
    return c
  }

  createComponent(p: Params): Params {
    const input = validateInput(SAGEMAKER_SHAPES, 'CreateInferenceComponent', p)
    const name = String(input.InferenceComponentName)
    const endpoint = this.ctx.store.endpoint(String(input.EndpointName))
    if (endpoint === undefined)
      throw validation(`Could not find endpoint "${String(input.EndpointName)}".`)
    const hosts = endpoint.blue.variants.filter(v => v.modelName === '')
    if (hosts.length === 0) {
      throw validation(
        `Endpoint "${endpoint.name}" cannot host inference components: its production variants each serve a model (ModelName). Create the endpoint from a configuration whose variants have no ModelName.`
      )
    }
    if (endpoint.status !== 'InService')
      throw validation(
        `Cannot create an inference component on endpoint "${endpoint.name}" while it is ${endpoint.status}.`
      )
    const variantName =
      (input.VariantName as string | undefined) ??
      (hosts.length === 1 ? hosts[0]?.variantName : undefined)
    const variant = hosts.find(v => v.variantName === variantName)
    if (variant === undefined) {
      throw validation(
        variantName === undefined
          ? `VariantName is required: endpoint "${endpoint.name}" has several production variants.`
          : `Could not find production variant "${variantName}" of endpoint "${endpoint.name}".`
      )
    }
    const spec = specOf(input)
    if (spec === undefined) throw validation('Specification is required.')
    const model = this.checkSpecification(input, spec)
    const adapter = spec.BaseInferenceComponentName !== undefined
    if (!adapter && input.RuntimeConfig === undefined)
      throw validation(
        'RuntimeConfig is required unless Specification.BaseInferenceComponentName is set.'
      )
    const tags = readTags(p)
    const arn = this.arn('inference-component', name)
    if (this.components.has(name.toLowerCase()))
      throw new ApiError(
        'ResourceInUse',
        `Cannot create already existing inference component "${arn}".`
      )
    const now = this.ctx.now()
    const container = spec.Container as Params | undefined
    const record: InferenceComponentRecord = {
      name,
      arn,
      endpointName: endpoint.name,
      endpointArn: endpoint.arn,
      variantName: variant.variantName,
      request: { ...input },
      instanceType: variant.instanceType,
      image: (container?.Image as string | undefined) ?? model?.image,
      desiredCopyCount: Number((input.RuntimeConfig as Params | undefined)?.CopyCount ?? 0),
      status: 'Creating',
      failureReason: undefined,
      creationTime: now,
      lastModifiedTime: now,
      phaseEndsAt: now + this.ctx.scenario().provisioningSeconds * SECOND,
      tags
    }
    delete record.request.Tags
    record.behaviourKeys = this.behaviourKeys(record.request)
    this.components.set(name.toLowerCase(), record)
    return { InferenceComponentArn: arn }
  }

  /** The model must exist; compute requirements unless an adapter. Returns the model. */
  private checkSpecification(input: Params, spec: Params): ReturnType<typeof this.ctx.store.model> {
    if (input.Specification !== undefined && input.Specifications !== undefined)
      throw validation('Specify either Specification or Specifications, not both.')
    const modelName = specModelName(input)
    const model = modelName === undefined ? undefined : this.ctx.store.model(modelName)
    if (modelName !== undefined && model === undefined)
      throw validation(`Could not find model "${modelName}".`)
    if (
      spec.BaseInferenceComponentName === undefined &&
      spec.ComputeResourceRequirements === undefined
    )
      throw validation(
        'Specification.ComputeResourceRequirements is required unless BaseInferenceComponentName is set.'
      )
    return model
  }

  updateComponent(p: Params): Params {
    const input = validateInput(SAGEMAKER_SHAPES, 'UpdateInferenceComponent', p)
    const c = this.component(input)
    if (c.status === 'Creating' || c.status === 'Updating' || c.status === 'Deleting')
      throw validation(`Cannot update in-progress inference component "${c.arn}".`)
    if (c.status === 'Failed')
      throw validation(
        `Cannot update inference component "${c.arn}" in Failed status: delete it and create it again.`
      )
    const endpoint = this.ctx.store.endpoint(c.endpointName)
    if (endpoint?.status !== 'InService')
      throw validation(
        `Cannot update inference component "${c.arn}" while endpoint "${c.endpointName}" is ${endpoint?.status ?? 'missing'}.`
      )
    const runtime = input.RuntimeConfig as Params | undefined
    const copies = Number(runtime?.CopyCount ?? c.desiredCopyCount)
    const spec = specOf(input)
    const config = input.DeploymentConfig as Params | undefined
    const now = this.ctx.now()
    if (spec === undefined) {
      if (config !== undefined)
        throw validation('DeploymentConfig applies to an update of the Specification.')
      if (runtime === undefined)
        throw validation('Nothing to update: give a Specification or a RuntimeConfig.')
      c.request = { ...c.request, RuntimeConfig: runtime }
      const growing = copies > c.desiredCopyCount
      c.desiredCopyCount = copies
      c.status = 'Updating'
      c.lastModifiedTime = now
      const scenario = this.ctx.scenario()
      c.phaseEndsAt =
        now + (growing ? scenario.provisioningSeconds : scenario.decommissionSeconds) * SECOND
      return { InferenceComponentArn: c.arn }
    }
    const model = this.checkSpecification(input, spec)
    const rolling = config?.RollingUpdatePolicy as Params | undefined
    if (rolling !== undefined) validateComponentRollingPolicy(rolling, copies)
    const alarms = ((config?.AutoRollbackConfiguration as Params | undefined)?.Alarms ??
      []) as Params[]
    const names = alarms.map(a => String(a.AlarmName))
    const missing = names.filter(
      name => this.ctx.scenario().assumeAlarmsMustExist && !this.ctx.alarmExists(name)
    )
    if (missing.length > 0)
      throw validation(
        `The CloudWatch alarm(s) ${missing.map(n => `"${n}"`).join(', ')} in AutoRollbackConfiguration do not exist.`
      )
    const newRequest: Params = { ...c.request, RuntimeConfig: runtime ?? c.request.RuntimeConfig }
    delete newRequest.Specification
    delete newRequest.Specifications
    if (input.Specification !== undefined) newRequest.Specification = input.Specification
    else newRequest.Specifications = input.Specifications
    const container = spec.Container as Params | undefined
    // With no DeploymentConfig the update replaces every copy at once, unguarded (blue/green).
    const update: ComponentUpdate = {
      oldRequest: c.request,
      newRequest,
      oldBehaviourKeys: this.behaviourKeys(c.request),
      newBehaviourKeys: this.behaviourKeys(newRequest),
      newImage: (container?.Image as string | undefined) ?? model?.image,
      oldCopies: c.desiredCopyCount,
      newCopies: copies,
      batch: rolling === undefined ? copies : batchOf(toBatch(rolling.MaximumBatchSize), copies),
      rollbackBatch: batchOf(toBatch(rolling?.RollbackMaximumBatchSize), copies),
      waitSeconds: Number(rolling?.WaitIntervalInSeconds ?? 0),
      maxTimeoutSeconds: rolling?.MaximumExecutionTimeoutInSeconds as number | undefined,
      alarms: names,
      startTime: now,
      phase: 'batch-provisioning',
      phaseEndsAt: now,
      oldRunning: c.desiredCopyCount,
      newRunning: 0,
      newServing: 0,
      launching: 0,
      terminating: 0,
      pendingShift: 0,
      rollbackReason: undefined,
      newTrafficSince: undefined,
      peakCopies: c.desiredCopyCount
    }
    c.update = update
    c.status = 'Updating'
    c.phaseEndsAt = undefined
    if (config !== undefined) c.lastDeploymentConfig = config
    launchCopies(c, update, now, this.ctx.scenario())
    return { InferenceComponentArn: c.arn }
  }

  describeComponent(p: Params): Params {
    const c = this.component(p)
    const summary = (spec: Params): Params => {
      const container = spec.Container as Params | undefined
      const image = container?.Image as string | undefined
      const rest = { ...(container ?? {}) }
      delete rest.Image
      return {
        ...spec,
        ...(container === undefined
          ? {}
          : {
              Container: {
                ...(image === undefined
                  ? {}
                  : {
                      DeployedImage: {
                        SpecifiedImage: image,
                        ResolvedImage: `${image.split(':')[0]}@sha256:${'0'.repeat(64)}`,
                        ResolutionTime: seconds(c.creationTime)
                      }
                    }),
                ...rest
              }
            })
      }
    }
    const u = c.update !== undefined && c.update.phase !== 'done' ? c.update : undefined
    const running =
      u !== undefined
        ? u.oldRunning + u.newRunning
        : c.status === 'InService' || c.status === 'Updating'
          ? c.desiredCopyCount
          : 0
    // While an update runs: the live specification, or the new one under the switch.
    const shown =
      u !== undefined && this.ctx.scenario().componentSpecSwitchesEarly ? u.newRequest : c.request
    const specs = shown.Specifications as Params[] | undefined
    return {
      InferenceComponentName: c.name,
      InferenceComponentArn: c.arn,
      EndpointName: c.endpointName,
      EndpointArn: c.endpointArn,
      VariantName: c.variantName,
      ...(c.failureReason === undefined ? {} : { FailureReason: c.failureReason }),
      ...(shown.Specification === undefined
        ? {}
        : { Specification: summary(shown.Specification as Params) }),
      ...(specs === undefined ? {} : { Specifications: specs.map(summary) }),
      ...(shown.RuntimeConfig === undefined
        ? {}
        : {
            RuntimeConfig: {
              DesiredCopyCount: u?.newCopies ?? c.desiredCopyCount,
              CurrentCopyCount: running,
              ...(running > 0
                ? { PlacementStatus: [{ InstanceType: c.instanceType, CurrentCopyCount: running }] }
                : {})
            }
          }),
      CreationTime: seconds(c.creationTime),
      LastModifiedTime: seconds(c.lastModifiedTime),
      InferenceComponentStatus: c.status,
      ...(c.lastDeploymentConfig === undefined
        ? {}
        : { LastDeploymentConfig: c.lastDeploymentConfig })
    }
  }

  listComponents(p: Params): Params {
    const all = [...this.components.values()].filter(c => this.refresh(c))
    const matching = new Map(
      all
        .filter(
          c =>
            (p.StatusEquals === undefined ||
              c.status === (p.StatusEquals as InferenceComponentStatus)) &&
            (p.EndpointNameEquals === undefined || c.endpointName === p.EndpointNameEquals) &&
            (p.VariantNameEquals === undefined || c.variantName === p.VariantNameEquals)
        )
        .map(c => [c.name.toLowerCase(), c])
    )
    const page = this.list(
      p,
      'InferenceComponents',
      'InferenceComponentName',
      'InferenceComponentArn',
      matching
    )
    const byArn = new Map(all.map(c => [c.arn, c]))
    return {
      ...page,
      InferenceComponents: (page.InferenceComponents as Params[]).map(entry => {
        const c = byArn.get(String(entry.InferenceComponentArn))
        return {
          ...entry,
          EndpointArn: c?.endpointArn,
          EndpointName: c?.endpointName,
          VariantName: c?.variantName,
          InferenceComponentStatus: c?.status,
          LastModifiedTime: seconds(c?.lastModifiedTime ?? 0)
        }
      })
    }
  }

  deleteComponent(p: Params): Params {
    const c = this.component(p)
    if (c.status === 'Creating' || c.status === 'Updating' || c.status === 'Deleting')
      throw validation(`Cannot delete in-progress inference component "${c.arn}".`)
    const now = this.ctx.now()
    c.status = 'Deleting'
    c.lastModifiedTime = now
    c.phaseEndsAt = now + this.ctx.scenario().deletionSeconds * SECOND
    return {}
  }
}

function specOf(request: Params): Params | undefined {
  return (request.Specification ?? (request.Specifications as Params[] | undefined)?.[0]) as
    Params | undefined
}

function specModelName(request: Params): string | undefined {
  return specOf(request)?.ModelName as string | undefined
}

/** COPY_COUNT counts copies as INSTANCE_COUNT counts instances. */
function toBatch(raw: unknown): BatchSize | undefined {
  if (raw === undefined || raw === null) return undefined
  const size = raw as BatchSize
  return size.Type === 'COPY_COUNT' ? { Type: 'INSTANCE_COUNT', Value: size.Value } : size
}
