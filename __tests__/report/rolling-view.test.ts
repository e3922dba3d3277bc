// The rolling parts of the report: the batches table of the job summary and the peak instance
// count of each strategy in the plan.
import { describe, expect, it } from '@jest/globals'
import { isRollingPlan, peakSection, rollingSection } from '../../src/report/rolling-view.js'
import { renderPlan } from '../../src/report/plan-view.js'
import type { Timeline, Verdict } from '../../src/types.js'
import { at, labPlan, run, T0 } from './fixtures.js'

const rollingSchedule = [
  {
    offsetSeconds: 0,
    bluePercent: 100,
    greenPercent: 0,
    greenInstances: 0,
    blueInstances: 4,
    label: 'start'
  },
  {
    offsetSeconds: 480,
    bluePercent: 75,
    greenPercent: 25,
    greenInstances: 1,
    blueInstances: 3,
    label: 'batch 1 of 4'
  }
]

const timeline = (rows: NonNullable<Timeline['batches']>): Timeline => ({
  startedAt: T0,
  newConfigName: 'new',
  oldConfigName: 'old',
  events: [],
  steps: [],
  alarms: [],
  last: undefined,
  sawProgress: true,
  sawRollingBack: false,
  polls: 3,
  failedPolls: 0,
  consecutiveFailedPolls: 0,
  batches: rows
})

const rolledBack: Verdict = {
  outcome: 'rolled-back',
  summary: 'x',
  failureReason: 'x',
  triggeredAlarms: ['lab-endpoint-5xx-rate'],
  finalConfigName: 'old',
  finalStatus: 'InService'
}

describe('rollingSection', () => {
  const plan = labPlan('b', {
    schedule: rollingSchedule,
    peakInstances: { blueGreen: 8, rolling: 5 }
  })

  it('one row per batch phase: time, new and old instances, traffic on new, what happened', () => {
    const text = rollingSection(
      plan,
      timeline([
        {
          at: T0,
          newCount: 0,
          oldCount: 4,
          newPercent: 0,
          event: 'batch 1 of 4: launching 1 new instance(s)'
        },
        {
          at: at(480),
          newCount: 1,
          oldCount: 4,
          newPercent: 25,
          event: 'batch 1 of 4: 1 new instance(s) take 25% of the traffic'
        },
        {
          at: at(700),
          newCount: 0,
          oldCount: 4,
          newPercent: 0,
          event: 'rolled back: 4 old instance(s) serve all traffic'
        }
      ]),
      rolledBack,
      { blue: 'model-a', green: 'model-b' }
    )
    expect(text.split('\n')).toEqual(
      [
        '### Rolling batches',
        '',
        '| Time | New instances: model-b | Old instances: model-a | Traffic on new | What happened |',
        '|---|---|---|---|---|',
        '| T+0 | 0 | 4 | 0% | batch 1 of 4: launching 1 new instance\\(s\\) |',
        '| T+8 min | 1 | 4 | 25% | batch 1 of 4: 1 new instance\\(s\\) take 25% of the traffic |',
        '| T+11 min 40 s | 0 | 4 | 0% | rolled back: 4 old instance\\(s\\) serve all traffic; alarm lab-endpoint-5xx-rate went into ALARM |',
        '',
        'At most 5 instances run at once (the 4 of the fleet and one batch); a blue/green update would run 8.'
      ].map(line => line.replace(/\\\(/g, '(').replace(/\\\)/g, ')'))
    )
  })

  it('a last row that already names the alarm is left as it is; no batch seen says so', () => {
    const text = rollingSection(
      plan,
      timeline([
        {
          at: T0,
          newCount: 0,
          oldCount: 4,
          newPercent: 0,
          event: 'rolled back (alarm lab-endpoint-5xx-rate in ALARM)'
        }
      ]),
      rolledBack
    )
    expect(text).toContain(
      '| T+0 | 0 | 4 | 0% | rolled back (alarm lab-endpoint-5xx-rate in ALARM) |'
    )
    expect(rollingSection(plan, timeline([]))).toBe('### Rolling batches\n\nNo batch was observed.')
  })
})

describe('peakSection', () => {
  it('side by side, the rolling plan marked: what rolling saves at the peak', () => {
    const plan = labPlan('b', {
      schedule: rollingSchedule,
      peakInstances: { blueGreen: 8, rolling: 5 }
    })
    expect(isRollingPlan(plan)).toBe(true)
    expect(peakSection(plan).split('\n')).toEqual([
      '### Peak instances',
      '',
      '| Strategy | Most instances at once | Extra | Plan |',
      '|---|---|---|---|',
      '| Blue/green (linear, canary, all at once) | 8 | \\+4: a whole new fleet next to the live one |   |',
      '| Rolling, batches of 1 | 5 | \\+1: one batch at a time | this plan |',
      '',
      `Rolling runs 3 fewer ${plan.instanceType} instance(s) at the peak; each batch is provisioned on its own, so it takes longer.`
    ])
  })

  it('a blue/green plan marks its own row; the dry-run plan shows the section, a new endpoint none', () => {
    const plan = labPlan('b', { peakInstances: { blueGreen: 8, rolling: 5 } })
    expect(isRollingPlan(plan)).toBe(false)
    expect(peakSection(plan)).toContain(
      '| Blue/green (linear, canary, all at once) | 8 | \\+4: a whole new fleet next to the live one | this plan |'
    )
    expect(renderPlan(plan, run)).toContain('### Peak instances')
    expect(
      peakSection(labPlan('b', { firstDeploy: true, peakInstances: { blueGreen: 8, rolling: 5 } }))
    ).toBe('')
  })
})
