// The golden requests file (input verify-requests): what a line may say, and how each mistake is
// named, by input, file and line.
import { describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { InputError } from '../../../src/errors.js'
import {
  MAX_BODY_BYTES,
  MAX_FILE_BYTES,
  MAX_REQUESTS,
  parseGoldenRequests,
  readGoldenRequests
} from '../../../src/guard/gate/requests.js'

function refusal(text: string): string {
  try {
    parseGoldenRequests(text, 'golden.jsonl')
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).input).toBe('verify-requests')
    return (error as Error).message
  }
  throw new Error('not refused')
}

describe('parseGoldenRequests', () => {
  it('a string body is sent as is, as text/csv; any other as JSON', () => {
    const text = [
      '{"body": "1,2,3"}',
      '{"body": {"x": [1, 2]}, "accept": "application/json"}'
    ].join('\n')
    expect(parseGoldenRequests(text, 'golden.jsonl')).toStrictEqual([
      {
        line: 1,
        body: '1,2,3',
        contentType: 'text/csv',
        accept: undefined,
        expected: undefined,
        hasExpected: false,
        tolerance: 0
      },
      {
        line: 2,
        body: '{"x":[1,2]}',
        contentType: 'application/json',
        accept: 'application/json',
        expected: undefined,
        hasExpected: false,
        tolerance: 0
      }
    ])
  })

  it('expected and tolerance kept; expected null is an expectation; blank lines counted', () => {
    const text =
      '\n  \r\n{"body": 5, "contentType": "text/plain", "expected": {"score": 0.9}, "tolerance": 0.05}\r\n{"body": null, "expected": null}\n'
    expect(parseGoldenRequests(text, 'g.jsonl')).toStrictEqual([
      {
        line: 3,
        body: '5',
        contentType: 'text/plain',
        accept: undefined,
        expected: { score: 0.9 },
        hasExpected: true,
        tolerance: 0.05
      },
      {
        line: 4,
        body: 'null',
        contentType: 'application/json',
        accept: undefined,
        expected: null,
        hasExpected: true,
        tolerance: 0
      }
    ])
  })

  it('a tolerance with no expected applies to blue’s answer; a byte-order mark is skipped', () => {
    const [r] = parseGoldenRequests('\uFEFF{"body": "a", "tolerance": 0.1}', 'g.jsonl')
    expect([r?.tolerance, r?.hasExpected, r?.body]).toStrictEqual([0.1, false, 'a'])
  })

  it('invalid JSON: the line and what the parser said', () => {
    expect(refusal('{"body": 1}\n{"body": 1,}')).toMatch(
      /^Input "verify-requests": golden\.jsonl line 2: not valid JSON \(.+\)\.$/
    )
  })

  it('a line that is not an object', () => {
    expect(refusal('[1, 2]')).toBe(
      'Input "verify-requests": golden.jsonl line 1: a request must be a JSON object like {"body": …}, got an array.'
    )
    expect(refusal('\n"x"')).toContain(
      'line 2: a request must be a JSON object like {"body": …}, got a string.'
    )
    expect(refusal('null')).toContain('got null.')
  })

  it('unknown keys named, with the allowed ones', () => {
    expect(refusal('{"body": 1, "expect": 2}')).toBe(
      'Input "verify-requests": golden.jsonl line 1: unknown key "expect" (allowed: body, contentType, accept, expected, tolerance).'
    )
    expect(refusal('{"body": 1, "a": 1, "b": 2}')).toContain('unknown keys "a", "b" (allowed:')
  })

  it('no body', () => {
    expect(refusal('{"expected": 1}')).toBe(
      'Input "verify-requests": golden.jsonl line 1: no "body": the request to send.'
    )
  })

  it('tolerance: a finite number ≥ 0, and only with an expected answer that has numbers', () => {
    expect(refusal('{"body": 1, "tolerance": -1}')).toContain(
      'line 1: "tolerance" must be a finite number ≥ 0, got -1.'
    )
    expect(refusal('{"body": 1, "tolerance": "0.1"}')).toContain('got "0.1".')
    expect(refusal('{"body": 1, "expected": 0, "tolerance": 1e999}')).toContain('got Infinity.')
    expect(refusal('\n\n{"body": 1, "expected": "cat", "tolerance": 0.1}')).toBe(
      'Input "verify-requests": golden.jsonl line 3: tolerance applies to numbers, but expected is a string.'
    )
    expect(refusal('{"body": 1, "expected": {"a": ["x", true]}, "tolerance": 0.1}')).toContain(
      'but expected is an object with no number in it.'
    )
    expect(refusal('{"body": 1, "expected": null, "tolerance": 0.1}')).toContain(
      'but expected is null.'
    )
    expect(
      parseGoldenRequests('{"body": 1, "expected": {"a": ["x", [0.5]]}, "tolerance": 0.1}', 'g')[0]
        ?.tolerance
    ).toBe(0.1)
  })

  it('contentType and accept: non-empty printable ASCII, at most 1024 characters', () => {
    expect(refusal('{"body": 1, "contentType": ""}')).toContain(
      'line 1: "contentType" must be a non-empty string, got a string.'
    )
    expect(refusal('{"body": 1, "accept": 5}')).toContain(
      '"accept" must be a non-empty string, got a number.'
    )
    expect(refusal('{"body": 1, "accept": "text/csv\\n"}')).toContain(
      '"accept" "text/csv\\n" must be printable ASCII (it is sent as an HTTP header).'
    )
    expect(refusal(JSON.stringify({ body: 1, contentType: 'a'.repeat(1025) }))).toContain(
      '"contentType" is 1025 characters, more than 1024.'
    )
    expect(
      parseGoldenRequests(JSON.stringify({ body: 1, contentType: 'a'.repeat(1024) }), 'g')[0]
        ?.contentType
    ).toHaveLength(1024)
  })

  it('a body over 6 MB once serialised', () => {
    const big = 'x'.repeat(MAX_BODY_BYTES - 1)
    expect(parseGoldenRequests(JSON.stringify({ body: big }), 'g')[0]?.body).toHaveLength(
      MAX_BODY_BYTES - 1
    )
    // Serialised, a string in an array gains its quotes and brackets.
    expect(refusal(JSON.stringify({ body: [big] }))).toContain(
      `line 1: the body is ${MAX_BODY_BYTES + 3} bytes, more than InvokeEndpoint's 6000000 (6 MB).`
    )
  })

  it('no requests at all', () => {
    const message =
      'Input "verify-requests": golden.jsonl has no requests: give one JSON object a line, like {"body": [1, 2, 3]}.'
    expect([refusal(''), refusal('\n \n\t\n')]).toStrictEqual([message, message])
  })

  it('at most 1000 requests, the line of the first one too many named', () => {
    const lines = Array.from({ length: MAX_REQUESTS }, () => '{"body": 1}')
    expect(parseGoldenRequests(lines.join('\n'), 'g')).toHaveLength(MAX_REQUESTS)
    expect(refusal([...lines, '', '{"body": 1}'].join('\n'))).toBe(
      'Input "verify-requests": golden.jsonl line 1002: more than 1000 requests; keep the 1000 that matter most.'
    )
  })

  it('a text over 16 MB', () => {
    expect(refusal(' '.repeat(MAX_FILE_BYTES + 1))).toBe(
      'Input "verify-requests": golden.jsonl is 16000001 bytes, more than 16000000 (16 MB).'
    )
  })
})

