import { describe, expect, it } from '@jest/globals'
import { artifactLabel, fleetLabels } from '../../src/report/fleet-labels.js'
import { labPlan } from './fixtures.js'

describe('artifactLabel', () => {
  it.each([
    ['s3://lab-models/model-a/model.tar.gz', 'model-a/model.tar.gz'],
    [
      's3://my-models/fraud-scorer/5d41c8e0f3b2a79d6c1e4f8a0b3d5c7e9f1a2b4c/model.tar.gz',
      'fraud-scorer/5d41c8e/model.tar.gz'
    ],
    [
      's3://b/a-very-long-prefix/that-goes-on-and-on/for-a-while/v17/model.tar.gz',
      '…/v17/model.tar.gz'
    ],
    ['arn:aws:sagemaker:us-east-1:123456789012:model-package/fraud/3', 'package fraud v3'],
    ['not a url', 'not a url']
  ])('%s → %s', (artifact, label) => {
    expect(artifactLabel(artifact)).toBe(label)
  })
})

describe('fleetLabels', () => {
  const blue = (modelDataUrl: string | undefined) => ({
    modelName: 'lab-model-a',
    modelDataUrl,
    instanceType: 'ml.m5.large',
    instanceCount: 4
  })

  it('names what each fleet runs, without the part both share', () => {
    const plan = labPlan('b', { artifact: 's3://lab-models/model-b/model.tar.gz' })
    expect(fleetLabels(plan, blue('s3://lab-models/model-a/model.tar.gz'))).toEqual({
      blue: 'model-a',
      green: 'model-b'
    })
  })

  it('falls back to the model names when both run the same artifact', () => {
    const plan = labPlan('b', { artifact: 's3://lab-models/model-a/model.tar.gz' })
    expect(fleetLabels(plan, blue('s3://lab-models/model-a/model.tar.gz'))).toEqual({
      blue: 'lab-model-a',
      green: 'lab-model-b'
    })
  })

  it('uses the blue fleet the plan recorded when none is given', () => {
    const plan = labPlan('b', {
      artifact: 's3://lab-models/model-b/model.tar.gz',
      blueFleet: blue('s3://lab-models/model-a/model.tar.gz')
    })
    expect(fleetLabels(plan, undefined).blue).toBe('model-a')
  })
})
