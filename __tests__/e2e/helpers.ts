// Shared set-up for end-to-end tests: the emulator in this process, the bundle as a child.
import { join } from 'node:path'
import {
  DEFAULT_SCENARIO,
  startEmulator,
  type Emulator,
  type Scenario
} from '../../emulator/index.js'
import {
  ROOT,
  runAction,
  type ActionResult,
  type RunActionOptions
} from '../../scripts/lib/action-runner.js'
import {
  LAB_ENDPOINT,
  LAB_IMAGE,
  LAB_ROLE,
  LAB_START,
  LAB_TIME_SCALE,
  labModel,
  labSteps,
  type LabStep
} from '../../scripts/lib/lab.js'

export const LAB_SCENARIO = join(ROOT, 'emulator', 'scenarios', 'lab.json')

/**
 * The lab's emulator on stepped time (the action's clock is the emulator's), from LAB_START, with
 * its home region (default us-east-1).
 */
export async function labEmulator(
  overrides: Partial<Scenario> = {},
  region?: string
): Promise<Emulator> {
  const emulator = await startEmulator({
    scenario: LAB_SCENARIO,
    timeScale: LAB_TIME_SCALE,
    startTime: LAB_START,
    ...(region === undefined ? {} : { region })
  })
  if (Object.keys(overrides).length) emulator.setScenario(overrides)
  return emulator
}

export function step(name: 'Model A' | 'Model B' | 'Model E'): LabStep {
  const found = labSteps().find(s => s.name === name)
  if (!found) throw new Error(name)
  return found
}

export async function runStep(
  emulator: Emulator,
  lab: LabStep,
  extra: Partial<Omit<RunActionOptions, 'inputs' | 'env'>> & {
    inputs?: Record<string, string>
    env?: Record<string, string>
  } = {}
): Promise<ActionResult & { mutating: string[] }> {
  const before = emulator.calls().length
  const result = await runAction({
    ...extra,
    inputs: { ...lab.inputs, ...extra.inputs },
    env: { ...emulator.env(), ...lab.github, ...extra.env }
  })
  const mutating = emulator
    .calls()
    .slice(before)
    .filter(c => c.mutating)
    .map(c => c.operation)
  return { ...result, mutating }
}

/** Model A serving 100%, as the lab starts (deployed by the action). */
export async function withModelA(emulator: Emulator): Promise<void> {
  const a = await runStep(emulator, step('Model A'))
  if (a.outputs.outcome !== 'deployed') throw new Error(`Model A: ${a.stdout}\n${a.stderr}`)
}

/** One SageMaker call straight to the emulator (AWS JSON 1.1; signatures are not checked). */
export async function sagemakerCall(
  emulator: Emulator,
  operation: string,
  body: Record<string, unknown>
): Promise<Record<string, unknown>> {
  const response = await fetch(emulator.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `SageMaker.${operation}`
    },
    body: JSON.stringify(body)
  })
  if (!response.ok) throw new Error(`${operation}: ${response.status} ${await response.text()}`)
  return (await response.json()) as Record<string, unknown>
}

/** The name the action gives Model A's model and config in the lab. */
export const modelAConfig = (endpoint = LAB_ENDPOINT): string => `${endpoint}-a1a1a1a-1001-1`

/**
 * Model A serving 100% on 4 instances, created straight through the API with the names the
 * action gives it, and the endpoint's creation skipped on the clock: for tests whose subject
 * is what comes after.
 */
export async function liveModelA(
  emulator: Emulator,
  endpoint = LAB_ENDPOINT,
  image = LAB_IMAGE
): Promise<void> {
  const name = modelAConfig(endpoint)
  await sagemakerCall(emulator, 'CreateModel', {
    ModelName: name,
    ExecutionRoleArn: LAB_ROLE,
    PrimaryContainer: { Image: image, ModelDataUrl: labModel('a') }
  })
  await sagemakerCall(emulator, 'CreateEndpointConfig', {
    EndpointConfigName: name,
    ProductionVariants: [
      {
        VariantName: 'AllTraffic',
        ModelName: name,
        InitialInstanceCount: 4,
        InstanceType: 'ml.m5.large',
        InitialVariantWeight: 1
      }
    ]
  })
  // A DeploymentConfig as an earlier version of the action sent it, with no final bake (stored
  // for a retain): a retained policy is the endpoint's own, never checked against the alarms'
  // detection time, so the watch after completion is what guards its 100 % step.
  await sagemakerCall(emulator, 'CreateEndpoint', {
    EndpointName: endpoint,
    EndpointConfigName: name,
    DeploymentConfig: {
      BlueGreenUpdatePolicy: {
        TrafficRoutingConfiguration: {
          Type: 'LINEAR',
          WaitIntervalInSeconds: 60,
          LinearStepSize: { Type: 'CAPACITY_PERCENT', Value: 25 }
        },
        TerminationWaitInSeconds: 0,
        MaximumExecutionTimeoutInSeconds: 2040
      },
      AutoRollbackConfiguration: {
        Alarms: [{ AlarmName: `${endpoint}-5xx-rate` }, { AlarmName: `${endpoint}-model-latency` }]
      }
    }
  })
  emulator.advance(DEFAULT_SCENARIO.creationSeconds + 60)
}

export interface TrafficStepOutput {
  at: string
  offsetSeconds: number
  bluePercent: number
  greenPercent: number
  event: string
}

export const trafficSteps = (r: ActionResult): TrafficStepOutput[] =>
  JSON.parse(r.outputs['traffic-steps'] ?? '[]') as TrafficStepOutput[]

/**
 * The summary row of the first traffic step: the green fleet takes the scenario's provisioning
 * minutes before it gets any traffic.
 */
export function firstStepRow(bluePercent = 75, greenPercent = 25): RegExp {
  const minutes = DEFAULT_SCENARIO.provisioningSeconds / 60
  return new RegExp(`\\| T\\+${minutes} min( \\d+ s)? \\| ${bluePercent}% \\| ${greenPercent}% \\|`)
}

/** An endpoint for components (no model on its variant) with "llm" on model A, 4 copies. */
export async function liveComponent(emu: Emulator): Promise<void> {
  await sagemakerCall(emu, 'CreateModel', {
    ModelName: 'llm-a',
    ExecutionRoleArn: LAB_ROLE,
    PrimaryContainer: { Image: LAB_IMAGE, ModelDataUrl: labModel('a') }
  })
  await sagemakerCall(emu, 'CreateEndpointConfig', {
    EndpointConfigName: 'ic-config',
    ExecutionRoleArn: LAB_ROLE,
    ProductionVariants: [
      { VariantName: 'AllTraffic', InstanceType: 'ml.g5.12xlarge', InitialInstanceCount: 2 }
    ]
  })
  await sagemakerCall(emu, 'CreateEndpoint', {
    EndpointName: 'lab-endpoint',
    EndpointConfigName: 'ic-config'
  })
  emu.advance(DEFAULT_SCENARIO.creationSeconds + 10)
  await sagemakerCall(emu, 'CreateInferenceComponent', {
    InferenceComponentName: 'llm',
    EndpointName: 'lab-endpoint',
    VariantName: 'AllTraffic',
    Specification: {
      ModelName: 'llm-a',
      StartupParameters: { ModelDataDownloadTimeoutInSeconds: 600 },
      ComputeResourceRequirements: {
        NumberOfAcceleratorDevicesRequired: 1,
        MinMemoryRequiredInMb: 1024
      }
    },
    RuntimeConfig: { CopyCount: 4 }
  })
  emu.advance(DEFAULT_SCENARIO.provisioningSeconds + 10)
}
