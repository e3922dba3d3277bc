import { describe, it, expect } from '@jest/globals'
import { InputError } from '../src/errors.js'
import {
  alarmNamesFromDeploymentConfig,
  checkStepSize,
  deploymentConfig,
  executionTimeout,
  expectedSchedule,
  peakInstances,
  policyFromDeploymentConfig
} from '../src/rollout-policy.js'
import type { RolloutPolicy, StepSize } from '../src/types.js'

const policy = (
  routing: RolloutPolicy['routing'],
  stepSize: StepSize,
  waitIntervalSeconds: number,
  terminationWaitSeconds = 0,
  maxExecutionTimeoutSeconds: number | undefined = undefined
): RolloutPolicy => ({
  routing,
  stepSize,
  waitIntervalSeconds,
  terminationWaitSeconds,
  maxExecutionTimeoutSeconds
})
const percent = (value: number): StepSize => ({ type: 'CAPACITY_PERCENT', value })
const instances = (value: number): StepSize => ({ type: 'INSTANCE_COUNT', value })

const LINEAR = policy('linear', percent(25), 60, 120)
const CANARY = policy('canary', instances(1), 300, 600)
const ALL_AT_ONCE = policy('all-at-once', percent(100), 60, 90)
const ROLLING = policy('rolling', instances(2), 60)

function inputError(fn: () => unknown): InputError {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return error as InputError
  }
  throw new Error('expected an InputError')
}

describe('expectedSchedule: the traffic table', () => {
  const table = (p: RolloutPolicy, fleet: number, provisioning: number) =>
    expectedSchedule(p, fleet, provisioning).map(r => [
      r.offsetSeconds,
      r.bluePercent,
      r.greenPercent,
      r.greenInstances,
      r.label
    ])

  // The step that reaches 100 % is taken to bake only TerminationWaitInSeconds (the guides never
  // say it bakes WaitIntervalInSeconds too), so its label names the final bake alone.
  it('linear: one row a step; the last step, at 100 %, bakes only the final bake', () => {
    expect(table(LINEAR, 4, 300)).toEqual([
      [0, 100, 0, 0, 'start: green fleet provisioning'],
      [300, 75, 25, 1, 'step 1: 60 s bake'],
      [360, 50, 50, 2, 'step 2: 60 s bake'],
      [420, 25, 75, 3, 'step 3: 60 s bake'],
      [480, 0, 100, 4, 'step 4: 120 s final bake']
    ])
  })

  it('canary: the canary bakes, then the rest takes traffic and bakes only the final bake', () => {
    expect(table(CANARY, 3, 120)).toEqual([
      [0, 100, 0, 0, 'start: green fleet provisioning'],
      [120, 67, 33, 1, 'canary: 300 s bake'],
      [420, 0, 100, 3, 'the rest: 600 s final bake']
    ])
  })

  it('all at once: one shift, labelled so, baking only the final bake', () => {
    expect(table(ALL_AT_ONCE, 2, 45)).toEqual([
      [0, 100, 0, 0, 'start: green fleet provisioning'],
      [45, 0, 100, 2, 'all at once: 90 s final bake']
    ])
  })

  it('rolling: each batch provisions, takes traffic and bakes; the last batch is smaller', () => {
    expect(expectedSchedule(ROLLING, 5, 300)).toEqual([
      {
        offsetSeconds: 0,
        bluePercent: 100,
        greenPercent: 0,
        greenInstances: 0,
        blueInstances: 5,
        label: 'deployment starts, first batch of 2 new instance(s) provisioned'
      },
      {
        offsetSeconds: 300,
        bluePercent: 60,
        greenPercent: 40,
        greenInstances: 2,
        blueInstances: 3,
        label: 'batch 1 of 3: 2 new instance(s) take traffic, then 2 old terminated'
      },
      {
        offsetSeconds: 660,
        bluePercent: 20,
        greenPercent: 80,
        greenInstances: 4,
        blueInstances: 1,
        label: 'batch 2 of 3: 4 new instance(s) take traffic, then 2 old terminated'
      },
      {
        offsetSeconds: 1020,
        bluePercent: 0,
        greenPercent: 100,
        greenInstances: 5,
        blueInstances: 0,
        label: 'batch 3 of 3: all traffic on the new fleet, last old instances terminated'
      }
    ])
  })
})

