// Capacity before writes: a blue/green update runs the green fleet next to the whole blue one, and
// the account's quota of a type ("ml.g5.12xlarge for endpoint usage", often 2) counts the
// instances of every endpoint in the region. Pre-flight compares the rollout's peak with that
// quota, reads only, so an update that cannot fit stops before the writes instead of failing with
// ResourceLimitExceeded after them. What cannot be read is said, never refused.
import type { AwsApi } from '../aws/api.js'
import { isAccessDenied } from '../aws/errors.js'
import { endpointQuotaName, type EndpointQuota } from '../aws/quota-api.js'
import { errorMessage } from '../errors.js'
import type { CurrentEndpoint, Logger, Plan } from '../types.js'

export type Usage = { readonly count: number } | { readonly unknown: string }

/** Endpoints in these states run no instances. */
const NOT_RUNNING = new Set(['Failed', 'Deleting'])
/** Describes in flight at once while counting other endpoints. */
const PARALLEL = 5

type Body = Record<string, unknown>
type Summary = {
  CurrentInstanceCount?: number | undefined
  DesiredInstanceCount?: number | undefined
}

/** A variant's instances now: both counts while it scales (the larger one holds the quota). */
function instancesOf(v: Summary): number {
  return Math.max(v.CurrentInstanceCount ?? 0, v.DesiredInstanceCount ?? 0)
}

function denied(operation: string, permission: string, e: unknown): string {
  return isAccessDenied(e)
    ? `${operation} was denied (allow ${permission} to the role)`
    : `${operation} failed (${errorMessage(e)})`
}

/**
 * Instances of `instanceType` that the region's other endpoints run: the live fleet of each, and
 * the pending one of an endpoint being updated. More than `limit` endpoints are not described
 * one by one (the reads stay bounded): the count is then unknown.
 */
export async function instancesInUse(
  api: AwsApi,
  instanceType: string,
  exceptEndpoint: string,
  limit = 50
): Promise<Usage> {
  const maxPages = Math.floor(limit / 100) + 1
  let listed: Awaited<ReturnType<AwsApi['listEndpoints']>>
  try {
    listed = await api.listEndpoints({ maxPages })
  } catch (e) {
    return { unknown: denied('ListEndpoints', 'sagemaker:ListEndpoints', e) }
  }
  const others = listed
    .filter(e => e.EndpointName !== exceptEndpoint && !NOT_RUNNING.has(e.EndpointStatus ?? ''))
    .map(e => e.EndpointName ?? '')
  if (others.length > limit || listed.length >= maxPages * 100) {
    return {
      unknown: `the region has more than ${limit} other endpoints, too many to describe one by one`
    }
  }
  const configs = new Map<string, Promise<Map<string, string | undefined>>>()
  const typesOf = (configName: string): Promise<Map<string, string | undefined>> => {
    let types = configs.get(configName)
    if (!types) {
      types = api.describeEndpointConfig(configName).then(config => {
        if (!config) throw new Error(`endpoint config ${configName} no longer exists`)
        return new Map(
          (config.ProductionVariants ?? []).map(v => [v.VariantName ?? '', v.InstanceType])
        )
      })
      configs.set(configName, types)
    }
    return types
  }
  const usageOf = async (name: string): Promise<number> => {
    const ep = await api.describeEndpoint(name)
    if (!ep || NOT_RUNNING.has(ep.EndpointStatus ?? '')) return 0
    let count = 0
    if (ep.EndpointConfigName && ep.ProductionVariants?.length) {
      const types = await typesOf(ep.EndpointConfigName)
      for (const v of ep.ProductionVariants) {
        if (types.get(v.VariantName ?? '') === instanceType) count += instancesOf(v)
      }
    }
    // An endpoint being updated runs its new fleet too.
    const pending = ep.PendingDeploymentSummary
    for (const v of pending?.ProductionVariants ?? []) {
      const type =
        v.InstanceType ??
        (pending?.EndpointConfigName
          ? (await typesOf(pending.EndpointConfigName)).get(v.VariantName ?? '')
          : undefined)
      if (type === instanceType) count += instancesOf(v)
    }
    return count
  }
  try {
    let total = 0
    for (let i = 0; i < others.length; i += PARALLEL) {
      const counts = await Promise.all(others.slice(i, i + PARALLEL).map(usageOf))
      total += counts.reduce((a, b) => a + b, 0)
    }
    return { count: total }
  } catch (e) {
    return { unknown: `reading the other endpoints failed (${errorMessage(e)})` }
  }
}

