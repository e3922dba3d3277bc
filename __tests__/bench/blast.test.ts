import { describe, expect, it } from '@jest/globals'
import {
  blastRadius,
  blastRows,
  blastText,
  outcomesText,
  type BlastRadius
} from '../../scripts/lib/bench-blast.js'

const green = (requests: number, errors5xx: number) => ({
  requests,
  errors5xx,
  errors4xx: 0,
  errorRate5xxPercent: requests > 0 ? (100 * errors5xx) / requests : null,
  modelLatencyMs: 40,
  overheadLatencyMs: 3
})

/** The `metrics` output's shape (src/metrics/json.ts), reduced to what the blast radius reads. */
const metrics = (
  split: string,
  steps: { green: ReturnType<typeof green> | null; incomplete?: boolean }[]
): string =>
  JSON.stringify({
    split,
    steps: steps.map((s, i) => ({
      offsetSeconds: i * 60,
      greenPercent: i * 25,
      blue: green(600, 0),
      green: s.green,
      incomplete: s.incomplete ?? false
    }))
  })

describe('blastRadius', () => {
  it('sums what green served over the steps, a step without green adding nothing', () => {
    const text = metrics('per-fleet', [
      { green: green(0, 0) },
      { green: green(151, 36) },
      { green: green(214, 42) },
      { green: null }
    ])
    expect(blastRadius(text)).toEqual({
      split: 'per-fleet',
      requests: 365,
      errors5xx: 78,
      lowerBound: false
    })
  })

  it('is a lower bound when a step was still incomplete', () => {
    const text = metrics('per-fleet', [
      { green: green(100, 1) },
      { green: green(50, 0), incomplete: true }
    ])
    expect(blastRadius(text)).toMatchObject({ requests: 150, errors5xx: 1, lowerBound: true })
  })

  it('has no figures unless green is separable (per-fleet)', () => {
    expect(blastRadius(metrics('endpoint-only', [{ green: null }]))).toEqual({
      split: 'endpoint-only',
      requests: null,
      errors5xx: null,
      lowerBound: false
    })
  })

  it('has no figures without steps, without the output or with one that is not JSON', () => {
    const none = { split: null, requests: null, errors5xx: null, lowerBound: false }
    expect(blastRadius(JSON.stringify({ note: 'no datapoints', getMetricDataCalls: 1 }))).toEqual(
      none
    )
    expect(blastRadius(undefined)).toEqual(none)
    expect(blastRadius('')).toEqual(none)
    expect(blastRadius('{not json')).toEqual(none)
  })
})

const radius = (requests: number, errors5xx: number, lowerBound = false): BlastRadius => ({
  split: 'per-fleet',
  requests,
  errors5xx,
  lowerBound
})

describe('blastText', () => {
  it('shows the median with the range over runs, or the one value when they agree', () => {
    expect(blastText([radius(365, 78)])).toBe('green served 365 requests, 78 failed (5XX)')
    expect(blastText([radius(365, 78), radius(380, 70), radius(350, 78)])).toBe(
      'green served 365 (350–380) requests, 78 (70–78) failed (5XX)'
    )
  })

  it('says a lower bound when any run had an incomplete step', () => {
    expect(blastText([radius(365, 78), radius(360, 77, true)])).toBe(
      'green served ≥ 362.5 (360–365) requests, ≥ 77.5 (77–78) failed (5XX) (lower bounds: a step was still incomplete in CloudWatch)'
    )
  })

  it('says n/a when a run could not tell green apart, or lacks the figure', () => {
    const endpointOnly: BlastRadius = {
      split: 'endpoint-only',
      requests: null,
      errors5xx: null,
      lowerBound: false
    }
    expect(blastText([radius(365, 78), endpointOnly])).toBe(
      'n/a (per-fleet, endpoint-only: green not separable)'
    )
    expect(blastText([undefined])).toBe('n/a (no metrics: green not separable)')
    expect(blastText([])).toBe('n/a (: green not separable)')
  })
})

describe('outcomesText', () => {
  it('names the outcome when every run agrees, else counts each', () => {
    expect(outcomesText(['rolled-back', 'rolled-back'])).toBe('rolled-back')
    expect(outcomesText(['rolled-back', 'regressed', 'rolled-back'])).toBe(
      'rolled-back ×2, regressed ×1'
    )
  })
})

describe('blastRows', () => {
  const step = (name: string, outcome: string, blast?: BlastRadius) => ({
    name,
    outcome,
    ...(blast ? { blastRadius: blast } : {})
  })

  it('has B with the defaults, then D before and after the final-bake default', () => {
    const run = {
      steps: [step('Model A', 'deployed'), step('Model B', 'rolled-back', radius(365, 78))],
      regression: {
        before: step('Model D', 'regressed', radius(7076, 1247)),
        after: step('Model D, defaults', 'rolled-back', radius(2006, 205))
      }
    }
    expect(blastRows([run, run])).toEqual([
      ['Blast radius, Model B (defaults)', 'green served 365 requests, 78 failed (5XX)', ''],
      [
        'Blast radius, Model D (fails only at full traffic) before: no final bake (`termination-wait: 0`, accepted)',
        'regressed: green served 7076 requests, 1247 failed (5XX)',
        ''
      ],
      [
        "Blast radius, Model D after: the defaults (final bake derived from the alarms' detection time, 300 s)",
        'rolled-back: green served 2006 requests, 205 failed (5XX)',
        ''
      ]
    ])
  })

  it('has no rows for results measured before the blast radius (older bench/results.json)', () => {
    expect(blastRows([{ steps: [step('Model B', 'rolled-back')] }])).toEqual([])
    expect(blastRows([])).toEqual([])
  })
})
