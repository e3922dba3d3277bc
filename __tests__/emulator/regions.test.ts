import { describe, it, expect, afterEach } from '@jest/globals'
import {
  CloudWatchClient,
  DescribeAlarmsCommand,
  ListTagsForResourceCommand,
  PutMetricAlarmCommand
} from '@aws-sdk/client-cloudwatch'
import {
  CreateEndpointCommand,
  CreateModelCommand,
  DescribeEndpointCommand,
  ListEndpointsCommand,
  SageMakerClient
} from '@aws-sdk/client-sagemaker'
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts'
import { awsCli, HAS_AWS_CLI } from './aws-cli.js'
import {
  createConfig,
  createModel,
  failure,
  MODEL_A,
  ROLE,
  startLab,
  stopLab,
  type Lab
} from './helpers.js'

let lab: Lab | undefined
afterEach(async () => {
  await stopLab(lab)
  lab = undefined
})

const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' }

function clientsIn(l: Lab, region: string): { sm: SageMakerClient; cw: CloudWatchClient } {
  const config = { endpoint: l.emu.url, region, credentials, maxAttempts: 1 }
  return { sm: new SageMakerClient(config), cw: new CloudWatchClient(config) }
}

async function createEndpoint(l: Lab, name: string): Promise<void> {
  await l.sm.send(new CreateEndpointCommand({ EndpointName: name, EndpointConfigName: 'cfg' }))
}

describe('regions', () => {
  it('keeps SageMaker and CloudWatch state per region, the region taken from the SigV4 scope', async () => {
    lab = await startLab()
    await createModel(lab, 'model-a', MODEL_A)
    await createConfig(lab, 'cfg', 'model-a', 1)
    await createEndpoint(lab, 'ep-home')
    const eu = clientsIn(lab, 'eu-west-1')
    const missing = await failure(
      eu.sm.send(new DescribeEndpointCommand({ EndpointName: 'ep-home' }))
    )
    const euList = await eu.sm.send(new ListEndpointsCommand({}))
    await eu.cw.send(
      new PutMetricAlarmCommand({
        AlarmName: 'eu-alarm',
        Namespace: 'AWS/SageMaker',
        MetricName: 'Invocations',
        Statistic: 'Sum',
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanThreshold'
      })
    )
    const euAlarms = await eu.cw.send(new DescribeAlarmsCommand({ AlarmNames: ['eu-alarm'] }))
    const homeAlarms = await lab.cw.send(new DescribeAlarmsCommand({ AlarmNames: ['eu-alarm'] }))
    const home = await lab.sm.send(new DescribeEndpointCommand({ EndpointName: 'ep-home' }))
    eu.sm.destroy()
    eu.cw.destroy()

    expect([missing.name, missing.message]).toStrictEqual([
      'ValidationException',
      'Could not find endpoint "ep-home".'
    ])
    expect(euList.Endpoints).toStrictEqual([])
    expect(euAlarms.MetricAlarms?.map(a => a.AlarmArn)).toStrictEqual([
      'arn:aws:cloudwatch:eu-west-1:123456789012:alarm:eu-alarm'
    ])
    expect(homeAlarms.MetricAlarms).toStrictEqual([])
    expect(home.EndpointArn).toBe('arn:aws:sagemaker:us-east-1:123456789012:endpoint/ep-home')
    expect(lab.emu.regions()).toStrictEqual(['us-east-1', 'eu-west-1'])
    expect(
      lab.emu
        .calls()
        .filter(c => c.operation === 'DescribeEndpoint')
        .map(c => [c.region, c.status])
    ).toStrictEqual([
      ['eu-west-1', 400],
      ['us-east-1', 200]
    ])
  })

  it('moves every region on the same clock: an endpoint created elsewhere goes InService', async () => {
    lab = await startLab({ scenario: { s3Objects: { 's3://eu-models': { region: 'eu-west-1' } } } })
    const eu = clientsIn(lab, 'eu-west-1')
    await eu.sm.send(
      new CreateModelCommand({
        ModelName: 'model-eu',
        ExecutionRoleArn: ROLE,
        PrimaryContainer: {
          Image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/lab-inference:1',
          ModelDataUrl: 's3://eu-models/model-a/model.tar.gz'
        }
      })
    )
    await createConfig({ ...lab, sm: eu.sm }, 'cfg', 'model-eu', 1)
    await createEndpoint({ ...lab, sm: eu.sm }, 'ep-eu')
    const creating = await eu.sm.send(new DescribeEndpointCommand({ EndpointName: 'ep-eu' }))
    lab.emu.advance(601)
    const created = await eu.sm.send(new DescribeEndpointCommand({ EndpointName: 'ep-eu' }))
    eu.sm.destroy()
    eu.cw.destroy()
    expect([creating.EndpointStatus, created.EndpointStatus]).toStrictEqual([
      'Creating',
      'InService'
    ])
    expect(created.EndpointArn).toBe('arn:aws:sagemaker:eu-west-1:123456789012:endpoint/ep-eu')
  })

  it('PutMetricAlarm on an existing alarm ignores Tags', async () => {
    lab = await startLab()
    const put = (tags: { Key: string; Value: string }[]): PutMetricAlarmCommand =>
      new PutMetricAlarmCommand({
        AlarmName: 'tagged',
        Namespace: 'AWS/SageMaker',
        MetricName: 'Invocations',
        Statistic: 'Sum',
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanThreshold',
        Tags: tags
      })
    await lab.cw.send(put([{ Key: 'team', Value: 'ml' }]))
    await lab.cw.send(
      put([
        { Key: 'team', Value: 'changed' },
        { Key: 'extra', Value: 'x' }
      ])
    )
    const tags = await lab.cw.send(
      new ListTagsForResourceCommand({
        ResourceARN: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:tagged'
      })
    )
    expect(tags.Tags).toStrictEqual([{ Key: 'team', Value: 'ml' }])
  })

  it('STS GetCallerIdentity answers the emulator identity (query protocol, XML)', async () => {
    lab = await startLab()
    const sts = new STSClient({ endpoint: lab.emu.url, region: 'us-east-1', credentials })
    const who = await sts.send(new GetCallerIdentityCommand({}))
    sts.destroy()
    expect({ Arn: who.Arn, UserId: who.UserId, Account: who.Account }).toStrictEqual({
      Arn: 'arn:aws:sts::123456789012:assumed-role/emulator-deploy-role/emulator-session',
      UserId: 'AROAEMULATORDEPLOYROLE:emulator-session',
      Account: '123456789012'
    })
    expect(lab.emu.env().AWS_ENDPOINT_URL_STS).toBe(lab.emu.url)
  })

  const run = HAS_AWS_CLI ? it : it.skip
  run('the AWS CLI: sts get-caller-identity', async () => {
    lab = await startLab()
    const result = await awsCli(lab.emu, 'us-east-1', 'sts', 'get-caller-identity')
    expect(result.stderr).toBe('')
    expect(JSON.parse(result.stdout)).toStrictEqual({
      UserId: 'AROAEMULATORDEPLOYROLE:emulator-session',
      Account: '123456789012',
      Arn: 'arn:aws:sts::123456789012:assumed-role/emulator-deploy-role/emulator-session'
    })
  })
})

