// What a failed AWS call means for the action: which call, which code, and whether the request
// may have reached the service (so a write must be read back before anything is said about it).

export class AwsCallError extends Error {
  constructor(
    readonly operation: string,
    readonly code: string,
    readonly detail: string,
    readonly httpStatus: number | undefined
  ) {
    super(`${operation} failed: ${code}: ${detail}`)
    this.name = 'AwsCallError'
  }
}

/** The call was abandoned because the run was cancelled (SIGINT/SIGTERM). */
export const CANCELLED = 'Cancelled'
/** The call had no complete answer within its deadline. */
export const NO_ANSWER = 'NoAnswer'

const FATAL_CODES = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'ExpiredToken',
  'ExpiredTokenException',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'CredentialsProviderError',
  'MissingAuthenticationToken',
  'AuthFailure',
  'NotAuthorized'
])

const THROTTLING_CODES = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestThrottled',
  'RequestThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'SlowDown'
])

/** Errors that no retry will fix: stop at once and say so. */
export function isFatal(e: unknown): boolean {
  return e instanceof AwsCallError && (FATAL_CODES.has(e.code) || /credentials/i.test(e.code))
}

/** The role may not make this call (the permission to add is the call's IAM action). */
export function isAccessDenied(e: unknown): boolean {
  return (
    e instanceof AwsCallError &&
    (/^AccessDenied/.test(e.code) || e.code === 'NotAuthorized' || /not authorized/i.test(e.detail))
  )
}

export function isCancelled(e: unknown): boolean {
  return e instanceof AwsCallError && e.code === CANCELLED
}

export function isThrottled(e: unknown): boolean {
  return e instanceof AwsCallError && THROTTLING_CODES.has(e.code)
}

export function isNotFound(e: unknown): boolean {
  return (
    e instanceof AwsCallError &&
    (e.code === 'ResourceNotFound' || /^Could not find /.test(e.detail))
  )
}

export function isAlreadyExists(e: unknown): boolean {
  return (
    e instanceof AwsCallError && (e.code === 'ResourceInUse' || /already exist/i.test(e.detail))
  )
}

/** SageMaker refuses an update while another one is running. */
export function isInProgress(e: unknown): boolean {
  return e instanceof AwsCallError && /in-progress/i.test(e.detail)
}

/**
 * Transient: the same call may succeed later (throttling, a 5XX, a lost connection, no answer in
 * time). Such a failure of a write does not say whether the service applied it.
 */
export function isTransient(e: unknown): boolean {
  if (!(e instanceof AwsCallError) || isFatal(e) || isCancelled(e)) return false
  if (isThrottled(e) || e.code === NO_ANSWER) return true
  if (e.httpStatus !== undefined) return e.httpStatus >= 500
  // No HTTP status: the request failed on the way (reset, refused, timed out).
  return true
}

/** Whether a failed write may have been applied by the service all the same. */
export function mayHaveApplied(e: unknown): boolean {
  if (!(e instanceof AwsCallError)) return true
  if (isThrottled(e) || isFatal(e)) return false
  if (e.httpStatus !== undefined && e.httpStatus >= 400 && e.httpStatus < 500) return false
  return true
}

interface SdkError {
  name?: string
  code?: string
  message?: string
  $metadata?: { httpStatusCode?: number }
}

/** Any SDK or network error as an AwsCallError naming the call. */
export function toCallError(
  operation: string,
  e: unknown,
  why: { cancelled: boolean; deadlineMs: number | undefined }
): AwsCallError {
  if (e instanceof AwsCallError) return e
  const err = (e ?? {}) as SdkError
  if (why.cancelled) {
    return new AwsCallError(operation, CANCELLED, 'cancelled before an answer arrived', undefined)
  }
  const status = err.$metadata?.httpStatusCode
  const name = err.name ?? 'Error'
  if (
    why.deadlineMs !== undefined &&
    (name === 'AbortError' || name === 'TimeoutError' || err.code === 'ETIMEDOUT')
  ) {
    return new AwsCallError(
      operation,
      NO_ANSWER,
      `no complete answer within ${Math.round(why.deadlineMs / 1000)} s`,
      undefined
    )
  }
  const code = name === 'Error' && err.code ? err.code : name
  return new AwsCallError(operation, code, err.message ?? String(e), status)
}