describe('peakInstances', () => {
  it('blue/green doubles the fleet, rolling adds one batch', () => {
    expect(peakInstances(LINEAR, 4)).toEqual({ blueGreen: 8, rolling: 5 })
    expect(peakInstances(ROLLING, 5)).toEqual({ blueGreen: 10, rolling: 7 })
  })

  it('counts a fleet of at least one instance', () => {
    expect(peakInstances(ROLLING, 0)).toEqual({ blueGreen: 2, rolling: 2 })
  })
})

describe('executionTimeout', () => {
  it('derives the waits (steps × wait-interval + termination-wait) plus provisioning', () => {
    expect(executionTimeout(LINEAR, 4, true, 300)).toBe(4 * 60 + 120 + 300)
    expect(executionTimeout(LINEAR, 4, false, 300)).toBe(4 * 60 + 120 + 300)
    expect(executionTimeout(LINEAR, 4, true)).toBe(4 * 60 + 120 + 1800)
  })

  it('rolling provisions every batch on its own', () => {
    expect(executionTimeout(ROLLING, 5, true, 300)).toBe(3 * 60 + 3 * 300)
  })

  it("keeps a derived timeout within SageMaker's 600–28800 s", () => {
    expect(executionTimeout(LINEAR, 4, false, 100)).toBe(600)
    expect(executionTimeout(policy('linear', instances(1), 3600), 8, false)).toBe(28800)
  })

  it("returns the user's timeout unchecked when asked not to check", () => {
    expect(executionTimeout({ ...LINEAR, maxExecutionTimeoutSeconds: 100 }, 4, false)).toBe(100)
  })

  // The waits count the most traffic steps any rounding of the step gives (here 25 % of 4 is
  // 1 instance whatever the rounding, so 4 steps), and the messages say "at most".
  it("accepts the user's timeout only when larger than the waits", () => {
    expect(executionTimeout({ ...LINEAR, maxExecutionTimeoutSeconds: 361 }, 4, true)).toBe(361)
    const error = inputError(() =>
      executionTimeout({ ...LINEAR, maxExecutionTimeoutSeconds: 360 }, 4, true)
    )
    expect(error.input).toBe('max-execution-timeout')
    expect(error.message).toBe(
      'Input "max-execution-timeout" is 360 s, but it must be larger than the rollout\'s waits, 360 s (4 traffic steps at most × wait-interval 60 s + termination-wait 120 s), before provisioning. Set it to more than 360 plus time to provision the new instances (1800 s would be derived), or leave it empty to derive it.'
    )
  })

  it("refuses waits that reach SageMaker's limit of 28800 s", () => {
    const error = inputError(() => executionTimeout(policy('linear', instances(1), 3600), 8, true))
    expect(error.input).toBe('wait-interval')
    expect(error.message).toBe(
      'Input "wait-interval" (3600 s) is too long for this fleet: the rollout waits 28800 s in all (8 traffic steps at most × wait-interval 3600 s + termination-wait 0 s), and SageMaker\'s limit of 28800 s must be larger. Lower wait-interval or termination-wait, or use a larger step-size.'
    )
  })
})

