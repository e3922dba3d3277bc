// Cancellation around the writes, and re-runs after it. A cancelled write may have been applied
// all the same: the action reads the endpoint before saying anything, makes no change after the
// signal, lists what it created, and a re-run reuses it. Once there is a verdict, a late signal
// does not change the exit code. On stepped time a signal reaches the action at an exact simulated
// moment (its next wait once the condition holds). The scenarios run at the same time, each on its
// own emulator and clock: what one sees does not depend on the others.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { CallRecord, Emulator } from '../../emulator/index.js'
import type { ActionResult } from '../../scripts/lib/action-runner.js'
import { trafficSteps } from '../e2e/helpers.js'
import {
  callsOf,
  endpointState,
  labEmulator,
  plainE,
  runStep,
  step,
  withModelA
} from './helpers.js'

const A_CONFIG = 'lab-endpoint-a1a1a1a-1001-1'

/** The calls of a run that the service received after the signal. */
const callsAfter = (calls: readonly CallRecord[], at: number | undefined) =>
  calls.filter(c => at !== undefined && c.realTime > at).map(c => c.operation)
/** The mutating ones among them. */
const changesAfter = (calls: readonly CallRecord[], at: number | undefined) =>
  callsAfter(
    calls.filter(c => c.mutating),
    at
  )
/** The writes SageMaker carried out in a run, in order. */
const changes = (calls: readonly CallRecord[]) =>
  calls.filter(c => c.mutating && c.status === 200).map(c => c.operation)

interface Run {
  result: ActionResult
  calls: CallRecord[]
}

async function runFrom(emulator: Emulator, go: () => Promise<ActionResult>): Promise<Run> {
  const from = emulator.calls().length
  const result = await go()
  return { result, calls: emulator.calls().slice(from) }
}

// ---- SIGINT while UpdateEndpoint is in flight (applied, its answer held back) -----------------
// The answer is held 20 s, inside UpdateEndpoint's 30 s request timeout: without the signal it
// would arrive.
const heldUpdate = (async () => {
  const emulator = await labEmulator()
  await withModelA(emulator)
  emulator.setScenario({
    faults: [{ operation: 'UpdateEndpoint', holdRate: 1, holdMs: 20_000, times: 1 }]
  })
  const from = emulator.calls().length
  const run = await runFrom(emulator, () =>
    runStep(emulator, plainE(), {
      env: { GITHUB_RUN_ID: '6101' },
      signalWhen: {
        signal: 'SIGINT',
        when: () => callsOf(emulator, from, 'UpdateEndpoint').length > 0
      }
    })
  )
  return { emulator, run, endedAt: emulator.now(), state: await endpointState(emulator) }
})()

// ---- SIGINT while UpdateEndpoint is on its way (delayed 20 s before SageMaker has it) ---------
// The read after the signal shows the endpoint unchanged, and the request is applied afterwards.
const delayedUpdate = (async () => {
  const emulator = await labEmulator()
  await withModelA(emulator)
  emulator.setScenario({
    faults: [{ operation: 'UpdateEndpoint', slowRate: 1, slowMs: 20_000, times: 1 }]
  })
  const from = emulator.calls().length
  const result = await runStep(emulator, plainE(), {
    env: { GITHUB_RUN_ID: '6106' },
    signalOn: { signal: 'SIGINT', line: /Created endpoint config/ }
  })
  const endedAt = emulator.now()
  // The delayed request reaches SageMaker after the run has ended.
  emulator.advance(30)
  const state = await endpointState(emulator)
  const run = { result, calls: emulator.calls().slice(from) }
  return { emulator, run, endedAt, state }
})()

// ---- SIGINT while CreateEndpointConfig is in flight, then a re-run (attempt 2) ----------------
const heldConfig = (async () => {
  const emulator = await labEmulator()
  await withModelA(emulator)
  emulator.setScenario({
    faults: [{ operation: 'CreateEndpointConfig', holdRate: 1, holdMs: 20_000, times: 1 }]
  })
  const from = emulator.calls().length
  const first = await runFrom(emulator, () =>
    runStep(emulator, plainE(), {
      env: { GITHUB_RUN_ID: '6102' },
      signalWhen: {
        signal: 'SIGINT',
        when: () => callsOf(emulator, from, 'CreateEndpointConfig').length > 0
      }
    })
  )
  const second = await runFrom(emulator, () =>
    runStep(emulator, plainE(), { env: { GITHUB_RUN_ID: '6102', GITHUB_RUN_ATTEMPT: '2' } })
  )
  return { emulator, first, second, state: await endpointState(emulator) }
})()

