// The account's instance quota for endpoint usage, per instance type. A blue/green update runs
// the green fleet beside the whole blue fleet, so it needs room for both: the doubled fleet is
// what exceeds a quota sized for one. Message as the service words it (public issues, e.g.
// aws/amazon-sagemaker-examples#307).

import { ApiError } from './errors.js'
import type { Scenario } from './scenario.js'
import type { Fleet, ResourceStore } from './state.js'

function countByType(fleet: Fleet, into: Map<string, number>): void {
  for (const v of fleet.variants)
    into.set(v.instanceType, (into.get(v.instanceType) ?? 0) + v.desired)
}

/** Instances each type runs now, for every endpoint that holds instances. */
function inUse(store: ResourceStore): Map<string, number> {
  const used = new Map<string, number>()
  for (const endpoint of store.endpoints.values()) {
    if (endpoint.status === 'Failed' || endpoint.status === 'Deleting') continue
    countByType(endpoint.blue, used)
    if (endpoint.deployment !== undefined) countByType(endpoint.deployment.green, used)
  }
  return used
}

/** Throws ResourceLimitExceeded when launching `fleet` would exceed the scenario's quota. */
export function checkInstanceQuota(store: ResourceStore, scenario: Scenario, fleet: Fleet): void {
  const quota = scenario.instanceQuota
  if (quota === null) return
  const used = inUse(store)
  const delta = new Map<string, number>()
  countByType(fleet, delta)
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
