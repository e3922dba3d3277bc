// Pure: the blast radius of a rollout, from the action's own `metrics` output (src/metrics/json.ts):
// the requests the new model (green) served and how many failed with 5XX before traffic left it,
// summed over the traffic steps. Green is separable only with the per-fleet split; a step still
// incomplete in CloudWatch makes the sums a lower bound. Tests drive it with plain objects.
import { range, showRange, type Range } from './bench-stats.js'

export interface BlastRadius {
  /** How the metrics told blue from green (`per-fleet`, `endpoint-only`); null without steps. */
  readonly split: string | null
  /** Requests green served over the traffic steps; null unless the split is per-fleet. */
  readonly requests: number | null
  /** Of them, how many failed with 5XX; null unless the split is per-fleet. */
  readonly errors5xx: number | null
  /** A step was incomplete (CloudWatch had not published all its minutes): at least these. */
  readonly lowerBound: boolean
}

interface GreenFigures {
  readonly requests?: unknown
  readonly errors5xx?: unknown
}

interface MetricsOutput {
  readonly split?: unknown
  readonly steps?: readonly {
    readonly green?: GreenFigures | null
    readonly incomplete?: unknown
  }[]
}

const count = (value: unknown): number => (typeof value === 'number' ? value : 0)

/** The blast radius from the `metrics` output (its JSON text); n/a figures are null. */
export function blastRadius(metricsOutput: string | undefined): BlastRadius {
  let parsed: MetricsOutput = {}
  try {
    parsed = JSON.parse(metricsOutput || '{}') as MetricsOutput
  } catch {
    // Not JSON: no figures, as with no output at all.
  }
  const steps = Array.isArray(parsed.steps) ? parsed.steps : []
  const split = typeof parsed.split === 'string' && steps.length > 0 ? parsed.split : null
  const lowerBound = steps.some(s => s.incomplete === true)
  if (split !== 'per-fleet') return { split, requests: null, errors5xx: null, lowerBound }
  // A step before green serves (or after it left) has green null or zero: it adds nothing.
  return {
    split,
    requests: steps.reduce((sum, s) => sum + count(s.green?.requests), 0),
    errors5xx: steps.reduce((sum, s) => sum + count(s.green?.errors5xx), 0),
    lowerBound
  }
}

const whole = (v: number): string =>
  Number.isNaN(v) ? 'n/a' : Number.isInteger(v) ? String(v) : v.toFixed(1)

/**
 * "green served 2400 requests, 480 failed (5XX)" over repeated runs (medians with min–max), "n/a"
 * when a run could not tell green apart, and the lower bound said when a step was incomplete.
 */
export function blastText(runs: readonly (BlastRadius | undefined)[]): string {
  const separable = runs.length > 0 && runs.every(b => b?.requests != null && b.errors5xx != null)
  if (!separable) {
    const splits = [...new Set(runs.map(b => b?.split ?? 'no metrics'))].join(', ')
    return `n/a (${splits}: green not separable)`
  }
  const requests: Range | undefined = range(runs.map(b => b?.requests ?? undefined))
  const errors: Range | undefined = range(runs.map(b => b?.errors5xx ?? undefined))
  const lower = runs.some(b => b?.lowerBound)
  const at = lower ? '≥ ' : ''
  return (
    `green served ${at}${showRange(requests, whole)} requests, ${at}${showRange(errors, whole)} failed (5XX)` +
    (lower ? ' (lower bounds: a step was still incomplete in CloudWatch)' : '')
  )
}

/** A measured step as the rows read it (bench-lab.ts's LabStepResult). */
interface MeasuredStep {
  readonly name: string
  readonly outcome: string
  readonly blastRadius?: BlastRadius
}

/** A run of the lab as the rows read it (bench-lab.ts's LabRun). */
interface MeasuredRun {
  readonly steps: readonly MeasuredStep[]
  readonly regression?: { readonly before: MeasuredStep; readonly after: MeasuredStep }
}

/** "rolled-back" when every run agrees, else "rolled-back ×2, regressed ×1". */
export function outcomesText(outcomes: readonly string[]): string {
  const counts = new Map<string, number>()
  for (const o of outcomes) counts.set(o, (counts.get(o) ?? 0) + 1)
  if (counts.size === 1) return outcomes[0]!
  return [...counts].map(([o, n]) => `${o} ×${n}`).join(', ')
}

/**
 * The lab table's blast-radius rows: B as the lab runs it, then D before and after the final-bake
 * default, when the runs have them (older results do not).
 */
export function blastRows(runs: readonly MeasuredRun[]): [string, string, string][] {
  const rows: [string, string, string][] = []
  const b = runs.map(r => r.steps.find(s => s.name === 'Model B'))
  if (runs.length > 0 && b.every(s => s?.blastRadius !== undefined))
    rows.push(['Blast radius, Model B (defaults)', blastText(b.map(s => s?.blastRadius)), ''])
  const d = runs.map(r => r.regression)
  if (runs.length === 0 || d.some(v => v === undefined)) return rows
  const variant = (
    label: string,
    pick: (v: NonNullable<MeasuredRun['regression']>) => MeasuredStep
  ) => {
    const steps = d.map(v => pick(v!))
    rows.push([
      label,
      `${outcomesText(steps.map(s => s.outcome))}: ${blastText(steps.map(s => s.blastRadius))}`,
      ''
    ])
  }
  variant(
    'Blast radius, Model D (fails only at full traffic) before: no final bake (`termination-wait: 0`, accepted)',
    v => v.before
  )
  variant(
    "Blast radius, Model D after: the defaults (final bake derived from the alarms' detection time, 300 s)",
    v => v.after
  )
  return rows
}
