// Stepped time (emulator/stepped-time.ts, emulator/action-clock.cjs): a child process on the
// emulator's clock sees simulated time move only while it waits, jump straight to its next timer,
// stand still while it works, and wait on requests the emulator holds; runs are exactly the same
// each time, and the runner's signals arrive at a known simulated moment.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { ROOT, runAction, type RunActionOptions } from '../../scripts/lib/action-runner.js'

const PROBE = join(ROOT, '__tests__', 'emulator', 'fixtures', 'clock-probe.mjs')
const START = Date.UTC(2026, 10, 30, 9, 0, 5)

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator({ timeScale: 'stepped', startTime: START })
})
afterAll(() => emulator.close())

type Step =
  | { sleep: number }
  | { busy: number }
  | { call: string; deadline?: number }
  | { random: true }
  | { unrefTimer: number }
  | { onSignal: true }

/** Runs the probe with these steps; its lines with times made relative to the start (ms). */
async function probe(steps: Step[], options: Partial<RunActionOptions> = {}, on = emulator) {
  const result = await runAction({
    inputs: {},
    noDefaults: true,
    script: PROBE,
    env: { ...on.env(), PROBE: JSON.stringify(steps) },
    ...options
  })
  const start = Number(/^start (\d+)$/m.exec(result.stdout)?.[1])
  const lines = result.stdout
    .trim()
    .split('\n')
    .filter(line => !line.startsWith('date '))
    .map(line => line.replace(/\b1\d{12}\b/g, t => `+${Number(t) - start}`))
  return { ...result, lines }
}

describe('a process on stepped time', () => {
  it('starts at the emulator’s time and jumps to each timer, however long it is', async () => {
    const before = emulator.now()
    const r = await probe([{ sleep: 60_000 }, { sleep: 3_600_000 }, { sleep: 10 }])
    expect(r.lines).toEqual([
      'start +0',
      'slept 60000 +60000',
      'slept 3600000 +3660000',
      'slept 10 +3660010',
      'end +3660010'
    ])
    expect(r.code).toBe(0)
    expect(emulator.now() - before).toBe(3_660_010)
    // An hour and a minute of simulated waiting in real seconds.
    expect(r.durationMs).toBeLessThan(30_000)
  })

  it('stands still while the process works', async () => {
    const r = await probe([{ busy: 300 }, { sleep: 5_000 }, { busy: 300 }])
    expect(r.lines).toEqual([
      'start +0',
      'busy 300 +0',
      'slept 5000 +5000',
      'busy 300 +5000',
      'end +5000'
    ])
  })

  it('answers each request at one simulated instant', async () => {
    const calls = emulator.calls().length
    const r = await probe([
      { call: 'DescribeEndpoint' },
      { sleep: 30_000 },
      { call: 'DescribeEndpoint' }
    ])
    expect(r.lines).toEqual([
      'start +0',
      'answer DescribeEndpoint 400 +0',
      'slept 30000 +30000',
      'answer DescribeEndpoint 400 +30000',
      'end +30000'
    ])
    const times = emulator
      .calls()
      .slice(calls)
      .map(c => c.simulatedTime)
    expect(times[1]! - times[0]!).toBe(30_000)
  })

  it('waits on an answer the emulator holds, until its own deadline fires', async () => {
    const held = await startEmulator({
      timeScale: 'stepped',
      startTime: START,
      scenario: {
        faults: [{ operation: 'DescribeEndpoint', holdRate: 1, holdMs: 120_000, times: 2 }]
      }
    })
    try {
      const r = await probe(
        [
          { call: 'DescribeEndpoint', deadline: 20_000 },
          { call: 'DescribeEndpoint' },
          { call: 'DescribeEndpoint' }
        ],
        {},
        held
      )
      expect(r.lines).toEqual([
        'start +0',
        // Its own deadline, 20 s after the request: simulated, like every timer.
        'failed DescribeEndpoint AbortError +20000',
        // No deadline: the held answer arrives when the emulator lets it go, 120 s later.
        'answer DescribeEndpoint 400 +140000',
        'answer DescribeEndpoint 400 +140000',
        'end +140000'
      ])
    } finally {
      await held.close()
    }
  })

  it('ends as a real process does when only unref’d timers are left', async () => {
    const r = await probe([{ unrefTimer: 1_000 }])
    expect(r.lines).toEqual(['start +0', 'end +0'])
    expect(r.code).toBe(0)
  })

  it('is the same run every time: seeded randomness, the same times', async () => {
    const steps: Step[] = [{ random: true }, { sleep: 1_000 }, { random: true }]
    const first = await probe(steps)
    const second = await probe(steps)
    expect(first.lines[1]).toMatch(/^random 0\.\d+$/)
    expect(first.lines[1]).not.toBe(first.lines[3])
    // Each process has its own seed (the runner's count): two runs differ from each other only there.
    const shape = (lines: string[]) => lines.map(l => l.replace(/^random .*/, 'random'))
    expect(shape(second.lines)).toEqual(shape(first.lines))
  })
})

