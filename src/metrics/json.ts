// The `metrics` output: the same figures as the job summary, as JSON a release gate can assert
// on (ISO times, offsets in seconds from the update request, latency in milliseconds).
import type { FleetFigures, RolloutMetrics } from './types.js'

const iso = (ms: number): string => new Date(ms).toISOString()
const fleet = (figures: FleetFigures | undefined): FleetFigures | null => figures ?? null

export function metricsJson(metrics: RolloutMetrics | undefined, whyNone: string): string {
  if (metrics === undefined) return JSON.stringify({ note: whyNone })
  if (metrics.steps.length === 0) {
    return JSON.stringify({
      note: metrics.warning ?? metrics.note ?? whyNone,
      getMetricDataCalls: metrics.calls
    })
  }
  const offset = (ms: number): number => Math.round((ms - metrics.startedAt) / 1000)
  return JSON.stringify({
    split: metrics.split,
    ...(metrics.note === undefined ? {} : { note: metrics.note }),
    ...(metrics.warning === undefined ? {} : { warning: metrics.warning }),
    periodSeconds: metrics.periodSeconds,
    window: { start: iso(metrics.windowStart), end: iso(metrics.windowEnd) },
    blueConfigName: metrics.blueConfigName ?? null,
    greenConfigName: metrics.greenConfigName,
    alarmThresholdPercent: metrics.alarmThresholdPercent ?? null,
    getMetricDataCalls: metrics.calls,
    lateAlarms: metrics.lateAlarms,
    steps: metrics.steps.map(step => ({
      at: iso(step.at),
      offsetSeconds: offset(step.at),
      untilOffsetSeconds: offset(step.until),
      bluePercent: step.bluePercent,
      greenPercent: step.greenPercent,
      event: step.event,
      blue: fleet(step.blue),
      green: fleet(step.green),
      endpoint: step.endpoint,
      cpuUtilizationPercent: step.cpuUtilizationPercent,
      incomplete: step.incomplete
    })),
    phases: metrics.phases.map(phase => ({
      phase: phase.phase,
      from: iso(phase.from),
      until: iso(phase.until),
      blue: fleet(phase.blue),
      green: fleet(phase.green),
      endpoint: phase.endpoint,
      outcome: phase.outcome
    }))
  })
}
