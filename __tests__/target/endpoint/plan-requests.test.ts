import { describe, it, expect } from '@jest/globals'
import { buildPlan, renamePlan } from '../../../src/target/endpoint/plan.js'
import { planTags } from '../../../src/deploy/plan.js'
import type { CurrentEndpoint, LiveVariant, RolloutPolicy, Tag } from '../../../src/types.js'
import {
  CURRENT,
  inputError,
  LINEAR,
  NAME,
  REQUEST,
  RETAIN,
  ROLE,
  RUN
} from '../../helpers/plan-fixtures.js'

const PROVENANCE: Tag[] = [
  { Key: 'sagemaker-deploy:repository', Value: 'acme/ml' },
  { Key: 'sagemaker-deploy:sha', Value: 'abcdef1234567890' },
  { Key: 'sagemaker-deploy:workflow', Value: 'Deploy _prod_ _1' },
  { Key: 'sagemaker-deploy:run-id', Value: '42' },
  { Key: 'sagemaker-deploy:run-attempt', Value: '1' }
]
const userTags = (n: number): Tag[] =>
  Array.from({ length: n }, (_, i) => ({ Key: `t${i}`, Value: `v${i}` }))

function variant(name: string, fields: Partial<LiveVariant> = {}): LiveVariant {
  return {
    name,
    modelName: `model-${name.toLowerCase()}`,
    instanceType: 'ml.m5.large',
    configuredCount: 2,
    desiredCount: 2,
    desiredWeight: 1,
    serverless: false,
    downloadTimeoutSeconds: undefined,
    healthCheckTimeoutSeconds: undefined,
    ...fields
  }
}

/** A live endpoint whose config could be read: its variants as they run. */
function live(variants: LiveVariant[], fields: Partial<CurrentEndpoint> = {}): CurrentEndpoint {
  return {
    ...CURRENT,
    variantName: variants[0]!.name,
    config: {
      ProductionVariants: variants.map(v => ({
        VariantName: v.name,
        ModelName: v.modelName,
        InstanceType: v.instanceType,
        InitialInstanceCount: v.configuredCount,
        InitialVariantWeight: v.desiredWeight
      }))
    },
    variants,
    ...fields
  }
}

describe('planTags', () => {
  it('keeps the user tags (Key and Value only, none in the action prefix) and adds the provenance', () => {
    const given = [
      { Key: 'team', Value: 'ml', note: 'dropped' },
      { Key: 'sagemaker-deploy:step', Value: 'forged' },
      { Key: 'owner:sagemaker-deploy:', Value: 'kept' }
    ]
    expect(planTags(given, RUN)).toEqual([
      { Key: 'team', Value: 'ml' },
      { Key: 'owner:sagemaker-deploy:', Value: 'kept' },
      ...PROVENANCE
    ])
    expect(planTags([], RUN, '0123456789abcdef')).toEqual([
      ...PROVENANCE,
      { Key: 'sagemaker-deploy:step', Value: '0123456789abcdef' }
    ])
  })

  it("allows SageMaker's 50 tags in all and names the input beyond", () => {
    expect(planTags(userTags(45), RUN)).toHaveLength(50)
    const error = inputError(() => planTags(userTags(46), RUN))
    expect(error.input).toBe('tags')
    expect(error.message).toBe(
      `Input "tags" gives 46 tags; with the action's 5 that exceeds SageMaker's 50. Remove some.`
    )
  })
})

