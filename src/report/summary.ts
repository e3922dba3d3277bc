// The job summary: verdict headline, the traffic-step table, the alarms that guarded the
// rollout, blue and green resources, and the event log. Pure: main.ts writes the string.

import type { RolloutMetrics } from '../metrics/types.js'
import type {
  AutoScalingReport,
  GateReport,
  Plan,
  RunContext,
  Timeline,
  TrafficStep,
  Verdict
} from '../types.js'
import { autoScalingSection, liveEndpointSection } from './live-endpoint.js'
import {
  details,
  escapeMarkdown,
  join,
  VERDICT_TEXT_LENGTH,
  link,
  raw,
  table,
  type Cell,
  type Markdown
} from './markdown.js'
import { alarmUrl, commitUrl, endpointUrl, runUrl } from './links.js'
import { fleetLabels, type FleetLabels } from './fleet-labels.js'
import { HEADLINES, IN_PROGRESS_HEADLINE, headlineFor } from './headlines.js'
import { formatCount, renderMetrics } from './metrics-view.js'
import type { BlueFleet } from './fleet-labels.js'
import { resourcesTable } from './resources.js'
import { rollingSection } from './rolling-view.js'
import { formatDuration, formatOffset, formatPercent, isoReasonTimes } from './time.js'
import { guardParagraph } from './guard-view.js'
import { gateSection } from './gate-view.js'
import { blastRadius } from '../metrics/blast-radius.js'
import { shownSteps } from '../metrics/fold.js'
import { BLUE_GREEN, fleetWords, type FleetWords } from '../fleet-words.js'

/** What an alarm watches and when it fires, for alarms the plan did not create. */
export interface AlarmDetail {
  readonly watches: string
  readonly threshold: string
}

export interface SummaryInput {
  readonly plan: Plan
  readonly timeline: Timeline
  readonly verdict: Verdict
  readonly run: RunContext
  readonly alarmDetails?: Readonly<Record<string, AlarmDetail>>
  /** The live fleet before the run (pre-flight), for the Blue (before) column. */
  readonly blue?: BlueFleet
  /** Seconds this step ran, on the runner's clock. */
  readonly durationSeconds?: number
  /** A progress report while watching (the PR comment between steps), not a verdict. */
  readonly inProgress?: boolean
  /** CloudWatch figures per step and phase, read after the verdict. */
  readonly metrics?: RolloutMetrics
  /** Auto scaling the run deregistered for the update, and whether it was restored. */
  readonly autoScaling?: AutoScalingReport
  /** The verification gate's checks. */
  readonly gate?: GateReport
}

export { HEADLINES, IN_PROGRESS_HEADLINE }

/** The event log is for reading, not an archive: the oldest and newest events are kept. */
const MAX_EVENTS = 200

export function renderSummary(input: SummaryInput): string {
  const { plan, timeline, verdict } = input
  const labels = fleetLabels(plan, input.blue)
  const words = fleetWords(plan)
  const sections = [
    headline(plan, verdict, timeline, input.inProgress === true, input.metrics, input.gate),
    variantsLine(plan),
    timeline.batches
      ? rollingSection(plan, timeline, verdict, labels)
      : trafficSection(plan, timeline, labels, input.metrics),
    renderMetrics(input.metrics, {
      firstDeploy: plan.firstDeploy,
      labels,
      stepTimes: shownSteps(timeline).map(step => stepTime(step, timeline.startedAt)),
      words
    }),
    alarmSection(input),
    gateSection(input.gate, timeline.startedAt),
    autoScalingSection(input.autoScaling, plan.region),
    liveEndpointSection(plan),
    `### Resources\n\n${resourcesTable(plan, input.blue, { blue: `${words.Old} (before)`, green: `${words.New} (this run)` })}`,
    eventLog(timeline, words),
    footer(input)
  ]
  return `${sections.filter(section => section !== '').join('\n\n')}\n`
}

