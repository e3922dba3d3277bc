// Retrying idempotent calls past the SDK's few quick attempts: jittered exponential backoff over
// a bounded time, so that many rollouts sharing an account's quotas all get through. Only for
// calls that are safe to repeat (reads, PutMetricAlarm); a write that is not idempotent is read
// back instead (see reconcile.ts).
import { isTransient } from './errors.js'

export interface BackoffOptions {
  /** Give up after this many milliseconds (the last error is thrown). */
  readonly withinMs: number
  readonly firstDelayMs?: number
  readonly maxDelayMs?: number
  now(): number
  sleep(ms: number): Promise<void>
  random?(): number
  /** Which errors are worth another attempt (default: transient ones). */
  retryable?(e: unknown): boolean
  /** Told before each pause, with the error and the attempt that failed. */
  onRetry?(e: unknown, attempt: number, delayMs: number): void
  /** Stop retrying (cancellation). */
  stopped?(): boolean
}

/** Full-jitter exponential delay for the given failed attempt (1-based). */
export function backoffDelay(
  attempt: number,
  firstDelayMs: number,
  maxDelayMs: number,
  random: () => number
): number {
  const ceiling = Math.min(maxDelayMs, firstDelayMs * 2 ** Math.min(attempt - 1, 20))
  // Half fixed, half random: never a burst of immediate retries, never aligned with others.
  return Math.round(ceiling / 2 + (random() * ceiling) / 2)
}

export async function withBackoff<T>(call: () => Promise<T>, o: BackoffOptions): Promise<T> {
  const started = o.now()
  const random = o.random ?? Math.random
  const retryable = o.retryable ?? isTransient
  for (let attempt = 1; ; attempt++) {
    try {
      return await call()
    } catch (e) {
      if (!retryable(e) || o.stopped?.()) throw e
      const delay = backoffDelay(attempt, o.firstDelayMs ?? 1000, o.maxDelayMs ?? 20_000, random)
      if (o.now() + delay - started > o.withinMs) throw e
      o.onRetry?.(e, attempt, delay)
      await o.sleep(delay)
      if (o.stopped?.()) throw e
    }
  }
}
