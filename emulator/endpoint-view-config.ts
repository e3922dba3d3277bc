// What DescribeEndpoint repeats from the live endpoint config: async, explainer and metrics
// settings as stored, data capture as its summary shape, shadow variants as variant summaries.

type Params = Record<string, unknown>

/** DataCaptureConfigSummary: EnableCapture defaults to true (DataCaptureConfig model doc). */
function dataCaptureSummary(config: Params): Params {
  const enabled = config.EnableCapture !== false
  return {
    EnableCapture: enabled,
    CaptureStatus: enabled ? 'Started' : 'Stopped',
    CurrentSamplingPercentage: config.InitialSamplingPercentage,
    DestinationS3Uri: config.DestinationS3Uri,
    ...(config.KmsKeyId === undefined ? {} : { KmsKeyId: config.KmsKeyId })
  }
}

/** Shadow variants as ProductionVariantSummary entries (`current`: instances taking traffic). */
export function shadowVariants(
  config: Params | undefined,
  current: number | undefined
): Params[] | undefined {
  const list = config?.ShadowProductionVariants as Params[] | undefined
  if (list === undefined) return undefined
  return list.map(v => {
    const desired = Number(v.InitialInstanceCount ?? 0)
    const serverless = v.ServerlessConfig
    return {
      VariantName: v.VariantName,
      CurrentWeight: current === 0 ? 0 : v.InitialVariantWeight,
      DesiredWeight: v.InitialVariantWeight,
      ...(serverless === undefined
        ? { CurrentInstanceCount: current ?? desired, DesiredInstanceCount: desired }
        : { DesiredServerlessConfig: serverless }),
      ...(v.ManagedInstanceScaling === undefined
        ? {}
        : { ManagedInstanceScaling: v.ManagedInstanceScaling }),
      ...(v.RoutingConfig === undefined ? {} : { RoutingConfig: v.RoutingConfig })
    }
  })
}

/** Top-level DescribeEndpoint fields taken from the live config. */
export function configEcho(config: Params | undefined, live: boolean): Params {
  if (config === undefined) return {}
  const out: Params = {}
  const capture = config.DataCaptureConfig as Params | undefined
  if (capture !== undefined) out.DataCaptureConfig = dataCaptureSummary(capture)
  if (config.AsyncInferenceConfig !== undefined)
    out.AsyncInferenceConfig = config.AsyncInferenceConfig
  if (config.ExplainerConfig !== undefined) out.ExplainerConfig = config.ExplainerConfig
  const shadow = shadowVariants(config, live ? undefined : 0)
  if (shadow !== undefined) out.ShadowProductionVariants = shadow
  if (config.MetricsConfig !== undefined) out.MetricsConfig = config.MetricsConfig
  return out
}
