// A regression after completion (guard/after-completion.ts): SageMaker no longer rolls back, so
// the action puts the previous endpoint config back with one UpdateEndpoint, all at once and
// guarded by no alarm (the one firing would roll the rollback back), then watches it to the end.
// It checks first that the config and its models still exist, and after any failed or cancelled
// write it reads the endpoint before saying what happened. The outcome stays `regressed`.
import type { AwsApi } from '../aws/api.js'
import { errorMessage } from '../errors.js'
import type { Plan, Timeline, TrafficStep, Verdict } from '../types.js'
import { formatOffset } from '../report/time.js'
import { serviceNow } from '../watch/service-clock.js'

/** How the traffic row of the action's finished rollback starts (the metrics' phases read it). */
export const ACTION_ROLLBACK_EVENT = 'rolled back by the action'

/** The previous fleet is provisioned again: as long as pre-flight allows a green fleet. */
export const ROLLBACK_BUDGET_MS = 1800_000

export interface RollbackDeps {
  readonly api: Pick<
    AwsApi,
    'describeEndpoint' | 'describeEndpointConfig' | 'describeModel' | 'updateEndpoint'
  >
  now(): number
  sleep(ms: number, signal?: AbortSignal): Promise<void>
  readonly signal?: AbortSignal
  readonly log: { info(line: string): void; warning(line: string): void }
  /** Between two reads of the endpoint while it rolls back. */
  readonly pollIntervalMs: number
  /** The longest the action waits for the rollback (local time). */
  readonly budgetMs: number
}

export interface RollbackResult {
  readonly verdict: Verdict
  readonly timeline: Timeline
  readonly rolledBack: boolean
}

/** What a read of the endpoint says about the rollback's UpdateEndpoint. */
type Seen = 'applied' | 'done' | 'not-applied' | 'unknown'

interface EndpointRead {
  readonly status: string | undefined
  readonly config: string | undefined
  readonly pending: string | undefined
  readonly modified: number | undefined
  readonly reason: string | undefined
}

/** The request: the previous config, all at once, no bake, no alarm. */
export function rollbackRequest(endpointName: string, previous: string): Record<string, unknown> {
  return {
    EndpointName: endpointName,
    EndpointConfigName: previous,
    DeploymentConfig: {
      BlueGreenUpdatePolicy: {
        TrafficRoutingConfiguration: { Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: 0 },
        TerminationWaitInSeconds: 0
      }
    }
  }
}

export async function rollBackRegression(
  plan: Plan,
  timeline: Timeline,
  verdict: Verdict,
  deps: RollbackDeps
): Promise<RollbackResult> {
  const previous = timeline.oldConfigName ?? plan.previousConfigName
  // Each outcome says what to do now: the verdict's own "to undo, deploy X again" goes.
  const say = (text: string, t: Timeline = timeline, rolledBack = false): RollbackResult => ({
    verdict: {
      ...verdict,
      summary: `${verdict.summary.replace(/ To undo, deploy \S+ again\.$/, '')} ${text}`
    },
    timeline: t,
    rolledBack
  })
  if (previous === undefined) return say('There is no previous config to roll back to.')
  if (deps.signal?.aborted) {
    return say(
      `The job was cancelled before the action could roll back to ${previous}: deploy it again to undo.`
    )
  }
  // Reads only: is there something to go back to?
  const missing = await missingParts(deps, previous)
  if (missing !== undefined) {
    deps.log.warning(missing)
    return say(missing)
  }
  const request = rollbackRequest(plan.endpointName, previous)
  deps.log.info(
    `on-regression: rollback. UpdateEndpoint ${plan.endpointName} → ${previous}, all at once, no alarm (the one in ALARM would roll it back).`
  )
  const sentAt = serviceAt(timeline, deps)
  let sendError: unknown
  try {
    await deps.api.updateEndpoint(request, { deadlineMs: 60_000 })
  } catch (e) {
    sendError = e
  }
  if (sendError !== undefined) {
    const cancelled = deps.signal?.aborted === true
    const read = await readEndpoint(deps, plan.endpointName)
    const seen = read === undefined ? 'unknown' : judge(read, plan, previous)
    const error = errorMessage(sendError)
    if (seen === 'not-applied') {
      return say(
        `${cancelled ? 'The job was cancelled while the action rolled back' : `The rollback to ${previous} failed: ${error}.`} A read afterwards shows the endpoint still on ${read?.config ?? '?'}: not rolled back. Deploy ${previous} again.`
      )
    }
    if (seen === 'unknown') {
      return say(
        `Whether the rollback to ${previous} was applied is unknown (${error}; the endpoint is ${describe(read)}). Look at the endpoint before anything else.`
      )
    }
    if (cancelled) {
      return say(
        `The job was cancelled after SageMaker accepted the rollback to ${previous}: it goes on unwatched (the endpoint is ${describe(read)}).`,
        withRow(timeline, sentAt, 100, `rolling back to ${previous} (on-regression)`)
      )
    }
    deps.log.info(`The rollback's answer was lost (${error}); a read shows it applied.`)
  }
  let t = withRow(timeline, sentAt, 100, `rolling back to ${previous} (on-regression): all at once`)
  const deadline = deps.now() + deps.budgetMs
  for (;;) {
    if (deps.signal?.aborted) {
      return say(
        `The job was cancelled after SageMaker accepted the rollback to ${previous}: it goes on unwatched.`,
        t
      )
    }
    await deps.sleep(deps.pollIntervalMs, deps.signal)
    if (deps.signal?.aborted) continue
    const read = await readEndpoint(deps, plan.endpointName)
    if (read === undefined) {
      if (deps.now() >= deadline) break
      continue
    }
    if (read.status === 'InService' && read.config === previous && read.pending === undefined) {
      const at = read.modified ?? serviceAt(t, deps)
      t = withRow(t, at, 0, `${ACTION_ROLLBACK_EVENT}: ${previous} serves all the traffic`)
      deps.log.info(`Rolled back to ${previous} at ${formatOffset(at - t.startedAt)}.`)
      return say(
        `The action rolled it back (on-regression: rollback): ${previous} serves all the traffic again since ${formatOffset(at - t.startedAt)}.`,
        t,
        true
      )
    }
    if (read.status === 'Failed' || read.status === 'UpdateRollbackFailed') {
      return say(
        `The rollback to ${previous} failed: the endpoint is ${read.status}${read.reason ? ` (${read.reason})` : ''}. Look at the endpoint before anything else.`,
        t
      )
    }
    if (read.status === 'InService' && read.config !== previous && read.pending === undefined) {
      return say(
        `The rollback to ${previous} did not take: the endpoint is InService on ${read.config ?? '?'}${read.reason ? ` (${read.reason})` : ''}. Deploy ${previous} again.`,
        t
      )
    }
    if (deps.now() >= deadline) break
  }
  return say(
    `The rollback to ${previous} had not finished when the action stopped waiting: SageMaker goes on. Look at the endpoint.`,
    t
  )
}

