import { describe, expect, it } from '@jest/globals'
import { labContext, labRollback, labSuccess, T0 } from '../__fixtures__/observations.js'
import { FatalPollError, watch, type WatchDeps, type WatchOptions } from '../src/watch/loop.js'
import { createTimeline } from '../src/watch/reducer.js'
import type { Observation } from '../src/types.js'

/** Deps that replay recorded observations on a fake clock, counting the calls. */
function replayDeps(observations: (Observation | Error)[], extra: Partial<WatchDeps> = {}) {
  let clock = T0
  let i = 0
  let current: Observation | Error | undefined
  const calls = { describeEndpoint: 0, describeAlarms: 0, sleeps: [] as number[] }
  const deps: WatchDeps = {
    describeEndpoint: async () => {
      calls.describeEndpoint++
      current = observations[Math.min(i++, observations.length - 1)]
      if (current instanceof Error) throw current
      if (!current?.endpoint) throw new Error(current?.error ?? 'no answer')
      return current.endpoint
    },
    describeAlarms: async () => {
      calls.describeAlarms++
      return current instanceof Error || !current ? [] : [...current.alarms]
    },
    now: () => clock,
    sleep: async ms => {
      calls.sleeps.push(ms)
      clock += ms
    },
    ...extra
  }
  return { deps, calls, elapsed: () => clock - T0 }
}

const options = (overrides: Partial<WatchOptions> = {}): WatchOptions => ({
  deadline: T0 + 3_600_000,
  budgetSeconds: 3600,
  pollIntervalMs: 10_000,
  floorMs: 2000,
  alarmRefreshMs: 20_000,
  maxConsecutiveFailures: 5,
  ...overrides
})

const start = () => createTimeline(labContext(), T0)

describe('watch loop', () => {
  it('polls until InService on the new config and returns deployed', async () => {
    const { deps, calls } = replayDeps(labSuccess())
    const { verdict, timeline } = await watch(start(), labContext(), deps, options())
    expect(verdict.outcome).toBe('deployed')
    expect(calls.describeEndpoint).toBe(labSuccess().length)
    expect(timeline.steps.map(s => s.greenPercent)).toEqual([0, 25, 50, 75, 100, 100])
  })

  it('reads alarms only when the endpoint changes or the refresh is due, and names them at the end', async () => {
    const { deps, calls } = replayDeps(labRollback('x'))
    const { verdict } = await watch(start(), labContext(), deps, options())
    expect(verdict.outcome).toBe('rolled-back')
    expect(verdict.triggeredAlarms).toEqual(['lab-endpoint-5xx-rate'])
    expect(calls.describeAlarms).toBeLessThanOrEqual(calls.describeEndpoint + 1)
  })

  it('a thrown poll error is retried, never a verdict', async () => {
    const seq: (Observation | Error)[] = [
      new Error('Throttling'),
      new Error('ECONNRESET'),
      ...labSuccess()
    ]
    const { deps } = replayDeps(seq)
    const { verdict, timeline } = await watch(start(), labContext(), deps, options())
    expect(verdict.outcome).toBe('deployed')
    expect(timeline.failedPolls).toBe(2)
  })

  it('stops after too many failed polls in a row, saying the deployment may still run', async () => {
    const { deps } = replayDeps([new Error('socket hang up')])
    const { verdict } = await watch(
      start(),
      labContext(),
      deps,
      options({ maxConsecutiveFailures: 3 })
    )
    expect(verdict.outcome).toBe('failed')
    expect(verdict.summary).toMatch(/3 polls in a row failed.*may still be running/)
  })

  it('a fatal error (expired credentials) stops at once', async () => {
    const { deps, calls } = replayDeps([
      labSuccess()[0]!,
      new FatalPollError('Stopped watching: ExpiredTokenException.')
    ])
    const { verdict } = await watch(start(), labContext(), deps, options())
    expect(calls.describeEndpoint).toBe(2)
    expect(verdict.outcome).toBe('failed')
    expect(verdict.summary).toMatch(/ExpiredTokenException.*last state: Updating/)
  })

  it('times out at the deadline with one last poll', async () => {
    const { deps, elapsed } = replayDeps(labSuccess().slice(0, 2))
    const { verdict } = await watch(
      start(),
      labContext(),
      deps,
      options({ deadline: T0 + 60_000, budgetSeconds: 60 })
    )
    expect(verdict.outcome).toBe('timed-out')
    expect(elapsed()).toBe(60_000)
  })

  it('stops when cancelled', async () => {
    const controller = new AbortController()
    const { deps } = replayDeps(labSuccess().slice(0, 2), {
      sleep: async () => controller.abort()
    })
    const { verdict } = await watch(
      start(),
      labContext(),
      { ...deps, signal: controller.signal },
      options()
    )
    expect(verdict.outcome).toBe('failed')
    expect(verdict.summary).toMatch(/cancelled/)
  })

  it('never sleeps longer than the poll interval', async () => {
    const { deps, calls } = replayDeps(labSuccess())
    await watch(start(), labContext(), deps, options({ pollIntervalMs: 3000, floorMs: 500 }))
    expect(Math.max(...calls.sleeps)).toBeLessThanOrEqual(3000)
    expect(Math.min(...calls.sleeps)).toBeGreaterThanOrEqual(500)
  })
})

