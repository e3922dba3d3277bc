// The live endpoint, read whole: its config in the form CreateEndpointConfig takes (so a green
// config can be the live one with only the step's changes), every variant as it runs now, the
// live config's tags, and the model of the variant this step deploys to.
import type {
  CreateEndpointConfigInput,
  CreateModelInput,
  DescribeEndpointConfigCommandOutput,
  DescribeModelCommandOutput
} from '@aws-sdk/client-sagemaker'
import type { AwsApi } from '../../aws/api.js'
import { errorMessage } from '../../errors.js'
import { isAccessDenied } from '../../aws/errors.js'
import type { CurrentEndpoint, LiveVariant, Logger, UnreadSetting } from '../../types.js'

type Described = NonNullable<Awaited<ReturnType<AwsApi['describeEndpoint']>>>
type Body = Record<string, unknown>

/** DescribeEndpointConfig members that CreateEndpointConfig does not take. */
const CONFIG_OUTPUT_ONLY = ['EndpointConfigArn', 'CreationTime', '$metadata'] as const
/** DescribeModel members that CreateModel does not take. */
const MODEL_OUTPUT_ONLY = [
  'ModelArn',
  'CreationTime',
  'DeploymentRecommendation',
  '$metadata'
] as const

// Compile-time guard: every other member DescribeEndpointConfig returns is one CreateEndpointConfig
// accepts. An SDK update that adds an output-only member fails here instead of breaking a
// deployment; an input member AWS adds later is carried over without a change here.
type Assert<T extends true> = T
export type ConfigMembersAreInputs = Assert<
  Exclude<
    keyof DescribeEndpointConfigCommandOutput,
    (typeof CONFIG_OUTPUT_ONLY)[number]
  > extends keyof CreateEndpointConfigInput
    ? true
    : false
>
export type ModelMembersAreInputs = Assert<
  Exclude<
    keyof DescribeModelCommandOutput,
    (typeof MODEL_OUTPUT_ONLY)[number]
  > extends keyof CreateModelInput
    ? true
    : false
>

/** Plain JSON without the members named (and without undefined values). */
function without(value: object, members: readonly string[]): Body {
  const copy = JSON.parse(JSON.stringify(value)) as Body
  for (const member of members) delete copy[member]
  return copy
}

/** The live config as CreateEndpointConfig input, less its name (the green one gets its own). */
export function configInput(described: DescribeEndpointConfigCommandOutput): Body {
  return without(described, [...CONFIG_OUTPUT_ONLY, 'EndpointConfigName'])
}

/** The live model as CreateModel input, less its name. */
export function modelInput(described: DescribeModelCommandOutput): Body {
  return without(described, [...MODEL_OUTPUT_ONLY, 'ModelName'])
}

type ConfigVariant = NonNullable<DescribeEndpointConfigCommandOutput['ProductionVariants']>[number]

/** Each variant of the live config with how it runs now (DescribeEndpoint's counts and weights). */
export function liveVariants(ep: Described, variants: readonly ConfigVariant[]): LiveVariant[] {
  const running = new Map((ep.ProductionVariants ?? []).map(v => [v.VariantName ?? '', v]))
  return variants.map(v => {
    const now = running.get(v.VariantName ?? '')
    return {
      name: v.VariantName ?? '',
      modelName: v.ModelName,
      instanceType: v.InstanceType,
      configuredCount: v.InitialInstanceCount,
      desiredCount: now?.DesiredInstanceCount ?? now?.CurrentInstanceCount,
      desiredWeight: now?.DesiredWeight ?? now?.CurrentWeight,
      serverless: v.ServerlessConfig !== undefined,
      downloadTimeoutSeconds: v.ModelDataDownloadTimeoutInSeconds,
      healthCheckTimeoutSeconds: v.ContainerStartupHealthCheckTimeoutInSeconds
    }
  })
}

/** The variant a step deploys to: the one named, else the only one. */
export function targetVariant(
  variants: readonly LiveVariant[],
  requested: string | undefined
): LiveVariant | undefined {
  if (requested !== undefined) return variants.find(v => v.name === requested)
  return variants.length === 1 ? variants[0] : undefined
}

/**
 * Reads the live (blue) side of an endpoint: its config whole, its variants, the config's tags
 * and the model of the variant this step deploys to.
 */