function headline(
  plan: Plan,
  verdict: Verdict,
  timeline: Timeline,
  inProgress: boolean,
  metrics: RolloutMetrics | undefined,
  gate?: GateReport
): string {
  const endpoint = link(plan.endpointName, endpointUrl(plan.region, plan.endpointName))
  const title = inProgress ? IN_PROGRESS_HEADLINE : headlineFor(verdict, plan)
  const note = inProgress ? '' : outcomeNote(plan, verdict, timeline)
  // A rollback is said once: its note names the alarms (linked) and where the traffic went.
  const body =
    verdict.outcome === 'rolled-back' && note !== ''
      ? [note]
      : [escapeMarkdown(verdict.summary, { maxLength: VERDICT_TEXT_LENGTH }), note]
  const lines = [`## ${title}: ${endpoint.markdown}`]
  for (const part of body) if (part !== '') lines.push('', part)
  if (plan.unguardedFinalStep !== undefined) {
    lines.push(
      '',
      `⚠️ ${escapeMarkdown(plan.unguardedFinalStep, { maxLength: VERDICT_TEXT_LENGTH })}`
    )
  }
  // The gate's alarm only says "gate": which check failed is said with the rollback (the other
  // outcomes' text above says it already).
  if (gate?.breach && verdict.outcome === 'rolled-back') {
    lines.push('', `**Verification gate failed:** ${escapeMarkdown(gate.breach.why)}`)
  }
  const cost = inProgress ? '' : blastRadiusLine(verdict, metrics)
  if (cost !== '') lines.push('', cost)
  const reason = verdict.failureReason?.trim() ?? ''
  // With no reason from SageMaker, a rollback's reason would only repeat the note above; that
  // SageMaker gave none is said only when no alarm explains the rollback either.
  const noServiceReason =
    verdict.outcome === 'rolled-back' &&
    timeline.last !== undefined &&
    (timeline.last.failureReason ?? '').trim() === ''
  if (noServiceReason) {
    if (verdict.triggeredAlarms.length === 0) lines.push('', 'SageMaker gave no failure reason.')
  }
  // A regression's summary above is its reason.
  else if (reason !== '' && verdict.outcome !== 'regressed') {
    lines.push(
      '',
      `**Failure reason:** ${escapeMarkdown(reason, { maxLength: VERDICT_TEXT_LENGTH })}`
    )
  }
  return lines.join('\n')
}

/**
 * An endpoint with several variants: which one this run deploys to, and its share of the
 * endpoint's traffic (the traffic steps are shares of that variant's traffic). Empty with one.
 */
export function variantsLine(plan: Plan): string {
  const listed = plan.createEndpointConfig['ProductionVariants']
  if (!Array.isArray(listed) || listed.length < 2) return ''
  const variants = listed.map(v => {
    const variant = v as { VariantName?: unknown; InitialVariantWeight?: unknown }
    const weight =
      typeof variant.InitialVariantWeight === 'number' ? variant.InitialVariantWeight : 1
    return { name: String(variant.VariantName ?? ''), weight }
  })
  const total = variants.reduce((sum, v) => sum + v.weight, 0)
  const share = (weight: number) => formatPercent(total > 0 ? (100 * weight) / total : 0)
  const own = variants.find(v => v.name === plan.variantName)
  const others = variants
    .filter(v => v !== own)
    .map(v => `\`${escapeMarkdown(v.name)}\` (${share(v.weight)})`)
  const ownText =
    own === undefined
      ? `variant \`${escapeMarkdown(plan.variantName)}\``
      : `variant \`${escapeMarkdown(own.name)}\`, ${share(own.weight)} of the endpoint's traffic`
  return `**Variants:** this run deploys ${ownText}; the traffic steps are shares of its traffic. Carried unchanged: ${others.join(', ')}.`
}

/** What a rollback or a regression cost: green's requests and 5XX, from the metrics below. */
export function blastRadiusLine(verdict: Verdict, metrics: RolloutMetrics | undefined): string {
  if (verdict.outcome !== 'rolled-back' && verdict.outcome !== 'regressed') return ''
  const cost = blastRadius(metrics)
  if (cost === undefined) return ''
  const atLeast = cost.atLeast ? 'at least ' : ''
  const served =
    cost.requests === 0
      ? 'the new model served no request in this rollout'
      : `the new model served ${atLeast}${formatCount(cost.requests)} request${cost.requests === 1 ? '' : 's'} in this rollout, ${atLeast}${formatCount(cost.errors5xx)} of them answered with 5XX (${formatPercent((100 * cost.errors5xx) / cost.requests)})`
  const late = cost.atLeast ? ' (CloudWatch had not published every minute yet)' : ''
  return `**Blast radius:** ${served}${late}; per step and fleet under Metrics.`
}

