// The verdict under late metrics, cell by cell: metric delay 0 / 1 / 3 minutes × a model that
// breaks early or late in its first traffic step × linear / canary / all-at-once. Late metrics
// move the alarm: it can fire in a later step, during the final bake, or after SageMaker has
// completed. What SageMaker did is read from the emulator's event log; the action must say the
// same, name the alarm when it rolled back, and fail as regressed, naming it, when SageMaker
// completed with the new model failing (the action watches the alarms after the completion).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Emulator } from '../../emulator/index.js'
import { runAction, type ActionResult } from '../../scripts/lib/action-runner.js'
import {
  LAB_ENDPOINT,
  LAB_ERROR_ALARM,
  LAB_IMAGE,
  LAB_ROLE,
  labModel
} from '../../scripts/lib/lab.js'
import { labEmulator, liveModelA, trafficSteps } from './helpers.js'

const BROKEN = 's3://lab-models/matrix-broken/model.tar.gz'
const DELAYS = [0, 60, 180] as const
const BREACHES = { early: 0, late: 50 } as const
const ROUTINGS = {
  linear: { 'traffic-routing': 'linear', 'step-size': '25%' },
  canary: { 'traffic-routing': 'canary', 'step-size': '1' },
  'all-at-once': { 'traffic-routing': 'all-at-once' }
} as const
/**
 * Cells run this many at a time, each an emulator on stepped time and the action polling every
 * 10 simulated seconds (its default, as against AWS): how many share the machine changes only
 * the real time they take.
 */
const PARALLEL = 6

interface Cell {
  readonly delay: (typeof DELAYS)[number]
  readonly breach: keyof typeof BREACHES
  readonly routing: keyof typeof ROUTINGS
}

interface CellResult {
  readonly cell: Cell
  readonly result: ActionResult
  /** What SageMaker did, from the emulator's event log. */
  readonly truth: 'completed' | 'rolled-back' | 'none'
  /** Simulated seconds from the run's start to SageMaker's ending. */
  readonly truthAt: number | undefined
  /** Simulated seconds from the run's start at which the 5XX alarm went into ALARM (to the exit). */
  readonly alarmedAt: number[]
  /** The endpoint configs of the run's UpdateEndpoint calls, in order. */
  readonly updates: string[]
}

/**
 * Each cell's run, exactly: SageMaker's ending and when (simulated seconds after the run starts),
 * when the 5XX alarm went into ALARM, and the action's traffic steps (seconds, green %). Green
 * takes traffic at 480 s (provisioning); each step activates 5 s and bakes 60 s, the step that
 * reaches 100 % bakes the final bake (300 s by default: the alarm's detection time), then blue
 * takes 120 s to go. The alarm goes into ALARM at a whole minute of the clock (535, 595 or 655 s
 * after the start), once enough of the broken model's 5XX have arrived (a second's metrics arrive
 * from a third of the delay to all of it late): with the defaults that always falls in a bake,
 * and SageMaker rolls back. (Without the final bake, below, SageMaker completes with the alarm in
 * ALARM and the action fails the job as regressed.)
 *
 * A step's time is when the phase the first poll after it saw began: 480 s if that poll came in
 * the 5 s of activation, 485 s if in the bake (likewise 545 or 550 s, 610 or 615 s). The cells of
 * one routing have the same inputs, so the same seed and polls: the linear cells' polls see each
 * activation (480, 545, 610 s), the canary cells' and all-at-once cells' each bake (485, 550 s).
 */
