// What a person should know about the live endpoint the rollout starts from: the settings the
// green config and model keep, facts about the plan (retained policy, scale to zero, auto
// scaling), and what became of auto scaling the run took down for the update.
import type { AutoScalingReport, Plan, SavedScaling } from '../types.js'
import { codeBlock, details, escapeMarkdown } from './markdown.js'

export function liveEndpointSection(plan: Plan): string {
  const lines = [
    ...plan.notes.map(note => `- ${escapeMarkdown(note, { maxLength: 1000 })}`),
    ...plan.warnings.map(warning => `- ⚠️ ${escapeMarkdown(warning, { maxLength: 1000 })}`)
  ]
  if (plan.carriedOver.length) {
    lines.push(
      `- Kept from the live endpoint: ${plan.carriedOver.map(item => escapeMarkdown(item, { maxLength: 300 })).join('; ')}.`
    )
  }
  return lines.length ? `### The live endpoint\n\n${lines.join('\n')}` : ''
}

export function autoScalingSection(report: AutoScalingReport | undefined, region: string): string {
  if (!report) return ''
  const { saved } = report
  const state = report.restored
    ? `Deregistered for the update and registered again as it was: ${escapeMarkdown(saved.resourceId)}.`
    : `❌ Deregistered for the update, and **not restored**: ${escapeMarkdown(report.errors.join('; '), { maxLength: 1000 })}. Register it again with these commands (the same definitions are below and in the \`auto-scaling\` output):\n\n${codeBlock(restoreCommands(saved, region).join('\n'), 'sh')}`
  return `### Auto scaling\n\n${state}\n\n${details(
    'Saved definitions (RegisterScalableTarget, PutScalingPolicy, PutScheduledAction inputs)',
    codeBlock(JSON.stringify(saved, null, 2), 'json')
  )}`
}

/**
 * Written before the deregistration, so that a job whose runner dies before the restore still
 * says how to restore it (the final summary replaces it).
 */
export function scalingSavedSection(saved: SavedScaling, region: string): string {
  return `### Auto scaling\n\n⏳ Deregistering ${escapeMarkdown(saved.resourceId)} for the update; this run registers it again after the verdict. If the job ends without a summary that says it did, register it again with:\n\n${codeBlock(restoreCommands(saved, region).join('\n'), 'sh')}\n`
}

/** The AWS CLI commands that register `saved` again, one per call. */
export function restoreCommands(saved: SavedScaling, region: string): string[] {
  const json = (value: unknown): string => `'${JSON.stringify(value).replace(/'/g, "'\\''")}'`
  const cli = (command: string, input: unknown): string =>
    `aws application-autoscaling ${command} --region ${region} --cli-input-json ${json(input)}`
  return [
    cli('register-scalable-target', saved.target),
    ...saved.policies.map(p => cli('put-scaling-policy', p)),
    ...saved.scheduledActions.map(a => cli('put-scheduled-action', a))
  ]
}
