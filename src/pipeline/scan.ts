import { join } from 'node:path'
import type { Config } from '../config/config.js'
import { errorMessage, StepError } from '../errors.js'
import { readPrevious } from '../infra/registry/docker-cli.js'
import type { Reporter } from '../reporter.js'
import type { BuildResult } from '../stages/build/buildx.js'
import type { Metadata } from '../stages/metadata/index.js'
import { checkScannedIsBuilt, scanTargets } from '../stages/scan/built-image.js'
import {
  ensureDb,
  gateFailureMessage,
  runScanStage,
  Trivy,
  type ScanStageResult
} from '../stages/scan/index.js'
import type { PipelineDeps } from './deps.js'

export interface PreparedTrivy {
  trivyPath: string
  trivy: Trivy
  /** Why there is no vulnerability DB: the scan then lists the packages (the SBOM) unchecked. */
  dbMissing?: string
}

/** Trivy found (or downloaded and verified) and its vulnerability DB made ready: beside the build. */
export async function prepareTrivy(
  config: Config,
  deps: PipelineDeps,
  env: NodeJS.ProcessEnv,
  r: Reporter
): Promise<PreparedTrivy> {
  const trivyPath = (await deps.tools?.('trivy')) ?? (config.scan.trivyPath || 'trivy')
  const trivy = await Trivy.detect(trivyPath, undefined, env)
  r.info(`Trivy ${trivy.caps.version} (${trivyPath})`)
  try {
    await ensureDb(trivy, config.scan.cacheDir, {
      reporter: r,
      env,
      maxAgeSeconds: config.scan.dbMaxAgeSeconds,
      ...(deps.dbCache ? { cache: deps.dbCache } : {})
    })
  } catch (e) {
    // No DB: the scan still lists the packages (an SBOM needs none), and a gate that is on fails.
    return { trivyPath, trivy, dbMissing: errorMessage(e) }
  }
  return { trivyPath, trivy }
}

/** The config's layers (diff IDs) of a layout's image, to tell a rebuild with no change. */
function diffIdsOf(built: BuildResult): string[] | undefined {
  const image = built.images[0]
  if (!image || built.images.length > 1) return undefined
  const config = built.layout.readJson(image.configDigest) as { rootfs?: { diff_ids?: string[] } }
  return config.rootfs?.diff_ids
}

/**
 * Scans what was built, from the build's layout, before anything is pushed; the CVE delta against
 * the image the first tag names now. Returns once the reports are written.
 */
export async function scanBuilt(
  config: Config,
  meta: Metadata,
  built: BuildResult,
  prepared: PreparedTrivy,
  deps: PipelineDeps,
  env: NodeJS.ProcessEnv,
  r: Reporter
): Promise<ScanStageResult> {
  const name = meta.tags[0] ?? config.images[0]?.name ?? built.imageId
  const targets = scanTargets(name, built)
  const previousRef = config.push && !config.scan.compareTo ? meta.tags[0] : undefined
  const before = previousRef ? await readPrevious(previousRef, env).catch(() => undefined) : undefined
  // The tag already names this very image (a rebuild with no change): nothing to count twice.
  const same =
    before?.manifest.configDigest === built.imageId || before?.manifest.digest === built.root.digest
  if (same) r.info(`${previousRef} is already this image: no before/after delta`)
  const compareTo = before && !same ? previousRef : undefined
  const ids = diffIdsOf(built)
  // A rebuild with no change differs only in its config (the created label): same layers, same findings.
  const sameLayers = !!compareTo && !!ids && !!before?.diffIds && before.diffIds.join() === ids.join()
  if (sameLayers) r.info(`${compareTo} has the same layers: its findings are this scan's, not scanned again`)
  const stage = await runScanStage({
    targets,
    ...(sameLayers ? { compareToSameLayers: true } : {}),
    options: config.scan,
    reporter: r,
    outDir: join(config.reportDir, 'scan'),
    trivyPath: prepared.trivyPath,
    trivy: prepared.trivy,
    dbPrepared: true,
    deferReports: true,
    ...(prepared.dbMissing ? { dbMissing: prepared.dbMissing } : {}),
    ...(compareTo ? { compareTo } : {}),
    env,
    ...(deps.artifacts ? { uploader: deps.artifacts } : {})
  })
  deps.onScan?.(stage)
  return stage
}

/** The gate: the scans read the images built, and no finding is at or above the threshold. */
export function checkGate(built: BuildResult, scan: ScanStageResult): void {
  checkScannedIsBuilt(scan.scans, built)
  if (scan.gate.failed) throw new StepError(gateFailureMessage(scan.gate))
}
