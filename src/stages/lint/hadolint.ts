import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { InputError, StepError } from '../../errors.js'
import { LEVELS, type Finding, type Level } from '../../findings.js'
import { run, tail } from '../../infra/process.js'
import { probe } from '../../infra/tools/probe.js'

export interface HadolintRun {
  binary: string
  /** The Dockerfile on disk. */
  path: string
  /** The Dockerfile as findings name it (relative to the workspace). */
  file: string
  /** `hadolint-config`, or undefined to look for `.hadolint.yaml` in the workspace. */
  config?: string
  workspace: string
  /** DL/SC rule IDs to pass as `--ignore`. */
  ignore: readonly string[]
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

export function hadolintArgs(opts: { path: string; config?: string; ignore: readonly string[] }): string[] {
  const args = ['--format', 'json', '--no-color']
  if (opts.config) args.push('--config', opts.config)
  for (const id of opts.ignore) if (/^(DL|SC)\d+$/.test(id)) args.push('--ignore', id)
  args.push(opts.path)
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

/** hadolint's `--format json` output (an array of {code, column, file, level, line, message}) as findings. */
export function parseHadolintJson(stdout: string, file: string): Finding[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(stdout.trim() || 'null')
  } catch {
    throw new StepError('hadolint printed something that is not JSON', tail(stdout))
  }
  if (!Array.isArray(parsed) || !parsed.every(isItem))
    throw new StepError('hadolint printed JSON that is not a list of findings', tail(stdout))
  return parsed.map(item => ({
    engine: 'hadolint',
    ruleId: item.code,
    level: (LEVELS as readonly string[]).includes(item.level) ? (item.level as Level) : 'warning',
    message: item.message,
    file,
    line: Math.max(1, item.line),
    helpUri: hadolintHelp(item.code)
  }))
}

/**
 * Runs hadolint. It exits 1 when it finds something at or above its own failure threshold, so
 * exits 0 and 1 both carry results; anything else, or output that is not its JSON, is an error.
 */
export async function runHadolint(opts: HadolintRun): Promise<Finding[]> {
  const config = hadolintConfig(opts.config, opts.workspace)
  const result = await run(opts.binary, hadolintArgs({ path: opts.path, config, ignore: opts.ignore }), {
    cwd: opts.workspace,
    allowFailure: true
  })
  if (result.code !== 0 && result.code !== 1)
    throw new StepError(`hadolint exited with code ${result.code}`, tail(result.stderr || result.stdout))
  if (result.code === 1 && !result.stdout.trim())
    throw new StepError('hadolint failed without printing findings', tail(result.stderr))
  return parseHadolintJson(result.stdout, opts.file)
}

/** The version hadolint reports (`Haskell Dockerfile Linter 2.12.0` → `2.12.0`), for the summary and SARIF. */
export async function hadolintVersion(binary: string): Promise<string | undefined> {
  const out = await probe(binary, ['--version']).catch(() => undefined)
  return out?.code === 0 ? /\bv?(\d+\.\d+\.\d+)\b/.exec(out.stdout)?.[1] : undefined
}
