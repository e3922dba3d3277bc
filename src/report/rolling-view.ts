// The rolling deployment's parts of the report: the table of batches (new and old instances or
// copies, the traffic on the new ones, what happened) in the job summary, and, in the dry-run
// plan, the peak instance count of each strategy side by side: what rolling saves.
import { unwatchedParagraph } from './guard-view.js'
import { isRollingPlan } from '../fleet-words.js'
import type { Plan, Timeline, Verdict } from '../types.js'
import type { FleetLabels } from './fleet-labels.js'
import { escapeMarkdown, table, type Cell } from './markdown.js'
import { formatOffset, formatPercent } from './time.js'

export { isRollingPlan }

function unit(plan: Plan): string {
  return plan.component !== undefined ? 'copies' : 'instances'
}

/** The rollback's alarms, when the last row says it rolled back without naming them. */
function namedAlarms(event: string, verdict: Verdict | undefined): string {
  const missing = (verdict?.triggeredAlarms ?? []).filter(name => !event.includes(name))
  if (verdict?.outcome !== 'rolled-back' || missing.length === 0) return event
  return `${event}; alarm ${missing.join(', ')} went into ALARM`
}

/**
 * What the previous row said already is not said again: its `(alarm X in ALARM)`, and a long
 * explanation after the colon (`: as above`).
 */
function shortened(event: string, previous: { readonly event: string } | undefined): string {
  if (previous === undefined) return event
  let text = event
  const reason = /\(alarm [^)]*\)/.exec(text)
  if (reason !== null && previous.event.includes(reason[0]))
    text = text.replace(` ${reason[0]}`, '')
  const colon = text.indexOf(': ')
  const before = previous.event.indexOf(': ')
  if (colon < 0 || before < 0) return text
  const tail = text.slice(colon + 2)
  return tail.length > REPEATED && tail === previous.event.slice(before + 2)
    ? `${text.slice(0, colon)}: as above`
    : text
}

/** An explanation longer than this, repeated word for word, is said once. */
const REPEATED = 40

export function rollingSection(
  plan: Plan,
  timeline: Timeline,
  verdict?: Verdict,
  labels?: FleetLabels
): string {
  const heading = '### Rolling batches'
  const rows = timeline.batches ?? []
  if (rows.length === 0) return `${heading}\n\nNo batch was observed.`
  const body: Cell[][] = rows.map((row, i) => [
    formatOffset(row.at - timeline.startedAt),
    String(row.newCount),
    String(row.oldCount),
    formatPercent(row.newPercent),
    shortened(i === rows.length - 1 ? namedAlarms(row.event, verdict) : row.event, rows[i - 1])
  ])
  const things = unit(plan)
  const headers = [
    'Time',
    `New ${things}: ${labels?.green ?? plan.greenModelName}`,
    `Old ${things}: ${labels?.blue ?? plan.blueModelName ?? 'the previous model'}`,
    'Traffic on new',
    'What happened'
  ]
  const peak = plan.peakInstances
  const note =
    peak === undefined
      ? ''
      : `\n\nAt most ${peak.rolling} ${things} run at once (the ${plan.instanceCount} of the fleet and one batch); a blue/green update would run ${peak.blueGreen}.`
  const inferred =
    plan.component !== undefined
      ? ' DescribeInferenceComponent gives the copies running, not which model each runs: the split between new and old copies is counted from the batches seen.'
      : ''
  const unwatched = plan.unwatched ? unwatchedParagraph(plan.unwatched) : ''
  return `${heading}\n\n${table(headers, body)}${note}${inferred}${unwatched ? `\n\n${unwatched}` : ''}`
}

/**
 * The most instances (or copies) each strategy runs at once, side by side: blue/green launches a
 * whole new fleet next to the live one, rolling one batch at a time.
 */
export function peakSection(plan: Plan): string {
  const peak = plan.peakInstances
  if (peak === undefined || plan.firstDeploy) return ''
  const things = unit(plan)
  const fleet = plan.instanceCount
  const rolling = isRollingPlan(plan)
  const batch = peak.rolling - fleet
  const rows: Cell[][] = [
    [
      'Blue/green (linear, canary, all at once)',
      String(peak.blueGreen),
      `+${peak.blueGreen - fleet}: a whole new fleet next to the live one`,
      rolling ? '' : 'this plan'
    ],
    [
      `Rolling, batches of ${batch}`,
      String(peak.rolling),
      `+${batch}: one batch at a time`,
      rolling ? 'this plan' : ''
    ]
  ]
  const type = escapeMarkdown(plan.instanceType)
  const saves = peak.blueGreen - peak.rolling
  const sentence =
    plan.component !== undefined
      ? `Inference components update by rolling only. Copies share the endpoint's ${type} instances.`
      : `Rolling runs ${saves} fewer ${type} instance(s) at the peak; each batch is provisioned on its own, so it takes longer.`
  return `### Peak ${things}\n\n${table(['Strategy', `Most ${things} at once`, 'Extra', 'Plan'], rows)}\n\n${sentence}`
}
