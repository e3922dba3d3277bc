// Folds per-minute CloudWatch datapoints into the rollout's traffic steps and phases. Pure.
//
// A one-minute datapoint rarely lines up with a step, so each minute is shared among the steps
// it overlaps, in proportion to the time overlapped × the fleet's traffic share in that step:
// green's errors in a minute that straddles "0 %" and "25 %" all land in the 25 % step.
import { errorRateAlarmName } from '../guard/alarms.js'
import { ACTION_ROLLBACK_EVENT } from '../guard/regression-rollback.js'
import type { Plan, Timeline, TrafficStep } from '../types.js'
import { fleetWords, type FleetWords } from '../fleet-words.js'
import { CPU_QUERY_ID, PERIOD_SECONDS, type MetricsRequest } from './queries.js'
import {
  addCpu,
  distribute,
  figures,
  minutesOf,
  round,
  subtract,
  sum,
  type MetricSeries,
  type Segment,
  type Tally
} from './tally.js'
import type {
  FleetFigures,
  MetricsSplit,
  PhaseMetrics,
  PhaseName,
  RolloutMetrics,
  StepMetrics
} from './types.js'

export type { MetricSeries } from './tally.js'

/** Where the shift ends: the first rollback to blue, or the step that put green at 100 %. */
function shiftEnd(steps: readonly TrafficStep[]): { index: number; phase: PhaseName } | undefined {
  for (let i = 1; i < steps.length; i++) {
    const step = steps[i]!
    if (step.greenPercent === 0 && step.bluePercent === 100) return { index: i, phase: 'rollback' }
    if (step.greenPercent === 100) return { index: i, phase: 'completion' }
  }
  return undefined
}

/** The threshold (percent) of the error-rate alarm this run created, if it did. */
export function errorRateThreshold(plan: Plan): number | undefined {
  // Named <prefix>-5xx-rate, whatever the prefix (alarm-name-prefix).
  const suffix = errorRateAlarmName('')
  return plan.alarmsToCreate.find(alarm => alarm.name.endsWith(suffix))?.threshold
}

export interface FoldInput {
  readonly plan: Plan
  readonly timeline: Timeline
  readonly request: MetricsRequest
  readonly series: MetricSeries
  readonly calls: number
  readonly warning?: string | undefined
  /** Service epoch ms before which every minute is final (undefined: not known). */
  readonly finalUntil?: number | undefined
  readonly lateAlarms?: readonly string[]
}

/**
 * The rows the page shows, as traffic steps: a rolling update's batches (new instances or copies
 * and their share), else the traffic steps. The metrics are folded into these rows, so the chart
 * and the per-step table plot what the traffic table says.
 */
export function shownSteps(timeline: Timeline): readonly TrafficStep[] {
  const batches = timeline.batches ?? []
  if (batches.length === 0) return timeline.steps
  return batches.map(row => ({
    at: row.at,
    bluePercent: 100 - row.newPercent,
    greenPercent: row.newPercent,
    event: row.event
  }))
}

