// Cancellation mid-shift, as GitHub does it: SIGINT to the action's process while it watches a
// long bake. It must stop at once (the runner kills it seconds later), write outputs and summary
// with the last known state, say that SageMaker continues and how to resume, exit non-zero, and
// change nothing after the signal. On stepped time the signal arrives at an exact simulated moment.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { CallRecord, Emulator } from '../../emulator/index.js'
import { runAction, type ActionResult } from '../../scripts/lib/action-runner.js'
import { labModel } from '../../scripts/lib/lab.js'
import { labEmulator, step, liveModelA, trafficSteps } from '../e2e/helpers.js'
import { liveConfig } from './helpers.js'

/**
 * Simulated: the green fleet takes its first 25 % at T+8 min (480 s provisioning, then 5 s of
 * activating) and bakes it 600 s from T+8 min 5 s, so 15 minutes after the start the shift is
 * mid-way.
 */
const SIGNAL_AFTER_MS = 15 * 60_000

describe('SIGINT mid-shift', () => {
  let emulator: Emulator
  let result: ActionResult
  let calls: CallRecord[]
  let startedAt: number
  let liveAfter: Awaited<ReturnType<typeof liveConfig>>

  beforeAll(async () => {
    emulator = await labEmulator()
    await liveModelA(emulator)
    const from = emulator.calls().length
    // A healthy model with a 10-minute bake per step: the shift is still running at the signal.
    const lab = step('Model E')
    startedAt = emulator.now()
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
      signalAfter: { signal: 'SIGINT', ms: SIGNAL_AFTER_MS }
    })
    calls = emulator.calls().slice(from)
    liveAfter = await liveConfig(emulator, 'lab-endpoint')
  }, 300_000)
  afterAll(() => emulator.close())

  it('exits 1 at the moment of the signal', () => {
    expect(result.signal).toBeNull()
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(
      /^Received SIGINT: stopping \(SageMaker continues on its own\)\.$/m
    )
    // The run ended at the signal, on the simulated clock: it waited for nothing after it.
    expect(result.outputs['duration-seconds']).toBe(String(SIGNAL_AFTER_MS / 1000))
    expect(result.summary).toContain("this step: 15 min on the runner's clock")
  })

  it('the signal came mid-shift: the update had started, and SageMaker continues', () => {
    const update = calls.filter(c => c.operation === 'UpdateEndpoint')
    expect(update.map(c => [c.status, c.simulatedTime - startedAt])).toEqual([[200, 0]])
    // Green had its first 25 %, and no more, when the signal came. The poll at T+8 min 1.4 s
    // (the 10 s interval with its jitter) fell in the 5 s activation: the step's row is its start.
    expect(trafficSteps(result).map(s => [s.offsetSeconds, s.bluePercent, s.greenPercent])).toEqual(
      [
        [0, 100, 0],
        [480, 75, 25]
      ]
    )
    expect(liveAfter).toEqual({ status: 'Updating', config: 'lab-endpoint-a1a1a1a-1001-1' })
  })

  it('writes the outputs with the last known state, never deployed', () => {
    expect(result.outputs.outcome).toBe('cancelled')
    expect(result.outputs['endpoint-config-name']).toBe('lab-endpoint-e5e5e5e-7001-1')
    expect(result.outputs['failure-reason']).toBe('Watching was cancelled.')
  })

  it('writes a summary saying SageMaker continues and how to resume', () => {
    expect(result.summary.split('\n')[0]).toMatch(
      /^## 🛑 Cancelled, SageMaker continues unwatched: \[lab-endpoint\]\(/
    )
    expect(result.summary).toContain(
      'Watching was cancelled. The deployment may still be running in SageMaker (last state: Updating on lab-endpoint-a1a1a1a-1001-1); re-run the job to watch it to the end.'
    )
  })

  it('makes no change after the signal, and exactly one UpdateEndpoint', () => {
    const mutating = calls.filter(c => c.mutating)
    const signalledAt = result.signalledAt!
    expect(mutating.filter(c => c.realTime >= signalledAt).map(c => c.operation)).toEqual([])
    expect(mutating.map(c => c.operation)).toEqual([
      'PutMetricAlarm',
      'PutMetricAlarm',
      'CreateModel',
      'CreateEndpointConfig',
      'UpdateEndpoint'
    ])
  })
})
