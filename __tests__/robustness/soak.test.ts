// The lab under a throttling soak: 30% of calls throttled and 5% of connections dropped, from
// the first call of Model A on, through the whole lab at its realistic timings (B and E with
// three-minute bakes: about 70 simulated minutes, some 700 calls). The SDK's retries and the loop's
// own budget of failed polls must still give the right verdicts: B rolled back by the 5XX alarm,
// E deployed. On stepped time the faults fall on the same calls in every run (the emulator's seeded
// gate, the action's seeded jitter), so the counts below are exact.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { CallRecord, Emulator } from '../../emulator/index.js'
import { LAB_ERROR_ALARM } from '../../scripts/lib/lab.js'
import { labEmulator, runStep, step, trafficSteps } from '../e2e/helpers.js'
import { isThrottled } from './helpers.js'

type Run = Awaited<ReturnType<typeof runStep>> & { calls: CallRecord[] }

const isDropped = (c: CallRecord): boolean => c.status === 0 && /dropped/.test(c.error ?? '')

describe('throttling soak: 30% throttled, 5% dropped', () => {
  let emulator: Emulator
  const runs: Record<string, Run> = {}

  const run = async (name: 'Model A' | 'Model B' | 'Model E'): Promise<Run> => {
    const from = emulator.calls().length
    // Three-minute bakes (E retains B's policy): a longer soak, more polls under faults.
    const result = await runStep(
      emulator,
      step(name),
      name === 'Model B' ? { inputs: { 'wait-interval': '180' } } : {}
    )
    return { ...result, calls: emulator.calls().slice(from) }
  }

  beforeAll(async () => {
    emulator = await labEmulator({
      faults: [{ operation: '*', throttleRate: 0.3, dropRate: 0.05 }]
    })
    runs.A = await run('Model A')
    runs.B = await run('Model B')
    emulator.advance(180) // the retry comes later; the alarm is OK again by then
    runs.E = await run('Model E')
  }, 120_000)
  afterAll(() => emulator.close())

  it('really ran under faults: throttled and dropped calls in every run', () => {
    const faults = Object.fromEntries(
      Object.entries(runs).map(([name, r]) => [
        name,
        {
          calls: r.calls.length,
          throttled: r.calls.filter(isThrottled).length,
          dropped: r.calls.filter(isDropped).length
        }
      ])
    )
    expect(faults).toEqual({
      A: { calls: 153, throttled: 49, dropped: 4 },
      B: { calls: 191, throttled: 54, dropped: 13 },
      E: { calls: 348, throttled: 105, dropped: 18 }
    })
  })

  it('Model A is deployed', () => {
    expect(runs.A!.outputs.outcome).toBe('deployed')
    expect(runs.A!.code).toBe(0)
    // Creation takes the scenario's 10 minutes.
    expect(trafficSteps(runs.A!).map(s => [s.offsetSeconds, s.greenPercent])).toEqual([
      [0, 0],
      [600, 100]
    ])
  })

  it('Model B is rolled back, naming the alarm, with exactly one update', () => {
    const b = runs.B!
    expect(b.outputs.outcome).toBe('rolled-back')
    expect(b.code).toBe(1)
    // Named in the error, the failure reason, the triggered alarms and the summary.
    expect(b.stdout).toContain(
      `::error::Rolled back: SageMaker rolled back to lab-endpoint-a1a1a1a-1001-1: alarm ${LAB_ERROR_ALARM} went into ALARM.`
    )
    expect(b.outputs['failure-reason']).toBe(
      `Rolled back: alarm ${LAB_ERROR_ALARM} went into ALARM.`
    )
    expect(b.outputs['triggered-alarms']).toBe(LAB_ERROR_ALARM)
    expect(b.summary).toContain('Rolled back')
    expect(b.summary).toContain(LAB_ERROR_ALARM)
    // Green takes 25 % after its 480 s of provisioning; the alarm rolls it back in that bake.
    expect(trafficSteps(b).map(s => [s.offsetSeconds, s.bluePercent, s.greenPercent])).toEqual([
      [0, 100, 0],
      [480, 75, 25],
      [581, 100, 0]
    ])
    const updates = b.calls.filter(c => c.operation === 'UpdateEndpoint')
    expect(updates.map(c => c.status)).toEqual([200])
    expect(b.calls.filter(c => c.operation.startsWith('Delete'))).toEqual([])
  })

  it('Model E is deployed with the full traffic table, with exactly one update', () => {
    const e = runs.E!
    expect(e.outputs.outcome).toBe('deployed')
    expect(e.code).toBe(0)
    // 25 % more after each 180 s bake (and 5 s of activation), then 180 s at 100 % and 120 s
    // of decommissioning.
    expect(trafficSteps(e).map(s => [s.offsetSeconds, s.greenPercent])).toEqual([
      [0, 0],
      [485, 25],
      [665, 50],
      [850, 75],
      [1035, 100],
      [1340, 100]
    ])
    // Throttled once (not applied: the action read the endpoint, then sent it again), then applied.
    expect(e.stdout).toContain(
      '::warning::UpdateEndpoint failed: ThrottlingException: Rate exceeded Reading the endpoint to see whether the request was applied.'
    )
    expect(e.calls.filter(c => c.operation === 'UpdateEndpoint').map(c => c.status)).toEqual([
      400, 200
    ])
  })

  it('lost polls are logged as retries, never as a verdict', () => {
    const failedPolls = (r: Run): string[] =>
      r.stdout.split('\n').filter(line => / poll failed: /.test(line))
    expect(failedPolls(runs.B!)).toEqual([
      '[T+0] poll failed: DescribeEndpoint failed: ThrottlingException: Rate exceeded (retrying)',
      '[T+9 min 41 s] poll failed: DescribeEndpoint failed: ThrottlingException: Rate exceeded (retrying)'
    ])
    expect(failedPolls(runs.E!)).toEqual([
      '[T+0] poll failed: DescribeEndpoint failed: ThrottlingException: Rate exceeded (retrying)',
      '[T+14 min 10 s] poll failed: DescribeEndpoint failed: ThrottlingException: Rate exceeded (retrying)',
      '[T+14 min 15 s] poll failed: DescribeEndpoint failed: ThrottlingException: Rate exceeded (retrying)',
      '[T+17 min 20 s] poll failed: DescribeEndpoint failed: NoAnswer: no complete answer within 30 s (retrying)'
    ])
    for (const r of [runs.B!, runs.E!]) expect(r.stdout).not.toMatch(/polls in a row failed/)
  })
})