const EXPECTED: Readonly<Record<string, string>> = {
  'delay 0 min, early breach, linear':
    'rolled-back at 535 s, ALARM at 535 s; steps 0 s 0%, 480 s 25%, 535 s 0%',
  'delay 0 min, early breach, canary':
    'rolled-back at 535 s, ALARM at 535 s; steps 0 s 0%, 485 s 25%, 535 s 0%',
  'delay 0 min, early breach, all-at-once':
    'rolled-back at 535 s, ALARM at 535 s; steps 0 s 0%, 485 s 100%, 535 s 0%',
  'delay 0 min, late breach, linear':
    'rolled-back at 595 s, ALARM at 595 s; steps 0 s 0%, 480 s 25%, 545 s 50%, 595 s 0%',
  'delay 0 min, late breach, canary':
    'rolled-back at 595 s, ALARM at 595 s; steps 0 s 0%, 485 s 25%, 550 s 100%, 595 s 0%',
  'delay 0 min, late breach, all-at-once':
    'rolled-back at 535 s, ALARM at 535 s; steps 0 s 0%, 485 s 100%, 535 s 0%',
  'delay 1 min, early breach, linear':
    'rolled-back at 535 s, ALARM at 535 s; steps 0 s 0%, 480 s 25%, 535 s 0%',
  'delay 1 min, early breach, canary':
    'rolled-back at 535 s, ALARM at 535 s; steps 0 s 0%, 485 s 25%, 535 s 0%',
  'delay 1 min, early breach, all-at-once':
    'rolled-back at 535 s, ALARM at 535 s; steps 0 s 0%, 485 s 100%, 535 s 0%',
  'delay 1 min, late breach, linear':
    'rolled-back at 595 s, ALARM at 595 s; steps 0 s 0%, 480 s 25%, 545 s 50%, 595 s 0%',
  'delay 1 min, late breach, canary':
    'rolled-back at 595 s, ALARM at 595 s; steps 0 s 0%, 485 s 25%, 550 s 100%, 595 s 0%',
  'delay 1 min, late breach, all-at-once':
    'rolled-back at 595 s, ALARM at 595 s; steps 0 s 0%, 485 s 100%, 595 s 0%',
  'delay 3 min, early breach, linear':
    'rolled-back at 595 s, ALARM at 595 s; steps 0 s 0%, 480 s 25%, 545 s 50%, 595 s 0%',
  'delay 3 min, early breach, canary':
    'rolled-back at 595 s, ALARM at 595 s; steps 0 s 0%, 485 s 25%, 550 s 100%, 595 s 0%',
  'delay 3 min, early breach, all-at-once':
    'rolled-back at 595 s, ALARM at 595 s; steps 0 s 0%, 485 s 100%, 595 s 0%',
  'delay 3 min, late breach, linear':
    'rolled-back at 655 s, ALARM at 655 s; steps 0 s 0%, 480 s 25%, 545 s 50%, 610 s 75%, 655 s 0%',
  'delay 3 min, late breach, canary':
    'rolled-back at 655 s, ALARM at 655 s; steps 0 s 0%, 485 s 25%, 550 s 100%, 655 s 0%',
  'delay 3 min, late breach, all-at-once':
    'rolled-back at 655 s, ALARM at 655 s; steps 0 s 0%, 485 s 100%, 655 s 0%'
}

/** A cell's run in the form of EXPECTED. */
function describeRun(r: CellResult): string {
  const steps = trafficSteps(r.result).map(s => `${s.offsetSeconds} s ${s.greenPercent}%`)
  return `${r.truth} at ${r.truthAt} s, ALARM at ${r.alarmedAt.join(', ')} s; steps ${steps.join(', ')}`
}

/** Seconds as the action prints an offset: 595 → "9 min 55 s". */
const offset = (seconds: number): string =>
  [
    Math.floor(seconds / 60) && `${Math.floor(seconds / 60)} min`,
    seconds % 60 && `${seconds % 60} s`
  ]
    .filter(Boolean)
    .join(' ')

