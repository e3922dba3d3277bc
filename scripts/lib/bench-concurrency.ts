// N rollouts in one account: one emulator with the documented CloudWatch quotas and a SageMaker
// Describe* rate enforced in front of it, N endpoints already serving model A, and N copies of
// the real bundle started together, each promoting model E on its own endpoint with the default
// inputs (linear 25 % on 4 instances, 60 s bakes, the two alarms created). The emulator runs on
// stepped time (emulator/stepped-time.ts) and runAction binds each bundle's clock to it: every
// constant of the action (poll interval, jitter, backoff, the 3-minute alarm-write window) means
// what it means in production, and simulated time moves only when all N processes wait, so the
// N rollouts progress in lockstep however slow the machine is.
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  SageMakerClient
} from '@aws-sdk/client-sagemaker'
import { join } from 'node:path'
import {
  CLOUDWATCH_DEFAULT_QUOTAS,
  DEFAULT_SCENARIO,
  startEmulator,
  type Quotas
} from '../../emulator/index.js'
import { ROOT, runAction, type ActionResult } from './action-runner.js'
import {
  actionOf,
  callsOf,
  operationRates,
  type CallSample,
  perMinute,
  verdictDelay,
  type OperationRate
} from './bench-rates.js'
import { repeatSeed } from './bench-stats.js'
import { LAB_IMAGE, LAB_ROLE, LAB_START, LAB_TIME_SCALE, labModel } from './lab.js'

/** Not published by AWS: a configurable rate for every SageMaker Describe* call, per second. */
export const DEFAULT_SAGEMAKER_TPS = 10
const INSTANCES = 4
const LAUNCH = new Set(['UpdateEndpoint', 'CreateEndpoint'])
/** The endpoints are created, then a minute of traffic before the rollouts start. */
const SETTLE_SECONDS = DEFAULT_SCENARIO.creationSeconds + 60

export const endpointName = (i: number): string => `fleet-${String(i + 1).padStart(3, '0')}-ep`

export function benchQuotas(sagemakerTps: number): Quotas {
  return { ...CLOUDWATCH_DEFAULT_QUOTAS, 'sagemaker:Describe*': sagemakerTps }
}

export interface RolloutResult {
  readonly endpoint: string
  readonly outcome: string
  readonly exitCode: number | null
  /** Lines of the action's log that mention throttling (retries it announced). */
  readonly throttleNotices: number
  /** Its UpdateEndpoint was accepted (a rollout that failed before has nothing to watch). */
  readonly launched: boolean
  /** Simulated ms from the service settling to the poll that saw it. */
  readonly verdictDelayMs: number | undefined
  readonly simulatedMinutes: number
  readonly byAction: Record<string, { calls: number; perMinute: number }>
  readonly failureReason: string | undefined
  /** Without an outcome: the exit and the end of stderr (a crash, the runner's kill). */
  readonly stderrTail: string | undefined
}

export interface ConcurrencyRun {
  readonly n: number
  readonly quotas: Quotas
  readonly rollouts: RolloutResult[]
  /** Per quota key, over the whole run. */
  readonly rates: OperationRate[]
  /**
   * The same while every launched rollout is being watched (the calls after the last launch
   * call, to the last exit): the polls alone, no pre-flight reads or alarm writes.
   */
  readonly watchRates: OperationRate[]
  /** Simulated seconds from the first start to the last exit. */
  readonly simulatedSeconds: number
  readonly realSeconds: number
}

/**
 * Endpoints serving model A on 4 instances, created through the SDK (the clock then needs
 * `creationSeconds`, 600 s by default, before they are InService).
 */
export async function createLiveEndpoints(
  url: string,
  region: string,
  names: readonly string[]
): Promise<void> {
  const sm = new SageMakerClient({
    endpoint: url,
    region,
    credentials: { accessKeyId: 'AKIDBENCH', secretAccessKey: 'bench' }
  })
  try {
    for (const name of names) {
      await sm.send(
        new CreateModelCommand({
          ModelName: `${name}-model-a`,
          ExecutionRoleArn: LAB_ROLE,
          PrimaryContainer: { Image: LAB_IMAGE, ModelDataUrl: labModel('a') }
        })
      )
      await sm.send(
        new CreateEndpointConfigCommand({
          EndpointConfigName: `${name}-config-a`,
          ProductionVariants: [
            {
              VariantName: 'AllTraffic',
              ModelName: `${name}-model-a`,
              InstanceType: 'ml.m5.large',
              InitialInstanceCount: INSTANCES,
              InitialVariantWeight: 1
            }
          ]
        })
      )
      await sm.send(
        new CreateEndpointCommand({ EndpointName: name, EndpointConfigName: `${name}-config-a` })
      )
    }
  } finally {
    sm.destroy()
  }
}

