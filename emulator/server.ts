// The HTTP front: routes SageMaker (JSON 1.1), CloudWatch (JSON 1.0 query-compatible),
// SageMaker Runtime (REST), Application Auto Scaling, ECR and Service Quotas (JSON 1.1), S3 (REST)
// and STS (query) requests to the region in their SigV4 credential scope, renders each service's
// error shape, logs every call, applies the gate (credentials, IAM allow-list, faults), and serves
// /_emulator/ introspection.

import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { gunzipSync } from 'node:zlib'
import type { CallLog, CallService } from './calls.js'
import { ApiError, errorMessage, type Service } from './errors.js'
import type { Gate } from './faults.js'
import type { RuntimeReply } from './runtime.js'
import { s3ErrorXml, s3Operation, escapeXml, type S3Reply, type S3Request } from './s3.js'
import type { SteppedTime } from './stepped-time.js'

type Handler = (params: Record<string, unknown>) => unknown

/** The services of one region. */
export interface RegionServices {
  sagemaker: Record<string, Handler>
  cloudwatch: Record<string, Handler>
  applicationAutoScaling: Record<string, Handler>
  ecr: Record<string, Handler>
  serviceQuotas: Record<string, Handler>
  invoke(name: string, targetVariant: string | undefined, body: Buffer): RuntimeReply
}

export interface ServerDeps {
  /** The region a request without a SigV4 credential scope goes to. */
  homeRegion: string
  /** The services of a region (created empty on first use). */
  region(name: string): RegionServices
  /** S3 HeadObject, HeadBucket, PutObject, CopyObject, answered for the request's region. */
  s3(request: S3Request, region: string): S3Reply
  /** STS GetCallerIdentity: the caller's ARN, user id and account. */
  callerIdentity(): { arn: string; userId: string; account: string }
  gate: Gate
  /** Per-account request quotas: the throttling error to answer, if over. */
  quota?(service: Service, operation: string, simulatedNow: number): ApiError | undefined
  log: CallLog
  /** The event log (deployment verdicts in simulated and real time). */
  events(): unknown[]
  /** Processes the simulation up to now and returns simulated epoch ms. */
  catchUp(): number
  gateInputs(): { scenario: Parameters<Gate['check']>[2]; realElapsedMs: number }
  resourceArn(service: Service, params: Record<string, unknown>, region: string): string
  advance(seconds: number): number
  setScenario(partial: Record<string, unknown>): void
  health(): Record<string, unknown>
  /** On stepped time, slow and held answers wait in simulated time, and requests are tracked. */
  stepped?: SteppedTime
}

const TARGETS: Record<string, Service> = {
  SageMaker: 'sagemaker',
  GraniteServiceVersion20100801: 'cloudwatch',
  AnyScaleFrontendService: 'application-autoscaling',
  AmazonEC2ContainerRegistry_V20150921: 'ecr',
  ServiceQuotasV20190624: 'service-quotas'
}
const CONTENT_TYPES: Record<Service, string> = {
  sagemaker: 'application/x-amz-json-1.1',
  cloudwatch: 'application/x-amz-json-1.0',
  runtime: 'application/json',
  'application-autoscaling': 'application/x-amz-json-1.1',
  ecr: 'application/x-amz-json-1.1',
  'service-quotas': 'application/x-amz-json-1.1',
  s3: 'application/xml',
  sts: 'text/xml'
}
const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/'

/** Region and signing name from `Authorization: AWS4-HMAC-SHA256 Credential=AKID/date/region/service/aws4_request`. */
export function credentialScope(
  req: IncomingMessage
): { region: string; service: string } | undefined {
  const header = String(req.headers.authorization ?? '')
  const match = /Credential=[^/,\s]+\/\d{8}\/([^/,\s]+)\/([^/,\s]+)\/aws4_request/.exec(header)
  if (match === null || match[1] === undefined || match[2] === undefined) return undefined
  return { region: match[1], service: match[2] }
}

