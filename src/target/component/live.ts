// Pure: an inference component as DescribeInferenceComponent shows it, and its live
// specification turned back into what UpdateInferenceComponent takes (the summary's
// Container.DeployedImage is the image it was given).

type Body = Record<string, unknown>

/** The fields of DescribeInferenceComponent's output the action reads (SDK output fits). */
export interface DescribeComponentLike {
  InferenceComponentName?: string | undefined
  EndpointName?: string | undefined
  VariantName?: string | undefined
  InferenceComponentStatus?: string | undefined
  FailureReason?: string | undefined
  Specification?: object | undefined
  Specifications?: object[] | undefined
  RuntimeConfig?:
    { DesiredCopyCount?: number | undefined; CurrentCopyCount?: number | undefined } | undefined
  LastModifiedTime?: Date | undefined
  LastDeploymentConfig?: object | undefined
}

/** The component before the run. */
export interface LiveComponent {
  readonly name: string
  readonly endpointName: string | undefined
  readonly variantName: string | undefined
  readonly status: string
  readonly failureReason: string | undefined
  /** The model of its (first) specification. */
  readonly modelName: string | undefined
  /** The live specification as UpdateInferenceComponent takes it; undefined when unreadable. */
  readonly specification: Body | undefined
  /** How many specifications it has (one per instance type). */
  readonly specificationCount: number
  readonly desiredCopies: number | undefined
  readonly currentCopies: number | undefined
  /** Epoch ms. */
  readonly lastModifiedTime: number | undefined
  readonly lastDeploymentConfig: Body | undefined
}

function plain(value: unknown): Body | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (JSON.parse(JSON.stringify(value)) as Body)
    : undefined
}

/** A specification summary as a request: DeployedImage.SpecifiedImage is the Image it was given. */
export function specificationInput(summary: unknown): Body | undefined {
  const spec = plain(summary)
  if (spec === undefined) return undefined
  const container = plain(spec['Container'])
  if (container === undefined) return spec
  const { DeployedImage, ...rest } = container
  const image = plain(DeployedImage)?.['SpecifiedImage']
  return { ...spec, Container: { ...(typeof image === 'string' ? { Image: image } : {}), ...rest } }
}

export function toLiveComponent(name: string, out: DescribeComponentLike): LiveComponent {
  const specs = out.Specifications ?? (out.Specification ? [out.Specification] : [])
  const specification = specificationInput(specs[0])
  const modelName = specification?.['ModelName']
  return {
    name: out.InferenceComponentName ?? name,
    endpointName: out.EndpointName,
    variantName: out.VariantName,
    status: out.InferenceComponentStatus ?? 'Unknown',
    failureReason: out.FailureReason || undefined,
    modelName: typeof modelName === 'string' ? modelName : undefined,
    specification,
    specificationCount: specs.length,
    desiredCopies: out.RuntimeConfig?.DesiredCopyCount,
    currentCopies: out.RuntimeConfig?.CurrentCopyCount,
    lastModifiedTime:
      out.LastModifiedTime instanceof Date ? out.LastModifiedTime.getTime() : undefined,
    lastDeploymentConfig: plain(out.LastDeploymentConfig)
  }
}
