// The account's instance quota for endpoint usage, per instance type. A blue/green update runs
// the green fleet beside the whole blue fleet, so it needs room for both: the doubled fleet is
// what exceeds a quota sized for one. Message as the service words it (public issues, e.g.
// aws/amazon-sagemaker-examples#307).

import { ApiError } from './errors.js'
import type { Scenario } from './scenario.js'
import type { EndpointRecord, Fleet, ResourceStore } from './state.js'

function countByType(fleet: Fleet, into: Map<string, number>): void {
  for (const v of fleet.variants)
    into.set(v.instanceType, (into.get(v.instanceType) ?? 0) + v.desired)
}

/** A rolling update runs its old instances, the new ones up and those being launched. */
function countRolling(endpoint: EndpointRecord, into: Map<string, number>): boolean {
  const d = endpoint.deployment
  const rolling = d?.rolling
  const blueType = endpoint.blue.variants[0]?.instanceType
  const greenType = d?.green.variants[0]?.instanceType
  if (rolling === undefined || blueType === undefined || greenType === undefined) return false
  const launchingOld = d?.phase === 'rollback-provisioning' ? rolling.launching : 0
  into.set(blueType, (into.get(blueType) ?? 0) + rolling.oldRunning + launchingOld)
  into.set(
    greenType,
    (into.get(greenType) ?? 0) + rolling.newRunning + (rolling.launching - launchingOld)
  )
  return true
}

/** Instances each type runs now, for every endpoint that holds instances. */
function inUse(store: ResourceStore): Map<string, number> {
  const used = new Map<string, number>()
  for (const endpoint of store.endpoints.values()) {
    if (endpoint.status === 'Failed' || endpoint.status === 'Deleting') continue
    if (countRolling(endpoint, used)) continue
    countByType(endpoint.blue, used)
    if (endpoint.deployment !== undefined) countByType(endpoint.deployment.green, used)
  }
  return used
}

/**
 * Throws ResourceLimitExceeded when launching `fleet` would exceed the scenario's quota; a rolling
 * update launches only `batch` instances of it at first.
 */
export function checkInstanceQuota(
  store: ResourceStore,
  scenario: Scenario,
  fleet: Fleet,
  batch?: number
): void {
  const quota = scenario.instanceQuota
  if (quota === null) return
  const used = inUse(store)
  const delta = new Map<string, number>()
  countByType(fleet, delta)
  const type = fleet.variants[0]?.instanceType
  if (batch !== undefined && type !== undefined) delta.set(type, batch)
  for (const [type, requested] of delta) {
    const limit = quota[type]
    if (limit === undefined) continue
    const current = used.get(type) ?? 0
    if (current + requested > limit) {
      throw new ApiError(
        'ResourceLimitExceeded',
        `The account-level service limit '${type} for endpoint usage' is ${limit} Instances, with current utilization of ${current} Instances and a request delta of ${requested} Instances. Please contact AWS support to request an increase for this limit.`
      )
    }
  }
}
