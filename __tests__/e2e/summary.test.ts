// What a person reads, through the committed bundle against the emulator: the job summary and
// the step log of the lab's three runs, and of a rollback that no poll saw.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Emulator, Scenario } from '../../emulator/index.js'
import { LAB_ERROR_ALARM } from '../../scripts/lib/lab.js'
import { labEmulator, runStep, step, trafficSteps } from './helpers.js'

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

describe('the lab as a person reads it', () => {
  let emulator: Emulator
  const runs: Record<string, Run> = {}

  beforeAll(async () => {
    emulator = await labEmulator()
    runs.A = await runStep(emulator, step('Model A'))
    runs.B = await runStep(emulator, step('Model B'))
    emulator.advance(180)
    runs.E = await runStep(emulator, step('Model E'))
  }, 90_000)
  afterAll(() => emulator.close())

  it('Model A (new endpoint): no ramp chart, no shift or baseline row, no blue columns', () => {
    const a = runs.A!.summary
    expect(a).toContain('No traffic shift: this was a new endpoint')
    expect(a).not.toContain('```mermaid')
    expect(a).not.toMatch(/^\| (Traffic shift|Baseline) \|/m)
    expect(a).not.toContain('Blue requests')
    expect(tableAfter(a, '#### Since the endpoint went into service').slice(2)).toEqual([
      expect.stringMatching(/^\| In service \| /)
    ])
  })

  it('Model B: the rollback said once, the fleets named by their artifacts', () => {
    const b = runs.B!.summary
    const head = b.slice(0, b.indexOf('### Traffic steps')).trim().split('\n\n')
    expect(head).toEqual([
      expect.stringMatching(/^## ❌ Rolled back: \[lab-endpoint\]/),
      expect.stringMatching(
        /^SageMaker returned all traffic to the blue fleet \(lab-endpoint-a1a1a1a-1001-1\): alarm \[lab-endpoint-5xx-rate\]\(.*\) went into ALARM\.$/
      ),
      // SageMaker's own reason when it gives one; said to be missing when it does not.
      expect.stringMatching(
        /^(\*\*Failure reason:\*\* Deployment rolled back: CloudWatch alarm\(s\) lab-endpoint-5xx-rate in ALARM state\.|SageMaker gave no failure reason\.)$/
      )
    ])
    expect(tableAfter(b, '### Traffic steps')[0]).toBe(
      '| Time | Blue: model-a | Green: model-b | What happened |'
    )
    expect(tableAfter(b, '### Traffic steps')[3]).toMatch(
      /^\| T\+\d+ min( \d+ s)? \| 75% \| 25% \| step 1 of 4: /
    )
  })

  it('Model B: the 5XX rate on its own scale, where the 1 % threshold shows; tables titled', () => {
    const b = runs.B!.summary
    const chart = b.slice(b.indexOf('title "5XX rate per traffic step (%)"'))
    expect(chart).toMatch(/x-axis \["T\+0:00 · 0%", "T\+\d+:\d\d · 25%", /)
    const top = Number(/y-axis "5XX rate \(%\)" 0 --> (\d+)/.exec(chart)?.[1])
    // Green's 5XX rate is about 20 %: the axis stops near it, not at 100 %.
    expect(top).toBeGreaterThanOrEqual(20)
    expect(top).toBeLessThanOrEqual(30)
    expect(chart).toMatch(/\n {2}line \[1(, 1)+\]\n```/)
    expect(b).toContain('amber: alarm threshold (1%)')
    expect(b).toContain('#### Requests, 5XX errors and model latency per traffic step\n\n| Time |')
    expect(b).toContain('#### Per phase of the rollout\n\n| Phase |')
    expect(b).toContain(`- **${LAB_ERROR_ALARM}** at T+`)
  })

  it('Model E: "complete" at the real completion time, after the last bake', () => {
    const steps = trafficSteps(runs.E!)
    const last = steps.at(-1)!
    const allGreen = steps.at(-2)!
    expect(allGreen).toMatchObject({
      greenPercent: 100,
      event: 'all traffic on green (step 4 of 4), alarms monitored'
    })
    expect(last).toMatchObject({ greenPercent: 100, event: 'complete, blue fleet decommissioned' })
    // The last step bakes 60 s before blue is terminated.
    expect(last.offsetSeconds - allGreen.offsetSeconds).toBeGreaterThanOrEqual(60)
    expect(runs.E!.summary).toMatch(
      /^Rollout: \d+ min( \d+ s)? on SageMaker's clock \(the T\+ times, from the update request\) · this step: \d+ s on the runner's clock · /m
    )
  })

  it('the step log gives each traffic step its split, and no noise', () => {
    const e = logLines(runs.E!)
    expect(
      e.filter(line =>
        /^\[T\+\d+ min( \d+ s)?\] green fleet (ActivatingTraffic|Baking) \(green 25% \/ blue 75%\): .* on 1 instance\(s\)\.$/.test(
          line
        )
      ).length
    ).toBeGreaterThan(0)
    expect(e.filter(line => /Baking \(green \d+% \/ blue \d+%\)/.test(line))).toHaveLength(4)
    for (const r of [runs.A!, runs.B!, runs.E!]) {
      const lines = logLines(r)
      expect(lines.filter(line => line.startsWith('Metrics:'))).toEqual([])
      // Alarm states before the start, and OK/INSUFFICIENT_DATA flips, vary from run to run.
      expect(lines.filter(line => /^\[T-/.test(line))).toEqual([])
      expect(lines.filter(line => /\] alarm .*: (INSUFFICIENT_DATA|OK)( \(|$)/.test(line))).toEqual(
        []
      )
    }
    expect(
      logLines(runs.B!).filter(line => line.includes(`alarm ${LAB_ERROR_ALARM}: OK → ALARM`))
    ).toHaveLength(1)
  })
})

/** Model B with polls far apart on the lab's clock: the whole shift and rollback between two. */
async function sparseModelB(overrides: Partial<Scenario>): Promise<Run> {
  const emulator = await labEmulator(overrides)
  try {
    await runStep(emulator, step('Model A'))
    return await runStep(emulator, step('Model B'), { inputs: { 'poll-interval': '5' } })
  } finally {
    await emulator.close()
  }
}

describe('a rollback between two polls, SageMaker naming the alarm', () => {
  let b: Run
  beforeAll(async () => {
    b = await sparseModelB({ assumeRollbackFailureReason: true })
  }, 90_000)

  it('shows the step it rolled back, marked between two polls, never 0 % throughout', () => {
    expect(b.outputs.outcome).toBe('rolled-back')
    const rows = tableAfter(b.summary, '### Traffic steps').slice(2)
    expect(rows).toHaveLength(3)
    expect(rows[1]).toMatch(
      /^\| between T\+0 and T\+\d+ min( \d+ s)? \| 75% \| 25% \| step 1 of 4: 25% shifted to green, alarms monitored \(between two polls, not seen\) \|$/
    )
    expect(trafficSteps(b)[1]).toMatchObject({
      greenPercent: 25,
      betweenPolls: { afterSeconds: 0 }
    })
    // The metrics row of that step carries green's requests.
    const metricsRows = tableAfter(
      b.summary,
      '#### Requests, 5XX errors and model latency per traffic step'
    )
    const greenRequests = Number(
      /\| ([\d,]+) \| \d+ \([\d.]+%\) \| [\d.]+ ms \|$/
        .exec(metricsRows[3] ?? '')?.[1]
        ?.replace(/,/g, '')
    )
    expect(metricsRows[3]).toMatch(/^\| between T\+0 and /)
    expect(greenRequests).toBeGreaterThan(0)
    expect(b.summary).not.toContain('rows that show it at 0 %')
  })

  it('says the alarm fired between polls, without the reason of a later transition', () => {
    const row = b.summary.split('\n').find(line => line.startsWith(`| 🚨 [${LAB_ERROR_ALARM}]`))
    expect(row).toContain('**fired** between two polls')
    expect(row).toMatch(/\| OK, and ALARM between two polls \| OK \|$/)
    expect(b.summary).toContain('went into ALARM and back between two polls')
    expect(b.summary).not.toContain('was not greater than the threshold')
  })
})

describe('a rollback between two polls, SageMaker giving no reason', () => {
  let b: Run
  beforeAll(async () => {
    b = await sparseModelB({ emptyFailureReasonOnRollback: true })
  }, 90_000)

  it('cannot place the step, and says the metrics saw green serve at "0 %"', () => {
    expect(b.outputs.outcome).toBe('rolled-back')
    expect(tableAfter(b.summary, '### Traffic steps').slice(2)).toHaveLength(2)
    expect(b.summary).toMatch(
      /⚠️ Green served [\d,]+ requests in rows that show it at 0 %: SageMaker shifted traffic between two polls, and nothing it showed afterwards says when\./
    )
    expect(b.summary).toContain('SageMaker gave no failure reason.')
  })

  it("names the alarm from its history, with the reason it fired, not a later transition's", () => {
    const row = b.summary.split('\n').find(line => line.startsWith(`| 🚨 [${LAB_ERROR_ALARM}]`))
    expect(row).toMatch(/\*\*fired\*\* at T\+\d+ min( \d+ s)? \|/)
    expect(row).toMatch(/\| OK, and ALARM between two polls \| OK \|$/)
    expect(b.summary).toMatch(
      new RegExp(
        `^- \\*\\*${LAB_ERROR_ALARM}\\*\\* at T\\+.*was greater than the threshold.*\\(from the alarm's history: no poll saw it in ALARM\\)$`,
        'm'
      )
    )
    expect(b.summary).not.toContain('was not greater than the threshold')
  })
})
