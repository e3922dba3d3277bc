// One pull-request comment per endpoint, found again by a hidden marker and updated in place,
// so a re-run (or a retry with workflow_dispatch and pr-number) edits the same comment.
import { githubClient, type GitHubClient } from './client.js'
import { errorFacts, isPermanent, reasonText } from './errors.js'

import { pullRequestNumber } from './pr-number.js'
import { splitRepository } from './repository.js'

export { pullRequestNumber, splitRepository }

/** GitHub rejects comment bodies over 65536 characters. */
const MAX_BODY = 65_000

/** The hidden HTML comment that identifies this endpoint's pull-request comment. */
export function commentMarker(endpointName: string): string {
  // Percent-encode anything that could end the HTML comment ("--", ">") or break the line;
  // "%" is encoded too, so two different names never share a marker.
  const safe = endpointName
    .replace(/[^A-Za-z0-9._:/-]/g, char => encodeURIComponent(char).replace(/[!'()*]/g, escapeChar))
    .replace(/--/g, '-%2D')
  return `<!-- sagemaker-blue-green-deploy:endpoint=${safe} -->`
}

function escapeChar(char: string): string {
  return `%${char.charCodeAt(0).toString(16).toUpperCase()}`
}

export interface PrCommenterOptions {
  readonly token: string
  readonly owner: string
  readonly repo: string
  readonly issueNumber: number
  readonly endpointName: string
  /** Defaults to GITHUB_API_URL, then https://api.github.com. */
  readonly apiUrl?: string | undefined
}

export class PrCommenter {
  readonly marker: string
  private commentId: number | undefined
  private disabled = false
  private client: Promise<GitHubClient> | undefined
  private queue: Promise<unknown> = Promise.resolve()

  constructor(private readonly options: PrCommenterOptions) {
    this.marker = commentMarker(options.endpointName)
  }

  /** The comment's id once it was found or created. */
  get id(): number | undefined {
    return this.commentId
  }

  /**
   * Creates the endpoint's comment, or replaces its body in place. Resolves to a warning
   * (with the fix) when GitHub refused, never rejects. After a 401/403/404 later calls are
   * skipped silently, so the log carries the warning once.
   */
  update(markdown: string): Promise<string | undefined> {
    const next = this.queue.then(() => this.send(markdown))
    this.queue = next
    return next
  }

  private async send(markdown: string): Promise<string | undefined> {
    if (this.disabled) return undefined
    if (this.options.token === '') {
      this.disabled = true
      return 'Could not update the pull request comment: github-token is empty. Set github-token (the default is ${{ github.token }}), or set pr-comment: false.'
    }
    try {
      const client = await this.octokit()
      const body = this.withMarker(markdown)
      this.commentId ??= await this.find(client)
      if (this.commentId !== undefined && (await this.edit(client, this.commentId, body)))
        return undefined
      this.commentId = await this.create(client, body)
      return undefined
    } catch (error) {
      const facts = errorFacts(error, this.options.token)
      if (isPermanent(facts)) this.disabled = true
      return `Could not update the pull request comment ${reasonText(facts)}. ${this.fix(facts.status)}`
    }
  }

  private octokit(): Promise<GitHubClient> {
    this.client ??= githubClient(this.options.token, this.options.apiUrl)
    return this.client
  }

  /** The newest comment carrying the marker, whoever wrote it. */
  private async find(client: GitHubClient): Promise<number | undefined> {
    const { owner, repo, issueNumber } = this.options
    const pages = client.paginate.iterator(client.rest.issues.listComments, {
      owner,
      repo,
      issue_number: issueNumber,
      per_page: 100
    })
    let found: number | undefined
    for await (const page of pages) {
      for (const comment of page.data) if (comment.body?.includes(this.marker)) found = comment.id
    }
    return found
  }

  /** False when the comment is gone (deleted during the run): the caller creates a new one. */
  private async edit(client: GitHubClient, commentId: number, body: string): Promise<boolean> {
    const { owner, repo } = this.options
    try {
      await client.rest.issues.updateComment({ owner, repo, comment_id: commentId, body })
      return true
    } catch (error) {
      if (errorFacts(error, undefined).status === 404) return false
      throw error
    }
  }

  private async create(client: GitHubClient, body: string): Promise<number> {
    const { owner, repo, issueNumber } = this.options
    const created = await client.rest.issues.createComment({
      owner,
      repo,
      issue_number: issueNumber,
      body
    })
    return created.data.id
  }

  private withMarker(markdown: string): string {
    const text =
      markdown.length > MAX_BODY ? `${markdown.slice(0, MAX_BODY)}\n\n…(truncated)` : markdown
    return text.includes(this.marker) ? text : `${this.marker}\n${text}`
  }

  private fix(status: number | undefined): string {
    const { owner, repo, issueNumber } = this.options
    switch (status) {
      case 403:
        return 'Give the job "permissions: pull-requests: write" (pull requests from forks only get a read-only token), or set pr-comment: false.'
      case 401:
        return 'Check that github-token is a valid, unexpired token, or set pr-comment: false.'
      case 404:
        return `Check that pull request #${issueNumber} exists in ${owner}/${repo} and that github-token can read it (pr-number, github-token), or set pr-comment: false.`
      default:
        return 'The deployment goes on; set pr-comment: false to skip the comment.'
    }
  }
}

export interface PrCommenterFor {
  readonly token: string
  /** GITHUB_REPOSITORY, "owner/repo". */
  readonly repository: string
  readonly endpointName: string
  /** The pr-number input. */
  readonly prNumber: number | undefined
  readonly env: Readonly<Record<string, string | undefined>>
  readonly apiUrl?: string | undefined
}

/**
 * The commenter for this run, or undefined (with the reason, for a debug line) when the
 * run belongs to no pull request or the repository is unknown.
 */
export function prCommenterFor(
  options: PrCommenterFor
):
  { readonly commenter: PrCommenter } | { readonly commenter: undefined; readonly reason: string } {
  const issueNumber = pullRequestNumber(options.env, options.prNumber)
  if (issueNumber === undefined)
    return { commenter: undefined, reason: 'not a pull request run and no pr-number given' }
  const target = splitRepository(options.repository)
  if (target === undefined)
    return {
      commenter: undefined,
      reason: `GITHUB_REPOSITORY "${options.repository}" is not owner/repo`
    }
  const commenter = new PrCommenter({
    token: options.token,
    ...target,
    issueNumber,
    endpointName: options.endpointName,
    apiUrl: options.apiUrl
  })
  return { commenter }
}
