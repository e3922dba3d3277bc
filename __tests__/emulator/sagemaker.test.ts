import { describe, it, expect, beforeEach, afterEach } from '@jest/globals'
import {
  AddTagsCommand,
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  DeleteEndpointCommand,
  DeleteEndpointConfigCommand,
  DeleteModelCommand,
  DescribeEndpointCommand,
  DescribeEndpointConfigCommand,
  DescribeModelCommand,
  DescribeModelPackageCommand,
  ListEndpointConfigsCommand,
  ListModelsCommand,
  ListTagsCommand,
  UpdateEndpointCommand
} from '@aws-sdk/client-sagemaker'
import {
  createConfig,
  createModel,
  describeEp,
  ENDPOINT,
  failure,
  IMAGE,
  linearConfig,
  liveEndpointA,
  MODEL_A,
  MODEL_E,
  ROLE,
  startLab,
  stopLab,
  type Lab
} from './helpers.js'
import { DEFAULT_SCENARIO } from '../../emulator/index.js'

let lab: Lab
beforeEach(async () => {
  lab = await startLab()
})
afterEach(async () => {
  await stopLab(lab)
})

const ARN = 'arn:aws:sagemaker:us-east-1:123456789012'

describe('models', () => {
  it('creates, describes, lists and deletes a model', async () => {
    const created = await lab.sm.send(
      new CreateModelCommand({
        ModelName: 'Model-A',
        ExecutionRoleArn: ROLE,
        PrimaryContainer: { Image: IMAGE, ModelDataUrl: MODEL_A, Environment: { KEY: 'v' } },
        Tags: [{ Key: 'team', Value: 'ml' }]
      })
    )
    expect(created.ModelArn).toBe(`${ARN}:model/model-a`)
    const described = await lab.sm.send(new DescribeModelCommand({ ModelName: 'Model-A' }))
    expect(described.PrimaryContainer).toEqual({
      Image: IMAGE,
      ModelDataUrl: MODEL_A,
      Environment: { KEY: 'v' }
    })
    expect(described.CreationTime).toBeInstanceOf(Date)
    const listed = await lab.sm.send(new ListModelsCommand({ NameContains: 'Model' }))
    expect(listed.Models?.map(m => m.ModelName)).toEqual(['Model-A'])
    const tags = await lab.sm.send(new ListTagsCommand({ ResourceArn: created.ModelArn }))
    expect(tags.Tags).toEqual([{ Key: 'team', Value: 'ml' }])
    await lab.sm.send(new DeleteModelCommand({ ModelName: 'Model-A' }))
    const error = await failure(lab.sm.send(new DescribeModelCommand({ ModelName: 'Model-A' })))
    expect(error.name).toBe('ValidationException')
    expect(error.message).toBe('Could not find model "Model-A".')
  })

  it('rejects a duplicate model, a bad name, a bad role and a bad artifact URL', async () => {
    await createModel(lab, 'model-a', MODEL_A)
    const dup = await failure(createModel(lab, 'model-a', MODEL_A))
    expect(dup.name).toBe('ResourceInUse')
    expect(dup.message).toBe(`Cannot create already existing model "${ARN}:model/model-a".`)
    const bad = await failure(createModel(lab, 'bad_name!', MODEL_A))
    expect(bad.name).toBe('ValidationException')
    // The pattern as the service model writes it (botocore service-2.json ModelName).
    expect(bad.message).toBe(
      "1 validation error detected: Value 'bad_name!' at 'modelName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9]([\\-a-zA-Z0-9]*[a-zA-Z0-9])?"
    )
    const role = await failure(
      lab.sm.send(
        new CreateModelCommand({
          ModelName: 'm2',
          ExecutionRoleArn: 'not-a-role',
          PrimaryContainer: { Image: IMAGE }
        })
      )
    )
    expect(role.message).toMatch(/at 'executionRoleArn' failed to satisfy constraint/)
    const url = await failure(createModel(lab, 'm3', 'ftp://x/model.tar.gz'))
    expect(url.message).toMatch(
      /at 'primaryContainer.modelDataUrl' failed to satisfy constraint: Member must satisfy regular expression pattern/
    )
  })

  it('describes a model package from the scenario and creates a model from it', async () => {
    const arn = `${ARN}:model-package/lab-models/2`
    const pkg = await lab.sm.send(new DescribeModelPackageCommand({ ModelPackageName: arn }))
    expect(pkg.ModelPackageArn).toBe(arn)
    expect(pkg.InferenceSpecification?.Containers?.[0]).toEqual({
      Image: IMAGE,
      ModelDataUrl: 's3://lab-models/model-b/model.tar.gz'
    })
    expect(pkg.ModelApprovalStatus).toBe('Approved')
    await lab.sm.send(
      new CreateModelCommand({
        ModelName: 'from-pkg',
        ExecutionRoleArn: ROLE,
        PrimaryContainer: { ModelPackageName: arn }
      })
    )
    const missing = await failure(
      lab.sm.send(
        new DescribeModelPackageCommand({ ModelPackageName: `${ARN}:model-package/nope/1` })
      )
    )
    expect(missing.name).toBe('ValidationException')
    expect(missing.message).toBe(`ModelPackage ${ARN}:model-package/nope/1 does not exist.`)
  })
})

