// Application Auto Scaling on the variant a step deploys to. SageMaker fails an update that
// changes the instance type of a registered variant (and blocks scaling while any update runs).
// A model-only change proceeds; an instance-type change is refused, or (on-auto-scaling:
// reregister) the target, its scaling policies and scheduled actions are saved, deregistered for
// the update, and restored exactly as saved after the verdict, whatever the verdict is.
import type { AutoScalingApi } from '../aws/auto-scaling.js'
import { SAGEMAKER_NAMESPACE, VARIANT_DIMENSION, variantResourceId } from '../aws/auto-scaling.js'
import type { AwsApi } from '../aws/api.js'
import { errorMessage } from '../errors.js'
import { isFatal } from '../aws/errors.js'
import type { CallOptions } from '../aws/call.js'
import type { Logger } from '../types.js'
import type { AutoScalingReport, SavedScaling } from '../types.js'

export type { AutoScalingReport, SavedScaling } from '../types.js'

type Json = Record<string, unknown>

const plain = (value: unknown): Json => JSON.parse(JSON.stringify(value ?? {})) as Json

function pick(source: Json, members: readonly string[]): Json {
  return Object.fromEntries(members.filter(m => source[m] !== undefined).map(m => [m, source[m]]))
}

const VARIANT = { ServiceNamespace: SAGEMAKER_NAMESPACE, ScalableDimension: VARIANT_DIMENSION }

/** The variant's scalable target, policies and scheduled actions; undefined if not registered. */
export async function readScaling(
  aas: AutoScalingApi,
  endpointName: string,
  variantName: string
): Promise<SavedScaling | undefined> {
  const read = await readScalingOf(aas, variantResourceId(endpointName, variantName))
  if (!read) return undefined
  const { arn, ...saved } = read
  void arn
  return saved
}

/** The same for a resource id, in the form it was saved in (so that two reads compare equal). */
async function readScalingOf(
  aas: AutoScalingApi,
  resourceId: string,
  o?: CallOptions
): Promise<(SavedScaling & { readonly arn: string | undefined }) | undefined> {
  const target = await aas.describeTarget(resourceId, o)
  if (!target) return undefined
  const [policies, actions, tags] = await Promise.all([
    aas.describePolicies(resourceId, o),
    aas.describeScheduledActions(resourceId, o),
    target.ScalableTargetARN ? aas.listTags(target.ScalableTargetARN, o) : Promise.resolve({})
  ])
  return {
    arn: target.ScalableTargetARN,
    resourceId,
    target: {
      ...VARIANT,
      ResourceId: resourceId,
      ...pick(plain(target), ['MinCapacity', 'MaxCapacity', 'RoleARN', 'SuspendedState']),
      ...(Object.keys(tags).length ? { Tags: tags } : {})
    },
    policies: policies.map(p => ({
      ...VARIANT,
      ResourceId: resourceId,
      ...pick(plain(p), [
        'PolicyName',
        'PolicyType',
        'StepScalingPolicyConfiguration',
        'TargetTrackingScalingPolicyConfiguration',
        'PredictiveScalingPolicyConfiguration'
      ])
    })),
    scheduledActions: actions.map(a => ({
      ...VARIANT,
      ResourceId: resourceId,
      ...pick(plain(a), [
        'ScheduledActionName',
        'Schedule',
        'Timezone',
        'StartTime',
        'EndTime',
        'ScalableTargetAction'
      ])
    }))
  }
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/** One phrase: "min 2, max 8, 1 scaling policy (cpu), 0 scheduled actions". */
export function describeScaling(saved: SavedScaling): string {
  const names = (items: readonly Json[], key: string) =>
    items.length ? ` (${items.map(i => String(i[key])).join(', ')})` : ''
  return `min ${String(saved.target['MinCapacity'])}, max ${String(saved.target['MaxCapacity'])}, ${count(saved.policies.length, 'scaling policy', 'scaling policies')}${names(saved.policies, 'PolicyName')}, ${count(saved.scheduledActions.length, 'scheduled action', 'scheduled actions')}${names(saved.scheduledActions, 'ScheduledActionName')}`
}

/** The saved definitions as JSON a person can feed back to the API. */
export function scalingJson(saved: SavedScaling): string {
  return JSON.stringify(saved)
}

/** Deregistering also deletes the target's scaling policies and scheduled actions. */
export async function deregister(
  aas: AutoScalingApi,
  saved: SavedScaling,
  log: Logger
): Promise<void> {
  await aas.deregisterTarget(saved.resourceId)
  log.info(
    `Deregistered ${saved.resourceId} from Application Auto Scaling for the update (saved: ${describeScaling(saved)}).`
  )
}

const dates = (action: Json): Json => ({
  ...action,
  ...(typeof action['StartTime'] === 'string' ? { StartTime: new Date(action['StartTime']) } : {}),
  ...(typeof action['EndTime'] === 'string' ? { EndTime: new Date(action['EndTime']) } : {})
})

/** How long a restore keeps trying (like PutMetricAlarm's writes: quotas are shared). */
export const RESTORE_WINDOW_MS = 180_000

export interface RestoreClock {
  now(): number
  sleep(ms: number): Promise<void>
  /** Jitter source; without it the pauses are exact. */
  readonly random?: () => number
}

type Scaling = SavedScaling & { readonly arn?: string | undefined }

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)
const named = (items: readonly Json[], key: string): Map<unknown, Json> =>
  new Map(items.map(i => [i[key], i]))
