/** "owner/repo" (GITHUB_REPOSITORY) as its two parts, or undefined when malformed. */
export function splitRepository(
  repository: string
): { readonly owner: string; readonly repo: string } | undefined {
  const [owner, repo, ...rest] = repository.split('/')
  if (owner === undefined || repo === undefined || owner === '' || repo === '' || rest.length > 0)
    return undefined
  return { owner, repo }
}
