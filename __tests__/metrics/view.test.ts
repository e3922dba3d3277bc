import { describe, it, expect } from '@jest/globals'
import fc from 'fast-check'
import { foldMetrics } from '../../src/metrics/fold.js'
import { metricsJson } from '../../src/metrics/json.js'
import { buildMetricQueries } from '../../src/metrics/queries.js'
import type { RolloutMetrics } from '../../src/metrics/types.js'
import {
  errorAxisMax,
  errorChartLines,
  formatCount,
  formatMs,
  phaseTable,
  renderMetrics,
  stepMetricsTable
} from '../../src/report/metrics-view.js'
import { buildOutputs } from '../../src/report/outputs.js'
import { renderSummary } from '../../src/report/summary.js'
import { HOSTILE_ALARM, run, runB } from '../report/fixtures.js'
import { liveLinkTargets, tablesOf } from '../report/helpers.js'
import { recordedSeries } from './recorded.js'

function foldB(
  fleets: Parameters<typeof recordedSeries>[0] = {},
  timeline = runB.timeline
): RolloutMetrics {
  return foldMetrics({
    plan: runB.plan,
    timeline,
    request: buildMetricQueries(runB.plan, timeline),
    series: recordedSeries(fleets),
    calls: 1
  })
}

describe('counts', () => {
  it('are rounded and grouped in thousands as en-US writes them (counts are never negative)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e15, noNaN: true }), value => {
        expect(formatCount(value)).toBe(Math.round(value).toLocaleString('en-US'))
      })
    )
    expect(formatCount(1234567.6)).toBe('1,234,568')
    expect(formatCount(999)).toBe('999')
  })
})

describe('the per-step metrics table', () => {
  it('has a row per traffic step with blue and green requests, 5XX and latency', () => {
    expect(stepMetricsTable(foldB()).split('\n')).toEqual([
      '| Time | Blue requests | Blue 5XX | Blue latency | Green requests | Green 5XX | Green latency |',
      '|---|---|---|---|---|---|---|',
      '| T+0 | 600 | 0 (0%) | 40 ms | 0 | — | — |',
      '| T+1 min | 450 | 0 (0%) | 40 ms | 150 | 30 (20%) | 45 ms |',
      '| T+2 min | 200 | 0 (0%) | 40 ms | 200 | 40 (20%) | 45 ms |',
      '| T+2 min 40 s | 1,400 | 0 (0%) | 40 ms | 0 | — | — |'
    ])
  })

  it('shows the whole variant when the split is not available', () => {
    const lines = stepMetricsTable(foldB({ blue: false, green: false })).split('\n')
    expect(lines[0]).toBe('| Time | Green traffic | Requests | 5XX | Latency |')
    expect(lines[3]).toBe('| T+1 min | 25% | 600 | 30 (5%) | 41.3 ms |')
  })
})

describe('the phase table', () => {
  it('has baseline, shift and rollback with invocations, 5XX, latency and outcome', () => {
    expect(phaseTable(foldB()).split('\n')).toEqual([
      '| Phase | Invocations | 5XX errors | Latency | Outcome |',
      '|---|---|---|---|---|',
      '| Baseline | 3,000 (blue 3,000 · green 0) | 0 (0%) | 40 ms | blue only, before the update |',
      '| Traffic shift | 1,600 (blue 1,250 · green 350) | 70 (4.4%); green 70 (20%) | 41.1 ms | alarm lab-endpoint-5xx-rate fired: SageMaker rolled back |',
      '| Rollback | 1,400 (blue 1,400 · green 0) | 0 (0%) | 40 ms | all traffic back on blue |'
    ])
  })

  it('escapes alarm names in the outcome', () => {
    const timeline = {
      ...runB.timeline,
      alarms: [{ ...runB.timeline.alarms[0]!, name: HOSTILE_ALARM }]
    }
    const rows = phaseTable(foldB({}, timeline))
    expect(rows).toContain('alarm evil\\|alarm &lt;b&gt; fired')
    expect(tablesOf(rows)[0]!.every(line => line.split(/(?<!\\)\|/).length === 7)).toBe(true)
  })
})

