// Synthetic traffic: `trafficPerMinute` requests spread over every instance taking traffic
// (blue and green), each answered per its model's behaviour, drawn from the seeded PRNG.
// The results become the AWS/SageMaker metrics, per variant and per fleet, one datapoint a minute
// (or every 10 or 30 s for a fleet whose config publishes that often); each second's results
// reach CloudWatch after the scenario's metric delay.

import { componentSlices } from './component-traffic.js'
import type { InferenceComponentRecord } from './inference-components-state.js'
import type { Aggregate, Dimension, MetricStore } from './metrics.js'
import { invocationResolution, utilizationResolution } from './publish-frequency.js'
import type { Random } from './random.js'
import { behaviourFor, type Scenario } from './scenario.js'
import type { EndpointRecord, FleetVariant } from './state.js'

export const NAMESPACE = 'AWS/SageMaker'
export const ENDPOINT_NAMESPACE = '/aws/sagemaker/Endpoints'
const OVERHEAD_LATENCY_US = 2_500

/** How one request ended: a model answer (2XX/4XX/5XX), or a timeout or socket error. */
export interface Outcome {
  kind: 'ok' | 'client-error' | 'server-error' | 'timeout' | 'socket-error'
  /** The model's HTTP status (0 for a timeout or socket error). */
  status: number
  /** Undefined when the model never answered. */
  modelLatencyUs: number | undefined
  /** A 200 whose answer is wrong (wrongAnswerRate): a success in every metric. */
  wrong?: boolean
}

/** Instances' worth of traffic a variant takes. */
export function servingInstances(variant: FleetVariant): number {
  return variant.servingInstances ?? variant.current
}

/** One variant's slice of a fleet that currently takes traffic. */
export interface ServingSlice {
  configName: string
  variant: FleetVariant
}

/** The endpoint config a fleet taking traffic runs on (blue, or the deployment's green). */
function fleetConfig(
  endpoint: EndpointRecord,
  configName: string
): Record<string, unknown> | undefined {
  const green = endpoint.deployment?.green
  if (green !== undefined && green.configName === configName) return green.config
  return endpoint.blue.config
}

/** Statuses in which an endpoint answers requests. */
export function isServing(endpoint: EndpointRecord): boolean {
  return [
    'InService',
    'Updating',
    'RollingBack',
    'UpdateRollbackFailed',
    'SystemUpdating'
  ].includes(endpoint.status)
}

/** Every (fleet, variant) taking traffic, blue first. */
export function servingSlices(endpoint: EndpointRecord): ServingSlice[] {
  const slices: ServingSlice[] = endpoint.blue.variants
    .filter(v => servingInstances(v) > 0)
    .map(variant => ({ configName: endpoint.blue.configName, variant }))
  const green = endpoint.deployment?.green
  if (green !== undefined) {
    for (const variant of green.variants) {
      if (servingInstances(variant) > 0) slices.push({ configName: green.configName, variant })
    }
  }
  return slices
}

/** Picks the slice one request lands on: by variant weight, then by instances within a variant. */
export function pickSlice(slices: ServingSlice[], random: Random): ServingSlice | undefined {
  const weights = new Map<string, number>()
  for (const s of slices) weights.set(s.variant.variantName, s.variant.weight)
  const totalWeight = [...weights.values()].reduce((a, b) => a + b, 0)
  let variantName = slices[0]?.variant.variantName
  if (totalWeight > 0) {
    let r = random() * totalWeight
    for (const [name, weight] of weights) {
      variantName = name
      r -= weight
      if (r < 0) break
    }
  }
  const candidates = slices.filter(s => s.variant.variantName === variantName)
  const instances = candidates.reduce((a, s) => a + servingInstances(s.variant), 0)
  let r = random() * instances
  for (const slice of candidates) {
    r -= servingInstances(slice.variant)
    if (r < 0) return slice
  }
  return candidates[candidates.length - 1]
}