/** The previous config, or one of its models, deleted (or unreadable): never write then. */
async function missingParts(deps: RollbackDeps, previous: string): Promise<string | undefined> {
  const cannot = `The action cannot roll back to ${previous}:`
  try {
    const config = await deps.api.describeEndpointConfig(previous, { deadlineMs: 30_000 })
    if (config === undefined) {
      return `${cannot} that endpoint config no longer exists. Deploy the previous model again.`
    }
    for (const variant of config.ProductionVariants ?? []) {
      if (variant.ModelName === undefined) continue
      const model = await deps.api.describeModel(variant.ModelName, { deadlineMs: 30_000 })
      if (model === undefined) {
        return `${cannot} its model ${variant.ModelName} no longer exists. Deploy the previous model again.`
      }
    }
    return undefined
  } catch (e) {
    return `${cannot} reading it failed (${errorMessage(e)}), so nothing was written. Deploy the previous model again.`
  }
}

async function readEndpoint(
  deps: RollbackDeps,
  endpointName: string
): Promise<EndpointRead | undefined> {
  try {
    const ep = await deps.api.describeEndpoint(endpointName, {
      deadlineMs: 30_000,
      ignoreCancel: true
    })
    return ep === undefined
      ? undefined
      : {
          status: ep.EndpointStatus,
          config: ep.EndpointConfigName,
          pending: ep.PendingDeploymentSummary?.EndpointConfigName,
          modified: ep.LastModifiedTime?.getTime(),
          reason: ep.FailureReason
        }
  } catch {
    return undefined
  }
}

function judge(read: EndpointRead, plan: Plan, previous: string): Seen {
  if (read.pending === previous) return 'applied'
  if (read.status === 'InService' && read.config === previous) return 'done'
  if (read.status === 'InService' && read.config === plan.endpointConfigName) return 'not-applied'
  return 'unknown'
}

function describe(read: EndpointRead | undefined): string {
  if (read === undefined) return 'unreadable'
  return `${read.status ?? '?'} on ${read.config ?? '?'}${read.pending ? `, updating to ${read.pending}` : ''}`
}

/** Now on the service's clock, never before the table's last row (rows stay in time order). */
function serviceAt(t: Timeline, deps: Pick<RollbackDeps, 'now'>): number {
  const last = t.steps.at(-1)?.at ?? t.startedAt
  return Math.max(serviceNow(t.serviceClock, deps.now()) ?? last, last)
}

/** A row; one at the same time and split as the last (the alarm's) joins it, no empty step. */
function withRow(t: Timeline, at: number, greenPercent: number, event: string): Timeline {
  const last = t.steps.at(-1)
  if (last !== undefined && last.at === at && last.greenPercent === greenPercent) {
    return { ...t, steps: [...t.steps.slice(0, -1), { ...last, event: `${last.event}; ${event}` }] }
  }
  const row: TrafficStep = { at, bluePercent: 100 - greenPercent, greenPercent, event }
  return { ...t, steps: [...t.steps, row] }
}
