// The gate's rule run as the gate will run it, many times over, seeded: a baseline of blue
// answers, then one step whose answers SageMaker splits between blue and green, the rule looked
// at after every answer from MIN_SAMPLES on (the gate fails at the first p < ALPHA). Counts how
// often the step fails: the false-positive rate when green is as good as blue, the power when it
// is worse. Used by __tests__/guard/gate/power.test.ts (which asserts on it) and
// scripts/gate-rule-table.ts (which writes docs/gate-rule.md).
import { answersToDetect, criticalMismatches, failureCurve } from '../../src/guard/gate/rule.js'

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  // Math looked up once: under jest's vm context every global lookup is slow (16 s against 1 s).
  const imul = Math.imul
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = imul(t ^ (t >>> 15), t | 1)
    t ^= t + imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** The runs a cell and the seed of the published table (the test and docs/gate-rule.md). */
export const TABLE_RUNS = 5000
export const TABLE_SEED = 20260501

export const BASELINE = 60
export const STEP_SIZES = [30, 60, 120, 240] as const
export const GREEN_SHARES = [0.25, 0.5, 1] as const
export const BLUE_RATES = [0, 0.02] as const
/** Green's rates: as blue's (the false positives), then worse. */
export const GREEN_RATES = (blue: number): number[] => [blue, 0.1, 0.3]

export interface Cell {
  readonly blueRate: number
  readonly greenRate: number
  readonly greenShare: number
  readonly answered: number
  readonly runs: number
  /** Runs the gate failed within `answered` answers (simulated). */
  readonly failed: number
  /** The same chance computed exactly (failureCurve). */
  readonly exact: number
}

/** The whole grid, every cell `runs` times from one seed. */
export function simulateGrid(runs: number, seed: number): Cell[] {
  const random = mulberry32(seed)
  const maxAnswered = Math.max(...STEP_SIZES)
  // The critical counts by baseline count, filled the first time that count is drawn: the fewest
  // mismatches by each answer that fail the step (beyond any count when none can).
  const critical: Int32Array[] = []
  const table = (x0: number): Int32Array => {
    let row = critical[x0]
    if (!row) {
      row = new Int32Array(maxAnswered + 1).fill(maxAnswered + 1)
      for (let m = 1; m <= maxAnswered; m++) {
        row[m] = criticalMismatches(x0, BASELINE, m) ?? maxAnswered + 1
      }
      critical[x0] = row
    }
    return row
  }
  const cells: Cell[] = []
  for (const blueRate of BLUE_RATES) {
    for (const greenRate of GREEN_RATES(blueRate)) {
      for (const greenShare of GREEN_SHARES) {
        const curve = failureCurve(
          { baselineAnswered: BASELINE, blueRate, greenRate, greenShare },
          maxAnswered
        )
        for (const answered of STEP_SIZES) {
          let failed = 0
          for (let run = 0; run < runs; run++) {
            let x0 = 0
            for (let i = 0; i < BASELINE; i++) if (random() < blueRate) x0++
            const crit = table(x0)
            let x = 0
            for (let m = 1; m <= answered; m++) {
              const rate = random() < greenShare ? greenRate : blueRate
              if (random() < rate) x++
              if (x >= crit[m]!) {
                failed++
                break
              }
            }
          }
          cells.push({
            blueRate,
            greenRate,
            greenShare,
            answered,
            runs,
            failed,
            exact: curve[answered]!
          })
        }
      }
    }
  }
  return cells
}

const pct = (r: number): string => `${(r * 100).toFixed(1)} %`

/** The grid as a markdown table: one row per (blue, green, share), one column per step size. */
export function renderGrid(cells: readonly Cell[]): string {
  const head = `| blue rate | green rate | green share | ${STEP_SIZES.map(n => `n = ${n}`).join(' | ')} |`
  const rule = `|---|---|---|${STEP_SIZES.map(() => '---|').join('')}`
  const rows: string[] = []
  for (const blueRate of BLUE_RATES) {
    for (const greenRate of GREEN_RATES(blueRate)) {
      for (const greenShare of GREEN_SHARES) {
        const row = STEP_SIZES.map(n => {
          const c = cells.find(
            c =>
              c.blueRate === blueRate &&
              c.greenRate === greenRate &&
              c.greenShare === greenShare &&
              c.answered === n
          )!
          return `${pct(c.failed / c.runs)} (${pct(c.exact)})`
        })
        const what = greenRate === blueRate ? ' (as blue)' : ''
        rows.push(
          `| ${pct(blueRate)} | ${pct(greenRate)}${what} | ${pct(greenShare)} | ${row.join(' | ')} |`
        )
      }
    }
  }
  return [head, rule, ...rows].join('\n')
}

export const DETECT_GREEN_RATES = [0.05, 0.1, 0.2, 0.3, 0.5, 1] as const
export const DETECT_SHARES = [0.1, 0.25, 0.5, 1] as const

/** Answers a step needs to fail green with 95 % confidence (exact), blue at `blueRate`. */
export function renderDetection(blueRate: number, maxAnswered = 1000): string {
  const head = `| green rate | ${DETECT_SHARES.map(g => `share ${pct(g)}`).join(' | ')} |`
  const rule = `|---|${DETECT_SHARES.map(() => '---|').join('')}`
  const rows = DETECT_GREEN_RATES.map(greenRate => {
    const cells = DETECT_SHARES.map(greenShare => {
      const m = answersToDetect(
        { baselineAnswered: BASELINE, blueRate, greenRate, greenShare },
        0.95,
        maxAnswered
      )
      return m === undefined ? `> ${maxAnswered}` : String(m)
    })
    return `| ${pct(greenRate)} | ${cells.join(' | ')} |`
  })
  return [head, rule, ...rows].join('\n')
}
