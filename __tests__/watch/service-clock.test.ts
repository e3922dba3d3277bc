// The service's clock as the polls see it: which samples count, the rate against the local clock
// (1 against AWS, faster against an accelerated emulator) and the service's "now" estimated from it.
import { describe, expect, it } from '@jest/globals'
import { T0 } from '../../__fixtures__/observations.js'
import { sampleServiceClock, serviceNow, serviceRate } from '../../src/watch/service-clock.js'
import type { ServiceClock } from '../../src/types.js'

/** Local clock: an arbitrary origin far from the service's. */
const L0 = 5_000_000

describe('sampleServiceClock', () => {
  it('a poll with no service time starts an empty clock at the local time', () => {
    for (const service of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(sampleServiceClock(undefined, L0, service)).toEqual({
        firstLocal: L0,
        firstService: 0,
        lastLocal: L0,
        lastService: 0
      })
    }
  })

  it('a poll with no service time leaves a running clock as it was', () => {
    const clock = { firstLocal: L0, firstService: T0, lastLocal: L0 + 1000, lastService: T0 + 900 }
    for (const service of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(sampleServiceClock(clock, L0 + 2000, service)).toEqual(clock)
    }
  })

  it('the first service time seen is both the first and the last sample', () => {
    expect(sampleServiceClock(undefined, L0, T0)).toEqual({
      firstLocal: L0,
      firstService: T0,
      lastLocal: L0,
      lastService: T0
    })
    // Earlier polls that showed no service time do not count as the first sample.
    const empty = sampleServiceClock(undefined, L0, 0)
    expect(sampleServiceClock(empty, L0 + 500, T0)).toEqual({
      firstLocal: L0 + 500,
      firstService: T0,
      lastLocal: L0 + 500,
      lastService: T0
    })
  })

  it('a later poll moves the last sample; the service time never goes back', () => {
    const first = sampleServiceClock(undefined, L0, T0)
    const second = sampleServiceClock(first, L0 + 1000, T0 + 60_000)
    expect(second).toEqual({
      firstLocal: L0,
      firstService: T0,
      lastLocal: L0 + 1000,
      lastService: T0 + 60_000
    })
    // A poll whose latest timestamp is older (an alarm that has not moved, say).
    expect(sampleServiceClock(second, L0 + 2000, T0 + 30_000)).toEqual({
      firstLocal: L0,
      firstService: T0,
      lastLocal: L0 + 2000,
      lastService: T0 + 60_000
    })
  })
})

describe('serviceRate', () => {
  const clock = (local: number, service: number): ServiceClock => ({
    firstLocal: L0,
    firstService: T0,
    lastLocal: L0 + local,
    lastService: T0 + service
  })

  it('is the service milliseconds per local millisecond between the first and the last poll', () => {
    expect(serviceRate(clock(1000, 60_000))).toBe(60)
    expect(serviceRate(clock(200, 300))).toBe(1.5)
  })

  it('is never below 1 (AWS runs at our pace; a late timestamp is not a slow clock)', () => {
    expect(serviceRate(clock(10_000, 4000))).toBe(1)
  })

  it('is 1 with no clock, no service time, a watch under 200 ms or no service time elapsed', () => {
    expect(serviceRate(undefined)).toBe(1)
    expect(
      serviceRate({ firstLocal: L0, firstService: 0, lastLocal: L0 + 1000, lastService: T0 })
    ).toBe(1)
    expect(serviceRate(clock(199, 60_000))).toBe(1)
    expect(serviceRate(clock(0, 60_000))).toBe(1)
    expect(serviceRate(clock(1000, 0))).toBe(1)
  })
})

describe('serviceNow', () => {
  it('is the last service time plus the local time since, at the service rate', () => {
    const accelerated = {
      firstLocal: L0,
      firstService: T0,
      lastLocal: L0 + 1000,
      lastService: T0 + 60_000
    }
    expect(serviceNow(accelerated, L0 + 1500)).toBe(T0 + 90_000)
    const aws = { firstLocal: L0, firstService: T0, lastLocal: L0 + 1000, lastService: T0 + 1000 }
    expect(serviceNow(aws, L0 + 1500)).toBe(T0 + 1500)
  })

  it('is unknown before any poll showed a service time', () => {
    expect(serviceNow(undefined, L0)).toBeUndefined()
    expect(serviceNow(sampleServiceClock(undefined, L0, 0), L0 + 1000)).toBeUndefined()
  })
})
