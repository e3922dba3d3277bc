import { describe, expect, it } from '@jest/globals'
import {
  AwsCallError,
  isAccessDenied,
  CANCELLED,
  isAlreadyExists,
  isCancelled,
  isFatal,
  isInProgress,
  isNotFound,
  isThrottled,
  isTransient,
  mayHaveApplied,
  NO_ANSWER,
  toCallError
} from '../../src/aws/errors.js'

const err = (code: string, status?: number, detail = 'x') =>
  new AwsCallError('UpdateEndpoint', code, detail, status)

describe('what a failed call means', () => {
  it.each([
    // code, status, transient, may have applied
    ['ThrottlingException', 400, true, false],
    ['Throttling', 400, true, false],
    ['InternalFailure', 500, true, true],
    ['ServiceUnavailable', 503, true, true],
    [NO_ANSWER, undefined, true, true],
    ['ECONNRESET', undefined, true, true],
    ['ValidationException', 400, false, false],
    ['ResourceLimitExceeded', 400, false, false],
    ['AccessDeniedException', 400, false, false],
    ['ExpiredTokenException', 400, false, false],
    [CANCELLED, undefined, false, true]
  ] as const)('%s (%s): transient %s, may have applied %s', (code, status, transient, applied) => {
    const e = err(code, status)
    expect([isTransient(e), mayHaveApplied(e)]).toEqual([transient, applied])
  })

  it('a refused request (4XX, throttling, bad credentials) was not applied; any other answer may have been', () => {
    expect(
      [
        err('CredentialsProviderError'),
        err('ThrottlingException'),
        err('ValidationException', 499),
        err('PermanentRedirect', 301),
        err('InternalFailure', 500),
        err('ECONNRESET')
      ].map(e => [e.code, mayHaveApplied(e)])
    ).toEqual([
      ['CredentialsProviderError', false],
      ['ThrottlingException', false],
      ['ValidationException', false],
      ['PermanentRedirect', true],
      ['InternalFailure', true],
      ['ECONNRESET', true]
    ])
  })

  it('anything that is not a call error may have been applied, and is not transient', () => {
    expect(mayHaveApplied(new Error('x'))).toBe(true)
    expect(isTransient(new Error('x'))).toBe(false)
  })

  it('names the kinds the launch and the watch decide on', () => {
    expect(isFatal(err('CredentialsProviderError'))).toBe(true)
    expect(isFatal(err('ThrottlingException', 400))).toBe(false)
    expect(isCancelled(err(CANCELLED))).toBe(true)
    expect(isThrottled(err('ThrottlingException', 400))).toBe(true)
    expect(isNotFound(err('ValidationException', 400, 'Could not find endpoint "x".'))).toBe(true)
    expect(isNotFound(err('ValidationException', 400, 'Cannot update in-progress endpoint'))).toBe(
      false
    )
    expect(
      isInProgress(err('ValidationException', 400, 'Cannot update in-progress endpoint "a".'))
    ).toBe(true)
    expect(isFatal(err('AccessDeniedException', 400))).toBe(true)
    expect(isFatal(err('InvalidCredentials', 400))).toBe(true)
    expect(isNotFound(err('ResourceNotFound', 400, 'Inference component llm not found.'))).toBe(
      true
    )
    expect(
      isNotFound(
        err(
          'ValidationException',
          400,
          'Endpoint config "c" is not usable: Could not find model "m".'
        )
      )
    ).toBe(false)
    expect(isInProgress(err('ValidationException', 400, 'Could not find endpoint "a".'))).toBe(
      false
    )
    expect(isAlreadyExists(err('ResourceInUse', 400))).toBe(true)
    expect(isAlreadyExists(err('ValidationException', 400, 'Could not find model "m".'))).toBe(
      false
    )
    expect(
      isAlreadyExists(err('ValidationException', 400, 'Cannot create already existing model'))
    ).toBe(true)
  })
})