describe('watch loop: alarm reads never cost the verdict', () => {
  it('throttled alarm reads keep every endpoint answer, back off on their own, and the verdict stands', async () => {
    const notices: string[] = []
    const { deps, calls } = replayDeps(labSuccess(), {
      describeAlarms: async () => {
        calls.describeAlarms++
        throw new Error('DescribeAlarms failed: Throttling: Rate exceeded')
      },
      onNotice: m => void notices.push(m),
      random: () => 0
    })
    const { verdict, timeline } = await watch(start(), labContext(), deps, options())
    expect(verdict.outcome).toBe('deployed')
    expect(timeline.failedPolls).toBe(0)
    expect(timeline.steps.map(s => s.greenPercent)).toEqual([0, 25, 50, 75, 100, 100])
    // Backing off: far fewer alarm reads than polls.
    expect(calls.describeAlarms).toBeLessThan(calls.describeEndpoint)
    expect(notices[0]).toBe(
      'Reading the alarms failed (DescribeAlarms failed: Throttling: Rate exceeded); next try in 10 s. The verdict does not depend on it.'
    )
  })

  it('alarm reads refused for good stop, with a notice; the endpoint still gives the verdict', async () => {
    const notices: string[] = []
    const { deps, calls } = replayDeps(labRollback('x'), {
      describeAlarms: async () => {
        calls.describeAlarms++
        throw new FatalPollError('DescribeAlarms failed: AccessDenied: not authorized')
      },
      onNotice: m => void notices.push(m)
    })
    const { verdict } = await watch(start(), labContext(), deps, options())
    expect(verdict.outcome).toBe('rolled-back')
    expect(calls.describeAlarms).toBe(1)
    expect(notices).toEqual([
      "Alarm reads stopped (DescribeAlarms failed: AccessDenied: not authorized). The verdict still comes from DescribeEndpoint; SageMaker's FailureReason names an alarm that rolls back."
    ])
  })
})

describe('watch loop: "Could not find endpoint"', () => {
  it('is tolerated for a few polls (eventual consistency after CreateEndpoint)', async () => {
    const seq = labSuccess()
    let answered = 0
    const { deps } = replayDeps(seq, {})
    const inner = deps.describeEndpoint
    deps.describeEndpoint = async deadline => (answered++ < 2 ? undefined : inner(deadline))
    const { verdict, timeline } = await watch(start(), labContext(), deps, options())
    expect(verdict.outcome).toBe('deployed')
    expect(timeline.events.filter(e => e.kind === 'poll-error').map(e => e.message)).toEqual([
      'poll failed: SageMaker answered "Could not find endpoint" (1×); retrying (retrying)'
    ])
  })

  it('is believed after 3 answers over at least 30 s: the endpoint was deleted', async () => {
    const { deps } = replayDeps(labSuccess(), { describeEndpoint: async () => undefined })
    const { verdict } = await watch(start(), labContext(), deps, options({ floorMs: 10_000 }))
    expect(verdict.outcome).toBe('failed')
    expect(verdict.failureReason).toMatch(
      /^The endpoint no longer exists: SageMaker answered "Could not find endpoint" \d+ times over (3\d|[4-9]\d) s \(deleted during the deployment\)\.$/
    )
  })
})

describe('watch loop: every call has a deadline inside the budget', () => {
  it('passes each call the time left, never more than 30 s', async () => {
    const calls: [number, number][] = []
    const { deps } = replayDeps(labSuccess())
    const inner = deps.describeEndpoint
    deps.describeEndpoint = async deadline => {
      calls.push([deps.now() - T0, deadline])
      return inner(deadline)
    }
    await watch(start(), labContext(), deps, options({ deadline: T0 + 45_000, budgetSeconds: 45 }))
    expect(calls[0]).toEqual([0, 30_000])
    // Later calls get what is left of the 45 s budget (at least 1 s).
    expect(calls.length).toBeGreaterThan(2)
    for (const [elapsed, deadline] of calls.slice(1)) {
      expect(deadline).toBe(Math.max(1000, Math.min(30_000, 45_000 - elapsed)))
    }
  })
})
