// Pure: the targets of issue 6 checked against the measured figures, and the text and Markdown
// the benchmark prints. Tests drive it with plain objects.
import type { BundleSize, ColdStart, PeakRss } from './bench-coldstart.js'
import type { FirstRequest } from './bench-first-request.js'
import { blastRows, blastText, outcomesText } from './bench-blast.js'
import type { LabRun, LabStepResult } from './bench-lab.js'
import { combinedRate, range, ratio, showRange, type Range } from './bench-stats.js'

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
  /** Repeated runs of the lab on stepped time (each with its own seeds); absent with --no-lab. */
  readonly lab?: readonly LabRun[]
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
export const minutes = (msValue: number | undefined): string =>
  msValue === undefined || Number.isNaN(msValue) ? 'n/a' : `${(msValue / 60_000).toFixed(1)} min`
export const seconds = (msValue: number | undefined, digits = 1): string =>
  msValue === undefined || Number.isNaN(msValue) ? 'n/a' : `${(msValue / 1000).toFixed(digits)} s`

const step = (run: LabRun | undefined, name: string): LabStepResult | undefined =>
  run?.steps.find(s => s.name === name)

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
    name: `${label} detected within one poll interval`,
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
  const lab = f.lab
  if (!lab?.length) return checks
  const unexpected = lab.flatMap(run =>
    run.steps.filter(s => s.outcome !== s.expected).map(s => `${s.name} ${s.outcome}`)
  )
  checks.push({
    name: 'Lab outcomes as expected in every run (A deployed, B rolled back, E deployed)',
    measured: unexpected.length === 0 ? 'all' : unexpected.join(', '),
    limit: 'all',
    pass: unexpected.length === 0 && lab.every(run => run.steps.length === 3)
  })
  checks.push(
    detection(lab, 'Model B', 'Rollback (B)'),
    detection(lab, 'Model E', 'Completion (E)')
  )
  const rate = overRuns(lab, run => {
    const rates = run.steps.flatMap(s => (s.rate ? [s.rate] : []))
    return rates.length === run.steps.length ? combinedRate(rates) : undefined
  })
  checks.push({
    name: 'API calls per simulated minute, default settings (A + B + E)',
    measured: showRange(rate, v => (Number.isNaN(v) ? 'n/a' : v.toFixed(1))),
    limit: `≤ ${TARGETS.callsPerMinute}`,
    pass: rate !== undefined && rate.max <= TARGETS.callsPerMinute
  })
  const poll = lab[0]!.pollSimSeconds * 1000
  const realWorld = overRuns(lab, run => worst(run, s => s.overhead?.beyondRealWorldMs))
  checks.push({
    name: 'Time beyond the deployment to the verdict, real-time equivalent (worst of B, E)',
    measured: showRange(realWorld, v => seconds(v, 2)),
    limit: `< ${TARGETS.beyondSeconds} s + ${seconds(poll)}`,
    pass: realWorld !== undefined && realWorld.max < TARGETS.beyondSeconds * 1000 + poll
  })
  return [...checks, ...regressionCheck(lab)]
}

/**
 * The claim of the default final bake: SageMaker itself rolls model D back during the bake, the
 * action never has to. Only when every run measured D (older results did not).
 */