/** How the model of `variant` answers one request at simulated time `now`. */
export function answer(
  scenario: Scenario,
  variant: FleetVariant,
  random: Random,
  now: number
): Outcome {
  const behaviour = behaviourFor(scenario, variant.behaviourKeys)
  const failing =
    behaviour.failuresAfterSeconds <= 0 ||
    (variant.trafficSince !== undefined &&
      now >= variant.trafficSince + behaviour.failuresAfterSeconds * 1000)
  const draw = random()
  const jitter = behaviour.latencyJitterMs * (random() * 2 - 1)
  const latency = Math.max(0, Math.round((behaviour.latencyMs + jitter) * 1000))
  if (!failing) return { kind: 'ok', status: 200, modelLatencyUs: latency }
  let edge = behaviour.errorRate
  if (draw < edge) return { kind: 'server-error', status: 500, modelLatencyUs: latency }
  edge += behaviour.error4xxRate
  if (draw < edge) return { kind: 'client-error', status: 400, modelLatencyUs: latency }
  edge += behaviour.timeoutRate
  if (draw < edge) return { kind: 'timeout', status: 0, modelLatencyUs: undefined }
  edge += behaviour.socketErrorRate
  if (draw < edge) return { kind: 'socket-error', status: 0, modelLatencyUs: undefined }
  // The same draw decides: a scenario without wrong answers draws exactly as before.
  edge += behaviour.wrongAnswerRate
  if (draw < edge) return { kind: 'ok', status: 200, modelLatencyUs: latency, wrong: true }
  return { kind: 'ok', status: 200, modelLatencyUs: latency }
}

interface SliceTally {
  slice: ServingSlice
  invocations: number
  errors5xx: number
  errors4xx: number
  /** Non-2XX of any kind, socket errors and timeouts included. */
  modelErrors: number
  latency: Aggregate
}

const emptyTally = (slice: ServingSlice): SliceTally => ({
  slice,
  invocations: 0,
  errors5xx: 0,
  errors4xx: 0,
  modelErrors: 0,
  latency: { sum: 0, count: 0, min: Infinity, max: -Infinity }
})

/** Generates one second of synthetic traffic for an endpoint (from `time`). */
export class TrafficGenerator {
  private readonly carry = new Map<string, number>()

  constructor(
    private readonly scenario: () => Scenario,
    private readonly metrics: MetricStore,
    private readonly random: Random,
    /** Draws arrival delays: its own sequence, so traffic is the same whatever the delay. */
    private readonly arrivalRandom: Random
  ) {}

  /** When results of `time` reach CloudWatch: between a third of the delay and all of it. */
  private arrival(time: number): number {
    const delayMs = this.scenario().metricDelaySeconds * 1000
    if (delayMs <= 0) return time
    return time + Math.round(delayMs / 3 + this.arrivalRandom() * ((2 * delayMs) / 3))
  }

  tick(endpoint: EndpointRecord, time: number): void {
    if (!isServing(endpoint)) return
    const slices = servingSlices(endpoint)
    if (slices.length === 0) return
    const due = this.scenario().trafficPerMinute / 60 + (this.carry.get(endpoint.arn) ?? 0)
    const count = Math.floor(due)
    this.carry.set(endpoint.arn, due - count)
    const tallies = new Map<ServingSlice, SliceTally>()
    for (let i = 0; i < count; i++) {
      const slice = pickSlice(slices, this.random)
      if (slice === undefined) break
      const outcome = answer(this.scenario(), slice.variant, this.random, time)
      let tally = tallies.get(slice)
      if (tally === undefined) {
        tally = emptyTally(slice)
        tallies.set(slice, tally)
      }
      addOutcome(tally, outcome)
    }
    const visibleAt = this.arrival(time)
    for (const tally of tallies.values()) this.publish(endpoint, slices, tally, time, visibleAt)
    for (const slice of slices) {
      const perInstance = count / Math.max(1, slices.length) / servingInstances(slice.variant)
      const cpu = Math.min(100, 8 + perInstance * 4)
      this.metrics.record(
        {
          namespace: ENDPOINT_NAMESPACE,
          metricName: 'CPUUtilization',
          dimensions: variantDimensions(endpoint.name, slice.variant.variantName)
        },
        time,
        cpu,
        visibleAt,
        utilizationResolution(fleetConfig(endpoint, slice.configName))
      )
    }
  }

  /** Records one real InvokeEndpoint call. */
  recordInvocation(
    endpoint: EndpointRecord,
    slice: ServingSlice,
    outcome: Outcome,
    time: number
  ): void {
    const tally = emptyTally(slice)
    addOutcome(tally, outcome)
    this.publish(endpoint, servingSlices(endpoint), tally, time, this.arrival(time))
  }

