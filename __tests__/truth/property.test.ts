// Property: across random fault schedules (answers dropped before or after the call is carried
// out, answers held past the request timeout, throttling, 5XX, slow answers; on any call), the
// action never reports `deployed` unless the endpoint is InService on a config whose model is this
// step's, and never says the endpoint was not changed while this run's config is pending or live.
// The real deploy sequence and the real SDK clients run in-process against the emulator (fast);
// the seed is printed, and PROPERTY_SEED replays one.
import { describe, expect, it, jest } from '@jest/globals'
import fc from 'fast-check'
import * as core from '../../__fixtures__/core.js'
import type { Emulator, FaultRule } from '../../emulator/index.js'
import { startEmulator } from '../../emulator/index.js'
import { LAB_IMAGE, LAB_ROLE, labModel } from '../../scripts/lib/lab.js'
import { LAB_SCENARIO } from '../e2e/helpers.js'
import { announceSeeds, propertySeeds } from '../helpers/seeds.js'
import { endpointState, sagemaker } from './helpers.js'

jest.unstable_mockModule('@actions/core', () => core)
const { deploy } = await import('../../src/deploy.js')
const { createAwsApi } = await import('../../src/aws/api.js')
const { buildPlan } = await import('../../src/plan.js')
const { readInputs } = await import('../../src/inputs.js')
const { abortableSleep } = await import('../../src/main.js')

const REQUEST_TIMEOUT_MS = 1500
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
    // Holds outlast the request timeout (the call is applied, the caller gives up); slow
    // answers arrive in time (a request is carried out when it reaches the service).
    holdMs: fc.integer({ min: REQUEST_TIMEOUT_MS + 200, max: 4000 }),
    slowMs: fc.integer({ min: 50, max: REQUEST_TIMEOUT_MS - 500 })
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

function inputs(endpoint: string, model: string, extra: Record<string, string> = {}) {
  const values: Record<string, string> = {
    'endpoint-name': endpoint,
    region: 'us-east-1',
    'model-data-url': labModel(model),
    'image-uri': LAB_IMAGE,
    'execution-role-arn': LAB_ROLE,
    'poll-interval': '0.05',
    ...extra
  }
  return readInputs(name => values[name] ?? '', {
    GITHUB_REPOSITORY: 'example-org/fraud-models',
    GITHUB_SHA: `${model.repeat(7)}0000000000000000000000000000000000`,
    GITHUB_RUN_ID: endpoint.replace(/\D/g, '') || '1',
    GITHUB_RUN_ATTEMPT: '1'
  })
}

async function runDeploy(emulator: Emulator, endpoint: string, model: string, extra = {}) {
  const { request, run } = inputs(endpoint, model, extra)
  Object.assign(process.env, emulator.env())
  const api = await createAwsApi({ region: 'us-east-1', requestTimeoutMs: REQUEST_TIMEOUT_MS })
  try {
    return await deploy({
      request,
      run,
      api,
      now: Date.now,
      // Pauses and backoffs a tenth as long: the same decisions, sooner.
      sleep: (ms, signal) => abortableSleep(ms / 10, signal),
      pause: ms => new Promise(resolve => setTimeout(resolve, ms / 10)),
      buildPlan
    })
  } finally {
    api.close()
  }
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
          const emulator = await startEmulator({ scenario: LAB_SCENARIO, timeScale: 1200 })
          try {
            const a = await runDeploy(emulator, endpoint, 'a', {
              'instance-type': 'ml.m5.large',
              'instance-count': '4'
            })
            expect(a.verdict.outcome).toBe('deployed')
            emulator.setScenario({ faults })
            const t0 = Date.now()
            const result = await runDeploy(emulator, endpoint, model)
            if (process.env.PROPERTY_DEBUG)
              console.info(
                `${endpoint} ${Date.now() - t0} ms ${JSON.stringify(faults)} ${result.verdict.outcome}: ${result.verdict.summary}`
              )
            emulator.setScenario({ faults: [] })
            // Let held answers and SageMaker's own work finish before looking.
            await new Promise(resolve => setTimeout(resolve, 200))
            const state = await endpointState(emulator, endpoint)
            const ours = result.plan?.endpointConfigName
            const verdict = result.verdict
            const context = `${JSON.stringify(faults)} → ${verdict.outcome}: ${verdict.summary}`
            if (verdict.outcome === 'deployed') {
              expect([context, state.status, state.pending, state.config]).toEqual([
                context,
                'InService',
                undefined,
                ours
              ])
              expect([context, state.artifact]).toEqual([context, labModel(model)])
            }
            if (/not changed|did not change/.test(verdict.summary)) {
              // Any write still on its way has long arrived.
              emulator.advance(1)
              const after = await endpointState(emulator, endpoint)
              expect([context, after.pending === ours || after.config === ours]).toEqual([
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
