// CloudWatch metric operations: PutMetricData, GetMetricData (metric math included) and ListMetrics. Reads see
// what has arrived by now: the newest minutes may still be partial.

import { present, seconds, timestampMs, type Params } from './cloudwatch-params.js'
import { invalidParameter, missingParameter } from './errors.js'
import type { MetricStore } from './metrics.js'
import { readPutMetricData } from './put-metric-data.js'
import { compileQueries, queriesPeriod, queryValue } from './queries.js'
import type { Random } from './random.js'

export class CloudWatchMetrics {
  constructor(
    private readonly metrics: MetricStore,
    private readonly now: () => number,
    /** The latest a PutMetricData call's data becomes visible (scenario customMetricDelaySeconds). */
    private readonly customMetricDelaySeconds: () => number = () => 0,
    private readonly random: Random = Math.random
  ) {}

  /**
   * Stores each datum in its second (StorageResolution 1) or minute (60), visible to reads and
   * alarm evaluation after a seeded delay between a third of customMetricDelaySeconds and all of
   * it (one delay per call: a call's datums arrive together).
   */
  putMetricData(p: Params): Params {
    const now = this.now()
    const datums = readPutMetricData(p, now)
    const maxMs = this.customMetricDelaySeconds() * 1000
    const visibleAt = now + Math.round(maxMs / 3 + this.random() * ((maxMs * 2) / 3))
    for (const d of datums) {
      this.metrics.recordAggregate(d.id, d.time, d.sample, visibleAt, d.storageResolution)
    }
    return {}
  }

  getMetricData(p: Params): Params {
    const queries = compileQueries(p.MetricDataQueries, 'MetricDataQueries', false)
    const start = timestampMs(p, 'StartTime')
    const end = timestampMs(p, 'EndTime')
    if (start === undefined) throw missingParameter('StartTime')
    if (end === undefined) throw missingParameter('EndTime')
    if (start >= end)
      throw invalidParameter('The parameter StartTime must be less than the parameter EndTime.')
    const descending = p.ScanBy !== 'TimestampAscending'
    const asOf = this.now()
    const results = queries
      .filter(q => q.returnData)
      .map(q => {
        const periodMs =
          (q.metricStat?.periodSeconds ?? q.periodSeconds ?? queriesPeriod(queries)) * 1000
        const timestamps: number[] = []
        const values: number[] = []
        const first = Math.ceil(start / periodMs) * periodMs
        for (let t = first; t < end; t += periodMs) {
          const value = queryValue(queries, q.id, t, periodMs, this.metrics, asOf)
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

  listMetrics(p: Params): Params {
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
}
