// UpdateInferenceComponent: the model replaced batch by batch of copies
// (InferenceComponentRollingUpdatePolicy), what DescribeInferenceComponent shows meanwhile, the
// rollback on an alarm over the component's own metrics, the peak copy count and the validation.
import { describe as suite, it, expect, beforeEach, afterEach } from '@jest/globals'
import { PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch'
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateInferenceComponentCommand,
  DescribeInferenceComponentCommand,
  UpdateInferenceComponentCommand,
  type DescribeInferenceComponentCommandOutput
} from '@aws-sdk/client-sagemaker'
import {
  createModel,
  failure,
  MODEL_A,
  MODEL_B,
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

const IC = 'ic-llm'
const SPEC = (model: string) => ({
  ModelName: model,
  StartupParameters: { ModelDataDownloadTimeoutInSeconds: 600 },
  ComputeResourceRequirements: {
    NumberOfAcceleratorDevicesRequired: 1,
    MinMemoryRequiredInMb: 1024
  }
})

/** An endpoint for components (no model on its variant) with IC on model-a, 4 copies, in service. */
async function liveComponent(): Promise<string> {
  await createModel(lab, 'model-a', MODEL_A)
  await createModel(lab, 'model-b', MODEL_B)
  await createModel(lab, 'model-e', MODEL_E)
  await lab.sm.send(
    new CreateEndpointConfigCommand({
      EndpointConfigName: 'cfg-ic',
      ExecutionRoleArn: ROLE,
      ProductionVariants: [
        { VariantName: 'AllTraffic', InstanceType: 'ml.g5.12xlarge', InitialInstanceCount: 4 }
      ]
    })
  )
  await lab.sm.send(
    new CreateEndpointCommand({ EndpointName: 'ic-ep', EndpointConfigName: 'cfg-ic' })
  )
  lab.emu.advance(DEFAULT_SCENARIO.creationSeconds)
  await lab.sm.send(
    new CreateInferenceComponentCommand({
      InferenceComponentName: IC,
      EndpointName: 'ic-ep',
      VariantName: 'AllTraffic',
      Specification: SPEC('model-a'),
      RuntimeConfig: { CopyCount: 4 }
    })
  )
  lab.emu.advance(DEFAULT_SCENARIO.provisioningSeconds + 60)
  // The 5XX rate of the component's own invocations (InferenceComponentName dimension).
  const stat = (metricName: string) => ({
    Metric: {
      Namespace: 'AWS/SageMaker',
      MetricName: metricName,
      Dimensions: [{ Name: 'InferenceComponentName', Value: IC }]
    },
    Period: 60,
    Stat: 'Sum' as const
  })
  await lab.cw.send(
    new PutMetricAlarmCommand({
      AlarmName: `${IC}-5xx-rate`,
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
          ReturnData: true
        }
      ]
    })
  )
  return `${IC}-5xx-rate`
}

function policy(alarm: string, rollback?: number) {
  return {
    RollingUpdatePolicy: {
      MaximumBatchSize: { Type: 'COPY_COUNT' as const, Value: 1 },
      WaitIntervalInSeconds: 60,
      MaximumExecutionTimeoutInSeconds: 7200,
      ...(rollback === undefined
        ? {}
        : { RollbackMaximumBatchSize: { Type: 'COPY_COUNT' as const, Value: rollback } })
    },
    AutoRollbackConfiguration: { Alarms: [{ AlarmName: alarm }] }
  }
}

const describeIc = (): Promise<DescribeInferenceComponentCommandOutput> =>
  lab.sm.send(new DescribeInferenceComponentCommand({ InferenceComponentName: IC }))

/** Status, model shown, desired/current copies: once per change, until InService. */
async function watchIc(): Promise<{
  rows: string[]
  last: DescribeInferenceComponentCommandOutput
}> {
  const rows: string[] = []
  for (let t = 0; t < 10_000; t += 5) {
    const d = await describeIc()
    const row = `${d.InferenceComponentStatus} ${d.Specification?.ModelName} ${d.RuntimeConfig?.CurrentCopyCount}/${d.RuntimeConfig?.DesiredCopyCount}`
    if (row !== rows.at(-1)) rows.push(row)
    if (d.InferenceComponentStatus === 'InService' && t > 0) return { rows, last: d }
    lab.emu.advance(5)
  }
  throw new Error('no end')
}

