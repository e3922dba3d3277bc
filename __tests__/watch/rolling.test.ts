// The rolling table of an endpoint, folded from what each poll saw: the rows a person reads.
import { describe, expect, it } from '@jest/globals'
import { T0, labContext } from '../../__fixtures__/observations.js'
import { formatOffset } from '../../src/report/time.js'
import type {
  AlarmSnapshot,
  AlarmTrack,
  EndpointSnapshot,
  Observation,
  Timeline
} from '../../src/types.js'
import { createTimeline, reduce } from '../../src/watch/reducer.js'
import { addBatchRow, firedAlarmNames, type RollingWatch } from '../../src/watch/rolling.js'

const NEW = 'lab-endpoint-cfg-new'
const OLD = 'lab-endpoint-cfg-old'
const s = (seconds: number): number => T0 + seconds * 1000

const W: RollingWatch = {
  batch: 1,
  fleet: 4,
  oldFleet: 4,
  waitIntervalSeconds: 60,
  newConfigName: NEW
}

interface Shape {
  status?: string
  config?: string
  old: number
  new?: number
  green?: [string, string, number]
  blue?: [string, string, number]
  failureReason?: string
  lastModified?: number
  /** The pending config, when it is not what the status implies. */
  pending?: string
}

function snapshot(x: Shape): EndpointSnapshot {
  const status = x.status ?? 'Updating'
  const pending = status === 'Updating' || status === 'RollingBack'
  return {
    status,
    configName: x.config ?? OLD,
    failureReason: x.failureReason,
    lastModifiedTime: x.lastModified ?? T0,
    blue: {
      variantName: 'AllTraffic',
      currentInstanceCount: x.old,
      desiredInstanceCount: 4,
      currentWeight: 1,
      desiredWeight: 1,
      statuses: x.blue ? [{ status: x.blue[0], message: x.blue[1], startTime: x.blue[2] }] : []
    },
    green: pending
      ? {
          variantName: 'AllTraffic',
          currentInstanceCount: x.new ?? 0,
          desiredInstanceCount: 4,
          currentWeight: 1,
          desiredWeight: 1,
          statuses: x.green
            ? [{ status: x.green[0], message: x.green[1], startTime: x.green[2] }]
            : []
        }
      : undefined,
    pendingConfigName: x.pending ?? (pending ? NEW : undefined),
    pendingStartTime: pending ? T0 : undefined
  }
}

function replay(
  shapes: Shape[],
  alarms: (AlarmSnapshot[] | undefined)[] = [],
  w: RollingWatch = W
): Timeline {
  const ctx = labContext()
  return shapes.reduce(
    (t, x, i) => {
      const obs: Observation = {
        at: s(i),
        endpoint: snapshot(x),
        alarms: alarms[i] ?? [],
        error: undefined
      }
      const next = reduce(t, obs, ctx)
      return addBatchRow(next, w, firedAlarmNames(next))
    },
    createTimeline(ctx, T0 - 2000)
  )
}

const table = (t: Timeline): string[] =>
  (t.batches ?? []).map(
    r =>
      `${formatOffset(r.at - t.startedAt)} | ${r.newCount} | ${r.oldCount} | ${r.newPercent}% | ${r.event}`
  )

const launching = (n: number, at: number): [string, string, number] => [
  'Creating',
  `Launching ${n} instance(s).`,
  at
]

