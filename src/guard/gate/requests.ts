// Pure (but for the one read of the file): the golden requests file, input `verify-requests`, in
// JSON Lines: one request a line, {"body": …, "contentType"?, "accept"?, "expected"?,
// "tolerance"?}. Read once, before anything is written, so that a typo stops the run before it
// touches the endpoint.
import { readFileSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { InputError } from '../../errors.js'
import { show } from '../../inputs/parsers.js'
import type { GoldenRequest } from '../../types.js'

const INPUT = 'verify-requests'

/** At most this many requests: the gate sends each at every look, and the baseline all of them. */
export const MAX_REQUESTS = 1000
/**
 * A body's size once serialised, in bytes: InvokeEndpoint's "maximum size of the input payload is
 * 6 MB". AWS does not say whether its MB is 10^6 or 2^20 bytes: the smaller, so that a body this
 * accepts is never refused for its size.
 */
export const MAX_BODY_BYTES = 6_000_000
/** The file's size: all of it is held in memory, with the bodies. */
export const MAX_FILE_BYTES = 16_000_000
/** contentType and accept: InvokeEndpoint's ContentType and Accept take at most 1024 characters. */
export const MAX_HEADER_LENGTH = 1024

const KEYS = ['body', 'contentType', 'accept', 'expected', 'tolerance'] as const

export type { GoldenRequest }

function kind(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'an array'
  if (typeof v === 'object') return 'an object'
  return typeof v === 'string' ? 'a string' : `a ${typeof v}`
}

// Whether a JSON value holds a number somewhere: iterative, so a deeply nested one cannot overflow.
function hasNumber(value: unknown): boolean {
  const stack = [value]
  while (stack.length) {
    const v = stack.pop()
    if (typeof v === 'number') return true
    if (typeof v === 'object' && v !== null) for (const child of Object.values(v)) stack.push(child)
  }
  return false
}

function header(value: unknown, key: string): string {
  if (typeof value !== 'string' || value === '') {
    throw new Error(`"${key}" must be a non-empty string, got ${kind(value)}`)
  }
  if (value.length > MAX_HEADER_LENGTH) {
    throw new Error(`"${key}" is ${value.length} characters, more than ${MAX_HEADER_LENGTH}`)
  }
  if (!/^[\x20-\x7e]+$/.test(value)) {
    throw new Error(
      `"${key}" ${show(value)} must be printable ASCII (it is sent as an HTTP header)`
    )
  }
  return value
}

// One line's request; throws a plain Error whose message the caller prefixes with the line.
function request(text: string, line: number): GoldenRequest {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new Error(`not valid JSON (${(error as Error).message})`)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`a request must be a JSON object like {"body": …}, got ${kind(value)}`)
  }
  const obj = value as Record<string, unknown>
  const unknown = Object.keys(obj).filter(k => !(KEYS as readonly string[]).includes(k))
  if (unknown.length) {
    throw new Error(
      `unknown key${unknown.length > 1 ? 's' : ''} ${unknown.map(k => show(k)).join(', ')} (allowed: ${KEYS.join(', ')})`
    )
  }
  if (!Object.hasOwn(obj, 'body')) throw new Error('no "body": the request to send')
  const raw = obj['body']
  const body = typeof raw === 'string' ? raw : JSON.stringify(raw)
  const bytes = Buffer.byteLength(body, 'utf8')
  if (bytes > MAX_BODY_BYTES) {
    throw new Error(
      `the body is ${bytes} bytes, more than InvokeEndpoint's ${MAX_BODY_BYTES} (6 MB)`
    )
  }
  const hasExpected = Object.hasOwn(obj, 'expected')
  const expected = obj['expected']
  let tolerance = 0
  if (Object.hasOwn(obj, 'tolerance')) {
    const t = obj['tolerance']
    if (typeof t !== 'number' || !Number.isFinite(t) || t < 0) {
      const shown = typeof t === 'number' ? String(t) : JSON.stringify(t)
      throw new Error(`"tolerance" must be a finite number ≥ 0, got ${shown}`)
    }
    if (hasExpected && !hasNumber(expected)) {
      throw new Error(
        `tolerance applies to numbers, but expected is ${kind(expected)}${typeof expected === 'object' && expected !== null ? ' with no number in it' : ''}`
      )
    }
    tolerance = t
  }
  return {
    line,
    body,
    contentType: Object.hasOwn(obj, 'contentType')
      ? header(obj['contentType'], 'contentType')
      : typeof raw === 'string'
        ? 'text/csv'
        : 'application/json',
    accept: Object.hasOwn(obj, 'accept') ? header(obj['accept'], 'accept') : undefined,
    expected: hasExpected ? expected : undefined,
    hasExpected,
    tolerance
  }
}

/**
 * The requests of a golden requests file's text. `path` names the file in messages. Blank lines
 * are skipped (and counted, so that line numbers are the editor's); the first problem is thrown
 * as an InputError naming the input, the file and the line.
 */
export function parseGoldenRequests(text: string, path: string): GoldenRequest[] {
  const where = `Input "${INPUT}": ${path}`
  const size = Buffer.byteLength(text, 'utf8')
  if (size > MAX_FILE_BYTES) {
    throw new InputError(INPUT, `${where} is ${size} bytes, more than ${MAX_FILE_BYTES} (16 MB).`)
  }
  const requests: GoldenRequest[] = []
  // An editor's byte-order mark is not part of the first request.
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  for (const [i, content] of lines.entries()) {
    if (content.trim() === '') continue
    if (requests.length === MAX_REQUESTS) {
      throw new InputError(
        INPUT,
        `${where} line ${i + 1}: more than ${MAX_REQUESTS} requests; keep the ${MAX_REQUESTS} that matter most.`
      )
    }
    try {
      requests.push(request(content, i + 1))
    } catch (error) {
      throw new InputError(INPUT, `${where} line ${i + 1}: ${(error as Error).message}.`)
    }
  }
  if (!requests.length) {
    throw new InputError(
      INPUT,
      `${where} has no requests: give one JSON object a line, like {"body": [1, 2, 3]}.`
    )
  }
  return requests
}

/**
 * The golden requests file at `path` (relative to the workspace unless absolute), read and parsed.
 * Missing, a directory, unreadable or too large: an InputError naming the path.
 */
export function readGoldenRequests(path: string, workspace: string): GoldenRequest[] {
  const full = resolve(workspace, path)
  const where = `Input "${INPUT}": ${path}`
  let text: string
  try {
    const stat = statSync(full)
    if (stat.isDirectory())
      throw new InputError(INPUT, `${where} is a directory (${full}), not a file.`)
    if (stat.size > MAX_FILE_BYTES) {
      throw new InputError(
        INPUT,
        `${where} is ${stat.size} bytes, more than ${MAX_FILE_BYTES} (16 MB).`
      )
    }
    text = readFileSync(full, 'utf8')
  } catch (error) {
    if (error instanceof InputError) throw error
    const code = (error as NodeJS.ErrnoException).code
    throw new InputError(
      INPUT,
      code === 'ENOENT'
        ? `${where} does not exist (looked for ${full}).`
        : `${where} cannot be read (${full}): ${(error as Error).message}.`
    )
  }
  return parseGoldenRequests(text, path)
}
