import { describe, expect, it } from '@jest/globals'
import { labContext, labRollback, labSuccess, T0 } from '../__fixtures__/observations.js'
import {
  alarmBackoffMs,
  FatalPollError,
  watch,
  type WatchDeps,
  type WatchOptions
} from '../src/watch/loop.js'
import { createTimeline } from '../src/watch/reducer.js'
import type { EndpointSnapshot, Observation, Verdict } from '../src/types.js'

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
    expect(verdict.outcome).toBe('cancelled')
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

describe('watch loop: when the alarms are read', () => {
  const settled: Verdict = {
    outcome: 'deployed',
    summary: 'done',
    failureReason: undefined,
    triggeredAlarms: [],
    finalConfigName: 'lab-endpoint-cfg-new',
    finalStatus: 'InService'
  }

  /**
   * Polls `endpoints` in turn every 10 s (a bare fold and judge, no schedule); the polls after
   * which it read alarms, and when (ms after the start).
   */
  async function alarmReads(
    endpoints: EndpointSnapshot[],
    overrides: Partial<WatchOptions>,
    fail: (read: number) => boolean = () => false
  ): Promise<{ polls: number[]; at: number[] }> {
    let clock = T0
    let polls = 0
    const reads = { polls: [] as number[], at: [] as number[] }
    await watch(
      start(),
      labContext({ schedule: [] }),
      {
        describeEndpoint: async () => endpoints[Math.min(polls++, endpoints.length - 1)],
        describeAlarms: async () => {
          reads.polls.push(polls)
          reads.at.push(clock - T0)
          if (fail(reads.polls.length)) throw new Error('Throttling')
          return []
        },
        now: () => clock,
        sleep: async ms => void (clock += ms),
        random: () => 1,
        onNotice: () => undefined,
        fold: (t, obs) => ({ ...t, last: obs.endpoint ?? t.last, polls: t.polls + 1 }),
        judge: t => (t.polls >= endpoints.length ? settled : undefined)
      },
      options({ pollIntervalMs: 10_000, floorMs: 10_000, ...overrides })
    )
    return reads
  }

  it('reads them whenever the status, config, instance counts or variant statuses change, and once more at the verdict', async () => {
    const base = labSuccess()[0]!.endpoint!
    const green = base.green!
    const status = { ...base, status: 'SystemUpdating' }
    const config = { ...status, configName: 'lab-endpoint-cfg-other' }
    const newCount = { ...config, green: { ...green, currentInstanceCount: 1 } }
    const oldCount = { ...newCount, blue: { ...base.blue!, currentInstanceCount: 3 } }
    const statuses = {
      ...oldCount,
      green: { ...newCount.green, statuses: [...green.statuses, ...green.statuses] }
    }
    const reads = await alarmReads(
      [base, base, status, status, config, config, newCount, newCount, oldCount, oldCount].concat([
        statuses,
        statuses
      ]),
      { alarmRefreshMs: 3_600_000 }
    )
    // Poll 13 is the extra one at the verdict: poll 12 saw no change and read none.
    expect(reads.polls).toEqual([1, 3, 5, 7, 9, 11, 13])
  })

  it('reads them once the refresh is due, to the millisecond, when nothing changes', async () => {
    const base = labSuccess()[0]!.endpoint!
    const reads = await alarmReads([base, base, base, base, base, base], {
      alarmRefreshMs: 20_000
    })
    // Polls every 10 s: at 0, 20 and 40 s; then the extra read at the verdict.
    expect(reads.polls).toEqual([1, 3, 5, 7])
    expect(reads.at).toEqual([0, 20_000, 40_000, 50_000])
  })

  it('a failed read is retried when its pause is over, to the millisecond', async () => {
    const base = labSuccess()[0]!.endpoint!
    // The pause after one failure is the refresh at most: 10 s here, the next poll.
    const reads = await alarmReads(
      [base, base, base, base],
      { alarmRefreshMs: 10_000 },
      n => n === 1
    )
    expect(reads.at).toEqual([0, 10_000, 20_000, 30_000])
  })

  it('reads them again at the verdict when the deciding poll could not, and names the alarm', async () => {
    const seq = labRollback(undefined)
    const firing = seq.at(-2)!.alarms
    let polled = 0
    const { deps } = replayDeps(seq)
    const inner = deps.describeEndpoint
    deps.describeEndpoint = async d => {
      polled++
      return inner(d)
    }
    deps.describeAlarms = async () => {
      if (polled === seq.length) throw new Error('Throttling: Rate exceeded')
      return polled > seq.length ? [...firing] : []
    }
    deps.onNotice = () => undefined
    const { verdict, timeline } = await watch(start(), labContext(), deps, options())
    expect(polled).toBe(seq.length + 1)
    expect(verdict.outcome).toBe('rolled-back')
    expect(verdict.triggeredAlarms).toEqual(['lab-endpoint-5xx-rate'])
    expect(timeline.alarms.map(a => [a.name, a.fired])).toEqual([
      ['lab-endpoint-5xx-rate', true],
      ['lab-endpoint-model-latency', false]
    ])
  })

  it('a failed read adds no alarm and costs nothing without a notice handler', async () => {
    const { deps, calls } = replayDeps(labSuccess(), {
      describeAlarms: async () => {
        calls.describeAlarms++
        throw new Error('Throttling')
      },
      random: () => 0
    })
    const { verdict, timeline } = await watch(start(), labContext(), deps, options())
    expect(verdict.outcome).toBe('deployed')
    expect(timeline.alarms).toEqual([])
    const fatal = replayDeps(labSuccess(), {
      describeAlarms: async () => {
        throw new FatalPollError('AccessDenied')
      }
    })
    const stopped = await watch(start(), labContext(), fatal.deps, options())
    expect(stopped.verdict.outcome).toBe('deployed')
    expect(stopped.timeline.alarms).toEqual([])
  })

  it('says so at the first failed read and every fifth, with the pause', async () => {
    const updating = labSuccess()[1]!
    const seq = [...Array<Observation>(60).fill(updating), ...labSuccess().slice(2)]
    const notices: string[] = []
    const { deps } = replayDeps(seq, {
      describeAlarms: async () => {
        throw new Error('Throttling')
      },
      onNotice: m => void notices.push(m),
      random: () => 0
    })
    await watch(start(), labContext(), deps, options({ alarmRefreshMs: 2000 }))
    expect(notices).toEqual([
      'Reading the alarms failed (Throttling); next try in 1 s. The verdict does not depend on it.',
      'Reading the alarms failed (Throttling); next try in 16 s. The verdict does not depend on it.',
      'Reading the alarms failed (Throttling); next try in 60 s. The verdict does not depend on it.'
    ])
  })
})

