// Pre-flight's capacity check against plain test doubles: the quota, the other endpoints' fleets.
import { describe, expect, it } from '@jest/globals'
import type { AwsApi } from '../../src/aws/api.js'
import { AwsCallError } from '../../src/aws/errors.js'
import type { EndpointQuota } from '../../src/aws/quota-api.js'
import { capacityWays, checkCapacity, instancesInUse } from '../../src/deploy/capacity.js'
import { buildPlan } from '../../src/target/endpoint/plan.js'
import type { CurrentEndpoint, DeployRequest, Plan } from '../../src/types.js'
import { CURRENT, REQUEST, RUN } from '../helpers/plan-fixtures.js'

interface Other {
  readonly name: string
  readonly status?: string
  readonly type: string
  readonly current: number
  readonly desired?: number
  readonly pending?: { readonly type: string; readonly current: number }
}

/** An AwsApi with Service Quotas and the region's other endpoints; records the reads. */
function fakeApi(o: {
  quota?: EndpointQuota | Error | undefined
  others?: readonly Other[]
  listed?: number
}): { api: AwsApi; described: string[] } {
  const described: string[] = []
  const others = o.others ?? []
  const filler = Array.from({ length: o.listed ?? 0 }, (_, i) => ({
    EndpointName: `filler-${i}`,
    EndpointStatus: 'InService'
  }))
  const api = {
    quotas: async () => ({
      endpointQuota: async () => {
        if (o.quota instanceof Error) throw o.quota
        return o.quota
      },
      endpointInstanceQuota: async () => undefined,
      destroy: () => undefined
    }),
    listEndpoints: async () => [
      { EndpointName: 'lab-endpoint', EndpointStatus: 'InService' },
      ...others.map(e => ({ EndpointName: e.name, EndpointStatus: e.status ?? 'InService' })),
      ...filler
    ],
    describeEndpoint: async (name: string) => {
      described.push(name)
      const e = others.find(x => x.name === name)
      if (!e) return { EndpointName: name, EndpointStatus: 'InService' }
      return {
        EndpointName: name,
        EndpointStatus: e.pending ? 'Updating' : (e.status ?? 'InService'),
        EndpointConfigName: `${name}-config`,
        ProductionVariants: [
          {
            VariantName: 'AllTraffic',
            CurrentInstanceCount: e.current,
            DesiredInstanceCount: e.desired ?? e.current
          }
        ],
        ...(e.pending
          ? {
              PendingDeploymentSummary: {
                EndpointConfigName: `${name}-next`,
                ProductionVariants: [
                  {
                    VariantName: 'AllTraffic',
                    InstanceType: e.pending.type,
                    CurrentInstanceCount: e.pending.current
                  }
                ]
              }
            }
          : {})
      }
    },
    describeEndpointConfig: async (name: string) => {
      const e = others.find(x => `${x.name}-config` === name)
      return { ProductionVariants: [{ VariantName: 'AllTraffic', InstanceType: e?.type }] }
    }
  } as unknown as AwsApi
  return { api, described }
}

function logger(): { info: string[]; log: { info(m: string): void; warning(m: string): void } } {
  const info: string[] = []
  return { info, log: { info: m => info.push(m), warning: m => info.push(`warning: ${m}`) } }
}

const rolling = (batch: number): DeployRequest => ({
  ...REQUEST,
  policy: {
    routing: 'rolling',
    stepSize: { type: 'INSTANCE_COUNT', value: batch },
    waitIntervalSeconds: 60,
    terminationWaitSeconds: 0,
    maxExecutionTimeoutSeconds: undefined
  }
})

const plan = (request: DeployRequest, current: CurrentEndpoint | null = CURRENT): Plan =>
  buildPlan(request, RUN, current)