async function alarmHistory(
  emulator: Emulator
): Promise<{ Timestamp: number; HistorySummary: string }[]> {
  const response = await fetch(emulator.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': 'GraniteServiceVersion20100801.DescribeAlarmHistory',
      'x-amzn-query-mode': 'true'
    },
    body: JSON.stringify({
      AlarmName: LAB_ERROR_ALARM,
      HistoryItemType: 'StateUpdate',
      ScanBy: 'TimestampAscending'
    })
  })
  const body = (await response.json()) as {
    AlarmHistoryItems?: { Timestamp: number; HistorySummary: string }[]
  }
  return body.AlarmHistoryItems ?? []
}

async function prepareCell(cell: Cell): Promise<Emulator> {
  const emulator = await labEmulator({
    metricDelaySeconds: cell.delay,
    models: {
      [labModel('a')]: { errorRate: 0, latencyMs: 40 },
      [BROKEN]: { errorRate: 0.2, latencyMs: 45, failuresAfterSeconds: BREACHES[cell.breach] }
    }
  })
  await liveModelA(emulator)
  return emulator
}

/** Runs the cell's rollout (its jitter seeded by its inputs and GITHUB_* variables). */
async function runCell(
  cell: Cell,
  emulator: Emulator,
  extra: Record<string, string> = {}
): Promise<CellResult> {
  try {
    const startedAt = emulator.now()
    const result = await runAction({
      inputs: {
        'endpoint-name': LAB_ENDPOINT,
        'image-uri': LAB_IMAGE,
        'execution-role-arn': LAB_ROLE,
        'model-data-url': BROKEN,
        'wait-interval': '60',
        ...ROUTINGS[cell.routing],
        ...extra
      },
      env: {
        ...emulator.env(),
        GITHUB_SHA: 'c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3',
        GITHUB_RUN_ID: '3003'
      }
    })
    const exitedAt = emulator.now()
    const end = emulator
      .events()
      .find(
        e =>
          e.endpointName === LAB_ENDPOINT &&
          e.simulatedTime >= startedAt &&
          (e.kind === 'completed' || e.kind === 'rolling-back' || e.kind === 'rolled-back')
      )
    const alarmedAt = (await alarmHistory(emulator))
      .filter(h => / to ALARM$/.test(h.HistorySummary))
      .map(h => h.Timestamp * 1000)
      .filter(at => at >= startedAt && at <= exitedAt)
    const seconds = (at: number): number => (at - startedAt) / 1000
    return {
      cell,
      result,
      truth: end === undefined ? 'none' : end.kind === 'completed' ? 'completed' : 'rolled-back',
      truthAt: end === undefined ? undefined : seconds(end.simulatedTime),
      alarmedAt: alarmedAt.map(seconds),
      updates: emulator
        .calls()
        .filter(c => c.operation === 'UpdateEndpoint' && c.simulatedTime >= startedAt)
        .map(c => String((c.params as Record<string, unknown>)['EndpointConfigName']))
    }
  } finally {
    await emulator.close()
  }
}

const cells: Cell[] = DELAYS.flatMap(delay =>
  (Object.keys(BREACHES) as Cell['breach'][]).flatMap(breach =>
    (Object.keys(ROUTINGS) as Cell['routing'][]).map(routing => ({ delay, breach, routing }))
  )
)
const label = (c: Cell): string => `delay ${c.delay / 60} min, ${c.breach} breach, ${c.routing}`