describe('watch loop: the alarm history names a rollback no poll saw', () => {
  const transitions = [{ name: 'lab-endpoint-5xx-rate', at: T0 + 150_000, reason: 'crossed' }]

  function quietRollback(extra: Partial<WatchDeps> = {}) {
    const since: [number, number][] = []
    const { deps } = replayDeps(labRollback(undefined), {
      describeAlarms: async () => [],
      alarmTransitions: async (from, deadline) => {
        since.push([from, deadline])
        return transitions
      },
      ...extra
    })
    return { deps, since }
  }

  it('asks the history from the start of the update and names the alarm it shows', async () => {
    const { deps, since } = quietRollback()
    const { verdict, timeline } = await watch(start(), labContext(), deps, options())
    expect(since).toEqual([[T0, 30_000]])
    expect(verdict.outcome).toBe('rolled-back')
    expect(verdict.triggeredAlarms).toEqual(['lab-endpoint-5xx-rate'])
    expect(timeline.alarms.find(a => a.fired)?.firedAt).toBe(T0 + 150_000)
  })

  it('keeps the verdict when the history cannot be read', async () => {
    const { deps } = quietRollback({
      alarmTransitions: async () => {
        throw new Error('Throttling')
      }
    })
    const { verdict } = await watch(start(), labContext(), deps, options())
    expect(verdict.outcome).toBe('rolled-back')
    expect(verdict.triggeredAlarms).toEqual([])
  })

  it('is not asked when the run deployed, a poll named the alarm, or alarm reads stopped', async () => {
    const asked: string[] = []
    const history = (run: string) => async () => {
      asked.push(run)
      return transitions
    }
    await watch(
      start(),
      labContext(),
      replayDeps(labSuccess(), { alarmTransitions: history('deployed') }).deps,
      options()
    )
    const named = await watch(
      start(),
      labContext(),
      replayDeps(labRollback(undefined), { alarmTransitions: history('named') }).deps,
      options()
    )
    expect(named.verdict.triggeredAlarms).toEqual(['lab-endpoint-5xx-rate'])
    const off = await watch(
      start(),
      labContext(),
      replayDeps(labRollback(undefined), {
        describeAlarms: async () => {
          throw new FatalPollError('AccessDenied')
        },
        alarmTransitions: history('alarms off')
      }).deps,
      options()
    )
    expect(off.verdict.outcome).toBe('rolled-back')
    expect(asked).toEqual([])
  })
})