function alarmLinks(plan: Plan, names: readonly string[]): Markdown {
  return join(
    names.map(name => link(name, alarmUrl(plan.region, name))),
    ', '
  )
}

function outcomeNote(plan: Plan, verdict: Verdict, timeline: Timeline): string {
  switch (verdict.outcome) {
    case 'rolled-back': {
      const names = verdict.triggeredAlarms
      const blue = escapeMarkdown(
        verdict.finalConfigName ?? timeline.oldConfigName ?? 'the previous config'
      )
      if (names.length === 0) {
        return `SageMaker returned all traffic to ${fleetWords(plan).oldFleet} (${blue}); no guarding alarm was seen in ALARM (see the failure reason and the event log).`
      }
      const noun = names.length === 1 ? 'alarm' : 'alarms'
      return `SageMaker returned all traffic to ${fleetWords(plan).oldFleet} (${blue}): ${noun} ${alarmLinks(plan, names).markdown} went into ALARM.`
    }
    case 'timed-out':
      return 'SageMaker may still be working on the update: the action stopped waiting, not the deployment. Re-running this job attaches to the deployment in progress and resumes watching it.'
    case 'started':
      return 'The update was started without waiting for a verdict (`wait: false`); SageMaker continues the traffic shift on its own.'
    case 'failed':
    case 'cancelled': {
      const mixed =
        verdict.finalStatus === 'UpdateRollbackFailed'
          ? updateRollbackFailedNote(plan, timeline)
          : ''
      // Linked here unless the summary above already names every one of them.
      const named = verdict.triggeredAlarms.every(name => verdict.summary.includes(name))
      const alarms =
        verdict.triggeredAlarms.length > 0 && !named
          ? `**Alarms in ALARM during the rollout:** ${alarmLinks(plan, verdict.triggeredAlarms).markdown}.`
          : ''
      return [mixed, alarms].filter(part => part !== '').join('\n\n')
    }
    default:
      return ''
  }
}

/** UpdateRollbackFailed: what the endpoint may serve now, and how to settle it. */
function updateRollbackFailedNote(plan: Plan, timeline: Timeline): string {
  const endpoint = escapeMarkdown(plan.endpointName)
  const back = timeline.oldConfigName ?? plan.previousConfigName
  const update =
    back === undefined
      ? ''
      : ` (\`aws sagemaker update-endpoint --endpoint-name ${plan.endpointName} --endpoint-config-name ${back}\` puts the previous config back)`
  return `**What to do now:** ${endpoint} may serve a mix of the old and new fleets, and stays so until it is settled by hand: SageMaker does not leave UpdateRollbackFailed on its own, and this action refuses to deploy to it. Update it to one endpoint config${update}, or delete and re-create it.`
}

/** `T+1 min`, or `between T+0 and T+1 min 21 s` for a step no poll saw. */
export function stepTime(step: TrafficStep, startedAt: number): string {
  if (step.between === undefined) return formatOffset(step.at - startedAt)
  const { after, before } = step.between
  return `between ${formatOffset(after - startedAt)} and ${formatOffset(before - startedAt)}`
}

/**
 * Green's requests after each row, by row: CloudWatch can count green requests after a row that
 * shows green at 0 % when SageMaker shifted traffic between two polls (steps that began and ended
 * between them, with nothing after them to place them by). Empty when the rows and the metrics
 * do not line up.
 */
function greenServedAfter(timeline: Timeline, metrics: RolloutMetrics | undefined): number[] {
  if (metrics === undefined || metrics.steps.length !== timeline.steps.length) return []
  return metrics.steps.map(step => step.green?.requests ?? 0)
}

