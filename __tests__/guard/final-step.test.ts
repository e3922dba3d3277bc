import { describe, expect, it } from '@jest/globals'
import {
  acceptedRiskText,
  finalStepRefusal,
  guardFacts,
  guardTimings,
  retainedRiskText,
  unguardedFinalStep
} from '../../src/guard/final-step.js'
import { readInputs } from '../../src/inputs/index.js'
import { guardParagraph } from '../../src/report/guard-view.js'
import { executionTimeout, mostShifts } from '../../src/rollout-policy.js'
import type { DeployRequest, RolloutPolicy } from '../../src/types.js'
import { CURRENT, gateRequest, LINEAR, REQUEST, RUN } from '../helpers/plan-fixtures.js'
import { buildPlan } from '../../src/target/endpoint/plan.js'
import { labPlan } from '../report/fixtures.js'

const plan = labPlan('e')
const created = plan.alarmsToCreate.map(a => a.name)
const policy = (p: Partial<RolloutPolicy>): DeployRequest => ({
  ...REQUEST,
  policy: { ...LINEAR, ...p }
})

/** The inputs as the runner passes them, action.yml defaults aside. */
function inputs(values: Record<string, string>): DeployRequest {
  const env: Record<string, string> = {
    'endpoint-name': 'lab-endpoint',
    region: 'us-east-1',
    'model-data-url': 's3://lab-models/model-e/model.tar.gz',
    'image-uri': '123456789012.dkr.ecr.us-east-1.amazonaws.com/lab:1',
    'execution-role-arn': 'arn:aws:iam::123456789012:role/SageMakerRole',
    ...values
  }
  return readInputs(name => env[name] ?? '', {}).request
}

