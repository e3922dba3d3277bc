// What stands between a request and its operation: expired credentials, the IAM allow-list
// (`allowedActions`) and injected faults (throttling, 5XX, dropped connections, slow replies).

import { ApiError, cloudwatchError, type Service } from './errors.js'
import type { Random } from './random.js'
import type { FaultRule, Scenario } from './scenario.js'

/** What happens after the call is carried out: its answer lost, or held back. */
export type Aftermath = { kind: 'drop' } | { kind: 'hold'; ms: number }

export type Verdict =
  | { kind: 'pass'; delayMs: number; after?: Aftermath }
  | { kind: 'error'; error: ApiError; delayMs: number }
  | { kind: 'drop' }

/**
 * The IAM action a call needs (undefined: none, as STS GetCallerIdentity). S3 HeadObject needs
 * s3:GetObject, HeadBucket s3:ListBucket, CopyObject s3:PutObject (and s3:GetObject on the
 * source, not checked) (their API references).
 */
export function iamAction(service: Service, operation: string): string | undefined {
  if (service === 'sts') return undefined
  if (service === 's3') {
    if (operation === 'HeadObject') return 's3:GetObject'
    if (operation === 'HeadBucket') return 's3:ListBucket'
    if (operation === 'CopyObject') return 's3:PutObject'
    return `s3:${operation}`
  }
  if (service === 'runtime') return `sagemaker:${operation}`
  if (service === 'service-quotas') return `servicequotas:${operation}`
  return `${service}:${operation}`
}

/** Whether the scenario's IAM allow-list (if any) allows `action` (e.g. `sagemaker:DeleteEndpoint`). */
export function actionAllowed(scenario: Scenario, action: string): boolean {
  return (
    scenario.allowedActions === null || scenario.allowedActions.some(p => globMatches(p, action))
  )
}

function globMatches(pattern: string, action: string): boolean {
  const regex = new RegExp(
    `^${pattern
      .split('*')
      .map(s => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
    'i'
  )
  return regex.test(action)
}

/** Who the emulator says the caller is (STS GetCallerIdentity, AccessDenied texts). */
export function callerArn(accountId: string): string {
  return `arn:aws:sts::${accountId}:assumed-role/emulator-deploy-role/emulator-session`
}

export class Gate {
  private readonly used = new Map<FaultRule, number>()

  constructor(
    private readonly random: Random,
    private readonly accountId: string
  ) {}

  check(
    service: Service,
    operation: string,
    scenario: Scenario,
    realElapsedMs: number,
    resource: string
  ): Verdict {
    const expiry = scenario.expireCredentialsAfterSeconds
    if (expiry !== null && realElapsedMs >= expiry * 1000) {
      return { kind: 'error', error: expired(service), delayMs: 0 }
    }
    const action = iamAction(service, operation)
    if (action !== undefined && !actionAllowed(scenario, action)) {
      return { kind: 'error', error: this.denied(service, action, resource), delayMs: 0 }
    }
    let delayMs = 0
    for (const rule of scenario.faults) {
      if (rule.operation !== '*' && rule.operation !== operation) continue
      if (rule.service !== undefined && rule.service !== service) continue
      const used = this.used.get(rule) ?? 0
      if (rule.times !== undefined && used >= rule.times) continue
      const hit = (rate: number | undefined): boolean =>
        rate !== undefined && rate > 0 && this.random() < rate
      if (hit(rule.dropRate)) {
        this.used.set(rule, used + 1)
        return { kind: 'drop' }
      }
      if (hit(rule.throttleRate)) {
        this.used.set(rule, used + 1)
        return { kind: 'error', error: throttled(service), delayMs }
      }
      if (hit(rule.failRate)) {
        this.used.set(rule, used + 1)
        const fail = rule.fail ?? { code: 'ValidationException', message: 'Injected fault.' }
        const error =
          service === 'cloudwatch'
            ? cloudwatchError(fail.code, fail.message)
            : new ApiError(fail.code, fail.message, fail.status ?? 400)
        return { kind: 'error', error, delayMs }
      }
      if (hit(rule.serverErrorRate)) {
        this.used.set(rule, used + 1)
        return { kind: 'error', error: serverError(service), delayMs }
      }
      if (hit(rule.slowRate)) {
        this.used.set(rule, used + 1)
        delayMs += rule.slowMs ?? 1000
      }
      if (hit(rule.dropAfterApplyRate)) {
        this.used.set(rule, used + 1)
        return { kind: 'pass', delayMs, after: { kind: 'drop' } }
      }
      if (hit(rule.holdRate)) {
        this.used.set(rule, used + 1)
        return { kind: 'pass', delayMs, after: { kind: 'hold', ms: rule.holdMs ?? 60_000 } }
      }
    }
    return { kind: 'pass', delayMs }
  }

  private denied(service: Service, action: string, resource: string): ApiError {
    const message =
      `User: ${callerArn(this.accountId)} is not authorized to perform: ` +
      `${action} on resource: ${resource} because no identity-based policy allows the ${action} action`
    if (service === 'cloudwatch') return cloudwatchError('AccessDenied', message)
    if (service === 's3') return new ApiError('AccessDenied', 'Access Denied', 403)
    return new ApiError('AccessDeniedException', message)
  }
}

function expired(service: Service): ApiError {
  const message = 'The security token included in the request is expired'
  if (service === 'cloudwatch') return cloudwatchError('ExpiredToken', message)
  if (service === 's3' || service === 'sts') return new ApiError('ExpiredToken', message, 400)
  return new ApiError('ExpiredTokenException', message)
}

/** The throttling error each service answers (S3: 503 SlowDown; STS: Throttling). */
export function throttled(service: Service): ApiError {
  if (service === 'cloudwatch') return cloudwatchError('Throttling', 'Rate exceeded')
  if (service === 's3') return new ApiError('SlowDown', 'Please reduce your request rate.', 503)
  if (service === 'sts') return new ApiError('Throttling', 'Rate exceeded')
  if (service === 'service-quotas') return new ApiError('TooManyRequestsException', 'Rate exceeded')
  return new ApiError('ThrottlingException', 'Rate exceeded')
}

function serverError(service: Service): ApiError {
  if (service === 'cloudwatch')
    return cloudwatchError('InternalServiceFault', 'Internal service error (injected fault).')
  if (service === 's3')
    return new ApiError('InternalError', 'We encountered an internal error. Please try again.', 500)
  return new ApiError('InternalFailure', 'An internal error occurred (injected fault).', 500)
}
