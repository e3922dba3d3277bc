// MetricDataQuery lists (PutMetricAlarm `Metrics`, GetMetricData `MetricDataQueries`):
// validation, compilation, and evaluation of one query for one period.

import { cloudwatchError, invalidParameter, missingParameter } from './errors.js'
import { ExpressionError, evaluate, parseExpression, references, type Expr } from './expression.js'
import {
  STATISTICS,
  type Dimension,
  type MetricId,
  type MetricStore,
  type Statistic
} from './metrics.js'

type Params = Record<string, unknown>

export interface CompiledQuery {
  id: string
  label: string | undefined
  returnData: boolean
  metricStat: { metric: MetricId; periodSeconds: number; stat: Statistic } | undefined
  expression: { text: string; expr: Expr } | undefined
  periodSeconds: number | undefined
}

const ID_PATTERN = /^[a-z][a-zA-Z0-9_]*$/

/**
 * An alarm's period: 10, 20, 30 or a multiple of 60 (PutMetricAlarm). A read (GetMetricData
 * MetricStat) may also ask for 1 or 5 s ("the period can be 1, 5, 10, 20, 30, 60, or any multiple
 * of 60" for high-resolution metrics).
 */
export function isValidPeriod(period: unknown, forAlarm = true): period is number {
  return (
    typeof period === 'number' &&
    Number.isInteger(period) &&
    ((!forAlarm && (period === 1 || period === 5)) ||
      period === 10 ||
      period === 20 ||
      period === 30 ||
      (period > 0 && period % 60 === 0))
  )
}

const periodRule = (forAlarm: boolean): string =>
  forAlarm ? '10, 20, 30 or a multiple of 60' : '1, 5, 10, 20, 30 or a multiple of 60'

export function readDimensions(raw: unknown, path: string): Dimension[] {
  if (raw === undefined || raw === null) return []
  if (!Array.isArray(raw)) throw invalidParameter(`The parameter ${path} must be a list.`)
  if (raw.length > 30)
    throw invalidParameter(`The collection ${path} must not have a size greater than 30.`)
  return raw.map((item, i) => {
    const d = (item ?? {}) as Params
    if (typeof d.Name !== 'string' || d.Name.length === 0)
      throw missingParameter(`${path}.member.${i + 1}.Name`)
    if (typeof d.Value !== 'string' || d.Value.length === 0)
      throw missingParameter(`${path}.member.${i + 1}.Value`)
    return { Name: d.Name, Value: d.Value }
  })
}

export function readStatistic(raw: unknown, path: string): Statistic {
  if (typeof raw !== 'string' || !(STATISTICS as readonly string[]).includes(raw)) {
    throw invalidParameter(
      `The value ${String(raw)} for parameter ${path} is not supported by this emulator. Use one of: ${STATISTICS.join(', ')}.`
    )
  }
  return raw as Statistic
}

/** Validates and compiles a query list. `forAlarm` adds the PutMetricAlarm rules. */
export function compileQueries(raw: unknown, path: string, forAlarm: boolean): CompiledQuery[] {
  if (!Array.isArray(raw) || raw.length === 0) throw missingParameter(path)
  const max = forAlarm ? 20 : 500
  if (raw.length > max)
    throw invalidParameter(`The collection ${path} must not have a size greater than ${max}.`)
  const queries = raw.map((item, i) =>
    compileQuery((item ?? {}) as Params, `${path}.member.${i + 1}`, forAlarm)
  )
  const ids = new Set<string>()
  for (const q of queries) {
    if (ids.has(q.id))
      throw invalidParameter(
        `The value ${q.id} for parameter ${path}.Id is duplicated. Ids must be unique.`
      )
    ids.add(q.id)
  }
  for (const q of queries) {
    if (q.expression === undefined) continue
    for (const ref of references(q.expression.expr)) {
      if (!ids.has(ref) || ref === q.id) {
        throw invalidParameter(
          `Invalid metric math expression "${q.expression.text}" (Id ${q.id}): unknown metric id "${ref}".`
        )
      }
    }
  }
  if (forAlarm) {
    if (queries.filter(q => q.returnData).length !== 1) {
      throw invalidParameter('Exactly one element of the metrics list should return data.')
    }
    if (queries.filter(q => q.metricStat !== undefined).length > 10) {
      throw invalidParameter('Alarms based on metric math expressions can have up to 10 metrics.')
    }
  }
  return queries
}