describe('rolling table: four batches of one instance', () => {
  it('a row per phase of each batch, at the service times, ending complete', () => {
    const t = replay([
      { old: 4, new: 0, green: launching(1, s(0)) },
      {
        old: 4,
        new: 1,
        green: ['ActivatingTraffic', 'Activating traffic on 1 instance(s).', s(480)]
      },
      {
        old: 4,
        new: 1,
        green: ['Baking', 'Baking for 60 seconds with traffic enabled on 1 instance(s).', s(485)]
      },
      { old: 4, new: 1, blue: ['Deleting', 'Terminating 1 instance(s).', s(545)] },
      { old: 3, new: 1, green: launching(1, s(665)) },
      {
        old: 3,
        new: 2,
        green: ['Baking', 'Baking for 60 seconds with traffic enabled on 2 instance(s).', s(1150)]
      },
      { old: 3, new: 2, blue: ['Deleting', 'Terminating 1 instance(s).', s(1210)] },
      { old: 2, new: 2, green: launching(1, s(1330)) },
      {
        old: 2,
        new: 3,
        green: ['ActivatingTraffic', 'Activating traffic on 3 instance(s).', s(1810)]
      },
      { old: 2, new: 3, blue: ['Deleting', 'Terminating 1 instance(s).', s(1875)] },
      { old: 1, new: 3, green: launching(1, s(1995)) },
      {
        old: 1,
        new: 4,
        green: ['Baking', 'Baking for 60 seconds with traffic enabled on 4 instance(s).', s(2480)]
      },
      { old: 1, new: 4, blue: ['Deleting', 'Terminating 1 instance(s).', s(2540)] },
      { status: 'InService', config: NEW, old: 4, lastModified: s(2660) }
    ])
    expect(table(t)).toEqual([
      'T+0 | 0 | 4 | 0% | batch 1 of 4: launching 1 new instance(s)',
      'T+8 min | 1 | 4 | 25% | batch 1 of 4: 1 new instance(s) take 25% of the traffic, 60 s bake, alarms monitored',
      'T+9 min 5 s | 1 | 4 | 25% | batch 1 of 4 baked: terminating 1 old instance(s)',
      'T+11 min 5 s | 1 | 3 | 25% | batch 2 of 4: launching 1 new instance(s)',
      'T+19 min 10 s | 2 | 3 | 50% | batch 2 of 4: 2 new instance(s) take 50% of the traffic, 60 s bake, alarms monitored',
      'T+20 min 10 s | 2 | 3 | 50% | batch 2 of 4 baked: terminating 1 old instance(s)',
      'T+22 min 10 s | 2 | 2 | 50% | batch 3 of 4: launching 1 new instance(s)',
      'T+30 min 10 s | 3 | 2 | 75% | batch 3 of 4: 3 new instance(s) take 75% of the traffic, 60 s bake, alarms monitored',
      'T+31 min 15 s | 3 | 2 | 75% | batch 3 of 4 baked: terminating 1 old instance(s)',
      'T+33 min 15 s | 3 | 1 | 75% | batch 4 of 4: launching 1 new instance(s)',
      'T+41 min 20 s | 4 | 1 | 100% | batch 4 of 4: 4 new instance(s) take 100% of the traffic, 60 s bake, alarms monitored',
      'T+42 min 20 s | 4 | 1 | 100% | batch 4 of 4 baked: terminating 1 old instance(s)',
      'T+44 min 20 s | 4 | 0 | 100% | complete: 4 new instance(s) serve all traffic, the old fleet is terminated'
    ])
  })

  it('the same phase seen again adds no row; Activating and Baking of a batch are one row', () => {
    const t = replay([
      { old: 4, new: 0, green: launching(1, s(0)) },
      { old: 4, new: 0, green: launching(1, s(0)) },
      {
        old: 4,
        new: 1,
        green: ['ActivatingTraffic', 'Activating traffic on 1 instance(s).', s(480)]
      },
      {
        old: 4,
        new: 1,
        green: ['Baking', 'Baking for 60 seconds with traffic enabled on 1 instance(s).', s(485)]
      },
      {
        old: 4,
        new: 1,
        green: ['Baking', 'Baking for 60 seconds with traffic enabled on 1 instance(s).', s(485)]
      }
    ])
    expect(table(t)).toEqual([
      'T+0 | 0 | 4 | 0% | batch 1 of 4: launching 1 new instance(s)',
      'T+8 min | 1 | 4 | 25% | batch 1 of 4: 1 new instance(s) take 25% of the traffic, 60 s bake, alarms monitored'
    ])
  })
})

