// main() with the real SDK clients and aws-sdk-client-mock: the exact commands sent per case.
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '../__fixtures__/core.js'
import { actionDefaults } from '../scripts/lib/action-runner.js'

jest.unstable_mockModule('@actions/core', () => core)

const { mockClient } = await import('aws-sdk-client-mock')
const sm = await import('@aws-sdk/client-sagemaker')
const cw = await import('@aws-sdk/client-cloudwatch')
const s3 = await import('@aws-sdk/client-s3')
const ecr = await import('@aws-sdk/client-ecr')
const sq = await import('@aws-sdk/client-service-quotas')
const sts = await import('@aws-sdk/client-sts')
const { FAILING_OUTCOMES, run } = await import('../src/main.js')

const sagemaker = mockClient(sm.SageMakerClient)
const cloudwatch = mockClient(cw.CloudWatchClient)
// Pre-flight's reads of the artifact and image: found (an empty answer), never the network.
const s3Reads = mockClient(s3.S3Client)
const ecrReads = mockClient(ecr.ECRClient)
// The capacity check and the account a refusal names: answered here, never the network.
const quotas = mockClient(sq.ServiceQuotasClient)
const identity = mockClient(sts.STSClient)

const ENDPOINT = 'fraud-detector'
const NEW = 'fraud-detector-3f9c2a7-4242-1'
const OLD = 'fraud-detector-0aa11bb-4100-1'
const T0 = Date.UTC(2026, 10, 26, 10, 0, 0)
const at = (s: number) => new Date(T0 + s * 1000)

const model = {
  'model-data-url': 's3://models/fraud/model-e.tar.gz',
  'image-uri': '111111111111.dkr.ecr.us-east-1.amazonaws.com/fraud:1',
  'execution-role-arn': 'arn:aws:iam::111111111111:role/sagemaker-exec'
}

function setInputs(extra: Record<string, string>): void {
  core.reset({
    ...actionDefaults(),
    'endpoint-name': ENDPOINT,
    region: 'us-east-1',
    'poll-interval': '1',
    ...model,
    ...extra
  })
}

Object.assign(process.env, {
  GITHUB_REPOSITORY: 'example-org/fraud-models',
  GITHUB_SHA: '3f9c2a7e5b1d4c6a8e0f2b4d6c8a0e2f4b6d8c0a',
  GITHUB_RUN_ID: '4242',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_WORKFLOW: 'promote',
  AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'secret'
})

/** A linear policy guarded by the two created alarms, as DescribeEndpoint returns it. */
const LAST_DEPLOYMENT = {
  BlueGreenUpdatePolicy: {
    TrafficRoutingConfiguration: {
      Type: 'LINEAR' as const,
      WaitIntervalInSeconds: 60,
      LinearStepSize: { Type: 'CAPACITY_PERCENT' as const, Value: 25 }
    },
    TerminationWaitInSeconds: 0
  },
  AutoRollbackConfiguration: {
    Alarms: [{ AlarmName: `${ENDPOINT}-5xx-rate` }, { AlarmName: `${ENDPOINT}-model-latency` }]
  }
}

const live = (config: string, extra: Record<string, unknown> = {}) => ({
  EndpointName: ENDPOINT,
  EndpointArn: `arn:aws:sagemaker:us-east-1:111111111111:endpoint/${ENDPOINT}`,
  EndpointStatus: 'InService' as const,
  EndpointConfigName: config,
  CreationTime: at(-86400),
  LastModifiedTime: at(-3600),
  ProductionVariants: [
    { VariantName: 'AllTraffic', CurrentInstanceCount: 4, DesiredInstanceCount: 4 }
  ],
  ...extra
})

const updating = (green: number, status: 'Creating' | 'Baking', since: number) => ({
  ...live(OLD),
  EndpointStatus: 'Updating' as const,
  LastModifiedTime: at(0),
  PendingDeploymentSummary: {
    EndpointConfigName: NEW,
    StartTime: at(0),
    ProductionVariants: [
      {
        VariantName: 'AllTraffic',
        CurrentInstanceCount: green,
        DesiredInstanceCount: 4,
        VariantStatus: [{ Status: status, StartTime: at(since) }]
      }
    ]
  }
})

