// Pre-flight through the real bundle: the mistakes that used to fail ten minutes later (or never)
// are refused before any mutating call, with a message that names the cause and the fix. Model A
// is live; each case runs Model B's step with one thing wrong.
import { describe, expect, it, jest } from '@jest/globals'
import {
  CloudWatchClient,
  DescribeAlarmsCommand,
  PutMetricAlarmCommand
} from '@aws-sdk/client-cloudwatch'
import type { Emulator, Scenario } from '../../emulator/index.js'
import { LAB_ENDPOINT, labModel } from '../../scripts/lib/lab.js'
import { labEmulator, liveModelA, runStep, step } from './helpers.js'

// A safety net only: on stepped time a run's real duration depends on the machine's load.
jest.setTimeout(300_000)

const ACCOUNT = '123456789012'
const KEYS = { accessKeyId: 'AKIAEMULATOR00000000', secretAccessKey: 'emulator-secret' }

type Run = Awaited<ReturnType<typeof runStep>>

/** Model B's step on a lab endpoint serving Model A, with the given inputs and scenario. */
async function modelB(
  inputs: Record<string, string>,
  scenario: Partial<Scenario> = {},
  before?: (emulator: Emulator) => Promise<void>,
  after?: (emulator: Emulator) => Promise<void>
): Promise<{ run: Run; emulator: Emulator }> {
  const emulator = await labEmulator()
  try {
    await liveModelA(emulator)
    emulator.setScenario(scenario)
    await before?.(emulator)
    const run = await runStep(emulator, step('Model B'), { inputs })
    await after?.(emulator)
    return { run, emulator }
  } finally {
    await emulator.close()
  }
}

/** Refused before any write: failed, exit 1, no mutating call, the message in log and summary. */
function expectRefused(run: Run, message: string): void {
  expect(run.outputs.outcome).toBe('failed')
  expect(run.code).toBe(1)
  expect(run.mutating).toStrictEqual([])
  expect(run.stdout).toContain(message)
  expect(run.summary).toContain('Nothing was changed in AWS.')
}

describe('the endpoint: never created by mistake', () => {
  it('a typo with instance-type set is refused, naming the region, the account and the close name', async () => {
    const { run } = await modelB({
      'endpoint-name': 'lab-endpont',
      'instance-type': 'ml.m5.large',
      'instance-count': '4'
    })
    expectRefused(
      run,
      `Endpoint "lab-endpont" does not exist in us-east-1 (account ${ACCOUNT}). Endpoints there with a close name: ${LAB_ENDPOINT}. With create-endpoint: never (the default) it is not created: fix endpoint-name or region, or set create-endpoint: if-missing (with instance-type and instance-count) to create a new endpoint.`
    )
  })

  it('a typo without instance-type gets the same answer, not a request for one', async () => {
    const { run } = await modelB({ 'endpoint-name': 'lab-endpont' })
    expectRefused(run, `Endpoint "lab-endpont" does not exist in us-east-1 (account ${ACCOUNT}).`)
    expect(run.stdout).not.toContain('Input "instance-type" is required')
  })

  it('the wrong region is refused: that region has no such endpoint', async () => {
    // The image input names eu-west-1 too (else the input check stops it first).
    const image = '111111111111.dkr.ecr.eu-west-1.amazonaws.com/lab-inference:1'
    const { run, emulator } = await modelB({ region: 'eu-west-1', 'image-uri': image })
    expectRefused(
      run,
      `Endpoint "${LAB_ENDPOINT}" does not exist in eu-west-1 (account ${ACCOUNT}). There is no endpoint in eu-west-1.`
    )
    // The action's reads went to eu-west-1, where the emulator keeps a namespace of its own (the
    // endpoint lives in us-east-1).
    const regions = new Set(
      emulator
        .calls()
        .filter(c => c.operation === 'DescribeEndpoint')
        .map(c => c.region)
    )
    expect(regions).toStrictEqual(new Set(['eu-west-1']))
  })
})

