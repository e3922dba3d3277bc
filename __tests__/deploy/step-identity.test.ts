import { createHash } from 'node:crypto'
import { describe, it, expect } from '@jest/globals'
import {
  canonicalJson,
  isStepTagged,
  REPOSITORY_TAG,
  STEP_TAG,
  stepHash,
  tagValue
} from '../../src/deploy/step-identity.js'

const sha16 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16)

describe('canonicalJson', () => {
  it('sorts object keys at every level, keeps array order, null and drops undefined', () => {
    const text =
      '{"a":{"d":[{"y":2,"z":1},3,"x"],"n":null},"b":1,"c":[true,{"e":"f","g":0}],"m":"s"}'
    expect(
      canonicalJson({
        m: 's',
        c: [true, { g: 0, e: 'f' }],
        b: 1,
        a: { n: null, u: undefined, d: [{ z: 1, y: 2 }, 3, 'x'] }
      })
    ).toBe(text)
    expect(
      canonicalJson({
        a: { d: [{ y: 2, z: 1 }, 3, 'x'], u: undefined, n: null },
        b: 1,
        c: [true, { e: 'f', g: 0 }],
        m: 's'
      })
    ).toBe(text)
  })

  it('gives the same text for every order of the keys', () => {
    const keys = ['delta', 'alpha', 'echo', 'charlie', 'bravo', 'foxtrot']
    const orders = [
      keys,
      [...keys].reverse(),
      [...keys].sort(),
      ['echo', 'alpha', 'foxtrot', 'bravo', 'delta', 'charlie']
    ]
    for (const order of orders) {
      expect(canonicalJson(Object.fromEntries(order.map(k => [k, k.length])))).toBe(
        '{"alpha":5,"bravo":5,"charlie":7,"delta":5,"echo":4,"foxtrot":7}'
      )
    }
  })

  it('writes plain values as JSON does', () => {
    expect(canonicalJson('text')).toBe('"text"')
    expect(canonicalJson(null)).toBe('null')
    expect(canonicalJson([2, 1])).toBe('[2,1]')
  })
})

describe('stepHash', () => {
  const config = {
    EndpointConfigName: 'ep-config-run-1',
    ProductionVariants: [
      { VariantName: 'AllTraffic', ModelName: 'ep-model-run-1', InstanceType: 'ml.m5.large' }
    ],
    Tags: [{ Key: 'sagemaker-deploy:run-id', Value: '1' }]
  }
  const change = {
    EndpointName: 'ep',
    EndpointConfigName: 'ep-config-run-1',
    DeploymentConfig: { X: 1 }
  }

  it('is the first 16 hex digits of the SHA-256 of the content, without names and tags', () => {
    const model = {
      ModelName: 'ep-model-run-1',
      PrimaryContainer: { Image: 'img:1', Environment: { TOKEN: 'secret' } },
      ExecutionRoleArn: 'arn:role',
      Tags: [{ Key: 'team', Value: 'ml' }]
    }
    expect(
      stepHash({ endpointName: 'ep', model, endpointConfig: config, endpointChange: change })
    ).toBe(
      sha16(
        '{"change":{"DeploymentConfig":{"X":1}},' +
          '"config":{"ProductionVariants":[{"InstanceType":"ml.m5.large","VariantName":"AllTraffic"}]},' +
          '"endpoint":"ep",' +
          '"model":{"ExecutionRoleArn":"arn:role","PrimaryContainer":{"Environment":{"TOKEN":"secret"},"Image":"img:1"}}}'
      )
    )
  })

  it('names an existing model deployed as is', () => {
    const hash = stepHash({
      endpointName: 'ep',
      model: 'team-model',
      endpointConfig: config,
      endpointChange: change
    })
    expect(hash).toBe(
      sha16(
        '{"change":{"DeploymentConfig":{"X":1}},' +
          '"config":{"ProductionVariants":[{"InstanceType":"ml.m5.large","VariantName":"AllTraffic"}]},' +
          '"endpoint":"ep","model":{"existing":"team-model"}}'
      )
    )
  })
})

describe('isStepTagged', () => {
  const tags = { [STEP_TAG]: '0123456789abcdef', [REPOSITORY_TAG]: 'acme/ml_fork_' }

  it("is this step's when both the fingerprint and the (sanitised) repository match", () => {
    expect(isStepTagged(tags, 'acme/ml(fork)', '0123456789abcdef')).toBe(true)
  })

  it('is not with another fingerprint, another repository, or neither tag', () => {
    expect(isStepTagged(tags, 'acme/ml(fork)', 'fedcba9876543210')).toBe(false)
    expect(isStepTagged(tags, 'acme/other', '0123456789abcdef')).toBe(false)
    expect(isStepTagged({}, 'acme/ml(fork)', '0123456789abcdef')).toBe(false)
  })
})

describe('tagValue', () => {
  it('replaces each character SageMaker refuses with _ and keeps letters of any script', () => {
    expect(tagValue('Deploy (prod) #1')).toBe('Deploy _prod_ _1')
    expect(tagValue('modèle/v2 é:1=a+b-c@d_e.f')).toBe('modèle/v2 é:1=a+b-c@d_e.f')
    expect(tagValue('')).toBe('')
  })

  it('keeps at most 256 characters', () => {
    expect(tagValue('a'.repeat(300))).toBe('a'.repeat(256))
    expect(tagValue('é'.repeat(256))).toBe('é'.repeat(256))
  })
})
