import { describe, expect, it } from '@jest/globals'
import type { ConcurrencyRun, RolloutResult } from '../../scripts/lib/bench-concurrency.js'
import {
  budget,
  budgetTable,
  fleetChecks,
  fleetFigures,
  fleetTable,
  fmt
} from '../../scripts/lib/bench-fleet.js'
import {
  callsOf,
  operationRates,
  perMinute,
  rolloutsAtQuota,
  verdictDelay,
  type CallSample
} from '../../scripts/lib/bench-rates.js'

const T0 = 1_800_000_000_000
const call = (
  operation: string,
  at: number,
  params: unknown = {},
  error?: string,
  service = operation.startsWith('Describe') && operation !== 'DescribeAlarms'
    ? 'sagemaker'
    : 'cloudwatch'
): CallSample => ({
  service,
  operation,
  params,
  simulatedTime: T0 + at,
  status: error ? 400 : 200,
  ...(error ? { error } : {})
})

describe('operation rates from the call log', () => {
  it('counts the busiest simulated second (throttled requests included) and the average', () => {
    const calls = [
      call('DescribeAlarms', 100),
      call('DescribeAlarms', 900, {}, 'Throttling: Rate exceeded'),
      call('DescribeAlarms', 950),
      call('DescribeAlarms', 1200),
      call('PutMetricAlarm', 5000),
      { ...call('Advance', 5000), service: 'emulator' }
    ]
    expect(operationRates(calls, T0, T0 + 10_000)).toEqual([
      {
        action: 'cloudwatch:DescribeAlarms',
        calls: 4,
        throttled: 1,
        peakPerSecond: 3,
        averagePerSecond: 0.4
      },
      {
        action: 'cloudwatch:PutMetricAlarm',
        calls: 1,
        throttled: 0,
        peakPerSecond: 1,
        averagePerSecond: 0.1
      }
    ])
  })

  it("attributes calls to an endpoint by name (its alarms' and configs' names included)", () => {
    const calls = [
      call('DescribeEndpoint', 0, { EndpointName: 'fleet-001-ep' }),
      call('DescribeAlarms', 0, { AlarmNames: ['fleet-001-ep-5xx-rate'] }),
      call('DescribeEndpoint', 0, { EndpointName: 'fleet-011-ep' })
    ]
    expect(callsOf(calls, 'fleet-001-ep').map(c => c.operation)).toEqual([
      'DescribeEndpoint',
      'DescribeAlarms'
    ])
    expect(perMinute(callsOf(calls, 'fleet-001-ep'), 0.5)).toEqual({
      'sagemaker:DescribeEndpoint': { calls: 1, perMinute: 2 },
      'cloudwatch:DescribeAlarms': { calls: 1, perMinute: 2 }
    })
  })

  it('measures the verdict delay from the settling event to the first successful poll of that endpoint', () => {
    const events = [{ kind: 'completed', endpointName: 'a', simulatedTime: T0 + 10_000 }]
    const calls = [
      call('DescribeEndpoint', 9000, { EndpointName: 'a' }),
      call('DescribeEndpoint', 12_000, { EndpointName: 'b' }),
      call('DescribeEndpoint', 13_000, { EndpointName: 'a' }, 'ThrottlingException: Rate exceeded'),
      call('DescribeEndpoint', 16_500, { EndpointName: 'a' })
    ]
    expect(verdictDelay(calls, events, 'a', T0)).toBe(6500)
    expect(verdictDelay(calls, events, 'b', T0)).toBeUndefined()
  })

  it('says how many rollouts a quota carries at an average rate', () => {
    expect(rolloutsAtQuota(9, 3)).toBe(180)
    expect(rolloutsAtQuota(3, 0.35)).toBe(514)
    expect(rolloutsAtQuota(3, 0)).toBe(Infinity)
  })
})

