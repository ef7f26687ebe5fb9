import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
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
 * Runs a question a tool answers the same way every time (`--version`, `<command> --help`) once per
 * binary: remembered for the process, and on disk for later runs on the same machine. Each start of
 * a large static binary (Trivy: tens of MB, sometimes packed) costs seconds; probing its flags took
 * five starts per run before.
 */
export async function probe(
  binary: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  cacheDir = join(tmpdir(), 'oci-pipeline-probes')
): Promise<RunResult> {
  const id = identity(binary)
  const key = `${id ?? binary}\0${args.join('\0')}`
  const known = memo.get(key)
  if (known) return known
  const file = id ? join(cacheDir, `${createHash('sha256').update(key).digest('hex')}.json`) : undefined
  const answer = (async (): Promise<RunResult> => {
    if (file)
      try {
        return JSON.parse(readFileSync(file, 'utf8')) as RunResult
      } catch {
        // not asked before on this machine
      }
    const result = await run(binary, args, { env, allowFailure: true })
    if (file)
      try {
        mkdirSync(cacheDir, { recursive: true })
        writeFileSync(file, JSON.stringify(result))
      } catch {
        // a read-only temp dir only costs the next run a start
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