describe('buildPlan: the green fleet', () => {
  it('starts a variant scaled to zero with its configured count, and says so', () => {
    const current = live([variant('Blue', { desiredCount: 0, configuredCount: 2 })])
    const plan = buildPlan(REQUEST, RUN, current)
    expect(plan.instanceCount).toBe(2)
    expect(plan.notes).toEqual([
      'Variant Blue is scaled to zero; the green fleet starts with 2 instance(s) (SageMaker needs at least 1), and auto scaling takes it from there.'
    ])
    const asked = buildPlan({ ...REQUEST, instanceCount: 3 }, RUN, current)
    expect(asked.instanceCount).toBe(3)
    expect(asked.notes).toEqual([
      'Variant Blue is scaled to zero; the green fleet starts with 3 instance(s) (SageMaker needs at least 1), and auto scaling takes it from there.'
    ])
  })

  it('starts a running variant with its desired count, one instance included, and no note', () => {
    const plan = buildPlan(
      { ...REQUEST, policy: null },
      RUN,
      live([variant('Blue', { desiredCount: 1 })])
    )
    expect(plan.instanceCount).toBe(1)
    expect(plan.notes).toEqual([])
  })

  it('asks for instance-count when the live fleet runs none and its config says none', () => {
    const current = live([variant('Blue', { desiredCount: 0, configuredCount: 0 })])
    const error = inputError(() => buildPlan(REQUEST, RUN, current))
    expect(error.input).toBe('instance-count')
    expect(error.message).toBe(
      'Input "instance-count" is required: the live config of endpoint lab-endpoint does not say how many instances to run (for example 2).'
    )
  })

  it('asks for what the live config does not say, naming both inputs when both are missing', () => {
    const bare = { ...CURRENT, instanceType: undefined, instanceCount: undefined }
    const both = inputError(() => buildPlan(REQUEST, RUN, bare))
    expect(both.input).toBe('instance-type')
    expect(both.message).toBe(
      'Input "instance-type" is required: the live config of endpoint lab-endpoint does not say which instance type to use (for example ml.m5.large).\n' +
        'Input "instance-count" is required: the live config of endpoint lab-endpoint does not say how many instances to run (for example 2).'
    )
    const type = inputError(() => buildPlan({ ...REQUEST, instanceCount: 2 }, RUN, bare))
    expect(type.input).toBe('instance-type')
    expect(type.message).toBe(
      'Input "instance-type" is required: the live config of endpoint lab-endpoint does not say which instance type to use (for example ml.m5.large).'
    )
  })

  it('asks a first deployment for both, one message per input', () => {
    const both = inputError(() => buildPlan(REQUEST, RUN, null))
    expect(both.message).toBe(
      'Input "instance-type" is required: endpoint lab-endpoint does not exist yet, so say which instance type to use (for example ml.m5.large).\n' +
        'Input "instance-count" is required: endpoint lab-endpoint does not exist yet, so say how many instances to run (for example 2).'
    )
    const count = inputError(() =>
      buildPlan({ ...REQUEST, instanceType: 'ml.m5.large' }, RUN, null)
    )
    expect(count.message).toBe(
      'Input "instance-count" is required: endpoint lab-endpoint does not exist yet, so say how many instances to run (for example 2).'
    )
  })

  it('names the variant as asked, as the endpoint serves it, or AllTraffic on a new endpoint', () => {
    const first = { ...REQUEST, instanceType: 'ml.m5.large', instanceCount: 2 }
    expect(buildPlan({ ...first, variantName: 'Blue' }, RUN, null).variantName).toBe('Blue')
    expect(buildPlan(first, RUN, null).variantName).toBe('AllTraffic')
    expect(buildPlan(REQUEST, RUN, { ...CURRENT, variantName: 'Blue' }).variantName).toBe('Blue')
    expect(buildPlan(REQUEST, RUN, live([variant('Blue')])).variantName).toBe('Blue')
  })

  it('describes the blue fleet from the live variant, or from DescribeEndpoint', () => {
    expect(buildPlan(REQUEST, RUN, CURRENT)).toMatchObject({
      blueModelName: 'model-a',
      blueFleet: {
        modelName: 'model-a',
        modelDataUrl: 's3://b/model-a.tar.gz',
        instanceType: 'ml.m5.large',
        instanceCount: 4
      }
    })
    const current = live([variant('Blue', { instanceType: 'ml.c5.xlarge', desiredCount: 3 })])
    expect(buildPlan(REQUEST, RUN, current)).toMatchObject({
      blueModelName: 'model-blue',
      blueFleet: {
        modelName: 'model-blue',
        modelDataUrl: 's3://b/model-a.tar.gz',
        instanceType: 'ml.c5.xlarge',
        instanceCount: 3
      }
    })
    expect(
      buildPlan({ ...REQUEST, instanceType: 'ml.m5.large', instanceCount: 2 }, RUN, null)
    ).not.toHaveProperty('blueFleet')
  })

  it('carries the live image into the blue fleet when pre-flight read one', () => {
    const image = '111122223333.dkr.ecr.eu-west-1.amazonaws.com/serve:1'
    expect(buildPlan(REQUEST, RUN, { ...CURRENT, image }).blueFleet?.image).toBe(image)
    expect(buildPlan(REQUEST, RUN, CURRENT).blueFleet).not.toHaveProperty('image')
  })
})

