// Scaling policies and scheduled actions of a registered scalable target. They are stored and
// described as sent; the emulator runs no scaling activity (no alarms are created, no schedule
// fires).

import { randomUUID } from 'node:crypto'
import {
  aasError,
  invalid,
  notRegistered,
  page,
  targetKey,
  type ScalableTargetRecord,
  type ScalingContext,
  type ScalingPolicyRecord,
  type ScheduledActionRecord
} from './application-autoscaling-state.js'

type Params = Record<string, unknown>

const seconds = (ms: number): number => ms / 1000
const SCHEDULE = /^(at\(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\)|rate\(\d+ \w+\)|cron\(.+\))$/

function keyOf(p: Params): string {
  return targetKey(String(p.ServiceNamespace), String(p.ResourceId), String(p.ScalableDimension))
}

/** What identifies a target in the ARNs: `resource/sagemaker/endpoint/ep/variant/v`. */
function resourcePart(p: Params): string {
  return `resource/${String(p.ServiceNamespace)}/${String(p.ResourceId)}`
}

export class ScalingPolicies {
  constructor(
    private readonly ctx: ScalingContext,
    private readonly target: (key: string) => ScalableTargetRecord | undefined
  ) {}

  private get scaling() {
    return this.ctx.store.scaling
  }

  private requireTarget(p: Params): string {
    const key = keyOf(p)
    if (this.target(key) === undefined) throw notRegistered(p)
    return key
  }

  putPolicy(input: Params): Params {
    const key = this.requireTarget(input)
    const policies = this.scaling.policies.get(key) ?? new Map<string, ScalingPolicyRecord>()
    const name = String(input.PolicyName)
    const existing = policies.get(name)
    const type = (input.PolicyType as string | undefined) ?? existing?.request.PolicyType
    if (type === undefined) throw invalid('PolicyType is required when creating a scaling policy.')
    if (type === 'PredictiveScaling')
      throw invalid('PredictiveScaling policies are only supported for Amazon ECS services.')
    const config =
      type === 'StepScaling'
        ? 'StepScalingPolicyConfiguration'
        : 'TargetTrackingScalingPolicyConfiguration'
    if (input[config] === undefined) throw invalid(`${config} is required for a ${type} policy.`)
    const arn =
      existing?.PolicyARN ??
      `arn:aws:autoscaling:${this.ctx.region}:${this.ctx.accountId}:scalingPolicy:${randomUUID()}:${resourcePart(input)}:policyName/${name}`
    const alarmArn = (alarm: string): string =>
      `arn:aws:cloudwatch:${this.ctx.region}:${this.ctx.accountId}:alarm:${alarm}`
    const alarms =
      type === 'TargetTrackingScaling'
        ? ['AlarmHigh', 'AlarmLow'].map(kind => {
            const AlarmName = `TargetTracking-${String(input.ResourceId)}-${kind}-${randomUUID()}`
            return { AlarmName, AlarmARN: alarmArn(AlarmName) }
          })
        : []
    const record: ScalingPolicyRecord = {
      request: { ...input, PolicyType: type },
      PolicyARN: arn,
      alarms: existing?.alarms ?? alarms,
      creationTime: existing?.creationTime ?? this.ctx.now()
    }
    policies.set(name, record)
    this.scaling.policies.set(key, policies)
    return { PolicyARN: arn, ...(record.alarms.length > 0 ? { Alarms: record.alarms } : {}) }
  }

