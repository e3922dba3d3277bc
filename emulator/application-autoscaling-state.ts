// What the emulated Application Auto Scaling keeps: scalable targets, their scaling policies
// and scheduled actions, keyed by service namespace, resource ID and scalable dimension.

import { ApiError } from './errors.js'
import type { ResourceStore } from './state.js'
import type { TagEntry } from './validate.js'

type Params = Record<string, unknown>

export interface ScalingContext {
  store: ResourceStore
  region: string
  accountId: string
  now(): number
}

export function aasError(code: string, message: string): ApiError {
  return new ApiError(code, message)
}

export const invalid = (message: string): ApiError => aasError('ValidationException', message)

export function notRegistered(p: Params): ApiError {
  return aasError(
    'ObjectNotFoundException',
    `No scalable target registered for service namespace: ${String(p.ServiceNamespace)}, resource ID: ${String(p.ResourceId)}, scalable dimension: ${String(p.ScalableDimension)}`
  )
}

/** One page of `items` (MaxResults up to 50, NextToken an offset). */
export function page<T>(p: Params, items: T[]): { items: T[]; NextToken?: string } {
  const max = typeof p.MaxResults === 'number' ? p.MaxResults : 50
  if (max < 1 || max > 50) throw invalid('MaxResults must be between 1 and 50.')
  let offset = 0
  if (typeof p.NextToken === 'string') {
    offset = Number(p.NextToken)
    if (!/^\d+$/.test(p.NextToken) || offset > items.length)
      throw aasError('InvalidNextTokenException', 'The next token supplied was invalid.')
  }
  const slice = items.slice(offset, offset + max)
  return offset + max < items.length
    ? { items: slice, NextToken: String(offset + max) }
    : { items: slice }
}

export interface ScalableTargetRecord {
  ServiceNamespace: string
  ResourceId: string
  ScalableDimension: string
  MinCapacity: number
  MaxCapacity: number
  RoleARN: string
  SuspendedState: Record<string, boolean>
  ScalableTargetARN: string
  creationTime: number
  tags: TagEntry[]
}

export interface ScalingPolicyRecord {
  /** The PutScalingPolicy request as validated (configurations kept whole). */
  request: Record<string, unknown>
  PolicyARN: string
  alarms: { AlarmName: string; AlarmARN: string }[]
  creationTime: number
}

export interface ScheduledActionRecord {
  request: Record<string, unknown>
  ScheduledActionARN: string
  creationTime: number
}

export function targetKey(namespace: string, resourceId: string, dimension: string): string {
  return `${namespace}|${resourceId}|${dimension}`
}

export class ScalingStore {
  readonly targets = new Map<string, ScalableTargetRecord>()
  /** Keyed by target key, then policy name. */
  readonly policies = new Map<string, Map<string, ScalingPolicyRecord>>()
  readonly scheduledActions = new Map<string, Map<string, ScheduledActionRecord>>()
  private sequence = 0

  /** A stable id for ARNs (hex, 36 characters, as in the documented examples). */
  nextId(): string {
    this.sequence += 1
    return `${this.sequence.toString(16).padStart(8, '0')}${'0'.repeat(28)}`
  }

  /** Removes a target and everything attached to it (DeregisterScalableTarget). */
  remove(key: string): void {
    this.targets.delete(key)
    this.policies.delete(key)
    this.scheduledActions.delete(key)
  }

  /** Registered variant targets of an endpoint: variant name → target. */
  variantTargets(endpointName: string): Map<string, ScalableTargetRecord> {
    const found = new Map<string, ScalableTargetRecord>()
    for (const target of this.targets.values()) {
      const match = VARIANT_RESOURCE.exec(target.ResourceId)
      if (
        target.ServiceNamespace === 'sagemaker' &&
        match !== null &&
        match[1]?.toLowerCase() === endpointName.toLowerCase()
      ) {
        found.set(match[2] ?? '', target)
      }
    }
    return found
  }
}

/** `endpoint/<endpoint name>/variant/<variant name>` (RegisterScalableTarget ResourceId doc). */
export const VARIANT_RESOURCE = /^endpoint\/([^/]+)\/variant\/([^/]+)$/
export const VARIANT_DIMENSION = 'sagemaker:variant:DesiredInstanceCount'
