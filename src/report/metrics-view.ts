// The metrics section of the job summary (and so of the PR comment): a Mermaid chart of traffic
// share and 5XX rate per step, a per-step table of what blue and green served, and a phase
// table. The tables are the text fallback for wherever Mermaid does not render. Pure.

import type { FleetFigures, PhaseMetrics, RolloutMetrics, StepMetrics } from '../metrics/types.js'
import { codeBlock, escapeMarkdown, raw, table, type Cell, type Markdown } from './markdown.js'
import { formatOffset, formatPercent } from './time.js'

/** Mermaid draws lines in palette order: green traffic, green 5XX, blue 5XX, threshold. */
const PALETTE = ['#1a7f37', '#cf222e', '#0969da', '#9a6700']
const COLOUR_NAMES = ['green', 'red', 'blue', 'amber']

const PHASE_LABELS: Readonly<Record<PhaseMetrics['phase'], string>> = {
  baseline: 'Baseline',
  shift: 'Traffic shift',
  rollback: 'Rollback',
  completion: 'Completion'
}

export function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US')
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

function stepTime(metrics: RolloutMetrics, step: StepMetrics): string {
  const time = formatOffset(step.at - metrics.startedAt)
  // Late datapoints: CloudWatch had not published every minute of this row yet.
  return step.incomplete ? `${time} (incomplete)` : time
}

/** Figures this module formats itself: trusted text, so `39.9` does not become `39\.9`. */
const figure = (text: string): Markdown => raw(text)

export function stepMetricsTable(metrics: RolloutMetrics): string {
  if (metrics.split === 'endpoint-only') {
    const rows = metrics.steps.map(step =>
      [
        stepTime(metrics, step),
        formatPercent(step.greenPercent),
        requests(step.endpoint),
        formatErrors(step.endpoint),
        latency(step.endpoint)
      ].map(figure)
    )
    return table(['Time', 'Green traffic', 'Requests', '5XX', 'Latency'], rows)
  }
  const rows = metrics.steps.map(step =>
    [
      stepTime(metrics, step),
      requests(step.blue),
      formatErrors(step.blue),
      latency(step.blue),
      requests(step.green),
      formatErrors(step.green),
      latency(step.green)
    ].map(figure)
  )
  const headers = [
    'Time',
    'Blue requests',
    'Blue 5XX',
    'Blue latency',
    'Green requests',
    'Green 5XX',
    'Green latency'
  ]
  return table(headers, rows)
}

function phaseInvocations(metrics: RolloutMetrics, phase: PhaseMetrics): string {
  const total = formatCount(phase.endpoint.requests)
  if (metrics.split === 'endpoint-only' || phase.green === undefined) return total
  const blue = phase.blue === undefined ? '' : `blue ${formatCount(phase.blue.requests)} · `
  return `${total} (${blue}green ${formatCount(phase.green.requests)})`
}

function phaseErrors(metrics: RolloutMetrics, phase: PhaseMetrics): string {
  const total = phase.endpoint.requests === 0 ? '—' : formatErrors(phase.endpoint)
  const green = phase.green
  if (metrics.split === 'endpoint-only' || green === undefined || green.requests === 0) return total
  return `${total}; green ${formatErrors(green)}`
}

export function phaseTable(metrics: RolloutMetrics): string {
  const rows: Cell[][] = metrics.phases.map(phase => [
    PHASE_LABELS[phase.phase],
    figure(phaseInvocations(metrics, phase)),
    figure(phaseErrors(metrics, phase)),
    figure(latency(phase.endpoint)),
    phase.outcome
  ])
  return table(['Phase', 'Invocations', '5XX errors', 'Latency', 'Outcome'], rows)
}

/** A chart value: percent with at most two decimals. */
const value = (n: number | null | undefined): string => String(Math.round((n ?? 0) * 100) / 100)

