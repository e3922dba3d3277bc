// Public API: start a local SageMaker + CloudWatch (+ SageMaker Runtime) emulator.

import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { ApplicationAutoScaling } from './application-autoscaling.js'
import { CallLog, type CallRecord } from './calls.js'
import type { EmulatorEvent } from './events.js'
import { CloudWatch } from './cloudwatch.js'
import { VirtualClock } from './clock.js'
import { Ecr } from './ecr.js'
import type { Service } from './errors.js'
import { callerArn, Gate } from './faults.js'
import { seededRandom } from './random.js'
import { QuotaGate } from './quotas.js'
import { invokeEndpoint } from './runtime.js'
import { SageMaker } from './sagemaker.js'
import { loadScenario, resolveScenario, type Scenario } from './scenario.js'
import { headS3 } from './s3.js'
import { createHandler, type RegionServices } from './server.js'
import { ServiceQuotas } from './service-quotas.js'
import { Simulation } from './simulation.js'
import { SteppedTime } from './stepped-time.js'

export type { CallRecord } from './calls.js'
export type { EmulatorEvent, EmulatorEventKind } from './events.js'
export type {
  EcrImageSpec,
  FaultRule,
  ModelBehaviour,
  ModelPackage,
  S3ObjectSpec,
  Scenario
} from './scenario.js'
export { DEFAULT_SCENARIO, loadScenario } from './scenario.js'
export { CLOUDWATCH_DEFAULT_QUOTAS, type QuotaRule, type Quotas } from './quotas.js'
export type { SteppedTime } from './stepped-time.js'

export interface EmulatorOptions {
  /** 0 = a free port (default). */
  port?: number
  /** Default 127.0.0.1. */
  host?: string
  /**
   * Simulated seconds per real second (default 60; 0 = only advance() moves the clock), or
   * 'stepped': simulated time waits for the action processes attached to it (stepped-time.ts).
   */
  timeScale?: number | 'stepped'
  /** A scenario object (partial) or the path of a JSON scenario file. */
  scenario?: Partial<Scenario> | string
  /**
   * Simulated epoch ms at the start (default: now). Alarms are evaluated on whole simulated
   * minutes, so tests that count datapoints start on a known second of the minute.
   */
  startTime?: number
  /** Default us-east-1. */
  region?: string
  /** Default 123456789012. */
  accountId?: string
  /** Append each call as a JSON line to this file (also: env EMULATOR_CALL_LOG, scenario.callLogFile). */
  callLogFile?: string
}

export interface Emulator {
  url: string
  port: number
  region: string
  /** Environment variables that point the AWS SDKs (and the action) at the emulator. */
  env(): Record<string, string>
  /** Every call, in order, in every region (each record says its `region`). */
  calls(): CallRecord[]
  /** The regions that have state: the home region and each one a request went to. */
  regions(): string[]
  /**
   * When each deployment reached its end (created, completed, rolling-back, rolled-back,
   * rollback-failed, creation-failed, out-of-service): simulated time, and the real time the
   * clock passed it.
   */
  events(): EmulatorEvent[]
  /** Create*, Update*, Delete*, Put*, Set*, AddTags, DeleteTags, TagResource... calls. */
  mutatingCalls(): CallRecord[]
  /**
   * The most instances an endpoint ran at once during its current or last deployment (old and
   * new, launching and terminating ones included), or the most copies of an inference component
   * during its current or last update; undefined before any.
   */
  peak(name: string): number | undefined
  /** Simulated epoch milliseconds. */
  now(): number
  /** Jumps the virtual clock forward and processes the simulation up to the new time. */
  advance(seconds: number): void
  /** Changes behaviour, switches or faults at runtime. */
  setScenario(partial: Partial<Scenario>): void
  /** With timeScale 'stepped': the clock that action processes attach to. */
  readonly stepped: SteppedTime | undefined
  close(): Promise<void>
}

/** The stepped clocks of the emulators running in this process, by URL (for the action runner). */
const steppedByUrl = new Map<string, { time: SteppedTime; port: number }>()

