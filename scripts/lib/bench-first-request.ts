// Time from process start to the first AWS request with real inputs: a local HTTP listener
// stands in for every AWS endpoint (AWS_ENDPOINT_URL_*), notes when the first request's headers
// arrive, and the child is then stopped. The action and each peer run alternately, in a
// rotating order, so machine load falls on all of them alike.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { summarize, type Summary } from './bench-stats.js'

const CHILD_LIMIT_MS = 15_000

export interface Contender {
  readonly name: string
  /** The script to run with node. */
  readonly script: string
  /** Environment beyond PATH, HOME and the AWS endpoint variables (inputs, runner files). */
  env(workDir: string): Record<string, string>
}

export interface FirstRequest {
  readonly name: string
  /** Milliseconds from spawn to the first request's headers at the listener. */
  readonly ms: Summary
  /** What the first request was (x-amz-target or method and path), from the last run. */
  readonly request: string
}

interface Listener {
  readonly url: string
  next(): Promise<{ at: bigint; what: string }>
  close(): Promise<void>
}

async function listen(): Promise<Listener> {
  let waiting: ((v: { at: bigint; what: string }) => void) | undefined
  const server: Server = createServer((req, res) => {
    const at = process.hrtime.bigint()
    const target = req.headers['x-amz-target']
    const what = typeof target === 'string' ? target : `${req.method} ${req.url}`
    waiting?.({ at, what })
    waiting = undefined
    // Whatever it asked, the run is over for this measurement.
    res.writeHead(503, { 'content-type': 'application/json' })
    res.end('{"__type":"ServiceUnavailable","message":"benchmark listener"}')
  })
  server.keepAliveTimeout = 100
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    next: () => new Promise(resolve => (waiting = resolve)),
    close: () =>
      new Promise(resolve => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

/** Every AWS service the contenders call, pointed at the listener. */
function awsEnv(url: string): Record<string, string> {
  const services = ['SAGEMAKER', 'CLOUDWATCH', 'ECS', 'CODEDEPLOY', 'STS']
  return {
    ...Object.fromEntries(services.map(s => [`AWS_ENDPOINT_URL_${s}`, url])),
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true'
  }
}

async function once(
  node: string,
  contender: Contender,
  listener: Listener,
  workDir: string
): Promise<{ ms: number; what: string }> {
  const first = listener.next()
  const started = process.hrtime.bigint()
  const child = spawn(node, [contender.script], {
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: workDir,
      ...awsEnv(listener.url),
      ...contender.env(workDir)
    },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  child.stdout.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr.on('data', (d: Buffer) => (output += d.toString()))
  const exited = new Promise<number | null>(resolve => child.on('close', code => resolve(code)))
  const limit = new Promise<'limit'>(resolve => setTimeout(() => resolve('limit'), CHILD_LIMIT_MS))
  const winner = await Promise.race([first, exited.then(() => 'exit' as const), limit])
  child.kill('SIGKILL')
  await exited
  if (winner === 'limit' || winner === 'exit')
    throw new Error(
      `${contender.name} made no AWS request (${winner === 'limit' ? 'time limit' : 'exited'}): ${output.slice(0, 400)}`
    )
  return { ms: Number(winner.at - started) / 1e6, what: winner.what }
}

/** `runs` measured rounds after `warmup` unmeasured ones; each round runs every contender once. */
export async function firstRequestTimes(
  node: string,
  contenders: readonly Contender[],
  runs: number,
  warmup = 2
): Promise<FirstRequest[]> {
  const listener = await listen()
  const workDir = mkdtempSync(join(tmpdir(), 'bench-first-'))
  writeFileSync(join(workDir, 'output'), '')
  const samples = contenders.map(() => [] as number[])
  const seen = contenders.map(() => '')
  try {
    for (let round = 0; round < warmup + runs; round++) {
      for (let k = 0; k < contenders.length; k++) {
        const i = (k + round) % contenders.length
        const { ms, what } = await once(node, contenders[i]!, listener, workDir)
        if (round >= warmup) samples[i]!.push(ms)
        seen[i] = what
      }
    }
  } finally {
    await listener.close()
    rmSync(workDir, { recursive: true, force: true })
  }
  return contenders.map((c, i) => ({ name: c.name, ms: summarize(samples[i]!), request: seen[i]! }))
}