describe('an alarm the action does not own', () => {
  it('is never overwritten: refused, showing its definition and the two ways out', async () => {
    const name = `${LAB_ENDPOINT}-5xx-rate`
    let after: Record<string, unknown> | undefined
    const client = (emulator: Emulator) =>
      new CloudWatchClient({ region: 'us-east-1', endpoint: emulator.url, credentials: KEYS })
    const read = async (emulator: Emulator) => {
      const out = await client(emulator).send(new DescribeAlarmsCommand({ AlarmNames: [name] }))
      const alarm = out.MetricAlarms?.[0]
      return {
        Threshold: alarm?.Threshold,
        Period: alarm?.Period,
        AlarmDescription: alarm?.AlarmDescription
      }
    }
    const write = async (emulator: Emulator) => {
      await client(emulator).send(
        new PutMetricAlarmCommand({
          AlarmName: name,
          AlarmDescription: 'pages on-call',
          Namespace: 'AWS/SageMaker',
          MetricName: 'Invocation5XXErrors',
          Dimensions: [{ Name: 'EndpointName', Value: LAB_ENDPOINT }],
          Statistic: 'Sum',
          Period: 300,
          EvaluationPeriods: 2,
          Threshold: 50,
          ComparisonOperator: 'GreaterThanThreshold'
        })
      )
    }
    const { run } = await modelB({}, {}, write, async emulator => {
      after = await read(emulator)
    })
    expectRefused(
      run,
      `create-alarms would overwrite alarm(s) the action did not create: ${LAB_ENDPOINT}-5xx-rate (AWS/SageMaker Invocation5XXErrors (Sum) GreaterThanThreshold 50, period 300 s × 2, 0 alarm actions, described "pages on-call").`
    )
    expect(run.stdout).toContain(
      `Guard with your alarm as it is (create-alarms: false and alarm-names: ${LAB_ENDPOINT}-5xx-rate, ${LAB_ENDPOINT}-model-latency), or have the action create its own under other names (alarm-name-prefix).`
    )
    // Untouched: the team's threshold, period and description are as they wrote them.
    expect(after).toStrictEqual({ Threshold: 50, Period: 300, AlarmDescription: 'pages on-call' })
  })

  it('with alarm-name-prefix the action creates its own beside it and deploys', async () => {
    const { run } = await modelB(
      { 'alarm-name-prefix': 'deploy/lab', 'model-data-url': labModel('e') },
      {},
      async emulator => {
        const cw = new CloudWatchClient({
          region: 'us-east-1',
          endpoint: emulator.url,
          credentials: KEYS
        })
        await cw.send(
          new PutMetricAlarmCommand({
            AlarmName: `${LAB_ENDPOINT}-5xx-rate`,
            Namespace: 'AWS/SageMaker',
            MetricName: 'Invocation5XXErrors',
            Statistic: 'Sum',
            Period: 300,
            EvaluationPeriods: 2,
            Threshold: 50,
            ComparisonOperator: 'GreaterThanThreshold'
          })
        )
      }
    )
    expect(run.outputs.outcome).toBe('deployed')
    expect(run.mutating.filter(m => m === 'PutMetricAlarm')).toHaveLength(2)
    expect(run.stdout).toContain('Alarm deploy/lab-5xx-rate created/updated')
    expect(run.stdout).toContain('Alarm deploy/lab-model-latency created/updated')
  })
})

describe('the artifact and the image', () => {
  it('a missing artifact is refused', async () => {
    const { run } = await modelB({}, { s3Objects: { [labModel('b')]: { missing: true } } })
    expectRefused(run, `Input "model-data-url" names ${labModel('b')}`)
  })

  it("an artifact in another region's bucket is refused, naming both regions", async () => {
    const { run } = await modelB({}, { s3Objects: { 's3://lab-models': { region: 'eu-west-1' } } })
    expectRefused(
      run,
      `Input "model-data-url" names ${labModel('b')}, in a bucket in eu-west-1, but the endpoint is in us-east-1`
    )
  })

  it('an image in another region is refused as an input, before any call', async () => {
    const image = '111111111111.dkr.ecr.eu-west-1.amazonaws.com/lab-inference:1'
    const { run, emulator } = await modelB({ 'image-uri': image })
    expect(run.outputs.outcome).toBe('failed')
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      '::error::Input "image-uri" is an ECR image in eu-west-1, but the endpoint is in us-east-1'
    )
    expect(emulator.calls().filter(c => c.operation === 'DescribeImages')).toStrictEqual([])
    expect(run.mutating).toStrictEqual([])
  })

  it('an image tag that does not exist is refused, naming tag, repository and registry', async () => {
    const image = '111111111111.dkr.ecr.us-east-1.amazonaws.com/lab-inference:nope'
    const { run } = await modelB(
      { 'image-uri': image },
      { ecrImages: { [image]: { missing: true } } }
    )
    expectRefused(run, 'Input "image-uri" names tag nope')
    expect(run.stdout).toContain('lab-inference')
    expect(run.stdout).toContain('111111111111')
  })
})

describe('capacity', () => {
  it('a doubled fleet over the quota is refused with the numbers and a rolling batch that fits', async () => {
    const { run } = await modelB({}, { instanceQuota: { 'ml.m5.large': 6 } })
    expectRefused(run, '4 live + 4 new')
    expect(run.stdout).toContain(
      'more than the quota of 6 ("ml.m5.large for endpoint usage" in us-east-1)'
    )
    expect(run.stdout).toContain('use traffic-routing: rolling with step-size: 2')
  })

  it('the rolling batch it suggests fits, and deploys', async () => {
    const { run } = await modelB(
      {
        'traffic-routing': 'rolling',
        'step-size': '2',
        'wait-interval': '60',
        'model-data-url': labModel('e')
      },
      { instanceQuota: { 'ml.m5.large': 6 } }
    )
    expect(run.outputs.outcome).toBe('deployed')
    expect(run.mutating).toContain('UpdateEndpoint')
  })
})

describe('deployment guardrails exclusions', () => {
  it('a Marketplace model package is refused unless an unguarded update is accepted', async () => {
    const arn = 'arn:aws:sagemaker:us-east-1:865070037744:model-package/acme-churn-7f3a'
    const scenario: Partial<Scenario> = {
      modelPackages: {
        [arn]: { image: '865070037744.dkr.ecr.us-east-1.amazonaws.com/acme:1', marketplace: true }
      }
    }
    const inputs = { 'model-package-arn': arn, 'model-data-url': '', 'image-uri': '' }
    const { run } = await modelB(inputs, scenario)
    expectRefused(run, 'Deployment guardrails exclude an AWS Marketplace model package')
    expect(run.stdout).toContain('accept-unguarded-update: true')
    const accepted = await modelB({ ...inputs, 'accept-unguarded-update': 'true' }, scenario)
    expect(accepted.run.mutating).toContain('UpdateEndpoint')
    expect(accepted.run.summary).toContain('Unguarded update (accept-unguarded-update: true)')
  })
})
