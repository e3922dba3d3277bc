import { describe, expect, it } from '@jest/globals'
import { createRedactor, FRAGMENT, MASK } from '../src/secrets.js'

describe('createRedactor', () => {
  const secret = 'c2VjcmV0LXRva2Vu'
  const redact = createRedactor([secret, 'short', 'p%ss\nw0rd`*_x'])

  it('masks the whole value and any run sharing an 8-character fragment with it', () => {
    expect(redact(`token=${secret}.`)).toBe(`token=${MASK}.`)
    expect(redact(`head ${secret.slice(0, FRAGMENT)} tail`)).toBe(`head ${MASK} tail`)
    expect(redact(`cut ${secret.slice(3, 3 + FRAGMENT + 2)}!`)).toBe(`cut ${MASK}!`)
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

  it('keeps text without secrets exactly, and masks every occurrence', () => {
    expect(redact('nothing here at all')).toBe('nothing here at all')
    expect(redact(`${secret} and ${secret}`)).toBe(`${MASK} and ${MASK}`)
    expect(createRedactor([])('anything')).toBe('anything')
  })
})
