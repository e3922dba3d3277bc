// rollback-to through the bundle: a step that puts an existing endpoint config back (the one the
// live config replaced, or one named) with the regression rollback's request, watched to the end
// like a deployment. Refusals write nothing; a lost answer is settled by a read; a cancellation
// after SageMaker accepted it says so.
import { describe, expect, it, jest } from '@jest/globals'
import type { Emulator } from '../../emulator/index.js'
import type { FaultRule } from '../../emulator/scenario.js'
import { runAction, type ActionResult } from '../../scripts/lib/action-runner.js'
import { LAB_ENDPOINT, LAB_IMAGE, LAB_ROLE, labModel } from '../../scripts/lib/lab.js'
import { labEmulator, liveModelA, sagemakerCall } from './helpers.js'

// A safety net only: on stepped time a run's real duration depends on the machine's load.
jest.setTimeout(600_000)

const A_CONFIG = `${LAB_ENDPOINT}-a1a1a1a-1001-1`
const B_CONFIG = `${LAB_ENDPOINT}-b2b2b2b-2002-1`
const MUTATING = /^(Create|Update|Delete|Put|Add|Register|Deregister|Tag|Untag)/
const REQUESTED = new RegExp(`^UpdateEndpoint ${LAB_ENDPOINT} → \\S+ requested`)

/** Model A live (not deployed by the action), then Model B deployed by the action over it. */
async function lab(): Promise<Emulator> {
  const emulator = await labEmulator({
    models: {
      [labModel('a')]: { errorRate: 0, latencyMs: 40 },
      [labModel('b')]: { errorRate: 0, latencyMs: 45 }
    }
  })
  await liveModelA(emulator)
  const deployB = await runAction({
    inputs: {
      'endpoint-name': LAB_ENDPOINT,
      'image-uri': LAB_IMAGE,
      'execution-role-arn': LAB_ROLE,
      'model-data-url': labModel('b'),
      'traffic-routing': 'all-at-once'
    },
    env: {
      ...emulator.env(),
      GITHUB_SHA: 'b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2',
      GITHUB_RUN_ID: '2002'
    }
  })
  expect(deployB.outputs.outcome).toBe('deployed')
  return emulator
}

interface Restored {
  readonly result: ActionResult
  readonly endpoint: { status: string; config: string }
  /** The restore run's mutating calls that SageMaker answered with 200. */
  readonly writes: { operation: string; params: Record<string, unknown> }[]
}

async function restore(
  inputs: Record<string, string>,
  o: {
    fault?: FaultRule
    cancel?: boolean
    before?: (emulator: Emulator) => Promise<void>
  } = {}
): Promise<Restored> {
  const emulator = await lab()
  try {
    await o.before?.(emulator)
    // The restore's UpdateEndpoint is the only one this run sends.
    if (o.fault) emulator.setScenario({ faults: [o.fault] })
    const from = emulator.calls().length
    const result = await runAction({
      inputs: { 'endpoint-name': LAB_ENDPOINT, ...inputs },
      env: {
        ...emulator.env(),
        GITHUB_SHA: 'e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5',
        GITHUB_RUN_ID: '5005'
      },
      ...(o.cancel ? { signalOn: { signal: 'SIGINT' as const, line: REQUESTED } } : {})
    })
    const writes = emulator
      .calls()
      .slice(from)
      .filter(c => MUTATING.test(c.operation) && c.status === 200)
      .map(c => ({ operation: c.operation, params: c.params as Record<string, unknown> }))
    // SageMaker goes on after the run: let it finish what it accepted, then read.
    emulator.advance(1200)
    const ep = (await sagemakerCall(emulator, 'DescribeEndpoint', {
      EndpointName: LAB_ENDPOINT
    })) as { EndpointStatus: string; EndpointConfigName: string }
    return {
      result,
      endpoint: { status: ep.EndpointStatus, config: ep.EndpointConfigName },
      writes
    }
  } finally {
    await emulator.close()
  }
}

const THE_REQUEST = {
  EndpointName: LAB_ENDPOINT,
  EndpointConfigName: A_CONFIG,
  DeploymentConfig: {
    BlueGreenUpdatePolicy: {
      TrafficRoutingConfiguration: { Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: 0 },
      TerminationWaitInSeconds: 0
    }
  }
}

