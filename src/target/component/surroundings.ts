// What pre-flight reads around an inference component: the instance type of the endpoint
// variant that hosts it (for the plan and the report) and its live model (whose network settings
// and environment keys a new model takes). Reads only. A failed config read is a warning (the
// instance type is shown, not carried); a failed model read is returned, and pre-flight stops.
import type { AwsApi } from '../../aws/api.js'
import { failedRead, MODEL_SETTINGS, modelInput } from '../endpoint/live.js'
import { errorMessage } from '../../errors.js'
import type { Logger, UnreadSetting } from '../../types.js'
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
  const unread: UnreadSetting[] = []
  let liveModelTags: Record<string, string> | undefined
  if (live.modelName) {
    const read = `DescribeModel ${live.modelName}`
    try {
      const model = await api.describeModel(live.modelName)
      liveModel = model ? modelInput(model) : undefined
      if (model?.ModelArn) {
        // Only to recognise a re-run of this same step: unread, the step deploys as usual.
        liveModelTags = await api.listTags(model.ModelArn).catch(() => undefined)
      }
      if (!model) {
        unread.push({
          read,
          protects: MODEL_SETTINGS,
          error: `the live model ${live.modelName} no longer exists (deleted while the component serves it)`,
          forNewModel: true
        })
      }
    } catch (e) {
      unread.push(failedRead(read, MODEL_SETTINGS, 'sagemaker:DescribeModel', e, true))
    }
  }
  for (const u of unread) log.warning(`Could not read ${u.read}: ${u.error}.`)
  return {
    instanceType,
    liveModel,
    ...(unread.length ? { unread } : {}),
    ...(liveModelTags ? { liveModelTags } : {})
  }
}
