// Re-runs and repeated steps: never fail on "already exists", attach to this run's own pending
// deployment instead of starting a second one, clean up only what this run created, and refuse
// a busy endpoint without changing anything when asked to.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { CallRecord, Emulator } from '../../emulator/index.js'
import { runAction, type ActionResult } from '../../scripts/lib/action-runner.js'
import { LAB_ENDPOINT, labModel } from '../../scripts/lib/lab.js'
import { labEmulator, liveModelA, runStep, step, trafficSteps, withModelA } from '../e2e/helpers.js'
import { liveConfig } from './helpers.js'

/** A SageMaker call straight to the emulator (JSON 1.1; signatures are not checked). */
async function sagemaker(
  emulator: Emulator,
  operation: string,
  params: Record<string, unknown>
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(emulator.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `SageMaker.${operation}`
    },
    body: JSON.stringify(params)
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

/**
 * Model E with a 10-minute bake per step: long enough to still be running when we look. Its green
 * fleet provisions 480 s, activates traffic 5 s and bakes its first 25 % from T+8 min 5 s; each
 * step after a 600 s bake activates 25 % more (5 s): 50 % at T+18 min 5 s, 75 % at T+28 min 10 s,
 * 100 % at T+38 min 15 s. The step that reaches 100 % bakes no wait-interval, only the final bake:
 * termination-wait is left empty, so it is derived from the created alarms' detection time (60 s
 * period × 1 datapoint + 180 s metric-delay + 60 s evaluation = 300 s). From T+38 min 20 s (after
 * the 5 s activation), 300 s of final bake and 120 s of decommissioning: done at T+45 min 20 s.
 */
function longBakeE(): { inputs: Record<string, string>; github: Record<string, string> } {
  const lab = step('Model E')
  return {
    inputs: {
      ...lab.inputs,
      'model-data-url': labModel('e'),
      'retain-deployment-config': 'false',
      'wait-interval': '600',
      // Polls 5 s apart see every 5-s activation: the table's times do not depend on the jitter.
      'poll-interval': '5'
    },
    github: { ...lab.github }
  }
}

describe('the same step run twice (same run id and attempt) on an existing endpoint', () => {
  let emulator: Emulator
  let second: Awaited<ReturnType<typeof runStep>>
  let calls: CallRecord[]

  beforeAll(async () => {
    emulator = await labEmulator()
    await withModelA(emulator)
    const from = emulator.calls().length
    second = await runStep(emulator, step('Model A'))
    calls = emulator.calls().slice(from)
  }, 300_000)
  afterAll(() => emulator.close())

  it('sees that the endpoint already serves exactly this step, and creates nothing', () => {
    expect(second.code).toBe(0)
    expect(second.outputs.outcome).toBe('deployed')
    expect(second.stdout).not.toMatch(/::error::/)
    expect(second.stdout).toMatch(
      /The endpoint already serves lab-endpoint-a1a1a1a-1001-1, exactly what this step deploys: nothing to do\./
    )
    expect(second.outputs['endpoint-config-name']).toBe('lab-endpoint-a1a1a1a-1001-1')
    // Nothing new was created, nothing deleted, nothing updated.
    expect(calls.filter(c => c.mutating).map(c => c.operation)).toEqual([])
  })

  // The config is already live: a blue/green update from it to itself doubles the fleet for
  // nothing, and its verdict cannot tell a rollback (InService on the old config, which is the
  // same name) from success.
  it('does not start a blue/green update to the config that is already live', () => {
    expect(second.mutating.filter(op => op === 'UpdateEndpoint')).toEqual([])
  })
})

describe('re-run attempt 2 while attempt 1 is still shifting traffic', () => {
  let emulator: Emulator
  let first: ActionResult
  let second: ActionResult
  let secondCalls: CallRecord[]

  beforeAll(async () => {
    emulator = await labEmulator()
    await liveModelA(emulator)
    const e = longBakeE()
    const env = { ...emulator.env(), ...e.github, GITHUB_RUN_ID: '9001' }
    // Attempt 1 starts the update and is cancelled mid-shift (15 simulated minutes in, in the
    // first bake).
    first = await runAction({
      inputs: e.inputs,
      env: { ...env, GITHUB_RUN_ATTEMPT: '1' },
      signalAfter: { signal: 'SIGINT', ms: 15 * 60_000 }
    })
    // Attempt 2 (same run id and commit) starts right after and watches the shift to its end.
    const from = emulator.calls().length
    second = await runAction({ inputs: e.inputs, env: { ...env, GITHUB_RUN_ATTEMPT: '2' } })
    secondCalls = emulator.calls().slice(from)
  }, 300_000)
  afterAll(() => emulator.close())

  it('attempt 1 started the update and stopped without a verdict', () => {
    expect(first.code).toBe(1)
    expect(first.outputs.outcome).toBe('cancelled')
    expect(first.outputs['failure-reason']).toBe('Watching was cancelled.')
    expect(first.outputs['endpoint-config-name']).toBe('lab-endpoint-e5e5e5e-9001-1')
    expect(first.outputs['duration-seconds']).toBe('900')
  })

  it('attempt 2 attaches to the deployment attempt 1 started and says so', () => {
    expect(second.stdout).toContain(
      "Endpoint is Updating with lab-endpoint-e5e5e5e-9001-1, which is exactly this step's deployment (an earlier attempt or copy of it): watching it instead of starting a second one."
    )
  })

  it("attempt 2's table is the whole rollout, from attempt 1's update request", () => {
    expect(trafficSteps(second).map(s => [s.offsetSeconds, s.bluePercent, s.greenPercent])).toEqual(
      [
        [0, 100, 0],
        [485, 75, 25],
        [1085, 50, 50],
        [1690, 25, 75],
        [2295, 0, 100],
        [2720, 0, 100]
      ]
    )
    // Complete at T+45 min 20 s: the 100 % step's 300 s final bake (the derived termination-wait;
    // that step no longer bakes the 600 s wait-interval too) and 120 s of decommissioning. The
    // watch after completion adds nothing: green took all the traffic at T+38 min 15 s, and the
    // alarms' 300 s detection time had passed by T+43 min 15 s, before the completion.
    // It watched from T+15 min (attempt 1's end) to its first poll after the completion: its
    // polls 4.25 to 5 s apart (5 s with up to 15 % less jitter) fell at T+45 min 16.9 s and
    // T+45 min 21.6 s, so 30 min 22 s (1821.6 s, rounded) on the runner's clock.
    expect(second.summary).toContain(
      "Rollout: 45 min 20 s on SageMaker's clock (the T+ times, from the update request) · this step: 30 min 22 s on the runner's clock"
    )
    expect(second.outputs['duration-seconds']).toBe('1822')
  })

  it('attempt 2 makes no UpdateEndpoint, creates nothing, and reports the verdict', () => {
    expect(secondCalls.filter(c => c.mutating).map(c => c.operation)).toEqual([])
    expect(second.code).toBe(0)
    expect(second.outputs.outcome).toBe('deployed')
    expect(second.outputs['endpoint-config-name']).toBe('lab-endpoint-e5e5e5e-9001-1')
    expect(second.summary).toContain('✅ Deployed')
  })

  it('exactly one UpdateEndpoint across both attempts', () => {
    const updates = emulator
      .calls()
      .filter(c => c.operation === 'UpdateEndpoint')
      .map(c => (c.params as { EndpointConfigName?: string }).EndpointConfigName)
    expect(updates).toEqual(['lab-endpoint-e5e5e5e-9001-1'])
  })
})

describe('cleanup-on-failure after a rollback', () => {
  let emulator: Emulator
  let b: Awaited<ReturnType<typeof runStep>>
  let calls: CallRecord[]
  let liveBefore: string | undefined

  beforeAll(async () => {
    emulator = await labEmulator()
    await liveModelA(emulator)
    liveBefore = (await liveConfig(emulator, LAB_ENDPOINT))?.config
    const from = emulator.calls().length
    b = await runStep(emulator, step('Model B'), { inputs: { 'cleanup-on-failure': 'true' } })
    calls = emulator.calls().slice(from)
  }, 300_000)
  afterAll(() => emulator.close())

  it('B is still rolled back and fails the job', () => {
    expect(b.outputs.outcome).toBe('rolled-back')
    expect(b.code).toBe(1)
  })

  it("deletes exactly this run's own endpoint config and model, after the rollback", () => {
    const config = b.outputs['endpoint-config-name']!
    const model = b.outputs['model-name']!
    expect(config).toBe('lab-endpoint-b2b2b2b-1002-1')
    expect(model).toBe('lab-endpoint-b2b2b2b-1002-1')
    const deletes = calls
      .filter(c => c.operation.startsWith('Delete'))
      .map(c => ({ op: c.operation, params: c.params, status: c.status }))
    expect(deletes).toEqual([
      { op: 'DeleteEndpointConfig', params: { EndpointConfigName: config }, status: 200 },
      { op: 'DeleteModel', params: { ModelName: model }, status: 200 }
    ])
    // After the verdict: the deletes are the run's last changes, after its one update.
    const mutating = calls.filter(c => c.mutating).map(c => c.operation)
    expect(mutating.slice(-2)).toEqual(['DeleteEndpointConfig', 'DeleteModel'])
    expect(mutating.indexOf('UpdateEndpoint')).toBeLessThan(
      mutating.indexOf('DeleteEndpointConfig')
    )
  })

  it('the live config and model are untouched and still serve', async () => {
    expect(liveBefore).toBe('lab-endpoint-a1a1a1a-1001-1')
    expect(await liveConfig(emulator, LAB_ENDPOINT)).toEqual({
      status: 'InService',
      config: liveBefore
    })
    const config = await sagemaker(emulator, 'DescribeEndpointConfig', {
      EndpointConfigName: liveBefore
    })
    expect(config.status).toBe(200)
    const model = await sagemaker(emulator, 'DescribeModel', {
      ModelName: 'lab-endpoint-a1a1a1a-1001-1'
    })
    expect(model.status).toBe(200)
    // And B's are gone.
    const gone = await sagemaker(emulator, 'DescribeModel', {
      ModelName: 'lab-endpoint-b2b2b2b-1002-1'
    })
    expect(gone.status).toBe(400)
  })

  it('says what it deleted', () => {
    expect(b.stdout).toMatch(/Cleanup: deleted endpoint config lab-endpoint-b2b2b2b-1002-1/)
    expect(b.stdout).toMatch(/Cleanup: deleted model lab-endpoint-b2b2b2b-1002-1/)
  })
})

describe('cleanup-on-failure whose DeleteEndpointConfig answer is lost', () => {
  let emulator: Emulator
  let b: Awaited<ReturnType<typeof runStep>>

  beforeAll(async () => {
    emulator = await labEmulator()
    await liveModelA(emulator)
    // Deleted, and the connection dropped: the SDK's retry is told the config does not exist.
    emulator.setScenario({
      faults: [{ operation: 'DeleteEndpointConfig', dropAfterApplyRate: 1, times: 1 }]
    })
    b = await runStep(emulator, step('Model B'), { inputs: { 'cleanup-on-failure': 'true' } })
  }, 300_000)
  afterAll(() => emulator.close())

  it('reads before it says: the config is gone, and the model is deleted after it', async () => {
    const name = 'lab-endpoint-b2b2b2b-1002-1'
    expect(b.stdout).toMatch(
      new RegExp(
        `Cleanup: deleted endpoint config ${name} \\(created by this run; the answer was lost: .+ A read shows it gone\\)\\.`
      )
    )
    expect(b.stdout).toContain(`Cleanup: deleted model ${name} (created by this run)`)
    expect(b.stdout).not.toMatch(/Cleanup failed/)
    const config = await sagemaker(emulator, 'DescribeEndpointConfig', { EndpointConfigName: name })
    const model = await sagemaker(emulator, 'DescribeModel', { ModelName: name })
    expect([config.status, model.status]).toEqual([400, 400])
  })
})

describe('a busy endpoint with on-busy: fail', () => {
  let emulator: Emulator
  let started: Awaited<ReturnType<typeof runStep>>
  let busy: Awaited<ReturnType<typeof runStep>>

  beforeAll(async () => {
    emulator = await labEmulator()
    await liveModelA(emulator)
    const e = longBakeE()
    // Another run starts a long update and does not wait for it.
    started = await runStep(emulator, step('Model E'), {
      inputs: { ...e.inputs, wait: 'false' },
      env: { GITHUB_RUN_ID: '9101' }
    })
    busy = await runStep(emulator, step('Model B'), {
      inputs: { 'on-busy': 'fail' },
      env: { GITHUB_RUN_ID: '9102' }
    })
  }, 300_000)
  afterAll(() => emulator.close())

  it('the other run left the endpoint Updating', () => {
    expect(started.outputs.outcome).toBe('started')
    expect(started.code).toBe(0)
  })

  it('fails at once with a clear message and changes nothing', () => {
    expect(busy.code).toBe(1)
    expect(busy.outputs.outcome).toBe('failed')
    const error = busy.stdout.split('\n').find(l => l.startsWith('::error::')) ?? ''
    expect(error).toMatch(
      /Endpoint "lab-endpoint" is Updating \(deploying lab-endpoint-e5e5e5e-9101-1\)/
    )
    expect(error).toMatch(/on-busy: wait/)
    expect(error).toMatch(/Nothing was changed in AWS/)
    expect(busy.mutating).toEqual([])
    // At once: no simulated second passed.
    expect(busy.outputs['duration-seconds']).toBe('0')
  })
})
