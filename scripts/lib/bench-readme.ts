// Pure: the performance page's generated section (docs/performance.md, between
// `<!-- bench:start -->` and `<!-- bench:end -->`) rendered from bench/results.json, which
// `npm run bench` writes. The figures are never typed: `npm run bench -- --check-docs` and a test
// render the section again from the file and compare. Each part names the commit it was measured
// on (and whether the tree had uncommitted changes). Links are relative to docs/.
import type { BudgetRow, FleetCheck, FleetFigures } from './bench-fleet.js'
import { budgetTable, fleetTable } from './bench-fleet.js'
import {
  firstRequestTable,
  markdownTable,
  type BenchFigures,
  type Environment,
  type TargetCheck
} from './bench-report.js'

/** What the figures were measured on: `git rev-parse --short HEAD` and the tree's state. */
export interface Commit {
  readonly sha: string
  /** Uncommitted changes to tracked files. */
  readonly dirty: boolean
  readonly changedFiles: number
  /** How many of them are the figures' inputs (scripts/figures.mjs: src, emulator, the bench). */
  readonly changedInputs: number
}

export interface BenchResults {
  readonly main?: {
    readonly date: string
    readonly commit: Commit
    readonly environment: Environment
    readonly figures: BenchFigures
    readonly checks: TargetCheck[]
  }
  readonly fleet?: {
    readonly date: string
    readonly commit: Commit
    readonly nodeVersion: string
    readonly cpu: string
    readonly sagemakerTps: number
    readonly repeat: number
    readonly pollIntervalMs: number
    readonly figures: FleetFigures[]
    readonly budget: BudgetRow[]
    readonly checks: FleetCheck[]
  }
}

/** The page that holds the section, from the repository's root. */
export const PAGE = 'docs/performance.md'
export const START = '<!-- bench:start -->'
export const END = '<!-- bench:end -->'

const day = (iso: string): string => iso.slice(0, 10)

const files = (n: number): string => `${n} file${n === 1 ? '' : 's'}`

/** "commit `abc1234`", with the uncommitted changes said (and how many were the inputs). */
export function commitText(c: Commit | undefined): string {
  if (!c) return 'an unrecorded commit'
  if (!c.dirty) return `commit \`${c.sha}\``
  return `commit \`${c.sha}\` with uncommitted changes to ${files(c.changedFiles)} (${c.changedInputs === 0 ? 'none' : c.changedInputs} of them inputs of these figures)`
}

function mainSection(m: NonNullable<BenchResults['main']>): string[] {
  const out = [
    `Measured with \`npm run bench\` on ${day(m.date)}, ${commitText(m.commit)}, on a shared ${m.environment.cpu}, ${m.environment.nodeVersion}. Real-time figures are the median of repeated runs with their range and vary from run to run; the lab's simulated figures are exact for the seeds they ran with. The targets are what the benchmark checks.`,
    '',
    markdownTable(m.figures, m.checks, m.environment)
  ]
  if (m.figures.firstRequest?.length) {
    out.push(
      '',
      '**The real start, side by side.** Time from process start to the first AWS request with real inputs, the three programs run in turn (rotating order) against a local listener standing in for AWS. The peers are start-up equivalents built from npm (see [bench/peers/README.md](../bench/peers/README.md)): the modules each peer loads at start, the inputs it reads and the client it builds, up to its first request, bundled with ncc as the peers bundle theirs.',
      '',
      firstRequestTable(m.figures)
    )
  }
  out.push(
    '',
    `How it measures: cold start runs the bundle with no inputs ${m.environment.runs} times, interleaved with \`node -e 0\`, and reads peak RSS with \`/usr/bin/time -v\`. The lab (A, then B rolled back, then E) runs the bundle against the emulator on stepped time (see [emulator/README.md](../emulator/README.md)): the action's clock (Date, timers, its seeded Math.random) is the emulator's, and simulated time moves only while the action waits, so every constant of the action (poll interval, 2 s poll floor, 20 s alarm refresh, backoff, the metrics wait) means what it means in production, and detection delay and calls per simulated minute are exact, whatever the machine's load. The action's work takes no simulated time there: its real durations are the bundle's own overheads, and the time beyond the deployment on a real clock is that work plus the simulated wait for the poll that saw the end. Detection is measured from the emulator's own record of the rollback or completion to that poll; after it the action waits for the rollout's metrics (\`metrics-wait\`, up to 240 s) before its summary and exit. Invalid input fails before \`@actions/core\` or the AWS SDK load; with valid inputs only the SageMaker client loads before the first request (\`DescribeEndpoint\`), and the rest loads while it is in flight. Source maps are read only in a debug run.${measuredRegression(m.figures) ? ` ${BLAST_RADIUS}` : ''}`
  )
  return out
}

