import { describe, expect, it } from '@jest/globals'
import {
  carriedTags,
  greenConfig,
  greenModel,
  runningCount
} from '../../../src/target/endpoint/carry-over.js'
import type { CurrentEndpoint, LiveVariant } from '../../../src/types.js'

const variant = (name: string, extra: Partial<LiveVariant> = {}): LiveVariant => ({
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

function current(
  config: Record<string, unknown>,
  variants: LiveVariant[],
  extra = {}
): CurrentEndpoint {
  return {
    status: 'InService',
    configName: 'live',
    variantName: variants[0]?.name ?? 'AllTraffic',
    instanceType: 'ml.m5.large',
    instanceCount: 2,
    modelName: 'live-model',
    modelDataUrl: undefined,
    lastModifiedTime: 0,
    lastDeploymentConfig: undefined,
    failureReason: undefined,
    variants,
    config,
    configTags: {},
    model: undefined,
    ...extra
  }
}

const change = {
  variantName: 'A',
  modelName: 'green',
  instanceType: 'ml.c5.xlarge',
  instanceCount: 3
}

describe('greenConfig', () => {
  it('for a new endpoint: one variant, weight 1, nothing carried', () => {
    expect(greenConfig(null, change)).toEqual({
      body: {
        ProductionVariants: [
          {
            VariantName: 'A',
            ModelName: 'green',
            InitialInstanceCount: 3,
            InstanceType: 'ml.c5.xlarge',
            InitialVariantWeight: 1
          }
        ]
      },
      carried: [],
      notes: []
    })
  })

  it("keeps every config member and the target variant's settings; changes model, type, count", () => {
    const live = current(
      {
        DataCaptureConfig: { EnableCapture: true },
        KmsKeyId: 'key',
        ProductionVariants: [
          {
            VariantName: 'A',
            ModelName: 'A-model',
            InitialInstanceCount: 2,
            InstanceType: 'ml.m5.large',
            InitialVariantWeight: 1,
            VolumeSizeInGB: 100,
            RoutingConfig: { RoutingStrategy: 'RANDOM' }
          }
        ]
      },
      [variant('A', { desiredWeight: 0.7 })]
    )
    expect(greenConfig(live, change)).toEqual({
      body: {
        DataCaptureConfig: { EnableCapture: true },
        KmsKeyId: 'key',
        ProductionVariants: [
          {
            VariantName: 'A',
            ModelName: 'green',
            InitialInstanceCount: 3,
            InstanceType: 'ml.c5.xlarge',
            InitialVariantWeight: 0.7,
            VolumeSizeInGB: 100,
            RoutingConfig: { RoutingStrategy: 'RANDOM' }
          }
        ]
      },
      carried: [
        'DataCaptureConfig',
        'KmsKeyId key',
        'variant A: VolumeSizeInGB 100, RoutingConfig'
      ],
      notes: []
    })
  })

  it('keeps other variants as they run now (desired count and weight), listing them', () => {
    const live = current(
      {
        ProductionVariants: [
          {
            VariantName: 'A',
            ModelName: 'A-model',
            InitialInstanceCount: 2,
            InstanceType: 'ml.m5.large',
            InitialVariantWeight: 1
          },
          {
            VariantName: 'B',
            ModelName: 'B-model',
            InitialInstanceCount: 2,
            InstanceType: 'ml.m5.large',
            InitialVariantWeight: 1,
            VolumeSizeInGB: 50
          }
        ]
      },
      [variant('A'), variant('B', { desiredCount: 5, desiredWeight: 0.25 })]
    )
    const { body, carried } = greenConfig(live, change)
    expect((body['ProductionVariants'] as unknown[])[1]).toEqual({
      VariantName: 'B',
      ModelName: 'B-model',
      InitialInstanceCount: 5,
      InstanceType: 'ml.m5.large',
      InitialVariantWeight: 0.25,
      VolumeSizeInGB: 50
    })
    expect(carried).toEqual([
      'variant B kept as it runs: model B-model, 5 × ml.m5.large, weight 0.25, VolumeSizeInGB'
    ])
  })

  it("a variant scaled to zero keeps the config's count", () => {
    expect(runningCount(variant('A', { desiredCount: 0, configuredCount: 3 }))).toBe(3)
    expect(runningCount(variant('A', { desiredCount: 4, configuredCount: 3 }))).toBe(4)
    expect(runningCount(variant('A', { desiredCount: undefined, configuredCount: 3 }))).toBe(3)
  })
})

describe('carriedTags', () => {
  it("keeps the live config's own tags; not the action's, not AWS's, not those the step sets", () => {
    const live = current({}, [], {
      configTags: {
        team: 'ml',
        'cost-center': '42',
        'aws:cloudformation:stack': 's',
        'sagemaker-deploy:sha': 'x'
      }
    })
    expect(carriedTags(live, [{ Key: 'team', Value: 'other' }], 'sagemaker-deploy:')).toEqual([
      { Key: 'cost-center', Value: '42' }
    ])
    expect(carriedTags(null, [], 'sagemaker-deploy:')).toEqual([])
  })
})

describe('greenModel', () => {
  const live = current({}, [], {
    model: {
      VpcConfig: { Subnets: ['s'] },
      EnableNetworkIsolation: true,
      PrimaryContainer: { Environment: { LIVE: 'secret-live-value', SHARED: 'old' } }
    }
  })

  it('carries the network settings and warns about missing environment keys (keys only)', () => {
    const model = greenModel(live, { SHARED: 'new' }, false)
    expect(model.extra).toEqual({ VpcConfig: { Subnets: ['s'] }, EnableNetworkIsolation: true })
    expect(model.environment).toEqual({ SHARED: 'new' })
    expect(model.carried).toEqual(['model VpcConfig', 'model EnableNetworkIsolation'])
    expect(model.warnings).toEqual([
      "The live model's container environment sets LIVE, which the new model does not. Set them in environment, or inherit-environment: true to copy them from the live model."
    ])
    expect(model.inheritedValues).toEqual([])
    expect(JSON.stringify(model.warnings)).not.toContain('secret-live-value')
  })

  it("inherit-environment copies the missing keys (the step's values win) and names their values as secrets", () => {
    const model = greenModel(live, { SHARED: 'new' }, true)
    expect(model.environment).toEqual({ LIVE: 'secret-live-value', SHARED: 'new' })
    expect(model.inheritedValues).toEqual(['secret-live-value'])
    expect(model.warnings).toEqual([])
    expect(model.carried).toContain(
      'model environment LIVE (inherit-environment: true; values not shown)'
    )
  })

  it('nothing to carry for a new endpoint', () => {
    expect(greenModel(null, {}, true)).toEqual({
      extra: {},
      environment: {},
      carried: [],
      warnings: [],
      inheritedValues: []
    })
  })
})
