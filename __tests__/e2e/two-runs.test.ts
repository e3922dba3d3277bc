// Two runs on one endpoint: run A's update completes, and run B (other inputs, on-busy: wait),
// which waited for it, starts its own update before A's next poll. SageMaker takes no update while
// one is in progress, so B's pending deployment proves that A's had ended: A reports its own
// completion, names B's deployment, and never folds B's fleet into its table.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import type { Emulator } from '../../emulator/index.js'
import { runAction, type ActionResult } from '../../scripts/lib/action-runner.js'
import { LAB_ENDPOINT, labModel } from '../../scripts/lib/lab.js'
import { labEmulator, liveModelA, step, trafficSteps } from './helpers.js'

// A safety net only: on stepped time a run's real duration depends on the machine's load.
jest.setTimeout(600_000)

let emulator: Emulator
let a: ActionResult
let b: ActionResult

/** The lab's Model E step as run `runId`, with `model` and the inputs given. */
function run(runId: string, model: string, onLine?: (line: string) => void) {
  const e = step('Model E')
  return runAction({
    inputs: {
      ...e.inputs,
      'model-data-url': labModel(model),
      'on-busy': 'wait',
      'metrics-wait': '0'
    },
    env: { ...emulator.env(), ...e.github, GITHUB_RUN_ID: runId },
    ...(onLine ? { onLine } : {})
  })
}

beforeAll(async () => {
  emulator = await labEmulator()
  await liveModelA(emulator)
  // B starts while A watches its own update (its first bake), and waits for it.
  let started: Promise<ActionResult> | undefined
  a = await run('8001', 'e', line => {
    if (!started && /green fleet Baking/.test(line)) started = run('8002', 'a')
  })
  if (!started) throw new Error(`run A never baked:\n${a.stdout}`)
  b = await started
})

afterAll(() => emulator.close())

describe('two runs on one endpoint', () => {
  it('A reports its own completion and names the deployment that came after it', () => {
    expect([a.outputs.outcome, a.code]).toEqual(['deployed', 0])
    expect(a.outputs['endpoint-config-name']).not.toBe(b.outputs['endpoint-config-name'])
    expect(a.stdout).toContain(
      `Another deployment (${b.outputs['endpoint-config-name']}) has started on the endpoint since.`
    )
    expect(a.stdout).not.toMatch(/rolled back/i)
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