describe('checkCapacity', () => {
  it('refuses a blue/green update whose doubled fleet exceeds the quota, with the numbers and the ways out', async () => {
    const { api } = fakeApi({ quota: { value: 6, code: 'L-M5' } })
    const { log } = logger()
    const result = await checkCapacity(plan(REQUEST), CURRENT, api, log)
    expect(result).toStrictEqual({
      refusal:
        'Not enough ml.m5.large capacity for this update: 4 live + 4 new + 0 on other endpoints = 8 instances at the peak, more than the quota of 6 ("ml.m5.large for endpoint usage" in us-east-1). SageMaker would refuse it with ResourceLimitExceeded after the writes. Raise the "ml.m5.large for endpoint usage" quota to 8 in the Service Quotas console (or aws service-quotas request-service-quota-increase --service-code sagemaker --quota-code L-M5 --desired-value 8 --region us-east-1), or use traffic-routing: rolling with step-size: 2 (one extra batch of 2 at a time, the largest that fits), or fewer instances (instance-count: 2 fits).'
    })
  })

  it('accepts a rolling update whose one extra batch fits, and says so in the log', async () => {
    const { api } = fakeApi({ quota: { value: 5, code: 'L-M5' } })
    const { info, log } = logger()
    const result = await checkCapacity(plan(rolling(1)), CURRENT, api, log)
    expect({ result, info }).toStrictEqual({
      result: {},
      info: [
        'Capacity: 5 ml.m5.large instances at the peak + 0 on other endpoints = 5, within the quota of 5 ("ml.m5.large for endpoint usage" in us-east-1).'
      ]
    })
  })

  it("counts other endpoints' instances and suggests the largest batch that still fits", async () => {
    const { api } = fakeApi({
      quota: { value: 8, code: undefined },
      others: [{ name: 'other', type: 'ml.m5.large', current: 3 }]
    })
    const { refusal } = await checkCapacity(plan(REQUEST), CURRENT, api, logger().log)
    expect([
      refusal?.includes('4 live + 4 new + 3 on other endpoints = 11 instances at the peak'),
      refusal?.includes('--quota-code <code from aws service-quotas list-service-quotas'),
      refusal?.includes('use traffic-routing: rolling with step-size: 1 ('),
      refusal?.includes('fewer instances (instance-count: 1 fits)')
    ]).toStrictEqual([true, true, true, true])
  })

  it('refuses a rolling batch that does not fit, naming a smaller one', async () => {
    const { api } = fakeApi({ quota: { value: 5, code: 'L-M5' } })
    const { refusal } = await checkCapacity(plan(rolling(2)), CURRENT, api, logger().log)
    expect([
      refusal?.includes('4 live + 2 new (one batch) + 0 on other endpoints = 6'),
      refusal?.includes('or use step-size: 1 (the largest batch that fits).')
    ]).toStrictEqual([true, true])
  })

  it('counts the new fleet alone on a first deploy', async () => {
    const { api } = fakeApi({ quota: { value: 2, code: 'L-M5' } })
    const request = { ...REQUEST, instanceType: 'ml.m5.large', instanceCount: 3 }
    const { refusal } = await checkCapacity(plan(request, null), null, api, logger().log)
    expect([
      refusal?.includes('0 live + 3 new + 0 on other endpoints = 3 instances at the peak'),
      refusal?.includes('rolling'),
      refusal?.includes('fewer instances (instance-count: 2 fits)')
    ]).toStrictEqual([true, false, true])
  })

  it('notes an unknown quota, never refuses', async () => {
    const { api } = fakeApi({ quota: undefined })
    expect(await checkCapacity(plan(REQUEST), CURRENT, api, logger().log)).toStrictEqual({
      note: 'Could not check capacity: Service Quotas lists no "ml.m5.large for endpoint usage" quota in us-east-1; the update may fail with ResourceLimitExceeded after the writes.'
    })
  })

  it('notes access denied on Service Quotas, naming the permission', async () => {
    const denied = new AwsCallError(
      'ListServiceQuotas',
      'AccessDeniedException',
      'User is not authorized to perform: servicequotas:ListServiceQuotas',
      400
    )
    const { api } = fakeApi({ quota: denied })
    expect(await checkCapacity(plan(REQUEST), CURRENT, api, logger().log)).toStrictEqual({
      note: 'Could not check capacity: ListServiceQuotas was denied (allow servicequotas:ListServiceQuotas to the role); the update may fail with ResourceLimitExceeded after the writes.'
    })
  })

  it('notes more other endpoints than it describes, when the update alone fits', async () => {
    const { api, described } = fakeApi({ quota: { value: 10, code: 'L-M5' }, listed: 51 })
    const result = await checkCapacity(plan(REQUEST), CURRENT, api, logger().log)
    expect({ result, described }).toStrictEqual({
      result: {
        note: 'Could not check capacity: the instances other endpoints run could not be counted (the region has more than 50 other endpoints, too many to describe one by one); this update alone runs 8 ml.m5.large at the peak, within the quota of 10; the update may fail with ResourceLimitExceeded after the writes.'
      },
      described: []
    })
  })

  it('is skipped without Service Quotas in the api', async () => {
    const api = { listEndpoints: async () => [] } as unknown as AwsApi
    expect(await checkCapacity(plan(REQUEST), CURRENT, api, logger().log)).toStrictEqual({})
  })

  it('notes an ML capacity reservation the green config keeps', async () => {
    const { api } = fakeApi({ quota: { value: 8, code: 'L-M5' } })
    const base = plan(REQUEST)
    const variants = base.createEndpointConfig['ProductionVariants'] as Record<string, unknown>[]
    const reserved: Plan = {
      ...base,
      createEndpointConfig: {
        ...base.createEndpointConfig,
        ProductionVariants: variants.map(v => ({
          ...v,
          CapacityReservationConfig: {
            CapacityReservationPreference: 'capacity-reservations-only',
            MlReservationArn: 'arn:aws:sagemaker:us-east-1:1:ml-reservation/r1'
          }
        }))
      }
    }
    expect(await checkCapacity(reserved, CURRENT, api, logger().log)).toStrictEqual({
      note: 'Variant AllTraffic launches into the ML capacity reservation arn:aws:sagemaker:us-east-1:1:ml-reservation/r1 (CapacityReservationConfig, kept in the new config): room in the reservation is not checked before the writes; with capacity-reservations-only, new instances fail to launch when it is full.'
    })
  })
})

