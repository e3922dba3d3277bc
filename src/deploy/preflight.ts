// Pre-flight's checks that hold for every target: the guarding alarms exist and none is already
// in ALARM. Reads only: nothing here changes anything in AWS.
import type { MetricAlarm } from '@aws-sdk/client-cloudwatch'
import type { AwsApi } from '../aws/api.js'
import { isAccessDenied } from '../aws/errors.js'
import { errorMessage } from '../errors.js'
import { alarmUpToDate } from '../guard/alarms.js'
import { REPOSITORY_TAG } from './step-identity.js'
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
  await refuseForeignAlarms(plan, byName, deps.api)
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

/** An alarm's definition in one line, for the person who owns it. */
function definitionOf(alarm: MetricAlarm): string {
  const metric = alarm.MetricName
    ? `${alarm.Namespace ?? '?'} ${alarm.MetricName} (${alarm.Statistic ?? alarm.ExtendedStatistic ?? '?'})`
    : `metric math over ${alarm.Metrics?.length ?? 0} metrics`
  const period = alarm.Period ?? alarm.Metrics?.find(m => m.MetricStat)?.MetricStat?.Period
  const actions = alarm.AlarmActions?.length ?? 0
  const described = alarm.AlarmDescription ? `, described "${alarm.AlarmDescription}"` : ''
  return `${metric} ${alarm.ComparisonOperator ?? '?'} ${alarm.Threshold ?? '?'}, period ${period ?? '?'} s × ${alarm.EvaluationPeriods ?? '?'}, ${actions} alarm action${actions === 1 ? '' : 's'}${described}`
}

/**
 * PutMetricAlarm replaces an alarm's whole definition, its actions included: an alarm the run
 * would write over must be the action's own, which its tags say (CloudWatch keeps the tags an
 * alarm was created with). One already up to date is not written, so it is not asked.
 */
async function refuseForeignAlarms(
  plan: Plan,
  byName: ReadonlyMap<string, MetricAlarm>,
  api: AwsApi
): Promise<void> {
  const foreign: string[] = []
  for (const spec of plan.alarmsToCreate) {
    const existing = byName.get(spec.name)
    if (existing === undefined || alarmUpToDate(existing, spec.request)) continue
    try {
      const tags = await api.listAlarmTags(existing.AlarmArn ?? '', { deadlineMs: 15_000 })
      if (tags[REPOSITORY_TAG] !== undefined) continue
      foreign.push(`${spec.name} (${definitionOf(existing)})`)
    } catch (e) {
      const allow = isAccessDenied(e) ? ' Allow cloudwatch:ListTagsForResource to the role.' : ''
      foreign.push(
        `${spec.name}, whose tags could not be read (${errorMessage(e)}), so it cannot be told from an alarm of yours.${allow}`
      )
    }
  }
  if (foreign.length === 0) return
  const names = plan.alarmsToCreate.map(a => a.name)
  throw new PreflightError(
    `create-alarms would overwrite alarm(s) the action did not create: ${foreign.join('; ')}. PutMetricAlarm replaces an alarm's whole definition, its actions included, so nothing was written. Guard with your alarm as it is (create-alarms: false and alarm-names: ${names.join(', ')}), or have the action create its own under other names (alarm-name-prefix).`
  )
}
