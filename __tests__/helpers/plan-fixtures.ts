// The request, run and live endpoint the plan tests start from.
import { expect } from '@jest/globals'
import { InputError } from '../../src/errors.js'
import type { CurrentEndpoint, DeployRequest, RolloutPolicy, RunContext } from '../../src/types.js'

export const RUN: RunContext = {
  repository: 'acme/ml',
  sha: 'abcdef1234567890',
  runId: '42',
  runAttempt: '1',
  workflow: 'Deploy (prod) #1',
  serverUrl: 'https://github.com',
  eventName: 'push',
  ref: 'refs/heads/main',
  actor: 'octocat'
}
export const NAME = 'lab-endpoint-abcdef1-42-1'
export const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole'
export const LINEAR: RolloutPolicy = {
  routing: 'linear',
  stepSize: { type: 'CAPACITY_PERCENT', value: 25 },
  waitIntervalSeconds: 60,
  terminationWaitSeconds: 0,
  maxExecutionTimeoutSeconds: undefined
}
export const REQUEST: DeployRequest = {
  endpointName: 'lab-endpoint',
  region: 'us-east-1',
  model: {
    kind: 'artifact',
    modelDataUrl: 's3://b/model-b.tar.gz',
    imageUri: 'img:1',
    executionRoleArn: ROLE
  },
  environment: {},
  tags: [{ Key: 'team', Value: 'ml' }],
  variantName: undefined,
  instanceType: undefined,
  instanceCount: undefined,
  policy: LINEAR,
  retainDeploymentConfig: false,
  retainExpected: {},
  alarmNames: [],
  createAlarms: true,
  errorRateThresholdPercent: 1,
  latencyThresholdMs: 5000,
  wait: true,
  timeoutMinutes: undefined,
  pollIntervalSeconds: 10,
  metricsWaitSeconds: 240,
  metricDelaySeconds: 180,
  onBusy: 'wait',
  createEndpoint: 'if-missing',
  onRegression: 'rollback',
  onAutoScaling: 'fail',
  inheritEnvironment: false,
  allowAlarmInAlarm: false,
  acceptUnguardedFinalStep: false,
  acceptUnguardedUpdate: false,
  requireApprovedPackage: false,
  cleanupOnFailure: false,
  dryRun: false,
  githubToken: '',
  prComment: true,
  prNumber: undefined,
  githubDeployment: false,
  deploymentEnvironment: undefined
}
export const CURRENT: CurrentEndpoint = {
  status: 'InService',
  configName: 'lab-endpoint-config-a',
  variantName: 'AllTraffic',
  instanceType: 'ml.m5.large',
  instanceCount: 4,
  modelName: 'model-a',
  modelDataUrl: 's3://b/model-a.tar.gz',
  lastModifiedTime: 0,
  lastDeploymentConfig: undefined,
  failureReason: undefined,
  variants: [],
  config: undefined,
  configTags: {},
  model: undefined
}
export const RETAIN: DeployRequest = { ...REQUEST, policy: null, retainDeploymentConfig: true }

export function inputError(fn: () => unknown): InputError {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return error as InputError
  }
  throw new Error('expected an InputError')
}

/** A verification gate of one golden request (no expected answer) at 2 a second. */
export function gateRequest(
  extra: Partial<NonNullable<DeployRequest['gate']>> = {}
): NonNullable<DeployRequest['gate']> {
  return {
    requestsPath: 'golden.jsonl',
    requests: [
      {
        line: 1,
        body: '{}',
        contentType: 'application/json',
        accept: undefined,
        expected: undefined,
        hasExpected: false,
        tolerance: 0
      }
    ],
    ratePerSecond: 2,
    command: undefined,
    commandTimeoutSeconds: 60,
    onCancel: 'rollback',
    ...extra
  }
}