function liveEndpointMocks(): void {
  sagemaker.on(sm.DescribeEndpointConfigCommand, { EndpointConfigName: OLD }).resolves({
    EndpointConfigName: OLD,
    ProductionVariants: [
      {
        VariantName: 'AllTraffic',
        ModelName: 'fraud-a',
        InstanceType: 'ml.m5.large',
        InitialInstanceCount: 4
      }
    ]
  })
  sagemaker.on(sm.DescribeModelCommand).resolves({
    ModelName: 'fraud-a',
    PrimaryContainer: { ModelDataUrl: 's3://models/fraud/model-a.tar.gz' }
  })
  cloudwatch.on(cw.DescribeAlarmsCommand).resolves({
    MetricAlarms: [
      { AlarmName: `${ENDPOINT}-5xx-rate`, StateValue: 'OK' },
      { AlarmName: `${ENDPOINT}-model-latency`, StateValue: 'OK' }
    ]
  })
}

function successfulShift(before = live(OLD)): void {
  sagemaker
    .on(sm.DescribeEndpointCommand)
    .resolvesOnce(before)
    .resolvesOnce(updating(0, 'Creating', 0))
    .resolvesOnce(updating(1, 'Baking', 60))
    .resolvesOnce(updating(2, 'Baking', 120))
    .resolvesOnce(updating(4, 'Baking', 240))
    .resolves(live(NEW, { LastModifiedTime: at(250) }))
}

let clock = T0
const options = {
  now: () => clock,
  sleep: async (ms: number) => {
    clock += ms
  }
}

const sent = (command: { name: string }) =>
  [...sagemaker.calls(), ...cloudwatch.calls()]
    .map(c => c.args[0])
    .filter(c => c.constructor.name === command.name)
    .map(c => c.input as Record<string, unknown>)

/** Mutating commands: CloudWatch's first (alarms are put before anything else), then SageMaker's. */
/** Sinon numbers every call it records (its typings leave the number out). */
const order = (call: object): number => (call as { callId: number }).callId
/** The writes, in the order they were sent. */
const mutating = () =>
  [...cloudwatch.calls(), ...sagemaker.calls()]
    .sort((a, b) => order(a) - order(b))
    .map(c => c.args[0].constructor.name)
    .filter(n => /^(Create|Update|Delete|Put|Set|Add)/.test(n))

beforeEach(() => {
  sagemaker.reset()
  cloudwatch.reset()
  s3Reads.reset()
  ecrReads.reset()
  quotas.reset()
  identity.reset()
  quotas.on(sq.ListServiceQuotasCommand).resolves({ Quotas: [] })
  identity.on(sts.GetCallerIdentityCommand).resolves({ Account: '111111111111' })
  sagemaker.on(sm.ListEndpointsCommand).resolves({ Endpoints: [] })
  // The alarms the action created before carry its tags (CloudWatch keeps them).
  cloudwatch.on(cw.ListTagsForResourceCommand).resolves({
    Tags: [{ Key: 'sagemaker-deploy:repository', Value: 'acme/ml' }]
  })
  clock = T0
})

describe('main: invalid input', () => {
  let written: string[] = []
  beforeEach(() => {
    written = []
    jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
      written.push(String(chunk))
      return true
    })
  })
  afterEach(() => {
    jest.restoreAllMocks()
    process.exitCode = 0
  })

  it('sends no command at all, names the input, and fails the step', async () => {
    setInputs({ 'wait-interval': 'soon' })
    const outcome = await run(options)
    expect(outcome).toBeUndefined()
    expect(sagemaker.calls()).toHaveLength(0)
    expect(cloudwatch.calls()).toHaveLength(0)
    expect(written.join('')).toMatch(/^::error::Input "wait-interval"/)
    expect(process.exitCode).toBe(1)
    // The fail-fast path does not even load @actions/core.
    expect(core.setFailed).not.toHaveBeenCalled()
  })

  it('a policy input that contradicts the retained policy is refused before any write', async () => {
    setInputs({ 'retain-deployment-config': 'true', 'wait-interval': '120' })
    liveEndpointMocks()
    sagemaker
      .on(sm.DescribeEndpointCommand)
      .resolves(live(OLD, { LastDeploymentConfig: LAST_DEPLOYMENT }))
    const outcome = await run(options)
    expect(outcome).toBe('failed')
    expect(mutating()).toEqual([])
    expect(core.setFailed).toHaveBeenCalledWith(
      expect.stringContaining(
        'Input "wait-interval" is 120, but the deployment configuration that retain-deployment-config reuses has 60'
      )
    )
  })
})

