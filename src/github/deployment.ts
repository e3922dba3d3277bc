// A GitHub Deployment that mirrors the SageMaker rollout: created at the start, moved to
// in_progress, then success / failure / error with the verdict. Failures become warnings.
import { githubClient, type GitHubClient } from './client.js'
import { errorFacts, reasonText, type GitHubResult } from './errors.js'

export type DeploymentState = 'in_progress' | 'success' | 'failure' | 'error'

export interface DeploymentRequest {
  readonly owner: string
  readonly repo: string
  /** A commit SHA is safest: refs/pull/N/merge is not a ref the Deployments API accepts. */
  readonly ref: string
  readonly environment: string
  readonly description: string
  readonly productionEnvironment?: boolean | undefined
  /** Free JSON stored with the deployment (endpoint, config names). */
  readonly payload?: Readonly<Record<string, unknown>> | undefined
}

export interface DeploymentStatusDetails {
  /** The workflow run URL. */
  readonly logUrl?: string | undefined
  /** The endpoint's page in the SageMaker console. */
  readonly environmentUrl?: string | undefined
  readonly description?: string | undefined
}

export interface GitHubDeploymentsOptions {
  readonly token: string
  /** Defaults to GITHUB_API_URL, then https://api.github.com. */
  readonly apiUrl?: string | undefined
}

/** GitHub limits a deployment (status) description to 140 characters. */
const MAX_DESCRIPTION = 140

const FIX_403 = 'Give the job "permissions: deployments: write", or set github-deployment: false.'

export class GitHubDeployments {
  private client: Promise<GitHubClient> | undefined
  private target: { owner: string; repo: string } | undefined

  constructor(private readonly options: GitHubDeploymentsOptions) {}

  async createDeployment(request: DeploymentRequest): Promise<GitHubResult<number>> {
    if (this.options.token === '') return noToken('create the GitHub deployment')
    try {
      const client = await this.octokit()
      const { owner, repo, ref, environment } = request
      const created = await client.rest.repos.createDeployment({
        owner,
        repo,
        ref,
        environment,
        description: clip(request.description),
        auto_merge: false,
        required_contexts: [],
        transient_environment: false,
        production_environment: request.productionEnvironment ?? false,
        ...(request.payload === undefined ? {} : { payload: { ...request.payload } })
      })
      const id = (created.data as { id?: unknown }).id
      if (typeof id !== 'number') {
        const message = (created.data as { message?: unknown }).message
        return this.fail('create the GitHub deployment', {
          status: created.status,
          detail: typeof message === 'string' ? message : 'no deployment id in the answer'
        })
      }
      this.target = { owner, repo }
      return { ok: true, value: id }
    } catch (error) {
      return this.fail('create the GitHub deployment', errorFacts(error, this.options.token))
    }
  }

  /** Sets the state of a deployment created by createDeployment. */
  async setStatus(
    deploymentId: number,
    state: DeploymentState,
    details: DeploymentStatusDetails = {}
  ): Promise<GitHubResult<number>> {
    const action = `set the GitHub deployment status to ${state}`
    if (this.options.token === '') return noToken(action)
    if (this.target === undefined)
      return { ok: false, warning: `Could not ${action}: the deployment was never created.` }
    try {
      const client = await this.octokit()
      const status = await client.rest.repos.createDeploymentStatus({
        ...this.target,
        deployment_id: deploymentId,
        state,
        ...(details.logUrl === undefined ? {} : { log_url: details.logUrl }),
        ...(details.environmentUrl === undefined
          ? {}
          : { environment_url: details.environmentUrl }),
        ...(details.description === undefined ? {} : { description: clip(details.description) })
      })
      return { ok: true, value: status.data.id }
    } catch (error) {
      return this.fail(action, errorFacts(error, this.options.token))
    }
  }

  private fail(
    action: string,
    facts: { status: number | undefined; detail: string }
  ): GitHubResult<never> {
    return { ok: false, warning: `Could not ${action} ${reasonText(facts)}. ${fix(facts.status)}` }
  }

  private octokit(): Promise<GitHubClient> {
    this.client ??= githubClient(this.options.token, this.options.apiUrl)
    return this.client
  }
}

function noToken(action: string): GitHubResult<never> {
  const fixText = 'Set github-token, or set github-deployment: false.'
  return { ok: false, warning: `Could not ${action}: github-token is empty. ${fixText}` }
}

function fix(status: number | undefined): string {
  switch (status) {
    case 403:
      return FIX_403
    case 401:
      return 'Check that github-token is a valid, unexpired token, or set github-deployment: false.'
    case 404:
      return 'Check that github-token can read this repository, or set github-deployment: false.'
    case 409:
    case 422:
      return 'Check that the ref exists and the environment name is valid, or set github-deployment: false.'
    default:
      return 'The SageMaker deployment goes on; set github-deployment: false to skip it.'
  }
}

function clip(text: string): string {
  return text.length > MAX_DESCRIPTION ? `${text.slice(0, MAX_DESCRIPTION - 1)}…` : text
}
