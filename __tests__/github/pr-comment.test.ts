import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { commentMarker, PrCommenter } from '../../src/github/pr-comment.js'
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js'

let github: FakeGitHub

beforeEach(async () => {
  github = await startFakeGitHub()
})

afterEach(async () => {
  await github.close()
})

function commenter(endpointName = 'lab-endpoint', token = github.token): PrCommenter {
  return new PrCommenter({
    token,
    owner: 'acme',
    repo: 'models',
    issueNumber: 7,
    endpointName,
    apiUrl: github.url
  })
}

const routes = (): Array<string | undefined> => github.requests.map(r => r.route)

describe('PrCommenter', () => {
  it('creates one comment and then updates it in place', async () => {
    const pr = commenter()
    expect(await pr.update('Deploying: 0% green')).toBeUndefined()
    expect(await pr.update('Step 1: 25% green')).toBeUndefined()
    expect(await pr.update('Step 2: 50% green')).toBeUndefined()
    expect(await pr.update('Deployed: 100% green')).toBeUndefined()

    expect(github.comments).toHaveLength(1)
    const [comment] = github.comments
    expect(comment?.body).toBe(`${commentMarker('lab-endpoint')}\nDeployed: 100% green`)
    expect(pr.id).toBe(comment?.id)
    // Listed once to look for an earlier comment, then never again during the run.
    expect(routes()).toEqual([
      'list-comments',
      'create-comment',
      'update-comment',
      'update-comment',
      'update-comment'
    ])
    expect(github.requests.every(r => r.authorization === `token ${github.token}`)).toBe(true)
  })

  it('serialises overlapping updates so only one comment is created', async () => {
    const pr = commenter()
    const warnings = await Promise.all([pr.update('a'), pr.update('b'), pr.update('c')])
    expect(warnings).toEqual([undefined, undefined, undefined])
    expect(github.comments).toHaveLength(1)
    expect(github.comments[0]?.body.endsWith('\nc')).toBe(true)
  })

  it('finds the comment of an earlier run by its marker, past 150 other comments', async () => {
    await commenter().update('Run 1: rolled back')
    for (let i = 0; i < 150; i++) github.addComment('acme', 'models', 7, `review comment ${i}`)
    github.requests.length = 0

    const rerun = commenter()
    expect(await rerun.update('Run 2: deploying')).toBeUndefined()
    expect(await rerun.update('Run 2: deployed')).toBeUndefined()

    expect(github.comments).toHaveLength(151)
    expect(github.comments[0]?.body).toContain('Run 2: deployed')
    const lists = github.requests.filter(r => r.route === 'list-comments')
    expect(lists).toHaveLength(2)
    expect(lists[1]?.path).toContain('page=2')
    expect(routes().filter(r => r === 'create-comment')).toHaveLength(0)
  })

  it('prefers the newest marked comment when several exist', async () => {
    const marker = commentMarker('lab-endpoint')
    github.addComment('acme', 'models', 7, `${marker}\nold`)
    const newest = github.addComment('acme', 'models', 7, `${marker}\nnewer`, 'a-person')
    await commenter().update('current')
    expect(github.comments.find(c => c.id === newest.id)?.body).toBe(`${marker}\ncurrent`)
    expect(github.comments[0]?.body).toBe(`${marker}\nold`)
  })

  it('keeps one comment per endpoint', async () => {
    const blue = commenter('endpoint-one')
    const green = commenter('endpoint-two')
    await blue.update('one: started')
    await green.update('two: started')
    await blue.update('one: deployed')
    await green.update('two: rolled back')

    expect(github.comments).toHaveLength(2)
    expect(github.comments.map(c => c.body)).toEqual([
      `${commentMarker('endpoint-one')}\none: deployed`,
      `${commentMarker('endpoint-two')}\ntwo: rolled back`
    ])
  })

  it('creates a new comment when the remembered one was deleted', async () => {
    const pr = commenter()
    await pr.update('first')
    github.comments.length = 0
    expect(await pr.update('second')).toBeUndefined()
    expect(github.comments).toHaveLength(1)
    expect(github.comments[0]?.body).toContain('second')
  })

  it('turns 403 into a warning with the fix, once, without the token', async () => {
    github.failWith('create-comment', 403)
    const pr = commenter()
    const warning = await pr.update('Deploying')
    expect(warning).toBe(
      'Could not update the pull request comment (403 Resource not accessible by integration). ' +
        'Give the job "permissions: pull-requests: write" (pull requests from forks only get a ' +
        'read-only token), or set pr-comment: false.'
    )
    expect(warning).not.toContain(github.token)
    // Permission errors do not heal during a run: later updates are skipped quietly.
    const before = github.requests.length
    expect(await pr.update('Deployed')).toBeUndefined()
    expect(github.requests.length).toBe(before)
  })

  it('turns a 403 on listing and a bad token into warnings', async () => {
    github.failWith('list-comments', 403)
    expect(await commenter().update('x')).toContain('pull-requests: write')

    const bad = 'ghp_notTheRightToken1234567890'
    const warning = await commenter('lab-endpoint', bad).update('x')
    expect(warning).toMatch(/^Could not update the pull request comment \(401 Bad credentials\)/)
    expect(warning).toContain('github-token')
    expect(warning).not.toContain(bad)
  })

  it('warns about an empty token without calling GitHub', async () => {
    const warning = await commenter('lab-endpoint', '').update('x')
    expect(warning).toContain('github-token is empty')
    expect(github.requests).toHaveLength(0)
  })

  it('turns a network failure into a warning', async () => {
    const pr = new PrCommenter({
      token: github.token,
      owner: 'acme',
      repo: 'models',
      issueNumber: 7,
      endpointName: 'lab-endpoint',
      apiUrl: 'http://127.0.0.1:1'
    })
    const warning = await pr.update('x')
    expect(warning).toMatch(/^Could not update the pull request comment \(/)
    expect(warning).toContain('pr-comment: false')
  })
})

describe('commentMarker', () => {
  it('is a hidden HTML comment naming the endpoint', () => {
    expect(commentMarker('lab-endpoint')).toBe(
      '<!-- sagemaker-blue-green-deploy:endpoint=lab-endpoint -->'
    )
  })

  it('cannot be closed early or broken by the endpoint name', () => {
    for (const name of ['a-->b', 'x --> <script>', 'line\nbreak', 'a--!>b', 'a---b']) {
      const marker = commentMarker(name)
      expect(marker.startsWith('<!-- ')).toBe(true)
      expect(marker.indexOf('-->')).toBe(marker.length - 3)
      expect(marker.slice(4, -3)).not.toMatch(/--|>|<|\n/)
    }
  })

  it('tells different endpoints apart', () => {
    const names = ['a-b', 'a--b', 'a---b', 'a_b', 'a%2Db', 'a b', 'a!b', 'a%21b']
    expect(new Set(names.map(commentMarker)).size).toBe(names.length)
    expect(commentMarker('prod-a')).not.toBe(commentMarker('prod-b'))
    expect(commentMarker('prod')).not.toContain(commentMarker('prod-a').slice(0, -4))
  })
})
