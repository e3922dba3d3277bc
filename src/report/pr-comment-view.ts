// The pull-request comment: compact, where the job summary is the whole page. The summary's
// headline and traffic steps (or rolling batches) table, the alarms (which fired, and when; while
// in progress, their current state), the next step the plan expects while in progress, and a
// link to the run, whose page shows the job summary. No metrics, resources or event log.
import type { AlarmTrack, Plan, ScheduledStep, Timeline } from '../types.js'
import { alarmUrl, runUrl } from './links.js'
import { escapeMarkdown, join, link, raw, table, type Cell, type Markdown } from './markdown.js'
import { plannedSteps } from './plan-view.js'
import { isRollingPlan } from './rolling-view.js'
import { summaryParts, type SummaryInput } from './summary.js'
import { formatOffset, formatPercent, isoReasonTimes } from './time.js'

/** The comment's input is the summary's: the figures read after the verdict are left out. */
export function renderPrComment(input: SummaryInput): string {
  const inProgress = input.inProgress === true
  // The metrics belong to the job summary: the comment says nothing that points to them.
  const { metrics: _metrics, ...rest } = input
  const parts = summaryParts(rest)
  const next = inProgress ? nextStepLine(input.plan, input.timeline) : ''
  const sections = [
    parts.headline,
    next === '' ? parts.steps : `${parts.steps}\n\n${next}`,
    inProgress ? currentAlarms(input) : decidingAlarms(input),
    runLine(input, inProgress)
  ]
  return `${sections.filter(section => section !== '').join('\n\n')}\n`
}

interface AlarmFacts {
  readonly name: string
  readonly track: AlarmTrack | undefined
  readonly fired: boolean
  /** `at T+…`, `between two polls`, or empty when not known. */
  readonly when: string
  readonly link: Markdown
}

function alarmFacts(input: SummaryInput): AlarmFacts[] {
  const { plan, timeline, verdict } = input
  const tracked = new Map(timeline.alarms.map(track => [track.name, track]))
  const names = [...tracked.keys()]
  for (const name of [...plan.guardAlarmNames, ...verdict.triggeredAlarms]) {
    if (!names.includes(name)) names.push(name)
  }
  return names.map(name => {
    const track = tracked.get(name)
    const fired = track?.fired === true || verdict.triggeredAlarms.includes(name)
    const seenInAlarm = track?.statesSeen.includes('ALARM') === true
    const when =
      track?.firedAt !== undefined
        ? `at ${formatOffset(track.firedAt - timeline.startedAt)}`
        : fired && !seenInAlarm
          ? 'between two polls'
          : ''
    return { name, track, fired, when, link: link(name, alarmUrl(plan.region, name)) }
  })
}

/** At the verdict: the alarm(s) that fired, linked, with when and why; or that none fired. */
function decidingAlarms(input: SummaryInput): string {
  const heading = '### Alarms'
  const alarms = alarmFacts(input)
  if (alarms.length === 0) return `${heading}\n\nNo CloudWatch alarm guarded this rollout.`
  const fired = alarms.filter(alarm => alarm.fired)
  if (fired.length === 0) {
    const all = join(
      alarms.map(alarm => alarm.link),
      ', '
    )
    return `${heading}\n\nNo alarm fired. Guarded by ${all.markdown}.`
  }
  const lines = fired.map(alarm => {
    const when = alarm.when === '' ? '' : ` ${alarm.when}`
    const reason = alarm.track?.firedReason ?? alarm.track?.lastReason
    const why =
      reason !== undefined && reason.trim() !== '' && alarm.track?.statesSeen.includes('ALARM')
        ? `: ${escapeMarkdown(isoReasonTimes(reason))}`
        : ''
    return `- 🚨 ${alarm.link.markdown} **fired**${when}${why}`
  })
  const quiet = alarms.length - fired.length
  const others =
    quiet === 0 ? '' : `\n\n${quiet} other guarding alarm${quiet === 1 ? '' : 's'} did not fire.`
  return `${heading}\n\n${lines.join('\n')}${others}`
}

