import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { InputError, StepError } from '../../errors.js'
import { LEVELS, type Finding, type Level } from '../../findings.js'
import { hadolintEnv } from '../../infra/child-env.js'
import { run, tail } from '../../infra/process.js'
import { probe } from '../../infra/tools/probe.js'
import { parseDockerfile, stageChain, type Stage } from '../dockerfile.js'
import { hadolintInput } from './hadolint-input.js'

export interface HadolintRun {
  binary: string
  /** The Dockerfile on disk. */
  path: string
  /** The Dockerfile as findings name it (relative to the workspace). */
  file: string
  /** `hadolint-config`, or undefined to look for `.hadolint.yaml` in the workspace. */
  config?: string
  workspace: string
}

/** The config hadolint should read: the input, else the workspace's `.hadolint.yaml`/`.yml`. */
export function hadolintConfig(config: string | undefined, workspace: string): string | undefined {
  if (config) {
    const path = join(workspace, config)
    const found = [config, path].find(p => existsSync(p))
    if (!found) throw new InputError('hadolint-config', `"${config}" does not exist`)
    return found
  }
  return ['.hadolint.yaml', '.hadolint.yml'].map(f => join(workspace, f)).find(p => existsSync(p))
}

/**
 * hadolint 2.12's flags: JSON on stdout, exit 0 whatever it finds (`--no-fail`: a non-zero exit is
 * then a failure of hadolint itself), the Dockerfile on stdin (`-`). lint-ignore is applied to all
 * engines after the run, not passed as `--ignore`: hadolint would then drop its config's `ignored`.
 */
export function hadolintArgs(opts: { config?: string }): string[] {
  const args = ['--format', 'json', '--no-color', '--no-fail']
  if (opts.config) args.push('--config', opts.config)
  args.push('-')
  return args
}

export const hadolintHelp = (code: string): string =>
  code.startsWith('SC')
    ? `https://www.shellcheck.net/wiki/${code}`
    : `https://github.com/hadolint/hadolint/wiki/${code}`

interface HadolintItem {
  code: string
  column?: number
  file?: string
  level: string
  line: number
  message: string
}

const isItem = (x: unknown): x is HadolintItem => {
  const o = x as Partial<HadolintItem> | null
  return !!o && typeof o.code === 'string' && typeof o.line === 'number' && typeof o.message === 'string'
}

/**
 * hadolint's `--format json` output (an array of {code, column, file, level, line, message}) as
 * findings, lines taken back through `lineMap`. DL1000 (it could not parse the file) becomes a
 * warning that says its checks did not run: BuildKit reads syntax hadolint 2.12 does not.
 */
export function parseHadolintJson(stdout: string, file: string, lineMap?: readonly number[]): Finding[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(stdout.trim() || 'null')
  } catch {
    throw new StepError('hadolint printed something that is not JSON', tail(stdout))
  }
  if (!Array.isArray(parsed) || !parsed.every(isItem))
    throw new StepError('hadolint printed JSON that is not a list of findings', tail(stdout))
  return parsed.map(item => {
    const line = lineMap?.[item.line - 1] ?? Math.max(1, item.line)
    const unparsed = item.code === 'DL1000'
    return {
      engine: 'hadolint',
      ruleId: item.code,
      level: unparsed
        ? 'warning'
        : (LEVELS as readonly string[]).includes(item.level)
          ? (item.level as Level)
          : 'warning',
      message: unparsed
        ? `hadolint cannot parse line ${line} (${item.message.split('\n')[0]}), so its DL and SC checks did not run on this file; the checklist and Trivy did. If docker buildx builds the file, the syntax is newer than hadolint's.`
        : item.message,
      file,
      line,
      helpUri: hadolintHelp(item.code)
    }
  })
}

/** What `.hadolint.yaml` ignores and overrides, so that the Trivy twins of those rules follow it. */
export function readHadolintConfig(path: string | undefined): {
  ignored: Set<string>
  override: Map<string, Level>
} {
  const result = { ignored: new Set<string>(), override: new Map<string, Level>() }
  if (!path) return result
  let doc: unknown
  try {
    doc = parseYaml(readFileSync(path, 'utf8'))
  } catch (e) {
    throw new InputError('hadolint-config', `${path} is not YAML: ${(e as Error).message}`)
  }
  const config = (doc ?? {}) as { ignored?: unknown; override?: Record<string, unknown> }
  if (Array.isArray(config.ignored))
    for (const id of config.ignored) result.ignored.add(String(id).toUpperCase())
  for (const level of LEVELS) {
    const ids = config.override?.[level]
    if (Array.isArray(ids)) for (const id of ids) result.override.set(String(id).toUpperCase(), level)
  }
  return result
}

const WINDOWS = /(^|\/)windows\/|[:-](nanoserver|servercore|windowsservercore)|[:-]ltsc20\d\d/i

/**
 * ShellCheck (SC) findings on the RUNs of a Windows stage: hadolint reads every RUN as POSIX sh,
 * but a Windows image runs them with cmd or PowerShell, where `C:\out` is a path, not an escape.
 */
export function withoutShellCheckOnWindows(findings: readonly Finding[], dockerfile: string): Finding[] {
  if (!findings.some(f => f.ruleId.startsWith('SC'))) return [...findings]
  const df = parseDockerfile(dockerfile)
  const windows = df.stages.filter(s => WINDOWS.test((stageChain(df, s).pop() as Stage).image))
  const endOf = (s: Stage): number => df.stages[s.index + 1]?.line ?? Number.MAX_SAFE_INTEGER
  return findings.filter(
    f => !f.ruleId.startsWith('SC') || !windows.some(s => f.line > s.line && f.line <= endOf(s))
  )
}

/** Runs hadolint on a copy of the Dockerfile it can parse (see hadolint-input.ts). */
export async function runHadolint(opts: HadolintRun): Promise<Finding[]> {
  const config = hadolintConfig(opts.config, opts.workspace)
  const dockerfile = readFileSync(opts.path, 'utf8')
  const input = hadolintInput(dockerfile)
  const result = await run(opts.binary, hadolintArgs({ config }), {
    cwd: opts.workspace,
    input: input.text,
    env: hadolintEnv(process.env),
    allowFailure: true
  })
  if (result.code !== 0)
    throw new StepError(`hadolint exited with code ${result.code}`, tail(result.stderr || result.stdout))
  // hadolint 2.12 reports a config it cannot read on stderr, then lints without it and exits 0.
  if (config && /Error parsing your config file/.test(result.stderr)) {
    const why = result.stderr.replace(/\\n/g, '\n').trim().replace(/"$/, '').split('\n').filter(Boolean).pop()
    throw new InputError(
      opts.config ? 'hadolint-config' : '.hadolint.yaml',
      `hadolint cannot read ${config} (${why}): it takes the keys ignored, override, trustedRegistries…, each a list`
    )
  }
  return withoutShellCheckOnWindows(parseHadolintJson(result.stdout, opts.file, input.lineMap), dockerfile)
}

/** The version hadolint reports (`Haskell Dockerfile Linter 2.12.0` → `2.12.0`), for the summary and SARIF. */
export async function hadolintVersion(binary: string): Promise<string | undefined> {
  const out = await probe(binary, ['--version']).catch(() => undefined)
  return out?.code === 0 ? /\bv?(\d+\.\d+\.\d+)\b/.exec(out.stdout)?.[1] : undefined
}