describe('deploymentConfig: the request sent to SageMaker', () => {
  const ALARMS = { AutoRollbackConfiguration: { Alarms: [{ AlarmName: 'a' }, { AlarmName: 'b' }] } }

  it('linear: the step size, waits and timeout, guarded by the alarms', () => {
    expect(deploymentConfig(LINEAR, 4, ['a', 'b'], 300)).toStrictEqual({
      BlueGreenUpdatePolicy: {
        TrafficRoutingConfiguration: {
          Type: 'LINEAR',
          WaitIntervalInSeconds: 60,
          LinearStepSize: { Type: 'CAPACITY_PERCENT', Value: 25 }
        },
        TerminationWaitInSeconds: 120,
        MaximumExecutionTimeoutInSeconds: 660
      },
      ...ALARMS
    })
  })

  it('canary and all at once, without alarms: no AutoRollbackConfiguration', () => {
    expect(deploymentConfig(CANARY, 3, [], 300)).toStrictEqual({
      BlueGreenUpdatePolicy: {
        TrafficRoutingConfiguration: {
          Type: 'CANARY',
          WaitIntervalInSeconds: 300,
          CanarySize: { Type: 'INSTANCE_COUNT', Value: 1 }
        },
        TerminationWaitInSeconds: 600,
        MaximumExecutionTimeoutInSeconds: 2 * 300 + 600 + 300
      }
    })
    expect(deploymentConfig(ALL_AT_ONCE, 2, [])).toStrictEqual({
      BlueGreenUpdatePolicy: {
        TrafficRoutingConfiguration: { Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: 60 },
        TerminationWaitInSeconds: 90,
        MaximumExecutionTimeoutInSeconds: 60 + 90 + 1800
      }
    })
  })

  it('rolling: the batch, the rollback batch and the alarms', () => {
    const rollback = { ...ROLLING, rollbackStepSize: instances(1) }
    expect(deploymentConfig(rollback, 5, ['a', 'b'], 300)).toStrictEqual({
      RollingUpdatePolicy: {
        MaximumBatchSize: { Type: 'INSTANCE_COUNT', Value: 2 },
        WaitIntervalInSeconds: 60,
        MaximumExecutionTimeoutInSeconds: 1080,
        RollbackMaximumBatchSize: { Type: 'INSTANCE_COUNT', Value: 1 }
      },
      ...ALARMS
    })
    expect(deploymentConfig(ROLLING, 5, [], 300)).toStrictEqual({
      RollingUpdatePolicy: {
        MaximumBatchSize: { Type: 'INSTANCE_COUNT', Value: 2 },
        WaitIntervalInSeconds: 60,
        MaximumExecutionTimeoutInSeconds: 1080
      }
    })
  })

  it("refuses a user's timeout that does not cover the waits, before sending anything", () => {
    const short = { ...LINEAR, maxExecutionTimeoutSeconds: 300 }
    expect(inputError(() => deploymentConfig(short, 4, [])).input).toBe('max-execution-timeout')
    const rolling = { ...ROLLING, maxExecutionTimeoutSeconds: 180 }
    expect(inputError(() => deploymentConfig(rolling, 5, [])).input).toBe('max-execution-timeout')
  })
})

describe('checkStepSize: the input errors', () => {
  const message = (p: RolloutPolicy, fleet: number) => {
    const error = inputError(() => checkStepSize(p, fleet, 'A'))
    return `${error.input}: ${error.message}`
  }

  it('refuses a single instance for every routing but all-at-once, naming batch or step', () => {
    const tail =
      'of 1 instance is. Use traffic-routing: all-at-once (one shift, still guarded by the alarms during its bake), or run at least 2 instances (instance-count).'
    expect(message(policy('rolling', percent(25), 60), 1)).toBe(
      `traffic-routing: Input "traffic-routing" is rolling, but variant A runs 1 instance: a rolling batch must be 5–50 % of the variant's instances, and no whole batch ${tail}`
    )
    expect(message(LINEAR, 1)).toBe(
      `traffic-routing: Input "traffic-routing" is linear, but variant A runs 1 instance: a linear step must be 10–50 % of the variant's instances, and no whole step ${tail}`
    )
    expect(message(CANARY, 1)).toBe(
      `traffic-routing: Input "traffic-routing" is canary, but variant A runs 1 instance: a canary must be at most 50 % of the variant's instances, and no whole step ${tail}`
    )
  })

  it('accepts a rolling batch from 5 % and a canary of any small share', () => {
    expect(() => checkStepSize(policy('rolling', instances(1), 60), 20, 'A')).not.toThrow()
    expect(() => checkStepSize(policy('canary', instances(1), 60), 40, 'A')).not.toThrow()
  })

  it.each([
    [
      policy('rolling', instances(1), 60),
      40,
      'Input "step-size" is 1, which is 1 instance (3 % of the 40 instances of variant A); a rolling batch must be 5–50 % of the variant\'s instances, here 2 to 20 instances.'
    ],
    [
      policy('canary', instances(21), 60),
      40,
      'Input "step-size" is 21, which is 21 instances (53 % of the 40 instances of variant A); a canary must be at most 50 % of the variant\'s instances, here 1 to 20 instances.'
    ],
    [
      policy('rolling', instances(5), 60),
      4,
      'Input "step-size" is 5, which is 5 instances (125 % of the 4 instances of variant A); a rolling batch must be 5–50 % of the variant\'s instances, here 1 to 2 instances. Did you mean 5%?'
    ],
    [
      policy('rolling', instances(4), 60),
      3,
      'Input "step-size" is 4, which is 4 instances (133 % of the 3 instances of variant A); a rolling batch must be 5–50 % of the variant\'s instances, here exactly 1 instance.'
    ],
    [
      policy('linear', instances(5), 60),
      4,
      'Input "step-size" is 5, which is 5 instances (125 % of the 4 instances of variant A); a linear step must be 10–50 % of the variant\'s instances, here 1 to 2 instances.'
    ],
    [
      policy('linear', instances(10), 60),
      4,
      'Input "step-size" is 10, which is 10 instances (250 % of the 4 instances of variant A); a linear step must be 10–50 % of the variant\'s instances, here 1 to 2 instances. Did you mean 10%?'
    ],
    [
      policy('linear', instances(50), 60),
      4,
      'Input "step-size" is 50, which is 50 instances (1250 % of the 4 instances of variant A); a linear step must be 10–50 % of the variant\'s instances, here 1 to 2 instances. Did you mean 50%?'
    ],
    [
      policy('canary', instances(4), 60),
      4,
      'Input "step-size" is 4, which is 4 instances (100 % of the 4 instances of variant A); a canary must be at most 50 % of the variant\'s instances, here 1 to 2 instances.'
    ],
    [
      policy('canary', instances(3), 60),
      2,
      'Input "step-size" is 3, which is 3 instances (150 % of the 2 instances of variant A); a canary must be at most 50 % of the variant\'s instances, here exactly 1 instance. Did you mean 3%?'
    ]
  ])('%j on %i instances: step-size error, with a % hint only when it fits', (p, fleet, text) => {
    expect(message(p, fleet)).toBe(`step-size: ${text}`)
  })
})

