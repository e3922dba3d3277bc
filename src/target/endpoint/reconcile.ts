// Truth after CreateEndpoint or UpdateEndpoint: whether a read of the endpoint shows this run's
// config, pending or live.
import type { AwsApi } from '../../aws/api.js'
import { readBackWith, type WriteState } from '../../deploy/reconcile.js'
import type { DescribeEndpointLike } from '../../watch/snapshot.js'

/** How an endpoint looks in one phrase, for messages. */
export function describeState(ep: DescribeEndpointLike | undefined): string {
  if (!ep) return 'the endpoint does not exist'
  const pending = ep.PendingDeploymentSummary?.EndpointConfigName
  return `${ep.EndpointStatus ?? 'Unknown'} on ${ep.EndpointConfigName ?? '?'}${pending ? `, deploying ${pending}` : ''}`
}

/** Pure: whether a read shows the config this run asked for, pending or live. */
export function classifyWrite(
  ep: DescribeEndpointLike | undefined,
  configName: string
): WriteState {
  const seen = describeState(ep)
  if (!ep) return { kind: 'not-applied', seen }
  const applied =
    ep.PendingDeploymentSummary?.EndpointConfigName === configName ||
    ep.EndpointConfigName === configName
  return { kind: applied ? 'applied' : 'not-applied', seen }
}

export interface ReadBackDeps {
  readonly api: Pick<AwsApi, 'describeEndpoint'>
  sleep(ms: number): Promise<void>
}

/** The endpoint read back after a failed CreateEndpoint or UpdateEndpoint. */
export function readBack(
  deps: ReadBackDeps,
  endpointName: string,
  configName: string,
  mayStillArrive: boolean
): Promise<WriteState> {
  return readBackWith(
    async o => classifyWrite(await deps.api.describeEndpoint(endpointName, o), configName),
    deps.sleep,
    mayStillArrive
  )
}
