import { describe, expect, it } from '@jest/globals'
import { greenConfig, greenModel, runningCount } from '../../../src/target/endpoint/carry-over.js'
import type { CurrentEndpoint, LiveVariant } from '../../../src/types.js'

// The green config and model when the live endpoint has variants that do not run now, or
// several settings and environment keys to list.

const running = (name: string, extra: Partial<LiveVariant> = {}): LiveVariant => ({
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

function live(
  config: Record<string, unknown> | undefined,
  variants: LiveVariant[],
  model?: Record<string, unknown>
): CurrentEndpoint {
  return {
    status: 'InService',
    configName: 'live',
    variantName: 'A',
    instanceType: 'ml.m5.large',
    instanceCount: 2,
    modelName: 'A-model',
    modelDataUrl: undefined,
    lastModifiedTime: 0,
    lastDeploymentConfig: undefined,
    failureReason: undefined,
    variants,
    config,
    configTags: {},
    model
  }
}

const change = {
  variantName: 'A',
  modelName: 'green',
  instanceType: 'ml.c5.xlarge',
  instanceCount: 3
}

describe('runningCount', () => {
  it('a variant running one instance runs one', () => {
    expect(runningCount(running('A', { desiredCount: 1, configuredCount: 3 }))).toBe(1)
  })
})

describe('greenConfig: variants the endpoint does not report running', () => {
  it("keeps the config's weight and count for them, and lists the kept variant", () => {
    const config = {
      ProductionVariants: [
        {
          VariantName: 'A',
          ModelName: 'A-model',
          InitialInstanceCount: 2,
          InstanceType: 'ml.m5.large',
          InitialVariantWeight: 0.3
        },
        {
          VariantName: 'B',
          ModelName: 'B-model',
          InitialInstanceCount: 4,
          InstanceType: 'ml.m5.large',
          InitialVariantWeight: 0.7
        }
      ]
    }
    expect(greenConfig(live(config, []), change)).toEqual({
      body: {
        ProductionVariants: [
          {
            VariantName: 'A',
            ModelName: 'green',
            InitialInstanceCount: 3,
            InstanceType: 'ml.c5.xlarge',
            InitialVariantWeight: 0.3
          },
          {
            VariantName: 'B',
            ModelName: 'B-model',
            InitialInstanceCount: 4,
            InstanceType: 'ml.m5.large',
            InitialVariantWeight: 0.7
          }
        ]
      },
      carried: ['variant B kept as it runs: model B-model, 4 × ml.m5.large, weight 0.7'],
      notes: []
    })
  })

  it('lists every extra setting of a kept variant, comma-separated', () => {
    const config = {
      ProductionVariants: [
        {
          VariantName: 'A',
          ModelName: 'A-model',
          InitialInstanceCount: 2,
          InstanceType: 'ml.m5.large'
        },
        {
          VariantName: 'B',
          ModelName: 'B-model',
          InitialInstanceCount: 2,
          InstanceType: 'ml.m5.large',
          VolumeSizeInGB: 50,
          ModelDataDownloadTimeoutInSeconds: 900
        }
      ]
    }
    const { carried } = greenConfig(live(config, [running('A'), running('B')]), change)
    expect(carried).toEqual([
      'variant B kept as it runs: model B-model, 2 × ml.m5.large, weight 1, VolumeSizeInGB, ModelDataDownloadTimeoutInSeconds'
    ])
  })
})

describe('greenModel: several environment keys', () => {
  const model = {
    PrimaryContainer: {
      Environment: { LOG_LEVEL: 'debug', API_TOKEN: 'c2VjcmV0LXRva2Vu', KEEP: 'x' }
    }
  }

  it('names every missing key, comma-separated, in the warning', () => {
    expect(greenModel(live(undefined, [], model), { KEEP: 'y' }, false).warnings).toEqual([
      "The live model's container environment sets LOG_LEVEL, API_TOKEN, which the new model does not. Set them in environment, or inherit-environment: true to copy them from the live model."
    ])
  })

  it('names every inherited key, comma-separated, in what is carried', () => {
    expect(greenModel(live(undefined, [], model), { KEEP: 'y' }, true).carried).toEqual([
      'model environment LOG_LEVEL, API_TOKEN (inherit-environment: true; values not shown)'
    ])
  })
})

describe('greenConfig: an ML capacity reservation', () => {
  it("keeps the target variant's CapacityReservationConfig in the green config and lists it", () => {
    const reservation = {
      CapacityReservationPreference: 'capacity-reservations-only',
      MlReservationArn: 'arn:aws:sagemaker:us-east-1:1:ml-reservation/r1'
    }
    const config = {
      ProductionVariants: [
        {
          VariantName: 'A',
          ModelName: 'A-model',
          InstanceType: 'ml.m5.large',
          InitialInstanceCount: 2,
          CapacityReservationConfig: reservation
        }
      ]
    }
    const green = greenConfig(live(config, [running('A')]), change)
    expect({ variants: green.body['ProductionVariants'], carried: green.carried }).toStrictEqual({
      variants: [
        {
          VariantName: 'A',
          ModelName: 'green',
          InstanceType: 'ml.c5.xlarge',
          InitialInstanceCount: 3,
          CapacityReservationConfig: reservation,
          InitialVariantWeight: 1
        }
      ],
      carried: ['variant A: CapacityReservationConfig']
    })
  })
})
