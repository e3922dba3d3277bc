// The whole suite (`npm test`): the unit tests of jest.unit.config.js, then the emulator,
// end-to-end, GitHub and project tests. The slow tests mostly wait on child processes and the
// emulator's virtual clock, not on the CPU, so more workers than cores pay (JEST_WORKERS
// overrides; README, Development, has the timings).
import { base } from './jest.unit.config.js'

/** @type {import('jest').Config} */
export default {
  ...base,
  testMatch: ['**/__tests__/**/*.test.ts'],
  maxWorkers: Number(process.env.JEST_WORKERS ?? 3)
}
