// The report's views of a model deployed into an inference component: the resources (component,
// model before and after, copies) and the dry-run plan (the batches of copies, the peak, the
// alarms and the exact requests).
import type { Plan, RunContext } from '../types.js'
import { alarmRows } from './alarm-rows.js'
import { code, details, escapeMarkdown, link, requestBlocks, table, type Cell } from './markdown.js'
import { endpointUrl, modelUrl, runUrl } from './links.js'
import { liveEndpointSection } from './live-endpoint.js'
import { peakSection } from './rolling-view.js'
import { formatDuration, formatOffset, formatPercent } from './time.js'

const NONE = '—'

/** `| | before | this run |`: the component, its model, the artifact, the copies. */
export function componentResourcesTable(
  plan: Plan,
  headers: { readonly blue: string; readonly green: string }
): string {
  const component = plan.component
  if (!component) return ''
  const modelLink = (name: string | undefined): Cell =>
    name === undefined ? NONE : link(name, modelUrl(plan.region, name))
  const rows: Cell[][] = [
    ['Inference component', component.name, component.name],
    ['Model', modelLink(plan.blueModelName), modelLink(plan.greenModelName)],
    ['Artifact', NONE, plan.artifact === undefined ? NONE : code(plan.artifact)],
    ['Copies', String(component.copies), String(component.copies)],
    ['Instance type (endpoint)', plan.instanceType || NONE, plan.instanceType || NONE]
  ]
  return table(['', headers.blue, headers.green], rows)
}

function scheduleSection(plan: Plan): string {
  const rows = plan.schedule.map(step => [
    formatOffset(step.offsetSeconds * 1000),
    String(step.greenInstances),
    String(step.blueInstances ?? NONE),
    formatPercent(step.greenPercent),
    step.label
  ])
  const headers = [
    'Time',
    `New copies (${plan.greenModelName})`,
    `Old copies (${plan.blueModelName ?? 'previous model'})`,
    'Traffic on new',
    'Batch'
  ]
  const first = plan.schedule.find(step => step.greenPercent > 0)?.offsetSeconds ?? 0
  return (
    `### Expected batches\n\n${table(headers, rows)}\n\n` +
    `Expected duration: about ${formatDuration(plan.expectedDurationSeconds * 1000)}; the action waits up to ${formatDuration(plan.budgetSeconds * 1000)} for a verdict. ` +
    `The times assume about ${formatDuration(first * 1000)} to bring up each batch of copies: SageMaker often takes minutes, and more when new instances must be launched for them.`
  )
}

function alarmSection(plan: Plan): string {
  const heading = '### Alarms that would guard the rollout'
  if (plan.guardAlarmNames.length === 0) {
    return `${heading}\n\nNone: SageMaker would replace the copies without automatic rollback.`
  }
  const rows = alarmRows(plan)
  return `${heading}\n\n${table(['Alarm', 'Source', 'Watches'], rows)}\n\nThe created alarms watch the component's own invocations (the \`InferenceComponentName\` dimension of the \`AWS/SageMaker\` metrics), so other components on the endpoint cannot trip them.`
}

export function renderComponentPlan(plan: Plan, run: RunContext): string {
  const component = plan.component
  if (!component) return ''
  const endpoint = link(plan.endpointName, endpointUrl(plan.region, plan.endpointName)).markdown
  const request = component.updateInferenceComponent
  const blocks = requestBlocks(
    [
      ['CreateModel', redactEnvironment(plan.createModel)],
      ['UpdateInferenceComponent', request]
    ],
    plan.alarmsToCreate,
    body => JSON.stringify(body, null, 2)
  )
  const url = runUrl(run)
  const sections = [
    `## 📝 Planned: ${endpoint}\n\nDry run: nothing was changed. Inference component ${escapeMarkdown(component.name)} would get ${escapeMarkdown(plan.greenModelName)} in batches of ${component.batchCopies} of its ${component.copies} copies (UpdateInferenceComponent, rolling), its specification otherwise kept.`,
    `### The component\n\n${componentResourcesTable(plan, { blue: 'Live', green: 'Would be deployed' })}`,
    liveEndpointSection(plan),
    scheduleSection(plan),
    peakSection(plan),
    alarmSection(plan),
    details('Requests that would be sent', blocks.join('\n\n')),
    url === undefined || run.runId === ''
      ? ''
      : `Planned by ${link(`run ${run.runId}, attempt ${run.runAttempt || '1'}`, url).markdown}.`
  ]
  return `${sections.filter(section => section !== '').join('\n\n')}\n`
}

function redactEnvironment(
  body: Record<string, unknown> | undefined
): Record<string, unknown> | undefined {
  const container = body?.['PrimaryContainer'] as Record<string, unknown> | undefined
  const environment = container?.['Environment'] as Record<string, string> | undefined
  if (!body || !container || !environment) return body
  const keys = Object.fromEntries(Object.keys(environment).map(key => [key, '(value not shown)']))
  return { ...body, PrimaryContainer: { ...container, Environment: keys } }
}
