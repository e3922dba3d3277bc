// The compact pull-request comment: the summary's headline and traffic table, the alarms (which
// fired at the verdict; their current state while in progress), the next step the plan expects,
// a link to the run. Nothing else of the job summary.
import { describe, expect, it } from '@jest/globals'
import { nextExpectedStep, renderPrComment } from '../../src/report/pr-comment-view.js'
import { renderSummary } from '../../src/report/summary.js'
import type { AlarmTrack, Timeline, TrafficStep, Verdict } from '../../src/types.js'
import { ALARM_5XX, ALARM_LATENCY, T0, at, labPlan, run, runB, runE } from './fixtures.js'

const RUN_LINK =
  '[run 9876543210, attempt 2](https://github.com/acme/ml-models/actions/runs/9876543210/attempts/2)'

/** What the job summary has and the comment must not. */
function expectNothingElse(md: string): void {
  expect(md).not.toContain('### Metrics')
  expect(md).not.toContain('### Resources')
  expect(md).not.toContain('Event log')
  expect(md).not.toContain('<details>')
  expect(md).not.toContain('Final state')
  expect(md).not.toContain('States seen')
}

/** The summary's headline block: everything before its first section. */
function headlineOf(md: string): string {
  return md.slice(0, md.indexOf('\n\n### '))
}

const IN_PROGRESS: Verdict = {
  outcome: 'started',
  summary: 'Deployment in progress: this comment is updated at each traffic step.',
  failureReason: undefined,
  triggeredAlarms: [],
  finalConfigName: undefined,
  finalStatus: undefined
}

const step = (seconds: number, green: number, event: string): TrafficStep => ({
  at: at(seconds),
  bluePercent: 100 - green,
  greenPercent: green,
  event
})

function inProgress(steps: TrafficStep[], alarms?: AlarmTrack[], more: Partial<Timeline> = {}) {
  const timeline: Timeline = {
    ...runE.timeline,
    steps,
    ...(alarms ? { alarms } : {}),
    ...more
  }
  return { ...runE, timeline, verdict: IN_PROGRESS, run, inProgress: true }
}

describe('renderPrComment at the verdict', () => {
  it('rolled back: the headline, the traffic table, the alarm that fired with its link and time, the run', () => {
    const md = renderPrComment({ ...runB, run })
    expect(headlineOf(md)).toBe(headlineOf(renderSummary({ ...runB, run })))
    expect(md).toContain(
      [
        '### Traffic steps',
        '',
        '| Time | Blue: lab-model-a | Green: models/b/model.tar.gz | What happened |',
        '|---|---|---|---|',
        '| T+0 | 100% | 0% | deployment started, green fleet provisioned |',
        '| T+1 min | 75% | 25% | first step shifted |',
        '| T+2 min | 50% | 50% | equal split |',
        `| T+2 min 40 s | 100% | 0% | rolled back: ${ALARM_5XX} in ALARM |`
      ].join('\n')
    )
    expect(md).toContain(
      `- 🚨 [${ALARM_5XX}](https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#alarmsV2:alarm/${ALARM_5XX}) **fired** at T+2 min 30 s: Threshold Crossed`
    )
    expect(md).toContain('1 other guarding alarm did not fire.')
    expect(md).not.toContain(`🚨 [${ALARM_LATENCY}]`)
    expect(md).toContain(`the job summary of ${RUN_LINK}.`)
    expect(md).not.toContain('Next expected step')
    expectNothingElse(md)
  })

  it('deployed: no alarm fired, the guarding alarms linked', () => {
    const md = renderPrComment({ ...runE, run })
    expect(headlineOf(md)).toBe(headlineOf(renderSummary({ ...runE, run })))
    expect(md).toContain('| T+4 min | 0% | 100% | complete, blue fleet decommissioned |')
    expect(md).toContain(`No alarm fired. Guarded by [${ALARM_5XX}](`)
    expect(md).toContain(`, [${ALARM_LATENCY}](`)
    expect(md).not.toContain('🚨')
    expect(md).toContain(RUN_LINK)
    expectNothingElse(md)
  })

  it('is a fraction of the job summary', () => {
    const md = renderPrComment({ ...runB, run })
    const summary = renderSummary({ ...runB, run })
    expect(md.split('\n').length).toBeLessThan(summary.split('\n').length)
    expect(summary).toContain('### Resources')
  })

  it('says so plainly when there is no run URL', () => {
    const md = renderPrComment({ ...runE, run: { ...run, serverUrl: 'not a url' } })
    expect(md).toContain('No link to the job summary: this run has no GitHub run URL.')
    expect(md).not.toContain('/actions/runs/')
  })

  it('a rollout no alarm guarded says so', () => {
    const plan = labPlan('e', { guardAlarmNames: [], alarmsToCreate: [] })
    const timeline = { ...runE.timeline, alarms: [] }
    const md = renderPrComment({ ...runE, plan, timeline, run })
    expect(md).toContain('No CloudWatch alarm guarded this rollout.')
  })
})

