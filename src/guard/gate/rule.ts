// Pure: the gate's statistical rule. Before the update the gate sends the golden requests to blue
// alone and counts the answers that mismatch (the baseline); at each traffic step SageMaker sends
// a known share g of them to green, and the gate counts again. The step's mismatch rate is the
// mixture (1 − g)·p_blue + g·p_green, which equals blue's whatever g when green is as good as blue:
// so "is green worse?" is "is the step's rate above the baseline's?", two binomial counts compared
// by a one-sided Fisher exact test. Exact, because the counts are small (tens of requests, often no
// mismatch at all) where the normal approximation is wrong; conditional on the margins, so blue's
// unknown rate drops out. docs/gate-rule.md gives the power and false-positive tables.

import { GATE_MIN_SAMPLES } from './alarm.js'

/** Two counts: requests that got an answer, and how many of those answers mismatched. */
export interface Counts {
  readonly answered: number
  readonly mismatches: number
}

export interface RuleInput {
  /** Before the update: every request on blue. */
  readonly baseline: Counts
  /** This step so far: requests split between blue and green by SageMaker. */
  readonly step: Counts
  /** This step's requests that got no answer (throttled, 5XX, model error, timeout). */
  readonly errors: number
  /** Green's share of the traffic at this step, 0..1. */
  readonly greenShare: number
}

export interface RuleResult {
  readonly verdict: 'pass' | 'fail' | 'wait'
  readonly reason: 'mismatches' | 'errors' | undefined
  /** The one-sided Fisher p-value; undefined while waiting for MIN_SAMPLES answers. */
  readonly pValue: number | undefined
  readonly baselineRate: number
  readonly observedRate: number
  /** Green's own rate as estimated from the mixture; undefined at a green share of 0. */
  readonly greenRate: number | undefined
  readonly text: string
}

/**
 * The rule's constants.
 * - `alpha` 0.001: the gate looks after every answer of a step (up to a few hundred looks), and
 *   a false alarm rolls back a good model; 0.001 per look keeps the false-positive rate of the
 *   whole sequence of looks under 1 % (measured, docs/gate-rule.md), while 6 mismatches in 30
 *   answers against a clean baseline of 60 still fail (p ≈ 0.001).
 * - `minSamples` 20: below it a few unlucky answers decide; at 20 with a clean baseline of 60 the
 *   gate needs 5 mismatches (25 %) to fail, so a broken model is still caught early.
 * - `maxErrorShare` 0.5: when most requests get no answer, the mismatch count says little about
 *   green; the gate fails rather than pass what it cannot see.
 */
export const RULE: Rule = { alpha: 0.001, minSamples: GATE_MIN_SAMPLES, maxErrorShare: 0.5 }

export interface Rule {
  readonly alpha: number
  readonly minSamples: number
  readonly maxErrorShare: number
}

// ln(k!) for small k, summed once; Stirling's series beyond, where it is exact to double precision.
const TABLE_SIZE = 1024
const LOG_FACTORIAL = (() => {
  const table = new Float64Array(TABLE_SIZE)
  for (let k = 2; k < TABLE_SIZE; k++) table[k] = table[k - 1]! + Math.log(k)
  return table
})()

/** ln(k!) for a whole k ≥ 0. */
export function logFactorial(k: number): number {
  if (k < TABLE_SIZE) return LOG_FACTORIAL[k]!
  const k2 = k * k
  return (
    k * Math.log(k) -
    k +
    0.5 * Math.log(2 * Math.PI * k) +
    1 / (12 * k) -
    1 / (360 * k * k2) +
    1 / (1260 * k * k2 * k2)
  )
}

function logChoose(n: number, k: number): number {
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k)
}

function counts(what: string, c: Counts): void {
  const whole = (v: number): boolean => Number.isSafeInteger(v) && v >= 0
  if (!whole(c.answered) || !whole(c.mismatches) || c.mismatches > c.answered) {
    throw new RangeError(
      `${what}: ${c.mismatches} mismatches of ${c.answered} answers are not counts (whole, 0 ≤ mismatches ≤ answered)`
    )
  }
}

/**
 * The one-sided Fisher exact test of x mismatches in n step answers against x0 in n0 baseline
 * answers: P(X ≥ x) for X hypergeometric (n drawn from n + n0 answers of which x + x0 mismatched),
 * scipy's `fisher_exact([[x, n - x], [x0, n0 - x0]], alternative='greater')`. Summed in log space
 * from the end of the tail where the terms shrink, so it neither overflows nor loses small values
 * for n in the hundreds of thousands.
 */
