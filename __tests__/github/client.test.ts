import { afterEach, describe, expect, it } from '@jest/globals'
import { githubClient } from '../../src/github/client.js'
import { startFakeGitHub } from '../helpers/fake-github.js'

const saved = process.env['GITHUB_API_URL']
afterEach(() => {
  if (saved === undefined) delete process.env['GITHUB_API_URL']
  else process.env['GITHUB_API_URL'] = saved
})

describe('githubClient', () => {
  it('talks to GITHUB_API_URL (GitHub Enterprise) when no URL is given', async () => {
    const github = await startFakeGitHub()
    try {
      process.env['GITHUB_API_URL'] = github.url
      const client = await githubClient(github.token)
      const created = await client.rest.issues.createComment({
        owner: 'acme',
        repo: 'models',
        issue_number: 1,
        body: 'hello'
      })
      expect(created.status).toBe(201)
      expect(github.requests[0]?.authorization).toBe(`token ${github.token}`)
    } finally {
      await github.close()
    }
  })
})
