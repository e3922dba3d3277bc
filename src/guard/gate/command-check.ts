// Before any write: can verify-command run at all? Its first word must be a shell builtin, an
// executable file, or a name on PATH. Aliases and functions are not seen. Kept apart from the
// runner so that reading the inputs loads no child-process code.
import { accessSync, constants, statSync } from 'node:fs'
import { isAbsolute, resolve } from 'node:path'

const BUILTINS = new Set(
  (
    '. : [ alias bg bind break builtin caller cd command compgen complete compopt continue ' +
    'declare dirs disown echo enable eval exec exit export false fc fg getopts hash help ' +
    'history jobs kill let local logout mapfile popd printf pushd pwd read readarray readonly ' +
    'return set shift shopt source suspend test times trap true type typeset ulimit umask ' +
    'unalias unset wait ! [[ ]] { } case do done elif else esac fi for function if in select ' +
    'then time until while coproc'
  ).split(' ')
)

/** Why the command cannot run (refused before any write), or undefined. */
export function commandProblem(
  command: string,
  opts: { cwd: string; env?: NodeJS.ProcessEnv }
): string | undefined {
  if (process.platform === 'win32') {
    return 'verify-command is not supported on Windows runners: it needs a POSIX shell and process groups to stop a command that hangs'
  }
  if (command.trim() === '') return 'verify-command is empty'
  if (!isDirectory(opts.cwd))
    return `verify-command: working directory "${opts.cwd}" does not exist`
  const env = opts.env ?? process.env
  const word = firstWord(command, env)
  // Nothing to look up: an expansion ($CMD, `...`), a subshell, or assignments alone.
  if (word === undefined || BUILTINS.has(word)) return undefined
  if (word.includes('/')) {
    const path = resolve(opts.cwd, word)
    if (isExecutableFile(path)) return undefined
    const where = isAbsolute(word) ? '' : ` (${path})`
    return `verify-command: "${word}" is not an executable file${where}`
  }
  if (findOnPath(word, env, opts.cwd) !== undefined) return undefined
  return `verify-command: command "${word}" not found (PATH searched: ${env.PATH ?? ''})`
}

/**
 * The first word the shell would run, after leading blank and comment lines and `VAR=value`
 * assignments; undefined when it is not a plain word. A simple reading of the shell's grammar:
 * aliases and functions (from a sourced file, say) are not seen, and expansions are not evaluated.
 */
function firstWord(command: string, env: NodeJS.ProcessEnv): string | undefined {
  let i = 0
  const at = (): string => command[i] ?? ''
  for (;;) {
    while (/\s/.test(at())) i++
    if (at() !== '#') break
    while (i < command.length && at() !== '\n') i++
  }
  for (;;) {
    while (at() === ' ' || at() === '\t') i++
    let word = ''
    let dynamic = false
    let quoted = false
    while (i < command.length && !/[\s;&|<>()]/.test(at())) {
      const c = at()
      if (c === "'") {
        quoted = true
        const end = command.indexOf("'", i + 1)
        if (end < 0) return undefined
        word += command.slice(i + 1, end)
        i = end + 1
      } else if (c === '"') {
        quoted = true
        i++
        while (i < command.length && at() !== '"') {
          if (at() === '$' || at() === '`') dynamic = true
          if (at() === '\\' && /["\\$`]/.test(command[i + 1] ?? '')) i++
          word += at()
          i++
        }
        if (i >= command.length) return undefined
        i++
      } else if (c === '\\') {
        word += command[i + 1] ?? ''
        i += 2
      } else {
        if (c === '$' || c === '`' || c === '*' || c === '?') dynamic = true
        word += c
        i++
      }
    }
    if (word === '' && !quoted) return undefined
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(word)) continue
    if (dynamic) return undefined
    const home = env.HOME
    if (word.startsWith('~/') && home !== undefined) return home + word.slice(1)
    return word
  }
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** The file a name runs, as the shell looks it up (an empty PATH entry is the directory itself). */
export function findOnPath(name: string, env: NodeJS.ProcessEnv, cwd: string): string | undefined {
  for (const dir of (env.PATH ?? '').split(':')) {
    const path = resolve(cwd, dir, name)
    if (isExecutableFile(path)) return path
  }
  return undefined
}

// The watchdog, run as `node --input-type=commonjs -e WATCHDOG <config JSON>`. An inline string,
// not a file: the action ships as one bundled file. Everything here runs on real time.
// It passes the command's output through on fd 1 and writes one JSON report line on fd 2; the
// command gets pipes of its own for 1 and 2, so it cannot write to either directly.
// The end: once the command has exited, what is left of its group (background processes) gets
// SIGTERM; those still holding its output get the grace to end, then all get SIGKILL; the report
// comes last. The deadline counts from the command's start, after the watchdog's own (~0.1 s).
