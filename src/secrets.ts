// Container environment values often carry credentials. No part of one may reach the log, the
// outputs, the job summary or a comment, including service errors that echo the request. The
// redactor blanks any run of text that shares a fragment of FRAGMENT characters with a value,
// in the forms the value takes on its way out (as is, JSON-escaped, Markdown-escaped, and
// encoded as a workflow command).

/** Shortest fragment that is blanked. Shorter values ("true", "info") would blank ordinary text. */
export const FRAGMENT = 8
export const MASK = '***'

type Redact = (text: string) => string

/** The forms a value can take in what the action writes. */
function forms(value: string): string[] {
  const json = JSON.stringify(value).slice(1, -1)
  const markdown = value.replace(/[\\`*_[\]!~|$#]/g, '\\$&').replace(/&/g, '&amp;')
  const command = value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
  return [...new Set([value, json, markdown, command])]
}

export function createRedactor(values: readonly string[]): Redact {
  const fragments = new Set<string>()
  for (const value of values) {
    for (const form of forms(value)) {
      const chars = Array.from(form)
      for (let i = 0; i + FRAGMENT <= chars.length; i++) {
        fragments.add(chars.slice(i, i + FRAGMENT).join(''))
      }
    }
  }
  if (fragments.size === 0) return text => text
  return text => {
    const chars = Array.from(text)
    if (chars.length < FRAGMENT) return text
    const hidden = new Uint8Array(chars.length)
    let any = false
    for (let i = 0; i + FRAGMENT <= chars.length; i++) {
      if (fragments.has(chars.slice(i, i + FRAGMENT).join(''))) {
        hidden.fill(1, i, i + FRAGMENT)
        any = true
      }
    }
    if (!any) return text
    let out = ''
    for (let i = 0; i < chars.length; i++) {
      if (hidden[i] === 1) {
        if (i === 0 || hidden[i - 1] !== 1) out += MASK
      } else {
        out += chars[i]
      }
    }
    return out
  }
}

type Write = typeof process.stdout.write

// The values of this run: the environment input's, and any a plan takes from the live model.
const registered = new Set<string>()
let current: Redact = text => text

/** Adds values that must never be written (container environment values). */
export function registerSecrets(values: readonly string[]): void {
  const before = registered.size
  for (const value of values) if (value !== '') registered.add(value)
  if (registered.size !== before) current = createRedactor([...registered])
}

/** The registered values masked out of `text`. */
export function redact(text: string): string {
  return current(text)
}

let installed = false

/** Every later write to stdout and stderr goes through redact() (installed once). */
export function redactStreams(): void {
  if (installed) return
  installed = true
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as Write
    const redacting = (chunk: unknown, ...rest: unknown[]): boolean => {
      const text =
        typeof chunk === 'string'
          ? chunk
          : chunk instanceof Uint8Array
            ? Buffer.from(chunk).toString('utf8')
            : String(chunk)
      return (write as (c: string, ...r: unknown[]) => boolean)(redact(text), ...rest)
    }
    stream.write = redacting as Write
  }
}
