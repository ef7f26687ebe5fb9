import type { RunContext } from '../../context.js'
import { gitlabContext, isGitLab, type Env } from '../gitlab/context.js'

/** What git says about the checkout, for a run outside any CI. */
export interface GitFacts {
  sha?: string
  /** The current branch; undefined on a detached HEAD. */
  branch?: string
  /** A tag pointing at HEAD (`git describe --tags --exact-match`). */
  tag?: string
  remoteUrl?: string
  topLevel?: string
  userName?: string
}

/** The subset of a GitHub event payload the context needs. */
export interface GitHubPayload {
  repository?: { html_url?: string; description?: string | null; default_branch?: string }
  pull_request?: { head?: { repo?: { full_name?: string } }; base?: { repo?: { full_name?: string } } }
}

/**
 * owner/name/url of a git remote: https://host/group/sub/project(.git), git@host:group/project.git,
 * ssh://git@host:22/group/project.git. Credentials in the URL are dropped, never kept.
 */
export function repoFromRemote(remote: string): { owner: string; name: string; url: string } | undefined {
  const r = remote.trim()
  let host: string
  let path: string
  const scp = r.match(/^(?:[^@/]+@)?([^:/]+):(?!\/)(.+)$/)
  if (/^[a-z+]+:\/\//i.test(r)) {
    let u: URL
    try {
      u = new URL(r)
    } catch {
      return undefined
    }
    host = u.hostname
    path = u.pathname
  } else if (scp) {
    host = scp[1] as string
    path = scp[2] as string
  } else return undefined
  const parts = path
    .replace(/\.git\/?$/, '')
    .split('/')
    .filter(Boolean)
  if (parts.length < 2) return undefined
  const name = parts.pop() as string
  const owner = parts.join('/')
  return { owner, name, url: `https://${host}/${owner}/${name}` }
}

/** The run as a GitHub runner's variables describe it, when the CLI runs in a workflow step. */
export function githubEnvContext(env: Env, cwd: string, payload: GitHubPayload = {}): RunContext {
  const [owner = '', name = ''] = (env.GITHUB_REPOSITORY ?? '/').split('/')
  const server = env.GITHUB_SERVER_URL || 'https://github.com'
  const head = payload.pull_request?.head?.repo?.full_name
  const base = payload.pull_request?.base?.repo?.full_name ?? env.GITHUB_REPOSITORY
  return {
    eventName: env.GITHUB_EVENT_NAME || 'push',
    ref: env.GITHUB_REF ?? '',
    sha: env.GITHUB_SHA ?? '',
    baseRef: env.GITHUB_BASE_REF || undefined,
    actor: env.GITHUB_ACTOR ?? '',
    repo: {
      owner,
      name,
      url: payload.repository?.html_url ?? `${server}/${owner}/${name}`,
      description: payload.repository?.description ?? undefined,
      defaultBranch: payload.repository?.default_branch
    },
    isForkPullRequest: !!head && !!base && head !== base,
    runUrl: env.GITHUB_RUN_ID ? `${server}/${owner}/${name}/actions/runs/${env.GITHUB_RUN_ID}` : undefined,
    workspace: env.GITHUB_WORKSPACE || cwd
  }
}

/** A run on a laptop: all from git. A tag at a detached HEAD is a tag build; else the branch. */
export function laptopContext(git: GitFacts, env: Env, cwd: string): RunContext {
  const remote = git.remoteUrl ? repoFromRemote(git.remoteUrl) : undefined
  const dirName = (git.topLevel ?? cwd).split('/').filter(Boolean).pop() ?? ''
  const ref = git.branch ? `refs/heads/${git.branch}` : git.tag ? `refs/tags/${git.tag}` : ''
  return {
    eventName: 'push',
    ref,
    sha: git.sha ?? '',
    actor: git.userName || env.USER || '',
    repo: remote ?? { owner: '', name: dirName, url: '' },
    isForkPullRequest: false,
    workspace: git.topLevel ?? cwd
  }
}

export type Platform = 'gitlab' | 'github' | 'local'

export const platformOf = (env: Env): Platform =>
  isGitLab(env) ? 'gitlab' : env.GITHUB_ACTIONS === 'true' ? 'github' : 'local'

/** The context for wherever the CLI runs; `workspace` overrides the one found. Pure. */
export function detectContext(
  env: Env,
  facts: { git: GitFacts; cwd: string; payload?: GitHubPayload; workspace?: string }
): RunContext {
  const platform = platformOf(env)
  const ctx =
    platform === 'gitlab'
      ? gitlabContext(env, facts.cwd)
      : platform === 'github'
        ? githubEnvContext(env, facts.cwd, facts.payload)
        : laptopContext(facts.git, env, facts.cwd)
  return facts.workspace ? { ...ctx, workspace: facts.workspace } : ctx
}
