import { modelAnswer } from '../../emulator/model-answer.js'
import { describe, it, expect, afterEach } from '@jest/globals'
import { DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch'
import {
  DescribeEndpointCommand,
  ListEndpointsCommand,
  SageMakerClient
} from '@aws-sdk/client-sagemaker'
import { InvokeEndpointCommand } from '@aws-sdk/client-sagemaker-runtime'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ENDPOINT, failure, liveEndpointA, startLab, stopLab, type Lab } from './helpers.js'
import { DEFAULT_SCENARIO } from '../../emulator/index.js'

let lab: Lab | undefined
afterEach(async () => {
  await stopLab(lab)
  lab = undefined
})

const post = (url: string, target: string, body: string, extra: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'x-amz-target': target, 'content-type': 'application/x-amz-json-1.1', ...extra },
    body
  })

describe('wire protocols', () => {
  it('answers unknown operations and bad JSON with the service error, always with a request id', async () => {
    lab = await startLab()
    const sm = await post(lab.emu.url, 'SageMaker.CreateSpaceship', '{}')
    expect(sm.status).toBe(400)
    expect(sm.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/)
    expect(await sm.json()).toMatchObject({ __type: 'UnknownOperationException' })
    const cw = await post(lab.emu.url, 'GraniteServiceVersion20100801.Nope', '{}', {
      'x-amzn-query-mode': 'true'
    })
    expect(cw.headers.get('x-amzn-query-error')).toBe('UnknownOperationException;Sender')
    const bad = await post(lab.emu.url, 'SageMaker.DescribeEndpoint', '{not json')
    expect(await bad.json()).toMatchObject({ __type: 'SerializationException' })
    const ok = await post(lab.emu.url, 'SageMaker.ListEndpoints', '')
    expect(ok.status).toBe(200)
  })

  it('CloudWatch errors carry __type and x-amzn-query-error; timestamps are epoch seconds', async () => {
    lab = await startLab()
    const error = await post(
      lab.emu.url,
      'GraniteServiceVersion20100801.SetAlarmState',
      '{"AlarmName":"x","StateValue":"OK","StateReason":"r"}',
      {
        'content-type': 'application/x-amz-json-1.0',
        'x-amzn-query-mode': 'true'
      }
    )
    expect(error.status).toBe(404)
    expect(error.headers.get('x-amzn-query-error')).toBe('ResourceNotFound;Sender')
    expect(await error.json()).toEqual({
      __type: 'com.amazonaws.cloudwatch#ResourceNotFound',
      message: 'Alarm x does not exist.'
    })
    await liveEndpointA(lab)
    const raw = (await (
      await post(lab.emu.url, 'SageMaker.DescribeEndpoint', `{"EndpointName":"${ENDPOINT}"}`)
    ).json()) as { CreationTime: unknown }
    expect(typeof raw.CreationTime).toBe('number')
    expect(Math.abs((raw.CreationTime as number) * 1000 - lab.emu.now())).toBeLessThan(
      (DEFAULT_SCENARIO.creationSeconds + 60) * 1000
    )
  })

  it('env() points an SDK client configured only from the environment at the emulator', async () => {
    lab = await startLab()
    const env = lab.emu.env()
    expect(env).toMatchObject({
      AWS_ENDPOINT_URL_SAGEMAKER: lab.emu.url,
      AWS_ENDPOINT_URL_CLOUDWATCH: lab.emu.url,
      AWS_REGION: 'us-east-1',
      AWS_EC2_METADATA_DISABLED: 'true'
    })
    const saved = { ...process.env }
    Object.assign(process.env, env)
    try {
      const client = new SageMakerClient({})
      const result = await client.send(new ListEndpointsCommand({}))
      expect(result.Endpoints).toEqual([])
      client.destroy()
    } finally {
      process.env = saved
    }
  })
})