describe('scenario matrix: metric delay × breach timing × traffic routing', () => {
  const results = new Map<string, CellResult>()

  beforeAll(async () => {
    // PARALLEL cells at a time, each on its own emulator: a cell's run does not depend on the
    // others or on the order they start in.
    for (let i = 0; i < cells.length; i += PARALLEL) {
      const batch = cells.slice(i, i + PARALLEL)
      const done = await Promise.all(
        batch.map(async cell => runCell(cell, await prepareCell(cell)))
      )
      for (const r of done) results.set(label(r.cell), r)
    }
  }, 600_000) // a safety net: on stepped time the real duration depends on the load only
  afterAll(() => results.clear())

  it.each(cells.map(c => [label(c), c] as const))('%s: the verdict is what SageMaker did', name => {
    const run = results.get(name)!
    const { result, truth, truthAt, alarmedAt } = run
    expect({ name, run: describeRun(run) }).toEqual({ name, run: EXPECTED[name] })
    // With the default final bake SageMaker rolls back every cell: the job fails and names it.
    expect({ name, truth, outcome: result.outputs.outcome, code: result.code }).toEqual({
      name,
      truth: 'rolled-back',
      outcome: 'rolled-back',
      code: 1
    })
    expect(alarmedAt.some(at => at <= truthAt!)).toBe(true)
    expect(result.stdout).toContain(
      `::error::Rolled back: SageMaker rolled back to ${LAB_ENDPOINT}-a1a1a1a-1001-1: alarm ${LAB_ERROR_ALARM} went into ALARM.`
    )
    // Either way the alarm was in ALARM during the rollout: the output names it.
    expect(result.outputs['triggered-alarms']).toBe(LAB_ERROR_ALARM)
  })

  it('the matrix meets rollbacks before and after 100 %, and no cell ends deployed', () => {
    const all = [...results.values()]
    const maxGreen = (r: CellResult): number =>
      Math.max(...trafficSteps(r.result).map(step => step.greenPercent))
    const rollbacks = all.filter(r => r.truth === 'rolled-back')
    expect(rollbacks.some(r => maxGreen(r) < 100)).toBe(true)
    expect(rollbacks.some(r => maxGreen(r) === 100)).toBe(true)
    expect(all.filter(r => r.result.code === 0 || r.truth === 'completed')).toEqual([])
  })
})

/** The late cells with no final bake: SageMaker completes with the alarm about to fire. */
const LATE: Cell[] = [
  { delay: 180, breach: 'late', routing: 'canary' },
  { delay: 180, breach: 'late', routing: 'all-at-once' }
]
const NO_FINAL_BAKE = { 'termination-wait': '0' }

