// Entry point. GitHub cancels a job with SIGINT, then SIGTERM 7.5 s later: both stop the watch,
// which then reports the last known state and exits non-zero without changing anything.
import { run } from './main.js'

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

await run({ signal: controller.signal })
if (controller.signal.aborted) process.exitCode = 1
