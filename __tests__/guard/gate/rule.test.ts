// The gate's statistical rule: the Fisher p-value against an exact enumeration, the verdicts and
// their texts, the errors rule, and the properties the rule must keep whatever the counts.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import {
  RULE,
  answersToDetect,
  criticalMismatches,
  failureCurve,
  fisherOneSidedP,
  formatP,
  judge,
  logFactorial
} from '../../../src/guard/gate/rule.js'
import { announceSeeds, propertySeeds } from '../../helpers/seeds.js'

const SEEDS = propertySeeds()
announceSeeds('guard/gate/rule.test.ts', SEEDS)

function choose(n: number, k: number): bigint {
  if (k < 0 || k > n) return 0n
  let c = 1n
  for (let i = 1; i <= k; i++) c = (c * BigInt(n - k + i)) / BigInt(i)
  return c
}

/** P(X ≥ x) by summing the hypergeometric pmf in exact integers: scipy's fisher_exact 'greater'. */
function bruteP(x0: number, n0: number, x: number, n: number): number {
  const total = n + n0
  const bad = x + x0
  let num = 0n
  for (let k = x; k <= Math.min(n, bad); k++) num += choose(bad, k) * choose(total - bad, n - k)
  const den = choose(total, n)
  const scale = 10n ** 40n
  return Number((num * scale) / den) / 1e40
}

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(a, b)

describe('fisherOneSidedP', () => {
  it('6 of 30 against 0 of 60: 0.000954 (scipy: fisher_exact([[6, 24], [0, 60]], "greater"))', () => {
    const p = fisherOneSidedP(0, 60, 6, 30)
    expect(close(p, bruteP(0, 60, 6, 30))).toBe(true)
    expect(p.toPrecision(4)).toBe('0.0009537')
  })

  it('matches an exact enumeration over small tables, both sides of the mode', () => {
    const cases = [
      [0, 60, 5, 20],
      [1, 60, 8, 30],
      [3, 60, 2, 60],
      [10, 60, 14, 60],
      [2, 20, 9, 25],
      [59, 60, 30, 30],
      [30, 60, 1, 120],
      [5, 60, 40, 240]
    ] as const
    const got = cases.map(([x0, n0, x, n]) =>
      close(fisherOneSidedP(x0, n0, x, n), bruteP(x0, n0, x, n))
    )
    expect(got).toStrictEqual(cases.map(() => true))
  })

  it('matches the enumeration beyond the log-factorial table (Stirling)', () => {
    const cases = [
      [30, 1500, 55, 1500],
      [12, 2000, 40, 1800],
      [900, 2000, 1000, 2000]
    ] as const
    const got = cases.map(([x0, n0, x, n]) =>
      close(fisherOneSidedP(x0, n0, x, n), bruteP(x0, n0, x, n))
    )
    expect(got).toStrictEqual(cases.map(() => true))
  })

  it('ln(k!) is exact at both ends of the table and beyond', () => {
    const exact = (k: number): number => {
      let s = 0
      for (let i = 2; i <= k; i++) s += Math.log(i)
      return s
    }
    expect([0, 1, 2].map(logFactorial)).toStrictEqual([0, 0, Math.log(2)])
    // 1 − P(X = 0) = 1 − (60·59·58)/(90·89·88), by hand
    expect(fisherOneSidedP(2, 60, 1, 30)).toBeCloseTo(1 - 205320 / 704880, 12)
    for (const k of [10, 1023, 1024, 1025, 5000]) {
      expect(Math.abs(logFactorial(k) - exact(k))).toBeLessThan(1e-8)
    }
  })

  it('no mismatch in the step: p = 1', () => {
    expect([fisherOneSidedP(0, 60, 0, 30), fisherOneSidedP(5, 60, 0, 30)]).toStrictEqual([1, 1])
  })

  it('no baseline: p = 1 (nothing to compare with)', () => {
    expect([fisherOneSidedP(0, 0, 30, 30), fisherOneSidedP(0, 0, 3, 30)]).toStrictEqual([1, 1])
  })

  it('every answer mismatched on both sides: p = 1; only in the step: as small as C(n, n) allows', () => {
    expect(fisherOneSidedP(60, 60, 30, 30)).toBe(1)
    const p = fisherOneSidedP(0, 60, 30, 30)
    expect(close(p, bruteP(0, 60, 30, 30))).toBe(true)
    expect(p).toBeGreaterThan(0)
  })

  it('stays finite and sensible at n = 100000 a side', () => {
    const even = fisherOneSidedP(1000, 100000, 1000, 100000)
    const worse = fisherOneSidedP(1000, 100000, 1300, 100000)
    const better = fisherOneSidedP(1000, 100000, 800, 100000)
    expect(even).toBeGreaterThan(0.4)
    expect(even).toBeLessThan(0.6)
    expect(worse).toBeGreaterThan(0)
    expect(worse).toBeLessThan(1e-6)
    expect(better).toBeGreaterThan(0.9999)
    expect(better).toBeLessThanOrEqual(1)
  })

  it('refuses counts that are not counts, naming which', () => {
    expect(() => fisherOneSidedP(3, 2, 0, 10)).toThrow('baseline: 3 mismatches of 2 answers')
    expect(() => fisherOneSidedP(0, 10, -1, 10)).toThrow('step: -1 mismatches of 10 answers')
    expect(() => fisherOneSidedP(0, 10, 1.5, 10)).toThrow('step: 1.5 mismatches')
  })
})

