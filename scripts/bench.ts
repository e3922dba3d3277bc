// `npm run bench`: size, cold start and peak RSS of the committed bundle, its start to the first
// AWS request side by side with two peers (on Node 20 and Node 24), and its detection latency,
// API call rate, overhead and blast radius on the reference lab against the local emulator, with
// model D (fails only at full traffic) before and after the final-bake default (repeated runs:
// medians with ranges). With --concurrency, N rollouts at once against the emulator with the
// documented CloudWatch quotas enforced. Every run against the emulator is on stepped time
// (emulator/stepped-time.ts): the bundle's clock is the emulator's and simulated time moves only
// while the action waits, so simulated figures do not depend on the machine; real figures (cold
// start, first request, RSS, a run's real duration) are real. Prints a PASS/FAIL line per
// target; writes bench-results/latest.json and bench/results.json (the figures of
// docs/performance.md, with the commit they were measured on).
//
//   npm run bench                          # the machine's Node (/usr/bin/node)
//   npm run bench -- --node24              # the Node 24 that GitHub runs actions on
//   npm run bench -- --runs 50             # cold-start runs (default 30)
//   npm run bench -- --lab-runs 5          # runs of the lab, each with its own seeds (default 3)
//   npm run bench -- --start-runs 20       # rounds of the side-by-side start (default 10)
//   npm run bench -- --no-lab --no-start   # size, cold start and RSS only
//   npm run bench -- --rss-wrapper         # peak RSS from process.resourceUsage() even with GNU time
//   npm run bench -- --concurrency 1,10,30,50 [--repeat 3] [--sagemaker-tps 10]
//                                          # only the many rollouts in one account, started in
//                                          # the same simulated instant (off by default)
//   npm run bench -- --write-docs          # also rewrite docs/performance.md's generated section
//   npm run bench -- --docs-only           # only rewrite it from bench/results.json (no runs)
//   npm run bench -- --check-docs          # exit 1 when it differs from bench/results.json (no runs)
//   (--write-readme and --readme-only are the old names of --write-docs and --docs-only.)
//
// Exit code 0 when every target passes, 1 when one fails, 2 when the benchmark itself failed.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { join } from 'node:path'
import { NODE_24, ROOT, SYSTEM_NODE } from './lib/action-runner.js'
import { bundleSize, coldStart, peakRss } from './lib/bench-coldstart.js'
import {
  DEFAULT_SAGEMAKER_TPS,
  runConcurrency,
  type ConcurrencyRun
} from './lib/bench-concurrency.js'
import { budget, fleetChecks, fleetFigures, fleetTable, budgetTable } from './lib/bench-fleet.js'
import { firstRequestTimes } from './lib/bench-first-request.js'
import { DEFAULT_POLL_SECONDS, runLab, type LabRun } from './lib/bench-lab.js'
import { CONTENDERS } from './lib/bench-peers.js'
import {
  commitText,
  PAGE,
  withSection,
  type BenchResults,
  type Commit
} from './lib/bench-readme.js'
import {
  checkTargets,
  firstRequestTable,
  kib,
  labLines,
  markdownTable,
  ms,
  verdictLines,
  type BenchFigures
} from './lib/bench-report.js'
import { ratio } from './lib/bench-stats.js'

/** The schedule's jitter on top of the poll interval (schedule.ts: at most 1 s). */
const POLL_JITTER_MS = 1000
const RESULTS = join(ROOT, 'bench', 'results.json')

function option(name: string): string | undefined {
  const args = process.argv.slice(2)
  const at = args.indexOf(name)
  return at >= 0 ? args[at + 1] : undefined
}

function boundedNumber(name: string, fallback: number, min: number, max: number): number {
  const raw = option(name)
  if (raw === undefined) return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value < min || value > max)
    throw new Error(`${name} must be a number from ${min} to ${max} (got "${raw}")`)
  return value
}

const flag = (name: string): boolean => process.argv.slice(2).includes(name)

function concurrencyList(): number[] {
  const raw = option('--concurrency')
  if (raw === undefined) return []
  const list = raw.split(',').map(Number)
  if (list.some(n => !Number.isInteger(n) || n < 1 || n > 100))
    throw new Error(
      `--concurrency takes whole numbers from 1 to 100, comma-separated (got "${raw}")`
    )
  return list
}

const versionOf = (node: string): string =>
  spawnSync(node, ['--version'], { encoding: 'utf8', timeout: 10_000 }).stdout.trim()

const git = (args: readonly string[]): string | undefined => {
  const r = spawnSync('git', args, { cwd: ROOT, encoding: 'utf8', timeout: 10_000 })
  return r.status === 0 ? r.stdout.trim() : undefined
}

/** scripts/figures.mjs: the manifest of measured figures and the staleness check (.ci/run). */
interface Figures {
  readonly FIGURES: Record<string, { readonly inputs: readonly string[] }>
  record(figure: string): { commit: string; dirty: boolean }
}
const figures = (await import(join(ROOT, 'scripts', 'figures.mjs'))) as Figures