describe('main: first deploy', () => {
  it('creates alarms, model, config and endpoint; no update, no shift', async () => {
    setInputs({
      'create-endpoint': 'if-missing',
      'instance-type': 'ml.m5.large',
      'instance-count': '2'
    })
    sagemaker
      .on(sm.DescribeEndpointCommand)
      .rejectsOnce(
        Object.assign(new Error(`Could not find endpoint "${ENDPOINT}".`), {
          name: 'ValidationException'
        })
      )
      .resolvesOnce({ ...live(NEW), EndpointStatus: 'Creating', LastModifiedTime: at(0) })
      .resolves(live(NEW, { LastModifiedTime: at(120) }))
    cloudwatch.on(cw.DescribeAlarmsCommand).resolves({ MetricAlarms: [] })
    const outcome = await run(options)
    expect(outcome).toBe('deployed')
    expect(mutating()).toEqual([
      'PutMetricAlarmCommand',
      'PutMetricAlarmCommand',
      'CreateModelCommand',
      'CreateEndpointConfigCommand',
      'CreateEndpointCommand'
    ])
    expect(sent(sm.CreateModelCommand)[0]).toMatchObject({
      ModelName: NEW,
      PrimaryContainer: { Image: model['image-uri'], ModelDataUrl: model['model-data-url'] },
      ExecutionRoleArn: model['execution-role-arn']
    })
    expect(sent(sm.CreateEndpointConfigCommand)[0]).toMatchObject({
      EndpointConfigName: NEW,
      ProductionVariants: [
        {
          VariantName: 'AllTraffic',
          ModelName: NEW,
          InstanceType: 'ml.m5.large',
          InitialInstanceCount: 2
        }
      ]
    })
    expect(sent(sm.CreateEndpointCommand)[0]).toMatchObject({
      EndpointName: ENDPOINT,
      EndpointConfigName: NEW
    })
    expect(core.outputs.outcome).toBe('deployed')
    expect(core.outputs['previous-endpoint-config-name']).toBe('')
  })
})

describe('main: pre-flight reads of the artifact and image', () => {
  it('reads the artifact and the image of the new model, then deploys', async () => {
    setInputs({})
    liveEndpointMocks()
    successfulShift()
    expect(await run(options)).toBe('deployed')
    expect(s3Reads.commandCalls(s3.HeadObjectCommand).map(c => c.args[0].input)).toStrictEqual([
      { Bucket: 'models', Key: 'fraud/model-e.tar.gz' }
    ])
    expect(
      ecrReads.commandCalls(ecr.DescribeImagesCommand).map(c => c.args[0].input)
    ).toStrictEqual([
      { registryId: '111111111111', repositoryName: 'fraud', imageIds: [{ imageTag: '1' }] }
    ])
  })

  it('refuses an artifact in another region before any write', async () => {
    setInputs({})
    liveEndpointMocks()
    successfulShift()
    s3Reads.on(s3.HeadObjectCommand).rejects(
      Object.assign(new Error('UnknownError'), {
        name: 'PermanentRedirect',
        $metadata: { httpStatusCode: 301 },
        $response: { statusCode: 301, headers: { 'x-amz-bucket-region': 'eu-west-1' } }
      })
    )
    expect(await run(options)).toBe('failed')
    expect(mutating()).toStrictEqual([])
    expect(core.setFailed).toHaveBeenCalledWith(
      expect.stringContaining(
        'Input "model-data-url" names s3://models/fraud/model-e.tar.gz, in a bucket in eu-west-1, but the endpoint is in us-east-1'
      )
    )
  })
})

