// The report: job summary, dry-run plan, outputs and log lines. Pure functions only.

export { renderSummary, HEADLINES, type SummaryInput, type AlarmDetail } from './summary.js'
export { renderError } from './error-view.js'
export { renderPrComment } from './pr-comment-view.js'
export { scalingSavedSection } from './live-endpoint.js'
export { renderMetrics } from './metrics-view.js'
export { renderPlan, planJson, doubleFleetInstanceHours } from './plan-view.js'
export { buildOutputs, trafficStepsOutput, OUTPUT_NAMES, type OutputName } from './outputs.js'
export { formatEvent, formatStep } from './log.js'
export { formatDuration, formatOffset, formatPercent } from './time.js'
export { escapeMarkdown, table, code } from './markdown.js'
export type { BlueFleet } from './fleet-labels.js'
