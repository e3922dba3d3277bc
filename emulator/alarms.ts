// CloudWatch metric alarms: definitions, state, evaluation (every minute, every 10 s for a 10, 20
// or 30 s period), and history.

import { MINUTE_MS, type MetricStore, type Statistic } from './metrics.js'
import { queriesPeriod, queryValue, type CompiledQuery } from './queries.js'

export type AlarmState = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA'

/** What an alarm watches: one metric, or a metric-math query list. */
export type AlarmSource =
  | { kind: 'metric'; queries: CompiledQuery[]; statistic: Statistic }
  | { kind: 'math'; queries: CompiledQuery[] }

export interface AlarmRecord {
  name: string
  arn: string
  /** The PutMetricAlarm request (without Tags), echoed by DescribeAlarms. */
  definition: Record<string, unknown>
  source: AlarmSource
  periodSeconds: number
  evaluationPeriods: number
  datapointsToAlarm: number
  threshold: number
  comparison: string
  treatMissingData: string
  state: AlarmState
  reason: string
  reasonData: string | undefined
  stateUpdatedAt: number
  stateTransitionedAt: number
  configUpdatedAt: number
  tags: { Key: string; Value: string }[]
}

export interface HistoryItem {
  AlarmName: string
  AlarmType: 'MetricAlarm'
  Timestamp: number
  HistoryItemType: 'ConfigurationUpdate' | 'StateUpdate' | 'Action'
  HistorySummary: string
  HistoryData: string
}

const OPERATOR_WORDS: Record<string, string> = {
  GreaterThanThreshold: 'greater than',
  GreaterThanOrEqualToThreshold: 'greater than or equal to',
  LessThanThreshold: 'less than',
  LessThanOrEqualToThreshold: 'less than or equal to'
}

export const COMPARISON_OPERATORS = Object.keys(OPERATOR_WORDS)
export const TREAT_MISSING_DATA = ['breaching', 'notBreaching', 'ignore', 'missing']

/** Java-style double text, as CloudWatch prints it: 1 → "1.0", 5.2 → "5.2". */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? value.toFixed(1) : String(value)
}

