// What every AWS call of the action takes: its deadline and whether cancellation aborts it.
export interface CallOptions {
  /** The whole call, SDK retries included, ends after this many milliseconds. */
  readonly deadlineMs?: number
  /** Not aborted by cancellation: the reads that find out what a cancelled write did. */
  readonly ignoreCancel?: boolean
}

/** One call with its deadline, cancellation and error mapping (AwsCallError). */
export type Call = <T>(
  operation: string,
  o: CallOptions | undefined,
  send: (abortSignal: AbortSignal) => Promise<T>
) => Promise<T>
