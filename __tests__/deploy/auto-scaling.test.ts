import { describe, expect, it } from '@jest/globals'
import {
  AutoScalingRefusal,
  checkAutoScaling,
  describeScaling,
  readScaling,
  restore,
  RESTORE_WINDOW_MS
} from '../../src/deploy/auto-scaling.js'
import { AwsCallError, NO_ANSWER } from '../../src/aws/errors.js'
import { restoreCommands } from '../../src/report/live-endpoint.js'
import fc from 'fast-check'
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
    tagResource: async (arn, tags) => step('TagResource', { arn, tags }),
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

type Fault = 'throttle' | 'lost' | 'error' | 'denied'

/**
 * Application Auto Scaling in memory, with what AWS does that matters here: registering tags on
 * an existing target is refused, policies and actions need a registered target, a deregistration
 * deletes them too. `faults` are consumed in order per operation ('lost': applied, then no answer).
 */
function memoryAas(registered: boolean, faults: Partial<Record<string, Fault[]>> = {}) {
  const writes: string[] = []
  let target: Record<string, unknown> | undefined
  let tags: Record<string, string> = {}
  let policies = new Map<unknown, Record<string, unknown>>()
  let actions = new Map<unknown, Record<string, unknown>>()
  if (registered) {
    target = { ...base, MinCapacity: 2, MaxCapacity: 8, RoleARN: 'arn:role' }
    tags = { team: 'ml' }
    policies.set('cpu', {
      ...base,
      PolicyName: 'cpu',
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingScalingPolicyConfiguration: { TargetValue: 70 }
    })
    actions.set('night', {
      ...base,
      ScheduledActionName: 'night',
      Schedule: 'cron(0 0 * * ? *)',
      StartTime: new Date('2026-12-01T00:00:00Z'),
      ScalableTargetAction: { MinCapacity: 1 }
    })
  }
  const fault = (operation: string): Fault | undefined => faults[operation]?.shift()
  const fail = (operation: string, f: Fault): never => {
    const [code, status] = {
      throttle: ['ThrottlingException', 400],
      lost: [NO_ANSWER, undefined],
      error: ['InternalServiceException', 500],
      denied: ['AccessDeniedException', 400]
    }[f] as [string, number | undefined]
    throw new AwsCallError(operation, code, 'injected', status)
  }
  /** A write: refused before, or lost after, it is applied. */
  const write = (operation: string, apply: () => void): void => {
    const f = fault(operation)
    if (f && f !== 'lost') fail(operation, f)
    apply()
    writes.push(operation)
    if (f === 'lost') fail(operation, f)
  }
  const needTarget = (operation: string): void => {
    if (!target)
      throw new AwsCallError(
        operation,
        'ObjectNotFoundException',
        'No scalable target registered',
        400
      )
  }
  const read = <T>(operation: string, value: () => T): Promise<T> => {
    const f = fault(operation)
    return f ? Promise.reject(fail(operation, f)) : Promise.resolve(value())
  }
  const aas: AutoScalingApi = {
    describeTarget: () =>
      read('DescribeScalableTargets', () =>
        target
          ? ({ ...target, ScalableTargetARN: 'arn:target', CreationTime: new Date(0) } as never)
          : undefined
      ),
    describePolicies: () =>
      read('DescribeScalingPolicies', () =>
        [...policies.values()].map(
          p => ({ ...p, PolicyARN: `arn:${String(p['PolicyName'])}` }) as never
        )
      ),
    describeScheduledActions: () =>
      read('DescribeScheduledActions', () => [...actions.values()] as never),
    listTags: () => read('ListTagsForResource', () => ({ ...tags })),
    registerTarget: async input =>
      write('RegisterScalableTarget', () => {
        const { Tags, ...rest } = input as unknown as Record<string, unknown>
        if (target && Tags) {
          throw new AwsCallError(
            'RegisterScalableTarget',
            'ValidationException',
            'The scalable target that you tried to tag already exists. To update tags on an existing scalable target, use the TagResource API.',
            400
          )
        }
        target = { ...rest }
        if (Tags) tags = { ...(Tags as Record<string, string>) }
      }),
    deregisterTarget: async () =>
      write('DeregisterScalableTarget', () => {
        needTarget('DeregisterScalableTarget')
        target = undefined
        tags = {}
        policies = new Map()
        actions = new Map()
      }),
    putScalingPolicy: async input =>
      write('PutScalingPolicy', () => {
        needTarget('PutScalingPolicy')
        const p = input as unknown as Record<string, unknown>
        policies.set(p['PolicyName'], { ...p })
      }),
    putScheduledAction: async input =>
      write('PutScheduledAction', () => {
        needTarget('PutScheduledAction')
        const a = input as unknown as Record<string, unknown>
        actions.set(a['ScheduledActionName'], { ...a })
      }),
    tagResource: async (_, t) =>
      write('TagResource', () => {
        needTarget('TagResource')
        tags = { ...tags, ...t }
      }),
    destroy: () => undefined
  }
  /** Ends every fault still to come (to read what is registered at the end). */
  const heal = (): void => {
    for (const key of Object.keys(faults)) delete faults[key]
  }
  return { aas, writes, heal }
}

