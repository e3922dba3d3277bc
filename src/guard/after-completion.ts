// After SageMaker completes, it no longer watches the alarms: a model that breaks as it takes all
// the traffic is caught only if the guard alarms are watched until they can have seen it. This
// watch goes on until the slowest guard alarm's detection time has passed since the last shift
// (the moment the new model took all the traffic), re-reading the alarms; one in ALARM in that
// window makes the verdict `regressed`: the new model serves everything and is failing.
import type { AwsApi } from '../aws/api.js'
import type { MetricAlarm } from '@aws-sdk/client-cloudwatch'
import { errorMessage } from '../errors.js'
import type { Plan, Timeline, TrafficStep, Verdict } from '../types.js'
import { trackAlarms } from '../watch/reducer.js'
import { serviceNow, serviceRate } from '../watch/service-clock.js'
import { toAlarmSnapshots } from '../watch/snapshot.js'
import { formatOffset } from '../report/time.js'
import { alarmTiming, detectionSeconds, detectionText, type AlarmTiming } from './detection.js'
import { guardTimings } from './final-step.js'

/** Guard alarms are re-read this often (local time). */
export const REREAD_MS = 15_000
/** What one read of the alarms may take, retries included. */
const READ_DEADLINE_MS = 20_000

export interface AfterCompletionDeps {
  readonly api: Pick<AwsApi, 'describeAlarms'>
  now(): number
  sleep(ms: number, signal?: AbortSignal): Promise<void>
  readonly signal?: AbortSignal
  readonly log: { info(line: string): void; warning(line: string): void }
  /**
   * Spreads the re-reads over 12–18 s: rollouts that complete together (a matrix of endpoints)
   * must not read the alarms in the same second, every 15 s. Without it, exactly 15 s.
   */
  readonly random?: () => number
}

export interface AfterCompletion {
  readonly verdict: Verdict
  readonly timeline: Timeline
  /** What the watch was: the detection time it waited for, and how it ended. */
  readonly watch?: {
    readonly detectionSeconds: number
    /** Service epoch ms at which the new model took all the traffic. */
    readonly from: number
    /** Service epoch ms until which the alarms were watched (or were to be). */
    readonly until: number
    readonly ended: 'seen' | 'alarm' | 'cancelled' | 'unread'
  }
}

/** When the new model took all the traffic (service time): the first row at 100 %. */
export function fullTrafficAt(timeline: Timeline): number | undefined {
  const row = timeline.steps.find(step => step.greenPercent >= 100)
  return row === undefined ? timeline.steps.at(-1)?.at : (row.between?.after ?? row.at)
}

/** Only a completed update that moved traffic from a fleet that could have kept it. */
function needsWatch(plan: Plan, timeline: Timeline, verdict: Verdict): boolean {
  return (
    verdict.outcome === 'deployed' &&
    !plan.firstDeploy &&
    plan.guardAlarmNames.length > 0 &&
    timeline.steps.length > 0
  )
}

/** The default alarms' shape, when their definitions cannot be read. */
const FALLBACK = { Period: 60, EvaluationPeriods: 1, DatapointsToAlarm: 1 }

