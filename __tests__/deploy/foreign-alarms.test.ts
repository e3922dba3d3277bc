import { describe, expect, it } from '@jest/globals'
import type { MetricAlarm } from '@aws-sdk/client-cloudwatch'
import { checkAlarms } from '../../src/deploy/preflight.js'
import { buildPlan } from '../../src/target/endpoint/plan.js'
import { AwsCallError } from '../../src/aws/errors.js'
import { REPOSITORY_TAG } from '../../src/deploy/step-identity.js'
import type { AwsApi } from '../../src/aws/api.js'
import { CURRENT, REQUEST, RUN } from '../helpers/plan-fixtures.js'

const silent = { info: () => {}, warning: () => {}, error: () => {} }

/** An alarm read back: the planned one as written, or with its threshold changed. */
function readBack(spec: { name: string; request: Record<string, unknown> }, threshold?: number) {
  const { Tags, ...definition } = spec.request
  void Tags
  return {
    ...definition,
    ...(threshold === undefined ? {} : { Threshold: threshold }),
    AlarmArn: `arn:aws:cloudwatch:us-east-1:123456789012:alarm:${spec.name}`,
    StateValue: 'OK'
  } as MetricAlarm
}

function fakeApi(alarms: MetricAlarm[], tags: Record<string, string> | Error) {
  const asked: string[] = []
  const api = {
    describeAlarms: async () => alarms,
    listAlarmTags: async (arn: string) => {
      asked.push(arn)
      if (tags instanceof Error) throw tags
      return tags
    }
  } as unknown as AwsApi
  return { api, asked }
}

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p
  } catch (e) {
    return (e as Error).message
  }
  return 'not refused'
}

describe('an alarm of the name the action would write', () => {
  it('is refused when the action did not create it, showing its definition and the ways out', async () => {
    const plan = buildPlan(REQUEST, RUN, CURRENT)
    const spec = plan.alarmsToCreate[0]!
    const theirs = {
      ...readBack(spec, 50),
      AlarmDescription: 'pages on-call',
      AlarmActions: ['arn:aws:sns:us-east-1:123456789012:oncall']
    }
    const { api, asked } = fakeApi([theirs], { team: 'ml' })
    const message = await refusal(checkAlarms(REQUEST, plan, { api, log: silent }))
    expect(message).toBe(
      `create-alarms would overwrite alarm(s) the action did not create: ${spec.name} (metric math over 7 metrics GreaterThanThreshold 50, period 60 s × 1, 1 alarm action, described "pages on-call"). PutMetricAlarm replaces an alarm's whole definition, its actions included, so nothing was written. Guard with your alarm as it is (create-alarms: false and alarm-names: ${plan.alarmsToCreate.map(a => a.name).join(', ')}), or have the action create its own under other names (alarm-name-prefix).`
    )
    expect(asked).toStrictEqual([theirs.AlarmArn])
  })

  it("the action's own alarm (its tags say so) is updated as before", async () => {
    const plan = buildPlan(REQUEST, RUN, CURRENT)
    const ours = readBack(plan.alarmsToCreate[0]!, 50)
    const { api } = fakeApi([ours], { [REPOSITORY_TAG]: 'octo/repo' })
    const found = await checkAlarms(REQUEST, plan, { api, log: silent })
    expect(found.get(plan.alarmsToCreate[0]!.name)?.Threshold).toBe(50)
  })

  it('one already up to date is not written, so its tags are not asked', async () => {
    const plan = buildPlan(REQUEST, RUN, CURRENT)
    const same = plan.alarmsToCreate.map(spec => readBack(spec))
    const { api, asked } = fakeApi(same, {})
    const found = await checkAlarms(REQUEST, plan, { api, log: silent })
    expect(found.size).toBe(plan.alarmsToCreate.length)
    expect(asked).toStrictEqual([])
  })

  it('tags that cannot be read stop the run, naming the permission when denied', async () => {
    const plan = buildPlan(REQUEST, RUN, CURRENT)
    const spec = plan.alarmsToCreate[1]!
    const denied = new AwsCallError(
      'ListTagsForResource',
      'AccessDenied',
      'User is not authorized to perform: cloudwatch:ListTagsForResource',
      403
    )
    const { api } = fakeApi([readBack(spec, 9)], denied)
    const message = await refusal(checkAlarms(REQUEST, plan, { api, log: silent }))
    expect(message).toContain(
      `${spec.name}, whose tags could not be read (ListTagsForResource failed: AccessDenied: User is not authorized to perform: cloudwatch:ListTagsForResource), so it cannot be told from an alarm of yours. Allow cloudwatch:ListTagsForResource to the role.`
    )
    const throttled = new AwsCallError('ListTagsForResource', 'Throttling', 'Rate exceeded', 400)
    const again = await refusal(
      checkAlarms(REQUEST, plan, { api: fakeApi([readBack(spec, 9)], throttled).api, log: silent })
    )
    expect(again).not.toContain('Allow cloudwatch')
    expect(again).toMatch(/^create-alarms would overwrite/)
  })
})