describe('rolling table: rollbacks', () => {
  const alarmed: AlarmSnapshot[] = [
    { name: 'lab-endpoint-5xx-rate', state: 'ALARM', reason: 'x', updatedAt: s(610) }
  ]

  it('in batches of one: the alarm named on every rollback row, the old fleet back, rolled back', () => {
    const t = replay(
      [
        { old: 4, new: 0, green: launching(1, s(0)) },
        {
          old: 4,
          new: 1,
          green: ['Baking', 'Baking for 60 seconds with traffic enabled on 1 instance(s).', s(485)]
        },
        { old: 3, new: 1, green: launching(1, s(665)) },
        { old: 3, new: 1, green: ['Deleting', 'Terminating 1 instance(s).', s(1150)] },
        { old: 3, new: 1, blue: launching(1, s(1270)) },
        { old: 4, new: 0, green: ['Deleting', 'Terminating 1 instance(s).', s(1750)] },
        { status: 'InService', config: OLD, old: 4, lastModified: s(1870) }
      ],
      [undefined, undefined, alarmed]
    )
    expect(table(t)).toEqual([
      'T+0 | 0 | 4 | 0% | batch 1 of 4: launching 1 new instance(s)',
      'T+8 min 5 s | 1 | 4 | 25% | batch 1 of 4: 1 new instance(s) take 25% of the traffic, 60 s bake, alarms monitored',
      'T+11 min 5 s | 1 | 3 | 25% | batch 2 of 4: launching 1 new instance(s)',
      'T+19 min 10 s | 1 | 3 | 25% | rolling back (alarm lab-endpoint-5xx-rate in ALARM): terminating 1 new instance(s)',
      'T+21 min 10 s | 1 | 3 | 25% | rolling back (alarm lab-endpoint-5xx-rate in ALARM): launching 1 old instance(s)',
      'T+29 min 10 s | 0 | 4 | 0% | rolling back (alarm lab-endpoint-5xx-rate in ALARM): terminating 1 new instance(s)',
      'T+31 min 10 s | 0 | 4 | 0% | rolled back (alarm lab-endpoint-5xx-rate in ALARM): 4 old instance(s) serve all traffic'
    ])
  })

  it('an alarm SageMaker names in its failure reason counts as fired; with none, no alarm is claimed', () => {
    const withReason = replay([
      { old: 4, new: 0, green: launching(1, s(0)) },
      {
        status: 'InService',
        config: OLD,
        old: 4,
        lastModified: s(700),
        failureReason: 'Alarm lab-endpoint-5xx-rate in ALARM'
      }
    ])
    // A reason names only alarms the run tracks: none were read here.
    expect(table(withReason).at(-1)).toBe(
      'T+11 min 40 s | 0 | 4 | 0% | rolled back: 4 old instance(s) serve all traffic'
    )
    const failed = replay([
      { old: 4, new: 0, green: launching(1, s(0)) },
      {
        old: 4,
        new: 1,
        green: ['Baking', 'Baking for 60 seconds with traffic enabled on 1 instance(s).', s(485)]
      },
      { status: 'UpdateRollbackFailed', old: 4, new: 1, lastModified: s(600) }
    ])
    expect(table(failed).at(-1)).toBe(
      'T+10 min | 0 | 4 | 0% | deployment failed: the counts are the last seen'
    )
  })

  it('an InService endpoint on the old config before any progress is not a rollback', () => {
    const t = replay([{ status: 'InService', config: OLD, old: 4, lastModified: T0 - 10_000 }])
    expect(t.batches).toBeUndefined()
  })
})

