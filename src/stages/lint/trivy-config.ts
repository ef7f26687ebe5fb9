import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import semver from 'semver'
import { StepError } from '../../errors.js'
import type { Finding, Level } from '../../findings.js'
import { KeptAnswers } from '../../infra/kept-answers.js'
import { identity, probe } from '../../infra/tools/probe.js'
import { trivyCwd, trivySandbox } from '../../infra/tools/trivy-sandbox.js'
import { parseTrivyVersion } from '../../infra/tools/trivy-version.js'
import { makeTempDir, removeTempDir, run, tail } from '../../infra/process.js'
import { byCodeUnits } from '../../text.js'
import { parseDockerfile, substitute } from '../dockerfile.js'
import { URL } from './checklist/copy-rules.js'
import { copyArgs, instructionsOf, keyword, startLine, varsAt } from './checklist/types.js'
import { normaliseRuleId } from './rule-ids.js'

/** The flags this Trivy build has, read from `trivy config --help` (they were renamed across releases). */
export interface TrivyConfigFlags {
  /** `--skip-check-update` (newer) or `--skip-policy-update` (older): use the embedded checks, offline. */
  skipUpdate?: string
  /** `--misconfig-scanners`: restrict to the dockerfile scanner. */
  misconfigScanners: boolean
  filePatterns: boolean
  /** `--skip-version-check` (0.63+): no call to Trivy's update service, as the scan. */
  skipVersionCheck: boolean
}

export function parseConfigHelp(help: string): TrivyConfigFlags {
  const has = (flag: string): boolean => new RegExp(`\\s${flag}[\\s=]`).test(help)
  return {
    skipUpdate: ['--skip-check-update', '--skip-policy-update'].find(has),
    misconfigScanners: has('--misconfig-scanners'),
    filePatterns: has('--file-patterns'),
    skipVersionCheck: has('--skip-version-check')
  }
}

/** The same flags from a release number: `--skip-check-update` from 0.51, `--misconfig-scanners` from 0.48, `--skip-version-check` from 0.63. */
export function configFlagsForVersion(version: string): TrivyConfigFlags {
  const at = (min: string): boolean => semver.gte(version, min)
  return {
    skipUpdate: at('0.51.0') ? '--skip-check-update' : '--skip-policy-update',
    misconfigScanners: at('0.48.0'),
    filePatterns: true,
    skipVersionCheck: at('0.63.0')
  }
}

export { parseTrivyVersion } from '../../infra/tools/trivy-version.js'

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export function trivyConfigArgs(path: string, flags: TrivyConfigFlags, cacheDir?: string): string[] {
  const args = ['config', '--format', 'json', '--quiet']
  if (flags.skipUpdate) args.push(flags.skipUpdate)
  if (flags.misconfigScanners) args.push('--misconfig-scanners', 'dockerfile')
  if (flags.skipVersionCheck) args.push('--skip-version-check')
  // Trivy recognises Dockerfiles by name; this makes it read ours whatever it is called.
  if (flags.filePatterns) args.push('--file-patterns', `dockerfile:(^|/)${escapeRegExp(basename(path))}$`)
  if (cacheDir) args.push('--cache-dir', cacheDir)
  args.push(path)
  return args
}

/** What a `trivy config` answer depends on: the binary, its release, the flags, the Dockerfile's bytes. */
export const trivyConfigKey = (
  binary: string,
  version: string,
  args: readonly string[],
  dockerfile: Buffer
): string => KeptAnswers.key(['trivy config', binary, version, args.join('\0'), dockerfile])

/** Trivy severities on the findings model. */
export function trivyLevel(severity: string): Level {
  switch (severity.toUpperCase()) {
    case 'CRITICAL':
    case 'HIGH':
      return 'error'
    case 'MEDIUM':
      return 'warning'
    default:
      return 'info'
  }
}

interface Misconfiguration {
  ID: string
  AVDID?: string
  Title?: string
  Message?: string
  Severity: string
  Status?: string
  PrimaryURL?: string
  CauseMetadata?: { StartLine?: number; EndLine?: number }
}

interface TrivyReport {
  Results?: Array<{ Target: string; Type?: string; Misconfigurations?: Misconfiguration[] }> | null
}

