import { describe, it, expect } from '@jest/globals'
import { foldMetrics, errorRateThreshold } from '../../src/metrics/fold.js'
import { buildMetricQueries } from '../../src/metrics/queries.js'
import type { RolloutMetrics } from '../../src/metrics/types.js'
import { ALARM_5XX, firstDeploy, runB, runE } from '../report/fixtures.js'
import { minute, recordedSeries } from './recorded.js'

function foldB(fleets: Parameters<typeof recordedSeries>[0] = {}): RolloutMetrics {
  return foldMetrics({
    plan: runB.plan,
    timeline: runB.timeline,
    request: buildMetricQueries(runB.plan, runB.timeline),
    series: recordedSeries(fleets),
    calls: 1
  })
}

describe('foldMetrics: lab run B, per fleet', () => {
  const metrics = foldB()

  it('uses the per-fleet split', () => {
    expect(metrics.split).toBe('per-fleet')
    expect(metrics.note).toBeUndefined()
    expect(metrics.warning).toBeUndefined()
    expect(metrics.calls).toBe(1)
    expect(metrics.alarmThresholdPercent).toBe(1)
  })

  it('gives each traffic step what blue and green served while it was current', () => {
    const rows = metrics.steps.map(s => ({
      at: s.at,
      blue: s.blue?.requests,
      green: s.green?.requests,
      green5xx: s.green?.errors5xx,
      greenRate: s.green?.errorRate5xxPercent,
      blueRate: s.blue?.errorRate5xxPercent
    }))
    expect(rows).toEqual([
      { at: minute(0), blue: 600, green: 0, green5xx: 0, greenRate: null, blueRate: 0 },
      { at: minute(1), blue: 450, green: 150, green5xx: 30, greenRate: 20, blueRate: 0 },
      // 14:02 is 40 s at 50 % and 20 s back on blue: green's 200 all land in the 50 % step,
      // blue's 400 split by time × share (40 × 50 = 20 × 100).
      { at: minute(2), blue: 200, green: 200, green5xx: 40, greenRate: 20, blueRate: 0 },
      { at: minute(2) + 40_000, blue: 1400, green: 0, green5xx: 0, greenRate: null, blueRate: 0 }
    ])
  })

  it('reports latency in milliseconds, weighted by requests', () => {
    const step = metrics.steps[1]!
    expect(step.blue?.modelLatencyMs).toBe(40)
    expect(step.green?.modelLatencyMs).toBe(45)
    expect(step.green?.overheadLatencyMs).toBe(2.5)
    // 450 × 40 ms + 150 × 45 ms over 600 requests.
    expect(step.endpoint.modelLatencyMs).toBe(41.25)
    expect(step.endpoint.requests).toBe(600)
    expect(step.endpoint.errorRate5xxPercent).toBe(5)
    expect(step.cpuUtilizationPercent).toBe(20)
    expect(metrics.steps[0]!.cpuUtilizationPercent).toBeNull()
  })

  it('sums the phases: baseline, shift, rollback', () => {
    expect(metrics.phases.map(p => p.phase)).toEqual(['baseline', 'shift', 'rollback'])
    const [baseline, shift, rollback] = metrics.phases
    expect(baseline!.endpoint).toMatchObject({ requests: 3000, errors5xx: 0 })
    expect(baseline!.outcome).toBe('blue only, before the update')
    expect(shift!.blue?.requests).toBe(1250)
    expect(shift!.green).toMatchObject({ requests: 350, errors5xx: 70, errorRate5xxPercent: 20 })
    expect(shift!.endpoint).toMatchObject({ requests: 1600, errors5xx: 70 })
    expect(shift!.endpoint.errorRate5xxPercent).toBe(4.38)
    expect(shift!.outcome).toBe(`alarm ${ALARM_5XX} fired: SageMaker rolled back`)
    expect(shift!.until).toBe(minute(2) + 40_000)
    expect(rollback!.endpoint).toMatchObject({ requests: 1400, errors5xx: 0 })
    expect(rollback!.outcome).toBe('all traffic back on blue')
  })
})

describe('foldMetrics: fallbacks', () => {
  it('endpoint-only when no per-fleet datapoint came back, and says so', () => {
    const metrics = foldB({ blue: false, green: false })
    expect(metrics.split).toBe('endpoint-only')
    expect(metrics.note).toMatch(/no per-fleet datapoints \(EndpointConfigName dimension\)/)
    expect(metrics.steps[1]!.blue).toBeUndefined()
    expect(metrics.steps[1]!.green).toBeUndefined()
    expect(metrics.steps[1]!.endpoint).toMatchObject({ requests: 600, errors5xx: 30 })
  })

  it('derives blue as the variant less green when only green is split out', () => {
    const metrics = foldB({ blue: false })
    expect(metrics.split).toBe('per-fleet')
    expect(metrics.note).toMatch(/EndpointConfigName=lab-endpoint-config-a/)
    expect(metrics.steps[1]!.blue).toMatchObject({
      requests: 450,
      errors5xx: 0,
      modelLatencyMs: 40
    })
  })

  it('says when there was no datapoint at all', () => {
    const metrics = foldMetrics({
      plan: runB.plan,
      timeline: runB.timeline,
      request: buildMetricQueries(runB.plan, runB.timeline),
      series: new Map(),
      calls: 1
    })
    expect(metrics.split).toBe('endpoint-only')
    expect(metrics.note).toMatch(/no datapoints/)
    expect(metrics.steps.every(s => s.endpoint.requests === 0)).toBe(true)
  })

  it('a completed rollout ends with a completion phase', () => {
    const metrics = foldMetrics({
      plan: runE.plan,
      timeline: runE.timeline,
      request: buildMetricQueries(runE.plan, runE.timeline),
      series: new Map(),
      calls: 1
    })
    expect(metrics.phases.map(p => [p.phase, p.outcome])).toEqual([
      ['baseline', 'blue only, before the update'],
      ['shift', 'every step passed its bake'],
      ['completion', 'green serves 100%']
    ])
  })

  it('the alarm threshold comes from the 5XX alarm this run created', () => {
    expect(errorRateThreshold(runB.plan)).toBe(1)
    expect(errorRateThreshold({ ...runB.plan, alarmsToCreate: [] })).toBeUndefined()
    expect(errorRateThreshold(firstDeploy.plan)).toBeUndefined()
  })
})