/** The rates of each glob quota key (one bucket shared by the operations it matches). */
function globRates(
  calls: readonly CallSample[],
  quotas: Quotas,
  from: number,
  to: number
): OperationRate[] {
  return Object.keys(quotas)
    .filter(key => key.includes('*'))
    .flatMap(key => {
      const pattern = new RegExp(`^${key.split('*').join('.*')}$`)
      const matching = calls
        .filter(c => c.service !== 'emulator' && pattern.test(actionOf(c)))
        .map(c => ({ ...c, service: 'glob', operation: key }))
      return operationRates(matching, from, to).map(r => ({ ...r, action: key }))
    })
}

const outcomeOf = (r: ActionResult): string => r.outputs.outcome ?? '(none)'

export async function runConcurrency(options: {
  readonly n: number
  readonly node: string
  readonly sagemakerTps: number
  /**
   * 0: each action's seed from its run's identity (endpoint, run id); k > 0: other seeds, so
   * repeated runs sample the jitter (each run is exactly reproducible for its seeds).
   */
  readonly run?: number
}): Promise<ConcurrencyRun> {
  const { n, node } = options
  const repeat = options.run ?? 0
  const quotas = benchQuotas(options.sagemakerTps)
  const emulator = await startEmulator({
    scenario: join(ROOT, 'emulator', 'scenarios', 'lab.json'),
    timeScale: LAB_TIME_SCALE,
    startTime: LAB_START
  })
  try {
    // Fewer synthetic requests than the lab: the alarms still get a datapoint every minute,
    // and the emulator leaves the CPU to the bundles.
    emulator.setScenario({ trafficPerMinute: 120 })
    await createLiveEndpoints(
      emulator.url,
      emulator.region,
      Array.from({ length: n }, (_, i) => endpointName(i))
    )
    emulator.advance(SETTLE_SECONDS)
    emulator.setScenario({ quotas })
    const before = emulator.calls().length
    const startSim = emulator.now()
    const startReal = Date.now()
    // All N in the same simulated instant: the clock moves only once every one of them waits.
    const results = await Promise.all(
      Array.from({ length: n }, async (_, i) => {
        const result = await runAction({
          inputs: {
            'endpoint-name': endpointName(i),
            'model-data-url': labModel('e'),
            'image-uri': LAB_IMAGE,
            'execution-role-arn': LAB_ROLE
          },
          env: { ...emulator.env(), GITHUB_RUN_ID: String(5000 + i) },
          node,
          ...(repeat > 0 ? { seed: repeatSeed(endpointName(i), repeat) } : {})
        })
        return { result, endSim: emulator.now() }
      })
    )
    const calls = emulator.calls().slice(before)
    const events = emulator.events()
    // Once the last process has exited the clock stands still: the latest reading is the end.
    const endSim = Math.max(...results.map(r => r.endSim))
    const rollouts = results.map(({ result, endSim: exitSim }, i): RolloutResult => {
      const endpoint = endpointName(i)
      const own = callsOf(calls, endpoint)
      const minutes = (exitSim - startSim) / 60_000
      return {
        endpoint,
        outcome: outcomeOf(result),
        exitCode: result.code,
        throttleNotices: result.stdout
          .split('\n')
          .filter(line => /Throttl|Rate exceeded/i.test(line)).length,
        launched: own.some(c => LAUNCH.has(c.operation) && c.status === 200),
        verdictDelayMs: verdictDelay(calls, events, endpoint, startSim),
        simulatedMinutes: minutes,
        byAction: perMinute(own, minutes),
        failureReason: result.outputs['failure-reason'] || undefined,
        stderrTail: result.outputs.outcome
          ? undefined
          : `exit ${result.code ?? result.signal}: ${result.stderr.trim().slice(-600)}`
      }
    })
    // Pre-flight, alarm writes and launch take no simulated time: the window starts with the
    // call after the last launch in the log, not at its instant.
    const lastLaunch = calls.findLastIndex(c => LAUNCH.has(c.operation) && c.status === 200)
    const watching = lastLaunch < 0 ? [] : calls.slice(lastLaunch + 1)
    const window = (windowCalls: typeof calls, from: number) => [
      ...operationRates(windowCalls, from, endSim),
      ...globRates(windowCalls, quotas, from, endSim)
    ]
    return {
      n,
      quotas,
      rollouts,
      rates: window(calls, startSim),
      watchRates: window(watching, lastLaunch < 0 ? endSim : calls[lastLaunch]!.simulatedTime),
      simulatedSeconds: (endSim - startSim) / 1000,
      realSeconds: (Date.now() - startReal) / 1000
    }
  } finally {
    await emulator.close()
  }
}
