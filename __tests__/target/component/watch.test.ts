// Watching an inference component: the snapshot a DescribeInferenceComponent gives, the table
// of batches counted from the copies running, and the verdict with the endpoint's rule.
import { describe, expect, it } from '@jest/globals'
import {
  reduceComponent,
  settleComponent,
  toComponentSnapshot,
  type ComponentWatch
} from '../../../src/target/component/watch.js'
import { formatOffset } from '../../../src/report/time.js'
import type { AlarmSnapshot, Observation, Timeline } from '../../../src/types.js'
import { createTimeline } from '../../../src/watch/reducer.js'

const T0 = Date.UTC(2026, 10, 26, 10, 0, 0)
const s = (seconds: number): number => T0 + seconds * 1000

const W: ComponentWatch = {
  name: 'llm',
  newModelName: 'llm-e',
  oldModelName: 'llm-a',
  copies: 4,
  batchCopies: 1,
  waitIntervalSeconds: 60,
  previousLastModified: T0 - 60_000
}

interface Poll {
  status?: string
  model?: string
  running: number
  at: number
  reason?: string
  alarms?: AlarmSnapshot[]
}

function describeOut(p: Poll) {
  return {
    InferenceComponentName: 'llm',
    EndpointName: 'ep',
    VariantName: 'AllTraffic',
    InferenceComponentStatus: p.status ?? 'Updating',
    ...(p.reason ? { FailureReason: p.reason } : {}),
    Specification: { ModelName: p.model ?? 'llm-a' },
    RuntimeConfig: { DesiredCopyCount: 4, CurrentCopyCount: p.running },
    LastModifiedTime: new Date(p.at)
  }
}

function replay(polls: Poll[], w = W): Timeline {
  const ctx = {
    newConfigName: w.newModelName,
    oldConfigName: w.oldModelName,
    firstDeploy: false,
    instanceCount: 4,
    schedule: [],
    previousLastModified: w.previousLastModified,
    waitIntervalSeconds: 60,
    terminationWaitSeconds: 0
  }
  return polls.reduce(
    (t, p, i) => {
      const obs: Observation = {
        at: T0 + i,
        endpoint: toComponentSnapshot(describeOut(p)),
        alarms: p.alarms ?? [],
        error: undefined
      }
      return reduceComponent(t, obs, w)
    },
    createTimeline(ctx, T0 - 2000)
  )
}

const table = (t: Timeline): string[] =>
  (t.batches ?? []).map(
    r =>
      `${formatOffset(r.at - t.startedAt)} | ${r.newCount} | ${r.oldCount} | ${r.newPercent}% | ${r.event}`
  )

describe('toComponentSnapshot', () => {
  it('the model stands for the config, the copies for the live fleet', () => {
    const snapshot = toComponentSnapshot(describeOut({ running: 5, at: s(10), model: 'llm-e' }))
    expect(snapshot).toEqual({
      status: 'Updating',
      configName: 'llm-e',
      failureReason: undefined,
      lastModifiedTime: s(10),
      blue: {
        variantName: 'AllTraffic',
        currentInstanceCount: 5,
        desiredInstanceCount: 4,
        currentWeight: undefined,
        desiredWeight: undefined,
        statuses: []
      },
      green: undefined,
      pendingConfigName: undefined,
      pendingStartTime: undefined
    })
  })
})

