// Endpoint writes whose answer is lost, refused for a moment, or raced by a copy of the same step.
// CreateEndpoint and UpdateEndpoint are not idempotent: the action reads the endpoint back after
// any failure and decides from what SageMaker shows, never from the error alone. Each case runs
// the real bundle against the emulator and checks the outcome, the exit code, what the endpoint
// really runs afterwards, and how many writes were applied. The cases run at the same time, each
// on its own emulator and clock (on stepped time each run is exact, whatever runs beside it); the
// two copies of a racing case share one and begin in turn, so their race goes the same way every
// time (a 1 s slow UpdateEndpoint makes them interleave inside the launch).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { CallRecord, Emulator } from '../../emulator/index.js'
import type { ActionResult } from '../../scripts/lib/action-runner.js'
import {
  callsOf,
  endpointState,
  labEmulator,
  outcomes,
  plainE,
  runStep,
  step,
  withModelA,
  type EndpointState
} from './helpers.js'

const E_CONFIG = (run: string) => `lab-endpoint-e5e5e5e-${run}-1`
const A_CONFIG = 'lab-endpoint-a1a1a1a-1001-1'

interface Case {
  emulator: Emulator
  results: ActionResult[]
  writes: string[]
  /** The calls from the first write to the last, as `operation status +seconds`. */
  around: string[]
  /** Every call of the step (or of both copies), as `operation status +seconds` from the first. */
  sequence: string[]
  state: EndpointState
}

/** Model A live, then `faults` for the next step, then the step (or two copies of it at once). */
async function run(
  faults: Record<string, unknown>[],
  runId: string,
  copies = 1,
  operation = 'UpdateEndpoint'
): Promise<Case> {
  const emulator = await labEmulator()
  if (operation === 'UpdateEndpoint') await withModelA(emulator)
  emulator.setScenario({ faults: faults as never })
  const from = emulator.calls().length
  const lab = operation === 'UpdateEndpoint' ? plainE() : step('Model A')
  const results = await Promise.all(
    Array.from({ length: copies }, () => runStep(emulator, lab, { env: { GITHUB_RUN_ID: runId } }))
  )
  const calls = emulator.calls().slice(from)
  const first = calls.findIndex(c => c.operation === operation)
  const last = calls.findLastIndex(c => c.operation === operation)
  const since = (c: CallRecord, from: CallRecord): string =>
    `${c.operation} ${c.status} +${(c.simulatedTime - from.simulatedTime) / 1000}`
  return {
    emulator,
    results,
    writes: outcomes(callsOf(emulator, from, operation)),
    around: calls.slice(first, last + 1).map(c => since(c, calls[first]!)),
    sequence: calls.map(c => since(c, calls[0]!)),
    state: await endpointState(emulator)
  }
}

// Every case has its own emulator.
const cases = {
  lost: run([{ operation: 'UpdateEndpoint', dropAfterApplyRate: 1, times: 1 }], '5101'),
  throttled: run([{ operation: 'UpdateEndpoint', throttleRate: 1, times: 1 }], '5102'),
  serverError: run([{ operation: 'UpdateEndpoint', serverErrorRate: 1, times: 1 }], '5103'),
  createLost: run(
    [{ operation: 'CreateEndpoint', dropAfterApplyRate: 1, times: 1 }],
    '1001',
    1,
    'CreateEndpoint'
  ),
  race: run([], '5104', 2),
  // The first copy's UpdateEndpoint is carried out 1 s late: the second copy begins meanwhile.
  raceInLaunch: run(
    [{ operation: 'UpdateEndpoint', slowRate: 1, slowMs: 1000, times: 1 }],
    '5105',
    2
  )
}
afterAll(async () => {
  for (const c of await Promise.all(Object.values(cases))) await c.emulator.close()
})

describe('UpdateEndpoint applied, its answer lost (connection dropped)', () => {
  let c: Case
  beforeAll(async () => {
    c = await cases.lost
  }, 300_000)

  it('reads the endpoint, sees its own deployment, watches it to deployed', () => {
    const [r] = c.results
    expect(r!.outputs.outcome).toBe('deployed')
    expect(r!.code).toBe(0)
    expect(r!.stdout).toMatch(
      /UpdateEndpoint reached SageMaker: the endpoint is Updating on lab-endpoint-a1a1a1a-1001-1, deploying lab-endpoint-e5e5e5e-5101-1\./
    )
    expect(r!.summary).not.toMatch(/not changed/)
  })

  it('sent exactly one UpdateEndpoint, and the endpoint serves this step', () => {
    expect(c.writes).toEqual(['200 (dropped)'])
    expect(c.state).toEqual({
      status: 'InService',
      config: E_CONFIG('5101'),
      pending: undefined,
      artifact: 's3://lab-models/model-e/model.tar.gz'
    })
  })
})