describe('the final step: can the alarms see a model that fails at full traffic?', () => {
  it('termination-wait empty is derived: 60 s period + metric-delay + 60 s evaluation', () => {
    expect(inputs({}).policy).toMatchObject({
      terminationWaitSeconds: 300,
      terminationWaitDerived: true
    })
    expect(inputs({ 'metric-delay': '60' }).policy?.terminationWaitSeconds).toBe(180)
    expect(inputs({ 'termination-wait': '120' }).policy).toEqual(
      expect.not.objectContaining({ terminationWaitDerived: true })
    )
    // Rolling has no final bake.
    expect(inputs({ 'traffic-routing': 'rolling' }).policy?.terminationWaitSeconds).toBe(0)
  })

  it('with metrics-resolution 10 or 30: that period + metric-delay + 10 s evaluation', () => {
    expect(inputs({ 'metrics-resolution': '10' }).policy?.terminationWaitSeconds).toBe(200)
    expect(inputs({ 'metrics-resolution': '30' }).policy?.terminationWaitSeconds).toBe(220)
    expect(inputs({ 'metrics-resolution': '60' }).policy?.terminationWaitSeconds).toBe(300)
    expect(
      inputs({ 'metrics-resolution': '10', 'metric-delay': '0' }).policy?.terminationWaitSeconds
    ).toBe(20)
  })

  it('the created alarms from their requests, the given ones as read; the slowest counts', () => {
    const given = 'team-errors'
    const withGiven = { ...plan, guardAlarmNames: [...created, given] }
    const read = new Map([[given, { Period: 300, EvaluationPeriods: 3, DatapointsToAlarm: 2 }]])
    const timings = guardTimings(withGiven, read, 180)
    expect(timings.map(t => [t.name, t.periodSeconds, t.datapointsToAlarm])).toEqual([
      [created[0], 60, 1],
      [created[1], 60, 1],
      [given, 300, 2]
    ])
    const facts = guardFacts(policy({ terminationWaitSeconds: 300 }), withGiven, timings)!
    expect(facts.detectionSeconds).toBe(300 * 2 + 180 + 60)
    expect(facts.alarm.name).toBe(given)
    expect(unguardedFinalStep(facts)).toBe(true)
    expect(finalStepRefusal(facts)).toBe(
      `The step that gives the new model all the traffic is watched only for termination-wait (300 s), but alarm ${given} can take 840 s to go into ALARM (period 300 s × 2 + metric-delay 180 s + 60 s evaluation): SageMaker would complete before it could see a model that fails at full traffic. Set termination-wait to at least 840, or accept-unguarded-final-step: true to take the risk (the action still watches the alarms after SageMaker completes and fails the job as regressed).`
    )
  })

  it('a given alarm that was not read, or read as nothing, has no timing (the others count)', () => {
    const given = 'team-errors'
    const withGiven = { ...plan, guardAlarmNames: [...created, given] }
    const names = (read: ReadonlyMap<string, unknown> | undefined) =>
      guardTimings(withGiven, read, 180).map(t => t.name)
    expect(names(undefined)).toStrictEqual(created)
    expect(names(new Map())).toStrictEqual(created)
    expect(names(new Map([[given, null]]))).toStrictEqual(created)
    expect(names(new Map([[given, 'ALARM']]))).toStrictEqual(created)
    expect(names(new Map([[given, {}]]))).toStrictEqual([...created, given])
  })

  it('a derived final bake names itself in the refusal', () => {
    const timings = guardTimings(plan, undefined, 180)
    const facts = guardFacts(
      policy({ terminationWaitSeconds: 120, terminationWaitDerived: true }),
      plan,
      timings
    )!
    expect(finalStepRefusal(facts)).toContain(
      'is watched only for the final bake derived for the created alarms (120 s), but alarm'
    )
  })

  it('a final bake as long as the detection time is guarded; one second less is not', () => {
    const timings = guardTimings(plan, undefined, 180)
    const guarded = guardFacts(policy({ terminationWaitSeconds: 300 }), plan, timings)!
    expect(unguardedFinalStep(guarded)).toBe(false)
    expect(guarded.unseenSteps).toEqual([])
    const short = guardFacts(policy({ terminationWaitSeconds: 299 }), plan, timings)!
    expect(unguardedFinalStep(short)).toBe(true)
    // 60 s bakes: a model failing from 75 % on is watched 60 + 299 s, from 100 % only 299 s.
    expect(short.unseenSteps).toEqual([100])
    const none = guardFacts(policy({ terminationWaitSeconds: 0 }), plan, timings)!
    // With no final bake, even a model failing from the first step is watched only 3 × 60 s.
    expect(none.unseenSteps).toEqual([25, 50, 75, 100])
    expect(acceptedRiskText(none)).toBe(
      `accept-unguarded-final-step: SageMaker watched the new model at full traffic for 0 s, less than the 300 s alarm ${created[0]} can take to fire; a failure there is caught only after completion (regressed), not rolled back by SageMaker.`
    )
  })

  it("a retained policy is the endpoint's own: judged and said, never refused", () => {
    const timings = guardTimings(plan, undefined, 180)
    const retained = { ...plan, retainedPolicy: { ...LINEAR, terminationWaitSeconds: 0 } }
    const facts = guardFacts({ ...REQUEST, policy: null }, retained, timings)!
    expect(facts).toMatchObject({ finalBakeSeconds: 0, retained: true, derived: false })
    expect(unguardedFinalStep(facts)).toBe(true)
    expect(retainedRiskText(facts)).toBe(
      `retain-deployment-config: the endpoint's own policy watches the new model at full traffic for 0 s, less than the 300 s alarm ${created[0]} can take to fire; a failure there is caught only after completion (regressed), where SageMaker would not roll it back. Send a policy with termination-wait of at least 300 (retain-deployment-config: false) to have SageMaker watch it.`
    )
    expect(guardParagraph({ ...retained, guard: facts })).toContain(
      "The final bake with all traffic on green (the endpoint's own termination-wait, retained, 0 s) is shorter"
    )
    const covered = guardFacts(
      { ...REQUEST, policy: null },
      { ...plan, retainedPolicy: { ...LINEAR, terminationWaitSeconds: 300 } },
      timings
    )!
    expect(unguardedFinalStep(covered)).toBe(false)
    expect(guardParagraph({ ...plan, guard: covered })).toContain(
      "(the endpoint's own termination-wait, retained, 5 min) covers it."
    )
    // A policy the step sends is not retained.
    expect(guardFacts(REQUEST, retained, timings)?.retained).toBeUndefined()
  })

  it('nothing to judge: a new endpoint, a retained policy not read, a rolling one, no alarm', () => {
    const timings = guardTimings(plan, undefined, 180)
    expect(guardFacts(REQUEST, { ...plan, firstDeploy: true }, timings)).toBeUndefined()
    expect(guardFacts({ ...REQUEST, policy: null }, plan, timings)).toBeUndefined()
    expect(guardFacts(policy({ routing: 'rolling' }), plan, timings)).toBeUndefined()
    expect(guardFacts(REQUEST, plan, [])).toBeUndefined()
    expect(unguardedFinalStep(undefined)).toBe(false)
  })

  it('the plan and the summary say it in one paragraph', () => {
    const timings = guardTimings(plan, undefined, 180)
    const derived = guardFacts(
      policy({ terminationWaitSeconds: 300, terminationWaitDerived: true }),
      plan,
      timings
    )!
    expect(guardParagraph({ ...plan, guard: derived })).toBe(
      `**Guard:** the alarms can take up to 5 min to see a failing model (${created[0]}: period 60 s × 1 + metric-delay 180 s + 60 s evaluation). The final bake with all traffic on green lasts as long (termination-wait, derived from it): 5 min more with the blue fleet running, so SageMaker can roll back a model that fails at full traffic. After SageMaker completes, the action watches the alarms until 5 min after green took all the traffic: an alarm in ALARM then fails the job as regressed.`
    )
    const short = guardFacts(policy({ terminationWaitSeconds: 0 }), plan, timings)!
    expect(guardParagraph({ ...plan, guard: short })).toContain(
      'The final bake with all traffic on green (termination-wait, 0 s) is shorter: a model that fails from the steps at 25%, 50%, 75%, 100% on can pass SageMaker unseen.'
    )
    expect(guardParagraph(plan)).toBe('')
  })
})

