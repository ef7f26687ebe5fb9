import { statSync } from 'node:fs'
import { run, type RunResult } from '../process.js'

const memo = new Map<string, Promise<RunResult>>()

/** What identifies one build of a binary: its path, inode, size and modification time. */
export function identity(binary: string): string {
  try {
    const s = statSync(binary)
    return `${binary}:${s.ino}:${s.size}:${s.mtimeMs}`
  } catch {
    return binary
  }
}

/**
 * Runs a question a tool answers the same way every time (`--version`, `<command> --help`) once per
 * binary and run: the lint and the scan both ask Trivy its version. Nothing is kept on disk.
 */
export function probe(
  binary: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  opts: { cwd?: string } = {}
): Promise<RunResult> {
  const key = `${identity(binary)}\0${args.join('\0')}`
  let answer = memo.get(key)
  if (!answer) {
    answer = run(binary, args, { env, allowFailure: true, ...(opts.cwd ? { cwd: opts.cwd } : {}) })
    memo.set(key, answer)
  }
  return answer
}

/** Forgets what this process was told: a fresh run, for tests. */
export function forgetProbes(): void {
  memo.clear()
}
