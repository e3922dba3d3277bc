// The verification gate's command (`verify-command`): the user's shell command, run before the
// first traffic shift and after each shift. A non-zero exit fails the gate; a command that hangs
// is killed at `verify-command-timeout` and fails it too.
//
// The limit runs on real time in a watchdog process, never on this process's timers: under the
// emulator's stepped clock (emulator/action-clock.cjs) they are virtual and only move while this
// process is idle, which a running child prevents, so a hanging command would hang the action.
// The watchdog (a plain `node -e`, no preloads) starts the command in its own process group,
// passes its output through on stdout, kills the whole group at the deadline (SIGTERM, then
// SIGKILL after the grace) and reports on stderr, which the command never writes to.
// POSIX only: Windows has neither the shell nor process groups this needs.
import { spawn } from 'node:child_process'
import { findOnPath, isDirectory } from './command-check.js'
import { StringDecoder } from 'node:string_decoder'

export interface CommandContext {
  readonly endpointName: string
  readonly region: string
  /** 0 = before the first shift; then the traffic step's number. */
  readonly step: number
  readonly greenPercent: number
}

/** The variables the command sees, besides AWS_REGION and AWS_DEFAULT_REGION. */
export const COMMAND_ENV = {
  endpointName: 'VERIFY_ENDPOINT_NAME',
  region: 'VERIFY_REGION',
  step: 'VERIFY_STEP',
  greenPercent: 'VERIFY_GREEN_PERCENT'
} as const

export interface CommandResult {
  readonly passed: boolean
  readonly exitCode: number | null
  readonly signal: string | null
  readonly timedOut: boolean
  readonly durationMs: number
  /** Everything it printed (stdout and stderr interleaved as they came), the last OUTPUT_CAP characters. */
  readonly output: string
  /** The last lines for the summary: at most TAIL_LINES lines, each at most TAIL_LINE_CHARS characters. */
  readonly tail: readonly string[]
  /** One line for people: "exit 0 in 1.2 s", "killed after 60 s (verify-command-timeout): ...". */
  readonly text: string
}

/** The output kept: its last 1 MiB of characters (a chatty command cannot fill the memory). */
export const OUTPUT_CAP = 1024 * 1024
export const TAIL_LINES = 20
export const TAIL_LINE_CHARS = 300
/** A line longer than this is passed on in pieces (a command printing without newlines). */
const MAX_LINE_CHARS = 64 * 1024
const DEFAULT_GRACE_MS = 5000

// bash's builtins and reserved words (bash 5, `compgen -b -k`): they are no file to look for.
const WATCHDOG = `'use strict'
const { spawn } = require('node:child_process')
const fs = require('node:fs')
const c = JSON.parse(process.argv[1])
if (c.nodeOptions === null) delete process.env.NODE_OPTIONS
else process.env.NODE_OPTIONS = c.nodeOptions
const DRAIN_MS = 1000
const started = process.hrtime.bigint()
const elapsed = () => Number((process.hrtime.bigint() - started) / 1000000n)
let exited = false, exitCode = null, signal = null, durationMs = null
let timedOut = false, cancelled = null, killed = false, stopping = false, done = false, open = 2
const timers = []
const child = spawn(c.file, c.args, { cwd: c.cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
const group = sig => {
  try { process.kill(-child.pid, sig) } catch {}
}
const write = (fd, buffer) => {
  let offset = 0
  while (offset < buffer.length) {
    try { offset += fs.writeSync(fd, buffer, offset) } catch (e) { if (e.code !== 'EAGAIN') throw e }
  }
}
const stop = () => {
  if (stopping) return
  stopping = true
  clearTimeout(deadline)
  group('SIGTERM')
  timers.push(setTimeout(() => {
    killed = true
    group('SIGKILL')
    // A process outside the group may still hold the output pipe: not waited for long.
    timers.push(setTimeout(finish, DRAIN_MS))
  }, c.graceMs))
  settle()
}
const settle = () => {
  if (exited && open === 0) {
    if (!stopping) stop()
    else finish()
  }
}
const finish = error => {
  if (done) return
  done = true
  for (const t of timers) clearTimeout(t)
  clearTimeout(deadline)
  // What is left of the group had its SIGTERM.
  if (child.pid !== undefined) group('SIGKILL')
  const report = { watchdog: 1, exitCode, signal, timedOut, cancelled, killed, durationMs: durationMs ?? elapsed(), error: error ?? null }
  try { write(2, Buffer.from('\\n' + JSON.stringify(report) + '\\n')) } catch {}
  process.exit(0)
}
const deadline = setTimeout(() => { timedOut = true; stop() }, c.timeoutMs)
const cancel = why => { if (cancelled === null) cancelled = why; stop() }
const forward = chunk => {
  try { write(1, chunk) } catch { cancel('parent-gone') }
}
child.on('error', e => finish(e.message))
child.on('exit', (code, sig) => {
  exited = true
  exitCode = code
  signal = sig
  durationMs = elapsed()
  settle()
})
for (const stream of [child.stdout, child.stderr]) {
  if (stream === null) { open--; continue }
  stream.on('data', forward)
  stream.on('close', () => { open--; settle() })
}
for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(sig, () => cancel(sig))
// The action's process holds our stdin open: its end means the action is gone.
process.stdin.on('end', () => cancel('parent-gone'))
process.stdin.on('error', () => cancel('parent-gone'))
process.stdin.resume()
`

