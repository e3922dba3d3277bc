// CloudWatch operations (AWS JSON 1.0, query-compatible): alarms, history, metric data.

import {
  alarmPeriod,
  AlarmBook,
  COMPARISON_OPERATORS,
  TREAT_MISSING_DATA,
  type AlarmRecord,
  type AlarmSource,
  type AlarmState
} from './alarms.js'
import { cloudwatchError, invalidParameter, missingParameter } from './errors.js'
import type { MetricStore } from './metrics.js'
import {
  compileQueries,
  isValidPeriod,
  queriesPeriod,
  queryValue,
  readDimensions,
  readStatistic
} from './queries.js'

type Params = Record<string, unknown>
type Handler = (params: Params) => unknown

const SINGLE_METRIC_FIELDS = [
  'Namespace',
  'MetricName',
  'Dimensions',
  'Period',
  'Unit',
  'Statistic',
  'ExtendedStatistic'
]
const STATES: AlarmState[] = ['OK', 'ALARM', 'INSUFFICIENT_DATA']

const seconds = (ms: number): number => ms / 1000
const present = (value: unknown): boolean => value !== undefined && value !== null

function requireName(params: Params, field: string): string {
  const value = params[field]
  if (!present(value)) throw missingParameter(field)
  if (typeof value !== 'string' || value.length < 1 || value.length > 255) {
    throw invalidParameter(`The parameter ${field} must be a string of 1 to 255 characters.`)
  }
  return value
}

function requireInteger(params: Params, field: string, min: number): number {
  const value = params[field]
  if (!present(value)) throw missingParameter(field)
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw invalidParameter(
      `The parameter ${field} must be an integer greater than or equal to ${min}.`
    )
  }
  return value
}

function timestampMs(params: Params, field: string): number | undefined {
  const value = params[field]
  if (!present(value)) return undefined
  if (typeof value !== 'number')
    throw invalidParameter(`The parameter ${field} must be a timestamp.`)
  return value * 1000
}

function readTags(raw: unknown): { Key: string; Value: string }[] {
  if (!present(raw)) return []
  if (!Array.isArray(raw)) throw invalidParameter('The parameter Tags must be a list.')
  if (raw.length > 50)
    throw invalidParameter('The collection Tags must not have a size greater than 50.')
  return raw.map((t, i) => {
    const tag = (t ?? {}) as Params
    if (typeof tag.Key !== 'string' || tag.Key.length < 1 || tag.Key.length > 128)
      throw missingParameter(`Tags.member.${i + 1}.Key`)
    if (typeof tag.Value !== 'string' || tag.Value.length > 256)
      throw missingParameter(`Tags.member.${i + 1}.Value`)
    return { Key: tag.Key, Value: tag.Value }
  })
}

export class CloudWatch {
  constructor(
    readonly alarms: AlarmBook,
    private readonly metrics: MetricStore,
    private readonly region: string,
    private readonly accountId: string,
    private readonly now: () => number
  ) {}

  operations(): Record<string, Handler> {
    return {
      PutMetricAlarm: p => this.putMetricAlarm(p),
      DescribeAlarms: p => this.describeAlarms(p),
      DescribeAlarmHistory: p => this.describeAlarmHistory(p),
      SetAlarmState: p => this.setAlarmState(p),
      DeleteAlarms: p => this.deleteAlarms(p),
      GetMetricData: p => this.getMetricData(p),
      ListMetrics: p => this.listMetrics(p),
      TagResource: p => this.tagResource(p),
      UntagResource: p => this.untagResource(p),
      ListTagsForResource: p => ({ Tags: this.alarmByArn(p).tags })
    }
  }

  alarmArn(name: string): string {
    return `arn:aws:cloudwatch:${this.region}:${this.accountId}:alarm:${name}`
  }

