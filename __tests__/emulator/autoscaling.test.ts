// Application Auto Scaling over its real protocol (AWS JSON 1.1, AnyScaleFrontendService.<Op>),
// through @aws-sdk/client-application-auto-scaling and the AWS CLI (botocore) as an independent
// client, and how SageMaker's UpdateEndpoint / DeleteEndpoint meet registered variants (SageMaker
// guide: "Update or delete endpoints that use auto scaling").

import { describe, it, expect, beforeEach, afterEach } from '@jest/globals'
import {
  ApplicationAutoScalingClient,
  DeleteScalingPolicyCommand,
  DeleteScheduledActionCommand,
  DeregisterScalableTargetCommand,
  DescribeScalableTargetsCommand,
  DescribeScalingPoliciesCommand,
  DescribeScheduledActionsCommand,
  PutScalingPolicyCommand,
  PutScheduledActionCommand,
  RegisterScalableTargetCommand
} from '@aws-sdk/client-application-auto-scaling'
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  DeleteEndpointCommand,
  UpdateEndpointCommand
} from '@aws-sdk/client-sagemaker'
import { execFile, spawnSync } from 'node:child_process'
import {
  createConfig,
  createModel,
  describeEp,
  ENDPOINT,
  failure,
  liveEndpointA,
  MODEL_A,
  MODEL_E,
  startLab,
  stopLab,
  type Lab
} from './helpers.js'

let lab: Lab
beforeEach(async () => {
  lab = await startLab()
})
afterEach(async () => {
  await stopLab(lab)
})

const ACCOUNT = '123456789012'
const RESOURCE = `endpoint/${ENDPOINT}/variant/AllTraffic`
const TARGET = {
  ServiceNamespace: 'sagemaker' as const,
  ResourceId: RESOURCE,
  ScalableDimension: 'sagemaker:variant:DesiredInstanceCount' as const
}

async function register(min = 2, max = 6): Promise<string | undefined> {
  const out = await lab.aas.send(
    new RegisterScalableTargetCommand({ ...TARGET, MinCapacity: min, MaxCapacity: max })
  )
  return out.ScalableTargetARN
}

