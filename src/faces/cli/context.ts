import type { RunContext } from '../../context.js'
import { githubRunContext, type GitHubPayload } from '../github/context.js'
import { gitlabContext, isGitLab, type Env } from '../gitlab/context.js'

export type { GitHubPayload } from '../github/context.js'

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
  /** A pull request ref HEAD is checked out at (`pull/<n>/merge` or `/head`), detached. */
  pullRef?: string
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

/** The ref git says HEAD is at: its branch, else a tag at HEAD, else a pull request ref; '' when none. */
export function refFromGit(git: GitFacts): string {
  if (git.branch) return `refs/heads/${git.branch}`
  if (git.tag) return `refs/tags/${git.tag}`
  return git.pullRef ? `refs/${git.pullRef}` : ''
}

/**
 * docker/metadata-action's `context: git` (our `metadata-context: git`): the ref and commit from the
 * checkout rather than the event, the rest from the workflow. The commit date is then git's too.
 */
export function contextFromGit(ctx: RunContext, git: GitFacts): RunContext {
  const fromGit: RunContext = { ...ctx, ref: refFromGit(git) || ctx.ref, sha: git.sha ?? ctx.sha }
  delete fromGit.commitDate
  return fromGit
}

/** A run on a laptop: all from git. A tag at a detached HEAD is a tag build; else the branch. */
export function laptopContext(git: GitFacts, env: Env, cwd: string): RunContext {
  const remote = git.remoteUrl ? repoFromRemote(git.remoteUrl) : undefined
  const dirName = (git.topLevel ?? cwd).split('/').filter(Boolean).pop() ?? ''
  return {
    eventName: 'push',
    ref: refFromGit(git),
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
        ? githubRunContext(env, facts.payload ?? {}, facts.cwd)
        : laptopContext(facts.git, env, facts.cwd)
  return facts.workspace ? { ...ctx, workspace: facts.workspace } : ctx
}
