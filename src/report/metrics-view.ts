// The metrics section of the job summary (and so of the PR comment): a Mermaid chart of the 5XX
// rate per step (on its own scale, so the alarm threshold shows), a per-step table of what blue
// and green served, and a phase table. The tables are the text
// fallback for wherever Mermaid does not render. Pure.

import type { FleetFigures, PhaseMetrics, RolloutMetrics } from '../metrics/types.js'
import type { FleetLabels } from './fleet-labels.js'
import { BLUE_GREEN, type FleetWords } from '../fleet-words.js'
import { codeBlock, escapeMarkdown, raw, table, type Cell, type Markdown } from './markdown.js'
import { formatOffset, formatPercent } from './time.js'

const RED = '#cf222e'
const BLUE = '#0969da'
const AMBER = '#9a6700'

export interface MetricsViewOptions {
  /** A new endpoint: no shift, no blue fleet, so no charts and no shift phase. */
  readonly firstDeploy?: boolean
  readonly labels?: FleetLabels
  /** The time cell of each traffic-step row, as the traffic table shows it. */
  readonly stepTimes?: readonly string[]
  /** Blue and green, or old and new instances or copies (default: blue and green). */
  readonly words?: FleetWords
}

/** `Green at 100%`, `New instances at 100%`: the phase after the last step, whatever came next. */
function phaseLabel(phase: PhaseMetrics['phase'], words: FleetWords): string {
  switch (phase) {
    case 'baseline':
      return 'Baseline'
    case 'shift':
      return words === BLUE_GREEN ? 'Traffic shift' : 'Batches'
    case 'rollback':
      return 'Rollback'
    case 'completion': {
      const side = words.newSide.replace(/^the /, '')
      return `${side.charAt(0).toUpperCase()}${side.slice(1)} at 100%`
    }
  }
}

