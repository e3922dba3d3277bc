// Runs the emulator until SIGINT/SIGTERM:
//   npx tsx emulator/cli.ts --port 4566 --time-scale 60 --scenario emulator/scenarios/lab.json [--metric-delay 180] [--call-log calls.jsonl]

import { startEmulator, type EmulatorOptions } from './index.js'

// Stepped time needs the action's process attached in this process: not from the command line.
interface CliOptions extends Omit<EmulatorOptions, 'timeScale'> {
  timeScale?: number
  metricDelaySeconds?: number
}

function parseArgs(argv: string[]): CliOptions {
  const options: CliOptions = {}
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]
    const value = argv[i + 1]
    const need = (): string => {
      if (value === undefined) throw new Error(`${flag} needs a value`)
      i++
      return value
    }
    switch (flag) {
      case '--port':
        options.port = Number(need())
        break
      case '--host':
        options.host = need()
        break
      case '--time-scale':
        options.timeScale = Number(need())
        break
      case '--scenario':
        options.scenario = need()
        break
      case '--region':
        options.region = need()
        break
      case '--account-id':
        options.accountId = need()
        break
      case '--call-log':
        options.callLogFile = need()
        break
      case '--metric-delay':
        options.metricDelaySeconds = Number(need())
        break
      case '--help':
        console.log(
          'Usage: npm run emulator -- [--host 127.0.0.1] [--port 4566] [--time-scale 60] [--scenario file.json] [--metric-delay seconds] [--region us-east-1] [--account-id 123456789012] [--call-log calls.jsonl]'
        )
        process.exit(0)
        break
      default:
        throw new Error(`Unknown option ${flag}`)
    }
  }
  if (options.port !== undefined && !Number.isInteger(options.port))
    throw new Error('--port must be a whole number')
  if (options.timeScale !== undefined && !(options.timeScale >= 0))
    throw new Error('--time-scale must be a number >= 0')
  if (options.metricDelaySeconds !== undefined && !(options.metricDelaySeconds >= 0))
    throw new Error('--metric-delay must be a number of seconds >= 0 (0: metrics arrive at once)')
  return options
}

async function main(): Promise<void> {
  const { metricDelaySeconds, ...options } = parseArgs(process.argv.slice(2))
  const emulator = await startEmulator({ port: 4566, ...options })
  if (metricDelaySeconds !== undefined) emulator.setScenario({ metricDelaySeconds })
  console.log(`# SageMaker + CloudWatch emulator listening on ${emulator.url}`)
  for (const [key, value] of Object.entries(emulator.env())) console.log(`export ${key}=${value}`)
  const stop = (): void => {
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1)
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch(error => {
  console.error(error instanceof Error ? error.message : String(error))
  process.exit(1)
})