describe('criticalMismatches', () => {
  it('the fewest mismatches that fail: 5 of 20 and 6 of 30 against a clean 60', () => {
    expect([criticalMismatches(0, 60, 20), criticalMismatches(0, 60, 30)]).toStrictEqual([5, 6])
    expect(fisherOneSidedP(0, 60, 4, 20)).toBeGreaterThanOrEqual(RULE.alpha)
  })

  it('none below MIN_SAMPLES, none when even all mismatched is no evidence', () => {
    expect(criticalMismatches(0, 60, 19)).toBeUndefined()
    expect(criticalMismatches(60, 60, 30)).toBeUndefined()
    expect(criticalMismatches(0, 0, 30)).toBeUndefined()
  })

  it('is where judge turns from pass to fail (the simulation relies on it)', () => {
    const disagreements: string[] = []
    for (const x0 of [0, 1, 3, 10]) {
      for (const n of [20, 21, 45, 120]) {
        const c = criticalMismatches(x0, 60, n)
        for (let x = 0; x <= n; x++) {
          const fails =
            judge({
              baseline: { answered: 60, mismatches: x0 },
              step: { answered: n, mismatches: x },
              errors: 0,
              greenShare: 1
            }).verdict === 'fail'
          if (fails !== (c !== undefined && x >= c)) disagreements.push(`${x0}/60 ${x}/${n}`)
        }
      }
    }
    expect(disagreements).toStrictEqual([])
  })
})

