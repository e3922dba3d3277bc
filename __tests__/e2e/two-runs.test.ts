// Two runs on one endpoint: run A's update completes, and run B (other inputs, on-busy: wait),
// which waited for it, starts its own update before A's next poll. SageMaker takes no update while
// one is in progress, so B's pending deployment proves that A's had ended: A reports its own
// completion, names B's deployment and who made it (from its config's tags), and never folds B's
// fleet into its table. The same two runs on one inference component: A cannot prove how its own
// update ended, and says so, never a rollback.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import type { Emulator } from '../../emulator/index.js'
import { runAction, type ActionResult } from '../../scripts/lib/action-runner.js'
import { LAB_ENDPOINT, labModel } from '../../scripts/lib/lab.js'
import { labEmulator, liveComponent, liveModelA, step, trafficSteps } from './helpers.js'

// A safety net only: on stepped time a run's real duration depends on the machine's load.
jest.setTimeout(600_000)

let emulator: Emulator
let a: ActionResult
let b: ActionResult
let components: Emulator
let ca: ActionResult
let cb: ActionResult
let early: Emulator
let ea: ActionResult
let eb: ActionResult

/** The inputs that deploy into inference component llm, in batches of two copies. */
const COMPONENT = {
  'inference-component-name': 'llm',
  'traffic-routing': '',
  'step-size': '2',
  'wait-interval': '60',
  'retain-deployment-config': 'false',
  timeout: '120'
}

/** The lab's Model E step as run `runId` on `emu`, with `model` and the inputs given. */
function run(
  emu: Emulator,
  runId: string,
  model: string,
  extra: Record<string, string>,
  onLine?: (line: string) => void
) {
  const e = step('Model E')
  return runAction({
    inputs: {
      ...e.inputs,
      ...extra,
      'model-data-url': labModel(model),
      'on-busy': 'wait',
      'metrics-wait': '0'
    },
    env: { ...emu.env(), ...e.github, GITHUB_RUN_ID: runId },
    ...(onLine ? { onLine } : {})
  })
}

/** Run A on `emu`; run B starts once A prints a line matching `when`, and waits for A. */
async function twoRuns(
  emu: Emulator,
  extra: Record<string, string>,
  when: RegExp
): Promise<[ActionResult, ActionResult]> {
  let started: Promise<ActionResult> | undefined
  const first = await run(emu, '8001', 'e', extra, line => {
    if (!started && when.test(line)) started = run(emu, '8002', 'a', extra)
  })
  if (!started) throw new Error(`run A never printed ${when}:\n${first.stdout}`)
  return [first, await started]
}

beforeAll(async () => {
  emulator = await labEmulator()
  await liveModelA(emulator)
  components = await labEmulator()
  await liveComponent(components)
  early = await labEmulator({ componentSpecSwitchesEarly: true })
  await liveComponent(early)
  // B starts while A watches its own update (its first bake), and waits for it.
  ;[[a, b], [ca, cb], [ea, eb]] = await Promise.all([
    twoRuns(emulator, {}, /green fleet Baking/),
    twoRuns(components, COMPONENT, /requested/),
    twoRuns(early, COMPONENT, /requested/)
  ])
})

afterAll(async () => {
  await emulator.close()
  await components.close()
  await early.close()
})

