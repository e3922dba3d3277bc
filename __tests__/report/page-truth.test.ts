// The contradiction checker itself: each rule finds what a person would see as the page arguing
// with itself, and a page that agrees with itself passes. (The runner applies it to every
// summary the end-to-end suite, the demo and the pictures produce.)
import { describe, expect, it } from '@jest/globals'
import { pageContradictions, pageTables } from '../../scripts/lib/page-truth.js'

const ROLLED_BACK = '## ❌ Rolled back: [ep](https://x)\n\nSageMaker returned all traffic.'

function metricsTable(rows: string[]): string {
  return [
    '#### Requests, 5XX errors and model latency per traffic step',
    '',
    '| Time | Blue requests | Blue 5XX | Blue latency | Green requests | Green 5XX | Green latency |',
    '|---|---|---|---|---|---|---|',
    ...rows
  ].join('\n')
}

function trafficTable(rows: string[]): string {
  return [
    '### Traffic steps',
    '',
    '| Time | Blue: a | Green: b | What happened |',
    '|---|---|---|---|',
    ...rows
  ].join('\n')
}

describe('pageTables', () => {
  it('reads each table under its heading, escaped pipes kept in their cell', () => {
    const md = '### Alarms\n\n| A | B |\n|---|---|\n| x \\| y | 2 |\n\ntext'
    expect(pageTables(md)).toStrictEqual([
      { heading: 'Alarms', headers: ['A', 'B'], rows: [['x \\| y', '2']] }
    ])
  })
})

describe('pageContradictions', () => {
  it('finds nothing on a page that agrees with itself', () => {
    const md = [
      ROLLED_BACK,
      trafficTable(['| T+0 | 100% | 0% | starts |', '| T+1 min | 75% | 25% | step 1 |']),
      '```mermaid\nxychart-beta\n  x-axis ["T+0:00 · 0%", "T+1:00 · 25%"]\n```',
      metricsTable([
        '| T+0 | 10 | 0 | 1 ms | 0 | — | — |',
        '| T+1 min | 10 | 0 | 1 ms | 5 | 1 (20%) | 1 ms |'
      ])
    ].join('\n\n')
    expect(pageContradictions(md)).toStrictEqual([])
  })

  it('a green row at 0 % with green requests after it', () => {
    const md = [
      ROLLED_BACK,
      trafficTable(['| T+0 | 100% | 0% | starts |']),
      metricsTable(['| T+0 | 10 | 0 | 1 ms | 1,397 | 9 (1%) | 1 ms |'])
    ].join('\n\n')
    expect(pageContradictions(md)).toStrictEqual([
      'The traffic row at T+0 shows green at 0%, and green served 1397 requests after it.'
    ])
  })

  it('a chart whose points are not the rows of its table', () => {
    const md = [
      ROLLED_BACK,
      trafficTable(['| T+0 | 100% | 0% | starts |', '| T+1 min | 75% | 25% | step 1 |']),
      '```mermaid\nxychart-beta\n  x-axis ["T+0:00 · 0%"]\n```',
      metricsTable([
        '| T+0 | 10 | 0 | 1 ms | 0 | — | — |',
        '| T+1 min | 10 | 0 | 1 ms | 5 | 1 (20%) | 1 ms |'
      ])
    ].join('\n\n')
    expect(pageContradictions(md)).toStrictEqual([
      'The chart has 1 points and the table 2 rows.',
      'The chart has 1 points and the per-step metrics 2 rows.'
    ])
  })

  it('a completion phase, or every bake passed, on a rolled-back page; a rollback on a deployed one', () => {
    const phases = (rows: string[]) =>
      [
        '#### Per phase of the rollout',
        '',
        '| Phase | Invocations | 5XX errors | Latency | Outcome |',
        '|---|---|---|---|---|',
        ...rows
      ].join('\n')
    expect(
      pageContradictions(
        `${ROLLED_BACK}\n\n${phases(['| Completion | 1 | — | — | green serves 100% |', '| Traffic shift | 1 | — | — | every step passed its bake |'])}`
      )
    ).toStrictEqual([
      'A rolled-back page has the phase "Completion: green serves 100%".',
      'A rolled-back page has the phase "Traffic shift: every step passed its bake".'
    ])
    expect(
      pageContradictions(
        `## ✅ Deployed: ep\n\n${phases(['| Rollback | 1 | — | — | all traffic back on blue |'])}`
      )
    ).toStrictEqual(['A deployed page has the phase "Rollback: all traffic back on blue".'])
  })

  it('no failure reason said under the alarm that gave it', () => {
    const md = `${ROLLED_BACK} alarm [x](https://a) went into ALARM.\n\nSageMaker gave no failure reason.`
    expect(pageContradictions(md)).toStrictEqual([
      'The page names the alarm that fired and says SageMaker gave no failure reason.'
    ])
    expect(pageContradictions(`${ROLLED_BACK}\n\nSageMaker gave no failure reason.`)).toStrictEqual(
      []
    )
  })

  it('a final state while in progress', () => {
    const md =
      '## ⏳ In progress: ep\n\n### Alarms\n\n| Alarm | Final state |\n|---|---|\n| a | OK |'
    expect(pageContradictions(md)).toStrictEqual([
      'An in-progress page has a "Final state" column.'
    ])
    expect(pageContradictions(md.replace('Final', 'Current'))).toStrictEqual([])
  })

  it('blue or green on a rolling page, outside links and code', () => {
    const rolling =
      '## ✅ Deployed: [ep](https://x/green)\n\n### Rolling batches\n\n| Time | New instances: `green-model` |\n|---|---|\n| T+0 | 1 |'
    expect(pageContradictions(rolling)).toStrictEqual([])
    const found = pageContradictions(`${rolling}\n\nAll traffic back on the blue fleet.`)
    expect(found).toHaveLength(1)
    expect(found[0]).toMatch(/^A rolling page speaks of blue: ".*back on the blue fleet\."\.$/)
  })

  it("CloudWatch's day/month/year times", () => {
    expect(
      pageContradictions(
        `${ROLLED_BACK}\n\n- 1 datapoint [5.4 (30/11/26 09:<!-- -->18:<!-- -->00)]`
      )
    ).toStrictEqual(['An ambiguous date: "30/11/26 09:".'])
    expect(
      pageContradictions(`${ROLLED_BACK}\n\n- 1 datapoint [5.4 (2026-11-30 09:18:00 UTC)]`)
    ).toStrictEqual([])
  })

  it('a plan that planned nothing, headed Planned (and not when the headline says so)', () => {
    const body = 'Dry run: no plan could be made, nothing was changed: x'
    expect(pageContradictions(`## 📝 Planned: ep\n\n${body}`)).toStrictEqual([
      'The headline says Planned, and the page says no plan could be made.'
    ])
    expect(pageContradictions(`## 📝 Planned without access to AWS: ep\n\n${body}`)).toStrictEqual(
      []
    )
  })

  it('a page that changed nothing and links a resource it would have created', () => {
    const md = [
      '## ❌ Failed: ep\n\nRefused. Nothing was changed in AWS.',
      '### Resources\n\n|   | Blue (before) | Green (this run) |\n|---|---|---|\n| Model | a | [b](https://console/b) |'
    ].join('\n\n')
    expect(pageContradictions(md)).toStrictEqual([
      "Nothing was changed, and the page links green's Model."
    ])
    expect(pageContradictions(md.replace('[b](https://console/b)', '`b`'))).toStrictEqual([])
  })
})