/** A clock that moves only when slept on. */
function fakeClock() {
  let now = 0
  return { now: () => now, sleep: async (ms: number) => void (now += ms) }
}

async function savedAndDeregistered(faults: Partial<Record<string, Fault[]>> = {}) {
  const service = memoryAas(true, faults)
  const saved = (await readScaling(service.aas, 'ep', 'A'))!
  await service.aas.deregisterTarget(RESOURCE).catch(() => undefined)
  service.writes.length = 0
  return { ...service, saved }
}

describe('restore', () => {
  it('registers the target with its tags, then every policy and action, times as dates; read back identical', async () => {
    const { aas, writes, saved } = await savedAndDeregistered()
    const report = await restore(aas, saved, log, fakeClock())
    expect(report).toEqual({ saved, restored: true, errors: [] })
    expect(writes).toEqual(['RegisterScalableTarget', 'PutScalingPolicy', 'PutScheduledAction'])
    expect(await readScaling(aas, 'ep', 'A')).toEqual(saved)
  })

  it('writes nothing when the registration is still there (a deregistration that never applied)', async () => {
    const service = memoryAas(true)
    const saved = (await readScaling(service.aas, 'ep', 'A'))!
    expect(await restore(service.aas, saved, log, fakeClock())).toMatchObject({ restored: true })
    expect(service.writes).toEqual([])
  })

  it('a lost RegisterScalableTarget answer: the next pass finds the target and adds the rest, no tag refusal', async () => {
    const { aas, writes, saved } = await savedAndDeregistered({ RegisterScalableTarget: ['lost'] })
    const clock = fakeClock()
    const report = await restore(aas, saved, log, clock)
    expect(report.restored).toBe(true)
    expect(writes).toEqual(['RegisterScalableTarget', 'PutScalingPolicy', 'PutScheduledAction'])
    expect(clock.now()).toBe(1000)
    expect(await readScaling(aas, 'ep', 'A')).toEqual(saved)
  })

  it('throttled five times: waited out with a doubling backoff, restored', async () => {
    const { aas, saved } = await savedAndDeregistered({
      RegisterScalableTarget: ['throttle', 'throttle', 'throttle', 'throttle', 'throttle']
    })
    const clock = fakeClock()
    const infos: string[] = []
    const report = await restore(
      aas,
      saved,
      { ...log, info: (m: string) => void infos.push(m) },
      clock
    )
    expect(report.restored).toBe(true)
    expect(clock.now()).toBe(1000 + 2000 + 4000 + 8000 + 16_000)
    expect(infos[0]).toBe(
      `Restoring auto scaling on ${RESOURCE}: RegisterScalableTarget failed: ThrottlingException: injected; trying again in 1 s (attempt 2).`
    )
  })

  it('a policy refused for longer than the window: gives up after it, never throws, names what is missing', async () => {
    const { aas, saved } = await savedAndDeregistered({
      PutScalingPolicy: Array.from({ length: 50 }, () => 'error' as const)
    })
    const clock = fakeClock()
    const report = await restore(aas, saved, log, clock)
    expect(report.restored).toBe(false)
    expect(report.errors).toEqual(['PutScalingPolicy failed: InternalServiceException: injected'])
    expect(clock.now()).toBeLessThanOrEqual(RESTORE_WINDOW_MS)
    expect(clock.now()).toBeGreaterThan(RESTORE_WINDOW_MS - 20_000)
  })

  it('access denied: stops at once', async () => {
    const { aas, saved } = await savedAndDeregistered({ RegisterScalableTarget: ['denied'] })
    const clock = fakeClock()
    const report = await restore(aas, saved, log, clock)
    expect([report.restored, clock.now()]).toEqual([false, 0])
    expect(report.errors).toEqual([
      'RegisterScalableTarget failed: AccessDeniedException: injected'
    ])
  })

  it('over any schedule of faults: the registration is identical at the end, or the report says not restored', async () => {
    const operations = [
      'DescribeScalableTargets',
      'DescribeScalingPolicies',
      'DescribeScheduledActions',
      'ListTagsForResource',
      'RegisterScalableTarget',
      'PutScalingPolicy',
      'PutScheduledAction',
      'TagResource',
      'DeregisterScalableTarget'
    ]
    const faultArb = fc.constantFrom<Fault>('throttle', 'lost', 'error', 'denied')
    const scheduleArb = fc.dictionary(
      fc.constantFrom(...operations),
      fc.array(faultArb, { maxLength: 12 })
    )
    await fc.assert(
      fc.asyncProperty(scheduleArb, fc.boolean(), async (schedule, deregistered) => {
        const service = memoryAas(true)
        const saved = (await readScaling(service.aas, 'ep', 'A'))!
        // The deregistration's own faults: applied or not, answered or not.
        const copy = memoryAas(true, structuredClone(schedule))
        if (deregistered) await copy.aas.deregisterTarget(RESOURCE).catch(() => undefined)
        const clock = fakeClock()
        const report = await restore(copy.aas, saved, log, clock)
        expect(clock.now()).toBeLessThanOrEqual(RESTORE_WINDOW_MS)
        copy.heal()
        const after = await readScaling(copy.aas, 'ep', 'A')
        if (report.restored) expect(after).toEqual(saved)
        else {
          expect(report.saved).toEqual(saved)
          expect(report.errors.length).toBeGreaterThan(0)
        }
      }),
      { numRuns: 300, seed: 2026 }
    )
  })
})

describe('restore commands', () => {
  it('one AWS CLI command per call, the JSON quoted for a POSIX shell', async () => {
    const saved = (await readScaling(memoryAas(true).aas, 'ep', 'A'))!
    const commands = restoreCommands(
      { ...saved, target: { ...saved.target, RoleARN: "arn:it's" } },
      'eu-west-1'
    )
    expect(commands).toHaveLength(3)
    expect(commands[0]).toBe(
      `aws application-autoscaling register-scalable-target --region eu-west-1 --cli-input-json '{"ServiceNamespace":"sagemaker","ScalableDimension":"sagemaker:variant:DesiredInstanceCount","ResourceId":"${RESOURCE}","MinCapacity":2,"MaxCapacity":8,"RoleARN":"arn:it'\\''s","Tags":{"team":"ml"}}'`
    )
    expect(commands[1]).toMatch(
      /^aws application-autoscaling put-scaling-policy --region eu-west-1 --cli-input-json '\{"ServiceNamespace"/
    )
    expect(commands[2]).toMatch(/^aws application-autoscaling put-scheduled-action /)
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