describe('judge', () => {
  it('the example: 14 of 60 at 25 % against a clean 60 fails on mismatches', () => {
    const r = judge({
      baseline: { answered: 60, mismatches: 0 },
      step: { answered: 60, mismatches: 14 },
      errors: 0,
      greenShare: 0.25
    })
    expect(r).toStrictEqual({
      verdict: 'fail',
      reason: 'mismatches',
      pValue: fisherOneSidedP(0, 60, 14, 60),
      baselineRate: 0,
      observedRate: 14 / 60,
      greenRate: 14 / 60 / 0.25,
      text: "14 of 60 answers mismatched (23 %) vs blue's 0 of 60; green alone ≈ 93 % at 25 % traffic; Fisher one-sided p = 2.6e-5 < 0.001: fail"
    })
  })

  it('as many mismatches as blue had: pass, with the p-value said', () => {
    const r = judge({
      baseline: { answered: 60, mismatches: 2 },
      step: { answered: 30, mismatches: 1 },
      errors: 0,
      greenShare: 0.5
    })
    expect(r.verdict).toBe('pass')
    expect(r.reason).toBeUndefined()
    expect(r.text).toBe(
      "1 of 30 answers mismatched (3 %) vs blue's 2 of 60; green alone ≈ 3 % at 50 % traffic; Fisher one-sided p = 0.71 ≥ 0.001: pass"
    )
  })

  it('below MIN_SAMPLES answers: wait, however bad it looks', () => {
    const r = judge({
      baseline: { answered: 60, mismatches: 0 },
      step: { answered: 19, mismatches: 19 },
      errors: 0,
      greenShare: 1
    })
    expect([r.verdict, r.reason, r.pValue]).toStrictEqual(['wait', undefined, undefined])
    expect(r.text).toBe(
      "19 of 19 answers mismatched (100 %) vs blue's 0 of 60; green alone ≈ 100 % at 100 % traffic; 19 answers, 20 needed to judge: wait"
    )
  })

  it('green alone: the mixture unmixed, clamped to 0..1', () => {
    const at = (x0: number, x: number, g: number): number | undefined =>
      judge({
        baseline: { answered: 100, mismatches: x0 },
        step: { answered: 100, mismatches: x },
        errors: 0,
        greenShare: g
      }).greenRate
    expect(at(10, 20, 0.5)).toBeCloseTo(0.3, 12)
    expect(at(10, 5, 0.5)).toBe(0)
    expect(at(0, 60, 0.25)).toBe(1)
    expect(at(10, 20, 0)).toBeUndefined()
  })

  it('no baseline: passes, and says there is nothing to compare with', () => {
    const r = judge({
      baseline: { answered: 0, mismatches: 0 },
      step: { answered: 30, mismatches: 30 },
      errors: 0,
      greenShare: 1
    })
    expect(r.verdict).toBe('pass')
    expect(r.text).toContain("vs blue's 0 of 0 (no baseline: nothing to compare with)")
  })

  it('more than half the attempts unanswered: fail on errors, the gate cannot see', () => {
    const r = judge({
      baseline: { answered: 60, mismatches: 0 },
      step: { answered: 9, mismatches: 0 },
      errors: 11,
      greenShare: 1
    })
    expect([r.verdict, r.reason]).toStrictEqual(['fail', 'errors'])
    expect(r.text).toBe(
      "0 of 9 answers mismatched (0 %) vs blue's 0 of 60; green alone ≈ 0 % at 100 % traffic; 11 of 20 requests got no answer (55 %; errors, not mismatches), more than 50 %: the gate cannot see; 9 answers, 20 needed to judge: fail"
    )
  })

  it('errors: exactly half, or fewer than MIN_SAMPLES attempts, do not fail', () => {
    const at = (answered: number, errors: number): string =>
      judge({
        baseline: { answered: 60, mismatches: 0 },
        step: { answered, mismatches: 0 },
        errors,
        greenShare: 1
      }).verdict
    expect([at(10, 10), at(5, 14), at(20, 3)]).toStrictEqual(['wait', 'wait', 'pass'])
    expect(
      judge({
        baseline: { answered: 60, mismatches: 0 },
        step: { answered: 20, mismatches: 0 },
        errors: 3,
        greenShare: 1
      }).text
    ).toContain('3 of 23 requests got no answer (13 %; errors, not mismatches);')
  })

  it('both fail: mismatches are the reason', () => {
    const r = judge({
      baseline: { answered: 60, mismatches: 0 },
      step: { answered: 20, mismatches: 15 },
      errors: 30,
      greenShare: 1
    })
    expect([r.verdict, r.reason]).toStrictEqual(['fail', 'mismatches'])
  })

  it('refuses what is not a count or a share, naming it', () => {
    const ok = {
      baseline: { answered: 60, mismatches: 0 },
      step: { answered: 20, mismatches: 0 },
      errors: 0,
      greenShare: 1
    }
    expect(() => judge({ ...ok, errors: -1 })).toThrow('errors: -1 is not a count')
    expect(() => judge({ ...ok, greenShare: 1.5 })).toThrow('greenShare: 1.5 is not a share')
    expect(() => judge({ ...ok, greenShare: NaN })).toThrow('greenShare: NaN')
    expect(() => judge({ ...ok, step: { answered: 2, mismatches: 3 } })).toThrow(
      'step: 3 mismatches of 2'
    )
  })

  it('p-values for people', () => {
    expect([1, 0.7213, 0.05, 0.0099, 2.6e-5, 0].map(formatP)).toStrictEqual([
      '1',
      '0.72',
      '0.05',
      '9.9e-3',
      '2.6e-5',
      '0'
    ])
  })
})

