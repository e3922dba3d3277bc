// SageMaker inference components: create, describe, list and delete on an endpoint whose
// variants host components (no ModelName). Basic lifecycle only: Creating for the scenario's
// provisioningSeconds, then InService with every desired copy running; Deleting for
// deletionSeconds, then gone.

import { ApiError, validation } from './errors.js'
import type {
  InferenceComponentRecord,
  InferenceComponentStatus
} from './inference-components-state.js'
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
      const model = this.ctx.store.model(specModelName(c.request) ?? '')
      if (
        model !== undefined &&
        behaviourFor(this.ctx.scenario(), model.behaviourKeys).failHealthCheck
      ) {
        c.status = 'Failed'
        c.failureReason = `The container of inference component ${c.name} did not pass the ping health check.`
      } else c.status = 'InService'
    }
    return true
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
    const spec = (input.Specification ?? (input.Specifications as Params[] | undefined)?.[0]) as
      Params | undefined
    if (spec === undefined) throw validation('Specification is required.')
    const modelName = specModelName(input)
    const model = modelName === undefined ? undefined : this.ctx.store.model(modelName)
    if (modelName !== undefined && model === undefined)
      throw validation(`Could not find model "${modelName}".`)
    const adapter = spec.BaseInferenceComponentName !== undefined
    if (!adapter && spec.ComputeResourceRequirements === undefined)
      throw validation(
        'Specification.ComputeResourceRequirements is required unless BaseInferenceComponentName is set.'
      )
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
    this.components.set(name.toLowerCase(), record)
    return { InferenceComponentArn: arn }
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
    const running = c.status === 'InService' || c.status === 'Updating' ? c.desiredCopyCount : 0
    const specs = c.request.Specifications as Params[] | undefined
    return {
      InferenceComponentName: c.name,
      InferenceComponentArn: c.arn,
      EndpointName: c.endpointName,
      EndpointArn: c.endpointArn,
      VariantName: c.variantName,
      ...(c.failureReason === undefined ? {} : { FailureReason: c.failureReason }),
      ...(c.request.Specification === undefined
        ? {}
        : { Specification: summary(c.request.Specification as Params) }),
      ...(specs === undefined ? {} : { Specifications: specs.map(summary) }),
      ...(c.request.RuntimeConfig === undefined
        ? {}
        : {
            RuntimeConfig: {
              DesiredCopyCount: c.desiredCopyCount,
              CurrentCopyCount: running,
              ...(running > 0
                ? { PlacementStatus: [{ InstanceType: c.instanceType, CurrentCopyCount: running }] }
                : {})
            }
          }),
      CreationTime: seconds(c.creationTime),
      LastModifiedTime: seconds(c.lastModifiedTime),
      InferenceComponentStatus: c.status
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

function specModelName(request: Params): string | undefined {
  const spec = (request.Specification ?? (request.Specifications as Params[] | undefined)?.[0]) as
    Params | undefined
  return spec?.ModelName as string | undefined
}
