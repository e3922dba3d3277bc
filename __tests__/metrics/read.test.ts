import { describe, it, expect } from '@jest/globals'
import type {
  GetMetricDataCommandInput,
  GetMetricDataCommandOutput
} from '@aws-sdk/client-cloudwatch'
import { AwsCallError } from '../../src/aws/api.js'
import { readRolloutMetrics } from '../../src/metrics/read.js'
import { firstDeploy, runB } from '../report/fixtures.js'
import { recordedResults, recordedSeries } from './recorded.js'

type Results = NonNullable<GetMetricDataCommandOutput['MetricDataResults']>

/** A GetMetricData that answers from pages and records every input. */
function fakeApi(pages: { results: Results; token?: string }[]) {
  const inputs: GetMetricDataCommandInput[] = []
  return {
    inputs,
    api: {
      getMetricData: async (input: GetMetricDataCommandInput) => {
        inputs.push(input)
        const page = pages[inputs.length - 1] ?? { results: [] }
        return {
          MetricDataResults: page.results,
          NextToken: page.token,
          Messages: [],
          $metadata: {}
        } as GetMetricDataCommandOutput
      }
    }
  }
}

describe('readRolloutMetrics', () => {
  it('reads every query in one call and folds the datapoints', async () => {
    const { api, inputs } = fakeApi([{ results: recordedResults(recordedSeries()) }])
    const metrics = await readRolloutMetrics(api, runB.plan, runB.timeline)
    expect(inputs).toHaveLength(1)
    expect(inputs[0]!.MetricDataQueries).toHaveLength(16)
    expect(inputs[0]!.StartTime).toEqual(new Date(runB.timeline.startedAt - 5 * 60_000))
    expect(inputs[0]!.ScanBy).toBe('TimestampAscending')
    expect(metrics?.calls).toBe(1)
    expect(metrics?.split).toBe('per-fleet')
    expect(metrics?.steps[1]?.green?.errorRate5xxPercent).toBe(20)
    expect(metrics?.steps[1]?.blue?.errorRate5xxPercent).toBe(0)
  })

  it('pages with NextToken and merges one series split across pages', async () => {
    const results = recordedResults(recordedSeries())
    const half = (r: Results[number], first: boolean): Results[number] => {
      const cut = Math.ceil((r.Timestamps ?? []).length / 2)
      return {
        ...r,
        Timestamps: first ? r.Timestamps!.slice(0, cut) : r.Timestamps!.slice(cut),
        Values: first ? r.Values!.slice(0, cut) : r.Values!.slice(cut)
      }
    }
    const { api, inputs } = fakeApi([
      { results: results.map(r => half(r, true)), token: 'page-2' },
      { results: results.map(r => half(r, false)) }
    ])
    const metrics = await readRolloutMetrics(api, runB.plan, runB.timeline)
    expect(inputs.map(i => i.NextToken)).toEqual([undefined, 'page-2'])
    expect(metrics?.calls).toBe(2)
    expect(metrics?.phases[0]?.endpoint.requests).toBe(3000)
    expect(metrics?.steps[2]?.green?.requests).toBe(200)
  })

  it('stops after three calls and says the figures are partial', async () => {
    const page = { results: [] as Results, token: 'more' }
    const { api, inputs } = fakeApi([page, page, page, page, page])
    const metrics = await readRolloutMetrics(api, runB.plan, runB.timeline)
    expect(inputs).toHaveLength(3)
    expect(metrics?.warning).toMatch(/partial/)
  })

  it('never throws: an API error becomes a warning with no figures', async () => {
    const api = {
      getMetricData: async (): Promise<GetMetricDataCommandOutput> => {
        throw new AwsCallError('GetMetricData', 'AccessDenied', 'not authorized', 403)
      }
    }
    const metrics = await readRolloutMetrics(api, runB.plan, runB.timeline)
    expect(metrics?.steps).toEqual([])
    expect(metrics?.warning).toBe(
      'Could not read the CloudWatch metrics: GetMetricData failed: AccessDenied: not authorized'
    )
  })

  it('never throws on a non-Error rejection or a malformed answer', async () => {
    const rejecting = { getMetricData: () => Promise.reject('socket hang up') }
    expect((await readRolloutMetrics(rejecting, runB.plan, runB.timeline))?.warning).toMatch(
      /socket hang up/
    )
    const malformed = {
      getMetricData: async () =>
        ({
          MetricDataResults: [{ Id: 'green_invocations', Timestamps: ['x'], Values: [1] }],
          $metadata: {}
        }) as unknown as GetMetricDataCommandOutput
    }
    const metrics = await readRolloutMetrics(malformed, runB.plan, runB.timeline)
    expect(metrics?.warning).toBeUndefined()
    expect(metrics?.steps).toHaveLength(runB.timeline.steps.length)
  })

  it('gives up after its time budget', async () => {
    const hanging = { getMetricData: () => new Promise<GetMetricDataCommandOutput>(() => {}) }
    const metrics = await readRolloutMetrics(hanging, runB.plan, runB.timeline, { timeoutMs: 20 })
    expect(metrics?.warning).toMatch(/no answer within/)
  })

  it('reads nothing when the timeline has no step', async () => {
    const { api, inputs } = fakeApi([])
    const timeline = { ...firstDeploy.timeline, steps: [] }
    expect(await readRolloutMetrics(api, firstDeploy.plan, timeline)).toBeUndefined()
    expect(inputs).toHaveLength(0)
  })
})