export function fisherOneSidedP(x0: number, n0: number, x: number, n: number): number {
  counts('baseline', { answered: n0, mismatches: x0 })
  counts('step', { answered: n, mismatches: x })
  const total = n + n0
  const bad = x + x0
  const low = Math.max(0, n - (total - bad))
  const high = Math.min(n, bad)
  if (x <= low) return 1
  const logPmf = (k: number): number =>
    logChoose(bad, k) + logChoose(total - bad, n - k) - logChoose(total, n)
  // pmf(k + 1) / pmf(k)
  const up = (k: number): number => ((bad - k) * (n - k)) / ((k + 1) * (total - bad - n + k + 1))
  const mode = Math.floor(((n + 1) * (bad + 1)) / (total + 2))
  if (x > mode) {
    // Upper tail from x: every term smaller than the one before.
    let term = 1
    let sum = 1
    for (let k = x; k < high && term > sum * 1e-17; k++) {
      term *= up(k)
      sum += term
    }
    return Math.min(1, Math.exp(logPmf(x)) * sum)
  }
  // x at or below the mode: 1 − the lower tail below x, summed downward (terms shrink there too).
  let term = 1
  let sum = 1
  for (let k = x - 1; k > low && term > sum * 1e-17; k--) {
    term /= up(k - 1)
    sum += term
  }
  return Math.max(0, Math.min(1, 1 - Math.exp(logPmf(x - 1)) * sum))
}

/**
 * The fewest mismatches among n step answers that fail the gate against x0 of n0 at baseline, or
 * undefined when no count can (n below MIN_SAMPLES, or even n of n is not evidence enough).
 */
export function criticalMismatches(
  x0: number,
  n0: number,
  n: number,
  rule: Rule = RULE
): number | undefined {
  if (n < rule.minSamples) return undefined
  if (fisherOneSidedP(x0, n0, n, n) >= rule.alpha) return undefined
  // p falls as x grows: the smallest failing x by bisection.
  let lo = 0
  let hi = n
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2)
    if (fisherOneSidedP(x0, n0, mid, n) < rule.alpha) hi = mid
    else lo = mid + 1
  }
  return lo
}

function pct(rate: number): string {
  if (rate > 0 && rate < 0.01) return '<1 %'
  if (rate > 0.99 && rate < 1) return '>99 %'
  return `${Math.round(rate * 100)} %`
}

/** A p-value for people: two significant digits, 2.1e-5 below 0.01. */
export function formatP(p: number): string {
  if (p === 0) return '0'
  if (p < 0.01) return p.toExponential(1)
  return String(Number(p.toPrecision(2)))
}

/**
 * The gate's verdict at one look during a step.
 * - `wait` while fewer than MIN_SAMPLES answers are in (unless errors already fail it);
 * - `fail` / 'mismatches' when the Fisher p-value is below ALPHA: the step's answers mismatch
 *   more often than blue's baseline, more than chance explains;
 * - `fail` / 'errors' when over MAX_ERROR_SHARE of at least MIN_SAMPLES attempts got no answer:
 *   the gate cannot see. Errors are not mismatches and never cancel one: they are counted apart,
 *   and can only add a reason to fail. Mismatches win when both fail (the stronger statement).
 * - `pass` otherwise.
 * Green's own rate is estimated as (observed − (1 − g)·baseline) / g, clamped to 0..1: for people
 * only, the test itself needs no g.
 */
