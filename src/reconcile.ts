// Truth after a write: when CreateEndpoint or UpdateEndpoint fails, times out or is cancelled,
// the service may have applied it all the same (the answer was lost, or came after the abort).
// Nothing is said about what happened until DescribeEndpoint has been read.
import { errorMessage } from './errors.js'
import type { AwsApi } from './aws/api.js'
import type { CallOptions } from './aws/call.js'
import type { DescribeEndpointLike } from './watch/snapshot.js'

/** What one read of the endpoint says about this run's write. */
export type WriteState =
  /** This run's config is pending or live: the write reached SageMaker. */
  | { readonly kind: 'applied'; readonly seen: string }
  /** The endpoint does not run this run's config: the write was not applied (as of the read). */
  | { readonly kind: 'not-applied'; readonly seen: string }
  /** No read succeeded: nobody knows. */
  | { readonly kind: 'unknown'; readonly seen: string }

/** How an endpoint looks in one phrase, for messages. */
export function describeState(ep: DescribeEndpointLike | undefined): string {
  if (!ep) return 'the endpoint does not exist'
  const pending = ep.PendingDeploymentSummary?.EndpointConfigName
  return `${ep.EndpointStatus ?? 'Unknown'} on ${ep.EndpointConfigName ?? '?'}${pending ? `, deploying ${pending}` : ''}`
}

/** Pure: whether a read shows the config this run asked for, pending or live. */
export function classifyWrite(
  ep: DescribeEndpointLike | undefined,
  configName: string
): WriteState {
  const seen = describeState(ep)
  if (!ep) return { kind: 'not-applied', seen }
  const applied =
    ep.PendingDeploymentSummary?.EndpointConfigName === configName ||
    ep.EndpointConfigName === configName
  return { kind: applied ? 'applied' : 'not-applied', seen }
}

export interface ReadBackDeps {
  readonly api: Pick<AwsApi, 'describeEndpoint'>
  sleep(ms: number): Promise<void>
}

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

/** The endpoint read back after a failed CreateEndpoint or UpdateEndpoint. */
export function readBack(
  deps: ReadBackDeps,
  endpointName: string,
  configName: string,
  mayStillArrive: boolean
): Promise<WriteState> {
  return readBackWith(
    async o => classifyWrite(await deps.api.describeEndpoint(endpointName, o), configName),
    deps.sleep,
    mayStillArrive
  )
}
