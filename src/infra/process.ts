import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { StepError } from '../errors.js'
import { childEnv } from './child-env.js'

export interface RunOptions {
  cwd?: string
  env?: NodeJS.ProcessEnv
  /** Written to the child's stdin, then closed (how passwords reach `docker login`), or a stream piped in. */
  input?: string | NodeJS.ReadableStream
  /** Where the child's stdout goes, unbuffered (an image stream of gigabytes); RunResult.stdout is then empty. */
  stdoutTo?: NodeJS.WritableStream
  /** Each output line as it arrives (progress for long work). */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void
  /** Resolve with the exit code instead of throwing on a non-zero one. */
  allowFailure?: boolean
  /** Ends the child (SIGTERM) when aborted: a failed lint cancels the build beside it. */
  signal?: AbortSignal
}

export interface RunResult {
  code: number
  stdout: string
  stderr: string
}

const live = new Set<ChildProcess>()

/**
 * Each child leads a process group of its own, so a signal reaches what it started too (`docker`
 * starts its buildx plugin as a child, which a SIGTERM to `docker` alone leaves running).
 */
const GROUPS = process.platform !== 'win32'

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return
  try {
    if (GROUPS) process.kill(-child.pid, signal)
    else child.kill(signal)
  } catch {
    // already gone
  }
}

/** Sends a signal to every child still running, and to what each started. */
export function killChildren(signal: NodeJS.Signals = 'SIGTERM'): void {
  for (const child of live) signalGroup(child, signal)
}

/**
 * Ends every child: SIGTERM, repeated (the docker CLI drops one that comes while it starts a
 * plugin), then SIGKILL for those still there after `graceMs`. Resolves once none is left or
 * `graceMs` + 1 s have passed.
 */
export async function endChildren(graceMs = 5000): Promise<void> {
  const ended = (): boolean => [...live].every(c => c.exitCode !== null || c.signalCode !== null)
  const deadline = Date.now() + graceMs
  while (!ended() && Date.now() < deadline) {
    killChildren('SIGTERM')
    await new Promise(resolve => setTimeout(resolve, 100))
  }
  if (ended()) return
  killChildren('SIGKILL')
  for (const stop = Date.now() + 1000; !ended() && Date.now() < stop;)
    await new Promise(resolve => setTimeout(resolve, 25))
}

const tempDirs = new Set<string>()

/** Removes every temporary directory still there (on a signal, before the children are ended). */
export function removeTempDirs(): void {
  for (const dir of tempDirs) removeTempDir(dir)
}

/**
 * Where temporary files go: the runner's own temporary directory (RUNNER_TEMP, emptied after each
 * job) where there is one, else the system's.
 */
export const tempRoot = (env: NodeJS.ProcessEnv = process.env): string =>
  env.RUNNER_TEMP && existsSync(env.RUNNER_TEMP) ? env.RUNNER_TEMP : tmpdir()

/**
 * Whether only the job's own steps write under tempRoot: a runner's RUNNER_TEMP, or a machine
 * outside CI. Not another CI machine's shared temporary folder (a GitLab shell runner runs every
 * project's jobs as one user): what is kept there is checked again before use.
 */
export const jobPrivate = (env: NodeJS.ProcessEnv = process.env): boolean =>
  tempRoot(env) === env.RUNNER_TEMP || !env.CI

/**
 * A private temporary directory (mode 0700), removed by removeTempDir or, at the latest, when the
 * process exits, even through process.exit (the signal handlers), which skips `finally` blocks.
 */
export function makeTempDir(prefix: string): string {
  if (tempDirs.size === 0) process.once('exit', removeTempDirs)
  const dir = mkdtempSync(join(tempRoot(), prefix))
  tempDirs.add(dir)
  return dir
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
  tempDirs.delete(dir)
  if (tempDirs.size === 0) process.removeListener('exit', removeTempDirs)
}

/** The last lines of a tool's output, for error messages. */
export function tail(text: string, lines = 20): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n')
}

/**
 * Runs a program with an argument array, never through a shell, so no input is ever
 * interpreted as shell syntax. The child never sees the action's inputs or the known credential
 * variables (childEnv).
 */
export function run(cmd: string, args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: childEnv(opts.env ?? process.env),
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: GROUPS
    })
    live.add(child)
    // Repeated until the child ends: the docker CLI drops a SIGTERM that comes while it is still
    // starting its plugin, and `docker buildx build` then runs to its end (measured at 50 ms).
    let again: NodeJS.Timeout | undefined
    const onAbort = (): void => {
      signalGroup(child, 'SIGTERM')
      again ??= setInterval(() => signalGroup(child, 'SIGTERM'), 500)
    }
    if (opts.signal?.aborted) onAbort()
    opts.signal?.addEventListener('abort', onAbort, { once: true })
    const out: Buffer[] = []
    const err: Buffer[] = []
    const lineBuffers = { stdout: '', stderr: '' }
    const feed = (stream: 'stdout' | 'stderr', chunk: Buffer): void => {
      if (!opts.onLine) return
      const text = lineBuffers[stream] + chunk.toString('utf8')
      const parts = text.split('\n')
      lineBuffers[stream] = parts.pop() ?? ''
      for (const line of parts) opts.onLine(line, stream)
    }
    if (opts.stdoutTo && child.stdout) child.stdout.pipe(opts.stdoutTo)
    else child.stdout?.on('data', (c: Buffer) => (out.push(c), feed('stdout', c)))
    child.stderr?.on('data', (c: Buffer) => (err.push(c), feed('stderr', c)))
    child.on('error', e => {
      live.delete(child)
      clearInterval(again)
      const code = (e as NodeJS.ErrnoException).code
      reject(
        new StepError(
          code === 'ENOENT' ? `${cmd} was not found on PATH` : `${cmd} failed to start: ${e.message}`
        )
      )
    })
    child.on('exit', () => clearInterval(again))
    child.on('close', (code, signal) => {
      live.delete(child)
      opts.signal?.removeEventListener('abort', onAbort)
      for (const s of ['stdout', 'stderr'] as const) if (lineBuffers[s]) opts.onLine?.(lineBuffers[s], s)
      const result = {
        code: code ?? 128,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8')
      }
      if (result.code !== 0 && !opts.allowFailure) {
        const how = signal ? `was ended by ${signal}` : `exited with code ${result.code}`
        reject(
          new StepError(
            `${cmd} ${args[0] ?? ''} ${how}`.replace(/\s+/g, ' '),
            tail(result.stderr || result.stdout)
          )
        )
      } else resolve(result)
    })
    child.stdin?.on('error', () => undefined)
    if (typeof opts.input === 'object' && child.stdin) opts.input.pipe(child.stdin)
    else child.stdin?.end(opts.input ?? '')
  })
}
