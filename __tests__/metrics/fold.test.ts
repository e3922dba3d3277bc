import { describe, it, expect } from '@jest/globals'
import { foldMetrics, errorRateThreshold } from '../../src/metrics/fold.js'
import { buildMetricQueries } from '../../src/metrics/queries.js'
import type { RolloutMetrics } from '../../src/metrics/types.js'
import type { Plan, Timeline } from '../../src/types.js'
import { ALARM_5XX, ALARM_LATENCY, firstDeploy, runB, runE, timedOut } from '../report/fixtures.js'
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

// Each test folds on its own: a fold at collection time runs outside every test.
describe('foldMetrics: lab run B, per fleet', () => {
  it('uses the per-fleet split', () => {
    const metrics = foldB()
    expect(metrics.split).toBe('per-fleet')
    expect(metrics.note).toBeUndefined()
    expect(metrics.warning).toBeUndefined()
    expect(metrics.calls).toBe(1)
    expect(metrics.alarmThresholdPercent).toBe(1)
    expect(metrics.lateAlarms).toEqual([])
  })

  it('gives each traffic step what blue and green served while it was current', () => {
    const metrics = foldB()
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
    const metrics = foldB()
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
    const metrics = foldB()
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

  it('a completion the action rolled back after a regression says so', () => {
    const last = runE.timeline.steps.at(-1)!
    const timeline = {
      ...runE.timeline,
      steps: [
        ...runE.timeline.steps,
        {
          at: last.at + 600_000,
          bluePercent: 100,
          greenPercent: 0,
          event: 'rolled back by the action: lab-endpoint-cfg-old serves all the traffic'
        }
      ]
    }
    const metrics = foldMetrics({
      plan: runE.plan,
      timeline,
      request: buildMetricQueries(runE.plan, timeline),
      series: new Map(),
      calls: 1
    })
    expect(metrics.phases.map(p => [p.phase, p.outcome])).toEqual([
      ['baseline', 'blue only, before the update'],
      ['shift', 'every step passed its bake'],
      ['completion', 'green served 100%, then all traffic back on blue (rolled back by the action)']
    ])
  })

  it("a rollback by SageMaker in the final bake is SageMaker's, not the action's", () => {
    const last = runE.timeline.steps.at(-1)!
    const timeline = {
      ...runE.timeline,
      steps: [
        ...runE.timeline.steps,
        {
          at: last.at + 60_000,
          bluePercent: 100,
          greenPercent: 0,
          event: `rolled back to blue: alarm ${ALARM_5XX} in ALARM`
        }
      ]
    }
    const metrics = foldMetrics({
      plan: runE.plan,
      timeline: {
        ...timeline,
        alarms: timeline.alarms.map(a =>
          a.name === ALARM_5XX ? { ...a, fired: true, finalState: 'ALARM' } : a
        )
      },
      request: buildMetricQueries(runE.plan, timeline),
      series: new Map(),
      calls: 1
    })
    expect(metrics.phases.map(p => [p.phase, p.outcome])).toEqual([
      ['baseline', 'blue only, before the update'],
      ['shift', `green reached 100% (then alarm ${ALARM_5XX} fired)`],
      ['completion', 'green served 100%, then SageMaker rolled all traffic back to blue']
    ])
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
      ['completion', 'no rollback: all traffic stayed on green']
    ])
  })

  it('the alarm threshold comes from the 5XX alarm this run created', () => {
    expect(errorRateThreshold(runB.plan)).toBe(1)
    expect(errorRateThreshold({ ...runB.plan, alarmsToCreate: [] })).toBeUndefined()
    // Named after alarm-name-prefix, not the endpoint: any <prefix>-5xx-rate the run created.
    expect(errorRateThreshold({ ...runB.plan, endpointName: 'other' })).toBe(1)
    const latencyOnly = runB.plan.alarmsToCreate.filter(a => a.name === ALARM_LATENCY)
    expect(errorRateThreshold({ ...runB.plan, alarmsToCreate: latencyOnly })).toBeUndefined()
  })

  it('derives no green while green took no traffic', () => {
    const timeline = { ...runB.timeline, steps: runB.timeline.steps.slice(0, 1) }
    const metrics = foldMetrics({
      plan: runB.plan,
      timeline,
      request: buildMetricQueries(runB.plan, timeline),
      series: recordedSeries({ green: false }),
      calls: 1
    })
    expect(metrics.split).toBe('per-fleet')
    expect(metrics.note).toBeUndefined()
    expect(metrics.phases[1]!.green).toMatchObject({ requests: 0, errors5xx: 0 })
  })

  it('derives green as the variant less blue when only blue is split out, and says so', () => {
    const metrics = foldB({ green: false })
    expect(metrics.split).toBe('per-fleet')
    expect(metrics.note).toBe(
      "CloudWatch had no datapoints with EndpointConfigName=lab-endpoint-config-b: green's figures are the variant's less blue's."
    )
    expect(
      metrics.steps.map(s => [s.blue?.requests, s.green?.requests, s.green?.errors5xx])
    ).toEqual([
      [600, 0, 0],
      [450, 150, 30],
      [200, 200, 40],
      [1400, 0, 0]
    ])
  })
})

