// Statuses and refusals a deployment does not ask for, through the real bundle: SageMaker
// maintenance (SystemUpdating) and OutOfService in the middle of the watch, and an account
// instance quota that leaves no room for the green fleet beside the blue one. Model A is live
// from LAB_START + 11 min: Model E's update request is then T+0, with the lab's timings (green
// provisioned at T+480 s, a 5 s activation and a 60 s bake per step).
import { describe, expect, it, jest } from '@jest/globals'
import type { Scenario } from '../../emulator/index.js'
import { LAB_START } from '../../scripts/lib/lab.js'
import { labEmulator, runStep, step, trafficSteps, liveModelA } from './helpers.js'
import { emulatorAllowedActions } from '../robustness/helpers.js'

// A safety net only: on stepped time a run's real duration depends on the machine's load, never
// on what it sees.
jest.setTimeout(600_000)

type Run = Awaited<ReturnType<typeof runStep>>

/** The traffic-steps output as [T+ seconds, blue %, green %, what happened] rows. */
const rows = (r: Run): [number, number, number, string][] =>
  trafficSteps(r).map(s => [s.offsetSeconds, s.bluePercent, s.greenPercent, s.event])

/** The step log's timeline: the lines stamped with a T+ time. */
const timeline = (r: Run): string[] => r.stdout.split('\n').filter(line => line.startsWith('[T'))

/** Model E's update request: Model A went into service 60 s before it. */
const UPDATE_AT = LAB_START + 660_000

async function modelE(switches: Partial<Scenario>) {
  const emulator = await labEmulator()
  try {
    await liveModelA(emulator)
    emulator.setScenario(switches)
    const result = await runStep(emulator, step('Model E'), {
      inputs: { 'retain-deployment-config': 'false', 'wait-interval': '60' }
    })
    return { result, events: emulator.events() }
  } finally {
    await emulator.close()
  }
}

describe('in the middle of a watch', () => {
  it('SystemUpdating: waited out, then deployed, and the log says what it is', async () => {
    const { result } = await modelE({ systemUpdatingAfterSeconds: 600, systemUpdatingSeconds: 240 })
    expect(result.outputs.outcome).toBe('deployed')
    expect(result.code).toBe(0)
    // SystemUpdating from T+600 s to T+840 s, in step 2's bake: its last 10 s, and every later
    // phase, come 240 s later (step 3 at T+850 s, not T+610 s). No poll fell in the 5 s
    // activations of steps 3 and 4: their rows are their bakes.
    expect(timeline(result)).toEqual([
      '[T+0] endpoint Updating',
      '[T+0] green fleet Creating: Launching 4 instance(s).',
      '[T+8 min] green fleet ActivatingTraffic (green 25% / blue 75%): Activating traffic on 1 instance(s).',
      '[T+8 min 5 s] green fleet Baking (green 25% / blue 75%): Baking for 60 seconds with traffic enabled on 1 instance(s).',
      '[T+9 min 5 s] green fleet ActivatingTraffic (green 50% / blue 50%): Activating traffic on 2 instance(s).',
      '[T+9 min 10 s] green fleet Baking (green 50% / blue 50%): Baking for 60 seconds with traffic enabled on 2 instance(s).',
      '[T+10 min] endpoint SystemUpdating (SageMaker maintenance: the deployment waits until it ends)',
      '[T+14 min] endpoint Updating',
      '[T+14 min 15 s] green fleet Baking (green 75% / blue 25%): Baking for 60 seconds with traffic enabled on 3 instance(s).',
      // The step at 100 % bakes only the final bake (B's policy, retained: 300 s, derived from the
      // alarms' detection time), then blue's 120 s decommission.
      '[T+15 min 20 s] green fleet Baking (green 100% / blue 0%): Baking for 300 seconds (TerminationWaitInSeconds) with traffic enabled on full capacity of 4 instance(s).',
      '[T+22 min 20 s] endpoint InService on lab-endpoint-e5e5e5e-1003-1'
    ])
    expect(rows(result)).toEqual([
      [0, 100, 0, 'deployment starts, green fleet provisioning'],
      [480, 75, 25, 'step 1 of 4: 25% shifted to green, alarms monitored'],
      [545, 50, 50, 'step 2 of 4: 50% shifted to green, alarms monitored'],
      [855, 25, 75, 'step 3 of 4: 75% shifted to green, alarms monitored'],
      [920, 0, 100, 'all traffic on green (step 4 of 4), alarms monitored'],
      [1340, 0, 100, 'complete, blue fleet decommissioned']
    ])
  })

  it('OutOfService: failed at once, saying the endpoint takes no requests and what to do', async () => {
    const { result, events } = await modelE({ outOfServiceAfterSeconds: 600 })
    expect(events.map(e => [e.kind, (e.simulatedTime - UPDATE_AT) / 1000])).toEqual([
      ['created', -60],
      ['out-of-service', 600]
    ])
    expect(result.outputs.outcome).toBe('failed')
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(
      /::error::Deployment failed: The endpoint went OutOfService during the deployment: SageMaker reports it is not available to take incoming requests, and lab-endpoint-e5e5e5e-1003-1 never took over from lab-endpoint-a1a1a1a-1001-1\. Check the endpoint in the SageMaker console; run this step again once it is InService\./
    )
    expect(result.summary).toContain('OutOfService')
    expect(result.outputs['failure-reason']).toBe(
      'Endpoint OutOfService: SageMaker reports it is not available to take incoming requests.'
    )
    // Seen at the first poll after T+600 s, in step 2's bake: no step after it.
    expect(rows(result)).toEqual([
      [0, 100, 0, 'deployment starts, green fleet provisioning'],
      [480, 75, 25, 'step 1 of 4: 25% shifted to green, alarms monitored'],
      [545, 50, 50, 'step 2 of 4: 50% shifted to green, alarms monitored']
    ])
    expect(timeline(result).at(-1)).toBe(
      '[T+10 min] endpoint OutOfService (SageMaker: not available to take incoming requests)'
    )
    expect(result.outputs['duration-seconds']).toBe('610')
  })
})