/** `trivy config --format json` output: the Dockerfile's failed checks as findings on `file`. */
export function parseTrivyConfigJson(stdout: string, file: string): Finding[] {
  let report: TrivyReport
  try {
    report = JSON.parse(stdout) as TrivyReport
  } catch {
    throw new StepError('trivy config printed something that is not JSON', tail(stdout))
  }
  const findings: Finding[] = []
  for (const result of report.Results ?? [])
    for (const m of result.Misconfigurations ?? []) {
      if (m.Status && m.Status !== 'FAIL') continue
      const start = m.CauseMetadata?.StartLine || 1
      const end = m.CauseMetadata?.EndLine
      findings.push({
        engine: 'trivy',
        ruleId: m.ID,
        level: trivyLevel(m.Severity),
        message: [m.Title, m.Message].filter(Boolean).join(': ') || m.ID,
        file,
        line: start,
        ...(end && end > start ? { endLine: end } : {}),
        ...(m.PrimaryURL ? { helpUri: m.PrimaryURL } : {})
      })
    }
  return findings.sort((a, b) => a.line - b.line || byCodeUnits(a.ruleId, b.ruleId))
}

export interface TrivyConfigRun {
  binary: string
  path: string
  file: string
  cacheDir?: string
  env?: NodeJS.ProcessEnv
  /** Answers of earlier runs: the same release, flags and Dockerfile bytes answer the same. */
  kept?: KeptAnswers
}

/** Runs Trivy's Dockerfile checks offline, with the checks built into the binary. */
export async function runTrivyConfig(
  opts: TrivyConfigRun
): Promise<{ findings: Finding[]; version?: string; kept?: boolean }> {
  const versionOut = await probe(opts.binary, ['--version'], opts.env, { cwd: trivyCwd() })
  if (versionOut.code !== 0)
    throw new StepError(`${opts.binary} --version exited with code ${versionOut.code}`, versionOut.stderr)
  const version = parseTrivyVersion(versionOut.stdout)
  // A release says what it accepts by its number; a build from source (`dev`) is asked (one start more).
  const flags =
    version !== 'dev'
      ? configFlagsForVersion(version)
      : parseConfigHelp(
          await probe(opts.binary, ['config', '--help'], opts.env, { cwd: trivyCwd() }).then(
            h => h.stdout + h.stderr
          )
        )
  if (!flags.skipUpdate)
    throw new StepError(
      `this Trivy (${version}) has neither --skip-check-update nor --skip-policy-update, so its Dockerfile checks cannot run offline`
    )
  // Only a release with no cache given is answered from earlier runs: its checks are the ones built
  // into that binary, and Trivy then reads nothing but the Dockerfile (in an empty folder).
  const key =
    opts.kept && !opts.cacheDir && semver.valid(version)
      ? trivyConfigKey(
          identity(opts.binary),
          version,
          trivyConfigArgs(opts.path, flags),
          readFileSync(opts.path)
        )
      : undefined
  const earlier = key ? opts.kept?.get(key) : undefined
  if (earlier !== undefined)
    try {
      return { findings: parseTrivyConfigJson(earlier, opts.file), version, kept: true }
    } catch {
      // not an answer Trivy gave: asked again
    }
  // A cache of its own unless one is given: a Trivy run locks its cache while it runs, so sharing
  // the scan's would hold up the scan beside it; and the checks are then always the ones built in.
  const cacheDir = opts.cacheDir ?? makeTempDir('oci-pipeline-trivy-config-')
  try {
    // In an empty folder of its own: no trivy.yaml or .trivyignore of the repository is read.
    const result = await run(
      opts.binary,
      trivyConfigArgs(opts.path, flags, cacheDir),
      trivySandbox(opts.env ?? process.env)
    )
    const findings = parseTrivyConfigJson(result.stdout, opts.file)
    if (key) opts.kept?.put(key, result.stdout)
    return { findings, version }
  } finally {
    if (!opts.cacheDir) removeTempDir(cacheDir)
  }
}

/**
 * Trivy's DS005 ("use COPY instead of ADD") skips `ADD https://…` and `ADD git@…`, but not the
 * same sources written through an ARG (`ADD ${REPO}#${COMMIT} /src`): it then tells the user to
 * COPY a git URL, which cannot work. Those findings are dropped here; OP007 checks remote ADDs.
 */
export function withoutRemoteAddAdvice(
  findings: readonly Finding[],
  dockerfile: string,
  buildArgs?: ReadonlyMap<string, string>
): Finding[] {
  if (!findings.some(f => normaliseRuleId(f.ruleId) === 'DS005')) return [...findings]
  const df = parseDockerfile(dockerfile, buildArgs)
  const remote = new Set<number>()
  for (const [i, stage] of instructionsOf(df.stages)) {
    if (keyword(i) !== 'ADD') continue
    const vars = varsAt(df, stage, i)
    const sources = copyArgs(i).sources.map(s => substitute(s, vars))
    if (sources.length && sources.every(s => URL.test(s))) remote.add(startLine(i) + 1)
  }
  return findings.filter(f => normaliseRuleId(f.ruleId) !== 'DS005' || !remote.has(f.line))
}