describe('watch loop: errors, "not found", what each poll added', () => {
  it('logs a run of failed polls with its first error, and names the last when giving up', async () => {
    const { deps } = replayDeps([new Error('socket hang up')])
    let n = 0
    const inner = deps.describeEndpoint
    deps.describeEndpoint = async d => (n++ === 0 ? Promise.reject('ECONNRESET') : inner(d))
    const { verdict, timeline } = await watch(
      start(),
      labContext(),
      deps,
      options({ maxConsecutiveFailures: 3 })
    )
    expect(timeline.events.filter(e => e.kind === 'poll-error').map(e => e.message)).toEqual([
      'poll failed: ECONNRESET (retrying)'
    ])
    // The log keeps the first failure of the run; giving up names the last.
    expect(verdict.failureReason).toBe('3 polls in a row failed (last: socket hang up).')
  })

  it('believes "not found" after exactly the polls and the time asked for', async () => {
    const gone = (notFoundPolls: number, notFoundGraceMs: number) =>
      watch(
        start(),
        labContext(),
        replayDeps(labSuccess(), { describeEndpoint: async () => undefined }).deps,
        options({ pollIntervalMs: 10_000, floorMs: 10_000, notFoundPolls, notFoundGraceMs })
      ).then(r => r.verdict.failureReason)
    expect(await gone(3, 0)).toBe(
      'The endpoint no longer exists: SageMaker answered "Could not find endpoint" 3 times over 20 s (deleted during the deployment).'
    )
    expect(await gone(2, 30_000)).toBe(
      'The endpoint no longer exists: SageMaker answered "Could not find endpoint" 4 times over 30 s (deleted during the deployment).'
    )
  })

  it('tells each poll only the events it added', async () => {
    const added: string[] = []
    const { deps } = replayDeps(labSuccess(), {
      onPoll: (_t, events) => void added.push(...events.map(e => e.message))
    })
    const { timeline } = await watch(start(), labContext(), deps, options())
    expect(added).toEqual(timeline.events.slice(1).map(e => e.message))
  })

  it('an error that is not the service’s is not a verdict: it propagates', async () => {
    const { deps } = replayDeps(labSuccess(), {
      onPoll: () => {
        throw new Error('the summary could not be written')
      }
    })
    await expect(watch(start(), labContext(), deps, options())).rejects.toThrow(
      'the summary could not be written'
    )
    expect(new FatalPollError('x').name).toBe('FatalPollError')
  })
})

describe('watch loop: pacing', () => {
  it("shifts its poll after a step's end by this run's phase, a share of the interval", async () => {
    const { deps, calls } = replayDeps(labSuccess(), { random: () => 0.5 })
    await watch(start(), labContext(), deps, options({ pollIntervalMs: 60_000, floorMs: 2000 }))
    // The third pause aims at the step's end 12 s ahead: + 0.5 s, + the phase 18 s
    // (0.5 × 60 s × 0.6), + 0.5 s of jitter. The others are 0.925 of the interval, or the rest
    // of the way to a step.
    expect(calls.sleeps.map(Math.round)).toEqual([55_500, 55_500, 31_000, 57_000, 55_500, 4500])
  })
})

describe('alarmBackoffMs', () => {
  it('doubles the refresh per failure up to 2 min, with jitter between half and all of it', () => {
    expect(alarmBackoffMs(1, 10_000, () => 0)).toBe(5000)
    expect(alarmBackoffMs(2, 10_000, () => 0.5)).toBe(15_000)
    expect(alarmBackoffMs(3, 10_000, () => 1)).toBe(40_000)
    expect(alarmBackoffMs(20, 10_000, () => 1)).toBe(120_000)
  })
})
