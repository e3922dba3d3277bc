import { describe, expect, it } from '@jest/globals'
import {
  rollBackRegression,
  rollbackRequest,
  type RollbackDeps
} from '../../src/guard/regression-rollback.js'
import type { Timeline, Verdict } from '../../src/types.js'
import { at, runE, T0 } from '../report/fixtures.js'

const PREVIOUS = 'lab-endpoint-config-a'
const NEW = runE.plan.endpointConfigName
const REGRESSED: Verdict = {
  ...runE.verdict,
  outcome: 'regressed',
  summary: 'lab-endpoint-config-e serves all the traffic and is failing.'
}
/** The regressed timeline; the service clock equals local time. */
const TIMELINE: Timeline = {
  ...runE.timeline,
  serviceClock: { firstLocal: T0, firstService: T0, lastLocal: at(300), lastService: at(300) }
}

interface Endpoint {
  EndpointStatus: string
  EndpointConfigName: string
  PendingDeploymentSummary?: { EndpointConfigName: string }
  LastModifiedTime?: Date
  FailureReason?: string
}

/**
 * A fake SageMaker: `endpoint(seconds)` is the endpoint at T+seconds; `update` what the
 * UpdateEndpoint call does (throws to fail).
 */
function fake(o: {
  endpoint: (seconds: number) => Endpoint
  update?: () => void
  config?: { ProductionVariants: { ModelName?: string }[] } | undefined | Error
  models?: Record<string, boolean>
  abortOnUpdate?: boolean
}) {
  let local = at(300)
  const calls: string[] = []
  const controller = new AbortController()
  const deps: RollbackDeps = {
    api: {
      describeEndpointConfig: async name => {
        calls.push(`DescribeEndpointConfig ${name}`)
        if (o.config instanceof Error) throw o.config
        return (
          'config' in o ? o.config : { ProductionVariants: [{ ModelName: 'model-a' }] }
        ) as never
      },
      describeModel: async name => {
        calls.push(`DescribeModel ${name}`)
        return (o.models?.[name] ?? true) ? ({ ModelName: name } as never) : undefined
      },
      updateEndpoint: async body => {
        calls.push(`UpdateEndpoint ${String(body['EndpointConfigName'])}`)
        if (o.abortOnUpdate) controller.abort()
        o.update?.()
      },
      describeEndpoint: async () => {
        calls.push('DescribeEndpoint')
        return o.endpoint((local - T0) / 1000) as never
      }
    },
    now: () => local,
    sleep: async ms => {
      local += ms
    },
    signal: controller.signal,
    log: { info: () => undefined, warning: () => undefined },
    pollIntervalMs: 10_000,
    budgetMs: 1_800_000
  }
  return { deps, calls, now: () => (local - T0) / 1000 }
}

const rollingBack =
  (done: number) =>
  (seconds: number): Endpoint =>
    seconds < done
      ? {
          EndpointStatus: 'Updating',
          EndpointConfigName: NEW,
          PendingDeploymentSummary: { EndpointConfigName: PREVIOUS }
        }
      : {
          EndpointStatus: 'InService',
          EndpointConfigName: PREVIOUS,
          LastModifiedTime: new Date(at(done))
        }

const run = (f: ReturnType<typeof fake>) =>
  rollBackRegression(runE.plan, TIMELINE, REGRESSED, f.deps)