interface Reply {
  status: number
  headers: Record<string, string>
  body: string
  error?: string
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

// Unref'd: a held or slowed answer never keeps a test process (or a closing emulator) alive.
const realSleep = (ms: number): Promise<void> =>
  new Promise(resolve => setTimeout(resolve, ms).unref())

/** The request's id from an action on stepped time (emulator/action-clock.cjs). */
function steppedRequest(
  deps: ServerDeps,
  req: IncomingMessage,
  res: ServerResponse
): string | undefined {
  const id = req.headers['x-emulator-request']
  if (deps.stepped === undefined || typeof id !== 'string') return undefined
  const stepped = deps.stepped
  stepped.requestReceived(id)
  let answered = false
  const done = (): void => {
    if (answered) return
    answered = true
    stepped.requestAnswered(id)
  }
  res.once('finish', done)
  res.once('close', done)
  // The answer says when it was given: a process that waited on a held answer has not been woken
  // by the clock since, and its own clock catches up from this.
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse
  res.writeHead = ((...args: unknown[]) => {
    res.setHeader('x-emulator-now', String(stepped.now()))
    // The HTTP date too: the SDK corrects its clock skew from it, and retries an error answer
    // whose date is far from its own clock (which is the simulated one).
    res.setHeader('date', new Date(stepped.now()).toUTCString())
    return writeHead(...args)
  }) as typeof res.writeHead
  return id
}

export function errorReply(service: Service, error: ApiError): Reply {
  const headers: Record<string, string> = { 'content-type': CONTENT_TYPES[service] }
  if (service === 's3') {
    return {
      status: error.status,
      headers,
      body: s3ErrorXml(error.code, error.message, randomUUID()),
      error: `${error.code}: ${error.message}`
    }
  }
  if (service === 'sts') {
    const type = error.status >= 500 ? 'Receiver' : 'Sender'
    return {
      status: error.status,
      headers,
      body: `<ErrorResponse xmlns="${STS_NS}"><Error><Type>${type}</Type><Code>${error.code}</Code><Message>${escapeXml(error.message)}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
      error: `${error.code}: ${error.message}`
    }
  }
  if (service === 'cloudwatch') {
    headers['x-amzn-query-error'] =
      `${error.queryCode ?? error.code};${error.status >= 500 ? 'Receiver' : 'Sender'}`
    return {
      status: error.status,
      headers,
      body: JSON.stringify({
        __type: `com.amazonaws.cloudwatch#${error.code}`,
        message: error.message
      }),
      error: `${error.code}: ${error.message}`
    }
  }
  if (service === 'runtime') headers['x-amzn-errortype'] = error.code
  return {
    status: error.status,
    headers,
    body: JSON.stringify({ __type: error.code, message: error.message }),
    error: `${error.code}: ${error.message}`
  }
}

export function createHandler(
  deps: ServerDeps
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(deps, req, res).catch(error => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ __type: 'InternalFailure', message: errorMessage(error) }))
      }
    })
  }
}

