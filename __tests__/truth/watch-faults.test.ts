// Faults while watching: alarm reads throttled, a DescribeEndpoint that never answers, a held
// GetMetricData after the verdict, and a "Could not find endpoint" right after CreateEndpoint.
// The verdict comes from DescribeEndpoint alone, within the budget, and the process exits
// promptly after it whatever a socket does. The cases run at the same time, each on its own
// emulator and stepped clock: held answers are held in simulated time, and the times below are
// exact.
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
  /** Simulated seconds from the create or update request to the end of the run. */
  ended: number
  /** The faulted operation's calls, as simulated seconds from the request. */
  faulted: { at: number; status: number; answer: string | undefined }[]
}

/**
 * Model A live (unless `create`), then the step; `faults` start once the action has asked for
 * the create or update (pre-flight and launch run clean).
 */
async function run(
  faults: Record<string, unknown>[],
  runId: string,
  inputs: Record<string, string> = {},
  create = false,
  /**
   * The step is started first with `wait: false`, and `inputs` (a short `timeout`, which the
   * action refuses for a rollout it starts) go to a second run that attaches to it and watches.
   */
  attach = false
): Promise<Case> {
  const emulator = await labEmulator()
  if (!create) await withModelA(emulator)
  const lab = create ? step('Model A') : plainE(attach ? {} : inputs)
  const from = emulator.calls().length
  if (attach) {
    // The same step (its fingerprint holds the policy), but for the timeout.
    const { timeout, ...same } = inputs
    void timeout
    await runStep(emulator, plainE({ ...same, wait: 'false' }), { env: { GITHUB_RUN_ID: runId } })
  }
  const result = await runStep(emulator, attach ? plainE(inputs) : lab, {
    env: { GITHUB_RUN_ID: runId },
    onLine: line => {
      if (
        /^(CreateEndpoint|UpdateEndpoint) lab-endpoint .*requested/.test(line) ||
        /watching it instead of starting a second one/.test(line)
      ) {
        emulator.setScenario({ faults: faults as never })
      }
    }
  })
  const ended = emulator.now()
  emulator.setScenario({ faults: [] })
  const calls = emulator.calls().slice(from)
  const request = calls.find(c => c.operation === (create ? 'CreateEndpoint' : 'UpdateEndpoint'))!
  const since = (t: number): number => (t - request.simulatedTime) / 1000
  const operation = (faults[0] as { operation: string }).operation
  return {
    emulator,
    result,
    state: await endpointState(emulator),
    ended: since(ended),
    faulted: calls
      .filter(c => c.operation === operation && c.seq > request.seq)
      .map(c => ({ at: since(c.simulatedTime), status: c.status, answer: c.answer }))
  }
}

const cases = {
  alarmsThrottled: run([{ operation: 'DescribeAlarms', throttleRate: 1 }], '7101'),
  endpointHeld: run(
    [{ operation: 'DescribeEndpoint', holdRate: 1, holdMs: 120_000 }],
    '7102',
    { timeout: '0.25', 'wait-interval': '600' },
    false,
    true
  ),
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
  }, 300_000)

  it('still reports deployed from DescribeEndpoint, and says the alarm reads failed', () => {
    expect(c.result.outputs.outcome).toBe('deployed')
    expect(c.result.code).toBe(0)
    const lines = c.result.stdout.split('\n')
    // Said at the first failure, the fifth, the tenth and the fifteenth, each with its backed-off
    // pause: half to all of 20 s after the first, of 120 s (the cap) after the others. The final
    // bake is now the derived 300 s termination wait (no 60 s wait interval at 100 %): complete
    // at T+1100 s, 240 s later than before, and the loop's alarm reads fail a fifteenth time. That
    // one is the read forced at the verdict (the poll of T+1109 s that saw InService): the loop
    // ends there, so its "next try in 103 s" never comes; the next read is the watch after
    // completion's, at T+1119 s.
    expect(lines.filter(l => l.includes('Reading the alarms'))).toEqual(
      [14, 114, 61, 103].map(
        s =>
          `::warning::Reading the alarms failed (DescribeAlarms failed: Throttling: Rate exceeded); next try in ${s} s. The verdict does not depend on it.`
      )
    )
    // Green took all the traffic at T+11 min 15 s; the 300 s detection time ran out at
    // T+16 min 15 s, inside SageMaker's own final bake, before the completion: the watch after
    // completion reads the alarms once (throttled) and has nothing left to watch, so it says
    // nothing: SageMaker's bake watched that window.
    expect(lines.filter(l => /after completion|no longer watches the alarms/.test(l))).toEqual([])
    expect(c.state).toMatchObject({ status: 'InService', config: 'lab-endpoint-e5e5e5e-7101-1' })
  })
})

describe('DescribeEndpoint held without an answer (budget 15 s)', () => {
  let c: Case
  beforeAll(async () => {
    c = await cases.endpointHeld
  }, 300_000)

  it('times out at the budget, not when the socket gives up', () => {
    expect(c.result.outputs.outcome).toBe('timed-out')
    expect(c.result.code).toBe(1)
    expect(c.result.outputs['failure-reason']).toBe(
      'No verdict within 15 s; last state: unknown (no successful poll).'
    )
    // The watching run's pre-flight read (it finds this step's deployment under way and
    // attaches), then its first poll, held; the poll's deadline is the budget's end, 15 s after
    // the update request, and the run ends there: far from the 120 s the held answer would take.
    expect(c.faulted).toEqual([
      { at: 0, status: 200, answer: undefined },
      {
        at: 0,
        status: 200,
        answer: 'held 120000 ms after the call was carried out (injected fault)'
      }
    ])
    expect(c.ended).toBe(15)
    expect(c.result.outputs['duration-seconds']).toBe('15')
  })
})

describe('GetMetricData held without an answer after the verdict', () => {
  let c: Case
  beforeAll(async () => {
    c = await cases.metricsHeld
  }, 300_000)

  it('keeps the verdict and exits without waiting for the socket', () => {
    expect(c.result.outputs.outcome).toBe('deployed')
    expect(c.result.code).toBe(0)
    expect(c.result.stdout).toMatch(
      /Could not read the CloudWatch metrics: no answer within 30 s$/m
    )
    // One read, held; the run ends at its 30 s deadline, not after the 120 s hold.
    expect(c.faulted.map(f => f.answer)).toEqual([
      'held 120000 ms after the call was carried out (injected fault)'
    ])
    expect(Math.floor(c.ended - c.faulted[0]!.at)).toBe(30)
  })
})

describe('"Could not find endpoint" twice right after CreateEndpoint', () => {
  let c: Case
  beforeAll(async () => {
    c = await cases.notFoundAfterCreate
  }, 300_000)

  it('is not taken for a deletion: the creation is watched to deployed', () => {
    expect(c.result.stdout).toMatch(/SageMaker answered "Could not find endpoint" \(1×\); retrying/)
    expect(c.result.stdout).not.toMatch(/deleted during the deployment/)
    expect(c.result.outputs.outcome).toBe('deployed')
    expect(c.result.code).toBe(0)
    expect(c.state).toMatchObject({ status: 'InService', config: 'lab-endpoint-a1a1a1a-1001-1' })
  })
})
