import { describe, it, expect } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { readInputs, show } from '../../src/inputs/index.js'
import { InputError } from '../../src/errors.js'

const require = createRequire(import.meta.url)
const yaml = require('js-yaml') as { load: (text: string) => unknown }

type ActionYml = { inputs: Record<string, { default?: unknown }> }
const actionYml = yaml.load(
  readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')
) as ActionYml
const defaults: Record<string, string> = Object.fromEntries(
  Object.entries(actionYml.inputs).map(([name, spec]) => [
    name,
    name === 'github-token' ? 'ghs_secret' : String(spec.default ?? '')
  ])
)

const ARTIFACT = {
  'model-data-url': 's3://bucket/model-a/model.tar.gz',
  'image-uri': '123456789012.dkr.ecr.us-east-1.amazonaws.com/serve:1',
  'execution-role-arn': 'arn:aws:iam::123456789012:role/SageMakerRole'
}
const BASE = { 'endpoint-name': 'lab-endpoint', region: 'us-east-1', ...ARTIFACT }
const ENV = { GITHUB_REPOSITORY: 'acme/ml', GITHUB_SHA: 'abcdef1234567890', GITHUB_RUN_ID: '42' }

/** Like the runner: every input not set gets its action.yml default. */
function runner(set: Record<string, string>): (name: string) => string {
  return name => {
    if (name in set) return set[name] ?? ''
    if (name in defaults) return defaults[name] ?? ''
    throw new Error(`input ${name} is not declared in action.yml`)
  }
}
/** Like a bare getter (tests, local runs): unset inputs are empty. */
function bare(set: Record<string, string>): (name: string) => string {
  return name => set[name] ?? ''
}

function read(set: Record<string, string>, env: Record<string, string> = ENV) {
  return readInputs(runner(set), env)
}
function failure(set: Record<string, string>, env: Record<string, string> = ENV): InputError {
  try {
    read(set, env)
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return error as InputError
  }
  throw new Error('expected an InputError')
}