describe('toCallError', () => {
  it('an abort on cancellation is "Cancelled", whatever the SDK called it', () => {
    const e = toCallError(
      'UpdateEndpoint',
      { name: 'AbortError' },
      { cancelled: true, deadlineMs: 1000 }
    )
    expect([e.code, e.message]).toEqual([
      CANCELLED,
      'UpdateEndpoint failed: Cancelled: cancelled before an answer arrived'
    ])
  })

  it('a timeout or an abort at the deadline is "no answer within N s"', () => {
    for (const raw of [{ name: 'TimeoutError' }, { name: 'AbortError' }, { code: 'ETIMEDOUT' }]) {
      const e = toCallError('DescribeEndpoint', raw, { cancelled: false, deadlineMs: 30_000 })
      expect(e.message).toBe('DescribeEndpoint failed: NoAnswer: no complete answer within 30 s')
    }
  })

  it('a call error passes through as it is', () => {
    const e = err('ThrottlingException', 400, 'Rate exceeded')
    expect(toCallError('DescribeEndpoint', e, { cancelled: false, deadlineMs: 1 })).toBe(e)
    expect([e.name, String(e)]).toEqual([
      'AwsCallError',
      'AwsCallError: UpdateEndpoint failed: ThrottlingException: Rate exceeded'
    ])
  })

  it('without a deadline a timeout is the SDK error it is, named by the SDK, not its code', () => {
    const e = toCallError(
      'DescribeEndpoint',
      { name: 'TimeoutError', code: 'ETIMEDOUT', message: 'socket timed out' },
      { cancelled: false, deadlineMs: undefined }
    )
    expect(e.message).toBe('DescribeEndpoint failed: TimeoutError: socket timed out')
  })

  it('an error with no name is named by its code, or "Error"', () => {
    const why = { cancelled: false, deadlineMs: undefined }
    expect(
      toCallError('UpdateEndpoint', { code: 'EPIPE', message: 'broken pipe' }, why).message
    ).toBe('UpdateEndpoint failed: EPIPE: broken pipe')
    expect(toCallError('UpdateEndpoint', { message: 'odd' }, why).message).toBe(
      'UpdateEndpoint failed: Error: odd'
    )
  })

  it('keeps the service code, message and status; a network error keeps its code', () => {
    const service = toCallError(
      'UpdateEndpoint',
      { name: 'ValidationException', message: 'bad', $metadata: { httpStatusCode: 400 } },
      { cancelled: false, deadlineMs: 1 }
    )
    expect([service.code, service.detail, service.httpStatus]).toEqual([
      'ValidationException',
      'bad',
      400
    ])
    const reset = toCallError(
      'UpdateEndpoint',
      Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
      { cancelled: false, deadlineMs: 1 }
    )
    expect([reset.code, reset.httpStatus]).toEqual(['ECONNRESET', undefined])
  })
})

describe('isAccessDenied: the role may not make this call', () => {
  const error = (code: string, detail: string) =>
    new AwsCallError('DescribeModel', code, detail, 400)

  it('by its code alone, whatever the message says', () => {
    expect(isAccessDenied(error('AccessDeniedException', 'Forbidden.'))).toBe(true)
    expect(isAccessDenied(error('AccessDenied', 'Forbidden.'))).toBe(true)
    expect(isAccessDenied(error('NotAuthorized', 'Forbidden.'))).toBe(true)
  })

  it('by its message, whatever the code', () => {
    expect(
      isAccessDenied(
        error('UnknownError', 'User: x is not authorized to perform: sagemaker:DescribeModel')
      )
    ).toBe(true)
  })

  it('not a key or another service that denies: only a code that starts with AccessDenied', () => {
    expect(isAccessDenied(error('KMSAccessDeniedException', 'The key is disabled.'))).toBe(false)
    expect(isAccessDenied(error('ThrottlingException', 'Rate exceeded'))).toBe(false)
    expect(isAccessDenied(new Error('AccessDeniedException: not authorized'))).toBe(false)
  })
})
