// metrics-resolution in the plan: the green config's MetricsConfig, the created alarms' period,
// and the detection time the guard judges the final bake by.
import { describe, expect, it } from '@jest/globals'
import { guardFacts, guardTimings } from '../../../src/guard/final-step.js'
import { readInputs } from '../../../src/inputs/index.js'
import { buildPlan } from '../../../src/target/endpoint/plan.js'
import type { CurrentEndpoint, DeployRequest, MetricsResolution } from '../../../src/types.js'
import { CURRENT, REQUEST, RUN } from '../../helpers/plan-fixtures.js'

const LIVE: CurrentEndpoint = {
  ...CURRENT,
  config: {
    ProductionVariants: [
      {
        VariantName: 'AllTraffic',
        ModelName: 'model-a',
        InitialInstanceCount: 4,
        InstanceType: 'ml.m5.large',
        InitialVariantWeight: 1
      }
    ]
  }
}

/** The request as the inputs give it: termination-wait empty (derived), the default delay. */
function request(resolution?: string): DeployRequest {
  const env: Record<string, string> = {
    'endpoint-name': 'lab-endpoint',
    region: 'us-east-1',
    'model-data-url': 's3://b/model-b.tar.gz',
    'image-uri': '123456789012.dkr.ecr.us-east-1.amazonaws.com/lab:1',
    'execution-role-arn': 'arn:aws:iam::123456789012:role/SageMakerRole',
    ...(resolution === undefined ? {} : { 'metrics-resolution': resolution })
  }
  return readInputs(name => env[name] ?? '', {}).request
}

function periods(plan: ReturnType<typeof buildPlan>): unknown[] {
  return plan.alarmsToCreate.map(a => {
    const metrics = a.request['Metrics'] as { MetricStat?: { Period: number } }[] | undefined
    return [
      a.request['Period'] ?? metrics?.find(m => m.MetricStat)?.MetricStat?.Period,
      a.request['EvaluationPeriods']
    ]
  })
}

describe('buildPlan with metrics-resolution', () => {
  it.each([
    [undefined, 60, 1, 300],
    ['60', 60, 1, 300],
    ['30', 30, 7, 220],
    ['10', 10, 19, 200]
  ])(
    '%s: alarms of %i s (%i periods), detection and derived final bake %i s, every step seen',
    (resolution, period, evaluationPeriods, detection) => {
      const req = request(resolution)
      const plan = buildPlan(req, RUN, LIVE)
      expect(periods(plan)).toEqual([
        [period, evaluationPeriods],
        [period, evaluationPeriods]
      ])
      const facts = guardFacts(req, plan, guardTimings(plan, undefined, req.metricDelaySeconds))
      expect(facts).toMatchObject({
        detectionSeconds: detection,
        finalBakeSeconds: detection,
        derived: true,
        unseenSteps: []
      })
      expect(plan.updateEndpoint?.['DeploymentConfig']).toMatchObject({
        BlueGreenUpdatePolicy: { TerminationWaitInSeconds: detection }
      })
    }
  )

  it('10: the green config publishes every 10 s with enhanced metrics, and the plan says so', () => {
    const plan = buildPlan(request('10'), RUN, LIVE)
    expect(plan.createEndpointConfig['MetricsConfig']).toEqual({
      EnableEnhancedMetrics: true,
      MetricPublishFrequencyInSeconds: 10
    })
    expect(plan.notes).toEqual([
      "metrics-resolution: 10 sets the new config's MetricsConfig: EnableEnhancedMetrics true (live: false by default), MetricPublishFrequencyInSeconds 10 (live: 60 by default). EnableDetailedObservability is not sent: the live config does not state it (false for a config created before the setting existed), and SageMaker gives a new config true unless it is sent."
    ])
  })

  it('empty: a live config publishing every 10 s is carried, the alarms stay at 60 s', () => {
    const metrics = {
      EnableEnhancedMetrics: true,
      MetricPublishFrequencyInSeconds: 10,
      EnableDetailedObservability: true
    }
    const live = { ...LIVE, config: { ...LIVE.config, MetricsConfig: metrics } }
    const plan = buildPlan(request(), RUN, live)
    expect(plan.createEndpointConfig['MetricsConfig']).toEqual(metrics)
    expect(plan.carriedOver).toContain('MetricsConfig')
    expect(plan.notes).toEqual([])
    expect(periods(plan)).toEqual([
      [60, 1],
      [60, 1]
    ])
  })

  it('a new endpoint gets the MetricsConfig too', () => {
    const req = { ...REQUEST, instanceType: 'ml.m5.large', instanceCount: 2 }
    const resolution: MetricsResolution = 30
    const plan = buildPlan({ ...req, metricsResolution: resolution }, RUN, null)
    expect(plan.createEndpointConfig['MetricsConfig']).toEqual({
      EnableEnhancedMetrics: true,
      MetricPublishFrequencyInSeconds: 30
    })
    expect(periods(plan)).toEqual([
      [30, 7],
      [30, 7]
    ])
  })

  it('the default plan sends no MetricsConfig and no note', () => {
    const plan = buildPlan(REQUEST, RUN, LIVE)
    expect(plan.createEndpointConfig).not.toHaveProperty('MetricsConfig')
    expect(plan.notes).toEqual([])
  })
})
