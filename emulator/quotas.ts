// Per-account API request quotas: one token bucket per rule, refilled in simulated time, in
// front of every operation. A request that finds a matching bucket empty is answered with the
// service's throttling error and carried out nowhere; it takes no token.
//
// A rule's key names the IAM-style action it limits: `cloudwatch:PutMetricAlarm`, or a glob
// such as `sagemaker:Describe*`, which is one bucket shared by every operation it matches (an
// account-wide rate for a family of calls). A request takes a token from every bucket it matches.

import type { ApiError, Service } from './errors.js'
import { throttled } from './faults.js'

export interface QuotaRule {
  /** Requests per (simulated) second, refilled continuously. 0 = every request throttled. */
  readonly rate: number
  /** Most requests at once (the bucket's size); default: one second's worth (at least 1 when rate > 0). */
  readonly burst?: number
}

/** Scenario field `quotas`: rule key → requests per second, or a rule. */
export type Quotas = Readonly<Record<string, number | QuotaRule>>

/**
 * The documented default per-Region quotas of the CloudWatch operations the action calls
 * (awsdocs/amazon-cloudwatch-user-guide, doc_source/cloudwatch_limits.md).
 */
export const CLOUDWATCH_DEFAULT_QUOTAS: Quotas = Object.freeze({
  'cloudwatch:DescribeAlarms': 9,
  'cloudwatch:PutMetricAlarm': 3,
  'cloudwatch:GetMetricData': 50,
  'cloudwatch:DescribeAlarmHistory': 3,
  'cloudwatch:ListMetrics': 25
})

interface Bucket {
  readonly pattern: RegExp
  readonly rate: number
  readonly burst: number
  tokens: number
  /** Simulated epoch ms of the last refill. */
  at: number
}

const SERVICE_PREFIX: Record<Service, string> = {
  sagemaker: 'sagemaker',
  runtime: 'sagemaker',
  cloudwatch: 'cloudwatch',
  'application-autoscaling': 'application-autoscaling',
  ecr: 'ecr',
  'service-quotas': 'servicequotas',
  s3: 's3',
  sts: 'sts'
}

function glob(pattern: string): RegExp {
  const body = pattern
    .split('*')
    .map(s => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*')
  return new RegExp(`^${body}$`, 'i')
}

function normalize(key: string, value: number | QuotaRule): { rate: number; burst: number } {
  const rule = typeof value === 'number' ? { rate: value } : value
  const rate = rule?.rate
  if (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0)
    throw new Error(
      `Scenario quotas["${key}"]: rate must be a number >= 0 (got ${JSON.stringify(rate)})`
    )
  const burst = rule.burst ?? (rate > 0 ? Math.max(1, rate) : 0)
  if (typeof burst !== 'number' || !Number.isFinite(burst) || burst < 0)
    throw new Error(
      `Scenario quotas["${key}"]: burst must be a number >= 0 (got ${JSON.stringify(burst)})`
    )
  return { rate, burst }
}

/** Throws a clear error for a malformed `quotas` field. */
export function validateQuotas(quotas: unknown): asserts quotas is Quotas {
  if (typeof quotas !== 'object' || quotas === null || Array.isArray(quotas))
    throw new Error('Scenario field "quotas" must be an object of "service:Operation": rate')
  for (const [key, value] of Object.entries(quotas)) {
    if (!/^[a-z-]+:[A-Za-z*]+$/.test(key))
      throw new Error(
        `Scenario quotas key "${key}" must look like "cloudwatch:PutMetricAlarm" or "sagemaker:Describe*"`
      )
    normalize(key, value as number | QuotaRule)
  }
}

export function throttlingError(service: Service): ApiError {
  return throttled(service)
}

export class QuotaGate {
  private buckets = new Map<string, Bucket>()
  private source: Quotas | undefined

  /** The throttling error to answer, or undefined when every matching bucket had a token. */
  check(
    service: Service,
    operation: string,
    quotas: Quotas,
    simulatedNow: number
  ): ApiError | undefined {
    this.sync(quotas, simulatedNow)
    if (this.buckets.size === 0) return undefined
    const action = `${SERVICE_PREFIX[service]}:${operation}`
    const matching = [...this.buckets.values()].filter(b => b.pattern.test(action))
    for (const bucket of matching) refill(bucket, simulatedNow)
    if (matching.some(b => b.tokens < 1)) return throttlingError(service)
    for (const bucket of matching) bucket.tokens -= 1
    return undefined
  }

  /** A changed rule starts full; unchanged rules keep their state across scenario changes. */
  private sync(quotas: Quotas, now: number): void {
    if (quotas === this.source) return
    const next = new Map<string, Bucket>()
    for (const [key, value] of Object.entries(quotas)) {
      const { rate, burst } = normalize(key, value)
      const old = this.buckets.get(key)
      next.set(
        key,
        old && old.rate === rate && old.burst === burst
          ? old
          : { pattern: glob(key), rate, burst, tokens: burst, at: now }
      )
    }
    this.buckets = next
    this.source = quotas
  }
}

function refill(bucket: Bucket, now: number): void {
  if (now <= bucket.at) return
  bucket.tokens = Math.min(bucket.burst, bucket.tokens + ((now - bucket.at) / 1000) * bucket.rate)
  bucket.at = now
}