  /**
   * One second of traffic to an inference component: each request lands on an old or a new copy
   * in proportion to the copies taking traffic, and is answered by that copy's model.
   */
  tickComponent(endpoint: EndpointRecord, component: InferenceComponentRecord, time: number): void {
    const slices = componentSlices(component)
    if (slices.length === 0) return
    const due = this.scenario().trafficPerMinute / 60 + (this.carry.get(component.arn) ?? 0)
    const count = Math.floor(due)
    this.carry.set(component.arn, due - count)
    const tallies = new Map<ServingSlice, SliceTally>()
    for (let i = 0; i < count; i++) {
      const slice = pickSlice(slices, this.random)
      if (slice === undefined) break
      let tally = tallies.get(slice)
      if (tally === undefined) tallies.set(slice, (tally = emptyTally(slice)))
      addOutcome(tally, answer(this.scenario(), slice.variant, this.random, time))
    }
    const visibleAt = this.arrival(time)
    const copies = slices.reduce((a, s) => a + s.variant.current, 0)
    // The copies run on the endpoint's instances: its live config says how often they publish.
    const resolution = invocationResolution(endpoint.blue.config)
    for (const tally of tallies.values()) {
      this.recordTally(
        [
          [[{ Name: 'InferenceComponentName', Value: component.name }], copies],
          [variantDimensions(endpoint.name, component.variantName), copies]
        ],
        tally,
        time,
        visibleAt,
        resolution
      )
    }
  }

  private publish(
    endpoint: EndpointRecord,
    slices: ServingSlice[],
    tally: SliceTally,
    time: number,
    visibleAt: number
  ): void {
    const { variant, configName } = tally.slice
    const variantInstances = slices
      .filter(s => s.variant.variantName === variant.variantName)
      .reduce((a, s) => a + s.variant.current, 0)
    const byVariant = variantDimensions(endpoint.name, variant.variantName)
    const byFleet = [...byVariant, { Name: 'EndpointConfigName', Value: configName }]
    this.recordTally(
      [
        [byVariant, variantInstances],
        [byFleet, variant.current]
      ],
      tally,
      time,
      visibleAt,
      invocationResolution(fleetConfig(endpoint, configName))
    )
  }

  /**
   * The invocation metrics of a tally, under each dimension set (with its instance count), in
   * datapoints of `resolutionSeconds`.
   */
  private recordTally(
    sets: [Dimension[], number][],
    tally: SliceTally,
    time: number,
    visibleAt: number,
    resolutionSeconds: number
  ): void {
    const answered = tally.latency.count
    const n = tally.invocations
    const flags = (k: number): Aggregate => ({
      sum: k,
      count: n,
      min: k === n ? 1 : 0,
      max: k > 0 ? 1 : 0
    })
    const overhead: Aggregate = {
      sum: OVERHEAD_LATENCY_US * answered,
      count: answered,
      min: OVERHEAD_LATENCY_US,
      max: OVERHEAD_LATENCY_US
    }
    for (const [dimensions, instances] of sets) {
      const put = (metricName: string, sample: Aggregate): void =>
        this.metrics.recordAggregate(
          { namespace: NAMESPACE, metricName, dimensions },
          time,
          sample,
          visibleAt,
          resolutionSeconds
        )
      put('Invocations', { sum: n, count: n, min: 1, max: 1 })
      put('Invocation5XXErrors', flags(tally.errors5xx))
      put('Invocation4XXErrors', flags(tally.errors4xx))
      put('InvocationModelErrors', flags(tally.modelErrors))
      put('ModelLatency', tally.latency)
      put('OverheadLatency', overhead)
      const per = 1 / Math.max(1, instances)
      put('InvocationsPerInstance', { sum: n * per, count: n, min: per, max: per })
    }
  }
}

function addOutcome(tally: SliceTally, outcome: Outcome): void {
  tally.invocations += 1
  if (outcome.kind === 'server-error') tally.errors5xx += 1
  if (outcome.kind === 'client-error') tally.errors4xx += 1
  if (outcome.kind !== 'ok') tally.modelErrors += 1
  // A request the model never answered has no ModelLatency sample.
  const latency = outcome.modelLatencyUs
  if (latency === undefined) return
  tally.latency.sum += latency
  tally.latency.count += 1
  tally.latency.min = Math.min(tally.latency.min, latency)
  tally.latency.max = Math.max(tally.latency.max, latency)
}

export function variantDimensions(endpointName: string, variantName: string): Dimension[] {
  return [
    { Name: 'EndpointName', Value: endpointName },
    { Name: 'VariantName', Value: variantName }
  ]
}
