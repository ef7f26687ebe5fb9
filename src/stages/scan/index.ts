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
import { countsJson } from './reports.js'
import type { SbomRecord } from '../report/run-model.js'
import { errorMessage } from '../../errors.js'
import { Trivy, type DbDownloadPolicy, type Runner } from './trivy.js'
import { dbUpdatedAt, type ScannerInfo } from './scanner-info.js'
import { droppedTrivyVariables } from '../../infra/child-env.js'

export { parseScanOptions, type ScanOptions } from './options.js'
export { evaluateGate, gateFailureMessage, gateHeadline, type GateVerdict } from './gate.js'
export { compareScans, type ScanDelta } from './delta.js'
export { Trivy, type Runner } from './trivy.js'
export type { ArtifactUploader } from './artifacts.js'
export type { ScannerInfo } from './scanner-info.js'
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
  /** The DB was made ready beforehand (the pipeline does it beside the build)... */
  dbPrepared?: boolean
  /** ... or could not be had, and why: the scan then lists the packages (the SBOM) unchecked. */
  dbMissing?: string
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
  /**
   * The SARIF and SBOM files are written, and the SBOMs uploaded, by the result's `writeReports`,
   * which the caller runs when it likes (beside the push): the gate needs only the scan's JSON.
   */
  deferReports?: boolean
}

export interface ScanStageResult {
  scans: ImageScan[]
  vulnerabilities: Vulnerability[]
  counts: SeverityCounts
  gate: GateVerdict
  delta?: ScanDelta
  /** The first scan's reports (with several platforms, each scan has its own in `scans`). */
  paths: ReportPaths
  /** Why no vulnerability could be checked (no DB): the scan then only listed the packages. */
  unchecked?: string
  /** The SBOMs, each with the artifact it went to. */
  sboms: SbomRecord[]
  /** `trivy 0.69.3`, for the summary's engines. */
  engine: string
  /** Writes the SARIF and SBOM files and uploads the SBOMs (done already unless `deferReports`). */
  writeReports: () => Promise<void>
  /** What scanned, and when: the vulnerability attestation states it. */
  scanner?: ScannerInfo
}

/** One record per scan with an SBOM; `uploadSboms` fills in where each went. */
function sbomRecords(scans: readonly ImageScan[]): SbomRecord[] {
  return scans.flatMap(s => {
    const path = s.paths.cyclonedx ?? s.paths.spdx
    return path ? [{ image: s.image, ...(s.platform ? { platform: s.platform } : {}), path }] : []
  })
}

async function uploadSboms(
  scans: readonly ImageScan[],
  records: SbomRecord[],
  input: ScanStageInput
): Promise<void> {
  const { options, reporter, uploader } = input
  if (!options.sbomUpload || !uploader) return
  for (const s of scans) {
    const files = [s.paths.cyclonedx, s.paths.spdx].filter((p): p is string => !!p)
    const record = records.find(r => r.image === s.image && r.platform === s.platform)
    if (files.length === 0 || !record) continue
    const name = sbomArtifactName(s.image, s.platform)
    const retention =
      options.sbomRetentionDays !== undefined ? { retentionDays: options.sbomRetentionDays } : {}
    // The SBOM stays on disk (the sbom-path output) when the artifact service fails: a warning,
    // never a reason to hold back an image that passed the gate.
    try {
      const uploaded = await uploader.upload(name, files, join(files[0]!, '..'), retention)
      record.artifact = { name, ...(uploaded?.url ? { url: uploaded.url } : {}) }
      reporter.info(`SBOM uploaded as artifact ${name} (${files.map(f => basename(f)).join(', ')})`)
    } catch (e) {
      record.uploadError = errorMessage(e).split('\n')[0]!
      reporter.warning(`SBOM not uploaded as artifact ${name}: ${record.uploadError}`)
    }
  }
}

/**
 * Makes the DB ready (unless the pipeline did), and says why there is none when it cannot be had:
 * the scan then lists the packages (the SBOM) without checking vulnerabilities.
 */
