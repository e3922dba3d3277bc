// DescribeEndpoint for each endpoint shape (DescribeEndpointOutput in the API model), the
// blue/green update of multi-variant and asynchronous endpoints, serverless endpoints, scale to
// zero, inference components, and the step-size and timeout rules against the fleet.

import { DEFAULT_SCENARIO } from '../../emulator/index.js'
import { describe, it, expect, beforeEach, afterEach } from '@jest/globals'
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateInferenceComponentCommand,
  DeleteInferenceComponentCommand,
  DescribeInferenceComponentCommand,
  ListInferenceComponentsCommand,
  UpdateEndpointCommand,
  UpdateEndpointWeightsAndCapacitiesCommand,
  type DescribeEndpointCommandOutput,
  type ProductionVariant
} from '@aws-sdk/client-sagemaker'
import {
  createConfig,
  createModel,
  describeEp,
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
import { ACCOUNT, fullConfig } from './shape-fixtures.js'

let lab: Lab
beforeEach(async () => {
  lab = await startLab()
})
afterEach(async () => {
  await stopLab(lab)
})

const instances = (name: string, model: string, count: number, weight = 1): ProductionVariant => ({
  VariantName: name,
  ModelName: model,
  InitialInstanceCount: count,
  InstanceType: 'ml.m5.large',
  InitialVariantWeight: weight
})

async function endpointFrom(
  name: string,
  config: string,
  seconds = DEFAULT_SCENARIO.creationSeconds + 5
): Promise<void> {
  await lab.sm.send(new CreateEndpointCommand({ EndpointName: name, EndpointConfigName: config }))
  lab.emu.advance(seconds)
}

async function until(name: string, done: (d: DescribeEndpointCommandOutput) => boolean) {
  for (let t = 0; t < 3600; t += 5) {
    const d = await describeEp(lab, name)
    if (done(d)) return d
    lab.emu.advance(5)
  }
  throw new Error('not reached')
}

describe('DescribeEndpoint per shape', () => {
  it('echoes the live config: data capture summary, async, explainer, shadow variants, metrics, variant settings', async () => {
    await createModel(lab, 'model-a', MODEL_A)
    const input = fullConfig('cfg-full', 'model-a')
    await lab.sm.send(new CreateEndpointConfigCommand(input))
    await endpointFrom('full', 'cfg-full')
    const d = await describeEp(lab, 'full')
    expect(d.EndpointStatus).toBe('InService')
    expect(d.DataCaptureConfig).toEqual({
      EnableCapture: true,
      CaptureStatus: 'Started',
      CurrentSamplingPercentage: 20,
      DestinationS3Uri: 's3://capture/ep',
      KmsKeyId: input.DataCaptureConfig?.KmsKeyId
    })
    expect(d.AsyncInferenceConfig).toEqual(input.AsyncInferenceConfig)
    expect(d.ExplainerConfig).toEqual(input.ExplainerConfig)
    expect(d.MetricsConfig).toEqual(input.MetricsConfig)
    expect(d.ShadowProductionVariants).toEqual([
      {
        VariantName: 'Shadow',
        CurrentWeight: 0.5,
        DesiredWeight: 0.5,
        CurrentInstanceCount: 1,
        DesiredInstanceCount: 1
      }
    ])
    expect(d.ProductionVariants?.[0]).toMatchObject({
      VariantName: 'AllTraffic',
      CurrentWeight: 0.75,
      DesiredWeight: 0.75,
      CurrentInstanceCount: 2,
      DesiredInstanceCount: 2,
      RoutingConfig: { RoutingStrategy: 'LEAST_OUTSTANDING_REQUESTS' },
      CapacityReservationConfig: {
        CapacityReservationPreference: 'capacity-reservations-only',
        MlReservationArn: `arn:aws:sagemaker:us-east-1:${ACCOUNT}:ml-reservation/r-0123`
      }
    })
  })

  it('multi-variant: every variant with its weight and counts; a blue/green update carries every variant', async () => {
    await createModel(lab, 'model-a', MODEL_A)
    await createModel(lab, 'model-e', MODEL_E)
    await lab.sm.send(
      new CreateEndpointConfigCommand({
        EndpointConfigName: 'cfg-two',
        ProductionVariants: [
          instances('Primary', 'model-a', 4, 3),
          instances('Challenger', 'model-a', 2, 1)
        ]
      })
    )
    await endpointFrom('two', 'cfg-two')
    const live = await describeEp(lab, 'two')
    expect(
      live.ProductionVariants?.map(v => [
        v.VariantName,
        v.CurrentWeight,
        v.CurrentInstanceCount,
        v.DesiredInstanceCount
      ])
    ).toEqual([
      ['Primary', 3, 4, 4],
      ['Challenger', 1, 2, 2]
    ])
    await lab.sm.send(
      new CreateEndpointConfigCommand({
        EndpointConfigName: 'cfg-two-e',
        ProductionVariants: [
          instances('Primary', 'model-e', 4, 3),
          instances('Challenger', 'model-a', 2, 1)
        ]
      })
    )
    await lab.sm.send(
      new UpdateEndpointCommand({
        EndpointName: 'two',
        EndpointConfigName: 'cfg-two-e',
        DeploymentConfig: {
          BlueGreenUpdatePolicy: {
            TrafficRoutingConfiguration: {
              Type: 'LINEAR',
              WaitIntervalInSeconds: 60,
              LinearStepSize: { Type: 'CAPACITY_PERCENT', Value: 50 }
            }
          }
        }
      })
    )
    const first = await until(
      'two',
      d =>
        d.PendingDeploymentSummary?.ProductionVariants?.[0]?.VariantStatus?.[0]?.Status === 'Baking'
    )
    expect(
      first.PendingDeploymentSummary?.ProductionVariants?.map(v => [
        v.VariantName,
        v.CurrentInstanceCount,
        v.DesiredInstanceCount
      ])
    ).toEqual([
      ['Primary', 2, 4],
      ['Challenger', 1, 2]
    ])
    const done = await until('two', d => d.EndpointStatus === 'InService')
    expect(done.EndpointConfigName).toBe('cfg-two-e')
    expect(
      done.ProductionVariants?.map(v => [v.VariantName, v.CurrentWeight, v.CurrentInstanceCount])
    ).toEqual([
      ['Primary', 3, 4],
      ['Challenger', 1, 2]
    ])
  })

  it('async: AsyncInferenceConfig echoed, a blue/green update keeps it, scale to zero shows 0 / 0', async () => {
    await createModel(lab, 'model-a', MODEL_A)
    await createModel(lab, 'model-e', MODEL_E)
    const asyncConfig = { OutputConfig: { S3OutputPath: 's3://async/out' } }
    for (const [name, model] of [
      ['cfg-async-a', 'model-a'],
      ['cfg-async-e', 'model-e']
    ] as const) {
      await lab.sm.send(
        new CreateEndpointConfigCommand({
          EndpointConfigName: name,
          ProductionVariants: [instances('AllTraffic', model, 2)],
          AsyncInferenceConfig: asyncConfig
        })
      )
    }
    await endpointFrom('async', 'cfg-async-a')
    expect((await describeEp(lab, 'async')).AsyncInferenceConfig).toEqual(asyncConfig)
    // Only asynchronous endpoints go to zero instances (SageMaker guide, async-inference-autoscale).
    await lab.sm.send(
      new UpdateEndpointWeightsAndCapacitiesCommand({
        EndpointName: 'async',
        DesiredWeightsAndCapacities: [{ VariantName: 'AllTraffic', DesiredInstanceCount: 0 }]
      })
    )
    const zero = await describeEp(lab, 'async')
    expect(zero.ProductionVariants?.[0]).toMatchObject({
      CurrentInstanceCount: 0,
      DesiredInstanceCount: 0
    })
    await lab.sm.send(
      new UpdateEndpointWeightsAndCapacitiesCommand({
        EndpointName: 'async',
        DesiredWeightsAndCapacities: [{ VariantName: 'AllTraffic', DesiredInstanceCount: 2 }]
      })
    )
    await lab.sm.send(
      new UpdateEndpointCommand({
        EndpointName: 'async',
        EndpointConfigName: 'cfg-async-e',
        DeploymentConfig: {
          BlueGreenUpdatePolicy: {
            TrafficRoutingConfiguration: {
              Type: 'LINEAR',
              WaitIntervalInSeconds: 30,
              LinearStepSize: { Type: 'INSTANCE_COUNT', Value: 1 }
            }
          }
        }
      })
    )
    const done = await until('async', d => d.EndpointStatus === 'InService')
    expect(done.EndpointConfigName).toBe('cfg-async-e')
    expect(done.AsyncInferenceConfig).toEqual(asyncConfig)

    await createConfig(lab, 'cfg-rt', 'model-a', 2)
    await endpointFrom('rt', 'cfg-rt')
    const realTime = await failure(
      lab.sm.send(
        new UpdateEndpointWeightsAndCapacitiesCommand({
          EndpointName: 'rt',
          DesiredWeightsAndCapacities: [{ VariantName: 'AllTraffic', DesiredInstanceCount: 0 }]
        })
      )
    )
    expect(realTime.message).toBe(
      'DesiredInstanceCount must be at least 1 for variant AllTraffic: only asynchronous endpoints scale to zero instances.'
    )
  })

  it('serverless: Current/DesiredServerlessConfig and no instance counts; plain update only', async () => {
    await createModel(lab, 'model-a', MODEL_A)
    await createModel(lab, 'model-e', MODEL_E)
    const serverless = { MemorySizeInMB: 2048, MaxConcurrency: 5 }
    for (const [name, model] of [
      ['cfg-sl-a', 'model-a'],
      ['cfg-sl-e', 'model-e']
    ] as const) {
      await lab.sm.send(
        new CreateEndpointConfigCommand({
          EndpointConfigName: name,
          ProductionVariants: [
            { VariantName: 'AllTraffic', ModelName: model, ServerlessConfig: serverless }
          ]
        })
      )
    }
    await endpointFrom('sl', 'cfg-sl-a')
    const d = await describeEp(lab, 'sl')
    expect(d.ProductionVariants?.[0]).toEqual({
      VariantName: 'AllTraffic',
      DeployedImages: [expect.objectContaining({ SpecifiedImage: IMAGE })],
      CurrentWeight: 1,
      DesiredWeight: 1,
      CurrentServerlessConfig: serverless,
      DesiredServerlessConfig: serverless
    })
    // Deployment guardrails are for real-time and asynchronous endpoints (assumption: refused).
    const guarded = await failure(
      lab.sm.send(
        new UpdateEndpointCommand({
          EndpointName: 'sl',
          EndpointConfigName: 'cfg-sl-e',
          DeploymentConfig: {
            BlueGreenUpdatePolicy: {
              TrafficRoutingConfiguration: { Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: 0 }
            }
          }
        })
      )
    )
    expect(guarded.message).toBe(
      'Deployment guardrails (DeploymentConfig) are not supported for serverless endpoints. Update the endpoint without a DeploymentConfig.'
    )
    await lab.sm.send(
      new UpdateEndpointCommand({ EndpointName: 'sl', EndpointConfigName: 'cfg-sl-e' })
    )
    const done = await until('sl', x => x.EndpointStatus === 'InService')
    expect(done.EndpointConfigName).toBe('cfg-sl-e')
    expect(done.ProductionVariants?.[0]?.CurrentInstanceCount).toBeUndefined()
  })
})

describe('inference components', () => {
  async function componentEndpoint(): Promise<void> {
    await createModel(lab, 'model-a', MODEL_A)
    await lab.sm.send(
      new CreateEndpointConfigCommand({
        EndpointConfigName: 'cfg-ic',
        ExecutionRoleArn: ROLE,
        ProductionVariants: [
          {
            VariantName: 'AllTraffic',
            InstanceType: 'ml.g5.12xlarge',
            InitialInstanceCount: 2,
            ManagedInstanceScaling: { Status: 'ENABLED', MinInstanceCount: 0, MaxInstanceCount: 4 },
            RoutingConfig: { RoutingStrategy: 'LEAST_OUTSTANDING_REQUESTS' }
          }
        ]
      })
    )
    await endpointFrom('ic-ep', 'cfg-ic')
  }

  it('an endpoint whose variant has no model: no DeployedImages, ManagedInstanceScaling echoed', async () => {
    await componentEndpoint()
    const d = await describeEp(lab, 'ic-ep')
    expect(d.ProductionVariants?.[0]).toEqual({
      VariantName: 'AllTraffic',
      CurrentWeight: 1,
      DesiredWeight: 1,
      CurrentInstanceCount: 2,
      DesiredInstanceCount: 2,
      ManagedInstanceScaling: { Status: 'ENABLED', MinInstanceCount: 0, MaxInstanceCount: 4 },
      RoutingConfig: { RoutingStrategy: 'LEAST_OUTSTANDING_REQUESTS' }
    })
  })

  it('create, describe (Creating, then InService with every copy), list and delete', async () => {
    await componentEndpoint()
    const specification = {
      ModelName: 'model-a',
      StartupParameters: { ModelDataDownloadTimeoutInSeconds: 600 },
      ComputeResourceRequirements: {
        NumberOfAcceleratorDevicesRequired: 1,
        MinMemoryRequiredInMb: 1024
      }
    }
    const created = await lab.sm.send(
      new CreateInferenceComponentCommand({
        InferenceComponentName: 'ic-a',
        EndpointName: 'ic-ep',
        VariantName: 'AllTraffic',
        Specification: specification,
        RuntimeConfig: { CopyCount: 2 }
      })
    )
    expect(created.InferenceComponentArn).toBe(
      `arn:aws:sagemaker:us-east-1:${ACCOUNT}:inference-component/ic-a`
    )
    const creating = await lab.sm.send(
      new DescribeInferenceComponentCommand({ InferenceComponentName: 'ic-a' })
    )
    expect(creating).toMatchObject({
      InferenceComponentStatus: 'Creating',
      EndpointName: 'ic-ep',
      VariantName: 'AllTraffic',
      Specification: specification,
      RuntimeConfig: { DesiredCopyCount: 2, CurrentCopyCount: 0 }
    })
    // A component's copies come up in the time the scenario gives green provisioning.
    lab.emu.advance(DEFAULT_SCENARIO.provisioningSeconds + 5)
    const live = await lab.sm.send(
      new DescribeInferenceComponentCommand({ InferenceComponentName: 'ic-a' })
    )
    expect(live.InferenceComponentStatus).toBe('InService')
    expect(live.RuntimeConfig).toEqual({
      DesiredCopyCount: 2,
      CurrentCopyCount: 2,
      PlacementStatus: [{ InstanceType: 'ml.g5.12xlarge', CurrentCopyCount: 2 }]
    })
    const listed = await lab.sm.send(
      new ListInferenceComponentsCommand({ EndpointNameEquals: 'ic-ep' })
    )
    expect(
      listed.InferenceComponents?.map(c => [
        c.InferenceComponentName,
        c.InferenceComponentStatus,
        c.VariantName
      ])
    ).toEqual([['ic-a', 'InService', 'AllTraffic']])
    await lab.sm.send(new DeleteInferenceComponentCommand({ InferenceComponentName: 'ic-a' }))
    const deleting = await lab.sm.send(
      new DescribeInferenceComponentCommand({ InferenceComponentName: 'ic-a' })
    )
    expect(deleting.InferenceComponentStatus).toBe('Deleting')
    lab.emu.advance(DEFAULT_SCENARIO.deletionSeconds + 1)
    const gone = await failure(
      lab.sm.send(new DescribeInferenceComponentCommand({ InferenceComponentName: 'ic-a' }))
    )
    expect(gone.name).toBe('ValidationException')
    expect(gone.message).toBe('Could not find inference component "ic-a".')
  })

  it('refuses a component on an endpoint whose variants serve a model, an unknown model, a missing copy count', async () => {
    await liveEndpointA(lab)
    const spec = {
      ModelName: 'model-a',
      ComputeResourceRequirements: { MinMemoryRequiredInMb: 1024 }
    }
    const onModel = await failure(
      lab.sm.send(
        new CreateInferenceComponentCommand({
          InferenceComponentName: 'ic-x',
          EndpointName: 'lab-endpoint',
          Specification: spec,
          RuntimeConfig: { CopyCount: 1 }
        })
      )
    )
    expect(onModel.message).toMatch(/^Endpoint "lab-endpoint" cannot host inference components/)
    await lab.sm.send(
      new CreateEndpointConfigCommand({
        EndpointConfigName: 'cfg-ic2',
        ExecutionRoleArn: ROLE,
        ProductionVariants: [
          { VariantName: 'AllTraffic', InstanceType: 'ml.g5.xlarge', InitialInstanceCount: 1 }
        ]
      })
    )
    await endpointFrom('ic2', 'cfg-ic2')
    const ghost = await failure(
      lab.sm.send(
        new CreateInferenceComponentCommand({
          InferenceComponentName: 'ic-x',
          EndpointName: 'ic2',
          Specification: { ...spec, ModelName: 'ghost' },
          RuntimeConfig: { CopyCount: 1 }
        })
      )
    )
    expect(ghost.message).toBe('Could not find model "ghost".')
    const noCopies = await failure(
      lab.sm.send(
        new CreateInferenceComponentCommand({
          InferenceComponentName: 'ic-x',
          EndpointName: 'ic2',
          Specification: spec
        })
      )
    )
    expect(noCopies.message).toBe(
      'RuntimeConfig is required unless Specification.BaseInferenceComponentName is set.'
    )
  })
})

describe('step size and timeout against the fleet (UpdateEndpoint)', () => {
  const update = (
    step: { Type: 'INSTANCE_COUNT' | 'CAPACITY_PERCENT'; Value: number },
    type: 'LINEAR' | 'CANARY' = 'LINEAR',
    endpoint = 'lab-endpoint',
    config = 'cfg-e'
  ) =>
    failure(
      lab.sm.send(
        new UpdateEndpointCommand({
          EndpointName: endpoint,
          EndpointConfigName: config,
          DeploymentConfig: {
            BlueGreenUpdatePolicy: {
              TrafficRoutingConfiguration: {
                Type: type,
                WaitIntervalInSeconds: 60,
                ...(type === 'LINEAR' ? { LinearStepSize: step } : { CanarySize: step })
              }
            }
          }
        })
      )
    )

  it('an INSTANCE_COUNT step is held to 10-50 % (linear) and at most 50 % (canary) of the variant (linear and canary guide pages, TrafficRoutingConfig model doc)', async () => {
    await liveEndpointA(lab)
    await createModel(lab, 'model-e', MODEL_E)
    await createConfig(lab, 'cfg-e', 'model-e', 4)
    expect((await update({ Type: 'INSTANCE_COUNT', Value: 3 })).message).toBe(
      "LinearStepSize of 3 instance(s) is 75% of the 4 instance(s) of production variant AllTraffic; it must be between 10% and 50% of the variant's total instance count."
    )
    expect((await update({ Type: 'INSTANCE_COUNT', Value: 30 })).message).toMatch(
      /is 750% of the 4 instance/
    )
    expect((await update({ Type: 'INSTANCE_COUNT', Value: 3 }, 'CANARY')).message).toBe(
      "CanarySize of 3 instance(s) is 75% of the 4 instance(s) of production variant AllTraffic; it must be at most 50% of the variant's total instance count."
    )
    await createConfig(lab, 'cfg-e20', 'model-e', 20)
    expect(
      (await update({ Type: 'INSTANCE_COUNT', Value: 1 }, 'LINEAR', 'lab-endpoint', 'cfg-e20'))
        .message
    ).toBe(
      "LinearStepSize of 1 instance(s) is 5% of the 20 instance(s) of production variant AllTraffic; it must be between 10% and 50% of the variant's total instance count."
    )
    expect(
      lab.emu
        .calls()
        .filter(c => c.operation === 'UpdateEndpoint')
        .every(c => c.status === 400)
    ).toBe(true)
    // 2 of 4 = 50 %: accepted.
    await lab.sm.send(
      new UpdateEndpointCommand({
        EndpointName: 'lab-endpoint',
        EndpointConfigName: 'cfg-e',
        DeploymentConfig: {
          BlueGreenUpdatePolicy: {
            TrafficRoutingConfiguration: {
              Type: 'LINEAR',
              WaitIntervalInSeconds: 60,
              LinearStepSize: { Type: 'INSTANCE_COUNT', Value: 2 }
            }
          }
        }
      })
    )
    expect((await describeEp(lab)).EndpointStatus).toBe('Updating')
  })

  it('MaximumExecutionTimeoutInSeconds must be larger than the waits (BlueGreenUpdatePolicy model doc)', async () => {
    const alarms = await liveEndpointA(lab)
    await createModel(lab, 'model-e', MODEL_E)
    await createConfig(lab, 'cfg-e', 'model-e', 4)
    const config = linearConfig(alarms, 25, 600, 300)
    config.BlueGreenUpdatePolicy.MaximumExecutionTimeoutInSeconds = 900
    const equal = await failure(
      lab.sm.send(
        new UpdateEndpointCommand({
          EndpointName: 'lab-endpoint',
          EndpointConfigName: 'cfg-e',
          DeploymentConfig: config
        })
      )
    )
    expect(equal.message).toBe(
      'MaximumExecutionTimeoutInSeconds (900) must be larger than the total waiting time specified in TerminationWaitInSeconds and WaitIntervalInSeconds (900 seconds).'
    )
    config.BlueGreenUpdatePolicy.MaximumExecutionTimeoutInSeconds = 901
    await lab.sm.send(
      new UpdateEndpointCommand({
        EndpointName: 'lab-endpoint',
        EndpointConfigName: 'cfg-e',
        DeploymentConfig: config
      })
    )
    expect((await describeEp(lab)).EndpointStatus).toBe('Updating')
  })
})