const measuredRegression = (f: BenchFigures): boolean =>
  (f.lab?.length ?? 0) > 0 && (f.lab ?? []).every(run => run.regression !== undefined)

/** How the blast radius is measured: said only once the results hold it. */
const BLAST_RADIUS =
  "The blast radius is what the new model (green) served, and how much of it failed with 5XX, before traffic left it: green's requests and `Invocation5XXErrors` summed over the traffic steps of the action's own `metrics` output (n/a unless its split is `per-fleet`, a lower bound when a step was still incomplete in CloudWatch). It is measured for B as the lab runs it, and for model D, which fails only once it takes all the traffic, promoted 3 simulated minutes after the lab's E in two variants: before, with no final bake (`termination-wait: 0`, `accept-unguarded-final-step: true`), where the alarm fires after SageMaker completed and the action puts the previous config back with an all-at-once blue/green update, so D serves all the traffic until that update's new fleet is in service; after, with the defaults, where the final bake is derived from the alarms' detection time and SageMaker rolls D back during it. D before runs on the lab's emulator after E; D after on a second emulator that runs A, B and E again with the same seeds, so it reaches the same state."

function fleetSection(f: NonNullable<BenchResults['fleet']>): string[] {
  const lines = [
    `**Many rollouts in one account** (\`npm run bench -- --concurrency ${f.figures.map(x => x.n).join(',')}\`, ${day(f.date)}, ${commitText(f.commit)}, ${f.nodeVersion}). One emulator with CloudWatch's documented default quotas enforced per operation (DescribeAlarms 9, PutMetricAlarm 3, GetMetricData 50, DescribeAlarmHistory 3, ListMetrics 25 requests per second) and ${f.sagemakerTps} requests per second shared by SageMaker's \`Describe*\` calls; N endpoints serving a model on 4 instances, and N copies of \`dist/index.js\` started in the same simulated instant, each promoting a new model on its own endpoint with the default inputs (linear 25 %, 60 s bakes, the two alarms created). The emulator runs on stepped time: the N processes share its clock, which moves only when all of them wait, so they progress in lockstep however busy the machine is, and every constant of the action (poll interval, jitter, backoff, the 3-minute alarm-write window) means what it means in production. Each process's Math.random has its own seed, so their jitter differs as it would on N runners; a run is exactly reproducible for its seeds. ${f.repeat} runs per N: the first with each process's seed taken from its run's identity (endpoint and run id), the others with other seeds. "While watching" is every call after the last launch call, to the last exit: the polls alone.`,
    '',
    fleetTable(f.figures),
    '',
    `Targets at N = ${f.figures.at(-1)?.n}:`,
    '',
    '| Target | Measured | Limit |',
    '|---|---|---|',
    ...f.checks.map(c => `| ${c.name} | ${c.measured} | ${c.limit} ${c.pass ? '✅' : '❌'} |`),
    '',
    '### API budget per rollout',
    '',
    `What one rollout with the default inputs calls (the N = ${f.figures[0]?.n} runs: medians with ranges, per minute of the whole run, the metrics wait included), and how many such rollouts at once each default quota carries at that average rate. SageMaker does not publish its \`Describe*\` request quota as a number; the table shows the rate the action makes. The two \`PutMetricAlarm\` calls come at launch and only when an alarm is missing or differs (a later rollout on the same endpoint writes none); when many rollouts start together they are throttled and retried with jittered backoff for up to 3 minutes, which carries 3 × 180 ÷ 2 = 270 rollouts starting in the same instant.`,
    '',
    budgetTable(f.budget)
  ]
  return lines
}

export function renderSection(results: BenchResults): string {
  const parts: string[] = []
  if (results.main) parts.push(...mainSection(results.main), '')
  if (results.fleet) parts.push(...fleetSection(results.fleet), '')
  return parts.join('\n')
}

/** The page's text with the section between the markers replaced (markers kept). */
export function withSection(page: string, results: BenchResults): string {
  const from = page.indexOf(START)
  const to = page.indexOf(END, from)
  if (from < 0 || to < 0) throw new Error(`${PAGE} lacks ${START} … ${END}`)
  return `${page.slice(0, from + START.length)}\n\n${renderSection(results)}\n${page.slice(to)}`
}
