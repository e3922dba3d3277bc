// How SageMaker endpoint operations meet Application Auto Scaling registrations (SageMaker
// guide, "Update or delete endpoints that use auto scaling"): an update that changes the instance
// type of, or removes, a registered variant fails; deleting an endpoint deregisters its variants.

import { targetKey } from './application-autoscaling-state.js'
import { validation } from './errors.js'
import { actionAllowed } from './faults.js'
import type { Scenario } from './scenario.js'
import type { ConfigRecord, EndpointRecord, ResourceStore } from './state.js'

export function checkScalableVariants(
  endpoint: EndpointRecord,
  config: ConfigRecord,
  store: ResourceStore
): void {
  const registered = store.scaling.variantTargets(endpoint.name)
  const blocked: string[] = []
  for (const [variant] of registered) {
    const live = endpoint.blue.variants.find(v => v.variantName === variant)
    const next = config.variants.find(v => v.VariantName === variant)
    if (next === undefined || (live !== undefined && next.InstanceType !== live.instanceType))
      blocked.push(variant)
  }
  if (blocked.length === 0) return
  throw validation(
    `The production variant(s) ${blocked.map(v => `"${v}"`).join(', ')} of endpoint "${endpoint.name}" are registered as scalable targets with Application Auto Scaling. An update that changes their instance type or removes them fails: delete their scaling policies and call DeregisterScalableTarget before the update, then register them again.`
  )
}

export function deregisterOnDelete(
  endpoint: EndpointRecord,
  store: ResourceStore,
  scenario: Scenario
): void {
  const registered = store.scaling.variantTargets(endpoint.name)
  if (registered.size === 0) return
  if (!actionAllowed(scenario, 'application-autoscaling:DeregisterScalableTarget')) {
    throw validation(
      'An Application AutoScaling scalable target exists for a variant being deleted, and the IAM identity used to invoke DeleteEndpoint does not have application-autoscaling:DeregisterScalableTarget permission to deregister the scalable target.'
    )
  }
  for (const target of registered.values()) {
    store.scaling.remove(
      targetKey(target.ServiceNamespace, target.ResourceId, target.ScalableDimension)
    )
  }
}