/** The most instances of the plan's type this endpoint runs at once during the rollout. */
export interface EndpointPeak {
  /** Live (blue) instances of the type, kept running until green serves. */
  readonly live: number
  /** New instances at the peak: the green fleet, or one batch when rolling. */
  readonly added: number
  readonly rolling: boolean
  /** The green config's instances of the type beside the target variant's (other variants). */
  readonly otherVariants: number
}

export function endpointPeak(
  plan: Plan,
  current: CurrentEndpoint | null | undefined
): EndpointPeak {
  const type = plan.instanceType
  const variants = (plan.createEndpointConfig['ProductionVariants'] ?? []) as Body[]
  const green = variants
    .filter(v => v['InstanceType'] === type)
    .reduce((sum, v) => sum + Number(v['InitialInstanceCount'] ?? 0), 0)
  const otherVariants = Math.max(0, green - plan.instanceCount)
  if (plan.firstDeploy || !current) return { live: 0, added: green, rolling: false, otherVariants }
  const live = current.variants.length
    ? current.variants
        .filter(v => v.instanceType === type)
        .reduce((sum, v) => sum + (v.desiredCount ?? v.configuredCount ?? 0), 0)
    : current.instanceType === type
      ? (current.instanceCount ?? 0)
      : 0
  const rolling = plan.schedule.some(step => step.blueInstances !== undefined)
  const batch = plan.peakInstances ? plan.peakInstances.rolling - plan.instanceCount : 1
  return rolling
    ? { live, added: batch, rolling, otherVariants }
    : { live, added: green, rolling, otherVariants }
}

/**
 * What a person can do when the peak does not fit the quota (pre-flight's refusal, and the hint
 * after a ResourceLimitExceeded). With `room` (instances left for this endpoint beside the live
 * fleet) it names the batch and the instance count that fit.
 */
export function capacityWays(o: {
  readonly instanceType: string
  readonly region: string
  readonly rolling: boolean
  readonly firstDeploy: boolean
  readonly room?: number
  /** The target variant's new instance count (a rolling batch is 5-50 % of it). */
  readonly fleet?: number
  readonly otherVariants?: number
  readonly desired?: number
  readonly quotaCode?: string | undefined
}): string {
  const name = endpointQuotaName(o.instanceType)
  const raise =
    o.desired === undefined
      ? `Raise the "${name}" quota in Service Quotas`
      : `Raise the "${name}" quota to ${o.desired} in the Service Quotas console (or aws service-quotas request-service-quota-increase --service-code sagemaker --quota-code ${o.quotaCode ?? '<code from aws service-quotas list-service-quotas --service-code sagemaker>'} --desired-value ${o.desired} --region ${o.region})`
  const ways = [raise]
  const room = o.room
  if (!o.firstDeploy) {
    if (room === undefined) {
      ways.push(
        o.rolling
          ? 'use a smaller step-size (batch)'
          : 'use traffic-routing: rolling (one extra batch at a time)'
      )
    } else {
      // SageMaker takes a rolling batch of 5-50 % of the variant's instances.
      const fleet = o.fleet ?? 0
      const batch = Math.min(room, Math.floor(fleet / 2))
      if (batch >= Math.max(1, Math.ceil(fleet * 0.05))) {
        ways.push(
          o.rolling
            ? `use step-size: ${batch} (the largest batch that fits)`
            : `use traffic-routing: rolling with step-size: ${batch} (one extra batch of ${batch} at a time, the largest that fits)`
        )
      }
    }
  }
  const fewer = room === undefined ? undefined : room - (o.otherVariants ?? 0)
  if (fewer === undefined) ways.push('fewer instances')
  else if (fewer >= 1 && !o.rolling && (o.fleet === undefined || fewer < o.fleet))
    ways.push(`fewer instances (instance-count: ${fewer} fits)`)
  return ways.length === 1
    ? `${ways[0]}.`
    : `${ways.slice(0, -1).join(', or ')}, or ${ways.at(-1) ?? ''}.`
}

