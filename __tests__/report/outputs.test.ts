import { describe, it, expect } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { buildOutputs, OUTPUT_NAMES } from '../../src/report/outputs.js'
import { planJson } from '../../src/report/plan-view.js'
import { ALARM_5XX, ALARM_LATENCY, at, firstDeploy, runB, runE } from './fixtures.js'

/** The output names declared in action.yml. */
function declaredOutputs(): string[] {
  const yml = readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')
  const section = yml.slice(yml.indexOf('\noutputs:'), yml.indexOf('\nruns:'))
  return [...section.matchAll(/^ {2}([a-z-]+):$/gm)].map(match => match[1] ?? '')
}

describe('buildOutputs', () => {
  const outputs = buildOutputs({ ...runB, durationSeconds: 160.4 })

  it('sets exactly the outputs of action.yml', () => {
    const declared = declaredOutputs()
    expect(declared.length).toBeGreaterThan(5)
    expect(Object.keys(outputs).sort()).toEqual([...declared].sort())
    expect([...OUTPUT_NAMES].sort()).toEqual([...declared].sort())
  })

  it('reports lab run B', () => {
    expect(outputs).toMatchObject({
      outcome: 'rolled-back',
      'model-name': 'lab-model-b',
      'endpoint-config-name': 'lab-endpoint-config-b',
      'previous-endpoint-config-name': 'lab-endpoint-config-a',
      'failure-reason': `Alarm ${ALARM_5XX} was in ALARM during the traffic shift.`,
      'triggered-alarms': ALARM_5XX,
      'duration-seconds': '160'
    })
  })

  it('gives the traffic steps as JSON with ISO times and offsets', () => {
    const steps = JSON.parse(outputs['traffic-steps']) as unknown[]
    expect(steps).toEqual([
      {
        at: '2025-06-02T14:00:00.000Z',
        offsetSeconds: 0,
        bluePercent: 100,
        greenPercent: 0,
        event: 'deployment started, green fleet provisioned'
      },
      {
        at: '2025-06-02T14:01:00.000Z',
        offsetSeconds: 60,
        bluePercent: 75,
        greenPercent: 25,
        event: 'first step shifted'
      },
      {
        at: '2025-06-02T14:02:00.000Z',
        offsetSeconds: 120,
        bluePercent: 50,
        greenPercent: 50,
        event: 'equal split'
      },
      {
        at: '2025-06-02T14:02:40.000Z',
        offsetSeconds: 160,
        bluePercent: 100,
        greenPercent: 0,
        event: `rolled back: ${ALARM_5XX} in ALARM`
      }
    ])
  })

  it('gives the interval of a step no poll saw', () => {
    const steps = runB.timeline.steps.map((step, i) =>
      i === 1 ? { ...step, between: { after: at(0), before: at(81) } } : step
    )
    const out = buildOutputs({ ...runB, timeline: { ...runB.timeline, steps }, durationSeconds: 1 })
    const parsed = JSON.parse(out['traffic-steps']) as Record<string, unknown>[]
    expect(parsed[1]).toMatchObject({
      offsetSeconds: 60,
      greenPercent: 25,
      betweenPolls: { afterSeconds: 0, beforeSeconds: 81 }
    })
    expect(parsed[0]).not.toHaveProperty('betweenPolls')
  })

  it('gives the plan as its stable JSON', () => {
    expect(outputs.plan).toBe(planJson(runB.plan))
    expect((JSON.parse(outputs.plan) as { endpointName: string }).endpointName).toBe('lab-endpoint')
  })

  it('reports lab run E with empty failure fields', () => {
    const e = buildOutputs({ ...runE, durationSeconds: 250 })
    expect(e.outcome).toBe('deployed')
    expect(e['failure-reason']).toBe('')
    expect(e['triggered-alarms']).toBe('')
    expect(
      (JSON.parse(e['traffic-steps']) as { greenPercent: number }[]).at(-1)?.greenPercent
    ).toBe(100)
  })

  it('joins several triggered alarms with commas', () => {
    const verdict = { ...runB.verdict, triggeredAlarms: [ALARM_5XX, ALARM_LATENCY] }
    expect(buildOutputs({ ...runB, verdict, durationSeconds: 1 })['triggered-alarms']).toBe(
      `${ALARM_5XX},${ALARM_LATENCY}`
    )
  })

  it('leaves the previous config empty for a first deploy', () => {
    expect(
      buildOutputs({ ...firstDeploy, durationSeconds: 290 })['previous-endpoint-config-name']
    ).toBe('')
  })

  it('gives an empty step list when nothing was started (dry run)', () => {
    const planned = buildOutputs({
      plan: runB.plan,
      timeline: undefined,
      verdict: {
        ...runB.verdict,
        outcome: 'planned',
        triggeredAlarms: [],
        failureReason: undefined
      },
      durationSeconds: 0
    })
    expect(planned.outcome).toBe('planned')
    expect(planned['traffic-steps']).toBe('[]')
    expect(planned['previous-endpoint-config-name']).toBe('lab-endpoint-config-a')
  })

  it('still sets every output when the run stopped before a plan existed', () => {
    const early = buildOutputs({
      plan: undefined,
      timeline: undefined,
      verdict: {
        ...runB.verdict,
        outcome: 'failed',
        failureReason: 'bad input',
        triggeredAlarms: []
      },
      durationSeconds: 0.2
    })
    expect(Object.keys(early)).toHaveLength(OUTPUT_NAMES.length)
    expect(early).toMatchObject({
      'model-name': '',
      plan: '',
      'failure-reason': 'bad input',
      'duration-seconds': '0'
    })
  })

  it.each([
    [59.5, '60'],
    [-3, '0'],
    [Number.NaN, '0']
  ])('writes duration %p as the integer string %p', (durationSeconds, expected) => {
    expect(buildOutputs({ ...runE, durationSeconds })['duration-seconds']).toBe(expected)
  })
})
