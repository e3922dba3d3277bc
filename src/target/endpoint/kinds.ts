// Which endpoints a blue/green update of one variant's model can handle, decided from the live
// endpoint before anything is written. Serverless and inference-component endpoints, and a
// variant that cannot be told apart, are refused with why and what to do instead.
import { InputError } from '../../errors.js'
import type { CurrentEndpoint, LiveVariant } from '../../types.js'
import { targetVariant } from './live.js'

/** The live variant this step deploys to; throws when the live endpoint cannot take the step. */
export function checkEndpointKind(
  endpointName: string,
  current: CurrentEndpoint,
  requestedVariant: string | undefined
): LiveVariant | undefined {
  const { variants } = current
  if (current.config === undefined || variants.length === 0) {
    // The live config could not be read: the variant DescribeEndpoint shows is all there is.
    if (requestedVariant !== undefined && requestedVariant !== current.variantName) {
      throw new InputError(
        'variant-name',
        `Input "variant-name" is "${requestedVariant}", but endpoint ${endpointName} serves variant "${current.variantName}": a blue/green update must keep the variant names. Leave variant-name empty or set it to "${current.variantName}".`
      )
    }
    return undefined
  }
  const names = variants.map(v => `"${v.name}"`).join(', ')
  const serverless = variants.find(v => v.serverless)
  if (serverless) {
    throw new InputError(
      'endpoint-name',
      `Endpoint ${endpointName} is serverless (variant "${serverless.name}" has a ServerlessConfig). SageMaker's deployment guardrails (blue/green traffic shifting with alarm rollback) apply to endpoints that run on instances, and giving this one an instance type would convert it to instances for good. Update a serverless endpoint with UpdateEndpoint and a new endpoint config outside this action, or deploy to an instance-based endpoint.`
    )
  }
  const components = variants.find(v => v.modelName === undefined)
  if (components) {
    throw new InputError(
      'endpoint-name',
      `Endpoint ${endpointName} hosts inference components (variant "${components.name}" has no model of its own): a model is deployed into an inference component with UpdateInferenceComponent, not by replacing the endpoint config. Set inference-component-name to the component to deploy into.`
    )
  }
  const target = targetVariant(variants, requestedVariant)
  if (target) return target
  if (requestedVariant === undefined) {
    throw new InputError(
      'variant-name',
      `Input "variant-name" is required: endpoint ${endpointName} has ${variants.length} variants (${names}). Name the one to deploy to; the others are kept as they run.`
    )
  }
  throw new InputError(
    'variant-name',
    `Input "variant-name" is "${requestedVariant}", but endpoint ${endpointName} serves ${variants.length === 1 ? 'variant' : 'variants'} ${names}: a blue/green update must keep the variant names. Leave variant-name empty${variants.length === 1 ? ` or set it to ${names}` : ', or name one of them'}.`
  )
}

/** The live model is an inference pipeline (several containers): not replaceable by one container. */
export function checkModelShape(
  endpointName: string,
  variant: string,
  model: Readonly<Record<string, unknown>> | undefined
): void {
  const containers = model?.['Containers']
  if (Array.isArray(containers) && containers.length > 1) {
    throw new InputError(
      'model-data-url',
      `The live model of variant "${variant}" on endpoint ${endpointName} is an inference pipeline of ${containers.length} containers; a model made from model-data-url or model-package-arn has one container, so the pipeline would be lost. Create the new pipeline model yourself and deploy it with model-name.`
    )
  }
}