describe('the rollback after a regression', () => {
  it('sends the previous config all at once, with no alarm to roll it back', () => {
    expect(rollbackRequest('lab-endpoint', PREVIOUS)).toEqual({
      EndpointName: 'lab-endpoint',
      EndpointConfigName: PREVIOUS,
      DeploymentConfig: {
        BlueGreenUpdatePolicy: {
          TrafficRoutingConfiguration: { Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: 0 },
          TerminationWaitInSeconds: 0
        }
      }
    })
  })

  it('checks, writes once, watches to the end: the previous config serves again', async () => {
    const f = fake({ endpoint: rollingBack(900) })
    const r = await run(f)
    expect(r.rolledBack).toBe(true)
    expect(r.verdict.outcome).toBe('regressed')
    expect(r.verdict.summary).toBe(
      `${REGRESSED.summary} The action rolled it back (on-regression: rollback): ${PREVIOUS} serves all the traffic again since T+15 min.`
    )
    expect(f.calls.filter(c => !c.startsWith('DescribeEndpoint '))).toEqual([
      `DescribeEndpointConfig ${PREVIOUS}`,
      'DescribeModel model-a',
      `UpdateEndpoint ${PREVIOUS}`,
      ...Array(60).fill('DescribeEndpoint')
    ])
    expect(
      r.timeline.steps.slice(-2).map(s => [(s.at - T0) / 1000, s.greenPercent, s.event])
    ).toEqual([
      [300, 100, `rolling back to ${PREVIOUS} (on-regression): all at once`],
      [900, 0, `rolled back by the action: ${PREVIOUS} serves all the traffic`]
    ])
  })

  it('a rollback sent at the time of the last row joins it: no empty step in the table', async () => {
    const f = fake({ endpoint: rollingBack(900) })
    const alarmRow = { at: at(300), bluePercent: 0, greenPercent: 100, event: 'alarm X in ALARM' }
    const r = await rollBackRegression(
      runE.plan,
      { ...TIMELINE, steps: [...TIMELINE.steps, alarmRow] },
      REGRESSED,
      f.deps
    )
    expect(
      r.timeline.steps.slice(-2).map(s => [(s.at - T0) / 1000, s.greenPercent, s.event])
    ).toEqual([
      [300, 100, `alarm X in ALARM; rolling back to ${PREVIOUS} (on-regression): all at once`],
      [900, 0, `rolled back by the action: ${PREVIOUS} serves all the traffic`]
    ])
  })

  it('a deleted config or model, or one that cannot be read: nothing written', async () => {
    for (const [o, text] of [
      [{ config: undefined }, `that endpoint config no longer exists`],
      [{ models: { 'model-a': false } }, `its model model-a no longer exists`],
      [
        { config: new Error('AccessDeniedException: no') },
        'reading it failed (AccessDeniedException: no), so nothing was written'
      ]
    ] as const) {
      const f = fake({ endpoint: rollingBack(900), ...o })
      const r = await run(f)
      expect(f.calls.filter(c => c.startsWith('UpdateEndpoint'))).toEqual([])
      expect(r.rolledBack).toBe(false)
      expect(r.verdict.summary).toContain(`The action cannot roll back to ${PREVIOUS}: ${text}`)
      // One instruction: not also "deploy it again" when it no longer exists.
      const undo = {
        ...REGRESSED,
        summary: `${REGRESSED.summary} To undo, deploy ${PREVIOUS} again.`
      }
      const again = await rollBackRegression(
        runE.plan,
        TIMELINE,
        undo,
        fake({ endpoint: rollingBack(900), ...o }).deps
      )
      expect(again.verdict.summary).toBe(r.verdict.summary)
    }
  })

  it('a refused write that a read proves not applied: said so, nothing watched', async () => {
    const f = fake({
      endpoint: () => ({ EndpointStatus: 'InService', EndpointConfigName: NEW }),
      update: () => {
        throw new Error('ThrottlingException: Rate exceeded')
      }
    })
    const r = await run(f)
    expect(r.rolledBack).toBe(false)
    expect(r.verdict.summary).toContain(
      `The rollback to ${PREVIOUS} failed: ThrottlingException: Rate exceeded. A read afterwards shows the endpoint still on ${NEW}: not rolled back. Deploy ${PREVIOUS} again.`
    )
    expect(f.calls.filter(c => c === 'DescribeEndpoint')).toHaveLength(1)
  })

  it('a lost answer that a read shows applied: watched to the end as any other', async () => {
    const f = fake({
      endpoint: rollingBack(900),
      update: () => {
        throw new Error('socket hang up')
      }
    })
    const r = await run(f)
    expect(r.rolledBack).toBe(true)
  })

  it('a cancellation during the write: the read says SageMaker has it, and no watch', async () => {
    const f = fake({
      endpoint: rollingBack(900),
      abortOnUpdate: true,
      update: () => {
        throw new Error('Request aborted')
      }
    })
    const r = await run(f)
    expect(r.rolledBack).toBe(false)
    expect(r.verdict.summary).toContain(
      `The job was cancelled after SageMaker accepted the rollback to ${PREVIOUS}: it goes on unwatched (the endpoint is Updating on ${NEW}, updating to ${PREVIOUS}).`
    )
    expect(f.now()).toBe(300)
  })

  it('an endpoint that fails, or does not take the config, or outlasts the wait', async () => {
    const failed = fake({
      endpoint: s =>
        s < 600
          ? rollingBack(10_000)(s)
          : { EndpointStatus: 'Failed', EndpointConfigName: NEW, FailureReason: 'capacity' }
    })
    expect((await run(failed)).verdict.summary).toContain(
      `The rollback to ${PREVIOUS} failed: the endpoint is Failed (capacity).`
    )
    const reverted = fake({
      endpoint: s =>
        s < 600 ? rollingBack(10_000)(s) : { EndpointStatus: 'InService', EndpointConfigName: NEW }
    })
    expect((await run(reverted)).verdict.summary).toContain(
      `The rollback to ${PREVIOUS} did not take: the endpoint is InService on ${NEW}. Deploy ${PREVIOUS} again.`
    )
    const slow = fake({ endpoint: rollingBack(100_000) })
    expect((await run(slow)).verdict.summary).toContain(
      `The rollback to ${PREVIOUS} had not finished when the action stopped waiting`
    )
    expect(slow.now()).toBe(300 + 1800)
  })
})
