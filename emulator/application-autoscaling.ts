// Application Auto Scaling (AWS JSON 1.1, `x-amz-target: AnyScaleFrontendService.<Op>`) for
// SageMaker endpoint variants: scalable targets here, scaling policies and scheduled actions in
// application-autoscaling-policies.ts. Requests are validated against the service model.

import { ScalingPolicies } from './application-autoscaling-policies.js'
import {
  aasError,
  invalid,
  notRegistered,
  page,
  ScalingStore,
  targetKey,
  VARIANT_DIMENSION,
  VARIANT_RESOURCE,
  type ScalableTargetRecord,
  type ScalingContext
} from './application-autoscaling-state.js'
import { loadShapeModel, validateInput } from './shapes.js'
import type { EndpointRecord } from './state.js'
import type { TagEntry } from './validate.js'

export const AAS_SHAPES = loadShapeModel('application-autoscaling.json')

type Params = Record<string, unknown>
type Handler = (params: Params) => unknown

const seconds = (ms: number): number => ms / 1000

export class ApplicationAutoScaling {
  private readonly policies: ScalingPolicies

  constructor(private readonly ctx: ScalingContext) {
    this.policies = new ScalingPolicies(ctx, key => this.registered(key))
  }

  private get scaling(): ScalingStore {
    return this.ctx.store.scaling
  }

  operations(): Record<string, Handler> {
    const op =
      (name: string, run: (input: Params) => unknown): Handler =>
      p =>
        run(validateInput(AAS_SHAPES, name, p))
    return {
      RegisterScalableTarget: op('RegisterScalableTarget', i => this.register(i)),
      DescribeScalableTargets: op('DescribeScalableTargets', i => this.describeTargets(i)),
      DeregisterScalableTarget: op('DeregisterScalableTarget', i => this.deregister(i)),
      PutScalingPolicy: op('PutScalingPolicy', i => this.policies.putPolicy(i)),
      DescribeScalingPolicies: op('DescribeScalingPolicies', i =>
        this.policies.describePolicies(i)
      ),
      DeleteScalingPolicy: op('DeleteScalingPolicy', i => this.policies.deletePolicy(i)),
      PutScheduledAction: op('PutScheduledAction', i => this.policies.putScheduledAction(i)),
      DescribeScheduledActions: op('DescribeScheduledActions', i =>
        this.policies.describeScheduledActions(i)
      ),
      DeleteScheduledAction: op('DeleteScheduledAction', i =>
        this.policies.deleteScheduledAction(i)
      ),
      // Tags on scalable targets (the only taggable Application Auto Scaling resource).
      ListTagsForResource: p => ({
        Tags: Object.fromEntries(this.byArn(p).tags.map(t => [t.Key, t.Value]))
      }),
      TagResource: p => {
        const target = this.byArn(p)
        const tags = (p.Tags as Record<string, string> | undefined) ?? {}
        const kept = target.tags.filter(t => !(t.Key in tags))
        target.tags = [...kept, ...Object.entries(tags).map(([Key, Value]) => ({ Key, Value }))]
        return {}
      },
      UntagResource: p => {
        const target = this.byArn(p)
        const keys = (p.TagKeys as string[] | undefined) ?? []
        target.tags = target.tags.filter(t => !keys.includes(t.Key))
        return {}
      }
    }
  }

  /** The scalable target a tagging call names by ARN. */
  private byArn(p: Params): ScalableTargetRecord {
    const arn = p.ResourceARN
    if (typeof arn !== 'string' || arn === '') throw invalid('ResourceARN is required.')
    const target = [...this.scaling.targets.values()].find(t => t.ScalableTargetARN === arn)
    if (target === undefined) {
      throw aasError('ResourceNotFoundException', `No scalable target found for ARN ${arn}.`)
    }
    return target
  }

  private registered(key: string): ScalableTargetRecord | undefined {
    return this.scaling.targets.get(key)
  }

  /** The endpoint a SageMaker variant ResourceId names, checked against the live endpoint. */
  private variantEndpoint(input: Params): { endpoint: EndpointRecord; variant: string } {
    if (input.ServiceNamespace !== 'sagemaker' || input.ScalableDimension !== VARIANT_DIMENSION) {
      throw invalid(
        `Unsupported service namespace or scalable dimension: ${String(input.ServiceNamespace)}, ${String(input.ScalableDimension)}. This emulator scales SageMaker endpoint variants (${VARIANT_DIMENSION}).`
      )
    }
    const match = VARIANT_RESOURCE.exec(String(input.ResourceId))
    if (match === null) {
      throw invalid(
        `Unsupported resource ID ${String(input.ResourceId)}: a SageMaker endpoint variant is endpoint/<endpoint name>/variant/<variant name>.`
      )
    }
    const [, endpointName = '', variant = ''] = match
    const endpoint = this.ctx.store.endpoint(endpointName)
    if (endpoint === undefined) throw invalid(`Could not find endpoint "${endpointName}".`)
    if (!endpoint.blue.variants.some(v => v.variantName === variant)) {
      throw invalid(`Could not find variant "${variant}" of endpoint "${endpoint.name}".`)
    }
    return { endpoint, variant }
  }