function trafficSection(
  plan: Plan,
  timeline: Timeline,
  labels: FleetLabels,
  metrics: RolloutMetrics | undefined
): string {
  const heading = '### Traffic steps'
  if (plan.firstDeploy) {
    return `${heading}\n\nNo traffic shift: this was a new endpoint, created directly with the green model.`
  }
  if (timeline.steps.length === 0) return `${heading}\n\nNo traffic step was observed.`
  const served = greenServedAfter(timeline, metrics)
  // A row at 0 % after which green served requests: the share that followed was not seen, and
  // the row says so rather than showing green at 0 % throughout.
  const unseenShift = timeline.steps.map(
    (step, i) => step.greenPercent === 0 && (served[i] ?? 0) > 0
  )
  const rows = timeline.steps.map((step, i) => [
    stepTime(step, timeline.startedAt),
    unseenShift[i]
      ? `${formatPercent(step.bluePercent)}, then less (not seen)`
      : formatPercent(step.bluePercent),
    unseenShift[i]
      ? `${formatPercent(step.greenPercent)}, then more (not seen)`
      : formatPercent(step.greenPercent),
    step.event
  ])
  const headers = ['Time', `Blue: ${labels.blue}`, `Green: ${labels.green}`, 'What happened']
  const unseen = timeline.steps.some(step => step.between !== undefined)
    ? '\n\nA step marked *between two polls* was not seen by any poll: what SageMaker showed afterwards means it happened, at a time within the interval given.'
    : ''
  const unplaced = served.reduce((sum, n, i) => (unseenShift[i] ? sum + n : sum), 0)
  const shifted =
    unplaced > 0
      ? `\n\n*Not seen*: after a row marked so, green served ${formatCount(unplaced)} request${unplaced === 1 ? '' : 's'} (CloudWatch, under Metrics): SageMaker shifted traffic to green between two polls, and nothing it showed afterwards says the share or when.`
      : ''
  const guard = guardParagraph(plan)
  return `${heading}\n\n${table(headers, rows)}${unseen}${shifted}${guard ? `\n\n${guard}` : ''}`
}

function alarmSection(input: SummaryInput): string {
  const { plan, timeline, verdict } = input
  const tracked = new Map(timeline.alarms.map(track => [track.name, track]))
  const names = [...timeline.alarms.map(track => track.name)]
  for (const name of plan.guardAlarmNames) if (!tracked.has(name)) names.push(name)
  if (names.length === 0) return '### Alarms\n\nNo CloudWatch alarm guarded this rollout.'

  const rows: Cell[][] = []
  const reasons: string[] = []
  for (const name of names) {
    const track = tracked.get(name)
    const spec = plan.alarmsToCreate.find(alarm => alarm.name === name)
    const detail = input.alarmDetails?.[name]
    const seenInAlarm = track?.statesSeen.includes('ALARM') === true
    const fired = track?.fired === true || verdict.triggeredAlarms.includes(name)
    // Fired (SageMaker's failure reason or the alarm's history says so), but no poll saw it in
    // ALARM: it fired and cleared between two polls.
    const firedUnseen = fired && !seenInAlarm
    const nameLink = link(name, alarmUrl(plan.region, name))
    const when =
      track?.firedAt !== undefined
        ? `at ${formatOffset(track.firedAt - timeline.startedAt)}`
        : firedUnseen
          ? 'between two polls'
          : ''
    const whenText = when === '' ? '' : ` ${when}`
    const seen =
      track === undefined || track.statesSeen.length === 0 ? '—' : track.statesSeen.join(' → ')
    rows.push([
      fired ? raw(`🚨 ${nameLink.markdown} **fired**${whenText}`) : nameLink,
      detail?.watches ?? spec?.watches ?? '—',
      detail?.threshold ??
        (spec === undefined ? '—' : (spec.thresholdText ?? String(spec.threshold))),
      firedUnseen
        ? `${seen}, and ALARM between two polls`
        : track?.updatedBetweenPolls === true && !fired
          ? `${seen}, and updated between two polls (state not seen)`
          : seen,
      track?.finalState ?? '—'
    ])
    // The reason of the transition into ALARM; the latest one only while it still is in ALARM.
    const reason =
      track?.firedReason ?? (track?.finalState === 'ALARM' ? track.lastReason : undefined)
    const who = escapeMarkdown(name)
    if (fired && reason !== undefined && reason.trim() !== '') {
      const source = firedUnseen ? " (from the alarm's history: no poll saw it in ALARM)" : ''
      reasons.push(`- **${who}**${whenText}: ${escapeMarkdown(isoReasonTimes(reason))}${source}`)
    } else if (firedUnseen) {
      reasons.push(
        `- **${who}**: went into ALARM and back between two polls, so no poll read the reason it fired; SageMaker's failure reason names it.`
      )
    }
  }
  const headers = ['Alarm', 'Watches', 'Threshold', 'States seen', 'Final state']
  const why = reasons.length === 0 ? '' : `\n\nWhy they fired:\n\n${reasons.join('\n')}`
  return `### Alarms\n\n${table(headers, rows)}${why}`
}

