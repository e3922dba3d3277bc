// Property: across random fault schedules (answers dropped before or after the call is carried
// out, answers held past the request timeout, throttling, 5XX, slow answers; on any call), the
// action never reports `deployed` unless the endpoint is InService on a config whose model is this
// step's, and never says the endpoint was not changed while this run's config is pending or live.
// The committed bundle runs against the emulator on stepped time, with its production deadlines
// (src/aws/api.ts): a held answer is held in simulated time, past the action's own request
// timeout. The seed is printed, and PROPERTY_SEED replays one.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import type { Emulator, FaultRule } from '../../emulator/index.js'
import { runAction } from '../../scripts/lib/action-runner.js'
import { LAB_IMAGE, LAB_ROLE, labModel } from '../../scripts/lib/lab.js'
import { DEFAULT_DEADLINE_MS, REQUEST_TIMEOUT_MS } from '../../src/aws/api.js'
import { liveModelA } from '../e2e/helpers.js'
import { announceSeeds, propertySeeds } from '../helpers/seeds.js'
import { endpointState, labEmulator, sagemaker } from './helpers.js'

/**
 * The shortest deadline a faulted call can have: the reads after a failed write (src/deploy/reconcile.ts,
 * src/deploy/launch.ts). Every other call has at least REQUEST_TIMEOUT_MS per attempt.
 */
const READ_DEADLINE_MS = 10_000

const OPERATIONS = [
  '*',
  'UpdateEndpoint',
  'CreateModel',
  'CreateEndpointConfig',
  'DescribeEndpoint',
  'DescribeEndpointConfig',
  'DescribeAlarms',
  'PutMetricAlarm',
  'ListTags',
  'DescribeModel'
]

const ruleArb: fc.Arbitrary<FaultRule> = fc
  .record({
    // The endpoint write is where truth is hardest: it gets as many rules as all other calls.
    operation: fc.oneof(fc.constant('UpdateEndpoint'), fc.constantFrom(...OPERATIONS)),
    kind: fc.constantFrom(
      'drop',
      'dropAfterApply',
      'hold',
      'throttle',
      'serverError',
      'slow',
      'refuse'
    ),
    rate: fc.constantFrom(0.3, 0.6, 1),
    times: fc.integer({ min: 1, max: 3 }),
    // Simulated milliseconds. Holds outlast the request timeout (the call is applied, the caller
    // gives up), some of them a whole call's deadline too; slow answers arrive in time, even three
    // of them stacked on one call (a request is carried out when it reaches the service, so a
    // write that arrived after the caller gave up would be a change nobody reported).
    holdMs: fc.integer({ min: REQUEST_TIMEOUT_MS + 1000, max: DEFAULT_DEADLINE_MS + 30_000 }),
    slowMs: fc.integer({ min: 50, max: Math.floor((READ_DEADLINE_MS - 1000) / 3) })
  })
  .map(({ operation, kind, rate, times, holdMs, slowMs }): FaultRule => {
    const base = { operation, times }
    switch (kind) {
      case 'drop':
        return { ...base, dropRate: rate }
      case 'dropAfterApply':
        return { ...base, dropAfterApplyRate: rate }
      case 'hold':
        return { ...base, holdRate: rate, holdMs }
      case 'throttle':
        return { ...base, throttleRate: rate }
      case 'serverError':
        return { ...base, serverErrorRate: rate }
      case 'refuse':
        return {
          ...base,
          failRate: rate,
          fail: {
            code: 'ResourceLimitExceeded',
            message: 'The account-level service limit is exceeded.'
          }
        }
      default:
        return { ...base, slowRate: rate, slowMs }
    }
  })

const scheduleArb = fc.record({
  faults: fc.array(ruleArb, { minLength: 1, maxLength: 3 }),
  model: fc.constantFrom('e', 'b')
})

/** The step on `endpoint` (Model A serving it), as its own workflow run. */
function runDeploy(emulator: Emulator, endpoint: string, model: string) {
  return runAction({
    inputs: {
      'endpoint-name': endpoint,
      region: 'us-east-1',
      'model-data-url': labModel(model),
      'image-uri': LAB_IMAGE,
      'execution-role-arn': LAB_ROLE
    },
    env: {
      ...emulator.env(),
      GITHUB_SHA: `${model.repeat(7)}000000000000000000000000000000000`,
      GITHUB_RUN_ID: endpoint.replace(/\D/g, '') || '1'
    }
  })
}

const SEEDS = propertySeeds()
announceSeeds('truth/property', SEEDS)

describe('truth after writes under random fault schedules (property)', () => {
  let counter = 0

  for (const s of SEEDS) {
    it(`holds for seed ${s} (replay: PROPERTY_SEED=${s})`, async () => {
      await fc.assert(
        fc.asyncProperty(scheduleArb, async ({ faults, model }) => {
          const endpoint = `prop-${++counter}`
          // A fresh emulator each time: one endpoint's synthetic traffic to simulate, not dozens.
          const emulator = await labEmulator()
          try {
            await liveModelA(emulator, endpoint)
            emulator.setScenario({ faults })
            const result = await runDeploy(emulator, endpoint, model)
            const outcome = result.outputs.outcome
            if (process.env.PROPERTY_DEBUG)
              console.info(
                `${endpoint} ${JSON.stringify(faults)} ${outcome}: ${result.outputs['failure-reason']}`
              )
            emulator.setScenario({ faults: [] })
            // The run has ended: whatever it carried out is in the emulator (a held answer's call
            // was carried out before it was held; slow ones arrive before any deadline).
            const state = await endpointState(emulator, endpoint)
            const ours = result.outputs['endpoint-config-name']
            const context = `${JSON.stringify(faults)} → ${outcome}: ${result.outputs['failure-reason']}\n${result.stderr.slice(-2000)}`
            // A verdict every time, and the exit code follows it.
            expect([context, result.code]).toEqual([context, outcome === 'deployed' ? 0 : 1])
            if (outcome === 'deployed') {
              expect([context, state.status, state.pending, state.config]).toEqual([
                context,
                'InService',
                undefined,
                ours
              ])
              expect([context, state.artifact]).toEqual([context, labModel(model)])
            }
            if (/not changed|did not change/.test(result.summary)) {
              expect([context, state.pending === ours || state.config === ours]).toEqual([
                context,
                false
              ])
            }
            // Whatever happened, the endpoint still exists and answers.
            const live = await sagemaker(emulator, 'DescribeEndpoint', { EndpointName: endpoint })
            expect(live.status).toBe(200)
          } finally {
            await emulator.close()
          }
        }),
        { seed: s, numRuns: 5, endOnFailure: true }
      )
    }, 240_000)
  }
})