function rollout(
  endpoint: string,
  outcome: string,
  delay: number | undefined,
  failureReason?: string,
  launched = true
): RolloutResult {
  return {
    endpoint,
    outcome,
    exitCode: outcome === 'deployed' ? 0 : 1,
    launched,
    throttleNotices: 0,
    verdictDelayMs: delay,
    simulatedMinutes: 6,
    byAction: {
      'sagemaker:DescribeEndpoint': { calls: 36, perMinute: 6 },
      'cloudwatch:DescribeAlarms': { calls: 18, perMinute: 3 },
      'cloudwatch:PutMetricAlarm': { calls: 2, perMinute: 2 / 6 }
    },
    failureReason,
    stderrTail: undefined
  }
}

const rate = (action: string, calls: number, throttled: number, peak: number, average: number) => ({
  action,
  calls,
  throttled,
  peakPerSecond: peak,
  averagePerSecond: average
})

function run(
  n: number,
  peakAlarms: number,
  rollouts: RolloutResult[],
  watchingAlarms = 4
): ConcurrencyRun {
  return {
    n,
    quotas: {
      'cloudwatch:DescribeAlarms': 9,
      'cloudwatch:PutMetricAlarm': 3,
      'sagemaker:Describe*': 10
    },
    rollouts,
    rates: [
      {
        action: 'cloudwatch:DescribeAlarms',
        calls: 100,
        throttled: 0,
        peakPerSecond: peakAlarms,
        averagePerSecond: 1.5
      },
      {
        action: 'cloudwatch:PutMetricAlarm',
        calls: 4,
        throttled: 1,
        peakPerSecond: 3,
        averagePerSecond: 0.1
      },
      {
        action: 'sagemaker:DescribeEndpoint',
        calls: 300,
        throttled: 0,
        peakPerSecond: 8,
        averagePerSecond: 3
      },
      {
        action: 'sagemaker:Describe*',
        calls: 320,
        throttled: 2,
        peakPerSecond: 9,
        averagePerSecond: 3.2
      }
    ],
    // While watching: the polls alone, spread by the action's phase and jitter.
    watchRates: [
      rate('cloudwatch:DescribeAlarms', 80, 0, watchingAlarms, 1.2),
      rate('sagemaker:DescribeEndpoint', 250, 0, 6, 2.5),
      rate('sagemaker:Describe*', 250, 0, 6, 2.5)
    ],
    simulatedSeconds: 1200,
    realSeconds: 90 + peakAlarms
  }
}

