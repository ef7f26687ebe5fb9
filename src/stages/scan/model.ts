import type { Finding, Level } from '../../findings.js'
import { byCodeUnits } from '../../text.js'

/** Trivy's severities, worst first. */
export const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN'] as const
export type Severity = (typeof SEVERITIES)[number]
export type SeverityCounts = Record<Severity, number>

export interface Vulnerability {
  id: string
  pkg: string
  installed: string
  fixed?: string
  severity: Severity
  title: string
  /** What Trivy scanned, e.g. `app:1.0 (debian 12.5)` or `usr/lib/app/package-lock.json`. */
  target: string
  /** affected, fixed, will_not_fix, … */
  status?: string
  url?: string
}

/** A secret Trivy found in a file of the image (its value never leaves Trivy's report). */
export interface SecretFinding {
  ruleId: string
  severity: Severity
  title: string
  /** The file in the image. */
  target: string
  line?: number
}

/**
 * A finding Trivy left out of the report because an ignore file, an ignore policy or a VEX
 * statement said so (`--show-suppressed`): listed, never silently gone.
 */
export type Suppressed = SuppressedFinding

export interface SuppressedFinding {
  /** vulnerability, secret, … */
  type: string
  id: string
  severity: Severity
  pkg?: string
  installed?: string
  /** ignored, not_affected, … */
  status: string
  statement?: string
  /** The file that hid it, as Trivy names it (the path it was given). */
  source: string
  /** Its line in that file, where it can be found. */
  line?: number
}

/** One Trivy run on one image (one platform). */
export interface ImageScan {
  image: string
  platform?: string
  vulnerabilities: Vulnerability[]
  /** With the `secret` scanner. */
  secrets?: SecretFinding[]
  /** What ignore files, an ignore policy or VEX left out (Trivy 0.55+, `--show-suppressed`). */
  suppressed?: SuppressedFinding[]
  counts: SeverityCounts
  /** Packages Trivy listed (all of them: the scan runs with --list-all-pkgs). */
  packages: number
  os?: string
  layers?: number
  sizeBytes?: number
  /** The config digest of the image Trivy read (`Metadata.ImageID`): ties the scan to the build. */
  imageId?: string
  paths: ReportPaths
}

export interface ReportPaths {
  json: string
  table: string
  sarif: string
  gitlab: string
  cyclonedx?: string
  spdx?: string
}

export function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value)
}

/** True when `severity` is `threshold` or worse; `none` is never reached. */
export function atOrAbove(severity: Severity, threshold: Severity | 'none'): boolean {
  if (threshold === 'none') return false
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(threshold)
}

export function countBySeverity(vulns: readonly Vulnerability[]): SeverityCounts {
  const counts: SeverityCounts = { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0 }
  for (const v of vulns) counts[v.severity]++
  return counts
}

export function addCounts(a: SeverityCounts, b: SeverityCounts): SeverityCounts {
  const sum = { ...a }
  for (const s of SEVERITIES) sum[s] += b[s]
  return sum
}

/** Worst first, then by ID, so every report lists them in the same order. */
type Sortable = Pick<Vulnerability, 'severity' | 'id' | 'pkg'>

export function bySeverity(a: Sortable, b: Sortable): number {
  return (
    SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
    byCodeUnits(a.id, b.id) ||
    byCodeUnits(a.pkg, b.pkg)
  )
}

/** What Trivy's JSON report (`--format json`, SchemaVersion 2) holds that the stage uses. */
export interface TrivyReport {
  ArtifactName?: string
  Metadata?: {
    ImageID?: string
    OS?: { Family?: string; Name?: string }
    DiffIDs?: string[]
    Size?: number
    ImageConfig?: { rootfs?: { diff_ids?: string[] } }
  }
  Results?: Array<{
    Target?: string
    Packages?: unknown[]
    Secrets?: Array<{ RuleID?: string; Severity?: string; Title?: string; StartLine?: number }>
    ExperimentalModifiedFindings?: Array<{
      Type?: string
      Status?: string
      Statement?: string
      Source?: string
      Finding?: {
        VulnerabilityID?: string
        RuleID?: string
        ID?: string
        PkgName?: string
        InstalledVersion?: string
        Severity?: string
      }
    }>
    Vulnerabilities?: Array<{
      VulnerabilityID?: string
      PkgName?: string
      InstalledVersion?: string
      FixedVersion?: string
      Status?: string
      Severity?: string
      Title?: string
      Description?: string
      PrimaryURL?: string
    }>
  }>
}

