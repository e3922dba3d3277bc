// The verification gate through the bundle: golden requests judged against blue's baseline, the
// user's command, and a cancelled job. A failed check publishes a breach of the gate alarm and
// SageMaker rolls back with its own machinery: the run sends one UpdateEndpoint, never a second.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, jest } from '@jest/globals'
import type { Emulator } from '../../emulator/index.js'
import { runAction, type ActionResult } from '../../scripts/lib/action-runner.js'
import { LAB_ENDPOINT, LAB_IMAGE, LAB_ROLE, labModel } from '../../scripts/lib/lab.js'
import { labEmulator, liveModelA, sagemakerCall } from './helpers.js'

// A safety net only: on stepped time a run's real duration depends on the machine's load.
jest.setTimeout(900_000)

const A_CONFIG = `${LAB_ENDPOINT}-a1a1a1a-1001-1`
const GATE_ALARM = `${LAB_ENDPOINT}-gate`
const GOLDEN = 'examples/verify/golden-requests.jsonl'
const MODEL_C = labModel('c')
const MODEL_E = labModel('e')

async function lab(seed = 7): Promise<Emulator> {
  const emulator = await labEmulator({
    seed,
    models: {
      [labModel('a')]: { errorRate: 0, latencyMs: 40 },
      [MODEL_C]: { errorRate: 0, latencyMs: 41, wrongAnswerRate: 0.3 },
      [MODEL_E]: { errorRate: 0, latencyMs: 38 }
    }
  })
  await liveModelA(emulator)
  return emulator
}

interface Run {
  readonly result: ActionResult
  readonly endpoint: { status: string; config: string }
  /** The run's UpdateEndpoint requests SageMaker accepted (their config names). */
  readonly updates: string[]
  /** Values the run published on the gate's metric. */
  readonly published: number[]
}

async function deploy(
  model: string,
  inputs: Record<string, string>,
  o: { seed?: number; runId?: string; cancelOn?: RegExp; settle?: number } = {}
): Promise<Run> {
  const emulator = await lab(o.seed)
  try {
    const from = emulator.calls().length
    const result = await runAction({
      inputs: {
        'endpoint-name': LAB_ENDPOINT,
        'image-uri': LAB_IMAGE,
        'execution-role-arn': LAB_ROLE,
        'model-data-url': model,
        'traffic-routing': 'linear',
        'step-size': '25%',
        'wait-interval': '60',
        ...inputs
      },
      env: {
        ...emulator.env(),
        GITHUB_SHA: 'c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3',
        GITHUB_RUN_ID: o.runId ?? '3003'
      },
      ...(o.cancelOn ? { signalOn: { signal: 'SIGINT' as const, line: o.cancelOn } } : {})
    })
    const calls = emulator.calls().slice(from)
    // SageMaker goes on after the run: let it finish what it accepted, then read.
    emulator.advance(o.settle ?? 1200)
    const ep = (await sagemakerCall(emulator, 'DescribeEndpoint', {
      EndpointName: LAB_ENDPOINT
    })) as { EndpointStatus: string; EndpointConfigName: string }
    const updates = calls
      .filter(c => c.operation === 'UpdateEndpoint' && c.status === 200)
      .map(c => String((c.params as Record<string, unknown>)['EndpointConfigName']))
    const published = calls
      .filter(c => c.operation === 'PutMetricData' && c.status === 200)
      .flatMap(c => (c.params as { MetricData?: { Value?: number }[] }).MetricData ?? [])
      .map(d => Number(d.Value))
    return {
      result,
      endpoint: { status: ep.EndpointStatus, config: ep.EndpointConfigName },
      updates,
      published
    }
  } finally {
    await emulator.close()
  }
}

