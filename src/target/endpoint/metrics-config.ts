// The green config's MetricsConfig: the live one as it is, or changed just enough for its
// invocation metrics to be published every `metrics-resolution` seconds. What changes is said in
// the plan, and so is what SageMaker may change on its own: EnableDetailedObservability defaults
// to true for a new config and is false for one created before the setting existed (API
// reference, MetricsConfig), so a config that does not state it may not keep it. Pure.
import type { MetricsResolution } from '../../types.js'

type Body = Record<string, unknown>

/** MetricsConfig's defaults (API reference, MetricsConfig). */
const DEFAULTS: Readonly<Body> = {
  MetricPublishFrequencyInSeconds: 60,
  EnableEnhancedMetrics: false
}

/**
 * How often a MetricsConfig has the invocation metrics published: its frequency with enhanced
 * metrics, else every 60 s ("When EnableEnhancedMetrics is set to False, this interval applies
 * to utilization metrics only").
 */
export function invocationResolution(metrics: Readonly<Body> | undefined): number {
  const frequency = metrics?.['MetricPublishFrequencyInSeconds']
  if (metrics?.['EnableEnhancedMetrics'] !== true || typeof frequency !== 'number') return 60
  return frequency
}

export interface GreenMetrics {
  /** The MetricsConfig to send; undefined: none. */
  readonly value: Readonly<Body> | undefined
  /** True when it is the live one, unchanged (listed with what the green config keeps). */
  readonly kept: boolean
  /** For people: what the step changes, and what SageMaker may. */
  readonly notes: readonly string[]
}

const OBSERVABILITY =
  'EnableDetailedObservability is not sent: the live config does not state it (false for a config created before the setting existed), and SageMaker gives a new config true unless it is sent.'

/** The green config's MetricsConfig from the live one (`live` undefined: none, or no live config). */
export function greenMetricsConfig(
  live: Readonly<Body> | undefined,
  resolution: MetricsResolution | undefined,
  liveConfigRead: boolean
): GreenMetrics {
  const unstated = liveConfigRead && live?.['EnableDetailedObservability'] === undefined
  if (resolution === undefined || invocationResolution(live) === resolution) {
    if (live === undefined) return { value: undefined, kept: false, notes: [] }
    return {
      value: live,
      kept: true,
      notes: unstated ? [`The live config's MetricsConfig is kept as it is. ${OBSERVABILITY}`] : []
    }
  }
  // Enhanced metrics stay as they are at 60 s: every minute is what invocation metrics get anyway.
  const changes: Body =
    resolution < 60
      ? { EnableEnhancedMetrics: true, MetricPublishFrequencyInSeconds: resolution }
      : { MetricPublishFrequencyInSeconds: resolution }
  const value = { ...live, ...changes }
  if (!liveConfigRead) return { value, kept: false, notes: [] }
  const was = (member: string): string =>
    live?.[member] === undefined ? `${String(DEFAULTS[member])} by default` : String(live[member])
  const changed = Object.keys(changes).filter(member => live?.[member] !== changes[member])
  const others = Object.keys(live ?? {}).filter(member => !changed.includes(member))
  const listed = changed.map(m => `${m} ${String(changes[m])} (live: ${was(m)})`).join(', ')
  const rest = others.length ? `; ${others.join(', ')} kept` : ''
  return {
    value,
    kept: false,
    notes: [
      `metrics-resolution: ${resolution} sets the new config's MetricsConfig: ${listed}${rest}.${unstated ? ` ${OBSERVABILITY}` : ''}`
    ]
  }
}