/** dd/mm/yy HH:MM:SS in UTC, as in StateReason. */
export function formatReasonDate(time: number): string {
  const d = new Date(time)
  const two = (n: number): string => String(n).padStart(2, '0')
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${two(d.getUTCFullYear() % 100)} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`
}

function isoDate(time: number): string {
  return new Date(time).toISOString().replace('Z', '+0000')
}

function breaches(comparison: string, value: number, threshold: number): boolean {
  switch (comparison) {
    case 'GreaterThanThreshold':
      return value > threshold
    case 'GreaterThanOrEqualToThreshold':
      return value >= threshold
    case 'LessThanThreshold':
      return value < threshold
    default:
      return value <= threshold
  }
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

export class AlarmBook {
  readonly alarms = new Map<string, AlarmRecord>()
  readonly history: HistoryItem[] = []

  constructor(
    private readonly metrics: MetricStore,
    private readonly forced: () => readonly string[]
  ) {}

  get(name: string): AlarmRecord | undefined {
    return this.alarms.get(name)
  }

  isInAlarm(name: string): boolean {
    return this.alarms.get(name)?.state === 'ALARM'
  }

  put(alarm: AlarmRecord, now: number): void {
    const existing = this.alarms.get(alarm.name)
    if (existing !== undefined) {
      alarm.state = existing.state
      alarm.reason = existing.reason
      alarm.reasonData = existing.reasonData
      alarm.stateUpdatedAt = existing.stateUpdatedAt
      alarm.stateTransitionedAt = existing.stateTransitionedAt
      alarm.tags = existing.tags
    }
    this.alarms.set(alarm.name, alarm)
    const type = existing === undefined ? 'Create' : 'Update'
    this.history.push({
      AlarmName: alarm.name,
      AlarmType: 'MetricAlarm',
      Timestamp: now,
      HistoryItemType: 'ConfigurationUpdate',
      HistorySummary: `Alarm "${alarm.name}" ${existing === undefined ? 'created' : 'updated'}`,
      HistoryData: JSON.stringify({
        version: '1.0',
        type,
        [`${type.toLowerCase()}dAlarm`]: alarm.definition
      })
    })
    this.applyForced(now)
  }

  delete(name: string): void {
    this.alarms.delete(name)
  }

  setState(
    alarm: AlarmRecord,
    state: AlarmState,
    reason: string,
    reasonData: string | undefined,
    now: number
  ): void {
    const old = { stateValue: alarm.state, stateReason: alarm.reason }
    const changed = alarm.state !== state
    alarm.state = state
    alarm.reason = reason
    alarm.reasonData = reasonData
    alarm.stateUpdatedAt = now
    if (changed) alarm.stateTransitionedAt = now
    const newState: Record<string, unknown> = { stateValue: state, stateReason: reason }
    if (reasonData !== undefined) newState.stateReasonData = safeJson(reasonData)
    this.history.push({
      AlarmName: alarm.name,
      AlarmType: 'MetricAlarm',
      Timestamp: now,
      HistoryItemType: 'StateUpdate',
      HistorySummary: `Alarm updated from ${old.stateValue} to ${state}`,
      HistoryData: JSON.stringify({ version: '1.0', oldState: old, newState })
    })
  }

  /** Puts the scenario's `alarmsInAlarm` into ALARM. */
  applyForced(now: number): void {
    for (const name of this.forced()) {
      const alarm = this.alarms.get(name)
      if (alarm !== undefined && alarm.state !== 'ALARM') {
        this.setState(
          alarm,
          'ALARM',
          'Threshold Crossed: alarm forced into ALARM by the emulator scenario (alarmsInAlarm).',
          undefined,
          now
        )
      }
    }
  }

  /** Whether some alarm is evaluated every 10 s (a high-resolution alarm). */
  hasHighResolution(): boolean {
    for (const alarm of this.alarms.values()) if (isHighResolution(alarm)) return true
    return false
  }

  /**
   * Evaluates the alarms due at `boundary` (a whole 10 s of simulated time): alarms of a period of
   * a minute or more every whole minute, those of 10, 20 or 30 s every 10 s ("If the alarm period
   * is 10 seconds or 30 seconds, the alarm is evaluated every 10 seconds"), each over a window
   * that slides with it.
   */
  evaluateAll(boundary: number): void {
    const minute = boundary % MINUTE_MS === 0
    for (const alarm of this.alarms.values()) {
      if (minute || isHighResolution(alarm)) this.evaluate(alarm, boundary)
    }
    this.applyForced(boundary)
  }

  private evaluate(alarm: AlarmRecord, boundary: number): void {
    if (this.forced().includes(alarm.name)) return
    const returned = alarm.source.queries.find(q => q.returnData) ?? alarm.source.queries[0]
    if (returned === undefined) return
    const periodMs = alarm.periodSeconds * 1000
    const range: Datapoint[] = []
    for (let i = 1; i <= evaluationRange(alarm.evaluationPeriods); i++) {
      const start = boundary - i * periodMs
      range.push({
        start,
        value: queryValue(
          alarm.source.queries,
          returned.id,
          start,
          periodMs,
          this.metrics,
          boundary
        )
      })
    }
    const decision = decide(alarm, range)
    if (decision === undefined || decision.state === alarm.state) return
    const reasonData = JSON.stringify({
      version: '1.0',
      queryDate: isoDate(boundary),
      startDate: isoDate(boundary - alarm.evaluationPeriods * periodMs),
      ...(alarm.source.kind === 'metric' ? { statistic: alarm.source.statistic } : {}),
      period: periodMs / 1000,
      recentDatapoints: decision.evaluated.map(p => round(p.value)),
      threshold: alarm.threshold,
      evaluatedDatapoints: decision.evaluated.map(p => ({
        timestamp: isoDate(p.start),
        value: round(p.value)
      }))
    })
    this.setState(alarm, decision.state, decision.reason, reasonData, boundary)
  }
}

/** 10, 20 or 30 s: evaluated every 10 s. */
function isHighResolution(alarm: Pick<AlarmRecord, 'periodSeconds'>): boolean {
  return alarm.periodSeconds < 60
}

interface Datapoint {
  start: number
  value: number | undefined
}

type RealDatapoint = { start: number; value: number }

/**
 * How many periods an evaluation retrieves: more than EvaluationPeriods (the guide's example
 * retrieves 5 for 3); the exact number is not documented (assumption: two more, whatever the
 * period: the guide says it depends on the period and the resolution, and a 10 s alarm on
 * one-minute data "might often lapse into INSUFFICIENT_DATA", as a short range does).
 */
export function evaluationRange(evaluationPeriods: number): number {
  return evaluationPeriods + 2
}

/**
 * The new state from the evaluation range (newest first), per the CloudWatch User Guide, "How
 * alarm state is evaluated when data is missing": with at least EvaluationPeriods real datapoints
 * the newest real ones decide and TreatMissingData does not apply; with fewer, missing ones are
 * filled per TreatMissingData as few times as possible. With `missing`, its "premature
 * transition" rule also applies (see below). Undefined: keep the state (ignore).
 */
export function decide(
  alarm: Pick<
    AlarmRecord,
    | 'evaluationPeriods'
    | 'datapointsToAlarm'
    | 'comparison'
    | 'threshold'
    | 'treatMissingData'
    | 'state'
  >,
  range: readonly Datapoint[]
): { state: AlarmState; reason: string; evaluated: RealDatapoint[] } | undefined {
  const real = range.filter((p): p is RealDatapoint => p.value !== undefined)
  const n = alarm.evaluationPeriods
  const m = alarm.datapointsToAlarm
  const isBreaching = (p: RealDatapoint): boolean =>
    breaches(alarm.comparison, p.value, alarm.threshold)
  const op = OPERATOR_WORDS[alarm.comparison] ?? alarm.comparison
  const thr = formatNumber(alarm.threshold)
  const list = (points: RealDatapoint[]): string =>
    points.map(p => `${formatNumber(round(p.value))} (${formatReasonDate(p.start)})`).join(', ')
  const alarmReason = (evaluated: RealDatapoint[], breaching: number, of: number): string =>
    `Threshold Crossed: ${breaching} out of the last ${of} datapoints [${list(evaluated)}] ${breaching === 1 ? 'was' : 'were'} ${op} the threshold (${thr}) (minimum ${plural(m, 'datapoint')} for ${alarm.state} -> ALARM transition).`
  const okReason = (evaluated: RealDatapoint[]): string =>
    `Threshold Crossed: ${plural(evaluated.length, 'datapoint')} [${list(evaluated)}] ${evaluated.length === 1 ? 'was' : 'were'} not ${op} the threshold (${thr}).`

  if (real.length >= n) {
    const evaluated = real.slice(0, n)
    const breaching = evaluated.filter(isBreaching).length
    return breaching >= m
      ? { state: 'ALARM', reason: alarmReason(evaluated, breaching, n), evaluated }
      : { state: 'OK', reason: okReason(evaluated), evaluated }
  }
  const filled = n - real.length
  const breaching = real.filter(isBreaching).length
  const missingText = (treatedAs: string): string =>
    `Threshold Crossed: no datapoints were received for ${plural(filled, 'period')} and ${plural(filled, 'missing datapoint')} ${filled === 1 ? 'was' : 'were'} treated as [${treatedAs}].`
  if (alarm.treatMissingData === 'breaching') {
    return breaching + filled >= m
      ? {
          state: 'ALARM',
          reason:
            real.length > 0 ? alarmReason(real, breaching + filled, n) : missingText('Breaching'),
          evaluated: real
        }
      : { state: 'OK', reason: okReason(real), evaluated: real }
  }
  if (alarm.treatMissingData === 'notBreaching') {
    if (breaching >= m)
      return { state: 'ALARM', reason: alarmReason(real, breaching, n), evaluated: real }
    return {
      state: 'OK',
      reason: real.length > 0 ? okReason(real) : missingText('NonBreaching'),
      evaluated: real
    }
  }
  // missing / ignore: the real datapoints alone, when they decide.
  if (breaching >= m)
    return { state: 'ALARM', reason: alarmReason(real, breaching, n), evaluated: real }
  if (real.some(p => !isBreaching(p)))
    return { state: 'OK', reason: okReason(real), evaluated: real }
  if (alarm.treatMissingData === 'ignore') return undefined
  // "Avoiding premature transitions to alarm state": the oldest breaching datapoint in the range is
  // at least DatapointsToAlarm periods old and nothing after it is non-breaching, so the alarm goes
  // to ALARM with fewer breaching datapoints than that (rows "- - X - -", 3 of 3, "- - - X -",
  // 2 of 3). Nothing before it is non-breaching either: the row "0 - X - -" (2 of 3) stays OK.
  const oldestAge = range.reduce((age, p, i) => (p.value === undefined ? age : i + 1), 0)
  if (oldestAge >= m)
    return { state: 'ALARM', reason: alarmReason(real, breaching, n), evaluated: real }
  return {
    state: 'INSUFFICIENT_DATA',
    reason: `Insufficient Data: ${plural(filled, 'datapoint')} ${filled === 1 ? 'was' : 'were'} unknown.`,
    evaluated: real
  }
}

export function alarmPeriod(source: AlarmSource): number {
  return queriesPeriod(source.queries)
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}
