import { describe, expect, it } from '@jest/globals'
import { restorePlan, type RestoreTarget } from '../../../src/target/endpoint/restore.js'
import { RESTORE_POLICY } from '../../../src/inputs/restore.js'
import { CURRENT, REQUEST } from '../../helpers/plan-fixtures.js'
import type { DeployRequest } from '../../../src/types.js'

const RESTORE: DeployRequest = {
  ...REQUEST,
  rollbackTo: 'previous',
  policy: RESTORE_POLICY,
  createAlarms: false,
  alarmNames: []
}

const TARGET: RestoreTarget = {
  facts: {
    requested: 'previous',
    configName: 'lab-endpoint-config-0',
    replacedBy: CURRENT.configName,
    models: [
      { variantName: 'Shadow', modelName: 'model-shadow' },
      { variantName: 'AllTraffic', modelName: 'model-0' }
    ]
  },
  variantName: 'AllTraffic',
  instanceType: 'ml.c5.xlarge',
  instanceCount: 2,
  modelDataUrl: 's3://b/model-0.tar.gz'
}

// Each test builds its plan: the mutation run counts what a test itself ran.
const restore = () => restorePlan(RESTORE, CURRENT, TARGET, 480)

describe('restorePlan', () => {
  it('sends the regression rollback request to the config, and nothing else', () => {
    const plan = restore()
    expect(plan.updateEndpoint).toStrictEqual({
      EndpointName: 'lab-endpoint',
      EndpointConfigName: 'lab-endpoint-config-0',
      DeploymentConfig: {
        BlueGreenUpdatePolicy: {
          TrafficRoutingConfiguration: { Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: 0 },
          TerminationWaitInSeconds: 0
        }
      }
    })
    expect(plan.createModel).toBeUndefined()
    expect(plan.createEndpoint).toBeUndefined()
    expect(plan.createEndpointConfig).toStrictEqual({})
    expect(plan.alarmsToCreate).toStrictEqual([])
    expect(plan.guardAlarmNames).toStrictEqual([])
    expect(plan.tags).toStrictEqual([])
    expect(plan.carriedOver).toStrictEqual([])
    expect(plan.warnings).toStrictEqual([])
    expect(plan.secretValues).toStrictEqual([])
    expect(plan.createsModel).toBe(false)
    expect(plan.firstDeploy).toBe(false)
  })

  it("describes both fleets: the live one as blue, the restored config's as green", () => {
    const plan = restore()
    expect(plan.previousConfigName).toBe(CURRENT.configName)
    expect(plan.blueModelName).toBe(CURRENT.modelName)
    expect(plan.blueFleet).toStrictEqual({
      modelName: CURRENT.modelName,
      modelDataUrl: CURRENT.modelDataUrl,
      instanceType: CURRENT.instanceType,
      instanceCount: CURRENT.instanceCount
    })
    expect(plan.endpointConfigName).toBe('lab-endpoint-config-0')
    expect(plan.greenModelName).toBe('model-0')
    expect(plan.variantName).toBe('AllTraffic')
    expect(plan.instanceType).toBe('ml.c5.xlarge')
    expect(plan.instanceCount).toBe(2)
    expect(plan.artifact).toBe('s3://b/model-0.tar.gz')
    expect(plan.restore).toBe(TARGET.facts)
  })

  it("takes the main variant's model, else the first", () => {
    expect(restore().greenModelName).toBe('model-0')
    const other = restorePlan(RESTORE, CURRENT, { ...TARGET, variantName: 'Gone' }, 480)
    expect(other.greenModelName).toBe('model-shadow')
    const none = restorePlan(
      RESTORE,
      CURRENT,
      { ...TARGET, facts: { ...TARGET.facts, models: [] } },
      480
    )
    expect(none.greenModelName).toBe('?')
  })

  it('schedules one shift after provisioning, then blue is decommissioned', () => {
    const plan = restore()
    expect(plan.schedule.map(s => [s.offsetSeconds, s.greenPercent])).toStrictEqual([
      [0, 0],
      [480, 100]
    ])
    expect(plan.expectedDurationSeconds).toBe(480 + 60)
    expect(plan.peakInstances).toStrictEqual({ blueGreen: 2 + 2, rolling: 2 + 2 })
  })

  it('waits for provisioning plus a margin, or the timeout input', () => {
    const plan = restore()
    expect(plan.budgetSeconds).toBe(1800 + 600)
    expect(
      restorePlan({ ...RESTORE, timeoutMinutes: 12.5 }, CURRENT, TARGET, 480).budgetSeconds
    ).toBe(750)
    expect(
      restorePlan({ ...RESTORE, timeoutMinutes: 0.001 }, CURRENT, TARGET, 480).budgetSeconds
    ).toBe(1)
  })

  it('says what it restores and how it was found', () => {
    const plan = restore()
    expect(plan.notes).toStrictEqual([
      `Restore: lab-endpoint-config-0, the config ${CURRENT.configName} replaced (rollback-to: previous). One UpdateEndpoint puts it back all at once, with no bake and no alarm (the request of on-regression: rollback); nothing is created.`
    ])
    const named = restorePlan(
      { ...RESTORE, rollbackTo: 'lab-endpoint-config-0' },
      CURRENT,
      {
        ...TARGET,
        facts: {
          requested: 'lab-endpoint-config-0',
          configName: 'lab-endpoint-config-0',
          models: []
        }
      },
      480
    )
    expect(named.notes[0]).toMatch(/^Restore: lab-endpoint-config-0 \(named in rollback-to\)\. One/)
  })

  it('fingerprints the restore by its config: two configs, two steps', () => {
    const plan = restore()
    const other = restorePlan(
      RESTORE,
      CURRENT,
      { ...TARGET, facts: { ...TARGET.facts, configName: 'lab-endpoint-config-9' } },
      480
    )
    expect(plan.stepHash).toMatch(/^[0-9a-f]{16}$/)
    expect(other.stepHash).not.toBe(plan.stepHash)
    expect(restorePlan(RESTORE, CURRENT, TARGET, 300).stepHash).toBe(plan.stepHash)
  })
})
