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
import type { CurrentEndpoint, LiveVariant, Logger } from '../../types.js'

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
  const described = configName ? await api.describeEndpointConfig(configName) : undefined
  const variants = liveVariants(ep, described?.ProductionVariants ?? [])
  let configTags: Record<string, string> = {}
  if (described?.EndpointConfigArn) {
    try {
      configTags = await api.listTags(described.EndpointConfigArn)
    } catch (e) {
      log.warning(`Could not read the tags of the live config ${configName}: ${errorMessage(e)}`)
    }
  }
  const target = targetVariant(variants, requestedVariant) ?? variants[0]
  let model: DescribeModelCommandOutput | undefined
  if (target?.modelName) {
    try {
      model = await api.describeModel(target.modelName)
    } catch (e) {
      log.warning(`Could not read the live model ${target.modelName}: ${errorMessage(e)}`)
    }
  }
  return {
    status: ep.EndpointStatus ?? 'Unknown',
    configName,
    variantName: target?.name ?? ep.ProductionVariants?.[0]?.VariantName ?? 'AllTraffic',
    instanceType: target?.instanceType,
    instanceCount: target?.desiredCount ?? target?.configuredCount,
    modelName: target?.modelName,
    modelDataUrl: model?.PrimaryContainer?.ModelDataUrl ?? model?.Containers?.[0]?.ModelDataUrl,
    lastModifiedTime: ep.LastModifiedTime?.getTime(),
    lastDeploymentConfig: ep.LastDeploymentConfig
      ? (JSON.parse(JSON.stringify(ep.LastDeploymentConfig)) as Body)
      : undefined,
    failureReason: ep.FailureReason || undefined,
    variants,
    config: described ? configInput(described) : undefined,
    configTags,
    model: model ? modelInput(model) : undefined
  }
}