function regressionCheck(lab: readonly LabRun[]): TargetCheck[] {
  const after = lab.map(run => run.regression?.after)
  if (!after.every(s => s !== undefined)) return []
  const outcomes = after.map(s => s.outcome)
  const all = outcomes.every(o => o === 'rolled-back')
  return [
    {
      name: 'Model D with the defaults rolled back by SageMaker in every run, never regressed',
      measured: all ? `${outcomes.length} of ${outcomes.length} runs` : outcomesText(outcomes),
      limit: 'all runs',
      pass: all
    }
  ]
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
  return [
    `stepped time, poll-interval ${run.pollSimSeconds} s (simulated)`,
    ...[...run.steps, ...(run.regression ? [run.regression.before, run.regression.after] : [])].map(
      s => {
        const l = s.latency
        const o = s.overhead
        return [
          `  ${s.name}: ${s.outcome} (expected ${s.expected}, exit ${s.exitCode}), ${seconds(s.runSimMs)} simulated in ${ms(s.realDurationMs)} real`,
          `    emulator ${s.event?.kind ?? 'no end event'} ${seconds(s.deploymentSimMs)} after the launch call`,
          `    detection: the poll that saw it ${seconds(l?.detectSimMs)} after it, the exit ${seconds(l?.exitSimMs)} after it (simulated)`,
          `    real work: start → launch call ${ms(o?.startRealMs)}, detecting poll → exit ${ms(l?.finishRealMs)}; beyond the deployment to the verdict ${seconds(o?.beyondRealWorldMs, 2)} real-time equivalent`,
          `    calls: ${s.rate?.calls ?? 'n/a'} in ${s.rate ? s.rate.minutes.toFixed(2) : 'n/a'} simulated min = ${s.rate ? s.rate.perMinute.toFixed(1) : 'n/a'}/min (${operations(s)})`,
          `    blast radius: ${blastText([s.blastRadius])}`
        ].join('\n')
      }
    )
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
  const lab = f.lab ?? []
  if (lab.length) {
    for (const name of ['Model B', 'Model E']) {
      const what = name === 'Model B' ? 'Rollback (B)' : 'Completion (E)'
      const exit = overRuns(lab, r => step(r, name)?.latency?.exitSimMs)
      const wait = overRuns(lab, r => {
        const l = step(r, name)?.latency
        return l ? l.exitSimMs - l.detectSimMs : undefined
      })
      rows.push([
        `${what} → action exit, simulated`,
        `${showRange(exit, v => seconds(v))}, of which ${showRange(wait, v => seconds(v))} after the detecting poll (the metrics wait)`,
        ''
      ])
    }
    const perStep = (
      pick: (s: LabStepResult) => number | undefined,
      show: (v: number) => string
    ): string =>
      lab[0]!.steps
        .map(s => {
          const value = overRuns(lab, r => {
            const found = step(r, s.name)
            return found ? pick(found) : undefined
          })
          return `${s.name.replace('Model ', '')} ${showRange(value, show)}`
        })
        .join(', ')
    rows.push(
      ['Simulated duration of a run, start to exit', perStep(s => s.runSimMs, minutes), ''],
      [
        "Real duration of a run (the action's own work: on stepped time its waits take none)",
        perStep(
          s => s.realDurationMs,
          v => seconds(v, 2)
        ),
        ''
      ],
      ['Start → launch call answered, real', perStep(s => s.overhead?.startRealMs, ms), ''],
      ['Detecting poll → exit, real', perStep(s => s.latency?.finishRealMs, ms), ''],
      [
        'API calls per simulated minute',
        perStep(
          s => s.rate?.perMinute,
          v => v.toFixed(1)
        ),
        ''
      ]
    )
  }
  rows.push(...blastRows(lab))
  for (const check of checks)
    rows.push([check.name, check.measured, `${check.limit} ${check.pass ? '✅' : '❌'}`])
  const lines = [
    `| Figure (${env.nodeVersion}, ${env.cpu}) | Measured | Target |`,
    '|---|---|---|',
    ...rows.map(([a, b, t]) => `| ${a} | ${b} | ${t} |`)
  ]
  lines.push(
    '',
    'Reproduce: `npm run bench` (`-- --node24` for the Node 24 GitHub runs actions on, `-- --runs N`).' +
      (lab.length
        ? ` Lab figures (A, then B rolled back, then E): the emulator on stepped time with the default inputs (\`poll-interval\` 10 s), the median of ${lab.length} runs with their range (min–max), each run with its own seeds for the action's jitter; simulated figures are exact for a seed, real ones are the bundle's own work.`
        : '')
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
