// docs/mutation.md's mutation scores and docs/testing.md's test timings and flake hunt are generated,
// never typed: each section is what its script renders from the committed results, the scripts
// count and judge as they say, and a figure measured on an older commit than its inputs is stale.
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
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
  PAGE: string
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
  replaceSection: (page: string, section: string) => string | undefined
}
const timings = (await import(join(ROOT, 'scripts/test-timings.mjs'))) as {
  START: string
  END: string
  duration: (seconds: number) => string
  median: (runs: { seconds: number }[]) => number
  render: (results: unknown) => string
  readResults: () => unknown
  replaceSection: (readme: string, section: string) => string | undefined
}
const stress = (await import(join(ROOT, 'scripts/test-stress.mjs'))) as {
  START: string
  END: string
  RESULTS: string
  render: (results: unknown) => string
}
const figures = (await import(join(ROOT, 'scripts/figures.mjs'))) as {
  FIGURES: Record<string, { inputs: string[]; command: string }>
  readManifest: () => Record<string, { commit: string; dirty: boolean }>
  staleness: (
    figure: string,
    manifest: Record<string, { commit: string; dirty: boolean }>
  ) => string | undefined
}
const { replaceBetween } = (await import(join(ROOT, 'scripts/lib/readme-section.mjs'))) as {
  replaceBetween: (text: string, start: string, end: string, section: string) => string | undefined
}
const { slowest } = (await import(join(ROOT, 'scripts/slowest-tests.mjs'))) as {
  slowest: (
    results: { testResults: { name: string; startTime: number; endTime: number }[] },
    count: number,
    root: string
  ) => [string, number][]
}

const mutationPage = readFileSync(join(ROOT, scores.PAGE), 'utf8')
const testingPage = readFileSync(join(ROOT, 'docs', 'testing.md'), 'utf8')

const at = (line: number, column: number) => ({ line, column })
const mutant = (status: string, line = 1, replacement = 'false'): Mutant => ({
  status,
  mutatorName: 'BooleanLiteral',
  replacement,
  location: { start: at(line, 11), end: at(line, 15) }
})

describe('the generated sections are what the scripts render from the committed results', () => {
  it('mutation scores (docs/mutation.md): from reports/stryker-incremental.json and stryker.survivors.json', () => {
    expect(scores.PAGE).toBe('docs/mutation.md')
    const { report, reasonList } = scores.readInputs()
    const section = scores.render(report, scores.reasonsByKey(reasonList))
    expect(scores.replaceSection(mutationPage, section)).toBe(mutationPage)
  })

  it('test timings (docs/testing.md): from reports/test-timings.json', () => {
    const section = timings.render(timings.readResults())
    expect(timings.replaceSection(testingPage, section)).toBe(testingPage)
  })

  it('the flake hunt (docs/testing.md): from reports/test-stress.json, or not measured yet', () => {
    const path = join(ROOT, stress.RESULTS)
    const section = existsSync(path)
      ? stress.render(JSON.parse(readFileSync(path, 'utf8')) as unknown)
      : 'Not measured yet.'
    expect(replaceBetween(testingPage, stress.START, stress.END, section)).toBe(testingPage)
  })
})

describe('measured figures record their commit', () => {
  const head = spawnSync('git', ['rev-parse', 'HEAD'], {
    cwd: ROOT,
    encoding: 'utf8'
  }).stdout.trim()

  it('every figure is listed with its inputs and the command that measures it', () => {
    expect(Object.keys(figures.FIGURES).sort()).toEqual([
      'bench',
      'bench-concurrency',
      'mutation',
      'test-stress',
      'test-timings'
    ])
    for (const figure of Object.values(figures.FIGURES)) {
      expect(figure.inputs.length).toBeGreaterThan(0)
      expect(figure.command).toMatch(/^(npm|node) /)
    }
  })

  it('a figure measured on this commit is fresh; unmeasured, dirty or unknown ones are stale', () => {
    const at = (commit: string, dirty = false) => ({ 'test-timings': { commit, dirty } })
    expect(figures.staleness('test-timings', at(head))).toBeUndefined()
    expect(figures.staleness('test-timings', {})).toBe('never measured')
    expect(figures.staleness('test-timings', at(head, true))).toMatch(/uncommitted changes/)
    expect(figures.staleness('test-timings', at('0'.repeat(40)))).toMatch(
      /a commit this clone does not have/
    )
  })

  it('a figure measured before its inputs changed is stale, naming them', () => {
    // The first commit that has jest.config.js: every test input changed since.
    const first = spawnSync('git', ['rev-list', '--max-parents=0', 'HEAD'], {
      cwd: ROOT,
      encoding: 'utf8'
    }).stdout.trim()
    expect(
      figures.staleness('test-timings', { 'test-timings': { commit: first, dirty: false } })
    ).toMatch(/^\d+ input file\(s\) changed since [0-9a-f]{7} \(/)
  })
})

describe('the slowest test files', () => {
  it('slowest first, relative to the repository, as many as asked', () => {
    const result = (name: string, seconds: number) => ({
      name: `/repo/${name}`,
      startTime: 1000,
      endTime: 1000 + seconds * 1000
    })
    const rows = slowest(
      { testResults: [result('a.test.ts', 2), result('b.test.ts', 9.5), result('c.test.ts', 4)] },
      2,
      '/repo'
    )
    expect(rows).toEqual([
      ['b.test.ts', 9.5],
      ['c.test.ts', 4]
    ])
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
    expect(text).toContain('| `npm run test:unit` | 600 | 8 s | 8 s | none | 20 s: met |')
    expect(text).toContain(
      '| `npm test` (6 workers) | 1000 | 2 min 20 s, 2 min 40 s | 2 min 30 s | 1 in 1 of 2 runs | 2 min 30 s: met |'
    )
  })

  it('the target is judged on the median run', () => {
    const runs = (seconds: number[]) => seconds.map(s => ({ seconds: s }))
    expect(timings.median(runs([140, 200, 150]))).toBe(150)
    expect(timings.median(runs([100, 160]))).toBe(130)
    expect(timings.median(runs([151]))).toBe(151)
  })
})

describe('the flake hunt', () => {
  it('counts each test that failed in any run once, with the fastest, median and slowest run', () => {
    const text = stress.render({
      date: '2026-12-06T01:00:00.000Z',
      cpu: 'CPU',
      cpus: 2,
      hogs: 2,
      workers: 'default',
      runs: [
        { seconds: 100, passed: 10, failed: 1, failures: ['a.test.ts: flaky one'] },
        { seconds: 130, passed: 11, failed: 0, failures: [] },
        { seconds: 120, passed: 10, failed: 1, failures: ['a.test.ts: flaky one'] }
      ]
    })
    expect(text).toContain('| 3 | 11 | 1 | 1 min 40 s, 2 min, 2 min 10 s |')
    expect(text).toContain('- a.test.ts: flaky one')
  })
})

describe("docs/gate-rule.md's tables", () => {
  it('are what the simulation of the gate rule gives (scripts/gate-rule-table.ts --check)', () => {
    const check = spawnSync('npx', ['tsx', 'scripts/gate-rule-table.ts', '--check'], {
      cwd: ROOT,
      encoding: 'utf8'
    })
    expect({ status: check.status, out: check.stdout.trim() }).toStrictEqual({
      status: 0,
      out: "gate-rule.md's gate rule tables match the simulation."
    })
  })
})
