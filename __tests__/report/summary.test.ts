import { describe, it, expect } from '@jest/globals'
import { renderSummary } from '../../src/report/summary.js'
import { pageContradictions } from '../../scripts/lib/page-truth.js'
import type { Outcome, TimelineEvent } from '../../src/types.js'
import {
  ALARM_5XX,
  ALARM_LATENCY,
  HOSTILE,
  at,
  firstDeploy,
  hostile,
  run,
  runB,
  runE,
  timedOut
} from './fixtures.js'
import { cellsOf, liveLinkTargets, rowsStartingWith, tablesOf } from './helpers.js'
import {
  alarm,
  endpoint,
  labContext,
  min,
  observe,
  T0 as OBS_T0
} from '../../__fixtures__/observations.js'
import { settle } from '../../src/verdict.js'
import { createTimeline, reduce } from '../../src/watch/reducer.js'

const CONSOLE = 'https://eu-west-1.console.aws.amazon.com/'

function trafficTable(markdown: string): string[] {
  const start = markdown.indexOf('| Time |')
  const end = markdown.indexOf('\n\n', start)
  return markdown.slice(start, end).split('\n')
}

describe('renderSummary: lab run B (rolled back)', () => {
  const md = renderSummary({ ...runB, run })

  it('shows the 25 % schedule up to the rollback, row by row', () => {
    expect(trafficTable(md)).toEqual([
      '| Time | Blue: lab-model-a | Green: models/b/model.tar.gz | What happened |',
      '|---|---|---|---|',
      '| T+0 | 100% | 0% | deployment started, green fleet provisioned |',
      '| T+1 min | 75% | 25% | first step shifted |',
      '| T+2 min | 50% | 50% | equal split |',
      `| T+2 min 40 s | 100% | 0% | rolled back: ${ALARM_5XX} in ALARM |`
    ])
  })

  it('names the triggered alarm in the headline, linked to its console page', () => {
    expect(md.startsWith(`## ❌ Rolled back by alarm: [lab-endpoint](${CONSOLE}sagemaker/`)).toBe(
      true
    )
    expect(md).toContain(
      `SageMaker returned all traffic to the blue fleet (lab-endpoint-config-a): alarm [${ALARM_5XX}](${CONSOLE}cloudwatch/home?region=eu-west-1#alarmsV2:alarm/${ALARM_5XX}) went into ALARM.`
    )
  })

  it('says the rollback once: headline, what happened, then the failure reason', () => {
    const head = md.slice(0, md.indexOf('### Traffic steps')).trim().split('\n\n')
    expect(head).toHaveLength(3)
    expect(head[0]).toMatch(/^## ❌ Rolled back by alarm: /)
    expect(head[1]).toMatch(/^SageMaker returned all traffic to the blue fleet/)
    expect(head[2]).toMatch(/^\*\*Failure reason:\*\* /)
    expect(md).not.toContain(runB.verdict.summary)
  })

  it('marks the alarm that fired, with the states it went through', () => {
    const [fired] = rowsStartingWith(md, `🚨 [${ALARM_5XX}]`)
    expect(fired).toBeDefined()
    expect(fired).toContain('**fired** at T+2 min 30 s')
    expect(fired?.endsWith('| 1 | OK → ALARM | ALARM |')).toBe(true)
    const [quiet] = rowsStartingWith(md, `[${ALARM_LATENCY}]`)
    expect(quiet).toContain(
      '| ModelLatency average &gt; 5000 ms over 1 minute | 5000000 | OK | OK |'
    )
    expect(quiet).not.toContain('🚨')
  })

  it('gives the reason the alarm fired and the failure reason', () => {
    expect(md).toContain(
      `- **${ALARM_5XX}** at T+2 min 30 s: Threshold Crossed: 1 datapoint \\[12.5`
    )
    expect(md).toContain(
      `**Failure reason:** Alarm ${ALARM_5XX} was in ALARM during the traffic shift.`
    )
  })

  it('lists blue and green resources with region-aware console links', () => {
    expect(rowsStartingWith(md, 'Endpoint config')).toEqual([
      `| Endpoint config | [lab-endpoint-config-a](${CONSOLE}sagemaker/home?region=eu-west-1#/endpointConfig/lab-endpoint-config-a) | [lab-endpoint-config-b](${CONSOLE}sagemaker/home?region=eu-west-1#/endpointConfig/lab-endpoint-config-b) |`
    ])
    expect(rowsStartingWith(md, 'Instance count')).toEqual(['| Instance count | — | 4 |'])
  })

  it('folds the event log and ends with the duration and run link', () => {
    expect(md).toContain('<details><summary>Event log (7 events)</summary>')
    expect(md).toContain(`- **T+2 min 30 s** ${ALARM_5XX}: OK → ALARM`)
    expect(md).toContain(
      "Rollout: 2 min 40 s on SageMaker's clock (the T+ times, from the update request) · [run 9876543210, attempt 2](https://github.com/acme/ml-models/actions/runs/9876543210/attempts/2)"
    )
  })

  it('matches the snapshot', () => {
    expect(md).toMatchSnapshot()
  })
})

describe('renderSummary: lab run E (deployed)', () => {
  const md = renderSummary({ ...runE, run, durationSeconds: 251 })

  it('shows every step to 100 % green', () => {
    expect(trafficTable(md).slice(2)).toEqual([
      '| T+0 | 100% | 0% | deployment started, green fleet provisioned |',
      '| T+1 min | 75% | 25% | first step shifted |',
      '| T+2 min | 50% | 50% | equal split |',
      '| T+3 min | 25% | 75% | majority on green |',
      '| T+4 min | 0% | 100% | complete, blue fleet decommissioned |'
    ])
  })

  it('has no rollback note, no failure reason and no fired alarm', () => {
    expect(md.startsWith('## ✅ Deployed: ')).toBe(true)
    expect(md).not.toContain('Rolled back')
    expect(md).not.toContain('Failure reason')
    expect(md).not.toContain('🚨')
  })

  it('says which clock each duration is on', () => {
    expect(md).toContain(
      "Rollout: 4 min on SageMaker's clock (the T+ times, from the update request) · this step: 4 min 11 s on the runner's clock"
    )
  })
})

describe('renderSummary: headline per outcome', () => {
  it.each<[Outcome, string]>([
    ['deployed', '## ✅ Deployed: '],
    ['rolled-back', '## ❌ Rolled back: '],
    ['failed', '## ❌ Failed: '],
    ['cancelled', '## 🛑 Cancelled: '],
    ['timed-out', '## ⏱️ Timed out: '],
    ['started', '## 🚀 Started: '],
    ['planned', '## 📝 Planned: ']
  ])('%s', (outcome, headline) => {
    const md = renderSummary({ ...runE, run, verdict: { ...runE.verdict, outcome } })
    expect(md.startsWith(`${headline}[lab-endpoint](${CONSOLE}`)).toBe(true)
    // A rollback's own sentence replaces the verdict summary (see run B).
    if (outcome !== 'rolled-back') {
      expect(md.split('\n')[2]).toBe('lab-model-e serves 100% of lab-endpoint.')
    }
  })

  it('says SageMaker may still be working when timed out, and how to resume', () => {
    const md = renderSummary({ ...timedOut, run })
    expect(md).toContain('SageMaker may still be working on the update')
    expect(md).toContain('Re-running this job attaches to the deployment in progress')
    expect(md).toContain('**Failure reason:** Timed out after 90 s waiting for lab-endpoint.')
  })

  it('says the rollout was started without waiting', () => {
    const md = renderSummary({ ...runE, run, verdict: { ...runE.verdict, outcome: 'started' } })
    expect(md).toContain('without waiting for a verdict (`wait: false`)')
  })

  it('a progress report while watching is "In progress", not a wait: false start', () => {
    const verdict = {
      ...runE.verdict,
      outcome: 'started' as const,
      summary: 'Deployment in progress.'
    }
    const md = renderSummary({ ...runE, run, verdict, inProgress: true })
    expect(md).toMatch(/^## ⏳ In progress: /)
    expect(md).not.toContain('wait: false')
    expect(md).toContain('| T+1 min | 75% | 25% |')
  })

  it('says when a rollback had no alarm to blame', () => {
    const verdict = { ...runB.verdict, triggeredAlarms: [] }
    const md = renderSummary({ ...runB, run, verdict })
    expect(md).toContain('no guarding alarm was seen in ALARM')
    expect(md).not.toContain('went into ALARM')
  })

  it('names every triggered alarm', () => {
    const verdict = { ...runB.verdict, triggeredAlarms: [ALARM_5XX, ALARM_LATENCY] }
    const md = renderSummary({ ...runB, run, verdict })
    expect(md).toContain(`: alarms [${ALARM_5XX}](`)
    expect(md).toContain(`, [${ALARM_LATENCY}](`)
    expect(rowsStartingWith(md, `🚨 [${ALARM_LATENCY}]`)).toHaveLength(1)
  })
})

describe('renderSummary: first deploy', () => {
  const md = renderSummary({ ...firstDeploy, run })

  it('says there was no traffic shift and draws no step table', () => {
    expect(md).toContain('No traffic shift: this was a new endpoint')
    expect(md).not.toContain('| Time |')
  })

  it('has no blue column: there was no blue fleet', () => {
    expect(md).toContain('|   | Green (this run) |\n|---|---|')
    expect(md).not.toContain('Blue (before)')
    expect(rowsStartingWith(md, 'Model')[0]).toMatch(/^\| Model \| \[lab-model-e\]/)
  })

  it('lists the guarding alarms even when no poll saw them', () => {
    expect(rowsStartingWith(md, `[${ALARM_5XX}]`)[0]).toContain('| — | — |')
  })
})

describe('renderSummary: inputs beyond the plan', () => {
  it('uses alarmDetails for alarms the plan did not create', () => {
    const plan = { ...runB.plan, alarmsToCreate: [] }
    const md = renderSummary({
      ...runB,
      plan,
      run,
      alarmDetails: { [ALARM_LATENCY]: { watches: 'p99 latency', threshold: '> 2 s' } }
    })
    expect(rowsStartingWith(md, `[${ALARM_LATENCY}]`)[0]).toContain(
      '| p99 latency | &gt; 2 s | OK | OK |'
    )
    expect(rowsStartingWith(md, `🚨 [${ALARM_5XX}]`)[0]).toContain('| — | — | OK → ALARM |')
  })

  it('shows the blue fleet from pre-flight', () => {
    const blue = {
      modelName: 'lab-model-a',
      modelDataUrl: 's3://lab-bucket/models/a/model.tar.gz',
      image: '111122223333.dkr.ecr.eu-west-1.amazonaws.com/lab-inference:1.3',
      instanceType: 'ml.m5.xlarge',
      instanceCount: 2
    }
    const createModel = {
      ...runB.plan.createModel,
      PrimaryContainer: {
        Image: '111122223333.dkr.ecr.eu-west-1.amazonaws.com/lab-inference:1.4',
        ModelDataUrl: 's3://lab-bucket/models/b/model.tar.gz'
      }
    }
    const md = renderSummary({ ...runB, plan: { ...runB.plan, createModel }, run, blue })
    expect(rowsStartingWith(md, 'Artifact')).toEqual([
      '| Artifact | `s3://lab-bucket/models/a/model.tar.gz` | `s3://lab-bucket/models/b/model.tar.gz` |'
    ])
    expect(rowsStartingWith(md, 'Image')).toStrictEqual([
      '| Image | `111122223333.dkr.ecr.eu-west-1.amazonaws.com/lab-inference:1.3` | `111122223333.dkr.ecr.eu-west-1.amazonaws.com/lab-inference:1.4` |'
    ])
    expect(rowsStartingWith(md, 'Instance type')).toEqual([
      '| Instance type | ml.m5.xlarge | ml.m5.large |'
    ])
    expect(rowsStartingWith(md, 'Instance count')).toEqual(['| Instance count | 2 | 4 |'])
  })

  it('keeps a very long event log readable', () => {
    const events: TimelineEvent[] = Array.from({ length: 250 }, (_, i) => ({
      at: at(i),
      kind: 'status',
      message: `event ${i}`
    }))
    const md = renderSummary({ ...runB, run, timeline: { ...runB.timeline, events } })
    expect(md).toContain('Event log (250 events)')
    expect(md).toContain('- … 50 events not shown')
    expect(md).toContain('event 99\n- … 50')
    expect(md).not.toContain('event 100\n')
    expect(md).toContain('event 249')
  })

  it('says so when no step was observed', () => {
    const md = renderSummary({ ...runB, run, timeline: { ...runB.timeline, steps: [] } })
    expect(md).toContain('No traffic step was observed.')
  })
})

describe('renderSummary: hostile service text', () => {
  const md = renderSummary({ ...hostile, run })

  it('contains no raw HTML from the service', () => {
    expect(md).not.toMatch(/<script/i)
    expect(md).not.toContain('<b>')
    expect(md).not.toContain('<!-- hidden')
  })

  it('makes no live link or image from service text', () => {
    for (const target of liveLinkTargets(md)) {
      expect(target.startsWith(CONSOLE) || target.startsWith('https://github.com/')).toBe(true)
    }
    expect(md).not.toContain('http://evil')
    expect(md).not.toMatch(/www\.evil/)
    expect(md).not.toContain('![')
  })

  it('mentions nobody and references no issue', () => {
    expect(md).not.toContain('@org')
    expect(md).not.toContain('#123')
  })

  it('keeps every table row at the column count of its header', () => {
    const tables = tablesOf(md)
    expect(tables).toHaveLength(3)
    for (const lines of tables) {
      const width = cellsOf(lines[0] ?? '').length
      for (const line of lines) expect(cellsOf(line)).toHaveLength(width)
    }
    expect(cellsOf(trafficTable(md)[3] ?? '')).toHaveLength(4)
  })

  it('keeps the failure reason on one escaped line', () => {
    const line = md.split('\n').find(l => l.startsWith('**Failure reason:**')) ?? ''
    expect(line).toContain('&lt;script&gt;alert(1)&lt;/script&gt; \\[click\\]')
    expect(line).toContain('second line')
    expect(md).not.toContain(HOSTILE.split('\n')[0] ?? HOSTILE)
  })

  it('encodes the hostile alarm name in its console link', () => {
    expect(md).toContain(
      `${CONSOLE}cloudwatch/home?region=eu-west-1#alarmsV2:alarm/evil%7Calarm%20%3Cb%3E`
    )
  })
})

describe('renderSummary: polls sparser than the steps (a rollback no poll saw)', () => {
  // Poll 1 sees green provisioning; poll 2, minutes later, sees the rollback done and the
  // alarm back to OK. SageMaker's failure reason names the alarm.
  const ctx = labContext()
  const failure =
    'Deployment rolled back: CloudWatch alarm(s) lab-endpoint-5xx-rate in ALARM state.'
  const timeline = [
    observe(
      OBS_T0 + 1000,
      endpoint('Updating', { green: { status: 'Creating', current: 0, since: OBS_T0 } }),
      [alarm(ALARM_5XX, 'OK', OBS_T0 - 5000, 'was not greater than the threshold (early)')]
    ),
    observe(
      min(4),
      endpoint('InService', { failureReason: failure, lastModified: min(1) + 21_000 }),
      [alarm(ALARM_5XX, 'OK', min(3), 'was not greater than the threshold (latest)')]
    )
  ].reduce((t, o) => reduce(t, o, ctx), createTimeline(ctx, OBS_T0))
  const verdict = settle(timeline, ctx)!
  const md = renderSummary({ ...runB, timeline, verdict, run })

  it('shows the shift SageMaker rolled back, marked as between two polls, never 0 % throughout', () => {
    expect(trafficTable(md).slice(2)).toEqual([
      '| T+0 | 100% | 0% | deployment starts, green fleet provisioning |',
      '| between T+0 and T+1 min 21 s | 75% | 25% | step 1 of 4: 25% shifted to green, alarms monitored (between two polls, not seen) |',
      '| T+1 min 21 s | 100% | 0% | rolled back to blue: alarm lab-endpoint-5xx-rate in ALARM |'
    ])
    expect(md).toContain('A step marked *between two polls* was not seen by any poll')
  })

  it('marks the alarm fired between polls, without the reason of a later transition', () => {
    const [row] = rowsStartingWith(md, `🚨 [${ALARM_5XX}]`)
    expect(row).toContain('**fired** between two polls')
    expect(row).toContain('| OK, and ALARM between two polls | OK |')
    expect(md).toContain(
      `- **${ALARM_5XX}**: went into ALARM and back between two polls, so no poll read the reason it fired`
    )
    expect(md).not.toContain('was not greater than the threshold')
    expect(md).toContain(`**Failure reason:** ${failure}`)
  })
})

describe('renderSummary: the reason an alarm fired', () => {
  it('is the reason of the transition into ALARM, not the latest one', () => {
    const track = {
      ...runB.timeline.alarms[0]!,
      statesSeen: ['OK', 'ALARM', 'OK'] as const,
      finalState: 'OK' as const,
      firedReason: 'Threshold Crossed: 20.8 was greater than the threshold (1.0).',
      lastReason: 'Threshold Crossed: 0 was not greater than the threshold (1.0).'
    }
    const timeline = { ...runB.timeline, alarms: [track, ...runB.timeline.alarms.slice(1)] }
    const md = renderSummary({ ...runB, timeline, run })
    expect(md).toContain(
      `- **${ALARM_5XX}** at T+2 min 30 s: Threshold Crossed: 20.8 was greater than the threshold (1.0).`
    )
    expect(md).not.toContain('was not greater')
    expect(rowsStartingWith(md, `🚨 [${ALARM_5XX}]`)[0]).toContain('| OK → ALARM → OK | OK |')
  })
})

describe('renderSummary: a rollback SageMaker gave no reason for', () => {
  it('names the alarm once, and no missing reason: the alarm is the reason', () => {
    const last = {
      status: 'InService',
      configName: 'lab-endpoint-config-a',
      failureReason: undefined,
      lastModifiedTime: at(160),
      blue: undefined,
      green: undefined,
      pendingConfigName: undefined,
      pendingStartTime: undefined
    }
    const verdict = {
      ...runB.verdict,
      failureReason: `Rolled back: alarm ${ALARM_5XX} went into ALARM.`
    }
    const md = renderSummary({ ...runB, timeline: { ...runB.timeline, last }, verdict, run })
    const head = md.slice(0, md.indexOf('### Traffic steps'))
    expect(head.split(ALARM_5XX)).toHaveLength(3) // the link text and its URL, once
    expect(head).not.toContain('SageMaker gave no failure reason.')
    expect(head).not.toContain('**Failure reason:**')
  })

  it('says SageMaker gave no reason when no alarm explains the rollback either', () => {
    const last = {
      status: 'InService',
      configName: 'lab-endpoint-config-a',
      failureReason: undefined,
      lastModifiedTime: at(160),
      blue: undefined,
      green: undefined,
      pendingConfigName: undefined,
      pendingStartTime: undefined
    }
    const alarms = runB.timeline.alarms.map(track => ({ ...track, fired: false }))
    const verdict = {
      ...runB.verdict,
      triggeredAlarms: [],
      failureReason: 'Rolled back (SageMaker gave no reason).'
    }
    const timeline = { ...runB.timeline, last, alarms }
    const md = renderSummary({ ...runB, timeline, verdict, run })
    const head = md.slice(0, md.indexOf('### Traffic steps')).trim().split('\n\n')
    expect(head).toStrictEqual([
      `## ❌ Rolled back: [lab-endpoint](${CONSOLE}sagemaker/home?region=eu-west-1#/endpoints/lab-endpoint)`,
      'SageMaker returned all traffic to the blue fleet (lab-endpoint-config-a); no guarding alarm was seen in ALARM (see the failure reason and the event log).',
      'SageMaker gave no failure reason.'
    ])
  })
})

describe('renderSummary: a failure with alarms in ALARM', () => {
  const failed = (summary: string) => ({
    ...runB.verdict,
    outcome: 'failed' as const,
    summary,
    failureReason: 'UpdateRollbackFailed'
  })

  it('links the alarms when the summary does not name them', () => {
    const md = renderSummary({ ...runB, verdict: failed('Both failed.'), run })
    expect(md).toContain(`**Alarms in ALARM during the rollout:** [${ALARM_5XX}](`)
  })

  it('does not name them a second time when the summary does', () => {
    const md = renderSummary({
      ...runB,
      verdict: failed(`Both failed. Trigger: alarm ${ALARM_5XX} went into ALARM.`),
      run
    })
    expect(md).not.toContain('**Alarms in ALARM during the rollout:**')
  })
})

describe('renderSummary: green traffic no poll saw and nothing placed', () => {
  it('never shows green at 0 % throughout: the row after which green served requests says the share was not seen', () => {
    const steps = [runB.timeline.steps[0]!, runB.timeline.steps.at(-1)!]
    const timeline = { ...runB.timeline, steps }
    const green = {
      requests: 320,
      errors5xx: 61,
      errors4xx: 0,
      errorRate5xxPercent: 19.06,
      modelLatencyMs: 45,
      overheadLatencyMs: null
    }
    const metricsStep = (i: number) => ({
      at: steps[i]!.at,
      until: steps[i]!.at + 60_000,
      bluePercent: steps[i]!.bluePercent,
      greenPercent: steps[i]!.greenPercent,
      event: steps[i]!.event,
      blue: undefined,
      green: i === 0 ? green : undefined,
      endpoint: green,
      cpuUtilizationPercent: null,
      incomplete: false
    })
    const metrics = {
      split: 'per-fleet' as const,
      note: undefined,
      warning: undefined,
      periodSeconds: 60,
      windowStart: at(-300),
      windowEnd: at(400),
      startedAt: at(0),
      blueConfigName: 'lab-endpoint-config-a',
      greenConfigName: 'lab-endpoint-config-b',
      alarmThresholdPercent: 1,
      steps: [metricsStep(0), metricsStep(1)],
      phases: [],
      calls: 1,
      lateAlarms: []
    }
    const md = renderSummary({ ...runB, timeline, metrics, run })
    expect(md).toContain(
      '| T+0 | 100%, then less (not seen) | 0%, then more (not seen) | deployment started, green fleet provisioned |'
    )
    expect(md).toContain(
      '*Not seen*: after a row marked so, green served 320 requests (CloudWatch, under Metrics): SageMaker shifted traffic to green between two polls'
    )
    expect(md).toContain('x-axis ["T+0:00 · 0%→?", "T+2:40 · 0%"]')
    expect(pageContradictions(md)).toStrictEqual([])
    // The same rows, with no metrics to say otherwise: plain shares.
    const plain = renderSummary({ ...runB, timeline, run })
    expect(plain).toContain('| T+0 | 100% | 0% | deployment started, green fleet provisioned |')
    expect(plain).not.toContain('not seen')
  })
})