describe('rollback-to', () => {
  it('previous: the config B replaced is put back with one UpdateEndpoint, nothing created', async () => {
    const run = await restore({ 'rollback-to': 'previous' })
    expect({ outcome: run.result.outputs.outcome, code: run.result.code }).toEqual({
      outcome: 'deployed',
      code: 0
    })
    expect(run.writes).toStrictEqual([{ operation: 'UpdateEndpoint', params: THE_REQUEST }])
    expect(run.endpoint).toEqual({ status: 'InService', config: A_CONFIG })
    expect(run.result.outputs['endpoint-config-name']).toBe(A_CONFIG)
    expect(run.result.outputs['previous-endpoint-config-name']).toBe(B_CONFIG)
    expect(run.result.summary).toContain(
      `Restore: ${A_CONFIG}, the config ${B_CONFIG} replaced (rollback-to: previous)`
    )
    expect(run.result.summary).toContain(
      `Restored on request (rollback-to: previous): ${A_CONFIG} is the endpoint's config, in service.`
    )
    // No alarm guards a restore: no row says one is watched.
    expect(run.result.summary).toContain('| all traffic on green (step 1 of 1) |')
    expect(run.result.summary).not.toContain('alarms monitored')
  })

  it('a config named: the same restore', async () => {
    const run = await restore({ 'rollback-to': A_CONFIG })
    expect(run.result.outputs.outcome).toBe('deployed')
    expect(run.writes).toStrictEqual([{ operation: 'UpdateEndpoint', params: THE_REQUEST }])
    expect(run.result.summary).toContain(`Restore: ${A_CONFIG} (named in rollback-to)`)
  })

  it('the config already live: nothing to do, nothing written', async () => {
    const run = await restore({ 'rollback-to': B_CONFIG })
    expect({ outcome: run.result.outputs.outcome, code: run.result.code }).toEqual({
      outcome: 'deployed',
      code: 0
    })
    expect(run.writes).toEqual([])
    expect(run.result.summary).toContain(
      `The endpoint already serves ${B_CONFIG}, the config rollback-to restores; nothing was changed.`
    )
  })

  it('dry-run: the plan names the config and the request, nothing written', async () => {
    const run = await restore({ 'rollback-to': 'previous', 'dry-run': 'true' })
    expect(run.result.outputs.outcome).toBe('planned')
    expect(run.writes).toEqual([])
    expect(run.result.summary).toContain(`Restore: ${A_CONFIG}, the config ${B_CONFIG} replaced`)
    expect(run.result.summary).toContain('"Type": "ALL_AT_ONCE"')
    expect(run.result.summary).not.toContain('CreateEndpointConfig')
    expect(run.endpoint.config).toBe(B_CONFIG)
  })

  it('previous on a live config the action did not create: refused by name, nothing written', async () => {
    const run = await restore(
      { 'rollback-to': 'previous' },
      {
        // Model A's config again, made by hand: it carries no tag of the action.
        before: async emulator => {
          await sagemakerCall(emulator, 'UpdateEndpoint', {
            EndpointName: LAB_ENDPOINT,
            EndpointConfigName: A_CONFIG
          })
          emulator.advance(1200)
        }
      }
    )
    expect({ outcome: run.result.outputs.outcome, code: run.result.code }).toEqual({
      outcome: 'failed',
      code: 1
    })
    expect(run.result.stdout).toContain(
      `rollback-to: previous needs the tag sagemaker-deploy:replaces on the live config ${A_CONFIG}`
    )
    expect(run.result.stdout).toContain(`The newest configs named like the endpoint: ${B_CONFIG}`)
    expect(run.writes).toEqual([])
  })

  it('the config deleted: refused before any write', async () => {
    const run = await restore(
      { 'rollback-to': 'previous' },
      {
        before: async emulator => {
          await sagemakerCall(emulator, 'DeleteEndpointConfig', { EndpointConfigName: A_CONFIG })
        }
      }
    )
    expect(run.result.outputs.outcome).toBe('failed')
    expect(run.result.stdout).toContain(
      `rollback-to cannot restore ${A_CONFIG}: no endpoint config of that name exists in`
    )
    expect(run.writes).toEqual([])
    expect(run.endpoint.config).toBe(B_CONFIG)
  })

  it('its model deleted: refused before any write', async () => {
    const run = await restore(
      { 'rollback-to': A_CONFIG },
      {
        before: async emulator => {
          await sagemakerCall(emulator, 'DeleteModel', { ModelName: A_CONFIG })
        }
      }
    )
    expect(run.result.outputs.outcome).toBe('failed')
    expect(run.result.stdout).toContain(
      `rollback-to cannot restore ${A_CONFIG}: its model ${A_CONFIG} no longer exists`
    )
    expect(run.writes).toEqual([])
  })

  it('its answer lost: a read shows it applied, it is watched to the end', async () => {
    const run = await restore(
      { 'rollback-to': 'previous' },
      { fault: { operation: 'UpdateEndpoint', dropAfterApplyRate: 1, times: 1 } }
    )
    expect(run.result.outputs.outcome).toBe('deployed')
    expect(run.result.stdout).toContain(
      'Reading the endpoint to see whether the request was applied.'
    )
    expect(run.writes.map(w => w.operation)).toEqual(['UpdateEndpoint'])
    expect(run.endpoint).toEqual({ status: 'InService', config: A_CONFIG })
  })

  it('throttled past the retries: a read shows it not applied, said so', async () => {
    const run = await restore(
      { 'rollback-to': 'previous' },
      {
        fault: {
          operation: 'UpdateEndpoint',
          failRate: 1,
          fail: { code: 'ThrottlingException', message: 'Rate exceeded', status: 400 }
        }
      }
    )
    expect({ outcome: run.result.outputs.outcome, code: run.result.code }).toEqual({
      outcome: 'failed',
      code: 1
    })
    expect(run.writes).toEqual([])
    expect(run.endpoint.config).toBe(B_CONFIG)
    expect(run.result.summary).toContain(
      `A read of the endpoint afterwards shows it InService on ${B_CONFIG}: this run did not change it.`
    )
  })

  it('cancelled once SageMaker has it: the restore goes on, the job says so', async () => {
    const run = await restore({ 'rollback-to': 'previous' }, { cancel: true })
    expect(run.result.code).toBe(1)
    expect(run.writes.map(w => w.operation)).toEqual(['UpdateEndpoint'])
    expect(run.endpoint).toEqual({ status: 'InService', config: A_CONFIG })
    expect(run.result.outputs.outcome).not.toBe('deployed')
  })

  it('with a model input: refused by name before anything is read', async () => {
    const result = await runAction({
      inputs: {
        'endpoint-name': LAB_ENDPOINT,
        'rollback-to': 'previous',
        'model-data-url': labModel('b'),
        'step-size': '10'
      },
      env: { AWS_REGION: 'us-east-1' }
    })
    expect(result.outputs.outcome).toBe('failed')
    expect(result.stdout).toContain(
      'Input "rollback-to" restores an existing endpoint config as it is (all at once, no alarm, nothing created), so "model-data-url" and "step-size" cannot be set with it.'
    )
  })
})
