// A rolling update's blind spots: SageMaker watches the alarms only while a batch bakes ("during
// any baking period", the guides; the API reference says "during a deployment": the harsher
// reading is taken). Between one batch's bake and the next one's, while old instances are
// terminated and the next batch is launched, the new instances already serving take their share
// of the traffic with no alarm watched. Estimated from the plan's schedule. Pure.
import type { ScheduledStep, UnwatchedWindow } from '../types.js'

export type { UnwatchedWindow }

/** The windows after each batch but the last, from a rolling schedule (start row first). */
export function unwatchedWindows(
  schedule: readonly ScheduledStep[],
  waitIntervalSeconds: number
): UnwatchedWindow[] {
  const batches = schedule.filter(step => step.greenPercent > 0)
  return batches.slice(0, -1).map((batch, i) => {
    const from = batch.offsetSeconds + waitIntervalSeconds
    return {
      afterBatch: i + 1,
      fromSeconds: from,
      seconds: Math.max(0, batches[i + 1]!.offsetSeconds - from),
      greenPercent: batch.greenPercent
    }
  })
}
