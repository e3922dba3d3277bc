// Pure: the outcome of a deployment from its timeline. Success is never inferred from
// "InService" alone: SageMaker returns to InService after a rollback too, on the old config.
import type { EndpointSnapshot, Plan, Timeline, Verdict } from './types.js'
import { changedSinceStart, type WatchContext } from './watch/reducer.js'
import { NO_ROLLBACK_REASON } from './report/headlines.js'

/**
 * Alarms seen in ALARM, plus any watched alarm that SageMaker's FailureReason names (an alarm
 * can fire and clear between two polls).
 */
export function fired(t: Timeline): string[] {
  const reason = t.last?.failureReason
  return t.alarms.filter(a => a.fired || reason?.includes(a.name) === true).map(a => a.name)
}

/** What every verdict on a settled target carries: the alarms that fired, where it ended. */
export function settledBase(t: Timeline, ep: EndpointSnapshot) {
  const triggeredAlarms = fired(t)
  return {
    base: {
      triggeredAlarms,
      finalConfigName: ep.configName,
      finalStatus: ep.status,
      failureReason: ep.failureReason
    },
    alarmText: triggeredAlarms.length
      ? `alarm ${triggeredAlarms.join(', ')} went into ALARM`
      : undefined
  }
}

/** A rollback, named by the alarm that fired, else by SageMaker's reason; `back` says where to. */
export function rolledBack(
  { base, alarmText }: ReturnType<typeof settledBase>,
  ep: EndpointSnapshot,
  back: string
): Verdict {
  const why =
    alarmText ?? (ep.failureReason ? `SageMaker: ${ep.failureReason}` : 'SageMaker gave no reason')
  return {
    ...base,
    outcome: 'rolled-back',
    failureReason:
      ep.failureReason ?? (alarmText ? `Rolled back: ${alarmText}.` : NO_ROLLBACK_REASON),
    summary: `${back}: ${why.replace(/\.+$/, '')}.`
  }
}

/** The verdict once the endpoint has settled, or undefined while it is still in progress. */
export function settle(t: Timeline, ctx: WatchContext): Verdict | undefined {
  const verdict = settleOwn(t, ctx)
  const other = t.other
  if (!verdict || !other || other.live) return verdict
  return {
    ...verdict,
    summary: `${verdict.summary} Another deployment (${other.configName}) has started on the endpoint since.`
  }
}

function settleOwn(t: Timeline, ctx: WatchContext): Verdict | undefined {
  const ep = t.last
  if (!ep) return undefined
  const settled = settledBase(t, ep)
  const { base, alarmText } = settled
  if (t.other?.live) {
    // Never another run's result as this one's: say what is known.
    return {
      ...base,
      outcome: 'failed',
      failureReason: `Another deployment replaced ${t.newConfigName}: the endpoint is ${ep.status} on ${t.other.configName}.`,
      summary: `Another deployment took the endpoint over: it is ${ep.status} on ${t.other.configName}, neither this run's ${t.newConfigName} nor ${t.oldConfigName ?? 'the config it replaced'}. This run's deployment ended before that, and no poll saw how; look at the endpoint's history in the SageMaker console (or CloudTrail's UpdateEndpoint events) before running it again.`
    }
  }

  switch (ep.status) {
    case 'InService': {
      if (ep.configName === t.newConfigName && ep.pendingConfigName === undefined) {
        return {
          ...base,
          outcome: 'deployed',
          failureReason: undefined,
          summary: `${t.newConfigName} is the endpoint's config, in service.`
        }
      }
      // Still listing this run's deployment as pending: not over yet, whatever the top level says.
      if (ep.pendingConfigName === t.newConfigName || ep.configName === t.newConfigName)
        return undefined
      if (!changedSinceStart(t, ep, ctx)) return undefined
      return rolledBack(
        settled,
        ep,
        `SageMaker rolled back to ${ep.configName ?? 'the previous config'}`
      )
    }
    case 'Failed':
      return {
        ...base,
        outcome: 'failed',
        failureReason: ep.failureReason ?? 'Endpoint Failed (SageMaker gave no reason).',
        summary: `The endpoint is Failed${ep.failureReason ? `: ${ep.failureReason}` : ''}. DeleteEndpoint is the only operation SageMaker allows on it.`
      }
    case 'UpdateRollbackFailed':
      return {
        ...base,
        outcome: 'failed',
        failureReason:
          ep.failureReason ??
          'UpdateRollbackFailed: both the deployment and its auto-rollback failed.',
        summary:
          'Both the deployment and the auto-rollback failed (UpdateRollbackFailed): the endpoint serves a mix of the old and new fleets. Inspect it in the SageMaker console; leaving this state takes a manual update, or deleting and re-creating the endpoint.' +
          (alarmText ? ` Trigger: ${alarmText}.` : '')
      }
    case 'OutOfService':
      return {
        ...base,
        outcome: 'failed',
        failureReason:
          ep.failureReason ??
          'Endpoint OutOfService: SageMaker reports it is not available to take incoming requests.',
        summary: `The endpoint went OutOfService during the deployment: SageMaker reports it is not available to take incoming requests${ep.failureReason ? ` (${ep.failureReason.replace(/\.+$/, '')})` : ''}, and ${t.newConfigName} ${ep.configName === t.newConfigName ? 'is its config but serves nothing' : `never took over from ${ep.configName ?? 'the previous config'}`}. Check the endpoint in the SageMaker console; run this step again once it is InService.`
      }
    case 'Deleting':
      return {
        ...base,
        outcome: 'failed',
        failureReason: ep.failureReason ?? `Endpoint ${ep.status}.`,
        summary: `The endpoint went ${ep.status} during the deployment.`
      }
    default:
      return undefined
  }
}

