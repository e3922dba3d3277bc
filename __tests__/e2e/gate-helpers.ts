// The verification gate's end-to-end set-up: Model A live, then a deployment through the bundle,
// with what the run wrote and where the endpoint ended.
import type { Emulator } from '../../emulator/index.js'
import type { FaultRule } from '../../emulator/scenario.js'
import { runAction, type ActionResult } from '../../scripts/lib/action-runner.js'
import { LAB_ENDPOINT, LAB_IMAGE, LAB_ROLE, labModel } from '../../scripts/lib/lab.js'
import { labEmulator, liveModelA, sagemakerCall } from './helpers.js'

export const A_CONFIG = `${LAB_ENDPOINT}-a1a1a1a-1001-1`
export const GATE_ALARM = `${LAB_ENDPOINT}-gate`
export const GOLDEN = 'examples/verify/golden-requests.jsonl'
export const MODEL_C = labModel('c')
export const MODEL_E = labModel('e')

async function lab(
  seed = 7,
  timing: { provisioningSeconds?: number; metricDelaySeconds?: number } = {}
): Promise<Emulator> {
  const emulator = await labEmulator({
    seed,
    ...timing,
    models: {
      [labModel('a')]: { errorRate: 0, latencyMs: 40 },
      [MODEL_C]: { errorRate: 0, latencyMs: 41, wrongAnswerRate: 0.3 },
      [MODEL_E]: { errorRate: 0, latencyMs: 38 }
    }
  })
  await liveModelA(emulator)
  return emulator
}

export interface Run {
  readonly result: ActionResult
  readonly endpoint: { status: string; config: string }
  /** The run's UpdateEndpoint requests SageMaker accepted (their config names). */
  readonly updates: string[]
  /** Values the run published on the gate's metric. */
  readonly published: number[]
}

export async function deploy(
  model: string,
  inputs: Record<string, string>,
  o: {
    seed?: number
    runId?: string
    cancelOn?: RegExp
    settle?: number
    provisioningSeconds?: number
    metricDelaySeconds?: number
    /** Faults from the update request on (the baseline is not affected). */
    faults?: FaultRule[]
  } = {}
): Promise<Run> {
  const emulator = await lab(o.seed, {
    ...(o.provisioningSeconds !== undefined ? { provisioningSeconds: o.provisioningSeconds } : {}),
    ...(o.metricDelaySeconds !== undefined ? { metricDelaySeconds: o.metricDelaySeconds } : {})
  })
  try {
    const from = emulator.calls().length
    const result = await runAction({
      inputs: {
        'endpoint-name': LAB_ENDPOINT,
        'image-uri': LAB_IMAGE,
        'execution-role-arn': LAB_ROLE,
        'model-data-url': model,
        'traffic-routing': 'linear',
        'step-size': '25%',
        'wait-interval': '60',
        ...inputs
      },
      env: {
        ...emulator.env(),
        GITHUB_SHA: 'c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3',
        GITHUB_RUN_ID: o.runId ?? '3003'
      },
      ...(o.cancelOn ? { signalOn: { signal: 'SIGINT' as const, line: o.cancelOn } } : {}),
      onLine: line => {
        if (o.faults && /^UpdateEndpoint .* requested/.test(line))
          emulator.setScenario({ faults: o.faults })
      }
    })
    const calls = emulator.calls().slice(from)
    // SageMaker goes on after the run: let it finish what it accepted, then read.
    emulator.advance(o.settle ?? 1200)
    const ep = (await sagemakerCall(emulator, 'DescribeEndpoint', {
      EndpointName: LAB_ENDPOINT
    })) as { EndpointStatus: string; EndpointConfigName: string }
    const updates = calls
      .filter(c => c.operation === 'UpdateEndpoint' && c.status === 200)
      .map(c => String((c.params as Record<string, unknown>)['EndpointConfigName']))
    const published = calls
      .filter(c => c.operation === 'PutMetricData' && c.status === 200)
      .flatMap(c => (c.params as { MetricData?: { Value?: number }[] }).MetricData ?? [])
      .map(d => Number(d.Value))
    return {
      result,
      endpoint: { status: ep.EndpointStatus, config: ep.EndpointConfigName },
      updates,
      published
    }
  } finally {
    await emulator.close()
  }
}
