// What the emulator keeps for an inference component.

import type { TagEntry } from './validate.js'

export type InferenceComponentStatus = 'InService' | 'Creating' | 'Updating' | 'Failed' | 'Deleting'

export interface InferenceComponentRecord {
  name: string
  arn: string
  endpointName: string
  endpointArn: string
  variantName: string
  /** The validated CreateInferenceComponent request (Specification, RuntimeConfig...). */
  request: Record<string, unknown>
  instanceType: string
  image: string | undefined
  desiredCopyCount: number
  status: InferenceComponentStatus
  failureReason: string | undefined
  creationTime: number
  lastModifiedTime: number
  /** When Creating, Deleting or a copy-count change ends (simulated epoch ms). */
  phaseEndsAt: number | undefined
  tags: TagEntry[]
  /** DescribeInferenceComponent's LastDeploymentConfig: the last DeploymentConfig sent. */
  lastDeploymentConfig?: Record<string, unknown> | undefined
  /** The model update in progress, or the last one (kept for its peak). */
  update?: ComponentUpdate | undefined
  /** Simulated epoch ms at which the live copies first took traffic. */
  trafficSince?: number | undefined
  /** The scenario keys of the live model (artifact, model, image): how its copies answer. */
  behaviourKeys?: string[] | undefined
}

export type ComponentUpdatePhase =
  | 'batch-provisioning'
  | 'activating'
  | 'baking'
  | 'batch-terminating'
  | 'rollback-provisioning'
  | 'rollback-terminating'
  | 'done'

/**
 * An UpdateInferenceComponent that replaces the model, batch by batch of copies: launch new
 * copies, shift their share of traffic, bake, terminate as many old copies.
 */
export interface ComponentUpdate {
  /** The component's request before the update, and after it (what a completion makes live). */
  oldRequest: Record<string, unknown>
  newRequest: Record<string, unknown>
  oldBehaviourKeys: string[]
  newBehaviourKeys: string[]
  newImage: string | undefined
  oldCopies: number
  newCopies: number
  /** Copies per batch, and per rollback step. */
  batch: number
  rollbackBatch: number
  waitSeconds: number
  maxTimeoutSeconds: number | undefined
  alarms: string[]
  startTime: number
  phase: ComponentUpdatePhase
  phaseEndsAt: number
  oldRunning: number
  newRunning: number
  newServing: number
  launching: number
  terminating: number
  pendingShift: number
  rollbackReason: string | undefined
  /** When the new copies first took traffic. */
  newTrafficSince: number | undefined
  /** The most copies running (or launching) at once. */
  peakCopies: number
}
