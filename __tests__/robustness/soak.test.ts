// The lab under a throttling soak: 30% of calls throttled and 5% of connections dropped, from
// the first call of Model A on. The SDK's retries and the loop's own budget of failed polls
// must still give the right verdicts: B rolled back by the 5XX alarm, E deployed.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { CallRecord, Emulator } from '../../emulator/index.js'
import { LAB_ERROR_ALARM } from '../../scripts/lib/lab.js'
import { labEmulator, runStep, SHORT_TIMINGS, step, trafficSteps } from '../e2e/helpers.js'
import { isThrottled } from './helpers.js'

type Run = Awaited<ReturnType<typeof runStep>> & { calls: CallRecord[] }

describe('throttling soak: 30% throttled, 5% dropped', () => {
  let emulator: Emulator
  const runs: Record<string, Run> = {}

  const run = async (name: 'Model A' | 'Model B' | 'Model E'): Promise<Run> => {
    const from = emulator.calls().length
    // Three-minute bakes (E retains B's policy): a poll the SDK retries for a few real seconds
    // must not swallow a whole step.
    const result = await runStep(
      emulator,
      step(name),
      name === 'Model B' ? { inputs: { 'wait-interval': '180' } } : {}
    )
    return { ...result, calls: emulator.calls().slice(from) }
  }

  beforeAll(async () => {
    // At 90x with short timings and long bakes: the SDK's retries of real seconds stay shorter
    // than a step.
    // The clock still squeezes the minutes an alarm stays in ALARM into seconds, shorter than
    // those retries, so a poll may never see it: the alarm is named from FailureReason here, with
    // the emulator's own (assumed) text. Without it, naming would need the alarm's history.
    emulator = await labEmulator(
      {
        ...SHORT_TIMINGS,
        assumeRollbackFailureReason: true,
        faults: [{ operation: '*', throttleRate: 0.3, dropRate: 0.05 }]
      },
      90
    )
    runs.A = await run('Model A')
    runs.B = await run('Model B')
    emulator.advance(180)
    runs.E = await run('Model E')
  }, 120_000)
  afterAll(() => emulator.close())

  it('really ran under faults: throttled and dropped calls in every run', () => {
    for (const name of ['A', 'B', 'E']) {
      const calls = runs[name]!.calls
      expect({ name, throttled: calls.filter(isThrottled).length > 0 }).toEqual({
        name,
        throttled: true
      })
    }
    const all = Object.values(runs).flatMap(r => r.calls)
    expect(all.filter(isThrottled).length / all.length).toBeGreaterThan(0.15)
    expect(all.filter(c => c.status === 0 && /dropped/.test(c.error ?? '')).length).toBeGreaterThan(
      0
    )
  })

  it('Model A is deployed', () => {
    expect(runs.A!.outputs.outcome).toBe('deployed')
    expect(runs.A!.code).toBe(0)
  })

  it('Model B is rolled back, naming the alarm, with exactly one update', () => {
    const b = runs.B!
    expect(b.outputs.outcome).toBe('rolled-back')
    expect(b.code).toBe(1)
    // Named in the error, the failure reason and the summary. (`triggered-alarms` lists only
    // alarms a poll saw in ALARM: with SDK retries of several real seconds at 60x, the alarm can
    // fire and clear between two polls, so it is not asserted here.)
    expect(b.stdout).toMatch(new RegExp(`::error::Rolled back:.*${LAB_ERROR_ALARM}`))
    expect(b.outputs['failure-reason']).toContain(LAB_ERROR_ALARM)
    expect(b.summary).toContain('Rolled back')
    expect(b.summary).toContain(LAB_ERROR_ALARM)
    const updates = b.calls.filter(c => c.operation === 'UpdateEndpoint' && c.status === 200)
    expect(updates).toHaveLength(1)
    expect(b.calls.filter(c => c.operation.startsWith('Delete'))).toEqual([])
  })

  it('Model E is deployed with the full traffic table, with exactly one update', () => {
    const e = runs.E!
    expect(e.outputs.outcome).toBe('deployed')
    expect(e.code).toBe(0)
    expect(trafficSteps(e).map(s => s.greenPercent)).toEqual([0, 25, 50, 75, 100, 100])
    expect(e.calls.filter(c => c.operation === 'UpdateEndpoint' && c.status === 200)).toHaveLength(
      1
    )
  })

  it('lost polls are logged as retries, never as a verdict', () => {
    for (const r of [runs.B!, runs.E!]) {
      // Each failed poll the loop saw is reported as retried; none ended the run.
      expect(r.stdout).not.toMatch(/polls in a row failed/)
    }
  })
})