describe('buildPlan: what it refuses before any write', () => {
  it('refuses retain-deployment-config on a new endpoint, saying why', () => {
    const error = inputError(() =>
      buildPlan({ ...RETAIN, instanceType: 'ml.m5.large', instanceCount: 1 }, RUN, null)
    )
    expect(error.message).toBe(
      'Input "retain-deployment-config" is true, but endpoint lab-endpoint does not exist yet, so there is no deployment configuration to reuse. Set it to false for the first deployment.'
    )
  })

  it('refuses to replace an inference pipeline by one container, but deploys an existing model on it', () => {
    const pipeline = { ...CURRENT, model: { Containers: [{ Image: 'a' }, { Image: 'b' }] } }
    expect(inputError(() => buildPlan(REQUEST, RUN, pipeline)).input).toBe('model-data-url')
    const existing = { ...REQUEST, model: { kind: 'existing' as const, modelName: 'pipe-2' } }
    expect(buildPlan(existing, RUN, pipeline).greenModelName).toBe('pipe-2')
  })

  it('refuses a step size outside the range of the policy, naming the input', () => {
    const big: RolloutPolicy = { ...LINEAR, stepSize: { type: 'INSTANCE_COUNT', value: 3 } }
    const error = inputError(() => buildPlan({ ...REQUEST, policy: big }, RUN, CURRENT))
    expect(error.input).toBe('step-size')
    expect(error.message).toBe(
      'Input "step-size" is 3, which is 3 instances (75 % of the 4 instances of variant AllTraffic); a linear step must be 10–50 % of the variant\'s instances, here 1 to 2 instances.'
    )
  })

  it('rolls a single-variant endpoint, and shifts a multi-variant one blue/green', () => {
    const rolling: RolloutPolicy = { ...LINEAR, routing: 'rolling' }
    const one = buildPlan({ ...REQUEST, policy: rolling }, RUN, live([variant('Blue')]))
    expect(one.updateEndpoint?.['DeploymentConfig']).toHaveProperty('RollingUpdatePolicy')
    const two = live([variant('Blue'), variant('Green')])
    const linear = buildPlan({ ...REQUEST, variantName: 'Blue' }, RUN, two)
    expect(linear.updateEndpoint?.['DeploymentConfig']).toHaveProperty('BlueGreenUpdatePolicy')
  })
})

describe('buildPlan: the update requests', () => {
  it('shifts all traffic at once without a policy, and says nothing more', () => {
    const plan = buildPlan({ ...REQUEST, policy: null }, RUN, CURRENT)
    expect(plan.updateEndpoint).toEqual({
      EndpointName: 'lab-endpoint',
      EndpointConfigName: NAME,
      RetainDeploymentConfig: true
    })
    expect(plan.schedule.map(r => [r.offsetSeconds, r.bluePercent, r.greenPercent])).toEqual([
      [0, 100, 0],
      [480, 0, 100]
    ])
    expect(plan.expectedDurationSeconds).toBe(480 + 60)
    expect(plan.notes).toEqual([])
    expect(plan.warnings).toEqual([])
    expect(plan.carriedOver).toEqual([])
    expect(plan.peakInstances).toEqual({ blueGreen: 8, rolling: 8 })
  })

  it('expects the last shift, its bake, the final bake and the blue fleet to end', () => {
    const policy: RolloutPolicy = { ...LINEAR, terminationWaitSeconds: 120 }
    const plan = buildPlan({ ...REQUEST, policy }, RUN, CURRENT)
    expect(plan.schedule.at(-1)?.offsetSeconds).toBe(480 + 180)
    expect(plan.expectedDurationSeconds).toBe(480 + 180 + 60 + 120 + 60)
  })

  it("carries the live model's settings and warns about the environment it would lose", () => {
    const current = {
      ...CURRENT,
      model: {
        PrimaryContainer: { Image: 'img:0', Environment: { OLD: 'x' } },
        EnableNetworkIsolation: true
      }
    }
    const plan = buildPlan(REQUEST, RUN, current)
    expect(plan.createModel).toEqual({
      ModelName: NAME,
      PrimaryContainer: { Image: 'img:1', ModelDataUrl: 's3://b/model-b.tar.gz' },
      ExecutionRoleArn: ROLE,
      EnableNetworkIsolation: true,
      Tags: plan.tags
    })
    expect(plan.warnings).toEqual([
      "The live model's container environment sets OLD, which the new model does not. Set them in environment, or inherit-environment: true to copy them from the live model."
    ])
    expect(plan.carriedOver).toEqual(['model EnableNetworkIsolation'])
  })

  it("carries the live config's own tags onto the green config while SageMaker's 50 allow", () => {
    // 40 user tags, 6 of the action's and its replaces tag leave room for 3 of the live config's.
    const request = { ...REQUEST, tags: userTags(40) }
    const liveTags = { a: '1', b: '2', c: '3' }
    const replaces = { Key: 'sagemaker-deploy:replaces', Value: CURRENT.configName }
    const plan = buildPlan(request, RUN, { ...CURRENT, configTags: liveTags })
    expect(plan.createEndpointConfig['Tags']).toEqual([
      { Key: 'a', Value: '1' },
      { Key: 'b', Value: '2' },
      { Key: 'c', Value: '3' },
      ...plan.tags,
      replaces
    ])
    expect(plan.tags).toHaveLength(46)
    expect(plan.createModel?.['Tags']).toEqual(plan.tags)
    expect(plan.carriedOver).toEqual(['tags a, b, c'])
    expect(plan.warnings).toEqual([])

    const more = buildPlan(request, RUN, {
      ...CURRENT,
      configTags: { ...liveTags, e: '5', f: '6' }
    })
    expect(more.createEndpointConfig['Tags']).toEqual(plan.createEndpointConfig['Tags'])
    expect(more.carriedOver).toEqual(['tags a, b, c'])
    expect(more.warnings).toEqual([
      "The live config's tags e, f are not carried over: SageMaker allows 50 tags and the step's own take 47."
    ])
  })

  it('tags no replaced config when the live config name is unknown', () => {
    const plan = buildPlan(REQUEST, RUN, { ...CURRENT, configName: '' })
    expect(plan.createEndpointConfig['Tags']).toEqual(plan.tags)
  })

  it('carries none of the live tags, nor the replaces tag, when the step fills all 50', () => {
    const plan = buildPlan({ ...REQUEST, tags: userTags(44) }, RUN, {
      ...CURRENT,
      configTags: { a: '1' }
    })
    expect(plan.createEndpointConfig['Tags']).toEqual(plan.tags)
    expect(plan.carriedOver).toEqual([])
    expect(plan.warnings).toEqual([
      "The live config's tags a are not carried over: SageMaker allows 50 tags and the step's own take 50."
    ])
  })

  it('names the artifact the green model is made of, none for an existing model', () => {
    expect(buildPlan(REQUEST, RUN, CURRENT).artifact).toBe('s3://b/model-b.tar.gz')
    const existing = { ...REQUEST, model: { kind: 'existing' as const, modelName: 'model-e' } }
    const plan = buildPlan(existing, RUN, CURRENT)
    expect(plan.artifact).toBeUndefined()
    expect(plan.createsModel).toBe(false)
  })
})

