// The evidence behind the verdict, end to end: the bundle reads the emulator's per-fleet
// CloudWatch metrics after the verdict and shows them in the summary and the `metrics` output.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Emulator } from '../../emulator/index.js'
import { labEmulator, runStep, step } from './helpers.js'

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
  steps: { greenPercent: number; blue: Figures | null; green: Figures | null }[]
  phases: { phase: string; endpoint: Figures }[]
}

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
    emulator.advance(180)
    await runCounted('Model E')
  }, 90_000)
  afterAll(() => emulator.close())

  it('B: for a step with green traffic, green 5XX rate is above 1% and blue is 0', () => {
    const b = metrics('Model B')
    expect(results['Model B']!.outputs.outcome).toBe('rolled-back')
    expect(b.split).toBe('per-fleet')
    expect(b.alarmThresholdPercent).toBe(1)
    const shifted = b.steps.filter(s => s.greenPercent > 0 && (s.green?.requests ?? 0) > 0)
    expect(shifted.length).toBeGreaterThan(0)
    for (const s of shifted) {
      expect(s.green!.errorRate5xxPercent).toBeGreaterThan(1)
      expect(s.blue!.requests).toBeGreaterThan(0)
      expect(s.blue!.errorRate5xxPercent).toBe(0)
    }
    // After the rollback blue serves everything, without errors.
    const last = b.steps.at(-1)!
    expect(last.greenPercent).toBe(0)
    expect(last.green?.requests ?? 0).toBe(0)
    expect(b.phases.map(p => p.phase)).toEqual(['baseline', 'shift', 'rollback'])
  })

  it('E: green serves 100% of requests at the end, with no 5XX', () => {
    const e = metrics('Model E')
    expect(results['Model E']!.outputs.outcome).toBe('deployed')
    const last = e.steps.at(-1)!
    expect(last.greenPercent).toBe(100)
    expect(last.green!.requests).toBeGreaterThan(0)
    expect(last.green!.errors5xx).toBe(0)
    expect(last.blue!.requests).toBe(0)
    expect(e.steps.every(s => (s.green?.errors5xx ?? 0) === 0)).toBe(true)
    expect(last.green!.modelLatencyMs).toBeGreaterThan(30)
    expect(last.green!.modelLatencyMs).toBeLessThan(50)
    expect(e.phases.map(p => p.phase)).toEqual(['baseline', 'shift', 'completion'])
  })

  it('makes no more than three GetMetricData calls per run', () => {
    for (const name of ['Model A', 'Model B', 'Model E']) {
      expect(metricCalls[name]).toBeGreaterThanOrEqual(1)
      expect(metricCalls[name]).toBeLessThanOrEqual(3)
      expect(metrics(name).getMetricDataCalls).toBe(metricCalls[name])
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
    expect(results['Model B']!.summary).toMatch(/\| Rollback \| .* \| all traffic back on blue \|/)
  })
})
