import { describe, it, expect } from '@jest/globals'
import { freshName, greenNames, shortHash } from '../src/names.js'
import { NAME_PATTERN, MODEL_NAME_PATTERN } from '../src/inputs/index.js'
import type { RunContext } from '../src/types.js'

const RUN: RunContext = {
  repository: 'acme/ml',
  sha: 'ABCDEF1234567890abcdef1234567890abcdef12',
  runId: '12345678901',
  runAttempt: '2',
  workflow: 'deploy',
  serverUrl: 'https://github.com',
  eventName: 'push',
  ref: 'refs/heads/main',
  actor: 'octocat'
}

function valid(name: string): boolean {
  return name.length <= 63 && NAME_PATTERN.test(name) && MODEL_NAME_PATTERN.test(name)
}

/** Deterministic pseudo-random endpoint names that satisfy SageMaker's pattern. */
function endpointNames(): string[] {
  const names: string[] = []
  let seed = 7
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n
  }
  const alnum = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
  for (let length = 1; length <= 63; length++) {
    for (let sample = 0; sample < 8; sample++) {
      let name = alnum[next(alnum.length)] ?? 'a'
      while (name.length < length) {
        const hyphen = name.length < length - 1 && next(4) === 0
        name += hyphen ? '-' : (alnum[next(alnum.length)] ?? 'a')
      }
      names.push(name.replace(/-+$/, 'z'))
    }
  }
  names.push('a'.repeat(63), `a${'-'.repeat(61)}b`, 'x-'.repeat(31) + 'y', 'lab-endpoint')
  return names
}

describe('greenNames', () => {
  it('builds <endpoint>-<sha7>-<runId>-<attempt>', () => {
    expect(greenNames('lab-endpoint', RUN)).toEqual({
      modelName: 'lab-endpoint-abcdef1-12345678901-2',
      endpointConfigName: 'lab-endpoint-abcdef1-12345678901-2'
    })
  })

  it('is valid for SageMaker for every endpoint name of 1 to 63 characters', () => {
    const names = endpointNames()
    expect(names.length).toBeGreaterThan(500)
    for (const endpoint of names) {
      expect(NAME_PATTERN.test(endpoint)).toBe(true)
      const { modelName, endpointConfigName } = greenNames(endpoint, RUN)
      expect({ endpoint, ok: valid(modelName) }).toEqual({ endpoint, ok: true })
      expect(valid(endpointConfigName)).toBe(true)
    }
  })

  it('keeps the run suffix and a hash of the full name when shortening', () => {
    const long = `${'model-'.repeat(10)}abc`
    const { endpointConfigName } = greenNames(long, RUN)
    expect(endpointConfigName.length).toBeLessThanOrEqual(63)
    expect(endpointConfigName.endsWith(`-${shortHash(long)}-abcdef1-12345678901-2`)).toBe(true)
    expect(endpointConfigName.startsWith('model-model-')).toBe(true)
  })

  it('never cuts into a trailing hyphen', () => {
    for (let i = 20; i <= 63; i++) {
      const name = `${'a-'.repeat(40)}`.slice(0, i).replace(/-$/, 'b')
      const { modelName } = greenNames(name, RUN)
      expect(modelName).not.toMatch(/--[0-9a-f]{6}-/)
      expect(valid(modelName)).toBe(true)
    }
  })

  it('distinguishes long names that share a prefix', () => {
    const a = greenNames(`${'x'.repeat(60)}-a`, RUN).endpointConfigName
    const b = greenNames(`${'x'.repeat(60)}-b`, RUN).endpointConfigName
    expect(a).not.toBe(b)
  })

  it('is deterministic, and differs per attempt and per commit', () => {
    expect(greenNames('ep', RUN)).toEqual(greenNames('ep', { ...RUN }))
    expect(greenNames('ep', { ...RUN, runAttempt: '3' }).modelName).toBe('ep-abcdef1-12345678901-3')
    expect(greenNames('ep', { ...RUN, sha: '1234567ffff' }).modelName).toBe(
      'ep-1234567-12345678901-2'
    )
  })

  it('stays valid with odd run context values', () => {
    const odd: RunContext = { ...RUN, sha: '', runId: '9'.repeat(40), runAttempt: 'x/y' }
    for (const endpoint of ['e', 'a'.repeat(63)]) {
      expect(valid(greenNames(endpoint, odd).modelName)).toBe(true)
    }
  })
})

