// The SageMaker resources the emulator keeps: models, endpoint configs, endpoints, and the
// fleets (blue = live, green = pending) an endpoint runs.

import { ScalingStore } from './application-autoscaling-state.js'
import type { InferenceComponentRecord } from './inference-components-state.js'
import type { TagEntry } from './validate.js'

export interface ModelRecord {
  name: string
  arn: string
  creationTime: number
  /** The request as sent, echoed by DescribeModel. */
  request: Record<string, unknown>
  /** Model artifact, image and package: the keys the scenario's behaviours are looked up by. */
  behaviourKeys: string[]
  image: string | undefined
  tags: TagEntry[]
}

export interface VariantSpec {
  VariantName: string
  /** Empty for a variant that hosts inference components (no model of its own). */
  ModelName: string
  /** 1 for a serverless variant: one unit of capacity that takes traffic, shown as no instances. */
  InitialInstanceCount: number
  /** Empty for a serverless variant. */
  InstanceType: string
  InitialVariantWeight: number
  /** The variant as stored (every field of the request). */
  spec: Record<string, unknown>
}

export interface ConfigRecord {
  name: string
  arn: string
  creationTime: number
  variants: VariantSpec[]
  request: Record<string, unknown>
  tags: TagEntry[]
}

export interface VariantStatusEntry {
  Status: 'Creating' | 'Updating' | 'Deleting' | 'ActivatingTraffic' | 'Baking'
  StatusMessage: string
  StartTime: number
}

/**
 * One variant of a fleet. `current` is its CurrentInstanceCount: for the green fleet the
 * instances taking traffic, for the blue fleet the instances running.
 */
export interface FleetVariant {
  variantName: string
  modelName: string
  instanceType: string
  desired: number
  current: number
  weight: number
  image: string | undefined
  behaviourKeys: string[]
  /** The config's variant as stored: ServerlessConfig, ManagedInstanceScaling, RoutingConfig... */
  spec?: Record<string, unknown>
  /**
   * Instances' worth of traffic the variant takes when not all its running instances take traffic
   * (the blue fleet while green takes its share); absent: `current`.
   */
  servingInstances?: number | undefined
  /** Simulated epoch ms at which the fleet first took traffic. */
  trafficSince?: number | undefined
}

export interface Fleet {
  configName: string
  variants: FleetVariant[]
  /** The endpoint config as stored: AsyncInferenceConfig, DataCaptureConfig, shadow variants... */
  config?: Record<string, unknown>
}

export type TrafficType = 'LINEAR' | 'CANARY' | 'ALL_AT_ONCE' | 'ROLLING'

export interface ResolvedPolicy {
  type: TrafficType
  waitSeconds: number
  terminationWaitSeconds: number
  maxTimeoutSeconds: number | undefined
  /** Per variant: green instances taking traffic after each step (the last equals desired). */
  steps: number[][]
  /** ROLLING: new instances per batch, and old instances brought back per rollback step. */
  batch?: number
  rollbackBatch?: number
}

export type DeploymentPhase =
  | 'provisioning'
  | 'activating'
  | 'baking'
  | 'final-bake'
  | 'decommissioning'
  | 'rolling-back'
  | 'rollback-failed'
  | 'batch-provisioning'
  | 'batch-terminating'
  | 'rollback-provisioning'
  | 'rollback-terminating'

/**
 * A rolling deployment's instances (one variant): each batch launches new instances, shifts
 * their share of traffic, bakes, then terminates as many old ones.
 */
export interface RollingProgress {
  /** New instances per batch; instances moved back per rollback step. */
  batch: number
  rollbackBatch: number
  /** The old fleet's instances before the update, and the new fleet's when it is done. */
  oldTotal: number
  newTotal: number
  oldRunning: number
  /** New instances up (taking traffic or being taken out of it). */
  newRunning: number
  /** New instances taking traffic. */
  newServing: number
  /** Instances being launched: new ones forward, old ones during a rollback. */
  launching: number
  /** Instances being terminated: old ones forward, new ones during a rollback. */
  terminating: number
  /** New instances' worth of traffic a rollback step moves back once its old instances run. */
  pendingShift: number
}

export interface Deployment {
  oldConfigName: string
  newConfigName: string
  startTime: number
  green: Fleet
  greenStatus: VariantStatusEntry[]
  policy: ResolvedPolicy
  alarms: string[]
  phase: DeploymentPhase
  phaseEndsAt: number
  /** Index of the current traffic step (0-based), -1 while provisioning. */
  step: number
  /** Set when a rollback starts; becomes FailureReason when it ends. */
  rollbackReason: string | undefined
  /** While SystemUpdating: when it began and ends, and the status to return to. */
  pause?: { from: number; until: number; resume: EndpointStatus } | undefined
  /** SystemUpdating already happened during this deployment. */
  paused?: boolean
  /** Set for a rolling deployment. */
  rolling?: RollingProgress | undefined
}

export type EndpointStatus =
  | 'Creating'
  | 'Updating'
  | 'SystemUpdating'
  | 'RollingBack'
  | 'InService'
  | 'Deleting'
  | 'Failed'
  | 'UpdateRollbackFailed'
  | 'OutOfService'

export interface EndpointRecord {
  name: string
  arn: string
  status: EndpointStatus
  /** Top-level EndpointConfigName as DescribeEndpoint shows it. */
  configName: string
  blue: Fleet
  blueStatus: VariantStatusEntry[]
  deployment: Deployment | undefined
  failureReason: string | undefined
  creationTime: number
  lastModifiedTime: number
  /** When Creating/Deleting ends. */
  phaseEndsAt: number | undefined
  /** The DeploymentConfig RetainDeploymentConfig reuses (from CreateEndpoint or the last update). */
  storedDeploymentConfig: Record<string, unknown> | undefined
  lastDeploymentConfig: Record<string, unknown> | undefined
  tags: TagEntry[]
  /** The most instances running at once during the current or last deployment. */
  peakInstances?: number | undefined
}

/** Resources keyed by lower-case name (names are unique case-insensitively). */
export class ResourceStore {
  readonly models = new Map<string, ModelRecord>()
  readonly configs = new Map<string, ConfigRecord>()
  readonly endpoints = new Map<string, EndpointRecord>()
  readonly inferenceComponents = new Map<string, InferenceComponentRecord>()
  /** Application Auto Scaling's registrations (UpdateEndpoint and DeleteEndpoint consult them). */
  readonly scaling = new ScalingStore()

  model(name: string): ModelRecord | undefined {
    return this.models.get(name.toLowerCase())
  }

  config(name: string): ConfigRecord | undefined {
    return this.configs.get(name.toLowerCase())
  }

  endpoint(name: string): EndpointRecord | undefined {
    return this.endpoints.get(name.toLowerCase())
  }

  byArn(arn: string): { tags: TagEntry[] } | undefined {
    for (const map of [
      this.models,
      this.configs,
      this.endpoints,
      this.inferenceComponents
    ] as const) {
      for (const record of map.values()) if (record.arn === arn) return record
    }
    return undefined
  }
}
