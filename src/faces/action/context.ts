import { existsSync, readFileSync } from 'node:fs'
import type { RepoInfo, RunContext } from '../../context.js'
import { githubRunContext, type GitHubPayload } from '../github/context.js'

/**
 * The event payload, read here rather than through `context` of @actions/github: importing that
 * package loads its API client (Octokit and every endpoint) before the first tool can start, and
 * the client is only needed when the payload lacks a repository detail.
 */
function readPayload(path: string | undefined): GitHubPayload {
  return (path && existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {}) as GitHubPayload
}

/** Fills what the event payload lacks (description, licence, default branch) from the API, if reachable. */
async function completeRepo(repo: RepoInfo, token: string, debug: (m: string) => void): Promise<RepoInfo> {
  if (repo.defaultBranch && repo.licenses !== undefined) return repo
  if (!token) return repo
  try {
    const { getOctokit } = await import('@actions/github')
    const octokit = getOctokit(token, { request: { signal: AbortSignal.timeout(5000) } })
    const { data } = await octokit.rest.repos.get({ owner: repo.owner, repo: repo.name })
    return {
      ...repo,
      url: data.html_url ?? repo.url,
      description: repo.description ?? data.description ?? undefined,
      licenses:
        repo.licenses ??
        (data.license?.spdx_id && data.license.spdx_id !== 'NOASSERTION' ? data.license.spdx_id : undefined),
      defaultBranch: repo.defaultBranch ?? data.default_branch,
      private: repo.private ?? data.private
    }
  } catch (e) {
    debug(`repository details from the API: ${(e as Error).message}`)
    return repo
  }
}

/** The run as GitHub describes it: GITHUB_* variables and the event payload. */
export async function githubContext(token: string, debug: (m: string) => void): Promise<RunContext> {
  const ctx = githubRunContext(process.env, readPayload(process.env.GITHUB_EVENT_PATH), process.cwd())
  return { ...ctx, repo: await completeRepo(ctx.repo, token, debug) }
}
