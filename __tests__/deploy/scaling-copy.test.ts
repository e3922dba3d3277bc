import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { COPY_KEY, copyFromTags, copyTags } from '../../src/deploy/scaling-copy.js'
import type { SavedScaling } from '../../src/types.js'

// What SageMaker accepts as a tag value (AddTags model: Value pattern), at most 256 characters.
const TAG_VALUE = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{0,256}$/u

const base = {
  ServiceNamespace: 'sagemaker',
  ResourceId: 'endpoint/fraud/variant/AllTraffic',
  ScalableDimension: 'sagemaker:variant:DesiredInstanceCount'
}

function saved(policies = 1): SavedScaling {
  return {
    resourceId: base.ResourceId,
    target: {
      ...base,
      MinCapacity: 2,
      MaxCapacity: 8,
      RoleARN: 'arn:aws:iam::123456789012:role/aas',
      Tags: { team: 'fraud', 'data class': 'pii: none' }
    },
    policies: Array.from({ length: policies }, (_, i) => ({
      ...base,
      PolicyName: `invocations-${i}`,
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingScalingPolicyConfiguration: {
        TargetValue: 70 + i,
        PredefinedMetricSpecification: {
          PredefinedMetricType: 'SageMakerVariantInvocationsPerInstance'
        },
        ScaleInCooldown: 300,
        ScaleOutCooldown: 60
      }
    })),
    scheduledActions: [
      {
        ...base,
        ScheduledActionName: 'night',
        Schedule: 'cron(0 22 * * ? *)',
        Timezone: 'Europe/Berlin',
        StartTime: '2026-12-01T00:00:00.000Z',
        ScalableTargetAction: { MinCapacity: 1, MaxCapacity: 2 }
      }
    ]
  }
}

describe('the copy of saved auto scaling in endpoint tags', () => {
  it('is tags SageMaker accepts, read back whole, with the run that wrote it', () => {
    const tags = copyTags(saved(2), '9876543210')!
    expect(tags[0]).toEqual({ Key: COPY_KEY, Value: `${tags.length - 1} 9876543210` })
    for (const tag of tags) {
      expect(tag.Key.length).toBeLessThanOrEqual(128)
      expect(tag.Value).toMatch(TAG_VALUE)
    }
    const found = copyFromTags({
      team: 'fraud',
      ...Object.fromEntries(tags.map(t => [t.Key, t.Value]))
    })
    expect(found).toEqual({ saved: saved(2), runId: '9876543210', keys: tags.map(t => t.Key) })
  })

  it('spreads over several tags when it must, and refuses what would crowd out the user’s tags', () => {
    expect(copyTags(saved(1), '1')!.length).toBe(4)
    // Names that do not compress: 60 policies named by a SHA-256 each.
    const many: SavedScaling = {
      ...saved(0),
      policies: Array.from({ length: 60 }, (_, i) => ({
        PolicyName: createHash('sha256').update(String(i)).digest('hex'),
        PolicyType: 'StepScaling'
      }))
    }
    expect(copyTags(many, '1')).toBeUndefined()
  })

  it('no copy, or a copy with a chunk missing or damaged, reads as none', () => {
    const tags = Object.fromEntries(copyTags(saved(), '7')!.map(t => [t.Key, t.Value]))
    expect(copyFromTags({ team: 'fraud' })).toBeUndefined()
    const { [`${COPY_KEY}-1`]: gone, ...missing } = tags
    void gone
    expect(copyFromTags(missing)).toBeUndefined()
    expect(copyFromTags({ ...tags, [`${COPY_KEY}-1`]: 'AAAA' })).toBeUndefined()
    expect(copyFromTags({ ...tags, [COPY_KEY]: 'two 7' })).toBeUndefined()
  })
})
