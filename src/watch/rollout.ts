// Watching a started rollout: the poll loop wired to SageMaker and CloudWatch, each event
// logged as it happens, the pull-request comment refreshed at each new traffic step.
import * as core from '@actions/core'
import { isFatal, type AwsApi } from '../aws/api.js'
import { errorMessage, sentence } from '../errors.js'
import type { Logger } from '../types.js'
import { formatEvent } from '../report/log.js'
import type { DeployRequest, Plan, Timeline } from '../types.js'
import { toAlarmTransitions } from './alarm-history.js'
import { FatalPollError, watch, type WatchResult } from './loop.js'
import { reduce, type WatchContext } from './reducer.js'
import { addBatchRow, firedAlarmNames, type RollingWatch } from './rolling.js'
import {
  reduceComponent,
  settleComponent,
  toComponentSnapshot,
  type ComponentWatch
} from '../target/component/watch.js'
import { toAlarmSnapshots, toEndpointSnapshot } from './snapshot.js'

export interface WatchRolloutOptions {
  readonly api: AwsApi
  readonly request: DeployRequest
  readonly plan: Plan
  readonly ctx: WatchContext
  readonly start: Timeline
  /** Local epoch ms of the create/update request: the budget counts from it. */
  readonly requestedAt: number
  readonly log: Logger
  now(): number
  sleep(ms: number, signal?: AbortSignal): Promise<void>
  readonly signal?: AbortSignal
  onProgress?(plan: Plan, timeline: Timeline): Promise<void>
  /** Set for a rolling deployment: the table gets a row per batch phase. */
  readonly rolling?: RollingWatch
  /** Set when the step deploys into an inference component: it is watched instead. */
  readonly component?: ComponentWatch
}

export async function watchRollout(o: WatchRolloutOptions): Promise<WatchResult> {
  const { api, plan } = o
  let reportedSteps = 0
  core.startGroup(
    `Watching ${o.component ? `inference component ${o.component.name}` : plan.endpointName} (poll ≤ ${o.request.pollIntervalSeconds} s, budget ${Math.round(plan.budgetSeconds / 60)} min)`
  )
  try {
    return await watch(
      o.start,
      o.ctx,
      {
        describeEndpoint: async deadlineMs => {
          try {
            if (o.component) {
              const out = await api.describeInferenceComponent(o.component.name, { deadlineMs })
              return out ? toComponentSnapshot(out) : undefined
            }
            const out = await api.describeEndpoint(plan.endpointName, { deadlineMs })
            return out ? toEndpointSnapshot(out, plan.variantName) : undefined
          } catch (e) {
            if (isFatal(e))
              throw new FatalPollError(`Stopped watching: ${sentence(errorMessage(e))}`)
            throw e
          }
        },
        describeAlarms: async deadlineMs => {
          try {
            return toAlarmSnapshots(await api.describeAlarms(plan.guardAlarmNames, { deadlineMs }))
          } catch (e) {
            if (isFatal(e)) throw new FatalPollError(errorMessage(e))
            throw e
          }
        },
        alarmTransitions: async (since, deadlineMs) => {
          const all = await Promise.all(
            plan.guardAlarmNames.map(async name =>
              toAlarmTransitions(
                name,
                await api.describeAlarmHistory(name, new Date(since), { deadlineMs })
              )
            )
          )
          return all.flat()
        },
        now: o.now,
        sleep: o.sleep,
        onPoll: async (timeline, added) => {
          for (const event of added) core.info(formatEvent(event, timeline.startedAt))
          if (timeline.steps.length !== reportedSteps) {
            reportedSteps = timeline.steps.length
            await o.onProgress?.(plan, timeline)
          }
        },
        onNotice: message => o.log.warning(message),
        ...(o.signal ? { signal: o.signal } : {}),
        ...(o.rolling ? { fold: rollingFold(o.ctx, o.rolling) } : {}),
        ...(o.component ? componentCore(o.component) : {})
      },
      {
        deadline: o.requestedAt + plan.budgetSeconds * 1000,
        budgetSeconds: plan.budgetSeconds,
        pollIntervalMs: o.request.pollIntervalSeconds * 1000,
        floorMs: 2000,
        alarmRefreshMs: 20_000,
        maxConsecutiveFailures: 10
      }
    )
  } finally {
    core.endGroup()
  }
}

/** The endpoint reducer, then the rolling table's row for what the poll saw. */
function rollingFold(
  ctx: WatchContext,
  rolling: RollingWatch
): (t: Timeline, obs: Parameters<typeof reduce>[1]) => Timeline {
  return (t, obs) => {
    const next = reduce(t, obs, ctx)
    return addBatchRow(next, rolling, firedAlarmNames(next))
  }
}

/** A component's own reducer and verdict. */
function componentCore(w: ComponentWatch): {
  fold: (t: Timeline, obs: Parameters<typeof reduce>[1]) => Timeline
  judge: (t: Timeline) => ReturnType<typeof settleComponent>
} {
  return { fold: (t, obs) => reduceComponent(t, obs, w), judge: t => settleComponent(t, w) }
}
