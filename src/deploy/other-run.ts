// Another deployment seen on the target after this run's: who made it and when, from the
// provenance tags this action puts on what it creates (planTags) and the resource's creation
// time. Best effort: a read that fails adds nothing, and never changes a verdict.
import type { AwsApi } from '../aws/api.js'
import { ACTION_TAG_PREFIX } from '../inputs/index.js'

const tag = (tags: Readonly<Record<string, string>>, key: string): string | undefined =>
  tags[`${ACTION_TAG_PREFIX}${key}`] || undefined

/** "made by run 8002 (attempt 1) of org/repo at abc1234, workflow deploy", or undefined. */
export function provenance(tags: Readonly<Record<string, string>>): string | undefined {
  const runId = tag(tags, 'run-id')
  if (runId === undefined) return undefined
  const attempt = tag(tags, 'run-attempt')
  const repository = tag(tags, 'repository')
  const sha = tag(tags, 'sha')
  const workflow = tag(tags, 'workflow')
  return [
    `run ${runId}${attempt ? ` (attempt ${attempt})` : ''}`,
    repository ? ` of ${repository}` : '',
    sha ? ` at ${sha.slice(0, 7)}` : '',
    workflow ? `, workflow "${workflow}"` : ''
  ].join('')
}

const utc = (d: Date): string => `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`

/** Who made resource `name` (an endpoint config, or a model on the component path), and when. */
export async function whoMade(
  api: AwsApi,
  kind: 'config' | 'model',
  name: string
): Promise<string | undefined> {
  const o = { ignoreCancel: true, deadlineMs: 10_000 }
  try {
    const described =
      kind === 'config'
        ? await api
            .describeEndpointConfig(name, o)
            .then(d => d && { arn: d.EndpointConfigArn, at: d.CreationTime })
        : await api.describeModel(name, o).then(d => d && { arn: d.ModelArn, at: d.CreationTime })
    if (!described?.arn) return undefined
    const by = provenance(await api.listTags(described.arn, o))
    const when = described.at ? `created ${utc(new Date(described.at))}` : undefined
    const who = by ? `made by ${by}` : 'not made by this action'
    return [who, when].filter(Boolean).join(', ')
  } catch {
    return undefined
  }
}
