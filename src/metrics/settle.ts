// After the verdict, before the figures: CloudWatch publishes SageMaker's per-minute datapoints
// minutes late (a minute's datapoint keeps growing for a while), and an alarm evaluated on them
// can fire after SageMaker has already completed. This waits, bounded, until the service's clock
// has passed the verdict's minute by that delay, re-reading the guard alarms meanwhile (the watch
// after completion has already waited for them to see the new model at full traffic). Never throws.
import type { AwsApi } from '../aws/api.js'
import type { Plan, ServiceClock, Timeline } from '../types.js'
import { serviceNow, serviceRate } from '../watch/service-clock.js'
import { lastKnownTime } from './queries.js'

const MINUTE_MS = 60_000
/** How late a minute's datapoint can still grow: "complete only 1-3 minutes later". */
export const PUBLISH_DELAY_MS = 180_000
/** The longest the report waits for late datapoints (local time). */
export const MAX_SETTLE_WAIT_MS = 240_000
/** Guard alarms are re-read this often while waiting (local time). */
export const ALARM_REREAD_MS = 15_000

export interface SettleOptions {
  now(): number
  sleep(ms: number): Promise<void>
  readonly maxWaitMs: number
  readonly rereadMs: number
  /** True once the job is cancelled: the wait ends (its sleeps no longer take any time). */
  aborted?(): boolean
}

export const DEFAULT_SETTLE: SettleOptions = {
  now: () => Date.now(),
  sleep: ms => new Promise(resolve => setTimeout(resolve, ms)),
  maxWaitMs: MAX_SETTLE_WAIT_MS,
  rereadMs: ALARM_REREAD_MS
}

export interface LateAlarm {
  readonly name: string
  /** Service epoch ms of its transition to ALARM, when CloudWatch gave it. */
  readonly at: number | undefined
  readonly reason: string | undefined
}

export interface Settlement {
  /** Service epoch ms before which every minute's datapoint is final; undefined: unknown. */
  readonly finalUntil: number | undefined
  /**
   * When the shift ended, service time: the completion, or the moment traffic returned to blue
   * (a rollback's teardown afterwards carries no green traffic).
   */
  readonly verdictAt: number
  /** Guard alarms found in ALARM after SageMaker completed the deployment. */
  readonly lateAlarms: readonly LateAlarm[]
  readonly waitedMs: number
  /** The wait stopped at its bound before the datapoints were final. */
  readonly cutShort: boolean
}

export type SettleApi = Pick<AwsApi, 'getMetricData'> & Partial<Pick<AwsApi, 'describeAlarms'>>

/** The update ended with the new config serving: SageMaker no longer rolls back. */
export function completed(timeline: Timeline): boolean {
  const last = timeline.last
  return (
    last?.status === 'InService' &&
    last.configName === timeline.newConfigName &&
    last.pendingConfigName === undefined
  )
}

/** When the shift ended: the completion, or the last row's return of all traffic to blue. */
export function shiftEndedAt(timeline: Timeline): number {
  const last = timeline.steps.at(-1)
  if (
    !completed(timeline) &&
    last !== undefined &&
    last.greenPercent === 0 &&
    timeline.steps.length > 1
  ) {
    return last.at
  }
  return lastKnownTime(timeline)
}

/**
 * A traffic shift ended (completed or rolled back), so its last minutes are worth waiting for;
 * a new endpoint has no shift to compare.
 */
function shiftEnded(plan: Plan, timeline: Timeline): boolean {
  return !plan.firstDeploy && timeline.last?.status === 'InService'
}

export async function settleAfterVerdict(
  api: SettleApi,
  plan: Plan,
  timeline: Timeline,
  options: SettleOptions = DEFAULT_SETTLE
): Promise<Settlement> {
  const verdictAt = shiftEndedAt(timeline)
  const clock: ServiceClock | undefined = timeline.serviceClock
  const started = options.now()
  const watchAlarms = completed(timeline) && api.describeAlarms !== undefined && !plan.firstDeploy
  const late = new Map<string, LateAlarm>()
  // Never longer than the watch itself took: its polls are what the rate is measured on.
  const maxWaitMs =
    clock === undefined
      ? options.maxWaitMs
      : Math.min(options.maxWaitMs, clock.lastLocal - clock.firstLocal)
  const readAlarms = async (): Promise<void> => {
    if (!watchAlarms || plan.guardAlarmNames.length === 0) return
    try {
      // Within the wait's bound: a throttled read must not stretch it (its retries take time).
      const left = maxWaitMs - (options.now() - started)
      const deadlineMs = Math.max(1000, Math.min(options.rereadMs, left))
      for (const alarm of await api.describeAlarms!(plan.guardAlarmNames, { deadlineMs })) {
        if (alarm.StateValue !== 'ALARM' || alarm.AlarmName === undefined) continue
        const at = (alarm.StateTransitionedTimestamp ?? alarm.StateUpdatedTimestamp)?.getTime()
        if (!late.has(alarm.AlarmName)) {
          late.set(alarm.AlarmName, { name: alarm.AlarmName, at, reason: alarm.StateReason })
        }
      }
    } catch {
      // A lost read only means fewer late alarms named; the next read may see them.
    }
  }

  let cutShort = false
  if (clock !== undefined && shiftEnded(plan, timeline)) {
    // Until the verdict's minute is final. (An alarm's own evaluation after a completion is the
    // watch after completion's: guard/after-completion.ts.)
    const target = Math.ceil((verdictAt + 1) / MINUTE_MS) * MINUTE_MS + PUBLISH_DELAY_MS
    for (;;) {
      const now = options.now()
      const waited = now - started
      const remaining = (target - (serviceNow(clock, now) ?? target)) / serviceRate(clock)
      if (remaining <= 0) break
      if (waited >= maxWaitMs || options.aborted?.() === true) {
        cutShort = true
        break
      }
      await options.sleep(Math.min(remaining, options.rereadMs, maxWaitMs - waited))
      await readAlarms()
    }
  }
  await readAlarms()
  const now = serviceNow(clock, options.now())
  return {
    finalUntil: now === undefined ? undefined : now - PUBLISH_DELAY_MS,
    verdictAt,
    lateAlarms: [...late.values()],
    waitedMs: options.now() - started,
    cutShort
  }
}

function offset(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000))
  const minutes = Math.floor(seconds / 60)
  const rest = seconds % 60
  if (minutes === 0) return `T+${rest} s`
  return rest === 0 ? `T+${minutes} min` : `T+${minutes} min ${rest} s`
}

/** One sentence per guard alarm in ALARM once SageMaker had completed the deployment. */
export function lateAlarmWarnings(settlement: Settlement, timeline: Timeline): string[] {
  const done = offset(settlement.verdictAt - timeline.startedAt)
  return settlement.lateAlarms.map(alarm => {
    const since = alarm.at === undefined ? '' : ` (since ${offset(alarm.at - timeline.startedAt)})`
    return `Alarm ${alarm.name} is in ALARM${since} after SageMaker completed the deployment at ${done}: the new model serves all traffic and SageMaker no longer rolls back on it. Check the endpoint; to undo, deploy the previous model again.`
  })
}