export async function watchAfterCompletion(
  plan: Plan,
  timeline: Timeline,
  verdict: Verdict,
  metricDelaySeconds: number,
  deps: AfterCompletionDeps
): Promise<AfterCompletion> {
  if (!needsWatch(plan, timeline, verdict)) return { verdict, timeline }
  const from = fullTrafficAt(timeline)
  if (from === undefined) return { verdict, timeline }
  const names = plan.guardAlarmNames
  let failedReads = 0
  let firstError: string | undefined
  let watching = false
  let warned = false
  /** Said once, and only while there is a window left to watch. */
  const warnFailed = (): void => {
    if (watching && firstError !== undefined && failedReads > 0 && !warned) {
      warned = true
      deps.log.warning(
        `Reading the guard alarms after completion failed: ${firstError} (the watch goes on).`
      )
    }
  }
  const read = async (): Promise<Awaited<ReturnType<AwsApi['describeAlarms']>> | undefined> => {
    try {
      return await deps.api.describeAlarms(names, { deadlineMs: READ_DEADLINE_MS })
    } catch (e) {
      if (deps.signal?.aborted) return undefined
      failedReads += 1
      firstError ??= errorMessage(e)
      warnFailed()
      return undefined
    }
  }
  // The first read gives the alarms' definitions, and anything in ALARM since the last poll.
  let alarms = await read()
  // As read now; an alarm the read did not give: as this run created it, else one minute, one
  // datapoint (the created alarms' shape).
  const live = new Map((alarms ?? []).map(a => [a.AlarmName ?? '', a]))
  const created = guardTimings(plan, undefined, metricDelaySeconds)
  const timings: AlarmTiming[] = names.map(name => {
    const read = live.get(name)
    if (read) return alarmTiming(read as Record<string, unknown>, metricDelaySeconds)
    return (
      created.find(t => t.name === name) ??
      alarmTiming({ ...FALLBACK, AlarmName: name }, metricDelaySeconds)
    )
  })
  const detection = Math.max(...timings.map(detectionSeconds))
  const until = from + detection * 1000
  const slowest = timings.find(t => detectionSeconds(t) === detection)!
  const clock = timeline.serviceClock
  const startedAt = timeline.startedAt
  // Without a service clock (no poll gave a service time), the whole detection time from now.
  const localUntil = deps.now() + detection * 1000
  const remaining = (): number => {
    const now = serviceNow(clock, deps.now())
    return now === undefined ? localUntil - deps.now() : (until - now) / serviceRate(clock)
  }
  const inAlarmAtOnce = (alarms ?? []).some(a => a.StateValue === 'ALARM')
  // When the window ended before the completion was seen, SageMaker's own bakes watched it:
  // nothing is left to watch, and a failed first read says nothing.
  watching = remaining() > 0 && !inAlarmAtOnce
  warnFailed()
  if (watching) {
    deps.log.info(
      `SageMaker completed and no longer watches the alarms: watching them until ${formatOffset(until - startedAt)} (the new model took all the traffic at ${formatOffset(from - startedAt)}; ${slowest.name} can take ${detection} s to fire: ${detectionText(slowest)}).`
    )
  }
  // Each read goes into the alarms' tracks and the event log, as the watch's polls did.
  let tracked = timeline
  const track = (read: readonly MetricAlarm[] | undefined): void => {
    if (read === undefined || read.length === 0) return
    const events: Timeline['events'][number][] = []
    const at = serviceNow(clock, deps.now()) ?? tracked.last?.lastModifiedTime ?? from
    const alarms = trackAlarms(tracked.alarms, toAlarmSnapshots(read), at, events)
    tracked = { ...tracked, alarms, events: [...tracked.events, ...events] }
  }
  // Bounded by reads too: a clock that does not move (a test's) must not hold the run forever.
  const maxReads = Math.ceil(Math.max(0, remaining()) / (REREAD_MS * 0.8)) + 1
  for (let reads = 0; ; reads++) {
    track(alarms)
    const inAlarm = (alarms ?? []).filter(a => a.StateValue === 'ALARM' && a.AlarmName)
    if (inAlarm.length > 0) {
      return regressed(plan, tracked, verdict, inAlarm, { detection, from, until })
    }
    const wait = remaining()
    if (wait <= 0 || reads >= maxReads) break
    if (deps.signal?.aborted) {
      return {
        verdict: {
          ...verdict,
          summary: `${verdict.summary} The watch after completion was cancelled before ${formatOffset(until - startedAt)}: a failure of the new model at full traffic may not have reached the alarms yet.`
        },
        timeline: tracked,
        watch: { detectionSeconds: detection, from, until, ended: 'cancelled' }
      }
    }
    const spacing = deps.random ? REREAD_MS * (0.8 + 0.4 * deps.random()) : REREAD_MS
    await deps.sleep(Math.min(wait, spacing), deps.signal)
    if (deps.signal?.aborted) continue
    alarms = await read()
  }
  const watch = { detectionSeconds: detection, from, until }
  if (alarms === undefined && watching) {
    // The last read failed: the end of the window, when a late alarm fires, was not seen.
    const unread = `The guard alarms could not be read at the end of the watch after completion (${failedReads} read(s) failed): a failure of the new model at full traffic may not have been seen; check the alarms.`
    deps.log.warning(unread)
    return {
      verdict: { ...verdict, summary: `${verdict.summary} ${unread}` },
      timeline: tracked,
      watch: { ...watch, ended: 'unread' }
    }
  }
  return { verdict, timeline: tracked, watch: { ...watch, ended: 'seen' } }
}

function regressed(
  plan: Plan,
  timeline: Timeline,
  verdict: Verdict,
  inAlarm: readonly MetricAlarm[],
  w: { detection: number; from: number; until: number }
): AfterCompletion {
  const names = inAlarm.map(a => a.AlarmName!)
  const times = inAlarm
    .map(a => (a.StateTransitionedTimestamp ?? a.StateUpdatedTimestamp)?.getTime())
    .filter((t): t is number => t !== undefined && Number.isFinite(t))
  // When it fired (the row's time; never before the rollout began), at the traffic share of then.
  const firstAt = timeline.steps[0]!.at
  const at = Math.max(times.length ? Math.min(...times) : w.from, firstAt)
  const before = timeline.steps.filter(s => s.at <= at)
  const share = before.at(-1) ?? timeline.steps[0]!
  const completedAt = timeline.steps.at(-1)!.at
  const noun = names.length === 1 ? 'alarm' : 'alarms'
  const alarmText = `${noun} ${names.join(', ')}`
  const previous = timeline.oldConfigName ?? 'the previous config'
  const subject = plan.component ? `Model ${plan.greenModelName}` : plan.endpointConfigName
  const row: TrafficStep = {
    at,
    bluePercent: share.bluePercent,
    greenPercent: share.greenPercent,
    event: `${alarmText} in ALARM: SageMaker did not roll back`
  }
  // In time order: the alarm can fire before SageMaker's last row (while it terminates blue).
  const steps = [...before, row, ...timeline.steps.filter(s => s.at > at)]
  return {
    verdict: {
      ...verdict,
      outcome: 'regressed',
      triggeredAlarms: [...new Set([...verdict.triggeredAlarms, ...names])],
      failureReason: `Regressed: ${alarmText} went into ALARM and SageMaker did not roll back.`,
      summary: `${subject} serves all the traffic of ${plan.endpointName} and is failing: ${alarmText} went into ALARM at ${formatOffset(at - timeline.startedAt)}; SageMaker completed the deployment at ${formatOffset(completedAt - timeline.startedAt)} and did not roll back (it watches the alarms only while it bakes). To undo, deploy ${previous} again.`
    },
    timeline: { ...timeline, steps },
    watch: { detectionSeconds: w.detection, from: w.from, until: w.until, ended: 'alarm' }
  }
}
