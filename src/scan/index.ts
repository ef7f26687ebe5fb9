import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { InputError } from '../errors.js'
import type { BufferedReporter } from '../report/buffered.js'
import type { Reporter } from '../reporter.js'
import { sbomArtifactName, slug, type ArtifactUploader } from './artifacts.js'
import { conversionsFor, type Conversion, type Converters } from './converters.js'
import { ensureDb, type DbCache } from './db.js'
import { compareScans, type ScanDelta } from './delta.js'
import { evaluateGate, type GateVerdict } from './gate.js'
import {
  addCounts,
  countBySeverity,
  readTrivyReport,
  type ImageScan,
  type ReportPaths,
  type SeverityCounts,
  type TrivyReport,
  type Vulnerability
} from './model.js'
import type { ScanOptions } from './options.js'
import { countsJson, gitlabContainerScanning, summaryMarkdown, vulnerabilityTable } from './reports.js'
import { Trivy, type DbDownloadPolicy, type Runner } from './trivy.js'
import { scanArgs, type ConvertFormat, type ScanSource } from './trivy-flags.js'

export { parseScanOptions, type ScanOptions } from './options.js'
export { evaluateGate, type GateVerdict } from './gate.js'
export { compareScans, type ScanDelta } from './delta.js'
export { Trivy, type Runner } from './trivy.js'
export type { ArtifactUploader } from './artifacts.js'
export { ensureDb, type DbCache } from './db.js'
export { Converters, conversionsFor } from './converters.js'
export type { ImageScan, Vulnerability, Severity, SeverityCounts } from './model.js'
export type { ScanSource } from './trivy-flags.js'

export interface ScanTarget {
  /** The image as users know it (`registry/name:tag`), for reports and artifact names. */
  image: string
  source: ScanSource
  platform?: string
  sizeBytes?: number
}

export interface ScanContext {
  trivy: Trivy
  options: ScanOptions
  reporter: Reporter
  /** Reports go to `<outDir>/<image>-<platform>/`. */
  outDir: string
  /** This tool's version, for the GitLab report's analyzer. */
  analyzerVersion?: string
  /** Conversions still running when scanImage returns; the stage awaits them. */
  pending?: Array<Promise<unknown>>
  /** `trivy convert`s started beforehand, waiting for a JSON (the pipeline starts them beside the build). */
  converters?: Converters
}

/** One ignore file for Trivy (it takes one): the given file, or the plain ones concatenated. */
function ignoreFileFor(files: readonly string[], dir: string): string | undefined {
  for (const f of files) if (!existsSync(f)) throw new InputError('trivyignores', `${f} does not exist`)
  if (files.length <= 1) return files[0]
  if (files.some(f => /\.ya?ml$/.test(f)))
    throw new InputError('trivyignores', 'a YAML ignore file cannot be merged with others: give one')
  const merged = join(dir, 'trivyignore')
  writeFileSync(merged, files.map(f => readFileSync(f, 'utf8').trimEnd()).join('\n') + '\n')
  return merged
}

/**
 * Scans one image with ONE Trivy run on the image (JSON with every package), then derives the
 * table, SARIF, SBOMs and GitLab report from that JSON with `trivy convert`, which reads no image.
 * A Trivy older than `convert` (0.42) writes each report with a scan of its own instead.
 */
