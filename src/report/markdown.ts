// Markdown building blocks for the job summary and the PR comment. Service and user text
// (FailureReason, alarm reasons, names, inputs) goes through escapeMarkdown so it renders as
// the literal text it is: no markup, HTML, links, images, mentions, emoji or table breaks.

/** Text already rendered as Markdown by this module (trusted, never service text). */
export interface Markdown {
  readonly markdown: string
}

/** A table cell: plain text (escaped) or Markdown built by this module. */
export type Cell = string | Markdown

export const MAX_TEXT_LENGTH = 500
/** The verdict's own sentences (what happened, what to do) are never cut short. */
export const VERDICT_TEXT_LENGTH = 2000

export interface EscapeOptions {
  /** Longest text kept, in characters, before `…` (default 500). */
  readonly maxLength?: number
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' }

/**
 * Characters that start or end inline markup; a backslash makes each one literal. Parentheses
 * need none: with `[` and `]` escaped they can never form a link.
 */
const BACKSLASHED = new Set(['\\', '`', '*', '_', '[', ']', '!', '~', '|', '$', '#'])

/**
 * An empty HTML comment: invisible, but it splits the text node GitHub scans for @mentions,
 * #123 references, :emoji: and autolinks. Backslashes and entities do not stop those: GitHub
 * finds them after the Markdown is rendered.
 */
export const BREAK = '<!-- -->'

/** Whether a BREAK goes after `char` when `next` follows it. */
function needsBreak(char: string, next: string): boolean {
  if (char === '@') return true
  // `#1`, `:tada:`, `http://`, `mailto:x`; a colon before a space stays as it is.
  return (char === '#' || char === ':') && /^[\p{L}\p{N}/+_-]/u.test(next)
}

/** Newlines and other control characters become one space; runs of spaces collapse. */
export function singleLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/ {2,}/g, ' ')
}

/** Cuts text to maxLength characters (code points, never half a surrogate pair) with `…`. */
export function truncate(text: string, maxLength = MAX_TEXT_LENGTH): string {
  const chars = Array.from(text)
  if (chars.length <= maxLength) return text
  return `${chars.slice(0, Math.max(0, maxLength - 1)).join('')}…`
}

function escapeChars(flat: string, escapeChar: (char: string) => string): string {
  const chars = Array.from(flat)
  let out = ''
  chars.forEach((char, i) => {
    out += escapeChar(char)
    if (needsBreak(char, chars[i + 1] ?? '')) out += BREAK
  })
  // `www.` autolinks without a scheme.
  return out.replace(/(www)\./gi, `$1${BREAK}.`)
}

/** Makes service or user text render literally, on one line, at most ~500 characters. */
export function escapeMarkdown(text: string, options: EscapeOptions = {}): string {
  const flat = truncate(singleLine(text).trim(), options.maxLength ?? MAX_TEXT_LENGTH)
  const out = escapeChars(flat, char => {
    const entity = ENTITIES[char]
    if (entity !== undefined) return entity
    return BACKSLASHED.has(char) ? `\\${char}` : char
  })
  // List and heading markers only matter at the start of a line.
  return out.replace(/^[-+=]/, '\\$&').replace(/^(\d+)\./, '$1\\.')
}

/** Trusted Markdown (built by this module's callers from escaped parts). */
export function raw(markdown: string): Markdown {
  return { markdown }
}

/** Inline code that survives any backticks in the text. */
export function code(value: string): Markdown {
  const flat = truncate(singleLine(value), MAX_TEXT_LENGTH)
  if (flat === '') return { markdown: '' }
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map(run => run.length))
  const fence = '`'.repeat(longestRun + 1)
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : ''
  return { markdown: `${fence}${pad}${flat}${pad}${fence}` }
}

/** A fenced code block whose fence is longer than any backtick run in the content. */
export function codeBlock(content: string, language = ''): string {
  const longestRun = Math.max(2, ...(content.match(/`+/g) ?? []).map(run => run.length))
  const fence = '`'.repeat(longestRun + 1)
  return `${fence}${language}\n${content}\n${fence}`
}

/** A link whose text is escaped; only http(s) targets are kept, anything else is plain text. */
export function link(label: string, url: string | undefined): Markdown {
  const escaped = escapeMarkdown(label)
  if (url === undefined || !/^https?:\/\//i.test(url)) return { markdown: escaped }
  const target = url.replace(
    /[\s()<>"]/g,
    char => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`
  )
  return { markdown: `[${escaped}](${target})` }
}

/** Joins Markdown values with a separator (the separator is trusted). */
export function join(parts: readonly Markdown[], separator: string): Markdown {
  return { markdown: parts.map(part => part.markdown).join(separator) }
}

function renderCell(cell: Cell): string {
  if (typeof cell === 'string') return escapeMarkdown(cell) || ' '
  // Trusted cells may still hold a code span: a bare pipe there would end the cell.
  const flat = singleLine(cell.markdown).replace(/(?<!\\)\|/g, '\\|')
  return flat.trim() === '' ? ' ' : flat
}

/** A GFM table; every row is padded or cut to the header's width. */
export function table(headers: readonly Cell[], rows: readonly (readonly Cell[])[]): string {
  const width = headers.length
  const line = (cells: readonly Cell[]): string => {
    const padded = Array.from({ length: width }, (_, i) => renderCell(cells[i] ?? ''))
    return `| ${padded.join(' | ')} |`
  }
  const separator = `|${headers.map(() => '---').join('|')}|`
  return [line(headers), separator, ...rows.map(line)].join('\n')
}

/** A collapsible section; the blank lines let Markdown render inside the HTML block. */
export function details(summary: string, body: string): string {
  return `<details><summary>${escapeHtml(summary)}</summary>\n\n${body}\n\n</details>`
}

/** For text inside an HTML block, where Markdown backslash escapes do not apply. */
export function escapeHtml(value: string): string {
  return escapeChars(truncate(singleLine(value).trim()), char =>
    /[&<>"']/.test(char) ? `&#${char.charCodeAt(0)};` : char
  )
}

/** Each request that would be sent, with the alarms' PutMetricAlarm, as a titled code block. */
export function requestBlocks(
  requests: readonly [string, Record<string, unknown> | undefined][],
  alarms: readonly { name: string; request: Record<string, unknown> }[],
  json: (body: Record<string, unknown>) => string
): string[] {
  return [
    ...requests,
    ...alarms.map((alarm): [string, Record<string, unknown>] => [
      `PutMetricAlarm (${alarm.name})`,
      alarm.request
    ])
  ]
    .filter((entry): entry is [string, Record<string, unknown>] => entry[1] !== undefined)
    .map(([name, body]) => `**${escapeMarkdown(name)}**\n\n${codeBlock(json(body), 'json')}`)
}
