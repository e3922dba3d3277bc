// The service's real-world variants (facts §3): the verdict must be right in every one.
// Model A is live from LAB_START + 11 min; Model B's update request is then T+0 (09:11:05). Green
// takes traffic at T+480 s (09:19:05); its errors reach CloudWatch 1 to 3 minutes late, so the 5XX
// alarm first sees them at the 09:21:00 evaluation (T+595 s), in step 2's bake.
import { describe, expect, it, jest } from '@jest/globals'
import type { Scenario } from '../../emulator/index.js'
import { LAB_ERROR_ALARM } from '../../scripts/lib/lab.js'
import { labEmulator, liveModelA, runStep, step, trafficSteps, withModelA } from './helpers.js'

// A safety net only: on stepped time a run's real duration depends on the machine's load, never
// on what it sees.
jest.setTimeout(600_000)

type Run = Awaited<ReturnType<typeof runStep>>

/** The traffic-steps output as [T+ seconds, blue %, green %, what happened] rows. */
const rows = (r: Run): [number, number, number, string][] =>
  trafficSteps(r).map(s => [s.offsetSeconds, s.bluePercent, s.greenPercent, s.event])

/** The step log's timeline: the lines stamped with a T+ time. */
const timeline = (r: Run): string[] => r.stdout.split('\n').filter(line => line.startsWith('[T'))

const STEP_1 = 'step 1 of 4: 25% shifted to green, alarms monitored'
const STEP_2 = 'step 2 of 4: 50% shifted to green, alarms monitored'
const START = 'deployment starts, green fleet provisioning'
const ROLLED_BACK = `rolled back to blue: alarm ${LAB_ERROR_ALARM} in ALARM`

/**
 * Model B's rows up to the rollback. Its runs here have the same inputs, so the same jitter (the
 * seed comes from the run's identity): no poll falls in step 1's 5 s activation (its row is its
 * bake, T+485 s); step 2's is seen (T+545 s).
 */
const B_SHIFT: [number, number, number, string][] = [
  [0, 100, 0, START],
  [485, 75, 25, STEP_1],
  [545, 50, 50, STEP_2]
]

async function modelB(switches: Partial<Scenario>) {
  const emulator = await labEmulator()
  try {
    await liveModelA(emulator)
    emulator.setScenario(switches)
    return { result: await runStep(emulator, step('Model B')), calls: emulator.calls() }
  } finally {
    await emulator.close()
  }
}