describe('policyFromDeploymentConfig: reading back what SageMaker holds', () => {
  const blueGreen = (routing: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    BlueGreenUpdatePolicy: { TrafficRoutingConfiguration: routing, ...extra }
  })
  const rolling = (extra: Record<string, unknown>) => ({
    RollingUpdatePolicy: {
      MaximumBatchSize: { Type: 'INSTANCE_COUNT', Value: 2 },
      WaitIntervalInSeconds: 60,
      ...extra
    }
  })

  it('all at once: the whole fleet in one step, with the waits and timeout', () => {
    expect(
      policyFromDeploymentConfig(
        blueGreen(
          { Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: 60 },
          { TerminationWaitInSeconds: 90, MaximumExecutionTimeoutInSeconds: 2000 }
        )
      )
    ).toStrictEqual({
      routing: 'all-at-once',
      stepSize: { type: 'CAPACITY_PERCENT', value: 100 },
      waitIntervalSeconds: 60,
      terminationWaitSeconds: 90,
      maxExecutionTimeoutSeconds: 2000
    })
  })

  it('rolling: the batch and the bake; no termination wait', () => {
    expect(policyFromDeploymentConfig(rolling({}))).toStrictEqual({
      routing: 'rolling',
      stepSize: { type: 'INSTANCE_COUNT', value: 2 },
      waitIntervalSeconds: 60,
      terminationWaitSeconds: 0,
      maxExecutionTimeoutSeconds: undefined
    })
  })

  it.each([
    ['a rolling policy without its bake', rolling({ WaitIntervalInSeconds: undefined })],
    ['a bake given as text', rolling({ WaitIntervalInSeconds: '60' })],
    ['a negative bake', rolling({ WaitIntervalInSeconds: -1 })],
    ['an endless bake', rolling({ WaitIntervalInSeconds: Infinity })],
    ['a batch of 0', rolling({ MaximumBatchSize: { Type: 'INSTANCE_COUNT', Value: 0 } })],
    [
      'a batch given as text',
      rolling({ MaximumBatchSize: { Type: 'INSTANCE_COUNT', Value: '2' } })
    ],
    ['a batch of an unknown type', rolling({ MaximumBatchSize: { Type: 'PERCENT', Value: 10 } })],
    ['a routing without its wait', blueGreen({ Type: 'ALL_AT_ONCE' })],
    [
      'a routing of an unknown type',
      blueGreen({
        Type: 'RANDOM',
        WaitIntervalInSeconds: 60,
        CanarySize: { Type: 'INSTANCE_COUNT', Value: 1 }
      })
    ]
  ])('has no policy for %s', (_, config) => {
    expect(policyFromDeploymentConfig(config)).toBeNull()
  })

  it('takes only objects as policies: a malformed rolling entry does not hide blue/green', () => {
    const config = {
      RollingUpdatePolicy: true,
      ...blueGreen({ Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: 60 })
    }
    expect(policyFromDeploymentConfig(config)?.routing).toBe('all-at-once')
  })

  it('reads each rollback alarm once, skipping entries that are not alarms', () => {
    expect(
      alarmNamesFromDeploymentConfig({
        AutoRollbackConfiguration: {
          Alarms: ['a', null, { AlarmName: 'x' }, { AlarmName: 'y' }, { AlarmName: 'x' }]
        }
      })
    ).toEqual(['x', 'y'])
  })
})