describe('ListEndpoints', () => {
  async function threeEndpoints(l: Lab): Promise<void> {
    await createModel(l, 'model-a', MODEL_A)
    await createConfig(l, 'cfg', 'model-a', 1)
    await createEndpoint(l, 'alpha-ep')
    l.emu.advance(10)
    await createEndpoint(l, 'beta-ep')
    l.emu.advance(10)
    await createEndpoint(l, 'alpha-two')
    // alpha-ep and beta-ep go InService; alpha-two is still Creating.
    l.emu.advance(595)
  }

  it('filters by NameContains and StatusEquals before paging, sorts, and pages with NextToken', async () => {
    lab = await startLab()
    await threeEndpoints(lab)
    const names = async (input: Record<string, unknown>): Promise<[string[], boolean]> => {
      const out = await lab!.sm.send(new ListEndpointsCommand(input))
      return [(out.Endpoints ?? []).map(e => e.EndpointName ?? ''), out.NextToken !== undefined]
    }
    expect(await names({})).toStrictEqual([['alpha-two', 'beta-ep', 'alpha-ep'], false])
    expect(
      await names({ NameContains: 'alpha', SortBy: 'Name', SortOrder: 'Ascending' })
    ).toStrictEqual([['alpha-ep', 'alpha-two'], false])
    expect(await names({ StatusEquals: 'InService', MaxResults: 1 })).toStrictEqual([
      ['beta-ep'],
      true
    ])
    const first = await lab.sm.send(
      new ListEndpointsCommand({ StatusEquals: 'InService', MaxResults: 1 })
    )
    expect(
      await names({ StatusEquals: 'InService', MaxResults: 1, NextToken: first.NextToken })
    ).toStrictEqual([['alpha-ep'], false])
    expect(await names({ SortBy: 'Status', SortOrder: 'Ascending' })).toStrictEqual([
      ['alpha-two', 'alpha-ep', 'beta-ep'],
      false
    ])
  })

  it('refuses a SortBy or StatusEquals outside the model enum', async () => {
    lab = await startLab()
    const sortBy = await failure(lab.sm.send(new ListEndpointsCommand({ SortBy: 'Size' as never })))
    const status = await failure(
      lab.sm.send(new ListEndpointsCommand({ StatusEquals: 'Busy' as never }))
    )
    expect([sortBy.name, sortBy.message]).toStrictEqual([
      'ValidationException',
      "1 validation error detected: Value 'Size' at 'sortBy' failed to satisfy constraint: Member must satisfy enum value set: [Name, CreationTime, Status]"
    ])
    expect(status.name).toBe('ValidationException')
  })
})
