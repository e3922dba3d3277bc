import { describe, expect, it } from '@jest/globals'
import {
  closeNames,
  editDistance,
  missingInputForNew,
  refuseMissing,
  whereMissing
} from '../../../src/target/endpoint/missing.js'
import { buildPlan } from '../../../src/target/endpoint/plan.js'
import { readCurrentEndpoint } from '../../../src/target/endpoint/preflight.js'
import { InputError } from '../../../src/errors.js'
import { PreflightError } from '../../../src/deploy/preflight.js'
import type { AwsApi } from '../../../src/aws/api.js'
import { CURRENT, REQUEST, RUN } from '../../helpers/plan-fixtures.js'

const silent = { info: () => {}, warning: () => {}, error: () => {} }

/** The reads a missing endpoint makes: the account, the endpoints in the region. */
function fakeApi(o: { account?: string | Error; names?: string[] | Error; endpoint?: undefined }): {
  api: AwsApi
  calls: string[]
  options: unknown[]
} {
  const calls: string[] = []
  const options: unknown[] = []
  const api = {
    describeEndpoint: async () => {
      calls.push('DescribeEndpoint')
      return o.endpoint
    },
    callerAccount: async (read: unknown) => {
      calls.push('GetCallerIdentity')
      options.push(read)
      if (o.account instanceof Error) throw o.account
      return o.account
    },
    listEndpoints: async (filter: unknown, read: unknown) => {
      calls.push('ListEndpoints')
      options.push(filter, read)
      if (o.names instanceof Error) throw o.names
      return (o.names ?? []).map(EndpointName => ({ EndpointName }))
    }
  } as unknown as AwsApi
  return { api, calls, options }
}

async function messageOf(p: Promise<unknown>): Promise<{ type: string; message: string }> {
  try {
    await p
  } catch (e) {
    return { type: (e as Error).constructor.name, message: (e as Error).message }
  }
  return { type: 'none', message: 'not refused' }
}

describe('edit distance', () => {
  it('counts insertions, deletions and substitutions, ignoring case', () => {
    expect(editDistance('model-endpoint', 'model-endpont')).toBe(1)
    expect(editDistance('abc', 'abd')).toBe(1)
    expect(editDistance('abc', '')).toBe(3)
    expect(editDistance('', 'ab')).toBe(2)
    expect(editDistance('Churn-Prod', 'churn-prod')).toBe(0)
    expect(editDistance('kitten', 'sitting')).toBe(3)
  })
})

describe('close names', () => {
  it('finds typos and names that contain each other, closest first, at most five', () => {
    const names = ['churn-prod', 'churn-prd', 'churn-staging', 'fraud-prod', 'churn-prod-v2']
    expect(closeNames('churn-prod1', names)).toStrictEqual(['churn-prod', 'churn-prd'])
    // One name inside the other counts as close, however long the rest.
    expect(closeNames('churn', names)).toStrictEqual([
      'churn-prd',
      'churn-prod',
      'churn-prod-v2',
      'churn-staging'
    ])
    const many = ['ab-1', 'ab-2', 'ab-3', 'ab-4', 'ab-5', 'ab-6']
    expect(closeNames('ab-0', many)).toStrictEqual(['ab-1', 'ab-2', 'ab-3', 'ab-4', 'ab-5'])
  })

  it('a long name allows a quarter of its length in edits', () => {
    // 20 characters: 5 edits; never fewer than 2 for a short one.
    const names = ['fraud-scorer-stg-eu', 'churn-scorer-prod']
    expect(closeNames('fraud-scorer-prod-eu', names)).toStrictEqual(['fraud-scorer-stg-eu'])
    expect(closeNames('abcd', ['abxy', 'axyz'])).toStrictEqual(['abxy'])
  })

  it('never offers the name itself, nor one far from it', () => {
    expect(closeNames('churn-prod', ['churn-prod', 'fraud-detector'])).toStrictEqual([])
  })
})

