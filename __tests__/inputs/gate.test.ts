import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Problems, type Reader } from '../../src/inputs/parsers.js'
import {
  DEFAULT_COMMAND_TIMEOUT_SECONDS,
  DEFAULT_VERIFY_RATE,
  readGate
} from '../../src/inputs/gate.js'
import { readInputs } from '../../src/inputs/index.js'
import { inputError } from '../helpers/plan-fixtures.js'

/** A workspace with a golden file of two lines. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gate-inputs-'))
  writeFileSync(
    join(dir, 'golden.jsonl'),
    '{"body": {"amount": 1}}\n{"body": "1,2", "expected": "legit"}\n'
  )
  return dir
}

function read(values: Record<string, string>, dir = workspace()) {
  const r: Reader = { v: name => values[name] ?? '', p: new Problems() }
  const gate = readGate(r, { GITHUB_WORKSPACE: dir })
  return { gate, messages: r.p.list.map(p => p.message), inputs: r.p.list.map(p => p.input) }
}

describe('readGate', () => {
  it('is undefined without verify-requests or verify-command, whatever the paces say', () => {
    expect(read({ 'verify-rate': '2', 'verify-command-timeout': '60' })).toStrictEqual({
      gate: undefined,
      messages: [],
      inputs: []
    })
  })

  it('reads the golden file relative to the workspace, with the default pace and on-cancel', () => {
    const { gate, messages } = read({ 'verify-requests': 'golden.jsonl' })
    expect(messages).toStrictEqual([])
    expect(gate?.requestsPath).toBe('golden.jsonl')
    expect(gate?.requests.map(q => [q.line, q.body, q.contentType, q.hasExpected])).toStrictEqual([
      [1, '{"amount":1}', 'application/json', false],
      [2, '1,2', 'text/csv', true]
    ])
    expect(gate?.ratePerSecond).toBe(DEFAULT_VERIFY_RATE)
    expect(gate?.commandTimeoutSeconds).toBe(DEFAULT_COMMAND_TIMEOUT_SECONDS)
    expect(gate?.onCancel).toBe('rollback')
    expect(gate?.command).toBeUndefined()
  })

  it('takes a command alone, its limit and on-cancel: leave', () => {
    const { gate, messages } = read({
      'verify-command': 'true',
      'verify-command-timeout': '5',
      'on-cancel': 'Leave'
    })
    expect(messages).toStrictEqual([])
    expect(gate).toStrictEqual({
      requestsPath: undefined,
      requests: [],
      ratePerSecond: DEFAULT_VERIFY_RATE,
      command: 'true',
      commandTimeoutSeconds: 5,
      onCancel: 'leave'
    })
  })

  it('refuses a missing file, naming the input and the path', () => {
    const { messages, inputs } = read({ 'verify-requests': 'nope.jsonl' })
    expect(inputs).toStrictEqual(['verify-requests'])
    expect(messages[0]).toContain('nope.jsonl')
  })

  it('refuses a command that does not exist, once prefixed by its input', () => {
    const { messages, inputs } = read({ 'verify-command': 'no-such-command-here --flag' })
    expect(inputs).toStrictEqual(['verify-command'])
    expect(messages[0]).toMatch(/^Input "verify-command": command "no-such-command-here" not found/)
  })

  it.each([
    ['verify-rate', '11', 'Input "verify-rate" must be golden requests a second from 0.1 to 10'],
    ['verify-rate', '0.05', 'Input "verify-rate" must be golden requests a second from 0.1 to 10'],
    ['verify-command-timeout', '0', 'Input "verify-command-timeout" must be a whole number'],
    ['verify-command-timeout', '901', 'Input "verify-command-timeout" must be a whole number'],
    ['on-cancel', 'stop', 'Input "on-cancel" must be rollback or leave, got "stop".']
  ])('refuses %s: %s', (name, value, message) => {
    const { messages, inputs } = read({ 'verify-command': 'true', [name]: value })
    expect(inputs).toStrictEqual([name])
    expect(messages[0]).toContain(message)
  })

  it('accepts the limits themselves', () => {
    const low = read({
      'verify-command': 'true',
      'verify-rate': '0.1',
      'verify-command-timeout': '1'
    })
    const high = read({
      'verify-command': 'true',
      'verify-rate': '10',
      'verify-command-timeout': '900'
    })
    expect([low.messages, high.messages]).toStrictEqual([[], []])
    expect([low.gate?.ratePerSecond, high.gate?.ratePerSecond]).toStrictEqual([0.1, 10])
    expect([low.gate?.commandTimeoutSeconds, high.gate?.commandTimeoutSeconds]).toStrictEqual([
      1, 900
    ])
  })
})

describe('the gate in readInputs', () => {
  const base = (extra: Record<string, string>): Record<string, string> => ({
    'endpoint-name': 'fraud-scorer',
    'model-name': 'fraud-model',
    ...extra
  })
  const readAll = (values: Record<string, string>) =>
    readInputs(name => values[name] ?? '', {
      AWS_REGION: 'us-east-1',
      GITHUB_WORKSPACE: workspace()
    })

  it('is in the request when set, and absent (no key at all) when not', () => {
    const { request } = readAll(base({ 'verify-command': 'true' }))
    expect(request.gate?.command).toBe('true')
    expect('gate' in readAll(base({})).request).toBe(false)
  })

  it('refuses wait: false, naming it: nobody would run the checks', () => {
    const error = inputError(() => readAll(base({ 'verify-command': 'true', wait: 'false' })))
    expect(error.input).toBe('wait')
    expect(error.message).toMatch(/^Input "wait" is false, but the verification gate/)
  })

  it('refuses an inference component, naming the gate input that is set', () => {
    const requests = inputError(() =>
      readAll(base({ 'verify-requests': 'golden.jsonl', 'inference-component-name': 'ic-1' }))
    )
    const command = inputError(() =>
      readAll(base({ 'verify-command': 'true', 'inference-component-name': 'ic-1' }))
    )
    expect([requests.input, command.input]).toStrictEqual(['verify-requests', 'verify-command'])
    expect(command.message).toMatch(/not inference components yet/)
  })

  it('counts the gate alarm among the 10 rollback alarms', () => {
    const names = Array.from({ length: 8 }, (_, i) => `alarm-${i}`).join(',')
    expect(() => readAll(base({ 'verify-command': 'true', 'alarm-names': names }))).toThrow(
      'Input "alarm-names" gives 8 alarms plus the 2 created alarms (create-alarms: true) plus the gate alarm (verify-requests or verify-command), 11 in all; SageMaker accepts at most 10 rollback alarms. List fewer (at most 7), or set create-alarms: false.'
    )
    expect(readAll(base({ 'alarm-names': names })).request.alarmNames).toHaveLength(8)
  })

  it('refuses verify-requests and verify-command with rollback-to', () => {
    expect(() =>
      readAll({ 'endpoint-name': 'e', 'rollback-to': 'previous', 'verify-command': 'true' })
    ).toThrow(/verify-command/)
  })
})
