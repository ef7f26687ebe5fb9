import { existsSync, readFileSync } from 'node:fs'
import type { RepoInfo, RunContext } from '../../context.js'

/**
 * What `context` of @actions/github reads (the GITHUB_* variables and the event payload), read
 * here: importing that package loads its API client (Octokit and every endpoint) before the first
 * tool can start, and the client is only needed when the payload lacks a repository detail.
 */
function runnerContext(env: NodeJS.ProcessEnv) {
  const path = env.GITHUB_EVENT_PATH
  return {
    payload: (path && existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {}) as object,
    eventName: env.GITHUB_EVENT_NAME ?? '',
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    actor: env.GITHUB_ACTOR ?? '',
    runId: env.GITHUB_RUN_ID,
    serverUrl: env.GITHUB_SERVER_URL || 'https://github.com'
  }
}

interface PayloadRepo {
  name?: string
  html_url?: string
  description?: string | null
  default_branch?: string
  license?: { spdx_id?: string | null } | null
  full_name?: string
  owner?: { login?: string }
  private?: boolean
  visibility?: string
}

function repoFromPayload(
  p: PayloadRepo | undefined,
  owner: string,
  name: string,
  serverUrl: string
): RepoInfo {
  const spdx = p?.license?.spdx_id
  return {
    owner,
    name,
    url: p?.html_url ?? `${serverUrl}/${owner}/${name}`,
    description: p?.description ?? undefined,
    licenses: spdx && spdx !== 'NOASSERTION' ? spdx : undefined,
    defaultBranch: p?.default_branch,
    ...(p?.visibility || p?.private !== undefined
      ? { visibility: p?.visibility ?? (p?.private ? 'private' : 'public') }
      : {})
  }
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
      defaultBranch: repo.defaultBranch ?? data.default_branch
    }
  } catch (e) {
    debug(`repository details from the API: ${(e as Error).message}`)
    return repo
  }
}

/** The run as GitHub describes it: GITHUB_* variables and the event payload. */
export async function githubContext(token: string, debug: (m: string) => void): Promise<RunContext> {
  const ctx = runnerContext(process.env)
  const [owner = '', name = ''] = (process.env.GITHUB_REPOSITORY ?? '/').split('/')
  const payload = ctx.payload as {
    repository?: PayloadRepo
    pull_request?: { base?: { ref?: string; repo?: PayloadRepo }; head?: { repo?: PayloadRepo } }
  }
  const pr = payload.pull_request
  const headRepo = pr?.head?.repo?.full_name
  const baseRepo = pr?.base?.repo?.full_name ?? `${owner}/${name}`
  const serverUrl = ctx.serverUrl
  const repo = await completeRepo(repoFromPayload(payload.repository, owner, name, serverUrl), token, debug)
  return {
    eventName: ctx.eventName,
    ref: ctx.ref,
    sha: ctx.sha,
    baseRef: process.env.GITHUB_BASE_REF || pr?.base?.ref || undefined,
    actor: ctx.actor,
    repo,
    isForkPullRequest: !!pr && !!headRepo && headRepo !== baseRepo,
    runUrl: ctx.runId ? `${serverUrl}/${owner}/${name}/actions/runs/${ctx.runId}` : undefined,
    workspace: process.env.GITHUB_WORKSPACE || process.cwd()
  }
}
