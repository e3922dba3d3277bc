// Parameter checks and paging shared by the CloudWatch operations, with CloudWatch's errors.

import { cloudwatchError, invalidParameter, missingParameter } from './errors.js'

export type Params = Record<string, unknown>

export const seconds = (ms: number): number => ms / 1000
export const present = (value: unknown): boolean => value !== undefined && value !== null

export function requireName(params: Params, field: string): string {
  const value = params[field]
  if (!present(value)) throw missingParameter(field)
  if (typeof value !== 'string' || value.length < 1 || value.length > 255) {
    throw invalidParameter(`The parameter ${field} must be a string of 1 to 255 characters.`)
  }
  return value
}

export function requireInteger(params: Params, field: string, min: number): number {
  const value = params[field]
  if (!present(value)) throw missingParameter(field)
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw invalidParameter(
      `The parameter ${field} must be an integer greater than or equal to ${min}.`
    )
  }
  return value
}

export function timestampMs(params: Params, field: string): number | undefined {
  const value = params[field]
  if (!present(value)) return undefined
  if (typeof value !== 'number')
    throw invalidParameter(`The parameter ${field} must be a timestamp.`)
  return value * 1000
}

export function readTags(raw: unknown): { Key: string; Value: string }[] {
  if (!present(raw)) return []
  if (!Array.isArray(raw)) throw invalidParameter('The parameter Tags must be a list.')
  if (raw.length > 50)
    throw invalidParameter('The collection Tags must not have a size greater than 50.')
  return raw.map((t, i) => {
    const tag = (t ?? {}) as Params
    if (typeof tag.Key !== 'string' || tag.Key.length < 1 || tag.Key.length > 128)
      throw missingParameter(`Tags.member.${i + 1}.Key`)
    if (typeof tag.Value !== 'string' || tag.Value.length > 256)
      throw missingParameter(`Tags.member.${i + 1}.Value`)
    return { Key: tag.Key, Value: tag.Value }
  })
}

/** One page of `items` from MaxRecords and NextToken (an offset). */
export function paginate<T>(
  items: T[],
  maxRaw: unknown,
  tokenRaw: unknown
): { page: T[]; nextToken: string | undefined } {
  const max = typeof maxRaw === 'number' ? maxRaw : 100
  if (max < 1 || max > 100)
    throw invalidParameter('The parameter MaxRecords must be between 1 and 100.')
  const offset = typeof tokenRaw === 'string' ? Number(tokenRaw) : 0
  if (!Number.isInteger(offset) || offset < 0)
    throw cloudwatchError('InvalidNextToken', 'The service cannot parse the NextToken.')
  const page = items.slice(offset, offset + max)
  return { page, nextToken: offset + max < items.length ? String(offset + max) : undefined }
}
