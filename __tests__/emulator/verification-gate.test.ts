// The verification gate's side of the emulator: models whose answers can be checked (a truth
// function of the request body, and models that answer wrongly), the traffic split a gate request
// lands on, PutMetricData and alarms on custom metrics, and a rollback such an alarm triggers.
import { afterEach, describe, expect, it } from '@jest/globals'
import { CreateEndpointCommand, UpdateEndpointCommand } from '@aws-sdk/client-sagemaker'
import { InvokeEndpointCommand } from '@aws-sdk/client-sagemaker-runtime'
import { modelAnswer, wrongAnswer } from '../../emulator/model-answer.js'
import { DEFAULT_SCENARIO } from '../../emulator/index.js'
import { seededRandom } from '../../emulator/random.js'
import { resolveScenario } from '../../emulator/scenario.js'
import type { FleetVariant } from '../../emulator/state.js'
import { answer } from '../../emulator/traffic.js'
import {
  createConfig,
  createModel,
  ENDPOINT,
  linearConfig,
  liveEndpointA,
  MODEL_E,
  startLab,
  stopLab,
  watch,
  type Lab
} from './helpers.js'

const MODEL_C = 's3://lab-models/model-c/model.tar.gz'

let lab: Lab | undefined

afterEach(async () => {
  await stopLab(lab)
  lab = undefined
})

interface Answer {
  label: string
  score: number
  predictions: number[]
  model: string
  variant: string
  endpointConfigName: string
  modelLatencyMs: number
}

async function invoke(l: Lab, body: string, endpoint = ENDPOINT): Promise<Answer> {
  const reply = await l.rt.send(
    new InvokeEndpointCommand({
      EndpointName: endpoint,
      ContentType: 'application/json',
      Body: body
    })
  )
  return JSON.parse(new TextDecoder().decode(reply.Body)) as Answer
}

/** Model C (30 % wrong answers) live on `name` (4 instances, config cfg-c). */
async function liveEndpointC(l: Lab, name = 'gate-endpoint'): Promise<void> {
  await createModel(l, 'model-c', MODEL_C)
  await createConfig(l, 'cfg-c', 'model-c')
  await l.sm.send(new CreateEndpointCommand({ EndpointName: name, EndpointConfigName: 'cfg-c' }))
  l.emu.advance(DEFAULT_SCENARIO.creationSeconds)
}

describe('model answers', () => {
  it('the truth function is FNV-1a of the body bytes, mapped to [0, 1) and rounded', () => {
    // FNV-1a 32 of "" is 0x811c9dc5 = 2166136261; of "a" it is 0xe40c292c = 3826002220.
    expect(modelAnswer('')).toStrictEqual({ label: 'fraud', score: 0.5043 })
    expect(modelAnswer('a')).toStrictEqual({ label: 'fraud', score: 0.8908 })
    expect(modelAnswer(Buffer.from('a'))).toStrictEqual(modelAnswer('a'))
    expect(wrongAnswer({ label: 'fraud', score: 0.8908 })).toStrictEqual({
      label: 'legit',
      score: 0.1092
    })
    const labels = new Set(Array.from({ length: 50 }, (_, i) => modelAnswer(`{"tx":${i}}`).label))
    expect([...labels].sort()).toStrictEqual(['fraud', 'legit'])
  })

  it('a correct model answers the truth of each body, the same every time', async () => {
    lab = await startLab()
    await liveEndpointA(lab)
    const bodies = ['{"amount":12.5}', '{"amount":9000,"country":"XX"}', '{}']
    for (const body of bodies) {
      const first = await invoke(lab, body)
      const again = await invoke(lab, body)
      const truth = modelAnswer(body)
      expect(first).toStrictEqual({
        label: truth.label,
        score: truth.score,
        predictions: [truth.score],
        model: 'model-a',
        variant: 'AllTraffic',
        endpointConfigName: 'cfg-a',
        modelLatencyMs: first.modelLatencyMs
      })
      expect({ label: again.label, score: again.score }).toStrictEqual(truth)
    }
  })

  it('model C answers about 30 % of requests wrongly, all of them 200 OK', async () => {
    lab = await startLab()
    await liveEndpointC(lab)
    let wrong = 0
    const n = 1000
    for (let i = 0; i < n; i++) {
      const body = `{"tx":${i}}`
      const reply = await invoke(lab, body, 'gate-endpoint')
      const truth = modelAnswer(body)
      const got = { label: reply.label, score: reply.score }
      if (got.label !== truth.label) {
        wrong += 1
        expect(got).toStrictEqual(wrongAnswer(truth))
      } else {
        expect(got).toStrictEqual(truth)
      }
      expect(reply.predictions).toStrictEqual([reply.score])
    }
    expect(Math.abs(wrong / n - 0.3)).toBeLessThan(0.04)
  })

  it('wrong answers obey failuresAfterSeconds, and count as successes', () => {
    const scenario = resolveScenario({
      models: { [MODEL_C]: { wrongAnswerRate: 1, failuresAfterSeconds: 600 } }
    })
    const variant: FleetVariant = {
      variantName: 'AllTraffic',
      modelName: 'model-c',
      instanceType: 'ml.m5.large',
      desired: 1,
      current: 1,
      weight: 1,
      image: undefined,
      behaviourKeys: [MODEL_C],
      trafficSince: 1_000_000
    }
    const random = seededRandom(1)
    const at = (ms: number) => answer(scenario, variant, random, ms)
    expect(at(1_000_000 + 599_999)).toStrictEqual({
      kind: 'ok',
      status: 200,
      modelLatencyUs: 40_000
    })
    expect(at(1_000_000 + 600_000)).toStrictEqual({
      kind: 'ok',
      status: 200,
      modelLatencyUs: 40_000,
      wrong: true
    })
  })

  it('a wrongAnswerRate outside 0..1 is refused', async () => {
    lab = await startLab()
    expect(() => lab!.emu.setScenario({ models: { [MODEL_C]: { wrongAnswerRate: 1.5 } } })).toThrow(
      `Scenario field "models.${MODEL_C}.wrongAnswerRate" must be a number from 0 to 1 (got 1.5)`
    )
  })
})

describe('traffic split during a blue/green step', () => {
  it('InvokeEndpoint lands on green about as often as the step shifted (25 %)', async () => {
    lab = await startLab()
    const alarms = await liveEndpointA(lab)
    await createModel(lab, 'model-e', MODEL_E)
    await createConfig(lab, 'cfg-e', 'model-e')
    await lab.sm.send(
      new UpdateEndpointCommand({
        EndpointName: ENDPOINT,
        EndpointConfigName: 'cfg-e',
        DeploymentConfig: linearConfig(alarms, 25, 600)
      })
    )
    const seen = await watch(lab, d =>
      (
        d.PendingDeploymentSummary?.ProductionVariants?.[0]?.VariantStatus?.[0]?.StatusMessage ?? ''
      ).startsWith('Baking for 600 seconds')
    )
    expect(
      seen.at(-1)?.PendingDeploymentSummary?.ProductionVariants?.[0]?.VariantStatus?.[0]
        ?.StatusMessage
    ).toBe('Baking for 600 seconds with traffic enabled on 1 instance(s).')
    const n = 800
    let green = 0
    for (let i = 0; i < n; i++) {
      const reply = await invoke(lab, `{"tx":${i}}`)
      if (reply.endpointConfigName === 'cfg-e') green += 1
      else expect(reply.endpointConfigName).toBe('cfg-a')
    }
    expect(Math.abs(green / n - 0.25)).toBeLessThan(0.04)
  })
})