describe('rolling table: batch sizes and counts SageMaker names', () => {
  // Five instances in batches of two: three batches, the last of one.
  const W5: RollingWatch = {
    batch: 2,
    fleet: 5,
    oldFleet: 6,
    waitIntervalSeconds: 30,
    newConfigName: NEW
  }

  it('numbers the batches by the batch size and says how many instances each status names', () => {
    const t = replay(
      [
        { old: 5, new: 0, green: launching(2, s(30)) },
        {
          old: 5,
          new: 2,
          green: ['Baking', 'Baking for 30 seconds with traffic enabled on 2 instance(s).', s(400)]
        },
        { old: 5, new: 2, blue: ['Deleting', 'Terminating 2 instance(s).', s(430)] },
        { old: 3, new: 2, green: launching(2, s(550)) },
        {
          old: 3,
          new: 4,
          green: ['Baking', 'Baking for 30 seconds with traffic enabled on 4 instance(s).', s(900)]
        },
        { old: 3, new: 4, blue: ['Deleting', 'Terminating 12 instance(s).', s(930)] },
        { old: 1, new: 4, green: ['Creating', 'Launching instances.', s(1050)] },
        { status: 'InService', config: NEW, old: 0, lastModified: s(1500) }
      ],
      [],
      W5
    )
    expect(table(t)).toEqual([
      // The first row is the start of the deployment, whenever SageMaker began launching.
      'T+0 | 0 | 5 | 0% | batch 1 of 3: launching 2 new instance(s)',
      'T+6 min 40 s | 2 | 5 | 40% | batch 1 of 3: 2 new instance(s) take 40% of the traffic, 30 s bake, alarms monitored',
      'T+7 min 10 s | 2 | 5 | 40% | batch 1 of 3 baked: terminating 2 old instance(s)',
      'T+9 min 10 s | 2 | 3 | 40% | batch 2 of 3: launching 2 new instance(s)',
      'T+15 min | 4 | 3 | 80% | batch 2 of 3: 4 new instance(s) take 80% of the traffic, 30 s bake, alarms monitored',
      'T+15 min 30 s | 4 | 3 | 80% | batch 2 of 3 baked: terminating 12 old instance(s)',
      // A status that names no count: the batch size.
      'T+17 min 30 s | 4 | 1 | 80% | batch 3 of 3: launching 2 new instance(s)',
      'T+25 min | 5 | 0 | 100% | complete: 5 new instance(s) serve all traffic, the old fleet is terminated'
    ])
  })

  it('a status older than the last row keeps the rows in order', () => {
    const t = replay([
      { old: 4, new: 0, green: launching(1, s(0)) },
      {
        old: 4,
        new: 1,
        green: ['Baking', 'Baking for 60 seconds with traffic enabled on 1 instance(s).', s(485)]
      },
      { old: 4, new: 1, blue: ['Deleting', 'Terminating 1 instance(s).', s(300)] }
    ])
    expect(table(t)).toEqual([
      'T+0 | 0 | 4 | 0% | batch 1 of 4: launching 1 new instance(s)',
      'T+8 min 5 s | 1 | 4 | 25% | batch 1 of 4: 1 new instance(s) take 25% of the traffic, 60 s bake, alarms monitored',
      'T+8 min 5 s | 1 | 4 | 25% | batch 1 of 4 baked: terminating 1 old instance(s)'
    ])
  })

  it('a rollback adds a row whenever a count changes, even when the words do not', () => {
    const two: RollingWatch = { ...W, batch: 2 }
    const t = replay(
      [
        { old: 2, new: 2, green: ['Deleting', 'Terminating 1 instance(s).', s(100)] },
        { old: 2, new: 1, green: ['Deleting', 'Terminating 1 instance(s).', s(200)] },
        { old: 2, new: 0, blue: launching(1, s(300)) },
        { old: 3, new: 0, blue: launching(1, s(400)) }
      ],
      [],
      two
    )
    expect(table(t)).toEqual([
      'T+0 | 2 | 2 | 50% | rolling back: terminating 1 new instance(s)',
      'T+3 min 20 s | 1 | 2 | 25% | rolling back: terminating 1 new instance(s)',
      'T+5 min | 0 | 2 | 0% | rolling back: launching 1 old instance(s)',
      'T+6 min 40 s | 0 | 3 | 0% | rolling back: launching 1 old instance(s)'
    ])
  })

  it('rolled back with the old fleet not reported: the old fleet size; reported: its count', () => {
    const w: RollingWatch = { ...W, oldFleet: 6 }
    const start = { old: 6, new: 0, green: launching(1, s(0)) }
    const back = { status: 'InService', config: OLD, lastModified: s(600) }
    expect(table(replay([start, { ...back, old: 0 }], [], w)).at(-1)).toBe(
      'T+10 min | 0 | 6 | 0% | rolled back: 6 old instance(s) serve all traffic'
    )
    expect(table(replay([start, { ...back, old: 5 }], [], w)).at(-1)).toBe(
      'T+10 min | 0 | 5 | 0% | rolled back: 5 old instance(s) serve all traffic'
    )
  })

  it('a Failed endpoint ends the table', () => {
    const t = replay([
      { old: 4, new: 0, green: launching(1, s(0)) },
      { status: 'Failed', old: 4, lastModified: s(300) }
    ])
    expect(table(t).at(-1)).toBe(
      'T+5 min | 0 | 4 | 0% | deployment failed: the counts are the last seen'
    )
  })

  it('adds no row for a poll that shows no phase of this deployment', () => {
    const t = replay([
      // Ours, but no variant status yet.
      { old: 4, new: 0 },
      // A variant status that is no batch phase.
      { old: 4, new: 0, green: ['Updating', 'Updating 1 instance(s).', s(20)] },
      // InService on the new config with an update still pending is not the end.
      { status: 'InService', config: NEW, old: 4, pending: NEW },
      // Nor, on the old config, a rollback.
      { status: 'InService', config: OLD, old: 4, pending: NEW }
    ])
    expect(t.sawProgress).toBe(true)
    expect(t.batches).toBeUndefined()
  })

  it('an endpoint without an old fleet counts none', () => {
    const t = replay([{ old: 0, new: 0, green: launching(1, s(0)) }])
    const last = t.last!
    const u = addBatchRow({ ...t, batches: [], last: { ...last, blue: undefined } }, W, [])
    expect(table(u)).toEqual(['T+0 | 0 | 0 | 0% | batch 1 of 4: launching 1 new instance(s)'])
  })

  it('before any poll there is no row', () => {
    const t = createTimeline(labContext(), T0)
    expect(addBatchRow(t, W, ['lab-endpoint-5xx-rate'])).toBe(t)
  })
})