/** The verdict when the time budget ran out first. */
export function timedOut(t: Timeline, budgetSeconds: number): Verdict {
  const ep = t.last
  const state = ep
    ? `${ep.status} on ${ep.configName ?? '?'}${ep.pendingConfigName ? ` (pending ${ep.pendingConfigName})` : ''}`
    : 'unknown (no successful poll)'
  return {
    outcome: 'timed-out',
    triggeredAlarms: fired(t),
    finalConfigName: ep?.configName,
    finalStatus: ep?.status,
    failureReason: `No verdict within ${Math.round(budgetSeconds)} s; last state: ${state}.`,
    summary: `No verdict within ${Math.round(budgetSeconds)} s. SageMaker may still be working (last state: ${state}); re-run the job to watch it again, or raise the timeout input.`
  }
}

/** The verdict when watching had to stop (credentials, permissions, cancellation). */
export function interrupted(
  t: Timeline,
  reason: string,
  outcome: 'failed' | 'cancelled' = 'failed'
): Verdict {
  const ep = t.last
  const state = ep ? `${ep.status} on ${ep.configName ?? '?'}` : 'unknown'
  return {
    outcome,
    triggeredAlarms: fired(t),
    finalConfigName: ep?.configName,
    finalStatus: ep?.status,
    failureReason: reason,
    summary: `${reason} The deployment may still be running in SageMaker (last state: ${state}); re-run the job to watch it to the end.`
  }
}

/** The run was cancelled (SIGINT/SIGTERM) while it watched: SageMaker goes on without it. */
export function watchCancelled(t: Timeline): Verdict {
  return interrupted(t, 'Watching was cancelled.', 'cancelled')
}

// ---- Verdicts reached before or instead of watching ---------------------------------------------

/** A verdict with nothing triggered and no final state read. */
export function failedBefore(summary: string, failureReason = summary): Verdict {
  return {
    outcome: 'failed',
    summary,
    failureReason,
    triggeredAlarms: [],
    finalConfigName: undefined,
    finalStatus: undefined
  }
}

/** Cancelled (SIGINT/SIGTERM) before a verdict; `finalStatus` when SageMaker has the write. */
export function cancelledBefore(
  summary: string,
  failureReason = summary,
  finalStatus: string | undefined = undefined
): Verdict {
  return { ...failedBefore(summary, failureReason), outcome: 'cancelled', finalStatus }
}

export function planned(plan: Plan | undefined, summary: string): Verdict {
  return {
    outcome: 'planned',
    summary,
    failureReason: undefined,
    triggeredAlarms: [],
    finalConfigName: plan?.previousConfigName,
    finalStatus: undefined
  }
}

/** The endpoint already serves exactly what this step deploys (a repeated or re-run step). */
export function alreadyDeployed(plan: Plan, status: string | undefined): Verdict {
  return {
    outcome: 'deployed',
    summary: plan.restore
      ? `The endpoint already serves ${plan.endpointConfigName}, the config rollback-to restores; nothing was changed.`
      : `The endpoint already serves ${plan.endpointConfigName}, exactly what this step deploys (an earlier run of it); nothing was changed.`,
    failureReason: undefined,
    triggeredAlarms: [],
    finalConfigName: plan.endpointConfigName,
    finalStatus: status
  }
}

/** wait: false: the create/update was accepted and SageMaker goes on alone. */
export function startedOnly(plan: Plan): Verdict {
  return {
    outcome: 'started',
    summary: `${plan.firstDeploy ? 'CreateEndpoint' : 'UpdateEndpoint'} accepted; not waiting (wait: false). SageMaker continues on its own.`,
    failureReason: undefined,
    triggeredAlarms: [],
    finalConfigName: plan.previousConfigName,
    finalStatus: undefined
  }
}

/** Cancelled once SageMaker had the update: it goes on without a watcher. */
export function cancelledAfterStart(plan: Plan, seen: string | undefined): Verdict {
  const what = plan.firstDeploy ? 'the endpoint creation' : 'the update'
  // Accepted: SageMaker is working on it (the status its answer puts the endpoint in).
  return cancelledBefore(
    `Cancelled after SageMaker accepted ${what} to ${plan.endpointConfigName}${seen ? ` (the endpoint is ${seen})` : ''}: SageMaker continues on its own, unwatched. Re-run the job to watch it to the end: the re-run attaches to this deployment.`,
    `Cancelled after ${what} to ${plan.endpointConfigName} was accepted.`,
    plan.firstDeploy ? 'Creating' : 'Updating'
  )
}