describe('component table and verdict', () => {
  const success: Poll[] = [
    { running: 4, at: s(0) },
    { running: 5, at: s(480) },
    { running: 4, at: s(665) },
    { running: 5, at: s(1145) },
    { running: 4, at: s(1330) },
    { running: 5, at: s(1810) },
    { running: 4, at: s(1995) },
    { running: 5, at: s(2475) },
    { status: 'InService', model: 'llm-e', running: 4, at: s(2660) }
  ]

  it('rises and falls of the copies count the batches; deployed on this step model', () => {
    const t = replay(success)
    expect(table(t)).toEqual([
      'T+0 | 0 | 4 | 0% | update starts: batch 1 of 4, launching 1 new copies',
      'T+8 min | 1 | 4 | 25% | batch 1 of 4: new copies up beside the old ones (1 of 4 on llm-e, 25% of the traffic), 60 s bake, alarms monitored',
      'T+11 min 5 s | 1 | 3 | 25% | batch 1 of 4 baked: old copies terminated, launching the next 1',
      'T+19 min 5 s | 2 | 3 | 50% | batch 2 of 4: new copies up beside the old ones (2 of 4 on llm-e, 50% of the traffic), 60 s bake, alarms monitored',
      'T+22 min 10 s | 2 | 2 | 50% | batch 2 of 4 baked: old copies terminated, launching the next 1',
      'T+30 min 10 s | 3 | 2 | 75% | batch 3 of 4: new copies up beside the old ones (3 of 4 on llm-e, 75% of the traffic), 60 s bake, alarms monitored',
      'T+33 min 15 s | 3 | 1 | 75% | batch 3 of 4 baked: old copies terminated, launching the next 1',
      'T+41 min 15 s | 4 | 1 | 100% | batch 4 of 4: new copies up beside the old ones (4 of 4 on llm-e, 100% of the traffic), 60 s bake, alarms monitored',
      'T+44 min 20 s | 4 | 0 | 100% | complete: 4 copies of llm-e serve all traffic'
    ])
    expect(t.steps.map(step => [step.bluePercent, step.greenPercent])).toEqual([
      [100, 0],
      [75, 25],
      [75, 25],
      [50, 50],
      [50, 50],
      [25, 75],
      [25, 75],
      [0, 100],
      [0, 100]
    ])
    expect(settleComponent(t, W)).toEqual({
      outcome: 'deployed',
      summary: 'Inference component llm serves llm-e on all 4 copies.',
      failureReason: undefined,
      triggeredAlarms: [],
      finalConfigName: 'llm-e',
      finalStatus: 'InService'
    })
    expect(t.events.map(e => e.message).slice(0, 3)).toEqual([
      'update requested: llm-a → llm-e',
      'inference component llm Updating: replacing its 4 copies in batches of 1',
      'copies running: 5 of 4 desired'
    ])
  })

  it('is not settled while Updating, nor on InService seen before the update began', () => {
    expect(settleComponent(replay(success.slice(0, 5)), W)).toBeUndefined()
    const before = replay([{ status: 'InService', model: 'llm-a', running: 4, at: T0 - 120_000 }])
    expect(settleComponent(before, W)).toBeUndefined()
    // Already on the new model before the update was seen to start: not this run's success.
    const early = replay([{ status: 'InService', model: 'llm-e', running: 4, at: T0 - 120_000 }])
    expect(settleComponent(early, W)).toBeUndefined()
  })

  it('rolled back on the old model after an alarm: rows after it count copies only, the alarm named', () => {
    const alarm: AlarmSnapshot = {
      name: 'llm-5xx-rate',
      state: 'ALARM',
      reason: 'Threshold Crossed',
      updatedAt: s(610)
    }
    const t = replay([
      { running: 4, at: s(0) },
      { running: 5, at: s(480) },
      { running: 4, at: s(665), alarms: [alarm] },
      { running: 5, at: s(1145) },
      { running: 4, at: s(1270) },
      { status: 'InService', model: 'llm-a', running: 4, at: s(1870) }
    ])
    expect(table(t)).toEqual([
      'T+0 | 0 | 4 | 0% | update starts: batch 1 of 4, launching 1 new copies',
      'T+8 min | 1 | 4 | 25% | batch 1 of 4: new copies up beside the old ones (1 of 4 on llm-e, 25% of the traffic), 60 s bake, alarms monitored',
      'T+11 min 5 s | 1 | 3 | 25% | 4 copies running, 4 desired (alarm llm-5xx-rate in ALARM): SageMaker rolls back if an alarm is in ALARM during a bake, replacing new copies with old ones step by step',
      'T+19 min 5 s | 1 | 4 | 25% | 5 copies running, 4 desired (alarm llm-5xx-rate in ALARM): SageMaker rolls back if an alarm is in ALARM during a bake, replacing new copies with old ones step by step',
      'T+21 min 10 s | 1 | 3 | 25% | 4 copies running, 4 desired (alarm llm-5xx-rate in ALARM): SageMaker rolls back if an alarm is in ALARM during a bake, replacing new copies with old ones step by step',
      'T+31 min 10 s | 0 | 4 | 0% | rolled back (alarm llm-5xx-rate in ALARM): 4 copies of llm-a serve all traffic'
    ])
    expect(settleComponent(t, W)).toEqual({
      outcome: 'rolled-back',
      summary:
        'SageMaker rolled inference component llm back to llm-a: alarm llm-5xx-rate went into ALARM.',
      failureReason: 'Rolled back: alarm llm-5xx-rate went into ALARM.',
      triggeredAlarms: ['llm-5xx-rate'],
      finalConfigName: 'llm-a',
      finalStatus: 'InService'
    })
  })

  it('with no alarm seen: SageMaker reason, or that it gave none', () => {
    const reasoned = replay([
      { running: 4, at: s(0) },
      {
        status: 'InService',
        model: 'llm-a',
        running: 4,
        at: s(600),
        reason: 'The container did not pass the ping health check.'
      }
    ])
    expect(settleComponent(reasoned, W)?.summary).toBe(
      'SageMaker rolled inference component llm back to llm-a: SageMaker: The container did not pass the ping health check.'
    )
    const silent = replay([
      { running: 4, at: s(0) },
      { status: 'InService', model: 'llm-a', running: 4, at: s(600) }
    ])
    expect(settleComponent(silent, W)).toMatchObject({
      outcome: 'rolled-back',
      failureReason: 'Rolled back (SageMaker gave no reason).',
      summary: 'SageMaker rolled inference component llm back to llm-a: SageMaker gave no reason.'
    })
  })

  it('Failed and Deleting are failed, with what to do', () => {
    const failed = replay([
      { running: 4, at: s(0) },
      { status: 'Failed', running: 0, at: s(600), reason: 'Out of capacity.' }
    ])
    expect(settleComponent(failed, W)).toMatchObject({
      outcome: 'failed',
      failureReason: 'Out of capacity.',
      summary:
        'Inference component llm is Failed: Out of capacity. Look at it in the SageMaker console; SageMaker does not roll a failed component back on its own.'
    })
    const deleting = replay([
      { running: 4, at: s(0) },
      { status: 'Deleting', running: 0, at: s(600) }
    ])
    expect(settleComponent(deleting, W)).toMatchObject({
      outcome: 'failed',
      failureReason: 'Inference component Deleting.',
      summary: 'Inference component llm went Deleting during the deployment.'
    })
  })

  it('a failed poll is an event once, and counted; it is never a verdict', () => {
    const ctx = {
      newConfigName: 'llm-e',
      oldConfigName: 'llm-a',
      firstDeploy: false,
      instanceCount: 4,
      schedule: [],
      previousLastModified: undefined,
      waitIntervalSeconds: 60,
      terminationWaitSeconds: 0
    }
    let t = createTimeline(ctx, T0)
    for (let i = 0; i < 3; i++) {
      t = reduceComponent(
        t,
        { at: T0 + i, endpoint: undefined, alarms: [], error: 'Throttling' },
        W
      )
    }
    expect(t.consecutiveFailedPolls).toBe(3)
    expect(t.events.filter(e => e.kind === 'poll-error').map(e => e.message)).toEqual([
      'poll failed: Throttling (retrying)'
    ])
    expect(settleComponent(t, W)).toBeUndefined()
  })
})

describe('another run updates the component after this one', () => {
  it('is never taken for this run: no rows of its copies, no rollback, and it says so', () => {
    const t = replay([
      { running: 4, at: s(1) },
      { running: 5, at: s(1) },
      // Another run's model: this run's update ended between the polls, unseen.
      { model: 'llm-x', running: 5, at: s(300) },
      { status: 'InService', model: 'llm-x', running: 4, at: s(300) }
    ])
    const rows = table(t)
    expect(rows).toEqual(
      table(
        replay([
          { running: 4, at: s(1) },
          { running: 5, at: s(1) }
        ])
      )
    )
    expect(t.other).toEqual({ configName: 'llm-x', live: true })
    expect(t.events.filter(e => e.kind === 'other').map(e => e.message)).toEqual([
      "inference component Updating on llm-x: another update has replaced this run's"
    ])
    expect(settleComponent(t, W)).toMatchObject({
      outcome: 'failed',
      failureReason: 'Another update replaced llm-e: inference component llm is InService on llm-x.'
    })
  })
})