const changedFiles = (pathspecs: readonly string[] = []): string[] =>
  (git(['status', '--porcelain', '--untracked-files=no', '--', ...pathspecs]) ?? '')
    .split('\n')
    .filter(line => line.trim() !== '')

/**
 * The commit the figures are measured on, whether the tree had uncommitted changes, and how many
 * of them are the figures' inputs (scripts/figures.mjs). Read before the runs.
 */
function currentCommit(): Commit {
  const sha = git(['rev-parse', '--short', 'HEAD']) ?? 'unknown'
  const all = changedFiles()
  return {
    sha,
    dirty: all.length > 0,
    changedFiles: all.length,
    changedInputs: changedFiles(figures.FIGURES['bench']?.inputs ?? []).length
  }
}

async function mainPart(
  node: string,
  nodeVersion: string,
  cpu: string,
  commit: Commit
): Promise<NonNullable<BenchResults['main']>> {
  const runs = Math.round(boundedNumber('--runs', 30, 1, 500))
  const labRuns = Math.round(boundedNumber('--lab-runs', 3, 1, 20))
  const startRuns = Math.round(boundedNumber('--start-runs', 10, 1, 100))

  const bundle = bundleSize()
  console.log('1. Bundle size')
  console.log(
    `   dist/index.js        ${kib(bundle.indexBytes)}  gzip ${kib(bundle.indexGzipBytes)}`
  )
  console.log(
    `   dist/*.js (${bundle.chunks} files) ${kib(bundle.allJsBytes)}  gzip ${kib(bundle.allJsGzipBytes)}\n`
  )

  console.log(
    `2. Cold start to the fail-fast error (no inputs), ${runs} runs interleaved with node -e 0`
  )
  const cold = coldStart(node, runs)
  console.log(
    `   bundle     median ${ms(cold.bundle.median)}  min ${ms(cold.bundle.min)}  max ${ms(cold.bundle.max)}`
  )
  console.log(
    `   node -e 0  median ${ms(cold.bareNode.median)}  min ${ms(cold.bareNode.min)}  max ${ms(cold.bareNode.max)}`
  )
  console.log(`   ratio of medians ${ratio(cold.bundle.median, cold.bareNode.median).toFixed(2)}×`)
  const rss = peakRss(node, 5, flag('--rss-wrapper'))
  console.log(
    `   peak RSS (${rss.method}, 5 runs): bundle ${rss.bundleMiB.median.toFixed(1)} MiB median, ${rss.bundleMiB.max.toFixed(1)} max; node -e 0 ${rss.bareNodeMiB.median.toFixed(1)} MiB\n`
  )
  let figures: BenchFigures = { bundle, coldStart: cold, rss }

  if (!flag('--no-start')) {
    console.log(
      `3. Start to the first AWS request with real inputs, side by side, ${startRuns} rounds`
    )
    const firstRequest = []
    for (const n of [SYSTEM_NODE, NODE_24]) {
      if (!existsSync(n) && n !== 'node') continue
      firstRequest.push({
        nodeVersion: versionOf(n),
        results: await firstRequestTimes(n, CONTENDERS, startRuns)
      })
    }
    figures = { ...figures, firstRequest }
    console.log(`${firstRequestTable(figures)}\n`)
  }

  if (!flag('--no-lab')) {
    console.log(
      `4. The lab against the emulator on stepped time (A, B rolled back, E retried; then D before and after the final-bake default), ${labRuns} runs`
    )
    const lab: LabRun[] = []
    for (let i = 0; i < labRuns; i++) {
      const run = await runLab(node, i)
      console.log(`   run ${i + 1}:`)
      for (const line of labLines(run)) console.log(`   ${line.replace(/\n/g, '\n   ')}`)
      lab.push(run)
    }
    console.log('')
    figures = { ...figures, lab }
  }

  const checks = checkTargets(figures)
  const environment = { node, nodeVersion, cpu, runs }
  console.log('5. Targets')
  for (const line of verdictLines(checks)) console.log(`   ${line}`)
  console.log(`\n${markdownTable(figures, checks, environment)}\n`)
  return { date: new Date().toISOString(), commit, environment, figures, checks }
}

