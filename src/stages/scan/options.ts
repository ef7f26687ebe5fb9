import { existsSync, statSync } from 'node:fs'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { InputError } from '../../errors.js'
import { parseBool, parseList } from '../../config/lists.js'
import { atOrAbove, isSeverity, SEVERITIES, type Severity } from './model.js'

export const SBOM_FORMATS = ['cyclonedx', 'spdx-json'] as const
export type SbomFormat = (typeof SBOM_FORMATS)[number]

const SCANNERS = ['vuln', 'secret', 'misconfig', 'license'] as const
const VULN_TYPES = ['os', 'library'] as const

export interface ScanOptions {
  /** `scan`: false skips the stage. */
  enabled: boolean
  /** The checkout: paths in reports are shown relative to it. */
  workspace?: string
  /** `severity`: the severities reported. */
  severities: Severity[]
  /** `fail-on-severity`: the gate fails on a vulnerability at or above it; `none` never fails. */
  failOnSeverity: Severity | 'none'
  /** `ignore-unfixed: true`: Trivy leaves vulnerabilities with no fix out of every report. */
  ignoreUnfixed: boolean
  /**
   * `ignore-unfixed: false`: vulnerabilities with no fix gate like the others. Unset (the
   * default), they are reported and never gate.
   */
  gateUnfixed: boolean
  /** `vex`: OpenVEX, CycloneDX VEX or CSAF files (absolute) whose statements Trivy applies. */
  vex: string[]
  /** `trivyignores`: ignore files (absolute), merged into one for Trivy. */
  trivyignores: string[]
  /**
   * The workspace's own `.trivyignore` (absolute), honoured as Trivy honours it when `trivyignores`
   * names none; every finding it hides is listed in the summary with the line that hid it.
   */
  rootIgnore?: string
  /** `trivy-config`: a trivy.yaml (absolute), the only way Trivy reads a config file. */
  trivyConfig?: string
  /** `skip-dirs`, `skip-files`: what Trivy does not read in the image. */
  skipDirs: string[]
  skipFiles: string[]
  /** `ignore-policy`: a Rego file (absolute) that filters findings. */
  ignorePolicy?: string
  scanners: string[]
  vulnTypes: string[]
  /** `trivy-version`: '' means the pinned version. */
  trivyVersion: string
  /** `trivy-path`: an installed binary to use instead of downloading. */
  trivyPath: string
  /** Absolute: Trivy runs in a private empty folder. */
  cacheDir: string
  /** `trivy-db-max-age`: older than this (its UpdatedAt), the DB fails the scan instead of warning. */
  dbMaxAgeSeconds: number
  timeoutSeconds: number
  sbomFormats: SbomFormat[]
  /** `compare-to`: an image reference whose vulnerabilities are counted for the delta. */
  compareTo: string
  failOnNew: boolean
  sbomUpload: boolean
  sbomRetentionDays?: number
}

export const SCAN_DEFAULTS = {
  severity: 'UNKNOWN,LOW,MEDIUM,HIGH,CRITICAL',
  'fail-on-severity': 'CRITICAL',
  // What `trivy image` scans when not told (trivy-action leaves it to Trivy too).
  scanners: 'vuln,secret',
  // Grype's default for its DB (max-allowed-built-age: 120h); Trivy's DB is rebuilt every few hours.
  'trivy-db-max-age': '5d',
  'vuln-type': 'os,library',
  'scan-timeout': '10m',
  'sbom-format': 'cyclonedx'
} as const

const optional = <K extends string>(key: K, value: string | undefined): { [k in K]?: string } =>
  (value === undefined ? {} : { [key]: value }) as { [k in K]?: string }

function oneOf<T extends string>(input: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new InputError(input, `"${value}" is not one of ${allowed.join(', ')}`)
  }
  return value as T
}

