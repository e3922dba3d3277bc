// PutMetricData: validation per the API model (botocore cloudwatch service-2.json, the API
// reference) with CloudWatch's errors, and the datums as the store records them. Like the service,
// the first bad field decides (the service lists every bad field; the emulator names the first).

import { present, type Params } from './cloudwatch-params.js'
import { cloudwatchError, invalidParameter, missingParameter } from './errors.js'
import type { Aggregate, Dimension, MetricId } from './metrics.js'

export const STANDARD_UNITS = [
  'Seconds',
  'Microseconds',
  'Milliseconds',
  'Bytes',
  'Kilobytes',
  'Megabytes',
  'Gigabytes',
  'Terabytes',
  'Bits',
  'Kilobits',
  'Megabits',
  'Gigabits',
  'Terabits',
  'Percent',
  'Count',
  'Bytes/Second',
  'Kilobytes/Second',
  'Megabytes/Second',
  'Gigabytes/Second',
  'Terabytes/Second',
  'Bits/Second',
  'Kilobits/Second',
  'Megabits/Second',
  'Gigabits/Second',
  'Terabits/Second',
  'Count/Second',
  'None'
] as const

/** "You can specify time stamps that are as much as two weeks before the current date". */
export const MAX_AGE_MS = 14 * 24 * 3600_000
/** "... and as much as 2 hours after the current day and time" (PutMetricData). */
export const MAX_FUTURE_MS = 2 * 3600_000
/** "Values must be in the range of -2^360 to 2^360." */
const LIMIT = 2 ** 360

export interface Datum {
  id: MetricId
  /** Epoch ms the datum is stamped with. */
  time: number
  sample: Aggregate
  storageResolution: 1 | 60
}

/** The SDK sends NaN and the infinities as strings in JSON; CloudWatch rejects them. */
function readValue(raw: unknown, path: string): number {
  if (typeof raw !== 'number' || !Number.isFinite(raw) || Math.abs(raw) > LIMIT) {
    throw invalidParameter(
      `The value ${String(raw)} for parameter ${path} is invalid: values must be finite and in the range of -2^360 to 2^360.`
    )
  }
  return raw
}

function readDimensions(raw: unknown, path: string): Dimension[] {
  if (!present(raw)) return []
  if (!Array.isArray(raw)) throw invalidParameter(`The parameter ${path} must be a list.`)
  if (raw.length > 30)
    throw invalidParameter(`The collection ${path} must not have a size greater than 30.`)
  const names = new Set<string>()
  return raw.map((item, i) => {
    const d = (item ?? {}) as Params
    const at = `${path}.member.${i + 1}`
    if (!present(d.Name)) throw missingParameter(`${at}.Name`)
    if (!present(d.Value)) throw missingParameter(`${at}.Value`)
    if (typeof d.Name !== 'string' || d.Name.length < 1 || d.Name.length > 255)
      throw invalidParameter(`The parameter ${at}.Name must be a string of 1 to 255 characters.`)
    if (typeof d.Value !== 'string' || d.Value.length < 1 || d.Value.length > 1024)
      throw invalidParameter(`The parameter ${at}.Value must be a string of 1 to 1024 characters.`)
    if (d.Name.startsWith(':'))
      throw invalidParameter(`The parameter ${at}.Name must not start with a colon.`)
    if (names.has(d.Name))
      throw invalidParameter('No metric may specify the same dimension name twice.')
    names.add(d.Name)
    return { Name: d.Name, Value: d.Value }
  })
}

function readSample(d: Params, at: string): Aggregate {
  const hasValue = present(d.Value)
  const hasStats = present(d.StatisticValues)
  const hasValues = present(d.Values)
  const given = [hasValue, hasStats, hasValues].filter(Boolean).length
  if (given === 0) {
    throw cloudwatchError(
      'InvalidParameterCombinationException',
      `At least one of the parameters ${at}.Value and ${at}.StatisticValues must be specified.`
    )
  }
  if (given > 1) {
    const sent = [
      hasValue ? `${at}.Value` : undefined,
      hasStats ? `${at}.StatisticValues` : undefined,
      hasValues ? `${at}.Values` : undefined
    ].filter(Boolean)
    throw cloudwatchError(
      'InvalidParameterCombinationException',
      `The parameters ${sent.join(' and ')} are mutually exclusive and you have specified both.`
    )
  }
  if (present(d.Counts) && !hasValues) {
    throw cloudwatchError(
      'InvalidParameterCombinationException',
      `The parameter ${at}.Counts must be specified together with ${at}.Values.`
    )
  }
  if (hasValue) {
    const v = readValue(d.Value, `${at}.Value`)
    return { sum: v, count: 1, min: v, max: v }
  }
  if (hasStats) {
    const s = d.StatisticValues as Params
    const field = (name: string): number => {
      if (!present(s[name])) throw missingParameter(`${at}.StatisticValues.${name}`)
      return readValue(s[name], `${at}.StatisticValues.${name}`)
    }
    const sample = {
      count: field('SampleCount'),
      sum: field('Sum'),
      min: field('Minimum'),
      max: field('Maximum')
    }
    if (sample.count <= 0 || sample.min > sample.max) {
      throw invalidParameter(
        `The parameter ${at}.StatisticValues must have a SampleCount above 0 and a Minimum no greater than its Maximum.`
      )
    }
    return sample
  }
  if (!Array.isArray(d.Values)) throw invalidParameter(`The parameter ${at}.Values must be a list.`)
  const values = d.Values.map((v, i) => readValue(v, `${at}.Values.member.${i + 1}`))
  if (values.length > 150)
    throw invalidParameter(`The collection ${at}.Values must not have a size greater than 150.`)
  let counts = values.map(() => 1)
  if (present(d.Counts)) {
    if (!Array.isArray(d.Counts))
      throw invalidParameter(`The parameter ${at}.Counts must be a list.`)
    counts = d.Counts.map((c, i) => readValue(c, `${at}.Counts.member.${i + 1}`))
    if (counts.length !== values.length) {
      throw invalidParameter(
        `The parameters ${at}.Values and ${at}.Counts must be arrays of the same size.`
      )
    }
    if (counts.some(c => c < 0))
      throw invalidParameter(`The parameter ${at}.Counts must not hold negative counts.`)
  }
  const sample: Aggregate = { sum: 0, count: 0, min: Infinity, max: -Infinity }
  values.forEach((v, i) => {
    const c = counts[i] ?? 1
    if (c === 0) return
    sample.sum += v * c
    sample.count += c
    sample.min = Math.min(sample.min, v)
    sample.max = Math.max(sample.max, v)
  })
  return sample
}

