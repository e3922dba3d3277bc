// Rolling deployments on an endpoint (RollingUpdatePolicy): what DescribeEndpoint shows batch by
// batch, the peak instance count, the rollback in batches and all at once, and the validation.
import { describe as suite, it, expect, beforeEach, afterEach } from '@jest/globals'
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  UpdateEndpointCommand,
  type DescribeEndpointCommandOutput
} from '@aws-sdk/client-sagemaker'
import {
  createConfig,
  createModel,
  describeEp,
  ENDPOINT,
  failure,
  liveEndpointA,
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

function rollingConfig(
  alarms: string[],
  batch: { Type: 'INSTANCE_COUNT' | 'CAPACITY_PERCENT'; Value: number } = {
    Type: 'CAPACITY_PERCENT',
    Value: 25
  },
  rollback?: { Type: 'INSTANCE_COUNT' | 'CAPACITY_PERCENT'; Value: number }
) {
  return {
    RollingUpdatePolicy: {
      MaximumBatchSize: batch,
      WaitIntervalInSeconds: 60,
      MaximumExecutionTimeoutInSeconds: 7200,
      ...(rollback ? { RollbackMaximumBatchSize: rollback } : {})
    },
    AutoRollbackConfiguration: { Alarms: alarms.map(AlarmName => ({ AlarmName })) }
  }
}

/** Old running / new with traffic, the phase as the statuses say, once per change. */
function timeline(seen: DescribeEndpointCommandOutput[]): string[] {
  const rows = seen.map(d => {
    const blue = d.ProductionVariants?.[0]
    const green = d.PendingDeploymentSummary?.ProductionVariants?.[0]
    const blueStatus = blue?.VariantStatus?.[0]
    const greenStatus = green?.VariantStatus?.[0]
    const what = blueStatus
      ? `old ${blueStatus.Status} "${blueStatus.StatusMessage}"`
      : greenStatus
        ? `new ${greenStatus.Status} "${greenStatus.StatusMessage}"`
        : ''
    return `${d.EndpointStatus} old ${blue?.CurrentInstanceCount} new ${green?.CurrentInstanceCount ?? '-'} ${what}`.trim()
  })
  return rows.filter((r, i) => r !== rows[i - 1])
}

const settled = (d: DescribeEndpointCommandOutput): boolean =>
  d.EndpointStatus === 'InService' && d.PendingDeploymentSummary === undefined

suite('rolling deployment, 4 instances in batches of 25 %', () => {
  it('launches a batch, shifts, bakes, terminates an old batch, four times; at most 5 instances run', async () => {
    const alarms = await liveEndpointA(lab)
    await createModel(lab, 'model-e', MODEL_E)
    await createConfig(lab, 'cfg-e', 'model-e')
    await lab.sm.send(
      new UpdateEndpointCommand({
        EndpointName: ENDPOINT,
        EndpointConfigName: 'cfg-e',
        DeploymentConfig: rollingConfig(alarms)
      })
    )
    const seen = await watch(lab, settled, 5)
    expect(timeline(seen)).toEqual([
      'Updating old 4 new 0 new Creating "Launching 1 instance(s)."',
      'Updating old 4 new 1 new ActivatingTraffic "Activating traffic on 1 instance(s)."',
      'Updating old 4 new 1 new Baking "Baking for 60 seconds with traffic enabled on 1 instance(s)."',
      'Updating old 4 new 1 old Deleting "Terminating 1 instance(s)."',
      'Updating old 3 new 1 new Creating "Launching 1 instance(s)."',
      'Updating old 3 new 2 new ActivatingTraffic "Activating traffic on 2 instance(s)."',
      'Updating old 3 new 2 new Baking "Baking for 60 seconds with traffic enabled on 2 instance(s)."',
      'Updating old 3 new 2 old Deleting "Terminating 1 instance(s)."',
      'Updating old 2 new 2 new Creating "Launching 1 instance(s)."',
      'Updating old 2 new 3 new ActivatingTraffic "Activating traffic on 3 instance(s)."',
      'Updating old 2 new 3 new Baking "Baking for 60 seconds with traffic enabled on 3 instance(s)."',
      'Updating old 2 new 3 old Deleting "Terminating 1 instance(s)."',
      'Updating old 1 new 3 new Creating "Launching 1 instance(s)."',
      'Updating old 1 new 4 new ActivatingTraffic "Activating traffic on full capacity of 4 instance(s)."',
      'Updating old 1 new 4 new Baking "Baking for 60 seconds with traffic enabled on 4 instance(s)."',
      'Updating old 1 new 4 old Deleting "Terminating 1 instance(s)."',
      'InService old 4 new -'
    ])
    const last = seen.at(-1)
    expect(last?.EndpointConfigName).toBe('cfg-e')
    expect(last?.LastDeploymentConfig?.RollingUpdatePolicy?.MaximumBatchSize).toEqual({
      Type: 'CAPACITY_PERCENT',
      Value: 25
    })
    expect(lab.emu.peak(ENDPOINT)).toBe(5)
    // Each batch: provisioning, activation, bake, termination of an old batch.
    const { provisioningSeconds, activatingSeconds, decommissionSeconds } = DEFAULT_SCENARIO
    const batch = provisioningSeconds + activatingSeconds + 60 + decommissionSeconds
    const events = lab.emu.events().filter(e => e.endpointName === ENDPOINT)
    const start = (
      last?.PendingDeploymentSummary?.StartTime ?? seen[0]?.LastModifiedTime
    )?.getTime()
    expect(events.map(e => e.kind)).toEqual(['created', 'completed'])
    expect(start).toBeDefined()
    expect(((events[1]?.simulatedTime ?? 0) - (start ?? 0)) / 1000).toBe(4 * batch)
  })

  it('the new fleet takes its share of traffic: about one quarter in batch 1 (per fleet by EndpointConfigName)', async () => {
    const alarms = await liveEndpointA(lab)
    await createModel(lab, 'model-e', MODEL_E)
    await createConfig(lab, 'cfg-e', 'model-e')
    await lab.sm.send(
      new UpdateEndpointCommand({
        EndpointName: ENDPOINT,
        EndpointConfigName: 'cfg-e',
        DeploymentConfig: rollingConfig(alarms)
      })
    )
    // Into batch 1's bake, then one minute of traffic.
    lab.emu.advance(DEFAULT_SCENARIO.provisioningSeconds + 10)
    const minute = Math.ceil(lab.emu.now() / 60_000) * 60_000
    lab.emu.advance((minute - lab.emu.now()) / 1000 + 60 + DEFAULT_SCENARIO.metricDelaySeconds)
    const { GetMetricDataCommand } = await import('@aws-sdk/client-cloudwatch')
    const sum = async (config: string): Promise<number> => {
      const out = await lab.cw.send(
        new GetMetricDataCommand({
          StartTime: new Date(minute),
          EndTime: new Date(minute + 60_000),
          MetricDataQueries: [
            {
              Id: 'q',
              MetricStat: {
                Metric: {
                  Namespace: 'AWS/SageMaker',
                  MetricName: 'Invocations',
                  Dimensions: [
                    { Name: 'EndpointName', Value: ENDPOINT },
                    { Name: 'VariantName', Value: 'AllTraffic' },
                    { Name: 'EndpointConfigName', Value: config }
                  ]
                },
                Period: 60,
                Stat: 'Sum'
              }
            }
          ]
        })
      )
      return out.MetricDataResults?.[0]?.Values?.[0] ?? 0
    }
    const green = await sum('cfg-e')
    const blue = await sum('cfg-a')
    expect(green + blue).toBe(DEFAULT_SCENARIO.trafficPerMinute)
    expect(green / (green + blue)).toBeGreaterThan(0.18)
    expect(green / (green + blue)).toBeLessThan(0.32)
  })
})

suite('rolling rollback on the 5XX alarm', () => {
  async function rollingB(rollback?: {
    Type: 'INSTANCE_COUNT' | 'CAPACITY_PERCENT'
    Value: number
  }): Promise<DescribeEndpointCommandOutput[]> {
    const alarms = await liveEndpointA(lab)
    await createModel(lab, 'model-b', MODEL_B)
    await createConfig(lab, 'cfg-b', 'model-b')
    await lab.sm.send(
      new UpdateEndpointCommand({
        EndpointName: ENDPOINT,
        EndpointConfigName: 'cfg-b',
        DeploymentConfig: rollingConfig(alarms, undefined, rollback)
      })
    )
    return watch(lab, settled, 5)
  }

  it('in batches of 1: traffic back on an old instance still running, then an old one relaunched per step; never more than 5', async () => {
    const seen = await rollingB({ Type: 'INSTANCE_COUNT', Value: 1 })
    const rows = timeline(seen)
    // The alarm is in ALARM when batch 2's bake begins: the rollback starts there, before any
    // poll sees that bake.
    const from = rows.findIndex(r => r.startsWith('Updating old 3 new 2 new ActivatingTraffic'))
    expect(from).toBeGreaterThan(0)
    expect(rows.slice(from)).toEqual([
      'Updating old 3 new 2 new ActivatingTraffic "Activating traffic on 2 instance(s)."',
      'Updating old 3 new 1 new Deleting "Terminating 1 instance(s)."',
      'Updating old 3 new 1 old Creating "Launching 1 instance(s)."',
      'Updating old 4 new 0 new Deleting "Terminating 1 instance(s)."',
      'InService old 4 new -'
    ])
    expect(seen.at(-1)?.EndpointConfigName).toBe('cfg-a')
    expect(lab.emu.peak(ENDPOINT)).toBe(5)
    expect(lab.emu.events().map(e => e.kind)).toEqual(['created', 'rolling-back', 'rolled-back'])
  })

  it('all at once (no RollbackMaximumBatchSize): the old fleet is brought back whole, then every new instance goes', async () => {
    const seen = await rollingB()
    const rows = timeline(seen)
    const from = rows.findIndex(r => r.startsWith('Updating old 3 new 2 new ActivatingTraffic'))
    expect(rows.slice(from)).toEqual([
      'Updating old 3 new 2 new ActivatingTraffic "Activating traffic on 2 instance(s)."',
      'Updating old 3 new 2 old Creating "Launching 1 instance(s)."',
      'Updating old 4 new 0 new Deleting "Terminating 2 instance(s)."',
      'InService old 4 new -'
    ])
    // "Bring up the whole capacity of the old fleet at once": 3 old + 2 new + 1 relaunched.
    expect(lab.emu.peak(ENDPOINT)).toBe(6)
  })
})

suite('rolling deployment: validation (RollingUpdatePolicy reference, exclusions page)', () => {
  async function update(config: Record<string, unknown>): Promise<string> {
    const error = await failure(
      lab.sm.send(
        new UpdateEndpointCommand({
          EndpointName: ENDPOINT,
          EndpointConfigName: 'cfg-e',
          DeploymentConfig: config as never
        })
      )
    )
    return `${error.name}: ${error.message}`
  }

  it('refuses a batch outside 5-50 % (as a percentage or a count of the variant), bad waits and timeouts; nothing starts', async () => {
    const alarms = await liveEndpointA(lab)
    await createModel(lab, 'model-e', MODEL_E)
    await createConfig(lab, 'cfg-e', 'model-e')
    const policy = (over: Record<string, unknown>) => ({
      RollingUpdatePolicy: {
        MaximumBatchSize: { Type: 'CAPACITY_PERCENT', Value: 25 },
        WaitIntervalInSeconds: 60,
        ...over
      },
      AutoRollbackConfiguration: { Alarms: alarms.map(AlarmName => ({ AlarmName })) }
    })
    expect(await update(policy({ MaximumBatchSize: { Type: 'CAPACITY_PERCENT', Value: 4 } }))).toBe(
      "ValidationException: MaximumBatchSize must be between 5% and 50% of the variant's total instance count (got 4%)."
    )
    expect(
      await update(policy({ MaximumBatchSize: { Type: 'CAPACITY_PERCENT', Value: 51 } }))
    ).toBe(
      "ValidationException: MaximumBatchSize must be between 5% and 50% of the variant's total instance count (got 51%)."
    )
    expect(await update(policy({ MaximumBatchSize: { Type: 'INSTANCE_COUNT', Value: 3 } }))).toBe(
      "ValidationException: MaximumBatchSize of 3 instance(s) is 75% of the 4 instance(s) of production variant AllTraffic; it must be between 5% and 50% of the variant's total instance count."
    )
    expect(await update(policy({ WaitIntervalInSeconds: 3601 }))).toBe(
      "ValidationException: 1 validation error detected: Value '3601' at 'deploymentConfig.rollingUpdatePolicy.waitIntervalInSeconds' failed to satisfy constraint: Member must have value less than or equal to 3600"
    )
    expect(await update(policy({ MaximumExecutionTimeoutInSeconds: 599 }))).toBe(
      "ValidationException: 1 validation error detected: Value '599' at 'deploymentConfig.rollingUpdatePolicy.maximumExecutionTimeoutInSeconds' failed to satisfy constraint: Member must have value greater than or equal to 600"
    )
    expect(await update(policy({ MaximumBatchSize: undefined }))).toBe(
      "ValidationException: 1 validation error detected: Value null at 'deploymentConfig.rollingUpdatePolicy.maximumBatchSize' failed to satisfy constraint: Member must not be null"
    )
    expect((await describeEp(lab)).EndpointStatus).toBe('InService')
    // 2 of 4 is 50 %: allowed.
    await lab.sm.send(
      new UpdateEndpointCommand({
        EndpointName: ENDPOINT,
        EndpointConfigName: 'cfg-e',
        DeploymentConfig: policy({
          MaximumBatchSize: { Type: 'INSTANCE_COUNT', Value: 2 }
        }) as never
      })
    )
    expect(
      (await describeEp(lab)).PendingDeploymentSummary?.ProductionVariants?.[0]?.VariantStatus?.[0]
        ?.StatusMessage
    ).toBe('Launching 2 instance(s).')
  })

  it('refuses rolling on a multi-variant endpoint and on a serverless one', async () => {
    await createModel(lab, 'model-a', 's3://lab-models/model-a/model.tar.gz')
    await createModel(lab, 'model-e', MODEL_E)
    const twoVariants = (name: string, model: string) =>
      lab.sm.send(
        new CreateEndpointConfigCommand({
          EndpointConfigName: name,
          ProductionVariants: ['one', 'two'].map(v => ({
            VariantName: v,
            ModelName: model,
            InitialInstanceCount: 2,
            InstanceType: 'ml.m5.large'
          }))
        })
      )
    await twoVariants('cfg-a2', 'model-a')
    await twoVariants('cfg-e', 'model-e')
    await lab.sm.send(
      new CreateEndpointCommand({ EndpointName: ENDPOINT, EndpointConfigName: 'cfg-a2' })
    )
    lab.emu.advance(DEFAULT_SCENARIO.creationSeconds)
    expect(await update(rollingConfig(['some-alarm']))).toBe(
      'ValidationException: Rolling deployments are not supported for endpoints with more than one production variant. Use a BlueGreenUpdatePolicy.'
    )
    await lab.sm.send(
      new CreateEndpointConfigCommand({
        EndpointConfigName: 'cfg-sl',
        ProductionVariants: [
          {
            VariantName: 'AllTraffic',
            ModelName: 'model-e',
            ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 5 }
          }
        ]
      })
    )
    await lab.sm.send(
      new CreateEndpointCommand({ EndpointName: 'sl', EndpointConfigName: 'cfg-sl' })
    )
    lab.emu.advance(DEFAULT_SCENARIO.creationSeconds)
    const error = await failure(
      lab.sm.send(
        new UpdateEndpointCommand({
          EndpointName: 'sl',
          EndpointConfigName: 'cfg-sl',
          DeploymentConfig: rollingConfig(['some-alarm']) as never
        })
      )
    )
    expect(error.message).toBe(
      'Deployment guardrails (DeploymentConfig) are not supported for serverless endpoints. Update the endpoint without a DeploymentConfig.'
    )
  })

  it('an instance quota that fits the fleet and one batch: rolling starts where blue/green does not', async () => {
    await lab.emu.close()
    lab = await startLab({ scenario: { instanceQuota: { 'ml.m5.large': 5 } } })
    const alarms = await liveEndpointA(lab)
    await createModel(lab, 'model-e', MODEL_E)
    await createConfig(lab, 'cfg-e', 'model-e')
    const blueGreen = await failure(
      lab.sm.send(
        new UpdateEndpointCommand({
          EndpointName: ENDPOINT,
          EndpointConfigName: 'cfg-e',
          DeploymentConfig: {
            BlueGreenUpdatePolicy: {
              TrafficRoutingConfiguration: { Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: 60 }
            }
          }
        })
      )
    )
    expect(blueGreen.name).toBe('ResourceLimitExceeded')
    await lab.sm.send(
      new UpdateEndpointCommand({
        EndpointName: ENDPOINT,
        EndpointConfigName: 'cfg-e',
        DeploymentConfig: rollingConfig(alarms)
      })
    )
    const seen = await watch(lab, settled, 10)
    expect(seen.at(-1)?.EndpointConfigName).toBe('cfg-e')
    expect(lab.emu.peak(ENDPOINT)).toBe(5)
  })
})

suite('batch sizes (rolling-policy)', () => {
  it('a percentage rounds up, a count is kept, every batch is 1..total; none is all at once', async () => {
    const { batchOf } = await import('../../emulator/rolling-policy.js')
    expect(batchOf({ Type: 'CAPACITY_PERCENT', Value: 25 }, 4)).toBe(1)
    expect(batchOf({ Type: 'CAPACITY_PERCENT', Value: 30 }, 10)).toBe(3)
    expect(batchOf({ Type: 'CAPACITY_PERCENT', Value: 5 }, 10)).toBe(1)
    expect(batchOf({ Type: 'CAPACITY_PERCENT', Value: 50 }, 3)).toBe(2)
    expect(batchOf({ Type: 'INSTANCE_COUNT', Value: 2 }, 4)).toBe(2)
    expect(batchOf({ Type: 'COPY_COUNT', Value: 9 }, 4)).toBe(4)
    expect(batchOf(undefined, 6)).toBe(6)
  })
})
