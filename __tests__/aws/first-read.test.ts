import { describe, expect, it } from '@jest/globals'
import type { AwsApi } from '../../src/aws/api.js'
import { FRESH_MS, withFirstRead } from '../../src/aws/first-read.js'

function fakeApi(answers: (() => Promise<unknown>)[]) {
  const sent: { name: string; options: unknown }[] = []
  const api = {
    describeEndpoint: (name: string, options?: unknown) => {
      sent.push({ name, options })
      const next = answers.shift()
      return (next ? next() : Promise.resolve({ EndpointName: name, n: sent.length })) as never
    },
    close: () => undefined
  } as unknown as AwsApi
  return { api, sent }
}

describe('the first request sent early', () => {
  it("sends pre-flight's first read at once and hands its answer to pre-flight, once", async () => {
    const { api, sent } = fakeApi([])
    let now = 1000
    const primed = withFirstRead(api, 'ep', () => now)
    expect(sent).toEqual([{ name: 'ep', options: undefined }])
    now += 500
    await expect(primed.describeEndpoint('ep')).resolves.toEqual({ EndpointName: 'ep', n: 1 })
    // The next read is a new request.
    await expect(primed.describeEndpoint('ep')).resolves.toEqual({ EndpointName: 'ep', n: 2 })
    expect(sent).toHaveLength(2)
  })

  it('does not hand it to a read with a deadline, or of another endpoint, or after 30 s', async () => {
    for (const [name, options, wait] of [
      ['ep', { deadlineMs: 1000 }, 0],
      ['other', undefined, 0],
      ['ep', undefined, FRESH_MS + 1]
    ] as const) {
      const { api, sent } = fakeApi([])
      let now = 0
      const primed = withFirstRead(api, 'ep', () => now)
      now += wait
      await primed.describeEndpoint(name, options)
      expect(sent.map(s => s.name)).toEqual(['ep', name])
    }
  })

  it('a failed early read is no unhandled rejection: pre-flight gets the error', async () => {
    const { api } = fakeApi([
      () => Promise.reject(new Error('DescribeEndpoint failed: ExpiredToken'))
    ])
    const primed = withFirstRead(api, 'ep', () => 0)
    await new Promise(resolve => setTimeout(resolve, 10))
    await expect(primed.describeEndpoint('ep')).rejects.toThrow('ExpiredToken')
  })
})
