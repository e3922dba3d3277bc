// Pure: does a model's answer match what a golden request expects? Models answer in JSON or in
// text (CSV, a bare label), so an answer is read both ways and matches when either way does.

type Json = unknown

function parse(
  answer: string
): { readonly ok: true; readonly value: Json } | { readonly ok: false } {
  try {
    return { ok: true, value: JSON.parse(answer) as Json }
  } catch {
    return { ok: false }
  }
}

// Within the tolerance, up to the rounding of decimal numbers (0.931 − 0.93 is 0.0010000000000000009).
function near(value: number, expected: number, tolerance: number): boolean {
  const rounding = 4 * Number.EPSILON * Math.max(Math.abs(value), Math.abs(expected))
  return Math.abs(value - expected) <= tolerance + rounding
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

// A JSON answer against a JSON expectation, numbers within the tolerance.
function jsonMatches(expected: Json, value: Json, tolerance: number): boolean {
  if (typeof expected === 'number') {
    return typeof value === 'number' && near(value, expected, tolerance)
  }
  if (Array.isArray(expected)) {
    return (
      Array.isArray(value) &&
      value.length === expected.length &&
      expected.every((e, i) => jsonMatches(e, value[i], tolerance))
    )
  }
  if (isObject(expected)) {
    return (
      isObject(value) &&
      Object.keys(expected).every(
        key => Object.hasOwn(value, key) && jsonMatches(expected[key], value[key], tolerance)
      )
    )
  }
  // string, boolean, null
  return value === expected
}

// A text answer against a JSON expectation: a number read from the text, a string trimmed, a list
// split on commas; booleans, null and objects only match as JSON.
function textMatches(expected: Json, text: string, tolerance: number, split = true): boolean {
  const trimmed = text.trim()
  if (typeof expected === 'number') {
    const n = Number(trimmed)
    return trimmed !== '' && Number.isFinite(n) && near(n, expected, tolerance)
  }
  if (typeof expected === 'string') return trimmed === expected.trim()
  if (Array.isArray(expected) && split) {
    const parts = text.split(',')
    return (
      parts.length === expected.length &&
      expected.every((e, i) => textMatches(e, parts[i]!, tolerance, false))
    )
  }
  return false
}

/**
 * Whether `answer` (the response body as text) matches `expected`, numbers within `tolerance`
 * (absolute). The answer is read as JSON when it parses, and as text always; it matches when
 * either reading does:
 * - number: |answer − expected| ≤ tolerance, up to rounding (text: Number of the trimmed text);
 * - string: the JSON string equal, or the trimmed text equal to the trimmed expectation
 *   (a CSV model answering `1` matches "1");
 * - boolean, null: equal (as JSON);
 * - array: same length, element by element (text: split on commas, `0.1,0.9` matches [0.1, 0.9]);
 * - object: every key of the expectation present in the answer and matching; keys the answer has
 *   beyond those are ignored (real models add fields: ids, timings, versions).
 */
export function answerMatches(expected: unknown, answer: string, tolerance: number): boolean {
  const json = parse(answer)
  return (
    (json.ok && jsonMatches(expected, json.value, tolerance)) ||
    textMatches(expected, answer, tolerance)
  )
}

/**
 * What the baseline keeps of blue's answer to a request with no `expected`: the parsed JSON, or the
 * trimmed text. Green's answer is then matched against it with answerMatches (so a text answer of
 * numbers is compared as a string, the tolerance not applying to it).
 */
export function normaliseAnswer(answer: string): unknown {
  const json = parse(answer)
  return json.ok ? json.value : answer.trim()
}
