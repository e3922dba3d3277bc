import { describe, expect, it } from '@jest/globals'
import { InputError } from '../../src/errors.js'
import {
  bool,
  choice,
  decimal,
  keyValueLines,
  lines,
  matches,
  Problems,
  show,
  type Reader
} from '../../src/inputs/parsers.js'

/** A reader of the values given, and the problems it collected. */
function reader(values: Record<string, string>): Reader {
  return { v: name => values[name] ?? '', p: new Problems() }
}

describe('show', () => {
  it('shows a value of 80 characters whole and cuts one of 81', () => {
    expect(show('x'.repeat(80))).toBe(`"${'x'.repeat(80)}"`)
    expect(show('x'.repeat(81))).toBe(`"${'x'.repeat(80)}…" (81 characters)`)
  })
})

describe('Problems', () => {
  it('lists 20 problems and counts the one more in the singular', () => {
    const p = new Problems()
    for (let i = 1; i <= 21; i++) p.add(`input-${i}`, `Problem ${i}.`)
    let error: unknown
    try {
      p.throwIfAny()
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).input).toBe('input-1')
    expect((error as InputError).message.split('\n').slice(18)).toEqual([
      'Problem 19.',
      'Problem 20.',
      '…and 1 more problem.'
    ])
  })
})

describe('bool', () => {
  it('reads TRUE, True, FALSE and False without a problem', () => {
    const r = reader({ a: 'TRUE', b: 'True', c: 'FALSE', d: 'False' })
    expect([
      bool(r, 'a', false),
      bool(r, 'b', false),
      bool(r, 'c', true),
      bool(r, 'd', true)
    ]).toEqual([true, true, false, false])
    expect(r.p.list).toEqual([])
  })
})

describe('decimal', () => {
  const range = { aboveZero: true, max: 100 }

  it('accepts the maximum, and a fraction without a leading digit', () => {
    const r = reader({ max: '100', fraction: '.25', long: '.123456789012345' })
    expect(decimal(r, 'max', range, 'a percentage')).toBe(100)
    expect(decimal(r, 'fraction', range, 'a percentage')).toBe(0.25)
    expect(decimal(r, 'long', range, 'a percentage')).toBe(0.123456789012345)
    expect(r.p.list).toEqual([])
  })

  it.each(['1e1', '+5', '0x10', '5.', ' 5'])(
    'refuses %j, which Number() would read, naming the input and the range',
    value => {
      const r = reader({ threshold: value })
      expect(decimal(r, 'threshold', range, 'a percentage')).toBeUndefined()
      expect(r.p.list).toEqual([
        {
          input: 'threshold',
          message: `Input "threshold" must be a percentage greater than 0 and at most 100 (decimals allowed), got ${JSON.stringify(value)}.`
        }
      ])
    }
  )
})

describe('matches', () => {
  it('accepts a value of the maximum length and refuses a longer one even if the pattern fits', () => {
    const r = reader({ fits: 'aaa', long: 'aaaa' })
    expect(matches(r, 'fits', /^a+$/, 3, 'up to 3 a')).toBe('aaa')
    expect(r.p.list).toEqual([])
    expect(matches(r, 'long', /^a+$/, 3, 'up to 3 a')).toBe('aaaa')
    expect(r.p.list).toEqual([
      { input: 'long', message: 'Input "long" must be up to 3 a, got "aaaa".' }
    ])
  })
})

describe('lines and keyValueLines', () => {
  it('skips indented comments and blank lines, numbering the lines from 1', () => {
    expect(lines('  # a comment\n\n  KEY=v  \r\n\t# another')).toEqual([
      { line: 'KEY=v', number: 3 }
    ])
  })

  it('splits at the first =; a line without one, or starting with one, is not separated', () => {
    expect(keyValueLines('A = b=c\nnovalue\n=v')).toEqual([
      { line: 'A = b=c', number: 1, key: 'A', value: 'b=c', separated: true },
      { line: 'novalue', number: 2, key: '', value: '', separated: false },
      { line: '=v', number: 3, key: '', value: '', separated: false }
    ])
  })
})

describe('choice', () => {
  it('takes one of the words whatever its case; empty is the first, the default', () => {
    const r = reader({ mode: 'If-Missing', empty: '' })
    expect(choice(r, 'mode', ['never', 'if-missing'])).toBe('if-missing')
    expect(choice(r, 'empty', ['never', 'if-missing'])).toBe('never')
    expect(r.p.list).toStrictEqual([])
  })

  it('names every word allowed, the last after "or"', () => {
    const r = reader({ mode: 'sometimes' })
    expect(choice(r, 'mode', ['a', 'b', 'c'])).toBe('a')
    expect(r.p.list).toStrictEqual([
      { input: 'mode', message: 'Input "mode" must be a, b or c, got "sometimes".' }
    ])
  })
})