async function readyDb(
  input: ScanStageInput,
  trivy: Trivy,
  env: NodeJS.ProcessEnv
): Promise<string | undefined> {
  const { options, reporter } = input
  let failed: unknown = input.dbMissing
  if (!input.dbPrepared && failed === undefined)
    await reporter
      .group('Trivy vulnerability DB', () =>
        ensureDb(trivy, options.cacheDir, {
          reporter,
          env,
          maxAgeSeconds: options.dbMaxAgeSeconds,
          ...(input.dbCache ? { cache: input.dbCache } : {}),
          ...(input.dbPolicy ? { policy: input.dbPolicy } : {})
        })
      )
      .catch((e: unknown) => (failed = e ?? new Error('the vulnerability DB could not be made ready')))
  if (failed === undefined || !options.scanners.includes('vuln')) return undefined
  const why = errorMessage(failed).split('\n')[0]!
  reporter.warning(
    `Vulnerabilities not checked: ${why} The image's packages are still listed (SBOM); the gate, if on, fails.`
  )
  return why
}

/**
 * The whole stage: DB, one scan per image (platform), delta, gate, summary, outputs, SBOM
 * artifacts. It does not throw on a failed gate: the caller reads `gate.failed` and must not push.
 */
export async function runScanStage(input: ScanStageInput): Promise<ScanStageResult> {
  const { options, reporter } = input
  if (input.targets.length === 0) throw new Error('runScanStage needs at least one image to scan')
  const env = input.env ?? process.env
  for (const dropped of droppedTrivyVariables(env)) reporter.warning(dropped)
  const trivy = input.trivy ?? (await Trivy.detect(input.trivyPath, input.runner, env))
  const unchecked = await readyDb(input, trivy, env)
  const ctx: ScanContext = {
    trivy,
    // Without a DB, Trivy lists the packages (and runs the other scanners) with the vuln scanner off.
    options: unchecked ? { ...options, scanners: options.scanners.filter(s => s !== 'vuln') } : options,
    reporter,
    outDir: input.outDir,
    ...(input.analyzerVersion ? { analyzerVersion: input.analyzerVersion } : {}),
    ...(unchecked ? { unchecked } : {}),
    ...(input.deferReports ? { laterConversions: [] } : {})
  }
  const startedAt = new Date().toISOString()
  const scans: ImageScan[] = []
  for (const target of input.targets) scans.push(await scanImage(target, ctx))
  const finishedAt = new Date().toISOString()
  const dbDate = dbUpdatedAt(options.cacheDir)

  let delta: ScanDelta | undefined
  const baseline = unchecked ? '' : options.compareTo || input.compareTo
  let baselineRead = true
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
    baselineRead = complete
  }

  const gate = evaluateGate(scans, options.failOnSeverity, {
    failOnNew: options.failOnNew,
    gateUnfixed: options.gateUnfixed,
    ...(delta ? { delta } : {}),
    ...(unchecked ? { unchecked } : {})
  })
  // fail-on-new cannot tell what is new without the image it compares with: it fails closed.
  if (options.failOnNew && !baselineRead) {
    gate.failed = true
    gate.reasons.push(`fail-on-new: ${baseline} could not be scanned, so what is new cannot be told`)
  }
  for (const reason of gate.reasons) reporter.error(reason)

  const sboms = sbomRecords(scans)
  for (const s of sboms) reporter.info(`SBOM${s.platform ? ` (${s.platform})` : ''}: ${s.path}`)
  reporter.setOutput('sbom-path', sboms.map(s => s.path).join('\n'))
  reporter.setOutput('scan-sarif', scans.length === 1 ? scans[0]!.paths.sarif : input.outDir)
  // Empty rather than zeros when nothing was checked: zeros would read as a clean image.
  reporter.setOutput('vulnerabilities', unchecked ? '' : countsJson(scans))
  // Read by the CLI's dotenv report (OCI_IMAGE_SCANNED_DIGEST: only a digest that passed).
  reporter.setOutput('scan-gate', gate.failed ? 'failed' : 'passed')

  let written: Promise<void> | undefined
  const writeReports = (): Promise<void> =>
    (written ??= (async () => {
      await Promise.all((ctx.laterConversions ?? []).map(convert => convert()))
      await uploadSboms(scans, sboms, input)
    })())
  if (!input.deferReports) await writeReports()

  const vulnerabilities = scans.flatMap(s => s.vulnerabilities)
  return {
    scans,
    vulnerabilities,
    counts: scans.reduce<SeverityCounts>((sum, s) => addCounts(sum, s.counts), countBySeverity([])),
    gate,
    ...(delta ? { delta } : {}),
    paths: scans[0]!.paths,
    ...(unchecked ? { unchecked } : {}),
    sboms,
    engine: `trivy ${trivy.caps.version}`,
    writeReports,
    scanner: {
      name: 'trivy',
      version: trivy.caps.version,
      ...(dbDate ? { dbUpdatedAt: dbDate } : {}),
      startedAt,
      finishedAt
    }
  }
}
