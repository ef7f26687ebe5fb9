import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BuildOptions } from '../../config/config.js'
import { dockerConfigDir, usesDefaultContext } from '../../infra/docker-config.js'
import { InputError, StepError } from '../../errors.js'
import { makeTempDir, removeTempDir, run, tail } from '../../infra/process.js'
import type { Reporter } from '../../reporter.js'
import { buildxArgs, buildxEnv, outputMode, type BuilderCaps, type BuildMeta } from './argv.js'
import { checkDockerDaemon } from '../../infra/docker.js'

export interface Builder {
  name: string
  driver: string
  caps: BuilderCaps
}

/**
 * The builder buildx takes when nothing names another: no `builder` input, no BUILDX_BUILDER or
 * BUILDX_CONFIG, no builder made current or default with `docker buildx use` (its store's
 * `current` names none, `defaults/` is empty), the default docker context. That is the daemon's
 * own, with the docker driver: known without a `docker buildx inspect` start, which held the build
 * back by 0.1-0.2 s. Anything else, or a store it cannot read, is left to `docker buildx inspect`.
 */
export function plainDefaultBuilder(
  builder: string | undefined,
  env: NodeJS.ProcessEnv
): Builder | undefined {
  if (builder || env.BUILDX_BUILDER || env.BUILDX_CONFIG || !usesDefaultContext(env)) return undefined
  const store = join(dockerConfigDir(env), 'buildx')
  try {
    const current = join(store, 'current')
    if (existsSync(current) && (JSON.parse(readFileSync(current, 'utf8')) as { Name?: unknown }).Name)
      return undefined
    const defaults = join(store, 'defaults')
    if (existsSync(defaults) && readdirSync(defaults).length > 0) return undefined
  } catch {
    return undefined
  }
  return { name: 'default', driver: 'docker', caps: { attestations: false } }
}

/** Which builder will run the build, and what it can do. */
export async function inspectBuilder(builder: string | undefined, env: NodeJS.ProcessEnv): Promise<Builder> {
  await checkDockerDaemon(env)
  const res = await run('docker', ['buildx', 'inspect', ...(builder ? [builder] : [])], {
    env,
    allowFailure: true
  })
  if (res.code !== 0) {
    if (builder) throw new InputError('builder', `buildx has no builder "${builder}": ${tail(res.stderr, 3)}`)
    throw new StepError('docker buildx is not available (install the buildx plugin)', tail(res.stderr, 5))
  }
  const field = (k: string): string => res.stdout.match(new RegExp(`^${k}:\\s*(.+)$`, 'm'))?.[1]?.trim() ?? ''
  const driver = field('Driver')
  // buildx prints the builder with an `Error:` line and exits 0 when its node does not answer.
  if (!driver)
    throw new StepError(
      `the buildx builder ${field('Name') || builder || ''} does not answer`,
      tail(res.stdout, 5)
    )
  return { name: field('Name'), driver, caps: { attestations: driver !== 'docker' } }
}

export interface BuildResult {
  imageId: string
  /** Digest buildx reports: for a pushed build, the manifest (list) digest in the registry. */
  digest?: string
  metadata: Record<string, unknown>
  mode: ReturnType<typeof outputMode>
}

/**
 * Runs `docker buildx build`. Secrets go to BuildKit as files in a private temp dir, removed after
 * the build, so their values are never in argv.
 */
export async function buildImage(
  b: BuildOptions,
  meta: BuildMeta,
  push: boolean,
  builder: Builder,
  reporter: Reporter,
  env: NodeJS.ProcessEnv,
  opts: { signal?: AbortSignal; onOutput?: () => void } = {}
): Promise<BuildResult> {
  const { signal, onOutput } = opts
  const dir = makeTempDir('oci-pipeline-build-')
  try {
    const secretFiles = b.secrets.map(([id, value], i): [string, string] => {
      const path = join(dir, `secret-${i}`)
      writeFileSync(path, value, { mode: 0o600 })
      return [id, path]
    })
    const mode = outputMode(b, push)
    if (mode !== 'load' && builder.driver === 'docker')
      throw new InputError(
        'platforms',
        `the docker driver builds one platform at a time; set "builder" to a docker-container builder for ${b.platforms.join(',')}`
      )
    const asked = [
      b.provenance && b.provenance !== 'false' && `provenance "${b.provenance}"`,
      b.sbom && b.sbom !== 'false' && `sbom "${b.sbom}"`,
      b.attests?.length && 'attests'
    ].filter(Boolean)
    if (asked.length && !builder.caps.attestations)
      reporter.warning(
        `${asked.join(', ')} ignored: the ${builder.driver} driver cannot attach attestations (set "builder" to a docker-container builder)`
      )
    else if (asked.length && mode === 'load')
      reporter.warning(
        `${asked.join(', ')} ignored: one platform is built into Docker's image store, which holds no attestations; they are attached when several platforms are pushed from the builder`
      )
    const out = { mode, metadataFile: join(dir, 'metadata.json'), iidFile: join(dir, 'iid') }
    const args = buildxArgs(b, meta, out, builder.caps, secretFiles)
    const lines: string[] = []
    const res = await run('docker', args, {
      env: buildxEnv(env, builder.caps),
      signal,
      allowFailure: true,
      onLine: line => {
        onOutput?.()
        lines.push(line)
        if (lines.length > 200) lines.shift()
        reporter.info(line)
      }
    })
    if (signal?.aborted) throw new StepError('the build was cancelled')
    if (res.code !== 0)
      throw new StepError(
        `the build failed (docker buildx build exited with ${res.code})`,
        lines.slice(-25).join('\n')
      )
    const metadata = existsSync(out.metadataFile)
      ? (JSON.parse(readFileSync(out.metadataFile, 'utf8')) as Record<string, unknown>)
      : {}
    const iid = existsSync(out.iidFile) ? readFileSync(out.iidFile, 'utf8').trim() : ''
    const configDigest =
      typeof metadata['containerimage.config.digest'] === 'string'
        ? metadata['containerimage.config.digest']
        : undefined
    const digest =
      typeof metadata['containerimage.digest'] === 'string' ? metadata['containerimage.digest'] : undefined
    return { imageId: configDigest ?? iid, digest: mode === 'push' ? digest : undefined, metadata, mode }
  } finally {
    removeTempDir(dir)
  }
}