function readDatum(d: Params, at: string, namespace: string, now: number): Datum {
  if (!present(d.MetricName)) throw missingParameter(`${at}.MetricName`)
  if (typeof d.MetricName !== 'string' || d.MetricName.length < 1 || d.MetricName.length > 255)
    throw invalidParameter(
      `The parameter ${at}.MetricName must be a string of 1 to 255 characters.`
    )
  const dimensions = readDimensions(d.Dimensions, `${at}.Dimensions`)
  let time = now
  if (present(d.Timestamp)) {
    if (typeof d.Timestamp !== 'number' || !Number.isFinite(d.Timestamp))
      throw invalidParameter(`The parameter ${at}.Timestamp must be a timestamp.`)
    time = d.Timestamp * 1000
    if (time < now - MAX_AGE_MS)
      throw invalidParameter(
        `The parameter ${at}.Timestamp must specify a time within the past two weeks.`
      )
    if (time > now + MAX_FUTURE_MS)
      throw invalidParameter(
        `The parameter ${at}.Timestamp must specify a time no more than two hours in the future.`
      )
  }
  let storageResolution: 1 | 60 = 60
  if (present(d.StorageResolution)) {
    if (d.StorageResolution !== 1 && d.StorageResolution !== 60) {
      throw invalidParameter(
        `The value ${String(d.StorageResolution)} for parameter ${at}.StorageResolution is invalid. Valid values are 1 and 60.`
      )
    }
    storageResolution = d.StorageResolution
  }
  if (present(d.Unit) && !(STANDARD_UNITS as readonly unknown[]).includes(d.Unit)) {
    throw invalidParameter(
      `The parameter ${at}.Unit must be a value in the set [ ${STANDARD_UNITS.join(', ')} ].`
    )
  }
  const sample = readSample(d, at)
  return {
    id: { namespace, metricName: d.MetricName, dimensions },
    time,
    sample,
    storageResolution
  }
}

/** Validates a PutMetricData request; its datums (MetricData, then EntityMetricData's). */
export function readPutMetricData(p: Params, now: number): Datum[] {
  const namespace = p.Namespace
  if (!present(namespace)) throw missingParameter('Namespace')
  if (typeof namespace !== 'string' || namespace.length < 1 || namespace.length > 255)
    throw invalidParameter('The parameter Namespace must be a string of 1 to 255 characters.')
  if (namespace.startsWith(':'))
    throw invalidParameter('The parameter Namespace must not start with a colon.')
  if (namespace.startsWith('AWS/'))
    throw invalidParameter('The value AWS/ for parameter Namespace is invalid.')
  const items: { datum: Params; at: string }[] = []
  if (present(p.MetricData)) {
    if (!Array.isArray(p.MetricData))
      throw invalidParameter('The parameter MetricData must be a list.')
    p.MetricData.forEach((datum, i) =>
      items.push({ datum: (datum ?? {}) as Params, at: `MetricData.member.${i + 1}` })
    )
  }
  if (present(p.EntityMetricData)) {
    if (!Array.isArray(p.EntityMetricData))
      throw invalidParameter('The parameter EntityMetricData must be a list.')
    if (p.EntityMetricData.length > 2)
      throw invalidParameter('The collection EntityMetricData must not have a size greater than 2.')
    p.EntityMetricData.forEach((entity, e) => {
      const list = ((entity ?? {}) as Params).MetricData
      if (!Array.isArray(list)) return
      list.forEach((datum, i) =>
        items.push({
          datum: (datum ?? {}) as Params,
          at: `EntityMetricData.member.${e + 1}.MetricData.member.${i + 1}`
        })
      )
    })
  }
  if (items.length === 0) throw missingParameter('MetricData')
  if (items.length > 1000)
    throw invalidParameter('The collection MetricData must not have a size greater than 1000.')
  return items.map(({ datum, at }) => readDatum(datum, at, namespace, now))
}
