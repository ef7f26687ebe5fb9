import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Finding } from '../../findings.js'
import { splitReference } from '../../stages/metadata/reference.js'
import { toCodeQuality } from '../../stages/report/codequality.js'
import type { ReportPaths } from '../../stages/scan/model.js'

/**
 * GitLab's report artifacts, under the names the include declares in `artifacts:reports`:
 * `codequality` (lint findings), `container_scanning` (one security report over every scanned
 * platform), `cyclonedx` (one SBOM per image and platform, `gl-sbom-*.cdx.json`).
 */
export const CODE_QUALITY_REPORT = 'gl-code-quality-report.json'
export const CONTAINER_SCANNING_REPORT = 'gl-container-scanning-report.json'

export interface ScannedImage {
  image: string
  platform?: string
  paths: Pick<ReportPaths, 'gitlab' | 'cyclonedx'>
}

export interface GitLabReportInput {
  lint?: { findings: readonly Finding[] }
  scans?: readonly ScannedImage[]
}

export interface GitLabReports {
  codequality?: string
  containerScanning?: string
  cyclonedx: string[]
}

/** A GitLab security report, as far as merging needs to know it. */
export interface SecurityReport {
  version: string
  scan: { start_time: string; end_time: string; [k: string]: unknown }
  vulnerabilities: Array<{ id: string; [k: string]: unknown }>
  remediations?: unknown[]
  [k: string]: unknown
}

const safe = (text: string): string =>
  text
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[-.]+|-+$/g, '')

/** `gl-sbom-<image name>[-<os>-<arch>].cdx.json`: the repository's last path part, no registry or tag. */
export function sbomFileName(image: string, platform?: string): string {
  const name = splitReference(image).name.split('/').pop() ?? 'image'
  return `gl-sbom-${safe(`${name}${platform ? `-${platform}` : ''}`) || 'image'}.cdx.json`
}

/** One report over several scans (the platforms of one image): every vulnerability once, the whole time span. */
export function mergeSecurityReports(reports: readonly SecurityReport[]): SecurityReport {
  const [first, ...rest] = reports
  if (!first) throw new Error('mergeSecurityReports needs at least one report')
  if (rest.length === 0) return first
  const seen = new Set<string>()
  const vulnerabilities = reports
    .flatMap(r => r.vulnerabilities)
    .filter(v => (seen.has(v.id) ? false : (seen.add(v.id), true)))
  const times = (key: 'start_time' | 'end_time'): string[] => reports.map(r => r.scan[key]).sort()
  return {
    ...first,
    scan: { ...first.scan, start_time: times('start_time')[0]!, end_time: times('end_time').at(-1)! },
    vulnerabilities,
    remediations: reports.flatMap(r => r.remediations ?? [])
  }
}

const writeJson = (path: string, value: unknown): void =>
  writeFileSync(path, JSON.stringify(value, null, 2) + '\n')

/** Writes the reports the input has into `dir`; a stage that did not run writes nothing. */
export function writeGitLabReports(dir: string, input: GitLabReportInput): GitLabReports {
  mkdirSync(dir, { recursive: true })
  const out: GitLabReports = { cyclonedx: [] }
  if (input.lint) {
    out.codequality = join(dir, CODE_QUALITY_REPORT)
    writeJson(out.codequality, toCodeQuality(input.lint.findings))
  }
  const scans = (input.scans ?? []).filter(s => existsSync(s.paths.gitlab))
  if (scans.length > 0) {
    const reports = scans.map(s => JSON.parse(readFileSync(s.paths.gitlab, 'utf8')) as SecurityReport)
    out.containerScanning = join(dir, CONTAINER_SCANNING_REPORT)
    writeJson(out.containerScanning, mergeSecurityReports(reports))
  }
  for (const s of input.scans ?? []) {
    if (!s.paths.cyclonedx || !existsSync(s.paths.cyclonedx)) continue
    const target = join(dir, sbomFileName(s.image, s.platform))
    copyFileSync(s.paths.cyclonedx, target)
    out.cyclonedx.push(target)
  }
  return out
}