/** A Go-style duration (`90s`, `10m`, `1h30m`, `5m0s`, and days: `7d`) or plain seconds, as whole seconds. */
export function parseDuration(input: string, value: string): number {
  const v = value.trim()
  if (/^\d+$/.test(v) && Number(v) > 0) return Number(v)
  const re = /(\d+(?:\.\d+)?)(d|h|m|s)/gy
  let seconds = 0
  let m: RegExpExecArray | null
  let end = 0
  while ((m = re.exec(v))) {
    seconds += Number(m[1]) * { d: 86400, h: 3600, m: 60, s: 1 }[m[2] as 'd' | 'h' | 'm' | 's']
    end = re.lastIndex
  }
  if (!v || end !== v.length || seconds <= 0) {
    throw new InputError(input, `"${value}" is not a duration such as 300s, 10m, 1h30m or 5d`)
  }
  return Math.ceil(seconds)
}

/**
 * `ignore-unfixed`, three ways: `true` is trivy-action's (Trivy's `--ignore-unfixed`: left out of
 * every report), `false` is trivy-action's default (reported, and they gate), and unset is ours:
 * reported, never gating, since no upgrade can clear them.
 */
function unfixedPolicy(value: string): Pick<ScanOptions, 'ignoreUnfixed' | 'gateUnfixed'> {
  if (!value.trim()) return { ignoreUnfixed: false, gateUnfixed: false }
  const ignore = parseBool('ignore-unfixed', value, false)
  return { ignoreUnfixed: ignore, gateUnfixed: !ignore }
}

/** A file an input names, relative to the workspace or absolute; it must exist. */
function fileInput(input: string, value: string, workspace: string): string | undefined {
  if (!value.trim()) return undefined
  const path = resolve(workspace, value.trim())
  if (!existsSync(path) || !statSync(path).isFile())
    throw new InputError(input, `${value.trim()} is not a file`)
  return path
}

/** The Trivy cache: the input, TRIVY_CACHE_DIR, the runner's temporary folder, else Trivy's own default; absolute. */
function cacheDirOf(given: string, workspace: string, env: NodeJS.ProcessEnv): string {
  const dir =
    given ||
    env.TRIVY_CACHE_DIR ||
    (env.RUNNER_TEMP ? join(env.RUNNER_TEMP, 'oci-pipeline-trivy') : join(homedir(), '.cache', 'trivy'))
  return resolve(workspace, dir)
}

function parseSeverities(input: string, value: string): Severity[] {
  const items = parseList(input, value).map(s => s.toUpperCase())
  if (items.length === 0) throw new InputError(input, 'names no severity')
  for (const s of items)
    if (!isSeverity(s)) throw new InputError(input, `"${s}" is not one of ${SEVERITIES.join(', ')}`)
  return SEVERITIES.filter(s => items.includes(s))
}

/**
 * Reads the scan stage's inputs; `raw(name)` returns '' for an input not given. Paths are made
 * absolute from `workspace`: Trivy runs in a folder of its own, where it finds no config of the
 * repository's.
 */