export async function describeLive(
  api: AwsApi,
  ep: Described,
  requestedVariant: string | undefined,
  log: Logger
): Promise<CurrentEndpoint> {
  const configName = ep.EndpointConfigName ?? ''
  const unread: UnreadSetting[] = []
  const described = configName ? await api.describeEndpointConfig(configName) : undefined
  if (configName && !described) {
    unread.push({
      read: `DescribeEndpointConfig ${configName}`,
      protects: CONFIG_SETTINGS,
      error: `the live config ${configName} no longer exists (deleted while the endpoint serves it)`,
      forNewModel: false
    })
  }
  const variants = liveVariants(ep, described?.ProductionVariants ?? [])
  let configTags: Record<string, string> = {}
  if (described?.EndpointConfigArn) {
    try {
      configTags = await api.listTags(described.EndpointConfigArn)
    } catch (e) {
      unread.push(failedRead(`ListTags ${configName}`, CONFIG_TAGS, 'sagemaker:ListTags', e, false))
    }
  }
  const target = targetVariant(variants, requestedVariant) ?? variants[0]
  let model: DescribeModelCommandOutput | undefined
  if (target?.modelName) {
    try {
      model = await api.describeModel(target.modelName)
      if (!model) {
        unread.push({
          read: `DescribeModel ${target.modelName}`,
          protects: MODEL_SETTINGS,
          error: `the live model ${target.modelName} no longer exists (deleted while the endpoint serves it)`,
          forNewModel: true
        })
      }
    } catch (e) {
      unread.push(
        failedRead(
          `DescribeModel ${target.modelName}`,
          MODEL_SETTINGS,
          'sagemaker:DescribeModel',
          e,
          true
        )
      )
    }
  }
  for (const u of unread) log.warning(`Could not read ${u.read}: ${u.error}.`)
  // The endpoint's own tags: where a run that could not restore auto scaling left a copy of it.
  let endpointTags: Record<string, string> | undefined
  if (ep.EndpointArn) {
    try {
      endpointTags = await api.listTags(ep.EndpointArn)
    } catch (e) {
      log.warning(
        `Could not read the tags of endpoint ${ep.EndpointName ?? '?'} (${errorMessage(e)}): a copy of auto scaling an earlier run could not restore would go unseen.`
      )
    }
  }
  const image = model?.PrimaryContainer?.Image ?? model?.Containers?.[0]?.Image
  return {
    ...(ep.EndpointArn ? { endpointArn: ep.EndpointArn } : {}),
    ...(endpointTags ? { endpointTags } : {}),
    status: ep.EndpointStatus ?? 'Unknown',
    configName,
    variantName: target?.name ?? ep.ProductionVariants?.[0]?.VariantName ?? 'AllTraffic',
    instanceType: target?.instanceType,
    instanceCount: target?.desiredCount ?? target?.configuredCount,
    modelName: target?.modelName,
    modelDataUrl: model?.PrimaryContainer?.ModelDataUrl ?? model?.Containers?.[0]?.ModelDataUrl,
    ...(image ? { image } : {}),
    lastModifiedTime: ep.LastModifiedTime?.getTime(),
    lastDeploymentConfig: ep.LastDeploymentConfig
      ? (JSON.parse(JSON.stringify(ep.LastDeploymentConfig)) as Body)
      : undefined,
    failureReason: ep.FailureReason || undefined,
    variants,
    config: described ? configInput(described) : undefined,
    configTags,
    model: model ? modelInput(model) : undefined,
    ...(unread.length ? { unread } : {})
  }
}

/** What the live config carries into the green one (greenConfig). */
const CONFIG_SETTINGS =
  "the live config's settings (every variant, data capture, KMS key, async and explainer config)"
const CONFIG_TAGS = "the live config's tags, which the new config carries"
/** What a new model takes from the live one (carry-over.ts MODEL_CARRIED_MEMBERS). */
export const MODEL_SETTINGS =
  "the live model's network settings (VpcConfig, EnableNetworkIsolation) and container environment, which a new model carries"

/** A failed read as the user's settings that depend on it. */
export function failedRead(
  read: string,
  protects: string,
  permission: string,
  e: unknown,
  forNewModel: boolean
): UnreadSetting {
  return {
    read,
    protects,
    error: errorMessage(e),
    ...(isAccessDenied(e) ? { deniedPermission: permission } : {}),
    forNewModel
  }
}