describe('main: blue/green update', () => {
  it('linear: one UpdateEndpoint with the LINEAR policy and both alarms; deployed', async () => {
    setInputs({})
    liveEndpointMocks()
    successfulShift()
    const outcome = await run(options)
    expect(outcome).toBe('deployed')
    expect(mutating()).toEqual([
      'PutMetricAlarmCommand',
      'PutMetricAlarmCommand',
      'CreateModelCommand',
      'CreateEndpointConfigCommand',
      'UpdateEndpointCommand'
    ])
    expect(sent(sm.UpdateEndpointCommand)[0]).toEqual({
      EndpointName: ENDPOINT,
      EndpointConfigName: NEW,
      DeploymentConfig: {
        BlueGreenUpdatePolicy: {
          TrafficRoutingConfiguration: {
            Type: 'LINEAR',
            WaitIntervalInSeconds: 60,
            LinearStepSize: { Type: 'CAPACITY_PERCENT', Value: 25 }
          },
          // termination-wait empty: derived from the created alarms' detection time
          // (60 s period + 180 s metric delay + 60 s evaluation).
          TerminationWaitInSeconds: 300,
          MaximumExecutionTimeoutInSeconds: 240 + 300 + 1800
        },
        AutoRollbackConfiguration: {
          Alarms: [
            { AlarmName: `${ENDPOINT}-5xx-rate` },
            { AlarmName: `${ENDPOINT}-model-latency` }
          ]
        }
      }
    })
    // The green fleet copies the live variant, type and count.
    expect(sent(sm.CreateEndpointConfigCommand)[0]).toMatchObject({
      ProductionVariants: [
        { VariantName: 'AllTraffic', InstanceType: 'ml.m5.large', InitialInstanceCount: 4 }
      ]
    })
    expect(core.outputs['endpoint-config-name']).toBe(NEW)
    expect(core.outputs['previous-endpoint-config-name']).toBe(OLD)
    const steps = JSON.parse(core.outputs['traffic-steps'] ?? '[]') as {
      greenPercent: number
      betweenPolls?: unknown
    }[]
    // No poll saw the 75 % step: it is shown, marked as between polls; then completion.
    expect(steps.map(s => s.greenPercent)).toEqual([0, 25, 50, 75, 100, 100])
    expect(steps.map(s => s.betweenPolls !== undefined)).toEqual([
      false,
      false,
      false,
      true,
      false,
      false
    ])
    expect(core.summaryText).toContain('| T+1 min | 75% | 25% |')
    expect(core.setFailed).not.toHaveBeenCalled()
  })

  it('cancelled mid-shift: outcome cancelled, the step fails, the headline says SageMaker goes on', async () => {
    setInputs({})
    liveEndpointMocks()
    successfulShift()
    const controller = new AbortController()
    const outcome = await run({
      ...options,
      signal: controller.signal,
      // The signal comes at the first wait after SageMaker accepted the update.
      sleep: async (ms: number) => {
        clock += ms
        if (sent(sm.UpdateEndpointCommand).length > 0) controller.abort()
      }
    })
    expect(outcome).toBe('cancelled')
    // index.ts sets the exit code from this set: 1.
    expect(FAILING_OUTCOMES.has('cancelled')).toBe(true)
    expect(core.outputs.outcome).toBe('cancelled')
    expect(core.outputs['failure-reason']).toBe('Watching was cancelled.')
    expect(core.setFailed).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Cancelled: Watching was cancelled\. The deployment may still be running/
      )
    )
    expect(core.summaryText.split('\n')[0]).toMatch(
      /^## 🛑 Cancelled, SageMaker continues unwatched: \[fraud-detector\]\(/
    )
    expect(sent(sm.UpdateEndpointCommand)).toHaveLength(1)
  })

  it('canary of one instance sends CanarySize INSTANCE_COUNT', async () => {
    setInputs({ 'traffic-routing': 'canary', 'step-size': '1', 'wait-interval': '300' })
    liveEndpointMocks()
    successfulShift()
    await run(options)
    expect(sent(sm.UpdateEndpointCommand)[0]).toMatchObject({
      DeploymentConfig: {
        BlueGreenUpdatePolicy: {
          TrafficRoutingConfiguration: {
            Type: 'CANARY',
            WaitIntervalInSeconds: 300,
            CanarySize: { Type: 'INSTANCE_COUNT', Value: 1 }
          }
        }
      }
    })
  })

  it('all-at-once sends no step size', async () => {
    // At least the alarms' 300 s detection time: a shorter final bake is refused.
    setInputs({ 'traffic-routing': 'all-at-once', 'termination-wait': '300' })
    liveEndpointMocks()
    successfulShift()
    await run(options)
    const routing = (
      sent(sm.UpdateEndpointCommand)[0] as {
        DeploymentConfig: { BlueGreenUpdatePolicy: Record<string, unknown> }
      }
    ).DeploymentConfig.BlueGreenUpdatePolicy
    expect(routing.TrafficRoutingConfiguration).toEqual({
      Type: 'ALL_AT_ONCE',
      WaitIntervalInSeconds: 60
    })
    expect(routing.TerminationWaitInSeconds).toBe(300)
  })

  it('retry with retained config sends RetainDeploymentConfig and no policy', async () => {
    setInputs({ 'retain-deployment-config': 'true' })
    liveEndpointMocks()
    successfulShift(live(OLD, { LastDeploymentConfig: LAST_DEPLOYMENT }))
    const outcome = await run(options)
    expect(outcome).toBe('deployed')
    expect(sent(sm.UpdateEndpointCommand)).toEqual([
      { EndpointName: ENDPOINT, EndpointConfigName: NEW, RetainDeploymentConfig: true }
    ])
  })

  it('a rollback fails the job and names the alarm', async () => {
    setInputs({})
    liveEndpointMocks()
    sagemaker
      .on(sm.DescribeEndpointCommand)
      .resolvesOnce(live(OLD))
      .resolvesOnce(updating(1, 'Baking', 60))
      .resolves(live(OLD, { LastModifiedTime: at(100), FailureReason: '' }))
    cloudwatch
      .on(cw.DescribeAlarmsCommand)
      .resolvesOnce({ MetricAlarms: [{ AlarmName: `${ENDPOINT}-5xx-rate`, StateValue: 'OK' }] })
      .resolves({
        MetricAlarms: [
          {
            AlarmName: `${ENDPOINT}-5xx-rate`,
            StateValue: 'ALARM',
            StateReason: 'Threshold Crossed',
            StateTransitionedTimestamp: at(90)
          }
        ]
      })
    const outcome = await run(options)
    expect(outcome).toBe('rolled-back')
    expect(core.outputs['triggered-alarms']).toBe(`${ENDPOINT}-5xx-rate`)
    expect(core.setFailed).toHaveBeenCalledWith(
      expect.stringMatching(/Rolled back.*fraud-detector-5xx-rate/)
    )
    expect(sent(sm.UpdateEndpointCommand)).toHaveLength(1)
    expect(mutating().filter(n => n.startsWith('Delete'))).toEqual([])
  })

  it('a guarding alarm already in ALARM stops before any change', async () => {
    setInputs({ 'alarm-names': 'team-latency-p99' })
    liveEndpointMocks()
    sagemaker.on(sm.DescribeEndpointCommand).resolves(live(OLD))
    cloudwatch.on(cw.DescribeAlarmsCommand).resolves({
      MetricAlarms: [
        { AlarmName: 'team-latency-p99', StateValue: 'ALARM', StateReason: 'p99 high' }
      ]
    })
    const outcome = await run(options)
    expect(outcome).toBe('failed')
    expect(mutating()).toEqual([])
    expect(core.setFailed).toHaveBeenCalledWith(
      expect.stringMatching(/team-latency-p99 \(p99 high\).*allow-alarm-in-alarm/)
    )
  })

  it('service text with a newline never starts a line of its own in the log', async () => {
    setInputs({})
    const hostile = 'cfg-x\n::warning::injected'
    liveEndpointMocks()
    sagemaker.on(sm.DescribeEndpointConfigCommand, { EndpointConfigName: OLD }).resolves({
      EndpointConfigName: OLD,
      ProductionVariants: [
        {
          VariantName: 'AllTraffic',
          ModelName: hostile,
          InstanceType: 'ml.m5.large',
          InitialInstanceCount: 4
        }
      ]
    })
    successfulShift()
    await run(options)
    const lines = core.info.mock.calls.map(([m]) => m)
    expect(lines.some(l => l.includes('::warning::injected'))).toBe(true)
    expect(lines.filter(l => /[\r\n]/.test(l))).toEqual([])
  })
})
