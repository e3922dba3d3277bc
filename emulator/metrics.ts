// Per-minute metric storage: each datapoint keeps Sum, SampleCount, Minimum and Maximum so any
// of the basic statistics can be computed for any period that is a multiple of 60 seconds.

export interface Dimension {
  Name: string
  Value: string
}

export interface MetricId {
  namespace: string
  metricName: string
  dimensions: Dimension[]
}

export interface Aggregate {
  sum: number
  count: number
  min: number
  max: number
}

interface Series extends MetricId {
  buckets: Map<number, Aggregate>
}

export const STATISTICS = ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum'] as const
export type Statistic = (typeof STATISTICS)[number]

export const MINUTE_MS = 60_000

export function metricKey(
  namespace: string,
  metricName: string,
  dimensions: readonly Dimension[]
): string {
  const dims = [...dimensions]
    .sort((a, b) => a.Name.localeCompare(b.Name))
    .map(d => `${d.Name}=${d.Value}`)
    .join(',')
  return `${namespace}|${metricName}|${dims}`
}

export class MetricStore {
  private readonly series = new Map<string, Series>()

  /** Records one sample at `time` (epoch ms) into its minute. */
  record(id: MetricId, time: number, value: number): void {
    this.recordAggregate(id, time, { sum: value, count: 1, min: value, max: value })
  }

  /** Records several samples at once (their sum, count, minimum and maximum). */
  recordAggregate(id: MetricId, time: number, sample: Aggregate): void {
    if (sample.count === 0) return
    const key = metricKey(id.namespace, id.metricName, id.dimensions)
    let series = this.series.get(key)
    if (series === undefined) {
      series = { ...id, dimensions: [...id.dimensions], buckets: new Map() }
      this.series.set(key, series)
    }
    const minute = Math.floor(time / MINUTE_MS) * MINUTE_MS
    const bucket = series.buckets.get(minute)
    if (bucket === undefined) {
      series.buckets.set(minute, { ...sample })
    } else {
      bucket.sum += sample.sum
      bucket.count += sample.count
      bucket.min = Math.min(bucket.min, sample.min)
      bucket.max = Math.max(bucket.max, sample.max)
    }
  }

  /** The statistic over [start, start + periodMs), or undefined when there is no sample. */
  value(id: MetricId, stat: Statistic, start: number, periodMs: number): number | undefined {
    const series = this.series.get(metricKey(id.namespace, id.metricName, id.dimensions))
    if (series === undefined) return undefined
    let total: Aggregate | undefined
    for (let minute = start; minute < start + periodMs; minute += MINUTE_MS) {
      const bucket = series.buckets.get(minute)
      if (bucket === undefined) continue
      total =
        total === undefined
          ? { ...bucket }
          : {
              sum: total.sum + bucket.sum,
              count: total.count + bucket.count,
              min: Math.min(total.min, bucket.min),
              max: Math.max(total.max, bucket.max)
            }
    }
    if (total === undefined) return undefined
    switch (stat) {
      case 'Sum':
        return total.sum
      case 'SampleCount':
        return total.count
      case 'Average':
        return total.sum / total.count
      case 'Minimum':
        return total.min
      case 'Maximum':
        return total.max
    }
  }

  list(filter: { namespace?: string; metricName?: string; dimensions?: Dimension[] }): MetricId[] {
    return [...this.series.values()]
      .filter(s => filter.namespace === undefined || s.namespace === filter.namespace)
      .filter(s => filter.metricName === undefined || s.metricName === filter.metricName)
      .filter(s =>
        (filter.dimensions ?? []).every(d =>
          s.dimensions.some(
            x => x.Name === d.Name && (d.Value === undefined || x.Value === d.Value)
          )
        )
      )
      .map(s => ({ namespace: s.namespace, metricName: s.metricName, dimensions: s.dimensions }))
  }
}