describe('verification gate: golden requests', () => {
  it('Model C (wrong answers, 200 OK) passes every default alarm: it reaches 100 % without the gate', async () => {
    const run = await deploy(MODEL_C, {})
    if (process.env['GATE_DEBUG'])
      console.log(run.result.summary.slice(0, 3000), run.result.stdout.slice(-3000))
    expect(run.result.outputs.outcome).toBe('deployed')
    expect(run.endpoint.config).not.toBe(A_CONFIG)
    expect(run.published).toStrictEqual([])
  })

  it('with verify-requests, SageMaker rolls Model C back through the gate alarm (one UpdateEndpoint)', async () => {
    const run = await deploy(MODEL_C, { 'verify-requests': GOLDEN })
    expect({ outcome: run.result.outputs.outcome, code: run.result.code }).toStrictEqual({
      outcome: 'rolled-back',
      code: 1
    })
    expect(run.result.outputs['triggered-alarms']).toContain(GATE_ALARM)
    // SageMaker's own rollback: the run's only update is the deployment itself.
    expect(run.updates).toHaveLength(1)
    expect(run.endpoint).toStrictEqual({ status: 'InService', config: A_CONFIG })
    expect(run.published.length).toBeGreaterThan(0)
    expect(run.published.every(v => v === 1)).toBe(true)
    expect(run.result.summary).toMatch(
      /\*\*Verification gate failed:\*\* golden requests at 25 % green \(step 1\): \d+ of \d+ answers mismatched/
    )
    expect(run.result.summary).toContain('### Verification gate')
    expect(run.result.summary).toMatch(
      /\| baseline \| 0 % \| before \| golden requests \| 60 \| 0 \| 0 \|/
    )
  })

  it('Model E with the gate on: deployed, and no check fails, over 20 seeded runs', async () => {
    const outcomes: string[] = []
    const breaches: number[] = []
    for (let i = 0; i < 20; i++) {
      const run = await deploy(
        MODEL_E,
        { 'verify-requests': GOLDEN, 'verify-rate': '4' },
        { seed: 100 + i, runId: String(5000 + i), settle: 0 }
      )
      outcomes.push(run.result.outputs.outcome ?? '?')
      breaches.push(run.published.filter(v => v >= 1).length)
    }
    expect(outcomes).toStrictEqual(Array.from({ length: 20 }, () => 'deployed'))
    expect(breaches).toStrictEqual(Array.from({ length: 20 }, () => 0))
  })
})

describe('verification gate: verify-command', () => {
  it('a command that hangs after a shift is killed at verify-command-timeout and fails the gate', async () => {
    const started = Date.now()
    const run = await deploy(MODEL_E, {
      'verify-command':
        'if [ "$VERIFY_STEP" -gt 0 ]; then echo "checking step $VERIFY_STEP"; sleep 600; fi',
      'verify-command-timeout': '3'
    })
    expect(run.result.outputs.outcome).toBe('rolled-back')
    expect(run.result.outputs['triggered-alarms']).toContain(GATE_ALARM)
    expect(run.endpoint.config).toBe(A_CONFIG)
    expect(run.result.summary).toContain('verify-command at 25 % green (step 1): killed after 3 s')
    expect(run.result.summary).toContain('checking step 1')
    // Killed within its limit (3 s, then 5 s of grace at most): never the 600 s it asked for.
    expect(Date.now() - started).toBeLessThan(300_000)
  })

  it('a command that fails on the live endpoint stops the run before any change', async () => {
    const run = await deploy(MODEL_E, { 'verify-command': 'echo "blue is not ready"; exit 4' })
    expect(run.result.outputs.outcome).toBe('failed')
    expect(run.updates).toStrictEqual([])
    expect(run.result.summary).toContain(
      'verify-command fails on the live endpoint before any change'
    )
    expect(run.result.summary).toContain('Nothing was changed in AWS.')
  })
})

describe('verification gate: on-cancel', () => {
  const SHIFTED = /green 25% \/ blue 75%/
  it('on-cancel: rollback publishes the breach: SageMaker puts the old config back', async () => {
    const run = await deploy(MODEL_E, { 'verify-requests': GOLDEN }, { cancelOn: SHIFTED })
    expect(run.result.code).toBe(1)
    expect(run.published).toContain(1)
    expect(run.result.summary).toContain('on-cancel: rollback')
    expect(run.endpoint).toStrictEqual({ status: 'InService', config: A_CONFIG })
  })

  it('on-cancel: leave lets SageMaker finish the update', async () => {
    const run = await deploy(
      MODEL_E,
      { 'verify-requests': GOLDEN, 'on-cancel': 'leave' },
      { cancelOn: SHIFTED }
    )
    expect(run.result.code).toBe(1)
    expect(run.published).toStrictEqual([])
    expect(run.endpoint.config).not.toBe(A_CONFIG)
  })
})

describe('verification gate: bad input, refused before any AWS call', () => {
  it('a malformed line is named by number', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'golden-'))
    const file = join(dir, 'golden.jsonl')
    writeFileSync(file, '{"body": {"amount": 1}}\n\n{"body": {"amount": 2}, "expect": 1}\n')
    const result = await runAction({
      inputs: {
        'endpoint-name': LAB_ENDPOINT,
        'model-name': 'any-model',
        'verify-requests': file
      },
      env: { AWS_REGION: 'us-east-1' }
    })
    expect(result.outputs.outcome).toBe('failed')
    expect(result.outputs['failure-reason']).toContain('line 3')
    expect(result.outputs['failure-reason']).toContain('expect')
  })
})