/**
 * An event in the page's words: SageMaker reports a rolling update's new instances as the
 * variant's new fleet, which the event log calls green; a rolling page calls them new.
 */
function inWords(message: string, words: FleetWords): string {
  if (words === BLUE_GREEN) return message
  return message
    .replace(/\bgreen fleet\b/g, `${words.new} ${words.unit}`)
    .replace(
      /\(green (\d+(?:\.\d+)?)% \/ blue (\d+(?:\.\d+)?)%\)/g,
      `(${words.new} $1% / ${words.old} $2%)`
    )
}

function eventLog(timeline: Timeline, words: FleetWords): string {
  const events = timeline.events
  if (events.length === 0) return ''
  const shown =
    events.length <= MAX_EVENTS
      ? events
      : [...events.slice(0, MAX_EVENTS / 2), ...events.slice(-MAX_EVENTS / 2)]
  const lines = shown.map(
    event =>
      `- **${formatOffset(event.at - timeline.startedAt)}** ${escapeMarkdown(isoReasonTimes(inWords(event.message, words)))}`
  )
  if (shown.length < events.length) {
    lines.splice(MAX_EVENTS / 2, 0, `- … ${events.length - shown.length} events not shown`)
  }
  const noun = events.length === 1 ? 'event' : 'events'
  return details(`Event log (${events.length} ${noun})`, lines.join('\n'))
}

/** The rollout on SageMaker's clock: from the update request to the last thing it showed. */
function serviceDurationMs(timeline: Timeline): number {
  const times = [...timeline.events.map(e => e.at), ...timeline.steps.map(s => s.at)]
  return times.length === 0 ? 0 : Math.max(0, Math.max(...times) - timeline.startedAt)
}

function footer(input: SummaryInput): string {
  const { run, timeline } = input
  // Two clocks: the T+ times are SageMaker's; the step's own run time is the runner's.
  const parts = [
    `Rollout: ${formatDuration(serviceDurationMs(timeline))} on SageMaker's clock (the T+ times, from the update request)`
  ]
  if (input.durationSeconds !== undefined) {
    parts.push(`this step: ${formatDuration(input.durationSeconds * 1000)} on the runner's clock`)
  }
  const runLink = runUrl(run)
  if (runLink !== undefined && run.runId !== '') {
    parts.push(link(`run ${run.runId}, attempt ${run.runAttempt || '1'}`, runLink).markdown)
  }
  const commitLink = commitUrl(run)
  if (commitLink !== undefined)
    parts.push(`commit ${link(run.sha.slice(0, 7), commitLink).markdown}`)
  return parts.join(' · ')
}

/**
 * The headline block and the traffic steps (or rolling batches) section, rendered as the
 * summary renders them: the pull-request comment shows these, not the rest of the page.
 */
export function summaryParts(input: SummaryInput): {
  readonly headline: string
  readonly steps: string
} {
  const { plan, timeline, verdict } = input
  const labels = fleetLabels(plan, input.blue)
  return {
    headline: headline(
      plan,
      verdict,
      timeline,
      input.inProgress === true,
      input.metrics,
      input.gate
    ),
    steps: timeline.batches
      ? rollingSection(plan, timeline, verdict, labels)
      : trafficSection(plan, timeline, labels, input.metrics)
  }
}
