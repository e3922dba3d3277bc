import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  commentMarker,
  prCommenterFor,
  pullRequestNumber,
  splitRepository
} from '../../src/github/pr-comment.js'

const dir = mkdtempSync(join(tmpdir(), 'pr-number-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function event(name: string, payload: unknown): Record<string, string> {
  const path = join(dir, `${name}-${Math.random().toString(36).slice(2)}.json`)
  writeFileSync(path, typeof payload === 'string' ? payload : JSON.stringify(payload))
  return { GITHUB_EVENT_NAME: name, GITHUB_EVENT_PATH: path }
}

describe('pullRequestNumber', () => {
  it('reads pull_request.number on pull request events', () => {
    expect(pullRequestNumber(event('pull_request', { pull_request: { number: 42 } }))).toBe(42)
    expect(pullRequestNumber(event('pull_request_target', { pull_request: { number: 5 } }))).toBe(5)
  })

  it('reads issue.number for a comment on a pull request only', () => {
    const onPr = { issue: { number: 9, pull_request: { url: 'https://api.github.com/x' } } }
    expect(pullRequestNumber(event('issue_comment', onPr))).toBe(9)
    expect(pullRequestNumber(event('issue_comment', { issue: { number: 9 } }))).toBeUndefined()
  })

  it('falls back to the pr-number input on other events', () => {
    expect(pullRequestNumber(event('workflow_dispatch', { inputs: {} }), 12)).toBe(12)
    expect(pullRequestNumber(event('push', { ref: 'refs/heads/main' }))).toBeUndefined()
    expect(pullRequestNumber({}, 3)).toBe(3)
    expect(pullRequestNumber({})).toBeUndefined()
  })

  it('prefers the event over the input, and ignores bad payloads and numbers', () => {
    expect(pullRequestNumber(event('pull_request', { pull_request: { number: 42 } }), 12)).toBe(42)
    expect(pullRequestNumber(event('pull_request', '{not json'), 12)).toBe(12)
    expect(pullRequestNumber(event('pull_request', { pull_request: { number: '4' } }))).toBe(
      undefined
    )
    expect(
      pullRequestNumber({
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: join(dir, 'missing.json')
      })
    ).toBe(undefined)
    expect(pullRequestNumber({}, 0)).toBeUndefined()
    expect(pullRequestNumber({}, 1.5)).toBeUndefined()
  })
})

describe('splitRepository', () => {
  it('splits owner/repo and rejects anything else', () => {
    expect(splitRepository('acme/models')).toEqual({ owner: 'acme', repo: 'models' })
    expect(splitRepository('acme')).toBeUndefined()
    expect(splitRepository('acme/models/extra')).toBeUndefined()
    expect(splitRepository('/models')).toBeUndefined()
  })
})

describe('prCommenterFor', () => {
  it('builds a commenter for a pull request run', () => {
    const env = event('pull_request', { pull_request: { number: 42 } })
    const made = prCommenterFor({
      token: 't',
      repository: 'acme/models',
      endpointName: 'lab-endpoint',
      prNumber: undefined,
      env
    })
    expect(made.commenter?.marker).toBe(commentMarker('lab-endpoint'))
  })

  it('explains why there is no commenter', () => {
    const base = { token: 't', endpointName: 'e', prNumber: undefined, env: {} }
    const none = prCommenterFor({ ...base, repository: 'acme/models' })
    expect(none.commenter === undefined && none.reason).toContain('no pr-number')
    const bad = prCommenterFor({ ...base, prNumber: 3, repository: 'acme' })
    expect(bad.commenter === undefined && bad.reason).toContain('not owner/repo')
  })
})
