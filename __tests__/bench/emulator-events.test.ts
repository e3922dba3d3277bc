import { describe as suite, it, expect, beforeEach, afterEach } from '@jest/globals'
import { UpdateEndpointCommand } from '@aws-sdk/client-sagemaker'
import { VirtualClock } from '../../emulator/clock.js'
import { DEFAULT_SCENARIO } from '../../emulator/index.js'
import {
  createConfig,
  createModel,
  describeEp,
  ENDPOINT,
  linearConfig,
  liveEndpointA,
  MODEL_B,
  MODEL_E,
  startLab,
  stopLab,
  watch,
  type Lab
} from '../emulator/helpers.js'

suite('VirtualClock.realTimeAt', () => {
  it('maps a simulated moment back to the real moment the clock passed it', () => {
    let real = 1_000_000
    const clock = new VirtualClock(60, () => real)
    real += 2_000
    expect(clock.now()).toBe(1_000_000 + 120_000)
    expect(clock.realTimeAt(1_000_000 + 60_000)).toBe(1_001_000)
    clock.advance(60)
    real += 1_000
    // After the jump, within it, and before it.
    expect(clock.realTimeAt(1_000_000 + 240_000)).toBe(1_003_000)
    expect(clock.realTimeAt(1_000_000 + 150_000)).toBe(1_002_000)
    expect(clock.realTimeAt(1_000_000 + 60_000)).toBe(1_001_000)
    // Not yet reached: never later than now.
    expect(clock.realTimeAt(1_000_000 + 600_000)).toBe(1_003_000)
  })

  it('with timeScale 0 answers the real time of the question', () => {
    let real = 5_000
    const clock = new VirtualClock(0, () => real)
    real += 700
    expect(clock.realTimeAt(123)).toBe(5_700)
  })
})

suite('the event log', () => {
  let lab: Lab
  beforeEach(async () => {
    lab = await startLab()
  })
  afterEach(async () => {
    await stopLab(lab)
  })

  it('records creation, the rollback of B and the completion of E at their exact times', async () => {
    const alarms = await liveEndpointA(lab)
    await describeEp(lab)
    const created = lab.emu.events()
    expect(created.map(e => [e.kind, e.endpointName])).toEqual([['created', ENDPOINT]])

    await createModel(lab, 'model-b', MODEL_B)
    await createConfig(lab, 'cfg-b', 'model-b')
    await lab.sm.send(
      new UpdateEndpointCommand({
        EndpointName: ENDPOINT,
        EndpointConfigName: 'cfg-b',
        DeploymentConfig: linearConfig(alarms)
      })
    )
    const seen = await watch(lab, d => d.EndpointStatus !== 'Updating', 5)
    const rollingBack = lab.emu.events().find(e => e.kind === 'rolling-back')
    const rolledBack = lab.emu.events().find(e => e.kind === 'rolled-back')
    // Alarms are evaluated on whole minutes: the rollback starts on one, and ends once green is
    // torn down.
    expect((rollingBack?.simulatedTime ?? 1) % 60_000).toBe(0)
    expect((rolledBack?.simulatedTime ?? 0) - (rollingBack?.simulatedTime ?? 0)).toBe(
      DEFAULT_SCENARIO.rollingBackSeconds * 1000
    )
    expect(rolledBack?.simulatedTime).toBeLessThanOrEqual(lab.emu.now())
    expect(seen[seen.length - 1]?.LastModifiedTime?.getTime()).toBe(rolledBack?.simulatedTime)

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
    const retry = await watch(lab, d => d.EndpointStatus !== 'Updating', 5)
    const events = lab.emu.events()
    expect(events.map(e => e.kind)).toEqual(['created', 'rolling-back', 'rolled-back', 'completed'])
    expect(events.map(e => e.seq)).toEqual([1, 2, 3, 4])
    const completed = events[3]
    expect(retry[retry.length - 1]?.LastModifiedTime?.getTime()).toBe(completed?.simulatedTime)
    for (const e of events) expect(e.realTime).toBeLessThanOrEqual(Date.now())
  })

  it('rolls back when a bake starts with an alarm in ALARM, at that moment', async () => {
    const alarms = await liveEndpointA(lab)
    await createModel(lab, 'model-e', MODEL_E)
    await createConfig(lab, 'cfg-e', 'model-e')
    const start = lab.emu.now()
    await lab.sm.send(
      new UpdateEndpointCommand({
        EndpointName: ENDPOINT,
        EndpointConfigName: 'cfg-e',
        DeploymentConfig: linearConfig(alarms)
      })
    )
    const { provisioningSeconds, activatingSeconds } = DEFAULT_SCENARIO
    lab.emu.advance(provisioningSeconds + 1) // then ActivatingTraffic for a few seconds
    lab.emu.setScenario({ alarmsInAlarm: [alarms[0]!] })
    lab.emu.advance(10)
    const d = await describeEp(lab)
    const rolledBack = lab.emu.events().find(e => e.kind === 'rolling-back')
    const bakeStart = start + (provisioningSeconds + activatingSeconds) * 1000
    expect(d.EndpointConfigName).toBe('cfg-a')
    expect(rolledBack?.simulatedTime).toBe(bakeStart)
    expect(d.LastModifiedTime?.getTime()).toBe(bakeStart)
  })

  it('serves the log at GET /_emulator/events', async () => {
    await liveEndpointA(lab)
    const response = await fetch(`${lab.emu.url}/_emulator/events`)
    const body = (await response.json()) as { kind: string }[]
    expect(body.map(e => e.kind)).toEqual(['created'])
  })
})