describe('two runs on one endpoint', () => {
  it('A reports its own completion and names the deployment that came after it', () => {
    expect([a.outputs.outcome, a.code]).toEqual(['deployed', 0])
    expect(a.outputs['endpoint-config-name']).not.toBe(b.outputs['endpoint-config-name'])
    expect(a.stdout).toContain(
      `Another deployment (${b.outputs['endpoint-config-name']}) has started on the endpoint since.`
    )
    expect(a.stdout).not.toMatch(/rolled back/i)
  })

  it("A says who made that deployment and when, from its config's tags", () => {
    const config = b.outputs['endpoint-config-name']!
    expect(a.stdout).toMatch(
      new RegExp(
        `${config} was made by run 8002 \\(attempt 1\\) of [^ ]+ at [0-9a-f]{7}, workflow "[^"]+", created \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC\\.`
      )
    )
  })

  it("A's table ends with its own completion: none of B's fleet in it", () => {
    const rows = trafficSteps(a).map(s => [s.greenPercent, s.event])
    expect(rows.at(-1)).toEqual([100, 'complete, blue fleet decommissioned'])
    expect(rows.filter(([, event]) => /rolled back|rolling back/.test(String(event)))).toEqual([])
  })

  it('B waited for A, then deployed on top of it', () => {
    expect([b.outputs.outcome, b.code]).toEqual(['deployed', 0])
    expect(b.outputs['previous-endpoint-config-name']).toBe(a.outputs['endpoint-config-name'])
    expect(b.stdout).toMatch(/waiting for it to finish \(on-busy: wait\)/)
  })

  it('the endpoint ends on B', async () => {
    const described = (await fetch(`${emulator.url}/`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'SageMaker.DescribeEndpoint'
      },
      body: JSON.stringify({ EndpointName: LAB_ENDPOINT })
    }).then(r => r.json())) as { EndpointConfigName?: string }
    expect(described.EndpointConfigName).toBe(b.outputs['endpoint-config-name'])
  })
})

describe('two runs on one inference component', () => {
  // The component shows one model at a time: while B's update runs, DescribeInferenceComponent
  // shows the model it replaces (the default reading) or B's (componentSpecSwitchesEarly), never
  // which update is running. A cannot prove how its own update ended: it says so, never a
  // rollback, and names B's update with who made it.
  it('A never reports a rollback: it names the update that took the component over, and who made it', () => {
    expect([ca.outputs.outcome, ca.code]).toEqual(['failed', 1])
    expect(ca.stdout).not.toMatch(/rolled back/i)
    const model = cb.outputs['model-name']!
    expect(ca.outputs['failure-reason']).toBe(
      `Another update replaced llm-e5e5e5e-8001-1: inference component llm is InService on ${model}.`
    )
    expect(ca.stdout).toContain(
      "This run's update ended before that, and no poll saw how (a poll saw the component in progress on llm-e5e5e5e-8001-1, which it showed during this run's update only once it completed: most likely it completed, and the other update started from it); look at the component in the SageMaker console before running it again."
    )
    expect(ca.stdout).toMatch(new RegExp(`${model} was made by run 8002 \\(attempt 1\\)`))
  })

  it("A's table stops where B's update began: none of B's copies in it", () => {
    const log = ca.stdout.split('\n').filter(line => line.startsWith('[T+'))
    const at = log.findIndex(line => line.includes('the table stops here'))
    expect(log[at]).toBe(
      "[T+22 min 10 s] inference component Updating on llm-e5e5e5e-8001-1 (this run's model), which it showed only once an update completed: another update has started from it; the table stops here"
    )
    expect(log.slice(at + 1).filter(line => line.includes('copies running'))).toEqual([])
    expect(trafficSteps(ca).length).toBeGreaterThan(0)
    expect(trafficSteps(ca).every(row => row.offsetSeconds <= 22 * 60 + 10)).toBe(true)
  })

  it('B waited for A, then deployed on top of it', () => {
    expect([cb.outputs.outcome, cb.code]).toEqual(['deployed', 0])
    expect(cb.stdout).toContain(
      'Live: inference component llm on lab-endpoint (InService, model llm-e5e5e5e-8001-1, 4 copies)'
    )
    expect(cb.stdout).toMatch(/waiting for it to finish \(on-busy: wait\)/)
  })
})

describe('two runs on one inference component that shows the new model from the start of an update', () => {
  it("A sees B's model at B's first poll: unknown, never a rollback, none of B's copies in its table", () => {
    expect([ea.outputs.outcome, ea.code]).toEqual(['failed', 1])
    expect([eb.outputs.outcome, eb.code]).toEqual(['deployed', 0])
    const model = eb.outputs['model-name']!
    const log = ea.stdout.split('\n').filter(line => line.startsWith('[T+'))
    const at = log.findIndex(line => line.includes('another update has replaced'))
    expect(log[at]).toMatch(
      new RegExp(
        `^\\[T\\+[^\\]]+\\] inference component Updating on ${model}: another update has replaced this run's$`
      )
    )
    expect(log.slice(at + 1).filter(line => line.includes('copies running'))).toEqual([])
    expect(ea.stdout).not.toMatch(/rolled back|most likely/i)
  })
})
