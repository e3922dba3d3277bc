// One-line log messages while watching (plain text for the Actions log, not Markdown).

import type { TimelineEvent, TrafficStep } from '../types.js'
import { singleLine } from './markdown.js'
import { formatOffset, formatPercent } from './time.js'

// One line each: service text with a newline could otherwise start a `::command::` line.
function oneLine(text: string): string {
  return singleLine(text).trim()
}

/** `[T+1 min] first step shifted` */
export function formatEvent(event: TimelineEvent, startedAt: number): string {
  return `[${formatOffset(event.at - startedAt)}] ${oneLine(event.message)}`
}

/** `[T+1 min] green 25% / blue 75% — first step shifted` */
export function formatStep(step: TrafficStep, startedAt: number): string {
  const split = `green ${formatPercent(step.greenPercent)} / blue ${formatPercent(step.bluePercent)}`
  const event = oneLine(step.event)
  return `[${formatOffset(step.at - startedAt)}] ${split}${event === '' ? '' : ` — ${event}`}`
}
