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
  /** When Creating or Deleting ends (simulated epoch ms). */
  phaseEndsAt: number | undefined
  tags: TagEntry[]
}
