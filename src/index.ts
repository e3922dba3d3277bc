// Entry point. GitHub cancels a job with SIGINT, then SIGTERM 7.5 s later: both stop the watch,
// which then reports the last known state without changing anything. Once there is a verdict,
// the exit code follows it, whatever signal comes after.
//
// Source maps (dist/*.map) are read only in a debug run (RUNNER_DEBUG=1, "Enable debug logging"):
// stack traces then name the TypeScript sources of every chunk loaded after this point. A normal
// start never pays for them (NODE_OPTIONS=--enable-source-maps maps everything, if wanted).
import { errorMessage } from './errors.js'
import { FAILING_OUTCOMES, run } from './main.js'
import { failFast } from './runner.js'
import type { Outcome } from './types.js'

const debug = process.env.RUNNER_DEBUG === '1'
if (debug) process.setSourceMapsEnabled(true)

const controller = new AbortController()
let outcome: Outcome | undefined
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (!controller.signal.aborted) {
      process.stdout.write(`Received ${signal}: stopping (SageMaker continues on its own).\n`)
      controller.abort()
    }
  })
}

try {
  outcome = await run({ signal: controller.signal })
} catch (e) {
  // Anything run() did not turn into a verdict still fails the step with a readable message.
  failFast(`Unexpected error: ${errorMessage(e)}`)
  if (debug && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`)
}
if (outcome !== undefined) process.exitCode = FAILING_OUTCOMES.has(outcome) ? 1 : 0
else if (controller.signal.aborted) process.exitCode = 1
// The verdict is written and the clients are closed; should anything still hold the event loop
// (a socket that ignores its abort), the step must not hang on it. Unref'd: a clean exit is not
// delayed.
setTimeout(() => process.exit(), 3000).unref()
