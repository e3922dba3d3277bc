// The real bundle against the emulator with the documented CloudWatch quotas enforced (token
// buckets on simulated time), on stepped time: every constant of the action (poll interval,
// backoff, the 3-minute alarm-write window) means what it means in production. PutMetricAlarm
// refused for a whole minute still leads to deployed; on the next rollout, alarms that already
// match are not written at all.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { CLOUDWATCH_DEFAULT_QUOTAS, type CallRecord, type Emulator } from '../../emulator/index.js'
import { runAction } from '../../scripts/lib/action-runner.js'
import { createLiveEndpoints } from '../../scripts/lib/bench-concurrency.js'
import { LAB_IMAGE, LAB_ROLE, labModel } from '../../scripts/lib/lab.js'
import { labEmulator, trafficSteps } from './helpers.js'

const ENDPOINT = 'quota-ep'
const NO_ALARM_WRITES = { ...CLOUDWATCH_DEFAULT_QUOTAS, 'cloudwatch:PutMetricAlarm': 0 }

// Jest's limit per test, only a safety net: on stepped time a test's real duration depends on the
// machine's load (several whole rollouts run here), never what it sees.
jest.setTimeout(300_000)

let emulator: Emulator

beforeAll(async () => {
  // The quotas are the subject: the endpoint and the fleet come up quickly.
  emulator = await labEmulator({
    creationSeconds: 120,
    provisioningSeconds: 60,
    decommissionSeconds: 10
  })
  await createLiveEndpoints(emulator.url, emulator.region, [ENDPOINT])
  emulator.advance(125)
})

afterAll(async () => {
  await emulator.close()
})

/** A rollout; `during` runs as it starts (on the emulator's clock, e.g. to lift a quota later). */
async function rollout(model: string, runId: string, during?: () => void) {
  const before = emulator.calls().length
  const startedAt = emulator.now()
  const running = runAction({
    inputs: {
      'endpoint-name': ENDPOINT,
      'model-data-url': labModel(model),
      'image-uri': LAB_IMAGE,
      'execution-role-arn': LAB_ROLE,
      // The figures after the verdict are not what this test is about.
      'metrics-wait': '0'
    },
    env: { ...emulator.env(), GITHUB_RUN_ID: runId }
  })
  during?.()
  const result = await running
  const calls = emulator.calls().slice(before)
  /** Simulated seconds after the rollout started. */
  const at = (c: CallRecord): number => (c.simulatedTime - startedAt) / 1000
  return { result, calls, at }
}

/**
 * Simulated seconds after the start of the refused writes: each pause is drawn from [c/2, c], c
 * doubling from 1 s up to 20 s (seeded jitter): 0.806, 1.430, 2.919, 7.308, 15.490, 16.355 and
 * 18.603 s. The eighth attempt, the first after the quota is lifted at 60 s, writes both alarms.
 */
const REFUSED_AT = [0, 0.806, 2.236, 5.155, 12.463, 27.953, 44.308]
const WRITTEN_AT = 62.911

const ofOp = (calls: CallRecord[], op: string): CallRecord[] =>
  calls.filter(c => c.operation === op)

