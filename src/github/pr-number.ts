// Which pull request a run belongs to: from the event payload, or the pr-number input.
import { readFileSync } from 'node:fs'

const PULL_REQUEST_EVENTS = new Set([
  'pull_request',
  'pull_request_target',
  'pull_request_review',
  'pull_request_review_comment'
])

type Env = Readonly<Record<string, string | undefined>>

/**
 * The pull request number of this run: `pull_request.number` for pull-request events,
 * `issue.number` for an `issue_comment` on a pull request, else the pr-number input.
 */
export function pullRequestNumber(env: Env, prNumberInput?: number): number | undefined {
  return fromEvent(env) ?? (isIssueNumber(prNumberInput) ? prNumberInput : undefined)
}

function fromEvent(env: Env): number | undefined {
  const eventName = env['GITHUB_EVENT_NAME'] ?? ''
  const eventPath = env['GITHUB_EVENT_PATH']
  if (eventPath === undefined || eventPath === '') return undefined
  const payload = readPayload(eventPath)
  if (payload === undefined) return undefined
  if (PULL_REQUEST_EVENTS.has(eventName)) return numberOf(payload['pull_request'])
  if (eventName === 'issue_comment') {
    const issue = payload['issue']
    const onPullRequest = isRecord(issue) && isRecord(issue['pull_request'])
    return onPullRequest ? numberOf(issue) : undefined
  }
  return undefined
}

function readPayload(path: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'))
    return isRecord(parsed) ? parsed : undefined
  } catch {
    return undefined
  }
}

function numberOf(value: unknown): number | undefined {
  if (!isRecord(value)) return undefined
  const number = value['number']
  return isIssueNumber(number) ? number : undefined
}

function isIssueNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
