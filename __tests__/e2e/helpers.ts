// Shared set-up for end-to-end tests: the emulator in this process, the bundle as a child.
import { join } from 'node:path'
import { startEmulator, type Emulator, type Scenario } from '../../emulator/index.js'
import {
  ROOT,
  runAction,
  type ActionResult,
  type RunActionOptions
} from '../../scripts/lib/action-runner.js'
import { labSteps, type LabStep } from '../../scripts/lib/lab.js'

export const LAB_SCENARIO = join(ROOT, 'emulator', 'scenarios', 'lab.json')

export async function labEmulator(overrides: Partial<Scenario> = {}): Promise<Emulator> {
  // Start 5 s past a whole simulated minute: alarm evaluations fall the same way every run.
  const startTime = Math.floor(Date.now() / 60_000) * 60_000 + 5_000
  const emulator = await startEmulator({ scenario: LAB_SCENARIO, timeScale: 60, startTime })
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

/** Model A serving 100%, as the lab starts. */
export async function withModelA(emulator: Emulator): Promise<void> {
  const a = await runStep(emulator, step('Model A'))
  if (a.outputs.outcome !== 'deployed') throw new Error(`Model A: ${a.stdout}\n${a.stderr}`)
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
