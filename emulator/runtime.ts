// SageMaker Runtime InvokeEndpoint (REST JSON): answers per the serving fleet's model behaviour
// and counts the call in the endpoint's metrics.

import { ApiError } from './errors.js'
import { modelAnswer, wrongAnswer } from './model-answer.js'
import type { Random } from './random.js'
import type { Simulation } from './simulation.js'
import { answer, isServing, pickSlice, servingSlices, type Outcome } from './traffic.js'

export interface RuntimeReply {
  status: number
  headers: Record<string, string>
  body: string
  error?: string
}

/** What the model said; the timeout text is the service's, the others are the emulator's. */
const ORIGINAL_MESSAGES: Record<Exclude<Outcome['kind'], 'ok'>, string> = {
  'server-error': 'simulated model error',
  'client-error': 'simulated model error',
  timeout:
    'Your invocation timed out while waiting for a response from container primary. Review the latency metrics for each container in Amazon CloudWatch, resolve the issue, and try again.',
  'socket-error': 'simulated socket error: the connection to container primary was reset'
}

export function invokeEndpoint(
  sim: Simulation,
  random: Random,
  accountId: string,
  region: string,
  name: string,
  targetVariant: string | undefined,
  now: number,
  body: Uint8Array | string = ''
): RuntimeReply {
  const endpoint = sim.store.endpoint(name)
  if (endpoint === undefined || endpoint.name !== name) {
    throw new ApiError('ValidationError', `Endpoint ${name} of account ${accountId} not found.`)
  }
  const slices = servingSlices(endpoint).filter(
    s => targetVariant === undefined || s.variant.variantName === targetVariant
  )
  const slice = isServing(endpoint) ? pickSlice(slices, random) : undefined
  if (slice === undefined) {
    throw new ApiError(
      'ValidationError',
      `Endpoint ${name} of account ${accountId} is not in service (status ${endpoint.status}).`
    )
  }
  const outcome = answer(sim.scenario(), slice.variant, random, now)
  sim.traffic.recordInvocation(endpoint, slice, outcome, now)
  const variant = slice.variant.variantName
  if (outcome.kind !== 'ok') {
    const original = ORIGINAL_MESSAGES[outcome.kind]
    const message = `Received ${outcome.kind === 'client-error' ? 'client' : 'server'} error (${outcome.status}) from primary with message "${original}". See https://${region}.console.aws.amazon.com/cloudwatch/home?region=${region}#logEventViewer:group=/aws/sagemaker/Endpoints/${name} in account ${accountId} for more information.`
    return {
      status: 424,
      headers: { 'x-amzn-errortype': 'ModelError', 'x-amzn-invoked-production-variant': variant },
      body: JSON.stringify({
        ErrorCode:
          outcome.kind === 'client-error' ? 'CLIENT_ERROR_FROM_MODEL' : 'SERVER_ERROR_FROM_MODEL',
        OriginalStatusCode: outcome.status,
        OriginalMessage: original,
        LogStreamArn: `arn:aws:logs:${region}:${accountId}:log-group:/aws/sagemaker/Endpoints/${name}`,
        message
      }),
      error: `ModelError: ${message}`
    }
  }
  // A correct model answers the truth of the body; a wrong answer (wrongAnswerRate) its mirror.
  const right = modelAnswer(body)
  const { label, score } = outcome.wrong === true ? wrongAnswer(right) : right
  return {
    status: 200,
    // The body is what a model says, nothing more: the same request gets the same answer from
    // any correct model, as golden requests compared with blue's answers expect. Which fleet
    // answered is told in headers (the variant is SageMaker's; the other two the emulator's).
    headers: {
      'content-type': 'application/json',
      'x-amzn-invoked-production-variant': variant,
      'x-emulator-model': slice.variant.modelName,
      'x-emulator-endpoint-config': slice.configName,
      'x-emulator-model-latency-ms': String((outcome.modelLatencyUs ?? 0) / 1000)
    },
    body: JSON.stringify({ label, score, predictions: [score] })
  }
}
