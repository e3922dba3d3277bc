import { InputError } from '../errors.js'

// Generic input readers: each reads one named input, reports what is wrong to a shared
// Problems list instead of throwing, and returns a usable fallback so reading can go on.

const SHOWN_LENGTH = 80
const MAX_LISTED_PROBLEMS = 20

/** A value as shown in a message: quoted, control characters escaped, long values cut. */
export function show(value: string): string {
  const chars = Array.from(value)
  if (chars.length <= SHOWN_LENGTH) return JSON.stringify(value)
  return `${JSON.stringify(chars.slice(0, SHOWN_LENGTH).join('') + '…')} (${chars.length} characters)`
}

/** Input names for a message: `"a"`, `"a" and "b"`, `"a", "b" and "c"`. */
export function quoted(names: readonly string[]): string {
  const q = names.map(n => `"${n}"`)
  return q.length <= 1 ? q.join('') : `${q.slice(0, -1).join(', ')} and ${q.at(-1) ?? ''}`
}

/** Every problem found while reading inputs, thrown together as one InputError. */
export class Problems {
  readonly list: { input: string; message: string }[] = []
  add(input: string, message: string): void {
    this.list.push({ input, message })
  }
  throwIfAny(): void {
    const first = this.list[0]
    if (!first) return
    const lines = this.list.slice(0, MAX_LISTED_PROBLEMS).map(p => p.message)
    const more = this.list.length - lines.length
    if (more > 0) lines.push(`…and ${more} more problem${more === 1 ? '' : 's'}.`)
    throw new InputError(first.input, lines.join('\n'))
  }
}

/** `v` gives an input's trimmed value ('' when unset); `p` collects the problems. */
export type Reader = { v: (name: string) => string; p: Problems }

export function bool(r: Reader, name: string, fallback: boolean): boolean {
  const value = r.v(name)
  if (value === '') return fallback
  if (['true', 'True', 'TRUE'].includes(value)) return true
  if (['false', 'False', 'FALSE'].includes(value)) return false
  r.p.add(name, `Input "${name}" must be true or false, got ${show(value)}.`)
  return fallback
}

/** One of a few words (case-insensitive); empty means the first, the default. */
export function choice<T extends string>(
  r: Reader,
  name: string,
  allowed: readonly [T, ...T[]]
): T {
  const raw = r.v(name).toLowerCase()
  const found = allowed.find(a => a === raw)
  if (found !== undefined) return found
  if (raw !== '') {
    const words = `${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}`
    r.p.add(name, `Input "${name}" must be ${words}, got ${show(r.v(name))}.`)
  }
  return allowed[0]
}

export function whole(
  r: Reader,
  name: string,
  min: number,
  max: number,
  what: string
): number | undefined {
  const value = r.v(name)
  if (value === '') return undefined
  const n = /^\d{1,15}$/.test(value) ? Number(value) : NaN
  if (n >= min && n <= max) return n
  r.p.add(name, `Input "${name}" must be ${what} from ${min} to ${max}, got ${show(value)}.`)
  return undefined
}

export function decimal(
  r: Reader,
  name: string,
  range: { min?: number; aboveZero?: boolean; max: number },
  what: string
): number | undefined {
  const value = r.v(name)
  if (value === '') return undefined
  const n = /^(\d{1,15}(\.\d{1,15})?|\.\d{1,15})$/.test(value) ? Number(value) : NaN
  const low = range.aboveZero ? n > 0 : n >= (range.min ?? 0)
  if (low && n <= range.max) return n
  const from = range.aboveZero ? 'greater than 0 and at most' : `from ${range.min ?? 0} to`
  r.p.add(
    name,
    `Input "${name}" must be ${what} ${from} ${range.max} (decimals allowed), got ${show(value)}.`
  )
  return undefined
}

/** The input's value; a problem if it is set but too long or not matching `pattern`. */
export function matches(
  r: Reader,
  name: string,
  pattern: RegExp,
  maxLength: number,
  allowed: string
): string {
  const value = r.v(name)
  if (value !== '' && (value.length > maxLength || !pattern.test(value))) {
    r.p.add(name, `Input "${name}" must be ${allowed}, got ${show(value)}.`)
  }
  return value
}

/** Non-blank, non-comment lines with their 1-based line numbers. */
export function lines(text: string): { line: string; number: number }[] {
  return text
    .split(/\r?\n/)
    .map((raw, i) => ({ line: raw.trim(), number: i + 1 }))
    .filter(({ line }) => line !== '' && !line.startsWith('#'))
}

/**
 * The KEY=VALUE lines of a multiline input, split at the first `=` and trimmed.
 * `separated` is false when a line has no `=` or starts with one (key and value are then '').
 */
export function keyValueLines(
  text: string
): { line: string; number: number; key: string; value: string; separated: boolean }[] {
  return lines(text).map(({ line, number }) => {
    const at = line.indexOf('=')
    const key = at > 0 ? line.slice(0, at).trim() : ''
    const value = at > 0 ? line.slice(at + 1).trim() : ''
    return { line, number, key, value, separated: at > 0 }
  })
}

/** The distinct non-empty items of a list given one per line or comma-separated. */
export function listItems(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\n,]/)
        .map(n => n.trim())
        .filter(n => n !== '')
    )
  ]
}

export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}
