// The dry-run view: what would change, the expected traffic schedule, the alarms that would
// guard it, what the double fleet costs in instance-hours, and the exact requests.

import type { Plan, RunContext, ScheduledStep } from '../types.js'
import { alarmRows } from './alarm-rows.js'
import { details, escapeMarkdown, link, requestBlocks, table } from './markdown.js'
import { endpointUrl, runUrl } from './links.js'
import { renderComponentPlan } from './component-view.js'
import { blueOf, fleetLabels, type BlueFleet, type FleetLabels } from './fleet-labels.js'
import { liveEndpointSection } from './live-endpoint.js'
import { resourcesTable } from './resources.js'
import { isRollingPlan, peakSection } from './rolling-view.js'
import { formatDuration, formatOffset, formatPercent } from './time.js'
import { guardParagraph } from './guard-view.js'
import { gatePlanParagraph } from './gate-view.js'
import { HEADLINE_TEXTS } from './headlines.js'
import { BLUE_GREEN, fleetWords, type FleetWords } from '../fleet-words.js'

/**
 * Instance-hours of the double fleet: blue and green both run from the start of green
 * provisioning until blue is terminated, so (blue + green instances) × expected duration. Zero
 * for a new endpoint (there is no blue fleet). Blue's size is green's when it is not known.
 */
/**
 * What the double fleet adds: green's instances from the start of their provisioning until blue
 * is terminated. Blue runs anyway, so it is not counted.
 */
export function doubleFleetInstanceHours(plan: Plan): number {
  if (plan.firstDeploy) return 0
  const hours = (plan.instanceCount * plan.expectedDurationSeconds) / 3600
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
  const title = HEADLINE_TEXTS[plan.liveUnknown === undefined ? 'planned' : 'planned-live-unknown']
  const words = fleetWords(plan)
  const sections = [
    `## ${title}: ${endpoint.markdown}\n\nDry run: nothing was changed. ${action}`,
    `### ${words === BLUE_GREEN ? 'Blue and green' : `Old and new ${words.unit}`}\n\n${resourcesTable(plan, blue, { blue: `${words.Old} (live)`, green: `${words.New} (would be created)` })}`,
    liveEndpointSection(plan),
    scheduleSection(plan, fleetLabels(plan, blue), words),
    alarmSection(plan),
    peakSection(plan),
    isRollingPlan(plan) ? '' : costSection(plan, blue),
    requestsSection(plan),
    footer(run)
  ]
  return `${sections.filter(section => section !== '').join('\n\n')}\n`
}

/**
 * The expected schedule as the plan shows it: the policy's steps, then (for an update) the
 * completion, blue terminated, at the expected duration. Offsets from the update request.
 */
export function plannedSteps(plan: Plan): ScheduledStep[] {
  if (plan.firstDeploy || plan.schedule.length === 0) return [...plan.schedule]
  return [
    ...plan.schedule,
    {
      offsetSeconds: plan.expectedDurationSeconds,
      bluePercent: 0,
      greenPercent: 100,
      greenInstances: plan.instanceCount,
      label: isRollingPlan(plan)
        ? 'complete: the last old instances terminated'
        : 'complete: blue fleet terminated'
    }
  ]
}

function scheduleSection(plan: Plan, labels: FleetLabels, words: FleetWords): string {
  const heading = '### Expected traffic schedule'
  const budget = `the action waits up to ${formatDuration(plan.budgetSeconds * 1000)} for a verdict`
  if (plan.firstDeploy) {
    return (
      `${heading}\n\nNo traffic shift: the new endpoint would serve the green model from the start. ` +
      `Creating an endpoint usually takes several minutes (estimate: about ${formatDuration(plan.expectedDurationSeconds * 1000)}); ${budget}.`
    )
  }
  if (plan.schedule.length === 0) return `${heading}\n\nNo traffic shift.`
  const rows = plannedSteps(plan).map(step => [
    formatOffset(step.offsetSeconds * 1000),
    formatPercent(step.bluePercent),
    formatPercent(step.greenPercent),
    String(step.greenInstances),
    step.label
  ])
  const headers = [
    'Time',
    `${words.Old}: ${labels.blue}`,
    `${words.New}: ${labels.green}`,
    `${words.New} instances`,
    'Step'
  ]
  const first = plan.schedule.find(step => step.greenPercent > 0)?.offsetSeconds ?? 0
  const timing =
    `Expected duration: about ${formatDuration(plan.expectedDurationSeconds * 1000)}, from the update request until ${words === BLUE_GREEN ? 'blue is terminated' : `the last ${words.old} ${words.unit === 'copies' ? 'copy is' : 'instance is'} terminated`}; ${budget}. ` +
    `The times assume about ${formatDuration(first * 1000)} to provision new instances, as endpoints are reported to take; large models and accelerated instances can take longer, which moves every later row by as much.`
  const guard = guardParagraph(plan)
  return `${heading}\n\n${table(headers, rows)}\n\n${timing}${guard ? `\n\n${guard}` : ''}`
}

function alarmSection(plan: Plan): string {
  const heading = '### Alarms that would guard the rollout'
  if (plan.guardAlarmNames.length === 0) {
    return `${heading}\n\nNone: SageMaker would shift traffic without automatic rollback.`
  }
  const rows = alarmRows(plan)
  const gate = gatePlanParagraph(plan.gate)
  return `${heading}\n\n${table(['Alarm', 'Source', 'Watches'], rows)}${gate ? `\n\n${gate}` : ''}`
}

function costSection(plan: Plan, given: BlueFleet | undefined): string {
  const heading = '### Double fleet'
  const blue = blueOf(plan, given)
  if (plan.firstDeploy) return `${heading}\n\nNone: a new endpoint runs only the green fleet.`
  const hours = doubleFleetInstanceHours(plan)
  const greenType = escapeMarkdown(plan.instanceType)
  const blueType = escapeMarkdown(blue?.instanceType ?? plan.instanceType)
  const types =
    blueType === greenType
      ? `Both fleets are ${greenType}.`
      : `Blue runs ${blueType}, green ${greenType}.`
  return (
    `${heading}\n\nGreen runs next to blue from the start of its provisioning until blue is terminated: ` +
    `**${hours} extra instance-hours** = ${plan.instanceCount} green instances × ` +
    `${plan.expectedDurationSeconds} s ÷ 3600, rounded to 2 decimals (blue runs anyway). ${types}`
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
  const blocks = requestBlocks(
    [
      ['CreateModel', redactModel(plan.createModel)],
      ['CreateEndpointConfig', plan.restore ? undefined : plan.createEndpointConfig],
      ['CreateEndpoint', plan.createEndpoint],
      ['UpdateEndpoint', plan.updateEndpoint]
    ],
    plan.alarmsToCreate,
    body => stableJson(body, 2)
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
