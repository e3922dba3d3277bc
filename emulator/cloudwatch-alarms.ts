// CloudWatch alarm operations: define, describe, history, set state, delete and tag alarms.

import {
  alarmPeriod,
  AlarmBook,
  COMPARISON_OPERATORS,
  TREAT_MISSING_DATA,
  type AlarmRecord,
  type AlarmSource,
  type AlarmState
} from './alarms.js'
import {
  paginate,
  present,
  readTags,
  requireInteger,
  requireName,
  seconds,
  timestampMs,
  type Params
} from './cloudwatch-params.js'
import { cloudwatchError, invalidParameter, missingParameter } from './errors.js'
import { compileQueries, isValidPeriod, readDimensions, readStatistic } from './queries.js'

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

export class CloudWatchAlarms {
  constructor(
    private readonly alarms: AlarmBook,
    private readonly region: string,
    private readonly accountId: string,
    private readonly now: () => number
  ) {}

  alarmArn(name: string): string {
    return `arn:aws:cloudwatch:${this.region}:${this.accountId}:alarm:${name}`
  }

  putMetricAlarm(p: Params): Params {
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

  describeAlarms(p: Params): Params {
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

  describeAlarmHistory(p: Params): Params {
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

  setAlarmState(p: Params): Params {
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

  deleteAlarms(p: Params): Params {
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

  alarmByArn(p: Params): AlarmRecord {
    const arn = p.ResourceARN
    if (typeof arn !== 'string') throw missingParameter('ResourceARN')
    const alarm = [...this.alarms.alarms.values()].find(a => a.arn === arn)
    if (alarm === undefined)
      throw cloudwatchError('ResourceNotFoundException', `Resource ${arn} does not exist.`)
    return alarm
  }

  tagResource(p: Params): Params {
    const alarm = this.alarmByArn(p)
    const tags = readTags(p.Tags)
    const map = new Map(alarm.tags.map(t => [t.Key, t.Value]))
    for (const t of tags) map.set(t.Key, t.Value)
    alarm.tags = [...map].map(([Key, Value]) => ({ Key, Value }))
    return {}
  }

  untagResource(p: Params): Params {
    const alarm = this.alarmByArn(p)
    const keys = (p.TagKeys as string[] | undefined) ?? []
    alarm.tags = alarm.tags.filter(t => !keys.includes(t.Key))
    return {}
  }
}
