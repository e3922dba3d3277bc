// Statuses and refusals a deployment does not ask for, through the real bundle: SageMaker
// maintenance (SystemUpdating) and OutOfService in the middle of the watch, and an account
// instance quota that leaves no room for the green fleet beside the blue one.
import { describe, expect, it } from '@jest/globals'
import type { Scenario } from '../../emulator/index.js'
import { labEmulator, runStep, step, trafficSteps, liveModelA } from './helpers.js'

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
    expect(result.stdout).toMatch(
      /endpoint SystemUpdating \(SageMaker maintenance: the deployment waits until it ends\)/
    )
    expect(trafficSteps(result).map(s => s.greenPercent)).toEqual([0, 25, 50, 75, 100, 100])
  }, 60_000)

  it('OutOfService: failed at once, saying the endpoint takes no requests and what to do', async () => {
    const { result, events } = await modelE({ outOfServiceAfterSeconds: 600 })
    expect(events.some(e => e.kind === 'out-of-service')).toBe(true)
    expect(result.outputs.outcome).toBe('failed')
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(
      /::error::Deployment failed: The endpoint went OutOfService during the deployment: SageMaker reports it is not available to take incoming requests, and lab-endpoint-e5e5e5e-1003-1 never took over from lab-endpoint-a1a1a1a-1001-1\. Check the endpoint in the SageMaker console; run this step again once it is InService\./
    )
    expect(result.summary).toContain('OutOfService')
  }, 60_000)
})

describe('the account instance quota', () => {
  it('ResourceLimitExceeded for the doubled fleet: failed before anything live changed', async () => {
    const emulator = await labEmulator()
    try {
      await liveModelA(emulator)
      emulator.setScenario({ instanceQuota: { 'ml.m5.large': 6 } })
      const b = await runStep(emulator, step('Model B'))
      expect(b.outputs.outcome).toBe('failed')
      expect(b.code).toBe(1)
      expect(b.stdout).toMatch(
        /::error::.*ResourceLimitExceeded.*'ml\.m5\.large for endpoint usage' is 6 Instances, with current utilization of 4 Instances and a request delta of 4 Instances/
      )
      // Said plainly: the doubled fleet needs room, and what to do about it.
      expect(b.summary).toContain(
        'The update runs new instances next to the live fleet: 4 live + 4 new = 8 ml.m5.large instances at the peak, more than the account\'s quota allows. Raise the "ml.m5.large for endpoint usage" quota in Service Quotas, or use traffic-routing: rolling (one extra batch at a time), or fewer instances.'
      )
      expect(b.mutating.filter(op => op === 'UpdateEndpoint')).toEqual(['UpdateEndpoint'])
      expect(
        emulator
          .calls()
          .filter(c => c.operation === 'UpdateEndpoint')
          .at(-1)?.status
      ).toBe(400)
    } finally {
      await emulator.close()
    }
  }, 60_000)
})
