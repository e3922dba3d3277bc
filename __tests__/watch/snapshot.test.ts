// DescribeEndpoint and DescribeAlarms answers, as the SDK returns them, turned into the plain
// snapshots the reducer reads: every field the watch uses, the variant this step deploys to picked
// by name, and what a missing or malformed field becomes.
import { describe, expect, it } from '@jest/globals'
import { T0 } from '../../__fixtures__/observations.js'
import {
  toAlarmSnapshots,
  toEndpointSnapshot,
  type DescribeEndpointLike
} from '../../src/watch/snapshot.js'

const at = (s: number): Date => new Date(T0 + s * 1000)

/** An endpoint with two variants, in the middle of a blue/green update of the second one. */
const updating: DescribeEndpointLike = {
  EndpointStatus: 'Updating',
  EndpointConfigName: 'ep-cfg-old',
  FailureReason: undefined,
  LastModifiedTime: at(-30),
  ProductionVariants: [
    {
      VariantName: 'Shadow',
      CurrentInstanceCount: 1,
      DesiredInstanceCount: 1,
      CurrentWeight: 0.1,
      DesiredWeight: 0.1,
      VariantStatus: []
    },
    {
      VariantName: 'AllTraffic',
      CurrentInstanceCount: 3,
      DesiredInstanceCount: 4,
      CurrentWeight: 1,
      DesiredWeight: 1,
      VariantStatus: []
    }
  ],
  PendingDeploymentSummary: {
    EndpointConfigName: 'ep-cfg-new',
    StartTime: at(0),
    ProductionVariants: [
      {
        VariantName: 'Shadow',
        CurrentInstanceCount: 1,
        DesiredInstanceCount: 1,
        VariantStatus: [{ Status: 'Creating', StartTime: at(1) }]
      },
      {
        VariantName: 'AllTraffic',
        CurrentInstanceCount: 1,
        DesiredInstanceCount: 4,
        CurrentWeight: 1,
        DesiredWeight: 1,
        VariantStatus: [
          { Status: 'Creating', StatusMessage: 'Launching 4 instance(s).', StartTime: at(0) },
          {
            Status: 'Baking',
            StatusMessage: 'Baking for 60 seconds with traffic enabled on 1 instance(s).',
            StartTime: at(63)
          }
        ]
      }
    ]
  }
}