describe('real-world switches', () => {
  it('rollback with an empty FailureReason is still rolled-back, naming the alarm', async () => {
    const { result } = await modelB({ emptyFailureReasonOnRollback: true })
    expect(result.outputs.outcome).toBe('rolled-back')
    expect(result.code).toBe(1)
    expect(result.outputs['triggered-alarms']).toBe(LAB_ERROR_ALARM)
    expect(result.outputs['failure-reason']).toBe(
      `Rolled back: alarm ${LAB_ERROR_ALARM} went into ALARM.`
    )
    expect(rows(result)).toEqual([...B_SHIFT, [595, 100, 0, ROLLED_BACK]])
  })

  it('a transient RollingBack status is waited out, then rolled-back', async () => {
    const { result } = await modelB({ transientRollingBack: true })
    expect(result.outputs.outcome).toBe('rolled-back')
    // RollingBack for the 180 s teardown, then InService on the old config.
    expect(timeline(result)).toEqual([
      '[T+0] endpoint Updating',
      '[T+0] green fleet Creating: Launching 4 instance(s).',
      '[T+8 min 5 s] green fleet Baking (green 25% / blue 75%): Baking for 60 seconds with traffic enabled on 1 instance(s).',
      '[T+9 min 5 s] green fleet ActivatingTraffic (green 50% / blue 50%): Activating traffic on 2 instance(s).',
      '[T+9 min 10 s] green fleet Baking (green 50% / blue 50%): Baking for 60 seconds with traffic enabled on 2 instance(s).',
      '[T+9 min 55 s] endpoint RollingBack: traffic returning to blue',
      '[T+9 min 55 s] green fleet Deleting: Terminating 4 instance(s).',
      `[T+9 min 55 s] alarm ${LAB_ERROR_ALARM}: OK → ALARM (Threshold Crossed: 1 out of the last 1 datapoints [3.076923 (30/11/26 09:19:00)] was greater than the threshold (1.0) (minimum 1 datapoint for OK -> ALARM transition).)`,
      `[T+11 min 55 s] alarm ${LAB_ERROR_ALARM}: ALARM → OK (Threshold Crossed: 1 datapoint [0.0 (30/11/26 09:21:00)] was not greater than the threshold (1.0).)`,
      '[T+12 min 55 s] endpoint InService on lab-endpoint-a1a1a1a-1001-1 (the previous config): rolled back'
    ])
    expect(rows(result)).toEqual([...B_SHIFT, [595, 100, 0, ROLLED_BACK]])
  })

  it('UpdateRollbackFailed fails the job and says the fleets are mixed', async () => {
    const { result } = await modelB({ updateRollbackFailed: true })
    expect(result.outputs.outcome).toBe('failed')
    expect(result.code).toBe(1)
    expect(result.summary).toMatch(/mix of the old and new fleets/)
    // The rollback fails at once, both fleets serving: the last split seen stays.
    expect(rows(result)).toEqual([
      ...B_SHIFT,
      [
        595,
        50,
        50,
        `rollback failed (UpdateRollbackFailed): alarm ${LAB_ERROR_ALARM} in ALARM: old and new fleets both serve (the split is the last one seen)`
      ]
    ])
    // Seen at the first poll after T+595 s: the run ends there.
    expect(result.outputs['duration-seconds']).toBe('602')
  })

  it('top-level config name switching early: still rolled-back, never deployed', async () => {
    const { result } = await modelB({ configNameSwitchesEarly: true })
    expect(result.outputs.outcome).toBe('rolled-back')
    expect(result.code).toBe(1)
    expect(rows(result)).toEqual([...B_SHIFT, [595, 100, 0, ROLLED_BACK]])
  })

  it('top-level config name switching early on a good model: deployed only at the end', async () => {
    const emulator = await labEmulator()
    try {
      await liveModelA(emulator)
      emulator.setScenario({ configNameSwitchesEarly: true })
      const e = await runStep(emulator, step('Model E'), {
        inputs: { 'retain-deployment-config': 'false', 'wait-interval': '60' }
      })
      expect(e.outputs.outcome).toBe('deployed')
      // Never "complete" before InService on the new config, whatever the top level says: T+1100 s
      // = step 4 reaches 100 % at T+675 s, activates 5 s, then the step at 100 % bakes only the
      // derived 300 s final bake (TerminationWaitInSeconds, no 60 s bake) and blue's 120 s
      // decommission: 680 + 300 + 120. The guard watch (300 s from T+680 s) has passed by then.
      // (No poll fell in the 5 s activations of steps 3 and 4: their rows are their bakes.)
      expect(rows(e)).toEqual([
        [0, 100, 0, START],
        [480, 75, 25, STEP_1],
        [545, 50, 50, STEP_2],
        [615, 25, 75, 'step 3 of 4: 75% shifted to green, alarms monitored'],
        [680, 0, 100, 'all traffic on green (step 4 of 4), alarms monitored'],
        [1100, 0, 100, 'complete, blue fleet decommissioned']
      ])
    } finally {
      await emulator.close()
    }
  })

  it('an alarm already in ALARM stops before any change', async () => {
    const emulator = await labEmulator()
    try {
      // Model A's run creates the alarm that is then held in ALARM.
      await withModelA(emulator)
      emulator.setScenario({ alarmsInAlarm: [LAB_ERROR_ALARM] })
      const r = await runStep(emulator, step('Model B'))
      expect(r.outputs.outcome).toBe('failed')
      expect(r.code).toBe(1)
      expect(r.mutating).toEqual([])
      expect(r.outputs['failure-reason']).toBe(
        `Guarding alarm(s) already in ALARM: ${LAB_ERROR_ALARM} (Threshold Crossed: alarm forced into ALARM by the emulator scenario (alarmsInAlarm).). SageMaker would roll the deployment back at once. Fix the cause (or the alarm) first, or set allow-alarm-in-alarm: true.`
      )
      expect(r.outputs['duration-seconds']).toBe('0')
    } finally {
      await emulator.close()
    }
  })
})
