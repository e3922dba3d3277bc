import { describe, expect, it } from '@jest/globals'
import { Problems, type Reader } from '../../src/inputs/parsers.js'
import { readRollbackTo, RESTORE_POLICY } from '../../src/inputs/restore.js'
import { readInputs } from '../../src/inputs/index.js'
import { POLICY_INPUTS } from '../../src/inputs/policy.js'

function read(values: Record<string, string>): { value: string | undefined; messages: string[] } {
  const r: Reader = { v: name => values[name] ?? '', p: new Problems() }
  const value = readRollbackTo(r)
  return { value, messages: r.p.list.map(p => p.message) }
}

const conflict = (names: string, pronoun: 'it' | 'them'): string =>
  `Input "rollback-to" restores an existing endpoint config as it is (all at once, no alarm, nothing created), so ${names} cannot be set with it. Remove ${pronoun}, or remove rollback-to to deploy a model.`

describe('readRollbackTo', () => {
  it('is undefined when empty: the step deploys a model', () => {
    expect(read({})).toEqual({ value: undefined, messages: [] })
  })

  it.each(['previous', 'Previous', 'PREVIOUS'])('reads %s as previous', given => {
    expect(read({ 'rollback-to': given })).toEqual({ value: 'previous', messages: [] })
  })

  it('takes an endpoint config name as it is', () => {
    expect(read({ 'rollback-to': 'fraud-scorer-a1b2c3d-77-1' })).toEqual({
      value: 'fraud-scorer-a1b2c3d-77-1',
      messages: []
    })
  })

  it.each(['-leading', 'trailing-', 'under_score', 'x'.repeat(64)])(
    'refuses %j, naming what is allowed',
    given => {
      const { messages } = read({ 'rollback-to': given })
      expect(messages).toHaveLength(1)
      expect(messages[0]).toMatch(
        /^Input "rollback-to" must be previous, or an endpoint config name \(1 to 63 letters, digits and hyphens, starting and ending with a letter or digit\), got "/
      )
    }
  )

  it.each([
    'model-data-url',
    'image-uri',
    'execution-role-arn',
    'model-package-arn',
    'model-name',
    'environment',
    'tags',
    'variant-name',
    'instance-type',
    'instance-count',
    'inference-component-name',
    'alarm-names',
    'metrics-resolution',
    ...POLICY_INPUTS
  ])('refuses %s with it: a restore creates nothing', name => {
    expect(read({ 'rollback-to': 'previous', [name]: 'x' }).messages).toEqual([
      conflict(`"${name}"`, 'it')
    ])
  })

  it.each(['retain-deployment-config', 'inherit-environment'])(
    'refuses %s: true with it, not false',
    name => {
      expect(read({ 'rollback-to': 'previous', [name]: 'TRUE' }).messages).toEqual([
        conflict(`"${name}"`, 'it')
      ])
      expect(read({ 'rollback-to': 'previous', [name]: 'false' }).messages).toEqual([])
    }
  )

  it('names every conflicting input at once', () => {
    expect(
      read({ 'rollback-to': 'previous', 'model-name': 'm', 'step-size': '10', tags: 'a=b' })
        .messages
    ).toEqual([conflict('"model-name", "tags" and "step-size"', 'them')])
  })
})

describe('readInputs with rollback-to', () => {
  const inputs = (values: Record<string, string>) =>
    readInputs(name => values[name] ?? '', { AWS_REGION: 'us-east-1' }).request

  it('needs no model source, sends the restore policy and creates no alarm', () => {
    const request = inputs({
      'endpoint-name': 'fraud-scorer',
      'rollback-to': 'previous',
      'create-alarms': 'true'
    })
    expect(request.rollbackTo).toBe('previous')
    expect(request.policy).toEqual(RESTORE_POLICY)
    expect(request.createAlarms).toBe(false)
  })

  it('leaves a deployment as it was without it', () => {
    const request = inputs({ 'endpoint-name': 'fraud-scorer', 'model-name': 'm' })
    expect(request.rollbackTo).toBeUndefined()
    expect('rollbackTo' in request).toBe(false)
    expect(request.createAlarms).toBe(true)
    expect(request.policy?.routing).toBe('linear')
  })

  it('is refused by its own name, one problem per conflict', () => {
    let error: unknown
    try {
      inputs({
        'endpoint-name': 'fraud-scorer',
        'rollback-to': 'previous',
        'inherit-environment': 'true'
      })
    } catch (e) {
      error = e
    }
    expect(error).toMatchObject({ input: 'rollback-to' })
    expect((error as Error).message).toBe(conflict('"inherit-environment"', 'it'))
  })

  it('is refused with a model source, before anything is read', () => {
    expect(() =>
      inputs({ 'endpoint-name': 'fraud-scorer', 'rollback-to': 'previous', 'model-name': 'm' })
    ).toThrow(conflict('"model-name"', 'it'))
  })
})
