// Launches that do not get the endpoint changed, and a second step of the same run on a busy
// endpoint. "Not changed" is said only after a read proves it; cleanup-on-failure removes only
// what this run made; a deployment is this step's only if it deploys exactly what this step would.
// The scenarios run at the same time, each on its own emulator and clock (on stepped time each run
// is exact, whatever runs beside it).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { CallRecord } from '../../emulator/index.js'
import type { ActionResult } from '../../scripts/lib/action-runner.js'
import { DEFAULT_SCENARIO } from '../../emulator/index.js'
import { trafficSteps } from '../e2e/helpers.js'
import { commandLines } from '../robustness/helpers.js'
import {
  endpointState,
  labEmulator,
  plainE,
  runStep,
  sagemaker,
  step,
  withModelA,
  type EndpointState
} from './helpers.js'

const A_CONFIG = 'lab-endpoint-a1a1a1a-1001-1'

// ---- UpdateEndpoint refused (ResourceLimitExceeded), cleanup-on-failure: true -----------------
const refused = (async () => {
  const emulator = await labEmulator()
  await withModelA(emulator)
  emulator.setScenario({
    faults: [
      {
        operation: 'UpdateEndpoint',
        failRate: 1,
        times: 1,
        fail: {
          code: 'ResourceLimitExceeded',
          message:
            'The account-level service limit ml.m5.large for endpoint usage is 4 Instances, with current utilization of 4 Instances and a request delta of 4 Instances.'
        }
      }
    ]
  })
  const from = emulator.calls().length
  const result = await runStep(emulator, plainE({ 'cleanup-on-failure': 'true' }), {
    env: { GITHUB_RUN_ID: '8101' }
  })
  const calls = emulator.calls().slice(from)
  const config = await sagemaker(emulator, 'DescribeEndpointConfig', {
    EndpointConfigName: 'lab-endpoint-e5e5e5e-8101-1'
  })
  return {
    emulator,
    result,
    calls,
    state: await endpointState(emulator),
    configGone: config.status === 400
  }
})()

// ---- Two steps of one run on one endpoint: E without waiting, then B -----------------------------
const twoSteps = (async () => {
  const emulator = await labEmulator()
  await withModelA(emulator)
  const run = { GITHUB_RUN_ID: '8102', GITHUB_SHA: 'e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5' }
  const from = emulator.calls().length
  const first = await runStep(emulator, plainE({ wait: 'false' }), { env: run })
  const busy = await runStep(
    emulator,
    { ...step('Model B') },
    {
      env: run,
      inputs: { 'on-busy': 'fail' }
    }
  )
  const waited = await runStep(emulator, { ...step('Model B') }, { env: run })
  const updates = emulator
    .calls()
    .slice(from)
    .filter(c => c.operation === 'UpdateEndpoint')
  return { emulator, first, busy, waited, updates, state: await endpointState(emulator) }
})()

// ---- Service text with a newline and a workflow command in it -----------------------------------
const hostileText = (async () => {
  const emulator = await labEmulator()
  await withModelA(emulator)
  emulator.setScenario({
    faults: [
      {
        operation: 'UpdateEndpoint',
        failRate: 1,
        times: 1,
        fail: {
          code: 'ValidationException',
          message:
            'Bad request.\n::warning::injected by the service\n::set-output name=outcome::deployed'
        }
      }
    ]
  })
  const result = await runStep(emulator, plainE(), { env: { GITHUB_RUN_ID: '8103' } })
  return { emulator, result }
})()

// ---- UpdateEndpoint throttled once: read back (not applied), sent again ------------------------
const throttledOnce = (async () => {
  const emulator = await labEmulator()
  await withModelA(emulator)
  emulator.setScenario({ faults: [{ operation: 'UpdateEndpoint', throttleRate: 1, times: 1 }] })
  const from = emulator.calls().length
  const result = await runStep(emulator, plainE(), { env: { GITHUB_RUN_ID: '8104' } })
  return { emulator, result, calls: emulator.calls().slice(from) }
})()

afterAll(async () => {
  for (const c of await Promise.all([refused, twoSteps, hostileText, throttledOnce]))
    await c.emulator.close()
})

describe('UpdateEndpoint throttled once', () => {
  it('is read back, found not applied, and sent again 2 s later: one update, deployed', async () => {
    const { result, calls } = await throttledOnce
    expect(result.outputs.outcome).toBe('deployed')
    expect(
      result.stdout.split('\n').filter(l => /UpdateEndpoint failed|not applied/.test(l))
    ).toEqual([
      '::warning::UpdateEndpoint failed: ThrottlingException: Rate exceeded Reading the endpoint to see whether the request was applied.',
      `The endpoint is InService on ${A_CONFIG}: the request was not applied. Trying again (attempt 2 of 3).`
    ])
    const first = calls.findIndex(c => c.operation === 'UpdateEndpoint')
    const last = calls.findLastIndex(c => c.operation === 'UpdateEndpoint')
    expect(
      calls
        .slice(first, last + 1)
        .map(
          c =>
            `${c.operation} ${c.status} +${(c.simulatedTime - calls[first]!.simulatedTime) / 1000}`
        )
    ).toEqual(['UpdateEndpoint 400 +0', 'DescribeEndpoint 200 +0', 'UpdateEndpoint 200 +2'])
  })
})