export function judge(input: RuleInput): RuleResult {
  const { baseline, step, errors, greenShare: g } = input
  counts('baseline', baseline)
  counts('step', step)
  if (!Number.isSafeInteger(errors) || errors < 0) {
    throw new RangeError(`errors: ${errors} is not a count`)
  }
  if (!(g >= 0 && g <= 1)) throw new RangeError(`greenShare: ${g} is not a share (0..1)`)
  const baselineRate = baseline.answered ? baseline.mismatches / baseline.answered : 0
  const observedRate = step.answered ? step.mismatches / step.answered : 0
  const greenRate =
    g > 0 && step.answered > 0
      ? Math.min(1, Math.max(0, (observedRate - (1 - g) * baselineRate) / g))
      : undefined
  const attempts = step.answered + errors
  const errorsFail = attempts >= RULE.minSamples && errors / attempts > RULE.maxErrorShare
  const enough = step.answered >= RULE.minSamples
  const pValue = enough
    ? fisherOneSidedP(baseline.mismatches, baseline.answered, step.mismatches, step.answered)
    : undefined
  const mismatchFail = pValue !== undefined && pValue < RULE.alpha
  const verdict = mismatchFail || errorsFail ? 'fail' : enough ? 'pass' : 'wait'
  const reason = mismatchFail ? 'mismatches' : errorsFail ? 'errors' : undefined

  const parts = [
    `${step.mismatches} of ${step.answered} answers mismatched (${pct(observedRate)}) vs blue's ${baseline.mismatches} of ${baseline.answered}` +
      (baseline.answered ? '' : ' (no baseline: nothing to compare with)')
  ]
  if (greenRate !== undefined) {
    parts.push(`green alone ≈ ${pct(greenRate)} at ${pct(g)} traffic`)
  }
  if (errors > 0) {
    parts.push(
      `${errors} of ${attempts} requests got no answer (${pct(errors / attempts)}; errors, not mismatches)` +
        (errorsFail ? `, more than ${pct(RULE.maxErrorShare)}: the gate cannot see` : '')
    )
  }
  parts.push(
    pValue === undefined
      ? `${step.answered} answers, ${RULE.minSamples} needed to judge`
      : `Fisher one-sided p = ${formatP(pValue)} ${mismatchFail ? '<' : '≥'} ${RULE.alpha}`
  )
  return {
    verdict,
    reason,
    pValue,
    baselineRate,
    observedRate,
    greenRate,
    text: `${parts.join('; ')}: ${verdict}`
  }
}

// criticalMismatches at m from its value at m − 1, a few p-values away (it moves by a step or so).
function nextCritical(
  x0: number,
  n0: number,
  m: number,
  before: number | undefined,
  rule: Rule
): number | undefined {
  if (before === undefined) return criticalMismatches(x0, n0, m, rule)
  const fails = (x: number): boolean => fisherOneSidedP(x0, n0, x, m) < rule.alpha
  let c = Math.min(before, m)
  while (c > 0 && fails(c - 1)) c--
  while (c <= m && !fails(c)) c++
  return c <= m ? c : undefined
}

/** A scenario for the exact power computation. */
export interface Scenario {
  /** Baseline answers, all on blue. */
  readonly baselineAnswered: number
  readonly blueRate: number
  readonly greenRate: number
  readonly greenShare: number
}

function binomialPmf(n: number, p: number, k: number): number {
  if (p <= 0) return k === 0 ? 1 : 0
  if (p >= 1) return k === n ? 1 : 0
  return Math.exp(logChoose(n, k) + k * Math.log(p) + (n - k) * Math.log1p(-p))
}

/**
 * The chance that the gate has failed a step by its m-th answer, for m = 0..maxAnswered, looking
 * after every answer from MIN_SAMPLES on as it runs, exactly (no simulation): the baseline count
 * weighted by its binomial law, then the step's running count walked forward, the paths that
 * reach the critical count absorbed. Errors left out (a step with no errors).
 */
export function failureCurve(s: Scenario, maxAnswered: number, rule: Rule = RULE): number[] {
  const q = (1 - s.greenShare) * s.blueRate + s.greenShare * s.greenRate
  const n0 = s.baselineAnswered
  const curve = new Array<number>(maxAnswered + 1).fill(0)
  for (let x0 = 0; x0 <= n0; x0++) {
    const weight = binomialPmf(n0, s.blueRate, x0)
    if (weight < 1e-12) continue
    let alive = [1]
    let failed = 0
    let crit: number | undefined
    for (let m = 1; m <= maxAnswered; m++) {
      const next = new Array<number>(alive.length + 1).fill(0)
      alive.forEach((mass, x) => {
        next[x] = next[x]! + mass * (1 - q)
        next[x + 1] = next[x + 1]! + mass * q
      })
      crit = nextCritical(x0, n0, m, crit, rule)
      if (crit !== undefined && crit < next.length) {
        failed += next.slice(crit).reduce((a, b) => a + b, 0)
        next.length = crit
      }
      alive = next
      curve[m] = curve[m]! + weight * failed
    }
  }
  return curve
}

/**
 * The answers a step needs for the gate to fail it with the given confidence (0.95 by default),
 * or undefined when even maxAnswered is not enough: the plan's "time to judge" at the gate's rate.
 */
export function answersToDetect(
  s: Scenario,
  confidence = 0.95,
  maxAnswered = 1000,
  rule: Rule = RULE
): number | undefined {
  const m = failureCurve(s, maxAnswered, rule).findIndex(p => p >= confidence)
  return m < 0 ? undefined : m
}