describe('SageMaker Runtime', () => {
  it('invokes the endpoint, names the variant, and fails like the service', async () => {
    lab = await startLab()
    await liveEndpointA(lab)
    const reply = await lab.rt.send(
      new InvokeEndpointCommand({
        EndpointName: ENDPOINT,
        ContentType: 'application/json',
        Body: '{"x":1}'
      })
    )
    expect(reply.InvokedProductionVariant).toBe('AllTraffic')
    // What a model says, nothing more: the truth of the body (which fleet answered is a header).
    const truth = modelAnswer('{"x":1}')
    expect(JSON.parse(new TextDecoder().decode(reply.Body))).toStrictEqual({
      label: truth.label,
      score: truth.score,
      predictions: [truth.score]
    })
    const missing = await failure(
      lab.rt.send(new InvokeEndpointCommand({ EndpointName: 'nope', Body: '{}' }))
    )
    expect(missing.name).toBe('ValidationError')
    expect(missing.$metadata?.httpStatusCode).toBe(400)
    lab.emu.setScenario({ models: { 's3://lab-models/model-a/model.tar.gz': { errorRate: 1 } } })
    const broken = await failure(
      lab.rt.send(new InvokeEndpointCommand({ EndpointName: ENDPOINT, Body: '{}' }))
    )
    expect(broken.name).toBe('ModelError')
    expect(broken.message).toMatch(/^Received server error \(500\) from primary/)
  })
})

describe('call log', () => {
  it('records every call in order, flags mutating ones, and serves /_emulator/*', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emulator-'))
    const file = join(dir, 'calls.jsonl')
    lab = await startLab({ callLogFile: file })
    await liveEndpointA(lab)
    await lab.sm.send(new DescribeEndpointCommand({ EndpointName: ENDPOINT }))
    await lab.cw.send(new DescribeAlarmsCommand({ AlarmNames: ['lab-endpoint-5xx-rate'] }))
    await failure(lab.sm.send(new DescribeEndpointCommand({ EndpointName: 'nope' })))
    const calls = lab.emu.calls()
    expect(calls.map(c => c.operation)).toEqual([
      'CreateModel',
      'CreateEndpointConfig',
      'PutMetricAlarm',
      'PutMetricAlarm',
      'CreateEndpoint',
      'DescribeEndpoint',
      'DescribeAlarms',
      'DescribeEndpoint'
    ])
    expect(calls.map(c => c.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    expect(calls[6]).toMatchObject({
      service: 'cloudwatch',
      status: 200,
      mutating: false,
      params: { AlarmNames: ['lab-endpoint-5xx-rate'] }
    })
    expect(calls[7]).toMatchObject({
      status: 400,
      error: 'ValidationException: Could not find endpoint "nope".'
    })
    expect(lab.emu.mutatingCalls().map(c => c.operation)).toEqual([
      'CreateModel',
      'CreateEndpointConfig',
      'PutMetricAlarm',
      'PutMetricAlarm',
      'CreateEndpoint'
    ])
    expect(calls[5]!.simulatedTime - calls[4]!.simulatedTime).toBeGreaterThanOrEqual(120_000)
    const lines = readFileSync(file, 'utf8').trim().split('\n')
    expect(lines).toHaveLength(8)
    expect(JSON.parse(lines[0]!)).toMatchObject({
      seq: 1,
      operation: 'CreateModel',
      mutating: true
    })

    const before = lab.emu.now()
    const advanced = (await (
      await fetch(`${lab.emu.url}/_emulator/advance?seconds=30`, { method: 'POST' })
    ).json()) as { now: number }
    expect(advanced.now - before).toBeGreaterThanOrEqual(30_000)
    const health = (await (await fetch(`${lab.emu.url}/_emulator/health`)).json()) as {
      ok: boolean
      endpoints: unknown[]
    }
    expect(health.ok).toBe(true)
    expect(health.endpoints).toEqual([{ name: ENDPOINT, status: 'InService', config: 'cfg-a' }])
    const overHttp = (await (await fetch(`${lab.emu.url}/_emulator/calls`)).json()) as {
      operation: string
    }[]
    expect(overHttp.map(c => c.operation).slice(-1)).toEqual(['Advance'])
  })
})
