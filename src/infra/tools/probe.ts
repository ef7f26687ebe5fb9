import { createHash } from 'node:crypto'
import { lstatSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { run, type RunResult } from '../process.js'

const memo = new Map<string, Promise<RunResult>>()

/** What identifies one build of a binary: its path, inode, size and modification time. */
function identity(binary: string): string | undefined {
  if (!binary.includes('/')) return undefined
  try {
    const s = statSync(binary)
    return `${binary}:${s.ino}:${s.size}:${s.mtimeMs}`
  } catch {
    return undefined
  }
}

/**
 * Where the answers are kept between runs: the runner's temporary folder (one job) where there is
 * one, else the user's cache folder; never a shared, predictable path such as /tmp/…, where another
 * user could plant the answers first.
 */
export function probeCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.RUNNER_TEMP) return join(env.RUNNER_TEMP, 'oci-pipeline-probes')
  return join(env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache'), 'oci-pipeline', 'probes')
}

/** The folder, made private (0700) if new; undefined when it is not ours alone (then nothing is kept). */
function privateDir(dir: string): string | undefined {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    const s = lstatSync(dir)
    const mine = !process.getuid || s.uid === process.getuid()
    return s.isDirectory() && mine && (s.mode & 0o077) === 0 ? dir : undefined
  } catch {
    return undefined
  }
}

/**
 * Runs a question a tool answers the same way every time (`--version`, `<command> --help`) once per
 * binary: remembered for the process, and on disk for later runs on the same machine. Each start of
 * a large static binary (Trivy: tens of MB, sometimes packed) costs seconds; probing its flags took
 * five starts per run before.
 */
export async function probe(
  binary: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  opts: { cacheDir?: string; cwd?: string } = {}
): Promise<RunResult> {
  const id = identity(binary)
  const key = `${id ?? binary}\0${args.join('\0')}`
  const known = memo.get(key)
  if (known) return known
  const dir = id ? privateDir(opts.cacheDir ?? probeCacheDir(env)) : undefined
  const file = dir ? join(dir, `${createHash('sha256').update(key).digest('hex')}.json`) : undefined
  const answer = (async (): Promise<RunResult> => {
    if (file)
      try {
        return JSON.parse(readFileSync(file, 'utf8')) as RunResult
      } catch {
        // not asked before on this machine
      }
    const result = await run(binary, args, {
      env,
      allowFailure: true,
      ...(opts.cwd ? { cwd: opts.cwd } : {})
    })
    if (file)
      try {
        writeFileSync(file, JSON.stringify(result), { mode: 0o600 })
      } catch {
        // a read-only folder only costs the next run a start
      }
    return result
  })()
  memo.set(key, answer)
  return answer
}

/** Forgets what this process was told (the answers on disk stay): a fresh run, for tests. */
export function forgetProbes(): void {
  memo.clear()
}