/** While in progress: each alarm's state at the latest poll. */
function currentAlarms(input: SummaryInput): string {
  const heading = '### Alarms'
  const alarms = alarmFacts(input)
  if (alarms.length === 0) return `${heading}\n\nNo CloudWatch alarm guards this rollout.`
  const rows: Cell[][] = alarms.map(alarm => {
    const when = alarm.when === '' ? '' : ` ${alarm.when}`
    const spec = input.plan.alarmsToCreate.find(created => created.name === alarm.name)
    return [
      alarm.fired ? raw(`🚨 ${alarm.link.markdown} **fired**${when}`) : alarm.link,
      input.alarmDetails?.[alarm.name]?.watches ?? spec?.watches ?? '—',
      alarm.track?.finalState ?? 'not read yet'
    ]
  })
  return `${heading}\n\n${table(['Alarm', 'Watches', 'Current state'], rows)}`
}

/** Green's share now (new instances' share for a rolling update), and when it first reached it. */
function currentShare(timeline: Timeline): { percent: number; since?: number; back: boolean } {
  const rows = timeline.batches
    ? timeline.batches.map(row => ({ at: row.at, percent: row.newPercent }))
    : timeline.steps.map(step => ({ at: step.at, percent: step.greenPercent }))
  const percent = rows.at(-1)?.percent ?? 0
  const most = Math.max(0, ...rows.map(row => row.percent))
  const since = rows.find(row => row.percent === percent)?.at
  return { percent, ...(since !== undefined ? { since } : {}), back: percent < most }
}

/**
 * The next step of the plan's schedule after the share seen so far, and when it is due: one
 * planned interval after the step seen (the plan's offsets when no shift was seen yet).
 */
export function nextExpectedStep(
  plan: Plan,
  timeline: Timeline
): { readonly step: ScheduledStep; readonly at: number } | undefined {
  const share = currentShare(timeline)
  // Traffic going back to blue: a rollback, which the plan does not schedule.
  if (timeline.sawRollingBack || share.back) return undefined
  const rows = plannedSteps(plan)
  let reached = -1
  plan.schedule.forEach((row, i) => {
    if (row.greenPercent <= share.percent) reached = i
  })
  const step = rows[reached + 1]
  if (step === undefined) return undefined
  const from = plan.schedule[reached]
  const anchored =
    from !== undefined && from.greenPercent === share.percent && share.percent > 0
      ? share.since
      : undefined
  const at =
    anchored !== undefined && from !== undefined
      ? anchored + (step.offsetSeconds - from.offsetSeconds) * 1000
      : timeline.startedAt + step.offsetSeconds * 1000
  return { step, at }
}

function nextStepLine(plan: Plan, timeline: Timeline): string {
  const next = nextExpectedStep(plan, timeline)
  if (next === undefined) return ''
  const on = isRollingPlan(plan) ? 'on the new model' : 'on green'
  const share = `${formatPercent(next.step.greenPercent)} of the traffic ${on}`
  const when = formatOffset(next.at - timeline.startedAt)
  return `Next expected step: ${escapeMarkdown(next.step.label)} (${share}) at about ${when} (from the plan).`
}

function runLine(input: SummaryInput, inProgress: boolean): string {
  const { run } = input
  const url = run.runId === '' ? undefined : runUrl(run)
  if (url === undefined) {
    return inProgress
      ? 'No link to the run: this run has no GitHub run URL.'
      : 'No link to the job summary: this run has no GitHub run URL. The full report (metrics, resources, event log) is in the job summary of the run.'
  }
  const runLink = link(`run ${run.runId}, attempt ${run.runAttempt || '1'}`, url).markdown
  return inProgress
    ? `Follow the rollout in ${runLink}: its job summary is written at the verdict.`
    : `Full report (metrics, resources, event log): the job summary of ${runLink}.`
}
