// Documentation as a test: the gate run as it will run (a baseline of 60 blue answers, then one
// step looked at after every answer from MIN_SAMPLES on), seeded, thousands of times per cell. The
// table it prints is docs/gate-rule.md's (scripts/gate-rule-table.ts writes it there); the
// assertions are the claims that page makes, and each could fail.
import { describe, expect, it } from '@jest/globals'
import {
  BASELINE,
  BLUE_RATES,
  GREEN_SHARES,
  STEP_SIZES,
  TABLE_RUNS,
  TABLE_SEED,
  mulberry32,
  renderGrid,
  simulateGrid,
  type Cell
} from '../../../scripts/lib/gate-simulation.js'
import { failureCurve } from '../../../src/guard/gate/rule.js'

// 5000 runs a cell, 72 cells: about 2 s. A rate near 5 % is within ±0.6 % (2 σ).
const RUNS = TABLE_RUNS
const SEED = TABLE_SEED

const rate = (c: Cell): number => c.failed / c.runs

describe('the gate, simulated', () => {
  it('mulberry32 is seeded: the same seed, the same numbers, in [0, 1)', () => {
    const a = mulberry32(7)
    const b = mulberry32(7)
    const first = [a(), a(), a()]
    expect([b(), b(), b()]).toStrictEqual(first)
    expect(first.every(v => v >= 0 && v < 1)).toBe(true)
    expect(mulberry32(8)()).not.toBe(first[0])
  })

  it('false positives stay under 1 % at any blue rate, not only the simulated ones (exact)', () => {
    // Under "green as blue" the share does not matter: the step's rate is blue's.
    const worst = [0.05, 0.2, 0.5].map(
      blueRate =>
        failureCurve(
          { baselineAnswered: BASELINE, blueRate, greenRate: blueRate, greenShare: 1 },
          240
        )[240]!
    )
    expect(worst.map(p => p > 0 && p <= 0.01)).toStrictEqual([true, true, true])
  })

  it('what the page says of the other choices: a baseline of 240, an alpha of 0.005 (exact)', () => {
    const early = { blueRate: 0, greenRate: 0.3, greenShare: 0.25 }
    expect(failureCurve({ ...early, baselineAnswered: 240 }, 240)[240]).toBeGreaterThanOrEqual(0.99)
    const looser = { alpha: 0.005, minSamples: 20, maxErrorShare: 0.5 }
    const good = { baselineAnswered: BASELINE, blueRate: 0.5, greenRate: 0.5, greenShare: 1 }
    expect(failureCurve(good, 240, looser)[240]).toBeGreaterThan(0.01)
  })

  it('prints the table, and the claims of docs/gate-rule.md hold', () => {
    const cells = simulateGrid(RUNS, SEED)
    console.log(
      `Gate failure rate (simulated, ${RUNS} runs a cell; exact in brackets), baseline ${BASELINE}:\n\n${renderGrid(cells)}`
    )
    expect(cells).toHaveLength(BLUE_RATES.length * 3 * GREEN_SHARES.length * STEP_SIZES.length)

    // The simulation and the exact computation agree (each checks the other): within 4 σ.
    const apart = cells.filter(
      c => Math.abs(rate(c) - c.exact) > 4 * Math.sqrt((c.exact * (1 - c.exact)) / c.runs) + 0.002
    )
    expect(apart).toStrictEqual([])

    // False positives: green as good as blue fails under 1 % of steps, every look included.
    const fp = cells.filter(c => c.greenRate === c.blueRate)
    expect(fp.filter(c => rate(c) > 0.01 || c.exact > 0.01)).toStrictEqual([])

    // Power: green at 30 % taking all the traffic is caught by 95 % of steps of 60 answers when
    // blue is clean, of 120 when blue mismatches 2 %; at 30 answers it is not yet.
    const bad = (blue: number, g: number, n: number): Cell =>
      cells.find(
        c => c.blueRate === blue && c.greenRate === 0.3 && c.greenShare === g && c.answered === n
      )!
    expect([60, 120, 240].map(n => rate(bad(0, 1, n)) >= 0.95)).toStrictEqual([true, true, true])
    expect([120, 240].map(n => rate(bad(0.02, 1, n)) >= 0.95)).toStrictEqual([true, true])
    expect([bad(0, 1, 30), bad(0.02, 1, 30)].map(c => c.exact < 0.95)).toStrictEqual([true, true])

    // The limit: at 25 % traffic green at 30 % makes a 7.5 % step rate, which 0 mismatches of 60
    // baseline answers cannot tell from blue at α = 0.001 (it takes over 11 %). Under 15 % of
    // steps catch it, however long: a bigger baseline, or the later steps, must.
    expect(STEP_SIZES.map(n => rate(bad(0, 0.25, n)) < 0.15)).toStrictEqual(
      STEP_SIZES.map(() => true)
    )
  })
})
