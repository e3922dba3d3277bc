import { describe, expect, it } from '@jest/globals'
import {
  AutoScalingRefusal,
  checkAutoScaling,
  describeScaling,
  readScaling,
  restore
} from '../../src/deploy/auto-scaling.js'
import type { AutoScalingApi } from '../../src/aws/auto-scaling.js'
import type { AwsApi } from '../../src/aws/api.js'

const RESOURCE = 'endpoint/ep/variant/A'
const base = {
  ServiceNamespace: 'sagemaker',
  ResourceId: RESOURCE,
  ScalableDimension: 'sagemaker:variant:DesiredInstanceCount'
}

function fake(registered = true, fail: string[] = []) {
  const calls: [string, unknown][] = []
  const step = (name: string, input?: unknown) => {
    calls.push([name, input])
    if (fail.includes(name)) throw new Error(`${name} failed: Boom: no`)
  }
  const aas: AutoScalingApi = {
    describeTarget: async () =>
      registered
        ? ({
            ...base,
            MinCapacity: 2,
            MaxCapacity: 8,
            RoleARN: 'arn:role',
            CreationTime: new Date(0),
            ScalableTargetARN: 'arn:target'
          } as never)
        : undefined,
    describePolicies: async () => [
      {
        ...base,
        PolicyARN: 'arn:policy',
        PolicyName: 'cpu',
        PolicyType: 'TargetTrackingScaling',
        TargetTrackingScalingPolicyConfiguration: { TargetValue: 70 },
        Alarms: [{ AlarmName: 'x', AlarmARN: 'y' }],
        CreationTime: new Date(0)
      } as never
    ],
    describeScheduledActions: async () => [
      {
        ...base,
        ScheduledActionName: 'night',
        ScheduledActionARN: 'arn:action',
        Schedule: 'cron(0 0 * * ? *)',
        StartTime: new Date('2026-12-01T00:00:00Z'),
        ScalableTargetAction: { MinCapacity: 1 },
        CreationTime: new Date(0)
      } as never
    ],
    listTags: async () => ({ team: 'ml' }),
    registerTarget: async input => step('RegisterScalableTarget', input),
    deregisterTarget: async id => step('DeregisterScalableTarget', id),
    putScalingPolicy: async input => step('PutScalingPolicy', input),
    putScheduledAction: async input => step('PutScheduledAction', input),
    destroy: () => undefined
  }
  return { aas, calls }
}

const log = { info: () => undefined, warning: () => undefined }

describe('readScaling', () => {
  it('saves the target, policies and actions as the requests that register them again', async () => {
    const saved = await readScaling(fake().aas, 'ep', 'A')
    expect(saved).toEqual({
      resourceId: RESOURCE,
      target: {
        ...base,
        MinCapacity: 2,
        MaxCapacity: 8,
        RoleARN: 'arn:role',
        Tags: { team: 'ml' }
      },
      policies: [
        {
          ...base,
          PolicyName: 'cpu',
          PolicyType: 'TargetTrackingScaling',
          TargetTrackingScalingPolicyConfiguration: { TargetValue: 70 }
        }
      ],
      scheduledActions: [
        {
          ...base,
          ScheduledActionName: 'night',
          Schedule: 'cron(0 0 * * ? *)',
          StartTime: '2026-12-01T00:00:00.000Z',
          ScalableTargetAction: { MinCapacity: 1 }
        }
      ]
    })
    expect(describeScaling(saved!)).toBe(
      'min 2, max 8, 1 scaling policy (cpu), 1 scheduled action (night)'
    )
    expect(await readScaling(fake(false).aas, 'ep', 'A')).toBeUndefined()
  })
})

describe('restore', () => {
  it('registers the target, then every policy and action, times as dates', async () => {
    const { aas, calls } = fake()
    const saved = (await readScaling(aas, 'ep', 'A'))!
    const report = await restore(aas, saved, log)
    expect(report).toEqual({ saved, restored: true, errors: [] })
    expect(calls.map(([name]) => name)).toEqual([
      'RegisterScalableTarget',
      'PutScalingPolicy',
      'PutScheduledAction'
    ])
    expect((calls[2]![1] as { StartTime: unknown }).StartTime).toEqual(
      new Date('2026-12-01T00:00:00Z')
    )
  })

  it('never throws: a failed registration is reported, and nothing is put on a missing target', async () => {
    const { aas, calls } = fake(true, ['RegisterScalableTarget'])
    const saved = (await readScaling(aas, 'ep', 'A'))!
    const report = await restore(aas, saved, log)
    expect([report.restored, report.errors]).toEqual([
      false,
      ['RegisterScalableTarget failed: Boom: no']
    ])
    expect(calls.map(([name]) => name)).toEqual(['RegisterScalableTarget'])
  })
})

describe('checkAutoScaling', () => {
  const api = (registered: boolean) =>
    ({ autoScaling: async () => fake(registered).aas }) as unknown as AwsApi
  const options = {
    endpointName: 'ep',
    variantName: 'A',
    liveInstanceType: 'ml.m5.large',
    greenInstanceType: 'ml.m5.large',
    mode: 'fail' as const,
    log
  }

  it('not registered: nothing to say', async () => {
    expect(await checkAutoScaling(api(false), options)).toEqual({
      saved: undefined,
      reregister: false,
      note: undefined
    })
  })

  it('model only: proceeds with a note', async () => {
    const r = await checkAutoScaling(api(true), options)
    expect([r.reregister, r.note]).toEqual([
      false,
      "Variant A is registered with Application Auto Scaling (min 2, max 8, 1 scaling policy (cpu), 1 scheduled action (night)): the green fleet starts at the variant's current desired count, and auto scaling is blocked while SageMaker updates the endpoint."
    ])
  })

  it('an instance-type change: refused (fail) or reregistered', async () => {
    const change = { ...options, greenInstanceType: 'ml.c5.xlarge' }
    await expect(checkAutoScaling(api(true), change)).rejects.toBeInstanceOf(AutoScalingRefusal)
    const r = await checkAutoScaling(api(true), { ...change, mode: 'reregister' })
    expect(r.reregister).toBe(true)
    expect(r.saved?.resourceId).toBe(RESOURCE)
  })

  it('unreadable: warns and goes on', async () => {
    const warnings: string[] = []
    const broken = {
      autoScaling: async () => ({
        ...fake().aas,
        describeTarget: async () => {
          throw new Error('AccessDenied')
        }
      })
    } as unknown as AwsApi
    const r = await checkAutoScaling(broken, {
      ...options,
      log: { info: () => undefined, warning: m => void warnings.push(m) }
    })
    expect(r.saved).toBeUndefined()
    expect(warnings[0]).toMatch(
      /^Could not read Application Auto Scaling for variant A \(AccessDenied\)/
    )
  })
})
