import { listItems, show, whole, type Reader } from './parsers.js'
import { DEFAULT_METRIC_DELAY_SECONDS, detectionSeconds } from '../guard/detection.js'
import { PERIOD_SECONDS } from '../guard/alarms.js'
import type { MetricsResolution, RolloutPolicy, StepSize, TrafficRouting } from '../types.js'

// The rollout policy inputs: traffic routing, step size, waits and timeout, the alarms that
// guard the rollout, and their conflicts with retain-deployment-config.

export const POLICY_INPUTS = [
  'traffic-routing',
  'step-size',
  'wait-interval',
  'termination-wait',
  'max-execution-timeout',
  'rollback-step-size'
] as const

const ROUTINGS: Record<string, TrafficRouting> = {
  linear: 'linear',
  canary: 'canary',
  'all-at-once': 'all-at-once',
  rolling: 'rolling'
}

/** The percentages SageMaker allows for a step size of each routing (API docs). */
const PERCENT_RANGE: Record<Exclude<TrafficRouting, 'all-at-once'>, [number, number]> = {
  linear: [10, 50],
  canary: [1, 50],
  rolling: [5, 50]
}

/** A percentage (within `range`) or a whole number of instances; undefined when neither. */
function capacity(value: string, range: [number, number]): StepSize | 'bad-percent' | undefined {
  const percent = /^(\d{1,6})\s*%$/.exec(value)
  if (percent) {
    const n = Number(percent[1])
    return n >= range[0] && n <= range[1] ? { type: 'CAPACITY_PERCENT', value: n } : 'bad-percent'
  }
  if (/^\d{1,6}$/.test(value) && Number(value) >= 1 && Number(value) <= 1000) {
    return { type: 'INSTANCE_COUNT', value: Number(value) }
  }
  return undefined
}

/** rollback-step-size: rolling only; empty means all at once (SageMaker's default). */
function readRollbackStepSize(r: Reader, routing: TrafficRouting): StepSize | undefined {
  const value = r.v('rollback-step-size')
  if (value === '') return undefined
  if (routing !== 'rolling') {
    r.p.add(
      'rollback-step-size',
      `Input "rollback-step-size" applies to traffic-routing: rolling only (a blue/green rollback returns all traffic at once), got ${show(value)} with ${routing}. Remove it, or use traffic-routing: rolling.`
    )
    return undefined
  }
  const size = capacity(value, [1, 100])
  if (size === undefined || size === 'bad-percent') {
    r.p.add(
      'rollback-step-size',
      `Input "rollback-step-size" must be a percentage of the fleet from 1% to 100% or a whole number of instances from 1 to 1000 (empty: roll back all at once), got ${show(value)}.`
    )
    return undefined
  }
  return size
}

function readStepSize(r: Reader, routing: TrafficRouting): StepSize {
  const value = r.v('step-size')
  const fallback: StepSize = {
    type: 'CAPACITY_PERCENT',
    value: routing === 'all-at-once' ? 100 : 25
  }
  if (value === '') return fallback
  if (routing === 'all-at-once') {
    r.p.add(
      'step-size',
      `Input "step-size" has no meaning with traffic-routing: all-at-once (all traffic shifts in one step), got ${show(value)}. Remove it, or use linear or canary.`
    )
    return fallback
  }
  const [low, high] = PERCENT_RANGE[routing]
  const size = capacity(value, [low, high])
  const what = { linear: 'linear step', canary: 'canary', rolling: 'rolling batch' }[routing]
  if (size === 'bad-percent') {
    r.p.add(
      'step-size',
      `Input "step-size" must be from ${low}% to ${high}% for a ${what} (SageMaker's limit), or a whole number of instances, got ${show(value)}.`
    )
    return fallback
  }
  if (size) return size
  r.p.add(
    'step-size',
    `Input "step-size" must be a percentage of the fleet like 25% (${low}%-${high}% for a ${what}) or a whole number of instances from 1 to 1000, got ${show(value)}.`
  )
  return fallback
}

const RESOLUTIONS = new Map<string, MetricsResolution>([
  ['10', 10],
  ['30', 30],
  ['60', 60]
])

/** metrics-resolution: 10, 30 or 60 seconds; empty (undefined) keeps the live MetricsConfig. */
export function readMetricsResolution(r: Reader): MetricsResolution | undefined {
  const value = r.v('metrics-resolution')
  if (value === '') return undefined
  const resolution = RESOLUTIONS.get(value)
  if (resolution === undefined) {
    r.p.add(
      'metrics-resolution',
      `Input "metrics-resolution" must be 10, 30 or 60 (seconds between the invocation metrics of the new endpoint config), or empty to keep the live config's MetricsConfig, got ${show(value)}.`
    )
  }
  return resolution
}

/** The rollout policy inputs as given: the policy, or with retain what the retained one must be. */
export interface PolicyInputs {
  /** null with retain-deployment-config: true (SageMaker reuses the last policy). */
  readonly policy: RolloutPolicy | null
  /** With retain: the policy inputs that were set, which the retained policy must match. */
  readonly retainExpected: Partial<RolloutPolicy>
}

