#!/usr/bin/env node
// How long the tests take on this machine, measured, never typed: `npm run test:unit` and
// `npm test` run several times each (wall time, tests passed and failed), optionally `npm test`
// once per Jest worker count, into reports/test-timings.json (and the commit it ran on into
// reports/measured.json); the development page docs/testing.md is rendered from that file.
// Usage: node scripts/test-timings.mjs --measure [--runs 3] [--sweep 1,2,4,6,8]
//        node scripts/test-timings.mjs            print the section
//        node scripts/test-timings.mjs --write    rewrite it in docs/testing.md between the markers
//        node scripts/test-timings.mjs --check    exit 1 when docs/testing.md is out of date
import { spawnSync } from 'node:child_process'
import { cpus } from 'node:os'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { record } from './figures.mjs'
import { replaceBetween, writeOrCheck } from './lib/readme-section.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
export const START = '<!-- test-timings:start -->'
export const END = '<!-- test-timings:end -->'
export const RESULTS = 'reports/test-timings.json'
export const PAGE = 'docs/testing.md'
export const TARGETS = { unit: 20, full: 150 }

/** `9 s`, `2 min 5 s`. */
export function duration(seconds) {
  const total = Math.round(seconds)
  const minutes = Math.floor(total / 60)
  const rest = total % 60
  if (minutes === 0) return `${rest} s`
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`
}

const runsCell = runs => runs.map(r => duration(r.seconds)).join(', ')
const testsCell = runs => {
  const counts = [...new Set(runs.map(r => r.passed + r.failed))]
  return counts.join(' / ')
}
const failedCell = runs => {
  const failed = runs.reduce((sum, r) => sum + r.failed + (r.suitesFailed ?? 0), 0)
  return failed === 0
    ? 'none'
    : `${failed} in ${runs.filter(r => r.failed + (r.suitesFailed ?? 0) > 0).length} of ${runs.length} runs`
}
/** The median run's seconds (the middle one; the mean of the two middle ones). */
export function median(runs) {
  const sorted = runs.map(r => r.seconds).sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
const verdict = (runs, limit) => (median(runs) <= limit ? 'met' : 'not met')

/** The page's section, from the measured results. */
export function render(results) {
  const { unit, full } = results
  const lines = [
    `Measured by \`node scripts/test-timings.mjs --measure\` on ${results.date.slice(0, 10)}, ${results.cpus} × ${results.cpu}, ${results.node} (the Node that npm scripts run here), on a machine shared with other work: wall times vary from run to run; what the tests see does not (stepped time).`,
    '',
    '| Command | Tests | Wall time, each run | Median | Failed tests | Target (median) |',
    '|---|---|---|---|---|---|',
    `| \`npm run test:unit\` | ${testsCell(unit.runs)} | ${runsCell(unit.runs)} | ${duration(median(unit.runs))} | ${failedCell(unit.runs)} | ${duration(TARGETS.unit)}: ${verdict(unit.runs, TARGETS.unit)} |`,
    `| \`npm test\` (${full.workers} workers) | ${testsCell(full.runs)} | ${runsCell(full.runs)} | ${duration(median(full.runs))} | ${failedCell(full.runs)} | ${duration(TARGETS.full)}: ${verdict(full.runs, TARGETS.full)} |`
  ]
  if (results.sweep?.length) {
    lines.push(
      '',
      `\`npm test\` by the number of Jest workers (\`JEST_WORKERS=n npm test\`), one run each on the same machine:`,
      '',
      '| Workers | Wall time | Failed tests |',
      '|---|---|---|',
      ...results.sweep.map(
        s =>
          `| ${s.workers}${s.workers === full.workers ? ' (the setting)' : ''} | ${duration(s.seconds)} | ${failedCell([s])} |`
      )
    )
  }
  return lines.join('\n')
}

/** One timed run of an npm script with Jest's JSON results. */
function timedRun(script, env = {}) {
  const out = `${root}reports/.jest-timing.json`
  rmSync(out, { force: true })
  const started = process.hrtime.bigint()
  const result = spawnSync('npm', ['run', script, '--', '--json', `--outputFile=${out}`], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024
  })
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  let passed = 0
  let failed = 0
  let suitesFailed = 0
  try {
    const json = JSON.parse(readFileSync(out, 'utf8'))
    passed = json.numPassedTests
    failed = json.numFailedTests
    suitesFailed = json.numRuntimeErrorTestSuites ?? 0
  } catch {
    suitesFailed = 1
  }
  rmSync(out, { force: true })
  const run = { seconds: Math.round(seconds * 10) / 10, passed, failed, suitesFailed }
  console.error(
    `${script}${env.JEST_WORKERS ? ` (${env.JEST_WORKERS} workers)` : ''}: ${duration(seconds)}, ${passed} passed, ${failed} failed, exit ${result.status}`
  )
  if (result.status !== 0) console.error(result.stderr.split('\n').slice(-40).join('\n'))
  return run
}

function nodeVersion() {
  const r = spawnSync('npm', ['exec', '--', 'node', '--version'], { cwd: root, encoding: 'utf8' })
  return `Node ${r.stdout.trim().replace(/^v/, '')}`
}

function measure(args) {
  const at = name => {
    const i = args.indexOf(name)
    return i >= 0 ? args[i + 1] : undefined
  }
  const runs = Number(at('--runs') ?? 3)
  const sweep = (at('--sweep') ?? '').split(',').filter(Boolean).map(Number)
  const config = readFileSync(`${root}jest.config.js`, 'utf8')
  const workers = Number(/JEST_WORKERS \?\? (\d+)/.exec(config)?.[1] ?? NaN)
  const results = {
    date: new Date().toISOString(),
    cpu: cpus()[0]?.model ?? 'unknown CPU',
    cpus: cpus().length,
    node: nodeVersion(),
    unit: { runs: [] },
    full: { workers, runs: [] },
    sweep: []
  }
  for (let i = 0; i < runs; i++) results.unit.runs.push(timedRun('test:unit'))
  for (let i = 0; i < runs; i++) results.full.runs.push(timedRun('test'))
  for (const n of sweep) {
    results.sweep.push({ workers: n, ...timedRun('test', { JEST_WORKERS: String(n) }) })
  }
  mkdirSync(`${root}reports`, { recursive: true })
  writeFileSync(`${root}${RESULTS}`, `${JSON.stringify(results, null, 2)}\n`)
  record('test-timings')
  return results
}

export const replaceSection = (readme, section) => replaceBetween(readme, START, END, section)

export const readResults = () => JSON.parse(readFileSync(`${root}${RESULTS}`, 'utf8'))

function main() {
  const args = process.argv.slice(2)
  const mode = args[0]
  const results = mode === '--measure' ? measure(args) : readResults()
  const section = render(results)
  if (mode === undefined) {
    console.log(section)
    return
  }
  if (mode === '--write' || mode === '--measure' || mode === '--check') {
    writeOrCheck({
      readmePath: `${root}${PAGE}`,
      start: START,
      end: END,
      section,
      write: mode !== '--check',
      what: 'Test timings',
      from: `${RESULTS}`,
      command: 'node scripts/test-timings.mjs --write'
    })
    return
  }
  console.error(
    'Usage: node scripts/test-timings.mjs [--measure [--runs n] [--sweep a,b] | --write | --check]'
  )
  process.exit(2)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main()
