// The headline of every summary, comment and plan, one per outcome. A module of its own so the
// fail-fast path (refused input) can use it without loading the rest of the report.
import type { Outcome } from '../types.js'

export const IN_PROGRESS_HEADLINE = '⏳ In progress'

export const HEADLINES: Readonly<Record<Outcome, string>> = {
  deployed: '✅ Deployed',
  regressed: '❌ Regressed',
  'rolled-back': '❌ Rolled back',
  failed: '❌ Failed',
  'timed-out': '⏱️ Timed out',
  started: '🚀 Started',
  planned: '📝 Planned'
}