describe('the exact failure curve', () => {
  it('a step that mismatches every answer fails at MIN_SAMPLES, surely', () => {
    const curve = failureCurve(
      { baselineAnswered: 60, blueRate: 0, greenRate: 1, greenShare: 1 },
      25
    )
    expect(curve.slice(18, 22)).toStrictEqual([0, 0, 1, 1])
  })

  it('answers to detect: 20 when every green answer is wrong, more at a smaller share', () => {
    const s = { baselineAnswered: 60, blueRate: 0, greenRate: 1, greenShare: 1 }
    expect(answersToDetect(s)).toBe(20)
    expect(answersToDetect({ ...s, greenShare: 0.25 })).toBe(51)
    expect(answersToDetect({ ...s, greenRate: 0.05 }, 0.95, 300)).toBeUndefined()
  })
})

describe('properties', () => {
  const count = fc
    .tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }))
    .map(([a, b]) => ({ answered: Math.max(a, b), mismatches: Math.min(a, b) }))

  it.each(SEEDS)('p is in [0, 1] and does not rise with more mismatches (seed %i)', seed => {
    fc.assert(
      fc.property(count, count, (base, step) => {
        const p = fisherOneSidedP(base.mismatches, base.answered, step.mismatches, step.answered)
        expect(p).toBeGreaterThanOrEqual(0)
        expect(p).toBeLessThanOrEqual(1)
        if (step.mismatches < step.answered) {
          const next = fisherOneSidedP(
            base.mismatches,
            base.answered,
            step.mismatches + 1,
            step.answered
          )
          expect(next).toBeLessThanOrEqual(p + 1e-12)
        }
      }),
      { seed, numRuns: 300 }
    )
  })

  it.each(SEEDS)(
    'never fails on mismatches when the step does no worse than blue (seed %i)',
    seed => {
      fc.assert(
        fc.property(count, count, fc.double({ min: 0, max: 1, noNaN: true }), (base, step, g) => {
          fc.pre(step.mismatches * base.answered <= base.mismatches * step.answered)
          const r = judge({ baseline: base, step, errors: 0, greenShare: g })
          expect(r.verdict).not.toBe('fail')
        }),
        { seed, numRuns: 300 }
      )
    }
  )

  it.each(SEEDS)('errors never turn a fail into a pass (seed %i)', seed => {
    fc.assert(
      fc.property(count, count, fc.integer({ min: 0, max: 1000 }), (base, step, errors) => {
        const without = judge({ baseline: base, step, errors: 0, greenShare: 1 })
        const withErrors = judge({ baseline: base, step, errors, greenShare: 1 })
        if (without.verdict === 'fail')
          expect(withErrors).toMatchObject({ verdict: 'fail', reason: 'mismatches' })
        expect(withErrors.pValue).toStrictEqual(without.pValue)
      }),
      { seed, numRuns: 300 }
    )
  })
})
