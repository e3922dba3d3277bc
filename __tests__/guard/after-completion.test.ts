import { describe, expect, it } from '@jest/globals'
import type { MetricAlarm } from '@aws-sdk/client-cloudwatch'
import {
  fullTrafficAt,
  REREAD_MS,
  watchAfterCompletion,
  type AfterCompletionDeps
} from '../../src/guard/after-completion.js'
import type { Timeline, Verdict } from '../../src/types.js'
import { ALARM_5XX, ALARM_LATENCY, at, firstDeploy, runB, runE, T0 } from '../report/fixtures.js'

/** Local time starts 1000 s before the service's T0 and runs at its rate. */
const SKEW = 1_000_000

/** runE with the service clock its polls gave: service = local + SKEW, last poll at T+240. */
const completedE: Timeline = {
  ...runE.timeline,
  serviceClock: {
    firstLocal: T0 - SKEW,
    firstService: T0,
    lastLocal: at(240) - SKEW,
    lastService: at(240)
  }
}

interface Fake {
  readonly deps: AfterCompletionDeps
  readonly reads: number[]
  readonly lines: string[]
  readonly warnings: string[]
  now(): number
}

/**
 * A fake clock starting at the service's T+240 (the completion) and alarms answered by `states`,
 * called with the service's T+ seconds of each read: a state per alarm, or an error.
 */
function fake(
  states: (seconds: number) => Record<string, Partial<MetricAlarm>> | Error,
  opts: { signal?: AbortSignal; abortAt?: number; controller?: AbortController } = {}
): Fake {
  let local = at(240) - SKEW
  const reads: number[] = []
  const lines: string[] = []
  const warnings: string[] = []
  const deps: AfterCompletionDeps = {
    api: {
      describeAlarms: async names => {
        const seconds = (local + SKEW - T0) / 1000
        reads.push(seconds)
        const answer = states(seconds)
        if (answer instanceof Error) throw answer
        return names.map(name => ({
          AlarmName: name,
          Period: 60,
          EvaluationPeriods: 1,
          DatapointsToAlarm: 1,
          StateValue: 'OK',
          ...answer[name]
        })) as MetricAlarm[]
      }
    },
    now: () => local,
    sleep: async ms => {
      local += ms
      if (opts.abortAt !== undefined && (local + SKEW - T0) / 1000 >= opts.abortAt) {
        opts.controller?.abort()
      }
    },
    ...(opts.signal ? { signal: opts.signal } : {}),
    log: { info: line => lines.push(line), warning: line => warnings.push(line) }
  }
  return { deps, reads, lines, warnings, now: () => (local + SKEW - T0) / 1000 }
}

const watch = (f: Fake, verdict: Verdict = runE.verdict, timeline: Timeline = completedE) =>
  watchAfterCompletion(runE.plan, timeline, verdict, 180, f.deps)

