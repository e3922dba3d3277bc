// The verification gate's side of the emulator: models whose answers can be checked (a truth
// function of the request body, and models that answer wrongly), the traffic split a gate request
// lands on, PutMetricData and alarms on custom metrics, and a rollback such an alarm triggers.
import { afterEach, describe, expect, it } from '@jest/globals'
import {
  DescribeAlarmHistoryCommand,
  DescribeAlarmsCommand,
  GetMetricDataCommand,
  ListMetricsCommand,
  ListTagsForResourceCommand,
  PutMetricAlarmCommand,
  PutMetricDataCommand,
  TagResourceCommand,
  type MetricDatum,
  type StandardUnit
} from '@aws-sdk/client-cloudwatch'
import { CreateEndpointCommand, UpdateEndpointCommand } from '@aws-sdk/client-sagemaker'
import { modelAnswer, wrongAnswer } from '../../emulator/model-answer.js'
import { DEFAULT_SCENARIO } from '../../emulator/index.js'
import { seededRandom } from '../../emulator/random.js'
import { resolveScenario } from '../../emulator/scenario.js'
import type { FleetVariant } from '../../emulator/state.js'
import { answer } from '../../emulator/traffic.js'
import {
  createConfig,
  createModel,
  describeEp,
  ENDPOINT,
  failure,
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
  /** From the emulator's headers: which fleet answered. */
  model: string | null
  variant: string | null
  endpointConfigName: string | null
}

