// The verdict under late metrics, cell by cell: metric delay 0 / 1 / 3 minutes × a model that
// breaks early or late in its first traffic step × linear / canary / all-at-once. Late metrics
// move the alarm: it can fire in a later step, during the final bake, or after SageMaker has
// completed. What SageMaker did is read from the emulator's event log; the action must say the
// same, name the alarm when it rolled back, and warn naming it when it fired after a completion.
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
import { DEFAULT_SCENARIO } from '../../emulator/index.js'
import { labEmulator, liveModelA, trafficSteps } from './helpers.js'

const BROKEN = 's3://lab-models/matrix-broken/model.tar.gz'
const DELAYS = [0, 60, 180] as const
const BREACHES = { early: 0, late: 50 } as const
const ROUTINGS = {
  linear: { 'traffic-routing': 'linear', 'step-size': '25%' },
  canary: { 'traffic-routing': 'canary', 'step-size': '1' },
  'all-at-once': { 'traffic-routing': 'all-at-once' }
} as const
/** Cells run this many at a time: each is an emulator and a child process. */
const PARALLEL = 6
/**
 * Simulated seconds per real second: slow enough that a minute in ALARM lasts several polls
 * even with six cells sharing the machine (against AWS: a minute against 10-second polls).
 */
const TIME_SCALE = 150

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
  readonly truthAt: number | undefined
  /** Simulated times the 5XX alarm went into ALARM after the update started, before the exit. */
  readonly alarmedAt: number[]
}

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

async function runCell(cell: Cell): Promise<CellResult> {
  const emulator = await labEmulator(
    {
      metricDelaySeconds: cell.delay,
      models: {
        [labModel('a')]: { errorRate: 0, latencyMs: 40 },
        [BROKEN]: { errorRate: 0.2, latencyMs: 45, failuresAfterSeconds: BREACHES[cell.breach] }
      }
    },
    TIME_SCALE
  )
  try {
    await liveModelA(emulator)
    const startedAt = emulator.now()
    const result = await runAction({
      inputs: {
        'endpoint-name': LAB_ENDPOINT,
        'image-uri': LAB_IMAGE,
        'execution-role-arn': LAB_ROLE,
        'model-data-url': BROKEN,
        'wait-interval': '60',
        // 15 simulated seconds: an alarm's minute in ALARM is seen by several polls.
        'poll-interval': '0.05',
        ...ROUTINGS[cell.routing]
      },
      env: {
        ...emulator.env(),
        GITHUB_SHA: 'c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3',
        GITHUB_RUN_ID: '3003'
      },
      timeoutMs: 90_000,
      // Nothing happens while green provisions: skip most of it.
      onLine: line => {
        if (/^UpdateEndpoint .* requested$/.test(line.trim())) {
          emulator.advance(DEFAULT_SCENARIO.provisioningSeconds - 120)
        }
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
    return {
      cell,
      result,
      truth: end === undefined ? 'none' : end.kind === 'completed' ? 'completed' : 'rolled-back',
      truthAt: end?.simulatedTime,
      alarmedAt
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
    const queue = [...cells]
    const worker = async (): Promise<void> => {
      for (let cell = queue.shift(); cell !== undefined; cell = queue.shift()) {
        results.set(label(cell), await runCell(cell))
      }
    }
    await Promise.all(Array.from({ length: PARALLEL }, worker))
  }, 240_000)
  afterAll(() => results.clear())

  it.each(cells.map(c => [label(c), c] as const))('%s: the verdict is what SageMaker did', name => {
    const { result, truth, truthAt, alarmedAt } = results.get(name)!
    expect({ name, truth }).not.toEqual({ name, truth: 'none' })
    if (truth === 'rolled-back') {
      // SageMaker rolled back because the alarm was in ALARM: the job fails and names it.
      expect({ name, outcome: result.outputs.outcome, code: result.code }).toEqual({
        name,
        outcome: 'rolled-back',
        code: 1
      })
      expect(alarmedAt.some(at => at <= truthAt!)).toBe(true)
      expect(result.outputs['triggered-alarms']).toContain(LAB_ERROR_ALARM)
      expect(result.stdout).toMatch(new RegExp(`::error::Rolled back:.*${LAB_ERROR_ALARM}`))
    } else {
      expect({ name, outcome: result.outputs.outcome, code: result.code }).toEqual({
        name,
        outcome: 'deployed',
        code: 0
      })
      // The alarm fired once SageMaker no longer watched it (terminating blue, or after the
      // completion) and before the job ended: the job says so, naming it.
      const warned = new RegExp(
        `::warning::.*Alarm ${LAB_ERROR_ALARM} is in ALARM .*after SageMaker completed the deployment`
      )
      expect({ name, warned: warned.test(result.stdout) }).toEqual({
        name,
        warned: alarmedAt.length > 0
      })
    }
  })

  it('the matrix meets every ending: rollbacks before and after 100 %, completions with a late alarm', () => {
    const all = [...results.values()]
    const maxGreen = (r: CellResult): number =>
      Math.max(...trafficSteps(r.result).map(step => step.greenPercent))
    const rollbacks = all.filter(r => r.truth === 'rolled-back')
    expect(rollbacks.some(r => maxGreen(r) < 100)).toBe(true)
    expect(rollbacks.some(r => maxGreen(r) === 100)).toBe(true)
    expect(all.some(r => r.truth === 'completed' && r.alarmedAt.length > 0)).toBe(true)
  })
})
