// The real bundle against the emulator with the documented CloudWatch quotas enforced, on the
// emulator's simulated clock (bench-clock.ts: every constant of the action means what it means
// in production, 60 times faster). PutMetricAlarm refused for a whole minute still leads to
// deployed; on the next rollout, alarms that already match are not written at all.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import {
  CLOUDWATCH_DEFAULT_QUOTAS,
  startEmulator,
  type CallRecord,
  type Emulator
} from '../../emulator/index.js'
import { ROOT, runAction, type ActionResult } from '../../scripts/lib/action-runner.js'
import { syncedClock, type SyncedClock } from '../../scripts/lib/bench-clock.js'
import { createLiveEndpoints } from '../../scripts/lib/bench-concurrency.js'
import { LAB_IMAGE, LAB_ROLE, labModel } from '../../scripts/lib/lab.js'
import { trafficSteps } from './helpers.js'

const SCALE = 60
const ENDPOINT = 'quota-ep'
const NO_ALARM_WRITES = { ...CLOUDWATCH_DEFAULT_QUOTAS, 'cloudwatch:PutMetricAlarm': 0 }

let emulator: Emulator
let clock: SyncedClock

beforeAll(async () => {
  emulator = await startEmulator({
    scenario: join(ROOT, 'emulator', 'scenarios', 'lab.json'),
    timeScale: SCALE
  })
  // The quotas are the subject: the fleet comes up quickly.
  emulator.setScenario({ provisioningSeconds: 60, decommissionSeconds: 10 })
  clock = syncedClock(SCALE)
  await createLiveEndpoints(emulator.url, emulator.region, [ENDPOINT])
  emulator.advance(125)
})

afterAll(async () => {
  clock.dispose()
  await emulator.close()
})

async function rollout(model: string, runId: string, onTick?: () => void) {
  const before = emulator.calls().length
  const ticker = onTick ? setInterval(onTick, 20) : undefined
  let result: ActionResult
  try {
    result = await runAction({
      inputs: {
        'endpoint-name': ENDPOINT,
        'model-data-url': labModel(model),
        'image-uri': LAB_IMAGE,
        'execution-role-arn': LAB_ROLE,
        // The figures after the verdict are not what this test is about.
        'metrics-wait': '0'
      },
      env: { ...emulator.env(), ...clock.env(emulator.now()), GITHUB_RUN_ID: runId },
      timeoutMs: 90_000
    })
  } finally {
    if (ticker) clearInterval(ticker)
  }
  const calls = emulator.calls().slice(before)
  return { result, calls }
}

const ofOp = (calls: CallRecord[], op: string): CallRecord[] =>
  calls.filter(c => c.operation === op)

describe('rollouts under the documented CloudWatch quotas', () => {
  it('PutMetricAlarm throttled for a minute: retried with backoff, the alarms written, deployed', async () => {
    emulator.setScenario({ quotas: NO_ALARM_WRITES })
    let firstThrottle: number | undefined
    let lifted: number | undefined
    const { result, calls } = await rollout('e', '6001', () => {
      if (lifted !== undefined) return
      const throttled = emulator
        .calls()
        .find(c => c.operation === 'PutMetricAlarm' && c.error === 'Throttling: Rate exceeded')
      firstThrottle ??= throttled?.simulatedTime
      if (firstThrottle !== undefined && emulator.now() >= firstThrottle + 60_000) {
        lifted = emulator.now()
        emulator.setScenario({ quotas: CLOUDWATCH_DEFAULT_QUOTAS })
      }
    })
    const log = `${result.stdout}\n${result.stderr}`
    expect({ outcome: result.outputs.outcome, code: result.code, log }).toEqual({
      outcome: 'deployed',
      code: 0,
      log: expect.any(String)
    })
    const puts = ofOp(calls, 'PutMetricAlarm')
    const refused = puts.filter(c => c.status === 400)
    const written = puts.filter(c => c.status === 200)
    // Refused for the whole minute, then both alarms written once each.
    expect(refused.length).toBeGreaterThanOrEqual(3)
    expect(refused.every(c => c.error === 'Throttling: Rate exceeded')).toBe(true)
    // Retried across the minute: the last refusal comes at most one backoff pause (20 s) before
    // the quota is lifted.
    expect(refused.at(-1)!.simulatedTime - refused[0]!.simulatedTime).toBeGreaterThanOrEqual(40_000)
    expect(written.map(c => (c.params as { AlarmName: string }).AlarmName)).toEqual([
      `${ENDPOINT}-5xx-rate`,
      `${ENDPOINT}-model-latency`
    ])
    expect(written[0]!.simulatedTime).toBeGreaterThanOrEqual(lifted!)
    // The endpoint was updated only after its alarms existed, exactly once.
    const update = ofOp(calls, 'UpdateEndpoint')
    expect(update).toHaveLength(1)
    expect(update[0]!.seq).toBeGreaterThan(written.at(-1)!.seq)
    // Backing off, not hammering: few attempts for a minute of refusals (the SDK's own
    // attempts included), and the log says what it waits for.
    expect(refused.length).toBeLessThanOrEqual(40)
    expect(result.stdout).toMatch(
      /PutMetricAlarm quota-ep-5xx-rate: .*Throttling: Rate exceeded; trying again in \d+ s \(attempt 2\)/
    )
    expect(trafficSteps(result).map(s => s.greenPercent)).toEqual([0, 25, 50, 75, 100, 100])
  }, 120_000)

  it('the next rollout finds its alarms up to date and writes none, even with PutMetricAlarm refused', async () => {
    emulator.setScenario({ quotas: NO_ALARM_WRITES })
    const { result, calls } = await rollout('a', '6002')
    expect({ outcome: result.outputs.outcome, log: result.stdout }).toEqual({
      outcome: 'deployed',
      log: expect.any(String)
    })
    expect(ofOp(calls, 'PutMetricAlarm')).toEqual([])
    expect(result.stdout).toContain(`Alarm ${ENDPOINT}-5xx-rate is already up to date`)
    expect(result.stdout).toContain(`Alarm ${ENDPOINT}-model-latency is already up to date`)
    // The update still names both alarms for SageMaker's auto-rollback.
    const update = ofOp(calls, 'UpdateEndpoint')[0]!.params as {
      DeploymentConfig: { AutoRollbackConfiguration: { Alarms: { AlarmName: string }[] } }
    }
    expect(update.DeploymentConfig.AutoRollbackConfiguration.Alarms.map(a => a.AlarmName)).toEqual([
      `${ENDPOINT}-5xx-rate`,
      `${ENDPOINT}-model-latency`
    ])
  }, 120_000)
})
