import type { BuildOptions } from '../../config/config.js'

export interface BuildOutput {
  /**
   * daemon: the docker driver loads the image into the engine's store (then saved to a layout).
   * layout: any other builder exports an OCI layout to `dir`, compressed once, which is scanned and
   * pushed as it is; `load` also loads it into the engine where the user asked for it.
   */
  mode: 'daemon' | 'layout'
  dir?: string
  load?: boolean
  compression?: 'gzip' | 'zstd'
  metadataFile: string
  iidFile: string
}

export interface BuilderCaps {
  /** Attestations (provenance) need a builder other than the docker driver. */
  attestations: boolean
}

/** The `docker buildx build` argument array for a build. Pure: everything it needs is passed in. */
export function buildxArgs(
  b: BuildOptions,
  meta: { tags: readonly string[]; labels: Readonly<Record<string, string>> },
  out: BuildOutput,
  caps: BuilderCaps,
  secretFiles: ReadonlyArray<[string, string]>
): string[] {
  const args = ['buildx', 'build', '--progress', 'plain']
  if (b.builder) args.push('--builder', b.builder)
  args.push('--file', b.file)
  if (b.target) args.push('--target', b.target)
  for (const [k, v] of b.buildArgs) args.push('--build-arg', `${k}=${v}`)
  for (const [id, path] of secretFiles) args.push('--secret', `id=${id},src=${path}`)
  if (b.platforms.length) args.push('--platform', b.platforms.join(','))
  for (const c of b.cacheFrom) args.push('--cache-from', c)
  for (const c of b.cacheTo) args.push('--cache-to', c)
  if (b.noCache) args.push('--no-cache')
  if (b.pull) args.push('--pull')
  if (b.provenance && caps.attestations) args.push('--provenance', b.provenance)
  for (const t of meta.tags) args.push('--tag', t)
  for (const [k, v] of Object.entries(meta.labels)) args.push('--label', `${k}=${v}`)
  args.push('--metadata-file', out.metadataFile, '--iidfile', out.iidFile)
  if (out.mode === 'layout') args.push('--output', ociOutput(out.dir ?? '', out.compression))
  if (out.mode === 'daemon' || out.load) args.push('--load')
  args.push(b.context)
  return args
}

/**
 * buildx's OCI exporter to a directory: the layers compressed once, as they will be pushed. zstd
 * recompresses the base image's layers too, so that every layer pulls the same way.
 */
export function ociOutput(dir: string, compression: 'gzip' | 'zstd' = 'gzip'): string {
  const csv = `type=oci,"dest=${dir}",tar=false`
  return compression === 'zstd' ? `${csv},compression=zstd,force-compression=true` : csv
}

/**
 * The build's environment. In a git checkout buildx runs git seven times before it starts the
 * build, for the commit and remote it records in provenance; a builder that cannot attach
 * attestations (the docker driver) records them nowhere, so buildx is told not to ask. A
 * BUILDX_GIT_INFO or BUILDX_GIT_LABELS the user set is kept.
 */
export function buildxEnv(env: NodeJS.ProcessEnv, caps: BuilderCaps): NodeJS.ProcessEnv {
  if (caps.attestations || env.BUILDX_GIT_INFO !== undefined || env.BUILDX_GIT_LABELS !== undefined)
    return env
  return { ...env, BUILDX_GIT_INFO: 'false' }
}

/** The docker driver builds into the engine's store; any other builder exports a layout. */
export function outputMode(caps: BuilderCaps): BuildOutput['mode'] {
  return caps.attestations ? 'layout' : 'daemon'
}

/** The repositories of the tags, once each: `registry/name` without the tag. */
export function repositoriesOf(tags: readonly string[]): string[] {
  return [...new Set(tags.map(t => t.replace(/:[^:/]+$/, '')))]
}
