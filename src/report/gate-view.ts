// The verification gate on the page: what the plan will check, and per step what it checked
// (golden requests against blue's baseline, the command's runs), beside the alarms.
import type { GateCheck, GatePlan, GateReport } from '../types.js'
import { code, codeBlock, details, escapeMarkdown, raw, table, type Cell } from './markdown.js'
import { formatDuration, formatOffset } from './time.js'

const VERDICT: Record<GateCheck['verdict'], string> = {
  pass: '✅ pass',
  fail: '❌ fail',
  wait: '⏳ too few to judge'
}

/** The plan's paragraph: the gate alarm and what feeds it. */
export function gatePlanParagraph(gate: GatePlan | undefined): string {
  if (!gate) return ''
  const feeds: string[] = []
  if (gate.requests > 0) {
    feeds.push(
      `${gate.requests} golden request${gate.requests === 1 ? '' : 's'} at ${gate.ratePerSecond} a second (a baseline on blue before any change, then through every bake and after completion)`
    )
  }
  if (gate.command !== undefined) {
    feeds.push(
      `verify-command before the first shift and after each (limit ${formatDuration(gate.commandTimeoutSeconds * 1000)})`
    )
  }
  const cancel =
    gate.onCancel === 'rollback'
      ? 'A cancelled job publishes a breach before it exits, so SageMaker rolls back (on-cancel: rollback).'
      : 'A cancelled job leaves SageMaker to finish the update under its alarms (on-cancel: leave).'
  return `**Verification gate:** ${feeds.join('; ')}. A failed check publishes ${code(`${gate.namespace}/${gate.metricName}`).markdown} ≥ 1 and alarm ${escapeMarkdown(gate.alarmName)}, one of the update's rollback alarms, makes SageMaker roll back; a check can take ${formatDuration(gate.judgeSeconds * 1000)} to judge. ${cancel}`
}

/** The summary's section: the verdict of each check, step by step. */
export function gateSection(report: GateReport | undefined, startedAt: number): string {
  if (!report) return ''
  const lines = ['### Verification gate', '']
  if (report.breach) {
    lines.push(`❌ **Failed:** ${escapeMarkdown(report.breach.why)}`, '')
  } else if (report.checks.some(c => c.verdict === 'fail')) {
    lines.push('❌ **Failed.**', '')
  } else {
    lines.push('✅ No check failed.', '')
  }
  if (report.cancel) lines.push(escapeMarkdown(report.cancel), '')
  const rows: Cell[][] = report.checks.map(c => [
    c.baseline ? 'baseline' : c.step === 0 ? 'provisioning' : String(c.step),
    `${c.greenPercent} %`,
    c.baseline ? 'before' : formatOffset(c.at - startedAt),
    c.kind === 'requests' ? 'golden requests' : 'verify-command',
    c.answered === undefined ? '—' : String(c.answered),
    c.mismatches === undefined ? '—' : String(c.mismatches),
    c.errors === undefined ? '—' : String(c.errors),
    raw(`${VERDICT[c.verdict]}: ${escapeMarkdown(c.text)}`)
  ])
  if (rows.length) {
    lines.push(
      table(
        ['Step', 'Green', 'At', 'Check', 'Answered', 'Mismatched', 'Failed calls', 'Verdict'],
        rows
      ),
      ''
    )
  }
  if (report.sent > 0) {
    lines.push(
      `${report.sent} golden request${report.sent === 1 ? '' : 's'} sent in all (they count in the endpoint's metrics too).`
    )
  }
  for (const c of report.checks) {
    if (c.kind !== 'command' || !c.tail?.length) continue
    lines.push(
      '',
      details(
        `verify-command, step ${c.step} (${c.greenPercent} % green): ${c.tail.length === 1 ? 'its last line' : `its last ${c.tail.length} lines`}`,
        codeBlock(c.tail.join('\n'))
      )
    )
  }
  return lines.join('\n')
}