export function formatCount(value: number): string {
  // Grouped by hand: toLocaleString loads the ICU data, tens of milliseconds of a short run.
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

export function formatMs(value: number | null): string {
  if (value === null) return '—'
  return `${value >= 100 ? Math.round(value) : Math.round(value * 10) / 10} ms`
}

/** `12 (2.5%)`; `—` when the fleet served nothing. */
export function formatErrors(figures: FleetFigures | undefined): string {
  if (figures === undefined || figures.requests === 0) return '—'
  return `${formatCount(figures.errors5xx)} (${formatPercent(figures.errorRate5xxPercent ?? 0)})`
}

const requests = (figures: FleetFigures | undefined): string =>
  figures === undefined ? '—' : formatCount(figures.requests)
const latency = (figures: FleetFigures | undefined): string =>
  figures === undefined || figures.requests === 0 ? '—' : formatMs(figures.modelLatencyMs)

function stepTimes(metrics: RolloutMetrics, options: MetricsViewOptions): string[] {
  const given = options.stepTimes
  const times =
    given !== undefined && given.length === metrics.steps.length
      ? [...given]
      : metrics.steps.map(step => formatOffset(step.at - metrics.startedAt))
  // Late datapoints: CloudWatch had not published every minute of this row yet.
  return times.map((time, i) => (metrics.steps[i]?.incomplete ? `${time} (incomplete)` : time))
}

/** Figures this module formats itself: trusted text, so `39.9` does not become `39\.9`. */
const figure = (text: string): Markdown => raw(text)

export function stepMetricsTable(
  metrics: RolloutMetrics,
  options: MetricsViewOptions = {}
): string {
  const times = stepTimes(metrics, options)
  if (metrics.split === 'endpoint-only') {
    const rows = metrics.steps.map((step, i) =>
      [
        times[i]!,
        formatPercent(step.greenPercent),
        requests(step.endpoint),
        formatErrors(step.endpoint),
        latency(step.endpoint)
      ].map(figure)
    )
    return table(
      ['Time', `${(options.words ?? BLUE_GREEN).New} traffic`, 'Requests', '5XX', 'Latency'],
      rows
    )
  }
  if (metrics.blueConfigName === undefined) {
    // A new endpoint has no blue fleet: the green columns alone.
    const rows = metrics.steps.map((step, i) =>
      [times[i]!, requests(step.green), formatErrors(step.green), latency(step.green)].map(figure)
    )
    return table(['Time', 'Requests', '5XX', 'Latency'], rows)
  }
  const rows = metrics.steps.map((step, i) =>
    [
      times[i]!,
      requests(step.blue),
      formatErrors(step.blue),
      latency(step.blue),
      requests(step.green),
      formatErrors(step.green),
      latency(step.green)
    ].map(figure)
  )
  const { Old, New } = options.words ?? BLUE_GREEN
  const headers = [
    'Time',
    `${Old} requests`,
    `${Old} 5XX`,
    `${Old} latency`,
    `${New} requests`,
    `${New} 5XX`,
    `${New} latency`
  ]
  return table(headers, rows)
}

/** Blue and green are told apart only when there is a blue fleet to tell green from. */
const twoFleets = (metrics: RolloutMetrics): boolean =>
  metrics.split === 'per-fleet' && metrics.blueConfigName !== undefined

function phaseInvocations(metrics: RolloutMetrics, phase: PhaseMetrics, words: FleetWords): string {
  const total = formatCount(phase.endpoint.requests)
  if (!twoFleets(metrics) || phase.green === undefined) return total
  const blue = phase.blue === undefined ? '' : `${words.old} ${formatCount(phase.blue.requests)} · `
  return `${total} (${blue}${words.new} ${formatCount(phase.green.requests)})`
}

function phaseErrors(metrics: RolloutMetrics, phase: PhaseMetrics, words: FleetWords): string {
  const total = phase.endpoint.requests === 0 ? '—' : formatErrors(phase.endpoint)
  const green = phase.green
  if (!twoFleets(metrics) || green === undefined || green.requests === 0) return total
  return `${total}; ${words.new} ${formatErrors(green)}`
}

export function phaseTable(metrics: RolloutMetrics, options: MetricsViewOptions = {}): string {
  // A new endpoint had no traffic before it existed and no shift: only its time in service.
  const phases = options.firstDeploy
    ? metrics.phases.filter(phase => phase.phase === 'completion')
    : metrics.phases
  const words = options.words ?? BLUE_GREEN
  const rows: Cell[][] = phases.map(phase => [
    options.firstDeploy ? 'In service' : phaseLabel(phase.phase, words),
    figure(phaseInvocations(metrics, phase, words)),
    figure(phaseErrors(metrics, phase, words)),
    figure(latency(phase.endpoint)),
    phase.outcome
  ])
  return table(['Phase', 'Invocations', '5XX errors', 'Latency', 'Outcome'], rows)
}

/** A chart value: percent with at most two decimals. */
const value = (n: number | null | undefined): string => String(Math.round((n ?? 0) * 100) / 100)

/** `T+5:30`: short enough for six steps side by side under a chart. */
function clockOffset(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000))
  return `T+${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`
}

/**
 * Distinct x-axis labels: the step's time and green's share of the traffic in it (a bar chart
 * of the share would draw a 0 % step as a sliver). `≈` marks a step no poll saw.
 */
function axisLabels(metrics: RolloutMetrics, options: MetricsViewOptions): string[] {
  const seen = new Map<string, number>()
  const given = options.stepTimes
  // Many rows (a rolling update's batches): the time alone would still be read as a clock, so
  // the `T+` goes and the labels stay apart.
  const short = metrics.steps.length > SHORT_LABELS_FROM
  return metrics.steps.map((step, i) => {
    const estimated = given?.[i]?.startsWith('between') === true
    const clock = clockOffset(step.at - metrics.startedAt)
    const time = `${estimated ? '≈' : ''}${short ? clock.slice(2) : clock}`
    // Green served requests after a row that shows it at 0 %: the share that followed was not seen.
    const unseen = step.greenPercent === 0 && (step.green?.requests ?? 0) > 0
    const label = `${time} · ${formatPercent(step.greenPercent)}${unseen ? '→?' : ''}`
    const n = (seen.get(label) ?? 0) + 1
    seen.set(label, n)
    return n === 1 ? label : `${label} (${n})`
  })
}