describe('readInputs: valid combinations', () => {
  it('reads the lab request with action.yml defaults', () => {
    const { request, run } = read(BASE)
    expect(request).toMatchObject({
      endpointName: 'lab-endpoint',
      region: 'us-east-1',
      model: { kind: 'artifact', ...{ modelDataUrl: ARTIFACT['model-data-url'] } },
      environment: {},
      tags: [],
      variantName: undefined,
      instanceType: undefined,
      instanceCount: undefined,
      policy: {
        routing: 'linear',
        stepSize: { type: 'CAPACITY_PERCENT', value: 25 },
        waitIntervalSeconds: 60,
        // termination-wait empty: the created alarms' detection time, 60 s period × 1 +
        // metric-delay 180 s + 60 s evaluation, marked as derived.
        terminationWaitSeconds: 300,
        terminationWaitDerived: true,
        maxExecutionTimeoutSeconds: undefined
      },
      retainDeploymentConfig: false,
      alarmNames: [],
      createAlarms: true,
      errorRateThresholdPercent: 1,
      latencyThresholdMs: 5000,
      wait: true,
      timeoutMinutes: undefined,
      pollIntervalSeconds: 10,
      onBusy: 'wait',
      // A missing endpoint is refused unless the step says to create it.
      createEndpoint: 'never',
      acceptUnguardedUpdate: false,
      allowAlarmInAlarm: false,
      cleanupOnFailure: false,
      dryRun: false,
      githubToken: 'ghs_secret',
      prComment: true,
      prNumber: undefined,
      githubDeployment: false,
      deploymentEnvironment: undefined
    })
    expect(run).toEqual({
      repository: 'acme/ml',
      sha: 'abcdef1234567890',
      runId: '42',
      runAttempt: '1',
      workflow: 'local',
      serverUrl: 'https://github.com',
      eventName: 'local',
      ref: '',
      actor: 'local'
    })
  })

  it('empty inputs mean the same as the action.yml defaults', () => {
    const fromRunner = read(BASE).request
    const fromBare = readInputs(bare({ ...BASE, 'github-token': 'ghs_secret' }), ENV).request
    expect(fromBare).toEqual(fromRunner)
  })

  it('deep-freezes the request and the run context', () => {
    const { request, run } = read({ ...BASE, tags: 'team=ml' })
    expect(Object.isFrozen(request)).toBe(true)
    expect(Object.isFrozen(request.policy)).toBe(true)
    expect(Object.isFrozen(request.policy?.stepSize)).toBe(true)
    expect(Object.isFrozen(request.tags[0])).toBe(true)
    expect(Object.isFrozen(request.model)).toBe(true)
    expect(Object.isFrozen(run)).toBe(true)
  })

  it('trims every input', () => {
    const { request } = read({
      ...BASE,
      'endpoint-name': '  lab-endpoint \n',
      'wait-interval': ' 30 '
    })
    expect(request.endpointName).toBe('lab-endpoint')
    expect(request.policy?.waitIntervalSeconds).toBe(30)
  })

  it('reads a model package source', () => {
    const arn = 'arn:aws:sagemaker:us-east-1:123456789012:model-package/churn/3'
    const { request } = read({
      'endpoint-name': 'ep',
      region: 'us-east-1',
      'model-package-arn': arn,
      'execution-role-arn': ARTIFACT['execution-role-arn'],
      environment: 'A=1'
    })
    expect(request.model).toEqual({
      kind: 'package',
      modelPackageArn: arn,
      executionRoleArn: ARTIFACT['execution-role-arn']
    })
    expect(request.environment).toEqual({ A: '1' })
  })

  it('reads an existing model source', () => {
    const { request } = read({
      'endpoint-name': 'ep',
      region: 'us-east-1',
      'model-name': 'model-e'
    })
    expect(request.model).toEqual({ kind: 'existing', modelName: 'model-e' })
  })

  it.each([
    ['linear', 'linear'],
    ['LINEAR', 'linear'],
    ['Canary', 'canary'],
    ['CANARY', 'canary'],
    ['all-at-once', 'all-at-once'],
    ['ALL_AT_ONCE', 'all-at-once']
  ])('accepts traffic-routing %s', (value, routing) => {
    expect(read({ ...BASE, 'traffic-routing': value }).request.policy?.routing).toBe(routing)
  })

  it.each([
    ['linear', '10%', { type: 'CAPACITY_PERCENT', value: 10 }],
    ['linear', '50 %', { type: 'CAPACITY_PERCENT', value: 50 }],
    ['linear', '2', { type: 'INSTANCE_COUNT', value: 2 }],
    ['canary', '1%', { type: 'CAPACITY_PERCENT', value: 1 }],
    ['canary', '1', { type: 'INSTANCE_COUNT', value: 1 }],
    ['canary', '', { type: 'CAPACITY_PERCENT', value: 25 }],
    ['all-at-once', '', { type: 'CAPACITY_PERCENT', value: 100 }]
  ])('reads %s step-size %j', (routing, stepSize, expected) => {
    const { request } = read({ ...BASE, 'traffic-routing': routing, 'step-size': stepSize })
    expect(request.policy?.stepSize).toEqual(expected)
  })

  it('reads explicit policy numbers', () => {
    const { request } = read({
      ...BASE,
      'wait-interval': '0',
      'termination-wait': '3600',
      'max-execution-timeout': '28800'
    })
    expect(request.policy).toMatchObject({
      waitIntervalSeconds: 0,
      terminationWaitSeconds: 3600,
      maxExecutionTimeoutSeconds: 28800
    })
  })

  it('retain with every action.yml default passes: policy is null', () => {
    const { request } = read({ ...BASE, 'retain-deployment-config': 'true' })
    expect(request.retainDeploymentConfig).toBe(true)
    expect(request.policy).toBeNull()
    expect(request.createAlarms).toBe(true)
  })

  it('retain with create-alarms false and no alarm-names passes (the config carries its alarms)', () => {
    const { request } = read({
      ...BASE,
      'retain-deployment-config': 'TRUE',
      'create-alarms': 'false'
    })
    expect(request.alarmNames).toEqual([])
  })

  it('falls back to AWS_REGION, then AWS_DEFAULT_REGION', () => {
    // An existing model: nothing of it is checked against the region.
    const set = { 'endpoint-name': 'lab-endpoint', 'model-name': 'fraud-model', region: '' }
    expect(
      read(set, { AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'us-west-2' }).request.region
    ).toBe('eu-west-1')
    expect(read(set, { AWS_DEFAULT_REGION: 'us-gov-west-1' }).request.region).toBe('us-gov-west-1')
    expect(
      read({ ...set, region: 'ap-southeast-5' }, { AWS_REGION: 'eu-west-1' }).request.region
    ).toBe('ap-southeast-5')
  })

  it('parses environment, ignoring blank lines and comments', () => {
    const { request } = read({
      ...BASE,
      environment: '# comment\nLOG_LEVEL=debug\n\n_X = a=b \nEMPTY='
    })
    expect(request.environment).toEqual({ LOG_LEVEL: 'debug', _X: 'a=b', EMPTY: '' })
  })

  it('parses tags, one per line', () => {
    const { request } = read({ ...BASE, tags: 'team=ml\nstage = prod\nnote=\ncost-centre=é 42 @x' })
    expect(request.tags).toEqual([
      { Key: 'team', Value: 'ml' },
      { Key: 'stage', Value: 'prod' },
      { Key: 'note', Value: '' },
      { Key: 'cost-centre', Value: 'é 42 @x' }
    ])
  })

  it('splits alarm-names on newlines and commas, trims and dedupes', () => {
    const { request } = read({ ...BASE, 'alarm-names': 'a, b\n\nc ,a,,\n b' })
    expect(request.alarmNames).toEqual(['a', 'b', 'c'])
  })

  it('accepts ten alarms without created ones, and eight with', () => {
    const ten = Array.from({ length: 10 }, (_, i) => `alarm-${i}`).join('\n')
    expect(
      read({ ...BASE, 'create-alarms': 'false', 'alarm-names': ten }).request.alarmNames
    ).toHaveLength(10)
    const eight = Array.from({ length: 8 }, (_, i) => `alarm-${i}`).join(',')
    expect(read({ ...BASE, 'alarm-names': eight }).request.alarmNames).toHaveLength(8)
  })

  it('reads fleet, numbers and flags', () => {
    const { request } = read({
      ...BASE,
      'variant-name': 'AllTraffic',
      'instance-type': 'ml.m5.large',
      'instance-count': '4',
      'error-rate-threshold': '0.5',
      'latency-threshold-ms': '250.5',
      timeout: '12.5',
      'poll-interval': '0.05',
      'on-busy': 'FAIL',
      'on-regression': 'Fail',
      'create-endpoint': 'If-Missing',
      'alarm-name-prefix': 'team/churn-prod',
      'accept-unguarded-update': 'true',
      'metric-delay': '60',
      'accept-unguarded-final-step': 'true',
      'dry-run': 'True',
      'pr-number': '17',
      'deployment-environment': 'production',
      'github-deployment': 'true',
      'cleanup-on-failure': 'true',
      'allow-alarm-in-alarm': 'true',
      wait: 'false',
      'pr-comment': 'False'
    })
    expect(request).toMatchObject({
      variantName: 'AllTraffic',
      instanceType: 'ml.m5.large',
      instanceCount: 4,
      errorRateThresholdPercent: 0.5,
      latencyThresholdMs: 250.5,
      timeoutMinutes: 12.5,
      pollIntervalSeconds: 0.05,
      onBusy: 'fail',
      onRegression: 'fail',
      createEndpoint: 'if-missing',
      alarmNamePrefix: 'team/churn-prod',
      acceptUnguardedUpdate: true,
      metricDelaySeconds: 60,
      acceptUnguardedFinalStep: true,
      dryRun: true,
      prNumber: 17,
      deploymentEnvironment: 'production',
      githubDeployment: true,
      cleanupOnFailure: true,
      allowAlarmInAlarm: true,
      wait: false,
      prComment: false
    })
  })

  it('on-regression: rollback when empty or rollback, in any case', () => {
    for (const value of ['', 'rollback', 'ROLLBACK']) {
      expect(read({ ...BASE, 'on-regression': value }).request.onRegression).toBe('rollback')
    }
  })

  it('reads the run context with fallbacks and a custom server', () => {
    const { run } = read(BASE, {
      GITHUB_REPOSITORY: 'o/r',
      GITHUB_SHA: 'f'.repeat(40),
      GITHUB_RUN_ID: '9',
      GITHUB_RUN_ATTEMPT: '3',
      GITHUB_WORKFLOW: 'deploy',
      GITHUB_SERVER_URL: 'https://ghe.example.com/',
      GITHUB_EVENT_NAME: 'workflow_dispatch',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_ACTOR: 'octocat'
    })
    expect(run).toMatchObject({
      runAttempt: '3',
      serverUrl: 'https://ghe.example.com',
      actor: 'octocat'
    })
    expect(read(BASE, {}).run).toMatchObject({ repository: 'local', runId: '0', runAttempt: '1' })
  })
})

