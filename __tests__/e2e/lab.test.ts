// The reference lab end to end: the committed bundle as a child process, the real SDK clients,
// the emulator speaking the services' wire protocols.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { DEFAULT_SCENARIO, type Emulator } from '../../emulator/index.js'
import { NODE_24, runAction, SYSTEM_NODE } from '../../scripts/lib/action-runner.js'
import {
  LAB_ENDPOINT,
  LAB_ERROR_ALARM,
  labModel,
  regressionLabStep,
  corruptedLabSteps
} from '../../scripts/lib/lab.js'
import { labEmulator, liveModelA, runStep, step, trafficSteps } from './helpers.js'

// A safety net only: on stepped time a run's real duration depends on the machine's load, never
// on what it sees.
jest.setTimeout(600_000)

type Run = Awaited<ReturnType<typeof runStep>>

/** The traffic-steps output as [T+ seconds, blue %, green %, what happened] rows. */
const rows = (r: Run): [number, number, number, string][] =>
  trafficSteps(r).map(s => [s.offsetSeconds, s.bluePercent, s.greenPercent, s.event])

// The lab's timings (DEFAULT_SCENARIO): green provisions in 480 s, each linear step activates in
// 5 s and bakes 60 s, blue is decommissioned in 120 s after the last bake.
const { provisioningSeconds: P, activatingSeconds: A, decommissionSeconds: D } = DEFAULT_SCENARIO
const STEP = A + 60

/** Model B's run in the lab: rolled back by the 5XX alarm in step 2's bake. */
const B_ROWS: [number, number, number, string][] = [
  [0, 100, 0, 'deployment starts, green fleet provisioning'],
  // No poll fell in step 1's 5 s activation: its row is the start of its bake.
  [P + A, 75, 25, 'step 1 of 4: 25% shifted to green, alarms monitored'],
  [P + STEP, 50, 50, 'step 2 of 4: 50% shifted to green, alarms monitored'],
  // Green's 5XX errors (20 %) reach CloudWatch 1 to 3 minutes late: the first evaluation to see
  // green's first minute (09:18) is at 09:20:00, T+586 s from the update request (09:10:13.718).
  [586, 100, 0, `rolled back to blue: alarm ${LAB_ERROR_ALARM} in ALARM`]
]

/** Model E's run in the lab: four steps a minute apart, then the completion. */
const E_ROWS: [number, number, number, string][] = [
  [0, 100, 0, 'deployment starts, green fleet provisioning'],
  [P, 75, 25, 'step 1 of 4: 25% shifted to green, alarms monitored'],
  [P + STEP, 50, 50, 'step 2 of 4: 50% shifted to green, alarms monitored'],
  [P + 2 * STEP, 25, 75, 'step 3 of 4: 75% shifted to green, alarms monitored'],
  [P + 3 * STEP, 0, 100, 'all traffic on green (step 4 of 4), alarms monitored'],
  // The step at 100 % bakes only the final bake (B's policy, retained: termination-wait derived
  // as the alarms' detection time, 300 s), then the blue fleet is decommissioned.
  [P + 3 * STEP + A + 300 + D, 0, 100, 'complete, blue fleet decommissioned']
]