describe('rollouts under the documented CloudWatch quotas', () => {
  it('PutMetricAlarm throttled for a minute: retried with backoff, the alarms written, deployed', async () => {
    emulator.setScenario({ quotas: NO_ALARM_WRITES })
    // The quota comes back one simulated minute after the rollout starts (its first write).
    const { result, calls, at } = await rollout('e', '6001', () => {
      void emulator
        .stepped!.sleep(60_000)
        .then(() => emulator.setScenario({ quotas: CLOUDWATCH_DEFAULT_QUOTAS }))
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
    expect(refused.every(c => c.error === 'Throttling: Rate exceeded')).toBe(true)
    // Refused for the whole minute, from the first write on, with growing pauses (no SDK retry:
    // the action's own backoff); the attempt after the quota is lifted writes it.
    expect(refused.map(at)).toEqual(REFUSED_AT)
    expect(written.map(c => [(c.params as { AlarmName: string }).AlarmName, at(c)])).toEqual([
      [`${ENDPOINT}-5xx-rate`, WRITTEN_AT],
      [`${ENDPOINT}-model-latency`, WRITTEN_AT]
    ])
    // The endpoint was updated only after its alarms existed, exactly once.
    const update = ofOp(calls, 'UpdateEndpoint')
    expect(update).toHaveLength(1)
    expect(update[0]!.seq).toBeGreaterThan(written.at(-1)!.seq)
    // The log says what it waits for, each pause the gap to the next attempt above.
    expect(result.stdout.split('\n').filter(line => / trying again in /.test(line))).toEqual(
      [1, 1, 3, 7, 15, 16, 19].map(
        (seconds, i) =>
          `PutMetricAlarm ${ENDPOINT}-5xx-rate: PutMetricAlarm failed: Throttling: Rate exceeded; trying again in ${seconds} s (attempt ${i + 2})`
      )
    )
    // From the update: 60 s provisioning, a linear 25 % step every 65 s (5 s activating and the
    // 60 s bake), the step at 100 % bakes only the final bake (300 s, derived from the alarms'
    // detection time), then blue's 10 s decommission: 255 + 5 + 300 + 10. A step's time is when the phase
    // the next poll saw began: step 1's bake (65 s; no poll fell in its 5 s of activation), then
    // each later step's activation (the poll after a bake's end comes within those 5 s).
    expect(trafficSteps(result).map(s => `${s.offsetSeconds} s ${s.greenPercent}%`)).toEqual([
      '0 s 0%',
      '65 s 25%',
      '125 s 50%',
      '190 s 75%',
      '255 s 100%',
      '570 s 100%'
    ])
  })

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
  })

  it('SageMaker reads throttled for 40 s at the start: pre-flight waits them out and deploys', async () => {
    const reads = { ...CLOUDWATCH_DEFAULT_QUOTAS, 'sagemaker:Describe*': 0, 'sagemaker:List*': 0 }
    emulator.setScenario({ quotas: reads })
    const { result, calls, at } = await rollout('e', '6003', () => {
      void emulator
        .stepped!.sleep(40_000)
        .then(() => emulator.setScenario({ quotas: CLOUDWATCH_DEFAULT_QUOTAS }))
    })
    expect({ outcome: result.outputs.outcome, code: result.code }).toEqual({
      outcome: 'deployed',
      code: 0
    })
    const described = ofOp(calls, 'DescribeEndpoint')
    const refused = described.filter(c => c.status === 400)
    // More than the SDK's five quick attempts: the action's own backoff carried the read past
    // the throttled 40 s, and the first answer came after it.
    expect(refused.length).toBeGreaterThan(5)
    expect(refused.every(c => c.error === 'ThrottlingException: Rate exceeded' && at(c) < 40)).toBe(
      true
    )
    const firstAnswer = described.find(c => c.status === 200)!
    expect(at(firstAnswer)).toBeGreaterThanOrEqual(40)
    // Nothing was written while the reads were refused.
    const firstWrite = calls.find(c => /^(Create|Update|Put|Delete)/.test(c.operation))!
    expect(firstWrite.seq).toBeGreaterThan(firstAnswer.seq)
    const pauses = result.stdout.split('\n').filter(line => / trying again in /.test(line))
    expect(pauses.length).toBeGreaterThan(0)
    for (const line of pauses)
      expect(line).toMatch(
        /^DescribeEndpoint: throttled \(ThrottlingException\); trying again in \d+ s \(attempt \d+\)$/
      )
  })

  it('SageMaker reads refused for good: the run gives up after the quota window, having written nothing', async () => {
    emulator.setScenario({ quotas: { ...CLOUDWATCH_DEFAULT_QUOTAS, 'sagemaker:Describe*': 0 } })
    const { result, calls, at } = await rollout('e', '6004')
    emulator.setScenario({ quotas: CLOUDWATCH_DEFAULT_QUOTAS })
    expect({ outcome: result.outputs.outcome, code: result.code }).toEqual({
      outcome: 'failed',
      code: 1
    })
    expect(result.outputs['failure-reason']).toContain(
      'DescribeEndpoint failed: ThrottlingException: Rate exceeded'
    )
    expect(calls.filter(c => /^(Create|Update|Put|Delete)/.test(c.operation))).toEqual([])
    // Three minutes of backoff, not a few seconds of quick attempts.
    const last = ofOp(calls, 'DescribeEndpoint').at(-1)!
    expect(at(last)).toBeGreaterThan(120)
    expect(at(last)).toBeLessThanOrEqual(200)
  })
})
