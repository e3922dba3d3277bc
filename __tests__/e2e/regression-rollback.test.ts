// The action's own rollback after a regression, through the bundle, when its UpdateEndpoint meets
// faults: its answer lost, throttled past the SDK's retries, or the job cancelled while it is on
// its way. A model with no final bake (accepted) completes, its 5XX alarm fires after SageMaker
// completed, and the action rolls back to Model A's config; what it says must be what a read of
// the endpoint shows. The fault is set on the rollback's own call only: when the action prints
// the line it writes before sending it (the emulator handles a request only once the test has
// every line printed before it).
import { describe, expect, it, jest } from '@jest/globals'
import type { Emulator } from '../../emulator/index.js'
import type { FaultRule } from '../../emulator/scenario.js'
import { runAction, type ActionResult } from '../../scripts/lib/action-runner.js'
import { LAB_ENDPOINT, LAB_IMAGE, LAB_ROLE, labModel } from '../../scripts/lib/lab.js'
import { labEmulator, liveModelA, sagemakerCall } from './helpers.js'

// A safety net only: on stepped time a run's real duration depends on the machine's load.
jest.setTimeout(600_000)

const BROKEN = 's3://lab-models/rollback-broken/model.tar.gz'
const A_CONFIG = `${LAB_ENDPOINT}-a1a1a1a-1001-1`
const B_CONFIG = `${LAB_ENDPOINT}-c5c5c5c-3005-1`
const ROLLBACK_LINE = /^on-regression: rollback\. UpdateEndpoint/

async function lab(): Promise<Emulator> {
  const emulator = await labEmulator({
    metricDelaySeconds: 180,
    models: {
      [labModel('a')]: { errorRate: 0, latencyMs: 40 },
      [BROKEN]: { errorRate: 0.2, latencyMs: 45, failuresAfterSeconds: 50 }
    }
  })
  await liveModelA(emulator)
  return emulator
}

interface Run {
  readonly result: ActionResult
  /** The endpoint at the end: status and config. */
  readonly endpoint: { status: string; config: string }
  readonly updates: string[]
}

/** All at once with no final bake (accepted): SageMaker completes, the alarm fires after it. */
async function regress(fault?: FaultRule, cancel = false, on = ROLLBACK_LINE): Promise<Run> {
  const emulator = await lab()
  try {
    const result = await runAction({
      inputs: {
        'endpoint-name': LAB_ENDPOINT,
        'image-uri': LAB_IMAGE,
        'execution-role-arn': LAB_ROLE,
        'model-data-url': BROKEN,
        'traffic-routing': 'all-at-once',
        'termination-wait': '0',
        'accept-unguarded-final-step': 'true'
      },
      env: {
        ...emulator.env(),
        GITHUB_SHA: 'c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5',
        GITHUB_RUN_ID: '3005'
      },
      onLine: line => {
        if (fault && on.test(line)) emulator.setScenario({ faults: [fault] })
      },
      ...(cancel ? { signalOn: { signal: 'SIGINT' as const, line: ROLLBACK_LINE } } : {})
    })
    // SageMaker goes on after the run: let it finish what it accepted, then read.
    emulator.advance(1200)
    const ep = (await sagemakerCall(emulator, 'DescribeEndpoint', {
      EndpointName: LAB_ENDPOINT
    })) as { EndpointStatus: string; EndpointConfigName: string }
    const updates = emulator
      .calls()
      .filter(c => c.operation === 'UpdateEndpoint' && c.status === 200)
      .map(c => String((c.params as Record<string, unknown>)['EndpointConfigName']))
    return {
      result,
      endpoint: { status: ep.EndpointStatus, config: ep.EndpointConfigName },
      updates
    }
  } finally {
    await emulator.close()
  }
}

describe('the rollback after a regression, under faults', () => {
  it('its answer lost: a read shows it applied, it is watched to the end', async () => {
    const run = await regress({ operation: 'UpdateEndpoint', dropAfterApplyRate: 1, times: 1 })
    expect({ outcome: run.result.outputs.outcome, code: run.result.code }).toEqual({
      outcome: 'regressed',
      code: 1
    })
    expect(run.result.stdout).toContain(
      `The action rolled it back (on-regression: rollback): ${A_CONFIG} serves all the traffic again since T+`
    )
    expect(run.endpoint).toEqual({ status: 'InService', config: A_CONFIG })
    expect(run.updates).toEqual([B_CONFIG, A_CONFIG])
  })

  it('the previous config deleted meanwhile: said so, nothing written', async () => {
    // From the completion on, SageMaker answers that A's config does not exist (as once deleted).
    const run = await regress(
      {
        operation: 'DescribeEndpointConfig',
        failRate: 1,
        fail: {
          code: 'ValidationException',
          message: `Could not find endpoint configuration "${A_CONFIG}".`,
          status: 400
        }
      },
      false,
      /no longer watches the alarms/
    )
    expect(run.result.outputs.outcome).toBe('regressed')
    expect(run.result.stdout).toContain(
      `The action cannot roll back to ${A_CONFIG}: that endpoint config no longer exists. Deploy the previous model again.`
    )
    expect(run.result.stdout).not.toContain('To undo, deploy')
    expect(run.updates).toEqual([B_CONFIG])
    expect(run.endpoint).toEqual({ status: 'InService', config: B_CONFIG })
  })

  it('throttled past the retries: a read proves it not applied, and the job says so', async () => {
    const run = await regress({
      operation: 'UpdateEndpoint',
      failRate: 1,
      fail: { code: 'ThrottlingException', message: 'Rate exceeded', status: 400 }
    })
    expect(run.result.outputs.outcome).toBe('regressed')
    expect(run.result.stdout).toContain(
      `A read afterwards shows the endpoint still on ${B_CONFIG}: not rolled back. Deploy ${A_CONFIG} again.`
    )
    expect(run.endpoint).toEqual({ status: 'InService', config: B_CONFIG })
    expect(run.updates).toEqual([B_CONFIG])
  })

  it('cancelled while the rollback is on its way: what the read shows, never a guess', async () => {
    const run = await regress(undefined, true)
    expect(run.result.outputs.outcome).toBe('regressed')
    // The signal comes when the action next waits: with the rollback's request sent. SageMaker
    // has it, and goes on after the job: the job says so, and the endpoint ends on A.
    expect(run.result.stdout).toContain(
      `The job was cancelled after SageMaker accepted the rollback to ${A_CONFIG}: it goes on unwatched`
    )
    expect(run.result.stdout).not.toContain(`To undo, deploy ${A_CONFIG} again.`)
    expect(run.endpoint).toEqual({ status: 'InService', config: A_CONFIG })
  })
})
