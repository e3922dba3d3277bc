import { describe, expect, it } from '@jest/globals'
import { checkEndpointKind, checkModelShape } from '../../../src/target/endpoint/kinds.js'
import {
  configInput,
  liveVariants,
  modelInput,
  targetVariant
} from '../../../src/target/endpoint/live.js'
import { InputError } from '../../../src/errors.js'
import type { CurrentEndpoint, LiveVariant } from '../../../src/types.js'

const v = (name: string, extra: Partial<LiveVariant> = {}): LiveVariant => ({
  name,
  modelName: `${name}-model`,
  instanceType: 'ml.m5.large',
  configuredCount: 2,
  desiredCount: 2,
  desiredWeight: 1,
  serverless: false,
  downloadTimeoutSeconds: undefined,
  healthCheckTimeoutSeconds: undefined,
  ...extra
})

const endpoint = (
  variants: LiveVariant[],
  config: Record<string, unknown> | undefined = {}
): CurrentEndpoint => ({
  status: 'InService',
  configName: 'live',
  variantName: 'AllTraffic',
  instanceType: 'ml.m5.large',
  instanceCount: 2,
  modelName: 'm',
  modelDataUrl: undefined,
  lastModifiedTime: 0,
  lastDeploymentConfig: undefined,
  failureReason: undefined,
  variants,
  config,
  configTags: {},
  model: undefined
})

function refusal(fn: () => unknown): InputError {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(InputError)
    return e as InputError
  }
  throw new Error('expected a refusal')
}

describe('checkEndpointKind', () => {
  it('one variant: it is the target, named or not', () => {
    expect(checkEndpointKind('ep', endpoint([v('AllTraffic')]), undefined)?.name).toBe('AllTraffic')
    expect(checkEndpointKind('ep', endpoint([v('AllTraffic')]), 'AllTraffic')?.name).toBe(
      'AllTraffic'
    )
  })

  it('several variants: the named one; unnamed or unknown is refused naming them', () => {
    const two = endpoint([v('A'), v('B')])
    expect(checkEndpointKind('ep', two, 'B')?.name).toBe('B')
    const unnamed = refusal(() => checkEndpointKind('ep', two, undefined))
    expect([unnamed.input, unnamed.message]).toEqual([
      'variant-name',
      'Input "variant-name" is required: endpoint ep has 2 variants ("A", "B"). Name the one to deploy to; the others are kept as they run.'
    ])
    const unknown = refusal(() => checkEndpointKind('ep', two, 'C'))
    expect([unknown.input, unknown.message]).toEqual([
      'variant-name',
      'Input "variant-name" is "C", but endpoint ep serves variants "A", "B": a blue/green update must keep the variant names. Leave variant-name empty, or name one of them.'
    ])
  })

  it('one variant, another named: refused, offering the one it serves', () => {
    const other = refusal(() => checkEndpointKind('ep', endpoint([v('AllTraffic')]), 'Blue'))
    expect([other.input, other.message]).toEqual([
      'variant-name',
      'Input "variant-name" is "Blue", but endpoint ep serves variant "AllTraffic": a blue/green update must keep the variant names. Leave variant-name empty or set it to "AllTraffic".'
    ])
  })

  it('serverless and inference-component endpoints are refused, naming the endpoint', () => {
    const serverless = refusal(() =>
      checkEndpointKind('ep', endpoint([v('A', { serverless: true })]), undefined)
    )
    expect([serverless.input, serverless.message.slice(0, 73)]).toEqual([
      'endpoint-name',
      'Endpoint ep is serverless (variant "A" has a ServerlessConfig). SageMaker'
    ])
    const ic = refusal(() =>
      checkEndpointKind('ep', endpoint([v('A', { modelName: undefined })]), undefined)
    )
    expect(ic.input).toBe('endpoint-name')
    expect(ic.message).toMatch(
      /^Endpoint ep hosts inference components \(variant "A" has no model of its own\)/
    )
  })

  it('an unread config falls back to the variant DescribeEndpoint shows', () => {
    expect(checkEndpointKind('ep', endpoint([], undefined), 'AllTraffic')).toBeUndefined()
    expect(refusal(() => checkEndpointKind('ep', endpoint([], undefined), 'Other')).input).toBe(
      'variant-name'
    )
  })
})

describe('checkModelShape', () => {
  it('refuses replacing an inference pipeline with one container', () => {
    const pipeline = refusal(() => checkModelShape('ep', 'A', { Containers: [{}, {}] }))
    expect([pipeline.input, pipeline.message]).toEqual([
      'model-data-url',
      'The live model of variant "A" on endpoint ep is an inference pipeline of 2 containers; a model made from model-data-url or model-package-arn has one container, so the pipeline would be lost. Create the new pipeline model yourself and deploy it with model-name.'
    ])
    expect(() => checkModelShape('ep', 'A', { Containers: [{}] })).not.toThrow()
    expect(() => checkModelShape('ep', 'A', undefined)).not.toThrow()
  })
})

describe('the live endpoint as requests', () => {
  it('configInput and modelInput drop what Create* does not take, and the name', () => {
    const described = {
      EndpointConfigName: 'live',
      EndpointConfigArn: 'arn',
      CreationTime: new Date(0),
      ProductionVariants: [{ VariantName: 'A' }],
      KmsKeyId: 'k',
      $metadata: {}
    }
    expect(configInput(described as never)).toEqual({
      ProductionVariants: [{ VariantName: 'A' }],
      KmsKeyId: 'k'
    })
    expect(
      modelInput({
        ModelName: 'm',
        ModelArn: 'arn',
        CreationTime: new Date(0),
        EnableNetworkIsolation: true,
        $metadata: {}
      } as never)
    ).toEqual({ EnableNetworkIsolation: true })
  })

  it('liveVariants joins the config with how each variant runs now', () => {
    const variants = liveVariants(
      {
        ProductionVariants: [{ VariantName: 'A', DesiredInstanceCount: 5, DesiredWeight: 0.5 }]
      } as never,
      [
        {
          VariantName: 'A',
          ModelName: 'm',
          InitialInstanceCount: 2,
          InstanceType: 'ml.m5.large',
          ModelDataDownloadTimeoutInSeconds: 600
        },
        {
          VariantName: 'S',
          ModelName: 'm',
          ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 1 }
        }
      ] as never
    )
    expect(variants).toEqual([
      {
        name: 'A',
        modelName: 'm',
        instanceType: 'ml.m5.large',
        configuredCount: 2,
        desiredCount: 5,
        desiredWeight: 0.5,
        serverless: false,
        downloadTimeoutSeconds: 600,
        healthCheckTimeoutSeconds: undefined
      },
      expect.objectContaining({ name: 'S', serverless: true, desiredCount: undefined })
    ])
    expect(targetVariant(variants, undefined)).toBeUndefined()
    expect(targetVariant(variants, 'S')?.name).toBe('S')
    expect(targetVariant(variants.slice(0, 1), undefined)?.name).toBe('A')
  })
})