// [what is set, the input named first, text the message must contain]
const invalid: [string, Record<string, string>, string, string][] = [
  ['missing endpoint-name', { ...BASE, 'endpoint-name': '' }, 'endpoint-name', 'is required'],
  [
    'endpoint-name with underscore',
    { ...BASE, 'endpoint-name': 'my_ep' },
    'endpoint-name',
    'letters, digits and hyphens'
  ],
  [
    'endpoint-name ending in -',
    { ...BASE, 'endpoint-name': 'ep-' },
    'endpoint-name',
    'starting and ending'
  ],
  [
    'endpoint-name of 64 chars',
    { ...BASE, 'endpoint-name': 'a'.repeat(64) },
    'endpoint-name',
    '1 to 63'
  ],
  ['variant-name invalid', { ...BASE, 'variant-name': 'All Traffic' }, 'variant-name', '1 to 63'],
  [
    'model-name invalid',
    { 'endpoint-name': 'ep', region: 'us-east-1', 'model-name': '-m' },
    'model-name',
    '1 to 63'
  ],
  ['bad region', { ...BASE, region: 'useast1' }, 'region', 'such as us-east-1'],
  [
    'model-name with model-data-url',
    { ...BASE, 'model-name': 'm' },
    'model-name',
    'cannot be combined with "model-data-url", "image-uri" and "execution-role-arn"'
  ],
  [
    'model-package-arn with image-uri',
    {
      'endpoint-name': 'ep',
      region: 'us-east-1',
      'model-package-arn': 'arn:aws:sagemaker:us-east-1:123456789012:model-package/p/1',
      'execution-role-arn': ARTIFACT['execution-role-arn'],
      'image-uri': 'img'
    },
    'model-package-arn',
    'cannot be combined with "image-uri"'
  ],
  [
    'model-package-arn without role',
    {
      'endpoint-name': 'ep',
      region: 'us-east-1',
      'model-package-arn': 'arn:aws:sagemaker:us-east-1:123456789012:model-package/p/1'
    },
    'execution-role-arn',
    'required with model-package-arn'
  ],
  [
    'model-data-url without image-uri',
    { ...BASE, 'image-uri': '' },
    'image-uri',
    'model-data-url, image-uri and execution-role-arn together'
  ],
  [
    'image-uri alone',
    { 'endpoint-name': 'ep', region: 'us-east-1', 'image-uri': 'img' },
    'model-data-url',
    'required to create a model'
  ],
  [
    'role alone',
    {
      'endpoint-name': 'ep',
      region: 'us-east-1',
      'execution-role-arn': ARTIFACT['execution-role-arn']
    },
    'execution-role-arn',
    'does not say what to deploy'
  ],
  [
    'no source',
    { 'endpoint-name': 'ep', region: 'us-east-1' },
    'model-data-url',
    'model-name alone'
  ],
  [
    'bad model-data-url',
    { ...BASE, 'model-data-url': 'ftp://x/y' },
    'model-data-url',
    's3:// or https://'
  ],
  ['image-uri with spaces', { ...BASE, 'image-uri': 'a b' }, 'image-uri', 'without spaces'],
  [
    'image-uri of another region',
    { ...BASE, 'image-uri': '123456789012.dkr.ecr.eu-west-1.amazonaws.com/serve:1' },
    'image-uri',
    'is an ECR image in eu-west-1, but the endpoint is in us-east-1'
  ],
  [
    'inherit-environment with an existing model',
    {
      'endpoint-name': 'ep',
      region: 'us-east-1',
      'model-name': 'm',
      'inherit-environment': 'true'
    },
    'inherit-environment',
    "copies the live model's environment into a model the action creates"
  ],
  [
    'bad role arn',
    { ...BASE, 'execution-role-arn': 'arn:aws:iam::123:role/x' },
    'execution-role-arn',
    'IAM role ARN'
  ],
  [
    'bad package arn',
    {
      'endpoint-name': 'ep',
      region: 'us-east-1',
      'model-package-arn': 'arn:aws:sagemaker:us-east-1:123456789012:model/x',
      'execution-role-arn': ARTIFACT['execution-role-arn']
    },
    'model-package-arn',
    'model package ARN'
  ],
  [
    'environment with model-name',
    { 'endpoint-name': 'ep', region: 'us-east-1', 'model-name': 'm', environment: 'A=1' },
    'environment',
    'only to a model the action creates'
  ],
  [
    'environment line without =',
    { ...BASE, environment: 'JUSTAKEY' },
    'environment',
    'line 1 must be KEY=VALUE'
  ],
  [
    'environment bad key',
    { ...BASE, environment: '1A=x' },
    'environment',
    'line 1 must be KEY=VALUE with a KEY of letters, digits and _ (not starting with a digit, at most 1024 characters); the text before its first "=" is not such a key (it starts with a digit; the line is not shown).'
  ],
  [
    'environment as YAML with a base64 value',
    { ...BASE, environment: 'API_TOKEN: c2VjcmV0LXRva2VuLTkwOTA=' },
    'environment',
    'line 1 must be KEY=VALUE with a KEY of letters, digits and _ (not starting with a digit, at most 1024 characters); the text before its first "=" is not such a key (it looks like YAML "KEY: value"; write KEY=value; the line is not shown).'
  ],
  [
    'environment duplicate key',
    { ...BASE, environment: 'A=1\nA=2' },
    'environment',
    'line 2 sets A again'
  ],
  [
    'environment long value',
    { ...BASE, environment: `A=${'v'.repeat(1025)}` },
    'environment',
    'at most 1024 characters'
  ],
  [
    'environment 101 entries',
    { ...BASE, environment: Array.from({ length: 101 }, (_, i) => `K${i}=v`).join('\n') },
    'environment',
    'at most 100'
  ],
  ['tags with commas', { ...BASE, tags: 'a=1,b=2' }, 'tags', 'one tag per line'],
  ['tags aws: key', { ...BASE, tags: 'aws:x=1' }, 'tags', 'reserved'],
  ['tags action key', { ...BASE, tags: 'sagemaker-deploy:sha=1' }, 'tags', 'reserved'],
  ['tags line without =', { ...BASE, tags: 'team' }, 'tags', 'must be Key=Value'],
  ['tags key too long', { ...BASE, tags: `${'k'.repeat(129)}=v` }, 'tags', '1 to 128 characters'],
  [
    'tags 41',
    { ...BASE, tags: Array.from({ length: 41 }, (_, i) => `k${i}=v`).join('\n') },
    'tags',
    'at most 40'
  ],
  ['tags duplicate', { ...BASE, tags: 'a=1\na=2' }, 'tags', 'sets a again'],
  ['instance-type', { ...BASE, 'instance-type': 'm5.large' }, 'instance-type', 'like ml.m5.large'],
  ['instance-count 0', { ...BASE, 'instance-count': '0' }, 'instance-count', 'from 1 to 1000'],
  [
    'instance-count 1.5',
    { ...BASE, 'instance-count': '1.5' },
    'instance-count',
    'whole number of instances'
  ],
  ['wait yes', { ...BASE, wait: 'yes' }, 'wait', 'Input "wait" must be true or false, got "yes".'],
  ['dry-run 1', { ...BASE, 'dry-run': '1' }, 'dry-run', 'true or false'],
  ['create-alarms on', { ...BASE, 'create-alarms': 'on' }, 'create-alarms', 'true or false'],
  [
    'retain maybe',
    { ...BASE, 'retain-deployment-config': 'maybe' },
    'retain-deployment-config',
    'true or false'
  ],
  [
    'traffic-routing blue-green',
    { ...BASE, 'traffic-routing': 'bluegreen' },
    'traffic-routing',
    'linear, canary, all-at-once or rolling'
  ],
  [
    'linear step 5%',
    { ...BASE, 'step-size': '5%' },
    'step-size',
    'from 10% to 50% for a linear step'
  ],
  [
    'linear step 60%',
    { ...BASE, 'step-size': '60%' },
    'step-size',
    'from 10% to 50% for a linear step'
  ],
  [
    'canary step 51%',
    { ...BASE, 'traffic-routing': 'canary', 'step-size': '51%' },
    'step-size',
    'from 1% to 50% for a canary'
  ],
  ['step-size 0', { ...BASE, 'step-size': '0' }, 'step-size', 'whole number of instances from 1'],
  ['step-size abc', { ...BASE, 'step-size': 'abc' }, 'step-size', 'like 25%'],
  [
    'step-size with all-at-once',
    { ...BASE, 'traffic-routing': 'all-at-once', 'step-size': '25%' },
    'step-size',
    'no meaning with traffic-routing: all-at-once'
  ],
  [
    'wait-interval abc',
    { ...BASE, 'wait-interval': 'abc' },
    'wait-interval',
    'Input "wait-interval" must be a whole number of seconds from 0 to 3600, got "abc".'
  ],
  ['wait-interval 3601', { ...BASE, 'wait-interval': '3601' }, 'wait-interval', 'from 0 to 3600'],
  [
    'termination-wait -1',
    { ...BASE, 'termination-wait': '-1' },
    'termination-wait',
    'from 0 to 3600'
  ],
  [
    'max-execution-timeout 599',
    { ...BASE, 'max-execution-timeout': '599' },
    'max-execution-timeout',
    'from 600 to 28800'
  ],
  [
    'max-execution-timeout 28801',
    { ...BASE, 'max-execution-timeout': '28801' },
    'max-execution-timeout',
    'from 600 to 28800'
  ],
  [
    'retain + an invalid policy input (still checked)',
    { ...BASE, 'retain-deployment-config': 'true', 'step-size': 'lots' },
    'step-size',
    'Input "step-size" must be a percentage of the fleet like 25%'
  ],
  [
    'unguarded',
    { ...BASE, 'create-alarms': 'false' },
    'alarm-names',
    'create-alarms is false and alarm-names is empty'
  ],
  [
    'nine alarms plus created',
    { ...BASE, 'alarm-names': Array.from({ length: 9 }, (_, i) => `a${i}`).join(',') },
    'alarm-names',
    'at most 10'
  ],
  [
    'alarm name too long',
    { ...BASE, 'alarm-names': 'x'.repeat(256) },
    'alarm-names',
    'longer than 255'
  ],
  [
    'error-rate-threshold 0',
    { ...BASE, 'error-rate-threshold': '0' },
    'error-rate-threshold',
    'greater than 0 and at most 100'
  ],
  [
    'error-rate-threshold 101',
    { ...BASE, 'error-rate-threshold': '101' },
    'error-rate-threshold',
    'at most 100'
  ],
  [
    'latency-threshold-ms text',
    { ...BASE, 'latency-threshold-ms': '5s' },
    'latency-threshold-ms',
    'milliseconds'
  ],
  ['timeout 361', { ...BASE, timeout: '361' }, 'timeout', 'minutes greater than 0 and at most 360'],
  ['poll-interval 0.01', { ...BASE, 'poll-interval': '0.01' }, 'poll-interval', 'from 0.05 to 300'],
  ['on-busy queue', { ...BASE, 'on-busy': 'queue' }, 'on-busy', 'wait or fail'],
  [
    'create-endpoint always',
    { ...BASE, 'create-endpoint': 'always' },
    'create-endpoint',
    'Input "create-endpoint" must be never or if-missing, got "always".'
  ],
  [
    'alarm-name-prefix with a space',
    { ...BASE, 'alarm-name-prefix': 'my alarms' },
    'alarm-name-prefix',
    'Input "alarm-name-prefix" must be up to 200 letters, digits and . _ - / : (the start of the created alarms\' names), got "my alarms".'
  ],
  [
    'alarm-name-prefix of 201 characters',
    { ...BASE, 'alarm-name-prefix': 'a'.repeat(201) },
    'alarm-name-prefix',
    'Input "alarm-name-prefix" must be up to 200 letters'
  ],
  [
    'metric-delay 901',
    { ...BASE, 'metric-delay': '901' },
    'metric-delay',
    'Input "metric-delay" must be a whole number of seconds from 0 to 900, got "901".'
  ],
  [
    'metrics-resolution 15',
    { ...BASE, 'metrics-resolution': '15' },
    'metrics-resolution',
    'Input "metrics-resolution" must be 10, 30 or 60 (seconds between the invocation metrics of the new endpoint config), or empty to keep the live config\'s MetricsConfig, got "15".'
  ],
  [
    'metrics-resolution 10s',
    { ...BASE, 'metrics-resolution': '10s' },
    'metrics-resolution',
    'got "10s".'
  ],
  [
    'metrics-resolution toString',
    { ...BASE, 'metrics-resolution': 'toString' },
    'metrics-resolution',
    'got "toString".'
  ],
  [
    'metrics-resolution with inference-component-name',
    { ...BASE, 'inference-component-name': 'lab-component', 'metrics-resolution': '10' },
    'metrics-resolution',
    'Input "metrics-resolution" has no meaning with inference-component-name: how often invocation metrics are published is the endpoint config\'s MetricsConfig, and UpdateInferenceComponent changes only the component. Remove metrics-resolution, or deploy to the endpoint itself (no inference-component-name).'
  ],
  [
    'on-regression revert',
    { ...BASE, 'on-regression': 'revert' },
    'on-regression',
    'Input "on-regression" must be rollback or fail, got "revert".'
  ],
  [
    'accept-unguarded-final-step yes',
    { ...BASE, 'accept-unguarded-final-step': 'yes' },
    'accept-unguarded-final-step',
    'accept-unguarded-final-step'
  ],
  ['pr-number -1', { ...BASE, 'pr-number': '-1' }, 'pr-number', 'pull request number'],
  [
    'deployment-environment long',
    { ...BASE, 'deployment-environment': 'e'.repeat(256) },
    'deployment-environment',
    'at most 255'
  ]
]