describe('foldMetrics: the phases a person reads', () => {
  const fold = (plan: Plan, timeline: Timeline, series = recordedSeries()): RolloutMetrics =>
    foldMetrics({
      plan,
      timeline,
      request: buildMetricQueries(plan, timeline),
      series,
      calls: 1
    })
  const fired = (timeline: Timeline, names: string[]): Timeline => ({
    ...timeline,
    alarms: timeline.alarms.map(a =>
      names.includes(a.name) ? { ...a, fired: true, finalState: 'ALARM' } : a
    )
  })
  const outcomes = (metrics: RolloutMetrics) =>
    metrics.phases.map(p => [p.phase, p.from, p.until, p.outcome])

  it('a rollback no alarm explains; one two alarms explain', () => {
    const quiet = fold(
      runB.plan,
      fired(
        { ...runB.timeline, alarms: runB.timeline.alarms.map(a => ({ ...a, fired: false })) },
        []
      )
    )
    expect(quiet.phases[1]!.outcome).toBe('SageMaker rolled back')
    const both = fold(runB.plan, fired(runB.timeline, [ALARM_5XX, ALARM_LATENCY]))
    expect(both.phases[1]!.outcome).toBe(
      `alarm ${ALARM_5XX}, ${ALARM_LATENCY} fired: SageMaker rolled back`
    )
  })

  it('a completed shift with an alarm fired says so', () => {
    const metrics = fold(runE.plan, fired(runE.timeline, [ALARM_LATENCY]), new Map())
    expect(metrics.phases[1]!.outcome).toBe(
      `green reached 100% (then alarm ${ALARM_LATENCY} fired)`
    )
  })

  it('no rollback and no 100 % step: the shift runs to the end of the window, with no verdict', () => {
    const metrics = fold(timedOut.plan, timedOut.timeline)
    const { windowStart, windowEnd, startedAt } = metrics
    expect(outcomes(metrics)).toEqual([
      ['baseline', windowStart, startedAt, 'blue only, before the update'],
      ['shift', startedAt, windowEnd, 'no verdict in the window']
    ])
    expect(metrics.phases[1]!.endpoint.requests).toBe(
      metrics.steps.reduce((n, s) => n + s.endpoint.requests, 0)
    )
    const alarmed = fold(timedOut.plan, fired(timedOut.timeline, [ALARM_5XX]))
    expect(alarmed.phases[1]!.outcome).toBe(`alarm ${ALARM_5XX} fired; no verdict in the window`)
  })

  it('a first deploy: no blue fleet, a baseline before the endpoint existed, the endpoint created', () => {
    const green = new Map(
      [...recordedSeries({ blue: false })].filter(([id]) => !id.startsWith('blue'))
    )
    const plan = firstDeploy.plan
    const timeline: Timeline = { ...runE.timeline, oldConfigName: undefined }
    const metrics = fold(plan, timeline, green)
    expect(metrics.split).toBe('per-fleet')
    expect(metrics.note).toBeUndefined()
    expect(metrics.blueConfigName).toBeUndefined()
    expect(metrics.steps.map(s => [s.blue, s.green?.requests])).toEqual([
      [undefined, 0],
      [undefined, 150],
      [undefined, 200],
      [undefined, 0],
      [undefined, 0]
    ])
    expect(metrics.phases.map(p => [p.phase, p.outcome])).toEqual([
      ['baseline', 'before the endpoint existed'],
      ['shift', 'endpoint created'],
      ['completion', 'the new endpoint serves all traffic']
    ])
  })
})