describe('firedAlarmNames', () => {
  const alarm = (name: string, fired: boolean): AlarmTrack => ({
    name,
    statesSeen: fired ? ['OK', 'ALARM'] : ['OK'],
    finalState: fired ? 'ALARM' : 'OK',
    lastReason: undefined,
    fired,
    firedAt: fired ? T0 : undefined
  })
  const base = createTimeline(labContext(), T0)

  it('names the alarms seen in ALARM and those SageMaker names, and no other', () => {
    const last = snapshot({
      status: 'InService',
      old: 4,
      failureReason: 'Alarm lab-endpoint-latency in ALARM, rolled back'
    })
    const t: Timeline = {
      ...base,
      last,
      alarms: [
        alarm('lab-endpoint-5xx-rate', true),
        alarm('lab-endpoint-latency', false),
        alarm('lab-endpoint-cpu', false)
      ]
    }
    expect(firedAlarmNames(t)).toEqual(['lab-endpoint-5xx-rate', 'lab-endpoint-latency'])
    const two = addBatchRow({ ...t, sawProgress: true }, W, firedAlarmNames(t))
    expect(table(two)).toEqual([
      'T+0 | 0 | 4 | 0% | rolled back (alarm lab-endpoint-5xx-rate, lab-endpoint-latency in ALARM): 4 old instance(s) serve all traffic'
    ])
  })

  it('before any poll, or with no failure reason, only the alarms seen in ALARM', () => {
    const alarms = [alarm('lab-endpoint-5xx-rate', true), alarm('lab-endpoint-latency', false)]
    expect(firedAlarmNames({ ...base, alarms })).toEqual(['lab-endpoint-5xx-rate'])
    expect(
      firedAlarmNames({ ...base, alarms, last: snapshot({ status: 'InService', old: 4 }) })
    ).toEqual(['lab-endpoint-5xx-rate'])
  })
})

describe("rolling table: only this run's deployment", () => {
  it('an update in progress that lists another config as pending adds no row', () => {
    const t = replay([{ old: 4, new: 0, green: launching(1, s(0)), pending: OLD }])
    expect(t.last?.pendingConfigName).toBe(OLD)
    expect(table(t)).toEqual([])
    const ours = replay([{ old: 4, new: 0, green: launching(1, s(0)) }])
    expect(table(ours)).toEqual(['T+0 | 0 | 4 | 0% | batch 1 of 4: launching 1 new instance(s)'])
  })
})