  describePolicies(input: Params): Params {
    const names = input.PolicyNames as string[] | undefined
    const all: ScalingPolicyRecord[] = []
    for (const policies of this.scaling.policies.values()) {
      for (const p of policies.values()) {
        const r = p.request
        if (
          r.ServiceNamespace === input.ServiceNamespace &&
          (input.ResourceId === undefined || r.ResourceId === input.ResourceId) &&
          (input.ScalableDimension === undefined ||
            r.ScalableDimension === input.ScalableDimension) &&
          (names === undefined || names.length === 0 || names.includes(String(r.PolicyName)))
        )
          all.push(p)
      }
    }
    const { items, NextToken } = page(input, all)
    return {
      ScalingPolicies: items.map(p => ({
        PolicyARN: p.PolicyARN,
        ...p.request,
        ...(p.alarms.length > 0 ? { Alarms: p.alarms } : {}),
        CreationTime: seconds(p.creationTime)
      })),
      ...(NextToken === undefined ? {} : { NextToken })
    }
  }

  deletePolicy(input: Params): Params {
    const policies = this.scaling.policies.get(keyOf(input))
    const name = String(input.PolicyName)
    if (policies?.has(name) !== true) {
      throw aasError(
        'ObjectNotFoundException',
        `No scaling policy found for service namespace: ${String(input.ServiceNamespace)}, resource ID: ${String(input.ResourceId)}, scalable dimension: ${String(input.ScalableDimension)}, policy name: ${name}`
      )
    }
    policies.delete(name)
    return {}
  }

  putScheduledAction(input: Params): Params {
    const key = this.requireTarget(input)
    const actions =
      this.scaling.scheduledActions.get(key) ?? new Map<string, ScheduledActionRecord>()
    const name = String(input.ScheduledActionName)
    const existing = actions.get(name)
    const schedule = (input.Schedule as string | undefined) ?? existing?.request.Schedule
    if (schedule === undefined)
      throw invalid('Schedule is required when creating a scheduled action.')
    if (!SCHEDULE.test(String(schedule)))
      throw invalid(`Invalid schedule ${String(schedule)}: use at(...), rate(...) or cron(...).`)
    // Unspecified start and end times delete the old ones; other parameters are kept.
    const kept = { ...(existing?.request ?? {}) }
    delete kept.StartTime
    delete kept.EndTime
    actions.set(name, {
      request: { ...kept, ...input, Schedule: schedule },
      ScheduledActionARN:
        existing?.ScheduledActionARN ??
        `arn:aws:autoscaling:${this.ctx.region}:${this.ctx.accountId}:scheduledAction:${randomUUID()}:${resourcePart(input)}:scheduledActionName/${name}`,
      creationTime: existing?.creationTime ?? this.ctx.now()
    })
    this.scaling.scheduledActions.set(key, actions)
    return {}
  }

  describeScheduledActions(input: Params): Params {
    const names = input.ScheduledActionNames as string[] | undefined
    const all: ScheduledActionRecord[] = []
    for (const actions of this.scaling.scheduledActions.values()) {
      for (const a of actions.values()) {
        const r = a.request
        if (
          r.ServiceNamespace === input.ServiceNamespace &&
          (input.ResourceId === undefined || r.ResourceId === input.ResourceId) &&
          (input.ScalableDimension === undefined ||
            r.ScalableDimension === input.ScalableDimension) &&
          (names === undefined ||
            names.length === 0 ||
            names.includes(String(r.ScheduledActionName)))
        )
          all.push(a)
      }
    }
    const { items, NextToken } = page(input, all)
    return {
      ScheduledActions: items.map(a => ({
        ...a.request,
        ScheduledActionARN: a.ScheduledActionARN,
        CreationTime: seconds(a.creationTime)
      })),
      ...(NextToken === undefined ? {} : { NextToken })
    }
  }

  deleteScheduledAction(input: Params): Params {
    const actions = this.scaling.scheduledActions.get(keyOf(input))
    const name = String(input.ScheduledActionName)
    if (actions?.has(name) !== true) {
      throw aasError(
        'ObjectNotFoundException',
        `No scheduled action found for service namespace: ${String(input.ServiceNamespace)}, resource ID: ${String(input.ResourceId)}, scalable dimension: ${String(input.ScalableDimension)}, scheduled action name: ${name}`
      )
    }
    actions.delete(name)
    return {}
  }
}
