// The watch under what a realistic SageMaker shows: a rollback that tears green down while the
// endpoint stays Updating, SystemUpdating and OutOfService in the middle of a deployment, and the
// service clock the polls see.
import { describe, expect, it } from '@jest/globals'
import {
  endpoint,
  labContext,
  labRollback,
  min,
  observe,
  T0
} from '../__fixtures__/observations.js'
import { settle } from '../src/verdict.js'
import { createTimeline, reduce } from '../src/watch/reducer.js'
import { serviceRate } from '../src/watch/service-clock.js'
import type { Observation, Timeline } from '../src/types.js'

function replay(observations: Observation[]): Timeline {
  const ctx = labContext()
  return observations.reduce((t, o) => reduce(t, o, ctx), createTimeline(ctx, T0 - 2000))
}

const rows = (t: Timeline) =>
  t.steps.map(s => [(s.at - t.startedAt) / 1000, s.bluePercent, s.greenPercent, s.event])

describe('a rollback that tears the green fleet down while Updating', () => {
  const seq = labRollback(undefined)
  // Traffic went back to blue at T+2 min 40 s; green is terminated for 3 minutes.
  const teardown = observe(
    min(2) + 45_000,
    endpoint('Updating', { green: { status: 'Deleting', current: 0, since: min(2) + 40_000 } })
  )
  const done = observe(
    min(6),
    endpoint('InService', { lastModified: min(5) + 40_000, failureReason: undefined })
  )

  it('is in progress during the teardown, with the traffic back on blue from its start', () => {
    const t = replay([...seq.slice(0, 4), teardown])
    expect(settle(t, labContext())).toBeUndefined()
    expect(rows(t).at(-1)).toEqual([
      160,
      100,
      0,
      'rolling back: alarm lab-endpoint-5xx-rate in ALARM'
    ])
  })

  it('then rolled back, the row at the moment traffic returned, not at the end of the teardown', () => {
    const t = replay([...seq.slice(0, 4), teardown, done])
    expect(settle(t, labContext())?.outcome).toBe('rolled-back')
    expect(rows(t).at(-1)).toEqual([
      160,
      100,
      0,
      'rolled back to blue: alarm lab-endpoint-5xx-rate in ALARM'
    ])
    expect(t.steps.filter(s => s.bluePercent === 100 && s.greenPercent === 0)).toHaveLength(2)
  })
})

describe('statuses the deployment did not ask for', () => {
  it('SystemUpdating is in progress and logged as maintenance', () => {
    const seq = labRollback(undefined).slice(0, 3)
    const t = replay([
      ...seq,
      observe(
        min(2),
        endpoint('SystemUpdating', { green: { status: 'Baking', current: 2, since: min(2) } })
      )
    ])
    expect(settle(t, labContext())).toBeUndefined()
    expect(t.events.map(e => e.message)).toContain(
      'endpoint SystemUpdating (SageMaker maintenance: the deployment waits until it ends)'
    )
  })

  it('OutOfService fails, saying the endpoint takes no requests and what to do', () => {
    const t = replay([
      ...labRollback(undefined).slice(0, 3),
      observe(min(3), endpoint('OutOfService', { lastModified: min(3) }))
    ])
    const v = settle(t, labContext())
    expect(v?.outcome).toBe('failed')
    expect(v?.failureReason).toBe(
      'Endpoint OutOfService: SageMaker reports it is not available to take incoming requests.'
    )
    expect(v?.summary).toBe(
      'The endpoint went OutOfService during the deployment: SageMaker reports it is not available to take incoming requests, and lab-endpoint-cfg-new never took over from lab-endpoint-cfg-old. Check the endpoint in the SageMaker console; run this step again once it is InService.'
    )
  })
})

describe('the service clock of the polls', () => {
  it('pairs the first and the last poll: 60 s of service time over 0.2 s of local time', () => {
    const t = replay([
      { ...observe(min(1), endpoint('Updating', { lastModified: min(1) })), at: 1_000 },
      { ...observe(min(2), endpoint('Updating', { lastModified: min(2) })), at: 1_200 }
    ])
    expect(t.serviceClock).toEqual({
      firstLocal: 1_000,
      firstService: min(1),
      lastLocal: 1_200,
      lastService: min(2)
    })
    expect(serviceRate(t.serviceClock)).toBe(300)
  })
})