describe('toEndpointSnapshot', () => {
  it("reads status, configs, times and both fleets of the step's variant, picked by name", () => {
    expect(toEndpointSnapshot(updating, 'AllTraffic')).toEqual({
      status: 'Updating',
      configName: 'ep-cfg-old',
      failureReason: undefined,
      lastModifiedTime: T0 - 30_000,
      blue: {
        variantName: 'AllTraffic',
        currentInstanceCount: 3,
        desiredInstanceCount: 4,
        currentWeight: 1,
        desiredWeight: 1,
        statuses: []
      },
      green: {
        variantName: 'AllTraffic',
        currentInstanceCount: 1,
        desiredInstanceCount: 4,
        currentWeight: 1,
        desiredWeight: 1,
        statuses: [
          { status: 'Creating', message: 'Launching 4 instance(s).', startTime: T0 },
          {
            status: 'Baking',
            message: 'Baking for 60 seconds with traffic enabled on 1 instance(s).',
            startTime: T0 + 63_000
          }
        ]
      },
      pendingConfigName: 'ep-cfg-new',
      pendingStartTime: T0
    })
  })

  it('takes the first variant when no name is given, or the named one is not listed', () => {
    for (const name of [undefined, 'Canary']) {
      const snap = toEndpointSnapshot(updating, name)
      expect([snap.blue?.variantName, snap.blue?.currentWeight]).toEqual(['Shadow', 0.1])
      expect(snap.green).toEqual({
        variantName: 'Shadow',
        currentInstanceCount: 1,
        desiredInstanceCount: 1,
        currentWeight: undefined,
        desiredWeight: undefined,
        statuses: [{ status: 'Creating', message: undefined, startTime: T0 + 1000 }]
      })
    }
  })

  it('a settled endpoint has no green fleet and nothing pending; its FailureReason is kept', () => {
    const failed = toEndpointSnapshot(
      {
        EndpointStatus: 'InService',
        EndpointConfigName: 'ep-cfg-old',
        FailureReason: 'CloudWatch alarm ep-5xx-rate went into ALARM state',
        LastModifiedTime: at(170),
        ProductionVariants: updating.ProductionVariants
      },
      'AllTraffic'
    )
    expect(failed).toEqual({
      status: 'InService',
      configName: 'ep-cfg-old',
      failureReason: 'CloudWatch alarm ep-5xx-rate went into ALARM state',
      lastModifiedTime: T0 + 170_000,
      blue: expect.objectContaining({ variantName: 'AllTraffic', currentInstanceCount: 3 }),
      green: undefined,
      pendingConfigName: undefined,
      pendingStartTime: undefined
    })
  })

  it('missing fields: status "Unknown", an empty FailureReason none, unnamed variant and status ""', () => {
    expect(
      toEndpointSnapshot(
        {
          FailureReason: '',
          ProductionVariants: [{ VariantStatus: [{ StatusMessage: 'no status' }] }],
          PendingDeploymentSummary: { ProductionVariants: [{}] }
        },
        'AllTraffic'
      )
    ).toEqual({
      status: 'Unknown',
      configName: undefined,
      failureReason: undefined,
      lastModifiedTime: undefined,
      blue: {
        variantName: '',
        currentInstanceCount: undefined,
        desiredInstanceCount: undefined,
        currentWeight: undefined,
        desiredWeight: undefined,
        statuses: [{ status: '', message: 'no status', startTime: undefined }]
      },
      green: {
        variantName: '',
        currentInstanceCount: undefined,
        desiredInstanceCount: undefined,
        currentWeight: undefined,
        desiredWeight: undefined,
        statuses: []
      },
      pendingConfigName: undefined,
      pendingStartTime: undefined
    })
  })

  it('an endpoint with no variants listed has no fleets', () => {
    for (const name of [undefined, 'AllTraffic']) {
      const snap = toEndpointSnapshot(
        { EndpointStatus: 'Creating', PendingDeploymentSummary: {} },
        name
      )
      expect([snap.blue, snap.green]).toEqual([undefined, undefined])
    }
  })

  it('a time that is not a valid Date is no time at all', () => {
    const snap = toEndpointSnapshot({
      EndpointStatus: 'Updating',
      LastModifiedTime: new Date('not a date'),
      PendingDeploymentSummary: {
        EndpointConfigName: 'ep-cfg-new',
        // A string where the SDK gives a Date: never read as a time.
        StartTime: '2026-11-26T10:00:00Z' as unknown as Date
      }
    })
    expect([snap.lastModifiedTime, snap.pendingStartTime]).toEqual([undefined, undefined])
  })
})

describe('toAlarmSnapshots', () => {
  it('reads name, state, reason and the time of the last state change', () => {
    expect(
      toAlarmSnapshots([
        {
          AlarmName: 'ep-5xx-rate',
          StateValue: 'ALARM',
          StateReason: 'Threshold Crossed: 5.1 > 1.0',
          StateUpdatedTimestamp: at(200),
          StateTransitionedTimestamp: at(150)
        },
        { AlarmName: 'ep-latency', StateValue: 'OK', StateUpdatedTimestamp: at(90) },
        { AlarmName: 'ep-4xx-rate', StateValue: 'INSUFFICIENT_DATA' }
      ])
    ).toEqual([
      {
        name: 'ep-5xx-rate',
        state: 'ALARM',
        reason: 'Threshold Crossed: 5.1 > 1.0',
        updatedAt: T0 + 150_000
      },
      { name: 'ep-latency', state: 'OK', reason: undefined, updatedAt: T0 + 90_000 },
      { name: 'ep-4xx-rate', state: 'INSUFFICIENT_DATA', reason: undefined, updatedAt: undefined }
    ])
  })

  it('an unknown or missing state is INSUFFICIENT_DATA, never OK; a missing name is ""', () => {
    expect(toAlarmSnapshots([{ AlarmName: 'ep-5xx-rate', StateValue: 'alarm' }, {}])).toEqual([
      { name: 'ep-5xx-rate', state: 'INSUFFICIENT_DATA', reason: undefined, updatedAt: undefined },
      { name: '', state: 'INSUFFICIENT_DATA', reason: undefined, updatedAt: undefined }
    ])
  })
})
