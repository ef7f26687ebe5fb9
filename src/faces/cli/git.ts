import { existsSync, readFileSync } from 'node:fs'
import { run } from '../../infra/process.js'
import type { GitFacts, GitHubPayload } from './context.js'

async function git(args: string[], cwd: string): Promise<string | undefined> {
  const res = await run('git', args, { cwd, allowFailure: true }).catch(() => undefined)
  const out = res?.code === 0 ? res.stdout.trim() : ''
  return out || undefined
}

/** Asks git about the checkout in `cwd`; whatever git cannot tell stays undefined. */
export async function readGitFacts(cwd: string): Promise<GitFacts> {
  const [sha, branch, tag, remoteUrl, topLevel, userName, decorations] = await Promise.all([
    git(['rev-parse', 'HEAD'], cwd),
    git(['symbolic-ref', '--quiet', '--short', 'HEAD'], cwd),
    git(['describe', '--tags', '--exact-match', 'HEAD'], cwd),
    git(['remote', 'get-url', 'origin'], cwd),
    git(['rev-parse', '--show-toplevel'], cwd),
    git(['config', 'user.name'], cwd),
    git(['show', '-s', '--format=%D', 'HEAD'], cwd)
  ])
  const pullRef = decorations?.match(/(?:^|[\s,/])(pull\/\d+\/(?:merge|head))(?:,|$)/)?.[1]
  return { sha, branch, tag, remoteUrl, topLevel, userName, ...(pullRef ? { pullRef } : {}) }
}

/** The GitHub event payload, when the CLI runs in a workflow step. */
export function readGitHubPayload(path: string | undefined): GitHubPayload {
  if (!path || !existsSync(path)) return {}
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as GitHubPayload
  } catch {
    return {}
  }
}
