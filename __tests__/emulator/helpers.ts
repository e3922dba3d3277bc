// Shared setup for the emulator tests: real SDK clients pointed at a started emulator, and the
// lab's resources (model A live on a 4-instance endpoint, the two lab alarms).

import { ApplicationAutoScalingClient } from '@aws-sdk/client-application-auto-scaling'
import { CloudWatchClient, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch'
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  DescribeEndpointCommand,
  SageMakerClient,
  type DescribeEndpointCommandOutput
} from '@aws-sdk/client-sagemaker'
import { SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime'
import { fileURLToPath } from 'node:url'
import {
  DEFAULT_SCENARIO,
  startEmulator,
  type Emulator,
  type EmulatorOptions
} from '../../emulator/index.js'

export const LAB_SCENARIO = fileURLToPath(
  new URL('../../emulator/scenarios/lab.json', import.meta.url)
)
export const IMAGE = '111111111111.dkr.ecr.us-east-1.amazonaws.com/lab-inference:1'
export const ROLE = 'arn:aws:iam::123456789012:role/sagemaker-execution'
export const MODEL_A = 's3://lab-models/model-a/model.tar.gz'
export const MODEL_B = 's3://lab-models/model-b/model.tar.gz'
export const MODEL_E = 's3://lab-models/model-e/model.tar.gz'
export const ENDPOINT = 'lab-endpoint'

export interface Lab {
  emu: Emulator
  sm: SageMakerClient
  cw: CloudWatchClient
  rt: SageMakerRuntimeClient
  aas: ApplicationAutoScalingClient
}

export async function startLab(options: EmulatorOptions = {}, maxAttempts = 1): Promise<Lab> {
  // Five seconds past a whole minute: the same alignment with the alarm evaluations every run.
  const startTime = Math.floor(Date.now() / 60_000) * 60_000 + 5_000
  const emu = await startEmulator({ timeScale: 0, scenario: LAB_SCENARIO, startTime, ...options })
  const config = {
    endpoint: emu.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
    maxAttempts
  }
  return {
    emu,
    sm: new SageMakerClient(config),
    cw: new CloudWatchClient(config),
    rt: new SageMakerRuntimeClient(config),
    aas: new ApplicationAutoScalingClient(config)
  }
}

export async function stopLab(lab: Lab | undefined): Promise<void> {
  if (lab === undefined) return
  lab.sm.destroy()
  lab.cw.destroy()
  lab.rt.destroy()
  lab.aas.destroy()
  await lab.emu.close()
}

export async function createModel(lab: Lab, name: string, modelDataUrl: string): Promise<void> {
  await lab.sm.send(
    new CreateModelCommand({
      ModelName: name,
      ExecutionRoleArn: ROLE,
      PrimaryContainer: { Image: IMAGE, ModelDataUrl: modelDataUrl }
    })
  )
}

export async function createConfig(
  lab: Lab,
  name: string,
  model: string,
  instances = 4,
  variant = 'AllTraffic'
): Promise<void> {
  await lab.sm.send(
    new CreateEndpointConfigCommand({
      EndpointConfigName: name,
      ProductionVariants: [
        {
          VariantName: variant,
          ModelName: model,
          InitialInstanceCount: instances,
          InstanceType: 'ml.m5.large'
        }
      ]
    })
  )
}

/** The 5XX-rate alarm (metric math) and the latency alarm of the lab, for `variant` of ENDPOINT. */
export async function putLabAlarms(
  lab: Lab,
  endpoint = ENDPOINT,
  variant = 'AllTraffic'
): Promise<string[]> {
  const dimensions = [
    { Name: 'EndpointName', Value: endpoint },
    { Name: 'VariantName', Value: variant }
  ]
  const stat = (metricName: string) => ({
    Metric: { Namespace: 'AWS/SageMaker', MetricName: metricName, Dimensions: dimensions },
    Period: 60,
    Stat: 'Sum' as const
  })
  await lab.cw.send(
    new PutMetricAlarmCommand({
      AlarmName: `${endpoint}-5xx-rate`,
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 1,
      EvaluationPeriods: 1,
      DatapointsToAlarm: 1,
      TreatMissingData: 'notBreaching',
      Metrics: [
        { Id: 'errors', MetricStat: stat('Invocation5XXErrors'), ReturnData: false },
        { Id: 'invocations', MetricStat: stat('Invocations'), ReturnData: false },
        {
          Id: 'rate',
          Expression: 'IF(invocations > 0, 100 * errors / invocations, 0)',
          Label: '5XX rate %',
          ReturnData: true
        }
      ]
    })
  )
  await lab.cw.send(
    new PutMetricAlarmCommand({
      AlarmName: `${endpoint}-latency`,
      Namespace: 'AWS/SageMaker',
      MetricName: 'ModelLatency',
      Dimensions: dimensions,
      Statistic: 'Average',
      Period: 60,
      EvaluationPeriods: 1,
      Threshold: 5_000_000,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'notBreaching'
    })
  )
  return [`${endpoint}-5xx-rate`, `${endpoint}-latency`]
}

/** Model A live on ENDPOINT (4 instances, config cfg-a), InService, plus the lab alarms. */
export async function liveEndpointA(lab: Lab, instances = 4): Promise<string[]> {
  await createModel(lab, 'model-a', MODEL_A)
  await createConfig(lab, 'cfg-a', 'model-a', instances)
  const alarms = await putLabAlarms(lab)
  await lab.sm.send(
    new CreateEndpointCommand({ EndpointName: ENDPOINT, EndpointConfigName: 'cfg-a' })
  )
  lab.emu.advance(DEFAULT_SCENARIO.creationSeconds)
  return alarms
}

export async function describeEp(
  lab: Lab,
  name = ENDPOINT
): Promise<DescribeEndpointCommandOutput> {
  return lab.sm.send(new DescribeEndpointCommand({ EndpointName: name }))
}

/** Catches the error a promise rejects with. */
export async function failure(
  promise: Promise<unknown>
): Promise<Error & { $metadata?: { httpStatusCode?: number; attempts?: number } }> {
  try {
    await promise
  } catch (error) {
    return error as Error
  }
  throw new Error('expected the call to fail')
}

export function linearConfig(alarms: string[], step = 25, wait = 60, termination = 0) {
  return {
    BlueGreenUpdatePolicy: {
      TrafficRoutingConfiguration: {
        Type: 'LINEAR' as const,
        WaitIntervalInSeconds: wait,
        LinearStepSize: { Type: 'CAPACITY_PERCENT' as const, Value: step }
      },
      TerminationWaitInSeconds: termination,
      MaximumExecutionTimeoutInSeconds: 3600
    },
    AutoRollbackConfiguration: { Alarms: alarms.map(AlarmName => ({ AlarmName })) }
  }
}

/** Polls DescribeEndpoint every `step` simulated seconds until `until` holds (or `limit` seconds). */
export async function watch(
  lab: Lab,
  until: (d: DescribeEndpointCommandOutput) => boolean,
  step = 5,
  limit = 7200
): Promise<DescribeEndpointCommandOutput[]> {
  const seen: DescribeEndpointCommandOutput[] = []
  for (let t = 0; t <= limit; t += step) {
    const d = await describeEp(lab)
    seen.push(d)
    if (until(d)) return seen
    lab.emu.advance(step)
  }
  throw new Error(`condition not reached within ${limit} simulated seconds`)
}
