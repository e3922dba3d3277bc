// The README's mutation scores and test timings are generated, never typed: each section is what
// its script renders from the committed results, and the scripts count and judge as they say.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../../scripts/lib/action-runner.js'

interface Mutant {
  status: string
  mutatorName: string
  replacement?: string
  location: { start: { line: number; column: number }; end: { line: number; column: number } }
}
interface Report {
  files: Record<string, { source: string; mutants: Mutant[] }>
  framework?: { version?: string }
}
interface Reason {
  file: string
  mutator: string
  original: string
  replacement: string
  why: string
}

const scores = (await import(join(ROOT, 'scripts/mutation-scores.mjs'))) as {
  START: string
  END: string
  tally: (mutants: Mutant[]) => {
    mutants: number
    killed: number
    timeout: number
    survived: number
    noCoverage: number
    errors: number
    score: number
  }
  target: (file: string) => number
  render: (report: Report, reasons: Map<string, string>) => string
  reasonsByKey: (list: Reason[]) => Map<string, string>
  targetProblems: (report: Report, reasons: Map<string, string>) => string[]
  originalText: (source: string, location: Mutant['location']) => string
  readInputs: () => { report: Report; reasonList: Reason[] }
  replaceSection: (readme: string, section: string) => string | undefined
}
const timings = (await import(join(ROOT, 'scripts/test-timings.mjs'))) as {
  START: string
  END: string
  duration: (seconds: number) => string
  render: (results: unknown) => string
  readResults: () => unknown
  replaceSection: (readme: string, section: string) => string | undefined
}

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')

const at = (line: number, column: number) => ({ line, column })
const mutant = (status: string, line = 1, replacement = 'false'): Mutant => ({
  status,
  mutatorName: 'BooleanLiteral',
  replacement,
  location: { start: at(line, 11), end: at(line, 15) }
})

describe('the README sections are what the scripts render from the committed results', () => {
  it('mutation scores: from reports/stryker-incremental.json and stryker.survivors.json', () => {
    const { report, reasonList } = scores.readInputs()
    const section = scores.render(report, scores.reasonsByKey(reasonList))
    expect(scores.replaceSection(readme, section)).toBe(readme)
  })

  it('test timings: from reports/test-timings.json', () => {
    const section = timings.render(timings.readResults())
    expect(timings.replaceSection(readme, section)).toBe(readme)
  })
})

describe('mutation scores', () => {
  it('counts killed and timed-out mutants as detected, leaves errors and ignored ones out', () => {
    const t = scores.tally([
      mutant('Killed'),
      mutant('Killed'),
      mutant('Timeout'),
      mutant('Survived'),
      mutant('NoCoverage'),
      mutant('RuntimeError'),
      mutant('CompileError'),
      mutant('Ignored')
    ])
    expect(t).toEqual({
      mutants: 8,
      killed: 2,
      timeout: 1,
      survived: 1,
      noCoverage: 1,
      errors: 2,
      score: 60
    })
    expect(scores.tally([]).score).toBe(100)
  })

  it('holds the verdict core to 90 % and the rest to 80 %', () => {
    for (const file of [
      'src/verdict.ts',
      'src/watch/reducer.ts',
      'src/watch/schedule.ts',
      'src/rollout-policy.ts'
    ]) {
      expect(scores.target(file)).toBe(90)
    }
    expect(scores.target('src/plan.ts')).toBe(80)
  })

  const source = 'const a = true\n'
  const report = (mutants: Mutant[]): Report => ({
    files: { 'src/x.ts': { source, mutants } },
    framework: { version: '9.6.1' }
  })

  it('the table row of a file, its score under the target marked, and each survivor with its reason', () => {
    const r = report([...Array<Mutant>(8).fill(mutant('Killed')), mutant('Survived')])
    expect(scores.originalText(source, r.files['src/x.ts']!.mutants[8]!.location)).toBe('true')
    const reasons = scores.reasonsByKey([
      {
        file: 'src/x.ts',
        mutator: 'BooleanLiteral',
        original: 'true',
        replacement: 'false',
        why: 'never read'
      }
    ])
    const text = scores.render(r, reasons)
    expect(text).toContain('| `src/x.ts` | 9 | 8 | 0 | 1 | 0 | 0 | 88.8 % | ≥ 80 % ✅ |')
    expect(text).toContain('| `src/x.ts:1` | BooleanLiteral: `true` → `false` | never read |')
    expect(scores.targetProblems(r, reasons)).toEqual([])
  })

  it('a survivor with no reason and a file under its target are problems', () => {
    const r = report([mutant('Killed'), mutant('Survived')])
    const text = scores.render(r, new Map())
    expect(text).toContain('| 50.0 % | ≥ 80 % ❌ |')
    expect(text).toContain('not judged yet')
    expect(text).toContain('1 of them are not judged yet')
    expect(scores.targetProblems(r, new Map())).toEqual([
      'src/x.ts: mutation score 50.0 % is under 80 %',
      'src/x.ts:1: BooleanLiteral "true" → "false" survives with no reason in stryker.survivors.json'
    ])
  })
})

describe('test timings', () => {
  it('durations as a person reads them', () => {
    expect(timings.duration(9.4)).toBe('9 s')
    expect(timings.duration(60)).toBe('1 min')
    expect(timings.duration(125)).toBe('2 min 5 s')
  })

  it('each run, the failures and the target met or not', () => {
    const text = timings.render({
      date: '2026-12-02T03:00:00.000Z',
      cpu: 'CPU',
      cpus: 2,
      node: 'Node 20.19.0',
      unit: { runs: [{ seconds: 8.2, passed: 600, failed: 0, suitesFailed: 0 }] },
      full: {
        workers: 6,
        runs: [
          { seconds: 140, passed: 999, failed: 1, suitesFailed: 0 },
          { seconds: 160, passed: 1000, failed: 0, suitesFailed: 0 }
        ]
      },
      sweep: []
    })
    expect(text).toContain('| `npm run test:unit` | 600 | 8 s | none | under 20 s ✅ |')
    expect(text).toContain(
      '| `npm test` (6 workers) | 1000 | 2 min 20 s, 2 min 40 s | 1 in 1 of 2 runs | under 2 min 30 s ❌ |'
    )
  })
})
