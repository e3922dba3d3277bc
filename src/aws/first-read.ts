// The first request of a run, sent as soon as the SageMaker client is ready: pre-flight's first
// read of the endpoint. The rest of the action loads while it is in flight; pre-flight then
// gets this answer (or error) instead of sending the same read again. An answer older than
// FRESH_MS is not used: the read is sent again.
import type { AwsApi } from './api.js'

export const FRESH_MS = 30_000

export function withFirstRead(api: AwsApi, endpointName: string, now: () => number): AwsApi {
  const sentAt = now()
  let first: ReturnType<AwsApi['describeEndpoint']> | undefined = api.describeEndpoint(endpointName)
  // Until pre-flight takes it, a failure of this read is nobody's unhandled rejection.
  first.catch(() => undefined)
  return {
    ...api,
    describeEndpoint: (name, o) => {
      const answer = first
      first = undefined
      if (answer && name === endpointName && o === undefined && now() - sentAt <= FRESH_MS)
        return answer
      return api.describeEndpoint(name, o)
    }
  }
}