describe('two processes on one clock', () => {
  it('take turns: time moves only when both wait, each wakes at its own timer', async () => {
    const [a, b] = await Promise.all([
      probe([{ sleep: 10_000 }, { busy: 200 }, { sleep: 10_000 }]),
      probe([{ sleep: 15_000 }, { sleep: 15_000 }])
    ])
    const base = Number(/^start (\d+)$/m.exec(a!.stdout)![1])
    const absolute = (r: typeof a) =>
      r!.stdout
        .trim()
        .split('\n')
        .filter(line => !line.startsWith('date '))
        .map(l => l.replace(/\b1\d{12}\b/g, t => `+${Number(t) - base}`))
    expect(absolute(a)).toEqual([
      'start +0',
      'slept 10000 +10000',
      'busy 200 +10000',
      'slept 10000 +20000',
      'end +20000'
    ])
    // B started at the same simulated instant (neither waited before both had started).
    expect(absolute(b)).toEqual([
      'start +0',
      'slept 15000 +15000',
      'slept 15000 +30000',
      'end +30000'
    ])
  })
})

describe('processes started together', () => {
  it('begin one after the other, in the order they were started, whatever the machine does', async () => {
    for (let round = 0; round < 3; round++) {
      const from = emulator.calls().length
      await Promise.all([
        probe([{ call: 'DescribeEndpoint' }, { call: 'DescribeEndpoint' }]),
        probe([{ call: 'DescribeEndpointConfig' }, { call: 'DescribeEndpointConfig' }]),
        probe([{ call: 'DescribeModel' }])
      ])
      expect(
        emulator
          .calls()
          .slice(from)
          .map(c => c.operation)
      ).toEqual([
        'DescribeEndpoint',
        'DescribeEndpoint',
        'DescribeEndpointConfig',
        'DescribeEndpointConfig',
        'DescribeModel'
      ])
    }
  })

  it('hear the HTTP date of the simulated clock (the SDK corrects its skew from it)', async () => {
    const r = await probe([{ sleep: 86_400_000 }, { call: 'DescribeEndpoint' }])
    const date = /^date (.+)$/m.exec(r.stdout)?.[1]
    const now = Number(/^answer DescribeEndpoint 400 (\d+)$/m.exec(r.stdout)?.[1])
    expect(date).toBe(new Date(Math.floor(now / 1000) * 1000).toUTCString())
  })
})

describe('a test acting on a printed line', () => {
  it('acts before the process’s next request is handled, however the pipes are scheduled', async () => {
    const faults = await startEmulator({ timeScale: 'stepped', startTime: START })
    try {
      const r = await probe(
        [{ sleep: 1_000 }, { call: 'DescribeEndpoint' }, { call: 'DescribeEndpoint' }],
        {
          // The line comes just before the first call: the fault must already apply to it.
          onLine: line => {
            if (line.startsWith('slept'))
              faults.setScenario({
                faults: [{ operation: 'DescribeEndpoint', failRate: 1, times: 1 }]
              })
          }
        },
        faults
      )
      expect(faults.calls().map(c => c.error ?? c.status)).toEqual([
        'ValidationException: Injected fault.',
        'ValidationException: Could not find endpoint "probe".'
      ])
      expect(r.code).toBe(0)
    } finally {
      await faults.close()
    }
  })
})

describe('the runner’s signals on stepped time', () => {
  it('signalAfter: at that simulated moment, while the process waits', async () => {
    const r = await probe([{ onSignal: true }, { sleep: 600_000 }], {
      signalAfter: { signal: 'SIGTERM', ms: 90_000 }
    })
    expect(r.lines).toEqual(['start +0', 'signal +90000'])
  })

  it('signalOn: at the process’s next wait after the line', async () => {
    const r = await probe(
      [{ onSignal: true }, { sleep: 5_000 }, { sleep: 5_000 }, { sleep: 5_000 }],
      {
        signalOn: { signal: 'SIGTERM', line: /^slept 5000/ }
      }
    )
    expect(r.lines).toEqual(['start +0', 'slept 5000 +5000', 'signal +5000'])
  })

  it('signalWhen: checked each time everything waits', async () => {
    const from = emulator.calls().length
    const r = await probe(
      [
        { onSignal: true },
        { call: 'DescribeEndpoint' },
        { sleep: 1_000 },
        { call: 'DescribeEndpoint' },
        { sleep: 60_000 }
      ],
      {
        signalWhen: {
          signal: 'SIGTERM',
          when: () => emulator.calls().length - from >= 2
        }
      }
    )
    expect(r.lines).toEqual([
      'start +0',
      'answer DescribeEndpoint 400 +0',
      'slept 1000 +1000',
      'answer DescribeEndpoint 400 +1000',
      'signal +1000'
    ])
  })
})
