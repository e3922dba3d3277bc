import { describe, it, expect } from '@jest/globals'
import { evaluate, parseExpression, references } from '../../emulator/expression.js'
import { stepInstances, stepSchedule } from '../../emulator/deployment-config.js'

const run = (text: string, values: Record<string, number | undefined>) =>
  evaluate(parseExpression(text), id => values[id])

describe('metric math', () => {
  it('evaluates the lab expression, arithmetic, comparisons and functions', () => {
    expect(run('IF(a > 0, 100 * b / a, 0)', { a: 600, b: 30 })).toBe(5)
    expect(run('IF(a > 0, 100 * b / a, 0)', { a: 0, b: 0 })).toBe(0)
    expect(run('a / b', { a: 1, b: 4 })).toBe(0.25)
    expect(run('(a + b) * 2 - -1', { a: 1, b: 2 })).toBe(7)
    expect(run('a >= 2 AND b != 3', { a: 2, b: 4 })).toBe(1)
    expect(run('FILL(a, 0) + 1', {})).toBe(1)
    expect(run('a / b', { a: 1, b: 0 })).toBeUndefined()
    expect(run('a + b', { a: 1 })).toBeUndefined()
    expect(
      references(parseExpression('IF(invocations > 0, 100 * errors / invocations, 0)'))
    ).toEqual(['invocations', 'errors', 'invocations'])
  })

  it('rejects what it cannot evaluate', () => {
    expect(() => parseExpression('SEARCH(x)')).toThrow('unsupported function SEARCH')
    expect(() => parseExpression('a +')).toThrow('unexpected end of expression')
    expect(() => parseExpression('a $ b')).toThrow(/unexpected character/)
    expect(() => parseExpression('IF(a)')).toThrow('IF takes 2-3 arguments, got 1')
  })
})

describe('step rounding', () => {
  it('CAPACITY_PERCENT becomes ceil(N × p / 100), clamped to [1, N]', () => {
    expect(stepInstances({ Type: 'CAPACITY_PERCENT', Value: 33 }, 3)).toBe(1)
    expect(stepInstances({ Type: 'CAPACITY_PERCENT', Value: 25 }, 4)).toBe(1)
    expect(stepInstances({ Type: 'CAPACITY_PERCENT', Value: 10 }, 4)).toBe(1)
    expect(stepInstances({ Type: 'CAPACITY_PERCENT', Value: 30 }, 10)).toBe(3)
    expect(stepInstances({ Type: 'CAPACITY_PERCENT', Value: 25 }, 5)).toBe(2)
    expect(stepInstances({ Type: 'INSTANCE_COUNT', Value: 9 }, 4)).toBe(4)
    expect(stepSchedule('LINEAR', { Type: 'CAPACITY_PERCENT', Value: 25 }, 4)).toEqual([1, 2, 3, 4])
    expect(stepSchedule('LINEAR', { Type: 'CAPACITY_PERCENT', Value: 30 }, 10)).toEqual([
      3, 6, 9, 10
    ])
    expect(stepSchedule('CANARY', { Type: 'INSTANCE_COUNT', Value: 1 }, 4)).toEqual([1, 4])
    expect(stepSchedule('ALL_AT_ONCE', undefined, 4)).toEqual([4])
  })
})