interface WatchdogReport {
  readonly watchdog: 1
  readonly exitCode: number | null
  readonly signal: string | null
  readonly timedOut: boolean
  readonly cancelled: string | null
  readonly killed: boolean
  readonly durationMs: number
  readonly error: string | null
}

export async function runVerifyCommand(
  command: string,
  o: {
    context: CommandContext
    cwd: string
    timeoutMs: number
    /** SIGTERM, then SIGKILL after this long; default 5000. */
    graceMs?: number
    /** Default process.env. */
    env?: NodeJS.ProcessEnv
    /** Applied to output, tail and onLine, line by line. */
    redact?: (text: string) => string
    /** Each output line, redacted, as it comes. */
    onLine?: (line: string) => void
  }
): Promise<CommandResult> {
  const graceMs = o.graceMs ?? DEFAULT_GRACE_MS
  if (!(o.timeoutMs > 0) || !Number.isFinite(o.timeoutMs)) {
    throw new Error(`verify-command-timeout must be a positive number of ms, got ${o.timeoutMs}`)
  }
  if (!(graceMs >= 0) || !Number.isFinite(graceMs)) {
    throw new Error(`verify-command grace must be a number of ms, 0 or more, got ${graceMs}`)
  }
  const started = process.hrtime.bigint()
  const elapsed = (): number => Number((process.hrtime.bigint() - started) / 1_000_000n)
  const output = new OutputCollector(o.redact ?? (text => text), o.onLine)
  const notStarted = (why: string): CommandResult =>
    output.result({
      passed: false,
      exitCode: null,
      signal: null,
      timedOut: false,
      durationMs: elapsed(),
      text: `could not start: ${why}`
    })
  if (process.platform === 'win32') return notStarted('verify-command is not supported on Windows')
  if (!isDirectory(o.cwd)) return notStarted(`working directory "${o.cwd}" does not exist`)

  const base = o.env ?? process.env
  const env: NodeJS.ProcessEnv = {
    ...base,
    [COMMAND_ENV.endpointName]: o.context.endpointName,
    [COMMAND_ENV.region]: o.context.region,
    AWS_REGION: o.context.region,
    AWS_DEFAULT_REGION: o.context.region,
    [COMMAND_ENV.step]: String(o.context.step),
    [COMMAND_ENV.greenPercent]: String(o.context.greenPercent)
  }
  // The watchdog runs with no Node options (a preload would put it back on a virtual clock);
  // the command gets them back.
  delete env.NODE_OPTIONS
  const bash = findOnPath('bash', base, o.cwd)
  const shell =
    bash !== undefined
      ? [bash, '-e', '-o', 'pipefail', '-c']
      : [findOnPath('sh', base, o.cwd) ?? '/bin/sh', '-e', '-c']
  const config = {
    // sh puts the command's stderr on its stdout, so the two interleave as they came.
    file: '/bin/sh',
    args: ['-c', 'exec "$@" 2>&1', 'sh', ...shell, command],
    cwd: o.cwd,
    // Node takes a longer timer for 1 ms.
    timeoutMs: Math.min(o.timeoutMs, 2 ** 31 - 1),
    graceMs: Math.min(graceMs, 2 ** 31 - 1),
    nodeOptions: base.NODE_OPTIONS ?? null
  }

  return new Promise<CommandResult>(done => {
    let watchdog
    try {
      watchdog = spawn(
        process.execPath,
        ['--input-type=commonjs', '-e', WATCHDOG, JSON.stringify(config)],
        { env, stdio: ['pipe', 'pipe', 'pipe'] }
      )
    } catch (e) {
      done(notStarted((e as Error).message))
      return
    }
    const decoder = new StringDecoder('utf8')
    let reportText = ''
    let failed: string | undefined
    watchdog.stdout.on('data', (chunk: Buffer) => output.add(decoder.write(chunk)))
    watchdog.stderr.on('data', (chunk: Buffer) => {
      reportText = (reportText + chunk.toString('utf8')).slice(-65536)
    })
    // Kept open while it runs (its end tells the watchdog the action is gone); a write never comes.
    watchdog.stdin.on('error', () => {})
    watchdog.on('error', e => (failed = e.message))
    watchdog.on('close', (code, signal) => {
      output.add(decoder.end())
      output.end()
      const report = parseReport(reportText)
      if (report === undefined || report.error !== null) {
        const why =
          report?.error ??
          failed ??
          `its watchdog (${process.execPath}) ended with ${signal ?? `code ${code}`}: ${reportText.trim().slice(-500)}`
        done(notStarted(why))
        return
      }
      done(
        output.result({
          passed: report.exitCode === 0 && !report.timedOut && report.cancelled === null,
          exitCode: report.exitCode,
          signal: report.signal,
          timedOut: report.timedOut,
          durationMs: report.durationMs,
          text: resultText(report, o.timeoutMs, graceMs)
        })
      )
    })
  })
}