export function readPolicy(
  r: Reader,
  retain: boolean,
  component = false,
  metricDelaySeconds = DEFAULT_METRIC_DELAY_SECONDS,
  alarmPeriodSeconds = PERIOD_SECONDS
): PolicyInputs {
  const rawRouting = r.v('traffic-routing')
  // An inference component is updated by rolling batches of copies only.
  let routing: TrafficRouting = component ? 'rolling' : 'linear'
  if (rawRouting !== '') {
    const key = rawRouting.toLowerCase().replace(/_/g, '-')
    // Own names only: "constructor" or "toString" are not routings.
    const known = Object.hasOwn(ROUTINGS, key) ? ROUTINGS[key] : undefined
    if (known) routing = known
    else
      r.p.add(
        'traffic-routing',
        `Input "traffic-routing" must be linear, canary, all-at-once or rolling, got ${show(rawRouting)}.`
      )
  }
  if (routing === 'rolling' && r.v('termination-wait') !== '') {
    r.p.add(
      'termination-wait',
      `Input "termination-wait" has no meaning with traffic-routing: rolling (old instances are terminated batch by batch, after each bake), got ${show(r.v('termination-wait'))}. Remove it.`
    )
  }
  const rollbackStepSize = readRollbackStepSize(r, routing)
  // In input order, so the problems are listed as the step reads.
  const stepSize = readStepSize(r, routing)
  const waitIntervalSeconds = whole(r, 'wait-interval', 0, 3600, 'a whole number of seconds') ?? 60
  const terminationWait =
    routing === 'rolling' ? 0 : whole(r, 'termination-wait', 0, 3600, 'a whole number of seconds')
  // Empty: as long as the created alarms need to see a model that fails at full traffic (the
  // step that reaches 100 % may bake only this: see guard/detection.ts). Their period comes from
  // metrics-resolution alone, known before any read.
  const derived = detectionSeconds({
    periodSeconds: alarmPeriodSeconds,
    datapointsToAlarm: 1,
    metricDelaySeconds
  })
  const policy: RolloutPolicy = {
    routing,
    stepSize,
    waitIntervalSeconds,
    terminationWaitSeconds: terminationWait ?? derived,
    ...(terminationWait === undefined ? { terminationWaitDerived: true } : {}),
    ...(rollbackStepSize ? { rollbackStepSize } : {}),
    maxExecutionTimeoutSeconds: whole(
      r,
      'max-execution-timeout',
      600,
      28800,
      'a whole number of seconds'
    )
  }
  if (!retain) return { policy, retainExpected: {} }
  // With retain, a policy input may stay in the step (a dispatch retry flips only retain): it
  // must then say what the retained policy is, which the plan checks against the endpoint.
  const given = (name: (typeof POLICY_INPUTS)[number]) => r.v(name) !== ''
  return {
    policy: null,
    retainExpected: {
      ...(given('traffic-routing') ? { routing: policy.routing } : {}),
      ...(given('step-size') ? { stepSize: policy.stepSize } : {}),
      ...(given('wait-interval') ? { waitIntervalSeconds: policy.waitIntervalSeconds } : {}),
      ...(given('termination-wait')
        ? { terminationWaitSeconds: policy.terminationWaitSeconds }
        : {}),
      ...(given('max-execution-timeout')
        ? { maxExecutionTimeoutSeconds: policy.maxExecutionTimeoutSeconds }
        : {}),
      ...(given('rollback-step-size') ? { rollbackStepSize: policy.rollbackStepSize } : {})
    }
  }
}

export function readAlarmNames(
  r: Reader,
  retain: boolean,
  createAlarms: boolean,
  gated = false
): string[] {
  const raw = r.v('alarm-names')
  const names = listItems(raw)
  for (const name of names.filter(n => n.length > 255)) {
    r.p.add(
      'alarm-names',
      `Input "alarm-names" has a name longer than 255 characters: ${show(name)}.`
    )
  }
  // With retain, alarm-names may stay in the step: the plan checks them against the retained ones.
  if (retain) return names
  const total = names.length + (createAlarms ? 2 : 0) + (gated ? 1 : 0)
  if (total === 0) {
    r.p.add(
      'alarm-names',
      'Inputs "alarm-names" and "create-alarms": no alarm would guard the rollout (create-alarms is false and alarm-names is empty), so SageMaker could not roll back a bad model. Set create-alarms: true (the default) to create an error-rate and a latency alarm, or list existing CloudWatch alarms in alarm-names.'
    )
  } else if (total > 10) {
    const created = createAlarms ? ' plus the 2 created alarms (create-alarms: true)' : ''
    const gate = gated ? ' plus the gate alarm (verify-requests or verify-command)' : ''
    const room = 10 - (createAlarms ? 2 : 0) - (gated ? 1 : 0)
    r.p.add(
      'alarm-names',
      `Input "alarm-names" gives ${names.length} alarms${created}${gate}, ${total} in all; SageMaker accepts at most 10 rollback alarms. List fewer (at most ${room})${createAlarms ? ', or set create-alarms: false' : ''}.`
    )
  }
  return names
}
