// How often a fleet's metrics reach CloudWatch, from its endpoint config's MetricsConfig (API
// reference, MetricsConfig): MetricPublishFrequencyInSeconds (default 60) applies to utilization
// metrics always, and to invocation metrics only with EnableEnhancedMetrics ("When
// EnableEnhancedMetrics is set to False, this interval applies to utilization metrics only;
// invocation metrics continue to be published at the default 60-second interval"). 120 to 300 s
// are not emulated: such a fleet keeps one-minute datapoints.

type Params = Record<string, unknown>

function frequency(config: Params | undefined): number {
  const metrics = config?.['MetricsConfig'] as Params | undefined
  const seconds = metrics?.['MetricPublishFrequencyInSeconds']
  return seconds === 10 || seconds === 30 ? seconds : 60
}

/** Seconds each invocation-metric datapoint of a fleet on `config` covers. */
export function invocationResolution(config: Params | undefined): number {
  const metrics = config?.['MetricsConfig'] as Params | undefined
  return metrics?.['EnableEnhancedMetrics'] === true ? frequency(config) : 60
}

/** Seconds each utilization-metric datapoint (CPUUtilization) of a fleet on `config` covers. */
export function utilizationResolution(config: Params | undefined): number {
  return frequency(config)
}
