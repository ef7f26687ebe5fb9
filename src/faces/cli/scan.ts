import { join } from 'node:path'
import { loginOf, withDefaults, type RegistryLogin } from '../../config/config.js'
import { errorMessage, InputError, StepError } from '../../errors.js'
import type { RawInputs } from '../../config/inputs.js'
import { login, readManifest } from '../../infra/registry/docker-cli.js'
import { parseImages } from '../../stages/metadata/images.js'
import { isDigest, parseImageName, splitReference } from '../../stages/metadata/reference.js'
import type { RunContext } from '../../context.js'
import {
  gateFailureMessage,
  parseScanOptions,
  runScanStage,
  type ScanStageResult,
  type ScanTarget
} from '../../stages/scan/index.js'
import { reportedFailure, runGraph } from '../../pipeline/graph.js'
import { runModel } from '../../pipeline/run-model.js'
import { renderSummary } from '../../stages/report/summary.js'
import type { CommandDeps } from './command-deps.js'
import { publishVersion } from './publish.js'
import { toolPath } from './tools.js'
import { refuseTrackedCache } from '../../infra/tracked.js'

/**
 * The image `scan` reads: `image`, else `<release-image>:<version>` (the latest release; on GitLab
 * `$CAR_OCI_REGISTRY_HOST/$OCI_IMAGE`), else the first of `images` with that version.
 */
export function scanReference(get: RawInputs, ctx: RunContext, version: string): string {
  const given = get('image').trim()
  if (given) return given
  const name =
    get('release-image').trim() || (get('images').trim() ? parseImages(get('images'), ctx.repo)[0]?.name : '')
  if (!name) throw new InputError('image', 'is empty, and no release-image or images names one to scan')
  if (!version)
    throw new InputError('version', `is empty and neither a git tag nor .release gives one for ${name}`)
  return `${name}:${version}`
}

/** `name:tag`, `name@digest` or `name:tag@digest`, checked. */
export function parseScanReference(ref: string): {
  name: string
  registry: string
  tag?: string
  digest?: string
} {
  const { name, tag, digest } = splitReference(ref)
  if (digest !== undefined && !isDigest(digest))
    throw new InputError('image', `"${digest}" is not a sha256 digest`)
  const parsed = parseImageName('image', name)
  return { name: parsed.name, registry: parsed.registry, tag, digest }
}

/** The logins that reach the scanned image's registry: the staging one and the release one. */
function loginsFor(registry: string, get: RawInputs, releaseImage: string): RegistryLogin[] {
  const releaseHost =
    get('release-registry') ||
    (releaseImage ? parseImageName('release-image', releaseImage).registry : registry)
  return [
    loginOf(get('registry') || registry, get('username'), get('password'), 'username'),
    loginOf(releaseHost, get('release-username'), get('release-password'), 'release-username')
  ].filter((l): l is RegistryLogin => !!l && l.host === registry)
}

/**
 * `scan`: rescans an image already in a registry (the include's scheduled `oci-image-scan`), by
 * digest, with the same stage the build runs; reports as the build's; exit 1 on a failed gate.
 */
export async function scanCommand(d: CommandDeps): Promise<number> {
  const get = withDefaults(d.raw)
  const r = d.reporter
  const options = parseScanOptions(get, d.ctx.workspace, d.env)
  await refuseTrackedCache(options.cacheDir, d.ctx.workspace)
  const given = get('version').trim()
  const version = given || (get('image').trim() ? '' : publishVersion('', d.ctx, d.readFile('.release')))
  const ref = scanReference(get, d.ctx, version)
  const target = parseScanReference(ref)
  const trivyPath = toolPath('trivy', get, d.env)
  for (const l of loginsFor(target.registry, get, get('release-image').trim())) {
    r.setSecret(l.password)
    await r.group(`Login to ${l.host}`, () => login(l, d.env))
  }

  const lookup = target.digest
    ? `${target.name}@${target.digest}`
    : `${target.name}:${target.tag ?? 'latest'}`
  const manifest = await r.group(`Resolve ${lookup}`, () => readManifest(lookup, d.env))
  if (target.digest && manifest.digest !== target.digest)
    throw new StepError(`${lookup} in the registry has digest ${manifest.digest}`)
  const pinned = `${target.name}@${manifest.digest}`
  const shown = target.tag ? `${target.name}:${target.tag}` : pinned
  r.info(`scanning ${shown} as ${pinned}`)
  r.setOutput('digest', manifest.digest)
  r.setOutput('image', pinned)
  if (target.tag) r.setOutput('tags', shown)
  if (version) r.setOutput('version', version)

  const platforms = manifest.platforms?.length ? manifest.platforms : [undefined]
  const targets: ScanTarget[] = platforms.map(platform => ({
    image: shown,
    source: { remote: pinned },
    ...(platform ? { platform } : {})
  }))
  let scan: ScanStageResult | undefined
  const graph = await runGraph(
    [
      {
        name: 'scan',
        title: 'Scan',
        run: async ({ reporter }) =>
          (scan = await runScanStage({
            targets,
            options,
            reporter,
            outDir: join(d.reportDir, 'scan'),
            trivyPath,
            env: d.env
          }))
      },
      {
        name: 'gate',
        title: 'Gate',
        needs: ['scan'],
        run: async () => {
          if (scan?.gate.failed) throw new StepError(gateFailureMessage(scan.gate, `in ${pinned}`))
        }
      }
    ],
    r
  )
  const failure = reportedFailure(graph)
  r.summary(
    renderSummary(
      runModel({
        config: {
          lint: { threshold: 'none' },
          pushReason: 'a rescan of an image already in the registry',
          images: [{ name: shown }]
        },
        graph,
        image: shown,
        ...(scan ? { scan } : {}),
        ...(failure ? { error: failure.error } : {})
      })
    )
  )
  if (!scan) throw failure?.error
  d.stages.scan = scan
  if (failure) {
    r.error(errorMessage(failure.error))
    return 1
  }
  r.info(`scan: ${pinned} passed the gate (${options.failOnSeverity})`)
  return 0
}
