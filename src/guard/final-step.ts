// Before any write: can the guard alarms see a model that fails once it takes all the traffic?
// SageMaker watches them only while it bakes, and the step that reaches 100 % may bake only
// TerminationWaitInSeconds (guard/detection.ts). A final bake shorter than the slowest alarm's
// detection time lets SageMaker complete before any alarm can fire: refused, unless the step
// accepts the risk (then the summary's headline says so). Pure.
import type { MetricAlarm } from '@aws-sdk/client-cloudwatch'
import type { DeployRequest, GuardFacts, Plan } from '../types.js'
import {
  alarmTiming,
  detectionSeconds,
  detectionText,
  guardedSteps,
  type AlarmTiming
} from './detection.js'

export { detectionText }

export type { GuardFacts }

/** Each guard alarm's timing: the created ones from their request, the others as read. */
export function guardTimings(
  plan: Plan,
  read: ReadonlyMap<string, MetricAlarm | unknown> | undefined,
  metricDelaySeconds: number
): AlarmTiming[] {
  const created = new Map(plan.alarmsToCreate.map(a => [a.name, a.request]))
  return plan.guardAlarmNames.flatMap(name => {
    const definition = created.get(name) ?? read?.get(name)
    if (definition === null || typeof definition !== 'object') return []
    // The gate's metric is the action's own: as late as its checks take to judge, not CloudWatch's
    // SageMaker delay.
    const delay = name === plan.gate?.alarmName ? plan.gate.judgeSeconds : metricDelaySeconds
    return [alarmTiming({ AlarmName: name, ...(definition as Record<string, unknown>) }, delay)]
  })
}

/** The guard's facts for a blue/green shift (undefined: nothing to judge, or no alarm). */
export function guardFacts(
  request: DeployRequest,
  plan: Plan,
  timings: readonly AlarmTiming[]
): GuardFacts | undefined {
  // A retained policy is the endpoint's own: judged and shown, never refused (retainedRiskText).
  const policy = request.policy ?? plan.retainedPolicy
  // A blue/green shift only: a new endpoint has no shift, a rolling update no final bake (the
  // watch after completion covers both).
  if (plan.firstDeploy || plan.component || !policy || policy.routing === 'rolling')
    return undefined
  if (timings.length === 0) return undefined
  const alarm = timings.reduce((a, b) => (detectionSeconds(b) > detectionSeconds(a) ? b : a))
  const detection = detectionSeconds(alarm)
  const percents = plan.schedule.filter(step => step.greenPercent > 0).map(s => s.greenPercent)
  return {
    detectionSeconds: detection,
    alarm,
    finalBakeSeconds: policy.terminationWaitSeconds,
    derived: policy.terminationWaitDerived === true,
    ...(request.policy === null ? { retained: true } : {}),
    unseenSteps: guardedSteps(policy, percents, detection)
      .filter(step => !step.seen)
      .map(step => step.greenPercent)
  }
}

/** A final bake shorter than the slowest alarm's detection time. */
export function unguardedFinalStep(facts: GuardFacts | undefined): facts is GuardFacts {
  return facts !== undefined && facts.finalBakeSeconds < facts.detectionSeconds
}

/** The refusal: the numbers, and the two inputs that settle it. */
export function finalStepRefusal(risk: GuardFacts): string {
  const bake = risk.derived
    ? `the final bake derived for the created alarms (${risk.finalBakeSeconds} s)`
    : `termination-wait (${risk.finalBakeSeconds} s)`
  return `The step that gives the new model all the traffic is watched only for ${bake}, but alarm ${risk.alarm.name} can take ${risk.detectionSeconds} s to go into ALARM (${detectionText(risk.alarm)}): SageMaker would complete before it could see a model that fails at full traffic. Set termination-wait to at least ${risk.detectionSeconds}, or accept-unguarded-final-step: true to take the risk (the action still watches the alarms after SageMaker completes and fails the job as regressed).`
}

/** What the summary's headline says when the retained policy's final bake is too short. */
export function retainedRiskText(risk: GuardFacts): string {
  return `retain-deployment-config: the endpoint's own policy watches the new model at full traffic for ${risk.finalBakeSeconds} s, less than the ${risk.detectionSeconds} s alarm ${risk.alarm.name} can take to fire; a failure there is caught only after completion (regressed), where SageMaker would not roll it back. Send a policy with termination-wait of at least ${risk.detectionSeconds} (retain-deployment-config: false) to have SageMaker watch it.`
}

/** What the summary's headline says when the step accepted the risk. */
export function acceptedRiskText(risk: GuardFacts): string {
  return `accept-unguarded-final-step: SageMaker watched the new model at full traffic for ${risk.finalBakeSeconds} s, less than the ${risk.detectionSeconds} s alarm ${risk.alarm.name} can take to fire; a failure there is caught only after completion (regressed), not rolled back by SageMaker.`
}
