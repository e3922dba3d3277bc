import { describe, expect, it } from '@jest/globals'
import { greenConfig } from '../../../src/target/endpoint/carry-over.js'
import {
  greenMetricsConfig,
  invocationResolution
} from '../../../src/target/endpoint/metrics-config.js'
import type { CurrentEndpoint, MetricsResolution } from '../../../src/types.js'

const OBSERVABILITY =
  'EnableDetailedObservability is not sent: the live config does not state it (false for a config created before the setting existed), and SageMaker gives a new config true unless it is sent.'

const VARIANT = {
  VariantName: 'AllTraffic',
  ModelName: 'live-model',
  InitialInstanceCount: 2,
  InstanceType: 'ml.m5.large',
  InitialVariantWeight: 1
}

function current(config: Record<string, unknown>): CurrentEndpoint {
  return {
    status: 'InService',
    configName: 'live',
    variantName: 'AllTraffic',
    instanceType: 'ml.m5.large',
    instanceCount: 2,
    modelName: 'live-model',
    modelDataUrl: undefined,
    lastModifiedTime: 0,
    lastDeploymentConfig: undefined,
    failureReason: undefined,
    variants: [
      {
        name: 'AllTraffic',
        modelName: 'live-model',
        instanceType: 'ml.m5.large',
        configuredCount: 2,
        desiredCount: 2,
        desiredWeight: 1,
        serverless: false,
        downloadTimeoutSeconds: undefined,
        healthCheckTimeoutSeconds: undefined
      }
    ],
    config: { KmsKeyId: 'key', ...config, ProductionVariants: [VARIANT] },
    configTags: {},
    model: undefined
  }
}

const change = {
  variantName: 'AllTraffic',
  modelName: 'green',
  instanceType: 'ml.m5.large',
  instanceCount: 2
}

describe('invocationResolution', () => {
  it.each([
    [undefined, 60],
    [{}, 60],
    // Without enhanced metrics the frequency is the utilization metrics' only.
    [{ MetricPublishFrequencyInSeconds: 10 }, 60],
    [{ EnableEnhancedMetrics: false, MetricPublishFrequencyInSeconds: 30 }, 60],
    [{ EnableEnhancedMetrics: true }, 60],
    [{ EnableEnhancedMetrics: true, MetricPublishFrequencyInSeconds: 10 }, 10],
    [{ EnableEnhancedMetrics: true, MetricPublishFrequencyInSeconds: 30 }, 30]
  ])('%j publishes invocation metrics every %i s', (metrics, seconds) => {
    expect(invocationResolution(metrics)).toBe(seconds)
  })
})

describe('greenMetricsConfig: metrics-resolution empty carries the live MetricsConfig', () => {
  it('sends none when the live config has none', () => {
    expect(greenMetricsConfig(undefined, undefined, true)).toEqual({
      value: undefined,
      kept: false,
      notes: []
    })
  })

  it('keeps one that states EnableDetailedObservability, silently', () => {
    const live = {
      EnableEnhancedMetrics: true,
      MetricPublishFrequencyInSeconds: 10,
      EnableDetailedObservability: false
    }
    expect(greenMetricsConfig(live, undefined, true)).toEqual({
      value: live,
      kept: true,
      notes: []
    })
  })

  it('keeps one that does not state it, and says the new config may get true', () => {
    const live = { MetricPublishFrequencyInSeconds: 30 }
    expect(greenMetricsConfig(live, undefined, true)).toEqual({
      value: live,
      kept: true,
      notes: [`The live config's MetricsConfig is kept as it is. ${OBSERVABILITY}`]
    })
  })
})

