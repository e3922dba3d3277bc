// Pure: the README's Performance section (between `<!-- bench:start -->` and
// `<!-- bench:end -->`) rendered from bench/results.json, which `npm run bench` writes. The
// figures are never typed: a test renders the section again from the file and compares.
import type { BudgetRow, FleetCheck, FleetFigures } from './bench-fleet.js'
import { budgetTable, fleetTable } from './bench-fleet.js'
import {
  firstRequestTable,
  markdownTable,
  type BenchFigures,
  type Environment,
  type TargetCheck
} from './bench-report.js'

export interface BenchResults {
  readonly main?: {
    readonly date: string
    readonly environment: Environment
    readonly figures: BenchFigures
    readonly checks: TargetCheck[]
  }
  readonly fleet?: {
    readonly date: string
    readonly nodeVersion: string
    readonly cpu: string
    readonly sagemakerTps: number
    readonly timeScale: number
    readonly repeat: number
    readonly pollIntervalMs: number
    readonly figures: FleetFigures[]
    readonly budget: BudgetRow[]
    readonly checks: FleetCheck[]
  }
}

export const START = '<!-- bench:start -->'
export const END = '<!-- bench:end -->'

const day = (iso: string): string => iso.slice(0, 10)

function mainSection(m: NonNullable<BenchResults['main']>): string[] {
  const out = [
    `Measured with \`npm run bench\` on ${day(m.date)} on a shared ${m.environment.cpu}, ${m.environment.nodeVersion}. Every figure is the median of repeated runs with their range; figures vary from run to run, the targets are what the benchmark checks.`,
    '',
    markdownTable(m.figures, m.checks, m.environment)
  ]
  if (m.figures.firstRequest?.length) {
    out.push(
      '',
      '**The real start, side by side.** Time from process start to the first AWS request with real inputs, the three programs run in turn (rotating order) against a local listener standing in for AWS. The peers are start-up equivalents built from npm (see [bench/peers/README.md](bench/peers/README.md)): the modules each peer loads at start, the inputs it reads and the client it builds, up to its first request, bundled with ncc as the peers bundle theirs.',
      '',
      firstRequestTable(m.figures)
    )
  }
  out.push(
    '',
    `How it measures: cold start runs the bundle with no inputs ${m.environment.runs} times, interleaved with \`node -e 0\`, and reads peak RSS with \`/usr/bin/time -v\`. The lab (A, then B rolled back, then E) runs against the emulator several times in two ways: *synced* keeps the defaults (\`poll-interval\` 10 s) with the action's clock (Date, timers) following the emulator's simulated time, so every constant of the action (2 s poll floor, 20 s alarm refresh, backoff) is scaled like the rest and calls per minute and detection delay are those of real time; *scaled* runs the bundle unchanged with \`poll-interval\` divided by the time scale, for real overheads. Detection is measured from the emulator's own record of the rollback or completion to the poll that saw it. Invalid input fails before \`@actions/core\` or the AWS SDK load; with valid inputs only the SageMaker client loads before the first request (\`DescribeEndpoint\`), and the rest loads while it is in flight. Source maps are read only in a debug run.`
  )
  return out
}

function fleetSection(f: NonNullable<BenchResults['fleet']>): string[] {
  const lines = [
    `**Many rollouts in one account** (\`npm run bench -- --concurrency ${f.figures.map(x => x.n).join(',')}\`, ${day(f.date)}, ${f.nodeVersion}). One emulator with CloudWatch's documented default quotas enforced per operation (DescribeAlarms 9, PutMetricAlarm 3, GetMetricData 50, DescribeAlarmHistory 3, ListMetrics 25 requests per second) and ${f.sagemakerTps} requests per second shared by SageMaker's \`Describe*\` calls; N endpoints serving a model on 4 instances, and N copies of \`dist/index.js\` started together, each promoting a new model on its own endpoint with the default inputs (linear 25 %, 60 s bakes, the two alarms created). The action runs on the emulator's clock at ${f.timeScale}× (its poll interval, alarm refresh, backoff and retry windows all scaled alike). ${f.repeat} runs per N.`,
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
    `What one rollout with the default inputs calls (the N = ${f.figures[0]?.n} runs: medians with ranges), and how many such rollouts at once each default quota carries at that average rate. SageMaker does not publish its \`Describe*\` request quota as a number; the table shows the rate the action makes. The two \`PutMetricAlarm\` calls come at launch and only when an alarm is missing or differs (a later rollout on the same endpoint writes none); when many rollouts start together they are throttled and retried with jittered backoff for up to 3 minutes, which carries 3 × 180 ÷ 2 = 270 rollouts starting in the same instant.`,
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

/** The README with the section between the markers replaced (markers kept). */
export function withSection(readme: string, results: BenchResults): string {
  const from = readme.indexOf(START)
  const to = readme.indexOf(END, from)
  if (from < 0 || to < 0) throw new Error(`README.md lacks ${START} … ${END}`)
  return `${readme.slice(0, from + START.length)}\n\n${renderSection(results)}\n${readme.slice(to)}`
}
