// The job summary when there is no timeline: the run stopped before (or while) starting the
// update, e.g. invalid input, a pre-flight finding or a rejected request.

import type { Plan, RunContext, Verdict } from '../types.js'
import { escapeMarkdown, link, VERDICT_TEXT_LENGTH } from './markdown.js'
import { endpointUrl, runUrl } from './links.js'
import { resourcesTable } from './resources.js'
import { headlineFor } from './headlines.js'

export function renderError(
  endpointName: string,
  verdict: Verdict,
  plan: Plan | undefined,
  run: RunContext
): string {
  const region = plan?.region
  const endpoint =
    endpointName === ''
      ? escapeMarkdown('(no endpoint name)')
      : link(endpointName, region === undefined ? undefined : endpointUrl(region, endpointName))
          .markdown
  const sections = [`## ${headlineFor(verdict, plan)}: ${endpoint}`]
  const reason = verdict.failureReason?.trim() ?? ''
  const long = { maxLength: VERDICT_TEXT_LENGTH }
  const because = `**Failure reason:** ${escapeMarkdown(reason, long)}`
  if (reason !== '' && verdict.summary.startsWith(reason)) {
    // The summary is the reason plus a sentence ("Nothing was changed in AWS."): say the
    // reason once, then what the summary adds.
    const rest = verdict.summary.slice(reason.length).trim()
    sections.push(because, ...(rest === '' ? [] : [escapeMarkdown(rest, long)]))
  } else {
    sections.push(escapeMarkdown(verdict.summary, long), ...(reason === '' ? [] : [because]))
  }
  if (plan !== undefined) {
    sections.push(
      'No traffic was shifted.',
      `### Resources\n\n${resourcesTable(plan, undefined, { blue: 'Blue (live)', green: 'Green (planned)' })}`
    )
  }
  const url = runUrl(run)
  if (url !== undefined && run.runId !== '') {
    sections.push(link(`run ${run.runId}, attempt ${run.runAttempt || '1'}`, url).markdown)
  }
  return `${sections.join('\n\n')}\n`
}
