import { describe, expect, it } from '@jest/globals'
import { PreflightError, refuseUnread, shortTimeout } from '../../src/deploy/preflight.js'
import type { DeployRequest, Plan, UnreadSetting } from '../../src/types.js'

const TAGS: UnreadSetting = {
  read: 'ListTags live-config',
  protects: "the live config's tags, which the new config carries",
  error: 'ListTags failed: ThrottlingException: Rate exceeded',
  forNewModel: false
}
const MODEL: UnreadSetting = {
  read: 'DescribeModel model-a',
  protects: "the live model's network settings (VpcConfig, EnableNetworkIsolation)",
  error: 'DescribeModel failed: AccessDeniedException: not authorized',
  deniedPermission: 'sagemaker:DescribeModel',
  forNewModel: true
}

const refusal = (unread: UnreadSetting[] | undefined, createsModel: boolean): string => {
  try {
    refuseUnread(unread, createsModel)
  } catch (e) {
    expect(e).toBeInstanceOf(PreflightError)
    return (e as Error).message
  }
  return 'not refused'
}

describe('a setting of the live endpoint that could not be read', () => {
  it('stops the run before any write, naming the read, what it protects and what to do', () => {
    expect(refusal([TAGS], false)).toBe(
      "Could not read ListTags live-config (ListTags failed: ThrottlingException: Rate exceeded), which protects the live config's tags, which the new config carries. Going on would deploy without them, so nothing was changed. Re-run once it can be read."
    )
  })

  it('names the permission to add when access was denied, and model-name as the way around a model', () => {
    expect(refusal([TAGS, MODEL], true)).toBe(
      "Could not read ListTags live-config (ListTags failed: ThrottlingException: Rate exceeded), which protects the live config's tags, which the new config carries; and DescribeModel model-a (DescribeModel failed: AccessDeniedException: not authorized), which protects the live model's network settings (VpcConfig, EnableNetworkIsolation). Going on would deploy without them, so nothing was changed. Allow sagemaker:DescribeModel to the role (docs/iam-policy.json has every permission the action uses). Or name a model you created with the settings you want in model-name: the action then creates no model."
    )
  })

  it("the live model's settings stop only a step that creates a model", () => {
    expect(refusal([MODEL], false)).toBe('not refused')
    expect(refusal([MODEL], true)).toMatch(/^Could not read DescribeModel model-a /)
    expect(refusal([TAGS, MODEL], false)).toMatch(/^Could not read ListTags live-config .*read\.$/)
  })

  it('nothing unread: goes on', () => {
    expect(refusal(undefined, true)).toBe('not refused')
    expect(refusal([], true)).toBe('not refused')
  })

  it('names a permission once however many reads it denied', () => {
    const again = { ...MODEL, read: 'DescribeModel model-b' }
    expect(refusal([MODEL, again], true)).toContain(
      'Allow sagemaker:DescribeModel to the role (docs/iam-policy.json'
    )
    expect(refusal([MODEL, again], true).match(/Allow/g)).toHaveLength(1)
  })
})

describe('a timeout shorter than the rollout', () => {
  const plan = { expectedDurationSeconds: 1230, budgetSeconds: 600 } as Plan
  const request = (timeoutMinutes: number | undefined) => ({ timeoutMinutes }) as DeployRequest

  it('is refused, naming both figures and what to do', () => {
    expect(shortTimeout(request(10), plan)).toBe(
      'Input "timeout" is 10 min, shorter than the 21 min this rollout is expected to take (provisioning, every step and bake): the job would stop watching and report timed-out while SageMaker goes on. Raise timeout to at least 21 min, or leave it empty to derive it from the policy.'
    )
  })

  it('one as long as the rollout, or none (derived), passes', () => {
    expect(shortTimeout(request(21), { ...plan, budgetSeconds: 1260 })).toBeUndefined()
    expect(shortTimeout(request(undefined), plan)).toBeUndefined()
  })
})