describe('scalable targets', () => {
  it('registers, describes (field by field), updates and deregisters a variant target', async () => {
    await liveEndpointA(lab)
    const arn = await register(2, 6)
    expect(arn).toMatch(
      new RegExp(
        `^arn:aws:application-autoscaling:us-east-1:${ACCOUNT}:scalable-target/[0-9a-f]{36}$`
      )
    )
    const described = await lab.aas.send(
      new DescribeScalableTargetsCommand({ ServiceNamespace: 'sagemaker', ResourceIds: [RESOURCE] })
    )
    expect(described.ScalableTargets).toEqual([
      {
        ...TARGET,
        MinCapacity: 2,
        MaxCapacity: 6,
        // The service-linked role SageMaker targets use (Application Auto Scaling guide).
        RoleARN: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/sagemaker.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_SageMakerEndpoint`,
        CreationTime: expect.any(Date),
        SuspendedState: {
          DynamicScalingInSuspended: false,
          DynamicScalingOutSuspended: false,
          ScheduledScalingSuspended: false
        },
        ScalableTargetARN: arn
      }
    ])
    // Only the parameters given change (RegisterScalableTarget model doc).
    await lab.aas.send(new RegisterScalableTargetCommand({ ...TARGET, MaxCapacity: 8 }))
    const updated = await lab.aas.send(
      new DescribeScalableTargetsCommand({ ServiceNamespace: 'sagemaker' })
    )
    expect(
      updated.ScalableTargets?.map(t => [t.MinCapacity, t.MaxCapacity, t.ScalableTargetARN])
    ).toEqual([[2, 8, arn]])
    const other = await lab.aas.send(
      new DescribeScalableTargetsCommand({ ServiceNamespace: 'ecs' })
    )
    expect(other.ScalableTargets).toEqual([])
    await lab.aas.send(new DeregisterScalableTargetCommand(TARGET))
    const gone = await failure(lab.aas.send(new DeregisterScalableTargetCommand(TARGET)))
    expect(gone.name).toBe('ObjectNotFoundException')
    expect(gone.message).toBe(
      `No scalable target registered for service namespace: sagemaker, resource ID: ${RESOURCE}, scalable dimension: sagemaker:variant:DesiredInstanceCount`
    )
  })

  it('moves the current capacity inside the registered range (RegisterScalableTarget doc)', async () => {
    await liveEndpointA(lab)
    await register(6, 8)
    const d = await describeEp(lab)
    expect(d.ProductionVariants?.[0]).toMatchObject({
      DesiredInstanceCount: 6,
      CurrentInstanceCount: 6
    })
  })

  it('validates as the API model and the SageMaker guide say', async () => {
    await liveEndpointA(lab)
    const badEnum = await failure(
      lab.aas.send(
        new RegisterScalableTargetCommand({
          ...TARGET,
          ScalableDimension: 'sagemaker:variant:Nope' as 'sagemaker:variant:DesiredInstanceCount',
          MinCapacity: 1,
          MaxCapacity: 2
        })
      )
    )
    expect(badEnum.name).toBe('ValidationException')
    expect(badEnum.message).toMatch(
      /^1 validation error detected: Value 'sagemaker:variant:Nope' at 'scalableDimension' failed to satisfy constraint: Member must satisfy enum value set: \[ecs:service:DesiredCount, /
    )
    const missing = await failure(lab.aas.send(new RegisterScalableTargetCommand(TARGET)))
    expect(missing.message).toBe(
      'MinCapacity and MaxCapacity are required when registering a new scalable target.'
    )
    // "--min-capacity ... must be set to at least 1" (SageMaker guide, register a model).
    const zero = await failure(
      lab.aas.send(new RegisterScalableTargetCommand({ ...TARGET, MinCapacity: 0, MaxCapacity: 2 }))
    )
    expect(zero.message).toBe(
      'MinCapacity must be at least 1 for a SageMaker endpoint variant (only asynchronous endpoints scale to zero).'
    )
    const inverted = await failure(
      lab.aas.send(new RegisterScalableTargetCommand({ ...TARGET, MinCapacity: 3, MaxCapacity: 2 }))
    )
    expect(inverted.message).toBe('Minimum capacity cannot be greater than maximum capacity.')
    const noEndpoint = await failure(
      lab.aas.send(
        new RegisterScalableTargetCommand({
          ...TARGET,
          ResourceId: 'endpoint/ghost/variant/AllTraffic',
          MinCapacity: 1,
          MaxCapacity: 2
        })
      )
    )
    expect(noEndpoint.message).toBe('Could not find endpoint "ghost".')
    const noVariant = await failure(
      lab.aas.send(
        new RegisterScalableTargetCommand({
          ...TARGET,
          ResourceId: `endpoint/${ENDPOINT}/variant/Other`,
          MinCapacity: 1,
          MaxCapacity: 2
        })
      )
    )
    expect(noVariant.message).toBe(`Could not find variant "Other" of endpoint "${ENDPOINT}".`)
    expect(
      lab.emu
        .mutatingCalls()
        .filter(c => c.operation === 'RegisterScalableTarget')
        .every(c => c.status === 400)
    ).toBe(true)
  })

  it('an asynchronous endpoint registers with MinCapacity 0 (async-inference-autoscale guide)', async () => {
    await createModel(lab, 'model-a', MODEL_A)
    await lab.sm.send(
      new CreateEndpointConfigCommand({
        EndpointConfigName: 'cfg-async',
        ProductionVariants: [
          {
            VariantName: 'AllTraffic',
            ModelName: 'model-a',
            InitialInstanceCount: 1,
            InstanceType: 'ml.m5.large'
          }
        ],
        AsyncInferenceConfig: { OutputConfig: { S3OutputPath: 's3://async/out' } }
      })
    )
    await lab.sm.send(
      new CreateEndpointCommand({ EndpointName: ENDPOINT, EndpointConfigName: 'cfg-async' })
    )
    lab.emu.advance(120)
    await register(0, 2)
    const t = await lab.aas.send(
      new DescribeScalableTargetsCommand({ ServiceNamespace: 'sagemaker' })
    )
    expect(t.ScalableTargets?.[0]?.MinCapacity).toBe(0)
  })
})

describe('scaling policies and scheduled actions', () => {
  it('need a registered target: ObjectNotFoundException with the service text', async () => {
    await liveEndpointA(lab)
    const policy = await failure(
      lab.aas.send(
        new PutScalingPolicyCommand({
          ...TARGET,
          PolicyName: 'invocations',
          PolicyType: 'TargetTrackingScaling',
          TargetTrackingScalingPolicyConfiguration: { TargetValue: 70 }
        })
      )
    )
    expect(policy.name).toBe('ObjectNotFoundException')
    expect(policy.message).toBe(
      `No scalable target registered for service namespace: sagemaker, resource ID: ${RESOURCE}, scalable dimension: sagemaker:variant:DesiredInstanceCount`
    )
    const action = await failure(
      lab.aas.send(
        new PutScheduledActionCommand({
          ...TARGET,
          ScheduledActionName: 'night',
          Schedule: 'cron(0 20 * * ? *)'
        })
      )
    )
    expect(action.name).toBe('ObjectNotFoundException')
  })

  it('put, describe (whole), delete a target-tracking and a step policy', async () => {
    await liveEndpointA(lab)
    await register()
    const tracking = {
      TargetValue: 70,
      PredefinedMetricSpecification: {
        PredefinedMetricType: 'SageMakerVariantInvocationsPerInstance' as const
      },
      ScaleInCooldown: 300,
      ScaleOutCooldown: 60,
      DisableScaleIn: false
    }
    const put = await lab.aas.send(
      new PutScalingPolicyCommand({
        ...TARGET,
        PolicyName: 'invocations',
        PolicyType: 'TargetTrackingScaling',
        TargetTrackingScalingPolicyConfiguration: tracking
      })
    )
    expect(put.PolicyARN).toMatch(
      new RegExp(
        `^arn:aws:autoscaling:us-east-1:${ACCOUNT}:scalingPolicy:[0-9a-f-]{36}:resource/sagemaker/${RESOURCE}:policyName/invocations$`
      )
    )
    expect(put.Alarms?.map(a => (a.AlarmName ?? '').replace(/[0-9a-f-]{36}$/, '<id>'))).toEqual([
      `TargetTracking-${RESOURCE}-AlarmHigh-<id>`,
      `TargetTracking-${RESOURCE}-AlarmLow-<id>`
    ])
    const step = {
      AdjustmentType: 'ChangeInCapacity' as const,
      StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: 1 }],
      Cooldown: 120,
      MetricAggregationType: 'Average' as const
    }
    await lab.aas.send(
      new PutScalingPolicyCommand({
        ...TARGET,
        PolicyName: 'step',
        PolicyType: 'StepScaling',
        StepScalingPolicyConfiguration: step
      })
    )
    const described = await lab.aas.send(
      new DescribeScalingPoliciesCommand({ ServiceNamespace: 'sagemaker', ResourceId: RESOURCE })
    )
    expect(described.ScalingPolicies?.map(p => [p.PolicyName, p.PolicyType])).toEqual([
      ['invocations', 'TargetTrackingScaling'],
      ['step', 'StepScaling']
    ])
    expect(described.ScalingPolicies?.[0]?.TargetTrackingScalingPolicyConfiguration).toEqual(
      tracking
    )
    expect(described.ScalingPolicies?.[0]?.PolicyARN).toBe(put.PolicyARN)
    expect(described.ScalingPolicies?.[1]?.StepScalingPolicyConfiguration).toEqual(step)
    await lab.aas.send(new DeleteScalingPolicyCommand({ ...TARGET, PolicyName: 'step' }))
    const again = await failure(
      lab.aas.send(new DeleteScalingPolicyCommand({ ...TARGET, PolicyName: 'step' }))
    )
    expect(again.name).toBe('ObjectNotFoundException')
    expect(again.message).toBe(
      `No scaling policy found for service namespace: sagemaker, resource ID: ${RESOURCE}, scalable dimension: sagemaker:variant:DesiredInstanceCount, policy name: step`
    )
    const noConfig = await failure(
      lab.aas.send(
        new PutScalingPolicyCommand({ ...TARGET, PolicyName: 'p', PolicyType: 'StepScaling' })
      )
    )
    expect(noConfig.message).toBe(
      'StepScalingPolicyConfiguration is required for a StepScaling policy.'
    )
  })

  it('put, describe, delete scheduled actions; deregistering deletes policies and actions (model doc)', async () => {
    await liveEndpointA(lab)
    await register()
    await lab.aas.send(
      new PutScheduledActionCommand({
        ...TARGET,
        ScheduledActionName: 'business-hours',
        Schedule: 'cron(0 8 ? * MON-FRI *)',
        Timezone: 'Europe/Paris',
        StartTime: new Date('2027-01-01T00:00:00Z'),
        ScalableTargetAction: { MinCapacity: 4, MaxCapacity: 8 }
      })
    )
    const described = await lab.aas.send(
      new DescribeScheduledActionsCommand({ ServiceNamespace: 'sagemaker' })
    )
    expect(described.ScheduledActions).toEqual([
      {
        ...TARGET,
        ScheduledActionName: 'business-hours',
        Schedule: 'cron(0 8 ? * MON-FRI *)',
        Timezone: 'Europe/Paris',
        StartTime: new Date('2027-01-01T00:00:00Z'),
        ScalableTargetAction: { MinCapacity: 4, MaxCapacity: 8 },
        ScheduledActionARN: expect.stringMatching(
          new RegExp(
            `^arn:aws:autoscaling:us-east-1:${ACCOUNT}:scheduledAction:[0-9a-f-]{36}:resource/sagemaker/${RESOURCE}:scheduledActionName/business-hours$`
          )
        ),
        CreationTime: expect.any(Date)
      }
    ])
    const badSchedule = await failure(
      lab.aas.send(
        new PutScheduledActionCommand({
          ...TARGET,
          ScheduledActionName: 'x',
          Schedule: 'every day'
        })
      )
    )
    expect(badSchedule.name).toBe('ValidationException')
    await lab.aas.send(
      new PutScalingPolicyCommand({
        ...TARGET,
        PolicyName: 'invocations',
        PolicyType: 'TargetTrackingScaling',
        TargetTrackingScalingPolicyConfiguration: { TargetValue: 70 }
      })
    )
    await lab.aas.send(new DeregisterScalableTargetCommand(TARGET))
    expect(
      (await lab.aas.send(new DescribeScalingPoliciesCommand({ ServiceNamespace: 'sagemaker' })))
        .ScalingPolicies
    ).toEqual([])
    expect(
      (await lab.aas.send(new DescribeScheduledActionsCommand({ ServiceNamespace: 'sagemaker' })))
        .ScheduledActions
    ).toEqual([])
    const gone = await failure(
      lab.aas.send(
        new DeleteScheduledActionCommand({ ...TARGET, ScheduledActionName: 'business-hours' })
      )
    )
    expect(gone.name).toBe('ObjectNotFoundException')
  })
})

describe('SageMaker endpoints with a registered variant (endpoint-scaling-update guide page)', () => {
  const BLOCKED = `The production variant(s) "AllTraffic" of endpoint "${ENDPOINT}" are registered as scalable targets with Application Auto Scaling. An update that changes their instance type or removes them fails: delete their scaling policies and call DeregisterScalableTarget before the update, then register them again.`

  it('UpdateEndpoint fails when it changes the instance type of a registered variant; a model-only change proceeds', async () => {
    await liveEndpointA(lab)
    await register()
    await createModel(lab, 'model-e', MODEL_E)
    await lab.sm.send(
      new CreateEndpointConfigCommand({
        EndpointConfigName: 'cfg-e-xl',
        ProductionVariants: [
          {
            VariantName: 'AllTraffic',
            ModelName: 'model-e',
            InitialInstanceCount: 4,
            InstanceType: 'ml.m5.xlarge'
          }
        ]
      })
    )
    const typeChange = await failure(
      lab.sm.send(
        new UpdateEndpointCommand({ EndpointName: ENDPOINT, EndpointConfigName: 'cfg-e-xl' })
      )
    )
    expect(typeChange.name).toBe('ValidationException')
    expect(typeChange.message).toBe(BLOCKED)
    expect((await describeEp(lab)).EndpointStatus).toBe('InService')
    await createConfig(lab, 'cfg-e', 'model-e', 4)
    await lab.sm.send(
      new UpdateEndpointCommand({ EndpointName: ENDPOINT, EndpointConfigName: 'cfg-e' })
    )
    expect((await describeEp(lab)).PendingDeploymentSummary?.EndpointConfigName).toBe('cfg-e')
  })

  it('UpdateEndpoint fails when it removes a registered variant', async () => {
    await liveEndpointA(lab)
    await register()
    await createConfig(lab, 'cfg-other', 'model-a', 4, 'Other')
    const removed = await failure(
      lab.sm.send(
        new UpdateEndpointCommand({ EndpointName: ENDPOINT, EndpointConfigName: 'cfg-other' })
      )
    )
    expect(removed.message).toBe(BLOCKED)
  })

  it('DeleteEndpoint deregisters the variant, or fails without the permission to (public issue text)', async () => {
    await liveEndpointA(lab)
    await register()
    lab.emu.setScenario({ allowedActions: ['sagemaker:*', 'cloudwatch:*'] })
    const denied = await failure(lab.sm.send(new DeleteEndpointCommand({ EndpointName: ENDPOINT })))
    expect(denied.message).toBe(
      'An Application AutoScaling scalable target exists for a variant being deleted, and the IAM identity used to invoke DeleteEndpoint does not have application-autoscaling:DeregisterScalableTarget permission to deregister the scalable target.'
    )
    lab.emu.setScenario({ allowedActions: ['sagemaker:*', 'application-autoscaling:*'] })
    await lab.sm.send(new DeleteEndpointCommand({ EndpointName: ENDPOINT }))
    const targets = await lab.aas.send(
      new DescribeScalableTargetsCommand({ ServiceNamespace: 'sagemaker' })
    )
    expect(targets.ScalableTargets).toEqual([])
  })
})

describe('wire protocol and gate', () => {
  it('the IAM allow-list gates application-autoscaling:* actions', async () => {
    lab.emu.setScenario({ allowedActions: ['sagemaker:*', 'application-autoscaling:Describe*'] })
    await lab.aas.send(new DescribeScalableTargetsCommand({ ServiceNamespace: 'sagemaker' }))
    const denied = await failure(
      lab.aas.send(new RegisterScalableTargetCommand({ ...TARGET, MinCapacity: 1, MaxCapacity: 2 }))
    )
    expect(denied.name).toBe('AccessDeniedException')
    expect(denied.message).toMatch(
      /is not authorized to perform: application-autoscaling:RegisterScalableTarget on resource/
    )
  })

  it('AWS_ENDPOINT_URL_APPLICATION_AUTO_SCALING (service id "Application Auto Scaling") reaches the emulator', async () => {
    const env = lab.emu.env()
    expect(env.AWS_ENDPOINT_URL_APPLICATION_AUTO_SCALING).toBe(lab.emu.url)
    const saved = { ...process.env }
    Object.assign(process.env, env)
    try {
      const client = new ApplicationAutoScalingClient({})
      const out = await client.send(
        new DescribeScalableTargetsCommand({ ServiceNamespace: 'sagemaker' })
      )
      expect(out.ScalableTargets).toEqual([])
      client.destroy()
    } finally {
      process.env = saved
    }
    const call = lab.emu.calls().at(-1)
    expect(call).toMatchObject({
      service: 'application-autoscaling',
      operation: 'DescribeScalableTargets',
      status: 200
    })
  })

  // The CLI runs as a child process; the emulator answers from this process's event loop, so
  // the child is awaited, never run synchronously.
  const cli = spawnSync('aws', ['--version'], { encoding: 'utf8' })
  const run = cli.status === 0 ? it : it.skip
  run('the AWS CLI (botocore) as an independent client: register, describe, errors', async () => {
    await liveEndpointA(lab)
    const env = { ...process.env, ...lab.emu.env(), AWS_PAGER: '' }
    const aws = (...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
      new Promise(resolve => {
        execFile(
          'aws',
          [
            'application-autoscaling',
            ...args,
            '--endpoint-url',
            lab.emu.url,
            '--region',
            'us-east-1',
            '--output',
            'json'
          ],
          { env, encoding: 'utf8' },
          (error, stdout, stderr) =>
            resolve({ code: error === null ? 0 : Number(error.code ?? 1), stdout, stderr })
        )
      })
    const dimension = ['--scalable-dimension', 'sagemaker:variant:DesiredInstanceCount']
    const registered = await aws(
      'register-scalable-target',
      '--service-namespace',
      'sagemaker',
      '--resource-id',
      RESOURCE,
      ...dimension,
      '--min-capacity',
      '1',
      '--max-capacity',
      '5'
    )
    expect(registered.stderr).toBe('')
    expect(JSON.parse(registered.stdout)).toEqual({
      ScalableTargetARN: expect.stringMatching(/^arn:aws:application-autoscaling:us-east-1:/)
    })
    const described = await aws('describe-scalable-targets', '--service-namespace', 'sagemaker')
    const targets = (JSON.parse(described.stdout) as { ScalableTargets: Record<string, unknown>[] })
      .ScalableTargets
    expect(targets.map(t => [t.ResourceId, t.MinCapacity, t.MaxCapacity])).toEqual([
      [RESOURCE, 1, 5]
    ])
    const missing = await aws(
      'deregister-scalable-target',
      '--service-namespace',
      'sagemaker',
      '--resource-id',
      'endpoint/ghost/variant/AllTraffic',
      ...dimension
    )
    expect(missing.code).not.toBe(0)
    expect(missing.stderr).toMatch(
      /\(ObjectNotFoundException\) when calling the DeregisterScalableTarget operation: No scalable target registered for service namespace: sagemaker, resource ID: endpoint\/ghost\/variant\/AllTraffic/
    )
  })
})