describe('the chart', () => {
  const markdown = renderMetrics(foldB())

  it('is one Mermaid xychart with the time and green share of each step on the x axis', () => {
    expect(markdown).toContain('```mermaid\n')
    expect(markdown.match(/\nxychart-beta\n/g)).toHaveLength(1)
    expect(markdown).toContain(
      '  x-axis ["T+0:00 · 0%", "T+1:00 · 25%", "T+2:00 · 50%", "T+2:40 · 0%"]\n'
    )
  })

  it('draws the 5XX rates and the threshold on a scale where the threshold shows', () => {
    expect(errorChartLines(foldB()).map(l => [l.name, l.values])).toEqual([
      ['green fleet 5XX rate', ['0', '20', '20', '0']],
      ['blue fleet 5XX rate', ['0', '0', '0', '0']],
      ['alarm threshold (1%)', ['1', '1', '1', '1']]
    ])
    // 20 % at most: the axis ends at 25 %, not 100 %, so a 1 % threshold is not lost at the bottom.
    expect(errorAxisMax(foldB())).toBe(25)
    expect(markdown).toContain(
      '  y-axis "5XX rate (%)" 0 --> 25\n  line [0, 20, 20, 0]\n  line [0, 0, 0, 0]\n  line [1, 1, 1, 1]\n```'
    )
    expect(markdown).toContain(
      "Lines: red: green fleet 5XX rate · blue: blue fleet 5XX rate · amber: alarm threshold (1%). Under each step: its time (minutes and seconds from the update request) and green's share of the traffic."
    )
  })

  it('scales to twice the threshold when no rate comes near it', () => {
    const quiet = { ...foldB({ green: false }), alarmThresholdPercent: 1 }
    const zero = {
      ...quiet,
      steps: quiet.steps.map(s => ({
        ...s,
        green: undefined,
        blue: s.blue && { ...s.blue, errorRate5xxPercent: 0 },
        endpoint: { ...s.endpoint, errorRate5xxPercent: 0 }
      }))
    }
    expect(errorAxisMax(zero)).toBe(2)
  })

  it('gives repeated steps distinct labels and leave out an unknown threshold', () => {
    const timeline = {
      ...runB.timeline,
      steps: [...runB.timeline.steps, { ...runB.timeline.steps.at(-1)!, event: 'again' }]
    }
    const metrics = { ...foldB({}, timeline), alarmThresholdPercent: undefined }
    const out = renderMetrics(metrics)
    expect(out).toContain('"T+2:40 · 0%", "T+2:40 · 0% (2)"]')
    expect(errorChartLines(metrics).map(l => l.name)).not.toContain('alarm threshold (1%)')
  })

  it('charts the endpoint rate without the split', () => {
    const names = errorChartLines(foldB({ blue: false, green: false })).map(l => l.name)
    expect(names).toEqual(['endpoint 5XX rate', 'alarm threshold (1%)'])
  })

  it('is left out for a new endpoint, and so are the blue columns and the shift phase', () => {
    const created = foldB()
    const phases = created.phases.map(p =>
      p.phase === 'rollback' ? { ...p, phase: 'completion' as const } : p
    )
    const first = renderMetrics(
      { ...created, blueConfigName: undefined, phases },
      { firstDeploy: true }
    )
    expect(first.startsWith('### Metrics\n')).toBe(true)
    expect(first).not.toContain('mermaid')
    expect(first).not.toContain('| Blue requests')
    expect(first).toContain('#### Since the endpoint went into service\n\n| Phase |')
    expect(first).toMatch(/^\| In service \| /m)
    expect(first).not.toMatch(/^\| (Baseline|Traffic shift|Completion) /m)
    // One fleet: no "green" beside every figure, no note on telling fleets or steps apart.
    expect(first).not.toMatch(/\(green \d|; green /)
    expect(first).not.toContain('told apart')
    expect(first).not.toContain('spans two steps')
    expect(stepMetricsTable({ ...foldB(), blueConfigName: undefined }).split('\n')[0]).toBe(
      '| Time | Requests | 5XX | Latency |'
    )
  })

  it('title both tables', () => {
    expect(markdown).toContain(
      '#### Requests, 5XX errors and model latency per traffic step\n\n| Time | Blue requests'
    )
    expect(markdown).toContain('#### Per phase of the rollout\n\n| Phase |')
  })
})

describe('renderMetrics', () => {
  it('renders nothing without metrics and the warning alone without figures', () => {
    expect(renderMetrics(undefined)).toBe('')
    const warned: RolloutMetrics = {
      ...foldB(),
      steps: [],
      phases: [],
      warning: 'Could not read the CloudWatch metrics: [x](http://evil.example)'
    }
    const out = renderMetrics(warned)
    expect(out).toContain('### Metrics per step')
    expect(out).not.toContain('mermaid')
    expect(liveLinkTargets(out)).toEqual([])
  })

  it('says how blue and green were told apart', () => {
    expect(renderMetrics(foldB())).toMatch(/told apart by the EndpointConfigName dimension/)
    expect(renderMetrics(foldB({ blue: false, green: false }))).toMatch(
      /\*\*Note:\*\* CloudWatch had no per-fleet datapoints/
    )
  })

  it('sits next to the traffic-step table in the job summary', () => {
    const summary = renderSummary({ ...runB, run, metrics: foldB() })
    const traffic = summary.indexOf('### Traffic steps')
    const metrics = summary.indexOf('### Metrics per step')
    const alarms = summary.indexOf('### Alarms')
    expect(traffic).toBeGreaterThan(-1)
    expect(metrics).toBeGreaterThan(traffic)
    expect(alarms).toBeGreaterThan(metrics)
    expect(renderSummary({ ...runB, run })).not.toContain('### Metrics per step')
  })

  it('formats latency', () => {
    expect(formatMs(null)).toBe('—')
    expect(formatMs(41.25)).toBe('41.3 ms')
    expect(formatMs(5000.4)).toBe('5000 ms')
  })
})

describe('the metrics output', () => {
  it('carries the same figures as JSON', () => {
    const outputs = buildOutputs({ ...runB, durationSeconds: 160, metrics: foldB() })
    const json = JSON.parse(outputs.metrics) as {
      split: string
      getMetricDataCalls: number
      alarmThresholdPercent: number
      steps: {
        offsetSeconds: number
        greenPercent: number
        blue: { errorRate5xxPercent: number }
        green: { requests: number; errorRate5xxPercent: number; modelLatencyMs: number }
      }[]
      phases: { phase: string; outcome: string }[]
    }
    expect(json.split).toBe('per-fleet')
    expect(json.getMetricDataCalls).toBe(1)
    expect(json.alarmThresholdPercent).toBe(1)
    expect(json.steps[1]).toMatchObject({
      at: '2025-06-02T14:01:00.000Z',
      offsetSeconds: 60,
      untilOffsetSeconds: 120,
      greenPercent: 25,
      blue: { requests: 450, errorRate5xxPercent: 0 },
      green: { requests: 150, errors5xx: 30, errorRate5xxPercent: 20, modelLatencyMs: 45 },
      endpoint: { requests: 600 }
    })
    expect(json.phases.map(p => p.phase)).toEqual(['baseline', 'shift', 'rollback'])
  })

  it('is a note when there is nothing to show', () => {
    const planned = buildOutputs({
      plan: runB.plan,
      timeline: undefined,
      verdict: { ...runB.verdict, outcome: 'planned' },
      durationSeconds: 1
    })
    expect(JSON.parse(planned.metrics)).toEqual({
      note: 'No metrics: dry run, nothing was deployed.'
    })
    const failed = { ...foldB(), steps: [], phases: [], warning: 'Could not read: throttled' }
    expect(JSON.parse(metricsJson(failed, 'unused'))).toEqual({
      note: 'Could not read: throttled',
      getMetricDataCalls: 1
    })
  })

  it('has null fleets without the split', () => {
    const json = JSON.parse(metricsJson(foldB({ blue: false, green: false }), '')) as {
      split: string
      note: string
      steps: { blue: unknown; green: unknown; endpoint: { requests: number } }[]
    }
    expect(json.split).toBe('endpoint-only')
    expect(json.note).toMatch(/whole variant/)
    expect(json.steps[1]).toMatchObject({ blue: null, green: null, endpoint: { requests: 600 } })
  })
})