  private register(input: Params): Params {
    const { endpoint, variant } = this.variantEndpoint(input)
    const key = targetKey(
      String(input.ServiceNamespace),
      String(input.ResourceId),
      String(input.ScalableDimension)
    )
    const existing = this.scaling.targets.get(key)
    const min = (input.MinCapacity as number | undefined) ?? existing?.MinCapacity
    const max = (input.MaxCapacity as number | undefined) ?? existing?.MaxCapacity
    if (min === undefined || max === undefined) {
      throw invalid(
        'MinCapacity and MaxCapacity are required when registering a new scalable target.'
      )
    }
    const asynchronous = endpoint.blue.config?.AsyncInferenceConfig !== undefined
    if (min < (asynchronous ? 0 : 1)) {
      throw invalid(
        `MinCapacity must be at least ${asynchronous ? 0 : 1} for a SageMaker endpoint variant${asynchronous ? '' : ' (only asynchronous endpoints scale to zero)'}.`
      )
    }
    if (max < min) throw invalid('Minimum capacity cannot be greater than maximum capacity.')
    if (existing !== undefined && input.Tags !== undefined) {
      throw invalid(
        'The scalable target that you tried to tag already exists. To update tags on an existing scalable target, use the TagResource API.'
      )
    }
    const suspended = (input.SuspendedState as Record<string, boolean> | undefined) ?? {}
    const target: ScalableTargetRecord = existing ?? {
      ServiceNamespace: String(input.ServiceNamespace),
      ResourceId: String(input.ResourceId),
      ScalableDimension: String(input.ScalableDimension),
      MinCapacity: min,
      MaxCapacity: max,
      RoleARN: `arn:aws:iam::${this.ctx.accountId}:role/aws-service-role/sagemaker.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_SageMakerEndpoint`,
      SuspendedState: {
        DynamicScalingInSuspended: false,
        DynamicScalingOutSuspended: false,
        ScheduledScalingSuspended: false
      },
      ScalableTargetARN: `arn:aws:application-autoscaling:${this.ctx.region}:${this.ctx.accountId}:scalable-target/${this.scaling.nextId()}`,
      creationTime: this.ctx.now(),
      tags: Object.entries((input.Tags as Record<string, string> | undefined) ?? {}).map(
        ([Key, Value]): TagEntry => ({ Key, Value })
      )
    }
    target.MinCapacity = min
    target.MaxCapacity = max
    if (typeof input.RoleARN === 'string') target.RoleARN = input.RoleARN
    target.SuspendedState = { ...target.SuspendedState, ...suspended }
    this.scaling.targets.set(key, target)
    clampCapacity(endpoint, variant, min, max)
    return { ScalableTargetARN: target.ScalableTargetARN }
  }

  private describeTargets(input: Params): Params {
    const ids = input.ResourceIds as string[] | undefined
    const all = [...this.scaling.targets.values()].filter(
      t =>
        t.ServiceNamespace === input.ServiceNamespace &&
        (ids === undefined || ids.length === 0 || ids.includes(t.ResourceId)) &&
        (input.ScalableDimension === undefined || t.ScalableDimension === input.ScalableDimension)
    )
    const { items, NextToken } = page(input, all)
    return {
      ScalableTargets: items.map(t => ({
        ServiceNamespace: t.ServiceNamespace,
        ResourceId: t.ResourceId,
        ScalableDimension: t.ScalableDimension,
        MinCapacity: t.MinCapacity,
        MaxCapacity: t.MaxCapacity,
        RoleARN: t.RoleARN,
        CreationTime: seconds(t.creationTime),
        SuspendedState: t.SuspendedState,
        ScalableTargetARN: t.ScalableTargetARN
      })),
      ...(NextToken === undefined ? {} : { NextToken })
    }
  }

  private deregister(input: Params): Params {
    const key = targetKey(
      String(input.ServiceNamespace),
      String(input.ResourceId),
      String(input.ScalableDimension)
    )
    if (!this.scaling.targets.has(key)) throw notRegistered(input)
    this.scaling.remove(key)
    return {}
  }
}

/**
 * RegisterScalableTarget "changes the resource's current capacity to a value that is inside of
 * this range" when the resource is active; an endpoint that is updating keeps its capacity.
 */
function clampCapacity(endpoint: EndpointRecord, variant: string, min: number, max: number): void {
  if (endpoint.status !== 'InService') return
  const v = endpoint.blue.variants.find(b => b.variantName === variant)
  if (v === undefined || v.spec?.ServerlessConfig !== undefined) return
  const desired = Math.min(max, Math.max(min, v.desired))
  if (desired === v.desired) return
  v.desired = desired
  v.current = desired
}
