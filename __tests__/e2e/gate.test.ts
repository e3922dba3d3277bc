// The verification gate through the bundle: golden requests judged against blue's baseline, the
// user's command, and a cancelled job. A failed check publishes a breach of the gate alarm and
// SageMaker rolls back with its own machinery: the run sends one UpdateEndpoint, never a second.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, jest } from '@jest/globals'
import type { FaultRule } from '../../emulator/scenario.js'
import { runAction } from '../../scripts/lib/action-runner.js'
import { LAB_ENDPOINT } from '../../scripts/lib/lab.js'
import { A_CONFIG, deploy, GATE_ALARM, GOLDEN, MODEL_C, MODEL_E } from './gate-helpers.js'

// A safety net only: on stepped time a run's real duration depends on the machine's load.
jest.setTimeout(900_000)

describe('verification gate: golden requests', () => {
  it('Model C (wrong answers, 200 OK) passes every default alarm: it reaches 100 % without the gate', async () => {
    const run = await deploy(MODEL_C, {})
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
})

describe('verification gate: InvokeEndpoint errors', () => {
  const THROTTLED: FaultRule[] = [
    { operation: 'InvokeEndpoint', service: 'runtime', throttleRate: 0.3 }
  ]

  it('a third of the golden requests throttled: reported, and Model E still deployed', async () => {
    const run = await deploy(MODEL_E, { 'verify-requests': GOLDEN }, { faults: THROTTLED })
    expect(run.result.outputs.outcome).toBe('deployed')
    expect(run.published).toStrictEqual([])
    // The failed calls are in the table, apart from the mismatches.
    const failed = [
      ...run.result.summary.matchAll(/\| golden requests \| \d+ \| 0 \| (\d+) \| ✅ pass/g)
    ].map(m => Number(m[1]))
    expect(failed.some(n => n > 0)).toBe(true)
  })

  it('the same throttling never hides Model C: SageMaker rolls it back through the gate alarm', async () => {
    const run = await deploy(MODEL_C, { 'verify-requests': GOLDEN }, { faults: THROTTLED })
    expect(run.result.outputs.outcome).toBe('rolled-back')
    expect(run.result.outputs['triggered-alarms']).toContain(GATE_ALARM)
    expect(run.endpoint.config).toBe(A_CONFIG)
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