describe('endpoint configs', () => {
  it('creates, describes, lists and deletes a config', async () => {
    await createModel(lab, 'model-a', MODEL_A)
    await createConfig(lab, 'cfg-a', 'model-a', 2)
    const described = await lab.sm.send(
      new DescribeEndpointConfigCommand({ EndpointConfigName: 'cfg-a' })
    )
    expect(described.EndpointConfigArn).toBe(`${ARN}:endpoint-config/cfg-a`)
    expect(described.ProductionVariants?.[0]).toMatchObject({
      VariantName: 'AllTraffic',
      ModelName: 'model-a',
      InitialInstanceCount: 2,
      InstanceType: 'ml.m5.large'
    })
    const listed = await lab.sm.send(new ListEndpointConfigsCommand({}))
    expect(listed.EndpointConfigs?.map(c => c.EndpointConfigName)).toEqual(['cfg-a'])
    await lab.sm.send(new DeleteEndpointConfigCommand({ EndpointConfigName: 'cfg-a' }))
    const error = await failure(
      lab.sm.send(new DescribeEndpointConfigCommand({ EndpointConfigName: 'cfg-a' }))
    )
    expect(error.name).toBe('ValidationException')
    expect(error.message).toBe('Could not find endpoint configuration "cfg-a".')
  })

  it('needs an existing model, a known instance type and no duplicate', async () => {
    const noModel = await failure(createConfig(lab, 'cfg-x', 'ghost'))
    expect(noModel.name).toBe('ValidationException')
    expect(noModel.message).toBe('Could not find model "ghost".')
    await createModel(lab, 'model-a', MODEL_A)
    const type = await failure(
      lab.sm.send(
        new CreateEndpointConfigCommand({
          EndpointConfigName: 'cfg-y',
          ProductionVariants: [
            {
              VariantName: 'AllTraffic',
              ModelName: 'model-a',
              InitialInstanceCount: 1,
              InstanceType: 'm5.huge' as 'ml.m5.large'
            }
          ]
        })
      )
    )
    expect(type.message).toMatch(
      /at 'productionVariants.1.member.instanceType' failed to satisfy constraint: Member must satisfy enum value set/
    )
    await createConfig(lab, 'cfg-a', 'model-a')
    const dup = await failure(createConfig(lab, 'cfg-a', 'model-a'))
    expect(dup.name).toBe('ResourceInUse')
    expect(dup.message).toBe(
      `Cannot create already existing endpoint configuration "${ARN}:endpoint-config/cfg-a".`
    )
  })
})

