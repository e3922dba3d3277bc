// The job summary: verdict headline, the traffic-step table, the alarms that guarded the
// rollout, blue and green resources, and the event log. Pure: main.ts writes the string.

import type { RolloutMetrics } from '../metrics/types.js'
import type { AutoScalingReport, Outcome, Plan, RunContext, Timeline, Verdict } from '../types.js'
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
import { renderMetrics } from './metrics-view.js'
import { resourcesTable, type BlueFleet } from './resources.js'
import { rollingSection } from './rolling-view.js'
import { formatDuration, formatOffset, formatPercent } from './time.js'

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
  /** Seconds from the update request to the verdict; else derived from the timeline. */
  readonly durationSeconds?: number
  /** A progress report while watching (the PR comment between steps), not a verdict. */
  readonly inProgress?: boolean
  /** CloudWatch figures per step and phase, read after the verdict. */
  readonly metrics?: RolloutMetrics
  /** Auto scaling the run deregistered for the update, and whether it was restored. */
  readonly autoScaling?: AutoScalingReport
}

export const IN_PROGRESS_HEADLINE = '⏳ In progress'

export const HEADLINES: Readonly<Record<Outcome, string>> = {
  deployed: '✅ Deployed',
  'rolled-back': '❌ Rolled back',
  failed: '❌ Failed',
  'timed-out': '⏱️ Timed out',
  started: '🚀 Started',
  planned: '📝 Planned'
}

/** The event log is for reading, not an archive: the oldest and newest events are kept. */
const MAX_EVENTS = 200

export function renderSummary(input: SummaryInput): string {
  const { plan, timeline, verdict } = input
  const sections = [
    headline(plan, verdict, timeline, input.inProgress === true),
    timeline.batches ? rollingSection(plan, timeline, verdict) : trafficSection(plan, timeline),
    renderMetrics(input.metrics),
    alarmSection(input),
    autoScalingSection(input.autoScaling),
    liveEndpointSection(plan),
    `### Resources\n\n${resourcesTable(plan, input.blue, { blue: 'Blue (before)', green: 'Green (this run)' })}`,
    eventLog(timeline),
    footer(input)
  ]
  return `${sections.filter(section => section !== '').join('\n\n')}\n`
}

function headline(plan: Plan, verdict: Verdict, timeline: Timeline, inProgress: boolean): string {
  const endpoint = link(plan.endpointName, endpointUrl(plan.region, plan.endpointName))
  const title = inProgress ? IN_PROGRESS_HEADLINE : HEADLINES[verdict.outcome]
  const lines = [`## ${title}: ${endpoint.markdown}`, '']
  lines.push(escapeMarkdown(verdict.summary, { maxLength: VERDICT_TEXT_LENGTH }))
  const note = inProgress ? '' : outcomeNote(plan, verdict, timeline)
  if (note !== '') lines.push('', note)
  if (verdict.failureReason !== undefined && verdict.failureReason.trim() !== '') {
    lines.push(
      '',
      `**Failure reason:** ${escapeMarkdown(verdict.failureReason, { maxLength: VERDICT_TEXT_LENGTH })}`
    )
  }
  return lines.join('\n')
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
      if (names.length === 0) {
        return 'SageMaker rolled traffic back to the blue fleet; no guarding alarm was seen in ALARM (see the failure reason and the event log).'
      }
      const noun = names.length === 1 ? 'alarm' : 'alarms'
      return `**Rolled back by ${noun}:** ${alarmLinks(plan, names).markdown}. All traffic returned to the blue fleet (${escapeMarkdown(timeline.oldConfigName ?? 'the previous config')}).`
    }
    case 'timed-out':
      return 'SageMaker may still be working on the update: the action stopped waiting, not the deployment. Re-running this job attaches to the deployment in progress and resumes watching it.'
    case 'started':
      return 'The update was started without waiting for a verdict (`wait: false`); SageMaker continues the traffic shift on its own.'
    case 'failed':
      return verdict.triggeredAlarms.length > 0
        ? `**Alarms in ALARM during the rollout:** ${alarmLinks(plan, verdict.triggeredAlarms).markdown}.`
        : ''
    default:
      return ''
  }
}