function compileQuery(q: Params, path: string, forAlarm: boolean): CompiledQuery {
  const id = q.Id
  if (typeof id !== 'string' || id.length === 0) throw missingParameter(`${path}.Id`)
  if (!ID_PATTERN.test(id) || id.length > 255) {
    throw invalidParameter(
      `The value ${id} for parameter ${path}.Id is not valid: it must start with a lowercase letter and contain only letters, numbers and underscores.`
    )
  }
  const hasStat = q.MetricStat !== undefined && q.MetricStat !== null
  const hasExpr = q.Expression !== undefined && q.Expression !== null
  if (hasStat === hasExpr) {
    throw cloudwatchError(
      'InvalidParameterCombinationException',
      `Exactly one of MetricStat and Expression must be specified in ${path}.`
    )
  }
  const periodRaw = q.Period
  if (periodRaw !== undefined && periodRaw !== null && !isValidPeriod(periodRaw, forAlarm)) {
    throw invalidParameter(`The parameter ${path}.Period must be ${periodRule(forAlarm)}.`)
  }
  const label = typeof q.Label === 'string' ? q.Label : undefined
  const returnData = q.ReturnData !== false
  const periodSeconds = typeof periodRaw === 'number' ? periodRaw : undefined
  if (hasExpr) {
    const text = q.Expression
    if (typeof text !== 'string' || text.length === 0 || text.length > 2048) {
      throw invalidParameter(`The parameter ${path}.Expression must be 1-2048 characters.`)
    }
    try {
      return {
        id,
        label,
        returnData,
        metricStat: undefined,
        expression: { text, expr: parseExpression(text) },
        periodSeconds
      }
    } catch (error) {
      const detail = error instanceof ExpressionError ? error.message : String(error)
      throw invalidParameter(`Invalid metric math expression "${text}" (Id ${id}): ${detail}.`)
    }
  }
  const stat = q.MetricStat as Params
  const metric = (stat.Metric ?? {}) as Params
  if (typeof metric.Namespace !== 'string' || metric.Namespace.length === 0) {
    throw missingParameter(`${path}.MetricStat.Metric.Namespace`)
  }
  if (typeof metric.MetricName !== 'string' || metric.MetricName.length === 0) {
    throw missingParameter(`${path}.MetricStat.Metric.MetricName`)
  }
  if (stat.Period === undefined || stat.Period === null)
    throw missingParameter(`${path}.MetricStat.Period`)
  if (!isValidPeriod(stat.Period, forAlarm)) {
    throw invalidParameter(
      `The parameter ${path}.MetricStat.Period must be ${periodRule(forAlarm)}.`
    )
  }
  return {
    id,
    label,
    returnData,
    metricStat: {
      metric: {
        namespace: metric.Namespace,
        metricName: metric.MetricName,
        dimensions: readDimensions(metric.Dimensions, `${path}.MetricStat.Metric.Dimensions`)
      },
      periodSeconds: stat.Period,
      stat: readStatistic(stat.Stat, `${path}.MetricStat.Stat`)
    },
    expression: undefined,
    periodSeconds
  }
}

/** Period (seconds) a query list works on: the first MetricStat's period, else the given default. */
export function queriesPeriod(queries: CompiledQuery[], fallback = 60): number {
  return (
    queries.find(q => q.metricStat !== undefined)?.metricStat?.periodSeconds ??
    queries[0]?.periodSeconds ??
    fallback
  )
}

/**
 * The value of query `id` for the period starting at `start` (epoch ms), from the data CloudWatch
 * has at `asOf`. An expression has a datapoint only where one of the metrics it reads has one.
 */
export function queryValue(
  queries: CompiledQuery[],
  id: string,
  start: number,
  periodMs: number,
  metrics: MetricStore,
  asOf: number
): number | undefined {
  const values = new Map<string, number | undefined>()
  const metricValue = (query: CompiledQuery): number | undefined => {
    if (!values.has(query.id)) {
      const stat = query.metricStat!
      values.set(query.id, metrics.value(stat.metric, stat.stat, start, periodMs, asOf))
    }
    return values.get(query.id)
  }
  const byId = new Map(queries.map(q => [q.id, q]))
  const leaves = (query: CompiledQuery, depth: number): CompiledQuery[] => {
    if (query.metricStat !== undefined) return [query]
    if (query.expression === undefined || depth > 20) return []
    return references(query.expression.expr).flatMap(ref => {
      const next = byId.get(ref)
      return next === undefined ? [] : leaves(next, depth + 1)
    })
  }
  const value = (query: CompiledQuery | undefined, depth: number): number | undefined => {
    if (query === undefined || depth > 20) return undefined
    if (query.metricStat !== undefined) return metricValue(query)
    if (query.expression === undefined) return undefined
    return evaluate(query.expression.expr, ref => value(byId.get(ref), depth + 1))
  }
  const query = byId.get(id)
  if (query === undefined) return undefined
  if (!leaves(query, 0).some(leaf => metricValue(leaf) !== undefined)) return undefined
  return value(query, 0)
}
