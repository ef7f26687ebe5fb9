import { join } from 'node:path'
import type { BuildResult } from '../stages/build/buildx.js'
import { hasLayers, readPrevious, type PreviousImage } from '../infra/registry/docker-cli.js'
import type { Config } from '../config/config.js'
import { localDockerSocket } from '../infra/docker-config.js'
import { errorMessage, StepError } from '../errors.js'
import type { Metadata } from '../stages/metadata/index.js'
import type { PipelineDeps } from './pipeline.js'
import type { Reporter } from '../reporter.js'
import { checkScannedIsBuilt, scanTargets } from '../stages/scan/built-image.js'
import { BufferedReporter } from '../stages/report/buffered.js'
import {
  conversionsFor,
  Converters,
  DockerGate,
  ensureDb,
  gateFailureMessage,
  PrestartedScan,
  runScanStage,
  scanPlan,
  Trivy,
  type ScanStageResult,
  type ScanTarget
} from '../stages/scan/index.js'
import { outputMode } from '../stages/build/argv.js'

export interface PreparedScan {
  trivyPath: string
  trivy: Trivy
  converters?: Converters
  /** The DB made ready (restored or downloaded); its log is held for the scan's. */
  db: { ready: Promise<unknown>; log: BufferedReporter }
  /** The `trivy image` started beside the build, if it has started; after this call none starts. */
  claimEarly: () => PrestartedScan | undefined
}

/** The one image a build that loads its result will be scanned as, known before the build. */
function loadedTarget(config: Config, meta: Metadata): ScanTarget | undefined {
  if (outputMode(config.build, config.push) !== 'load' || !meta.tags[0]) return undefined
  return scanTargets(meta.tags, { mode: 'load', imageId: '' }, config.build.platforms)[0]
}

/**
 * Beside the build: Trivy found (or downloaded) and asked its flags, its DB made ready, its
 * report converters started, and the image's own scan started and held at a DockerGate until the
 * image is built, so none of that waits for the image. Close it when the run ends (what was not
 * used ends). The converters and the held scan start once `build.underway` settles (the build's
 * first output, or its end): started with the build, they slowed its own start by 0.3-0.4 s even
 * at a lower priority, and later they cost it nothing measurable. A held scan is not started once
 * the build has ended (`build.ended`): the scan then starts at once, at the run's own priority.
 */
export function prepareScan(
  config: Config,
  deps: PipelineDeps,
  env: NodeJS.ProcessEnv,
  r: Reporter,
  meta: Metadata,
  build: { underway: Promise<unknown>; ended: () => boolean }
) {
  let claimed = false
  let early: PrestartedScan | undefined
  const startEarly = async (trivy: Trivy, target: ScanTarget, db: Promise<unknown>): Promise<void> => {
    await db // Trivy opens its DB as it starts
    const socket = localDockerSocket(env)
    if (claimed || build.ended() || !socket) return
    const { args } = scanPlan(target, trivy, config.scan, join(config.reportDir, 'scan'))
    const gate = await DockerGate.start(socket)
    if (claimed || build.ended()) return gate.close()
    early = PrestartedScan.start(trivy, args, gate, { timeoutSeconds: config.scan.timeoutSeconds })
  }
  const claimEarly = (): PrestartedScan | undefined => ((claimed = true), early)
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
    await build.underway
    const converters = trivy.caps.convert ? Converters.start(trivy, conversionsFor(config.scan)) : undefined
    const target = loadedTarget(config, meta)
    // Without it the scan starts after the build, as it would anyway.
    if (target) startEarly(trivy, target, db).catch(() => undefined)
    return { trivyPath, trivy, db: { ready: db, log }, claimEarly, ...(converters ? { converters } : {}) }
  })()
  ready.catch(() => undefined) // the scan awaits it and throws what it threw
  const close = async (): Promise<void> => {
    claimEarly()?.close()
    await ready.then(p => p.converters?.close()).catch(() => undefined)
  }
  return { ready, close }
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
  const { trivyPath, trivy, converters, db, claimEarly } = await prepared
  // The image is built: the scan started beside the build reads it now, beside what follows.
  const prestarted = built.mode === 'load' ? claimEarly() : undefined
  prestarted?.open()
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
    ...(prestarted ? { prestarted } : {}),
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
    if (scan.gate.failed) throw new StepError(gateFailureMessage(scan.gate))
  } catch (e) {
    // Nothing is pushed; the reports still say why.
    await settleReports(reports, r)
    throw e
  }
  return scan
}