describe('no final bake: refused, or accepted and caught after completion', () => {
  it('termination-wait: 0 is refused before any write, naming the numbers and both ways out', async () => {
    const emulator = await prepareCell(LATE[1]!)
    const before = emulator.calls().length
    const run = await runCell(LATE[1]!, emulator, NO_FINAL_BAKE)
    const calls = emulator.calls().slice(before)
    expect({ outcome: run.result.outputs.outcome, code: run.result.code }).toEqual({
      outcome: 'failed',
      code: 1
    })
    expect(calls.filter(c => c.mutating)).toEqual([])
    expect(run.result.stdout).toContain(
      `::error::Deployment failed: The step that gives the new model all the traffic is watched only for termination-wait (0 s), but alarm ${LAB_ERROR_ALARM} can take 300 s to go into ALARM (period 60 s × 1 + metric-delay 180 s + 60 s evaluation): SageMaker would complete before it could see a model that fails at full traffic. Set termination-wait to at least 300, or accept-unguarded-final-step: true`
    )
  })

  it.each(LATE.map(c => [label(c), c] as const))(
    '%s, accepted: SageMaker completes, the watch after it fails the job as regressed',
    async (_, cell) => {
      const run = await runCell(cell, await prepareCell(cell), {
        ...NO_FINAL_BAKE,
        'accept-unguarded-final-step': 'true'
      })
      const { result, truthAt, alarmedAt } = run
      expect({ truth: run.truth, outcome: result.outputs.outcome, code: result.code }).toEqual({
        truth: 'completed',
        outcome: 'regressed',
        code: 1
      })
      // The alarm fired once SageMaker no longer watched it (terminating blue, or after the
      // completion): the job fails as regressed, naming the alarm with both times (`%` is
      // escaped in a workflow command), and the table shows the alarm's row.
      const error =
        `::error::Regressed: ${LAB_ENDPOINT}-c3c3c3c-3003-1 serves all the traffic of ${LAB_ENDPOINT} and is failing: alarm ${LAB_ERROR_ALARM} went into ALARM at T+${offset(alarmedAt[0]!)}; SageMaker completed the deployment at T+${offset(truthAt!)} and did not roll back`.replace(
          /%/g,
          '%25'
        )
      expect(result.stdout).toContain(error)
      // (The rollback's own row joins the alarm's when it is sent at the same moment.)
      expect(
        trafficSteps(result).some(s =>
          s.event.startsWith(`alarm ${LAB_ERROR_ALARM} in ALARM: SageMaker did not roll back`)
        )
      ).toBe(true)
      // Said once: no warning repeats the alarm the verdict names; the headline states the risk.
      expect(result.stdout).not.toContain(`::warning::Alarm ${LAB_ERROR_ALARM} is in ALARM`)
      expect(result.summary).toContain('## ❌ Regressed')
      expect(result.summary).toContain(
        `⚠️ accept-unguarded-final-step: SageMaker watched the new model at full traffic for 0 s, less than the 300 s alarm ${LAB_ERROR_ALARM} can take to fire`
      )
      expect(result.outputs['triggered-alarms']).toBe(LAB_ERROR_ALARM)
      expect(describeRun(run)).toBe(LATE_EXPECTED[label(cell)])
      // on-regression: rollback (the default): the previous config back, all at once, with no
      // alarm, watched to the end; the outcome stays regressed.
      expect(run.updates).toEqual([`${LAB_ENDPOINT}-c3c3c3c-3003-1`, A_CONFIG])
      const back = trafficSteps(result).at(-1)!
      expect(result.stdout).toContain(
        `The action rolled it back (on-regression: rollback): ${A_CONFIG} serves all the traffic again since T+${offset(back.offsetSeconds)}.`
      )
      expect(back.event).toBe(`rolled back by the action: ${A_CONFIG} serves all the traffic`)
    }
  )

  it('on-regression: fail leaves the new model serving and only fails the job', async () => {
    const cell = LATE[1]!
    const run = await runCell(cell, await prepareCell(cell), {
      ...NO_FINAL_BAKE,
      'accept-unguarded-final-step': 'true',
      'on-regression': 'fail'
    })
    expect({ outcome: run.result.outputs.outcome, code: run.result.code }).toEqual({
      outcome: 'regressed',
      code: 1
    })
    expect(run.updates).toEqual([`${LAB_ENDPOINT}-c3c3c3c-3003-1`])
    expect(run.result.stdout).not.toContain('on-regression: rollback')
    expect(run.result.summary).toContain(`To undo, deploy ${A_CONFIG} again.`)
  })
})

/** Model A's config, live before every cell. */
const A_CONFIG = `${LAB_ENDPOINT}-a1a1a1a-1001-1`

/**
 * With no final bake the step that reaches 100 % goes straight to terminating blue (120 s): the
 * canary completes at 670 s (its second step activated at 545 s), all at once at 605 s; the alarm
 * fires at 655 s, while blue is terminated or after the completion. The action then rolls back
 * (on-regression: rollback), all at once, at the moment it saw the alarm (its table's last time,
 * so the rollback's row joins that one):
 * Model A's fleet is provisioned again (480 s), activated (5 s) and the broken fleet terminated
 * (120 s), 605 s in all, seen by the next poll.
 */
const LATE_EXPECTED: Readonly<Record<string, string>> = {
  'delay 3 min, late breach, canary':
    'completed at 670 s, ALARM at 655 s; steps 0 s 0%, 485 s 25%, 545 s 100%, 655 s 100%, 670 s 100%, 1281 s 0%',
  'delay 3 min, late breach, all-at-once':
    'completed at 605 s, ALARM at 655 s; steps 0 s 0%, 480 s 100%, 605 s 100%, 655 s 100%, 1264 s 0%'
}
