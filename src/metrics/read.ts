// Reads a rollout's CloudWatch metrics after the verdict: first waits (bounded) for the late
// datapoints of the verdict's minute and names guard alarms that fire after a completion, then
// one GetMetricData call for every query (paged with NextToken, a few calls at most), folded into
// steps and phases. Never throws: a metrics problem is a warning in the result, never a failed
// deployment.
import { errorMessage } from '../errors.js'
import type { Plan, Timeline } from '../types.js'
import { COMPONENT_SPLIT_NOTE } from './component-queries.js'
import { foldMetrics } from './fold.js'
import { buildMetricQueries, type MetricsRequest } from './queries.js'
import {
  DEFAULT_SETTLE,
  lateAlarmWarnings,
  settleAfterVerdict,
  type SettleApi,
  type SettleOptions,
  type Settlement
} from './settle.js'
import type { RolloutMetrics } from './types.js'

export const MAX_CALLS = 3
export const DEFAULT_TIMEOUT_MS = 30_000

export interface ReadOptions {
  readonly maxCalls?: number
  /** For all calls together; the report does not wait longer for figures. */
  readonly timeoutMs?: number
  /** How to wait for late datapoints (the real clock by default). */
  readonly settle?: SettleOptions
  /** Alarms the verdict already names as firing after completion: not warned about again. */
  readonly reported?: readonly string[]
}

const MINUTE_MS = 60_000

/** Reads only minutes that are final, unless the verdict's own minute is not final yet. */
function finalWindow(request: MetricsRequest, settlement: Settlement): MetricsRequest {
  if (settlement.finalUntil === undefined) return request
  const verdictMinuteEnd = Math.ceil((settlement.verdictAt + 1) / MINUTE_MS) * MINUTE_MS
  const lastFinal = Math.floor(settlement.finalUntil / MINUTE_MS) * MINUTE_MS
  const endTime = Math.min(request.endTime, Math.max(verdictMinuteEnd, lastFinal))
  return endTime > request.startTime ? { ...request, endTime } : request
}

function settleWarnings(
  settlement: Settlement,
  timeline: Timeline,
  reported: readonly string[]
): string[] {
  const warnings = lateAlarmWarnings(
    { ...settlement, lateAlarms: settlement.lateAlarms.filter(a => !reported.includes(a.name)) },
    timeline
  )
  if (settlement.cutShort) {
    warnings.push(
      `CloudWatch publishes SageMaker's per-minute datapoints minutes late; after waiting ${Math.round(settlement.waitedMs / 1000)} s some were still arriving: rows marked incomplete may still grow.`
    )
  }
  return warnings
}

function toMs(time: unknown): number {
  return time instanceof Date ? time.getTime() : new Date(time as string | number).getTime()
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${Math.round(ms / 1000)} s`)), ms)
    timer.unref?.()
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

export async function readRolloutMetrics(
  api: SettleApi,
  plan: Plan,
  timeline: Timeline,
  options: ReadOptions = {}
): Promise<RolloutMetrics | undefined> {
  if (timeline.steps.length === 0) return undefined
  const maxCalls = options.maxCalls ?? MAX_CALLS
  const settlement = await settleAfterVerdict(api, plan, timeline, options.settle ?? DEFAULT_SETTLE)
  const deadline = Date.now() + (options.timeoutMs ?? DEFAULT_TIMEOUT_MS)
  let request: MetricsRequest
  try {
    request = finalWindow(buildMetricQueries(plan, timeline), settlement)
  } catch {
    return undefined
  }
  const series = new Map<string, Map<number, number>>()
  const warnings: string[] = settleWarnings(settlement, timeline, options.reported ?? [])
  let calls = 0
  let nextToken: string | undefined
  try {
    do {
      calls += 1
      const out = await withTimeout(
        api.getMetricData({
          MetricDataQueries: request.queries.map(q => ({
            ...q,
            MetricStat: {
              ...q.MetricStat,
              Metric: { ...q.MetricStat.Metric, Dimensions: [...q.MetricStat.Metric.Dimensions] }
            }
          })),
          StartTime: new Date(request.startTime),
          EndTime: new Date(request.endTime),
          ScanBy: 'TimestampAscending',
          ...(nextToken ? { NextToken: nextToken } : {})
        }),
        Math.max(1, deadline - Date.now())
      )
      for (const result of out.MetricDataResults ?? []) {
        if (result.Id === undefined) continue
        let points = series.get(result.Id)
        if (points === undefined) series.set(result.Id, (points = new Map()))
        const times = result.Timestamps ?? []
        const values = result.Values ?? []
        times.forEach((time, i) => {
          const value = values[i]
          const at = toMs(time)
          if (value !== undefined && Number.isFinite(value) && Number.isFinite(at)) {
            points.set(at, value)
          }
        })
        for (const message of result.Messages ?? []) {
          if (message.Value) warnings.push(`${result.Id}: ${message.Value}`)
        }
      }
      for (const message of out.Messages ?? []) {
        if (message.Value) warnings.push(message.Value)
      }
      nextToken = out.NextToken || undefined
    } while (nextToken !== undefined && calls < maxCalls)
    if (nextToken !== undefined) {
      warnings.push(
        `More datapoints than ${maxCalls} GetMetricData pages: the figures are partial.`
      )
    }
  } catch (e) {
    const warning = `Could not read the CloudWatch metrics: ${errorMessage(e)}`
    // Figures from earlier pages are still worth showing; none at all are not zeros.
    if (series.size === 0) {
      return unavailable(request, timeline, calls, [...warnings, warning].join(' '), settlement)
    }
    warnings.push(warning)
  }
  const lateAlarms = settlement.lateAlarms.map(alarm => alarm.name)
  try {
    const folded = foldMetrics({
      plan,
      timeline,
      request,
      series,
      calls,
      warning: warnings.length === 0 ? undefined : warnings.join(' '),
      finalUntil: settlement.finalUntil,
      lateAlarms
    })
    // The fold says the per-fleet split is missing; for a component it never exists.
    return plan.component && folded.note?.startsWith('CloudWatch had no per-fleet') === true
      ? { ...folded, note: COMPONENT_SPLIT_NOTE }
      : folded
  } catch (e) {
    return unavailable(
      request,
      timeline,
      calls,
      [...warnings, `Could not fold the metrics: ${errorMessage(e)}`].join(' '),
      settlement
    )
  }
}

/** A result with no figures, only the reason. */
export function unavailable(
  request: MetricsRequest,
  timeline: Timeline,
  calls: number,
  warning: string,
  settlement?: Settlement
): RolloutMetrics {
  return {
    split: 'endpoint-only',
    note: undefined,
    warning,
    periodSeconds: 60,
    windowStart: request.startTime,
    windowEnd: request.endTime,
    startedAt: timeline.startedAt,
    blueConfigName: request.blueConfigName,
    greenConfigName: request.greenConfigName,
    alarmThresholdPercent: undefined,
    steps: [],
    phases: [],
    calls,
    lateAlarms: settlement?.lateAlarms.map(alarm => alarm.name) ?? []
  }
}
