// Assertions on rendered Markdown shared by the report tests.

/** Link targets Markdown would make live: `](target)` whose `]` is not backslash-escaped. */
export function liveLinkTargets(markdown: string): string[] {
  return [...markdown.matchAll(/(?<!\\)\]\(([^)\s]*)\)/g)].map(match => match[1] ?? '')
}

/** Cells of a table line: split on pipes that are not backslash-escaped. */
export function cellsOf(line: string): string[] {
  return line.split(/(?<!\\)\|/).slice(1, -1)
}

/** The table lines whose first cell starts with the given text. */
export function rowsStartingWith(markdown: string, prefix: string): string[] {
  return markdown.split('\n').filter(line => line.startsWith(`| ${prefix}`))
}

/** Every table in the Markdown, as its lines (runs of lines that start with a pipe). */
export function tablesOf(markdown: string): string[][] {
  const tables: string[][] = []
  let current: string[] = []
  for (const line of [...markdown.split('\n'), '']) {
    if (line.startsWith('|')) current.push(line)
    else if (current.length > 0) {
      tables.push(current)
      current = []
    }
  }
  return tables
}
