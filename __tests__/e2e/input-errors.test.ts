// Refused input: the step fails fast, and the job summary still says why (headline and every
// problem), as every other failure does.
import { describe, expect, it } from '@jest/globals'
import { runAction } from '../../scripts/lib/action-runner.js'
import { step } from './helpers.js'

describe('refused input writes the job summary', () => {
  it('no inputs at all: the headline and all three problems', async () => {
    const r = await runAction({ inputs: {}, noDefaults: true, env: { AWS_REGION: '' } })
    expect(r.code).toBe(1)
    const lines = r.summary.split('\n')
    expect(lines[0]).toBe('## ❌ Failed: (no endpoint name)')
    expect(r.summary).toContain('**Failure reason:** 3 input problems:')
    expect(r.summary).toMatch(/^- Input "endpoint-name" is required: /m)
    expect(r.summary).toMatch(/^- Input "region" is required: /m)
    expect(r.summary).toMatch(
      /^- Input "model-data-url" \(or "model-package-arn", or "model-name"\) is required/m
    )
    expect(r.outputs.outcome).toBe('failed')
  })

  it('one bad input on a named endpoint: the endpoint in the headline, the input named', async () => {
    const lab = step('Model B')
    const r = await runAction({
      inputs: { ...lab.inputs, 'step-size': '99%' },
      env: { ...lab.github, AWS_REGION: 'us-east-1' }
    })
    expect(r.code).toBe(1)
    expect(r.summary.split('\n')[0]).toBe('## ❌ Failed: lab-endpoint')
    expect(r.summary).toContain('**Failure reason:** 1 input problem:')
    expect(r.summary).toMatch(/^- Input "step-size" .*99%/m)
    // The same text as the step's error, so the two never disagree.
    const error = /::error::(.*)/.exec(r.stdout)?.[1] ?? ''
    expect(error).toContain('Input "step-size"')
  })
})