describe('the watch after SageMaker completes', () => {
  it('the new model took all the traffic at the first row at 100 %', () => {
    expect(fullTrafficAt(completedE)).toBe(at(240))
    const unseen: Timeline = {
      ...completedE,
      steps: [
        ...completedE.steps.slice(0, 4),
        { ...completedE.steps[4]!, between: { after: at(200), before: at(240) } }
      ]
    }
    // A step no poll saw: from the earliest it can have happened.
    expect(fullTrafficAt(unseen)).toBe(at(200))
  })

  it('watches until the slowest alarm can have fired: 60 s × 1 + 180 s delay + 60 s evaluation', async () => {
    const f = fake(() => ({}))
    const r = await watch(f)
    expect(r.verdict).toBe(runE.verdict)
    expect(r.watch).toEqual({ detectionSeconds: 300, from: at(240), until: at(540), ended: 'seen' })
    // Reads every 15 s from the completion (T+240) until T+540, and none after.
    expect(f.reads[0]).toBe(240)
    expect(f.reads.at(-1)).toBe(540)
    expect(f.reads).toHaveLength(1 + 300_000 / REREAD_MS)
    expect(f.now()).toBe(540)
    expect(f.lines.join('\n')).toContain(
      'watching them until T+9 min (the new model took all the traffic at T+4 min; lab-endpoint-5xx-rate can take 300 s to fire: period 60 s × 1 + metric-delay 180 s + 60 s evaluation)'
    )
  })

  it("spreads its reads over 12–18 s with the run's random, and still reads at the end", async () => {
    for (const [random, spacing] of [
      [0, 12],
      [1, 18]
    ] as const) {
      const f = fake(() => ({}))
      await watchAfterCompletion(runE.plan, completedE, runE.verdict, 180, {
        ...f.deps,
        random: () => random
      })
      const gaps = f.reads.slice(1).map((t, i) => t - f.reads[i]!)
      expect(gaps.slice(0, -1).every(gap => gap === spacing)).toBe(true)
      expect(gaps.at(-1)).toBeLessThanOrEqual(spacing)
      expect(f.reads.at(-1)).toBe(540)
    }
  })

  it('an alarm with longer periods is waited for: 300 s × 3 + 180 s + 60 s', async () => {
    const f = fake(() => ({
      [ALARM_LATENCY]: { Period: 300, EvaluationPeriods: 3, DatapointsToAlarm: 3 }
    }))
    const r = await watch(f)
    expect(r.watch?.detectionSeconds).toBe(1140)
    expect(f.now()).toBe(240 + 1140)
  })

  it('an alarm in ALARM in that window: regressed, named, with a row in time order', async () => {
    const f = fake(s =>
      s >= 300
        ? { [ALARM_5XX]: { StateValue: 'ALARM', StateTransitionedTimestamp: new Date(at(290)) } }
        : {}
    )
    const r = await watch(f)
    expect(r.verdict.outcome).toBe('regressed')
    expect(r.verdict.triggeredAlarms).toEqual([ALARM_5XX])
    expect(r.verdict.summary).toBe(
      `lab-endpoint-config-e serves all the traffic of lab-endpoint and is failing: alarm ${ALARM_5XX} went into ALARM at T+4 min 50 s; SageMaker completed the deployment at T+4 min and did not roll back (it watches the alarms only while it bakes). To undo, deploy lab-endpoint-config-a again.`
    )
    expect(r.watch?.ended).toBe('alarm')
    // It stops at the read that saw it.
    expect(f.now()).toBe(300)
    expect(r.timeline.steps.map(s => [(s.at - T0) / 1000, s.greenPercent])).toEqual([
      [0, 0],
      [60, 25],
      [120, 50],
      [180, 75],
      [240, 100],
      [290, 100]
    ])
    expect(r.timeline.steps.at(-1)?.event).toBe(
      `alarm ${ALARM_5XX} in ALARM: SageMaker did not roll back`
    )
    // The alarm's track and the event log say what the summary's alarm table shows.
    expect(r.timeline.alarms.find(a => a.name === ALARM_5XX)).toMatchObject({
      fired: true,
      finalState: 'ALARM',
      firedAt: at(290)
    })
    expect(r.timeline.events.at(-1)?.message).toBe(`alarm ${ALARM_5XX}: OK → ALARM`)
  })

  it('an alarm that fired before the last row SageMaker showed is placed at its time and share', async () => {
    const f = fake(() => ({
      [ALARM_5XX]: { StateValue: 'ALARM', StateTransitionedTimestamp: new Date(at(230)) },
      [ALARM_LATENCY]: { StateValue: 'ALARM', StateTransitionedTimestamp: new Date(at(235)) }
    }))
    const r = await watch(f)
    expect(r.verdict.triggeredAlarms).toEqual([ALARM_5XX, ALARM_LATENCY])
    expect(r.verdict.summary).toContain(
      `alarms ${ALARM_5XX}, ${ALARM_LATENCY} went into ALARM at T+3 min 50 s; SageMaker completed the deployment at T+4 min`
    )
    // At the share of its time (75 % since T+3 min), before SageMaker's last row.
    expect(r.timeline.steps.map(s => [(s.at - T0) / 1000, s.greenPercent])).toEqual([
      [0, 0],
      [60, 25],
      [120, 50],
      [180, 75],
      [230, 75],
      [240, 100]
    ])
    // Found at once: nothing said about watching on.
    expect(f.lines).toEqual([])
  })

  it('no watch when SageMaker did not complete, on a new endpoint, or without alarms', async () => {
    for (const [verdict, timeline, plan] of [
      [runB.verdict, runB.timeline, runB.plan],
      [firstDeploy.verdict, firstDeploy.timeline, firstDeploy.plan],
      [runE.verdict, completedE, { ...runE.plan, guardAlarmNames: [] }]
    ] as const) {
      const f = fake(() => ({ [ALARM_5XX]: { StateValue: 'ALARM' } }))
      const r = await watchAfterCompletion(plan, timeline, verdict, 180, f.deps)
      expect(r.verdict).toBe(verdict)
      expect(r.watch).toBeUndefined()
      expect(f.reads).toEqual([])
    }
  })

  it('unreadable definitions: the default alarms timing, and a warning; the watch goes on', async () => {
    const f = fake(s => (s < 250 ? new Error('Throttling: Rate exceeded') : {}))
    const r = await watch(f)
    expect(r.watch?.detectionSeconds).toBe(300)
    expect(f.warnings).toEqual([
      'Reading the guard alarms after completion failed: Throttling: Rate exceeded (the watch goes on).'
    ])
    expect(r.watch?.ended).toBe('seen')
    expect(f.now()).toBe(540)
  })

  it('reads that keep failing: said once, and the verdict says the end was not seen', async () => {
    const f = fake(s => (s > 400 ? new Error('Throttling: Rate exceeded') : {}))
    const r = await watch(f)
    expect(r.watch?.ended).toBe('unread')
    expect(r.verdict.outcome).toBe('deployed')
    // Reads at 405, 420, … 540 failed: 10 of them, one warning while watching, one at the end.
    expect(f.warnings).toEqual([
      'Reading the guard alarms after completion failed: Throttling: Rate exceeded (the watch goes on).',
      'The guard alarms could not be read at the end of the watch after completion (10 read(s) failed): a failure of the new model at full traffic may not have been seen; check the alarms.'
    ])
    expect(r.verdict.summary).toBe(`${runE.verdict.summary} ${f.warnings[1]}`)
  })

  it('a window that ended before the completion was seen: one read, no watch, nothing to say', async () => {
    // Green took all the traffic at T+240; SageMaker's completion seen at T+600 (its own bakes
    // watched the alarms meanwhile).
    const late: Timeline = {
      ...completedE,
      serviceClock: { ...completedE.serviceClock!, lastLocal: at(600) - SKEW, lastService: at(600) }
    }
    const f = fake(() => new Error('Throttling: Rate exceeded'))
    const r = await watchAfterCompletion(runE.plan, late, runE.verdict, 180, {
      ...f.deps,
      now: () => at(600) - SKEW
    })
    expect(f.reads).toHaveLength(1)
    expect(f.warnings).toEqual([])
    expect(f.lines).toEqual([])
    expect(r.verdict).toBe(runE.verdict)
    expect(r.watch?.ended).toBe('seen')
  })

  it('a cancellation ends the watch: the verdict stands and says what was not watched', async () => {
    const controller = new AbortController()
    const f = fake(() => ({}), { signal: controller.signal, abortAt: 300, controller })
    const r = await watch(f)
    expect(r.verdict.outcome).toBe('deployed')
    expect(r.verdict.summary).toBe(
      `${runE.verdict.summary} The watch after completion was cancelled before T+9 min: a failure of the new model at full traffic may not have reached the alarms yet.`
    )
    expect(r.watch?.ended).toBe('cancelled')
    expect(f.now()).toBe(300)
  })

  it('without a service clock: the whole detection time from now', async () => {
    const { serviceClock: _, ...noClock } = completedE
    const f = fake(() => ({}))
    const r = await watch(f, runE.verdict, noClock)
    expect(r.watch?.ended).toBe('seen')
    expect(f.now()).toBe(540)
  })
})