describe('instancesInUse', () => {
  it('counts the type on other endpoints, both fleets of one being updated, none of a failed one', async () => {
    const { api, described } = fakeApi({
      others: [
        {
          name: 'b',
          type: 'ml.m5.large',
          current: 2,
          pending: { type: 'ml.m5.large', current: 2 }
        },
        { name: 'c', type: 'ml.m5.large', current: 5, status: 'Failed' },
        { name: 'd', type: 'ml.g5.xlarge', current: 3 },
        { name: 'e', type: 'ml.m5.large', current: 1, desired: 3 }
      ]
    })
    const usage = await instancesInUse(api, 'ml.m5.large', 'lab-endpoint')
    expect({ usage, described }).toStrictEqual({ usage: { count: 7 }, described: ['b', 'd', 'e'] })
  })

  it('is unknown beyond the limit, before describing any endpoint', async () => {
    const { api, described } = fakeApi({ listed: 3 })
    const usage = await instancesInUse(api, 'ml.m5.large', 'lab-endpoint', 2)
    expect({ usage, described }).toStrictEqual({
      usage: {
        unknown: 'the region has more than 2 other endpoints, too many to describe one by one'
      },
      described: []
    })
  })

  it('is unknown when ListEndpoints is denied, naming the permission', async () => {
    const api = {
      listEndpoints: async () => {
        throw new AwsCallError('ListEndpoints', 'AccessDeniedException', 'not authorized', 400)
      }
    } as unknown as AwsApi
    expect(await instancesInUse(api, 'ml.m5.large', 'x')).toStrictEqual({
      unknown: 'ListEndpoints was denied (allow sagemaker:ListEndpoints to the role)'
    })
  })
})

describe('capacityWays', () => {
  it('suggests only a quota increase when no batch and no smaller fleet fits', () => {
    const ways = capacityWays({
      instanceType: 'ml.g5.12xlarge',
      region: 'us-east-1',
      rolling: false,
      firstDeploy: false,
      room: 0,
      fleet: 1,
      desired: 2,
      quotaCode: 'L-G5'
    })
    expect(ways).toBe(
      'Raise the "ml.g5.12xlarge for endpoint usage" quota to 2 in the Service Quotas console (or aws service-quotas request-service-quota-increase --service-code sagemaker --quota-code L-G5 --desired-value 2 --region us-east-1).'
    )
  })

  it("keeps the ResourceLimitExceeded hint's words when nothing was counted", () => {
    expect(
      capacityWays({
        instanceType: 'ml.m5.large',
        region: 'us-east-1',
        rolling: false,
        firstDeploy: false
      })
    ).toBe(
      'Raise the "ml.m5.large for endpoint usage" quota in Service Quotas, or use traffic-routing: rolling (one extra batch at a time), or fewer instances.'
    )
  })
})
