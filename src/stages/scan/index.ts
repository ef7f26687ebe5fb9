import { readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { Reporter } from '../../reporter.js'
import { sbomArtifactName, type ArtifactUploader } from './artifacts.js'
import { ensureDb, type DbCache } from './db.js'
import { compareScans, type ScanDelta } from './delta.js'
import { evaluateGate, type GateVerdict } from './gate.js'
import { scanImage, scanRemoteImage, type ScanContext, type ScanTarget } from './image.js'
import {
  addCounts,
  countBySeverity,
  type ImageScan,
  type ReportPaths,
  type SeverityCounts,
  type Vulnerability
} from './model.js'
import type { ScanOptions } from './options.js'
import { countsJson, summaryMarkdown } from './reports.js'
import { Trivy, type DbDownloadPolicy, type Runner } from './trivy.js'

export { parseScanOptions, type ScanOptions } from './options.js'
export { evaluateGate, type GateVerdict } from './gate.js'
export { compareScans, type ScanDelta } from './delta.js'
export { Trivy, type Runner } from './trivy.js'
export type { ArtifactUploader } from './artifacts.js'
export { ensureDb, type DbCache } from './db.js'
export { scanImage, scanPlan, scanRemoteImage, type ScanContext, type ScanTarget } from './image.js'
export type { ImageScan, Vulnerability, Severity, SeverityCounts } from './model.js'
export type { ScanSource } from './trivy-flags.js'

export interface ScanStageInput {
  targets: ScanTarget[]
  options: ScanOptions
  reporter: Reporter
  outDir: string
  /** The Trivy binary (`trivy-path`, or the one the tool installer put in the tool cache). */
  trivyPath: string
  /** That binary, already asked its version and flags (the pipeline does it beside the build). */
  trivy?: Trivy
  /** The DB was made ready beforehand (the pipeline does it beside the build). */
  dbPrepared?: boolean
  /** The previous image for the delta: `compare-to`, or the pipeline's guess (the name's current tag). */
  compareTo?: string
  /** The previous image has the very layers of this one (only its config differs): same findings, no second scan. */
  compareToSameLayers?: boolean
  runner?: Runner
  env?: NodeJS.ProcessEnv
  dbCache?: DbCache
  dbPolicy?: DbDownloadPolicy
  uploader?: ArtifactUploader
  analyzerVersion?: string
}

export interface ScanStageResult {
  scans: ImageScan[]
  vulnerabilities: Vulnerability[]
  counts: SeverityCounts
  gate: GateVerdict
  delta?: ScanDelta
  /** The first scan's reports (with several platforms, each scan has its own in `scans`). */
  paths: ReportPaths
  /** What scanned, and when: the vulnerability attestation states it. */
  scanner?: ScannerInfo
}

export interface ScannerInfo {
  name: 'trivy'
  version: string
  /** When the vulnerability DB was built (its metadata.json's UpdatedAt), if known. */
  dbUpdatedAt?: string
  startedAt: string
  finishedAt: string
}

/** The DB's build date, from the metadata.json Trivy keeps beside it. */
export function dbUpdatedAt(cacheDir: string): string | undefined {
  try {
    const meta = JSON.parse(readFileSync(join(cacheDir, 'db', 'metadata.json'), 'utf8')) as {
      UpdatedAt?: string
    }
    return meta.UpdatedAt && !Number.isNaN(Date.parse(meta.UpdatedAt)) ? meta.UpdatedAt : undefined
  } catch {
    return undefined
  }
}

async function uploadSboms(scans: readonly ImageScan[], input: ScanStageInput): Promise<void> {
  const { options, reporter, uploader } = input
  if (!options.sbomUpload || !uploader) return
  for (const s of scans) {
    const files = [s.paths.cyclonedx, s.paths.spdx].filter((p): p is string => !!p)
    if (files.length === 0) continue
    const name = sbomArtifactName(s.image, s.platform)
    const retention =
      options.sbomRetentionDays !== undefined ? { retentionDays: options.sbomRetentionDays } : {}
    // The SBOM stays on disk (the sbom-path output) when the artifact service fails: a warning,
    // never a reason to hold back an image that passed the gate.
    try {
      await uploader.upload(name, files, join(files[0]!, '..'), retention)
      reporter.info(`SBOM uploaded as artifact ${name} (${files.map(f => basename(f)).join(', ')})`)
    } catch (e) {
      reporter.warning(`SBOM not uploaded as artifact ${name}: ${(e as Error).message.split('\n')[0]}`)
    }
  }
}

/**
 * The whole stage: DB, one scan per image (platform), delta, gate, summary, outputs, SBOM
 * artifacts. It does not throw on a failed gate: the caller reads `gate.failed` and must not push.
 */
export async function runScanStage(input: ScanStageInput): Promise<ScanStageResult> {
  const { options, reporter } = input
  if (input.targets.length === 0) throw new Error('runScanStage needs at least one image to scan')
  const env = input.env ?? process.env
  const trivy = input.trivy ?? (await Trivy.detect(input.trivyPath, input.runner, env))
  if (!input.dbPrepared)
    await reporter.group('Trivy vulnerability DB', () =>
      ensureDb(trivy, options.cacheDir, {
        reporter,
        env,
        ...(input.dbCache ? { cache: input.dbCache } : {}),
        ...(input.dbPolicy ? { policy: input.dbPolicy } : {})
      })
    )
  const ctx: ScanContext = {
    trivy,
    options,
    reporter,
    outDir: input.outDir,
    ...(input.analyzerVersion ? { analyzerVersion: input.analyzerVersion } : {})
  }
  const startedAt = new Date().toISOString()
  const scans: ImageScan[] = []
  for (const target of input.targets) scans.push(await scanImage(target, ctx))
  const finishedAt = new Date().toISOString()
  const dbDate = dbUpdatedAt(options.cacheDir)

  let delta: ScanDelta | undefined
  const baseline = options.compareTo || input.compareTo
  if (baseline) {
    const before: Vulnerability[] = []
    let complete = true
    for (const platform of new Set(scans.map(s => s.platform))) {
      const vulns =
        input.compareToSameLayers && baseline === input.compareTo
          ? scans.filter(s => s.platform === platform).flatMap(s => s.vulnerabilities)
          : await scanRemoteImage(baseline, ctx, platform)
      if (vulns) before.push(...vulns)
      else complete = false
    }
    if (complete)
      delta = compareScans(
        before,
        scans.flatMap(s => s.vulnerabilities),
        baseline
      )
  }

  const gate = evaluateGate(scans, options.failOnSeverity, {
    failOnNew: options.failOnNew,
    ...(delta ? { delta } : {})
  })
  for (const reason of gate.reasons) reporter.error(reason)
  reporter.summary(summaryMarkdown(scans, gate, delta))

  const sboms = scans.map(s => s.paths.cyclonedx ?? s.paths.spdx).filter((p): p is string => !!p)
  reporter.setOutput('sbom-path', sboms.join('\n'))
  reporter.setOutput('scan-sarif', scans.length === 1 ? scans[0]!.paths.sarif : input.outDir)
  reporter.setOutput('vulnerabilities', countsJson(scans))

  await uploadSboms(scans, input)

  const vulnerabilities = scans.flatMap(s => s.vulnerabilities)
  return {
    scans,
    vulnerabilities,
    counts: scans.reduce<SeverityCounts>((sum, s) => addCounts(sum, s.counts), countBySeverity([])),
    gate,
    ...(delta ? { delta } : {}),
    paths: scans[0]!.paths,
    scanner: {
      name: 'trivy',
      version: trivy.caps.version,
      ...(dbDate ? { dbUpdatedAt: dbDate } : {}),
      startedAt,
      finishedAt
    }
  }
}