  private putMetricAlarm(p: Params): Params {
    const name = requireName(p, 'AlarmName')
    const evaluationPeriods = requireInteger(p, 'EvaluationPeriods', 1)
    const datapointsToAlarm = present(p.DatapointsToAlarm)
      ? requireInteger(p, 'DatapointsToAlarm', 1)
      : evaluationPeriods
    if (datapointsToAlarm > evaluationPeriods) {
      throw invalidParameter('DatapointsToAlarm must be less than or equal to EvaluationPeriods.')
    }
    const comparison = p.ComparisonOperator
    if (!present(comparison)) throw missingParameter('ComparisonOperator')
    if (typeof comparison !== 'string' || !COMPARISON_OPERATORS.includes(comparison)) {
      throw invalidParameter(
        `The value ${String(comparison)} for parameter ComparisonOperator is not supported by this emulator.`
      )
    }
    if (present(p.ThresholdMetricId))
      throw invalidParameter(
        'ThresholdMetricId (anomaly detection) is not supported by this emulator.'
      )
    if (!present(p.Threshold)) throw missingParameter('Threshold')
    if (typeof p.Threshold !== 'number')
      throw invalidParameter('The parameter Threshold must be a number.')
    const treatMissingData = present(p.TreatMissingData) ? p.TreatMissingData : 'missing'
    if (typeof treatMissingData !== 'string' || !TREAT_MISSING_DATA.includes(treatMissingData)) {
      throw invalidParameter(
        `The value ${String(treatMissingData)} for parameter TreatMissingData is not valid. Valid values: ${TREAT_MISSING_DATA.join(', ')}.`
      )
    }
    const source = this.alarmSource(p)
    const periodSeconds = alarmPeriod(source)
    if (periodSeconds < 3600 && periodSeconds * evaluationPeriods > 86400) {
      throw invalidParameter(
        'The evaluation period (Period × EvaluationPeriods) must not exceed 1 day.'
      )
    }
    const tags = readTags(p.Tags)
    const now = this.now()
    const definition: Params = { ...p }
    delete definition.Tags
    const alarm: AlarmRecord = {
      name,
      arn: this.alarmArn(name),
      definition,
      source,
      periodSeconds,
      evaluationPeriods,
      datapointsToAlarm,
      threshold: p.Threshold,
      comparison,
      treatMissingData,
      state: 'INSUFFICIENT_DATA',
      reason: 'Unchecked: Initial alarm creation',
      reasonData: undefined,
      stateUpdatedAt: now,
      stateTransitionedAt: now,
      configUpdatedAt: now,
      tags
    }
    this.alarms.put(alarm, now)
    return {}
  }

  private alarmSource(p: Params): AlarmSource {
    if (present(p.Metrics)) {
      const sent = SINGLE_METRIC_FIELDS.filter(field => present(p[field]))
      if (sent.length > 0) {
        throw cloudwatchError(
          'InvalidParameterCombinationException',
          `The parameters ${sent.join(', ')} must not be specified together with Metrics.`
        )
      }
      return { kind: 'math', queries: compileQueries(p.Metrics, 'Metrics', true) }
    }
    if (!present(p.MetricName)) throw missingParameter('MetricName')
    if (!present(p.Namespace)) throw missingParameter('Namespace')
    if (!present(p.Period)) throw missingParameter('Period')
    if (!isValidPeriod(p.Period))
      throw invalidParameter('The parameter Period must be 10, 20, 30 or a multiple of 60.')
    if (present(p.ExtendedStatistic))
      throw invalidParameter('ExtendedStatistic (percentiles) is not supported by this emulator.')
    if (!present(p.Statistic)) throw missingParameter('Statistic')
    const statistic = readStatistic(p.Statistic, 'Statistic')
    const queries = compileQueries(
      [
        {
          Id: 'm1',
          MetricStat: {
            Metric: {
              Namespace: p.Namespace,
              MetricName: p.MetricName,
              Dimensions: readDimensions(p.Dimensions, 'Dimensions')
            },
            Period: p.Period,
            Stat: statistic
          },
          ReturnData: true
        }
      ],
      'Metrics',
      true
    )
    return { kind: 'metric', queries, statistic }
  }

  private describeAlarms(p: Params): Params {
    const names = p.AlarmNames
    if (present(names) && !Array.isArray(names))
      throw invalidParameter('The parameter AlarmNames must be a list.')
    const nameList = (names as unknown[] | undefined) ?? []
    if (nameList.length > 100)
      throw invalidParameter('The collection AlarmNames must not have a size greater than 100.')
    if (nameList.length > 0 && present(p.AlarmNamePrefix)) {
      throw cloudwatchError(
        'InvalidParameterCombinationException',
        'AlarmNames and AlarmNamePrefix cannot be specified together.'
      )
    }
    if (present(p.StateValue) && !STATES.includes(p.StateValue as AlarmState)) {
      throw invalidParameter(
        `The value ${String(p.StateValue)} for parameter StateValue is not valid.`
      )
    }
    const types = (p.AlarmTypes as string[] | undefined) ?? ['MetricAlarm']
    let alarms = [...this.alarms.alarms.values()].sort((a, b) => a.name.localeCompare(b.name))
    if (nameList.length > 0) alarms = alarms.filter(a => nameList.includes(a.name))
    if (typeof p.AlarmNamePrefix === 'string')
      alarms = alarms.filter(a => a.name.startsWith(p.AlarmNamePrefix as string))
    if (present(p.StateValue)) alarms = alarms.filter(a => a.state === p.StateValue)
    if (!types.includes('MetricAlarm')) alarms = []
    const { page, nextToken } = paginate(alarms, p.MaxRecords, p.NextToken)
    return {
      MetricAlarms: page.map(a => this.renderAlarm(a)),
      CompositeAlarms: [],
      ...(nextToken === undefined ? {} : { NextToken: nextToken })
    }
  }

