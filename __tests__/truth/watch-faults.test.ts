// Faults while watching: alarm reads throttled, a DescribeEndpoint that never answers, a held
// GetMetricData after the verdict, and a "Could not find endpoint" right after CreateEndpoint.
// The verdict comes from DescribeEndpoint alone, within the budget, and the process exits
// promptly after it whatever a socket does.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Emulator } from '../../emulator/index.js'
import type { ActionResult } from '../../scripts/lib/action-runner.js'
import {
  endpointState,
  labEmulator,
  plainE,
  runStep,
  step,
  withModelA,
  type EndpointState
} from './helpers.js'

interface Case {
  emulator: Emulator
  result: ActionResult
  state: EndpointState
}

/**
 * Model A live (unless `create`), then the step; `faults` start once the action has asked for
 * the create or update (pre-flight and launch run clean).
 */
async function run(
  faults: Record<string, unknown>[],
  runId: string,
  inputs: Record<string, string> = {},
  create = false
): Promise<Case> {
  const emulator = await labEmulator()
  if (!create) await withModelA(emulator)
  const lab = create ? step('Model A') : plainE(inputs)
  const result = await runStep(emulator, lab, {
    env: { GITHUB_RUN_ID: runId },
    onLine: line => {
      if (/^(CreateEndpoint|UpdateEndpoint) lab-endpoint .*requested/.test(line)) {
        emulator.setScenario({ faults: faults as never })
      }
    },
    timeoutMs: 120_000
  })
  emulator.setScenario({ faults: [] })
  return { emulator, result, state: await endpointState(emulator) }
}

const cases = {
  alarmsThrottled: run([{ operation: 'DescribeAlarms', throttleRate: 1 }], '7101'),
  endpointHeld: run([{ operation: 'DescribeEndpoint', holdRate: 1, holdMs: 120_000 }], '7102', {
    timeout: '0.25',
    'wait-interval': '600'
  }),
  metricsHeld: run([{ operation: 'GetMetricData', holdRate: 1, holdMs: 120_000 }], '7103'),
  notFoundAfterCreate: run(
    [
      {
        operation: 'DescribeEndpoint',
        failRate: 1,
        times: 2,
        fail: { code: 'ValidationException', message: 'Could not find endpoint "lab-endpoint".' }
      }
    ],
    '1001',
    {},
    true
  )
}
afterAll(async () => {
  for (const c of await Promise.all(Object.values(cases))) await c.emulator.close()
})

describe('every DescribeAlarms throttled while watching', () => {
  let c: Case
  beforeAll(async () => {
    c = await cases.alarmsThrottled
  }, 150_000)

  it('still reports deployed from DescribeEndpoint, and says the alarm reads failed', () => {
    expect(c.result.outputs.outcome).toBe('deployed')
    expect(c.result.code).toBe(0)
    expect(c.result.stdout).toMatch(
      /::warning::Reading the alarms failed \(DescribeAlarms failed: Throttling: Rate exceeded\); next try in \d+ s\. The verdict does not depend on it\./
    )
    expect(c.state).toMatchObject({ status: 'InService', config: 'lab-endpoint-e5e5e5e-7101-1' })
  })
})

describe('DescribeEndpoint held without an answer (budget 15 s)', () => {
  let c: Case
  beforeAll(async () => {
    c = await cases.endpointHeld
  }, 150_000)

  it('times out at the budget, not when the socket gives up', () => {
    expect(c.result.outputs.outcome).toBe('timed-out')
    expect(c.result.code).toBe(1)
    expect(c.result.outputs['failure-reason']).toMatch(/^No verdict within 15 s; last state: /)
    // Budget 15 s from the update request, plus start-up and the metrics read: far from the
    // 120 s the held answer would take.
    expect(c.result.durationMs).toBeLessThan(45_000)
  })
})

describe('GetMetricData held without an answer after the verdict', () => {
  let c: Case
  beforeAll(async () => {
    c = await cases.metricsHeld
  }, 150_000)

  it('keeps the verdict and exits without waiting for the socket', () => {
    expect(c.result.outputs.outcome).toBe('deployed')
    expect(c.result.code).toBe(0)
    expect(c.result.durationMs).toBeLessThan(70_000)
  })
})

describe('"Could not find endpoint" twice right after CreateEndpoint', () => {
  let c: Case
  beforeAll(async () => {
    c = await cases.notFoundAfterCreate
  }, 150_000)

  it('is not taken for a deletion: the creation is watched to deployed', () => {
    expect(c.result.stdout).toMatch(/SageMaker answered "Could not find endpoint" \(1×\); retrying/)
    expect(c.result.stdout).not.toMatch(/deleted during the deployment/)
    expect(c.result.outputs.outcome).toBe('deployed')
    expect(c.result.code).toBe(0)
    expect(c.state).toMatchObject({ status: 'InService', config: 'lab-endpoint-a1a1a1a-1001-1' })
  })
})
