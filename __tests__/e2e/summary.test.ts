// What a person reads, through the committed bundle against the emulator: the job summary and
// the step log of the lab's three runs, and of a rollback that no poll saw. On stepped time every
// row, time and figure is exact: the lab's realistic timings (8 min provisioning, 5 s activation
// and 60 s bake per step, except the step that reaches 100 %, which bakes only the 300 s
// termination-wait; 120 s to decommission blue; metrics up to 3 min late) give the times asserted
// below.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import type { Emulator, Scenario } from '../../emulator/index.js'
import { LAB_ERROR_ALARM } from '../../scripts/lib/lab.js'
import { labEmulator, runStep, step, trafficSteps } from './helpers.js'

// A safety net only: on stepped time a run's real duration depends on the machine's load, never
// on what it sees.
jest.setTimeout(600_000)

type Run = Awaited<ReturnType<typeof runStep>>

/** The lines of the Markdown table that follows `heading`. */
function tableAfter(markdown: string, heading: string): string[] {
  const from = markdown.indexOf(heading)
  if (from < 0) return []
  const lines = markdown.slice(from).split('\n').slice(1)
  const start = lines.findIndex(line => line.startsWith('|'))
  const rows: string[] = []
  for (const line of lines.slice(start)) {
    if (!line.startsWith('|')) break
    rows.push(line)
  }
  return rows
}

/** The action's own log lines (runner commands left out). */
const logLines = (r: Run): string[] => r.stdout.split('\n').filter(line => !line.startsWith('::'))

/** The step log's timeline: the lines stamped with a T+ time. */
const timelineLines = (r: Run): string[] => logLines(r).filter(line => line.startsWith('[T'))

const ALARM_LINK = `[${LAB_ERROR_ALARM}](https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#alarmsV2:alarm/${LAB_ERROR_ALARM})`