describe('a missing endpoint', () => {
  it('says the region, the account and the close names', async () => {
    const { api, options } = fakeApi({
      account: '111122223333',
      names: ['lab-endpoint', 'other', 'lab-endpont2']
    })
    const request = { ...REQUEST, endpointName: 'lab-endpont', region: 'eu-west-1' }
    expect(await whereMissing(api, request)).toBe(
      'Endpoint "lab-endpont" does not exist in eu-west-1 (account 111122223333). Endpoints there with a close name: lab-endpoint, lab-endpont2.'
    )
    // Bounded reads: five pages at most, each within 15 s.
    expect(options).toStrictEqual([{ deadlineMs: 15_000 }, { maxPages: 5 }, { deadlineMs: 15_000 }])
  })

  it('a failed read is a note in the message, never the error', async () => {
    const { api } = fakeApi({
      account: new Error('ExpiredToken'),
      names: new Error('ListEndpoints failed: AccessDeniedException')
    })
    expect(await whereMissing(api, { ...REQUEST, region: 'us-west-2' })).toBe(
      'Endpoint "lab-endpoint" does not exist in us-west-2. The endpoints in us-west-2 could not be listed to look for a close name (ListEndpoints failed: AccessDeniedException).'
    )
  })

  it('an empty region, or no close name, is said as such', async () => {
    expect(await whereMissing(fakeApi({ account: '1', names: [] }).api, REQUEST)).toBe(
      'Endpoint "lab-endpoint" does not exist in us-east-1 (account 1). There is no endpoint in us-east-1.'
    )
    expect(await whereMissing(fakeApi({ names: ['zzzzzzzzzzzzzz'] }).api, REQUEST)).toBe(
      'Endpoint "lab-endpoint" does not exist in us-east-1. No endpoint there has a close name (1 listed).'
    )
  })

  it('with create-endpoint never, pre-flight refuses it before any write', async () => {
    const { api, calls } = fakeApi({ account: '123456789012', names: ['lab-endpoint-v2'] })
    const request = { ...REQUEST, createEndpoint: 'never' as const }
    const deps = { api, log: silent, now: () => 0, sleep: async () => {}, buildPlan }
    const got = await messageOf(readCurrentEndpoint(request, RUN, deps, 0))
    expect(got).toStrictEqual({
      type: 'PreflightError',
      message:
        'Endpoint "lab-endpoint" does not exist in us-east-1 (account 123456789012). Endpoints there with a close name: lab-endpoint-v2. With create-endpoint: never (the default) it is not created: fix endpoint-name or region, or set create-endpoint: if-missing (with instance-type and instance-count) to create a new endpoint.'
    })
    expect(calls.sort()).toStrictEqual(['DescribeEndpoint', 'GetCallerIdentity', 'ListEndpoints'])
    await expect(refuseMissing(api, request)).rejects.toBeInstanceOf(PreflightError)
  })

  it('with create-endpoint if-missing, a plan is made for the new endpoint', async () => {
    const { api } = fakeApi({})
    const deps = { api, log: silent, now: () => 0, sleep: async () => {}, buildPlan }
    const request = { ...REQUEST, instanceType: 'ml.m5.large', instanceCount: 2 }
    const found = await readCurrentEndpoint(request, RUN, deps, 0)
    expect(found.current).toBeNull()
    expect(found.plan.firstDeploy).toBe(true)
  })

  it('with if-missing but no instance-type, the input error names where the action looked', async () => {
    const { api } = fakeApi({ account: '123456789012', names: ['lab-endpoint-2'] })
    const request = { ...REQUEST, instanceType: undefined, instanceCount: 2 }
    const deps = { api, log: silent, now: () => 0, sleep: async () => {}, buildPlan }
    const got = await messageOf(readCurrentEndpoint(request, RUN, deps, 0))
    expect(got.type).toBe('InputError')
    expect(got.message).toMatch(
      /^Endpoint "lab-endpoint" does not exist in us-east-1 \(account 123456789012\)\. Endpoints there with a close name: lab-endpoint-2\. Creating it \(create-endpoint: if-missing\) needs more: Input "instance-type" is required: [^\n]* If it should exist, fix endpoint-name or region instead\.$/
    )
    const e = await missingInputForNew(api, request, new InputError('instance-count', 'x')).catch(
      (err: InputError) => err
    )
    expect((e as InputError).input).toBe('instance-count')
  })
})

describe('deployment guardrails exclusions', () => {
  it('an update on Inf1 or from a Marketplace package falls back to all at once: said why', async () => {
    const { guardrailExclusion } = await import('../../../src/target/endpoint/preflight.js')
    const plan = buildPlan(REQUEST, RUN, CURRENT)
    const update = { ...plan, instanceType: 'ml.inf1.xlarge' }
    expect(guardrailExclusion(update, false)).toBe(
      'Deployment guardrails exclude instance type ml.inf1.xlarge (Inf1): SageMaker applies this update all at once, with no traffic steps, no bake and no alarm rollback, so nothing can stop a bad model before it takes all the traffic.'
    )
    expect(guardrailExclusion({ ...update, instanceType: 'ml.m5.large' }, true)).toMatch(
      /^Deployment guardrails exclude an AWS Marketplace model package: /
    )
    expect(guardrailExclusion(update, true)).toMatch(
      /^Deployment guardrails exclude instance type ml\.inf1\.xlarge \(Inf1\) and an AWS Marketplace model package: /
    )
  })

  it('a first deploy shifts nothing, and other types are covered', async () => {
    const { guardrailExclusion } = await import('../../../src/target/endpoint/preflight.js')
    const plan = buildPlan(
      { ...REQUEST, instanceType: 'ml.inf1.xlarge', instanceCount: 2 },
      RUN,
      null
    )
    expect(plan.firstDeploy).toBe(true)
    expect(guardrailExclusion(plan, true)).toBeUndefined()
    expect(
      guardrailExclusion({ ...plan, firstDeploy: false, instanceType: 'ml.inf2.xlarge' }, false)
    ).toBeUndefined()
  })
})
