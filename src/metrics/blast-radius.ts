// Pure: what a failing rollout cost, from the figures the summary already shows: the requests the
// new model (green) served in this rollout and how many of them failed with 5XX. Only with the
// per-fleet split: with the endpoint's figures alone, green's share cannot be told apart.
import type { RolloutMetrics } from './types.js'

export interface BlastRadius {
  /** Requests green served, summed over the traffic steps. */
  readonly requests: number
  /** Of them, answered with 5XX. */
  readonly errors5xx: number
  /** Some minute was not complete in CloudWatch yet: the figures can only grow. */
  readonly atLeast: boolean
}

export function blastRadius(metrics: RolloutMetrics | undefined): BlastRadius | undefined {
  if (metrics === undefined || metrics.split !== 'per-fleet' || metrics.steps.length === 0) {
    return undefined
  }
  let requests = 0
  let errors5xx = 0
  let atLeast = false
  for (const step of metrics.steps) {
    requests += step.green?.requests ?? 0
    errors5xx += step.green?.errors5xx ?? 0
    atLeast ||= step.incomplete
  }
  return { requests, errors5xx, atLeast }
}