describe('UpdateEndpoint refused, with cleanup-on-failure: true', () => {
  let c: { result: ActionResult; calls: CallRecord[]; state: EndpointState; configGone: boolean }
  beforeAll(async () => {
    c = await refused
  }, 300_000)

  it('says the endpoint was not changed only because a read showed it', () => {
    expect(c.result.outputs.outcome).toBe('failed')
    expect(c.result.code).toBe(1)
    expect(c.result.summary).toContain(
      'Launch failed: UpdateEndpoint failed: ResourceLimitExceeded: The account-level service limit ml.m5.large for endpoint usage is 4 Instances'
    )
    expect(c.result.summary).toContain(
      `A read of the endpoint afterwards shows it InService on ${A_CONFIG}: this run did not change it.`
    )
    expect(c.state).toMatchObject({ status: 'InService', config: A_CONFIG, pending: undefined })
  })

  it('deletes the model and config this run created, and nothing else', () => {
    const deletes = c.calls
      .filter(call => call.operation.startsWith('Delete'))
      .map(call => [call.operation, call.params, call.status])
    expect(deletes).toEqual([
      ['DeleteEndpointConfig', { EndpointConfigName: 'lab-endpoint-e5e5e5e-8101-1' }, 200],
      ['DeleteModel', { ModelName: 'lab-endpoint-e5e5e5e-8101-1' }, 200]
    ])
    expect(c.configGone).toBe(true)
  })
})

describe('two steps of one run: E with wait: false, then B (another artifact)', () => {
  let c: Awaited<typeof twoSteps>
  beforeAll(async () => {
    c = await twoSteps
  }, 300_000)

  it('B never attaches to E: with on-busy: fail it refuses, changing nothing', () => {
    expect(c.first.outputs.outcome).toBe('started')
    expect(c.busy.outputs.outcome).toBe('failed')
    expect(c.busy.code).toBe(1)
    expect(c.busy.summary).toMatch(
      /Endpoint "lab-endpoint" is Updating \(deploying lab-endpoint-e5e5e5e-8102-1\)/
    )
    expect(c.busy.mutating).toEqual([])
    // At once: no simulated second passed.
    expect(c.busy.outputs['duration-seconds']).toBe('0')
  })

  it("with on-busy: wait, B waits for E and then gets its own verdict (never E's)", () => {
    expect(c.waited.outputs.outcome).toBe('rolled-back')
    expect(c.waited.code).toBe(1)
    // The same run and commit as E: the names E took are taken, so B's get a suffix, a hash of
    // what B asks for. Its model's step tag hashes B's UpdateEndpoint too, whose
    // BlueGreenUpdatePolicy now carries the derived TerminationWaitInSeconds 300 (and a
    // MaximumExecutionTimeoutInSeconds 300 s larger, 2340): another model name (-c2589b), so other
    // variants in the config, so another config suffix.
    expect(c.waited.outputs['endpoint-config-name']).toBe('lab-endpoint-e5e5e5e-8102-1-dfe164')
    expect(c.waited.mutating.filter(op => op === 'UpdateEndpoint')).toHaveLength(1)
    // B's update went out at the first poll after E's rollout ended: 480 s of provisioning,
    // three 25 % steps of 5 s activation and a 60 s bake, the step to 100 % of 5 s activation and
    // only the 300 s final bake (termination-wait, derived from the created alarms' detection
    // time: 60 s × 1 + 180 s metric delay + 60 s evaluation), 120 s of decommissioning.
    const e = DEFAULT_SCENARIO
    const rollout =
      e.provisioningSeconds +
      3 * (e.activatingSeconds + 60) +
      (e.activatingSeconds + 300) +
      e.decommissionSeconds
    expect(rollout).toBe(1100)
    expect(
      c.updates.map(u => [
        (u.params as { EndpointConfigName: string }).EndpointConfigName,
        (u.simulatedTime - c.updates[0]!.simulatedTime) / 1000
      ])
    ).toEqual([
      ['lab-endpoint-e5e5e5e-8102-1', 0],
      ['lab-endpoint-e5e5e5e-8102-1-dfe164', rollout]
    ])
    // Then B's own rollout, rolled back by the 5XX alarm in its second step: green took 25 % at
    // T+480 s (09:36:33.718), its 5XX errors reach CloudWatch 1 to 3 minutes late, and the first
    // evaluation that can see any of them, at 09:38:00 (T+566 s from B's update request,
    // 09:28:33.718: Model A's verdict at 09:10:13.718, E's rollout of 1100 s), fires on the 09:36
    // minute (26 s of green traffic).
    expect(
      trafficSteps(c.waited).map(s => [s.offsetSeconds, s.bluePercent, s.greenPercent])
    ).toEqual([
      [0, 100, 0],
      [480, 75, 25],
      [545, 50, 50],
      [566, 100, 0]
    ])
    expect(c.waited.outputs['failure-reason']).toBe(
      'Rolled back: alarm lab-endpoint-5xx-rate went into ALARM.'
    )
    // E stays: it completed before B started, and B rolled back to it.
    expect(c.state).toMatchObject({ status: 'InService', config: 'lab-endpoint-e5e5e5e-8102-1' })
  })
})

describe('service text with newlines and workflow commands', () => {
  let c: { result: ActionResult }
  beforeAll(async () => {
    c = await hostileText
  }, 300_000)

  it('never starts a workflow command of its own in the log', () => {
    const injected = commandLines(c.result.stdout).filter(line =>
      /injected by the service|set-output/.test(line.split('::')[1] ?? '')
    )
    expect(injected).toEqual([])
    expect(c.result.stdout).not.toMatch(/^::set-output/m)
    expect(c.result.stdout).not.toMatch(/^::warning::injected/m)
  })
})
