// Mutation testing of the decision core (`npm run mutate`): every mutant of these files must make
// a unit test fail. Only the fast unit tests run (jest.unit.config.js), each mutant against the
// tests that cover it; the incremental file, committed, lets a re-run test only what changed.
// One file while you work: npm run mutate -- --mutate src/verdict.ts
// The README's Development section has the scores (node scripts/mutation-scores.mjs --write).

/** The decision core: pure modules whose mistakes change what the user is told. */
export const CORE = [
  'src/verdict.ts',
  'src/watch/*.ts',
  '!src/watch/rollout.ts',
  'src/rollout-policy.ts',
  'src/target/endpoint/*.ts',
  '!src/target/endpoint/index.ts',
  '!src/target/endpoint/launch.ts',
  '!src/target/endpoint/preflight.ts',
  '!src/target/endpoint/restore-read.ts',
  'src/deploy/plan.ts',
  'src/names.ts',
  'src/guard/alarms.ts',
  'src/guard/detection.ts',
  'src/guard/final-step.ts',
  'src/guard/rolling-windows.ts',
  'src/inputs/*.ts',
  'src/metrics/fold.ts',
  'src/metrics/blast-radius.ts',
  'src/deploy/retain.ts',
  'src/deploy/step-identity.ts',
  'src/deploy/reconcile.ts',
  'src/secrets.ts',
  'src/aws/errors.ts',
  'src/aws/retry.ts'
]

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  testRunnerNodeArgs: ['--experimental-vm-modules', '--no-warnings'],
  jest: {
    projectType: 'custom',
    configFile: 'jest.unit.config.js',
    enableFindRelatedTests: true
  },
  mutate: CORE,
  coverageAnalysis: 'perTest',
  // Static mutants (module-level constants, evaluated once when a module loads) would each run
  // every unit test again: a third of the mutants and most of the time. They are left out; the
  // README's scores count the others. `npm run mutate -- --ignoreStatic false` tests them too.
  ignoreStatic: true,
  // The TypeScript checker needs more memory and time than this project's machines have; a
  // mutant that does not type-check is still run, and the tests kill it or it is listed.
  checkers: [],
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 2),
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  ignorePatterns: ['dist', 'docs', 'render-output', 'demo-output', 'bench-results', 'reports'],
  // The ESM test runner grows with every run: a fresh one after a while keeps it fast.
  maxTestRunnerReuse: 40,
  timeoutMS: 10000,
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always'
}