describe('endpoints', () => {
  it('creates an endpoint: Creating for creationSeconds, then InService', async () => {
    await createModel(lab, 'model-a', MODEL_A)
    await createConfig(lab, 'cfg-a', 'model-a', 2)
    const created = await lab.sm.send(
      new CreateEndpointCommand({
        EndpointName: 'My-Endpoint',
        EndpointConfigName: 'cfg-a',
        Tags: [{ Key: 'k', Value: 'v' }]
      })
    )
    expect(created.EndpointArn).toBe(`${ARN}:endpoint/my-endpoint`)
    const creating = await describeEp(lab, 'My-Endpoint')
    expect(creating.EndpointStatus).toBe('Creating')
    expect(creating.ProductionVariants?.[0]?.VariantStatus?.[0]).toMatchObject({
      Status: 'Creating',
      StatusMessage: 'Launching 2 instance(s).'
    })
    lab.emu.advance(DEFAULT_SCENARIO.creationSeconds - 1)
    expect((await describeEp(lab, 'My-Endpoint')).EndpointStatus).toBe('Creating')
    lab.emu.advance(2)
    const live = await describeEp(lab, 'My-Endpoint')
    expect(live.EndpointStatus).toBe('InService')
    expect(live.EndpointConfigName).toBe('cfg-a')
    expect(live.ProductionVariants?.[0]).toMatchObject({
      VariantName: 'AllTraffic',
      CurrentInstanceCount: 2,
      DesiredInstanceCount: 2,
      CurrentWeight: 1
    })
    expect(live.ProductionVariants?.[0]?.DeployedImages?.[0]?.SpecifiedImage).toBe(IMAGE)
    expect(live.LastModifiedTime!.getTime()).toBeGreaterThan(live.CreationTime!.getTime())
    await lab.sm.send(
      new AddTagsCommand({ ResourceArn: created.EndpointArn, Tags: [{ Key: 'k2', Value: 'v2' }] })
    )
    const tags = await lab.sm.send(new ListTagsCommand({ ResourceArn: created.EndpointArn }))
    expect(tags.Tags?.map(t => t.Key)).toEqual(['k', 'k2'])
  })

  it('rejects unknown endpoints and configs, duplicates and bad names', async () => {
    const missing = await failure(
      lab.sm.send(new DescribeEndpointCommand({ EndpointName: 'nope' }))
    )
    expect(missing.name).toBe('ValidationException')
    expect(missing.message).toBe('Could not find endpoint "nope".')
    expect(missing.$metadata?.httpStatusCode).toBe(400)
    const noConfig = await failure(
      lab.sm.send(new CreateEndpointCommand({ EndpointName: 'ep', EndpointConfigName: 'ghost' }))
    )
    expect(noConfig.message).toBe('Could not find endpoint configuration "ghost".')
    const badName = await failure(
      lab.sm.send(
        new CreateEndpointCommand({ EndpointName: 'bad name', EndpointConfigName: 'cfg' })
      )
    )
    expect(badName.message).toBe(
      "1 validation error detected: Value 'bad name' at 'endpointName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}"
    )
    const tooLong = await failure(
      lab.sm.send(new DescribeEndpointCommand({ EndpointName: 'a'.repeat(64) }))
    )
    expect(tooLong.message).toMatch(/Member must have length less than or equal to 63$/)
    await liveEndpointA(lab)
    const dup = await failure(
      lab.sm.send(
        new CreateEndpointCommand({ EndpointName: ENDPOINT, EndpointConfigName: 'cfg-a' })
      )
    )
    expect(dup.name).toBe('ResourceInUse')
    expect(dup.message).toBe(
      `Cannot create already existing endpoint "${ARN}:endpoint/lab-endpoint".`
    )
  })

  it('validates UpdateEndpoint: ranges, step size, alarms, variant name, in-progress', async () => {
    const alarms = await liveEndpointA(lab)
    await createModel(lab, 'model-e', MODEL_E)
    await createConfig(lab, 'cfg-e', 'model-e')
    const update = (
      DeploymentConfig: ReturnType<typeof linearConfig>,
      EndpointConfigName = 'cfg-e'
    ) =>
      failure(
        lab.sm.send(
          new UpdateEndpointCommand({
            EndpointName: ENDPOINT,
            EndpointConfigName,
            DeploymentConfig
          })
        )
      )

    const wait = await update(linearConfig(alarms, 25, 3601))
    expect(wait.name).toBe('ValidationException')
    expect(wait.message).toBe(
      "1 validation error detected: Value '3601' at 'deploymentConfig.blueGreenUpdatePolicy.trafficRoutingConfiguration.waitIntervalInSeconds' failed to satisfy constraint: Member must have value less than or equal to 3600"
    )
    const termination = await update(linearConfig(alarms, 25, 60, 4000))
    expect(termination.message).toMatch(
      /'deploymentConfig.blueGreenUpdatePolicy.terminationWaitInSeconds' failed to satisfy constraint: Member must have value less than or equal to 3600/
    )
    const timeout = linearConfig(alarms)
    timeout.BlueGreenUpdatePolicy.MaximumExecutionTimeoutInSeconds = 599
    expect((await update(timeout)).message).toMatch(
      /maximumExecutionTimeoutInSeconds' failed to satisfy constraint: Member must have value greater than or equal to 600/
    )
    timeout.BlueGreenUpdatePolicy.MaximumExecutionTimeoutInSeconds = 28801
    expect((await update(timeout)).message).toMatch(
      /Member must have value less than or equal to 28800/
    )
    const step = await update(linearConfig(alarms, 60))
    expect(step.message).toBe(
      "LinearStepSize must be between 10% and 50% of the variant's total instance count (got 60%)."
    )
    expect((await update(linearConfig(alarms, 5))).message).toMatch(/got 5%/)
    const canary = await failure(
      lab.sm.send(
        new UpdateEndpointCommand({
          EndpointName: ENDPOINT,
          EndpointConfigName: 'cfg-e',
          DeploymentConfig: {
            BlueGreenUpdatePolicy: {
              TrafficRoutingConfiguration: {
                Type: 'CANARY',
                WaitIntervalInSeconds: 60,
                CanarySize: { Type: 'CAPACITY_PERCENT', Value: 60 }
              }
            }
          }
        })
      )
    )
    expect(canary.message).toBe(
      "CanarySize must be at most 50% of the variant's total instance count (got 60%)."
    )
    // No source says a missing rollback alarm is rejected: only under the assumption switch.
    lab.emu.setScenario({ assumeAlarmsMustExist: true })
    const noAlarm = await update(linearConfig(['ghost-alarm']))
    expect(noAlarm.message).toBe(
      'The CloudWatch alarm(s) "ghost-alarm" in AutoRollbackConfiguration do not exist.'
    )
    lab.emu.setScenario({ assumeAlarmsMustExist: false })
    const eleven = await update(linearConfig(Array.from({ length: 11 }, () => alarms[0]!)))
    expect(eleven.message).toMatch(
      /'deploymentConfig.autoRollbackConfiguration.alarms' failed to satisfy constraint: Member must have length less than or equal to 10/
    )
    const zero = await update(linearConfig([]))
    expect(zero.message).toMatch(/Member must have length greater than or equal to 1/)

    await createConfig(lab, 'cfg-other-variant', 'model-e', 4, 'Other')
    const variant = await update(linearConfig(alarms), 'cfg-other-variant')
    expect(variant.message).toBe(
      'The variant name(s) [Other] of endpoint configuration "cfg-other-variant" do not match the variant name(s) [AllTraffic] of the current endpoint configuration "cfg-a". A blue/green deployment needs the same variant names.'
    )
    const noConfig = await update(linearConfig(alarms), 'ghost')
    expect(noConfig.message).toBe('Could not find endpoint configuration "ghost".')

    await lab.sm.send(
      new UpdateEndpointCommand({
        EndpointName: ENDPOINT,
        EndpointConfigName: 'cfg-e',
        DeploymentConfig: linearConfig(alarms)
      })
    )
    const busy = await update(linearConfig(alarms))
    expect(busy.name).toBe('ValidationException')
    expect(busy.message).toBe(`Cannot update in-progress endpoint "${ARN}:endpoint/lab-endpoint".`)
    const busyDelete = await failure(
      lab.sm.send(new DeleteEndpointCommand({ EndpointName: ENDPOINT }))
    )
    expect(busyDelete.message).toBe(
      `Cannot update in-progress endpoint "${ARN}:endpoint/lab-endpoint".`
    )
    // Nothing above changed the endpoint.
    expect((await describeEp(lab)).PendingDeploymentSummary?.EndpointConfigName).toBe('cfg-e')
  })

  it('a Failed endpoint only allows DeleteEndpoint', async () => {
    lab.emu.setScenario({
      models: { 's3://lab-models/broken/model.tar.gz': { failHealthCheck: true } }
    })
    await createModel(lab, 'model-x', 's3://lab-models/broken/model.tar.gz')
    await createConfig(lab, 'cfg-x', 'model-x', 1)
    await lab.sm.send(
      new CreateEndpointCommand({ EndpointName: 'ep-x', EndpointConfigName: 'cfg-x' })
    )
    lab.emu.advance(DEFAULT_SCENARIO.creationSeconds + 1)
    const failed = await describeEp(lab, 'ep-x')
    expect(failed.EndpointStatus).toBe('Failed')
    expect(failed.FailureReason).toMatch(/did not pass the ping health check/)
    const update = await failure(
      lab.sm.send(new UpdateEndpointCommand({ EndpointName: 'ep-x', EndpointConfigName: 'cfg-x' }))
    )
    expect(update.name).toBe('ValidationException')
    expect(update.message).toMatch(
      /DeleteEndpoint is the only operation allowed on a failed endpoint/
    )
    await lab.sm.send(new DeleteEndpointCommand({ EndpointName: 'ep-x' }))
    expect((await describeEp(lab, 'ep-x')).EndpointStatus).toBe('Deleting')
    lab.emu.advance(DEFAULT_SCENARIO.deletionSeconds + 1)
    const gone = await failure(describeEp(lab, 'ep-x'))
    expect(gone.message).toBe('Could not find endpoint "ep-x".')
  })
})
