// Field checks in SageMaker's wording ("1 validation error detected: Value ... at 'field' failed
// to satisfy constraint: ..."). The SDK validates nothing, so the emulator must.

import { validation } from './errors.js'

export const NAME_PATTERN = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/
export const MODEL_NAME_PATTERN = /^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?$/
export const TAG_PATTERN = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u

export type Params = Record<string, unknown>

function lowerFirst(path: string): string {
  return path
    .split('.')
    .map(part => part.charAt(0).toLowerCase() + part.slice(1))
    .join('.')
}

export function constraint(value: unknown, path: string, rule: string): Error {
  const shown = value === undefined || value === null ? 'null' : `'${String(value)}'`
  return validation(
    `1 validation error detected: Value ${shown} at '${lowerFirst(path)}' failed to satisfy constraint: ${rule}`
  )
}

export function asObject(value: unknown, path: string): Params {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw constraint(value, path, 'Member must be a structure')
  }
  return value as Params
}

export function optionalObject(value: unknown, path: string): Params | undefined {
  return value === undefined || value === null ? undefined : asObject(value, path)
}

export function requireString(
  params: Params,
  field: string,
  rules: { pattern?: RegExp; max?: number; min?: number; path?: string } = {}
): string {
  const value = params[field]
  const path = rules.path ?? field
  if (value === undefined || value === null)
    throw constraint(value, path, 'Member must not be null')
  return checkString(value, path, rules)
}

export function optionalString(
  params: Params,
  field: string,
  rules: { pattern?: RegExp; max?: number; min?: number; path?: string } = {}
): string | undefined {
  const value = params[field]
  if (value === undefined || value === null) return undefined
  return checkString(value, rules.path ?? field, rules)
}

function checkString(
  value: unknown,
  path: string,
  rules: { pattern?: RegExp; max?: number; min?: number }
): string {
  if (typeof value !== 'string') throw constraint(value, path, 'Member must be a string')
  if (rules.max !== undefined && value.length > rules.max) {
    throw constraint(value, path, `Member must have length less than or equal to ${rules.max}`)
  }
  if (value.length < (rules.min ?? 0)) {
    throw constraint(value, path, `Member must have length greater than or equal to ${rules.min}`)
  }
  if (rules.pattern !== undefined && !rules.pattern.test(value)) {
    const source = rules.pattern.source.replace(/^\^/, '').replace(/\$$/, '')
    throw constraint(value, path, `Member must satisfy regular expression pattern: ${source}`)
  }
  return value
}

export function optionalNumber(
  params: Params,
  field: string,
  rules: { min?: number; max?: number; integer?: boolean; path?: string } = {}
): number | undefined {
  const value = params[field]
  if (value === undefined || value === null) return undefined
  return checkNumber(value, rules.path ?? field, rules)
}

export function requireNumber(
  params: Params,
  field: string,
  rules: { min?: number; max?: number; integer?: boolean; path?: string } = {}
): number {
  const value = params[field]
  const path = rules.path ?? field
  if (value === undefined || value === null)
    throw constraint(value, path, 'Member must not be null')
  return checkNumber(value, path, rules)
}

function checkNumber(
  value: unknown,
  path: string,
  rules: { min?: number; max?: number; integer?: boolean }
): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw constraint(value, path, 'Member must be a number')
  }
  if (rules.integer === true && !Number.isInteger(value)) {
    throw constraint(value, path, 'Member must be an integer')
  }
  if (rules.min !== undefined && value < rules.min) {
    throw constraint(value, path, `Member must have value greater than or equal to ${rules.min}`)
  }
  if (rules.max !== undefined && value > rules.max) {
    throw constraint(value, path, `Member must have value less than or equal to ${rules.max}`)
  }
  return value
}

export function optionalBoolean(params: Params, field: string): boolean | undefined {
  const value = params[field]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'boolean') throw constraint(value, field, 'Member must be a boolean')
  return value
}

export function optionalArray(
  params: Params,
  field: string,
  rules: { min?: number; max?: number; path?: string } = {}
): unknown[] | undefined {
  const value = params[field]
  const path = rules.path ?? field
  if (value === undefined || value === null) return undefined
  if (!Array.isArray(value)) throw constraint(value, path, 'Member must be a list')
  if (rules.max !== undefined && value.length > rules.max) {
    throw constraint(
      `[${value.length} items]`,
      path,
      `Member must have length less than or equal to ${rules.max}`
    )
  }
  if (rules.min !== undefined && value.length < rules.min) {
    throw constraint(
      `[${value.length} items]`,
      path,
      `Member must have length greater than or equal to ${rules.min}`
    )
  }
  return value
}

export function requireEnum<T extends string>(
  params: Params,
  field: string,
  values: readonly T[],
  path: string = field
): T {
  const value = params[field]
  if (value === undefined || value === null)
    throw constraint(value, path, 'Member must not be null')
  if (typeof value !== 'string' || !values.includes(value as T)) {
    throw constraint(value, path, `Member must satisfy enum value set: [${values.join(', ')}]`)
  }
  return value as T
}

export interface TagEntry {
  Key: string
  Value: string
}

/** A SageMaker TagList (at most 50). */
export function readTags(params: Params, field = 'Tags'): TagEntry[] {
  const list = optionalArray(params, field, { max: 50 }) ?? []
  return list.map((item, index) => {
    const tag = asObject(item, `${field}.${index + 1}.member`)
    const Key = requireString(tag, 'Key', {
      min: 1,
      max: 128,
      pattern: TAG_PATTERN,
      path: `${field}.${index + 1}.member.key`
    })
    const Value =
      optionalString(tag, 'Value', {
        max: 256,
        pattern: TAG_PATTERN,
        path: `${field}.${index + 1}.member.value`
      }) ?? ''
    return { Key, Value }
  })
}

export function mergeTags(existing: TagEntry[], added: TagEntry[]): TagEntry[] {
  const map = new Map(existing.map(tag => [tag.Key, tag.Value]))
  for (const tag of added) map.set(tag.Key, tag.Value)
  return [...map].map(([Key, Value]) => ({ Key, Value }))
}
