// What every group of SageMaker operations shares: the emulator context, ARNs and List* paging.

import { validation } from './errors.js'
import type { Scenario } from './scenario.js'
import type { ResourceStore } from './state.js'
import { optionalNumber, optionalString, type Params } from './validate.js'

export interface SageMakerContext {
  store: ResourceStore
  region: string
  accountId: string
  now(): number
  scenario(): Scenario
  alarmExists(name: string): boolean
}

export const seconds = (ms: number): number => ms / 1000

/** A group of SageMaker operations, with the context, ARNs and List* paging they all use. */
export abstract class SageMakerOperations {
  constructor(protected readonly ctx: SageMakerContext) {}

  protected arn(kind: string, name: string): string {
    return `arn:aws:sagemaker:${this.ctx.region}:${this.ctx.accountId}:${kind}/${name.toLowerCase()}`
  }

  /** One page of a List* call over `map`, filtered, sorted and paged as SageMaker does. */
  protected list(
    p: Params,
    key: string,
    nameField: string,
    arnField: string,
    map: Map<string, { name: string; arn: string; creationTime: number }>,
    extra: {
      /** A filter applied before sorting and paging (e.g. StatusEquals). */
      filter?: (name: string) => boolean
      /** Sort key for `SortBy: 'Status'` (ListEndpoints). */
      status?: (name: string) => string
    } = {}
  ): Params {
    const sortBy = p.SortBy ?? 'CreationTime'
    const sortKeys =
      extra.status === undefined ? ['Name', 'CreationTime'] : ['Name', 'CreationTime', 'Status']
    if (typeof sortBy !== 'string' || !sortKeys.includes(sortBy))
      throw validation(
        `1 validation error detected: Value '${String(sortBy)}' at 'sortBy' failed to satisfy constraint: Member must satisfy enum value set: [${sortKeys.join(', ')}]`
      )
    const sortOrder = p.SortOrder ?? 'Descending'
    if (sortOrder !== 'Ascending' && sortOrder !== 'Descending')
      throw validation(
        `1 validation error detected: Value '${String(sortOrder)}' at 'sortOrder' failed to satisfy constraint: Member must satisfy enum value set: [Ascending, Descending]`
      )
    const contains = optionalString(p, 'NameContains', { max: 63, pattern: /^[a-zA-Z0-9-]+$/ })
    const max = optionalNumber(p, 'MaxResults', { min: 1, max: 100, integer: true }) ?? 100
    const after = typeof p.CreationTimeAfter === 'number' ? p.CreationTimeAfter * 1000 : undefined
    const before =
      typeof p.CreationTimeBefore === 'number' ? p.CreationTimeBefore * 1000 : undefined
    let items = [...map.values()].filter(
      r =>
        (contains === undefined || r.name.includes(contains)) &&
        (after === undefined || r.creationTime > after) &&
        (before === undefined || r.creationTime < before) &&
        (extra.filter === undefined || extra.filter(r.name))
    )
    const status = extra.status
    items.sort((a, b) =>
      sortBy === 'Name'
        ? a.name.localeCompare(b.name)
        : sortBy === 'Status' && status !== undefined
          ? status(a.name).localeCompare(status(b.name)) || a.creationTime - b.creationTime
          : a.creationTime - b.creationTime
    )
    if (sortOrder !== 'Ascending') items = items.reverse()
    const offset = typeof p.NextToken === 'string' ? Number(p.NextToken) || 0 : 0
    const page = items.slice(offset, offset + max)
    return {
      [key]: page.map(r => ({
        [nameField]: r.name,
        [arnField]: r.arn,
        CreationTime: seconds(r.creationTime)
      })),
      ...(offset + max < items.length ? { NextToken: String(offset + max) } : {})
    }
  }
}