export async function scanImage(target: ScanTarget, ctx: ScanContext): Promise<ImageScan> {
  const { trivy, options, reporter } = ctx
  const name = slug(`${target.image}${target.platform ? `-${target.platform}` : ''}`)
  const dir = join(ctx.outDir, name)
  mkdirSync(dir, { recursive: true })
  const ignoreFile = ignoreFileFor(options.trivyignores, dir)
  const paths: ReportPaths = {
    json: join(dir, 'trivy.json'),
    table: join(dir, 'trivy.txt'),
    sarif: join(dir, `${name}.sarif`),
    gitlab: join(dir, 'gl-container-scanning-report.json'),
    ...(options.sbomFormats.includes('cyclonedx') ? { cyclonedx: join(dir, 'sbom.cdx.json') } : {}),
    ...(options.sbomFormats.includes('spdx-json') ? { spdx: join(dir, 'sbom.spdx.json') } : {})
  }
  const label = target.platform ? `${target.image} (${target.platform})` : target.image

  const scanInput = {
    source: target.source,
    cacheDir: options.cacheDir,
    ...(target.platform && !('tar' in target.source) ? { platform: target.platform } : {}),
    ...(ignoreFile ? { ignoreFile } : {})
  }
  const derive = async (format: ConvertFormat, output: string, template?: string): Promise<void> => {
    const waiting = ctx.converters?.take(format, template)
    if (waiting) await waiting(paths.json, output)
    else if (trivy.caps.convert) await trivy.convert(paths.json, format, output, template)
    else
      await trivy.run(
        scanArgs(options, trivy.caps, { ...scanInput, format, output, ...(template ? { template } : {}) }),
        line => reporter.debug(line)
      )
  }
  if (!trivy.caps.convert)
    reporter.warning(
      `Trivy ${trivy.caps.version} has no "trivy convert" (0.42+), so each report is a scan of its own`
    )

  const template = trivy.gitlabTemplate()
  const start = new Date()
  await reporter.group(`Scan ${label} with Trivy ${trivy.caps.version}`, async () => {
    await trivy.run(scanArgs(options, trivy.caps, { ...scanInput, output: paths.json }), line =>
      reporter.debug(line)
    )
    // Conversions only read the JSON: with `trivy convert` they run side by side, and beside
    // whatever follows the scan (the gate, the push). The table is written from the model below
    // (a Trivy start costs more than the table).
    const outputs: Record<ConvertFormat, string | undefined> = {
      table: paths.table,
      sarif: paths.sarif,
      cyclonedx: paths.cyclonedx,
      'spdx-json': paths.spdx,
      template: paths.gitlab
    }
    const conversions: Conversion[] = [
      ...(trivy.caps.convert ? [] : [['table'] as const]),
      ...conversionsFor(options, template)
    ]
    const converting = trivy.caps.convert
      ? Promise.all(conversions.map(([format, t]) => derive(format, outputs[format]!, t)))
      : conversions.reduce(
          (chain, [format, t]) => chain.then(() => derive(format, outputs[format]!, t)),
          Promise.resolve()
        )
    if (ctx.pending) {
      converting.catch(() => undefined) // awaited with the others by the stage; never unhandled meanwhile
      ctx.pending.push(converting)
    } else await converting
  })
  const end = new Date()

  const report = readTrivyReport(JSON.parse(readFileSync(paths.json, 'utf8')) as TrivyReport)
  if (trivy.caps.convert) writeFileSync(paths.table, vulnerabilityTable({ image: target.image, ...report }))
  reporter.info(readFileSync(paths.table, 'utf8'))
  if (!template) {
    const info = {
      trivyVersion: trivy.caps.version,
      analyzerVersion: ctx.analyzerVersion ?? '0.0.0',
      start,
      end
    }
    const gitlab = gitlabContainerScanning({ image: target.image, ...report }, info)
    writeFileSync(paths.gitlab, JSON.stringify(gitlab, null, 2) + '\n')
  }

  const sizeBytes =
    target.sizeBytes ??
    report.sizeBytes ??
    ('tar' in target.source ? statSync(target.source.tar).size : undefined)
  return {
    image: target.image,
    ...(target.platform ? { platform: target.platform } : {}),
    ...report,
    ...(sizeBytes !== undefined ? { sizeBytes } : {}),
    paths
  }
}

/**
 * The vulnerabilities of an image in a registry (the previous version, for the delta), or
 * undefined with a warning when it cannot be read (e.g. the first push of a name).
 */
export async function scanRemoteImage(
  ref: string,
  ctx: ScanContext,
  platform?: string
): Promise<Vulnerability[] | undefined> {
  const dir = join(ctx.outDir, slug(`baseline-${ref}${platform ? `-${platform}` : ''}`))
  mkdirSync(dir, { recursive: true })
  const output = join(dir, 'trivy.json')
  const args = scanArgs(ctx.options, ctx.trivy.caps, {
    source: { remote: ref },
    output,
    cacheDir: ctx.options.cacheDir,
    ...(platform ? { platform } : {})
  })
  try {
    await ctx.trivy.run(args, line => ctx.reporter.debug(line))
  } catch (e) {
    ctx.reporter.warning(
      `No comparison with ${ref}: it could not be scanned (${(e as Error).message.split('\n')[0]})`
    )
    return undefined
  }
  return readTrivyReport(JSON.parse(readFileSync(output, 'utf8')) as TrivyReport).vulnerabilities
}

export interface ScanStageInput {
  targets: ScanTarget[]
  options: ScanOptions
  reporter: Reporter
  outDir: string
  /** The Trivy binary (`trivy-path`, or the one the tool installer put in the tool cache). */
  trivyPath: string
  /** That binary, already asked its version and flags (the pipeline does it beside the build). */
  trivy?: Trivy
  converters?: Converters
  /** The DB made ready beforehand (the pipeline does it beside the build), and its log, held till now. */
  db?: { ready: Promise<unknown>; log: BufferedReporter }
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
   * Return once the gate is known, before the report conversions (SARIF, SBOMs) and the SBOM
   * upload end: those are `reports`, for the caller to await beside its push.
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
  /** The report files written and the SBOMs uploaded: already settled unless `deferReports`. */
  reports: Promise<void>
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
  if (input.db) {
    const failed = await input.db.ready.then(
      () => undefined,
      (e: unknown) => e as Error
    )
    await input.db.log.replay('Trivy vulnerability DB', reporter)
    if (failed) throw failed
  } else
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
    ...(input.analyzerVersion ? { analyzerVersion: input.analyzerVersion } : {}),
    ...(input.converters ? { converters: input.converters } : {}),
    pending: []
  }
  const scans: ImageScan[] = []
  for (const target of input.targets) scans.push(await scanImage(target, ctx))

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

  const reports = Promise.all(ctx.pending ?? []).then(() => uploadSboms(scans, input))
  if (input.deferReports)
    reports.catch(() => undefined) // the caller awaits it; never unhandled meanwhile
  else await reports

  const vulnerabilities = scans.flatMap(s => s.vulnerabilities)
  return {
    scans,
    vulnerabilities,
    counts: scans.reduce<SeverityCounts>((sum, s) => addCounts(sum, s.counts), countBySeverity([])),
    gate,
    ...(delta ? { delta } : {}),
    paths: scans[0]!.paths,
    reports
  }
}
