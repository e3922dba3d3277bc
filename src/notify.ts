// GitHub side effects: the pull-request comment (one per endpoint, updated in place at the start,
// at each traffic step and at the verdict) and the optional GitHub Deployment status. A GitHub
// problem is a warning, never a failed deployment.
import * as core from '@actions/core'
import { GitHubDeployments } from './github/deployment.js'
import { prCommenterFor, splitRepository, type PrCommenter } from './github/pr-comment.js'
import { runUrl } from './report/links.js'
import type { DeployRequest, Outcome, RunContext } from './types.js'

export interface Notifier {
  /** The comment body changed (start, a new traffic step). */
  progress(markdown: string): Promise<void>
  /** The verdict: final comment and deployment status. */
  finish(markdown: string, outcome: Outcome, description: string): Promise<void>
}

const warnOnce = (seen: Set<string>) => (warning: string | undefined) => {
  if (warning && !seen.has(warning)) {
    seen.add(warning)
    core.warning(warning)
  }
}

export async function createNotifier(
  request: DeployRequest,
  run: RunContext,
  env: Readonly<Record<string, string | undefined>>
): Promise<Notifier> {
  const warn = warnOnce(new Set())
  let commenter: PrCommenter | undefined
  if (request.prComment) {
    if (!request.githubToken) {
      warn('pr-comment is on but github-token is empty: no pull request comment.')
    } else {
      const found = prCommenterFor({
        token: request.githubToken,
        repository: run.repository,
        endpointName: request.endpointName,
        prNumber: request.prNumber,
        env
      })
      commenter = found.commenter
      if (!found.commenter) core.debug(`No pull request comment: ${found.reason}.`)
    }
  }

  let deployments: GitHubDeployments | undefined
  let deploymentId: number | undefined
  const target = splitRepository(run.repository)
  const logUrl = runUrl(run)
  if (request.githubDeployment && !request.dryRun && target) {
    deployments = new GitHubDeployments({ token: request.githubToken })
    const created = await deployments.createDeployment({
      ...target,
      ref: run.sha,
      environment: request.deploymentEnvironment ?? request.endpointName,
      description: `SageMaker blue/green deployment to ${request.endpointName}`,
      payload: { endpoint: request.endpointName, region: request.region }
    })
    if (created.ok) {
      deploymentId = created.value
      const status = await deployments.setStatus(deploymentId, 'in_progress', {
        ...(logUrl ? { logUrl } : {}),
        description: 'Shifting traffic'
      })
      if (!status.ok) warn(status.warning)
    } else {
      warn(created.warning)
    }
  }

  let lastBody = ''
  return {
    async progress(markdown) {
      if (!commenter || markdown === lastBody) return
      lastBody = markdown
      warn(await commenter.update(markdown))
    },
    async finish(markdown, outcome, description) {
      if (commenter) warn(await commenter.update(markdown))
      if (deployments && deploymentId !== undefined) {
        // Cancelled: the action stopped, not the deployment (SageMaker may still complete it).
        const state =
          outcome === 'deployed'
            ? 'success'
            : outcome === 'started'
              ? 'in_progress'
              : outcome === 'cancelled'
                ? 'error'
                : 'failure'
        const result = await deployments.setStatus(deploymentId, state, {
          ...(logUrl ? { logUrl } : {}),
          description
        })
        if (!result.ok) warn(result.warning)
      }
    }
  }
}
