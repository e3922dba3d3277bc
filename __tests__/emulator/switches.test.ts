import { describe, it, expect, afterEach } from '@jest/globals'
import { DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch'
import {
  UpdateEndpointCommand,
  type DescribeEndpointCommandOutput
} from '@aws-sdk/client-sagemaker'
import {
  createConfig,
  createModel,
  ENDPOINT,
  linearConfig,
  liveEndpointA,
  MODEL_B,
  MODEL_E,
  startLab,
  stopLab,
  watch,
  type Lab
} from './helpers.js'
import type { Scenario } from '../../emulator/index.js'

let lab: Lab
afterEach(async () => {
  await stopLab(lab)
})

async function deploy(
  model: string,
  switches: Partial<Scenario>,
  stop = (d: DescribeEndpointCommandOutput) => d.EndpointStatus === 'InService'
): Promise<DescribeEndpointCommandOutput[]> {
  lab = await startLab()
  lab.emu.setScenario(switches)
  const alarms = await liveEndpointA(lab)
  await createModel(lab, 'model-new', model)
  await createConfig(lab, 'cfg-new', 'model-new')
  await lab.sm.send(
    new UpdateEndpointCommand({
      EndpointName: ENDPOINT,
      EndpointConfigName: 'cfg-new',
      DeploymentConfig: linearConfig(alarms)
    })
  )
  lab.emu.advance(1)
  return watch(lab, stop, 5)
}

describe('real-world switches', () => {
  // ACK's real-service test (update_endpoint_failed_test) sees a non-null FailureReason after a
  // faulty model's update; terraform-provider-aws #48997: "the FailureReason may become empty".
  it('a health-check rollback names the variant; emptyFailureReasonOnRollback empties it', async () => {
    const broken = { models: { [MODEL_B]: { failHealthCheck: true } } }
    const named = await deploy(MODEL_B, broken)
    expect(named.at(-1)).toMatchObject({ EndpointStatus: 'InService', EndpointConfigName: 'cfg-a' })
    expect(named.at(-1)?.FailureReason).toBe(
      'The primary container for production variant AllTraffic did not pass the ping health check. Please check CloudWatch logs for this endpoint.'
    )
    await stopLab(lab)
    const seen = await deploy(MODEL_B, { ...broken, emptyFailureReasonOnRollback: true })
    const final = seen[seen.length - 1]
    expect(final).toMatchObject({ EndpointStatus: 'InService', EndpointConfigName: 'cfg-a' })
    expect(final?.FailureReason).toBeUndefined()
    expect(final?.PendingDeploymentSummary).toBeUndefined()
  })

  it('transientRollingBack: RollingBack for a while, then InService on the old config', async () => {
    const seen = await deploy(MODEL_B, { transientRollingBack: true, rollingBackSeconds: 30 })
    const statuses = seen.map(d => d.EndpointStatus).filter((s, i, all) => s !== all[i - 1])
    expect(statuses).toEqual(['Updating', 'RollingBack', 'InService'])
    const rolling = seen.find(d => d.EndpointStatus === 'RollingBack')
    expect(
      rolling?.PendingDeploymentSummary?.ProductionVariants?.[0]?.VariantStatus?.[0]?.Status
    ).toBe('Deleting')
    expect(seen[seen.length - 1]?.EndpointConfigName).toBe('cfg-a')
  })

  it('updateRollbackFailed: ends in UpdateRollbackFailed with both fleets serving', async () => {
    const seen = await deploy(
      MODEL_B,
      { updateRollbackFailed: true },
      d => d.EndpointStatus !== 'Updating'
    )
    const final = seen[seen.length - 1]
    expect(final?.EndpointStatus).toBe('UpdateRollbackFailed')
    expect(final?.FailureReason).toMatch(/The rollback failed/)
    expect(final?.ProductionVariants?.[0]?.CurrentInstanceCount).toBeGreaterThan(0)
    expect(
      final?.PendingDeploymentSummary?.ProductionVariants?.[0]?.CurrentInstanceCount
    ).toBeGreaterThan(0)
  })

  it('alarmsInAlarm: an alarm already in ALARM rolls back at the first bake', async () => {
    const seen = await deploy(MODEL_E, { alarmsInAlarm: ['lab-endpoint-latency'] })
    const final = seen[seen.length - 1]
    expect(final?.EndpointConfigName).toBe('cfg-a')
    expect(final?.FailureReason).toBeUndefined()
    const alarms = await lab.cw.send(
      new DescribeAlarmsCommand({ AlarmNames: ['lab-endpoint-latency'] })
    )
    expect(alarms.MetricAlarms?.[0]?.StateValue).toBe('ALARM')
    // Rolled back during the first step's bake.
    const greens = seen
      .map(d => d.PendingDeploymentSummary?.ProductionVariants?.[0]?.CurrentInstanceCount)
      .filter(n => n !== undefined)
    expect(Math.max(...greens)).toBe(1)
  })

  it('configNameSwitchesEarly: the new name shows during the update, the old one after rollback', async () => {
    const seen = await deploy(MODEL_B, { configNameSwitchesEarly: true })
    expect(seen[0]).toMatchObject({ EndpointStatus: 'Updating', EndpointConfigName: 'cfg-new' })
    expect(seen[seen.length - 1]).toMatchObject({
      EndpointStatus: 'InService',
      EndpointConfigName: 'cfg-a'
    })
  })
})
