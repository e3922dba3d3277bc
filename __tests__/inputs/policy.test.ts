import { describe, expect, it } from '@jest/globals'
import { Problems, type Reader } from '../../src/inputs/parsers.js'
import { readAlarmNames, readPolicy } from '../../src/inputs/policy.js'

function reader(values: Record<string, string>): Reader {
  return { v: name => values[name] ?? '', p: new Problems() }
}

function policy(values: Record<string, string>, retain = false) {
  const r = reader(values)
  const read = readPolicy(r, retain, false)
  return { ...read, messages: r.p.list.map(p => `${p.input}: ${p.message}`) }
}

const stepSizeMessage = (value: string) =>
  `step-size: Input "step-size" must be a percentage of the fleet like 25% (10%-50% for a linear step) or a whole number of instances from 1 to 1000, got ${JSON.stringify(value)}.`

describe('readPolicy: step-size', () => {
  it.each(['x25%', '25%x', '+5', '1e3', '5x', '1001', '0'])('refuses %j', value => {
    expect(policy({ 'step-size': value }).messages).toEqual([stepSizeMessage(value)])
  })

  it.each([
    ['25 %', { type: 'CAPACITY_PERCENT', value: 25 }],
    ['12', { type: 'INSTANCE_COUNT', value: 12 }],
    ['1000', { type: 'INSTANCE_COUNT', value: 1000 }]
  ])('reads %j', (value, stepSize) => {
    const read = policy({ 'step-size': value })
    expect(read.messages).toEqual([])
    expect(read.policy?.stepSize).toEqual(stepSize)
  })

  it('reads a linear policy when no routing is given and no component is named', () => {
    const r = reader({})
    expect(readPolicy(r, false).policy?.routing).toBe('linear')
  })
})

describe('readPolicy: traffic-routing', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'refuses %j, a name every object has but no routing',
    value => {
      expect(policy({ 'traffic-routing': value }).messages).toEqual([
        `traffic-routing: Input "traffic-routing" must be linear, canary, all-at-once or rolling, got ${JSON.stringify(value)}.`
      ])
    }
  )

  it.each([
    ['ALL_AT_ONCE', 'all-at-once'],
    ['Canary', 'canary']
  ])('reads %j as %s', (value, routing) => {
    expect(policy({ 'traffic-routing': value }).policy?.routing).toBe(routing)
  })
})

describe('readPolicy: rollback-step-size', () => {
  const rolling = { 'traffic-routing': 'rolling', 'step-size': '10%' }

  it('reads a rolling rollback batch of 1% to 100%', () => {
    expect(policy({ ...rolling, 'rollback-step-size': '100%' }).policy?.rollbackStepSize).toEqual({
      type: 'CAPACITY_PERCENT',
      value: 100
    })
    expect(policy({ ...rolling, 'rollback-step-size': '1%' }).policy?.rollbackStepSize).toEqual({
      type: 'CAPACITY_PERCENT',
      value: 1
    })
  })

  it.each(['abc', '0%', '101%'])('refuses %j, naming both forms allowed', value => {
    expect(policy({ ...rolling, 'rollback-step-size': value }).messages).toEqual([
      `rollback-step-size: Input "rollback-step-size" must be a percentage of the fleet from 1% to 100% or a whole number of instances from 1 to 1000 (empty: roll back all at once), got ${JSON.stringify(value)}.`
    ])
  })
})

describe('readPolicy: seconds', () => {
  it('names what wait-interval, termination-wait and max-execution-timeout take', () => {
    expect(
      policy({ 'wait-interval': '1m', 'termination-wait': '-1', 'max-execution-timeout': '599' })
        .messages
    ).toEqual([
      'wait-interval: Input "wait-interval" must be a whole number of seconds from 0 to 3600, got "1m".',
      'termination-wait: Input "termination-wait" must be a whole number of seconds from 0 to 3600, got "-1".',
      'max-execution-timeout: Input "max-execution-timeout" must be a whole number of seconds from 600 to 28800, got "599".'
    ])
  })
})

describe('readPolicy with retain', () => {
  it('keeps every policy input still set as what the retained policy must be', () => {
    const read = policy(
      {
        'traffic-routing': 'canary',
        'step-size': '10%',
        'wait-interval': '120',
        'termination-wait': '300',
        'max-execution-timeout': '1800'
      },
      true
    )
    expect(read).toEqual({
      policy: null,
      retainExpected: {
        routing: 'canary',
        stepSize: { type: 'CAPACITY_PERCENT', value: 10 },
        waitIntervalSeconds: 120,
        terminationWaitSeconds: 300,
        maxExecutionTimeoutSeconds: 1800
      },
      messages: []
    })
    expect(
      policy({ 'traffic-routing': 'rolling', 'step-size': '5%', 'rollback-step-size': '2' }, true)
        .retainExpected
    ).toEqual({
      routing: 'rolling',
      stepSize: { type: 'CAPACITY_PERCENT', value: 5 },
      rollbackStepSize: { type: 'INSTANCE_COUNT', value: 2 }
    })
  })
})

describe('readAlarmNames', () => {
  function alarms(raw: string, createAlarms: boolean) {
    const r = reader({ 'alarm-names': raw })
    const names = readAlarmNames(r, false, createAlarms)
    return { names, messages: r.p.list.map(p => p.message) }
  }
  const list = (n: number) => Array.from({ length: n }, (_, i) => `alarm-${i}`).join(',')

  it('accepts a name of 255 characters and refuses a longer one', () => {
    expect(alarms('a'.repeat(255), true)).toEqual({ names: ['a'.repeat(255)], messages: [] })
    expect(alarms('a'.repeat(256), true).messages).toEqual([
      `Input "alarm-names" has a name longer than 255 characters: "${'a'.repeat(80)}…" (256 characters).`
    ])
  })

  it('counts the created alarms when there are too many, and says how to fit', () => {
    expect(alarms(list(9), true).messages).toEqual([
      'Input "alarm-names" gives 9 alarms plus the 2 created alarms (create-alarms: true), 11 in all; SageMaker accepts at most 10 rollback alarms. List fewer (at most 8), or set create-alarms: false.'
    ])
    expect(alarms(list(11), false).messages).toEqual([
      'Input "alarm-names" gives 11 alarms, 11 in all; SageMaker accepts at most 10 rollback alarms. List fewer (at most 10).'
    ])
  })
})