export function foldMetrics(input: FoldInput): RolloutMetrics {
  const { plan, timeline, request, series } = input
  const windowStart = request.startTime
  const windowEnd = request.endTime
  const steps = shownSteps(timeline)
  const words = fleetWords(plan)
  const baseline: Segment = {
    from: windowStart,
    until: Math.max(windowStart, timeline.startedAt),
    bluePercent: plan.firstDeploy ? 0 : 100,
    greenPercent: 0
  }
  const stepSegments: Segment[] = steps.map((step, i) => ({
    from: step.at,
    until: Math.max(step.at, steps[i + 1]?.at ?? windowEnd),
    bluePercent: step.bluePercent,
    greenPercent: step.greenPercent
  }))
  const segments = [baseline, ...stepSegments]

  const endpoint = minutesOf(series, 'endpoint')
  let green = minutesOf(series, 'green')
  let blue = minutesOf(series, 'blue')
  const hasBlueFleet = request.blueConfigName !== undefined
  let split: MetricsSplit = 'per-fleet'
  let note: string | undefined
  if (green.size === 0 && blue.size === 0) {
    split = 'endpoint-only'
    note =
      endpoint.size === 0
        ? 'CloudWatch had no datapoints for this endpoint in the window (no traffic, or the metrics had not arrived yet).'
        : 'CloudWatch had no per-fleet datapoints (EndpointConfigName dimension) in the window: the figures are for the whole variant, blue and green together.'
  } else if (hasBlueFleet && blue.size === 0) {
    blue = subtract(endpoint, green)
    note = `CloudWatch had no datapoints with EndpointConfigName=${request.blueConfigName}: blue's figures are the variant's less green's.`
  } else if (green.size === 0 && steps.some(s => s.greenPercent > 0)) {
    green = subtract(endpoint, blue)
    note = `CloudWatch had no datapoints with EndpointConfigName=${request.greenConfigName}: green's figures are the variant's less blue's.`
  }

  const perFleet = split === 'per-fleet'
  const blueTallies = distribute(blue, segments, s => s.bluePercent)
  const greenTallies = distribute(green, segments, s => s.greenPercent)
  const endpointTallies = distribute(endpoint, segments, () => 1)
  addCpu(endpointTallies, series.get(CPU_QUERY_ID) ?? new Map(), segments)

  const fleetFigures = (tallies: Tally[], present: boolean) =>
    perFleet && present ? figures(sum(tallies)) : undefined

  // With the split, the endpoint is blue + green, so every row adds up.
  const endpointOf = (first: number, last: number): FleetFigures =>
    figures(
      perFleet
        ? sum([...blueTallies.slice(first, last), ...greenTallies.slice(first, last)])
        : sum(endpointTallies.slice(first, last))
    )

  const finalUntil = input.finalUntil
  const stepMetrics: StepMetrics[] = steps.map((step, i) => {
    const k = i + 1
    const e = endpointTallies[k]!
    const until = stepSegments[i]!.until
    // A minute the step covers ends after the last final one: its figures may still grow.
    const lastMinuteEnd = Math.ceil(until / 60_000) * 60_000
    return {
      at: step.at,
      until: stepSegments[i]!.until,
      bluePercent: step.bluePercent,
      greenPercent: step.greenPercent,
      event: step.event,
      blue: fleetFigures([blueTallies[k]!], hasBlueFleet),
      green: fleetFigures([greenTallies[k]!], true),
      endpoint: endpointOf(k, k + 1),
      cpuUtilizationPercent: e.cpuWeight > 0 ? round(e.cpuSum / e.cpuWeight, 2) : null,
      incomplete: finalUntil !== undefined && lastMinuteEnd > finalUntil
    }
  })

  const end = shiftEnd(steps)
  const fired = timeline.alarms.filter(alarm => alarm.fired).map(alarm => alarm.name)
  const phase = (
    name: PhaseName,
    first: number,
    last: number,
    from: number,
    until: number,
    outcome: string
  ): PhaseMetrics => ({
    phase: name,
    from,
    until,
    blue: fleetFigures(blueTallies.slice(first, last), hasBlueFleet),
    green: fleetFigures(greenTallies.slice(first, last), true),
    endpoint: endpointOf(first, last),
    outcome
  })
  const boundary = end === undefined ? segments.length : end.index + 1
  const boundaryAt = end === undefined ? windowEnd : steps[end.index]!.at
  const phases: PhaseMetrics[] = [
    phase(
      'baseline',
      0,
      1,
      baseline.from,
      baseline.until,
      plan.firstDeploy ? 'before the endpoint existed' : `${words.old} only, before the update`
    ),
    phase(
      'shift',
      1,
      boundary,
      timeline.startedAt,
      boundaryAt,
      shiftOutcome(plan, end, fired, words)
    )
  ]
  if (end !== undefined) {
    phases.push(
      phase(
        end.phase,
        boundary,
        segments.length,
        boundaryAt,
        windowEnd,
        end.phase === 'rollback'
          ? `all traffic back on ${words.oldSide}`
          : steps.at(-1)!.greenPercent === 0
            ? steps.some(step => step.event.startsWith(ACTION_ROLLBACK_EVENT))
              ? `${words.newSide} served 100%, then all traffic back on ${words.oldSide} (rolled back by the action)`
              : `${words.newSide} served 100%, then SageMaker rolled all traffic back to ${words.oldSide}`
            : plan.firstDeploy
              ? 'the new endpoint serves all traffic'
              : `no rollback: all traffic stayed on ${words.newSide}`
      )
    )
  }

  return {
    split,
    note,
    warning: input.warning,
    periodSeconds: PERIOD_SECONDS,
    windowStart,
    windowEnd,
    startedAt: timeline.startedAt,
    blueConfigName: request.blueConfigName,
    greenConfigName: request.greenConfigName,
    alarmThresholdPercent: errorRateThreshold(plan),
    steps: stepMetrics,
    phases,
    calls: input.calls,
    lateAlarms: input.lateAlarms ?? []
  }
}

function shiftOutcome(
  plan: Plan,
  end: { phase: PhaseName } | undefined,
  fired: readonly string[],
  words: FleetWords
): string {
  const alarms = fired.length === 0 ? '' : `alarm ${fired.join(', ')} fired`
  if (end?.phase === 'rollback') {
    return alarms === '' ? 'SageMaker rolled back' : `${alarms}: SageMaker rolled back`
  }
  if (end?.phase === 'completion') {
    if (plan.firstDeploy) return 'endpoint created'
    // Reaching 100 % is not completing: the alarm may have fired in the final bake or after.
    return alarms === ''
      ? 'every step passed its bake'
      : `${words.newSide} reached 100% (then ${alarms})`
  }
  return alarms === '' ? 'no verdict in the window' : `${alarms}; no verdict in the window`
}