/** InvokeEndpoint over plain HTTP (the route the SDK uses), to read the emulator's headers too. */
async function invoke(l: Lab, body: string, endpoint = ENDPOINT): Promise<Answer> {
  const reply = await fetch(`${l.emu.url}/endpoints/${endpoint}/invocations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body
  })
  expect(reply.status).toBe(200)
  return {
    ...((await reply.json()) as { label: string; score: number; predictions: number[] }),
    model: reply.headers.get('x-emulator-model'),
    variant: reply.headers.get('x-amzn-invoked-production-variant'),
    endpointConfigName: reply.headers.get('x-emulator-endpoint-config')
  }
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
        endpointConfigName: 'cfg-a'
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

const NAMESPACE = 'Gate/Verification'
const gateDims = [{ Name: 'EndpointName', Value: ENDPOINT }]

describe('PutMetricData', () => {
  it('refuses what CloudWatch refuses, with its error codes', async () => {
    lab = await startLab()
    const now = lab.emu.now()
    const put = (MetricData: MetricDatum[], Namespace = NAMESPACE) =>
      failure(lab!.cw.send(new PutMetricDataCommand({ Namespace, MetricData })))
    const datum: MetricDatum = { MetricName: 'GateFailed', Value: 1 }
    const cases: [Promise<Error>, string, string][] = [
      [
        put([datum], 'AWS/SageMaker'),
        'InvalidParameterValueException',
        'The value AWS/ for parameter Namespace is invalid.'
      ],
      [
        put(Array.from({ length: 1001 }, () => datum)),
        'InvalidParameterValueException',
        'The collection MetricData must not have a size greater than 1000.'
      ],
      [
        put([{ ...datum, StorageResolution: 10 }]),
        'InvalidParameterValueException',
        'The value 10 for parameter MetricData.member.1.StorageResolution is invalid. Valid values are 1 and 60.'
      ],
      [
        put([{ ...datum, Value: Number.NaN }]),
        'InvalidParameterValueException',
        'The value NaN for parameter MetricData.member.1.Value is invalid: values must be finite and in the range of -2^360 to 2^360.'
      ],
      [
        put([datum, { ...datum, Value: Number.POSITIVE_INFINITY }]),
        'InvalidParameterValueException',
        'The value Infinity for parameter MetricData.member.2.Value is invalid: values must be finite and in the range of -2^360 to 2^360.'
      ],
      [
        put([{ ...datum, Timestamp: new Date(now - 15 * 24 * 3600_000) }]),
        'InvalidParameterValueException',
        'The parameter MetricData.member.1.Timestamp must specify a time within the past two weeks.'
      ],
      [
        put([{ ...datum, Timestamp: new Date(now + 3 * 3600_000) }]),
        'InvalidParameterValueException',
        'The parameter MetricData.member.1.Timestamp must specify a time no more than two hours in the future.'
      ],
      [
        put([{ MetricName: 'GateFailed' }]),
        'InvalidParameterCombinationException',
        'At least one of the parameters MetricData.member.1.Value and MetricData.member.1.StatisticValues must be specified.'
      ],
      [
        put([{ ...datum, Value: undefined, Values: [1, 2], Counts: [1] }]),
        'InvalidParameterValueException',
        'The parameters MetricData.member.1.Values and MetricData.member.1.Counts must be arrays of the same size.'
      ],
      [
        put([{ ...datum, Unit: 'Furlongs' as StandardUnit }]),
        'InvalidParameterValueException',
        `The parameter MetricData.member.1.Unit must be a value in the set [ Seconds, Microseconds, Milliseconds, Bytes, Kilobytes, Megabytes, Gigabytes, Terabytes, Bits, Kilobits, Megabits, Gigabits, Terabits, Percent, Count, Bytes/Second, Kilobytes/Second, Megabytes/Second, Gigabytes/Second, Terabytes/Second, Bits/Second, Kilobits/Second, Megabits/Second, Gigabits/Second, Terabits/Second, Count/Second, None ].`
      ],
      [
        put([
          {
            ...datum,
            Dimensions: Array.from({ length: 31 }, (_, i) => ({ Name: `d${i}`, Value: 'v' }))
          }
        ]),
        'InvalidParameterValueException',
        'The collection MetricData.member.1.Dimensions must not have a size greater than 30.'
      ],
      [
        put([{ Value: 1 } as MetricDatum]),
        'MissingRequiredParameterException',
        'The parameter MetricData.member.1.MetricName is required.'
      ]
    ]
    const got = await Promise.all(
      cases.map(async ([error]) => {
        const e = (await error) as Error & { $metadata?: { httpStatusCode?: number } }
        return [e.name, e.message, e.$metadata?.httpStatusCode]
      })
    )
    expect(got).toStrictEqual(cases.map(([, name, message]) => [name, message, 400]))
    // Nothing of a refused call is stored.
    const listed = await lab.cw.send(new ListMetricsCommand({ Namespace: NAMESPACE }))
    expect(listed.Metrics).toStrictEqual([])
  })

  it('stores high-resolution data per second; GetMetricData reads it at Period 10 once it has arrived', async () => {
    lab = await startLab()
    const t0 = Math.floor(lab.emu.now() / 10_000) * 10_000
    const at = (s: number) => new Date(t0 + s * 1000)
    await lab.cw.send(
      new PutMetricDataCommand({
        Namespace: NAMESPACE,
        MetricData: [
          {
            MetricName: 'Mismatches',
            Dimensions: gateDims,
            Value: 2,
            Timestamp: at(-20),
            StorageResolution: 1
          },
          {
            MetricName: 'Mismatches',
            Dimensions: gateDims,
            Value: 4,
            Timestamp: at(-15),
            StorageResolution: 1
          },
          {
            MetricName: 'Mismatches',
            Dimensions: gateDims,
            Values: [1, 6],
            Counts: [2, 1],
            Timestamp: at(-5),
            StorageResolution: 1,
            Unit: 'Count'
          },
          { MetricName: 'Coarse', Dimensions: gateDims, Value: 9, Timestamp: at(-5) }
        ]
      })
    )
    const read = (metricName: string, period: number, stat = 'Sum') =>
      lab!.cw.send(
        new GetMetricDataCommand({
          StartTime: at(-60),
          EndTime: at(10),
          ScanBy: 'TimestampAscending',
          MetricDataQueries: [
            {
              Id: 'm',
              MetricStat: {
                Metric: { Namespace: NAMESPACE, MetricName: metricName, Dimensions: gateDims },
                Period: period,
                Stat: stat
              }
            }
          ]
        })
      )
    const points = async (metricName: string, period: number, stat = 'Sum') => {
      const r = (await read(metricName, period, stat)).MetricDataResults?.[0]
      return (r?.Timestamps ?? []).map((t, i) => [(t.getTime() - t0) / 1000, r?.Values?.[i]])
    }
    // Not yet arrived: custom data becomes visible after a short delay (up to 5 s by default).
    expect(await points('Mismatches', 10)).toStrictEqual([])
    lab.emu.advance(5)
    expect(await points('Mismatches', 10)).toStrictEqual([
      [-20, 6],
      [-10, 8]
    ])
    expect(await points('Mismatches', 10, 'Maximum')).toStrictEqual([
      [-20, 4],
      [-10, 6]
    ])
    expect(await points('Mismatches', 10, 'SampleCount')).toStrictEqual([
      [-20, 2],
      [-10, 3]
    ])
    expect(await points('Mismatches', 5)).toStrictEqual([
      [-20, 2],
      [-15, 4],
      [-5, 8]
    ])
    // A regular-resolution (60 s) metric read at 10 s: one datapoint, at its minute's start.
    const minute = Math.floor((t0 - 5000) / 60_000) * 60_000
    expect(await points('Coarse', 10)).toStrictEqual([[(minute - t0) / 1000, 9]])
    const listed = await lab.cw.send(new ListMetricsCommand({ Namespace: NAMESPACE }))
    expect(listed.Metrics?.map(m => m.MetricName).sort()).toStrictEqual(['Coarse', 'Mismatches'])
    // Alarms take 10, 20, 30 or a multiple of 60; only reads take 1 and 5.
    const alarm = await failure(
      lab.cw.send(
        new PutMetricAlarmCommand({
          AlarmName: 'five',
          Namespace: NAMESPACE,
          MetricName: 'Mismatches',
          Statistic: 'Maximum',
          Period: 5,
          EvaluationPeriods: 1,
          Threshold: 1,
          ComparisonOperator: 'GreaterThanOrEqualToThreshold'
        })
      )
    )
    expect([alarm.name, alarm.message]).toStrictEqual([
      'InvalidParameterValueException',
      'The parameter Period must be 10, 20, 30 or a multiple of 60.'
    ])
  })
})

async function putGateAlarm(l: Lab, name = 'gate-failed'): Promise<string> {
  await l.cw.send(
    new PutMetricAlarmCommand({
      AlarmName: name,
      Namespace: NAMESPACE,
      MetricName: 'GateFailed',
      Dimensions: gateDims,
      Statistic: 'Maximum',
      Period: 10,
      EvaluationPeriods: 1,
      DatapointsToAlarm: 1,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
      Tags: [{ Key: 'purpose', Value: 'verification-gate' }]
    })
  )
  return name
}

async function publishGate(l: Lab, value: number): Promise<void> {
  await l.cw.send(
    new PutMetricDataCommand({
      Namespace: NAMESPACE,
      MetricData: [
        { MetricName: 'GateFailed', Dimensions: gateDims, Value: value, StorageResolution: 1 }
      ]
    })
  )
}

async function alarmState(l: Lab, name: string): Promise<string | undefined> {
  const r = await l.cw.send(new DescribeAlarmsCommand({ AlarmNames: [name] }))
  return r.MetricAlarms?.[0]?.StateValue
}

describe('alarms on a custom metric', () => {
  it('a 10 s Maximum >= 1 alarm goes into ALARM on a published 1, and back to OK once the 1 leaves its evaluation range', async () => {
    lab = await startLab()
    const name = await putGateAlarm(lab)
    // Starts 5 s past a whole 10 s: the next evaluation is 5 s away.
    lab.emu.advance(5)
    expect(await alarmState(lab, name)).toBe('OK')
    await publishGate(lab, 0)
    lab.emu.advance(10)
    expect(await alarmState(lab, name)).toBe('OK')
    await publishGate(lab, 1)
    const states: (string | undefined)[] = []
    for (let i = 0; i < 4; i++) {
      lab.emu.advance(10)
      states.push(await alarmState(lab, name))
    }
    // The evaluation range is 3 periods (EvaluationPeriods + 2): while the 1 is in it, it is the
    // newest real datapoint and decides; once it has left, missing data is notBreaching.
    expect(states).toStrictEqual(['ALARM', 'ALARM', 'ALARM', 'OK'])
    const history = await lab.cw.send(
      new DescribeAlarmHistoryCommand({ AlarmName: name, HistoryItemType: 'StateUpdate' })
    )
    expect(history.AlarmHistoryItems?.map(h => h.HistorySummary).reverse()).toStrictEqual([
      'Alarm updated from INSUFFICIENT_DATA to OK',
      'Alarm updated from OK to ALARM',
      'Alarm updated from ALARM to OK'
    ])
    // Tags work on such an alarm as on any other.
    const arn = `arn:aws:cloudwatch:us-east-1:123456789012:alarm:${name}`
    await lab.cw.send(
      new TagResourceCommand({ ResourceARN: arn, Tags: [{ Key: 'team', Value: 'ml' }] })
    )
    const tags = await lab.cw.send(new ListTagsForResourceCommand({ ResourceARN: arn }))
    expect(tags.Tags).toStrictEqual([
      { Key: 'purpose', Value: 'verification-gate' },
      { Key: 'team', Value: 'ml' }
    ])
  })

  it('an update whose AutoRollbackConfiguration names the gate alarm rolls back when the gate fails during a bake', async () => {
    lab = await startLab()
    await liveEndpointA(lab)
    const gate = await putGateAlarm(lab)
    await createModel(lab, 'model-e', MODEL_E)
    await createConfig(lab, 'cfg-e', 'model-e')
    await lab.sm.send(
      new UpdateEndpointCommand({
        EndpointName: ENDPOINT,
        EndpointConfigName: 'cfg-e',
        DeploymentConfig: linearConfig([gate], 25, 300)
      })
    )
    await watch(
      lab,
      d =>
        (d.PendingDeploymentSummary?.ProductionVariants?.[0]?.VariantStatus?.[0]?.Status ?? '') ===
        'Baking'
    )
    // The healthy model bakes on: nothing rolls it back before the gate fails.
    lab.emu.advance(60)
    const baking = await describeEp(lab)
    expect(baking.EndpointStatus).toBe('Updating')
    expect(await alarmState(lab, gate)).toBe('OK')
    const failedAt = lab.emu.now()
    await publishGate(lab, 1)
    const seen = await watch(lab, d => d.EndpointStatus === 'InService', 5)
    expect(seen.at(-1)).toMatchObject({ EndpointStatus: 'InService', EndpointConfigName: 'cfg-a' })
    const after = lab.emu.events().filter(e => e.simulatedTime >= failedAt)
    expect(after.map(e => e.kind)).toStrictEqual(['rolling-back', 'rolled-back'])
    // Within one evaluation of the failure (10 s period, data visible within 5 s).
    expect(after[0]!.simulatedTime - failedAt).toBeLessThanOrEqual(10_000)
  })
})
