// The reference lab end to end: the committed bundle as a child process, the real SDK clients,
// the emulator speaking the services' wire protocols.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { DEFAULT_SCENARIO, type Emulator } from '../../emulator/index.js'
import { NODE_24, runAction, SYSTEM_NODE } from '../../scripts/lib/action-runner.js'
import { LAB_ERROR_ALARM, labModel } from '../../scripts/lib/lab.js'
import { firstStepRow, labEmulator, liveModelA, runStep, step, trafficSteps } from './helpers.js'

describe('the lab: A serves, B is rolled back by the 5XX alarm, E reaches 100%', () => {
  let emulator: Emulator
  const results: Record<string, Awaited<ReturnType<typeof runStep>>> = {}

  beforeAll(async () => {
    emulator = await labEmulator()
    results.A = await runStep(emulator, step('Model A'))
    results.B = await runStep(emulator, step('Model B'))
    emulator.advance(180) // the retry comes later; the alarm is OK again by then
    results.E = await runStep(emulator, step('Model E'))
  }, 90_000)
  afterAll(() => emulator.close())

  it('Model A creates the endpoint and passes', () => {
    const a = results.A!
    expect(a.code).toBe(0)
    expect(a.outputs.outcome).toBe('deployed')
    expect(a.mutating).toEqual([
      'PutMetricAlarm',
      'PutMetricAlarm',
      'CreateModel',
      'CreateEndpointConfig',
      'CreateEndpoint'
    ])
    expect(a.outputs['previous-endpoint-config-name']).toBe('')
    expect(a.summary).toMatch(/No traffic shift/i)
  })

  it('Model B is rolled back, the job fails and names the alarm', () => {
    const b = results.B!
    expect(b.code).toBe(1)
    expect(b.outputs.outcome).toBe('rolled-back')
    expect(b.outputs['triggered-alarms']).toBe(LAB_ERROR_ALARM)
    expect(b.stdout).toMatch(new RegExp(`::error::Rolled back:.*${LAB_ERROR_ALARM}`))
    expect(b.summary).toContain('❌ Rolled back')
    expect(b.summary).toContain(LAB_ERROR_ALARM)
    expect(b.summary).toMatch(firstStepRow())
    const steps = trafficSteps(b)
    expect(steps[0]).toMatchObject({ bluePercent: 100, greenPercent: 0 })
    expect(steps.some(s => s.greenPercent === 25)).toBe(true)
    expect(steps.at(-1)).toMatchObject({ bluePercent: 100, greenPercent: 0 })
    expect(steps.every(s => s.greenPercent < 100)).toBe(true)
    // Exactly one update, and nothing deleted.
    expect(b.mutating.filter(op => op === 'UpdateEndpoint')).toHaveLength(1)
    expect(b.mutating.filter(op => op.startsWith('Delete'))).toEqual([])
    expect(b.outputs['endpoint-config-name']).not.toBe(b.outputs['previous-endpoint-config-name'])
  })

  it('Model E is retried with the retained config and reaches 100%', () => {
    const e = results.E!
    expect(e.code).toBe(0)
    expect(e.outputs.outcome).toBe('deployed')
    expect(trafficSteps(e).map(s => s.greenPercent)).toEqual([0, 25, 50, 75, 100, 100])
    const update = emulator
      .calls()
      .filter(c => c.operation === 'UpdateEndpoint')
      .at(-1)?.params as Record<string, unknown>
    expect(update).toEqual({
      EndpointName: 'lab-endpoint',
      EndpointConfigName: e.outputs['endpoint-config-name'],
      RetainDeploymentConfig: true
    })
    expect(e.summary).toContain('✅ Deployed')
  })

  it('the table times come from the service clock (provisioning, then one step a minute)', () => {
    const steps = trafficSteps(results.E!)
    const offsets = steps.map(s => s.offsetSeconds)
    const provisioning = DEFAULT_SCENARIO.provisioningSeconds
    expect(offsets[1]).toBeGreaterThanOrEqual(provisioning - 5)
    expect(offsets[1]).toBeLessThanOrEqual(provisioning + 15)
    expect(offsets[4]! - offsets[1]!).toBeGreaterThanOrEqual(180)
  })
})

describe('the bundle on both Node versions', () => {
  for (const [label, node] of [
    ['Node 20', SYSTEM_NODE],
    ['Node 24', NODE_24]
  ] as const) {
    it(`${label}: no inputs at all exits 1 naming endpoint-name`, async () => {
      const r = await runAction({ inputs: {}, noDefaults: true, node })
      expect(r.code).toBe(1)
      expect(r.stdout).toMatch(/::error::.*Input "endpoint-name" is required/)
    })
  }

  it('Node 24 runs the lab: B rolled back, E deployed', async () => {
    const emulator = await labEmulator()
    try {
      await runStep(emulator, step('Model A'), { node: NODE_24 })
      const b = await runStep(emulator, step('Model B'), { node: NODE_24 })
      expect(b.outputs.outcome).toBe('rolled-back')
      expect(b.code).toBe(1)
      emulator.advance(180)
      const e = await runStep(emulator, step('Model E'), { node: NODE_24 })
      expect(e.outputs.outcome).toBe('deployed')
      expect(e.code).toBe(0)
    } finally {
      await emulator.close()
    }
  }, 60_000)
})

describe('canary', () => {
  it('one canary instance, then all: deployed', async () => {
    const emulator = await labEmulator()
    try {
      await liveModelA(emulator)
      const r = await runStep(emulator, step('Model E'), {
        inputs: {
          'retain-deployment-config': 'false',
          'traffic-routing': 'canary',
          'step-size': '1',
          'wait-interval': '120',
          'model-data-url': labModel('e')
        }
      })
      expect(r.outputs.outcome).toBe('deployed')
      expect(trafficSteps(r).map(s => s.greenPercent)).toEqual([0, 25, 100, 100])
      const update = emulator.calls().filter(c => c.operation === 'UpdateEndpoint')[0]?.params as {
        DeploymentConfig: { BlueGreenUpdatePolicy: { TrafficRoutingConfiguration: unknown } }
      }
      expect(update.DeploymentConfig.BlueGreenUpdatePolicy.TrafficRoutingConfiguration).toEqual({
        Type: 'CANARY',
        WaitIntervalInSeconds: 120,
        CanarySize: { Type: 'INSTANCE_COUNT', Value: 1 }
      })
    } finally {
      await emulator.close()
    }
  }, 60_000)
})
