// Entry point. GitHub cancels a job with SIGINT, then SIGTERM 7.5 s later: both stop the watch,
// which then reports the last known state without changing anything. Once there is a verdict,
// the exit code follows it, whatever signal comes after.
import { errorMessage } from './errors.js'
import { FAILING_OUTCOMES, run } from './main.js'
import { failFast } from './runner.js'
import type { Outcome } from './types.js'

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
}
if (outcome !== undefined) process.exitCode = FAILING_OUTCOMES.has(outcome) ? 1 : 0
else if (controller.signal.aborted) process.exitCode = 1
// The verdict is written and the clients are closed; should anything still hold the event loop
// (a socket that ignores its abort), the step must not hang on it. Unref'd: a clean exit is not
// delayed.
setTimeout(() => process.exit(), 3000).unref()
