import { join } from 'node:path'
import type { BuildResult } from './build/buildx.js'
import { hasLayers, readPrevious, type PreviousImage } from './build/registry.js'
import type { Config } from './config.js'
import { errorMessage, StepError } from './errors.js'
import type { Metadata } from './metadata/index.js'
import type { PipelineDeps } from './pipeline.js'
import type { Reporter } from './reporter.js'
import { checkScannedIsBuilt, scanTargets } from './scan/built-image.js'
import { BufferedReporter } from './report/buffered.js'
import {
  conversionsFor,
  Converters,
  ensureDb,
  runScanStage,
  Trivy,
  type ScanStageResult
} from './scan/index.js'

export interface PreparedScan {
  trivyPath: string
  trivy: Trivy
  converters?: Converters
  /** The DB made ready (restored or downloaded); its log is held for the scan's. */
  db: { ready: Promise<unknown>; log: BufferedReporter }
}

/**
 * Beside the build: Trivy found (or downloaded) and asked its flags, its DB made ready, and its
 * report converters started, so none of that waits for the image. Close it when the run ends
 * (unused converters end).
 */
export function prepareScan(config: Config, deps: PipelineDeps, env: NodeJS.ProcessEnv, r: Reporter) {
  const ready = (async (): Promise<PreparedScan> => {
    const trivyPath = (await deps.tools?.('trivy')) ?? (config.scan.trivyPath || 'trivy')
    const trivy = await Trivy.detect(trivyPath, undefined, env)
    const log = new BufferedReporter(r)
    const db = ensureDb(trivy, config.scan.cacheDir, {
      reporter: log,
      env,
      ...(deps.dbCache ? { cache: deps.dbCache } : {})
    })
    db.catch(() => undefined) // the scan awaits it
    const converters = trivy.caps.convert
      ? Converters.start(trivy, conversionsFor(config.scan, trivy.gitlabTemplate()))
      : undefined
    return { trivyPath, trivy, db: { ready: db, log }, ...(converters ? { converters } : {}) }
  })()
  ready.catch(() => undefined) // the scan awaits it and throws what it threw
  return { ready, close: () => ready.then(p => p.converters?.close()).catch(() => undefined) }
}

/** The image the first tag names now (for the CVE delta), read beside the build. */
export function readPreviousBeside(config: Config, meta: Metadata, env: NodeJS.ProcessEnv) {
  const previous = meta.tags[0]
  if (!config.scan.enabled || !config.push || !previous || config.scan.compareTo) return undefined
  const read = readPrevious(previous, env).catch(() => undefined)
  return { ref: previous, read }
}

/** Waits for reports that no longer decide anything (the run fails or pushed already): a failure only warns. */
export async function settleReports(reports: Promise<void> | undefined, r: Reporter): Promise<void> {
  await reports?.catch((e: unknown) => r.warning(`scan reports: ${errorMessage(e)}`))
}

/** Waits for a scan that will not be pushed (a failed lint beside it), its reports included. */
export async function settleScan(
  scanning: Promise<ScanStageResult | undefined> | undefined,
  r: Reporter
): Promise<void> {
  await settleReports((await scanning?.catch(() => undefined))?.reports, r)
}

/**
 * Scans what was built (before any tag is pushed); a failed gate throws, so nothing is pushed.
 * It returns once the gate is known: the SARIF and SBOM conversions, their uploads and the SARIF
 * upload go on in `reports`, beside the push.
 */
export async function scanBuilt(
  config: Config,
  meta: Metadata,
  built: BuildResult,
  deps: PipelineDeps,
  env: NodeJS.ProcessEnv,
  r: Reporter,
  previous: { ref: string; read: Promise<PreviousImage | undefined> } | undefined,
  prepared: Promise<PreparedScan>
): Promise<ScanStageResult | undefined> {
  const targets = scanTargets(meta.tags, built, config.build.platforms)
  if (targets.length === 0) {
    r.warning('not scanned: a multi-platform build that is not pushed stays in the build cache (set push)')
    return undefined
  }
  const { trivyPath, trivy, converters, db } = await prepared
  const before = await previous?.read
  // The tag already names this very image (a rebuild with no change): nothing to count twice.
  const same = before?.manifest.configDigest === built.imageId
  if (same) r.info(`${previous?.ref} is already this image: no before/after delta`)
  const compareTo = before && !same ? previous?.ref : undefined
  // A rebuild with no change differs only in its config (the created label): same layers, same findings.
  const sameLayers =
    compareTo !== undefined &&
    built.mode === 'load' &&
    !!before?.diffIds &&
    (await hasLayers(built.imageId, before.diffIds, env))
  if (sameLayers) r.info(`${compareTo} has the same layers: its findings are this scan's, not scanned again`)
  const stage = await runScanStage({
    targets,
    ...(sameLayers ? { compareToSameLayers: true } : {}),
    options: config.scan,
    reporter: r,
    outDir: join(config.reportDir, 'scan'),
    trivyPath,
    trivy,
    db,
    ...(converters ? { converters } : {}),
    ...(compareTo ? { compareTo } : {}),
    env,
    ...(deps.artifacts ? { uploader: deps.artifacts } : {}),
    deferReports: true
  })
  const reports = stage.reports.then(async () => {
    if (config.sarifUpload && deps.uploadSarif)
      for (const s of stage.scans)
        await deps.uploadSarif(s.paths.sarif, `oci-pipeline-scan${s.platform ? `-${s.platform}` : ''}`)
  })
  reports.catch(() => undefined) // awaited by the caller; never unhandled meanwhile
  const scan = { ...stage, reports }
  deps.onScan?.(scan)
  try {
    checkScannedIsBuilt(scan.scans, built)
    if (scan.gate.failed)
      throw new StepError(
        `scan: vulnerabilities at or above ${config.scan.failOnSeverity} (${scan.gate.failing.length}), so nothing was pushed`
      )
  } catch (e) {
    // Nothing is pushed; the reports still say why.
    await settleReports(reports, r)
    throw e
  }
  return scan
}
