import { afterAll, describe, expect, it } from '@jest/globals'
import {
  createRedactor,
  FRAGMENT,
  MASK,
  redact as redactRegistered,
  redactStreams,
  registerSecrets
} from '../src/secrets.js'

describe('createRedactor', () => {
  const secret = 'c2VjcmV0LXRva2Vu'
  // Built in each test, so each test is known to run the code that builds the fragments.
  const redact = (text: string) => createRedactor([secret, 'short', 'p%ss\nw0rd`*_x'])(text)

  it('masks the whole value and any run sharing an 8-character fragment with it', () => {
    expect(redact(`token=${secret}.`)).toBe(`token=${MASK}.`)
    expect(redact(`head ${secret.slice(0, FRAGMENT)} tail`)).toBe(`head ${MASK} tail`)
    expect(redact(`cut ${secret.slice(3, 3 + FRAGMENT + 2)}!`)).toBe(`cut ${MASK}!`)
  })

  it('masks a text that is exactly one 8-character fragment', () => {
    expect(redact(secret.slice(0, FRAGMENT))).toBe(MASK)
    expect(redact(secret.slice(5, 5 + FRAGMENT))).toBe(MASK)
  })

  it('leaves shorter fragments and values under 8 characters alone (they would blank ordinary text)', () => {
    expect(redact(secret.slice(0, FRAGMENT - 1))).toBe(secret.slice(0, FRAGMENT - 1))
    expect(redact('a short note')).toBe('a short note')
  })

  it('masks the JSON-escaped, Markdown-escaped and workflow-command forms', () => {
    expect(redact(JSON.stringify({ v: 'p%ss\nw0rd`*_x' }))).toBe(`{"v":"${MASK}"}`)
    expect(redact('p%ss\nw0rd\\`\\*\\_x')).toBe(MASK)
    expect(redact('::error::p%25ss%0Aw0rd`*_x')).toBe(`::error::${MASK}`)
  })

  it('masks the HTML-escaped ampersand and the encoded carriage return', () => {
    const other = createRedactor(['tom&jerry-2024', 'line-one\r\nline-two'])
    expect(other('| tom&amp;jerry-2024 |')).toBe(`| ${MASK} |`)
    expect(other('::warning::line-one%0D%0Aline-two')).toBe(`::warning::${MASK}`)
  })

  it('keeps text without secrets exactly, and masks every occurrence', () => {
    expect(redact('nothing here at all')).toBe('nothing here at all')
    expect(redact(`${secret} and ${secret}`)).toBe(`${MASK} and ${MASK}`)
    expect(createRedactor([])('anything')).toBe('anything')
  })
})

describe('registerSecrets and redact', () => {
  it('masks every value registered so far, from each call, and skips empty values', () => {
    expect(redactRegistered('nothing registered: s3cr3t-value-one')).toBe(
      'nothing registered: s3cr3t-value-one'
    )
    registerSecrets(['s3cr3t-value-one', ''])
    registerSecrets(['', 'an0ther-s3cr3t-two'])
    registerSecrets(['s3cr3t-value-one'])
    expect(redactRegistered('a=s3cr3t-value-one b=an0ther-s3cr3t-two c=plain text')).toBe(
      `a=${MASK} b=${MASK} c=plain text`
    )
  })
})

describe('redactStreams', () => {
  const original = { out: process.stdout.write, err: process.stderr.write }
  afterAll(() => {
    process.stdout.write = original.out
    process.stderr.write = original.err
  })

  it('masks registered values in strings and bytes written to stdout and stderr, once installed', () => {
    const written: string[] = []
    const capture = (name: string) =>
      ((chunk: unknown, ...rest: unknown[]) => {
        written.push(`${name}: ${String(chunk)} ${JSON.stringify(rest)}`)
        return true
      }) as typeof process.stdout.write
    process.stdout.write = capture('stdout')
    process.stderr.write = capture('stderr')
    registerSecrets(['hunter2-hunter2'])
    redactStreams()
    const installed = { out: process.stdout.write, err: process.stderr.write }
    redactStreams()
    expect({ out: process.stdout.write, err: process.stderr.write }).toEqual(installed)

    process.stdout.write('password hunter2-hunter2\n', 'utf8')
    process.stderr.write(Buffer.from('bytes: hunter2-hunter2 é'))
    process.stdout.write(new Uint8Array(Buffer.from('hunter2-hunter2')))
    expect(written).toEqual([
      `stdout: password ${MASK}\n ["utf8"]`,
      `stderr: bytes: ${MASK} é []`,
      `stdout: ${MASK} []`
    ])
  })
})