describe('shortHash', () => {
  it('is a sha256 hex prefix of the requested length', () => {
    expect(shortHash('abc')).toBe('ba7816')
    expect(shortHash('abc', 10)).toBe('ba7816bf8f')
  })
})

describe('freshName', () => {
  it('is a valid name of at most 63 characters, for short and long names alike', () => {
    for (const name of ['m', 'lab-endpoint-a1a1a1a-1001-1', `${'x'.repeat(55)}-${'y'.repeat(7)}`]) {
      const fresh = freshName(name, { Image: 'i' })
      expect(fresh.length).toBeLessThanOrEqual(63)
      expect(fresh).toMatch(NAME_PATTERN)
      expect(fresh).toMatch(MODEL_NAME_PATTERN)
      expect(fresh).not.toBe(name)
    }
  })

  it('depends on the content only: same content, same name; other content, other name', () => {
    const name = 'lab-endpoint-a1a1a1a-1001-1'
    expect(freshName(name, { a: 1 })).toBe(freshName(name, { a: 1 }))
    expect(freshName(name, { a: 1 })).not.toBe(freshName(name, { a: 2 }))
  })
})

describe('the names a person sees, exactly', () => {
  const SUFFIX = 'abcdef1-12345678901-2'

  it.each([
    ['lab-endpoint', `lab-endpoint-${SUFFIX}`],
    ['lab_endpoint.v2', `lab-endpoint-v2-${SUFFIX}`],
    ['--ep--', `ep-${SUFFIX}`],
    ['___', `endpoint-${SUFFIX}`],
    // 41 + 1 + 21 = 63 characters: kept whole.
    ['a'.repeat(41), `${'a'.repeat(41)}-${SUFFIX}`],
    // One more: cut to 34, followed by the hash of the whole name.
    ['a'.repeat(42), `${'a'.repeat(34)}-${shortHash('a'.repeat(42))}-${SUFFIX}`],
    // A cut that ends on a hyphen drops it.
    [
      `${'a'.repeat(33)}-bbbbbbbbbbbb`,
      `${'a'.repeat(33)}-${shortHash(`${'a'.repeat(33)}-bbbbbbbbbbbb`)}-${SUFFIX}`
    ]
  ])('greenNames(%j) is %j', (endpoint, expected) => {
    expect(greenNames(endpoint, RUN)).toEqual({ modelName: expected, endpointConfigName: expected })
  })

  it.each([
    [{ sha: '', runId: '', runAttempt: '' }, 'ep-nosha-0-1'],
    [{ sha: 'AB-CD_EF/01234' }, 'ep-abcdef0-12345678901-2'],
    [{ runId: '12345678901234567890' }, 'ep-abcdef1-5678901234567890-2'],
    [{ runAttempt: '123456' }, 'ep-abcdef1-12345678901-3456'],
    [{ runId: 'run#42', runAttempt: 'attempt 7' }, 'ep-abcdef1-run42-mpt7']
  ])('the run suffix from %j: %s', (run, expected) => {
    expect(greenNames('ep', { ...RUN, ...run }).modelName).toBe(expected)
  })

  it.each([
    ['model', 'model'],
    ['lab_model', 'lab-model'],
    ['---', 'resource'],
    ['a'.repeat(70), 'a'.repeat(56)],
    [`${'a'.repeat(55)}-b`, 'a'.repeat(55)]
  ])('freshName(%j) keeps %j before the hash of the content', (name, kept) => {
    const content = { Image: 'i', ModelDataUrl: 's3://m' }
    expect(freshName(name, content)).toBe(`${kept}-${shortHash(JSON.stringify(content))}`)
  })
})
