// Pure: the targets of issue 6 checked against the measured figures, and the text and Markdown
// the benchmark prints. Tests drive it with plain objects.
import type { BundleSize, ColdStart, PeakRss } from './bench-coldstart.js'
import type { FirstRequest } from './bench-first-request.js'
import type { LabRun, LabStepResult } from './bench-lab.js'
import { combinedRate, ratio, summarize } from './bench-stats.js'

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
  /** Repeated runs of each lab mode; absent with --no-lab. */
  readonly scaled?: readonly LabRun[]
  readonly synced?: readonly LabRun[]
  /** Process start to the first AWS request, side by side with the peers, per Node. */
  readonly firstRequest?: readonly {
    readonly nodeVersion: string
    readonly results: FirstRequest[]
  }[]
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

/** Median, min and max of a figure over repeated runs; undefined when a run lacks it. */
export interface Range {
  readonly median: number
  readonly min: number
  readonly max: number
}

export function range(values: readonly (number | undefined)[]): Range | undefined {
  if (values.length === 0 || values.some(v => v === undefined || Number.isNaN(v))) return undefined
  const s = summarize(values as number[])
  return { median: s.median, min: s.min, max: s.max }
}

/** "1.2 s (0.9–1.5 s)" over repeated runs, or the one value when they agree. */
export function showRange(r: Range | undefined, show: (v: number) => string): string {
  if (!r) return show(Number.NaN)
  return show(r.min) === show(r.max)
    ? show(r.median)
    : `${show(r.median)} (${show(r.min)}–${show(r.max)})`
}

/** The worst (largest) of a figure over B and E in one run, undefined when one is missing. */
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

const overRuns = (
  runs: readonly LabRun[] | undefined,
  pick: (run: LabRun) => number | undefined
): Range | undefined => range((runs ?? []).map(pick))

function detection(runs: readonly LabRun[] | undefined, name: string, label: string): TargetCheck {
  const value = overRuns(runs, r => step(r, name)?.latency?.detectSimMs)
  const limit = (runs?.[0]?.pollSimSeconds ?? 10) * 1000
  return {
    name: `${label} detected within one poll interval (${runs?.[0]?.mode ?? 'lab'})`,
    measured: `${showRange(value, v => seconds(v))} simulated`,
    limit: `≤ ${seconds(limit)}`,
    pass: value !== undefined && value.max <= limit
  }
}

