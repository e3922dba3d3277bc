// Pure: the rows of the traffic-step table, from what the polls saw. A poll shows the green
// fleet's current step (instances with traffic, and the VariantStatus start time); steps that
// began and ended between two polls are rebuilt from the policy's schedule and the start time
// of the step that was seen, and marked as such: a step no poll saw is never shown as 0 %.
import type { EndpointSnapshot, ScheduledStep, TimelineEvent, TrafficStep } from '../types.js'

/** What the rows depend on: the policy's schedule and bake, and the start of the update. */
export interface StepContext {
  readonly schedule: readonly ScheduledStep[]
  readonly instanceCount: number
  readonly waitIntervalSeconds: number | undefined
  readonly startedAt: number
  /** No alarm guards the update (a restore): no row says alarms are monitored. */
  readonly unguarded?: boolean
  /**
   * The final bake (TerminationWaitInSeconds), when known. At 0 the step that reaches 100 % is not
   * baked (the harsher reading of the guides): its row does not say alarms are monitored.
   */
  readonly finalBakeSeconds?: number | undefined
}

/** The schedule's traffic shifts (rows with green traffic), in order. */
export function shiftsOf(schedule: readonly ScheduledStep[]): ScheduledStep[] {
  return schedule.filter(step => step.greenPercent > 0)
}

/** Shift rows recorded so far (every row with green traffic before the rollout ended). */
export function recordedShifts(steps: readonly TrafficStep[]): number {
  return steps.filter(step => step.greenPercent > 0).length
}

export function shiftLabel(
  k: number,
  total: number,
  greenPercent: number,
  ctx: Pick<StepContext, 'unguarded' | 'finalBakeSeconds'> = {}
): string {
  const of = `${k} of ${Math.max(total, k)}`
  const watched = ctx.unguarded ? '' : ', alarms monitored'
  if (greenPercent !== 100) return `step ${of}: ${greenPercent}% shifted to green${watched}`
  const unbaked = !ctx.unguarded && ctx.finalBakeSeconds === 0
  return `all traffic on green (step ${of})${unbaked ? ', no final bake: SageMaker no longer watches the alarms' : watched}`
}

const BETWEEN_POLLS = 'between two polls, not seen'

/**
 * Green's share of the fleet from the pending fleet's instances with traffic; 0 while it is
 * provisioning; undefined with no pending fleet.
 */
export function observedGreenPercent(
  ep: EndpointSnapshot,
  status: string | undefined,
  ctx: Pick<StepContext, 'schedule' | 'instanceCount'>,
  shiftsSoFar: number
): number | undefined {
  const green = ep.green
  if (!green) return undefined
  if (status !== 'ActivatingTraffic' && status !== 'Baking') return 0
  const total = green.desiredInstanceCount ?? ctx.instanceCount
  if (green.currentInstanceCount !== undefined && total > 0) {
    return Math.round((100 * Math.min(green.currentInstanceCount, total)) / total)
  }
  // The service did not say: the policy's next shift.
  const shifts = shiftsOf(ctx.schedule)
  return shifts[Math.min(shiftsSoFar, shifts.length - 1)]?.greenPercent
}

interface Bounds {
  /** Service time the previous poll had reached: the missed steps came after it. */
  readonly after: number
  /** Service time of the first thing seen after them. */
  readonly before: number
  /** A later step whose start the service gave: missed steps are one bake apart before it. */
  readonly anchor?: { readonly k: number; readonly at: number }
}

/** Shifts `from`..`to` (1-based), none seen by a poll, with estimated times inside the bounds. */
function missedShifts(
  steps: TrafficStep[],
  from: number,
  to: number,
  ctx: StepContext,
  bounds: Bounds,
  events: TimelineEvent[]
): void {
  const shifts = shiftsOf(ctx.schedule)
  const wait = ctx.waitIntervalSeconds
  for (let k = from; k <= to; k++) {
    const shift = shifts[k - 1]
    if (shift === undefined) return
    const after = Math.max(bounds.after, steps.at(-1)?.at ?? bounds.after)
    const before = Math.max(after, bounds.before)
    const estimate =
      bounds.anchor !== undefined && wait !== undefined
        ? bounds.anchor.at - (bounds.anchor.k - k) * wait * 1000
        : ctx.startedAt + shift.offsetSeconds * 1000
    const at = Math.min(Math.max(estimate, after), before)
    const label = shiftLabel(k, shifts.length, shift.greenPercent, ctx)
    steps.push({
      at,
      bluePercent: shift.bluePercent,
      greenPercent: shift.greenPercent,
      event: `${label} (${BETWEEN_POLLS})`,
      between: { after, before }
    })
    events.push({
      at,
      kind: 'step',
      message: `green ${shift.greenPercent}% / blue ${shift.bluePercent}%: step ${k} happened ${BETWEEN_POLLS}`
    })
  }
}

/** A poll saw green at `greenPercent` since `at`: that row, after any shift the polls missed. */
export function addObservedShift(
  steps: TrafficStep[],
  greenPercent: number,
  at: number,
  after: number,
  ctx: StepContext,
  events: TimelineEvent[]
): void {
  const shifts = shiftsOf(ctx.schedule)
  const recorded = recordedShifts(steps)
  const index = shifts.findIndex(s => s.greenPercent === greenPercent)
  const k = index + 1 > recorded ? index + 1 : recorded + 1
  missedShifts(steps, recorded + 1, k - 1, ctx, { after, before: at, anchor: { k, at } }, events)
  steps.push({
    at,
    bluePercent: 100 - greenPercent,
    greenPercent,
    event: shiftLabel(k, shifts.length, greenPercent, ctx)
  })
}

/** The rollout completed: every shift happened, including those no poll saw. */
export function addMissedShiftsBeforeCompletion(
  steps: TrafficStep[],
  completedAt: number,
  after: number,
  ctx: StepContext,
  events: TimelineEvent[]
): void {
  const total = shiftsOf(ctx.schedule).length
  missedShifts(steps, recordedShifts(steps) + 1, total, ctx, { after, before: completedAt }, events)
}

/**
 * SageMaker rolls back on an alarm only during a bake, so at least the first shift happened
 * even when no poll saw green traffic.
 */
export function addMissedFirstShiftBeforeRollback(
  steps: TrafficStep[],
  rolledBackAt: number,
  after: number,
  ctx: StepContext,
  events: TimelineEvent[]
): void {
  if (recordedShifts(steps) > 0) return
  missedShifts(steps, 1, 1, ctx, { after, before: rolledBackAt }, events)
}
