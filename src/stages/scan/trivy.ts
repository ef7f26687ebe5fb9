import { existsSync, readFileSync } from 'node:fs'
import { StepError } from '../../errors.js'
import { run, type RunOptions, type RunResult } from '../../infra/process.js'
import type { Reporter } from '../../reporter.js'
import { probe } from '../../infra/tools/probe.js'
import { trivyCwd, trivySandbox } from '../../infra/tools/trivy-sandbox.js'
import {
  capabilitiesForVersion,
  capabilitiesFromHelp,
  classifyDbFailure,
  convertArgs,
  dbDownloadArgs,
  dbRepositoryGroups,
  parseTrivyVersion,
  type ConvertFormat,
  type TrivyCapabilities
} from './trivy-flags.js'

/** How processes are started: `run` from process.ts, or a stand-in that counts or fakes them. */
export type Runner = (cmd: string, args: readonly string[], opts?: RunOptions) => Promise<RunResult>

export interface DbDownloadPolicy {
  /** Attempts per repository (group) when the failure looks transient. */
  attempts: number
  /** Waits before the 2nd, 3rd, … attempt; the last one repeats. */
  delaysMs: number[]
}

export const DEFAULT_DB_POLICY: DbDownloadPolicy = { attempts: 3, delaysMs: [5000, 15000, 30000] }

const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

/** One Trivy binary: its version and flags, and the few ways the stage runs it. */
export class Trivy {
  private constructor(
    readonly path: string,
    readonly caps: TrivyCapabilities,
    private readonly runner: Runner,
    private readonly env: NodeJS.ProcessEnv
  ) {}

  /** Asks the binary its version and its flags (neither reads an image). */
  static async detect(
    path: string,
    runner: Runner = run,
    env: NodeJS.ProcessEnv = process.env
  ): Promise<Trivy> {
    // The real runner's answers are remembered per binary (probe); a stand-in runner is always asked.
    const ask = (args: string[]): Promise<RunResult> =>
      runner === run
        ? probe(path, args, env, { cwd: trivyCwd() })
        : runner(path, args, { ...trivySandbox(env), allowFailure: true })
    const out = await ask(['--version'])
    if (out.code !== 0) throw new StepError(`${path} --version exited with code ${out.code}`, out.stderr)
    const version = parseTrivyVersion(out.stdout + out.stderr)
    // A release says what it accepts by its number; a build from source (`dev`) is asked (two starts more).
    if (version !== 'dev') return new Trivy(path, capabilitiesForVersion(version), runner, env)
    const [help, convertHelp] = await Promise.all([
      ask(['image', '--help']),
      // A release without the command prints the root help, which never shows `trivy convert`.
      ask(['convert', '--help'])
    ])
    const text = help.stdout + help.stderr
    const convert = /\btrivy convert\b/.test(convertHelp.stdout + convertHelp.stderr)
    const caps =
      help.code === 0 && text.includes('--db-repository')
        ? capabilitiesFromHelp(version, text, convert)
        : capabilitiesForVersion(version)
    return new Trivy(path, caps, runner, env)
  }

  run(args: readonly string[], onLine?: RunOptions['onLine']): Promise<RunResult> {
    return this.runWith(args, {}, onLine ? { onLine } : {})
  }

  /** A run with more variables than the binary's own (`extraEnv`), and an end signal. */
  runWith(
    args: readonly string[],
    extraEnv: NodeJS.ProcessEnv,
    opts: Pick<RunOptions, 'onLine' | 'signal'>
  ): Promise<RunResult> {
    return this.runner(this.path, args, { ...opts, ...trivySandbox({ ...this.env, ...extraEnv }) })
  }

  convert(json: string, format: ConvertFormat, output: string): Promise<RunResult> {
    return this.runner(this.path, convertArgs(json, format, output), trivySandbox(this.env))
  }

  /**
   * Downloads the DB into `cacheDir`, trying the repositories in order (all at once where Trivy
   * takes a list) and retrying a repository while it answers with rate limits or server errors.
   */
  async downloadDb(
    repositories: readonly string[],
    cacheDir: string,
    reporter: Reporter,
    policy: DbDownloadPolicy = DEFAULT_DB_POLICY
  ): Promise<string> {
    const failures: string[] = []
    for (const group of dbRepositoryGroups(repositories, this.caps)) {
      for (let attempt = 1; attempt <= policy.attempts; attempt++) {
        const result = await this.runner(this.path, dbDownloadArgs(group, cacheDir, this.caps), {
          ...trivySandbox(this.env),
          allowFailure: true
        })
        if (result.code === 0) return group
        const said = failureReason(result)
        const why = classifyDbFailure(`${result.stderr}\n${result.stdout}`)
        failures.push(`${group} (attempt ${attempt}, ${why}): ${said}`)
        if (why === 'permanent' || attempt === policy.attempts) break
        const wait = policy.delaysMs[Math.min(attempt - 1, policy.delaysMs.length - 1)] ?? 0
        reporter.warning(
          `Trivy DB download from ${group} failed (${why}); retrying in ${Math.round(wait / 1000)}s`
        )
        await sleep(wait)
      }
    }
    throw new StepError(
      `The Trivy vulnerability DB could not be downloaded from ${repositories.join(', ')}. ` +
        'Set TRIVY_DB_REPOSITORY to a mirror, or point trivy-cache-dir at a prepared cache and set TRIVY_SKIP_DB_UPDATE=true.',
      failures.join('\n')
    )
  }
}

/**
 * Why a Trivy run failed, in its own words: from its first FATAL or ERROR line on (the error's
 * causes follow it; releases before 0.52 may print it on stdout), colours stripped. Its INFO
 * lines say nothing about the failure.
 */
export function failureReason(result: RunResult): string {
  const lines = `${result.stderr}\n${result.stdout}`
    // eslint-disable-next-line no-control-regex
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .map(l => l.trim())
    .filter(Boolean)
  const first = lines.findIndex(l => /\b(FATAL|ERROR)\b/.test(l))
  const said =
    first >= 0 ? lines.slice(first) : lines.filter(l => /error|TOOMANYREQUESTS|status code/i.test(l))
  return said.slice(-4).join('\n') || `exit code ${result.code}, no error message`
}

export function readIfExists(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined
}
