import { describe, expect, it } from '@jest/globals'
import { InputError } from '../../src/errors.js'
import { readInputs } from '../../src/inputs/index.js'

// readInputs with a getter that knows only the inputs set (undefined for the others), as a
// local run without action.yml defaults would call it.
const BASE = {
  'endpoint-name': 'lab-endpoint',
  region: 'us-east-1',
  'model-data-url': 's3://bucket/model-a/model.tar.gz',
  'image-uri': '123456789012.dkr.ecr.us-east-1.amazonaws.com/serve:1',
  'execution-role-arn': 'arn:aws:iam::123456789012:role/SageMakerRole'
}

function read(set: Record<string, string>) {
  return readInputs(name => set[name] as string, {})
}

function failure(set: Record<string, string>): { input: string; lines: string[] } {
  try {
    read(set)
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return { input: (error as InputError).input, lines: (error as InputError).message.split('\n') }
  }
  throw new Error('expected an InputError')
}

describe('readInputs: inputs left unset', () => {
  it('reads an input the getter has no value for as empty', () => {
    expect(read(BASE).request).toMatchObject({
      endpointName: 'lab-endpoint',
      environment: {},
      tags: [],
      onBusy: 'wait',
      onAutoScaling: 'fail',
      githubToken: '',
      deploymentEnvironment: undefined
    })
  })
})

describe('readInputs: on-auto-scaling', () => {
  it.each([
    ['fail', 'fail'],
    ['Fail', 'fail'],
    ['reregister', 'reregister'],
    ['REREGISTER', 'reregister']
  ])('reads %j as %s', (value, expected) => {
    expect(read({ ...BASE, 'on-auto-scaling': value }).request.onAutoScaling).toBe(expected)
  })

  it('refuses anything else, naming both values allowed', () => {
    expect(failure({ ...BASE, 'on-auto-scaling': 'ignore' })).toEqual({
      input: 'on-auto-scaling',
      lines: ['Input "on-auto-scaling" must be fail or reregister, got "ignore".']
    })
  })
})

describe('readInputs: numbers', () => {
  it('names what each number input takes, in input order', () => {
    expect(
      failure({
        ...BASE,
        'error-rate-threshold': '1%',
        'latency-threshold-ms': '0',
        'poll-interval': '1s',
        'metrics-wait': '601'
      })
    ).toEqual({
      input: 'error-rate-threshold',
      lines: [
        'Input "error-rate-threshold" must be a percentage greater than 0 and at most 100 (decimals allowed), got "1%".',
        'Input "latency-threshold-ms" must be a number of milliseconds greater than 0 and at most 3600000 (decimals allowed), got "0".',
        'Input "poll-interval" must be a number of seconds from 0.05 to 300 (decimals allowed), got "1s".',
        'Input "metrics-wait" must be a whole number of seconds from 0 to 600, got "601".'
      ]
    })
  })
})

describe('readInputs: names', () => {
  it('accepts a deployment-environment of 255 characters', () => {
    const name = 'e'.repeat(255)
    expect(read({ ...BASE, 'deployment-environment': name }).request.deploymentEnvironment).toBe(
      name
    )
  })

  it('carries the inference component named into the request, updated by rolling batches', () => {
    const { request } = read({ ...BASE, 'inference-component-name': 'lab-component' })
    expect(request.inferenceComponentName).toBe('lab-component')
    expect(request.policy?.routing).toBe('rolling')
  })
})

describe('readInputs: metrics-resolution', () => {
  it.each([
    ['10', 10],
    ['30', 30],
    ['60', 60]
  ])('reads %s as %i seconds', (value, seconds) => {
    expect(read({ ...BASE, 'metrics-resolution': value }).request.metricsResolution).toBe(seconds)
  })

  it('empty: not in the request (the live MetricsConfig is carried)', () => {
    expect(read({ ...BASE }).request).not.toHaveProperty('metricsResolution')
  })

  it('goes with retain-deployment-config (the alarms it names are written with that period)', () => {
    const { request } = read({
      ...BASE,
      'retain-deployment-config': 'true',
      'metrics-resolution': '10'
    })
    expect(request.metricsResolution).toBe(10)
  })
})

describe('readInputs: environment with no model source', () => {
  it('says only that nothing says what to deploy, not that an existing model keeps its environment', () => {
    expect(
      failure({
        'endpoint-name': 'lab-endpoint',
        region: 'us-east-1',
        environment: 'LOG_LEVEL=info'
      })
    ).toEqual({
      input: 'model-data-url',
      lines: [
        'Input "model-data-url" (or "model-package-arn", or "model-name") is required: nothing says what to deploy. Set model-data-url + image-uri + execution-role-arn (a new model from an artifact), model-package-arn + execution-role-arn (a Model Registry package), or model-name alone (an existing model).'
      ]
    })
  })

  it('with model-name, says the existing model keeps its own environment', () => {
    expect(
      failure({
        'endpoint-name': 'lab-endpoint',
        region: 'us-east-1',
        'model-name': 'serving-model',
        environment: 'LOG_LEVEL=info'
      }).lines
    ).toEqual([
      'Input "environment" applies only to a model the action creates (model-data-url or model-package-arn); an existing model (model-name) keeps its own environment. Remove it or deploy from an artifact or package.'
    ])
  })
})