async function handle(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const requestId = steppedRequest(deps, req, res)
  const printedBefore = Number(req.headers['x-emulator-stdout'])
  if (requestId !== undefined && Number.isFinite(printedBefore))
    await deps.stepped?.printed(requestId, printedBefore)
  const sleep = (ms: number): Promise<void> =>
    deps.stepped ? deps.stepped.sleep(ms, requestId) : realSleep(ms)
  let raw = await readBody(req)
  // The SDK gzips a CloudWatch PutMetricData body of 10 KiB or more (the model's
  // requestCompression trait): Content-Encoding: gzip.
  if (/\bgzip\b/i.test(String(req.headers['content-encoding'] ?? ''))) {
    try {
      raw = gunzipSync(raw)
    } catch {
      // Left as sent: the JSON parse below answers SerializationException.
    }
  }
  const body = raw.toString('utf8')
  const url = new URL(req.url ?? '/', 'http://emulator')
  if (url.pathname.startsWith('/_emulator/')) return introspect(deps, req, url, body, res)

  const scope = credentialScope(req)
  const region = scope?.region ?? deps.homeRegion
  const invocation = /^\/endpoints\/([^/]+)\/invocations\/?$/.exec(url.pathname)
  const target = String(req.headers['x-amz-target'] ?? '')
  const [prefix = '', operation = ''] = target.split('.', 2)
  const contentType = String(req.headers['content-type'] ?? '')
  const copySource = req.headers['x-amz-copy-source']
  const s3Request: S3Request = {
    method: req.method ?? 'GET',
    path: url.pathname,
    host: String(req.headers.host ?? ''),
    ...(typeof copySource === 'string' ? { copySource } : {})
  }
  let service: Service
  let op: string
  let params: Record<string, unknown>
  if (invocation !== null && req.method === 'POST') {
    service = 'runtime'
    op = 'InvokeEndpoint'
    params = {
      EndpointName: decodeURIComponent(invocation[1] ?? ''),
      ContentType: req.headers['content-type'],
      Accept: req.headers.accept,
      BodyLength: raw.length
    }
    const targetVariant = req.headers['x-amzn-sagemaker-target-variant']
    if (typeof targetVariant === 'string') params.TargetVariant = targetVariant
  } else if (
    target === '' &&
    (scope?.service === 's3' || (req.method !== 'POST' && scope?.service !== 'sts'))
  ) {
    service = 's3'
    op = s3Operation(s3Request)
    params = { Host: s3Request.host, Path: url.pathname }
  } else if (
    target === '' &&
    (scope?.service === 'sts' ||
      (scope === undefined &&
        /x-www-form-urlencoded/i.test(contentType) &&
        /(^|&)Action=GetCallerIdentity(&|$)/.test(body)))
  ) {
    service = 'sts'
    params = Object.fromEntries(new URLSearchParams(body))
    op = String(params.Action ?? '')
  } else {
    service =
      TARGETS[prefix] ??
      (req.headers['x-amzn-query-mode'] !== undefined ? 'cloudwatch' : 'sagemaker')
    op = operation || target || `${req.method ?? 'GET'} ${url.pathname}`
    try {
      params = body.trim() === '' ? {} : (JSON.parse(body) as Record<string, unknown>)
      if (typeof params !== 'object' || params === null || Array.isArray(params))
        throw new Error('not an object')
    } catch {
      return send(
        deps,
        res,
        { service, op, params: {}, region },
        errorReply(
          service,
          new ApiError(
            'SerializationException',
            'The request body is not valid JSON.',
            400,
            'SerializationException'
          )
        )
      )
    }
  }
  const call: Call = { service, op, params, region }

  const simNow = deps.catchUp()
  const { scenario, realElapsedMs } = deps.gateInputs()
  const verdict = deps.gate.check(
    service,
    op,
    scenario,
    realElapsedMs,
    deps.resourceArn(service, params, region)
  )
  if (verdict.kind === 'drop') {
    deps.log.add({
      service,
      operation: op,
      params,
      simulatedTime: simNow,
      realTime: Date.now(),
      status: 0,
      region,
      error: 'connection dropped (injected fault)'
    })
    req.socket.destroy()
    return
  }
  if (verdict.delayMs > 0) await sleep(verdict.delayMs)
  if (verdict.kind === 'error') return send(deps, res, call, errorReply(service, verdict.error))
  const overQuota = deps.quota?.(service, op, simNow)
  if (overQuota) return send(deps, res, call, errorReply(service, overQuota))
  const reply = execute(deps, call, raw, s3Request)
  const after = verdict.after
  if (after === undefined) return send(deps, res, call, reply)
  // Carried out now; the answer is lost or held back, so the caller cannot tell from it alone.
  logCall(
    deps,
    call,
    reply,
    after.kind === 'drop'
      ? 'dropped after the call was carried out (injected fault)'
      : `held ${after.ms} ms after the call was carried out (injected fault)`
  )
  if (after.kind === 'drop') {
    req.socket.destroy()
    return
  }
  await sleep(after.ms)
  if (!res.destroyed && !req.socket.destroyed) respond(res, reply)
}

interface Call {
  service: CallService & Service
  op: string
  params: Record<string, unknown>
  region: string
}

const SERVICE_NAMES: Record<Service, string> = {
  sagemaker: 'SageMaker',
  cloudwatch: 'CloudWatch',
  runtime: 'SageMaker Runtime',
  'application-autoscaling': 'Application Auto Scaling',
  ecr: 'ECR',
  'service-quotas': 'Service Quotas',
  s3: 'S3',
  sts: 'STS'
}

function s3Reply(reply: S3Reply): Reply {
  const body = reply.body ?? ''
  return {
    status: reply.status,
    headers: { 'content-length': String(Buffer.byteLength(body)), ...reply.headers },
    body,
    ...(reply.error === undefined ? {} : { error: reply.error })
  }
}