/** From this many points on, the x-axis labels drop their `T+`. */
const SHORT_LABELS_FROM = 6
/** Room per x-axis label, in pixels: a label of ~14 characters, with space either side. */
const PIXELS_PER_LABEL = 110

export interface ChartLine {
  readonly name: string
  readonly colour: string
  readonly values: readonly string[]
}

/** The 5XX chart's lines in drawing order, with their data. */
export function errorChartLines(
  metrics: RolloutMetrics,
  words: FleetWords = BLUE_GREEN
): ChartLine[] {
  const steps = metrics.steps
  const side = (fleet: string) => (words === BLUE_GREEN ? `${fleet} fleet` : fleet)
  const lines: ChartLine[] =
    metrics.split === 'per-fleet'
      ? [
          {
            name: `${side(words.newSide)} 5XX rate`,
            colour: RED,
            values: steps.map(s => value(s.green?.errorRate5xxPercent))
          },
          {
            name: `${side(words.oldSide)} 5XX rate`,
            colour: BLUE,
            values: steps.map(s => value(s.blue?.errorRate5xxPercent))
          }
        ]
      : [
          {
            name: 'endpoint 5XX rate',
            colour: RED,
            values: steps.map(s => value(s.endpoint.errorRate5xxPercent))
          }
        ]
  if (metrics.alarmThresholdPercent !== undefined) {
    lines.push({
      name: `alarm threshold (${formatPercent(metrics.alarmThresholdPercent)})`,
      colour: AMBER,
      values: steps.map(() => value(metrics.alarmThresholdPercent))
    })
  }
  return lines
}

/** The top of the 5XX axis: room above the highest rate and twice the threshold, rounded up. */
export function errorAxisMax(metrics: RolloutMetrics): number {
  const rates = metrics.steps.flatMap(s =>
    [s.green?.errorRate5xxPercent, s.blue?.errorRate5xxPercent, s.endpoint.errorRate5xxPercent].map(
      r => r ?? 0
    )
  )
  const top = Math.max(1, 2 * (metrics.alarmThresholdPercent ?? 0), 1.2 * Math.max(0, ...rates))
  const step = top <= 5 ? 1 : top <= 25 ? 5 : 10
  return Math.min(100, Math.ceil(top / step) * step)
}

function chart(
  title: string,
  labels: readonly string[],
  yAxis: string,
  series: readonly { kind: 'line'; colour: string; values: readonly string[] }[]
): string {
  // Mermaid's default chart is 700 × 500: too tall for a few steps beside their table.
  const init = {
    xyChart: { width: Math.min(960, Math.max(760, labels.length * PIXELS_PER_LABEL)), height: 280 },
    themeVariables: { xyChart: { plotColorPalette: series.map(s => s.colour).join(', ') } }
  }
  return codeBlock(
    [
      `%%{init: ${JSON.stringify(init)}}%%`,
      'xychart-beta',
      `  title "${title}"`,
      `  x-axis [${labels.map(label => `"${label}"`).join(', ')}]`,
      `  y-axis ${yAxis}`,
      ...series.map(s => `  ${s.kind} [${s.values.join(', ')}]`)
    ].join('\n'),
    'mermaid'
  )
}

