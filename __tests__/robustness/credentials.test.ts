// Credentials and permissions: credentials that expire mid-watch stop the action at once with a
// message that says what SageMaker is doing and how to resume; the least-privilege policy in
// docs/iam-policy.json is enough for the whole lab, and one action less is reported by name.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { DEFAULT_SCENARIO, type CallRecord, type Emulator } from '../../emulator/index.js'
import { runAction, type ActionResult } from '../../scripts/lib/action-runner.js'
import { LAB_ERROR_ALARM, labModel } from '../../scripts/lib/lab.js'
import { labEmulator, runStep, step, liveModelA } from '../e2e/helpers.js'
import { emulatorAllowedActions, liveConfig, loadIamPolicy, policyActions } from './helpers.js'

const isDenied = (c: CallRecord): boolean => /AccessDenied/.test(c.error ?? '')
const isExpired = (c: CallRecord): boolean => /ExpiredToken/.test(c.error ?? '')

/** liveModelA leaves the endpoint InService this many simulated seconds after the start. */
const UPDATE_AT = DEFAULT_SCENARIO.creationSeconds + 60
/** expireCredentialsAfterSeconds: simulated seconds since the emulator started. */
const EXPIRES_AT = UPDATE_AT + 300

describe('credentials that expire mid-watch', () => {
  let emulator: Emulator
  let result: ActionResult
  let calls: CallRecord[]
  let emulatorStart: number

  beforeAll(async () => {
    emulator = await labEmulator()
    emulatorStart = emulator.now()
    await liveModelA(emulator)
    // The update is requested at UPDATE_AT (the action launches at one simulated instant); the
    // credentials expire five minutes later, while the green fleet is still provisioning.
    expect((emulator.now() - emulatorStart) / 1000).toBe(UPDATE_AT)
    emulator.setScenario({ expireCredentialsAfterSeconds: EXPIRES_AT })
    const from = emulator.calls().length
    const lab = step('Model E')
    result = await runAction({
      inputs: {
        ...lab.inputs,
        'retain-deployment-config': 'false',
        'wait-interval': '600'
      },
      env: { ...emulator.env(), ...lab.github, GITHUB_RUN_ID: '8001' }
    })
    calls = emulator.calls().slice(from)
  }, 300_000)
  afterAll(() => emulator.close())

  /** Simulated seconds since the emulator started. */
  const at = (c: CallRecord): number => (c.simulatedTime - emulatorStart) / 1000

  it('the update had started before the credentials expired', () => {
    const update = calls.filter(c => c.operation === 'UpdateEndpoint')
    expect(update.map(c => [c.status, at(c)])).toEqual([[200, UPDATE_AT]])
    // Every call before the expiry was accepted, every one from it on refused.
    expect(calls.filter(c => at(c) < EXPIRES_AT).filter(isExpired)).toEqual([])
    expect(calls.filter(c => at(c) >= EXPIRES_AT).filter(c => !isExpired(c))).toEqual([])
    // The watch polled on (8.5 to 10 s apart: the 10 s interval with up to 15 % less jitter)
    // until then: the last accepted poll is the one before it, at T+294.3 s.
    const polls = calls.filter(c => c.operation === 'DescribeEndpoint' && c.status === 200)
    expect(Math.floor(at(polls.at(-1)!) - UPDATE_AT)).toBe(294)
  })

  it('stops at once, far inside its budget: exit 1, outcome failed', () => {
    expect(result.code).toBe(1)
    expect(result.outputs.outcome).toBe('failed')
    // The first poll after the expiry (T+303.4 s of the 80 min budget, 9.1 s after the last
    // accepted one) is refused, and the run ends there: no more polls, only the metrics read of
    // the report, refused at the same instant. One attempt each: the SDK does not retry an
    // expired token (it would retry a clock-skew error, but the emulator's Date header is on the
    // simulated clock, the action's own, so there is no skew to correct).
    const refused = calls.filter(isExpired)
    expect(Math.floor(at(refused[0]!) - UPDATE_AT)).toBe(303)
    expect(calls.slice(calls.indexOf(refused[0]!)).map(c => c.operation)).toEqual([
      'DescribeEndpoint',
      'GetMetricData'
    ])
    expect(at(refused.at(-1)!)).toBe(at(refused[0]!))
    expect(result.outputs['duration-seconds']).toBe('303')
    expect(result.summary).toContain("this step: 5 min 3 s on the runner's clock")
  })

  it('says the deployment may still be running, its last state, and how to resume', () => {
    const error = result.stdout.split('\n').find(l => l.startsWith('::error::')) ?? ''
    expect(error).toBe(
      '::error::Deployment failed: Stopped watching: DescribeEndpoint failed: ExpiredTokenException: The security token included in the request is expired. The deployment may still be running in SageMaker (last state: Updating on lab-endpoint-a1a1a1a-1001-1); re-run the job to watch it to the end.'
    )
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
    // DeleteTags removes only the action's copy of saved auto scaling from the endpoint.
    expect(actions.filter(a => a.startsWith('sagemaker:Delete')).sort()).toEqual([
      'sagemaker:DeleteEndpointConfig',
      'sagemaker:DeleteModel',
      'sagemaker:DeleteTags'
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
    }, 300_000)
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