// ---- A rollout cancelled mid-shift that then finished, and a re-run of it ---------------------
const finishedAlone = (async () => {
  const emulator = await labEmulator()
  await withModelA(emulator)
  const first = await runFrom(emulator, () =>
    runStep(emulator, plainE({ 'wait-interval': '600' }), {
      env: { GITHUB_RUN_ID: '6103' },
      signalOn: { signal: 'SIGINT', line: /green fleet Baking/ }
    })
  )
  // SageMaker goes on alone and completes.
  emulator.advance(4 * 3600)
  const finished = await endpointState(emulator)
  const second = await runFrom(emulator, () =>
    runStep(emulator, plainE({ 'wait-interval': '600' }), {
      env: { GITHUB_RUN_ID: '6103', GITHUB_RUN_ATTEMPT: '2' }
    })
  )
  return { emulator, first, finished, second }
})()

// ---- A rolled-back step re-run ----------------------------------------------------------------
const rerunRolledBack = (async () => {
  const emulator = await labEmulator()
  await withModelA(emulator)
  const first = await runFrom(emulator, () => runStep(emulator, step('Model B')))
  // Let the 5XX alarm clear (pre-flight refuses to start while it is in ALARM).
  emulator.advance(180)
  const second = await runFrom(emulator, () =>
    runStep(emulator, step('Model B'), { env: { GITHUB_RUN_ATTEMPT: '2' } })
  )
  return { emulator, first, second }
})()

// ---- SIGINT after the verdict, while the metrics are read -------------------------------------
const lateSignal = (async () => {
  const emulator = await labEmulator()
  await withModelA(emulator)
  emulator.setScenario({
    faults: [{ operation: 'GetMetricData', holdRate: 1, holdMs: 20_000 }]
  })
  const from = emulator.calls().length
  const run = await runFrom(emulator, () =>
    runStep(emulator, plainE(), {
      env: { GITHUB_RUN_ID: '6105' },
      signalWhen: {
        signal: 'SIGINT',
        when: () => callsOf(emulator, from, 'GetMetricData').length > 0
      }
    })
  )
  return { emulator, run, endedAt: emulator.now() }
})()

afterAll(async () => {
  const all = await Promise.all([
    heldUpdate,
    delayedUpdate,
    heldConfig,
    finishedAlone,
    rerunRolledBack,
    lateSignal
  ])
  for (const c of all) await c.emulator.close()
})

