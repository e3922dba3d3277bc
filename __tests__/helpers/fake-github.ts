// A local stand-in for the few GitHub REST endpoints the action calls (issue comments,
// deployments, deployment statuses) and the examples' workflows call (the pull requests of a
// commit), so the real Octokit client and the examples' scripts run in tests offline.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export type FakeRoute =
  | 'list-comments'
  | 'create-comment'
  | 'update-comment'
  | 'create-deployment'
  | 'create-status'
  | 'commit-pulls'

export interface FakeRequest {
  readonly method: string
  readonly path: string
  readonly route: FakeRoute | undefined
  readonly authorization: string | undefined
  readonly body: unknown
}

export interface FakeComment {
  id: number
  owner: string
  repo: string
  issueNumber: number
  body: string
  user: { login: string }
  created_at: string
  updated_at: string
}

export interface FakeDeployment {
  readonly id: number
  readonly owner: string
  readonly repo: string
  readonly request: Record<string, unknown>
}

export interface FakeStatus {
  readonly id: number
  readonly deploymentId: number
  readonly request: Record<string, unknown>
}

/** A pull request, as the commit it was merged as and its head. */
export interface FakePull {
  readonly number: number
  /** The commit on the base branch: the merge (or squash) commit. */
  readonly mergeCommitSha: string
  readonly headSha: string
  readonly merged: boolean
}

export interface FakeGitHub {
  readonly url: string
  /** The token the fake accepts (as "token …" or "Bearer …"). */
  readonly token: string
  readonly requests: FakeRequest[]
  readonly comments: FakeComment[]
  readonly deployments: FakeDeployment[]
  readonly statuses: FakeStatus[]
  /** Answers `status` to every later call of that route. */
  failWith(route: FakeRoute, status: number): void
  addComment(
    owner: string,
    repo: string,
    issueNumber: number,
    body: string,
    login?: string
  ): FakeComment
  /** Makes `GET /repos/{owner}/{repo}/commits/{sha}/pulls` list this pull request. */
  addPull(pull: FakePull): void
  close(): Promise<void>
}

const ROUTES: ReadonlyArray<{ method: string; pattern: RegExp; route: FakeRoute }> = [
  {
    method: 'GET',
    pattern: /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/,
    route: 'list-comments'
  },
  {
    method: 'POST',
    pattern: /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/,
    route: 'create-comment'
  },
  {
    method: 'PATCH',
    pattern: /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/,
    route: 'update-comment'
  },
  {
    method: 'POST',
    pattern: /^\/repos\/([^/]+)\/([^/]+)\/deployments$/,
    route: 'create-deployment'
  },
  {
    method: 'POST',
    pattern: /^\/repos\/([^/]+)\/([^/]+)\/deployments\/(\d+)\/statuses$/,
    route: 'create-status'
  },
  {
    method: 'GET',
    pattern: /^\/repos\/([^/]+)\/([^/]+)\/commits\/([0-9a-f]{40})\/pulls$/,
    route: 'commit-pulls'
  }
]

const STATUS_TEXT: Readonly<Record<number, string>> = {
  401: 'Bad credentials',
  403: 'Resource not accessible by integration',
  404: 'Not Found',
  422: 'Validation Failed',
  500: 'Server Error'
}

