import { existsSync, realpathSync } from 'node:fs'
import { isAbsolute, relative, resolve } from 'node:path'
import { StepError } from '../errors.js'
import { run } from './process.js'

/** `dir` relative to the workspace when it lies inside it, else undefined. */
export function insideWorkspace(dir: string, workspace: string): string | undefined {
  const real = (p: string): string => (existsSync(p) ? realpathSync(p) : resolve(p))
  const rel = relative(real(workspace), real(resolve(workspace, dir)))
  return rel.startsWith('..') || isAbsolute(rel) ? undefined : rel || '.'
}

/** The files git tracks under `dir` of the workspace's checkout; none where it is no git checkout. */
export async function trackedFiles(dir: string, workspace: string): Promise<string[]> {
  const rel = insideWorkspace(dir, workspace)
  if (rel === undefined) return []
  // The checkout may belong to another user than the job's (git's "dubious ownership").
  const args = [
    '-c',
    `safe.directory=${realpathSync(workspace)}`,
    '-C',
    workspace,
    'ls-files',
    '-z',
    '--',
    rel
  ]
  const res = await run('git', args, { allowFailure: true }).catch(() => undefined)
  return res?.code === 0 ? res.stdout.split('\0').filter(Boolean) : []
}

/**
 * A Trivy cache inside the checkout (GitLab can only cache folders there) must hold nothing the
 * repository committed: a DB written by a commit, with a `NextUpdate` far ahead, would be the scan's
 * DB and could report nothing at all. Only what a cache restored, or Trivy downloaded, is used.
 */
export async function refuseTrackedCache(cacheDir: string, workspace: string): Promise<void> {
  const tracked = await trackedFiles(cacheDir, workspace)
  if (tracked.length)
    throw new StepError(
      `the Trivy cache ${cacheDir} holds files committed to the repository (${tracked.slice(0, 3).join(', ')}${tracked.length > 3 ? ', …' : ''}): remove them from git, or set trivy-cache-dir outside the checkout; nothing was scanned`
    )
}
