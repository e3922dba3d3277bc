// The plan of a model deployed into an inference component: the request it sends (the live
// specification but the model), the batch against the copies, the alarms on the component's own
// metrics, the retained configuration, and what is refused.
import { describe, expect, it } from '@jest/globals'
import {
  specificationInput,
  toLiveComponent,
  type LiveComponent
} from '../../../src/target/component/live.js'
import { buildComponentPlan, checkBatchCopies } from '../../../src/target/component/plan.js'
import { readInputs } from '../../../src/inputs/index.js'
import type { DeployRequest, RunContext } from '../../../src/types.js'

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

function request(inputs: Record<string, string> = {}): DeployRequest {
  const all: Record<string, string> = {
    'endpoint-name': 'ep',
    region: 'us-east-1',
    'inference-component-name': 'llm',
    'model-data-url': 's3://b/model-e.tar.gz',
    'image-uri': '111111111111.dkr.ecr.us-east-1.amazonaws.com/llm:2',
    'execution-role-arn': 'arn:aws:iam::111111111111:role/r',
    'step-size': '1',
    'wait-interval': '60',
    ...inputs
  }
  return readInputs(name => all[name] ?? '', {}).request
}

const live = (over: Partial<LiveComponent> = {}): LiveComponent => ({
  name: 'llm',
  endpointName: 'ep',
  variantName: 'AllTraffic',
  status: 'InService',
  failureReason: undefined,
  modelName: 'llm-a',
  specification: {
    ModelName: 'llm-a',
    StartupParameters: {
      ModelDataDownloadTimeoutInSeconds: 3000,
      ContainerStartupHealthCheckTimeoutInSeconds: 600
    },
    ComputeResourceRequirements: {
      NumberOfAcceleratorDevicesRequired: 1,
      MinMemoryRequiredInMb: 1024
    },
    Container: { Image: 'old-image', Environment: { A: '1' } }
  },
  specificationCount: 1,
  desiredCopies: 4,
  currentCopies: 4,
  lastModifiedTime: 1000,
  lastDeploymentConfig: undefined,
  ...over
})

const around = { instanceType: 'ml.g5.12xlarge', liveModel: { VpcConfig: { Subnets: ['s'] } } }

describe('buildComponentPlan', () => {
  it('keeps the live specification but the model, the copy count, and sends the rolling policy and alarms', () => {
    const plan = buildComponentPlan(request({ 'rollback-step-size': '1' }), run, live(), around)
    expect(plan.component?.updateInferenceComponent).toEqual({
      InferenceComponentName: 'llm',
      Specification: {
        StartupParameters: {
          ModelDataDownloadTimeoutInSeconds: 3000,
          ContainerStartupHealthCheckTimeoutInSeconds: 600
        },
        ComputeResourceRequirements: {
          NumberOfAcceleratorDevicesRequired: 1,
          MinMemoryRequiredInMb: 1024
        },
        ModelName: 'llm-e5e5e5e-1003-1'
      },
      RuntimeConfig: { CopyCount: 4 },
      DeploymentConfig: {
        RollingUpdatePolicy: {
          MaximumBatchSize: { Type: 'COPY_COUNT', Value: 1 },
          WaitIntervalInSeconds: 60,
          // 4 batches, each allowed the startup timeouts (3000 + 600 s), plus 4 bakes.
          MaximumExecutionTimeoutInSeconds: 4 * 3600 + 4 * 60,
          RollbackMaximumBatchSize: { Type: 'COPY_COUNT', Value: 1 }
        },
        AutoRollbackConfiguration: {
          Alarms: [{ AlarmName: 'llm-5xx-rate' }, { AlarmName: 'llm-model-latency' }]
        }
      }
    })
    expect(plan.createModel?.['VpcConfig']).toEqual({ Subnets: ['s'] })
    expect(plan.carriedOver).toEqual([
      'specification StartupParameters',
      'specification ComputeResourceRequirements',
      'copy count 4',
      'model VpcConfig'
    ])
    expect(plan.notes).toEqual([
      "The live specification's Container (image, artifact, environment) belonged to model llm-a: the new model defines its own."
    ])
    expect(plan.peakInstances).toEqual({ blueGreen: 8, rolling: 5 })
    expect(plan.schedule.map(step => step.label)).toEqual(
      [
        'deployment starts, first batch of 1 new copies provisioned',
        'batch 1 of 4: 1 new copies take traffic, then 1 old terminated',
        'batch 2 of 4: 1 new copies take traffic, then 1 old terminated',
        'batch 3 of 4: 1 new copies take traffic, then 1 old terminated',
        'batch 4 of 4: all traffic on the new fleet, last old copies terminated'
      ].map((label, i) =>
        i < 4 && i > 0 ? label.replace('1 new copies take', `${i} new copies take`) : label
      )
    )
    const metric = (
      plan.alarmsToCreate[0]?.request['Metrics'] as {
        MetricStat?: { Metric: { Dimensions: unknown } }
      }[]
    )[0]
    expect(metric?.MetricStat?.Metric.Dimensions).toEqual([
      { Name: 'InferenceComponentName', Value: 'llm' }
    ])
    expect(plan.endpointConfigName).toBe('')
    expect(plan.instanceType).toBe('ml.g5.12xlarge')
  })

  it('a batch is 5-50 % of the copies: as a count it is checked against them', () => {
    expect(() => buildComponentPlan(request({ 'step-size': '3' }), run, live(), around)).toThrow(
      'Input "step-size" is 3, which is 3 copies (75 % of the 4 copies of inference component llm); a rolling batch must be 5–50 % of the copies, here 1 to 2 copies.'
    )
    expect(() => buildComponentPlan(request(), run, live({ desiredCopies: 1 }), around)).toThrow(
      'Inference component llm runs 1 copy: a rolling batch must be 5–50 % of the copies, and no whole batch of 1 copy is.'
    )
    const policy = request({ 'step-size': '2' }).policy
    if (!policy) throw new Error('no policy')
    expect(() => checkBatchCopies(policy, 4, 'llm')).not.toThrow()
    expect(() => checkBatchCopies(policy, 40, 'llm')).not.toThrow()
    expect(() => checkBatchCopies(policy, 50, 'llm')).toThrow(
      'Input "step-size" is 2, which is 2 copies (4 % of the 50 copies of inference component llm); a rolling batch must be 5–50 % of the copies, here 3 to 25 copies.'
    )
  })

  it('refuses a component of another endpoint, several specifications, an adapter', () => {
    expect(() =>
      buildComponentPlan(request(), run, live({ endpointName: 'other' }), around)
    ).toThrow(
      'Input "inference-component-name" is "llm", but that inference component runs on endpoint other, not on ep (endpoint-name).'
    )
    expect(() =>
      buildComponentPlan(request(), run, live({ specificationCount: 2 }), around)
    ).toThrow('Inference component llm has 2 specifications (one per instance type)')
    expect(() =>
      buildComponentPlan(
        request(),
        run,
        live({ specification: { BaseInferenceComponentName: 'base' } }),
        around
      )
    ).toThrow('Inference component llm is an adapter of base')
  })

  it('retain-deployment-config sends the component LastDeploymentConfig again (counts in copies)', () => {
    const last = {
      RollingUpdatePolicy: {
        MaximumBatchSize: { Type: 'COPY_COUNT', Value: 2 },
        WaitIntervalInSeconds: 120,
        MaximumExecutionTimeoutInSeconds: 3600
      },
      AutoRollbackConfiguration: { Alarms: [{ AlarmName: 'llm-5xx-rate' }] }
    }
    const req = request({
      'retain-deployment-config': 'true',
      'step-size': '',
      'wait-interval': ''
    })
    const plan = buildComponentPlan(req, run, live({ lastDeploymentConfig: last }), around)
    expect(plan.component?.updateInferenceComponent['DeploymentConfig']).toEqual({
      RollingUpdatePolicy: {
        MaximumBatchSize: { Type: 'COPY_COUNT', Value: 2 },
        WaitIntervalInSeconds: 120,
        MaximumExecutionTimeoutInSeconds: 3600
      },
      AutoRollbackConfiguration: { Alarms: [{ AlarmName: 'llm-5xx-rate' }] }
    })
    expect(plan.alarmsToCreate.map(a => a.name)).toEqual(['llm-5xx-rate'])
    expect(plan.notes.at(-1)).toBe(
      "Retained from llm's last deployment: rolling, 2 instance(s) per batch, 120 s bake, timeout 3600 s; alarms llm-5xx-rate."
    )
    expect(() => buildComponentPlan(req, run, live(), around)).toThrow(
      'Input "retain-deployment-config" is true, but inference component llm has no LastDeploymentConfig to reuse'
    )
  })
})

