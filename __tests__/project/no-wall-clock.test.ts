// Tests that run the bundle wait for the service on stepped time, never on the wall clock: no
// emulator for the bundle on a scaled real-time clock, no real-time sleep to let the service move
// (docs/testing.md). Emulator unit tests (__tests__/emulator/) drive the clock by hand
// (timeScale 0 and advance()) and may do so.
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { ROOT } from '../../scripts/lib/action-runner.js'

function files(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : files(path, pattern)
    return pattern.test(entry.name) ? [relative(ROOT, path)] : []
  })
}

/** Test files and scripts that run the bundle against an emulator. */
const runners = [
  ...files(join(ROOT, '__tests__'), /\.ts$/),
  ...files(join(ROOT, 'scripts'), /\.ts$/)
].filter(file => {
  if (file.startsWith('__tests__/emulator/') || file.startsWith('__tests__/project/')) return false
  const source = readFileSync(join(ROOT, file), 'utf8')
  return /\b(runAction|runStep|labEmulator|startEmulator)\b/.test(source)
})

/** Lines (1-based) of `source` that match `pattern`, comments left out. */
function offending(source: string, pattern: RegExp): number[] {
  return source
    .split('\n')
    .map((line, i) => ({ line: line.replace(/\/\/.*$/, ''), at: i + 1 }))
    .filter(({ line }) => !/^\s*\*/.test(line) && pattern.test(line))
    .map(({ at }) => at)
}

/** A scaled wall clock given to an emulator: `timeScale: <n>` (labEmulator's second argument is a region). */
export const SCALED_CLOCK = /timeScale:\s*(?!'stepped'|0\b|LAB_TIME_SCALE\b)[\w.]+/
/** A real-time wait: a promise resolved by a timer, or a sleep helper. */
export const REAL_SLEEP =
  /new Promise[^\n]*setTimeout|\bawait\s+(sleep|delay|pause|wait)\(|timers\/promises/

describe('no test waits for the service on the wall clock', () => {
  it('finds the files that run the bundle (the check looks somewhere)', () => {
    expect(runners).toEqual(
      expect.arrayContaining([
        '__tests__/e2e/lab.test.ts',
        '__tests__/truth/cancel.test.ts',
        'scripts/demo.ts',
        'scripts/lib/bench-lab.ts'
      ])
    )
  })

  it('the patterns catch what they are for', () => {
    expect(SCALED_CLOCK.test('startEmulator({ scenario, timeScale: 150 })')).toBe(true)
    expect(SCALED_CLOCK.test("labEmulator({}, 'eu-west-1')")).toBe(false)
    expect(SCALED_CLOCK.test("startEmulator({ timeScale: 'stepped' })")).toBe(false)
    expect(SCALED_CLOCK.test('labEmulator({ seed: 3 })')).toBe(false)
    expect(REAL_SLEEP.test('await new Promise(r => setTimeout(r, 500))')).toBe(true)
    expect(REAL_SLEEP.test('await sleep(200)')).toBe(true)
    expect(REAL_SLEEP.test('emulator.advance(180)')).toBe(false)
  })

  it.each(runners)('%s: emulators on stepped time, no real-time sleeps', file => {
    const source = readFileSync(join(ROOT, file), 'utf8')
    expect({
      scaledClock: offending(source, SCALED_CLOCK),
      sleeps: offending(source, REAL_SLEEP)
    }).toEqual({
      scaledClock: [],
      sleeps: []
    })
  })
})