function stsReply(deps: ServerDeps, op: string): Reply {
  if (op !== 'GetCallerIdentity') {
    throw new ApiError(
      'InvalidAction',
      `Could not find operation ${op} for version 2011-06-15 (the emulated STS service supports GetCallerIdentity only)`
    )
  }
  const who = deps.callerIdentity()
  return {
    status: 200,
    headers: { 'content-type': CONTENT_TYPES.sts },
    body: `<GetCallerIdentityResponse xmlns="${STS_NS}">\n  <GetCallerIdentityResult>\n    <Arn>${escapeXml(who.arn)}</Arn>\n    <UserId>${escapeXml(who.userId)}</UserId>\n    <Account>${who.account}</Account>\n  </GetCallerIdentityResult>\n  <ResponseMetadata>\n    <RequestId>${randomUUID()}</RequestId>\n  </ResponseMetadata>\n</GetCallerIdentityResponse>\n`
  }
}

function execute(deps: ServerDeps, call: Call, body: Buffer, s3Request: S3Request): Reply {
  const { service, op, params, region } = call
  try {
    if (service === 's3') return s3Reply(deps.s3(s3Request, region))
    if (service === 'sts') return stsReply(deps, op)
    const services = deps.region(region)
    if (service === 'runtime') {
      const target = params.TargetVariant
      return services.invoke(
        String(params.EndpointName),
        typeof target === 'string' ? target : undefined,
        body
      )
    }
    const handlers = {
      sagemaker: services.sagemaker,
      cloudwatch: services.cloudwatch,
      'application-autoscaling': services.applicationAutoScaling,
      ecr: services.ecr,
      'service-quotas': services.serviceQuotas
    }[service]
    const handler = handlers[op]
    if (handler === undefined) {
      throw new ApiError(
        'UnknownOperationException',
        `The operation ${op} is not supported by the emulated ${SERVICE_NAMES[service]} service.`
      )
    }
    const output = handler(params)
    return {
      status: 200,
      headers: { 'content-type': CONTENT_TYPES[service] },
      body: JSON.stringify(output ?? {})
    }
  } catch (error) {
    if (error instanceof ApiError) return errorReply(service, error)
    const failure = new ApiError(
      service === 'cloudwatch' ? 'InternalServiceFault' : 'InternalFailure',
      errorMessage(error),
      500,
      'InternalServiceError'
    )
    return errorReply(service, failure)
  }
}

function send(deps: ServerDeps, res: ServerResponse, call: Call, reply: Reply): void {
  logCall(deps, call, reply)
  respond(res, reply)
}

function logCall(deps: ServerDeps, call: Call, reply: Reply, answer?: string): void {
  deps.log.add({
    service: call.service,
    operation: call.op,
    params: call.params,
    simulatedTime: deps.catchUp(),
    realTime: Date.now(),
    status: reply.status,
    region: call.region,
    ...(reply.error === undefined ? {} : { error: reply.error }),
    ...(answer === undefined ? {} : { answer })
  })
}

function respond(res: ServerResponse, reply: Reply): void {
  const requestId = randomUUID()
  res.writeHead(reply.status, {
    'x-amzn-requestid': requestId,
    'x-amz-request-id': requestId,
    'content-length': Buffer.byteLength(reply.body),
    ...reply.headers
  })
  res.end(reply.body)
}

function introspect(
  deps: ServerDeps,
  req: IncomingMessage,
  url: URL,
  body: string,
  res: ServerResponse
): void {
  const json = (status: number, value: unknown): void => {
    const text = JSON.stringify(value)
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text)
    })
    res.end(text)
  }
  const route = `${req.method ?? 'GET'} ${url.pathname.replace(/\/$/, '')}`
  try {
    switch (route) {
      case 'GET /_emulator/health':
        deps.catchUp()
        return json(200, deps.health())
      case 'GET /_emulator/calls':
        return json(200, deps.log.all())
      case 'GET /_emulator/events':
        deps.catchUp()
        return json(200, deps.events())
      case 'POST /_emulator/advance': {
        const seconds = Number(url.searchParams.get('seconds') ?? '0')
        if (!Number.isFinite(seconds) || seconds < 0)
          return json(400, { message: 'seconds must be a number >= 0' })
        const now = deps.advance(seconds)
        deps.log.add({
          service: 'emulator',
          operation: 'Advance',
          params: { seconds },
          simulatedTime: now,
          realTime: Date.now(),
          status: 200
        })
        return json(200, { now, simulatedTime: new Date(now).toISOString() })
      }
      case 'POST /_emulator/scenario':
        deps.setScenario(body.trim() === '' ? {} : (JSON.parse(body) as Record<string, unknown>))
        return json(200, { ok: true })
      default:
        return json(404, { message: `Unknown emulator route ${route}` })
    }
  } catch (error) {
    return json(400, { message: errorMessage(error) })
  }
}
