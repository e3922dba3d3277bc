// The runner commands the fail-fast path needs, without loading @actions/core: reading an input
// as the runner passes it, failing the step, setting an output and writing the job summary.
// Same encoding as @actions/core.
import { randomUUID } from 'node:crypto'
import { appendFileSync } from 'node:fs'

/** The runner passes `with:` values as INPUT_<NAME> (upper case, spaces as underscores). */
export function getInput(
  name: string,
  env: Readonly<Record<string, string | undefined>> = process.env
): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

/** `::error::` with the message escaped as workflow commands require, and exit code 1. */
export function failFast(message: string): void {
  const data = message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
  process.stdout.write(`::error::${data}\n`)
  process.exitCode = 1
}

/** Appends an output in the runner's file-command format, as @actions/core's setOutput does. */
export function setOutputFast(
  name: string,
  value: string,
  env: Readonly<Record<string, string | undefined>> = process.env
): void {
  const file = env['GITHUB_OUTPUT']
  if (!file) return
  const delimiter = `ghadelimiter_${randomUUID()}`
  appendFileSync(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`)
}

/** Appends Markdown to the job summary, as @actions/core's summary.write() does. */
export function appendSummaryFast(
  markdown: string,
  env: Readonly<Record<string, string | undefined>> = process.env
): void {
  const file = env['GITHUB_STEP_SUMMARY']
  if (!file) return
  try {
    appendFileSync(file, markdown)
  } catch {
    // A summary that cannot be written never hides the error itself.
  }
}

/** `::add-mask::` as @actions/core's setSecret writes it: the runner hides the value in logs. */
export function maskSecret(value: string): void {
  const data = value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
  process.stdout.write(`::add-mask::${data}\n`)
}
