// What each fleet runs, in a few words for a table header: the artifact (or package, or model)
// a person recognises, rather than the generated model and config names.
import type { CurrentEndpoint, Plan } from '../types.js'

/** What the report needs to know about the live (blue) fleet, from pre-flight. */
export type BlueFleet = Pick<
  CurrentEndpoint,
  'modelName' | 'modelDataUrl' | 'image' | 'instanceType' | 'instanceCount'
>

/** The blue fleet as the caller read it, else as the plan recorded it. */
export const blueOf = (plan: Plan, blue: BlueFleet | undefined): BlueFleet | undefined =>
  blue ?? plan.blueFleet

const MAX_LABEL = 48

/** `s3://bucket/fraud/3f9c2a7…/model.tar.gz` → `fraud/3f9c2a7/model.tar.gz`, at most ~48 characters. */
export function artifactLabel(artifact: string): string {
  const pkg = /:model-package\/([^/]+)\/(\d+)$/.exec(artifact)
  if (pkg) return `package ${pkg[1]} v${pkg[2]}`
  const url = /^(?:s3|https?):\/\/[^/]+\/(.+)$/.exec(artifact)
  if (!url) return artifact
  // A full commit SHA in the path says no more than its first seven characters.
  const key = url[1]!.replace(/\b([0-9a-f]{7})[0-9a-f]{33}\b/g, '$1')
  if (key.length <= MAX_LABEL) return key
  const parts = key.split('/')
  return `…/${parts.slice(-2).join('/')}`
}

export interface FleetLabels {
  readonly blue: string
  readonly green: string
}

/** Labels for the blue (live) and green (this run's) fleets, told apart when they look alike. */
export function fleetLabels(plan: Plan, given: BlueFleet | undefined): FleetLabels {
  const blue = blueOf(plan, given)
  const blueModel = plan.blueModelName ?? blue?.modelName
  const blueLabel =
    blue?.modelDataUrl !== undefined
      ? artifactLabel(blue.modelDataUrl)
      : (blueModel ?? 'the live model')
  const greenLabel =
    plan.artifact !== undefined ? artifactLabel(plan.artifact) : plan.greenModelName
  if (blueLabel !== greenLabel) return withoutCommonTail(blueLabel, greenLabel)
  // Same artifact (a new image or environment, say): the model names tell them apart.
  return { blue: blueModel ?? blueLabel, green: plan.greenModelName }
}

/** `a/model.tar.gz` and `b/model.tar.gz` → `a` and `b`: a narrow header says what differs. */
function withoutCommonTail(blue: string, green: string): FleetLabels {
  const b = blue.split('/')
  const g = green.split('/')
  while (b.length > 1 && g.length > 1 && b.at(-1) === g.at(-1)) {
    b.pop()
    g.pop()
  }
  return { blue: b.join('/'), green: g.join('/') }
}
