// The words a page uses for the two sides of an update, per strategy: a blue/green update has a
// blue (live) and a green (new) fleet; a rolling update replaces old instances by new ones batch
// by batch; an inference component replaces old copies by new ones. Every table, chart legend,
// phase and headline takes its words from here, so a rolling page never speaks of fleets.
import type { Plan } from './types.js'

export interface FleetWords {
  /** `blue` · `old` (an adjective before a count or a noun). */
  readonly old: string
  readonly new: string
  /** `Blue` · `Old`: a column's first word. */
  readonly Old: string
  readonly New: string
  /** `blue` · `the old instances` · `the old copies`: a short noun in a table cell. */
  readonly oldSide: string
  readonly newSide: string
  /** `the blue fleet` · `the old instances` · `the old copies`: in a sentence. */
  readonly oldFleet: string
  readonly newFleet: string
  /** `fleet` · `instances` · `copies`. */
  readonly unit: string
}

/** Whether the plan is a rolling update (its schedule counts old instances batch by batch). */
export function isRollingPlan(plan: Pick<Plan, 'component' | 'schedule'>): boolean {
  return (
    plan.component !== undefined || plan.schedule.some(step => step.blueInstances !== undefined)
  )
}

export const BLUE_GREEN: FleetWords = {
  old: 'blue',
  new: 'green',
  Old: 'Blue',
  New: 'Green',
  oldSide: 'blue',
  newSide: 'green',
  oldFleet: 'the blue fleet',
  newFleet: 'the green fleet',
  unit: 'fleet'
}

function replaced(unit: string): FleetWords {
  return {
    old: 'old',
    new: 'new',
    Old: 'Old',
    New: 'New',
    oldSide: `the old ${unit}`,
    newSide: `the new ${unit}`,
    oldFleet: `the old ${unit}`,
    newFleet: `the new ${unit}`,
    unit
  }
}

export function fleetWords(plan: Pick<Plan, 'component' | 'schedule'>): FleetWords {
  if (plan.component !== undefined) return replaced('copies')
  return isRollingPlan(plan) ? replaced('instances') : BLUE_GREEN
}
