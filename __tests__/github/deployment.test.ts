import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { GitHubDeployments } from '../../src/github/deployment.js'
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js'

let github: FakeGitHub

beforeEach(async () => {
  github = await startFakeGitHub()
})

afterEach(async () => {
  await github.close()
})

const request = {
  owner: 'acme',
  repo: 'models',
  ref: '0123456789abcdef0123456789abcdef01234567',
  environment: 'lab-endpoint',
  description: 'Blue/green rollout of lab-endpoint'
}

describe('GitHubDeployments', () => {
  it('creates a deployment and moves it to in_progress, then success', async () => {
    const deployments = new GitHubDeployments({ token: github.token, apiUrl: github.url })
    const created = await deployments.createDeployment({ ...request, productionEnvironment: true })
    if (!created.ok) throw new Error(created.warning)

    const logUrl = 'https://github.com/acme/models/actions/runs/1'
    const environmentUrl =
      'https://us-east-1.console.aws.amazon.com/sagemaker/home?region=us-east-1#/endpoints/lab-endpoint'
    const progress = await deployments.setStatus(created.value, 'in_progress', { logUrl })
    const done = await deployments.setStatus(created.value, 'success', {
      logUrl,
      environmentUrl,
      description: 'Deployed: 100% on the green fleet'
    })
    expect(progress.ok && done.ok).toBe(true)

    expect(github.deployments).toHaveLength(1)
    expect(github.deployments[0]?.request).toEqual({
      ref: request.ref,
      environment: 'lab-endpoint',
      description: request.description,
      auto_merge: false,
      required_contexts: [],
      transient_environment: false,
      production_environment: true
    })
    expect(github.statuses.map(s => [s.deploymentId, s.request])).toEqual([
      [created.value, { state: 'in_progress', log_url: logUrl }],
      [
        created.value,
        {
          state: 'success',
          log_url: logUrl,
          environment_url: environmentUrl,
          description: 'Deployed: 100% on the green fleet'
        }
      ]
    ])
  })

  it('clips descriptions to GitHub’s 140 characters', async () => {
    const deployments = new GitHubDeployments({ token: github.token, apiUrl: github.url })
    const created = await deployments.createDeployment({ ...request, description: 'x'.repeat(300) })
    if (!created.ok) throw new Error(created.warning)
    await deployments.setStatus(created.value, 'failure', { description: 'y'.repeat(300) })
    expect(String(github.deployments[0]?.request['description'])).toHaveLength(140)
    expect(String(github.statuses[0]?.request['description'])).toHaveLength(140)
  })

  it('turns 403 into a warning naming deployments: write, without the token', async () => {
    github.failWith('create-deployment', 403)
    const deployments = new GitHubDeployments({ token: github.token, apiUrl: github.url })
    const created = await deployments.createDeployment(request)
    expect(created).toEqual({
      ok: false,
      warning:
        'Could not create the GitHub deployment (403 Resource not accessible by integration). ' +
        'Give the job "permissions: deployments: write", or set github-deployment: false.'
    })
    expect(JSON.stringify(created)).not.toContain(github.token)
  })

  it('turns a failed status update into a warning', async () => {
    const deployments = new GitHubDeployments({ token: github.token, apiUrl: github.url })
    const created = await deployments.createDeployment(request)
    if (!created.ok) throw new Error(created.warning)
    github.failWith('create-status', 403)
    const status = await deployments.setStatus(created.value, 'error')
    expect(status.ok).toBe(false)
    expect(status.ok ? '' : status.warning).toContain('permissions: deployments: write')
  })

  it('warns about an empty token or a status for an unknown deployment', async () => {
    const noToken = new GitHubDeployments({ token: '', apiUrl: github.url })
    const created = await noToken.createDeployment(request)
    expect(created.ok ? '' : created.warning).toContain('github-token is empty')

    const fresh = new GitHubDeployments({ token: github.token, apiUrl: github.url })
    const status = await fresh.setStatus(1, 'success')
    expect(status.ok ? '' : status.warning).toContain('never created')
    expect(github.requests).toHaveLength(0)
  })
})