/** The 5XX rate per step on its own scale, so the alarm threshold shows; green's share under each step. */
export function metricsChart(metrics: RolloutMetrics, options: MetricsViewOptions = {}): string {
  const labels = axisLabels(metrics, options)
  const words = options.words ?? BLUE_GREEN
  const lines = errorChartLines(metrics, words)
  const body = chart(
    words === BLUE_GREEN ? '5XX rate per traffic step (%)' : '5XX rate per row of the batches (%)',
    labels,
    `"5XX rate (%)" 0 --> ${errorAxisMax(metrics)}`,
    lines.map(line => ({ kind: 'line' as const, colour: line.colour, values: line.values }))
  )
  const colourName: Record<string, string> = { [RED]: 'red', [BLUE]: 'blue', [AMBER]: 'amber' }
  const legend = lines.map(line => `${colourName[line.colour] ?? ''}: ${line.name}`).join(' · ')
  const estimated =
    (labels.some(label => label.startsWith('≈'))
      ? ' ≈ marks a step no poll saw, at its estimated time.'
      : '') +
    (labels.some(label => label.includes('→?'))
      ? ' →? marks a row after which the share changed unseen, between two polls.'
      : '')
  return `${body}\n\n${escapeMarkdown(`Lines: ${legend}. Under each ${words === BLUE_GREEN ? 'step' : 'row'}: its time (minutes and seconds from the update request${labels.some(l => l.startsWith('T+')) ? '' : ', without the T+'}) and ${words === BLUE_GREEN ? "green's" : `${words.newSide}'`} share of the traffic.${estimated}`)}`
}

function windowNote(metrics: RolloutMetrics, options: MetricsViewOptions): string {
  const words = options.words ?? BLUE_GREEN
  const from = formatOffset(metrics.windowStart - metrics.startedAt)
  const to = formatOffset(metrics.windowEnd - metrics.startedAt)
  const calls =
    metrics.calls === 1 ? '1 GetMetricData call' : `${metrics.calls} GetMetricData calls`
  const split =
    metrics.split === 'per-fleet'
      ? `${words.old} and ${words.new} told apart by the EndpointConfigName dimension`
      : 'whole variant only'
  const source = `CloudWatch AWS/SageMaker, ${metrics.periodSeconds}-second datapoints from ${from} to ${to}`
  // A new endpoint has one fleet and no steps to share a minute between.
  if (options.firstDeploy) return escapeMarkdown(`${source} (${calls}).`)
  return escapeMarkdown(
    `${source} (${calls}; ${split}). ` +
      `A minute that spans two ${words === BLUE_GREEN ? 'steps' : 'rows'} is shared between them by time and traffic share.`
  )
}

export function renderMetrics(
  metrics: RolloutMetrics | undefined,
  options: MetricsViewOptions = {}
): string {
  if (metrics === undefined) return ''
  const heading = options.firstDeploy ? '### Metrics' : '### Metrics per step'
  const warning = metrics.warning === undefined ? '' : `⚠️ ${escapeMarkdown(metrics.warning)}`
  if (metrics.steps.length === 0) {
    return `${heading}\n\n${warning || 'No metrics could be read for this rollout.'}`
  }
  const parts = [heading]
  if (options.firstDeploy) {
    // No shift and no blue fleet: what the new endpoint served once it was in service.
    const served = metrics.phases.some(p => p.phase === 'completion' && p.endpoint.requests > 0)
    // A table of zeros says less than a sentence: no minute of traffic had arrived yet.
    parts.push(
      `#### Since the endpoint went into service\n\n${served ? phaseTable(metrics, options) : 'No request had reached the new endpoint by the end of the window read.'}`
    )
  } else {
    parts.push(
      metricsChart(metrics, options),
      `#### Requests, 5XX errors and model latency per ${options.words === undefined || options.words === BLUE_GREEN ? 'traffic step' : 'row of the batches'}\n\n${stepMetricsTable(metrics, options)}`,
      `#### Per phase of the rollout\n\n${phaseTable(metrics, options)}`
    )
  }
  if (metrics.note !== undefined) parts.push(`**Note:** ${escapeMarkdown(metrics.note)}`)
  if (warning !== '') parts.push(warning)
  parts.push(windowNote(metrics, options))
  return parts.join('\n\n')
}