describe('UpdateEndpoint throttled once (not applied)', () => {
  let c: Case
  beforeAll(async () => {
    c = await cases.throttled
  }, 300_000)

  it('reads, sees it was not applied, sends it again once, and deploys', () => {
    const [r] = c.results
    expect(r!.stdout).toMatch(
      /The endpoint is InService on lab-endpoint-a1a1a1a-1001-1: the request was not applied\. Trying again \(attempt 2 of 3\)\./
    )
    expect(c.writes).toEqual(['400', '200'])
    // A throttled request never reached the service: one read, then the retry 2 s later.
    expect(c.around).toEqual([
      'UpdateEndpoint 400 +0',
      'DescribeEndpoint 200 +0',
      'UpdateEndpoint 200 +2'
    ])
    expect(r!.outputs.outcome).toBe('deployed')
    expect(r!.code).toBe(0)
    expect(c.state.config).toBe(E_CONFIG('5102'))
  })
})

describe('UpdateEndpoint answered with a 5XX before it was applied', () => {
  let c: Case
  beforeAll(async () => {
    c = await cases.serverError
  }, 300_000)

  it('confirms with a second read that it was not applied, then sends it once more', () => {
    const [r] = c.results
    expect(c.writes).toEqual(['500', '200'])
    // A 5XX may still be on its way: the "not applied" read is confirmed 2 s later, and the
    // retry follows after another 2 s.
    expect(c.around).toEqual([
      'UpdateEndpoint 500 +0',
      'DescribeEndpoint 200 +0',
      'DescribeEndpoint 200 +2',
      'UpdateEndpoint 200 +4'
    ])
    expect(r!.outputs.outcome).toBe('deployed')
    expect(r!.code).toBe(0)
    expect(c.state.config).toBe(E_CONFIG('5103'))
  })
})

describe('CreateEndpoint applied, its answer lost', () => {
  let c: Case
  beforeAll(async () => {
    c = await cases.createLost
  }, 300_000)

  it('watches the creation it started instead of failing on "already existing endpoint"', () => {
    const [r] = c.results
    expect(r!.stdout).toMatch(/CreateEndpoint reached SageMaker: the endpoint is Creating on /)
    expect(r!.outputs.outcome).toBe('deployed')
    expect(r!.code).toBe(0)
    expect(c.writes).toEqual(['200 (dropped)'])
    expect(c.state).toMatchObject({ status: 'InService', config: A_CONFIG })
  })
})

describe('two copies of one step started together', () => {
  let c: Case
  beforeAll(async () => {
    c = await cases.race
  }, 300_000)

  // Both copies start at the same simulated instant and begin in turn: the first runs its launch
  // through to its first poll (it waits on no timer before that), and only then does the second
  // begin. Its pre-flight sees the first's update and attaches to it: never a second update.
  it('exactly one UpdateEndpoint is sent; the second copy sees it in pre-flight and watches it', () => {
    expect(c.writes).toEqual(['200'])
    const [first, second] = c.results
    expect(first!.stdout).toContain(
      'UpdateEndpoint lab-endpoint → lab-endpoint-e5e5e5e-5104-1 requested'
    )
    expect(second!.stdout).toContain(
      "Endpoint is Updating with lab-endpoint-e5e5e5e-5104-1, which is exactly this step's deployment (an earlier attempt or copy of it): watching it instead of starting a second one."
    )
    expect(second!.stdout).not.toMatch(/Created model|Created endpoint config|requested/)
    for (const r of c.results) expect(r.summary).not.toMatch(/not changed/)
    // The first copy's pre-flight, launch and first poll, then the second's pre-flight (it reads
    // the pending config instead of checking alarms and scaling) and first poll: all at T+0.
    expect(c.sequence.slice(0, 26)).toEqual(
      [
        // The live config and its tags, the live model, the endpoint's own tags.
        ...['DescribeEndpoint', 'DescribeEndpointConfig', 'ListTags', 'DescribeModel', 'ListTags'],
        ...['DescribeEndpointConfig', 'ListTags', 'DescribeAlarms'],
        // The new model's image and artifact, auto scaling, the account's instance quota.
        ...['DescribeImages', 'HeadObject', 'DescribeScalableTargets', 'ListServiceQuotas'],
        ...['CreateModel', 'CreateEndpointConfig', 'UpdateEndpoint'],
        ...['DescribeEndpoint', 'DescribeAlarms'],
        // The live config and its tags, the live model, the endpoint's own tags.
        ...['DescribeEndpoint', 'DescribeEndpointConfig', 'ListTags', 'DescribeModel', 'ListTags'],
        ...['DescribeEndpointConfig', 'ListTags'],
        ...['DescribeEndpoint', 'DescribeAlarms']
      ].map(op => `${op} 200 +0`)
    )
  })

  it('both report the real verdict: deployed, exit 0, and the endpoint serves this step', () => {
    expect(c.results.map(r => [r.outputs.outcome, r.code])).toEqual([
      ['deployed', 0],
      ['deployed', 0]
    ])
    // Both watched the same rollout (1100 s: its step to 100 % bakes only the 300 s
    // termination-wait, derived from the alarms' detection time) to the first poll after it
    // (T+18 min 23 s). The watch after completion had nothing left to wait for: its window, E's
    // 100 % row (T+675 s) + 300 s = T+975 s, passed during that final bake.
    for (const r of c.results) {
      expect(r.summary).toContain(
        "Rollout: 18 min 20 s on SageMaker's clock (the T+ times, from the update request) · this step: 18 min 23 s on the runner's clock"
      )
    }
    expect(c.state).toMatchObject({ status: 'InService', config: E_CONFIG('5104') })
  })
})

