// The job summary when the inputs are refused: the headline and every problem, one per line.
// Loaded on the fail-fast path, so it depends on nothing but the Markdown helpers.
import { HEADLINE_TEXTS } from './headlines.js'
import { escapeMarkdown } from './markdown.js'

export function renderInputErrors(endpointName: string, message: string): string {
  const endpoint = endpointName === '' ? '(no endpoint name)' : endpointName
  const problems = message
    .split('\n')
    .map(line => line.trim())
    .filter(line => line !== '')
  const noun = problems.length === 1 ? 'problem' : 'problems'
  return (
    [
      `## ${HEADLINE_TEXTS.refused}: ${escapeMarkdown(endpoint)}`,
      'The inputs were refused before any AWS call: nothing was changed. Fix the step’s `with:` and run it again.',
      `**Failure reason:** ${problems.length} input ${noun}:`,
      problems.map(problem => `- ${escapeMarkdown(problem)}`).join('\n')
    ].join('\n\n') + '\n'
  )
}