describe('inputs with inference-component-name', () => {
  it('routing empty or rolling (any case) means rolling; blue/green routings and fleet inputs are refused, naming them', () => {
    expect(request().policy?.routing).toBe('rolling')
    expect(() => request({ 'traffic-routing': 'canary', 'instance-type': 'ml.m5.large' })).toThrow(
      'Input "traffic-routing" is "canary", but with inference-component-name SageMaker updates the component by rolling batches of copies only (UpdateInferenceComponent has no blue/green traffic shifting). Leave traffic-routing empty or set it to rolling.\nInput "instance-type" has no meaning with inference-component-name: the copies run on the endpoint\'s instances, whose type the endpoint config sets. Remove instance-type, or deploy to the endpoint itself (no inference-component-name).'
    )
    expect(
      ['rolling', 'Rolling', 'ROLLING'].map(
        routing => request({ 'traffic-routing': routing }).policy?.routing
      )
    ).toEqual(['rolling', 'rolling', 'rolling'])
    let refused: unknown
    try {
      request({ 'traffic-routing': 'linear' })
    } catch (e) {
      refused = e
    }
    expect(refused).toMatchObject({
      input: 'traffic-routing',
      message:
        'Input "traffic-routing" is "linear", but with inference-component-name SageMaker updates the component by rolling batches of copies only (UpdateInferenceComponent has no blue/green traffic shifting). Leave traffic-routing empty or set it to rolling.'
    })
    expect(() => request({ 'inference-component-name': '-bad' })).toThrow(
      'Input "inference-component-name" must be'
    )
  })
})

describe('live component', () => {
  it('a specification summary back as a request: the deployed image is the image it was given', () => {
    expect(
      specificationInput({
        ModelName: 'm',
        Container: {
          DeployedImage: { SpecifiedImage: 'img:1', ResolvedImage: 'img@sha256:0' },
          ArtifactUrl: 's3://a'
        }
      })
    ).toEqual({ ModelName: 'm', Container: { Image: 'img:1', ArtifactUrl: 's3://a' } })
    const c = toLiveComponent('llm', {
      InferenceComponentStatus: 'InService',
      Specification: { ModelName: 'm' },
      RuntimeConfig: { DesiredCopyCount: 3, CurrentCopyCount: 3 },
      LastModifiedTime: new Date(5000),
      FailureReason: ''
    })
    expect(c).toMatchObject({
      name: 'llm',
      modelName: 'm',
      desiredCopies: 3,
      specificationCount: 1,
      lastModifiedTime: 5000,
      failureReason: undefined
    })
  })
})
