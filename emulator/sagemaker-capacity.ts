// UpdateEndpointWeightsAndCapacities: a variant's weight and instance count changed in place,
// the way Application Auto Scaling changes them. Only asynchronous endpoints go down to zero
// instances (SageMaker guide, "Autoscale an asynchronous endpoint").

import { validation } from './errors.js'
import { SAGEMAKER_SHAPES } from './sagemaker-shapes.js'
import { validateInput } from './shapes.js'
import type { EndpointRecord } from './state.js'
import type { Params } from './validate.js'

const IN_PROGRESS = ['Creating', 'Updating', 'SystemUpdating', 'RollingBack', 'Deleting']

export function updateWeightsAndCapacities(
  p: Params,
  find: (name: string) => EndpointRecord | undefined,
  now: number
): Params {
  const input = validateInput(SAGEMAKER_SHAPES, 'UpdateEndpointWeightsAndCapacities', p)
  const endpoint = find(String(input.EndpointName))
  if (endpoint === undefined)
    throw validation(`Could not find endpoint "${String(input.EndpointName)}".`)
  if (IN_PROGRESS.includes(endpoint.status))
    throw validation(`Cannot update in-progress endpoint "${endpoint.arn}".`)
  if (endpoint.status !== 'InService')
    throw validation(`Cannot update endpoint "${endpoint.arn}" in ${endpoint.status} status.`)
  const asynchronous = endpoint.blue.config?.AsyncInferenceConfig !== undefined
  const changes = (input.DesiredWeightsAndCapacities as Params[]).map(change => {
    const variant = endpoint.blue.variants.find(v => v.variantName === change.VariantName)
    if (variant === undefined) {
      throw validation(
        `The variant name "${String(change.VariantName)}" is not present in endpoint "${endpoint.name}".`
      )
    }
    const serverless = variant.spec?.ServerlessConfig !== undefined
    if (serverless && change.DesiredInstanceCount !== undefined)
      throw validation(`Variant ${variant.variantName} is serverless: it has no instance count.`)
    if (!serverless && change.ServerlessUpdateConfig !== undefined)
      throw validation(
        `Variant ${variant.variantName} is not serverless: ServerlessUpdateConfig does not apply.`
      )
    if (change.DesiredInstanceCount === 0 && !asynchronous) {
      throw validation(
        `DesiredInstanceCount must be at least 1 for variant ${variant.variantName}: only asynchronous endpoints scale to zero instances.`
      )
    }
    return { variant, change }
  })
  for (const { variant, change } of changes) {
    if (typeof change.DesiredWeight === 'number') variant.weight = change.DesiredWeight
    if (typeof change.DesiredInstanceCount === 'number') {
      variant.desired = change.DesiredInstanceCount
      variant.current = change.DesiredInstanceCount
    }
  }
  endpoint.lastModifiedTime = now
  return { EndpointArn: endpoint.arn }
}