  renderAlarm(a: AlarmRecord): Params {
    const d = a.definition
    return {
      ...d,
      AlarmArn: a.arn,
      AlarmConfigurationUpdatedTimestamp: seconds(a.configUpdatedAt),
      ActionsEnabled: d.ActionsEnabled ?? true,
      OKActions: d.OKActions ?? [],
      AlarmActions: d.AlarmActions ?? [],
      InsufficientDataActions: d.InsufficientDataActions ?? [],
      StateValue: a.state,
      StateReason: a.reason,
      ...(a.reasonData === undefined ? {} : { StateReasonData: a.reasonData }),
      StateUpdatedTimestamp: seconds(a.stateUpdatedAt),
      StateTransitionedTimestamp: seconds(a.stateTransitionedAt),
      EvaluationPeriods: a.evaluationPeriods,
      DatapointsToAlarm: a.datapointsToAlarm,
      TreatMissingData: a.treatMissingData,
      ...(a.source.kind === 'metric' ? { Dimensions: d.Dimensions ?? [] } : {})
    }
  }

  private describeAlarmHistory(p: Params): Params {
    const start = timestampMs(p, 'StartDate') ?? Number.NEGATIVE_INFINITY
    const end = timestampMs(p, 'EndDate') ?? Number.POSITIVE_INFINITY
    if (
      present(p.HistoryItemType) &&
      !['ConfigurationUpdate', 'StateUpdate', 'Action'].includes(String(p.HistoryItemType))
    ) {
      throw invalidParameter(
        `The value ${String(p.HistoryItemType)} for parameter HistoryItemType is not valid.`
      )
    }
    let items = this.alarms.history.filter(
      h =>
        (!present(p.AlarmName) || h.AlarmName === p.AlarmName) &&
        (!present(p.HistoryItemType) || h.HistoryItemType === p.HistoryItemType) &&
        h.Timestamp >= start &&
        h.Timestamp <= end
    )
    items = p.ScanBy === 'TimestampAscending' ? items : [...items].reverse()
    const { page, nextToken } = paginate(items, p.MaxRecords, p.NextToken)
    return {
      AlarmHistoryItems: page.map(h => ({ ...h, Timestamp: seconds(h.Timestamp) })),
      ...(nextToken === undefined ? {} : { NextToken: nextToken })
    }
  }

  private setAlarmState(p: Params): Params {
    const name = requireName(p, 'AlarmName')
    const state = p.StateValue
    if (!present(state)) throw missingParameter('StateValue')
    if (!STATES.includes(state as AlarmState))
      throw invalidParameter(`The value ${String(state)} for parameter StateValue is not valid.`)
    if (!present(p.StateReason)) throw missingParameter('StateReason')
    if (typeof p.StateReason !== 'string' || p.StateReason.length > 1023) {
      throw invalidParameter(
        'The parameter StateReason must be a string of at most 1023 characters.'
      )
    }
    let reasonData: string | undefined
    if (present(p.StateReasonData)) {
      reasonData = String(p.StateReasonData)
      try {
        JSON.parse(reasonData)
      } catch {
        throw cloudwatchError(
          'InvalidFormatFault',
          'The parameter StateReasonData must be valid JSON.'
        )
      }
    }
    const alarm = this.alarms.get(name)
    if (alarm === undefined)
      throw cloudwatchError('ResourceNotFound', `Alarm ${name} does not exist.`)
    this.alarms.setState(alarm, state as AlarmState, p.StateReason, reasonData, this.now())
    return {}
  }

