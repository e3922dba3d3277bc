import { describe, expect, it } from '@jest/globals'
import { classifyWrite, describeState, readBack } from '../../src/target/endpoint/reconcile.js'

const ep = (config: string, pending?: string, status = 'Updating') => ({
  EndpointStatus: status,
  EndpointConfigName: config,
  ...(pending ? { PendingDeploymentSummary: { EndpointConfigName: pending } } : {})
})

describe('classifyWrite', () => {
  it("applied when this run's config is pending or live", () => {
    expect(classifyWrite(ep('old', 'mine'), 'mine')).toEqual({
      kind: 'applied',
      seen: 'Updating on old, deploying mine'
    })
    expect(classifyWrite(ep('mine', undefined, 'InService'), 'mine').kind).toBe('applied')
    expect(classifyWrite(ep('mine', undefined, 'Creating'), 'mine').kind).toBe('applied')
  })

  it('not applied when the endpoint runs or deploys something else, or does not exist', () => {
    expect(classifyWrite(ep('old', undefined, 'InService'), 'mine')).toEqual({
      kind: 'not-applied',
      seen: 'InService on old'
    })
    expect(classifyWrite(ep('old', 'other'), 'mine').kind).toBe('not-applied')
    expect(classifyWrite(undefined, 'mine')).toEqual({
      kind: 'not-applied',
      seen: 'the endpoint does not exist'
    })
  })

  it('describes a missing config name with "?"', () => {
    expect(describeState({ EndpointStatus: 'Creating' })).toBe('Creating on ?')
    expect(describeState({ EndpointConfigName: 'live' })).toBe('Unknown on live')
  })
})

describe('readBack', () => {
  function deps(answers: (unknown | Error)[]) {
    const reads: unknown[] = []
    const sleeps: number[] = []
    return {
      reads,
      sleeps,
      api: {
        describeEndpoint: async (_name: string, options: unknown) => {
          reads.push(options)
          const next = answers.shift()
          if (next instanceof Error) throw next
          return next as never
        }
      },
      sleep: async (ms: number) => void sleeps.push(ms)
    }
  }

  it('one read is enough when the write cannot still be on its way', async () => {
    const d = deps([ep('old', undefined, 'InService')])
    expect((await readBack(d, 'ep', 'mine', false)).kind).toBe('not-applied')
    expect(d.reads).toEqual([{ ignoreCancel: true, deadlineMs: 10_000 }])
  })

  it('a "not applied" read is confirmed 2 s later when the write may still arrive', async () => {
    const d = deps([ep('old', undefined, 'InService'), ep('old', 'mine')])
    expect((await readBack(d, 'ep', 'mine', true)).kind).toBe('applied')
    expect([d.reads.length, d.sleeps]).toEqual([2, [2000]])
  })

  it('a "not applied" read confirmed once is final: no third read', async () => {
    const d = deps([ep('old', undefined, 'InService'), ep('old', undefined, 'InService')])
    expect(await readBack(d, 'ep', 'mine', true)).toEqual({
      kind: 'not-applied',
      seen: 'InService on old'
    })
    expect([d.reads.length, d.sleeps]).toEqual([2, [2000]])
  })

  it('"applied" is final at once', async () => {
    const d = deps([ep('old', 'mine')])
    expect((await readBack(d, 'ep', 'mine', true)).kind).toBe('applied')
    expect(d.reads).toHaveLength(1)
  })

  it('unknown when no read succeeds, saying why', async () => {
    const d = deps([new Error('a'), new Error('b'), new Error('DescribeEndpoint failed: x')])
    expect(await readBack(d, 'ep', 'mine', true)).toEqual({
      kind: 'unknown',
      seen: 'no read succeeded (DescribeEndpoint failed: x)'
    })
    expect(d.sleeps).toEqual([2000, 2000])
  })
})
