// Pure: the figures of repeated concurrency runs (outcomes, busiest second and average per
// operation, throttled requests, slowest verdict delay, real and simulated durations), the
// per-rollout API budget with the number of rollouts each quota carries, the targets at the
// largest N, and their Markdown.
import type { ConcurrencyRun } from './bench-concurrency.js'
import { rolloutsAtQuota } from './bench-rates.js'
import { summarize, type Summary } from './bench-stats.js'

export interface Spread {
  readonly median: number
  readonly min: number
  readonly max: number
}

export const spread = (values: readonly number[]): Spread => {
  const s: Summary = summarize(values)
  return { median: s.median, min: s.min, max: s.max }
}

/** "3.1 (2.9–3.4)": a median and the range of the runs. */
export function fmt(s: Spread | undefined, digits = 1, unit = ''): string {
  if (!s) return 'n/a'
  const f = (v: number) => `${v.toFixed(digits)}${unit}`
  return f(s.min) === f(s.max) ? f(s.median) : `${f(s.median)} (${f(s.min)}–${f(s.max)})`
}

export interface OperationFigures {
  readonly action: string
  readonly quota: number | undefined
  /** Requests made in the busiest simulated second of the whole run (throttled ones included). */
  readonly peakPerSecond: Spread
  /** The same while every launched rollout is watched (polls only). */
  readonly peakWhileWatching: Spread
  readonly averagePerSecond: Spread
  readonly throttled: Spread
}

export interface FleetFigures {
  readonly n: number
  readonly runs: number
  readonly sagemakerTps: number
  readonly deployed: Spread
  /** Rollouts whose failure names throttling, per run. */
  readonly failedByThrottling: Spread
  /** Over the launched rollouts whose end a poll saw; undefined when no run had one. */
  readonly slowestVerdictDelayMs: Spread | undefined
  /** Launched rollouts whose end no poll saw, per run. */
  readonly unseenEnds: Spread
  /** Simulated seconds from the first start to the last exit. */
  readonly simulatedSeconds: Spread
  /** Real seconds the run took (the N processes' work; on stepped time waits take none). */
  readonly realSeconds: Spread
  readonly operations: OperationFigures[]
}

/** The quota named exactly by this action (a glob key is an action of its own: its rates). */
const quotaOf = (run: ConcurrencyRun, action: string): number | undefined => {
  const value = run.quotas[action]
  return value === undefined ? undefined : typeof value === 'number' ? value : value.rate
}

const THROTTLING = /Throttl|Rate exceeded/i

/** Per run, the latest verdict of a launched rollout (runs where none was seen left out). */
function slowest(runs: readonly ConcurrencyRun[]): Spread | undefined {
  const perRun = runs.flatMap(r => {
    const delays = r.rollouts.flatMap(x =>
      x.launched && x.verdictDelayMs !== undefined ? [x.verdictDelayMs] : []
    )
    return delays.length ? [Math.max(...delays)] : []
  })
  return perRun.length ? spread(perRun) : undefined
}

const secondsOf = (s: Spread): Spread => ({
  median: s.median / 1000,
  min: s.min / 1000,
  max: s.max / 1000
})

export function fleetFigures(runs: readonly ConcurrencyRun[], sagemakerTps: number): FleetFigures {
  const first = runs[0]
  if (!first) throw new Error('no concurrency runs')
  const actions = Object.keys(first.quotas).filter(a =>
    runs.some(r => r.rates.some(x => x.action === a))
  )
  return {
    n: first.n,
    runs: runs.length,
    sagemakerTps,
    deployed: spread(runs.map(r => r.rollouts.filter(x => x.outcome === 'deployed').length)),
    failedByThrottling: spread(
      runs.map(
        r =>
          r.rollouts.filter(x => x.outcome !== 'deployed' && THROTTLING.test(x.failureReason ?? ''))
            .length
      )
    ),
    slowestVerdictDelayMs: slowest(runs),
    unseenEnds: spread(
      runs.map(r => r.rollouts.filter(x => x.launched && x.verdictDelayMs === undefined).length)
    ),
    simulatedSeconds: spread(runs.map(r => r.simulatedSeconds)),
    realSeconds: spread(runs.map(r => r.realSeconds)),
    operations: actions.map(action => {
      const pick = (f: (x: ConcurrencyRun['rates'][number]) => number) =>
        spread(runs.map(r => f(r.rates.find(x => x.action === action) ?? zero(action))))
      return {
        action,
        quota: quotaOf(first, action),
        peakPerSecond: pick(x => x.peakPerSecond),
        peakWhileWatching: spread(
          runs.map(r => (r.watchRates.find(x => x.action === action) ?? zero(action)).peakPerSecond)
        ),
        averagePerSecond: pick(x => x.averagePerSecond),
        throttled: pick(x => x.throttled)
      }
    })
  }
}

const zero = (action: string) => ({
  action,
  calls: 0,
  throttled: 0,
  peakPerSecond: 0,
  averagePerSecond: 0
})

export interface BudgetRow {
  readonly action: string
  readonly perRollout: Spread
  readonly perMinute: Spread
  readonly quota: number | undefined
  /** Concurrent rollouts the quota carries at this average rate (undefined: no quota). */
  readonly rollouts: number | undefined
}