describe('two copies of one step racing through launch', () => {
  let c: Case
  beforeAll(async () => {
    c = await cases.raceInLaunch
  }, 300_000)

  // The first copy's UpdateEndpoint waits 1 s in the service before it is carried out, and the
  // second copy begins meanwhile: same pre-flight (the endpoint still serves A), then it finds the
  // first's model and config (same names), checks they are this step's, and its UpdateEndpoint
  // is carried out first. The first's then meets "in-progress", and the read after it shows the
  // deployment both copies asked for.
  it('the second copy updates first; the first meets "in-progress", reads, and watches it', () => {
    expect(c.writes).toEqual(['200', '400'])
    const preflight = [
      // The live config and its tags, the live model, the endpoint's own tags.
      ...['DescribeEndpoint', 'DescribeEndpointConfig', 'ListTags', 'DescribeModel', 'ListTags'],
      ...['DescribeEndpointConfig', 'ListTags', 'DescribeAlarms'],
      ...['DescribeImages', 'HeadObject', 'DescribeScalableTargets', 'ListServiceQuotas']
    ].map(op => `${op} 200 +0`)
    expect(c.sequence.slice(0, 39)).toEqual([
      // The first copy, up to its UpdateEndpoint (held in the service for 1 s).
      ...preflight,
      'CreateModel 200 +0',
      'CreateEndpointConfig 200 +0',
      // The second copy: its creates meet "already exists", and it reads what exists.
      ...preflight,
      'CreateModel 400 +0',
      'DescribeModel 200 +0',
      'ListTags 200 +0',
      'CreateEndpointConfig 400 +0',
      'DescribeEndpointConfig 200 +0',
      'ListTags 200 +0',
      'UpdateEndpoint 200 +0',
      'DescribeEndpoint 200 +0',
      'DescribeAlarms 200 +0',
      // The first copy's update, carried out 1 s late; its read, then its first poll.
      'UpdateEndpoint 400 +1',
      'DescribeEndpoint 200 +1',
      'DescribeEndpoint 200 +1',
      'DescribeAlarms 200 +1'
    ])
    const [first, second] = c.results
    expect(first!.stdout).toContain(
      '::warning::UpdateEndpoint failed: ValidationException: Cannot update in-progress endpoint "arn:aws:sagemaker:us-east-1:123456789012:endpoint/lab-endpoint". Reading the endpoint to see whether the request was applied.'
    )
    expect(first!.stdout).toContain(
      'UpdateEndpoint reached SageMaker: the endpoint is Updating on lab-endpoint-a1a1a1a-1001-1, deploying lab-endpoint-e5e5e5e-5105-1.'
    )
    expect(second!.stdout).toContain(
      "Model lab-endpoint-e5e5e5e-5105-1 exists with this step's definition, made by this run attempt (a lost answer, or a copy of this step running at the same time)"
    )
    expect(second!.stdout).toContain(
      "Endpoint config lab-endpoint-e5e5e5e-5105-1 exists with this step's variants, made by this run attempt (a lost answer, or a copy of this step running at the same time)"
    )
    expect(second!.stdout).toContain(
      'UpdateEndpoint lab-endpoint → lab-endpoint-e5e5e5e-5105-1 requested'
    )
    for (const r of c.results) expect(r.summary).not.toMatch(/not changed/)
  })

  it('both report the real verdict: deployed, exit 0, and the endpoint serves this step', () => {
    expect(c.results.map(r => [r.outputs.outcome, r.code])).toEqual([
      ['deployed', 0],
      ['deployed', 0]
    ])
    expect(c.state).toMatchObject({ status: 'InService', config: E_CONFIG('5105') })
  })
})
