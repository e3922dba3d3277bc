// The verification gate's calls: InvokeEndpoint (SageMaker Runtime) for the golden requests and
// PutMetricData for the gate's metric. Loaded only when a step has a gate.
import type { Call, CallOptions } from './call.js'

export interface InvokeAnswer {
  readonly body: string
  readonly contentType: string | undefined
}

export interface GateApi {
  invokeEndpoint(
    input: {
      readonly endpointName: string
      readonly body: string
      readonly contentType: string
      readonly accept: string | undefined
    },
    o?: CallOptions
  ): Promise<InvokeAnswer>
  putMetricData(
    namespace: string,
    data: readonly Readonly<Record<string, unknown>>[],
    o?: CallOptions
  ): Promise<void>
  destroy(): void
}

type ClientConfig = Record<string, unknown>

/**
 * A golden request is tried once: a throttled or failed one is counted as an error, never
 * retried into a second request the endpoint's metrics would count too.
 */
export async function createGateApi(
  config: (maxAttempts: number) => ClientConfig,
  call: Call,
  cloudwatch: () => Promise<{
    cw: typeof import('@aws-sdk/client-cloudwatch')
    client: import('@aws-sdk/client-cloudwatch').CloudWatchClient
  }>
): Promise<GateApi> {
  const runtime = await import('@aws-sdk/client-sagemaker-runtime')
  const client = new runtime.SageMakerRuntimeClient(config(1))
  const decoder = new TextDecoder()
  return {
    invokeEndpoint: async (input, o) => {
      const out = await call('InvokeEndpoint', o, abortSignal =>
        client.send(
          new runtime.InvokeEndpointCommand({
            EndpointName: input.endpointName,
            Body: new TextEncoder().encode(input.body),
            ContentType: input.contentType,
            ...(input.accept !== undefined ? { Accept: input.accept } : {})
          }),
          { abortSignal }
        )
      )
      return { body: out.Body ? decoder.decode(out.Body) : '', contentType: out.ContentType }
    },
    putMetricData: async (namespace, data, o) => {
      const { cw, client: cwClient } = await cloudwatch()
      await call('PutMetricData', o, abortSignal =>
        cwClient.send(
          new cw.PutMetricDataCommand({ Namespace: namespace, MetricData: data as never }),
          { abortSignal }
        )
      )
    },
    destroy: () => client.destroy()
  }
}
