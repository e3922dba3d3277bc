// Per-minute metric storage: each datapoint keeps Sum, SampleCount, Minimum and Maximum so any
// of the basic statistics can be computed for any period that is a multiple of 60 seconds.
// Samples arrive late: each piece of a minute becomes visible at its own arrival time, and every
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

/** One minute of a series: what has arrived for certain, and pieces still arriving. */
interface Bucket {
  arrived: Aggregate | undefined
  pending: { visibleAt: number; sample: Aggregate }[]
}

interface Series extends MetricId {
  buckets: Map<number, Bucket>
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

  /** Records one sample at `time` (epoch ms) into its minute, visible from `visibleAt`. */
  record(id: MetricId, time: number, value: number, visibleAt = time): void {
    this.recordAggregate(id, time, { sum: value, count: 1, min: value, max: value }, visibleAt)
  }

  /** Records several samples at once (their sum, count, minimum and maximum). */
  recordAggregate(id: MetricId, time: number, sample: Aggregate, visibleAt = time): void {
    if (sample.count === 0) return
    const key = metricKey(id.namespace, id.metricName, id.dimensions)
    let series = this.series.get(key)
    if (series === undefined) {
      series = { ...id, dimensions: [...id.dimensions], buckets: new Map() }
      this.series.set(key, series)
    }
    const minute = Math.floor(time / MINUTE_MS) * MINUTE_MS
    let bucket = series.buckets.get(minute)
    if (bucket === undefined) {
      bucket = { arrived: undefined, pending: [] }
      series.buckets.set(minute, bucket)
    }
    if (visibleAt <= this.settledUntil) bucket.arrived = merge(bucket.arrived, sample)
    else bucket.pending.push({ visibleAt, sample: { ...sample } })
  }

  /** What of one minute has arrived by `asOf`. */
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
    for (let minute = start; minute < start + periodMs; minute += MINUTE_MS) {
      const bucket = series.buckets.get(minute)
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
