import { describe, it, expect } from '@jest/globals'
import { evaluate, parseExpression, references } from '../../emulator/expression.js'
import { stepInstances, stepSchedule } from '../../emulator/deployment-config.js'
import { labAlarms } from '../../src/guard/alarms.js'

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
    expect(
      references(parseExpression('IF(invocations > 0, 100 * errors / invocations, 0)'))
    ).toEqual(['invocations', 'errors', 'invocations'])
  })

  // CloudWatch User Guide, "Use metric math", Basic arithmetic functions: "Missing values in a
  // time series are treated as 0. If the value of a data point causes a function to attempt to
  // divide by zero, the data point is dropped."
  // https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/using-metric-math.html
  it('arithmetic: a missing time-series value is 0; division by zero drops the point (guide)', () => {
    expect(run('a + b', { a: 1 })).toBe(1)
    expect(run('100 * errors / invocations', { invocations: 600 })).toBe(0)
    expect(run('a - b', { b: 2 })).toBe(-2)
    expect(run('a / b', { a: 1, b: 0 })).toBeUndefined()
    expect(run('a / b', { a: 1 })).toBeUndefined()
  })

  // Same page, Comparison and logical operators: metric1 [30, 20, 0, 0], metric2 [20, -, 20, -].
  it("comparisons between two series treat the missing one as 0: the guide's table", () => {
    const metric1 = [30, 20, 0, 0]
    const metric2 = [20, undefined, 20, undefined]
    const series = (text: string) =>
      metric1.map((m1, i) => run(text, { metric1: m1, metric2: metric2[i] }))
    expect(series('(metric1 < metric2)')).toEqual([0, 0, 1, 0])
    expect(series('(metric1 >= 30)')).toEqual([1, 0, 0, 0])
    expect(series('(metric1 > 15 AND metric2 > 15)')).toEqual([1, 0, 0, 0])
  })

  // Same page, Using IF expressions: the tables for IF(metric1, metric2, metric3),
  // IF(metric1, scalar2, metric3) and IF(metric1, metric2, scalar3). A TRUE condition with no
  // datapoint in the chosen series gives 0; a missing condition, or a FALSE one with no (or no
  // given) false branch, drops the point.
  it("IF: the guide's three tables, row by row", () => {
    const metric1 = [1, 1, 0, 0, undefined]
    const metric2 = [30, undefined, 0, 0, 30]
    const metric3 = [0, 0, 20, undefined, 20]
    const series = (text: string) =>
      metric1.map((m1, i) => run(text, { metric1: m1, metric2: metric2[i], metric3: metric3[i] }))
    expect(series('IF(metric1, metric2, metric3)')).toEqual([30, 0, 20, undefined, undefined])
    expect(series('IF(metric1, 5, metric3)')).toEqual([5, 5, 20, undefined, undefined])
    expect(series('IF(metric1, metric2, 5)')).toEqual([30, 0, 5, 5, undefined])
    expect(series('IF(metric1, metric2)')).toEqual([30, 0, undefined, undefined, undefined])
  })

  // The action's error-rate alarm (src/guard/alarms.ts): each expression in the order it is sent,
  // reading the metrics and the expressions before it.
  it('the created error-rate alarm: the larger of 5XX and model errors less 4XX, per minute', () => {
    const [errorRate] = labAlarms('ep', 'AllTraffic', 1, 5000, [])
    const queries = errorRate!.request['Metrics'] as { Id: string; Expression?: string }[]
    const rate = (metrics: Record<string, number | undefined>) => {
      const values = { ...metrics }
      for (const q of queries) {
        if (q.Expression !== undefined) values[q.Id] = run(q.Expression, values)
      }
      return values['rate']
    }
    const minute = (errors5xx?: number, errors4xx?: number, model_errors?: number) =>
      rate({ invocations: 100, errors5xx, errors4xx, model_errors })
    expect(minute(2, 10, 12)).toBe(2) // 5XX are model errors: counted once
    expect(minute(0, 0, 5)).toBe(5) // timeouts, socket errors: model errors only
    expect(minute(0, 30, 30)).toBe(0) // 4XX answers alone are no failure
    expect(minute(4, 0, 1)).toBe(4) // model errors without the 5XX: the 5XX floor holds
    expect(minute(3, 50, 10)).toBe(3) // 4XX the model never saw: the 5XX floor holds
    expect(minute(2, 10, undefined)).toBe(2) // a metric missing: the others still give a rate
    expect(minute(0, undefined, 5)).toBe(5)
    expect(rate({ invocations: 0, errors5xx: 0, errors4xx: 0, model_errors: 0 })).toBe(0)
    expect(rate({})).toBeUndefined()
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
