import { describe, it, expect } from '@jest/globals'
import {
  buildMetricQueries,
  metricsWindow,
  microsecondsToMs,
  PERIOD_SECONDS
} from '../../src/metrics/queries.js'
import { firstDeploy, runB, runE, T0 } from '../report/fixtures.js'

const MINUTE = 60_000

describe('buildMetricQueries', () => {
  const request = buildMetricQueries(runB.plan, runB.timeline)
  const byId = new Map(request.queries.map(q => [q.Id, q]))
  const dims = (id: string) =>
    Object.fromEntries(byId.get(id)!.MetricStat.Metric.Dimensions.map(d => [d.Name, d.Value]))

  it('asks for every metric of green, blue and the whole variant, and CPU, in one list', () => {
    expect(request.queries).toHaveLength(16)
    expect([...byId.keys()].sort()).toEqual(
      [
        ...['green', 'blue', 'endpoint'].flatMap(fleet =>
          ['invocations', 'errors5xx', 'errors4xx', 'modelLatency', 'overheadLatency'].map(
            metric => `${fleet}_${metric}`
          )
        ),
        'endpoint_cpu'
      ].sort()
    )
  })

  it('uses ids CloudWatch accepts, each once', () => {
    for (const q of request.queries) expect(q.Id).toMatch(/^[a-z][a-zA-Z0-9_]*$/)
    expect(new Set(request.queries.map(q => q.Id)).size).toBe(request.queries.length)
  })

  it('separates the fleets with the EndpointConfigName dimension', () => {
    expect(dims('green_errors5xx')).toEqual({
      EndpointName: 'lab-endpoint',
      VariantName: 'AllTraffic',
      EndpointConfigName: 'lab-endpoint-config-b'
    })
    expect(dims('blue_errors5xx')).toEqual({
      EndpointName: 'lab-endpoint',
      VariantName: 'AllTraffic',
      EndpointConfigName: 'lab-endpoint-config-a'
    })
    expect(dims('endpoint_errors5xx')).toEqual({
      EndpointName: 'lab-endpoint',
      VariantName: 'AllTraffic'
    })
    expect(request.greenConfigName).toBe('lab-endpoint-config-b')
    expect(request.blueConfigName).toBe('lab-endpoint-config-a')
  })

  it('sums counts and averages latencies over one-minute periods', () => {
    const stat = (id: string) => byId.get(id)!.MetricStat
    for (const q of request.queries) {
      expect(q.MetricStat.Period).toBe(PERIOD_SECONDS)
      expect(PERIOD_SECONDS).toBe(60)
      expect(q.ReturnData).toBe(true)
    }
    expect(stat('green_invocations')).toMatchObject({
      Stat: 'Sum',
      Metric: { Namespace: 'AWS/SageMaker', MetricName: 'Invocations' }
    })
    expect(stat('blue_errors5xx')).toMatchObject({
      Stat: 'Sum',
      Metric: { MetricName: 'Invocation5XXErrors' }
    })
    expect(stat('blue_errors4xx')).toMatchObject({
      Stat: 'Sum',
      Metric: { MetricName: 'Invocation4XXErrors' }
    })
    expect(stat('green_modelLatency')).toMatchObject({
      Stat: 'Average',
      Metric: { MetricName: 'ModelLatency' }
    })
    expect(stat('green_overheadLatency')).toMatchObject({
      Stat: 'Average',
      Metric: { MetricName: 'OverheadLatency' }
    })
    expect(stat('endpoint_cpu')).toMatchObject({
      Stat: 'Average',
      Metric: {
        Namespace: '/aws/sagemaker/Endpoints',
        MetricName: 'CPUUtilization',
        Dimensions: [
          { Name: 'EndpointName', Value: 'lab-endpoint' },
          { Name: 'VariantName', Value: 'AllTraffic' }
        ]
      }
    })
  })

  it('reads from 5 minutes before the update to 2 minutes after the verdict, on whole minutes', () => {
    // B's last event is at +160 s: 14:02:40 → 14:03 + 2 min.
    expect(request.startTime).toBe(T0 - 5 * MINUTE)
    expect(request.endTime).toBe(T0 + 5 * MINUTE)
    const skewed = { ...runE.timeline, startedAt: T0 + 12_345 }
    const window = metricsWindow(skewed)
    expect(window.start % MINUTE).toBe(0)
    expect(window.end % MINUTE).toBe(0)
    expect(window.start).toBe(T0 - 5 * MINUTE)
    expect(window.end).toBe(T0 + 6 * MINUTE)
  })

  it('has no blue queries for a new endpoint', () => {
    const first = buildMetricQueries(firstDeploy.plan, firstDeploy.timeline)
    expect(first.blueConfigName).toBeUndefined()
    expect(first.queries.some(q => q.Id.startsWith('blue_'))).toBe(false)
    expect(first.queries).toHaveLength(11)
  })
})

describe('microsecondsToMs', () => {
  it('turns CloudWatch latency (microseconds) into milliseconds', () => {
    expect(microsecondsToMs(5_000_000)).toBe(5000)
    expect(microsecondsToMs(40_250)).toBe(40.25)
    expect(microsecondsToMs(0)).toBe(0)
  })
})
