#!/usr/bin/env node
// The flake hunt: `npm run test:stress -- --runs 10` runs the whole suite (`npm test`) N times
// with every core kept busy by CPU hogs (one per core unless --hogs says otherwise), and prints
// every test that failed in any run. Results go to reports/test-stress.json; the development page
// (docs/testing.md) shows them (node scripts/test-stress.mjs --write). Exit 1 when any test failed.
//
//   npm run test:stress -- [--runs 10] [--hogs <cores>] [--workers n] [-- <jest args>]
//   node scripts/test-stress.mjs --write | --check    render the page's section from the results
import { spawn, spawnSync } from 'node:child_process'
import { cpus } from 'node:os'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { record } from './figures.mjs'
import { writeOrCheck } from './lib/readme-section.mjs'
import { duration, median } from './test-timings.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
export const RESULTS = 'reports/test-stress.json'
export const PAGE = 'docs/testing.md'
export const START = '<!-- test-stress:start -->'
export const END = '<!-- test-stress:end -->'

/** A process that keeps one core busy until killed. */
function hog() {
  return spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' })
}

/** One `npm test` run: seconds, counts, and the full names of the tests that failed. */
function runSuite(workers, extra) {
  const out = `${root}reports/.stress-run.json`
  rmSync(out, { force: true })
  const started = process.hrtime.bigint()
  const result = spawnSync('npm', ['test', '--', '--json', `--outputFile=${out}`, ...extra], {
    cwd: root,
    env: { ...process.env, ...(workers ? { JEST_WORKERS: String(workers) } : {}) },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024
  })
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  let json
  try {
    json = JSON.parse(readFileSync(out, 'utf8'))
  } catch {
    return { seconds, passed: 0, failed: 1, failures: [`the run itself (exit ${result.status})`] }
  }
  rmSync(out, { force: true })
  const failures = []
  for (const file of json.testResults) {
    const path = file.name.slice(root.length)
    if (file.status === 'failed' && file.assertionResults.every(a => a.status !== 'failed'))
      failures.push(`${path}: ${file.message.split('\n').find(Boolean) ?? 'the file failed'}`)
    for (const a of file.assertionResults)
      if (a.status === 'failed') failures.push(`${path}: ${a.fullName}`)
  }
  return {
    seconds: Math.round(seconds * 10) / 10,
    passed: json.numPassedTests,
    failed: json.numFailedTests + (json.numRuntimeErrorTestSuites ?? 0),
    failures
  }
}

function measure(args) {
  const at = name => {
    const i = args.indexOf(name)
    return i >= 0 ? args[i + 1] : undefined
  }
  const runs = Number(at('--runs') ?? 10)
  const hogs = Number(at('--hogs') ?? cpus().length)
  const workers = at('--workers') === undefined ? undefined : Number(at('--workers'))
  const dash = args.indexOf('--')
  const extra = dash >= 0 ? args.slice(dash + 1) : []
  const running = Array.from({ length: hogs }, hog)
  const stop = () => running.forEach(h => h.kill('SIGKILL'))
  process.on('exit', stop)
  process.on('SIGINT', () => process.exit(130))
  const results = {
    date: new Date().toISOString(),
    cpu: cpus()[0]?.model ?? 'unknown CPU',
    cpus: cpus().length,
    hogs,
    workers: workers ?? 'default',
    runs: []
  }
  try {
    for (let i = 1; i <= runs; i++) {
      const run = runSuite(workers, extra)
      results.runs.push(run)
      console.log(
        `run ${i} of ${runs}: ${duration(run.seconds)}, ${run.passed} passed, ${run.failed} failed`
      )
      for (const f of run.failures) console.log(`  ✖ ${f}`)
    }
  } finally {
    stop()
  }
  const failedOnce = [...new Set(results.runs.flatMap(r => r.failures))]
  console.log(
    failedOnce.length === 0
      ? `No test failed in ${runs} runs with ${hogs} CPU hog(s).`
      : `Failed at least once in ${runs} runs:\n${failedOnce.map(f => `  ${f}`).join('\n')}`
  )
  if (extra.length === 0) {
    mkdirSync(`${root}reports`, { recursive: true })
    writeFileSync(`${root}${RESULTS}`, `${JSON.stringify(results, null, 2)}\n`)
    record('test-stress')
    write(results, true)
  }
  return failedOnce.length
}

export function render(results) {
  const failedOnce = [...new Set(results.runs.flatMap(r => r.failures))]
  const seconds = results.runs.map(r => r.seconds)
  const middle = median(results.runs)
  const lines = [
    `Measured by \`npm run test:stress -- --runs ${results.runs.length}\` on ${results.date.slice(0, 10)}: the whole suite ${results.runs.length} times on ${results.cpus} × ${results.cpu}, with ${results.hogs} CPU hog(s) keeping every core busy, Jest workers: ${results.workers}.`,
    '',
    '| Runs | Tests per run | Failed in any run | Wall time per run (fastest, median, slowest) |',
    '|---|---|---|---|',
    `| ${results.runs.length} | ${[...new Set(results.runs.map(r => r.passed + r.failed))].join(' / ')} | ${failedOnce.length === 0 ? 'none' : failedOnce.length} | ${[Math.min(...seconds), middle, Math.max(...seconds)].map(duration).join(', ')} |`
  ]
  if (failedOnce.length > 0) lines.push('', ...failedOnce.map(f => `- ${f}`))
  return lines.join('\n')
}

function write(results, writeIt) {
  writeOrCheck({
    readmePath: `${root}${PAGE}`,
    start: START,
    end: END,
    section: render(results),
    write: writeIt,
    what: 'Flake-hunt results',
    from: RESULTS,
    command: 'node scripts/test-stress.mjs --write'
  })
}

function main() {
  const args = process.argv.slice(2)
  if (args[0] === '--write' || args[0] === '--check') {
    write(JSON.parse(readFileSync(`${root}${RESULTS}`, 'utf8')), args[0] === '--write')
    return
  }
  process.exitCode = measure(args) > 0 ? 1 : 0
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main()
