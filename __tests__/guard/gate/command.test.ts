// The verify-command runner, with real processes: what a command's exit, output and environment
// become, and that a command that hangs is killed on real time, whatever this process's timers do.
import { afterEach, describe, expect, it } from '@jest/globals'
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { syncBuiltinESMExports } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import timers from 'node:timers'
import {
  COMMAND_ENV,
  commandProblem,
  runVerifyCommand,
  type CommandContext
} from '../../../src/guard/gate/command.js'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'verify-command-'))
  dirs.push(dir)
  return dir
}

function context(): CommandContext {
  return { endpointName: 'lab-endpoint', region: 'eu-west-1', step: 2, greenPercent: 25 }
}

/** Wall time, on this process's real clock. */
function since(start: bigint): number {
  return Number((process.hrtime.bigint() - start) / 1_000_000n)
}

/** Dead: no such process, or killed and not yet reaped (a container's init may never reap it). */
function gone(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch {
    return true
  }
  try {
    return /^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'))
  } catch {
    return true
  }
}

describe('runVerifyCommand', () => {
  it('passes on exit 0', async () => {
    const result = await runVerifyCommand('true', {
      context: context(),
      cwd: tempDir(),
      timeoutMs: 30000
    })
    expect(result).toMatchObject({ passed: true, exitCode: 0, signal: null, timedOut: false })
    expect(result.text).toMatch(/^exit 0 in \d+\.\d s$/)
  })

  it('fails on a non-zero exit, with its code', async () => {
    const result = await runVerifyCommand('echo checking; exit 3', {
      context: context(),
      cwd: tempDir(),
      timeoutMs: 30000
    })
    expect(result).toMatchObject({ passed: false, exitCode: 3, signal: null, timedOut: false })
    expect(result.text).toMatch(/^exit 3 in \d+\.\d s$/)
    expect(result.output).toStrictEqual('checking\n')
  })

  it('runs bash with -e and pipefail: a failing stage of a pipe fails it', async () => {
    const result = await runVerifyCommand('false | cat; echo not reached', {
      context: context(),
      cwd: tempDir(),
      timeoutMs: 30000
    })
    expect({ exitCode: result.exitCode, output: result.output }).toStrictEqual({
      exitCode: 1,
      output: ''
    })
  })

  it('captures stdout and stderr in the order printed; the tail is the last 20 lines, cut', async () => {
    const command =
      'echo out1; echo err1 >&2; echo out2; for i in $(seq 1 25); do echo "line $i"; done; ' +
      "printf 'x%.0s' $(seq 1 400); echo"
    const result = await runVerifyCommand(command, {
      context: context(),
      cwd: tempDir(),
      timeoutMs: 30000
    })
    const lines = Array.from({ length: 25 }, (_, i) => `line ${i + 1}`)
    const long = 'x'.repeat(400)
    expect(result.output).toStrictEqual(['out1', 'err1', 'out2', ...lines, long, ''].join('\n'))
    expect(result.tail).toStrictEqual([...lines.slice(-19), `${'x'.repeat(299)}…`])
  })

  it('keeps the last 1 MiB of a longer output, saying how much was cut', async () => {
    // 120000 lines of 11 characters: 1 320 000 in all.
    const result = await runVerifyCommand('yes 0123456789 | head -n 120000', {
      context: context(),
      cwd: tempDir(),
      timeoutMs: 30000
    })
    const cut = 120000 * 11 - 1024 * 1024
    const kept = '0123456789\n'.repeat(120000).slice(-1024 * 1024)
    expect(result.output).toStrictEqual(`[${cut} earlier characters cut]\n${kept}`)
    expect(result.tail).toStrictEqual(Array.from({ length: 20 }, () => '0123456789'))
  })

  it('gives the command the deployment in its environment, over the given env', async () => {
    const names = [...Object.values(COMMAND_ENV), 'AWS_REGION', 'AWS_DEFAULT_REGION', 'EXTRA']
    const result = await runVerifyCommand(names.map(n => `echo "${n}=$${n}"`).join('; '), {
      context: context(),
      cwd: tempDir(),
      timeoutMs: 30000,
      env: { PATH: process.env.PATH, EXTRA: 'kept', AWS_REGION: 'us-east-1' }
    })
    expect(result.output.trimEnd().split('\n')).toStrictEqual([
      'VERIFY_ENDPOINT_NAME=lab-endpoint',
      'VERIFY_REGION=eu-west-1',
      'VERIFY_STEP=2',
      'VERIFY_GREEN_PERCENT=25',
      'AWS_REGION=eu-west-1',
      'AWS_DEFAULT_REGION=eu-west-1',
      'EXTRA=kept'
    ])
  })

  it('gives the command back the NODE_OPTIONS the watchdog runs without', async () => {
    const result = await runVerifyCommand('echo "[$NODE_OPTIONS]"', {
      context: context(),
      cwd: tempDir(),
      timeoutMs: 30000,
      env: { PATH: process.env.PATH, NODE_OPTIONS: '--require /nonexistent/preload.cjs' }
    })
    expect({ passed: result.passed, output: result.output }).toStrictEqual({
      passed: true,
      output: '[--require /nonexistent/preload.cjs]\n'
    })
  })

  it('redacts the output, the tail and each line passed on', async () => {
    const seen: string[] = []
    const result = await runVerifyCommand('echo "token s3cr3t ok"; printf "s3cr3t"', {
      context: context(),
      cwd: tempDir(),
      timeoutMs: 30000,
      redact: text => text.replaceAll('s3cr3t', '***'),
      onLine: line => seen.push(line)
    })
    expect({ output: result.output, tail: result.tail, seen }).toStrictEqual({
      output: 'token *** ok\n***\n',
      tail: ['token *** ok', '***'],
      seen: ['token *** ok', '***']
    })
  })

  it('kills a command that hangs at the limit, and returns within limit + grace', async () => {
    const start = process.hrtime.bigint()
    const result = await runVerifyCommand('echo started; sleep 600', {
      context: context(),
      cwd: tempDir(),
      timeoutMs: 1500,
      graceMs: 500
    })
    const wall = since(start)
    expect(result).toMatchObject({ passed: false, timedOut: true, exitCode: null })
    expect(result.text).toStrictEqual(
      'killed after 1.5 s (verify-command-timeout): it did not finish'
    )
    expect(result.output).toStrictEqual('started\n')
    expect(result.durationMs).toBeGreaterThanOrEqual(1500)
    expect(result.durationMs).toBeLessThan(2000)
    expect(wall).toBeLessThan(1500 + 500 + 1000)
  })

  it('SIGKILLs a command that ignores SIGTERM, after the grace', async () => {
    const result = await runVerifyCommand('trap "" TERM; sleep 600', {
      context: context(),
      cwd: tempDir(),
      timeoutMs: 1000,
      graceMs: 500
    })
    expect(result).toMatchObject({ passed: false, timedOut: true, signal: 'SIGKILL' })
    expect(result.text).toStrictEqual(
      'killed after 1 s (verify-command-timeout): it did not finish; it ignored SIGTERM, SIGKILL after 0.5 s'
    )
    expect(result.durationMs).toBeGreaterThanOrEqual(1500)
    expect(result.durationMs).toBeLessThan(2500)
  })

  it('kills the whole process group: a background grandchild dies too', async () => {
    const result = await runVerifyCommand('sleep 600 & echo $!; wait', {
      context: context(),
      cwd: tempDir(),
      timeoutMs: 1000,
      graceMs: 500
    })
    const grandchild = Number(result.output.trim())
    expect(result.timedOut).toBe(true)
    expect(grandchild).toBeGreaterThan(0)
    expect(gone(grandchild)).toBe(true)
  })

  it('stops what a command left running in the background when it exits', async () => {
    const result = await runVerifyCommand('sleep 600 >/dev/null 2>&1 & echo $!', {
      context: context(),
      cwd: tempDir(),
      timeoutMs: 30000,
      graceMs: 500
    })
    // Signalled before the result; dead a moment later (it held no pipe the watchdog waits on).
    const pid = Number(result.output.trim())
    for (let i = 0; i < 100 && !gone(pid); i++) await new Promise(r => setTimeout(r, 20))
    expect(result.passed).toBe(true)
    expect(gone(pid)).toBe(true)
  })

  it("keeps its limit when this process's timers never fire", async () => {
    const never = (() => ({ ref: () => never, unref: () => never })) as unknown as typeof setTimeout
    const globalSetTimeout = globalThis.setTimeout
    const moduleSetTimeout = timers.setTimeout
    globalThis.setTimeout = never
    timers.setTimeout = never
    syncBuiltinESMExports()
    let result
    const start = process.hrtime.bigint()
    try {
      result = await runVerifyCommand('sleep 600', {
        context: context(),
        cwd: tempDir(),
        timeoutMs: 1000,
        graceMs: 500
      })
    } finally {
      globalThis.setTimeout = globalSetTimeout
      timers.setTimeout = moduleSetTimeout
      syncBuiltinESMExports()
    }
    expect(result.timedOut).toBe(true)
    expect(since(start)).toBeLessThan(1000 + 500 + 1000)
  })

  it('stops the command when its watchdog is told to stop (the job is cancelled)', async () => {
    // The shell's parent is the watchdog: the command names it, the test signals it.
    const result = await runVerifyCommand('echo $PPID; sleep 600', {
      context: context(),
      cwd: tempDir(),
      timeoutMs: 30000,
      graceMs: 500,
      onLine: line => process.kill(Number(line), 'SIGTERM')
    })
    expect(result).toMatchObject({ passed: false, timedOut: false, signal: 'SIGTERM' })
    expect(result.text).toMatch(/^stopped after \d+\.\d s: the action was cancelled \(SIGTERM\)$/)
    expect(result.durationMs).toBeLessThan(5000)
  })

  it('says which signal killed a command', async () => {
    const result = await runVerifyCommand('kill -KILL $$', {
      context: context(),
      cwd: tempDir(),
      timeoutMs: 30000
    })
    expect(result).toMatchObject({ passed: false, timedOut: false, signal: 'SIGKILL' })
    expect(result.text).toMatch(/^killed by SIGKILL after \d+\.\d s$/)
  })

  it('says why it could not start', async () => {
    const cwd = join(tempDir(), 'missing')
    const result = await runVerifyCommand('true', { context: context(), cwd, timeoutMs: 30000 })
    expect({ passed: result.passed, text: result.text }).toStrictEqual({
      passed: false,
      text: `could not start: working directory "${cwd}" does not exist`
    })
  })
})