suite('UpdateInferenceComponent, rolling in batches of 1 copy', () => {
  it('replaces 4 copies one by one: Updating on the old specification, 5 copies at most, then the new one', async () => {
    const alarm = await liveComponent()
    await lab.sm.send(
      new UpdateInferenceComponentCommand({
        InferenceComponentName: IC,
        Specification: SPEC('model-e'),
        RuntimeConfig: { CopyCount: 4 },
        DeploymentConfig: policy(alarm)
      })
    )
    const { rows, last } = await watchIc()
    expect(rows).toEqual([
      'Updating model-a 4/4',
      'Updating model-a 5/4',
      'Updating model-a 4/4',
      'Updating model-a 5/4',
      'Updating model-a 4/4',
      'Updating model-a 5/4',
      'Updating model-a 4/4',
      'Updating model-a 5/4',
      'InService model-e 4/4'
    ])
    expect(last.LastDeploymentConfig).toEqual(policy(alarm))
    expect(last.FailureReason).toBeUndefined()
    expect(lab.emu.peak(IC)).toBe(5)
    expect(
      lab.emu
        .events()
        .filter(e => e.inferenceComponentName === IC)
        .map(e => e.kind)
    ).toEqual(['completed'])
  })

  it('rolls back on the 5XX alarm over the component: in batches of 1 copy, never above 5, back on model-a', async () => {
    const alarm = await liveComponent()
    await lab.sm.send(
      new UpdateInferenceComponentCommand({
        InferenceComponentName: IC,
        Specification: SPEC('model-b'),
        RuntimeConfig: { CopyCount: 4 },
        DeploymentConfig: policy(alarm, 1)
      })
    )
    const { rows, last } = await watchIc()
    expect(rows.at(-1)).toBe('InService model-a 4/4')
    expect(rows.every(r => !r.includes('model-b'))).toBe(true)
    expect(lab.emu.peak(IC)).toBe(5)
    expect(
      lab.emu
        .events()
        .filter(e => e.inferenceComponentName === IC)
        .map(e => e.kind)
    ).toEqual(['rolling-back', 'rolled-back'])
    expect(last.Specification?.ModelName).toBe('model-a')
    // An alarm rollback leaves no reason by default, as on endpoints.
    expect(last.FailureReason).toBeUndefined()
  })

  it('the new specification shows from the start under componentSpecSwitchesEarly, and the old one after a rollback', async () => {
    lab.emu.setScenario({ componentSpecSwitchesEarly: true })
    const alarm = await liveComponent()
    await lab.sm.send(
      new UpdateInferenceComponentCommand({
        InferenceComponentName: IC,
        Specification: SPEC('model-b'),
        RuntimeConfig: { CopyCount: 4 },
        DeploymentConfig: policy(alarm)
      })
    )
    const { rows } = await watchIc()
    expect(rows[0]).toBe('Updating model-b 4/4')
    expect(rows.at(-1)).toBe('InService model-a 4/4')
  })
})

suite(
  'UpdateInferenceComponent: validation (InferenceComponentRollingUpdatePolicy reference)',
  () => {
    it('refuses a batch outside 5-50 % of the copies, an update in progress; nothing starts on a refusal', async () => {
      const alarm = await liveComponent()
      const update = async (batch: { Type: 'COPY_COUNT' | 'CAPACITY_PERCENT'; Value: number }) => {
        const error = await failure(
          lab.sm.send(
            new UpdateInferenceComponentCommand({
              InferenceComponentName: IC,
              Specification: SPEC('model-e'),
              RuntimeConfig: { CopyCount: 4 },
              DeploymentConfig: {
                RollingUpdatePolicy: { MaximumBatchSize: batch, WaitIntervalInSeconds: 60 },
                AutoRollbackConfiguration: { Alarms: [{ AlarmName: alarm }] }
              }
            })
          )
        )
        return error.message
      }
      expect(await update({ Type: 'COPY_COUNT', Value: 3 })).toBe(
        'MaximumBatchSize of 3 copies is 75% of the 4 copies of the inference component; it must be between 5% and 50% of the copy count.'
      )
      expect(await update({ Type: 'CAPACITY_PERCENT', Value: 60 })).toBe(
        'MaximumBatchSize must be between 5% and 50% of the copy count of the inference component (got 60%).'
      )
      expect((await describeIc()).InferenceComponentStatus).toBe('InService')
      await lab.sm.send(
        new UpdateInferenceComponentCommand({
          InferenceComponentName: IC,
          Specification: SPEC('model-e'),
          RuntimeConfig: { CopyCount: 4 },
          DeploymentConfig: policy(alarm)
        })
      )
      expect(await update({ Type: 'COPY_COUNT', Value: 1 })).toBe(
        `Cannot update in-progress inference component "arn:aws:sagemaker:us-east-1:123456789012:inference-component/${IC}".`
      )
    })
  }
)