/** Calls per rollout and per minute of a rollout, from runs of one rollout alone. */
export function budget(runs: readonly ConcurrencyRun[]): BudgetRow[] {
  const rollouts = runs.flatMap(r => r.rollouts)
  const actions = [...new Set(rollouts.flatMap(r => Object.keys(r.byAction)))].sort()
  return actions.map(action => {
    const perRollout = spread(rollouts.map(r => r.byAction[action]?.calls ?? 0))
    const perMinute = spread(rollouts.map(r => r.byAction[action]?.perMinute ?? 0))
    // SageMaker publishes no request rate: the benchmark's own rate is no default quota.
    const quota = runs[0] && !action.startsWith('sagemaker:') ? quotaOf(runs[0], action) : undefined
    return {
      action,
      perRollout,
      perMinute,
      quota,
      rollouts: quota === undefined ? undefined : rolloutsAtQuota(quota, perMinute.median)
    }
  })
}

export interface FleetCheck {
  readonly name: string
  readonly measured: string
  readonly limit: string
  readonly pass: boolean
}

/**
 * The targets at N: all deployed, none failed by throttling, the verdict within a poll interval
 * and its jitter, and while the rollouts are watched the busiest second within each quota (the
 * polls spread out). The busiest second of the whole run is a figure, not a target: N rollouts
 * started in one instant make N first requests in that second whatever the action does.
 */
export function fleetChecks(
  f: FleetFigures,
  pollIntervalMs: number,
  jitterMs: number
): FleetCheck[] {
  const checks: FleetCheck[] = [
    {
      name: `Deployed of ${f.n} (worst run)`,
      measured: String(f.deployed.min),
      limit: `= ${f.n}`,
      pass: f.deployed.min === f.n
    },
    {
      name: 'Rollouts failed by throttling (worst run)',
      measured: String(f.failedByThrottling.max),
      limit: '= 0',
      pass: f.failedByThrottling.max === 0
    },
    {
      name: 'Slowest verdict after the service settled (worst run)',
      measured:
        (f.slowestVerdictDelayMs ? `${(f.slowestVerdictDelayMs.max / 1000).toFixed(1)} s` : 'n/a') +
        (f.unseenEnds.max > 0 ? `; ${f.unseenEnds.max} end(s) no poll saw` : ''),
      limit: `≤ ${(pollIntervalMs + jitterMs) / 1000} s`,
      pass:
        f.slowestVerdictDelayMs !== undefined &&
        f.unseenEnds.max === 0 &&
        f.slowestVerdictDelayMs.max <= pollIntervalMs + jitterMs
    }
  ]
  for (const op of f.operations) {
    if (op.quota === undefined) continue
    checks.push({
      name: `${op.action}: requests in the busiest second while watching (worst run)`,
      measured: String(op.peakWhileWatching.max),
      limit: `≤ ${op.quota}`,
      pass: op.peakWhileWatching.max <= op.quota
    })
  }
  return checks
}

export function fleetTable(all: readonly FleetFigures[]): string {
  const head = `| Figure (median of ${all[0]?.runs ?? 0} runs, min–max) | ${all.map(f => `N = ${f.n}`).join(' | ')} |`
  const rule = `|---|${all.map(() => '---').join('|')}|`
  const row = (label: string, cell: (f: FleetFigures) => string) =>
    `| ${label} | ${all.map(cell).join(' | ')} |`
  const actions = [...new Set(all.flatMap(f => f.operations.map(o => o.action)))]
  const op = (f: FleetFigures, a: string) => f.operations.find(o => o.action === a)
  return [
    head,
    rule,
    row('Deployed', f => `${fmt(f.deployed, 0)} of ${f.n}`),
    row('Failed by throttling', f => fmt(f.failedByThrottling, 0)),
    row('Simulated duration, first start to last exit', f =>
      fmt(
        {
          median: f.simulatedSeconds.median / 60,
          min: f.simulatedSeconds.min / 60,
          max: f.simulatedSeconds.max / 60
        },
        1,
        ' min'
      )
    ),
    row('Real duration of the run', f => fmt(f.realSeconds, 0, ' s')),
    row('Slowest verdict after the service settled (launched rollouts)', f =>
      f.slowestVerdictDelayMs ? fmt(secondsOf(f.slowestVerdictDelayMs), 1, ' s') : 'n/a'
    ),
    ...actions.flatMap(a => {
      const quota = all.map(f => op(f, a)?.quota).find(q => q !== undefined)
      const what = a.startsWith('sagemaker:') ? 'benchmark rate' : 'quota'
      return [
        row(`\`${a}\` busiest second (${what} ${quota}/s)`, f => fmt(op(f, a)?.peakPerSecond, 0)),
        row(`\`${a}\` busiest second while watching`, f => fmt(op(f, a)?.peakWhileWatching, 0)),
        row(`\`${a}\` average per second`, f => fmt(op(f, a)?.averagePerSecond, 2)),
        row(`\`${a}\` throttled requests`, f => fmt(op(f, a)?.throttled, 0))
      ]
    })
  ].join('\n')
}

export function budgetTable(rows: readonly BudgetRow[]): string {
  return [
    '| Operation | Calls per rollout | Calls per minute of a rollout | Default quota | Concurrent rollouts it carries |',
    '|---|---|---|---|---|',
    ...rows.map(r => {
      const quota =
        r.quota !== undefined
          ? `${r.quota}/s`
          : r.action.startsWith('sagemaker:Describe')
            ? 'not published'
            : '—'
      const carried =
        r.rollouts === undefined
          ? '—'
          : Number.isFinite(r.rollouts)
            ? String(r.rollouts)
            : 'no limit'
      return `| \`${r.action}\` | ${fmt(r.perRollout, 0)} | ${fmt(r.perMinute, 2)} | ${quota} | ${carried} |`
    })
  ].join('\n')
}
