import { describe, it, expect } from '@jest/globals'
import {
  callRate,
  combinedRate,
  detectingPoll,
  latency,
  median,
  overhead,
  parseTimeVerbose,
  ratio,
  repeatSeed,
  summarize,
  type CallLike
} from '../../scripts/lib/bench-stats.js'

const T0 = 1_800_000_000_000

/**
 * A call answered `s` simulated seconds after T0; on stepped time the real clock runs apart from
 * the simulated one (here 20 real ms per simulated second, any pace would do).
 */
const call = (operation: string, s: number, service = 'sagemaker'): CallLike => ({
  service,
  operation,
  simulatedTime: T0 + s * 1000,
  realTime: T0 + s * 20
})

describe('median, summarize, ratio', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([7])).toBe(7)
  })

  it('refuses an empty list', () => {
    expect(() => median([])).toThrow('median of no values')
  })

  it('does not reorder its input', () => {
    const values = [3, 1, 2]
    median(values)
    expect(values).toEqual([3, 1, 2])
  })

  it('summarizes median, min, max and count', () => {
    expect(summarize([30, 10, 20, 50])).toEqual({ median: 25, min: 10, max: 50, n: 4 })
  })

  it('divides, and gives NaN for a zero or missing denominator', () => {
    expect(ratio(70, 28)).toBe(2.5)
    expect(ratio(1, 0)).toBeNaN()
    expect(ratio(1, Number.NaN)).toBeNaN()
  })
})

describe('repeatSeed', () => {
  it('is the same for the same label and run, and differs between runs and labels', () => {
    expect(repeatSeed('fleet-001-ep', 1)).toBe(repeatSeed('fleet-001-ep', 1))
    const seeds = ['fleet-001-ep', 'fleet-002-ep'].flatMap(label =>
      [1, 2, 3].map(run => repeatSeed(label, run))
    )
    expect(new Set(seeds).size).toBe(6)
    for (const seed of seeds)
      expect(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32).toBe(true)
  })
})

describe('parseTimeVerbose', () => {
  const report = [
    '\tCommand being timed: "node dist/index.js"',
    '\tUser time (seconds): 0.06',
    '\tElapsed (wall clock) time (h:mm:ss or m:ss): 0:00.08',
    '\tMaximum resident set size (kbytes): 51234',
    '\tAverage resident set size (kbytes): 0',
    '\tExit status: 1'
  ].join('\n')

  it('reads the maximum resident set size (KiB) and the exit status', () => {
    expect(parseTimeVerbose(report)).toEqual({ maxRssKiB: 51234, exitStatus: 1 })
  })

  it('reads the line after whatever the program printed on stderr', () => {
    expect(parseTimeVerbose(`::error::oops\n${report}`).maxRssKiB).toBe(51234)
  })

  it('reads the wrapper line without an exit status', () => {
    expect(parseTimeVerbose('\nMaximum resident set size (kbytes): 40000\n')).toEqual({
      maxRssKiB: 40000
    })
  })

  it('says so when the report has no RSS line (BSD time, no -v)', () => {
    expect(() => parseTimeVerbose('0.08 real 0.06 user')).toThrow(/Maximum resident set size/)
  })
})

describe('figures from the call and event logs', () => {
  // Pre-flight, launch at 0 s, polls every 10 s, alarms every other poll, the end at 125 s.
  const calls: CallLike[] = [
    call('DescribeEndpoint', -2),
    call('PutMetricAlarm', -1, 'cloudwatch'),
    call('UpdateEndpoint', 0),
    ...Array.from({ length: 13 }, (_, i) => call('DescribeEndpoint', 10 * (i + 1))),
    ...Array.from({ length: 6 }, (_, i) =>
      call('DescribeAlarms', 20 * (i + 1) + 0.2, 'cloudwatch')
    ),
    call('Health', 131, 'emulator'),
    call('GetMetricData', 131, 'cloudwatch')
  ].sort((a, b) => a.simulatedTime - b.simulatedTime)
  const event = { kind: 'completed', simulatedTime: T0 + 125_000 }

  it('finds the first DescribeEndpoint at or after the event', () => {
    expect(detectingPoll(calls, event)?.simulatedTime).toBe(T0 + 130_000)
    expect(detectingPoll(calls, { ...event, simulatedTime: T0 + 130_000 })?.simulatedTime).toBe(
      T0 + 130_000
    )
    expect(detectingPoll(calls, { ...event, simulatedTime: T0 + 999_000 })).toBeUndefined()
  })

  it('counts the AWS calls after the launch per simulated minute up to the detecting poll', () => {
    const rate = callRate(calls, T0 + 120_000)
    expect(rate?.calls).toBe(13 + 6 + 1)
    expect(rate?.byOperation).toEqual({ DescribeEndpoint: 13, DescribeAlarms: 6, GetMetricData: 1 })
    expect(rate?.minutes).toBe(2)
    expect(rate?.perMinute).toBe(10)
  })

  it('has no rate without a launch call', () => {
    expect(callRate([call('DescribeEndpoint', 1)], T0 + 60_000)).toBeUndefined()
  })

  it('combines runs as total calls over total minutes, not as a mean of rates', () => {
    const a = { calls: 12, byOperation: {}, minutes: 1, perMinute: 12 }
    const b = { calls: 30, byOperation: {}, minutes: 5, perMinute: 6 }
    expect(combinedRate([a, b])).toBe(7)
  })

  it('measures detection and exit in simulated time, and the work after the detecting poll in real time', () => {
    // The exit comes 60 simulated s after the poll (the metrics wait), 90 real ms after it.
    const exit = { simulatedTime: T0 + 190_000, realTime: T0 + 130 * 20 + 90 }
    const l = latency(calls, event, exit)
    expect(l).toEqual({ detectSimMs: 5000, exitSimMs: 65_000, finishRealMs: 90 })
  })

  it('adds the real start and finish work to the simulated wait for the detecting poll', () => {
    const exit = { simulatedTime: T0 + 190_000, realTime: T0 + 130 * 20 + 90 }
    const l = latency(calls, event, exit)!
    // The process started 300 real ms before the launch call was answered.
    const o = overhead(calls, T0 - 300, l)
    expect(o?.startRealMs).toBe(300)
    // The verdict on a real clock: 300 ms of start, the 5 s wait for the poll, 90 ms of finish;
    // the metrics wait after it is not part of the verdict's delay.
    expect(o?.beyondRealWorldMs).toBe(300 + 5000 + 90)
  })

  it('has no overhead without a launch call', () => {
    const l = latency(calls, event, { simulatedTime: T0 + 190_000, realTime: T0 })!
    expect(overhead([call('DescribeEndpoint', 130)], T0, l)).toBeUndefined()
  })

  it('has no latency when no poll saw the event', () => {
    const late = { ...event, simulatedTime: T0 + 999_000 }
    expect(latency(calls, late, { simulatedTime: 0, realTime: 0 })).toBeUndefined()
  })
})