const withoutTags = (target: Json): Json => {
  const { Tags, ...rest } = target
  void Tags
  return rest
}

/** What of `saved` the live registration lacks or holds differently (empty: identical). */
export function scalingDifferences(saved: SavedScaling, live: SavedScaling | undefined): string[] {
  if (!live) return ['scalable target (not registered)']
  const out: string[] = []
  if (!same(withoutTags(saved.target), withoutTags(live.target))) out.push('scalable target')
  if (!same(saved.target['Tags'] ?? {}, live.target['Tags'] ?? {})) out.push('target tags')
  const policies = named(live.policies, 'PolicyName')
  for (const p of saved.policies) {
    if (!same(p, policies.get(p['PolicyName'])))
      out.push(`scaling policy ${String(p['PolicyName'])}`)
  }
  const actions = named(live.scheduledActions, 'ScheduledActionName')
  for (const a of saved.scheduledActions) {
    if (!same(a, actions.get(a['ScheduledActionName']))) {
      out.push(`scheduled action ${String(a['ScheduledActionName'])}`)
    }
  }
  return out
}

/** One pass: read what is registered, write only what differs from `saved`. */
async function restoreOnce(
  aas: AutoScalingApi,
  saved: SavedScaling,
  o: CallOptions
): Promise<void> {
  let live: Scaling | undefined = await readScalingOf(aas, saved.resourceId, o)
  const differs = scalingDifferences(saved, live)
  if (differs.length === 0) return
  if (!live || differs.includes('scalable target')) {
    // Tags go with a new registration only: on an existing target AWS refuses them.
    await aas.registerTarget((live ? withoutTags(saved.target) : saved.target) as never, o)
    if (!live) live = await readScalingOf(aas, saved.resourceId, o)
  }
  const tags = saved.target['Tags'] as Record<string, string> | undefined
  if (live?.arn && tags && !same(tags, live.target['Tags'] ?? {})) {
    await aas.tagResource(live.arn, tags, o)
  }
  const policies = named(live?.policies ?? [], 'PolicyName')
  for (const policy of saved.policies) {
    if (!same(policy, policies.get(policy['PolicyName']))) {
      await aas.putScalingPolicy(policy as never, o)
    }
  }
  const actions = named(live?.scheduledActions ?? [], 'ScheduledActionName')
  for (const action of saved.scheduledActions) {
    if (!same(action, actions.get(action['ScheduledActionName']))) {
      await aas.putScheduledAction(dates(action) as never, o)
    }
  }
}

/**
 * Registers exactly what was saved again: read, compare, write what differs, read back; retried
 * with backoff for RESTORE_WINDOW_MS (an answer lost after the write, "already exists", throttling
 * all end in a read that shows what is there). Never throws: the report says what is missing.
 */