/** Category labels must be distinct, or Mermaid puts two steps on one tick. */
function axisLabels(metrics: RolloutMetrics): string[] {
  const seen = new Map<string, number>()
  return metrics.steps.map(step => {
    const label = stepTime(metrics, step)
    const n = (seen.get(label) ?? 0) + 1
    seen.set(label, n)
    return n === 1 ? label : `${label} (${n})`
  })
}

export interface ChartLine {
  readonly name: string
  readonly values: readonly string[]
}

/** The chart's lines in drawing order, with their data. */
export function chartLines(metrics: RolloutMetrics): ChartLine[] {
  const steps = metrics.steps
  const lines: ChartLine[] = [
    { name: 'green traffic %', values: steps.map(s => value(s.greenPercent)) }
  ]
  if (metrics.split === 'per-fleet') {
    lines.push({
      name: 'green 5XX rate %',
      values: steps.map(s => value(s.green?.errorRate5xxPercent))
    })
    lines.push({
      name: 'blue 5XX rate %',
      values: steps.map(s => value(s.blue?.errorRate5xxPercent))
    })
  } else {
    lines.push({
      name: 'endpoint 5XX rate %',
      values: steps.map(s => value(s.endpoint.errorRate5xxPercent))
    })
  }
  if (metrics.alarmThresholdPercent !== undefined) {
    lines.push({
      name: `alarm threshold (${formatPercent(metrics.alarmThresholdPercent)})`,
      values: steps.map(() => value(metrics.alarmThresholdPercent))
    })
  }
  return lines
}

export function metricsChart(metrics: RolloutMetrics): string {
  const lines = chartLines(metrics)
  // Colours follow the line order; without the blue line, skip its colour.
  const colours = metrics.split === 'per-fleet' ? PALETTE : [PALETTE[0], PALETTE[1], PALETTE[3]]
  const names = metrics.split === 'per-fleet' ? COLOUR_NAMES : ['green', 'red', 'amber']
  const init = { themeVariables: { xyChart: { plotColorPalette: colours.join(', ') } } }
  const labels = axisLabels(metrics)
    .map(label => `"${label}"`)
    .join(', ')
  const body = [
    `%%{init: ${JSON.stringify(init)}}%%`,
    'xychart-beta',
    '  title "Traffic share and 5XX rate per step"',
    `  x-axis [${labels}]`,
    '  y-axis "Percent" 0 --> 100',
    ...lines.map(line => `  line [${line.values.join(', ')}]`)
  ].join('\n')
  const legend = lines.map((line, i) => `${names[i] ?? ''}: ${line.name}`).join(' · ')
  return `${codeBlock(body, 'mermaid')}\n\n${escapeMarkdown(`Lines (${legend}).`)}`
}

function windowNote(metrics: RolloutMetrics): string {
  const from = formatOffset(metrics.windowStart - metrics.startedAt)
  const to = formatOffset(metrics.windowEnd - metrics.startedAt)
  const calls =
    metrics.calls === 1 ? '1 GetMetricData call' : `${metrics.calls} GetMetricData calls`
  const split =
    metrics.split === 'per-fleet'
      ? 'blue and green told apart by the EndpointConfigName dimension'
      : 'whole variant only'
  return escapeMarkdown(
    `CloudWatch AWS/SageMaker, ${metrics.periodSeconds}-second datapoints from ${from} to ${to} (${calls}; ${split}). ` +
      'A minute that spans two steps is shared between them by time and traffic share.'
  )
}

export function renderMetrics(metrics: RolloutMetrics | undefined): string {
  if (metrics === undefined) return ''
  const heading = '### Metrics per step'
  const warning = metrics.warning === undefined ? '' : `⚠️ ${escapeMarkdown(metrics.warning)}`
  if (metrics.steps.length === 0) {
    return `${heading}\n\n${warning || 'No metrics could be read for this rollout.'}`
  }
  const parts = [heading, metricsChart(metrics), stepMetricsTable(metrics), phaseTable(metrics)]
  if (metrics.note !== undefined) parts.push(`**Note:** ${escapeMarkdown(metrics.note)}`)
  if (warning !== '') parts.push(warning)
  parts.push(windowNote(metrics))
  return parts.join('\n\n')
}
