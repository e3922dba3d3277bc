import { describe, expect, it } from '@jest/globals'
import { AwsCallError } from '../../src/aws/errors.js'
import { backoffDelay, withBackoff } from '../../src/aws/retry.js'

const throttled = () => new AwsCallError('PutMetricAlarm', 'Throttling', 'Rate exceeded', 400)

describe('backoffDelay', () => {
  it('doubles from the first delay up to the maximum, half fixed and half random', () => {
    expect([1, 2, 3, 4, 10].map(n => backoffDelay(n, 1000, 20_000, () => 0))).toEqual([
      500, 1000, 2000, 4000, 10_000
    ])
    expect([1, 2, 10].map(n => backoffDelay(n, 1000, 20_000, () => 1))).toEqual([
      1000, 2000, 20_000
    ])
  })
})

describe('withBackoff', () => {
  function clock() {
    let t = 0
    const sleeps: number[] = []
    return {
      now: () => t,
      sleep: async (ms: number) => {
        sleeps.push(ms)
        t += ms
      },
      sleeps
    }
  }

  it('retries transient errors until the call succeeds', async () => {
    const c = clock()
    let calls = 0
    const result = await withBackoff(
      async () => {
        if (++calls < 4) throw throttled()
        return 'ok'
      },
      { withinMs: 60_000, now: c.now, sleep: c.sleep, random: () => 0 }
    )
    expect([result, calls, c.sleeps]).toEqual(['ok', 4, [500, 1000, 2000]])
  })

  it('gives up with the last error once the next pause would pass the window', async () => {
    const c = clock()
    let calls = 0
    await expect(
      withBackoff(
        async () => {
          calls++
          throw throttled()
        },
        { withinMs: 10_000, now: c.now, sleep: c.sleep, random: () => 1, maxDelayMs: 4000 }
      )
    ).rejects.toThrow('PutMetricAlarm failed: Throttling: Rate exceeded')
    // 1 + 2 + 4 = 7 s slept; the next 4 s would end at 11 s > 10 s.
    expect([calls, c.sleeps]).toEqual([4, [1000, 2000, 4000]])
  })

  it('a pause that ends exactly at the window is still taken; the window counts from the first call', async () => {
    const c = clock()
    const start = 1_700_000_000_000
    let calls = 0
    const result = await withBackoff(
      async () => {
        if (++calls < 2) throw throttled()
        return 'ok'
      },
      {
        withinMs: 1000,
        now: () => start + c.now(),
        sleep: c.sleep,
        random: () => 1
      }
    )
    expect([result, calls, c.sleeps]).toEqual(['ok', 2, [1000]])
  })

  it('stops when cancelled during a pause, without calling again', async () => {
    const c = clock()
    let calls = 0
    let cancelled = false
    await expect(
      withBackoff(
        async () => {
          calls++
          throw throttled()
        },
        {
          withinMs: 60_000,
          now: c.now,
          sleep: async ms => {
            await c.sleep(ms)
            cancelled = true
          },
          stopped: () => cancelled
        }
      )
    ).rejects.toThrow('Throttling')
    expect([calls, c.sleeps.length]).toEqual([1, 1])
  })

  it('does not retry what is not retryable, nor after it is stopped', async () => {
    const c = clock()
    let calls = 0
    const refuse = new AwsCallError('PutMetricAlarm', 'InvalidParameterValue', 'bad', 400)
    await expect(
      withBackoff(
        async () => {
          calls++
          throw refuse
        },
        { withinMs: 60_000, now: c.now, sleep: c.sleep }
      )
    ).rejects.toBe(refuse)
    await expect(
      withBackoff(
        async () => {
          calls++
          throw throttled()
        },
        { withinMs: 60_000, now: c.now, sleep: c.sleep, stopped: () => true }
      )
    ).rejects.toThrow('Throttling')
    expect(calls).toBe(2)
  })
})