describe('commandProblem', () => {
  /** A directory with an executable `mytool` and a plain file `notes.sh`. */
  function fixture(): { cwd: string; env: NodeJS.ProcessEnv } {
    const cwd = tempDir()
    writeFileSync(join(cwd, 'mytool'), '#!/bin/sh\nexit 0\n')
    chmodSync(join(cwd, 'mytool'), 0o755)
    writeFileSync(join(cwd, 'notes.sh'), 'echo hi\n')
    chmodSync(join(cwd, 'notes.sh'), 0o644)
    return { cwd, env: { PATH: `/nonexistent:${cwd}` } }
  }

  it('accepts shell builtins and keywords', () => {
    const { cwd, env } = fixture()
    const commands = ['test -f x', '[ 1 = 1 ]', 'if true; then :; fi', 'source ./x', 'exit 0']
    expect(commands.map(c => commandProblem(c, { cwd, env }))).toStrictEqual(
      commands.map(() => undefined)
    )
  })

  it('accepts a name found executable on PATH, and a path to an executable file', () => {
    const { cwd, env } = fixture()
    const commands = ['mytool --check', './mytool', `${cwd}/mytool`, '# smoke test\n\nmytool']
    expect(commands.map(c => commandProblem(c, { cwd, env }))).toStrictEqual(
      commands.map(() => undefined)
    )
  })

  it('refuses a name not on PATH, saying where it looked', () => {
    const { cwd, env } = fixture()
    expect(commandProblem('curl-check --fast', { cwd, env })).toStrictEqual(
      `verify-command: command "curl-check" not found (PATH searched: /nonexistent:${cwd})`
    )
  })

  it('refuses a relative path to a file that is not executable', () => {
    const { cwd, env } = fixture()
    expect(commandProblem('./notes.sh arg', { cwd, env })).toStrictEqual(
      `verify-command: "./notes.sh" is not an executable file (${cwd}/notes.sh)`
    )
  })

  it('looks past leading assignments to the command', () => {
    const { cwd, env } = fixture()
    expect({
      found: commandProblem('FOO=1 BAR="a b" mytool', { cwd, env }),
      missing: commandProblem("FOO=1 BAR='a b' nosuchtool", { cwd, env }),
      alone: commandProblem('FOO=1', { cwd, env })
    }).toStrictEqual({
      found: undefined,
      missing: `verify-command: command "nosuchtool" not found (PATH searched: /nonexistent:${cwd})`,
      alone: undefined
    })
  })

  it('leaves a command word it cannot know to the shell', () => {
    const { cwd, env } = fixture()
    expect(commandProblem('$TOOL --check', { cwd, env })).toBeUndefined()
    expect(commandProblem('(cd sub && nosuchtool)', { cwd, env })).toBeUndefined()
  })
})
