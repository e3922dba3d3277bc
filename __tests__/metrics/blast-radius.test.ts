import { describe, expect, it } from '@jest/globals'
import { blastRadius } from '../../src/metrics/blast-radius.js'
import { foldMetrics } from '../../src/metrics/fold.js'
import { buildMetricQueries } from '../../src/metrics/queries.js'
import type { RolloutMetrics } from '../../src/metrics/types.js'
import { blastRadiusLine, renderSummary } from '../../src/report/summary.js'
import { run, runB, runE } from '../report/fixtures.js'
import { recordedSeries } from './recorded.js'

function foldB(fleets: Parameters<typeof recordedSeries>[0] = {}): RolloutMetrics {
  return foldMetrics({
    plan: runB.plan,
    timeline: runB.timeline,
    request: buildMetricQueries(runB.plan, runB.timeline),
    series: recordedSeries(fleets),
    calls: 1
  })
}

describe('blastRadius', () => {
  it("sums green's requests and 5XX over the traffic steps (the per-step table's green columns)", () => {
    // Green: 150 requests, 30 of them 5XX at T+1 min; 200 and 40 at T+2 min.
    expect(blastRadius(foldB())).toStrictEqual({ requests: 350, errors5xx: 70, atLeast: false })
  })

  it('is a lower bound when a minute was still incomplete', () => {
    const m = foldB()
    const incomplete = { ...m, steps: m.steps.map((s, i) => ({ ...s, incomplete: i === 1 })) }
    expect(blastRadius(incomplete)?.atLeast).toBe(true)
  })

  it('is unknown without the per-fleet split, without steps, or without metrics', () => {
    expect(blastRadius(foldB({ blue: false, green: false }))).toBeUndefined()
    expect(blastRadius({ ...foldB(), steps: [] })).toBeUndefined()
    expect(blastRadius(undefined)).toBeUndefined()
  })
})

describe('the blast radius in the headline', () => {
  it('says what a rollback cost, from the same figures as the tables', () => {
    expect(blastRadiusLine(runB.verdict, foldB())).toBe(
      '**Blast radius:** the new model served 350 requests in this rollout, 70 of them answered with 5XX (20%); per step and fleet under Metrics.'
    )
    const md = renderSummary({ ...runB, run, metrics: foldB() })
    const head = md.slice(0, md.indexOf('### Traffic steps'))
    expect(head).toContain('**Blast radius:** the new model served 350 requests')
  })

  it('says "at least" while CloudWatch is still publishing', () => {
    const m = foldB()
    const late = { ...m, steps: m.steps.map(s => ({ ...s, incomplete: true })) }
    expect(blastRadiusLine(runB.verdict, late)).toBe(
      '**Blast radius:** the new model served at least 350 requests in this rollout, at least 70 of them answered with 5XX (20%) (CloudWatch had not published every minute yet); per step and fleet under Metrics.'
    )
  })

  it('says when the new model served nothing, and speaks of one request as one', () => {
    const m = foldB()
    const none = {
      ...m,
      steps: m.steps.map(s => ({
        ...s,
        green: s.green && { ...s.green, requests: 0, errors5xx: 0 }
      }))
    }
    expect(blastRadiusLine(runB.verdict, none)).toBe(
      '**Blast radius:** the new model served no request in this rollout; per step and fleet under Metrics.'
    )
    const one = {
      ...m,
      steps: m.steps.map((s, i) => ({
        ...s,
        green: s.green && { ...s.green, requests: i === 1 ? 1 : 0, errors5xx: i === 1 ? 1 : 0 }
      }))
    }
    expect(blastRadiusLine(runB.verdict, one)).toBe(
      '**Blast radius:** the new model served 1 request in this rollout, 1 of them answered with 5XX (100%); per step and fleet under Metrics.'
    )
  })

  it('is said after a regression too, never after a deployment, nor without figures', () => {
    expect(blastRadiusLine({ ...runB.verdict, outcome: 'regressed' }, foldB())).toMatch(
      /^\*\*Blast radius:\*\* the new model served 350 requests/
    )
    expect(blastRadiusLine(runE.verdict, foldB())).toBe('')
    expect(blastRadiusLine({ ...runB.verdict, outcome: 'failed' }, foldB())).toBe('')
    expect(blastRadiusLine(runB.verdict, undefined)).toBe('')
    const progress = renderSummary({ ...runB, run, metrics: foldB(), inProgress: true })
    expect(progress).not.toContain('Blast radius')
  })
})
