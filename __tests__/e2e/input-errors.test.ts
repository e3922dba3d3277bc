// Refused input: the step fails fast, and the job summary still says why (headline and every
// problem), as every other failure does. No AWS call is made: no emulator is needed.
import { describe, expect, it } from '@jest/globals'
import { runAction } from '../../scripts/lib/action-runner.js'
import { step } from './helpers.js'

const REFUSED =
  'The inputs were refused before any AWS call: nothing was changed. Fix the step’s `with:` and run it again.'

/** The runner's escaping of a workflow command's message (`%`, CR and LF). */
const unescape = (message: string): string =>
  message.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%')

describe('refused input writes the job summary', () => {
  it('no inputs at all: the headline and all three problems', async () => {
    const r = await runAction({ inputs: {}, noDefaults: true, env: { AWS_REGION: '' } })
    expect(r.code).toBe(1)
    const problems = [
      'Input "endpoint-name" is required: the SageMaker endpoint to create or update.',
      'Input "region" is required: set it, or set AWS_REGION or AWS_DEFAULT_REGION (aws-actions/configure-aws-credentials does).',
      'Input "model-data-url" (or "model-package-arn", or "model-name") is required: nothing says what to deploy. Set model-data-url + image-uri + execution-role-arn (a new model from an artifact), model-package-arn + execution-role-arn (a Model Registry package), or model-name alone (an existing model).'
    ]
    expect(r.summary).toBe(
      [
        '## ❌ Inputs refused: (no endpoint name)',
        '',
        REFUSED,
        '',
        '**Failure reason:** 3 input problems:',
        '',
        // Markdown escapes the underscores of the variable names.
        ...problems.map(p => `- ${p.replace(/_/g, '\\_')}`),
        ''
      ].join('\n')
    )
    expect(r.outputs).toEqual({ outcome: 'failed', 'failure-reason': problems.join('\n') })
    expect(r.stdout).toBe(`::error::${problems.join('%0A')}\n`)
  })

  it('one bad input on a named endpoint: the endpoint in the headline, the input named', async () => {
    const lab = step('Model B')
    const r = await runAction({
      inputs: { ...lab.inputs, 'step-size': '99%' },
      env: { ...lab.github, AWS_REGION: 'us-east-1' }
    })
    expect(r.code).toBe(1)
    const problem =
      'Input "step-size" must be from 10% to 50% for a linear step (SageMaker\'s limit), or a whole number of instances, got "99%".'
    expect(r.summary).toBe(
      [
        '## ❌ Inputs refused: lab-endpoint',
        '',
        REFUSED,
        '',
        '**Failure reason:** 1 input problem:',
        '',
        `- ${problem}`,
        ''
      ].join('\n')
    )
    expect(r.outputs).toEqual({ outcome: 'failed', 'failure-reason': problem })
    // The same text as the step's error, so the two never disagree.
    const error = /^::error::(.*)$/m.exec(r.stdout)?.[1] ?? ''
    expect(unescape(error)).toBe(problem)
  })
})