describe('the execution timeout holds under every rounding of a percent step', () => {
  it('counts the shifts of the smallest step: 25 % of 6 is 1 instance rounded down', () => {
    const p: RolloutPolicy = { ...LINEAR, stepSize: { type: 'CAPACITY_PERCENT', value: 25 } }
    // Up or to the nearest: 2 instances, 3 shifts; down: 1 instance, 6 shifts.
    expect(mostShifts(p, 6)).toBe(6)
    expect(mostShifts(p, 4)).toBe(4)
    expect(mostShifts({ ...p, stepSize: { type: 'INSTANCE_COUNT', value: 2 } }, 6)).toBe(3)
    expect(mostShifts({ ...p, routing: 'canary' }, 6)).toBe(2)
    // Rolling batches round the same way; half of 6 is 3 whichever way: 2 shifts.
    expect(mostShifts({ ...p, routing: 'rolling' }, 6)).toBe(6)
    expect(mostShifts({ ...p, stepSize: { type: 'CAPACITY_PERCENT', value: 50 } }, 6)).toBe(2)
    // 6 bakes of 60 s + the 300 s final bake + provisioning.
    expect(executionTimeout({ ...p, terminationWaitSeconds: 300 }, 6, true, 1800)).toBe(
      6 * 60 + 300 + 1800
    )
  })
})

describe("the gate alarm's timing", () => {
  it("is its own metric's: as late as the checks take to judge, not CloudWatch's SageMaker delay", () => {
    const gated = buildPlan(
      {
        ...REQUEST,
        gate: gateRequest({ ratePerSecond: 1, command: 'true', commandTimeoutSeconds: 30 })
      },
      RUN,
      CURRENT
    )
    const timings = guardTimings(gated, undefined, 180)
    // The slower of 20 answers at 1 a second + 5 s of publishing (25 s) and the command's 30 s
    // limit, + 5 s for the datapoint to be seen.
    expect(
      timings.map(t => [t.name, t.periodSeconds, t.datapointsToAlarm, t.metricDelaySeconds])
    ).toStrictEqual([
      ['lab-endpoint-5xx-rate', 60, 1, 180],
      ['lab-endpoint-model-latency', 60, 1, 180],
      ['lab-endpoint-gate', 10, 1, 35]
    ])
  })
})
