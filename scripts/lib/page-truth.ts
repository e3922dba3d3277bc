// One page, one truth: what a rendered job summary (or pull-request comment) says in one place
// must not be denied in another. Reads the markdown as a person reads the page (the headline,
// then every table, chart label and sentence) and lists each contradiction it finds. The action
// runner checks every summary the end-to-end suite, the demo and the pictures produce.

/** A markdown table: its header cells and rows, under the nearest heading. */
export interface PageTable {
  readonly heading: string
  readonly headers: readonly string[]
  readonly rows: readonly (readonly string[])[]
}

const cells = (line: string): string[] =>
  line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map(cell => cell.trim())

/** Every table of the page, with the heading above it. */
export function pageTables(markdown: string): PageTable[] {
  const lines = markdown.split('\n')
  const tables: PageTable[] = []
  let heading = ''
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (/^#{2,4} /.test(line)) heading = line.replace(/^#+ /, '')
    if (!line.startsWith('|') || !/^\|[-| :]+\|$/.test(lines[i + 1]?.trim() ?? '')) continue
    const headers = cells(line)
    const rows: string[][] = []
    let j = i + 2
    for (; j < lines.length && lines[j]!.startsWith('|'); j++) rows.push(cells(lines[j]!))
    tables.push({ heading, headers, rows })
    i = j - 1
  }
  return tables
}

/** The chart's x-axis labels, when the page has a chart. */
function axisLabels(markdown: string): string[] | undefined {
  const axis = /^\s*x-axis \[(.*)\]$/m.exec(markdown)
  if (!axis) return undefined
  return [...axis[1]!.matchAll(/"([^"]*)"/g)].map(m => m[1]!)
}

/** The page's words with links' targets, code and HTML comments taken out: what a reader reads. */
function prose(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/`[^`]*`/g, '')
}

const percentOf = (cell: string | undefined): number | undefined => {
  const m = /^(\d+(?:\.\d+)?)%$/.exec(cell ?? '')
  return m ? Number(m[1]) : undefined
}
const countOf = (cell: string | undefined): number =>
  cell === undefined || cell === '—' ? 0 : Number(cell.replace(/,/g, '').replace(/ .*$/, '')) || 0

/**
 * The contradictions on one page, each a sentence naming both sides; empty when the page agrees
 * with itself.
 */
export function pageContradictions(markdown: string): string[] {
  const found: string[] = []
  const headline = /^## (.*)$/m.exec(markdown)?.[1] ?? ''
  const title = headline.replace(/:.*$/, '')
  const tables = pageTables(markdown)
  const table = (heading: RegExp) => tables.find(t => heading.test(t.heading))
  const text = prose(markdown)
  const inProgress = /In progress/i.test(title)
  const rolledBack = /Rolled back/i.test(title)
  const deployed = /Deployed/i.test(title)
  const rolling = /^### (Rolling batches|Expected batches)/m.test(markdown)

  // The phases against the verdict.
  const phases = table(/^Per phase/)
  for (const row of phases?.rows ?? []) {
    const [phase = '', , , , outcome = ''] = row
    if (rolledBack && (phase === 'Completion' || /every step passed|stayed on/i.test(outcome)))
      found.push(`A rolled-back page has the phase "${phase}: ${outcome}".`)
    if (deployed && /rolled (all traffic )?back|back on/i.test(outcome))
      found.push(`A deployed page has the phase "${phase}: ${outcome}".`)
  }

  // A row showing green at 0 % while the metrics count green requests after it.
  const traffic = table(/^Traffic steps$/)
  const perStep = table(/^Requests, 5XX errors/)
  if (traffic && perStep) {
    const greenColumn = traffic.headers.findIndex(h => /^Green/.test(h))
    const servedColumn = perStep.headers.findIndex(h => /^(Green|New) requests$/.test(h))
    traffic.rows.forEach((row, i) => {
      const metrics = perStep.rows[i]
      if (greenColumn < 0 || servedColumn < 0 || metrics === undefined) return
      const served = countOf(metrics[servedColumn])
      if (percentOf(row[greenColumn]) === 0 && served > 0)
        found.push(
          `The traffic row at ${row[0]} shows green at 0%, and green served ${served} requests after it.`
        )
    })
  }

  // The chart plots what the table says: one point per row.
  const labels = axisLabels(markdown)
  const rows = (rolling ? table(/^Rolling batches$/) : traffic)?.rows
  if (labels && rows && perStep && labels.length !== rows.length)
    found.push(`The chart has ${labels.length} points and the table ${rows.length} rows.`)
  if (labels && perStep && labels.length !== perStep.rows.length)
    found.push(
      `The chart has ${labels.length} points and the per-step metrics ${perStep.rows.length} rows.`
    )

  // A reason said missing right under the alarm that gave it.
  const alarmFired = /\*\*fired\*\*/.test(markdown) || /went into ALARM/.test(text)
  if (alarmFired && /SageMaker gave no failure reason/.test(text))
    found.push('The page names the alarm that fired and says SageMaker gave no failure reason.')

  // While the rollout runs nothing is final.
  if (inProgress && tables.some(t => t.headers.includes('Final state')))
    found.push('An in-progress page has a "Final state" column.')

  // Rolling and component pages speak of old and new instances or copies.
  if (rolling) {
    // `blue/green` names the other strategy, to compare with,
    // and a chart legend names its lines' colours (`blue: the old instances 5XX rate`).
    const fleetWord = /\b(blue|green)\b/i.exec(
      text.replace(/blue\/green/gi, '').replace(/\b(red|blue|amber): /g, '')
    )
    if (fleetWord)
      found.push(
        `A rolling page speaks of ${fleetWord[0]}: "${text.slice(Math.max(0, fleetWord.index - 40), fleetWord.index + 40).replace(/\n/g, ' ')}".`
      )
  }

  // CloudWatch's day/month/year times, which read differently per country.
  const ambiguous = /\b\d{2}\/\d{2}\/\d{2} \d{2}:/.exec(text.replace(/<!-- -->/g, ''))
  if (ambiguous) found.push(`An ambiguous date: "${ambiguous[0]}".`)

  // A plan that could not plan says so in its headline.
  if (
    /Planned/.test(title) &&
    !/without access/.test(title) &&
    /nothing could be planned|no plan could be made/.test(text)
  )
    found.push('The headline says Planned, and the page says no plan could be made.')

  // A page that changed nothing links no resource it would have created.
  if (/Nothing was changed in AWS/.test(text) && /Green \(this run\)/.test(markdown)) {
    const resources = table(/^Resources$/)
    const green = resources?.headers.findIndex(h => /^Green/.test(h)) ?? -1
    const linked = resources?.rows.find(row => green >= 0 && /\]\(/.test(row[green] ?? ''))
    if (linked) found.push(`Nothing was changed, and the page links green's ${linked[0]}.`)
  }
  return found
}