describe('the lab: A serves, B is rolled back by the 5XX alarm, E reaches 100%', () => {
  let emulator: Emulator
  const results: Record<string, Run> = {}

  beforeAll(async () => {
    emulator = await labEmulator()
    results.A = await runStep(emulator, step('Model A'))
    results.B = await runStep(emulator, step('Model B'))
    emulator.advance(180) // as in the demo: the retry comes 3 minutes later
    results.E = await runStep(emulator, step('Model E'))
  })
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
    // CreateEndpoint: Creating for the scenario's 600 s.
    expect(rows(a)).toEqual([
      [0, 0, 0, 'endpoint creation started'],
      [DEFAULT_SCENARIO.creationSeconds, 0, 100, 'endpoint in service on the new config']
    ])
    // The first 10 s poll after the creation sees it InService.
    expect(a.outputs['duration-seconds']).toBe('609')
  })

  it('Model B is rolled back, the job fails and names the alarm', () => {
    const b = results.B!
    expect(b.code).toBe(1)
    expect(b.outputs.outcome).toBe('rolled-back')
    expect(b.outputs['triggered-alarms']).toBe(LAB_ERROR_ALARM)
    expect(b.stdout).toMatch(new RegExp(`::error::Rolled back:.*${LAB_ERROR_ALARM}`))
    expect(b.summary).toContain('❌ Rolled back')
    expect(b.summary).toContain(LAB_ERROR_ALARM)
    expect(b.summary).toContain(
      '\n| T+8 min 5 s | 75% | 25% | step 1 of 4: 25% shifted to green, alarms monitored |\n'
    )
    expect(rows(b)).toEqual(B_ROWS)
    // The verdict comes with the rollback's end (180 s of teardown, T+766 s), at the next poll.
    expect(b.outputs['duration-seconds']).toBe('774')
    // Exactly one update, and nothing deleted.
    expect(b.mutating.filter(op => op === 'UpdateEndpoint')).toHaveLength(1)
    expect(b.mutating.filter(op => op.startsWith('Delete'))).toEqual([])
    expect(b.outputs['endpoint-config-name']).not.toBe(b.outputs['previous-endpoint-config-name'])
  })

  it('Model E is retried with the retained config and reaches 100%', () => {
    const e = results.E!
    expect(e.code).toBe(0)
    expect(e.outputs.outcome).toBe('deployed')
    expect(rows(e)).toEqual(E_ROWS)
    // The first poll after the completion (T+1100 s) sees it, at T+1101 s. The watch after
    // completion has nothing left to watch: the alarms' 300 s detection time after E took all
    // the traffic ran out during SageMaker's own final bake (the final bake is that long).
    const completion = E_ROWS[5]![0]
    expect(e.outputs['duration-seconds']).toBe(String(completion + 1))
    expect(e.stdout).not.toContain('no longer watches the alarms')
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
    // E's update request: B's run ended at 09:24:07.481 (after its metrics wait), 3 minutes before.
    expect(trafficSteps(results.E!).map(s => [s.offsetSeconds, s.at])).toEqual([
      [0, '2026-11-30T09:27:07.481Z'],
      [480, '2026-11-30T09:35:07.481Z'],
      [545, '2026-11-30T09:36:12.481Z'],
      [610, '2026-11-30T09:37:17.481Z'],
      [675, '2026-11-30T09:38:22.481Z'],
      [1100, '2026-11-30T09:45:27.481Z']
    ])
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
      expect(r.stdout.split('%0A')).toEqual([
        '::error::Input "endpoint-name" is required: the SageMaker endpoint to create or update.',
        'Input "region" is required: set it, or set AWS_REGION or AWS_DEFAULT_REGION (aws-actions/configure-aws-credentials does).',
        'Input "model-data-url" (or "model-package-arn", or "model-name") is required: nothing says what to deploy. Set model-data-url + image-uri + execution-role-arn (a new model from an artifact), model-package-arn + execution-role-arn (a Model Registry package), or model-name alone (an existing model).\n'
      ])
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
      // The same runs as the lab's on the default Node (the seed of their jitter comes from
      // the run's inputs and identity): the same rows.
      expect(rows(b)).toEqual(B_ROWS)
      expect(rows(e)).toEqual(E_ROWS)
    } finally {
      await emulator.close()
    }
  })
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
      // One instance for 120 s, then the rest, which bakes only the final bake (300 s, derived
      // from the alarms' detection time) before blue goes.
      expect(rows(r)).toEqual([
        [0, 100, 0, 'deployment starts, green fleet provisioning'],
        [P, 75, 25, 'step 1 of 2: 25% shifted to green, alarms monitored'],
        [P + A + 120, 0, 100, 'all traffic on green (step 2 of 2), alarms monitored'],
        [P + A + 120 + A + 300 + D, 0, 100, 'complete, blue fleet decommissioned']
      ])
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
  })
})

describe("the demo's model D: fails only at full traffic, no final bake (accepted)", () => {
  it('completes, then the alarm fires: regressed, and the action puts the previous config back', async () => {
    const emulator = await labEmulator()
    try {
      await liveModelA(emulator)
      const d = await runStep(emulator, regressionLabStep())
      expect({ outcome: d.outputs.outcome, code: d.code }).toEqual({
        outcome: 'regressed',
        code: 1
      })
      expect(d.outputs['triggered-alarms']).toBe(LAB_ERROR_ALARM)
      const events = rows(d).map(([, , green, event]) => `${green}%: ${event}`)
      // The step at 100 % is not baked: its row says so, and SageMaker completes.
      // The step at 100 % is not baked: its row says so. The alarm fires while SageMaker
      // terminates the blue fleet, where it no longer rolls back; then the action does.
      const a = `${LAB_ENDPOINT}-a1a1a1a-1001-1`
      expect(events.slice(4)).toEqual([
        '100%: all traffic on green (step 4 of 4), no final bake: SageMaker no longer watches the alarms',
        `100%: alarm ${LAB_ERROR_ALARM} in ALARM: SageMaker did not roll back`,
        `100%: complete, blue fleet decommissioned; rolling back to ${a} (on-regression): all at once`,
        `0%: rolled back by the action: ${a} serves all the traffic`
      ])
      expect(d.summary).toContain('## ❌ Regressed')
      expect(d.mutating.filter(op => op === 'UpdateEndpoint')).toHaveLength(2)
    } finally {
      await emulator.close()
    }
  })
})

describe("the demo's model C: right status codes, wrong answers", () => {
  it('reaches 100 % with the default alarms; restored; with verify-requests SageMaker rolls it back through the gate alarm', async () => {
    const emulator = await labEmulator()
    try {
      await liveModelA(emulator)
      const [plain, restore, gated] = corruptedLabSteps()
      const c = await runStep(emulator, plain!)
      expect(c.outputs.outcome).toBe('deployed')
      expect(c.outputs['triggered-alarms']).toBe('')
      const back = await runStep(emulator, restore!)
      expect(back.outputs.outcome).toBe('deployed')
      expect(back.outputs['endpoint-config-name']).toBe(`${LAB_ENDPOINT}-a1a1a1a-1001-1`)
      const g = await runStep(emulator, gated!)
      expect({ outcome: g.outputs.outcome, code: g.code }).toEqual({
        outcome: 'rolled-back',
        code: 1
      })
      expect(g.outputs['triggered-alarms']).toBe(`${LAB_ENDPOINT}-gate`)
      // SageMaker's rollback: the run's one update is the deployment itself.
      expect(g.mutating.filter(op => op === 'UpdateEndpoint')).toHaveLength(1)
      expect(g.summary).toContain('**Verification gate failed:** golden requests at')
    } finally {
      await emulator.close()
    }
  })
})
