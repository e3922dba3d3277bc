import { describe as suite, it, expect, beforeEach, afterEach } from '@jest/globals'
import { DescribeAlarmHistoryCommand, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch'
import {
  CreateEndpointCommand,
  UpdateEndpointCommand,
  type DescribeEndpointCommandOutput
} from '@aws-sdk/client-sagemaker'
import {
  createConfig,
  createModel,
  ENDPOINT,
  failure,
  linearConfig,
  liveEndpointA,
  MODEL_A,
  MODEL_B,
  MODEL_E,
  startLab,
  stopLab,
  watch,
  type Lab
} from './helpers.js'
import { DEFAULT_SCENARIO } from '../../emulator/index.js'

let lab: Lab
beforeEach(async () => {
  lab = await startLab()
})
afterEach(async () => {
  await stopLab(lab)
})

const done = (d: DescribeEndpointCommandOutput): boolean => d.EndpointStatus !== 'Updating'

suite('blue/green LINEAR 25% with 4 instances', () => {
  it('shifts one instance per step, bakes, then serves the new config', async () => {
    const alarms = await liveEndpointA(lab)
    await createModel(lab, 'model-e', MODEL_E)
    await createConfig(lab, 'cfg-e', 'model-e')
    // This test follows every step's bake, the one that reaches 100 % included, so it takes the
    // lenient reading (finalStepBakesWaitInterval: the 100 % step bakes W too). By default that
    // step bakes only TerminationWaitInSeconds, 0 here, so 4/4 would never bake (next test).
    lab.emu.setScenario({ finalStepBakesWaitInterval: true })
    await lab.sm.send(
      new UpdateEndpointCommand({
        EndpointName: ENDPOINT,
        EndpointConfigName: 'cfg-e',
        DeploymentConfig: linearConfig(alarms)
      })
    )
    const seen = await watch(lab, done, 2)
    const during = seen.filter(d => d.PendingDeploymentSummary !== undefined)
    const first = during[0]
    expect(first?.EndpointStatus).toBe('Updating')
    expect(first?.EndpointConfigName).toBe('cfg-a')
    expect(first?.PendingDeploymentSummary?.EndpointConfigName).toBe('cfg-e')
    expect(first?.PendingDeploymentSummary?.ProductionVariants?.[0]).toMatchObject({
      VariantName: 'AllTraffic',
      CurrentInstanceCount: 0,
      DesiredInstanceCount: 4,
      InstanceType: 'ml.m5.large',
      VariantStatus: [{ Status: 'Creating', StatusMessage: 'Launching 4 instance(s).' }]
    })
    // Blue and green instance counts while baking, per step. Blue keeps all its instances while
    // green takes traffic: "SageMaker creates a new fleet during the deployment while maintaining
    // the old fleet" (API reference, BlueGreenUpdatePolicy); the EventBridge canary example shows
    // blue at CurrentInstanceCount 3 while 1 canary instance bakes.
    const bakes = during
      .map(d => ({
        blue: d.ProductionVariants?.[0]?.CurrentInstanceCount,
        green: d.PendingDeploymentSummary?.ProductionVariants?.[0]?.CurrentInstanceCount,
        status: d.PendingDeploymentSummary?.ProductionVariants?.[0]?.VariantStatus?.[0]
      }))
      .filter(s => s.status?.Status === 'Baking')
    const pairs = [...new Set(bakes.map(b => `${b.blue}/${b.green}`))]
    expect(pairs).toEqual(['4/1', '4/2', '4/3', '4/4'])
    expect(bakes[0]?.status?.StatusMessage).toBe(
      'Baking for 60 seconds with traffic enabled on 1 instance(s).'
    )
    // The status sequence of the green fleet, without repeats.
    const statuses = during.map(
      d => d.PendingDeploymentSummary?.ProductionVariants?.[0]?.VariantStatus?.[0]?.Status
    )
    const sequence = statuses.filter((s, i) => s !== statuses[i - 1])
    expect(sequence).toEqual([
      'Creating',
      'ActivatingTraffic',
      'Baking',
      'ActivatingTraffic',
      'Baking',
      'ActivatingTraffic',
      'Baking',
      'ActivatingTraffic',
      'Baking'
    ])
    expect(
      during.some(d => d.ProductionVariants?.[0]?.VariantStatus?.[0]?.Status === 'Deleting')
    ).toBe(true)
    const final = seen[seen.length - 1]
    expect(final?.EndpointStatus).toBe('InService')
    expect(final?.EndpointConfigName).toBe('cfg-e')
    expect(final?.PendingDeploymentSummary).toBeUndefined()
    expect(final?.FailureReason).toBeUndefined()
    expect(final?.ProductionVariants?.[0]?.CurrentInstanceCount).toBe(4)
    expect(
      final?.LastDeploymentConfig?.BlueGreenUpdatePolicy?.TrafficRoutingConfiguration
        ?.LinearStepSize?.Value
    ).toBe(25)
    // VariantStatus StartTime comes from the simulated clock.
    const start = first?.PendingDeploymentSummary?.StartTime?.getTime() ?? 0
    expect(Math.abs(start - lab.emu.now())).toBeLessThan(3600_000)
  })

  it('runs a final bake of TerminationWaitInSeconds before terminating blue', async () => {
    const alarms = await liveEndpointA(lab)
    await createModel(lab, 'model-e', MODEL_E)
    await createConfig(lab, 'cfg-e', 'model-e')
    await lab.sm.send(
      new UpdateEndpointCommand({
        EndpointName: ENDPOINT,
        EndpointConfigName: 'cfg-e',
        DeploymentConfig: linearConfig(alarms, 50, 30, 120)
      })
    )
    const seen = await watch(lab, done, 5)
    const messages = seen.map(
      d => d.PendingDeploymentSummary?.ProductionVariants?.[0]?.VariantStatus?.[0]?.StatusMessage
    )
    expect(messages).toContain(
      'Baking for 120 seconds (TerminationWaitInSeconds) with traffic enabled on full capacity of 4 instance(s).'
    )
    expect(messages).toContain('Baking for 30 seconds with traffic enabled on 2 instance(s).')
    // The default (harsher) reading: the step that reaches 100 % bakes only the final bake, not
    // the 30 s WaitIntervalInSeconds first.
    expect(messages).not.toContain('Baking for 30 seconds with traffic enabled on 4 instance(s).')
    expect(seen[seen.length - 1]?.EndpointConfigName).toBe('cfg-e')
  })
})

suite('CANARY and ALL_AT_ONCE', () => {
  it('CANARY: canary capacity, bake, then everything', async () => {
    await liveEndpointA(lab)
    await createModel(lab, 'model-e', MODEL_E)
    await createConfig(lab, 'cfg-e', 'model-e')
    await lab.sm.send(
      new UpdateEndpointCommand({
        EndpointName: ENDPOINT,
        EndpointConfigName: 'cfg-e',
        DeploymentConfig: {
          BlueGreenUpdatePolicy: {
            TrafficRoutingConfiguration: {
              Type: 'CANARY',
              WaitIntervalInSeconds: 60,
              CanarySize: { Type: 'INSTANCE_COUNT', Value: 1 }
            }
          }
        }
      })
    )
    const seen = await watch(lab, done, 2)
    const greens = seen
      .map(d => d.PendingDeploymentSummary?.ProductionVariants?.[0]?.CurrentInstanceCount)
      .filter(n => n !== undefined)
    expect([...new Set(greens)]).toEqual([0, 1, 4])
    const messages = seen.map(
      d => d.PendingDeploymentSummary?.ProductionVariants?.[0]?.VariantStatus?.[0]?.StatusMessage
    )
    expect(messages).toContain('Activating traffic on canary capacity of 1 instance(s).')
    expect(seen[seen.length - 1]).toMatchObject({
      EndpointStatus: 'InService',
      EndpointConfigName: 'cfg-e'
    })
  })

  it('no DeploymentConfig: all at once, no bake', async () => {
    await liveEndpointA(lab)
    await createModel(lab, 'model-e', MODEL_E)
    await createConfig(lab, 'cfg-e', 'model-e')
    await lab.sm.send(
      new UpdateEndpointCommand({ EndpointName: ENDPOINT, EndpointConfigName: 'cfg-e' })
    )
    const seen = await watch(lab, done, 1)
    const greens = seen
      .map(d => d.PendingDeploymentSummary?.ProductionVariants?.[0]?.CurrentInstanceCount)
      .filter(n => n !== undefined)
    expect([...new Set(greens)]).toEqual([0, 4])
    // provisioning + activating + bake 0 + decommission, one describe per simulated second
    const { provisioningSeconds, activatingSeconds, decommissionSeconds } = DEFAULT_SCENARIO
    const expected = provisioningSeconds + activatingSeconds + decommissionSeconds
    expect(seen.length).toBeGreaterThanOrEqual(expected)
    expect(seen.length).toBeLessThanOrEqual(expected + 3)
    expect(seen[seen.length - 1]).toMatchObject({
      EndpointStatus: 'InService',
      EndpointConfigName: 'cfg-e'
    })
  })
})

suite('auto-rollback and retry', () => {
  it('rolls broken model B back to A, then E with RetainDeploymentConfig succeeds', async () => {
    const alarms = await liveEndpointA(lab)
    await createModel(lab, 'model-b', MODEL_B)
    await createConfig(lab, 'cfg-b', 'model-b')
    await lab.sm.send(
      new UpdateEndpointCommand({
        EndpointName: ENDPOINT,
        EndpointConfigName: 'cfg-b',
        DeploymentConfig: linearConfig(alarms)
      })
    )
    const shiftStart = lab.emu.now()
    const seen = await watch(lab, done, 5)
    const final = seen[seen.length - 1]
    expect(final?.EndpointStatus).toBe('InService')
    expect(final?.EndpointConfigName).toBe('cfg-a')
    expect(final?.PendingDeploymentSummary).toBeUndefined()
    // No source gives an alarm rollback's FailureReason; it may be empty (terraform-provider-aws
    // #48997), which is the default.
    expect(final?.FailureReason).toBeUndefined()
    expect(final?.ProductionVariants?.[0]?.CurrentInstanceCount).toBe(4)
    // The green fleet is torn down before InService: by then the alarm may be OK again, its
    // history keeps the transition that rolled the update back.
    const history = await lab.cw.send(
      new DescribeAlarmHistoryCommand({
        AlarmName: 'lab-endpoint-5xx-rate',
        HistoryItemType: 'StateUpdate',
        ScanBy: 'TimestampAscending'
      })
    )
    const fired = history.AlarmHistoryItems?.find(h => / to ALARM$/.test(h.HistorySummary ?? ''))
    expect(fired?.Timestamp?.getTime()).toBeGreaterThan(shiftStart)
    const newState = (
      JSON.parse(fired?.HistoryData ?? '{}') as { newState?: { stateReason?: string } }
    ).newState
    expect(newState?.stateReason).toMatch(
      /^Threshold Crossed: 1 out of the last 1 datapoints \[\d+(\.\d+)? \(\d\d\/\d\d\/\d\d \d\d:\d\d:00\)\] was greater than the threshold \(1\.0\)/
    )

    // Per-fleet metrics: green (cfg-b) errors, blue (cfg-a) none.
    const fleet = (id: string, config: string) => ({
      Id: id,
      MetricStat: {
        Metric: {
          Namespace: 'AWS/SageMaker',
          MetricName: 'Invocation5XXErrors',
          Dimensions: [
            { Name: 'EndpointName', Value: ENDPOINT },
            { Name: 'VariantName', Value: 'AllTraffic' },
            { Name: 'EndpointConfigName', Value: config }
          ]
        },
        Period: 60,
        Stat: 'Sum'
      }
    })
    const data = await lab.cw.send(
      new GetMetricDataCommand({
        StartTime: new Date(shiftStart - 120_000),
        EndTime: new Date(lab.emu.now() + 60_000),
        MetricDataQueries: [fleet('green', 'cfg-b'), fleet('blue', 'cfg-a')]
      })
    )
    const sum = (id: string) =>
      (data.MetricDataResults?.find(r => r.Id === id)?.Values ?? []).reduce((a, b) => a + b, 0)
    expect(sum('green')).toBeGreaterThan(0)
    expect(sum('blue')).toBe(0)
    expect(data.MetricDataResults?.[0]?.StatusCode).toBe('Complete')

    // The retry reuses the last policy and alarms; the alarm returns to OK once B's traffic is gone
    // and the late datapoints have arrived.
    lab.emu.advance(DEFAULT_SCENARIO.metricDelaySeconds + 120)
    await createModel(lab, 'model-e', MODEL_E)
    await createConfig(lab, 'cfg-e', 'model-e')
    await lab.sm.send(
      new UpdateEndpointCommand({
        EndpointName: ENDPOINT,
        EndpointConfigName: 'cfg-e',
        RetainDeploymentConfig: true
      })
    )
    const retry = await watch(lab, done, 5)
    const greens = retry
      .map(d => d.PendingDeploymentSummary?.ProductionVariants?.[0]?.CurrentInstanceCount)
      .filter(n => n !== undefined)
    expect([...new Set(greens)]).toEqual([0, 1, 2, 3, 4])
    const last = retry[retry.length - 1]
    expect(last).toMatchObject({ EndpointStatus: 'InService', EndpointConfigName: 'cfg-e' })
    expect(last?.FailureReason).toBeUndefined()
    expect(
      last?.LastDeploymentConfig?.AutoRollbackConfiguration?.Alarms?.map(a => a.AlarmName)
    ).toEqual(alarms)
  })

  it('RetainDeploymentConfig without a previous config: all at once, no alarms (the model default)', async () => {
    // "If no update policy is specified, SageMaker uses a blue/green deployment strategy with
    // all at once traffic shifting by default" (API reference, BlueGreenUpdatePolicy).
    await liveEndpointA(lab)
    await createModel(lab, 'model-e', MODEL_E)
    await createConfig(lab, 'cfg-e', 'model-e')
    await lab.sm.send(
      new UpdateEndpointCommand({
        EndpointName: ENDPOINT,
        EndpointConfigName: 'cfg-e',
        RetainDeploymentConfig: true
      })
    )
    const seen = await watch(lab, done, 5)
    const greens = seen
      .map(d => d.PendingDeploymentSummary?.ProductionVariants?.[0]?.CurrentInstanceCount)
      .filter(n => n !== undefined)
    expect([...new Set(greens)]).toEqual([0, 4])
    expect(seen.at(-1)).toMatchObject({ EndpointStatus: 'InService', EndpointConfigName: 'cfg-e' })
  })

  it('assumeRetainNeedsStoredConfig (assumption): rejected, text of its own', async () => {
    lab.emu.setScenario({ assumeRetainNeedsStoredConfig: true })
    await liveEndpointA(lab)
    await createModel(lab, 'model-e', MODEL_E)
    await createConfig(lab, 'cfg-e', 'model-e')
    const error = await failure(
      lab.sm.send(
        new UpdateEndpointCommand({
          EndpointName: ENDPOINT,
          EndpointConfigName: 'cfg-e',
          RetainDeploymentConfig: true
        })
      )
    )
    expect(error.name).toBe('ValidationException')
    expect(error.message).toBe(
      'Cannot retain deployment config: endpoint "lab-endpoint" has no previous deployment configuration.'
    )
  })

  it('reuses the DeploymentConfig given at CreateEndpoint', async () => {
    await createModel(lab, 'model-a', MODEL_A)
    await createConfig(lab, 'cfg-a', 'model-a')
    const { BlueGreenUpdatePolicy } = linearConfig([], 50, 10)
    await lab.sm.send(
      new CreateEndpointCommand({
        EndpointName: ENDPOINT,
        EndpointConfigName: 'cfg-a',
        DeploymentConfig: { BlueGreenUpdatePolicy }
      })
    )
    lab.emu.advance(DEFAULT_SCENARIO.creationSeconds + 1)
    await createModel(lab, 'model-e', MODEL_E)
    await createConfig(lab, 'cfg-e', 'model-e')
    await lab.sm.send(
      new UpdateEndpointCommand({
        EndpointName: ENDPOINT,
        EndpointConfigName: 'cfg-e',
        RetainDeploymentConfig: true
      })
    )
    const seen = await watch(lab, done, 2)
    const greens = seen
      .map(d => d.PendingDeploymentSummary?.ProductionVariants?.[0]?.CurrentInstanceCount)
      .filter(n => n !== undefined)
    expect([...new Set(greens)]).toEqual([0, 2, 4])
  })

  it('rolls back when MaximumExecutionTimeoutInSeconds runs out', async () => {
    const alarms = await liveEndpointA(lab)
    await createModel(lab, 'model-e', MODEL_E)
    await createConfig(lab, 'cfg-e', 'model-e')
    // The timeout must be larger than the waits (BlueGreenUpdatePolicy model doc): 300 < 600,
    // while four 300-second bakes outlast it.
    const config = linearConfig(alarms, 10, 300)
    config.BlueGreenUpdatePolicy.MaximumExecutionTimeoutInSeconds = 600
    await lab.sm.send(
      new UpdateEndpointCommand({
        EndpointName: ENDPOINT,
        EndpointConfigName: 'cfg-e',
        DeploymentConfig: config
      })
    )
    const seen = await watch(lab, done, 30)
    const final = seen[seen.length - 1]
    expect(final).toMatchObject({ EndpointStatus: 'InService', EndpointConfigName: 'cfg-a' })
    expect(final?.FailureReason).toBeUndefined()
  })

  it('assumeRollbackFailureReason (assumption): the emulator names the alarm or the timeout', async () => {
    lab.emu.setScenario({ assumeRollbackFailureReason: true })
    const alarms = await liveEndpointA(lab)
    await createModel(lab, 'model-e', MODEL_E)
    await createConfig(lab, 'cfg-e', 'model-e')
    const config = linearConfig(alarms, 10, 300)
    config.BlueGreenUpdatePolicy.MaximumExecutionTimeoutInSeconds = 600
    await lab.sm.send(
      new UpdateEndpointCommand({
        EndpointName: ENDPOINT,
        EndpointConfigName: 'cfg-e',
        DeploymentConfig: config
      })
    )
    const seen = await watch(lab, done, 30)
    expect(seen.at(-1)?.FailureReason).toBe(
      'Deployment rolled back: the update exceeded MaximumExecutionTimeoutInSeconds (600 seconds).'
    )
  })
})