describe('the account instance quota', () => {
  it('ResourceLimitExceeded for the doubled fleet, the quota unreadable: failed before anything live changed', async () => {
    // The role may not read Service Quotas: pre-flight notes it, and the update meets the quota.
    const allowed = emulatorAllowedActions().filter(a => !a.startsWith('servicequotas:'))
    const emulator = await labEmulator({ allowedActions: allowed })
    try {
      await liveModelA(emulator)
      emulator.setScenario({ instanceQuota: { 'ml.m5.large': 6 } })
      const b = await runStep(emulator, step('Model B'))
      expect(b.stdout).toContain(
        'Could not check capacity: ListServiceQuotas was denied (allow servicequotas:ListServiceQuotas to the role)'
      )
      expect(b.outputs.outcome).toBe('failed')
      expect(b.code).toBe(1)
      expect(b.stdout).toMatch(
        /::error::.*ResourceLimitExceeded.*'ml\.m5\.large for endpoint usage' is 6 Instances, with current utilization of 4 Instances and a request delta of 4 Instances/
      )
      // Said plainly: the doubled fleet needs room, and what to do about it.
      expect(b.summary).toContain(
        'The update runs new instances next to the live fleet: 4 live + 4 new = 8 ml.m5.large instances at the peak, more than the account\'s quota allows. Raise the "ml.m5.large for endpoint usage" quota in Service Quotas, or use traffic-routing: rolling (one extra batch at a time), or fewer instances.'
      )
      // Model B's alarms and green resources are created; the update is refused, nothing after it.
      expect(b.mutating).toEqual([
        'PutMetricAlarm',
        'PutMetricAlarm',
        'CreateModel',
        'CreateEndpointConfig',
        'UpdateEndpoint'
      ])
      expect(trafficSteps(b)).toEqual([])
      expect(
        emulator
          .calls()
          .filter(c => c.operation === 'UpdateEndpoint')
          .at(-1)?.status
      ).toBe(400)
    } finally {
      await emulator.close()
    }
  })
})
