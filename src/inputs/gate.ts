// The verification gate's inputs: golden requests (verify-requests, verify-rate), a user's command
// (verify-command, verify-command-timeout) and what a cancelled job does (on-cancel). Every
// problem, the file's included (a missing file, a malformed line named by number), is refused
// here, before anything in AWS changes.
import { errorMessage, InputError } from '../errors.js'
import { decimal, show, whole, type Reader } from './parsers.js'
import { readGoldenRequests } from '../guard/gate/requests.js'
import { commandProblem } from '../guard/gate/command-check.js'
import type { GateRequest, GoldenRequest } from '../types.js'

/** Golden requests a second by default: 120 a minute of the endpoint's traffic. */
export const DEFAULT_VERIFY_RATE = 2
/**
 * At most 10 a second: the gate's requests are real traffic on a production endpoint (billed, and
 * seen by its metrics), and one is in flight at a time.
 */
export const MAX_VERIFY_RATE = 10
export const DEFAULT_COMMAND_TIMEOUT_SECONDS = 60
export const MAX_COMMAND_TIMEOUT_SECONDS = 900

/** The gate's inputs, undefined when neither verify-requests nor verify-command is set. */
export function readGate(
  r: Reader,
  env: Readonly<Record<string, string | undefined>>
): GateRequest | undefined {
  const path = r.v('verify-requests')
  const command = r.v('verify-command')
  const onCancelRaw = r.v('on-cancel').toLowerCase()
  if (onCancelRaw !== '' && onCancelRaw !== 'rollback' && onCancelRaw !== 'leave') {
    r.p.add(
      'on-cancel',
      `Input "on-cancel" must be rollback or leave, got ${show(r.v('on-cancel'))}.`
    )
  }
  const rate =
    decimal(r, 'verify-rate', { min: 0.1, max: MAX_VERIFY_RATE }, 'golden requests a second') ??
    DEFAULT_VERIFY_RATE
  const commandTimeoutSeconds =
    whole(
      r,
      'verify-command-timeout',
      1,
      MAX_COMMAND_TIMEOUT_SECONDS,
      'a whole number of seconds'
    ) ?? DEFAULT_COMMAND_TIMEOUT_SECONDS
  // verify-rate and verify-command-timeout have defaults in action.yml: set or not, they are
  // only read with the check they pace.
  if (path === '' && command === '') return undefined
  const workspace = env['GITHUB_WORKSPACE'] || process.cwd()
  let requests: readonly GoldenRequest[] = []
  if (path !== '') {
    try {
      requests = readGoldenRequests(path, workspace)
    } catch (e) {
      r.p.add('verify-requests', e instanceof InputError ? e.message : errorMessage(e))
    }
  }
  if (command !== '') {
    const problem = commandProblem(command, { cwd: workspace, env: process.env })
    if (problem)
      r.p.add(
        'verify-command',
        `Input "verify-command": ${problem.replace(/^verify-command: /, '')}`
      )
  }
  return {
    requestsPath: path || undefined,
    requests,
    ratePerSecond: rate,
    command: command || undefined,
    commandTimeoutSeconds,
    onCancel: onCancelRaw === 'leave' ? 'leave' : 'rollback'
  }
}
