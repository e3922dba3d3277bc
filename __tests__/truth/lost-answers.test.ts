// Endpoint writes whose answer is lost, refused for a moment, or raced by a copy of the same step.
// CreateEndpoint and UpdateEndpoint are not idempotent: the action reads the endpoint back after
// any failure and decides from what SageMaker shows, never from the error alone. Each case runs
// the real bundle against the emulator and checks the outcome, the exit code, what the endpoint
// really runs afterwards, and how many writes were applied. The cases run one after the other (on
// stepped time each run is exact); the two racing copies run at the same time.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Emulator } from '../../emulator/index.js'
import type { ActionResult } from '../../scripts/lib/action-runner.js'
import {
  callsOf,
  endpointState,
  inTurn,
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
  return {
    emulator,
    results,
    writes: outcomes(callsOf(emulator, from, operation)),
    around: calls
      .slice(first, last + 1)
      .map(
        c => `${c.operation} ${c.status} +${(c.simulatedTime - calls[first]!.simulatedTime) / 1000}`
      ),
    state: await endpointState(emulator)
  }
}

// Every case has its own emulator.
const scenario = inTurn()
const cases = {
  lost: scenario(() =>
    run([{ operation: 'UpdateEndpoint', dropAfterApplyRate: 1, times: 1 }], '5101')
  ),
  throttled: scenario(() =>
    run([{ operation: 'UpdateEndpoint', throttleRate: 1, times: 1 }], '5102')
  ),
  serverError: scenario(() =>
    run([{ operation: 'UpdateEndpoint', serverErrorRate: 1, times: 1 }], '5103')
  ),
  createLost: scenario(() =>
    run(
      [{ operation: 'CreateEndpoint', dropAfterApplyRate: 1, times: 1 }],
      '1001',
      1,
      'CreateEndpoint'
    )
  ),
  race: scenario(() => run([], '5104', 2))
}
afterAll(async () => {
  for (const c of await Promise.all(Object.values(cases))) await c.emulator.close()
})

describe('UpdateEndpoint applied, its answer lost (connection dropped)', () => {
  let c: Case
  beforeAll(async () => {
    c = await cases.lost
  }, 120_000)

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
  }, 120_000)

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
  }, 120_000)

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
  }, 120_000)

  it('watches the creation it started instead of failing on "already existing endpoint"', () => {
    const [r] = c.results
    expect(r!.stdout).toMatch(/CreateEndpoint reached SageMaker: the endpoint is Creating on /)
    expect(r!.outputs.outcome).toBe('deployed')
    expect(r!.code).toBe(0)
    expect(c.writes).toEqual(['200 (dropped)'])
    expect(c.state).toMatchObject({ status: 'InService', config: A_CONFIG })
  })
})

describe('two copies of one step racing through launch', () => {
  let c: Case
  beforeAll(async () => {
    c = await cases.race
  }, 120_000)

  // Both copies start at the same simulated instant and run their launch side by side, so which one
  // wins (and whether the other meets "in-progress" or sees the winner's update in pre-flight)
  // depends on the real timing of the two processes: only what must hold either way is checked.
  it('exactly one UpdateEndpoint is applied; the loser watches the winner', () => {
    expect(c.writes.filter(w => w === '200')).toHaveLength(1)
    const loser = c.results.find(r => /reached SageMaker/.test(r.stdout))
    const winner = c.results.find(r => r !== loser)
    // Either the loser met "in-progress" on UpdateEndpoint, or it saw the winner's deployment
    // in pre-flight and attached: never a second update, never "not changed".
    for (const r of c.results) expect(r.summary).not.toMatch(/not changed/)
    expect(winner).toBeDefined()
  })

  it('both report the real verdict: deployed, exit 0, and the endpoint serves this step', () => {
    expect(c.results.map(r => [r.outputs.outcome, r.code])).toEqual([
      ['deployed', 0],
      ['deployed', 0]
    ])
    expect(c.state).toMatchObject({ status: 'InService', config: E_CONFIG('5104') })
  })
})