describe('the lab as a person reads it', () => {
  let emulator: Emulator
  const runs: Record<string, Run> = {}

  beforeAll(async () => {
    emulator = await labEmulator()
    runs.A = await runStep(emulator, step('Model A'))
    runs.B = await runStep(emulator, step('Model B'))
    emulator.advance(180) // as in the demo: the retry comes 3 minutes later
    runs.E = await runStep(emulator, step('Model E'))
  })
  afterAll(() => emulator.close())

  it('Model A (new endpoint): no ramp chart, no shift or baseline row, no blue columns', () => {
    const a = runs.A!.summary
    expect(a).toContain('No traffic shift: this was a new endpoint')
    expect(a).not.toContain('```mermaid')
    expect(a).not.toMatch(/^\| (Traffic shift|Baseline) \|/m)
    expect(a).not.toContain('Blue requests')
    // The endpoint went into service 9 s before the run ended: no minute of traffic has arrived.
    expect(a).toContain(
      '#### Since the endpoint went into service\n\nNo request had reached the new endpoint by the end of the window read.'
    )
    expect(a).not.toContain('| In service |')
  })

  it('Model B: the rollback said once, the fleets named by their artifacts', () => {
    const b = runs.B!.summary
    const head = b.slice(0, b.indexOf('### Traffic steps')).trim().split('\n\n')
    expect(head).toEqual([
      '## ❌ Rolled back by alarm: [lab-endpoint](https://us-east-1.console.aws.amazon.com/sagemaker/home?region=us-east-1#/endpoints/lab-endpoint)',
      `SageMaker returned all traffic to the blue fleet (lab-endpoint-a1a1a1a-1001-1): alarm ${ALARM_LINK} went into ALARM.`,
      // The lab's SageMaker leaves FailureReason empty after an alarm rollback: the alarm above
      // is the reason, so no "SageMaker gave no failure reason" under it.
      '**Blast radius:** the new model served 365 requests in this rollout, 78 of them answered with 5XX (21.4%); per step and fleet under Metrics.'
    ])
    // One page, one truth: the headline's figures are the per-step table's green columns.
    const perStep = tableAfter(b, '#### Requests, 5XX errors and model latency per traffic step')
      .slice(2)
      .map(row => row.split('|').map(cell => cell.trim()))
    const count = (cell: string | undefined): number =>
      Number((cell ?? '0').split(' ')[0]!.replace(/,/g, '')) || 0
    expect(perStep.reduce((sum, cells) => sum + count(cells[5]), 0)).toBe(365)
    expect(perStep.reduce((sum, cells) => sum + count(cells[6]), 0)).toBe(78)
    // Provisioning 480 s (no poll fell in step 1's 5 s activation: its row is its bake); step 2
    // after step 1's 60 s bake; the alarm, on the 09:18 minute's late datapoint, at the 09:20:00
    // evaluation (T+9 min 46 s from the update request at 09:10:13.718).
    expect(tableAfter(b, '### Traffic steps')).toEqual([
      '| Time | Blue: model-a | Green: model-b | What happened |',
      '|---|---|---|---|',
      '| T+0 | 100% | 0% | deployment starts, green fleet provisioning |',
      '| T+8 min 5 s | 75% | 25% | step 1 of 4: 25% shifted to green, alarms monitored |',
      '| T+9 min 5 s | 50% | 50% | step 2 of 4: 50% shifted to green, alarms monitored |',
      `| T+9 min 46 s | 100% | 0% | rolled back to blue: alarm ${LAB_ERROR_ALARM} in ALARM |`
    ])
  })

  it('Model B: the 5XX rate on its own scale, where the 1 % threshold shows; tables titled', () => {
    const b = runs.B!.summary
    const chart = b.slice(b.indexOf('title "5XX rate per traffic step (%)"'))
    // Green's 5XX rate is about 20 %: the axis stops at 30 %, not at 100 %.
    expect(chart.split('\n').slice(1, 7)).toEqual([
      '  x-axis ["T+0:00 · 0%", "T+8:05 · 25%", "T+9:05 · 50%", "T+9:46 · 0%"]',
      '  y-axis "5XX rate (%)" 0 --> 30',
      '  line [0, 23.64, 19.77, 0]',
      '  line [0, 0, 0, 0]',
      '  line [1, 1, 1, 1]',
      '```'
    ])
    expect(b).toContain('amber: alarm threshold (1%)')
    expect(b).toContain('#### Requests, 5XX errors and model latency per traffic step\n\n| Time |')
    expect(b).toContain('#### Per phase of the rollout\n\n| Phase |')
    expect(b.split('\n').filter(line => line.startsWith(`- **${LAB_ERROR_ALARM}**`))).toEqual([
      `- **${LAB_ERROR_ALARM}** at T+9 min 46 s: Threshold Crossed: 1 out of the last 1 datapoints \\[5.454545 (2026-11-30 09:<!-- -->18:<!-- -->00 UTC)\\] was greater than the threshold (1.0) (minimum 1 datapoint for OK -&gt; ALARM transition).`
    ])
  })

  it('Model E: "complete" at the real completion time, after the last bake', () => {
    const steps = trafficSteps(runs.E!)
    const last = steps.at(-1)!
    const allGreen = steps.at(-2)!
    expect(allGreen).toMatchObject({
      offsetSeconds: 675,
      greenPercent: 100,
      event: 'all traffic on green (step 4 of 4), alarms monitored'
    })
    expect(last).toMatchObject({
      offsetSeconds: 1100,
      greenPercent: 100,
      event: 'complete, blue fleet decommissioned'
    })
    // The last step activates in 5 s and bakes only TerminationWaitInSeconds, 300 s (not the 60 s
    // WaitIntervalInSeconds): E retains B's deployment config, whose termination-wait was derived
    // from the created alarms' detection time (60 s × 1 + 180 s metric delay + 60 s evaluation).
    // Then blue is terminated in 120 s.
    expect(last.offsetSeconds - allGreen.offsetSeconds).toBe(5 + 300 + 120)
    // This step: from the run's start to the poll that saw the completion (T+1101 s, 1 s after
    // it). The watch after the completion had nothing left to wait for: its window, E's 100 % row
    // (T+675 s) + 300 s = T+975 s, passed during the final bake. (The wait for late metrics that
    // follows is not part of this step's time.)
    expect(runs.E!.summary.split('\n').filter(line => line.startsWith('Rollout:'))).toEqual([
      "Rollout: 18 min 20 s on SageMaker's clock (the T+ times, from the update request) · this step: 18 min 21 s on the runner's clock · [run 1003, attempt 1](https://github.com/example-org/fraud-models/actions/runs/1003/attempts/1) · commit [e5e5e5e](https://github.com/example-org/fraud-models/commit/e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5)"
    ])
  })

  it('the step log gives each traffic step its split, and no noise', () => {
    expect(timelineLines(runs.A!)).toEqual([
      '[T+0] endpoint Creating',
      '[T+10 min] endpoint InService on lab-endpoint-a1a1a1a-1001-1'
    ])
    expect(timelineLines(runs.B!)).toEqual([
      '[T+0] endpoint Updating',
      '[T+0] green fleet Creating: Launching 4 instance(s).',
      '[T+8 min 5 s] green fleet Baking (green 25% / blue 75%): Baking for 60 seconds with traffic enabled on 1 instance(s).',
      '[T+9 min 5 s] green fleet ActivatingTraffic (green 50% / blue 50%): Activating traffic on 2 instance(s).',
      '[T+9 min 10 s] green fleet Baking (green 50% / blue 50%): Baking for 60 seconds with traffic enabled on 2 instance(s).',
      '[T+9 min 46 s] green fleet Deleting: Terminating 4 instance(s).',
      `[T+9 min 46 s] alarm ${LAB_ERROR_ALARM}: OK → ALARM (Threshold Crossed: 1 out of the last 1 datapoints [5.454545 (30/11/26 09:18:00)] was greater than the threshold (1.0) (minimum 1 datapoint for OK -> ALARM transition).)`,
      `[T+11 min 46 s] alarm ${LAB_ERROR_ALARM}: ALARM → OK (Threshold Crossed: 1 datapoint [0.0 (30/11/26 09:20:00)] was not greater than the threshold (1.0).)`,
      '[T+12 min 46 s] endpoint InService on lab-endpoint-a1a1a1a-1001-1 (the previous config): rolled back'
    ])
    // E's 100 % step bakes only TerminationWaitInSeconds (300 s, retained from B's deployment),
    // then blue is decommissioned in 120 s: InService at T+675 + 5 + 300 + 120 s = T+18 min 20 s.
    expect(timelineLines(runs.E!)).toEqual([
      '[T+0] endpoint Updating',
      '[T+0] green fleet Creating: Launching 4 instance(s).',
      '[T+8 min] green fleet ActivatingTraffic (green 25% / blue 75%): Activating traffic on 1 instance(s).',
      '[T+8 min 5 s] green fleet Baking (green 25% / blue 75%): Baking for 60 seconds with traffic enabled on 1 instance(s).',
      '[T+9 min 5 s] green fleet ActivatingTraffic (green 50% / blue 50%): Activating traffic on 2 instance(s).',
      '[T+9 min 10 s] green fleet Baking (green 50% / blue 50%): Baking for 60 seconds with traffic enabled on 2 instance(s).',
      '[T+10 min 10 s] green fleet ActivatingTraffic (green 75% / blue 25%): Activating traffic on 3 instance(s).',
      '[T+10 min 15 s] green fleet Baking (green 75% / blue 25%): Baking for 60 seconds with traffic enabled on 3 instance(s).',
      '[T+11 min 15 s] green fleet ActivatingTraffic (green 100% / blue 0%): Activating traffic on full capacity of 4 instance(s).',
      '[T+11 min 20 s] green fleet Baking (green 100% / blue 0%): Baking for 300 seconds (TerminationWaitInSeconds) with traffic enabled on full capacity of 4 instance(s).',
      '[T+18 min 20 s] endpoint InService on lab-endpoint-e5e5e5e-1003-1'
    ])
    for (const r of [runs.A!, runs.B!, runs.E!]) {
      const lines = logLines(r)
      expect(lines.filter(line => line.startsWith('Metrics:'))).toEqual([])
      // Alarm states before the start, and OK/INSUFFICIENT_DATA flips, are noise: not logged.
      expect(lines.filter(line => /^\[T-/.test(line))).toEqual([])
      expect(lines.filter(line => /\] alarm .*: (INSUFFICIENT_DATA|OK)( \(|$)/.test(line))).toEqual(
        []
      )
    }
  })
})

/** The service times of the action's DescribeEndpoint polls, in seconds from its update request. */
function pollOffsets(emulator: Emulator, from: number): number[] {
  const calls = emulator.calls().slice(from)
  const update = calls.find(c => c.operation === 'UpdateEndpoint')!.simulatedTime
  return calls
    .filter(c => c.operation === 'DescribeEndpoint' && c.simulatedTime >= update)
    .map(c => (c.simulatedTime - update) / 1000)
}

/**
 * Model B with polls far apart: the shift, the alarm, the rollback and the alarm's return to OK
 * all between two polls. Provisioning keeps its 480 s, so the action's schedule places the
 * unseen step right. poll-interval 238 s: polls 202-238 s apart, the third before T+476 s, the
 * fourth after T+606 s. Metrics complete at the minute's end (metricDelaySeconds 0): the alarm
 * fires at the first whole minute after the shift, on that minute's datapoint (T+526 s here),
 * the 30 s teardown follows and the alarm is OK again a minute after it fired (before T+600 s).
 */
async function sparseModelB(overrides: Partial<Scenario>): Promise<{ b: Run; polls: number[] }> {
  const emulator = await labEmulator({
    metricDelaySeconds: 0,
    rollingBackSeconds: 30,
    ...overrides
  })
  try {
    await runStep(emulator, step('Model A'))
    const from = emulator.calls().length
    const b = await runStep(emulator, step('Model B'), { inputs: { 'poll-interval': '238' } })
    return { b, polls: pollOffsets(emulator, from) }
  } finally {
    await emulator.close()
  }
}

/** Polls between the shift (T+480 s) and the alarm's return to OK (before T+600 s): none. */
const unseen = (polls: number[]): number[] => polls.filter(at => at >= 480 && at <= 600)

describe('a rollback between two polls, SageMaker naming the alarm', () => {
  let b: Run
  let polls: number[]
  beforeAll(async () => {
    ;({ b, polls } = await sparseModelB({ assumeRollbackFailureReason: true }))
  })

  it('shows the step it rolled back, marked between two polls, never 0 % throughout', () => {
    expect(b.outputs.outcome).toBe('rolled-back')
    expect(unseen(polls)).toEqual([])
    // Placed by the schedule (provisioning, T+480 s), bounded by the rollback's completion.
    expect(tableAfter(b.summary, '### Traffic steps').slice(2)).toEqual([
      '| T+0 | 100% | 0% | deployment starts, green fleet provisioning |',
      '| between T+0 and T+9 min 16 s | 75% | 25% | step 1 of 4: 25% shifted to green, alarms monitored (between two polls, not seen) |',
      `| T+9 min 16 s | 100% | 0% | rolled back to blue: alarm ${LAB_ERROR_ALARM} in ALARM |`
    ])
    expect(trafficSteps(b)[1]).toMatchObject({
      offsetSeconds: 480,
      greenPercent: 25,
      betweenPolls: { afterSeconds: 0, beforeSeconds: 556 }
    })
    // The metrics row of that step carries green's requests (46 s of a quarter of the traffic).
    expect(
      tableAfter(b.summary, '#### Requests, 5XX errors and model latency per traffic step').slice(2)
    ).toEqual([
      '| T+0 | 4,765 | 0 (0%) | 40 ms | 0 | — | — |',
      '| between T+0 and T+9 min 16 s | 614 | 0 (0%) | 40.1 ms | 102 | 26 (25.5%) | 45 ms |',
      '| T+9 min 16 s | 343 | 0 (0%) | 40.1 ms | 0 | — | — |'
    ])
    expect(b.summary).not.toContain('rows that show it at 0 %')
  })

  it('says the alarm fired between polls, without the reason of a later transition', () => {
    const row = b.summary.split('\n').find(line => line.startsWith(`| 🚨 [${LAB_ERROR_ALARM}]`))
    expect(row).toBe(
      `| 🚨 ${ALARM_LINK} **fired** between two polls | Error rate (5XX, timeouts, model errors) &gt; 1 % of invocations over 1 min | &gt; 1 % | OK, and ALARM between two polls | OK |`
    )
    expect(
      b.summary.split('\n').filter(line => line.startsWith(`- **${LAB_ERROR_ALARM}**`))
    ).toEqual([
      `- **${LAB_ERROR_ALARM}**: went into ALARM and back between two polls, so no poll read the reason it fired; SageMaker's failure reason names it.`
    ])
    expect(b.summary).not.toContain('was not greater than the threshold')
  })
})

describe('a rollback between two polls, SageMaker giving no reason', () => {
  let b: Run
  let polls: number[]
  beforeAll(async () => {
    ;({ b, polls } = await sparseModelB({ emptyFailureReasonOnRollback: true }))
  })

  it('cannot place the step, and never shows green at 0 % throughout: the row after which green served says so', () => {
    expect(b.outputs.outcome).toBe('rolled-back')
    expect(unseen(polls)).toEqual([])
    expect(tableAfter(b.summary, '### Traffic steps').slice(2)).toEqual([
      '| T+0 | 100%, then less (not seen) | 0%, then more (not seen) | deployment starts, green fleet provisioning |',
      '| T+9 min 16 s | 100% | 0% | rolled back to blue |'
    ])
    expect(b.summary).toContain(
      '*Not seen*: after a row marked so, green served 102 requests (CloudWatch, under Metrics): SageMaker shifted traffic to green between two polls, and nothing it showed afterwards says the share or when.'
    )
    expect(b.summary).toContain('x-axis ["T+0:00 · 0%→?", "T+9:16 · 0%"]')
    // The alarm (from its history) explains the rollback: no "no reason" line.
    expect(b.summary).not.toContain('SageMaker gave no failure reason.')
  })

  it("names the alarm from its history, with the reason it fired, not a later transition's", () => {
    const row = b.summary.split('\n').find(line => line.startsWith(`| 🚨 [${LAB_ERROR_ALARM}]`))
    // It fired at the 09:19:00 evaluation, on the 09:18 minute (46 s of green traffic).
    expect(row).toBe(
      `| 🚨 ${ALARM_LINK} **fired** at T+8 min 46 s | Error rate (5XX, timeouts, model errors) &gt; 1 % of invocations over 1 min | &gt; 1 % | OK, and ALARM between two polls | OK |`
    )
    expect(
      b.summary.split('\n').filter(line => line.startsWith(`- **${LAB_ERROR_ALARM}**`))
    ).toEqual([
      `- **${LAB_ERROR_ALARM}** at T+8 min 46 s: Threshold Crossed: 1 out of the last 1 datapoints \\[4.333333 (2026-11-30 09:<!-- -->18:<!-- -->00 UTC)\\] was greater than the threshold (1.0) (minimum 1 datapoint for OK -&gt; ALARM transition). (from the alarm's history: no poll saw it in ALARM)`
    ])
    expect(b.summary).not.toContain('was not greater than the threshold')
  })
})
