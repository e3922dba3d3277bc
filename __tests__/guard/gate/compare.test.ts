// Whether a model's answer matches a golden request's expectation, read as JSON and as text.
import { describe, expect, it } from '@jest/globals'
import { answerMatches, normaliseAnswer } from '../../../src/guard/gate/compare.js'

describe('answerMatches', () => {
  it('numbers: within the absolute tolerance, as JSON or as text', () => {
    expect([
      answerMatches(0.93, '0.93', 0),
      answerMatches(0.93, '0.94', 0.02),
      answerMatches(0.93, '0.96', 0.02),
      answerMatches(0.93, ' 0.931\n', 0.001),
      answerMatches(0.93, '"0.93"', 0),
      answerMatches(0, '', 1),
      answerMatches(1, 'NaN', 10)
    ]).toStrictEqual([true, true, false, true, false, false, false])
  })

  it('the tolerance is inclusive up to rounding, and 0 means equal', () => {
    expect([
      answerMatches(0.3, '0.30000000000000004', 0),
      answerMatches(0.3, '0.3000001', 0)
    ]).toStrictEqual([true, false])
    expect([
      answerMatches(1, '1.5', 0.5),
      answerMatches(1, '1.5', 0.49),
      answerMatches(1, '1', 0)
    ]).toStrictEqual([true, false, true])
  })

  it('strings: the JSON string equal, or the trimmed text', () => {
    expect([
      answerMatches('positive', '"positive"', 0),
      answerMatches('positive', 'positive\n', 0),
      answerMatches('positive', '"negative"', 0),
      answerMatches('1', '1', 0),
      answerMatches('Positive', 'positive', 0)
    ]).toStrictEqual([true, true, false, true, false])
  })

  it('booleans and null: equal as JSON only', () => {
    expect([
      answerMatches(true, 'true', 0),
      answerMatches(true, 'false', 0),
      answerMatches(null, ' null ', 0),
      answerMatches(null, '0', 0),
      answerMatches(false, '"false"', 0)
    ]).toStrictEqual([true, false, true, false, false])
  })

  it('arrays: same length, element by element; text split on commas', () => {
    expect([
      answerMatches([0.1, 0.9], '[0.1, 0.9]', 0),
      answerMatches([0.1, 0.9], '[0.12, 0.88]', 0.05),
      answerMatches([0.1, 0.9], '[0.1]', 0),
      answerMatches([0.1, 0.9], '[0.1, 0.9, 0]', 0),
      answerMatches([0.1, 0.9], '0.1,0.9', 0),
      answerMatches([0.1, 0.9], '0.1, 0.9\n', 0),
      answerMatches(['a', 1], 'a,1', 0),
      answerMatches([0.1, 0.9], '0.1,0.8', 0),
      answerMatches([[1]], '1', 0)
    ]).toStrictEqual([true, true, false, false, true, true, true, false, false])
  })

  it('objects: every expected key present and matching; extra keys ignored', () => {
    const expected = { label: 'cat', score: 0.9 }
    expect([
      answerMatches(expected, '{"label":"cat","score":0.91,"model":"v2"}', 0.05),
      answerMatches(expected, '{"label":"cat"}', 0.05),
      answerMatches(expected, '{"label":"dog","score":0.9}', 0.05),
      answerMatches(expected, '[{"label":"cat","score":0.9}]', 0.05),
      answerMatches({ a: { b: [1, 2] } }, '{"a":{"b":[1,2],"c":3}}', 0),
      answerMatches({ a: null }, '{}', 0),
      answerMatches({}, '{"any":1}', 0),
      answerMatches({}, 'null', 0)
    ]).toStrictEqual([true, false, false, false, true, false, true, false])
  })

  it('an answer that is not JSON is only text', () => {
    expect([
      answerMatches({ a: 1 }, 'a=1', 0),
      answerMatches(3, '3 apples', 0),
      answerMatches('3 apples', ' 3 apples ', 0)
    ]).toStrictEqual([false, false, true])
  })
})

describe('normaliseAnswer', () => {
  it('keeps the parsed JSON, or the trimmed text', () => {
    expect([
      normaliseAnswer('{"label":"cat","score":0.9}'),
      normaliseAnswer(' 0.5\n'),
      normaliseAnswer('0.1,0.9\n'),
      normaliseAnswer('  cat  ')
    ]).toStrictEqual([{ label: 'cat', score: 0.9 }, 0.5, '0.1,0.9', 'cat'])
  })

  it('what it keeps matches the same answer again', () => {
    const answers = ['{"label":"cat","extra":[1,2]}', ' 0.5\n', '0.1,0.9\n', 'cat', 'null', '"x"']
    expect(answers.map(a => answerMatches(normaliseAnswer(a), a, 0))).toStrictEqual(
      answers.map(() => true)
    )
  })
})
