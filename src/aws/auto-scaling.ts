// Application Auto Scaling calls for SageMaker endpoint variants. The client is loaded only
// when an endpoint exists (pre-flight asks whether its variant is registered).
import type {
  ApplicationAutoScalingClient,
  PutScalingPolicyRequest,
  PutScheduledActionRequest,
  RegisterScalableTargetRequest,
  ScalableTarget,
  ScalingPolicy,
  ScheduledAction
} from '@aws-sdk/client-application-auto-scaling'
import type { Call, CallOptions } from './call.js'

export const SAGEMAKER_NAMESPACE = 'sagemaker' as const
export const VARIANT_DIMENSION = 'sagemaker:variant:DesiredInstanceCount' as const

export function variantResourceId(endpointName: string, variantName: string): string {
  return `endpoint/${endpointName}/variant/${variantName}`
}

export interface AutoScalingApi {
  describeTarget(resourceId: string, o?: CallOptions): Promise<ScalableTarget | undefined>
  describePolicies(resourceId: string, o?: CallOptions): Promise<ScalingPolicy[]>
  describeScheduledActions(resourceId: string, o?: CallOptions): Promise<ScheduledAction[]>
  listTags(arn: string, o?: CallOptions): Promise<Record<string, string>>
  tagResource(arn: string, tags: Record<string, string>, o?: CallOptions): Promise<void>
  registerTarget(input: RegisterScalableTargetRequest, o?: CallOptions): Promise<void>
  deregisterTarget(resourceId: string, o?: CallOptions): Promise<void>
  putScalingPolicy(input: PutScalingPolicyRequest, o?: CallOptions): Promise<void>
  putScheduledAction(input: PutScheduledActionRequest, o?: CallOptions): Promise<void>
  destroy(): void
}

export async function createAutoScalingApi(
  config: Record<string, unknown>,
  call: Call
): Promise<AutoScalingApi> {
  const aas = await import('@aws-sdk/client-application-auto-scaling')
  const client: ApplicationAutoScalingClient = new aas.ApplicationAutoScalingClient(config)
  const variant = (resourceId: string) => ({
    ServiceNamespace: SAGEMAKER_NAMESPACE,
    ResourceId: resourceId,
    ScalableDimension: VARIANT_DIMENSION
  })
  /** Every page of a Describe* call (50 per page; a variant has few). */
  async function all<T>(
    operation: string,
    o: CallOptions | undefined,
    page: (
      token: string | undefined,
      abortSignal: AbortSignal
    ) => Promise<{ items: T[]; next?: string | undefined }>
  ): Promise<T[]> {
    const items: T[] = []
    let token: string | undefined
    for (let pages = 0; pages < 20; pages++) {
      const out = await call(operation, o, signal => page(token, signal))
      items.push(...out.items)
      token = out.next
      if (!token) break
    }
    return items
  }
  return {
    describeTarget: async (resourceId, o) => {
      const out = await call('DescribeScalableTargets', o, abortSignal =>
        client.send(
          new aas.DescribeScalableTargetsCommand({
            ServiceNamespace: SAGEMAKER_NAMESPACE,
            ResourceIds: [resourceId],
            ScalableDimension: VARIANT_DIMENSION
          }),
          { abortSignal }
        )
      )
      return out?.ScalableTargets?.find(t => t.ResourceId === resourceId)
    },
    describePolicies: (resourceId, o) =>
      all('DescribeScalingPolicies', o, async (token, abortSignal) => {
        const out = await client.send(
          new aas.DescribeScalingPoliciesCommand({
            ...variant(resourceId),
            ...(token ? { NextToken: token } : {})
          }),
          { abortSignal }
        )
        return { items: out?.ScalingPolicies ?? [], next: out?.NextToken }
      }),
    describeScheduledActions: (resourceId, o) =>
      all('DescribeScheduledActions', o, async (token, abortSignal) => {
        const out = await client.send(
          new aas.DescribeScheduledActionsCommand({
            ...variant(resourceId),
            ...(token ? { NextToken: token } : {})
          }),
          { abortSignal }
        )
        return { items: out?.ScheduledActions ?? [], next: out?.NextToken }
      }),
    listTags: async (arn, o) => {
      const out = await call('ListTagsForResource', o, abortSignal =>
        client.send(new aas.ListTagsForResourceCommand({ ResourceARN: arn }), { abortSignal })
      )
      return out?.Tags ?? {}
    },
    tagResource: async (arn, tags, o) => {
      await call('TagResource', o, abortSignal =>
        client.send(new aas.TagResourceCommand({ ResourceARN: arn, Tags: tags }), { abortSignal })
      )
    },
    registerTarget: async (input, o) => {
      await call('RegisterScalableTarget', o, abortSignal =>
        client.send(new aas.RegisterScalableTargetCommand(input), { abortSignal })
      )
    },
    deregisterTarget: async (resourceId, o) => {
      await call('DeregisterScalableTarget', o, abortSignal =>
        client.send(new aas.DeregisterScalableTargetCommand(variant(resourceId)), { abortSignal })
      )
    },
    putScalingPolicy: async (input, o) => {
      await call('PutScalingPolicy', o, abortSignal =>
        client.send(new aas.PutScalingPolicyCommand(input), { abortSignal })
      )
    },
    putScheduledAction: async (input, o) => {
      await call('PutScheduledAction', o, abortSignal =>
        client.send(new aas.PutScheduledActionCommand(input), { abortSignal })
      )
    },
    destroy: () => client.destroy()
  }
}
