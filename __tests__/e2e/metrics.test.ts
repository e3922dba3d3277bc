// The evidence behind the verdict, end to end: the bundle reads the emulator's per-fleet
// CloudWatch metrics after the verdict and shows them in the summary and the `metrics` output.
// The lab sends 600 requests a minute, split by green's share of the instances; model B answers
// 20 % 5XX (45 ms), model A 40 ms, model E 38 ms: the figures below are those, drawn by the
// emulator's seeded generator, counted per traffic step.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import type { Emulator } from '../../emulator/index.js'
import { labEmulator, runStep, step } from './helpers.js'

// A safety net only: on stepped time a run's real duration depends on the machine's load, never
// on what it sees.
jest.setTimeout(600_000)

interface Figures {
  requests: number
  errors5xx: number
  errorRate5xxPercent: number | null
  modelLatencyMs: number | null
}

interface MetricsOutput {
  split: string
  getMetricDataCalls: number
  alarmThresholdPercent: number | null
  steps: {
    offsetSeconds: number
    untilOffsetSeconds: number
    greenPercent: number
    blue: Figures | null
    green: Figures | null
    incomplete: boolean
  }[]
  phases: { phase: string; blue: Figures | null; green: Figures | null; endpoint: Figures }[]
}

/** A fleet's figures as [requests, 5XX errors, 5XX rate %, model latency ms]. */
const figures = (f: Figures | null) =>
  f && [f.requests, f.errors5xx, f.errorRate5xxPercent, f.modelLatencyMs]
/** [from, until (T+ s), green %, blue figures, green figures] per step. */
const stepRows = (m: MetricsOutput) =>
  m.steps.map(s => [
    s.offsetSeconds,
    s.untilOffsetSeconds,
    s.greenPercent,
    figures(s.blue),
    figures(s.green)
  ])

describe('metrics per step in the lab', () => {
  let emulator: Emulator
  const results: Record<string, Awaited<ReturnType<typeof runStep>>> = {}
  const metricCalls: Record<string, number> = {}

  async function runCounted(name: 'Model A' | 'Model B' | 'Model E'): Promise<void> {
    const before = emulator.calls().length
    results[name] = await runStep(emulator, step(name))
    metricCalls[name] = emulator
      .calls()
      .slice(before)
      .filter(call => call.operation === 'GetMetricData').length
  }

  const metrics = (name: string): MetricsOutput =>
    JSON.parse(results[name]!.outputs.metrics ?? '{}') as MetricsOutput

  beforeAll(async () => {
    emulator = await labEmulator()
    await runCounted('Model A')
    await runCounted('Model B')
    emulator.advance(180) // as in the demo: the retry comes 3 minutes later
    await runCounted('Model E')
  })
  afterAll(() => emulator.close())

  it('B: for a step with green traffic, green 5XX rate is above 1% and blue is 0', () => {
    const b = metrics('Model B')
    expect(results['Model B']!.outputs.outcome).toBe('rolled-back')
    expect(b.split).toBe('per-fleet')
    expect(b.alarmThresholdPercent).toBe(1)
    // [from, until (T+ s), green %, blue, green]: green about 20 % 5XX on its share, blue none.
    expect(stepRows(b)).toEqual([
      // (No poll fell in step 1's 5 s activation: its row starts with its bake, T+485 s.)
      [0, 485, 0, [4812, 0, 0, 39.99], [0, 0, null, null]],
      [485, 545, 25, [447, 0, 0, 40.07], [151, 36, 23.64, 44.96]],
      [545, 586, 50, [201, 0, 0, 40.1], [214, 42, 19.77, 44.99]],
      // After the rollback blue serves everything, without errors (the minute the window ends).
      [586, 646, 0, [600, 0, 0, 40.06], [0, 0, null, null]]
    ])
    expect(b.steps.every(s => !s.incomplete)).toBe(true)
    expect(b.phases.map(p => [p.phase, figures(p.blue), figures(p.green)])).toEqual([
      ['baseline', [126, 0, 0, 40.14], [0, 0, null, null]],
      ['shift', [5459, 0, 0, 40], [365, 78, 21.37, 44.97]],
      ['rollback', [600, 0, 0, 40.06], [0, 0, null, null]]
    ])
  })

  it('E: green serves 100% of requests at the end, with no 5XX', () => {
    const e = metrics('Model E')
    expect(results['Model E']!.outputs.outcome).toBe('deployed')
    expect(stepRows(e)).toEqual([
      [0, 480, 0, [4799, 0, 0, 39.99], [0, 0, null, null]],
      [480, 545, 25, [484, 0, 0, 40.06], [169, 0, 0, 37.78]],
      [545, 610, 50, [333, 0, 0, 40.04], [317, 0, 0, 37.72]],
      [610, 675, 75, [168, 0, 0, 39.9], [484, 0, 0, 38.1]],
      // The step at 100 % bakes the 300 s final bake (B's policy, retained), then blue goes.
      [675, 1100, 100, [0, 0, null, null], [4247, 0, 0, 38]],
      // The completion's row runs to the end of its minute (09:46:00), the last final one.
      [1100, 1133, 100, [0, 0, null, null], [325, 0, 0, 38.04]]
    ])
    expect(e.steps.every(s => !s.incomplete)).toBe(true)
    expect(e.phases.map(p => [p.phase, figures(p.blue), figures(p.green)])).toEqual([
      ['baseline', [3075, 0, 0, 39.96], [0, 0, null, null]],
      ['shift', [5783, 0, 0, 39.99], [969, 0, 0, 37.92]],
      ['completion', [0, 0, null, null], [4573, 0, 0, 38.01]]
    ])
  })

  it('makes one GetMetricData call per run, and says so', () => {
    for (const name of ['Model A', 'Model B', 'Model E']) {
      expect(metricCalls[name]).toBe(1)
      expect(metrics(name).getMetricDataCalls).toBe(1)
    }
  })

  it('the summary has the chart and the tables', () => {
    for (const name of ['Model B', 'Model E']) {
      const summary = results[name]!.summary
      expect(summary).toContain('```mermaid')
      expect(summary).toContain('xychart-beta')
      expect(summary).toContain(
        '| Time | Blue requests | Blue 5XX | Blue latency | Green requests | Green 5XX | Green latency |'
      )
      expect(summary).toContain('| Phase | Invocations | 5XX errors | Latency | Outcome |')
    }
    expect(results['Model B']!.summary).toContain(
      '\n| Rollback | 600 (blue 600 · green 0) | 0 (0%) | 40.1 ms | all traffic back on blue |\n'
    )
  })
})