  private deleteAlarms(p: Params): Params {
    const names = p.AlarmNames
    if (!Array.isArray(names) || names.length === 0) throw missingParameter('AlarmNames')
    if (names.length > 100)
      throw invalidParameter('The collection AlarmNames must not have a size greater than 100.')
    const missing = names.filter(n => this.alarms.get(String(n)) === undefined)
    if (missing.length > 0)
      throw cloudwatchError(
        'ResourceNotFound',
        `The following alarms were not found: ${missing.join(', ')}.`
      )
    for (const n of names) this.alarms.delete(String(n))
    return {}
  }

  private getMetricData(p: Params): Params {
    const queries = compileQueries(p.MetricDataQueries, 'MetricDataQueries', false)
    const start = timestampMs(p, 'StartTime')
    const end = timestampMs(p, 'EndTime')
    if (start === undefined) throw missingParameter('StartTime')
    if (end === undefined) throw missingParameter('EndTime')
    if (start >= end)
      throw invalidParameter('The parameter StartTime must be less than the parameter EndTime.')
    const descending = p.ScanBy !== 'TimestampAscending'
    const results = queries
      .filter(q => q.returnData)
      .map(q => {
        const periodMs =
          (q.metricStat?.periodSeconds ?? q.periodSeconds ?? queriesPeriod(queries)) * 1000
        const timestamps: number[] = []
        const values: number[] = []
        const first = Math.ceil(start / periodMs) * periodMs
        for (let t = first; t < end; t += periodMs) {
          const value = queryValue(queries, q.id, t, periodMs, this.metrics)
          if (value === undefined) continue
          timestamps.push(seconds(t))
          values.push(value)
        }
        if (descending) {
          timestamps.reverse()
          values.reverse()
        }
        return {
          Id: q.id,
          Label: q.label ?? q.metricStat?.metric.metricName ?? q.id,
          Timestamps: timestamps,
          Values: values,
          StatusCode: 'Complete',
          Messages: []
        }
      })
    return { MetricDataResults: results, Messages: [] }
  }

  private listMetrics(p: Params): Params {
    const dims = present(p.Dimensions)
      ? (p.Dimensions as Params[]).map(d => ({ Name: String(d.Name), Value: d.Value as string }))
      : undefined
    const filter: Parameters<MetricStore['list']>[0] = {}
    if (typeof p.Namespace === 'string') filter.namespace = p.Namespace
    if (typeof p.MetricName === 'string') filter.metricName = p.MetricName
    if (dims !== undefined) filter.dimensions = dims
    return {
      Metrics: this.metrics
        .list(filter)
        .map(m => ({ Namespace: m.namespace, MetricName: m.metricName, Dimensions: m.dimensions }))
    }
  }

  private alarmByArn(p: Params): AlarmRecord {
    const arn = p.ResourceARN
    if (typeof arn !== 'string') throw missingParameter('ResourceARN')
    const alarm = [...this.alarms.alarms.values()].find(a => a.arn === arn)
    if (alarm === undefined)
      throw cloudwatchError('ResourceNotFoundException', `Resource ${arn} does not exist.`)
    return alarm
  }

  private tagResource(p: Params): Params {
    const alarm = this.alarmByArn(p)
    const tags = readTags(p.Tags)
    const map = new Map(alarm.tags.map(t => [t.Key, t.Value]))
    for (const t of tags) map.set(t.Key, t.Value)
    alarm.tags = [...map].map(([Key, Value]) => ({ Key, Value }))
    return {}
  }

  private untagResource(p: Params): Params {
    const alarm = this.alarmByArn(p)
    const keys = (p.TagKeys as string[] | undefined) ?? []
    alarm.tags = alarm.tags.filter(t => !keys.includes(t.Key))
    return {}
  }
}

function paginate<T>(
  items: T[],
  maxRaw: unknown,
  tokenRaw: unknown
): { page: T[]; nextToken: string | undefined } {
  const max = typeof maxRaw === 'number' ? maxRaw : 100
  if (max < 1 || max > 100)
    throw invalidParameter('The parameter MaxRecords must be between 1 and 100.')
  const offset = typeof tokenRaw === 'string' ? Number(tokenRaw) : 0
  if (!Number.isInteger(offset) || offset < 0)
    throw cloudwatchError('InvalidNextToken', 'The service cannot parse the NextToken.')
  const page = items.slice(offset, offset + max)
  return { page, nextToken: offset + max < items.length ? String(offset + max) : undefined }
}
