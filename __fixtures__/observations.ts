// Builders for recorded DescribeEndpoint/DescribeAlarms observations, as plain data.
import { stepTime } from '../src/report/summary.js'
import type {
  AlarmSnapshot,
  EndpointSnapshot,
  Observation,
  ScheduledStep,
  Timeline
} from '../src/types.js'
import type { WatchContext } from '../src/watch/reducer.js'

export const T0 = Date.UTC(2026, 10, 26, 10, 0, 0)
export const min = (m: number): number => T0 + m * 60_000

export const LAB_SCHEDULE: ScheduledStep[] = [
  { offsetSeconds: 0, bluePercent: 100, greenPercent: 0, greenInstances: 0, label: 'start' },
  { offsetSeconds: 60, bluePercent: 75, greenPercent: 25, greenInstances: 1, label: 'step 1' },
  { offsetSeconds: 120, bluePercent: 50, greenPercent: 50, greenInstances: 2, label: 'step 2' },
  { offsetSeconds: 180, bluePercent: 25, greenPercent: 75, greenInstances: 3, label: 'step 3' },
  { offsetSeconds: 240, bluePercent: 0, greenPercent: 100, greenInstances: 4, label: 'step 4' }
]

export const labContext = (overrides: Partial<WatchContext> = {}): WatchContext => ({
  newConfigName: 'lab-endpoint-cfg-new',
  oldConfigName: 'lab-endpoint-cfg-old',
  firstDeploy: false,
  instanceCount: 4,
  schedule: LAB_SCHEDULE,
  previousLastModified: T0 - 3_600_000,
  waitIntervalSeconds: 60,
  terminationWaitSeconds: 0,
  ...overrides
})

export interface GreenState {
  status: 'Creating' | 'ActivatingTraffic' | 'Baking' | 'Deleting'
  current?: number
  since: number
}

export function endpoint(
  status: string,
  opts: {
    config?: string
    green?: GreenState
    failureReason?: string | undefined
    lastModified?: number
    pending?: string
  } = {}
): EndpointSnapshot {
  const green = opts.green
  return {
    status,
    configName: opts.config ?? 'lab-endpoint-cfg-old',
    failureReason: opts.failureReason,
    lastModifiedTime: opts.lastModified ?? T0,
    blue: {
      variantName: 'AllTraffic',
      currentInstanceCount: 4 - (green?.current ?? 0),
      desiredInstanceCount: 4,
      currentWeight: 1,
      desiredWeight: 1,
      statuses: []
    },
    green: green
      ? {
          variantName: 'AllTraffic',
          currentInstanceCount: green.current,
          desiredInstanceCount: 4,
          currentWeight: 1,
          desiredWeight: 1,
          statuses: [{ status: green.status, message: undefined, startTime: green.since }]
        }
      : undefined,
    pendingConfigName: green ? (opts.pending ?? 'lab-endpoint-cfg-new') : undefined,
    pendingStartTime: green ? T0 : undefined
  }
}

export const alarm = (
  name: string,
  state: AlarmSnapshot['state'],
  updatedAt = T0,
  reason?: string
): AlarmSnapshot => ({ name, state, updatedAt, reason })

export const observe = (
  at: number,
  ep: EndpointSnapshot | undefined,
  alarms: AlarmSnapshot[] = [],
  error?: string
): Observation => ({ at, endpoint: ep, alarms, error })

const baking = (k: number, since: number): GreenState => ({ status: 'Baking', current: k, since })

/** Model B in the lab: two steps, the 5XX alarm fires, SageMaker rolls back. */
export function labRollback(failureReason: string | undefined): Observation[] {
  const ok = (t: number) => [
    alarm('lab-endpoint-5xx-rate', 'OK', t),
    alarm('lab-endpoint-model-latency', 'OK', t)
  ]
  return [
    observe(
      T0 + 1000,
      endpoint('Updating', { green: { status: 'Creating', current: 0, since: T0 } }),
      ok(T0 - 5000)
    ),
    observe(min(1) + 5000, endpoint('Updating', { green: baking(1, min(1)) }), ok(T0 - 5000)),
    observe(min(2) + 5000, endpoint('Updating', { green: baking(2, min(2)) }), ok(T0 - 5000)),
    observe(min(2) + 40_000, endpoint('Updating', { green: baking(2, min(2)) }), [
      alarm('lab-endpoint-5xx-rate', 'ALARM', min(2) + 30_000, 'Threshold Crossed: 5.1 > 1.0'),
      alarm('lab-endpoint-model-latency', 'OK', T0 - 5000)
    ]),
    observe(
      min(3),
      endpoint('InService', {
        config: 'lab-endpoint-cfg-old',
        failureReason,
        lastModified: min(2) + 50_000
      }),
      [
        alarm('lab-endpoint-5xx-rate', 'ALARM', min(2) + 30_000, 'Threshold Crossed: 5.1 > 1.0'),
        alarm('lab-endpoint-model-latency', 'OK', T0 - 5000)
      ]
    )
  ]
}

/** Model E in the lab: four 25% steps, then InService on the new config. */
export function labSuccess(): Observation[] {
  const ok = [alarm('lab-endpoint-5xx-rate', 'OK'), alarm('lab-endpoint-model-latency', 'OK')]
  return [
    observe(
      T0 + 1000,
      endpoint('Updating', { green: { status: 'Creating', current: 0, since: T0 } }),
      ok
    ),
    observe(
      min(1) + 2000,
      endpoint('Updating', { green: { status: 'ActivatingTraffic', current: 1, since: min(1) } }),
      ok
    ),
    observe(min(1) + 10_000, endpoint('Updating', { green: baking(1, min(1) + 3000) }), ok),
    observe(min(2) + 10_000, endpoint('Updating', { green: baking(2, min(2)) }), ok),
    observe(min(3) + 10_000, endpoint('Updating', { green: baking(3, min(3)) }), ok),
    observe(min(4) + 10_000, endpoint('Updating', { green: baking(4, min(4)) }), ok),
    observe(
      min(5),
      endpoint('InService', { config: 'lab-endpoint-cfg-new', lastModified: min(4) + 30_000 }),
      ok
    )
  ]
}

/** The traffic-step table as the job summary shows it: time, blue, green, what happened. */
export const stepTable = (t: Timeline): string[] =>
  t.steps.map(
    s => `${stepTime(s, t.startedAt)} | ${s.bluePercent}% | ${s.greenPercent}% | ${s.event}`
  )

/** The event log: seconds from T+0, kind, message. */
export const eventLog = (t: Timeline): string[] =>
  t.events.map(e => `${(e.at - t.startedAt) / 1000} ${e.kind}: ${e.message}`)
