// The green config is the live config with only what the step changes: the target variant's
// model (and its instance type and count when given). Everything else the live config sets is
// carried over, field by field, and listed so a person can see it. The same for the new model:
// the live model's network settings carry into it.
import type { CurrentEndpoint, LiveVariant, MetricsResolution, Tag } from '../../types.js'
import { greenMetricsConfig } from './metrics-config.js'

type Body = Record<string, unknown>

export interface VariantChange {
  readonly variantName: string
  readonly modelName: string
  readonly instanceType: string
  readonly instanceCount: number
}

/** What a variant sets beyond what every variant has. */
const BASIC_VARIANT_MEMBERS = new Set([
  'VariantName',
  'ModelName',
  'InitialInstanceCount',
  'InstanceType',
  'InitialVariantWeight'
])

/** Members a new model takes from the live one (the step has no input for them). */
export const MODEL_CARRIED_MEMBERS = ['VpcConfig', 'EnableNetworkIsolation'] as const

export interface GreenConfig {
  /** CreateEndpointConfig's body, without the name and tags. */
  readonly body: Body
  /** Each carried setting, for people ("DataCaptureConfig", "variant A: VolumeSizeInGB 100"). */
  readonly carried: readonly string[]
  /** What the step changes beyond the variant (MetricsConfig), for people. */
  readonly notes: readonly string[]
}

function plain(value: unknown): string {
  if (typeof value === 'object' && value !== null) return JSON.stringify(value)
  return String(value)
}

/** The count a variant runs with now: its desired count, or the config's when scaled to zero. */
export function runningCount(v: LiveVariant): number | undefined {
  if (v.desiredCount !== undefined && v.desiredCount >= 1) return v.desiredCount
  return v.configuredCount
}

export function greenConfig(
  current: CurrentEndpoint | null,
  change: VariantChange,
  metricsResolution?: MetricsResolution
): GreenConfig {
  const target: Body = {
    VariantName: change.variantName,
    ModelName: change.modelName,
    InitialInstanceCount: change.instanceCount,
    InstanceType: change.instanceType,
    InitialVariantWeight: 1
  }
  const metrics = greenMetricsConfig(
    current?.config?.['MetricsConfig'] as Body | undefined,
    metricsResolution,
    current?.config !== undefined
  )
  const notes = metrics.notes
  if (!current?.config) {
    const set = metrics.value ? { MetricsConfig: metrics.value } : {}
    return { body: { ProductionVariants: [target], ...set }, carried: [], notes }
  }

  const { ProductionVariants, ...members } = current.config
  const carried = Object.entries(members)
    .filter(([member]) => member !== 'MetricsConfig' || metrics.kept)
    .map(([member, value]) => (typeof value === 'object' ? member : `${member} ${plain(value)}`))
  // In the live config's order; a MetricsConfig the live config lacks comes last.
  const rest: Body = metrics.value ? { ...members, MetricsConfig: metrics.value } : members
  const live = new Map(current.variants.map(v => [v.name, v]))
  const variants = (Array.isArray(ProductionVariants) ? (ProductionVariants as Body[]) : []).map(
    variant => {
      const name = String(variant['VariantName'] ?? '')
      const now = live.get(name)
      const weight = now?.desiredWeight ?? variant['InitialVariantWeight']
      const extras = Object.keys(variant).filter(member => !BASIC_VARIANT_MEMBERS.has(member))
      if (name === change.variantName) {
        if (extras.length)
          carried.push(`variant ${name}: ${extras.map(m => describe(m, variant[m])).join(', ')}`)
        return { ...variant, ...target, InitialVariantWeight: weight ?? 1 }
      }
      // Every other variant gets a green fleet too: as it runs now, same model and settings.
      const count = now ? runningCount(now) : undefined
      const kept = {
        ...variant,
        ...(count !== undefined ? { InitialInstanceCount: count } : {}),
        ...(weight !== undefined ? { InitialVariantWeight: weight } : {})
      }
      carried.push(
        `variant ${name} kept as it runs: model ${plain(variant['ModelName'])}, ${plain(kept.InitialInstanceCount)} × ${plain(variant['InstanceType'])}, weight ${plain(kept.InitialVariantWeight)}${extras.length ? `, ${extras.join(', ')}` : ''}`
      )
      return kept
    }
  )
  return { body: { ...rest, ProductionVariants: variants }, carried, notes }
}

function describe(member: string, value: unknown): string {
  return typeof value === 'object' ? member : `${member} ${plain(value)}`
}

/** The live config's own tags carried onto the green config (the action's and AWS's left out). */
export function carriedTags(
  current: CurrentEndpoint | null,
  userTags: readonly Tag[],
  actionPrefix: string
): Tag[] {
  if (!current) return []
  const given = new Set(userTags.map(t => t.Key))
  return Object.entries(current.configTags)
    .filter(([key]) => !key.startsWith(actionPrefix) && !key.toLowerCase().startsWith('aws:'))
    .filter(([key]) => !given.has(key))
    .map(([Key, Value]) => ({ Key, Value }))
}

export interface GreenModel {
  /** Members to add to CreateModel's body. */
  readonly extra: Body
  /** The container environment (the step's, plus the live one's when inherited). */
  readonly environment: Readonly<Record<string, string>>
  readonly carried: readonly string[]
  readonly warnings: readonly string[]
  /** Environment values taken from the live model (to keep out of every log). */
  readonly inheritedValues: readonly string[]
}

function liveEnvironment(model: Readonly<Body> | undefined): Record<string, string> {
  const container = (model?.['PrimaryContainer'] ??
    (Array.isArray(model?.['Containers']) ? (model['Containers'] as Body[])[0] : undefined)) as
    Body | undefined
  const env = container?.['Environment']
  return env && typeof env === 'object' ? (env as Record<string, string>) : {}
}

/** What a new model takes from the live one: network settings, and the environment if asked. */
export function greenModel(
  current: CurrentEndpoint | null,
  environment: Readonly<Record<string, string>>,
  inheritEnvironment: boolean
): GreenModel {
  return greenModelFrom(current?.model, environment, inheritEnvironment)
}

/** The same from the live model's CreateModel input (an endpoint variant's or a component's). */
export function greenModelFrom(
  model: Readonly<Body> | undefined,
  environment: Readonly<Record<string, string>>,
  inheritEnvironment: boolean
): GreenModel {
  const extra: Body = {}
  const carried: string[] = []
  for (const member of MODEL_CARRIED_MEMBERS) {
    if (model?.[member] !== undefined) {
      extra[member] = model[member]
      carried.push(`model ${member}`)
    }
  }
  const live = liveEnvironment(model)
  const missing = Object.keys(live).filter(key => !(key in environment))
  const warnings: string[] = []
  let merged = environment
  let inheritedValues: string[] = []
  if (missing.length && inheritEnvironment) {
    merged = { ...Object.fromEntries(missing.map(key => [key, live[key] ?? ''])), ...environment }
    inheritedValues = missing.map(key => live[key] ?? '')
    carried.push(
      `model environment ${missing.join(', ')} (inherit-environment: true; values not shown)`
    )
  } else if (missing.length) {
    warnings.push(
      `The live model's container environment sets ${missing.join(', ')}, which the new model does not. Set them in environment, or inherit-environment: true to copy them from the live model.`
    )
  }
  return { extra, environment: merged, carried, warnings, inheritedValues }
}