export async function restore(
  aas: AutoScalingApi,
  saved: SavedScaling,
  log: Logger,
  clock: RestoreClock
): Promise<AutoScalingReport> {
  // Not cut short by a cancellation: this puts back what the run itself removed.
  const o = { ignoreCancel: true, deadlineMs: 20_000 }
  const until = clock.now() + RESTORE_WINDOW_MS
  let errors: string[] = []
  for (let attempt = 1; ; attempt++) {
    try {
      await restoreOnce(aas, saved, o)
      const missing = scalingDifferences(saved, await readScalingOf(aas, saved.resourceId, o))
      if (missing.length === 0) {
        log.info(`Restored auto scaling on ${saved.resourceId}: ${describeScaling(saved)}.`)
        return { saved, restored: true, errors: [] }
      }
      errors = [`read back after the writes, still different: ${missing.join(', ')}`]
    } catch (e) {
      errors = [errorMessage(e)]
      if (isFatal(e)) break
    }
    const ceiling = Math.min(20_000, 1000 * 2 ** (attempt - 1))
    const pause = clock.random ? ceiling * (0.5 + clock.random() / 2) : ceiling
    if (clock.now() + pause > until) break
    log.info(
      `Restoring auto scaling on ${saved.resourceId}: ${errors.join('; ')}; trying again in ${Math.round(pause / 1000)} s (attempt ${attempt + 1}).`
    )
    await clock.sleep(pause)
  }
  log.warning(
    `Could not restore auto scaling on ${saved.resourceId} (${errors.join('; ')}). Register it again from the saved definitions in the auto-scaling output: ${scalingJson(saved)}`
  )
  return { saved, restored: false, errors }
}

/**
 * Pre-flight: the variant's auto scaling, and what it means for this step. Reading needs
 * application-autoscaling:Describe*; without it the step goes on with a warning (a model-only
 * change is allowed either way, and SageMaker refuses the update itself otherwise).
 */
export async function checkAutoScaling(
  api: AwsApi,
  o: {
    endpointName: string
    variantName: string
    liveInstanceType: string | undefined
    greenInstanceType: string
    mode: 'fail' | 'reregister'
    log: Logger
  }
): Promise<{ saved: SavedScaling | undefined; reregister: boolean; note: string | undefined }> {
  let saved: SavedScaling | undefined
  try {
    saved = await readScaling(await api.autoScaling(), o.endpointName, o.variantName)
  } catch (e) {
    o.log.warning(
      `Could not read Application Auto Scaling for variant ${o.variantName} (${errorMessage(e)}). If it is registered, SageMaker refuses an update that changes its instance type; the role needs application-autoscaling:DescribeScalableTargets, DescribeScalingPolicies and DescribeScheduledActions to check.`
    )
    return { saved: undefined, reregister: false, note: undefined }
  }
  if (!saved) return { saved: undefined, reregister: false, note: undefined }
  const registered = `Variant ${o.variantName} is registered with Application Auto Scaling (${describeScaling(saved)})`
  const changes = o.liveInstanceType !== undefined && o.liveInstanceType !== o.greenInstanceType
  if (!changes) {
    return {
      saved,
      reregister: false,
      note: `${registered}: the green fleet starts at the variant's current desired count, and auto scaling is blocked while SageMaker updates the endpoint.`
    }
  }
  if (o.mode === 'fail') {
    throw new AutoScalingRefusal(
      `${registered}, and this step changes its instance type (${o.liveInstanceType} → ${o.greenInstanceType}): SageMaker fails such an update. Set on-auto-scaling: reregister to let the action deregister it, deploy, and register it again exactly as it was, or change the instance type outside this action.`
    )
  }
  return {
    saved,
    reregister: true,
    note: `${registered}; this step changes its instance type (${o.liveInstanceType} → ${o.greenInstanceType}), so it is deregistered just before the update and registered again exactly as saved after the verdict (on-auto-scaling: reregister).`
  }
}

export class AutoScalingRefusal extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'AutoScalingRefusal'
  }
}
