// The durable copy of auto scaling the action deregisters for an update: tags on the endpoint
// itself. It is written before the deregistration and removed once the restore is read back, so a
// runner that dies in between (cancelled job, lost machine) leaves it where the next run of the
// action on that endpoint looks first. Tags need no other service or permission than the endpoint
// the action already updates, and they show in the console next to the endpoint. A tag value
// holds 256 characters of letters, digits and `_.:/=+-@`, so the saved definitions are compressed
// and written in base64, in chunks.
import { deflateRawSync, inflateRawSync } from 'node:zlib'
import { ACTION_TAG_PREFIX } from '../inputs/index.js'
import type { SavedScaling, Tag } from '../types.js'

/** `<chunks> <run id>`: how many chunk tags follow, and the run that wrote them. */
export const COPY_KEY = `${ACTION_TAG_PREFIX}saved-auto-scaling`
const CHUNK = 256
/** The endpoint's 50 tags are the user's first: the copy takes at most this many. */
const MAX_CHUNKS = 8

const chunkKey = (i: number): string => `${COPY_KEY}-${i + 1}`

/** The tags that hold `saved`, or undefined if it is too large for them. */
export function copyTags(saved: SavedScaling, runId: string): Tag[] | undefined {
  const text = deflateRawSync(Buffer.from(JSON.stringify(saved))).toString('base64')
  const chunks: string[] = []
  for (let at = 0; at < text.length; at += CHUNK) chunks.push(text.slice(at, at + CHUNK))
  if (chunks.length > MAX_CHUNKS) return undefined
  return [
    { Key: COPY_KEY, Value: `${chunks.length} ${runId}` },
    ...chunks.map((Value, i) => ({ Key: chunkKey(i), Value }))
  ]
}

export interface FoundCopy {
  readonly saved: SavedScaling
  /** The run that wrote it. */
  readonly runId: string
  /** Every key of the copy (to delete it). */
  readonly keys: readonly string[]
}

/** The copy among an endpoint's tags; undefined when there is none, or it cannot be read whole. */
export function copyFromTags(tags: Readonly<Record<string, string>>): FoundCopy | undefined {
  const head = tags[COPY_KEY]
  const match = head === undefined ? null : /^(\d+) (.*)$/.exec(head)
  if (!match) return undefined
  const count = Number(match[1])
  const keys = Array.from({ length: count }, (_, i) => chunkKey(i))
  const chunks = keys.map(key => tags[key])
  if (count < 1 || count > MAX_CHUNKS || chunks.some(c => c === undefined)) return undefined
  try {
    const json = inflateRawSync(Buffer.from(chunks.join(''), 'base64')).toString('utf8')
    const saved = JSON.parse(json) as SavedScaling
    if (typeof saved.resourceId !== 'string' || typeof saved.target !== 'object') return undefined
    return { saved, runId: match[2] ?? '', keys: [COPY_KEY, ...keys] }
  } catch {
    return undefined
  }
}
