// The action on the emulator's simulated clock: a module preloaded into the bundle (`--require`)
// makes its Date, setTimeout and setInterval follow the emulator's clock, so every constant of
// the action (poll interval, 2 s floor, 20 s alarm refresh, backoff, the 3-minute alarm-write
// window) means what it means in production while the run takes 1/timeScale of the time.
// AbortSignal.timeout (call deadlines) is not scaled: deadlines are then more lenient, never
// stricter.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const CLOCK_PRELOAD = `'use strict'
const scale = Number(process.env.BENCH_CLOCK_SCALE)
const realAnchor = Number(process.env.BENCH_CLOCK_REAL)
const simulatedAnchor = Number(process.env.BENCH_CLOCK_SIMULATED)
if (scale > 0 && Number.isFinite(realAnchor) && Number.isFinite(simulatedAnchor)) {
  const RealDate = Date
  const realNow = RealDate.now.bind(RealDate)
  const now = () => Math.floor(simulatedAnchor + (realNow() - realAnchor) * scale)
  function SimulatedDate(...args) {
    if (!new.target) return new RealDate(now()).toString()
    return args.length === 0 ? new RealDate(now()) : new RealDate(...args)
  }
  SimulatedDate.prototype = RealDate.prototype
  SimulatedDate.now = now
  SimulatedDate.parse = RealDate.parse
  SimulatedDate.UTC = RealDate.UTC
  globalThis.Date = SimulatedDate
  const scaled = original => (fn, ms, ...args) => original(fn, Math.max(0, Number(ms) || 0) / scale, ...args)
  globalThis.setTimeout = scaled(globalThis.setTimeout)
  globalThis.setInterval = scaled(globalThis.setInterval)
}
`

export interface SyncedClock {
  /** Environment for one child: its clock starts at the emulator's `simulatedNow`, now. */
  env(simulatedNow: number, realNow?: number): Record<string, string>
  dispose(): void
}

export function syncedClock(timeScale: number): SyncedClock {
  const dir = mkdtempSync(join(tmpdir(), 'bench-clock-'))
  const preload = join(dir, 'clock.cjs')
  writeFileSync(preload, CLOCK_PRELOAD)
  return {
    env: (simulatedNow, realNow = Date.now()) => ({
      NODE_OPTIONS: `--require ${preload}`,
      BENCH_CLOCK_SCALE: String(timeScale),
      BENCH_CLOCK_REAL: String(realNow),
      BENCH_CLOCK_SIMULATED: String(simulatedNow)
    }),
    dispose: () => rmSync(dir, { recursive: true, force: true })
  }
}
