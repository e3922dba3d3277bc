// Pre-flight's checks that hold for every target: the guarding alarms exist and none is already
// in ALARM. Reads only: nothing here changes anything in AWS.
import type { MetricAlarm } from '@aws-sdk/client-cloudwatch'
import type { AwsApi } from '../aws/api.js'
import type { DeployRequest, Logger, Plan, UnreadSetting } from '../types.js'

export class PreflightError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PreflightError'
  }
}

/**
 * A setting of the live endpoint that the new model or config must carry, and that could not be
 * read (after the patient retries of pre-flight reads): stop before any write. A new model needs
 * the live model's settings only when this step creates one (not with model-name).
 */
export function refuseUnread(
  unread: readonly UnreadSetting[] | undefined,
  createsModel: boolean
): void {
  const blocking = (unread ?? []).filter(u => createsModel || !u.forNewModel)
  if (blocking.length === 0) return
  const what = blocking.map(u => `${u.read} (${u.error}), which protects ${u.protects}`)
  const denied = blocking.flatMap(u => (u.deniedPermission ? [u.deniedPermission] : []))
  const fix = denied.length
    ? `Allow ${[...new Set(denied)].join(' and ')} to the role (docs/iam-policy.json has every permission the action uses).`
    : 'Re-run once it can be read.'
  const way = blocking.some(u => u.forNewModel)
    ? ' Or name a model you created with the settings you want in model-name: the action then creates no model.'
    : ''
  throw new PreflightError(
    `Could not read ${what.join('; and ')}. Going on would deploy without them, so nothing was changed. ${fix}${way}`
  )
}

/**
 * Every alarm that guards the rollout must exist (except those this run creates) and none may be
 * in ALARM already: SageMaker would roll back at once. Returns the alarms as read, by name.
 */
export async function checkAlarms(
  request: DeployRequest,
  plan: Plan,
  deps: { readonly api: AwsApi; readonly log: Logger }
): Promise<Map<string, MetricAlarm>> {
  const created = new Set(plan.alarmsToCreate.map(a => a.name))
  const names = plan.guardAlarmNames
  if (names.length === 0) return new Map()
  const found = await deps.api.describeAlarms(names)
  const byName = new Map(found.map(a => [a.AlarmName ?? '', a]))
  const missing = names.filter(n => !created.has(n) && !byName.has(n))
  if (missing.length) {
    throw new PreflightError(
      `CloudWatch alarm(s) not found in ${request.region}: ${missing.join(', ')}. Create them first, fix alarm-names, or use create-alarms: true.`
    )
  }
  const inAlarm = names.filter(n => byName.get(n)?.StateValue === 'ALARM')
  if (inAlarm.length) {
    const detail = inAlarm
      .map(n => `${n} (${byName.get(n)?.StateReason ?? 'no reason given'})`)
      .join('; ')
    if (!request.allowAlarmInAlarm) {
      throw new PreflightError(
        `Guarding alarm(s) already in ALARM: ${detail}. SageMaker would roll the deployment back at once. Fix the cause (or the alarm) first, or set allow-alarm-in-alarm: true.`
      )
    }
    deps.log.warning(
      `Starting although guarding alarm(s) are in ALARM (allow-alarm-in-alarm): ${detail}`
    )
  }
  const blind = names.filter(n => byName.get(n)?.StateValue === 'INSUFFICIENT_DATA')
  if (blind.length) {
    deps.log.warning(
      `Alarm(s) in INSUFFICIENT_DATA: ${blind.join(', ')}. The guardrail is blind until they have data (traffic on the endpoint).`
    )
  }
  return byName
}

/** A `timeout` shorter than the rollout the plan expects: the watch would end before it does. */
export function shortTimeout(request: DeployRequest, plan: Plan): string | undefined {
  if (request.timeoutMinutes === undefined) return undefined
  if (plan.budgetSeconds >= plan.expectedDurationSeconds) return undefined
  const minutes = (seconds: number): string => `${Math.ceil(seconds / 60)} min`
  return `Input "timeout" is ${request.timeoutMinutes} min, shorter than the ${minutes(plan.expectedDurationSeconds)} this rollout is expected to take (provisioning, every step and bake): the job would stop watching and report timed-out while SageMaker goes on. Raise timeout to at least ${minutes(plan.expectedDurationSeconds)}, or leave it empty to derive it from the policy.`
}
