// The reference lab (A, B rolled back, E retried) against the emulator on stepped time, measured
// from its call and event logs. The bundle runs with the default inputs (poll-interval 10 s) and
// its clock bound to the emulator's (runAction, emulator/action-clock.cjs): every constant of the
// action means what it means in production, simulated time moves only while the action waits, so
// detection delay and calls per simulated minute are exact and do not depend on the machine.
// The action's work takes real time and no simulated time: the real figures (start to the launch
// call, detecting poll to exit, a run's real duration) are the bundle's own overheads. The blast
// radius of each step (what green served and how much failed) comes from the action's `metrics`
// output; after the lab, model D shows it before and after the final-bake default.
import { join } from 'node:path'
import {
  startEmulator,
  type CallRecord,
  type Emulator,
  type EmulatorEvent
} from '../../emulator/index.js'
import { ROOT, runAction } from './action-runner.js'
import { blastRadius, type BlastRadius } from './bench-blast.js'
import {
  awsCalls,
  callRate,
  latency,
  launchCall,
  overhead,
  repeatSeed,
  type CallRate,
  type Latency,
  type Overhead
} from './bench-stats.js'
import {
  LAB_ENDPOINT,
  LAB_POLL_INTERVAL,
  LAB_START,
  LAB_TIME_SCALE,
  labSteps,
  regressionLabStep,
  type LabStep
} from './lab.js'

/** The action's default poll-interval (action.yml), in seconds. */
export const DEFAULT_POLL_SECONDS = Number(LAB_POLL_INTERVAL)
const END_KINDS = new Set([
  'created',
  'creation-failed',
  'completed',
  'rolled-back',
  'rollback-failed'
])

export interface LabStepResult {
  readonly name: string
  readonly expected: string
  readonly outcome: string
  readonly exitCode: number | null
  readonly event: EmulatorEvent | undefined
  /** Simulated ms from the launch call to the emulator's end event. */
  readonly deploymentSimMs: number | undefined
  /** Simulated ms from the process start to its exit. */
  readonly runSimMs: number
  readonly latency: Latency | undefined
  readonly overhead: Overhead | undefined
  readonly rate: CallRate | undefined
  /** Real ms from the process start to its exit: the action's work (waits take none). */
  readonly realDurationMs: number
  /** What green served and how many failed, from the `metrics` output (absent in older results). */
  readonly blastRadius?: BlastRadius
}

/**
 * Model D (fails only at full traffic) after the lab's E, in two variants: before, the earlier
 * default (no final bake, accepted); after, the current defaults (the final bake derived from the
 * alarms' detection time).
 */
export interface RegressionRuns {
  readonly before: LabStepResult
  readonly after: LabStepResult
}

export interface LabRun {
  /** 0: the seeds the demo and the tests run with; then other seeds for the action's jitter. */
  readonly run: number
  /** The poll interval in simulated seconds (the action's poll-interval input). */
  readonly pollSimSeconds: number
  readonly steps: LabStepResult[]
  /** Model D before and after the final-bake default (absent in older results). */
  readonly regression?: RegressionRuns
}

/** Model D as promoted before and after the final bake became the default. */
export function regressionVariants(): { before: LabStep; after: LabStep } {
  const before = regressionLabStep()
  // The runner passes action.yml's defaults for the inputs a step leaves out.
  const {
    'termination-wait': _bake,
    'accept-unguarded-final-step': _accepted,
    ...defaults
  } = before.inputs
  return {
    before,
    after: {
      ...before,
      name: 'Model D, defaults',
      description:
        'fails only at full traffic, the default final bake (derived from the alarms): SageMaker rolls it back during the bake',
      inputs: defaults,
      expected: 'rolled-back'
    }
  }
}

/** The steps that come 3 simulated minutes after the previous one, as in the demo. */
const LATER = new Set(['Model E', 'Model D', 'Model D, defaults'])

/** One step on the lab's emulator, measured from its call and event logs and its outputs. */
async function measureStep(
  emulator: Emulator,
  step: LabStep,
  node: string,
  run: number
): Promise<LabStepResult> {
  // As in the demo: the retry comes once the 5XX alarm is back to OK, and so does D.
  if (LATER.has(step.name)) emulator.advance(180)
  const seen = emulator.calls().length
  const startReal = Date.now()
  const startSim = emulator.now()
  const result = await runAction({
    inputs: step.inputs,
    env: { ...emulator.env(), ...step.github },
    node,
    ...(run > 0 ? { seed: repeatSeed(step.name, run) } : {})
  })
  // The emulator's clock stands still once the only process on it has exited.
  const exit = { realTime: Date.now(), simulatedTime: emulator.now() }
  const calls: CallRecord[] = awsCalls(emulator.calls().slice(seen))
  const launch = launchCall(calls)
  const event = emulator
    .events()
    .find(
      e =>
        e.endpointName === LAB_ENDPOINT &&
        END_KINDS.has(e.kind) &&
        launch !== undefined &&
        e.simulatedTime >= launch.simulatedTime
    )
  const l = event ? latency(calls, event, exit) : undefined
  const detectingAt = l && event ? event.simulatedTime + l.detectSimMs : exit.simulatedTime
  return {
    name: step.name,
    expected: step.expected,
    outcome: result.outputs.outcome ?? '(none)',
    exitCode: result.code,
    event,
    deploymentSimMs: event && launch ? event.simulatedTime - launch.simulatedTime : undefined,
    runSimMs: exit.simulatedTime - startSim,
    latency: l,
    overhead: l ? overhead(calls, startReal, l) : undefined,
    rate: callRate(calls, detectingAt),
    realDurationMs: exit.realTime - startReal,
    blastRadius: blastRadius(result.outputs.metrics)
  }
}

/** The steps in turn on a fresh lab emulator; every step measured. */
async function onLabEmulator(
  steps: readonly LabStep[],
  node: string,
  run: number
): Promise<LabStepResult[]> {
  const emulator = await startEmulator({
    scenario: join(ROOT, 'emulator', 'scenarios', 'lab.json'),
    timeScale: LAB_TIME_SCALE,
    startTime: LAB_START
  })
  try {
    const results: LabStepResult[] = []
    for (const step of steps) results.push(await measureStep(emulator, step, node, run))
    return results
  } finally {
    await emulator.close()
  }
}

/**
 * The lab once, then model D in its two variants, each after A, B, E on an emulator of its own:
 * D before on the lab's, D after on a second one that runs A, B, E again with the same seeds.
 * Run 0 is the demo's (the action's seed from each run's identity); run k > 0 gives each step
 * another seed, so repeated runs sample the action's jitter.
 */
export async function runLab(node: string, run = 0): Promise<LabRun> {
  const { before, after } = regressionVariants()
  const lab = labSteps()
  const withBefore = await onLabEmulator([...lab, before], node, run)
  const withAfter = await onLabEmulator([...lab, after], node, run)
  return {
    run,
    pollSimSeconds: DEFAULT_POLL_SECONDS,
    steps: withBefore.slice(0, lab.length),
    regression: { before: withBefore.at(-1)!, after: withAfter.at(-1)! }
  }
}
