import { describe, expect, it } from '@jest/globals'
import { Problems, show, type Reader } from '../../src/inputs/parsers.js'
import { MAX_USER_TAGS, readEnvironment, readTags } from '../../src/inputs/model.js'

function reader(values: Record<string, string>): Reader {
  return { v: name => values[name] ?? '', p: new Problems() }
}

/** The environment read from `text` for a model the action creates, with the messages. */
function environment(text: string): { read: Record<string, string>; messages: string[] } {
  const r = reader({ environment: text })
  const read = readEnvironment(r, true)
  return { read, messages: r.p.list.map(p => p.message) }
}

function tags(text: string): { read: { Key: string; Value: string }[]; messages: string[] } {
  const r = reader({ tags: text })
  const read = readTags(r)
  return { read, messages: r.p.list.map(p => p.message) }
}

const keyMessage = (line: number, why: string): string =>
  `Input "environment" line ${line} must be KEY=VALUE with a KEY of letters, digits and _ (not starting with a digit, at most 1024 characters); the text before its first "=" is not such a key (${why}; the line is not shown).`

describe('readEnvironment', () => {
  it.each([
    ['API_TOKEN : c2VjcmV0=', 'it looks like YAML "KEY: value"; write KEY=value'],
    ['- API_TOKEN: c2VjcmV0=', 'it contains a space'],
    ['MY KEY=1', 'it contains a space'],
    ['1KEY=1', 'it starts with a digit'],
    ['MY-VAR2=1', 'it contains a character other than letters, digits and _'],
    [`${'K'.repeat(1023)}-=1`, 'it contains a character other than letters, digits and _'],
    [`${'K'.repeat(1025)}=1`, 'it is 1025 characters long']
  ])('says why %j has no valid key, without showing it', (line, why) => {
    expect(environment(`OK=1\n${line}`)).toEqual({
      read: { OK: '1' },
      messages: [keyMessage(2, why)]
    })
  })

  it('refuses a line without "=", giving only its length', () => {
    expect(environment('c2VjcmV0LXRva2Vu')).toEqual({
      read: {},
      messages: [
        'Input "environment" line 1 must be KEY=VALUE; it has no "=" (16 characters, not shown).'
      ]
    })
  })

  it('accepts a key and a value of 1024 characters, and refuses a longer value by its length', () => {
    const key = 'K'.repeat(1024)
    expect(environment(`${key}=${'v'.repeat(1024)}`)).toEqual({
      read: { [key]: 'v'.repeat(1024) },
      messages: []
    })
    expect(environment(`LONG=${'v'.repeat(1025)}`).messages).toEqual([
      'Input "environment" line 1: the value of LONG must be at most 1024 characters, got 1025.'
    ])
  })

  it('accepts 100 entries and refuses 101', () => {
    const entries = (n: number) => Array.from({ length: n }, (_, i) => `K${i}=v`).join('\n')
    expect(environment(entries(100)).messages).toEqual([])
    expect(environment(entries(101)).messages).toEqual([
      'Input "environment" has 101 entries; SageMaker allows at most 100.'
    ])
  })
})

const allowed = 'letters, digits, spaces and _ . : / = + - @'

describe('readTags', () => {
  it('accepts a key of 128 and a value of 256 characters, and refuses one character more', () => {
    const key = 'k'.repeat(128)
    expect(tags(`${key}=${'v'.repeat(256)}`)).toEqual({
      read: [{ Key: key, Value: 'v'.repeat(256) }],
      messages: []
    })
    expect(tags(`${'k'.repeat(129)}=v\nteam=${'v'.repeat(257)}`).messages).toEqual([
      `Input "tags" line 1 has an invalid key ${show('k'.repeat(129))}: 1 to 128 characters of ${allowed}.`,
      `Input "tags" line 2 has an invalid value ${show('v'.repeat(257))} for team: at most 256 characters of ${allowed}.`
    ])
  })

  it('adds the one-tag-per-line hint only when a comma is in the key or value', () => {
    expect(tags('team=ml, env=prod\nteam,env=ml\nbad#key=1\nok=bad#value').messages).toEqual([
      `Input "tags" line 1 has an invalid value "ml, env=prod" for team: at most 256 characters of ${allowed} (put one tag per line; commas are not separators).`,
      `Input "tags" line 2 has an invalid key "team,env": 1 to 128 characters of ${allowed} (put one tag per line; commas are not separators).`,
      `Input "tags" line 3 has an invalid key "bad#key": 1 to 128 characters of ${allowed}.`,
      `Input "tags" line 4 has an invalid value "bad#value" for ok: at most 256 characters of ${allowed}.`
    ])
  })

  it(`accepts ${MAX_USER_TAGS} tags and refuses one more`, () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `k${i}=v`).join('\n')
    expect(tags(lines(MAX_USER_TAGS)).read).toHaveLength(MAX_USER_TAGS)
    expect(tags(lines(MAX_USER_TAGS)).messages).toEqual([])
    expect(tags(lines(MAX_USER_TAGS + 1)).messages).toEqual([
      `Input "tags" has ${MAX_USER_TAGS + 1} tags; at most ${MAX_USER_TAGS} are allowed (the action adds its own, and SageMaker allows 50).`
    ])
  })
})
