// Truth after the write for an inference component: UpdateInferenceComponent is not retried by
// the SDK; after any failure the component is read, and only a read showing the update was not
// applied allows another try.
import { describe, expect, it } from '@jest/globals'
import { AwsCallError, type AwsApi } from '../../../src/aws/api.js'
import { classifyComponentWrite, launchComponent } from '../../../src/target/component/launch.js'
import { buildComponentPlan } from '../../../src/target/component/plan.js'
import { readInputs } from '../../../src/inputs/index.js'
import type { LaunchDeps } from '../../../src/deploy/launch.js'
import type { Plan, RunContext } from '../../../src/types.js'

const run: RunContext = {
  repository: 'org/repo',
  sha: 'e5e5e5e5e5e5e5e5',
  runId: '1003',
  runAttempt: '1',
  workflow: 'deploy',
  serverUrl: 'https://github.com',
  eventName: 'push',
  ref: 'refs/heads/main',
  actor: 'me'
}

function plan(): Plan {
  const inputs: Record<string, string> = {
    'endpoint-name': 'ep',
    region: 'us-east-1',
    'inference-component-name': 'llm',
    'model-name': 'llm-e',
    'step-size': '1',
    'create-alarms': 'false',
    'alarm-names': 'guard'
  }
  const request = readInputs(name => inputs[name] ?? '', {}).request
  return buildComponentPlan(
    request,
    run,
    {
      name: 'llm',
      endpointName: 'ep',
      variantName: 'AllTraffic',
      status: 'InService',
      failureReason: undefined,
      modelName: 'llm-a',
      specification: {
        ModelName: 'llm-a',
        ComputeResourceRequirements: { MinMemoryRequiredInMb: 1 }
      },
      specificationCount: 1,
      desiredCopies: 4,
      currentCopies: 4,
      lastModifiedTime: 1_000_000,
      lastDeploymentConfig: undefined
    },
    { instanceType: 'ml.g5.2xlarge', liveModel: undefined }
  )
}

const component = (status: string, model: string, modified: number) => ({
  InferenceComponentStatus: status,
  Specification: { ModelName: model },
  LastModifiedTime: new Date(modified)
})

describe('classifyComponentWrite', () => {
  it('applied: Updating since the request, or on this step model; otherwise not applied', () => {
    expect(
      classifyComponentWrite(component('Updating', 'llm-a', 2_000_000), 'llm-e', 1_000_000)
    ).toEqual({
      kind: 'applied',
      seen: 'Updating on llm-a'
    })
    expect(
      classifyComponentWrite(component('InService', 'llm-e', 1_000_000), 'llm-e', 1_000_000).kind
    ).toBe('applied')
    // Updating, but not since this run's request: someone else's update.
    expect(
      classifyComponentWrite(component('Updating', 'llm-a', 1_000_000), 'llm-e', 1_000_000)
    ).toEqual({
      kind: 'not-applied',
      seen: 'Updating on llm-a'
    })
    expect(
      classifyComponentWrite(component('InService', 'llm-a', 3_000_000), 'llm-e', 1_000_000).kind
    ).toBe('not-applied')
    expect(classifyComponentWrite(undefined, 'llm-e', 1_000_000)).toEqual({
      kind: 'not-applied',
      seen: 'the inference component does not exist'
    })
  })

  it('a refusal SageMaker answered: applied only on this step model, never by a newer timestamp', () => {
    // Another run's update started since the request: Updating, newer, not this step's model.
    expect(
      classifyComponentWrite(component('Updating', 'llm-a', 2_000_000), 'llm-e', 1_000_000, true)
    ).toEqual({ kind: 'not-applied', seen: 'Updating on llm-a' })
    expect(
      classifyComponentWrite(component('Updating', 'llm-e', 2_000_000), 'llm-e', 1_000_000, true)
        .kind
    ).toBe('applied')
  })
})

function deps(
  updates: (() => Promise<void>)[],
  reads: (() => Promise<unknown>)[]
): { deps: LaunchDeps; calls: string[] } {
  const calls: string[] = []
  const api = {
    updateInferenceComponent: async () => {
      calls.push('UpdateInferenceComponent')
      const next = updates.shift()
      if (next) await next()
    },
    describeInferenceComponent: async () => {
      calls.push('DescribeInferenceComponent')
      const next = reads.shift()
      return next ? next() : undefined
    }
  } as unknown as AwsApi
  return {
    calls,
    deps: {
      api,
      log: { info: () => undefined, warning: () => undefined },
      run,
      now: () => 0,
      sleep: async () => undefined,
      pause: async () => undefined
    }
  }
}

const throttled = () =>
  Promise.reject(
    new AwsCallError('UpdateInferenceComponent', 'ThrottlingException', 'Rate exceeded', 400)
  )
const lost = () =>
  Promise.reject(
    new AwsCallError('UpdateInferenceComponent', 'NoAnswer', 'no answer within 30 s', undefined)
  )
const denied = () =>
  Promise.reject(
    new AwsCallError(
      'UpdateInferenceComponent',
      'ValidationException',
      'Cannot update in-progress inference component',
      400
    )
  )

describe('launchComponent', () => {
  it('a throttled write that a read shows was not applied is sent again; the second is accepted', async () => {
    const { deps: d, calls } = deps(
      [throttled, async () => undefined],
      [async () => component('InService', 'llm-a', 1_000_000)]
    )
    const result = await launchComponent(plan(), d)
    expect(result.kind).toBe('started')
    expect(calls).toEqual([
      'UpdateInferenceComponent',
      'DescribeInferenceComponent',
      'UpdateInferenceComponent'
    ])
  })

  it('a lost answer that a read shows applied is not sent again: it is watched', async () => {
    const { deps: d, calls } = deps([lost], [async () => component('Updating', 'llm-a', 2_000_000)])
    const result = await launchComponent(plan(), d)
    expect(result).toMatchObject({ kind: 'started', confirmedByRead: 'Updating on llm-a' })
    expect(calls).toEqual(['UpdateInferenceComponent', 'DescribeInferenceComponent'])
  })

  it('a validation refusal is not retried: the read says what the component is', async () => {
    const { deps: d, calls } = deps(
      [denied],
      [async () => component('InService', 'llm-a', 1_000_000)]
    )
    const result = await launchComponent(plan(), d)
    expect(result).toMatchObject({
      kind: 'not-started',
      state: { kind: 'not-applied', seen: 'InService on llm-a' }
    })
    expect(calls).toEqual(['UpdateInferenceComponent', 'DescribeInferenceComponent'])
  })

  it('no read succeeds: unknown, said so', async () => {
    const failing = () => Promise.reject(new Error('socket hang up'))
    const { deps: d } = deps([lost], [failing, failing, failing])
    const result = await launchComponent(plan(), d)
    expect(result).toMatchObject({
      kind: 'not-started',
      state: { kind: 'unknown', seen: 'no read succeeded (socket hang up)' }
    })
  })
})