function unchecked(why: string): string {
  return `Could not check capacity: ${why}; the update may fail with ResourceLimitExceeded after the writes.`
}

/** The target variant launches into an ML capacity reservation: its room is not checked here. */
function reservationNote(plan: Plan): string | undefined {
  const variants = (plan.createEndpointConfig['ProductionVariants'] ?? []) as Body[]
  const target = variants.find(v => v['VariantName'] === plan.variantName)
  const reservation = target?.['CapacityReservationConfig'] as Body | undefined
  if (!reservation) return undefined
  const arn =
    typeof reservation['MlReservationArn'] === 'string' ? ` ${reservation['MlReservationArn']}` : ''
  return `Variant ${plan.variantName} launches into the ML capacity reservation${arn} (CapacityReservationConfig, kept in the new config): room in the reservation is not checked before the writes; with capacity-reservations-only, new instances fail to launch when it is full.`
}

/**
 * The plan's peak (blue + green; blue + one batch when rolling; the new fleet on a first deploy)
 * plus what other endpoints run, against the account's quota of the type. Over it: a refusal
 * with the numbers and the ways out. Unknown quota or usage: a note, never a refusal.
 */
export async function checkCapacity(
  plan: Plan,
  current: CurrentEndpoint | null | undefined,
  api: AwsApi,
  log: Logger
): Promise<{ refusal?: string; note?: string }> {
  if (!api.quotas || plan.component || !plan.instanceType) return {}
  const type = plan.instanceType
  const peak = endpointPeak(plan, current)
  if (peak.added === 0) return {}
  const reservation = reservationNote(plan)
  const withReservation = (note: string): { note: string } => ({
    note: reservation ? `${note} ${reservation}` : note
  })
  let quota: EndpointQuota | undefined
  try {
    quota = await (await api.quotas()).endpointQuota(type)
  } catch (e) {
    return withReservation(
      unchecked(denied('ListServiceQuotas', 'servicequotas:ListServiceQuotas', e))
    )
  }
  if (!quota) {
    return withReservation(
      unchecked(`Service Quotas lists no "${endpointQuotaName(type)}" quota in ${plan.region}`)
    )
  }
  const usage = await instancesInUse(api, type, plan.endpointName)
  const others = 'count' in usage ? usage.count : 0
  const own = peak.live + peak.added
  const total = own + others
  if (total <= quota.value) {
    if ('unknown' in usage) {
      return withReservation(
        unchecked(
          `the instances other endpoints run could not be counted (${usage.unknown}); this update alone runs ${own} ${type} at the peak, within the quota of ${quota.value}`
        )
      )
    }
    log.info(
      `Capacity: ${own} ${type} instances at the peak + ${others} on other endpoints = ${total}, within the quota of ${quota.value} ("${endpointQuotaName(type)}" in ${plan.region}).`
    )
    return reservation ? { note: reservation } : {}
  }
  const added = peak.rolling ? `${peak.added} new (one batch)` : `${peak.added} new`
  const counted =
    'count' in usage
      ? `${others} on other endpoints`
      : `other endpoints not counted (${usage.unknown})`
  const room = quota.value - others - peak.live
  const ways = capacityWays({
    instanceType: type,
    region: plan.region,
    rolling: peak.rolling,
    firstDeploy: plan.firstDeploy,
    room,
    fleet: plan.instanceCount,
    otherVariants: peak.otherVariants,
    desired: total,
    quotaCode: quota.code
  })
  return {
    refusal: `Not enough ${type} capacity for this update: ${peak.live} live + ${added} + ${counted} = ${total} instances at the peak, more than the quota of ${quota.value} ("${endpointQuotaName(type)}" in ${plan.region}). SageMaker would refuse it with ResourceLimitExceeded after the writes. ${ways}${reservation ? ` ${reservation}` : ''}`
  }
}
