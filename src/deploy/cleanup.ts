// Deleting what a run created, told truly: a delete whose answer was lost (or refused on a retry
// because the first attempt had already deleted it) is settled by a read, never by the error.
import type { AwsApi } from '../aws/api.js'
import { errorMessage } from '../errors.js'
import type { Logger } from '../types.js'

const O = { ignoreCancel: true }

/** Deletes endpoint config or model `name`; whether it is gone is what a read shows. */
export async function deleteCreated(
  api: AwsApi,
  kind: 'endpoint config' | 'model',
  name: string,
  log: Logger
): Promise<boolean> {
  try {
    if (kind === 'model') await api.deleteModel(name, O)
    else await api.deleteEndpointConfig(name, O)
    log.info(`Cleanup: deleted ${kind} ${name} (created by this run)`)
    return true
  } catch (e) {
    const error = errorMessage(e)
    let gone: boolean | undefined
    try {
      const found =
        kind === 'model'
          ? await api.describeModel(name, O)
          : await api.describeEndpointConfig(name, O)
      gone = found === undefined
    } catch {
      gone = undefined
    }
    if (gone) {
      log.info(
        `Cleanup: deleted ${kind} ${name} (created by this run; the answer was lost: ${error} A read shows it gone).`
      )
      return true
    }
    log.warning(
      `Cleanup: ${kind} ${name} (created by this run) ${gone === false ? 'is still there' : 'may still be there (a read failed too)'} after: ${error} Delete it by hand if nothing uses it.`
    )
    return false
  }
}
