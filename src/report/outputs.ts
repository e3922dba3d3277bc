// The action outputs (action.yml), as strings ready for core.setOutput.

import { metricsJson } from '../metrics/json.js'
import type { RolloutMetrics } from '../metrics/types.js'
import type { AutoScalingReport, Plan, Timeline, Verdict } from '../types.js'
import { planJson } from './plan-view.js'

// Every output is always set, so a later step never reads a stale or missing value.

/** One element of the `traffic-steps` output. */
export interface TrafficStepOutput {
  readonly at: string
  readonly offsetSeconds: number
  readonly bluePercent: number
  readonly greenPercent: number
  readonly event: string
  /** Only for a step no poll saw: it happened between these offsets (seconds). */
  readonly betweenPolls?: { readonly afterSeconds: number; readonly beforeSeconds: number }
}

export interface OutputsInput {
  /** Undefined when the run stopped before a plan existed (e.g. invalid input). */
  readonly plan: Plan | undefined
  /** Undefined when nothing was started (dry run, or a failure before the update). */
  readonly timeline: Timeline | undefined
  readonly verdict: Verdict
  readonly durationSeconds: number
  /** Read from CloudWatch after the verdict; undefined when there was nothing to read. */
  readonly metrics?: RolloutMetrics | undefined
  /** Auto scaling the run deregistered for the update (on-auto-scaling: reregister). */
  readonly autoScaling?: AutoScalingReport | undefined
}

export const OUTPUT_NAMES = [
  'outcome',
  'model-name',
  'endpoint-config-name',
  'previous-endpoint-config-name',
  'failure-reason',
  'triggered-alarms',
  'duration-seconds',
  'traffic-steps',
  'plan',
  'metrics',
  'auto-scaling'
] as const

export type OutputName = (typeof OUTPUT_NAMES)[number]

export function trafficStepsOutput(timeline: Timeline | undefined): TrafficStepOutput[] {
  if (timeline === undefined) return []
  const offset = (at: number): number => Math.round((at - timeline.startedAt) / 1000)
  return timeline.steps.map(step => ({
    at: new Date(step.at).toISOString(),
    offsetSeconds: offset(step.at),
    bluePercent: step.bluePercent,
    greenPercent: step.greenPercent,
    event: step.event,
    ...(step.between === undefined
      ? {}
      : {
          betweenPolls: {
            afterSeconds: offset(step.between.after),
            beforeSeconds: offset(step.between.before)
          }
        })
  }))
}

export function buildOutputs(input: OutputsInput): Record<OutputName, string> {
  const { plan, timeline, verdict } = input
  const duration = Number.isFinite(input.durationSeconds) ? input.durationSeconds : 0
  return {
    outcome: verdict.outcome,
    'model-name': plan?.greenModelName ?? '',
    'endpoint-config-name': plan?.endpointConfigName ?? timeline?.newConfigName ?? '',
    'previous-endpoint-config-name': plan?.previousConfigName ?? timeline?.oldConfigName ?? '',
    'failure-reason': verdict.failureReason ?? '',
    'triggered-alarms': verdict.triggeredAlarms.join(','),
    'duration-seconds': String(Math.max(0, Math.round(duration))),
    'traffic-steps': JSON.stringify(trafficStepsOutput(timeline)),
    plan: plan === undefined ? '' : planJson(plan),
    metrics: metricsJson(input.metrics, whyNoMetrics(input)),
    'auto-scaling': input.autoScaling === undefined ? '' : JSON.stringify(input.autoScaling)
  }
}

function whyNoMetrics({ timeline, verdict }: OutputsInput): string {
  if (verdict.outcome === 'planned') return 'No metrics: dry run, nothing was deployed.'
  if (timeline === undefined) return 'No metrics: no rollout was started.'
  if (verdict.outcome === 'started')
    return 'No metrics: the action did not wait for the rollout (wait: false).'
  return 'No metrics were read for this rollout.'
}