describe('renderPrComment in progress', () => {
  const firing: AlarmTrack = {
    name: ALARM_5XX,
    statesSeen: ['OK', 'ALARM'],
    finalState: 'ALARM',
    lastReason: 'Threshold Crossed',
    fired: true,
    firedAt: at(70)
  }
  const quiet: AlarmTrack = {
    name: ALARM_LATENCY,
    statesSeen: ['OK'],
    finalState: 'OK',
    lastReason: undefined,
    fired: false,
    firedAt: undefined
  }
  const sofar = [step(0, 0, 'deployment started'), step(60, 25, 'first step shifted')]

  it('"In progress", the table so far, the alarms\' current state, the next step the plan expects', () => {
    const md = renderPrComment(inProgress(sofar, [firing, quiet]))
    expect(md).toMatch(/^## ⏳ In progress: /)
    expect(md).toContain(
      [
        '| T+0 | 100% | 0% | deployment started |',
        '| T+1 min | 75% | 25% | first step shifted |',
        '',
        'Next expected step: equal split (50% of the traffic on green) at about T+2 min (from the plan).'
      ].join('\n')
    )
    expect(md).toContain('| Alarm | Watches | Current state |')
    expect(md).toContain(`| 🚨 [${ALARM_5XX}](`)
    expect(md).toMatch(/\*\*fired\*\* at T\+1 min 10 s \| [^|]+ \| ALARM \|/)
    expect(md).toMatch(new RegExp(`\\[${ALARM_LATENCY}\\]\\([^)]+\\) \\| [^|]+ \\| OK \\|`))
    expect(md).toContain(`Follow the rollout in ${RUN_LINK}`)
    expectNothingElse(md)
  })

  it('an alarm no poll has read yet', () => {
    const md = renderPrComment(inProgress(sofar, []))
    expect(md).toMatch(/ \| not read yet \|/)
  })

  it('the next step is due one planned interval after the step seen', () => {
    // 25 % seen at T+3 min, two minutes late: 50 % one bake (60 s) later.
    const next = nextExpectedStep(
      runE.plan,
      inProgress([step(0, 0, 'x'), step(180, 25, 'y')]).timeline
    )
    expect(next?.step.greenPercent).toBe(50)
    expect(next?.at).toBe(at(240))
  })

  it("before the first shift: the plan's provisioning estimate", () => {
    const md = renderPrComment(inProgress([step(0, 0, 'deployment started')]))
    expect(md).toContain(
      'Next expected step: first step (25% of the traffic on green) at about T+1 min (from the plan).'
    )
  })

  it('at 100 %: the completion, blue terminated, at the expected duration', () => {
    const steps = [step(0, 0, 'a'), step(60, 25, 'b'), step(120, 50, 'c'), step(240, 100, 'd')]
    const md = renderPrComment(inProgress(steps))
    expect(md).toContain(
      'Next expected step: complete: blue fleet terminated (100% of the traffic on green) at about T+10 min (from the plan).'
    )
  })

  it('no next step while traffic goes back to blue, nor when the plan has no schedule', () => {
    const back = [step(0, 0, 'a'), step(60, 25, 'b'), step(90, 0, 'rolling back')]
    expect(renderPrComment(inProgress(back))).not.toContain('Next expected step')
    const rolling = inProgress(sofar, undefined, { sawRollingBack: true })
    expect(renderPrComment(rolling)).not.toContain('Next expected step')
    const unplanned = { ...inProgress(sofar), plan: labPlan('e', { schedule: [] }) }
    expect(renderPrComment(unplanned)).not.toContain('Next expected step')
  })

  it('a rolling update: the batches table and the next batch', () => {
    const plan = labPlan('e', {
      schedule: [
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
        },
        {
          offsetSeconds: 1020,
          bluePercent: 50,
          greenPercent: 50,
          greenInstances: 2,
          blueInstances: 2,
          label: 'batch 2 of 4'
        }
      ]
    })
    const batches = [
      { at: T0, newCount: 0, oldCount: 4, newPercent: 0, event: 'update started' },
      { at: at(500), newCount: 1, oldCount: 4, newPercent: 25, event: 'batch 1 takes traffic' }
    ]
    const md = renderPrComment({
      ...inProgress([]),
      plan,
      timeline: { ...runE.timeline, steps: [], batches }
    })
    expect(md).toContain('### Rolling batches')
    expect(md).toContain('| T+8 min 20 s | 1 | 4 | 25% | batch 1 takes traffic |')
    expect(md).toContain(
      'Next expected step: batch 2 of 4 (50% of the traffic on the new model) at about T+17 min 20 s (from the plan).'
    )
    expect(md).not.toContain('### Traffic steps')
  })
})
