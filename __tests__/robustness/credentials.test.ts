// Credentials and permissions: credentials that expire mid-watch stop the action at once with a
// message that says what SageMaker is doing and how to resume; the least-privilege policy in
// docs/iam-policy.json is enough for the whole lab, and one action less is reported by name.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { CallRecord, Emulator } from '../../emulator/index.js'
import { runAction, type ActionResult } from '../../scripts/lib/action-runner.js'
import { LAB_ERROR_ALARM, labModel } from '../../scripts/lib/lab.js'
import { labEmulator, runStep, step, liveModelA } from '../e2e/helpers.js'
import { emulatorAllowedActions, liveConfig, loadIamPolicy, policyActions } from './helpers.js'

const isDenied = (c: CallRecord): boolean => /AccessDenied/.test(c.error ?? '')

describe('credentials that expire mid-watch', () => {
  let emulator: Emulator
  let result: ActionResult
  let calls: CallRecord[]
  let expiresAt: number
  let endedAt: number

  beforeAll(async () => {
    emulator = await labEmulator()
    const emulatorStart = Date.now()
    await liveModelA(emulator)
    // Expire 3 real seconds from now: the update starts, then the watch loses its credentials.
    expiresAt = Date.now() + 3000
    emulator.setScenario({ expireCredentialsAfterSeconds: (expiresAt - emulatorStart) / 1000 })
    const from = emulator.calls().length
    const lab = step('Model E')
    result = await runAction({
      inputs: {
        ...lab.inputs,
        'retain-deployment-config': 'false',
        'wait-interval': '600'
      },
      env: { ...emulator.env(), ...lab.github, GITHUB_RUN_ID: '8001' },
      timeoutMs: 30_000
    })
    endedAt = Date.now()
    calls = emulator.calls().slice(from)
  }, 60_000)
  afterAll(() => emulator.close())

  it('the update had started before the credentials expired', () => {
    const update = calls.filter(c => c.operation === 'UpdateEndpoint' && c.status === 200)
    expect(update).toHaveLength(1)
    expect(calls.some(c => /ExpiredToken/.test(c.error ?? ''))).toBe(true)
  })

  it('stops at once, far inside its budget: exit 1, outcome failed', () => {
    expect(result.code).toBe(1)
    expect(result.outputs.outcome).toBe('failed')
    const firstExpired = calls.find(c => /ExpiredToken/.test(c.error ?? ''))!
    // Budget: 4 steps × 600 s of bake; it stops within seconds of the first refused call.
    expect(endedAt - firstExpired.realTime).toBeLessThan(3000)
    expect(result.durationMs).toBeLessThan(10_000)
    // No retry storm: a handful of refused calls, not a poll loop against a dead token.
    expect(calls.filter(c => /ExpiredToken/.test(c.error ?? '')).length).toBeLessThanOrEqual(5)
  })

  it('says the deployment may still be running, its last state, and how to resume', () => {
    const error = result.stdout.split('\n').find(l => l.startsWith('::error::')) ?? ''
    expect(error).toMatch(/ExpiredToken/)
    expect(error).toMatch(/may still be running in SageMaker/)
    expect(error).toMatch(/last state: Updating/)
    expect(error).toMatch(/re-run the job/i)
    expect(result.summary).toMatch(/may still be running in SageMaker/)
  })
})

describe('least-privilege IAM policy (docs/iam-policy.json)', () => {
  const policy = loadIamPolicy()

  it('is a valid policy whose iam:PassRole only passes roles to SageMaker', () => {
    expect(policy.Version).toBe('2012-10-17')
    const passRole = policy.Statement.filter(s =>
      (Array.isArray(s.Action) ? s.Action : [s.Action]).includes('iam:PassRole')
    )
    expect(passRole).toHaveLength(1)
    expect(passRole[0]!.Condition).toEqual({
      StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' }
    })
    const actions = policyActions(policy)
    // No wildcards, no endpoint deletion, nothing beyond what the action calls.
    expect(actions.filter(a => a.includes('*'))).toEqual([])
    expect(actions).not.toContain('sagemaker:DeleteEndpoint')
    expect(actions.filter(a => a.startsWith('sagemaker:Delete')).sort()).toEqual([
      'sagemaker:DeleteEndpointConfig',
      'sagemaker:DeleteModel'
    ])
  })

  describe('the emulator allows exactly the policy', () => {
    let emulator: Emulator
    const runs: Record<string, Awaited<ReturnType<typeof runStep>>> = {}
    let labCalls: CallRecord[]
    let denied: Awaited<ReturnType<typeof runStep>>
    let deniedCalls: CallRecord[]

    beforeAll(async () => {
      emulator = await labEmulator({ allowedActions: emulatorAllowedActions(policy) })
      runs.A = await runStep(emulator, step('Model A'))
      runs.B = await runStep(emulator, step('Model B'))
      emulator.advance(180)
      runs.E = await runStep(emulator, step('Model E'))
      labCalls = emulator.calls()

      // The same policy without sagemaker:UpdateEndpoint.
      emulator.setScenario({
        allowedActions: emulatorAllowedActions(policy).filter(a => a !== 'sagemaker:UpdateEndpoint')
      })
      const from = emulator.calls().length
      denied = await runStep(emulator, step('Model B'), {
        inputs: { 'model-data-url': labModel('b') },
        env: { GITHUB_RUN_ID: '8002' }
      })
      deniedCalls = emulator.calls().slice(from)
    }, 90_000)
    afterAll(() => emulator.close())

    it('the whole lab passes with the policy, and no call was denied', () => {
      expect(runs.A!.outputs.outcome).toBe('deployed')
      expect(runs.B!.outputs.outcome).toBe('rolled-back')
      expect(runs.B!.outputs['failure-reason']).toContain(LAB_ERROR_ALARM)
      expect(runs.E!.outputs.outcome).toBe('deployed')
      expect(runs.E!.code).toBe(0)
      expect(labCalls.filter(isDenied).map(c => c.operation)).toEqual([])
    })

    it('every action the lab used is in the policy', () => {
      const used = new Set(
        labCalls
          .filter(c => c.service === 'sagemaker' || c.service === 'cloudwatch')
          .map(c => `${c.service}:${c.operation}`)
      )
      expect([...used].filter(a => !policyActions(policy).includes(a))).toEqual([])
    })

    it('without sagemaker:UpdateEndpoint, Model B fails naming the denied action, and no update happens', () => {
      expect(denied.code).toBe(1)
      expect(denied.outputs.outcome).toBe('failed')
      const error = denied.stdout.split('\n').find(l => l.startsWith('::error::')) ?? ''
      expect(error).toMatch(/sagemaker:UpdateEndpoint/)
      // Said only after a read proved it.
      expect(error).toMatch(
        /A read of the endpoint afterwards shows it InService on lab-endpoint-[a-z0-9-]+: this run did not change it\./
      )
      expect(deniedCalls.filter(c => c.operation === 'UpdateEndpoint' && c.status === 200)).toEqual(
        []
      )
      // Refused once: AccessDenied is not retried.
      expect(deniedCalls.filter(c => c.operation === 'UpdateEndpoint')).toHaveLength(1)
      expect(deniedCalls.filter(c => c.operation.startsWith('Delete'))).toEqual([])
    })

    it('the endpoint still serves E on its config', async () => {
      expect(await liveConfig(emulator, 'lab-endpoint')).toEqual({
        status: 'InService',
        config: runs.E!.outputs['endpoint-config-name']
      })
    })
  })
})