/** Our start to the first AWS request against the fastest peer, per Node (medians). */
function startChecks(f: BenchFigures): TargetCheck[] {
  return (f.firstRequest ?? []).flatMap(n => {
    const [ours, ...peers] = n.results
    if (!ours || peers.length === 0) return []
    const fastest = Math.min(...peers.map(p => p.ms.median))
    return [
      {
        name: `Start to first AWS request vs the fastest peer (${n.nodeVersion}, medians)`,
        measured: ms(ours.ms.median),
        limit: `≤ ${ms(fastest)}`,
        pass: ours.ms.median <= fastest
      }
    ]
  })
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
  checks.push(...startChecks(f))
  if (!f.scaled?.length || !f.synced?.length) return checks
  checks.push(
    detection(f.synced, 'Model B', 'Rollback (B)'),
    detection(f.synced, 'Model E', 'Completion (E)'),
    detection(f.scaled, 'Model B', 'Rollback (B)'),
    detection(f.scaled, 'Model E', 'Completion (E)')
  )
  const rate = overRuns(f.synced, run => {
    const rates = run.steps.flatMap(s => (s.rate ? [s.rate] : []))
    return rates.length === run.steps.length ? combinedRate(rates) : undefined
  })
  checks.push({
    name: 'API calls per simulated minute, default settings (A + B + E)',
    measured: showRange(rate, v => (Number.isNaN(v) ? 'n/a' : v.toFixed(1))),
    limit: `≤ ${TARGETS.callsPerMinute}`,
    pass: rate !== undefined && rate.max <= TARGETS.callsPerMinute
  })
  const scaled = f.scaled[0]!
  const poll = scaled.pollSimSeconds * 1000
  const realWorld = overRuns(f.scaled, run => worst(run, s => s.overhead?.beyondRealWorldMs))
  checks.push({
    name: 'Time beyond the deployment, real-time equivalent (worst of B, E)',
    measured: showRange(realWorld, v => seconds(v, 2)),
    limit: `< ${TARGETS.beyondSeconds} s + ${seconds(poll)}`,
    pass: realWorld !== undefined && realWorld.max < TARGETS.beyondSeconds * 1000 + poll
  })
  const pollReal = Number(scaled.pollIntervalInput) * 1000
  const atScale = overRuns(f.scaled, run => worst(run, s => s.overhead?.beyondRealMs))
  checks.push({
    name: `Time beyond the deployment, real, at time-scale ${scaled.timeScale} (worst of B, E)`,
    measured: showRange(atScale, v => seconds(v, 2)),
    limit: `< ${TARGETS.beyondSeconds} s + ${seconds(pollReal, 2)}`,
    pass: atScale !== undefined && atScale.max < TARGETS.beyondSeconds * 1000 + pollReal
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
  const rows: [string, string, string][] = [
    ['`dist/index.js`', `${kib(f.bundle.indexBytes)} (gzip ${kib(f.bundle.indexGzipBytes)})`, ''],
    [
      `All of \`dist/*.js\` (${f.bundle.chunks} files)`,
      `${kib(f.bundle.allJsBytes)} (gzip ${kib(f.bundle.allJsGzipBytes)})`,
      ''
    ],
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
  for (const runs of [f.synced, f.scaled]) {
    if (!runs?.length) continue
    for (const name of ['Model B', 'Model E']) {
      const what = name === 'Model B' ? 'Rollback (B)' : 'Completion (E)'
      const sim = overRuns(runs, r => step(r, name)?.latency?.exitSimMs)
      const real = overRuns(runs, r => step(r, name)?.latency?.exitRealMs)
      rows.push([
        `${what} → action exit (${runs[0]!.mode}), median of ${runs.length} (min–max)`,
        `${showRange(sim, v => seconds(v))} simulated, ${showRange(real, v => ms(v))} real`,
        ''
      ])
    }
  }
  if (f.synced?.length) {
    const perStep = f.synced[0]!.steps.map(s => {
      const rate = overRuns(f.synced, r => step(r, s.name)?.rate?.perMinute)
      return `${s.name.replace('Model ', '')} ${showRange(rate, v => v.toFixed(1))}`
    }).join(', ')
    rows.push(['API calls per simulated minute by step (synced)', perStep, ''])
  }
  for (const check of checks)
    rows.push([check.name, check.measured, `${check.limit} ${check.pass ? '✅' : '❌'}`])
  const lines = [
    `| Figure (${env.nodeVersion}, ${env.cpu}) | Measured | Target |`,
    '|---|---|---|',
    ...rows.map(([a, b, t]) => `| ${a} | ${b} | ${t} |`)
  ]
  lines.push(
    '',
    'Reproduce: `npm run bench` (`-- --node24` for the Node 24 GitHub runs actions on, `-- --runs N`). ' +
      'Lab figures: the emulator at time-scale ' +
      `${f.scaled?.[0]?.timeScale ?? 20}; "synced" runs the defaults (poll-interval 10 s) with the action's clock on simulated time, ` +
      '"scaled" runs the bundle unchanged with poll-interval 10 s ÷ time-scale.'
  )
  return lines.join('\n')
}

/** Process start to the first AWS request, side by side: one table per Node. */
export function firstRequestTable(f: BenchFigures): string {
  const blocks = (f.firstRequest ?? []).map(n => {
    const runs = n.results[0]?.ms.n ?? 0
    return [
      `| ${n.nodeVersion}: start → first AWS request, median of ${runs} (min–max) | Measured | First request |`,
      '|---|---|---|',
      ...n.results.map(
        r =>
          `| ${r.name} | ${ms(r.ms.median)} (${ms(r.ms.min)}–${ms(r.ms.max)}) | \`${r.request}\` |`
      )
    ].join('\n')
  })
  return blocks.join('\n\n')
}
