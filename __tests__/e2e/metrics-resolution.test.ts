// metrics-resolution: 10 through the bundle: Model B's green config publishes its invocation
// metrics every 10 s, the created alarms read them in 10 s periods, and SageMaker rolls the
// failing model back sooner than with the default one-minute alarms, on the same lab.
import { describe, expect, it, jest } from '@jest/globals'
import { DEFAULT_SCENARIO } from '../../emulator/index.js'
import { LAB_ERROR_ALARM } from '../../scripts/lib/lab.js'
import { labEmulator, liveModelA, runStep, step, trafficSteps } from './helpers.js'

// A safety net only: on stepped time a run's real duration depends on the machine's load.
jest.setTimeout(600_000)

type Params = Record<string, unknown>

/** Model B on Model A's endpoint, with `inputs` on top of the lab's. */
async function modelB(inputs: Record<string, string> = {}) {
  const emulator = await labEmulator()
  try {
    await liveModelA(emulator)
    const result = await runStep(emulator, step('Model B'), { inputs })
    const params = (operation: string): Params[] =>
      emulator
        .calls()
        .filter(c => c.operation === operation && c.status === 200)
        .map(c => c.params as Params)
    const errorRate = params('PutMetricAlarm').find(p => p['AlarmName'] === LAB_ERROR_ALARM)!
    const metrics = errorRate['Metrics'] as { MetricStat?: { Period: number } }[]
    const update = params('UpdateEndpoint')[0]!['DeploymentConfig'] as {
      BlueGreenUpdatePolicy: { TerminationWaitInSeconds: number }
    }
    const rollback = trafficSteps(result).find(s => s.event.startsWith('rolled back'))
    return {
      result,
      alarm: {
        periods: metrics.flatMap(m => (m.MetricStat ? [m.MetricStat.Period] : [])),
        evaluationPeriods: errorRate['EvaluationPeriods']
      },
      metricsConfig: params('CreateEndpointConfig').at(-1)!['MetricsConfig'],
      terminationWait: update.BlueGreenUpdatePolicy.TerminationWaitInSeconds,
      rolledBackAt: rollback?.offsetSeconds
    }
  } finally {
    await emulator.close()
  }
}

describe('metrics-resolution: 10 on a failing model', () => {
  it('10 s alarms on 10 s metrics roll it back sooner than the default one-minute alarms', async () => {
    const minute = await modelB()
    const fast = await modelB({ 'metrics-resolution': '10' })

    for (const run of [minute, fast]) {
      expect(run.result.outputs.outcome).toBe('rolled-back')
      expect(run.result.outputs['triggered-alarms']).toBe(LAB_ERROR_ALARM)
    }

    // The default: one-minute alarms, no MetricsConfig, 300 s of detection and final bake.
    expect(minute.alarm).toEqual({ periods: [60, 60, 60, 60], evaluationPeriods: 1 })
    expect(minute.metricsConfig).toBeUndefined()
    expect(minute.terminationWait).toBe(300)
    expect(minute.result.summary).toContain(
      '**Guard:** the alarms can take up to 5 min to see a failing model (lab-endpoint-5xx-rate: period 60 s × 1 + metric-delay 180 s + 60 s evaluation).'
    )

    // 10 s: the green config publishes every 10 s, the alarms read 10 s periods (1 of 19, to
    // reach a datapoint the default metric-delay late), detection and final bake 200 s.
    expect(fast.metricsConfig).toEqual({
      EnableEnhancedMetrics: true,
      MetricPublishFrequencyInSeconds: 10
    })
    expect(fast.alarm).toEqual({ periods: [10, 10, 10, 10], evaluationPeriods: 19 })
    expect(fast.terminationWait).toBe(200)
    expect(fast.result.summary).toContain(
      '**Guard:** the alarms can take up to 3 min 20 s to see a failing model (lab-endpoint-5xx-rate: period 10 s × 1 + metric-delay 180 s + 10 s evaluation).'
    )
    expect(fast.result.summary).toContain(
      "metrics-resolution: 10 sets the new config's MetricsConfig: EnableEnhancedMetrics true (live: false by default), MetricPublishFrequencyInSeconds 10 (live: 60 by default). EnableDetailedObservability is not sent"
    )

    // The same schedule; green's first failures reach CloudWatch a minute late or more, and the
    // 10 s alarm sees them at the next 10 s, the one-minute alarm at the next whole minute.
    const { provisioningSeconds: P, metricDelaySeconds: delay } = DEFAULT_SCENARIO
    expect(fast.rolledBackAt).toBeDefined()
    expect(minute.rolledBackAt).toBeDefined()
    expect(fast.rolledBackAt!).toBeLessThan(minute.rolledBackAt!)
    expect(fast.rolledBackAt!).toBeGreaterThan(P + delay / 3)
  })
})
