// Metric storage: each datapoint keeps Sum, SampleCount, Minimum and Maximum so any of the basic
// statistics can be computed for any period. A datapoint covers its sample's resolution (one
// minute, or 10 or 30 s for a fleet that publishes that often) and is stamped with its start, so a
// period shorter than the data's resolution finds a datapoint only in the slot where one begins
// (PutMetricAlarm, Period: such an alarm "does not receive data for the attempts that do not
// correspond to a one-minute data resolution"). Samples arrive late: each piece of a minute becomes visible at its own arrival time, and every
// read says at which moment it looks, so a minute's datapoint is partial until its last piece has
// arrived (CloudWatch evaluates "the data points available at a specific moment").

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

/** One datapoint of a series: what has arrived for certain, and pieces still arriving. */
interface Bucket {
  arrived: Aggregate | undefined
  pending: { visibleAt: number; sample: Aggregate }[]
}

interface Series extends MetricId {
  /** By the start of the datapoint (epoch ms). */
  buckets: Map<number, Bucket>
  /** The finest resolution recorded (ms): reads step by it. */
  finestMs: number
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

function merge(a: Aggregate | undefined, b: Aggregate): Aggregate {
  if (a === undefined) return { ...b }
  return {
    sum: a.sum + b.sum,
    count: a.count + b.count,
    min: Math.min(a.min, b.min),
    max: Math.max(a.max, b.max)
  }
}

export class MetricStore {
  private readonly series = new Map<string, Series>()
  /** The latest moment anything was read as of: pieces visible by then are folded in. */
  private settledUntil = Number.NEGATIVE_INFINITY

  /**
   * Records one sample at `time` (epoch ms) into its datapoint (a minute, or `resolutionSeconds`),
   * visible from `visibleAt`.
   */
  record(
    id: MetricId,
    time: number,
    value: number,
    visibleAt = time,
    resolutionSeconds = 60
  ): void {
    const sample = { sum: value, count: 1, min: value, max: value }
    this.recordAggregate(id, time, sample, visibleAt, resolutionSeconds)
  }

  /** Records several samples at once (their sum, count, minimum and maximum). */
  recordAggregate(
    id: MetricId,
    time: number,
    sample: Aggregate,
    visibleAt = time,
    resolutionSeconds = 60
  ): void {
    if (sample.count === 0) return
    const key = metricKey(id.namespace, id.metricName, id.dimensions)
    const resolutionMs = resolutionSeconds * 1000
    let series = this.series.get(key)
    if (series === undefined) {
      series = { ...id, dimensions: [...id.dimensions], buckets: new Map(), finestMs: MINUTE_MS }
      this.series.set(key, series)
    }
    series.finestMs = Math.min(series.finestMs, resolutionMs)
    const start = Math.floor(time / resolutionMs) * resolutionMs
    let bucket = series.buckets.get(start)
    if (bucket === undefined) {
      bucket = { arrived: undefined, pending: [] }
      series.buckets.set(start, bucket)
    }
    if (visibleAt <= this.settledUntil) bucket.arrived = merge(bucket.arrived, sample)
    else bucket.pending.push({ visibleAt, sample: { ...sample } })
  }

  /** What of one datapoint has arrived by `asOf`. */
  private arrived(bucket: Bucket, asOf: number): Aggregate | undefined {
    // Reads move forward in simulated time: pieces visible at the latest read stay visible.
    if (asOf > this.settledUntil) this.settledUntil = asOf
    if (bucket.pending.length > 0) {
      const still: Bucket['pending'] = []
      for (const piece of bucket.pending) {
        if (piece.visibleAt <= this.settledUntil)
          bucket.arrived = merge(bucket.arrived, piece.sample)
        else still.push(piece)
      }
      bucket.pending = still
    }
    let total = bucket.arrived
    for (const piece of bucket.pending) {
      if (piece.visibleAt <= asOf) total = merge(total, piece.sample)
    }
    return total
  }

  /**
   * The statistic over [start, start + periodMs) as CloudWatch has it at `asOf` (simulated epoch
   * ms, never earlier than a previous read), or undefined when no sample has arrived.
   */
  value(
    id: MetricId,
    stat: Statistic,
    start: number,
    periodMs: number,
    asOf: number
  ): number | undefined {
    const series = this.series.get(metricKey(id.namespace, id.metricName, id.dimensions))
    if (series === undefined) return undefined
    let total: Aggregate | undefined
    const step = series.finestMs
    for (let slot = Math.ceil(start / step) * step; slot < start + periodMs; slot += step) {
      const bucket = series.buckets.get(slot)
      if (bucket === undefined) continue
      const arrived = this.arrived(bucket, asOf)
      if (arrived !== undefined) total = merge(total, arrived)
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