function parseReport(text: string): WatchdogReport | undefined {
  const lines = text.trim().split('\n')
  const last = lines[lines.length - 1] ?? ''
  try {
    const parsed = JSON.parse(last) as Partial<WatchdogReport> | null
    return parsed !== null && parsed.watchdog === 1 ? (parsed as WatchdogReport) : undefined
  } catch {
    return undefined
  }
}

function resultText(report: WatchdogReport, timeoutMs: number, graceMs: number): string {
  const took = `${(report.durationMs / 1000).toFixed(1)} s`
  if (report.timedOut) {
    const hard = report.killed ? `; it ignored SIGTERM, SIGKILL after ${limit(graceMs)}` : ''
    return `killed after ${limit(timeoutMs)} (verify-command-timeout): it did not finish${hard}`
  }
  if (report.cancelled !== null)
    return `stopped after ${took}: the action was cancelled (${report.cancelled})`
  if (report.signal !== null) return `killed by ${report.signal} after ${took}`
  return `exit ${report.exitCode} in ${took}`
}

/** A stated limit: "60 s", "1.5 s". */
const limit = (ms: number): string => `${Number((ms / 1000).toFixed(1))} s`

/** The output, line by line: redacted, passed on, kept (capped) and its tail. */
class OutputCollector {
  private kept = ''
  private cut = 0
  private pending = ''
  private readonly tail: string[] = []

  constructor(
    private readonly redact: (text: string) => string,
    private readonly onLine: ((line: string) => void) | undefined
  ) {}

  add(text: string): void {
    this.pending += text
    let newline: number
    while ((newline = this.pending.indexOf('\n')) >= 0) {
      this.line(this.pending.slice(0, newline).replace(/\r$/, ''))
      this.pending = this.pending.slice(newline + 1)
    }
    while (this.pending.length > MAX_LINE_CHARS) {
      this.line(this.pending.slice(0, MAX_LINE_CHARS))
      this.pending = this.pending.slice(MAX_LINE_CHARS)
    }
  }

  end(): void {
    if (this.pending !== '') this.line(this.pending)
    this.pending = ''
  }

  private line(raw: string): void {
    const line = this.redact(raw)
    this.onLine?.(line)
    this.kept += `${line}\n`
    // Trimmed now and then, not at every line: the cut is what a reader misses either way.
    if (this.kept.length > 2 * OUTPUT_CAP) this.trim()
    this.tail.push(line.length > TAIL_LINE_CHARS ? `${line.slice(0, TAIL_LINE_CHARS - 1)}…` : line)
    if (this.tail.length > TAIL_LINES) this.tail.shift()
  }

  private trim(): void {
    if (this.kept.length <= OUTPUT_CAP) return
    this.cut += this.kept.length - OUTPUT_CAP
    this.kept = this.kept.slice(-OUTPUT_CAP)
  }

  result(r: Omit<CommandResult, 'output' | 'tail'>): CommandResult {
    this.trim()
    const output = this.cut > 0 ? `[${this.cut} earlier characters cut]\n${this.kept}` : this.kept
    return { ...r, output, tail: [...this.tail] }
  }
}

export { commandProblem } from './command-check.js'
