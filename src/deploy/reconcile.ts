// Truth after a write: when a target's write fails, times out or is cancelled, the service may
// have applied it all the same (the answer was lost, or came after the abort). Nothing is said
// about what happened until the target has been read back.
import { errorMessage } from '../errors.js'
import type { CallOptions } from '../aws/call.js'

/** What one read of the endpoint says about this run's write. */
export type WriteState =
  /** This run's config is pending or live: the write reached SageMaker. */
  | { readonly kind: 'applied'; readonly seen: string }
  /** The endpoint does not run this run's config: the write was not applied (as of the read). */
  | { readonly kind: 'not-applied'; readonly seen: string }
  /** No read succeeded: nobody knows. */
  | { readonly kind: 'unknown'; readonly seen: string }

/** Reads tried before giving up, and the pause between them. */
const READS = 3
const READ_PAUSE_MS = 2000
/** Each read's own limit: a read after a cancellation must finish before SIGTERM. */
const READ_DEADLINE_MS = 10_000

/**
 * Reads the target after a failed write. When the write may still be on its way (no answer, a
 * reset, a 5XX), a "not applied" read is confirmed once more after a short pause.
 */
export async function readBackWith(
  read: (o: CallOptions) => Promise<WriteState>,
  sleep: (ms: number) => Promise<void>,
  mayStillArrive: boolean
): Promise<WriteState> {
  let last: WriteState | undefined
  let lastError = ''
  for (let attempt = 1; attempt <= READS; attempt++) {
    try {
      last = await read({ ignoreCancel: true, deadlineMs: READ_DEADLINE_MS })
      if (last.kind === 'applied' || !mayStillArrive || attempt > 1) return last
    } catch (e) {
      lastError = errorMessage(e)
    }
    if (attempt < READS) await sleep(READ_PAUSE_MS)
  }
  return last ?? { kind: 'unknown', seen: `no read succeeded (${lastError})` }
}
