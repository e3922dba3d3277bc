// The fast loop (`npm run test:unit`, and the tests `npm run mutate` runs): the pure core and the
// report, in process. No child processes, no emulator, no local servers
// (__tests__/project/test-selection.test.ts keeps it so).

/** @type {import('jest').Config} */
export const base = {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }]
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/.stryker-tmp/'],
  modulePathIgnorePatterns: ['<rootDir>/.stryker-tmp/'],
  collectCoverageFrom: ['src/**/*.ts'],
  testTimeout: 60000,
  verbose: false
}

/** Tests that start the emulator, a child process or a local server, or load the AWS SDK whole. */
export const SLOW_TESTS = [
  '/__tests__/e2e/',
  '/__tests__/emulator/',
  '/__tests__/truth/',
  '/__tests__/robustness/(?!property\\.test)',
  '/__tests__/github/(?!pr-number\\.test)',
  '/__tests__/project/',
  '/__tests__/bench/',
  '/__tests__/main\\.test',
  '/__tests__/guard/gate/command\\.test'
]

/** @type {import('jest').Config} */
export default {
  ...base,
  testMatch: ['**/__tests__/**/*.test.ts'],
  testPathIgnorePatterns: [...base.testPathIgnorePatterns, ...SLOW_TESTS]
}
