// What pre-flight reads around an inference component: the instance type of the endpoint
// variant that hosts it (for the plan and the report) and its live model (whose network settings
// and environment keys a new model takes). Reads only; a read that fails is a warning.
import type { AwsApi } from '../../aws/api.js'
import { modelInput } from '../endpoint/live.js'
import { errorMessage } from '../../errors.js'
import type { Logger } from '../../types.js'
import type { LiveComponent } from './live.js'
import type { ComponentSurroundings } from './plan.js'

type Described = NonNullable<Awaited<ReturnType<AwsApi['describeEndpoint']>>>

export async function endpointModelInput(
  api: AwsApi,
  ep: Described,
  live: LiveComponent,
  log: Logger
): Promise<ComponentSurroundings> {
  let instanceType: string | undefined
  let liveModel: Record<string, unknown> | undefined
  try {
    const config = ep.EndpointConfigName
      ? await api.describeEndpointConfig(ep.EndpointConfigName)
      : undefined
    const variant =
      config?.ProductionVariants?.find(v => v.VariantName === live.variantName) ??
      config?.ProductionVariants?.[0]
    instanceType = variant?.InstanceType
  } catch (e) {
    log.warning(
      `Could not read the endpoint config of ${ep.EndpointName ?? '?'}: ${errorMessage(e)}`
    )
  }
  try {
    const model = live.modelName ? await api.describeModel(live.modelName) : undefined
    liveModel = model ? modelInput(model) : undefined
  } catch (e) {
    log.warning(`Could not read the live model ${live.modelName ?? '?'}: ${errorMessage(e)}`)
  }
  return { instanceType, liveModel }
}