async function fleetPart(
  node: string,
  nodeVersion: string,
  cpu: string,
  list: readonly number[],
  commit: Commit
): Promise<NonNullable<BenchResults['fleet']>> {
  const repeat = Math.round(boundedNumber('--repeat', 3, 1, 10))
  const sagemakerTps = boundedNumber('--sagemaker-tps', DEFAULT_SAGEMAKER_TPS, 1, 1000)
  console.log(
    `6. Many rollouts in one account on stepped time: N = ${list.join(', ')}, ${repeat} runs each, SageMaker Describe* ${sagemakerTps}/s, started in the same instant, run k > 0 with other seeds`
  )
  const byN: ConcurrencyRun[][] = []
  for (const n of list) {
    const runs: ConcurrencyRun[] = []
    for (let i = 0; i < repeat; i++) {
      const run = await runConcurrency({ n, node, sagemakerTps, run: i })
      const deployed = run.rollouts.filter(r => r.outcome === 'deployed').length
      console.log(
        `   N = ${n}, run ${i + 1}: ${deployed} of ${n} deployed, ${(run.simulatedSeconds / 60).toFixed(1)} simulated min in ${run.realSeconds.toFixed(0)} s real`
      )
      const failures = new Map<string, number>()
      for (const r of run.rollouts)
        if (r.outcome !== 'deployed') {
          const why = `${r.outcome}: ${r.failureReason ?? r.stderrTail ?? '(no reason)'}`
          failures.set(why, (failures.get(why) ?? 0) + 1)
        }
      for (const [why, count] of failures) console.log(`     ${count} × ${why}`)
      runs.push(run)
    }
    byN.push(runs)
  }
  const pollIntervalMs = DEFAULT_POLL_SECONDS * 1000
  const figures = byN.map(runs => fleetFigures(runs, sagemakerTps))
  const rows = budget(byN[0]!)
  const checks = fleetChecks(figures.at(-1)!, pollIntervalMs, POLL_JITTER_MS)
  console.log(`\n${fleetTable(figures)}\n\n${budgetTable(rows)}\n`)
  for (const c of checks)
    console.log(`   ${c.pass ? 'PASS' : 'FAIL'}  ${c.name}: ${c.measured} (target ${c.limit})`)
  return {
    date: new Date().toISOString(),
    commit,
    nodeVersion,
    cpu,
    sagemakerTps,
    repeat,
    pollIntervalMs,
    figures,
    budget: rows,
    checks
  }
}

function writePage(results: BenchResults): void {
  const page = join(ROOT, PAGE)
  writeFileSync(page, withSection(readFileSync(page, 'utf8'), results))
  console.log(`${PAGE}: the benchmark's section rewritten from bench/results.json.`)
}

/** 0 when the page's section is what bench/results.json renders to, else 1 (no runs). */
function checkPage(): number {
  const results = JSON.parse(readFileSync(RESULTS, 'utf8')) as BenchResults
  const page = readFileSync(join(ROOT, PAGE), 'utf8')
  if (withSection(page, results) === page) {
    console.log(`${PAGE}: the benchmark's section matches bench/results.json.`)
    return 0
  }
  console.error(
    `${PAGE}: the benchmark's section differs from bench/results.json: run npm run bench -- --docs-only`
  )
  return 1
}

async function main(): Promise<number> {
  if (flag('--check-docs')) return checkPage()
  if (flag('--docs-only') || flag('--readme-only')) {
    writePage(JSON.parse(readFileSync(RESULTS, 'utf8')) as BenchResults)
    return 0
  }
  const node = flag('--node24') ? NODE_24 : SYSTEM_NODE
  const nodeVersion = versionOf(node)
  const cpu = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}`
  const list = concurrencyList()
  const started = Date.now()
  const commit = currentCommit()
  console.log(
    `Benchmark of dist/index.js on ${node} (${nodeVersion}), ${cpu}, ${commitText(commit)}\n`
  )

  const previous: BenchResults = existsSync(RESULTS)
    ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as BenchResults)
    : {}
  // --concurrency measures only the rollouts at once (the rest of the figures are kept).
  const main = list.length > 0 ? previous.main : await mainPart(node, nodeVersion, cpu, commit)
  const fleet =
    list.length > 0 ? await fleetPart(node, nodeVersion, cpu, list, commit) : previous.fleet
  const results: BenchResults = { ...(main ? { main } : {}), ...(fleet ? { fleet } : {}) }

  const outDir = join(ROOT, 'bench-results')
  mkdirSync(outDir, { recursive: true })
  writeFileSync(join(outDir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`)
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`)
  // The manifest .ci/run checks: these figures now stand for this commit (or its changes),
  // unless a commit came in while they were measured.
  if (git(['rev-parse', '--short', 'HEAD']) !== commit.sha) {
    console.log('HEAD moved during the run: not recorded in reports/measured.json.')
  } else {
    // Plain `npm run bench` measures the lab and the start; --concurrency the rollouts at once.
    const at = figures.record(list.length > 0 ? 'bench-concurrency' : 'bench')
    console.log(
      `Recorded in reports/measured.json: measured on ${at.commit.slice(0, 7)}${at.dirty ? ' (inputs had uncommitted changes: measure again once committed)' : ''}`
    )
  }
  if (flag('--write-docs') || flag('--write-readme')) writePage(results)
  console.log(`Wrote ${RESULTS} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
  const checks = list.length > 0 ? (fleet?.checks ?? []) : (main?.checks ?? [])
  return checks.every(c => c.pass) ? 0 : 1
}

const limitMs = (concurrencyList().length > 0 ? 60 : 20) * 60_000
const watchdog = setTimeout(() => {
  console.error(`The benchmark took longer than ${limitMs / 60_000} minutes: stopped.`)
  process.exit(2)
}, limitMs)
watchdog.unref()

try {
  process.exitCode = await main()
} catch (e) {
  console.error(`Benchmark failed: ${e instanceof Error ? e.message : String(e)}`)
  process.exitCode = 2
}
