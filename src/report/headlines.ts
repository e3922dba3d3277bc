// The headline of every summary, comment and plan: what happened, in a few words, from the
// verdict (not the outcome alone: a rollback says what caused it, a cancellation whether
// SageMaker goes on). A module of its own, with no runtime import, so the fail-fast path
// (refused input) can use it without loading the rest of the report.
import type { Outcome, Plan, Verdict } from '../types.js'

export const IN_PROGRESS_HEADLINE = '⏳ In progress'

/** What a headline can say; each has a text of its own. */
export type HeadlineKind =
  | 'deployed'
  | 'rolled-back-by-alarm'
  | 'rolled-back-by-health-check'
  | 'rolled-back-by-timeout'
  | 'rolled-back'
  | 'regressed'
  | 'update-rollback-failed'
  | 'failed'
  | 'refused'
  | 'cancelled'
  | 'cancelled-unwatched'
  | 'timed-out'
  | 'started'
  | 'planned'
  | 'planned-live-unknown'
  | 'planned-without-access'

export const HEADLINE_TEXTS: Readonly<Record<HeadlineKind, string>> = {
  deployed: '✅ Deployed',
  'rolled-back-by-alarm': '❌ Rolled back by alarm',
  'rolled-back-by-health-check': '❌ Rolled back by health check',
  'rolled-back-by-timeout': '❌ Rolled back by timeout',
  'rolled-back': '❌ Rolled back',
  regressed: '❌ Regressed after completion',
  'update-rollback-failed': '❌ Update rollback failed, fleets mixed',
  failed: '❌ Failed',
  refused: '❌ Inputs refused',
  cancelled: '🛑 Cancelled',
  'cancelled-unwatched': '🛑 Cancelled, SageMaker continues unwatched',
  'timed-out': '⏱️ Timed out',
  started: '🚀 Started',
  planned: '📝 Planned',
  'planned-live-unknown': '📝 Planned, endpoint state unknown',
  'planned-without-access': '📝 Planned without access to AWS'
}

/** The plain headline of each outcome, when nothing more is known than the outcome. */
export const HEADLINES: Readonly<Record<Outcome, string>> = {
  deployed: HEADLINE_TEXTS.deployed,
  regressed: HEADLINE_TEXTS.regressed,
  'rolled-back': HEADLINE_TEXTS['rolled-back'],
  failed: HEADLINE_TEXTS.failed,
  cancelled: HEADLINE_TEXTS.cancelled,
  'timed-out': HEADLINE_TEXTS['timed-out'],
  started: HEADLINE_TEXTS.started,
  planned: HEADLINE_TEXTS.planned
}

/** The failure reason a rollback verdict carries when SageMaker gave none and no alarm fired. */
export const NO_ROLLBACK_REASON = 'Rolled back (SageMaker gave no reason).'

/** The new fleet did not come up: its containers or instances failed SageMaker's checks. */
const HEALTH_REASON = /health ?check|\bping\b|container/i
/** SageMaker's MaximumExecutionTimeoutInSeconds ran out (its reason's wording is not documented). */
const TIMEOUT_REASON = /MaximumExecutionTimeout|time(d)? ?out/i
/** An alarm rolled it back, though none of the watched ones was named or seen in ALARM. */
const ALARM_REASON = /\balarm/i
/** Statuses in which SageMaker is still working on the deployment. */
const WORKING = new Set(['Creating', 'Updating', 'SystemUpdating', 'RollingBack'])

/** What caused a rollback: the alarms that fired, else SageMaker's failure reason. */
function rollbackKind(verdict: Verdict): HeadlineKind {
  if (verdict.triggeredAlarms.length > 0) return 'rolled-back-by-alarm'
  const reason = verdict.failureReason?.trim() ?? ''
  if (reason === '' || reason === NO_ROLLBACK_REASON) return 'rolled-back'
  if (HEALTH_REASON.test(reason)) return 'rolled-back-by-health-check'
  if (TIMEOUT_REASON.test(reason)) return 'rolled-back-by-timeout'
  if (ALARM_REASON.test(reason)) return 'rolled-back-by-alarm'
  // No alarm, and a reason that names no known cause: the plain headline, the reason below it.
  return 'rolled-back'
}

/** The headline's kind: the outcome, refined by what the verdict knows. */
export function headlineKind(verdict: Verdict, plan: Plan | undefined): HeadlineKind {
  switch (verdict.outcome) {
    case 'rolled-back':
      return rollbackKind(verdict)
    case 'failed':
      return verdict.finalStatus === 'UpdateRollbackFailed' ? 'update-rollback-failed' : 'failed'
    case 'cancelled':
      return WORKING.has(verdict.finalStatus ?? '') ? 'cancelled-unwatched' : 'cancelled'
    case 'planned':
      // No plan at all: the dry run could not read what it would change.
      if (plan === undefined) return 'planned-without-access'
      return plan.liveUnknown === undefined ? 'planned' : 'planned-live-unknown'
    default:
      return verdict.outcome
  }
}

/** The headline's text (`## <text>: <endpoint>` in the summary). */
export function headlineFor(verdict: Verdict, plan: Plan | undefined): string {
  return HEADLINE_TEXTS[headlineKind(verdict, plan)]
}
