// The dry-run view: what would change, the expected traffic schedule, the alarms that would
// guard it, what the double fleet costs in instance-hours, and the exact requests.

import type { Plan, RunContext } from '../types.js'
import { codeBlock, details, escapeMarkdown, link, table, type Cell } from './markdown.js'
import { alarmUrl, endpointUrl, runUrl } from './links.js'
import { renderComponentPlan } from './component-view.js'
import { liveEndpointSection } from './live-endpoint.js'
import { isRollingPlan, peakSection } from './rolling-view.js'
import { resourcesTable, type BlueFleet } from './resources.js'
import { formatDuration, formatOffset, formatPercent } from './time.js'

/**
 * Instance-hours of the double fleet: blue and green both run from the start of green
 * provisioning until blue is terminated, so instanceCount × 2 × expected duration. Zero for
 * a new endpoint (there is no blue fleet).
 */
export function doubleFleetInstanceHours(plan: Plan): number {
  if (plan.firstDeploy) return 0
  const hours = (plan.instanceCount * 2 * plan.expectedDurationSeconds) / 3600
  return Math.round(hours * 100) / 100
}

export function renderPlan(plan: Plan, run: RunContext, blue?: BlueFleet): string {
  if (plan.component) return renderComponentPlan(plan, run)
  const endpoint = link(plan.endpointName, endpointUrl(plan.region, plan.endpointName))
  const action =
    plan.liveUnknown !== undefined
      ? escapeMarkdown(plan.liveUnknown, { maxLength: 2000 })
      : plan.firstDeploy
        ? 'The endpoint does not exist yet: it would be created with the green model (CreateEndpoint), with no traffic shift.'
        : isRollingPlan(plan)
          ? 'The endpoint would be updated by a rolling deployment (UpdateEndpoint): batches of new instances replace old ones.'
          : 'The endpoint would be updated with a blue/green traffic shift (UpdateEndpoint).'
  const title = plan.liveUnknown !== undefined ? 'Planned, endpoint state unknown' : 'Planned'
  const sections = [
    `## 📝 ${title}: ${endpoint.markdown}\n\nDry run: nothing was changed. ${action}`,
    `### Blue and green\n\n${resourcesTable(plan, blue, { blue: 'Blue (live)', green: 'Green (would be created)' })}`,
    liveEndpointSection(plan),
    scheduleSection(plan),
    alarmSection(plan),
    peakSection(plan),
    isRollingPlan(plan) ? '' : costSection(plan),
    requestsSection(plan),
    footer(run)
  ]
  return `${sections.filter(section => section !== '').join('\n\n')}\n`
}

function scheduleSection(plan: Plan): string {
  const heading = '### Expected traffic schedule'
  if (plan.schedule.length === 0) return `${heading}\n\nNo traffic shift.`
  const rows = plan.schedule.map(step => [
    formatOffset(step.offsetSeconds * 1000),
    formatPercent(step.bluePercent),
    formatPercent(step.greenPercent),
    String(step.greenInstances),
    step.label
  ])
  const headers = [
    'Time',
    `Blue (${plan.blueModelName ?? 'previous model'})`,
    `Green (${plan.greenModelName})`,
    'Green instances',
    'Step'
  ]
  const timing =
    `Expected duration: about ${formatDuration(plan.expectedDurationSeconds * 1000)}` +
    ` (including provisioning); the action waits up to ${formatDuration(plan.budgetSeconds * 1000)} for a verdict.`
  return `${heading}\n\n${table(headers, rows)}\n\n${timing}`
}

function alarmSection(plan: Plan): string {
  const heading = '### Alarms that would guard the rollout'
  if (plan.guardAlarmNames.length === 0) {
    return `${heading}\n\nNone: SageMaker would shift traffic without automatic rollback.`
  }
  const rows: Cell[][] = plan.guardAlarmNames.map(name => {
    const spec = plan.alarmsToCreate.find(alarm => alarm.name === name)
    return [
      link(name, alarmUrl(plan.region, name)),
      spec === undefined ? 'existing alarm' : 'created or updated by this run',
      spec?.watches ?? '—'
    ]
  })
  return `${heading}\n\n${table(['Alarm', 'Source', 'Watches'], rows)}`
}

function costSection(plan: Plan): string {
  const heading = '### Double fleet'
  if (plan.firstDeploy) return `${heading}\n\nNone: a new endpoint runs only the green fleet.`
  const hours = doubleFleetInstanceHours(plan)
  const type = escapeMarkdown(plan.instanceType)
  return (
    `${heading}\n\nBlue and green both run from the start of green provisioning until blue is terminated: ` +
    `**${hours} instance-hours** of ${type} = ${plan.instanceCount} instances × 2 fleets × ` +
    `${plan.expectedDurationSeconds} s ÷ 3600, rounded to 2 decimals.`
  )
}

/** A container environment often carries credentials: show its keys, never its values. */
export const REDACTED = '(value not shown)'

function redactModel(
  body: Record<string, unknown> | undefined
): Record<string, unknown> | undefined {
  const container = body?.['PrimaryContainer'] as Record<string, unknown> | undefined
  const environment = container?.['Environment'] as Record<string, string> | undefined
  if (!body || !container || !environment) return body
  const keysOnly = Object.fromEntries(Object.keys(environment).map(key => [key, REDACTED]))
  return { ...body, PrimaryContainer: { ...container, Environment: keysOnly } }
}

/** The plan as it may be shown or output: environment values redacted. */
export function publicPlan(plan: Plan): Plan {
  return { ...plan, createModel: redactModel(plan.createModel) }
}

function requestsSection(plan: Plan): string {
  const requests: [string, Record<string, unknown> | undefined][] = [
    ['CreateModel', redactModel(plan.createModel)],
    ['CreateEndpointConfig', plan.createEndpointConfig],
    ['CreateEndpoint', plan.createEndpoint],
    ['UpdateEndpoint', plan.updateEndpoint],
    ...plan.alarmsToCreate.map((alarm): [string, Record<string, unknown>] => [
      `PutMetricAlarm (${alarm.name})`,
      alarm.request
    ])
  ]
  const blocks = requests
    .filter((entry): entry is [string, Record<string, unknown>] => entry[1] !== undefined)
    .map(
      ([name, body]) => `**${escapeMarkdown(name)}**\n\n${codeBlock(stableJson(body, 2), 'json')}`
    )
  return details('Requests that would be sent', blocks.join('\n\n'))
}

function footer(run: RunContext): string {
  const url = runUrl(run)
  if (url === undefined || run.runId === '') return ''
  return `Planned by ${link(`run ${run.runId}, attempt ${run.runAttempt || '1'}`, url).markdown}.`
}

/** Object keys sorted at every level and undefined turned into null, so the JSON is stable. */
function sortKeys(value: unknown): unknown {
  if (value === undefined) return null
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return Object.fromEntries(entries.map(([key, item]) => [key, sortKeys(item)]))
  }
  return value
}

export function stableJson(value: unknown, indent?: number): string {
  return JSON.stringify(sortKeys(value), null, indent)
}

/** The `plan` output: the whole plan as stable, compact JSON. */
export function planJson(plan: Plan): string {
  return stableJson(publicPlan(plan))
}
