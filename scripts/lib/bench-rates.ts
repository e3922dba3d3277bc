// Pure: request rates per operation from the emulator's call log (busiest simulated second,
// average, throttled requests), what each rollout spent, and how long each verdict took after
// the service settled. Tests drive it with plain records.

export interface CallSample {
  readonly service: string
  readonly operation: string
  readonly params: unknown
  /** Simulated epoch ms of the answer. */
  readonly simulatedTime: number
  readonly status: number
  readonly error?: string
}

export interface EventSample {
  readonly kind: string
  readonly endpointName: string
  readonly simulatedTime: number
}

export const isThrottled = (c: CallSample): boolean =>
  c.error !== undefined && /Throttl|Rate exceeded/i.test(c.error)

/** `cloudwatch:DescribeAlarms`: the same key as a quota rule. */
export const actionOf = (c: { service: string; operation: string }): string =>
  `${c.service}:${c.operation}`

export interface OperationRate {
  readonly action: string
  /** Requests made, throttled ones included. */
  readonly calls: number
  readonly throttled: number
  /** Requests made in the busiest simulated second (throttled ones included). */
  readonly peakPerSecond: number
  /** Requests over the whole window, per second. */
  readonly averagePerSecond: number
}

/** Per action: calls, throttled calls, busiest second and average over [from, to] (simulated ms). */
export function operationRates(
  calls: readonly CallSample[],
  from: number,
  to: number
): OperationRate[] {
  const seconds = Math.max(1, (to - from) / 1000)
  const byAction = new Map<string, CallSample[]>()
  for (const c of calls) {
    if (c.service === 'emulator') continue
    const list = byAction.get(actionOf(c)) ?? []
    list.push(c)
    byAction.set(actionOf(c), list)
  }
  return [...byAction.entries()]
    .map(([action, list]) => {
      const perSecond = new Map<number, number>()
      for (const c of list) {
        const second = Math.floor(c.simulatedTime / 1000)
        perSecond.set(second, (perSecond.get(second) ?? 0) + 1)
      }
      return {
        action,
        calls: list.length,
        throttled: list.filter(isThrottled).length,
        peakPerSecond: Math.max(...perSecond.values()),
        averagePerSecond: list.length / seconds
      }
    })
    .sort((a, b) => a.action.localeCompare(b.action))
}

/**
 * The calls that name this endpoint anywhere in their request (its alarms, metrics, configs and
 * their ARNs included). Endpoint names must not contain one another (`fleet-001-ep`, ...).
 */
export function callsOf<T extends CallSample>(calls: readonly T[], endpointName: string): T[] {
  return calls.filter(
    c => c.service !== 'emulator' && JSON.stringify(c.params).includes(endpointName)
  )
}

/**
 * Simulated ms from the service settling (the endpoint's last end event at or after `since`) to
 * the first DescribeEndpoint of that endpoint answered after it: how late the verdict came.
 */
export function verdictDelay(
  calls: readonly CallSample[],
  events: readonly EventSample[],
  endpointName: string,
  since: number
): number | undefined {
  const event = events.find(
    e =>
      e.endpointName === endpointName &&
      e.simulatedTime >= since &&
      ['completed', 'rolled-back', 'rollback-failed', 'created', 'creation-failed'].includes(e.kind)
  )
  if (!event) return undefined
  const poll = calls.find(
    c =>
      c.operation === 'DescribeEndpoint' &&
      c.status === 200 &&
      c.simulatedTime >= event.simulatedTime &&
      (c.params as { EndpointName?: string } | null)?.EndpointName === endpointName
  )
  return poll ? poll.simulatedTime - event.simulatedTime : undefined
}

/** Requests per minute of one rollout, per action, over its simulated duration. */
export function perMinute(
  calls: readonly CallSample[],
  minutes: number
): Record<string, { calls: number; perMinute: number }> {
  const out: Record<string, { calls: number; perMinute: number }> = {}
  for (const c of calls) {
    const entry = (out[actionOf(c)] ??= { calls: 0, perMinute: 0 })
    entry.calls += 1
  }
  for (const entry of Object.values(out)) entry.perMinute = minutes > 0 ? entry.calls / minutes : 0
  return out
}

/** How many rollouts making `perMinute` requests a minute, on average, one quota carries. */
export function rolloutsAtQuota(quotaPerSecond: number, perMinuteOfOne: number): number {
  return perMinuteOfOne > 0 ? Math.floor((quotaPerSecond * 60) / perMinuteOfOne) : Infinity
}
