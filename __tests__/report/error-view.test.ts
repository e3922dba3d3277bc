import { describe, it, expect } from '@jest/globals'
import { renderError } from '../../src/report/error-view.js'
import type { Verdict } from '../../src/types.js'
import { HOSTILE, labPlan, run } from './fixtures.js'

const failed: Verdict = {
  outcome: 'failed',
  summary: 'Input instance-count must be a whole number of at least 1.',
  failureReason: HOSTILE,
  triggeredAlarms: [],
  finalConfigName: undefined,
  finalStatus: undefined
}

describe('renderError', () => {
  it('renders the verdict without a plan', () => {
    const md = renderError('lab-endpoint', failed, undefined, run)
    expect(md.startsWith('## ❌ Failed: lab-endpoint\n')).toBe(true)
    expect(md).toContain('Input instance-count must be a whole number of at least 1.')
    expect(md).toContain('**Failure reason:** &lt;script&gt;')
    expect(md).not.toMatch(/<script/)
    expect(md).toContain('(https://github.com/acme/ml-models/actions/runs/9876543210/attempts/2)')
  })

  it('links the endpoint and lists the planned resources when a plan exists', () => {
    const md = renderError('lab-endpoint', failed, labPlan('b'), run)
    expect(md).toContain(
      '## ❌ Failed: [lab-endpoint](https://eu-west-1.console.aws.amazon.com/sagemaker/home?region=eu-west-1#/endpoints/lab-endpoint)'
    )
    expect(md).toContain('No traffic was shifted.')
    expect(md).toContain('|   | Blue (live) | Green (planned) |')
  })
})