export async function startFakeGitHub(token = 'ghs_fakeTestToken0123456789'): Promise<FakeGitHub> {
  const requests: FakeRequest[] = []
  const comments: FakeComment[] = []
  const deployments: FakeDeployment[] = []
  const statuses: FakeStatus[] = []
  const pulls: FakePull[] = []
  const failures = new Map<FakeRoute, number>()
  let nextId = 1000
  let clock = Date.parse('2025-01-01T00:00:00Z')
  const now = (): string => new Date((clock += 1000)).toISOString()

  const addComment = (
    owner: string,
    repo: string,
    issueNumber: number,
    body: string,
    login = 'someone'
  ): FakeComment => {
    const at = now()
    const comment = {
      id: nextId++,
      owner,
      repo,
      issueNumber,
      body,
      user: { login },
      created_at: at,
      updated_at: at
    }
    comments.push(comment)
    return comment
  }

  const server = createServer((req, res) => {
    void readBody(req).then(raw => {
      const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`)
      const match = ROUTES.find(r => r.method === req.method && r.pattern.test(url.pathname))
      const params = match ? (match.pattern.exec(url.pathname) ?? []).slice(1) : []
      const body = parseJson(raw)
      const authorization = req.headers.authorization
      requests.push({
        method: req.method ?? '',
        path: url.pathname + url.search,
        route: match?.route,
        authorization,
        body
      })

      if (!authorized(authorization, token)) return send(res, 401, { message: 'Bad credentials' })
      if (match === undefined) return send(res, 404, { message: 'Not Found' })
      const failure = failures.get(match.route)
      if (failure !== undefined) {
        return send(res, failure, {
          message: STATUS_TEXT[failure] ?? 'Error',
          documentation_url: 'https://docs.github.com/rest'
        })
      }
      const [owner = '', repo = '', idText = '0'] = params
      if (match.route === 'commit-pulls') {
        // GitHub lists the pull requests whose merge commit or head is the commit.
        const sha = idText
        const listed = pulls.filter(p => p.mergeCommitSha === sha || p.headSha === sha)
        return send(
          res,
          200,
          listed.map(p => ({
            number: p.number,
            state: p.merged ? 'closed' : 'open',
            merged_at: p.merged ? now() : null,
            merge_commit_sha: p.mergeCommitSha,
            head: { sha: p.headSha }
          }))
        )
      }
      const id = Number(idText)
      const input = (typeof body === 'object' && body !== null ? body : {}) as Record<
        string,
        unknown
      >
      switch (match.route) {
        case 'list-comments': {
          const all = comments.filter(
            c => c.owner === owner && c.repo === repo && c.issueNumber === id
          )
          const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30) || 30, 100)
          const page = Math.max(Number(url.searchParams.get('page') ?? 1) || 1, 1)
          const last = Math.max(Math.ceil(all.length / perPage), 1)
          const link = pageLinks(url, page, last)
          const headers: Record<string, string> = link ? { link } : {}
          return send(res, 200, all.slice((page - 1) * perPage, page * perPage).map(view), headers)
        }
        case 'create-comment': {
          if (typeof input['body'] !== 'string')
            return send(res, 422, { message: 'Validation Failed' })
          return send(
            res,
            201,
            view(addComment(owner, repo, id, input['body'], 'github-actions[bot]'))
          )
        }
        case 'update-comment': {
          const comment = comments.find(c => c.owner === owner && c.repo === repo && c.id === id)
          if (comment === undefined) return send(res, 404, { message: 'Not Found' })
          if (typeof input['body'] !== 'string')
            return send(res, 422, { message: 'Validation Failed' })
          comment.body = input['body']
          comment.updated_at = now()
          return send(res, 200, view(comment))
        }
        case 'create-deployment': {
          if (typeof input['ref'] !== 'string')
            return send(res, 422, { message: 'Validation Failed' })
          const deployment = { id: nextId++, owner, repo, request: input }
          deployments.push(deployment)
          return send(res, 201, {
            id: deployment.id,
            ref: input['ref'],
            environment: input['environment']
          })
        }
        case 'create-status': {
          if (!deployments.some(d => d.id === id)) return send(res, 404, { message: 'Not Found' })
          const status = { id: nextId++, deploymentId: id, request: input }
          statuses.push(status)
          return send(res, 201, { id: status.id, state: input['state'] })
        }
      }
    })
  })

  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    requests,
    comments,
    deployments,
    statuses,
    failWith: (route, status) => void failures.set(route, status),
    addComment,
    addPull: pull => void pulls.push(pull),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close(error => (error ? reject(error) : resolve()))
      })
  }
}

function authorized(header: string | undefined, token: string): boolean {
  const match = /^(?:token|bearer) (.+)$/i.exec(header ?? '')
  return match?.[1] === token
}

function view(comment: FakeComment): Record<string, unknown> {
  return {
    id: comment.id,
    body: comment.body,
    user: comment.user,
    created_at: comment.created_at,
    updated_at: comment.updated_at,
    html_url: `https://github.com/${comment.owner}/${comment.repo}/pull/${comment.issueNumber}#issuecomment-${comment.id}`
  }
}

function pageLinks(url: URL, page: number, last: number): string | undefined {
  const at = (n: number): string => {
    const target = new URL(url.href)
    target.searchParams.set('page', String(n))
    return target.href
  }
  const links: string[] = []
  if (page < last) links.push(`<${at(page + 1)}>; rel="next"`, `<${at(last)}>; rel="last"`)
  if (page > 1) links.push(`<${at(1)}>; rel="first"`, `<${at(page - 1)}>; rel="prev"`)
  return links.length > 0 ? links.join(', ') : undefined
}

function send(
  res: ServerResponse,
  status: number,
  data: unknown,
  headers: Record<string, string> = {}
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
  res.end(JSON.stringify(data))
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function parseJson(raw: string): unknown {
  if (raw === '') return undefined
  try {
    return JSON.parse(raw) as unknown
  } catch {
    return raw
  }
}