/** The stepped clock of the emulator at `url` in this process, if it runs on one. */
export function steppedTimeAt(
  url: string | undefined
): { time: SteppedTime; port: number } | undefined {
  return url === undefined ? undefined : steppedByUrl.get(url)
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const region = options.region ?? 'us-east-1'
  const accountId = options.accountId ?? '123456789012'
  const host = options.host ?? '127.0.0.1'
  let scenario = loadScenario(options.scenario)
  const callLogFile = options.callLogFile ?? process.env.EMULATOR_CALL_LOG ?? null
  const isStepped = options.timeScale === 'stepped'
  const clock = new VirtualClock(
    isStepped ? 0 : ((options.timeScale as number | undefined) ?? 60),
    Date.now,
    options.startTime
  )
  const simulatedStart = clock.now()
  const now = (): number => clock.now()
  const caller = callerArn(accountId)

  /** One region's state: its own simulation (endpoints, alarms, metrics) and services. */
  interface RegionState {
    sim: Simulation
    cloudwatch: CloudWatch
    services: RegionServices
  }
  const regions = new Map<string, RegionState>()
  const createRegion = (name: string): RegionState => {
    const sim = new Simulation(clock, () => scenario)
    const cloudwatch = new CloudWatch(
      sim.alarms,
      sim.metrics,
      name,
      accountId,
      now,
      () => scenario.customMetricDelaySeconds,
      seededRandom(scenario.seed + 37)
    )
    const sagemaker = new SageMaker({
      store: sim.store,
      region: name,
      accountId,
      now,
      scenario: () => scenario,
      alarmExists: alarm => sim.alarms.get(alarm) !== undefined
    })
    const applicationAutoScaling = new ApplicationAutoScaling({
      store: sim.store,
      region: name,
      accountId,
      now
    })
    const ecr = new Ecr({
      accountId,
      region: name,
      images: () => scenario.ecrImages,
      now,
      callerArn: caller
    })
    const serviceQuotas = new ServiceQuotas({
      accountId,
      region: name,
      instanceQuota: () => scenario.instanceQuota
    })
    return {
      sim,
      cloudwatch,
      services: {
        sagemaker: sagemaker.operations(),
        cloudwatch: cloudwatch.operations(),
        applicationAutoScaling: applicationAutoScaling.operations(),
        ecr: ecr.operations(),
        serviceQuotas: serviceQuotas.operations(),
        invoke: (endpoint, target, body) =>
          invokeEndpoint(sim, invokeRandom, accountId, name, endpoint, target, sim.catchUp(), body)
      }
    }
  }
  const regionState = (name: string): RegionState => {
    let state = regions.get(name)
    if (state === undefined) {
      state = createRegion(name)
      regions.set(name, state)
    }
    return state
  }
  const home = regionState(region)
  const sim = home.sim
  /** Processes every region's simulation up to now. */
  const catchUp = (): number => {
    for (const state of regions.values()) state.sim.catchUp()
    return clock.now()
  }
  const log = new CallLog(() => callLogFile ?? scenario.callLogFile)
  const invokeRandom = seededRandom(scenario.seed + 7)
  const gate = new Gate(seededRandom(scenario.seed + 13), accountId)
  const quotas = new QuotaGate()
  const advance = (seconds: number): number => {
    clock.advance(seconds)
    return catchUp()
  }
  const stepped = isStepped
    ? new SteppedTime({ now, advanceTo: at => advance(Math.max(0, at - clock.now()) / 1000) })
    : undefined
  const setScenario = (partial: Partial<Scenario>): void => {
    scenario = resolveScenario(partial, scenario)
    const at = catchUp()
    for (const state of regions.values()) state.sim.alarms.applyForced(at)
  }
  const resourceArn = (
    service: Service,
    params: Record<string, unknown>,
    callRegion: string
  ): string => {
    const arn = (kind: string, name: unknown): string =>
      `arn:aws:sagemaker:${callRegion}:${accountId}:${kind}/${String(name).toLowerCase()}`
    if (service === 'cloudwatch') {
      return typeof params.AlarmName === 'string'
        ? regionState(callRegion).cloudwatch.alarmArn(params.AlarmName)
        : '*'
    }
    if (service === 'application-autoscaling' || service === 'service-quotas') return '*'
    if (service === 'sts') return '*'
    if (service === 's3') return `arn:aws:s3:::${String(params.Path ?? '').replace(/^\//, '')}`
    if (service === 'ecr') {
      const registry = typeof params.registryId === 'string' ? params.registryId : accountId
      return `arn:aws:ecr:${callRegion}:${registry}:repository/${String(params.repositoryName)}`
    }
    if (params.InferenceComponentName !== undefined)
      return arn('inference-component', params.InferenceComponentName)
    if (params.EndpointName !== undefined) return arn('endpoint', params.EndpointName)
    if (params.EndpointConfigName !== undefined)
      return arn('endpoint-config', params.EndpointConfigName)
    if (params.ModelName !== undefined) return arn('model', params.ModelName)
    if (typeof params.ResourceArn === 'string') return params.ResourceArn
    return '*'
  }

  const server = createServer(
    createHandler({
      homeRegion: region,
      region: name => regionState(name).services,
      s3: (request, callRegion) => {
        const reply = headS3(
          request,
          scenario.s3Objects,
          region,
          callRegion,
          simulatedStart - 86_400_000
        )
        // A written object exists from now on (its own key wins over a prefix declared missing).
        if (reply.written !== undefined) {
          const { uri, region: bucketRegion } = reply.written
          scenario = {
            ...scenario,
            s3Objects: { ...scenario.s3Objects, [uri]: { region: bucketRegion } }
          }
        }
        return reply
      },
      callerIdentity: () => ({
        arn: caller,
        userId: 'AROAEMULATORDEPLOYROLE:emulator-session',
        account: accountId
      }),
      gate,
      quota: (service, operation, simulatedNow) =>
        quotas.check(service, operation, scenario.quotas, simulatedNow),
      log,
      events: () => sim.events.all(),
      catchUp,
      gateInputs: () => ({
        scenario,
        realElapsedMs: stepped ? clock.now() - simulatedStart : clock.realElapsedMs()
      }),
      ...(stepped ? { stepped } : {}),
      resourceArn,
      advance,
      setScenario: partial => setScenario(partial as Partial<Scenario>),
      health: () => ({
        ok: true,
        region,
        accountId,
        now: clock.now(),
        simulatedTime: new Date(clock.now()).toISOString(),
        calls: log.all().length,
        endpoints: [...sim.store.endpoints.values()].map(e => ({
          name: e.name,
          status: e.status,
          config: e.configName,
          ...(e.peakInstances === undefined ? {} : { peakInstances: e.peakInstances })
        }))
      })
    })
  )
  server.keepAliveTimeout = 1000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  const url = `http://${host}:${port}`
  if (stepped) steppedByUrl.set(url, { time: stepped, port })
  // Keep the simulation moving between requests so catch-up stays small.
  const ticker = setInterval(catchUp, 1000)
  ticker.unref()

  return {
    url,
    port,
    region,
    env: () => ({
      AWS_ENDPOINT_URL_SAGEMAKER: url,
      AWS_ENDPOINT_URL_CLOUDWATCH: url,
      AWS_ENDPOINT_URL_SAGEMAKER_RUNTIME: url,
      AWS_ENDPOINT_URL_APPLICATION_AUTO_SCALING: url,
      AWS_ENDPOINT_URL_STS: url,
      AWS_ENDPOINT_URL_S3: url,
      AWS_ENDPOINT_URL_ECR: url,
      AWS_ENDPOINT_URL_SERVICE_QUOTAS: url,
      AWS_REGION: region,
      AWS_DEFAULT_REGION: region,
      AWS_ACCESS_KEY_ID: 'AKIAEMULATOR00000000',
      AWS_SECRET_ACCESS_KEY: 'emulator-secret-access-key',
      AWS_EC2_METADATA_DISABLED: 'true'
    }),
    calls: () => log.all(),
    regions: () => [...regions.keys()],
    events: () => {
      sim.catchUp()
      return sim.events.all()
    },
    mutatingCalls: () => log.all().filter(c => c.mutating),
    peak: name => {
      sim.catchUp()
      return (
        sim.store.endpoint(name)?.peakInstances ??
        sim.store.inferenceComponents.get(name.toLowerCase())?.update?.peakCopies
      )
    },
    now: () => clock.now(),
    advance: seconds => {
      advance(seconds)
      // With no process attached, the emulator's own waits that are now due end (a slow request
      // that outlived the run that sent it is carried out).
      stepped?.wakeDue()
    },
    setScenario,
    stepped,
    close: () =>
      new Promise<void>((resolve, reject) => {
        steppedByUrl.delete(url)
        clearInterval(ticker)
        server.closeAllConnections()
        server.close(error => (error === undefined ? resolve() : reject(error)))
      })
  }
}
