// Shared by the truth-after-write suites: the lab's Model E as a plain linear rollout (no retained
// config), a direct SageMaker call to the emulator, and the state and calls a verdict is checked
// against.
import type { CallRecord, Emulator } from '../../emulator/index.js'
import { labModel } from '../../scripts/lib/lab.js'
import { labEmulator, runStep, step, withModelA } from '../e2e/helpers.js'

export { labEmulator, runStep, step, withModelA }

/** Model E, linear 25 % with 60 s bakes, as its own workflow run. */
export function plainE(extra: Record<string, string> = {}) {
  const e = step('Model E')
  return {
    ...e,
    inputs: {
      ...e.inputs,
      'model-data-url': labModel('e'),
      'retain-deployment-config': 'false',
      ...extra
    }
  }
}

/** A SageMaker call straight to the emulator (JSON 1.1; signatures are not checked). */
export async function sagemaker(
  emulator: Emulator,
  operation: string,
  params: Record<string, unknown>
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(emulator.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `SageMaker.${operation}`
    },
    body: JSON.stringify(params)
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

export interface EndpointState {
  status: string
  config: string
  pending: string | undefined
  /** The model artifact each variant of the live config runs. */
  artifact: string | undefined
}

/** What the endpoint really runs, read from the emulator. */
export async function endpointState(
  emulator: Emulator,
  name = 'lab-endpoint'
): Promise<EndpointState> {
  const ep = (await sagemaker(emulator, 'DescribeEndpoint', { EndpointName: name })).body
  const config = String(ep.EndpointConfigName ?? '')
  const cfg = (await sagemaker(emulator, 'DescribeEndpointConfig', { EndpointConfigName: config }))
    .body as { ProductionVariants?: { ModelName?: string }[] }
  const modelName = cfg.ProductionVariants?.[0]?.ModelName
  const model = modelName
    ? ((await sagemaker(emulator, 'DescribeModel', { ModelName: modelName })).body as {
        PrimaryContainer?: { ModelDataUrl?: string }
      })
    : undefined
  const pending = ep.PendingDeploymentSummary as { EndpointConfigName?: string } | undefined
  return {
    status: String(ep.EndpointStatus ?? ''),
    config,
    pending: pending?.EndpointConfigName,
    artifact: model?.PrimaryContainer?.ModelDataUrl
  }
}

/** The calls of one operation since `from`, as `status` (and how the answer went). */
export function callsOf(emulator: Emulator, from: number, operation: string): CallRecord[] {
  return emulator
    .calls()
    .slice(from)
    .filter(c => c.operation === operation)
}

/** Each call as `status` or `status (answer lost)`: what the service did, and what the caller heard. */
export function outcomes(calls: readonly CallRecord[]): string[] {
  return calls.map(c => `${c.status}${c.answer ? ` (${c.answer.split(' ')[0]})` : ''}`)
}
