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

  it('says the reason once when the summary repeats it', () => {
    const reason = 'Guarding alarm(s) already in ALARM: lab-endpoint-5xx-rate (crossed).'
    const md = renderError(
      'lab-endpoint',
      { ...failed, failureReason: reason, summary: `${reason} Nothing was changed in AWS.` },
      undefined,
      run
    )
    expect(md.split('Guarding alarm(s) already in ALARM')).toHaveLength(2)
    expect(md).toContain(
      `## ❌ Failed: lab-endpoint\n\n**Failure reason:** ${reason}\n\nNothing was changed in AWS.`
    )
  })
})