function trafficSection(plan: Plan, timeline: Timeline): string {
  const heading = '### Traffic steps'
  if (plan.firstDeploy) {
    return `${heading}\n\nNo traffic shift: this was a new endpoint, created directly with the green model.`
  }
  if (timeline.steps.length === 0) return `${heading}\n\nNo traffic step was observed.`
  const rows = timeline.steps.map(step => [
    formatOffset(step.at - timeline.startedAt),
    formatPercent(step.bluePercent),
    formatPercent(step.greenPercent),
    step.event
  ])
  const headers = [
    'Time',
    `Blue (${plan.blueModelName ?? 'previous model'})`,
    `Green (${plan.greenModelName})`,
    'What happened'
  ]
  return `${heading}\n\n${table(headers, rows)}`
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
    const fired = track?.fired === true || verdict.triggeredAlarms.includes(name)
    const nameLink = link(name, alarmUrl(plan.region, name))
    const when =
      track?.firedAt === undefined ? '' : ` at ${formatOffset(track.firedAt - timeline.startedAt)}`
    rows.push([
      fired ? raw(`🚨 ${nameLink.markdown} **fired**${when}`) : nameLink,
      detail?.watches ?? spec?.watches ?? '—',
      detail?.threshold ??
        (spec === undefined ? '—' : (spec.thresholdText ?? String(spec.threshold))),
      track === undefined || track.statesSeen.length === 0 ? '—' : track.statesSeen.join(' → '),
      track?.finalState ?? '—'
    ])
    if (fired && track?.lastReason !== undefined && track.lastReason.trim() !== '') {
      reasons.push(`- **${escapeMarkdown(name)}**: ${escapeMarkdown(track.lastReason)}`)
    }
  }
  const headers = ['Alarm', 'Watches', 'Threshold', 'States seen', 'Final state']
  const why = reasons.length === 0 ? '' : `\n\nAlarm reasons:\n\n${reasons.join('\n')}`
  return `### Alarms\n\n${table(headers, rows)}${why}`
}

function eventLog(timeline: Timeline): string {
  const events = timeline.events
  if (events.length === 0) return ''
  const shown =
    events.length <= MAX_EVENTS
      ? events
      : [...events.slice(0, MAX_EVENTS / 2), ...events.slice(-MAX_EVENTS / 2)]
  const lines = shown.map(
    event => `- **${formatOffset(event.at - timeline.startedAt)}** ${escapeMarkdown(event.message)}`
  )
  if (shown.length < events.length) {
    lines.splice(MAX_EVENTS / 2, 0, `- … ${events.length - shown.length} events not shown`)
  }
  const noun = events.length === 1 ? 'event' : 'events'
  return details(`Event log (${events.length} ${noun})`, lines.join('\n'))
}

function durationMs(input: SummaryInput): number {
  if (input.durationSeconds !== undefined) return input.durationSeconds * 1000
  const { timeline } = input
  const times = [...timeline.events.map(e => e.at), ...timeline.steps.map(s => s.at)]
  return times.length === 0 ? 0 : Math.max(0, Math.max(...times) - timeline.startedAt)
}

function footer(input: SummaryInput): string {
  const { run } = input
  const parts = [`Duration: ${formatDuration(durationMs(input))}`]
  const runLink = runUrl(run)
  if (runLink !== undefined && run.runId !== '') {
    parts.push(link(`run ${run.runId}, attempt ${run.runAttempt || '1'}`, runLink).markdown)
  }
  const commitLink = commitUrl(run)
  if (commitLink !== undefined)
    parts.push(`commit ${link(run.sha.slice(0, 7), commitLink).markdown}`)
  return parts.join(' · ')
}