describe('greenMetricsConfig: metrics-resolution set', () => {
  it('10 on a config without MetricsConfig: enhanced metrics every 10 s, nothing else sent', () => {
    expect(greenMetricsConfig(undefined, 10, true)).toEqual({
      value: { EnableEnhancedMetrics: true, MetricPublishFrequencyInSeconds: 10 },
      kept: false,
      notes: [
        `metrics-resolution: 10 sets the new config's MetricsConfig: EnableEnhancedMetrics true (live: false by default), MetricPublishFrequencyInSeconds 10 (live: 60 by default). ${OBSERVABILITY}`
      ]
    })
  })

  it('30 keeps every other member as the live config states it', () => {
    const live = {
      EnableEnhancedMetrics: false,
      EnableDetailedObservability: false,
      MetricPublishFrequencyInSeconds: 60
    }
    expect(greenMetricsConfig(live, 30, true)).toEqual({
      value: {
        EnableEnhancedMetrics: true,
        EnableDetailedObservability: false,
        MetricPublishFrequencyInSeconds: 30
      },
      kept: false,
      notes: [
        "metrics-resolution: 30 sets the new config's MetricsConfig: EnableEnhancedMetrics true (live: false), MetricPublishFrequencyInSeconds 30 (live: 60); EnableDetailedObservability kept."
      ]
    })
  })

  it('lists only what changes (enhanced metrics already on)', () => {
    const live = { EnableEnhancedMetrics: true, EnableDetailedObservability: true }
    expect(greenMetricsConfig(live, 10, true).notes).toEqual([
      "metrics-resolution: 10 sets the new config's MetricsConfig: MetricPublishFrequencyInSeconds 10 (live: 60 by default); EnableEnhancedMetrics, EnableDetailedObservability kept."
    ])
  })

  it('60 on enhanced 10 s metrics: every minute again, enhanced metrics kept on', () => {
    const live = {
      EnableEnhancedMetrics: true,
      MetricPublishFrequencyInSeconds: 10,
      EnableDetailedObservability: true
    }
    expect(greenMetricsConfig(live, 60, true)).toEqual({
      value: { ...live, MetricPublishFrequencyInSeconds: 60 },
      kept: false,
      notes: [
        "metrics-resolution: 60 sets the new config's MetricsConfig: MetricPublishFrequencyInSeconds 60 (live: 10); EnableEnhancedMetrics, EnableDetailedObservability kept."
      ]
    })
  })

  it.each([
    [undefined, 60],
    [{ MetricPublishFrequencyInSeconds: 10 }, 60],
    [{ EnableEnhancedMetrics: true, MetricPublishFrequencyInSeconds: 30 }, 30]
  ] as const)('%j already publishes every %i s: kept as it is', (live, resolution) => {
    const green = greenMetricsConfig(live, resolution, true)
    expect(green.value).toBe(live)
    expect(green.kept).toBe(live !== undefined)
  })

  it('for a new endpoint: the MetricsConfig, and nothing to compare with', () => {
    expect(greenMetricsConfig(undefined, 30, false)).toEqual({
      value: { EnableEnhancedMetrics: true, MetricPublishFrequencyInSeconds: 30 },
      kept: false,
      notes: []
    })
  })
})

describe('EnableDetailedObservability is never changed, nor left to SageMaker silently', () => {
  const states = [undefined, true, false]
  const resolutions: (MetricsResolution | undefined)[] = [undefined, 10, 30, 60]
  const bases = [{}, { EnableEnhancedMetrics: true, MetricPublishFrequencyInSeconds: 10 }]
  const cases = states.flatMap(state =>
    resolutions.flatMap(resolution =>
      bases.map(base => ({
        live:
          state === undefined && Object.keys(base).length === 0
            ? undefined
            : { ...base, ...(state === undefined ? {} : { EnableDetailedObservability: state }) },
        resolution
      }))
    )
  )

  it.each(cases)('$live with metrics-resolution $resolution', ({ live, resolution }) => {
    const green = greenMetricsConfig(live, resolution, true)
    expect(green.value?.['EnableDetailedObservability']).toBe(live?.['EnableDetailedObservability'])
    const said = green.notes.some(note => note.includes(OBSERVABILITY))
    // Said whenever a MetricsConfig without it is sent for a live config that does not state it.
    expect(said).toBe(
      green.value !== undefined && live?.['EnableDetailedObservability'] === undefined
    )
  })
})

describe('greenConfig with metrics-resolution', () => {
  it('sets the MetricsConfig, and no longer lists it as kept', () => {
    const live = current({
      MetricsConfig: { EnableDetailedObservability: false, MetricPublishFrequencyInSeconds: 60 }
    })
    const green = greenConfig(live, change, 10)
    expect(green.body).toEqual({
      KmsKeyId: 'key',
      MetricsConfig: {
        EnableDetailedObservability: false,
        MetricPublishFrequencyInSeconds: 10,
        EnableEnhancedMetrics: true
      },
      ProductionVariants: [{ ...VARIANT, ModelName: 'green' }]
    })
    expect(green.carried).toEqual(['KmsKeyId key'])
    expect(green.notes).toEqual([
      "metrics-resolution: 10 sets the new config's MetricsConfig: EnableEnhancedMetrics true (live: false by default), MetricPublishFrequencyInSeconds 10 (live: 60); EnableDetailedObservability kept."
    ])
  })

  it('adds one to a live config without it', () => {
    const green = greenConfig(current({}), change, 30)
    expect(green.body['MetricsConfig']).toEqual({
      EnableEnhancedMetrics: true,
      MetricPublishFrequencyInSeconds: 30
    })
    expect(green.notes[0]).toContain(OBSERVABILITY)
  })

  it('empty: the live MetricsConfig is carried and listed as kept', () => {
    const metrics = {
      EnableEnhancedMetrics: true,
      EnableDetailedObservability: true,
      MetricPublishFrequencyInSeconds: 10
    }
    const green = greenConfig(current({ MetricsConfig: metrics }), change)
    expect(green.body['MetricsConfig']).toBe(metrics)
    expect(green.carried).toEqual(['KmsKeyId key', 'MetricsConfig'])
    expect(green.notes).toEqual([])
  })

  it('for a new endpoint: the MetricsConfig beside the variant', () => {
    expect(greenConfig(null, change, 10).body).toEqual({
      ProductionVariants: [{ ...VARIANT, ModelName: 'green' }],
      MetricsConfig: { EnableEnhancedMetrics: true, MetricPublishFrequencyInSeconds: 10 }
    })
    // Nothing live was read: no note compares the new config with a live one.
    expect(greenConfig(null, change, 10).notes).toEqual([])
  })
})
