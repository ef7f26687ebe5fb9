import { join, relative } from 'node:path'
import pkg from '../../package.json' with { type: 'json' }
import type { Config } from '../config/config.js'
import type { RunContext } from '../context.js'
import type { Target } from '../infra/registry/push.js'
import type { Reporter } from '../reporter.js'
import type { BuildResult } from '../stages/build/buildx.js'
import type { Metadata } from '../stages/metadata/index.js'
import { dbRepositories } from '../stages/scan/db.js'
import type { ScanStageResult } from '../stages/scan/index.js'
import { Cosign, signPushed, type SignResult } from '../stages/sign/index.js'
import { builderId, buildkitMaterials, provenancePredicate } from '../stages/sign/predicates.js'
import type { PipelineDeps } from './deps.js'

/** cosign found (or downloaded and verified) and the key checked: before the push, so a bad key pushes nothing. */
export async function prepareSigner(
  config: Config,
  deps: PipelineDeps,
  env: NodeJS.ProcessEnv,
  dir: string,
  r: Reporter
): Promise<Cosign> {
  const path = (await deps.tools?.('cosign')) ?? 'cosign'
  const cosign = await Cosign.prepare(path, config.sign, dir, env)
  r.info(`cosign ${await cosign.version()} (${path}): ${config.sign.reason}`)
  return cosign
}

/** The `signature` and `attestations` outputs, and one line for the log and the summary. */
export function reportSigned(result: SignResult, r: Reporter): void {
  r.setOutput('signature', result.signature ?? '')
  r.setOutput('attestations', JSON.stringify(result.attestations))
  const kinds = [...new Set(result.attestations.map(a => a.type))]
  r.info(
    `signed ${result.signatures.length} image${result.signatures.length === 1 ? '' : 's'}` +
      `${result.signature ? ` (signature ${result.signature})` : ''}` +
      `${kinds.length ? `; attested ${kinds.join(', ')} (${result.attestations.length} attestations)` : '; no attestation'}`
  )
}

export interface SignRun {
  config: Config
  ctx: RunContext
  env: NodeJS.ProcessEnv
  /** When the run started: the provenance's startedOn. */
  now: Date
  meta: Metadata
  built: BuildResult
  scan?: ScanStageResult
  targets: readonly Target[]
  digest: string
}

/** Signs and attests what was pushed, then removes the key file. */
export async function signImage(cosign: Cosign, run: SignRun, r: Reporter): Promise<SignResult> {
  const { config, ctx, env } = run
  try {
    if (!run.scan && config.sign.attest.some(k => k !== 'provenance'))
      r.info('no SBOM or vulnerability attestation: the scan is off (input "scan")')
    const versions: Record<string, string> = { 'oci-pipeline': pkg.version, cosign: await cosign.version() }
    if (run.scan?.scanner) versions.trivy = run.scan.scanner.version
    const provenance = provenancePredicate({
      ctx,
      builderId: builderId(env),
      versions,
      dockerfile: relative(config.workspace, config.build.file),
      context: relative(config.workspace, config.build.context) || '.',
      ...(config.build.target ? { target: config.build.target } : {}),
      platforms: config.build.platforms,
      buildArgs: config.build.buildArgs,
      tags: run.meta.tags,
      ...(run.meta.base ? { base: run.meta.base } : {}),
      materials: buildkitMaterials(run.built.metadata),
      startedOn: run.now,
      finishedOn: new Date()
    })
    const result = await signPushed({
      cosign,
      targets: run.targets,
      digest: run.digest,
      attest: config.sign.attest,
      ...(run.scan ? { scan: run.scan } : {}),
      provenance,
      invocation: {
        uri: ctx.runUrl ?? ctx.repo.url,
        eventId: env.GITHUB_RUN_ID ?? env.CI_JOB_ID ?? '',
        builderId: builderId(env)
      },
      dbUri: env.TRIVY_SKIP_DB_UPDATE === 'true' ? '' : dbRepositories(env)[0],
      reporter: r
    })
    reportSigned(result, r)
    return result
  } finally {
    cosign.dispose()
  }
}

/** The run's folder for what cosign reads (the key file), inside the run's private one. */
export const signDir = (work: string): string => join(work, 'sign')
