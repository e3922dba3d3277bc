// Every GitHub failure becomes a warning a user can act on; none fails the deployment.

/** A GitHub call's result: a value, or a warning with the fix (never a thrown error). */
export type GitHubResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly warning: string }

interface ErrorFacts {
  readonly status: number | undefined
  readonly detail: string
}

const TOKEN_PATTERN = /\b(gh[pousr]_[A-Za-z0-9_]{10,}|github_pat_[A-Za-z0-9_]{10,})\b/g

/** Removes the token (and anything shaped like a GitHub token) from a message. */
export function redact(text: string, token: string | undefined): string {
  let clean = text
  if (token !== undefined && token.length > 0) clean = clean.split(token).join('***')
  return clean.replace(TOKEN_PATTERN, '***')
}

/** Status and a short reason from an Octokit RequestError, a fetch failure, or anything thrown. */
export function errorFacts(error: unknown, token: string | undefined): ErrorFacts {
  const record =
    typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : {}
  const status = typeof record['status'] === 'number' ? record['status'] : undefined
  const response = record['response'] as { data?: { message?: unknown } } | undefined
  const apiMessage = response?.data?.message
  let detail: string
  if (typeof apiMessage === 'string' && apiMessage.length > 0) detail = apiMessage
  else if (error instanceof Error) detail = causeText(error)
  else detail = String(error)
  // Octokit appends the documentation URL after " - ": keep only the reason.
  detail = (detail.split(' - ')[0] ?? detail).trim()
  return { status, detail: redact(detail, token).slice(0, 200) }
}

function causeText(error: Error): string {
  const cause = (error as { cause?: unknown }).cause
  if (cause instanceof Error && cause.message.length > 0)
    return `${error.message}: ${cause.message}`
  return error.message
}

/** "(403 Resource not accessible by integration)" or "(fetch failed: connect ECONNREFUSED ...)". */
export function reasonText(facts: ErrorFacts): string {
  return facts.status === undefined ? `(${facts.detail})` : `(${facts.status} ${facts.detail})`
}

/** 401, 403 and 404 will not heal within a run: stop calling after the first one. */
export function isPermanent(facts: ErrorFacts): boolean {
  return facts.status === 401 || facts.status === 403 || facts.status === 404
}
