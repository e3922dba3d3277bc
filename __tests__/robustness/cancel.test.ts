// Cancellation mid-shift, as GitHub does it: SIGINT to the action's process while it watches a
// long bake. It must stop within 5 s, write outputs and summary with the last known state, say
// that SageMaker continues and how to resume, exit non-zero, and change nothing after the signal.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { CallRecord, Emulator } from '../../emulator/index.js'
import { runAction, type ActionResult } from '../../scripts/lib/action-runner.js'
import { labModel } from '../../scripts/lib/lab.js'
import { labEmulator, step, liveModelA } from '../e2e/helpers.js'
import { liveConfig } from './helpers.js'

const SIGNAL_AFTER_MS = 2500

describe('SIGINT mid-shift', () => {
  let emulator: Emulator
  let result: ActionResult
  let calls: CallRecord[]
  let signalAt: number
  let liveAfter: Awaited<ReturnType<typeof liveConfig>>

  beforeAll(async () => {
    emulator = await labEmulator()
    await liveModelA(emulator)
    const from = emulator.calls().length
    // A healthy model with a 10-minute bake per step: the shift is still running at the signal.
    const lab = step('Model E')
    const startedAt = Date.now()
    result = await runAction({
      inputs: {
        ...lab.inputs,
        'model-data-url': labModel('e'),
        'retain-deployment-config': 'false',
        'traffic-routing': 'linear',
        'step-size': '25%',
        'wait-interval': '600'
      },
      env: { ...emulator.env(), ...lab.github, GITHUB_RUN_ID: '7001' },
      signalAfter: { signal: 'SIGINT', ms: SIGNAL_AFTER_MS },
      timeoutMs: 30_000
    })
    // The timer fires no earlier than this: the earliest the signal can have been sent.
    signalAt = startedAt + SIGNAL_AFTER_MS
    calls = emulator.calls().slice(from)
    liveAfter = await liveConfig(emulator, 'lab-endpoint')
  }, 60_000)
  afterAll(() => emulator.close())

  it('exits non-zero within 5 seconds of the signal', () => {
    expect(result.signal).toBeNull()
    expect(result.code).not.toBe(0)
    expect(result.code).not.toBeNull()
    expect(result.exitAfterSignalMs).toBeDefined()
    expect(result.exitAfterSignalMs!).toBeLessThan(5000)
    expect(result.stdout).toMatch(/Received SIGINT/)
  })

  it('the signal came mid-shift: the update had started, and SageMaker continues', () => {
    const update = calls.filter(c => c.operation === 'UpdateEndpoint')
    expect(update).toHaveLength(1)
    expect(update[0]!.status).toBe(200)
    expect(update[0]!.realTime).toBeLessThan(signalAt)
    expect(liveAfter).toEqual({ status: 'Updating', config: 'lab-endpoint-a1a1a1a-1001-1' })
  })

  it('writes the outputs with the last known state, never deployed', () => {
    expect(result.outputs.outcome).toBeDefined()
    expect(result.outputs.outcome).not.toBe('deployed')
    expect(result.outputs.outcome).toBe('failed')
    expect(result.outputs['endpoint-config-name']).toMatch(/^lab-endpoint-/)
    expect(result.outputs['failure-reason']).toMatch(/cancel/i)
  })

  it('writes a summary saying SageMaker continues and how to resume', () => {
    expect(result.summary.trim()).not.toBe('')
    expect(result.summary).toMatch(/may still be running in SageMaker/)
    expect(result.summary).toMatch(/last state: Updating/)
    expect(result.summary).toMatch(/re-run the job/i)
  })

  it('makes no change after the signal, and exactly one UpdateEndpoint', () => {
    const mutating = calls.filter(c => c.mutating)
    expect(mutating.filter(c => c.realTime >= signalAt).map(c => c.operation)).toEqual([])
    expect(mutating.filter(c => c.operation === 'UpdateEndpoint')).toHaveLength(1)
    expect(mutating.filter(c => c.operation.startsWith('Delete'))).toEqual([])
  })
})