const severityOf = (s: string | undefined): Severity => {
  const upper = (s ?? 'UNKNOWN').toUpperCase()
  return isSeverity(upper) ? upper : 'UNKNOWN'
}

type Result = NonNullable<TrivyReport['Results']>[number]

function secretsOf(result: Result): SecretFinding[] {
  return (result.Secrets ?? []).map(s => ({
    ruleId: s.RuleID ?? 'unknown',
    severity: severityOf(s.Severity),
    title: s.Title ?? '',
    target: result.Target ?? '',
    ...(s.StartLine ? { line: s.StartLine } : {})
  }))
}

function suppressedOf(result: Result): SuppressedFinding[] {
  return (result.ExperimentalModifiedFindings ?? []).map(m => {
    const f = m.Finding ?? {}
    return {
      type: m.Type ?? 'vulnerability',
      id: f.VulnerabilityID ?? f.RuleID ?? f.ID ?? 'unknown',
      severity: severityOf(f.Severity),
      ...(f.PkgName ? { pkg: f.PkgName } : {}),
      ...(f.InstalledVersion ? { installed: f.InstalledVersion } : {}),
      status: m.Status ?? 'ignored',
      ...(m.Statement ? { statement: m.Statement } : {}),
      source: m.Source ?? ''
    }
  })
}

export function readTrivyReport(json: TrivyReport): Omit<ImageScan, 'image' | 'platform' | 'paths'> {
  const vulnerabilities: Vulnerability[] = []
  const secrets: SecretFinding[] = []
  const suppressed: SuppressedFinding[] = []
  let packages = 0
  for (const result of json.Results ?? []) {
    packages += result.Packages?.length ?? 0
    secrets.push(...secretsOf(result))
    suppressed.push(...suppressedOf(result))
    for (const v of result.Vulnerabilities ?? []) {
      const severity = (v.Severity ?? 'UNKNOWN').toUpperCase()
      vulnerabilities.push({
        id: v.VulnerabilityID ?? 'unknown',
        pkg: v.PkgName ?? 'unknown',
        installed: v.InstalledVersion ?? '',
        ...(v.FixedVersion ? { fixed: v.FixedVersion } : {}),
        severity: isSeverity(severity) ? severity : 'UNKNOWN',
        title: v.Title ?? v.Description?.split('\n')[0] ?? '',
        target: result.Target ?? '',
        ...(v.Status ? { status: v.Status } : {}),
        ...(v.PrimaryURL ? { url: v.PrimaryURL } : {})
      })
    }
  }
  vulnerabilities.sort(bySeverity)
  const os = json.Metadata?.OS
  const layers = json.Metadata?.DiffIDs?.length ?? json.Metadata?.ImageConfig?.rootfs?.diff_ids?.length
  return {
    vulnerabilities,
    secrets,
    suppressed,
    counts: countBySeverity(vulnerabilities),
    packages,
    ...(os?.Family ? { os: `${os.Family} ${os.Name ?? ''}`.trim() } : {}),
    ...(layers !== undefined ? { layers } : {}),
    ...(json.Metadata?.Size ? { sizeBytes: json.Metadata.Size } : {}),
    ...(json.Metadata?.ImageID ? { imageId: json.Metadata.ImageID } : {})
  }
}

const LEVEL_OF: Record<Severity, Level> = {
  CRITICAL: 'error',
  HIGH: 'error',
  MEDIUM: 'warning',
  LOW: 'info',
  UNKNOWN: 'info'
}

/** Vulnerabilities as shared findings (annotations, code quality). They point at the Dockerfile. */
export function toFindings(vulns: readonly Vulnerability[], dockerfile: string): Finding[] {
  return vulns.map(v => ({
    engine: 'trivy',
    ruleId: v.id,
    level: LEVEL_OF[v.severity],
    message: `${v.severity} ${v.id} in ${v.pkg} ${v.installed}${v.fixed ? ` (fixed in ${v.fixed})` : ' (no fix yet)'}: ${v.title}`,
    file: dockerfile,
    line: 1,
    ...(v.url ? { helpUri: v.url } : {})
  }))
}
