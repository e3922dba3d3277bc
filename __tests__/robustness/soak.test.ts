// The lab under a throttling soak: 30% of calls throttled and 5% of connections dropped, from
// the first call of Model A on, through the whole lab at its realistic timings (B and E with
// three-minute bakes, E's final bake the derived 300 s termination wait: about 55 simulated
// minutes, 09:00 to 09:55, some 700 calls). The SDK's retries and the loop's
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
  }, 300_000)
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
    // Pre-flight reads the new model's image and artifact and the account's instance quota (the
    // faults fall on those calls too, drawn call by call from the seeded gate): every run has a
    // few calls more than before, and the faults after them fall elsewhere.
    expect(faults).toEqual({
      A: { calls: 153, throttled: 47, dropped: 4 },
      B: { calls: 196, throttled: 53, dropped: 13 },
      E: { calls: 379, throttled: 111, dropped: 22 }
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
    // Green takes 25 % after its 480 s of provisioning (seen at T+485 s, after its 5 s activation); the
    // alarm rolls it back in that bake. Its 5XX errors reach CloudWatch 1 to 3 minutes late: the
    // first evaluation to see green's errors is T+584 s from the applied update request.
    expect(trafficSteps(b).map(s => [s.offsetSeconds, s.bluePercent, s.greenPercent])).toEqual([
      [0, 100, 0],
      [485, 75, 25],
      [584, 100, 0]
    ])
    // One update, applied (a throttled one read back and sent again is in
    // truth/launch-failures.test.ts; here the faults fall elsewhere).
    expect(b.calls.filter(c => c.operation === 'UpdateEndpoint').map(c => c.status)).toEqual([200])
    expect(b.calls.filter(c => c.operation.startsWith('Delete'))).toEqual([])
  })

  it('Model E is deployed with the full traffic table, with exactly one update', () => {
    const e = runs.E!
    expect(e.outputs.outcome).toBe('deployed')
    expect(e.code).toBe(0)
    // B's policy, retained: its termination-wait was left empty, so derived from the alarms'
    // detection time (60 s × 1 + 180 s metric delay + 60 s evaluation = 300 s).
    expect(e.stdout).toContain(
      "Retained from the endpoint's last deployment: linear, 25% per step, 180 s bake, 300 s final wait, timeout 2820 s; alarms lab-endpoint-5xx-rate, lab-endpoint-model-latency."
    )
    // 25 % more after each 180 s bake (and 5 s of activation). The step that reaches 100 %
    // (T+1035 s) bakes no wait interval, after its 5 s of activation only the 300 s termination
    // wait, then 120 s of decommissioning: complete at 1040 + 300 + 120 = T+1460 s (it was
    // T+1340 s, with 180 s at 100 %). No poll fell in an activation (step 1 is seen at T+485 s).
    expect(trafficSteps(e).map(s => [s.offsetSeconds, s.greenPercent])).toEqual([
      [0, 0],
      [485, 25],
      [665, 50],
      [850, 75],
      [1035, 100],
      [1460, 100]
    ])
    // Green took all the traffic at T+1035 s, 425 s before the completion, more than the 300 s
    // detection time (SageMaker's own final bake covered it): the watch after completion is one
    // read of the alarms, which answered, and no further watch.
    expect(e.stdout).not.toMatch(/no longer watches the alarms|after completion failed/)
    // Applied at the first attempt this time (the faults fall elsewhere).
    expect(e.stdout).not.toMatch(/UpdateEndpoint failed/)
    expect(e.calls.filter(c => c.operation === 'UpdateEndpoint').map(c => c.status)).toEqual([200])
  })

  it('lost polls are logged as retries, never as a verdict', () => {
    const failedPolls = (r: Run): string[] =>
      r.stdout.split('\n').filter(line => / poll failed: /.test(line))
    expect(failedPolls(runs.B!)).toEqual([
      '[T+0] poll failed: DescribeEndpoint failed: ThrottlingException: Rate exceeded (retrying)',
      '[T+8 min 5 s] poll failed: DescribeEndpoint failed: ThrottlingException: Rate exceeded (retrying)'
    ])
    expect(failedPolls(runs.E!)).toEqual([
      '[T+0] poll failed: DescribeEndpoint failed: ThrottlingException: Rate exceeded (retrying)',
      '[T+11 min 10 s] poll failed: DescribeEndpoint failed: ThrottlingException: Rate exceeded (retrying)',
      '[T+17 min 20 s] poll failed: DescribeEndpoint failed: NoAnswer: no complete answer within 30 s (retrying)'
    ])
    for (const r of [runs.B!, runs.E!]) expect(r.stdout).not.toMatch(/polls in a row failed/)
  })
})