describe('readInputs: retain with the policy inputs still set (a dispatch retry flips only retain)', () => {
  it('keeps them as what the retained policy must be; the plan checks them', () => {
    const { request } = read({
      ...BASE,
      'retain-deployment-config': 'true',
      'traffic-routing': 'linear',
      'step-size': '25%',
      'alarm-names': 'a, b'
    })
    expect(request.policy).toBeNull()
    expect(request.retainExpected).toEqual({
      routing: 'linear',
      stepSize: { type: 'CAPACITY_PERCENT', value: 25 }
    })
    expect(request.alarmNames).toEqual(['a', 'b'])
  })
})

describe('readInputs: invalid inputs', () => {
  it.each(invalid)('%s', (_label, set, input, text) => {
    const error = failure(set)
    expect(error.input).toBe(input)
    expect(error.message).toContain(text)
    expect(error.message).toContain(`"${input}"`)
  })

  it('inherit-environment is refused only with an existing model named: with no source, only the source is missing', () => {
    const error = failure({
      'endpoint-name': 'ep',
      region: 'us-east-1',
      'inherit-environment': 'true'
    })
    expect(error.input).toBe('model-data-url')
    expect(error.message).not.toContain('inherit-environment')
  })

  it('inherit-environment with an artifact is accepted', () => {
    expect(read({ ...BASE, 'inherit-environment': 'true' }).request.inheritEnvironment).toBe(true)
  })

  it('names region when neither input nor environment has one', () => {
    const error = failure({ ...BASE, region: '' }, {})
    expect(error.input).toBe('region')
    expect(error.message).toContain('AWS_REGION')
  })

  it('lists every problem on its own line, first input first', () => {
    const error = failure({
      ...BASE,
      'endpoint-name': 'bad_name',
      wait: 'yes',
      'wait-interval': 'x'
    })
    expect(error.input).toBe('endpoint-name')
    const lines = error.message.split('\n')
    expect(lines).toHaveLength(3)
    expect(lines[1]).toContain('"wait-interval"')
    expect(lines[2]).toContain('"wait"')
  })

  it('caps a long list of problems', () => {
    const environment = Array.from({ length: 50 }, (_, i) => `bad key ${i}`).join('\n')
    const error = failure({ ...BASE, environment })
    expect(error.message.split('\n')).toHaveLength(21)
    expect(error.message).toContain('30 more problems')
  })

  it('gives a clean error for a 10 kB value, showing 80 characters', () => {
    const huge = 'x'.repeat(10_240)
    for (const name of [
      'endpoint-name',
      'wait-interval',
      'step-size',
      'region',
      'model-data-url',
      'timeout'
    ]) {
      const error = failure({ ...BASE, [name]: huge })
      expect(error.input).toBe(name)
      expect(error.message).toContain('(10240 characters)')
      expect(error.message.length).toBeLessThan(1000)
    }
  })

  it('escapes control characters in shown values', () => {
    const error = failure({ ...BASE, wait: 'ye\u0007s\ttrue' })
    expect(error.message).toContain('"ye\\u0007s\\ttrue"')
  })

  it('never shows the github-token', () => {
    const error = failure({ ...BASE, 'github-token': 'ghs_topsecret', wait: 'nope' })
    expect(error.message).not.toContain('ghs_topsecret')
  })
})

