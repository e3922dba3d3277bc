import { createHash } from 'node:crypto'
import type { RunContext } from './types.js'

/** SageMaker's limit for endpoint, endpoint config and model names. */
const MAX_NAME_LENGTH = 63

/** Hex sha256 prefix: a short, stable fingerprint for a name that had to be shortened. */
export function shortHash(text: string, length = 6): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length)
}

/** Keeps letters and digits only, so a part never breaks SageMaker's name patterns. */
function alphanumeric(text: string): string {
  return text.replace(/[^a-zA-Z0-9]/g, '')
}

/** Letters, digits and inner hyphens; no leading or trailing hyphen. */
function nameSafe(text: string): string {
  return text
    .replace(/[^a-zA-Z0-9-]/g, '-')
    .replace(/^-+/, '')
    .replace(/-+$/, '')
}

/**
 * The green model and endpoint config names for this run: `<endpoint>-<sha7>-<runId>-<attempt>`.
 * A re-run gets a new attempt number, so it never collides with the resources of the first
 * attempt. When the result would exceed 63 characters, the endpoint part is cut and followed by
 * a hash of the full endpoint name, so two long names sharing a prefix stay distinct.
 */
export function greenNames(
  endpointName: string,
  run: RunContext
): { modelName: string; endpointConfigName: string } {
  const sha = alphanumeric(run.sha).toLowerCase().slice(0, 7) || 'nosha'
  const runId = alphanumeric(run.runId).slice(-16) || '0'
  const attempt = alphanumeric(run.runAttempt).slice(-4) || '1'
  const suffix = `${sha}-${runId}-${attempt}`
  const base = nameSafe(endpointName) || 'endpoint'

  let name = `${base}-${suffix}`
  if (name.length > MAX_NAME_LENGTH) {
    const hash = shortHash(endpointName)
    const room = MAX_NAME_LENGTH - suffix.length - hash.length - 2
    const prefix = nameSafe(base.slice(0, room))
    name = prefix ? `${prefix}-${hash}-${suffix}` : `${hash}-${suffix}`
  }
  return { modelName: name, endpointConfigName: name }
}

/**
 * `name` followed by a hash of `content`: another valid name (≤ 63) for a resource whose planned
 * name is taken by something different. The same content always gets the same name.
 */
export function freshName(name: string, content: unknown): string {
  const hash = shortHash(JSON.stringify(content))
  return `${nameSafe(name.slice(0, MAX_NAME_LENGTH - hash.length - 1)) || 'resource'}-${hash}`
}