export function parseScanOptions(
  raw: (name: string) => string,
  workspace: string = process.cwd(),
  env: NodeJS.ProcessEnv = process.env
): ScanOptions {
  const get = (name: keyof typeof SCAN_DEFAULTS): string => raw(name).trim() || SCAN_DEFAULTS[name]

  const severities = parseSeverities('severity', get('severity'))
  const gate = get('fail-on-severity').toUpperCase()
  const failOnSeverity = gate === 'NONE' ? 'none' : gate
  if (failOnSeverity !== 'none' && !isSeverity(failOnSeverity)) {
    throw new InputError(
      'fail-on-severity',
      `"${raw('fail-on-severity')}" is not one of ${SEVERITIES.join(', ')}, none`
    )
  }
  // The gate reads the scan's report, which holds only the reported severities.
  const unseen = SEVERITIES.filter(s => atOrAbove(s, failOnSeverity) && !severities.includes(s))
  if (unseen.length > 0) {
    throw new InputError(
      'fail-on-severity',
      `${failOnSeverity} needs ${unseen.join(', ')} to be reported, but "severity" is ${severities.join(',')}`
    )
  }

  const scanners = parseList('scanners', get('scanners')).map(s =>
    oneOf('scanners', s.toLowerCase(), SCANNERS)
  )
  const vulnTypes = parseList('vuln-type', get('vuln-type')).map(s =>
    oneOf('vuln-type', s.toLowerCase(), VULN_TYPES)
  )
  if (scanners.length === 0) throw new InputError('scanners', 'names no scanner')
  if (vulnTypes.length === 0) throw new InputError('vuln-type', 'names no type')

  const sbomRaw = get('sbom-format').toLowerCase()
  const sbomFormats =
    sbomRaw === 'both'
      ? [...SBOM_FORMATS]
      : [
          ...new Set(
            parseList('sbom-format', sbomRaw).map(f =>
              oneOf('sbom-format', f, [...SBOM_FORMATS, 'spdx'] as const)
            )
          )
        ].map(f => (f === 'spdx' ? 'spdx-json' : f))

  const trivyVersion = raw('trivy-version').trim()
  if (trivyVersion && !/^v?\d+\.\d+\.\d+$/.test(trivyVersion)) {
    throw new InputError('trivy-version', `"${trivyVersion}" is not a release version such as v0.58.1`)
  }

  const retention = raw('sbom-retention-days').trim()
  let sbomRetentionDays: number | undefined
  if (retention) {
    sbomRetentionDays = Number(retention)
    if (!Number.isInteger(sbomRetentionDays) || sbomRetentionDays < 1 || sbomRetentionDays > 90) {
      throw new InputError('sbom-retention-days', `"${retention}" is not a whole number of days from 1 to 90`)
    }
  }

  const compareTo = raw('compare-to').trim()
  if (compareTo.startsWith('-'))
    throw new InputError('compare-to', `"${compareTo}" is not an image reference (it starts with "-")`)
  const trivyignores = parseList('trivyignores', raw('trivyignores')).map(f => resolve(workspace, f))
  const rootIgnore = join(workspace, '.trivyignore')
  const dbMaxAge = raw('trivy-db-max-age').trim() || SCAN_DEFAULTS['trivy-db-max-age']

  return {
    enabled: parseBool('scan', raw('scan'), true),
    workspace,
    severities,
    failOnSeverity,
    ...unfixedPolicy(raw('ignore-unfixed')),
    trivyignores,
    vex: parseList('vex', raw('vex')).map(f => resolve(workspace, f)),
    ...(trivyignores.length === 0 && existsSync(rootIgnore) ? { rootIgnore } : {}),
    ...optional('trivyConfig', fileInput('trivy-config', raw('trivy-config'), workspace)),
    skipDirs: parseList('skip-dirs', raw('skip-dirs')),
    skipFiles: parseList('skip-files', raw('skip-files')),
    ...optional('ignorePolicy', fileInput('ignore-policy', raw('ignore-policy'), workspace)),
    scanners: [...new Set(scanners)],
    vulnTypes: [...new Set(vulnTypes)],
    trivyVersion: trivyVersion ? `v${trivyVersion.replace(/^v/, '')}` : '',
    trivyPath: raw('trivy-path').trim(),
    cacheDir: cacheDirOf(raw('trivy-cache-dir').trim(), workspace, env),
    dbMaxAgeSeconds: parseDuration('trivy-db-max-age', dbMaxAge),
    timeoutSeconds: parseDuration('scan-timeout', get('scan-timeout')),
    sbomFormats: [...new Set(sbomFormats)] as SbomFormat[],
    compareTo,
    failOnNew: parseBool('fail-on-new', raw('fail-on-new'), false),
    sbomUpload: parseBool('sbom-upload', raw('sbom-upload'), true),
    ...(sbomRetentionDays !== undefined ? { sbomRetentionDays } : {})
  }
}