describe('show', () => {
  it('quotes short values and cuts long ones', () => {
    expect(show('abc')).toBe('"abc"')
    expect(show('a'.repeat(81))).toBe(`"${'a'.repeat(80)}…" (81 characters)`)
  })
})

describe('readInputs: rolling', () => {
  it('reads a rolling batch (5–50 %), its bake and an optional rollback batch', () => {
    const { request } = read({
      ...BASE,
      'traffic-routing': 'rolling',
      'step-size': '5%',
      'wait-interval': '120',
      'rollback-step-size': '2'
    })
    expect(request.policy).toEqual({
      routing: 'rolling',
      stepSize: { type: 'CAPACITY_PERCENT', value: 5 },
      waitIntervalSeconds: 120,
      terminationWaitSeconds: 0,
      maxExecutionTimeoutSeconds: undefined,
      rollbackStepSize: { type: 'INSTANCE_COUNT', value: 2 }
    })
  })

  it.each([
    [{ 'step-size': '4%' }, 'step-size', 'from 5% to 50% for a rolling batch'],
    [
      { 'termination-wait': '60' },
      'termination-wait',
      'has no meaning with traffic-routing: rolling'
    ],
    [{ 'rollback-step-size': '0%' }, 'rollback-step-size', 'from 1% to 100%']
  ])('refuses %j naming %s', (set, input, text) => {
    const error = failure({ ...BASE, 'traffic-routing': 'rolling', ...set })
    expect(error.input).toBe(input)
    expect(error.message).toContain(text)
  })

  it('refuses rollback-step-size with a blue/green routing', () => {
    const error = failure({ ...BASE, 'rollback-step-size': '25%' })
    expect(error.input).toBe('rollback-step-size')
    expect(error.message).toContain('applies to traffic-routing: rolling only')
  })
})
