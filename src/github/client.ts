// The Octokit client, loaded lazily: a run with bad input (or pr-comment: false) never pays
// for loading @actions/github, and tests can point it at a local fake with apiUrl.
import type { getOctokit } from '@actions/github'

export type GitHubClient = ReturnType<typeof getOctokit>

export const DEFAULT_API_URL = 'https://api.github.com'

export async function githubClient(token: string, apiUrl?: string): Promise<GitHubClient> {
  const { getOctokit: create } = await import('@actions/github')
  const baseUrl = apiUrl ?? (process.env['GITHUB_API_URL'] || DEFAULT_API_URL)
  return create(token, { baseUrl })
}