describe('readGoldenRequests', () => {
  function refusedRead(path: string, workspace: string): InputError {
    try {
      readGoldenRequests(path, workspace)
    } catch (error) {
      expect(error).toBeInstanceOf(InputError)
      return error as InputError
    }
    throw new Error('not refused')
  }

  it('reads a path relative to the workspace, or absolute', () => {
    const dir = mkdtempSync(join(tmpdir(), 'golden-'))
    mkdirSync(join(dir, 'tests'))
    writeFileSync(join(dir, 'tests', 'golden.jsonl'), '{"body": "1,2"}\n')
    const relative = readGoldenRequests('tests/golden.jsonl', dir)
    expect(relative.map(r => r.body)).toStrictEqual(['1,2'])
    expect(readGoldenRequests(join(dir, 'tests', 'golden.jsonl'), '/elsewhere')).toStrictEqual(
      relative
    )
  })

  it('missing, a directory, too large: named with the input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'golden-'))
    writeFileSync(join(dir, 'big.jsonl'), Buffer.alloc(MAX_FILE_BYTES + 1, 32))
    const missing = refusedRead('nope.jsonl', dir)
    expect([missing.input, missing.message]).toStrictEqual([
      'verify-requests',
      `Input "verify-requests": nope.jsonl does not exist (looked for ${join(dir, 'nope.jsonl')}).`
    ])
    expect(refusedRead('.', dir).message).toBe(
      `Input "verify-requests": . is a directory (${dir}), not a file.`
    )
    expect(refusedRead('big.jsonl', dir).message).toBe(
      'Input "verify-requests": big.jsonl is 16000001 bytes, more than 16000000 (16 MB).'
    )
  })

  it('unreadable: what the system said', () => {
    const dir = mkdtempSync(join(tmpdir(), 'golden-'))
    writeFileSync(join(dir, 'file'), '')
    // A path through a file: stat fails with ENOTDIR, not ENOENT.
    const e = refusedRead('file/golden.jsonl', dir)
    expect(e.message).toMatch(
      /^Input "verify-requests": file\/golden\.jsonl cannot be read \(.+\): .*ENOTDIR.*\.$/
    )
  })

  it('a file with a bad line: refused naming the path given', () => {
    const dir = mkdtempSync(join(tmpdir(), 'golden-'))
    writeFileSync(join(dir, 'g.jsonl'), '{"body": 1}\n{"bdy": 1}\n')
    expect(refusedRead('g.jsonl', dir).message).toContain(
      'Input "verify-requests": g.jsonl line 2: unknown key "bdy"'
    )
  })
})