describe('SIGINT while UpdateEndpoint is in flight and SageMaker applied it', () => {
  let c: Awaited<typeof heldUpdate>
  beforeAll(async () => {
    c = await heldUpdate
  }, 300_000)

  it('reads the endpoint and says the update started and goes on unwatched, with its config', () => {
    const r = c.run.result
    expect(r.code).toBe(1)
    expect(r.outputs.outcome).toBe('cancelled')
    expect(r.outputs['failure-reason']).toBe(
      'Cancelled after the update to lab-endpoint-e5e5e5e-6101-1 was accepted.'
    )
    expect(r.summary.split('\n')[0]).toMatch(/^## 🛑 Cancelled, SageMaker continues unwatched: /)
    expect(r.summary).toContain(
      'Cancelled after SageMaker accepted the update to lab-endpoint-e5e5e5e-6101-1 (the endpoint is Updating on lab-endpoint-a1a1a1a-1001-1, deploying lab-endpoint-e5e5e5e-6101-1): SageMaker continues on its own, unwatched. Re-run the job to watch it to the end'
    )
    expect(r.summary).not.toMatch(/not changed/)
  })

  it('SageMaker is deploying it; no change after the signal, one UpdateEndpoint', () => {
    expect(c.state).toMatchObject({
      status: 'Updating',
      config: A_CONFIG,
      pending: 'lab-endpoint-e5e5e5e-6101-1'
    })
    expect(changes(c.run.calls)).toEqual(['CreateModel', 'CreateEndpointConfig', 'UpdateEndpoint'])
    expect(c.run.calls.filter(call => call.operation === 'UpdateEndpoint')).toHaveLength(1)
    // After the signal, only the read that found out what became of the update.
    expect(callsAfter(c.run.calls, c.run.result.signalledAt)).toEqual(['DescribeEndpoint'])
  })

  it('stops at the signal, without waiting for the held answer', () => {
    const update = c.run.calls.find(call => call.operation === 'UpdateEndpoint')!
    expect(update.answer).toBe('held 20000 ms after the call was carried out (injected fault)')
    // The clock stood at the update's instant when the run ended: it waited for nothing.
    expect(c.endedAt).toBe(update.simulatedTime)
    expect(c.run.result.outputs['duration-seconds']).toBe('0')
  })
})

describe('SIGINT while UpdateEndpoint is on its way, applied after the run', () => {
  let c: Awaited<typeof delayedUpdate>
  beforeAll(async () => {
    c = await delayedUpdate
  }, 300_000)

  it('says only what it knows: unknown, it may still be applied, and what to look at', () => {
    const r = c.run.result
    expect([r.outputs.outcome, r.code]).toEqual(['cancelled', 1])
    // Whether SageMaker goes on is unknown: the headline says cancelled, no more.
    expect(r.summary.split('\n')[0]).toMatch(/^## 🛑 Cancelled: /)
    expect(r.summary).toContain(
      `Cancelled while UpdateEndpoint was in flight. Whether SageMaker applied the UpdateEndpoint is unknown: InService on ${A_CONFIG} when read, but the cancelled request may still reach SageMaker and be applied. Look at the endpoint before anything else`
    )
    expect(r.summary).not.toMatch(/did not change it|not changed/)
  })

  it('SageMaker applied it after the run ended: the unknown was the truth', () => {
    const update = c.run.calls.find(call => call.operation === 'UpdateEndpoint')!
    expect(update.simulatedTime).toBeGreaterThan(c.endedAt)
    expect(c.state).toMatchObject({
      status: 'Updating',
      config: A_CONFIG,
      pending: 'lab-endpoint-e5e5e5e-6106-1'
    })
  })
})

describe('SIGINT while CreateEndpointConfig is in flight, then a re-run', () => {
  let c: Awaited<typeof heldConfig>
  beforeAll(async () => {
    c = await heldConfig
  }, 300_000)

  it('says cancelled (not "launch failed"), lists what it created, and that nothing was updated', () => {
    const r = c.first.result
    expect(r.code).toBe(1)
    expect(r.outputs.outcome).toBe('cancelled')
    // The reason once, then what the summary adds to it.
    expect(r.summary).toContain(
      '**Failure reason:** Cancelled before the endpoint update was requested. Created and left in place for a re-run to reuse: model lab-endpoint-e5e5e5e-6102-1 and endpoint config lab-endpoint-e5e5e5e-6102-1.\n\nThe endpoint was not changed: no UpdateEndpoint was sent.'
    )
    expect(r.summary).not.toMatch(/Launch failed|AbortError/)
    expect(changes(c.first.calls)).toEqual(['CreateModel', 'CreateEndpointConfig'])
    expect(changesAfter(c.first.calls, r.signalledAt)).toEqual([])
    // After the signal, only the reads that found the config it had asked for.
    expect(callsAfter(c.first.calls, r.signalledAt)).toEqual(['DescribeEndpointConfig', 'ListTags'])
  })

  it('the re-run reuses the model and config attempt 1 made, and deploys them', () => {
    const r = c.second.result
    expect(r.stdout).toMatch(
      /Attempt 1 of this run already made lab-endpoint-e5e5e5e-6102-1 for this same step, but the endpoint serves lab-endpoint-a1a1a1a-1001-1/
    )
    expect(r.stdout).toMatch(/Reusing model lab-endpoint-e5e5e5e-6102-1 /)
    expect(r.stdout).toMatch(/Reusing endpoint config lab-endpoint-e5e5e5e-6102-1 /)
    expect(changes(c.second.calls)).toEqual(['UpdateEndpoint'])
    expect(r.outputs.outcome).toBe('deployed')
    expect(r.code).toBe(0)
    expect(c.state).toMatchObject({ status: 'InService', config: 'lab-endpoint-e5e5e5e-6102-1' })
  })
})

describe('a rollout cancelled mid-shift that SageMaker then finished, re-run', () => {
  let c: Awaited<typeof finishedAlone>
  beforeAll(async () => {
    c = await finishedAlone
  }, 300_000)

  it('attempt 1 was cancelled mid-shift; SageMaker completed it alone', () => {
    const r = c.first.result
    expect([r.outputs.outcome, r.code]).toEqual(['cancelled', 1])
    expect(r.outputs['failure-reason']).toBe('Watching was cancelled.')
    // Green took 25 % after 480 s of provisioning and baked it from T+8 min 5 s (its 5 s of
    // activation fell between two polls); the first poll that saw it baking printed the line, and
    // the signal came at the action's next wait.
    expect(trafficSteps(r).map(s => [s.offsetSeconds, s.greenPercent])).toEqual([
      [0, 0],
      [485, 25]
    ])
    expect(r.outputs['duration-seconds']).toBe('488')
    expect(c.finished).toMatchObject({ status: 'InService', config: 'lab-endpoint-e5e5e5e-6103-1' })
  })

  it('attempt 2 sees exactly its deployment live: deployed, with no update and nothing created', () => {
    const r = c.second.result
    expect(r.outputs.outcome).toBe('deployed')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(
      /The endpoint already serves lab-endpoint-e5e5e5e-6103-1, exactly what this step deploys: nothing to do\./
    )
    expect(c.second.calls.filter(call => call.mutating).map(call => call.operation)).toEqual([])
  })
})

describe('a rolled-back step re-run (attempt 2)', () => {
  let c: Awaited<typeof rerunRolledBack>
  beforeAll(async () => {
    c = await rerunRolledBack
  }, 300_000)

  it('says, before starting again, that attempt 1 of this step did not stay', () => {
    expect(c.first.result.outputs.outcome).toBe('rolled-back')
    const r = c.second.result
    expect(r.stdout).toMatch(
      /::warning::Attempt 1 of this run already made lab-endpoint-b2b2b2b-1002-1 for this same step, but the endpoint serves lab-endpoint-a1a1a1a-1001-1: that deployment was rolled back or never started\. Deploying lab-endpoint-b2b2b2b-1002-1 again\./
    )
    const updates = c.second.calls.filter(call => call.operation === 'UpdateEndpoint')
    expect(
      updates.map(u => (u.params as { EndpointConfigName: string }).EndpointConfigName)
    ).toEqual(['lab-endpoint-b2b2b2b-1002-1'])
    expect(r.outputs.outcome).toBe('rolled-back')
    expect(r.outputs['failure-reason']).toBe(
      'Rolled back: alarm lab-endpoint-5xx-rate went into ALARM.'
    )
  })
})

describe('SIGINT after the verdict (while the metrics are read)', () => {
  let c: Awaited<typeof lateSignal>
  beforeAll(async () => {
    c = await lateSignal
  }, 300_000)

  it('the exit code follows the deployed verdict', () => {
    const r = c.run.result
    expect(r.stdout).toMatch(/^Received SIGINT: stopping \(SageMaker continues on its own\)\.$/m)
    expect(r.outputs.outcome).toBe('deployed')
    expect(r.code).toBe(0)
  })

  it('stops at the signal, without waiting for the held metrics', () => {
    const metrics = c.run.calls.filter(call => call.operation === 'GetMetricData')
    expect(metrics.map(call => call.answer)).toEqual([
      'held 20000 ms after the call was carried out (injected fault)'
    ])
    expect(callsAfter(c.run.calls, c.run.result.signalledAt)).toEqual([])
    // The clock stood at the metrics read's instant when the run ended.
    expect(c.endedAt).toBe(metrics[0]!.simulatedTime)
  })
})