describe('renamePlan', () => {
  it('renames the green model and config in every request, keeping the other variants', () => {
    const current = live([variant('Blue'), variant('Green')])
    const plan = buildPlan({ ...REQUEST, variantName: 'Blue' }, RUN, current)
    const renamed = renamePlan(plan, 'reused-model', 'reused-config')
    expect(renamed).toEqual({
      ...plan,
      greenModelName: 'reused-model',
      endpointConfigName: 'reused-config',
      createModel: {
        ModelName: 'reused-model',
        PrimaryContainer: { Image: 'img:1', ModelDataUrl: 's3://b/model-b.tar.gz' },
        ExecutionRoleArn: ROLE,
        Tags: plan.tags
      },
      createEndpointConfig: {
        EndpointConfigName: 'reused-config',
        ProductionVariants: [
          {
            VariantName: 'Blue',
            ModelName: 'reused-model',
            InstanceType: 'ml.m5.large',
            InitialInstanceCount: 2,
            InitialVariantWeight: 1
          },
          {
            VariantName: 'Green',
            ModelName: 'model-green',
            InstanceType: 'ml.m5.large',
            InitialInstanceCount: 2,
            InitialVariantWeight: 1
          }
        ],
        Tags: plan.createEndpointConfig['Tags']
      },
      updateEndpoint: {
        EndpointName: 'lab-endpoint',
        EndpointConfigName: 'reused-config',
        DeploymentConfig: plan.updateEndpoint?.['DeploymentConfig']
      }
    })
    expect(renamed.createEndpoint).toBeUndefined()
  })

  it('renames the CreateEndpoint request of a first deployment', () => {
    const first = { ...REQUEST, instanceType: 'ml.m5.large', instanceCount: 2 }
    const plan = buildPlan(first, RUN, null)
    const renamed = renamePlan(plan, 'reused-model', 'reused-config')
    expect(renamed.createEndpoint).toEqual({
      EndpointName: 'lab-endpoint',
      EndpointConfigName: 'reused-config',
      DeploymentConfig: plan.createEndpoint?.['DeploymentConfig'],
      Tags: plan.tags
    })
    expect(renamed.updateEndpoint).toBeUndefined()
    expect(renamed.createModel?.['ModelName']).toBe('reused-model')
  })

  it('creates no model for an existing one', () => {
    const existing = { ...REQUEST, model: { kind: 'existing' as const, modelName: 'model-e' } }
    const renamed = renamePlan(buildPlan(existing, RUN, CURRENT), 'model-e', 'reused-config')
    expect(renamed.createModel).toBeUndefined()
    expect(renamed.createEndpointConfig['ProductionVariants']).toEqual([
      {
        VariantName: 'AllTraffic',
        ModelName: 'model-e',
        InitialInstanceCount: 4,
        InstanceType: 'ml.m5.large',
        InitialVariantWeight: 1
      }
    ])
  })
})
