import { describe, expect, it } from '@jest/globals'
import type { AwsApi } from '../../src/aws/api.js'
import { AwsCallError } from '../../src/aws/errors.js'
import { QUOTA_WINDOW_MS, withPatientReads } from '../../src/aws/patient-reads.js'

const throttled = (op: string) => new AwsCallError(op, 'ThrottlingException', 'Rate exceeded', 400)

function scripted(failures: Record<string, (Error | undefined)[]>) {
  const sent: { op: string; arg: unknown; options: unknown }[] = []
  const read =
    (op: string) =>
    (arg: unknown, options?: unknown): Promise<unknown> => {
      sent.push({ op, arg, options })
      const next = failures[op]?.shift()
      return next ? Promise.reject(next) : Promise.resolve({ op, arg })
    }
  const api = {
    describeEndpoint: read('DescribeEndpoint'),
    describeEndpointConfig: read('DescribeEndpointConfig'),
    describeModel: read('DescribeModel'),
    describeInferenceComponent: read('DescribeInferenceComponent'),
    listTags: read('ListTags'),
    listEndpointConfigs: read('ListEndpointConfigs'),
    describeAlarms: read('DescribeAlarms'),
    updateEndpoint: read('UpdateEndpoint'),
    close: () => undefined
  } as unknown as AwsApi
  return { api, sent }
}

function clock() {
  let t = 0
  const slept: number[] = []
  return {
    slept,
    now: () => t,
    sleep: async (ms: number) => {
      slept.push(ms)
      t += ms
    },
    random: () => 0.5
  }
}

describe('reads that outlast shared quotas', () => {
  it('retries every default read on throttling, logs each pause, and returns the answer', async () => {
    const reads = [
      ['describeEndpoint', 'DescribeEndpoint'],
      ['describeEndpointConfig', 'DescribeEndpointConfig'],
      ['describeModel', 'DescribeModel'],
      ['describeInferenceComponent', 'DescribeInferenceComponent'],
      ['listTags', 'ListTags'],
      ['listEndpointConfigs', 'ListEndpointConfigs'],
      ['describeAlarms', 'DescribeAlarms']
    ] as const
    for (const [method, op] of reads) {
      const { api, sent } = scripted({ [op]: [throttled(op), throttled(op)] })
      const c = clock()
      const lines: string[] = []
      const patient = withPatientReads(api, { ...c, log: l => lines.push(l) })
      const read = patient[method] as (arg: unknown) => Promise<unknown>
      await expect(read('x')).resolves.toEqual({ op, arg: 'x' })
      expect(sent.map(s => s.op)).toEqual([op, op, op])
      expect(c.slept).toHaveLength(2)
      expect(lines).toHaveLength(2)
      expect(lines[0]).toMatch(
        new RegExp(
          `^${op}: throttled \\(ThrottlingException\\); trying again in \\d+ s \\(attempt 2\\)$`
        )
      )
      expect(lines[1]).toContain('(attempt 3)')
    }
  })

  it('gives up after the quota window with the last throttling error', async () => {
    const many = Array.from({ length: 100 }, () => throttled('DescribeEndpoint'))
    const { api, sent } = scripted({ DescribeEndpoint: many })
    const c = clock()
    const patient = withPatientReads(api, { ...c, log: () => undefined })
    await expect(patient.describeEndpoint('ep')).rejects.toThrow('ThrottlingException')
    expect(c.now()).toBeLessThanOrEqual(QUOTA_WINDOW_MS)
    // Long enough to matter: more than a few attempts, spread over minutes.
    expect(sent.length).toBeGreaterThan(5)
    expect(c.now()).toBeGreaterThan(QUOTA_WINDOW_MS / 2)
  })

  it('does not retry other errors, nor reads with their own options, nor writes', async () => {
    const denied = new AwsCallError('DescribeEndpoint', 'AccessDeniedException', 'no', 400)
    const { api, sent } = scripted({
      DescribeEndpoint: [denied, throttled('DescribeEndpoint')],
      UpdateEndpoint: [throttled('UpdateEndpoint')]
    })
    const c = clock()
    const patient = withPatientReads(api, { ...c, log: () => undefined })
    await expect(patient.describeEndpoint('ep')).rejects.toBe(denied)
    await expect(patient.describeEndpoint('ep', { deadlineMs: 5000 })).rejects.toThrow(
      'ThrottlingException'
    )
    await expect(patient.updateEndpoint({} as never)).rejects.toThrow('ThrottlingException')
    expect(sent.map(s => [s.op, s.options])).toEqual([
      ['DescribeEndpoint', undefined],
      ['DescribeEndpoint', { deadlineMs: 5000 }],
      ['UpdateEndpoint', undefined]
    ])
    expect(c.slept).toEqual([])
  })

  it('stops retrying once the run is cancelled', async () => {
    const { api, sent } = scripted({
      DescribeEndpoint: [throttled('DescribeEndpoint'), throttled('DescribeEndpoint')]
    })
    const c = clock()
    const cancel = new AbortController()
    const patient = withPatientReads(api, {
      ...c,
      signal: cancel.signal,
      sleep: async ms => {
        await c.sleep(ms)
        cancel.abort()
      },
      log: () => undefined
    })
    await expect(patient.describeEndpoint('ep')).rejects.toThrow('ThrottlingException')
    expect(sent).toHaveLength(1)
  })
})
