// The reference lab (A, B rolled back, E retried) against the emulator, measured from its call
// and event logs. Two ways to run it on an accelerated clock (timeScale simulated s per real s):
//
// - `scaled`: the bundle exactly as the runner runs it, with poll-interval = 10 s ÷ timeScale, so
//   it polls every 10 simulated seconds. Real overheads (process start, verdict, exit) are real.
//   The action's fixed real-time constants (2 s poll floor, 20 s alarm refresh) do not scale, so
//   its call counts are not those of the default settings.
// - `synced`: the default settings (poll-interval 10 s) with the action's own clock (Date,
//   setTimeout, setInterval) running on the emulator's simulated time through a preloaded
//   module: every constant of the action then means what it means in production, so calls per
//   simulated minute and the detection delay in simulated seconds are those of a real run.
import { join } from 'node:path'
import { startEmulator, type CallRecord, type EmulatorEvent } from '../../emulator/index.js'
import { ROOT, runAction } from './action-runner.js'
import { syncedClock } from './bench-clock.js'
import {
  awsCalls,
  callRate,
  latency,
  launchCall,
  overhead,
  simulatedAt,
  type CallRate,
  type Latency,
  type Overhead
} from './bench-stats.js'
import { LAB_ENDPOINT, labSteps } from './lab.js'

export type LabMode = 'scaled' | 'synced'

/**
 * 20 simulated seconds per real second: a loopback call of 5-10 ms then stands for 0.1-0.2
 * simulated seconds, about what a DescribeEndpoint takes in a region, so the poll cadence in
 * simulated time stays faithful (at 60 each poll would cost ~0.5 simulated seconds). The lab
 * takes ~30 real seconds per mode.
 */
export const DEFAULT_TIME_SCALE = 20

/** The action's default poll-interval (action.yml), in seconds. */
export const DEFAULT_POLL_SECONDS = 10
const RUN_TIMEOUT_MS = 90_000
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
  readonly latency: Latency | undefined
  readonly overhead: Overhead | undefined
  readonly rate: CallRate | undefined
  readonly realDurationMs: number
}

export interface LabRun {
  readonly mode: LabMode
  readonly timeScale: number
  /** The poll-interval input given to the action, in its own (real or synced) seconds. */
  readonly pollIntervalInput: string
  /** The poll interval in simulated seconds. */
  readonly pollSimSeconds: number
  readonly steps: LabStepResult[]
}

export async function runLab(mode: LabMode, node: string, timeScale: number): Promise<LabRun> {
  const pollIntervalInput =
    mode === 'synced' ? String(DEFAULT_POLL_SECONDS) : (DEFAULT_POLL_SECONDS / timeScale).toFixed(4)
  const pollSimSeconds =
    mode === 'synced' ? DEFAULT_POLL_SECONDS : Number(pollIntervalInput) * timeScale
  const clock = syncedClock(timeScale)
  const emulator = await startEmulator({
    scenario: join(ROOT, 'emulator', 'scenarios', 'lab.json'),
    timeScale
  })
  const steps: LabStepResult[] = []
  try {
    for (const step of labSteps(pollIntervalInput)) {
      // As in the demo: the retry comes once the 5XX alarm is back to OK.
      if (step.name === 'Model E') emulator.advance(180)
      const seen = emulator.calls().length
      const startReal = Date.now()
      const startSim = emulator.now()
      const clockEnv = mode === 'synced' ? clock.env(startSim, startReal) : {}
      const result = await runAction({
        inputs: step.inputs,
        env: { ...emulator.env(), ...step.github, ...clockEnv },
        node,
        timeoutMs: RUN_TIMEOUT_MS
      })
      const exitReal = Date.now()
      const exit = {
        realTime: exitReal,
        simulatedTime: simulatedAt(
          exitReal,
          { real: Date.now(), simulated: emulator.now() },
          timeScale
        )
      }
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
      steps.push({
        name: step.name,
        expected: step.expected,
        outcome: result.outputs.outcome ?? '(none)',
        exitCode: result.code,
        event,
        deploymentSimMs: event && launch ? event.simulatedTime - launch.simulatedTime : undefined,
        latency: l,
        overhead: l ? overhead(calls, startReal, l) : undefined,
        rate: callRate(calls, detectingAt),
        realDurationMs: exitReal - startReal
      })
    }
  } finally {
    await emulator.close()
    clock.dispose()
  }
  return { mode, timeScale, pollIntervalInput, pollSimSeconds, steps }
}
