// Entry point. GitHub cancels a job with SIGINT, then SIGTERM 7.5 s later: both stop the watch,
// which then reports the last known state and exits non-zero without changing anything.
import { errorMessage } from './errors.js'
import { run } from './main.js'
import { failFast } from './runner.js'

const controller = new AbortController()
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (!controller.signal.aborted) {
      process.stdout.write(`Received ${signal}: stopping (SageMaker continues on its own).\n`)
      controller.abort()
      process.exitCode = 1
    }
  })
}

try {
  await run({ signal: controller.signal })
} catch (e) {
  // Anything run() did not turn into a verdict still fails the step with a readable message.
  failFast(`Unexpected error: ${errorMessage(e)}`)
}
if (controller.signal.aborted) process.exitCode = 1
