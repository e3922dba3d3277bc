import { describe, expect, it } from '@jest/globals'
import { unwatchedWindows } from '../../src/guard/rolling-windows.js'
import { unwatchedParagraph } from '../../src/report/guard-view.js'
import { expectedSchedule } from '../../src/rollout-policy.js'
import type { RolloutPolicy } from '../../src/types.js'

const ROLLING: RolloutPolicy = {
  routing: 'rolling',
  stepSize: { type: 'CAPACITY_PERCENT', value: 25 },
  waitIntervalSeconds: 60,
  terminationWaitSeconds: 0,
  maxExecutionTimeoutSeconds: undefined
}

describe('a rolling update, unwatched between bakes', () => {
  it('after each batch but the last: from the end of its bake to the next batch taking traffic', () => {
    // Batches take traffic at 480, 1020, 1560 and 2100 s (480 s to provision each, 60 s bakes).
    const windows = unwatchedWindows(expectedSchedule(ROLLING, 4, 480), 60)
    expect(windows).toStrictEqual([
      { afterBatch: 1, fromSeconds: 540, seconds: 480, greenPercent: 25 },
      { afterBatch: 2, fromSeconds: 1080, seconds: 480, greenPercent: 50 },
      { afterBatch: 3, fromSeconds: 1620, seconds: 480, greenPercent: 75 }
    ])
    expect(unwatchedParagraph(windows)).toBe(
      "**Unwatched between bakes:** SageMaker watches the alarms only while a batch bakes. While old instances are terminated and the next batch is launched, the new instances already serving take their share of the traffic with no alarm watched: 25% for about 8 min after batch 1, 50% for about 8 min after batch 2, 75% for about 8 min after batch 3 (24 min in all, estimated from the plan's provisioning time). An alarm that fires then rolls back only when the next bake begins; after the last batch, the action's watch after completion fails the job as regressed."
    )
  })

  it('a batch of half the fleet leaves one window; one batch of all leaves none', () => {
    const half = {
      ...ROLLING,
      waitIntervalSeconds: 120,
      stepSize: { type: 'CAPACITY_PERCENT' as const, value: 50 }
    }
    expect(unwatchedWindows(expectedSchedule(half, 2, 300), 120)).toStrictEqual([
      { afterBatch: 1, fromSeconds: 420, seconds: 300, greenPercent: 50 }
    ])
    const whole = { ...ROLLING, stepSize: { type: 'INSTANCE_COUNT' as const, value: 1 } }
    expect(unwatchedWindows(expectedSchedule(whole, 1, 300), 60)).toStrictEqual([])
    expect(unwatchedParagraph([])).toBe('')
  })

  it('never a negative window, and none said when nothing is open', () => {
    const schedule = expectedSchedule(ROLLING, 4, 30)
    const windows = unwatchedWindows(schedule, 600)
    expect(windows.map(w => w.seconds)).toStrictEqual([0, 0, 0])
    expect(unwatchedParagraph(windows)).toBe('')
    expect(
      unwatchedParagraph([
        { afterBatch: 2, fromSeconds: 0, seconds: 90, greenPercent: 50 },
        ...windows
      ])
    ).toContain(': 50% for about 1 min 30 s after batch 2 (1 min 30 s in all,')
  })
})
