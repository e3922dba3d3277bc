// What the guard alarms can see of a blue/green shift, in one paragraph for the plan and the
// summary: how long they take to see a failing model, whether the final bake covers it (and what
// it costs), and which steps a model could pass unseen.
import type { Plan, UnwatchedWindow } from '../types.js'
import { detectionText } from '../guard/final-step.js'
import { escapeMarkdown } from './markdown.js'
import { formatDuration, formatPercent } from './time.js'

export function guardParagraph(plan: Plan): string {
  const g = plan.guard
  if (g === undefined) return plan.unwatched ? unwatchedParagraph(plan.unwatched) : ''
  const d = (seconds: number): string => formatDuration(seconds * 1000)
  const alarm = escapeMarkdown(g.alarm.name)
  const parts = [
    `**Guard:** the alarms can take up to ${d(g.detectionSeconds)} to see a failing model (${alarm}: ${detectionText(g.alarm)}).`
  ]
  const bake = g.retained ? "the endpoint's own termination-wait, retained" : 'termination-wait'
  if (g.finalBakeSeconds >= g.detectionSeconds) {
    parts.push(
      g.derived
        ? `The final bake with all traffic on green lasts as long (termination-wait, derived from it): ${d(g.finalBakeSeconds)} more with the blue fleet running, so SageMaker can roll back a model that fails at full traffic.`
        : `The final bake with all traffic on green (${bake}, ${d(g.finalBakeSeconds)}) covers it.`
    )
  } else {
    const unseen = g.unseenSteps.map(formatPercent).join(', ')
    parts.push(
      `The final bake with all traffic on green (${bake}, ${d(g.finalBakeSeconds)}) is shorter: a model that fails from the step${g.unseenSteps.length === 1 ? '' : 's'} at ${unseen} on can pass SageMaker unseen.`
    )
  }
  parts.push(
    `After SageMaker completes, the action watches the alarms until ${d(g.detectionSeconds)} after green took all the traffic: an alarm in ALARM then fails the job as regressed.`
  )
  return parts.join(' ')
}

/** A rolling update: the stretches between bakes in which new instances serve unwatched. */
export function unwatchedParagraph(windows: readonly UnwatchedWindow[]): string {
  const open = windows.filter(w => w.seconds > 0)
  if (open.length === 0) return ''
  const d = (seconds: number): string => formatDuration(seconds * 1000)
  const each = open
    .map(
      w => `${formatPercent(w.greenPercent)} for about ${d(w.seconds)} after batch ${w.afterBatch}`
    )
    .join(', ')
  const total = open.reduce((sum, w) => sum + w.seconds, 0)
  return `**Unwatched between bakes:** SageMaker watches the alarms only while a batch bakes. While old instances are terminated and the next batch is launched, the new instances already serving take their share of the traffic with no alarm watched: ${each} (${d(total)} in all, estimated from the plan's provisioning time). An alarm that fires then rolls back only when the next bake begins; after the last batch, the action's watch after completion fails the job as regressed.`
}
