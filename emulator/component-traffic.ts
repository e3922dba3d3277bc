// Which inference components take an endpoint's synthetic traffic, and how a component's
// traffic splits between its old and new copies during an update (the new copies take their
// share, as a rolling batch does on instances).

import { oldServingCopies } from './component-update.js'
import type { InferenceComponentRecord } from './inference-components-state.js'
import type { EndpointRecord, FleetVariant, ResourceStore } from './state.js'
import { isServing, type ServingSlice } from './traffic.js'

/** The endpoint's components that answer requests now. */
export function componentsServing(
  store: ResourceStore,
  endpoint: EndpointRecord
): InferenceComponentRecord[] {
  if (!isServing(endpoint)) return []
  return [...store.inferenceComponents.values()].filter(
    c =>
      c.endpointName === endpoint.name &&
      (c.status === 'InService' || c.status === 'Updating') &&
      c.desiredCopyCount > 0
  )
}

function slice(
  component: InferenceComponentRecord,
  configName: string,
  copies: number,
  behaviourKeys: string[],
  trafficSince: number | undefined
): ServingSlice {
  const variant: FleetVariant = {
    variantName: component.variantName,
    modelName: configName,
    instanceType: component.instanceType,
    desired: copies,
    current: copies,
    weight: 1,
    image: undefined,
    behaviourKeys,
    trafficSince
  }
  return { configName, variant }
}

/** The old and new copies taking traffic (one slice when no update runs). */
export function componentSlices(component: InferenceComponentRecord): ServingSlice[] {
  const u = component.update
  if (u === undefined || u.phase === 'done') {
    return [
      slice(
        component,
        'live',
        component.desiredCopyCount,
        component.behaviourKeys ?? [],
        component.trafficSince
      )
    ]
  }
  const slices: ServingSlice[] = []
  const old = oldServingCopies(u)
  if (old > 0) slices.push(slice(component, 'old', old, u.oldBehaviourKeys, component.trafficSince))
  if (u.newServing > 0)
    slices.push(slice(component, 'new', u.newServing, u.newBehaviourKeys, u.newTrafficSince))
  return slices
}
