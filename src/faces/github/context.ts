import type { RepoInfo, RunContext } from '../../context.js'

export type Env = Readonly<Record<string, string | undefined>>

interface PayloadRepo {
  html_url?: string
  description?: string | null
  default_branch?: string
  private?: boolean
  license?: { spdx_id?: string | null } | null
  full_name?: string
}

interface PayloadCommit {
  id?: string
  timestamp?: string
}

/** The parts of a GitHub event payload the run context reads. */
export interface GitHubPayload {
  repository?: PayloadRepo
  /** The pull request number (pull_request, pull_request_target). */
  number?: number
  pull_request?: {
    head?: { sha?: string; repo?: PayloadRepo }
    base?: { ref?: string; repo?: PayloadRepo }
  }
  /** A push: the branch a pushed tag was made from, as `refs/heads/<branch>` (undocumented, often absent). */
  base_ref?: string | null
  commits?: PayloadCommit[]
  head_commit?: PayloadCommit | null
}

const isTrue = (v: string | undefined): boolean => /^(true|1|yes|on)$/i.test(v?.trim() ?? '')

/** The repository as the payload describes it; what it lacks the action face may ask the API for. */
export function repoFromPayload(
  p: PayloadRepo | undefined,
  owner: string,
  name: string,
  server: string
): RepoInfo {
  const spdx = p?.license?.spdx_id
  return {
    owner,
    name,
    url: p?.html_url ?? `${server}/${owner}/${name}`,
    description: p?.description ?? undefined,
    licenses: spdx && spdx !== 'NOASSERTION' ? spdx : undefined,
    defaultBranch: p?.default_branch,
    ...(p?.private !== undefined ? { private: p.private } : {})
  }
}

/** When the commit was made: the push payload's entry for it (commits, else head_commit). */
function commitDate(payload: GitHubPayload, sha: string): Date | undefined {
  const entry = [...(payload.commits ?? []), payload.head_commit ?? {}].find(c => c.id === sha && c.timestamp)
  const date = entry?.timestamp ? new Date(entry.timestamp) : undefined
  return date && !Number.isNaN(date.getTime()) ? date : undefined
}

/**
 * The run as a GitHub runner describes it (GITHUB_* and the event payload), with
 * docker/metadata-action's readings: on `pull_request_target` the ref is the pull request's
 * (`refs/pull/<n>/merge`, not the base branch's), DOCKER_METADATA_PR_HEAD_SHA=true takes the pull
 * request's head commit, and a tag push's `base_ref` names its branch. Pure.
 */
export function githubRunContext(env: Env, payload: GitHubPayload, cwd: string): RunContext {
  const [owner = '', name = ''] = (env.GITHUB_REPOSITORY ?? '/').split('/')
  const server = env.GITHUB_SERVER_URL || 'https://github.com'
  const event = env.GITHUB_EVENT_NAME || 'push'
  const pr = payload.pull_request
  const isPrEvent = event === 'pull_request' || event === 'pull_request_target'
  let ref = env.GITHUB_REF ?? ''
  if (event === 'pull_request_target' && payload.number !== undefined)
    ref = `refs/pull/${payload.number}/merge`
  let sha = env.GITHUB_SHA ?? ''
  if (isTrue(env.DOCKER_METADATA_PR_HEAD_SHA) && isPrEvent && pr?.head?.sha) sha = pr.head.sha
  const headRepo = pr?.head?.repo?.full_name
  const baseRepo = pr?.base?.repo?.full_name ?? env.GITHUB_REPOSITORY
  const baseRef = ref.startsWith('refs/tags/')
    ? payload.base_ref?.replace(/^refs\/heads\//, '') || undefined
    : env.GITHUB_BASE_REF || pr?.base?.ref || undefined
  const date = commitDate(payload, sha)
  return {
    eventName: event,
    ref,
    sha,
    ...(baseRef ? { baseRef } : {}),
    ...(date ? { commitDate: date } : {}),
    actor: env.GITHUB_ACTOR ?? '',
    repo: repoFromPayload(payload.repository, owner, name, server),
    isForkPullRequest: !!pr && !!headRepo && !!baseRepo && headRepo !== baseRepo,
    runUrl: env.GITHUB_RUN_ID ? `${server}/${owner}/${name}/actions/runs/${env.GITHUB_RUN_ID}` : undefined,
    workspace: env.GITHUB_WORKSPACE || cwd
  }
}
