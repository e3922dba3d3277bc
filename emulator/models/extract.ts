// Regenerates the shape extracts the emulator validates requests against, from botocore's
// service models (constraints: required, min/max, pattern, enum) and the installed AWS SDK
// (its schemas' members and its enum values: what a newer SDK can send but the botocore copy
// lacks is accepted, a member unchecked, rather than refused).
//
//   npx tsx emulator/models/extract.ts <botocore data dir>
//   (e.g. $(python3 -c 'import botocore,os;print(os.path.dirname(botocore.__file__))')/data)

import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'

interface BotoShape {
  type: string
  required?: string[]
  members?: Record<string, { shape: string }>
  member?: { shape: string }
  key?: { shape: string }
  value?: { shape: string }
  min?: number
  max?: number
  pattern?: string
  enum?: string[]
}

export interface ExtractShape {
  type: string
  required?: string[]
  members?: Record<string, string>
  member?: string
  key?: string
  value?: string
  min?: number
  max?: number
  pattern?: string
  enum?: string[]
}

export interface Extract {
  source: string
  operations: Record<string, string>
  shapes: Record<string, ExtractShape>
}

/** A member known to the SDK only: accepted and stored as sent. */
export const UNCHECKED = '__unchecked'

const require = createRequire(import.meta.url)

function loadModel(dir: string, service: string, version: string): Record<string, unknown> {
  const path = join(dir, service, version, 'service-2.json.gz')
  return JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as Record<string, unknown>
}

/** Member names of an SDK schema structure (`[3, ns, name, traits, memberNames, ...]`). */
function sdkMembers(sdk: Record<string, unknown>, shape: string): string[] | undefined {
  const schema = sdk[`${shape}$`]
  if (!Array.isArray(schema) || schema[0] !== 3 || !Array.isArray(schema[4])) return undefined
  return schema[4] as string[]
}

/** Values of an SDK enum object named after the shape (a newer SDK may know more values). */
function sdkEnum(sdk: Record<string, unknown>, shape: string): string[] {
  const values = sdk[shape]
  if (typeof values !== 'object' || values === null || Array.isArray(values)) return []
  return Object.values(values).filter((v): v is string => typeof v === 'string')
}

function extract(
  model: Record<string, unknown>,
  sdk: Record<string, unknown>,
  operations: string[],
  source: string
): Extract {
  const shapes = model.shapes as Record<string, BotoShape>
  const ops = model.operations as Record<string, { input?: { shape: string } }>
  const out: Extract = { source, operations: {}, shapes: {} }
  const visit = (name: string): void => {
    if (out.shapes[name] !== undefined) return
    const s = shapes[name]
    if (s === undefined) throw new Error(`unknown shape ${name}`)
    const e: ExtractShape = { type: s.type }
    out.shapes[name] = e
    for (const k of ['min', 'max', 'pattern', 'enum'] as const) {
      if (s[k] !== undefined) (e as unknown as Record<string, unknown>)[k] = s[k]
    }
    if (e.enum !== undefined) e.enum = [...new Set([...e.enum, ...sdkEnum(sdk, name)])]
    if (s.type === 'structure') {
      e.members = {}
      for (const [m, ref] of Object.entries(s.members ?? {})) {
        e.members[m] = ref.shape
        visit(ref.shape)
      }
      for (const m of sdkMembers(sdk, name) ?? []) e.members[m] ??= UNCHECKED
      if (s.required !== undefined && s.required.length > 0) e.required = s.required
    }
    if (s.type === 'list' && s.member !== undefined) {
      e.member = s.member.shape
      visit(s.member.shape)
    }
    if (s.type === 'map' && s.key !== undefined && s.value !== undefined) {
      e.key = s.key.shape
      e.value = s.value.shape
      visit(s.key.shape)
      visit(s.value.shape)
    }
  }
  for (const op of operations) {
    const input = ops[op]?.input?.shape
    if (input === undefined) throw new Error(`unknown operation ${op}`)
    out.operations[op] = input
    visit(input)
  }
  return out
}

function version(pkg: string): string {
  return (require(`${pkg}/package.json`) as { version: string }).version
}

function run(): void {
  const dir = process.argv[2]
  if (dir === undefined) throw new Error('usage: extract.ts <botocore data dir>')
  const botocoreVersion = /__version__ = '([^']+)'/.exec(
    readFileSync(join(dir, '..', '__init__.py'), 'utf8')
  )?.[1]
  const targets = [
    {
      file: 'sagemaker.json',
      model: loadModel(dir, 'sagemaker', '2017-07-24'),
      sdk: '@aws-sdk/client-sagemaker',
      operations: [
        'CreateModel',
        'CreateEndpointConfig',
        'CreateInferenceComponent',
        'UpdateInferenceComponent',
        'UpdateEndpointWeightsAndCapacities'
      ]
    },
    {
      file: 'application-autoscaling.json',
      model: loadModel(dir, 'application-autoscaling', '2016-02-06'),
      sdk: '@aws-sdk/client-application-auto-scaling',
      operations: [
        'RegisterScalableTarget',
        'DescribeScalableTargets',
        'DeregisterScalableTarget',
        'PutScalingPolicy',
        'DescribeScalingPolicies',
        'DeleteScalingPolicy',
        'PutScheduledAction',
        'DescribeScheduledActions',
        'DeleteScheduledAction'
      ]
    }
  ]
  for (const t of targets) {
    const sdk = require(t.sdk) as Record<string, unknown>
    const source = `botocore ${botocoreVersion ?? '?'} service-2.json; members and enum values from ${t.sdk} ${version(t.sdk)}`
    const out = extract(t.model, sdk, t.operations, source)
    writeFileSync(new URL(t.file, import.meta.url), `${JSON.stringify(out, null, 2)}\n`)
    console.log(`${t.file}: ${Object.keys(out.shapes).length} shapes (${source})`)
  }
}

run()
