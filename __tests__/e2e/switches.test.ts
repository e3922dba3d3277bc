// The service's real-world variants (facts §3): the verdict must be right in every one.
import { describe, expect, it } from '@jest/globals'
import type { Scenario } from '../../emulator/index.js'
import { LAB_ERROR_ALARM } from '../../scripts/lib/lab.js'
import { labEmulator, liveModelA, runStep, step, trafficSteps, withModelA } from './helpers.js'

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
    expect(result.outputs['failure-reason']).toContain(LAB_ERROR_ALARM)
  }, 60_000)

  it('a transient RollingBack status is waited out, then rolled-back', async () => {
    const { result } = await modelB({ transientRollingBack: true })
    expect(result.outputs.outcome).toBe('rolled-back')
    expect(result.stdout).toMatch(/endpoint RollingBack/)
    expect(trafficSteps(result).at(-1)).toMatchObject({ bluePercent: 100, greenPercent: 0 })
  }, 60_000)

  it('UpdateRollbackFailed fails the job and says the fleets are mixed', async () => {
    const { result } = await modelB({ updateRollbackFailed: true })
    expect(result.outputs.outcome).toBe('failed')
    expect(result.code).toBe(1)
    expect(result.summary).toMatch(/mix of the old and new fleets/)
  }, 60_000)

  it('top-level config name switching early: still rolled-back, never deployed', async () => {
    const { result } = await modelB({ configNameSwitchesEarly: true })
    expect(result.outputs.outcome).toBe('rolled-back')
    expect(result.code).toBe(1)
  }, 60_000)

  it('top-level config name switching early on a good model: deployed only at the end', async () => {
    const emulator = await labEmulator()
    try {
      await liveModelA(emulator)
      emulator.setScenario({ configNameSwitchesEarly: true })
      const e = await runStep(emulator, step('Model E'), {
        inputs: { 'retain-deployment-config': 'false', 'wait-interval': '60' }
      })
      expect(e.outputs.outcome).toBe('deployed')
      expect(trafficSteps(e).map(s => s.greenPercent)).toEqual([0, 25, 50, 75, 100, 100])
    } finally {
      await emulator.close()
    }
  }, 60_000)

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
      expect(r.stdout).toMatch(/already in ALARM.*allow-alarm-in-alarm/)
    } finally {
      await emulator.close()
    }
  }, 60_000)
})