describe('fleet figures over repeated runs', () => {
  const runs = [
    run(2, 7, [rollout('a', 'deployed', 3000), rollout('b', 'deployed', 8000)]),
    run(
      2,
      11,
      [
        rollout('a', 'deployed', 2000),
        rollout('b', 'failed', 4000, 'PutMetricAlarm failed: Throttling: Rate exceeded')
      ],
      10
    ),
    run(2, 8, [rollout('a', 'deployed', 1000), rollout('b', 'deployed', 9000)])
  ]
  const f = fleetFigures(runs, 10)

  it('reports medians and ranges per quota key, the glob as one shared bucket', () => {
    expect(f.deployed).toEqual({ median: 2, min: 1, max: 2 })
    expect(f.failedByThrottling).toEqual({ median: 0, min: 0, max: 1 })
    expect(f.slowestVerdictDelayMs).toEqual({ median: 8000, min: 4000, max: 9000 })
    expect(f.realSeconds).toEqual({ median: 98, min: 97, max: 101 })
    expect(f.simulatedSeconds).toEqual({ median: 1200, min: 1200, max: 1200 })
    expect(
      f.operations.map(o => [o.action, o.quota, o.peakPerSecond.max, o.peakWhileWatching.max])
    ).toEqual([
      ['cloudwatch:DescribeAlarms', 9, 11, 10],
      ['cloudwatch:PutMetricAlarm', 3, 3, 0],
      ['sagemaker:Describe*', 10, 9, 6]
    ])
    expect(fmt(f.operations[0]!.peakPerSecond, 0)).toBe('8 (7–11)')
  })

  it('fails the targets the worst run misses, the busiest second counted while watching', () => {
    const checks = fleetChecks(f, 10_000, 1000)
    // The start's burst (PutMetricAlarm at 3/s, DescribeAlarms at 11/s) is a figure, not a target.
    expect(checks.filter(c => !c.pass).map(c => `${c.name}: ${c.measured}`)).toEqual([
      'Deployed of 2 (worst run): 1',
      'Rollouts failed by throttling (worst run): 1',
      'cloudwatch:DescribeAlarms: requests in the busiest second while watching (worst run): 10'
    ])
    expect(checks.filter(c => c.pass).map(c => `${c.name}: ${c.measured}`)).toEqual([
      'Slowest verdict after the service settled (worst run): 9.0 s',
      'cloudwatch:PutMetricAlarm: requests in the busiest second while watching (worst run): 0',
      'sagemaker:Describe*: requests in the busiest second while watching (worst run): 6'
    ])
    expect(checks.find(c => c.name.startsWith('Slowest'))).toMatchObject({
      measured: '9.0 s',
      limit: '≤ 11 s',
      pass: true
    })
  })

  it('leaves a rollout that failed before its launch out of the verdict delay', () => {
    const beforeLaunch = rollout(
      'b',
      'failed',
      undefined,
      'DescribeEndpoint failed: Throttling',
      false
    )
    const g = fleetFigures([run(2, 7, [rollout('a', 'deployed', 3000), beforeLaunch])], 10)
    expect(g.slowestVerdictDelayMs).toEqual({ median: 3000, min: 3000, max: 3000 })
    expect(g.unseenEnds).toEqual({ median: 0, min: 0, max: 0 })
    expect(g.failedByThrottling.max).toBe(1)
    const slowest = fleetChecks(g, 10_000, 1000).find(c => c.name.startsWith('Slowest'))
    expect(slowest).toMatchObject({ measured: '3.0 s', pass: true })
  })

  it('fails the verdict target when a launched rollout ended and no poll saw it', () => {
    const g = fleetFigures(
      [run(2, 7, [rollout('a', 'deployed', 3000), rollout('b', 'timed-out', undefined)])],
      10
    )
    expect(g.unseenEnds.max).toBe(1)
    const slowest = fleetChecks(g, 10_000, 1000).find(c => c.name.startsWith('Slowest'))
    expect(slowest).toMatchObject({ measured: '3.0 s; 1 end(s) no poll saw', pass: false })
    const none = fleetFigures([run(1, 7, [rollout('a', 'failed', undefined, 'x', false)])], 10)
    expect(none.slowestVerdictDelayMs).toBeUndefined()
    expect(fleetChecks(none, 10_000, 1000).find(c => c.name.startsWith('Slowest'))).toMatchObject({
      measured: 'n/a',
      pass: false
    })
    expect(fleetTable([none])).toContain(
      '| Slowest verdict after the service settled (launched rollouts) | n/a |'
    )
  })

  it('renders the table per N and the budget, SageMaker without a published quota', () => {
    const table = fleetTable([f])
    expect(table).toContain('| Deployed | 2 (1–2) of 2 |')
    expect(table).toContain('| Simulated duration, first start to last exit | 20.0 min |')
    expect(table).toContain('| Real duration of the run | 98 s (97 s–101 s) |')
    expect(table).toContain('| `sagemaker:Describe*` busiest second (benchmark rate 10/s) | 9 |')
    expect(table).toContain(
      '| `cloudwatch:DescribeAlarms` busiest second while watching | 4 (4–10) |'
    )
    const rows = budget(runs)
    expect(rows.find(r => r.action === 'cloudwatch:DescribeAlarms')).toMatchObject({
      perMinute: { median: 3, min: 3, max: 3 },
      quota: 9,
      rollouts: 180
    })
    const text = budgetTable(rows)
    expect(text).toContain('| `cloudwatch:PutMetricAlarm` | 2 | 0.33 | 3/s | 540 |')
    expect(text).toContain('| `sagemaker:DescribeEndpoint` | 36 | 6.00 | not published | — |')
  })
})
