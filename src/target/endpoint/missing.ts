// A missing endpoint: created only when the step says so (create-endpoint: if-missing). A typo
// in endpoint-name, or the wrong region, would otherwise create a second production-sized
// endpoint. The refusal says where the action looked (region, account) and which endpoints there
// have close names. Reads only; a read that fails is a note in the message, never the error.
import type { AwsApi } from '../../aws/api.js'
import { errorMessage, InputError } from '../../errors.js'
import { PreflightError } from '../../deploy/preflight.js'
import type { DeployRequest } from '../../types.js'

/** At most this many close names are shown. */
const CLOSE_NAMES = 5

/** Levenshtein distance, case-insensitive (an endpoint's ARN is its name in lower case). */
export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase()
  const y = b.toLowerCase()
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j)
  for (let i = 1; i <= x.length; i++) {
    const row = [i]
    for (let j = 1; j <= y.length; j++) {
      const substitution = (previous[j - 1] as number) + (x[i - 1] === y[j - 1] ? 0 : 1)
      row.push(Math.min((previous[j] as number) + 1, (row[j - 1] as number) + 1, substitution))
    }
    previous = row
  }
  return previous[y.length] as number
}

/**
 * The names a typo of `name` could have meant: within a quarter of its length in edits (at least
 * two), or one containing the other; closest first, then alphabetical.
 */
export function closeNames(name: string, candidates: readonly string[]): string[] {
  const limit = Math.max(2, Math.floor(name.length / 4))
  const lower = name.toLowerCase()
  return candidates
    .filter(c => c !== name)
    .map(c => {
      const other = c.toLowerCase()
      const contains = other.includes(lower) || lower.includes(other)
      return { c, d: contains ? Math.min(editDistance(name, c), limit) : editDistance(name, c) }
    })
    .filter(({ d }) => d <= limit)
    .sort((p, q) => p.d - q.d || (p.c < q.c ? -1 : 1))
    .slice(0, CLOSE_NAMES)
    .map(({ c }) => c)
}

/** Where the action looked, and what is close there: for the message about a missing endpoint. */
export async function whereMissing(api: AwsApi, request: DeployRequest): Promise<string> {
  const read = { deadlineMs: 15_000 }
  const [account, listed] = await Promise.allSettled([
    api.callerAccount(read),
    api.listEndpoints({ maxPages: 5 }, read)
  ])
  const where =
    account.status === 'fulfilled' && account.value
      ? `${request.region} (account ${account.value})`
      : request.region
  let close: string
  if (listed.status === 'rejected') {
    close = ` The endpoints in ${request.region} could not be listed to look for a close name (${errorMessage(listed.reason)}).`
  } else {
    const names = closeNames(
      request.endpointName,
      listed.value.flatMap(e => (e.EndpointName ? [e.EndpointName] : []))
    )
    close = names.length
      ? ` Endpoints there with a close name: ${names.join(', ')}.`
      : listed.value.length
        ? ` No endpoint there has a close name (${listed.value.length} listed).`
        : ` There is no endpoint in ${request.region}.`
  }
  return `Endpoint "${request.endpointName}" does not exist in ${where}.${close}`
}

/** create-endpoint: never, and the endpoint is missing: refused before any write. */
export async function refuseMissing(api: AwsApi, request: DeployRequest): Promise<never> {
  const where = await whereMissing(api, request)
  throw new PreflightError(
    `${where} With create-endpoint: never (the default) it is not created: fix endpoint-name or region, or set create-endpoint: if-missing (with instance-type and instance-count) to create a new endpoint.`
  )
}

/** create-endpoint: if-missing, but the plan of the new endpoint lacks an input: say where too. */
export async function missingInputForNew(
  api: AwsApi,
  request: DeployRequest,
  e: InputError
): Promise<never> {
  const where = await whereMissing(api, request)
  throw new InputError(
    e.input,
    `${where} Creating it (create-endpoint: if-missing) needs more: ${e.message} If it should exist, fix endpoint-name or region instead.`
  )
}
