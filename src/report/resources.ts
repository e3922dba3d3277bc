// The blue/green resources side by side, with console links (summary and plan view).

import type { Plan } from '../types.js'
import { componentResourcesTable } from './component-view.js'
import { blueOf, type BlueFleet } from './fleet-labels.js'
import { code, link, table, type Cell } from './markdown.js'
import { endpointConfigUrl, modelUrl } from './links.js'

const NONE = '—'

function orNone(value: string | number | undefined, render: (v: string) => Cell): Cell {
  return value === undefined || value === '' ? NONE : render(String(value))
}

/** The image a CreateModel body names (none for a package or an existing model). */
function imageOf(body: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const container = body?.['PrimaryContainer'] as Readonly<Record<string, unknown>> | undefined
  return typeof container?.['Image'] === 'string' ? container['Image'] : undefined
}

/**
 * `| | <blueHeader> | <greenHeader> |` with Model, Endpoint config, Artifact, Image, Instance type
 * and count; green alone for a new endpoint.
 */
export function resourcesTable(
  plan: Plan,
  blue: BlueFleet | undefined,
  headers: { readonly blue: string; readonly green: string }
): string {
  if (plan.component) return componentResourcesTable(plan, headers)
  const region = plan.region
  blue = blueOf(plan, blue)
  const before = (value: string | number | undefined, render: (v: string) => Cell): Cell =>
    orNone(value, render)
  const modelLink = (name: string): Cell => link(name, modelUrl(region, name))
  const configLink = (name: string): Cell => link(name, endpointConfigUrl(region, name))
  const plain = (v: string): Cell => v
  const rows: Cell[][] = [
    [
      'Model',
      before(plan.blueModelName ?? blue?.modelName, modelLink),
      modelLink(plan.greenModelName)
    ],
    [
      'Endpoint config',
      before(plan.previousConfigName, configLink),
      configLink(plan.endpointConfigName)
    ],
    ['Artifact', before(blue?.modelDataUrl, code), orNone(plan.artifact, code)],
    ['Image', before(blue?.image, code), orNone(imageOf(plan.createModel), code)],
    ['Instance type', before(blue?.instanceType, plain), plan.instanceType],
    ['Instance count', before(blue?.instanceCount, plain), String(plan.instanceCount)]
  ]
  // A first deploy has no blue side at all: no column for it.
  if (plan.firstDeploy)
    return table(
      ['', headers.green],
      rows.map(([what, , green]) => [what!, green!])
    )
  return table(['', headers.blue, headers.green], rows)
}
