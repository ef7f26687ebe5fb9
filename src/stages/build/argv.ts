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
  /**
   * Exports an OCI layout, with attestations (provenance, SBOM) and annotations: any BuildKit
   * builder, and the docker driver on the containerd image store.
   */
  attestations: boolean
  /**
   * Exports the layout and loads the image in one build. The docker driver's BuildKit (Docker
   * 26.1, containerd store) leaves the layout without the image's blobs when asked both.
   */
  exportAndLoad?: boolean
}

export interface BuildMeta {
  tags: readonly string[]
  labels: Readonly<Record<string, string>>
  /** `level:key=value` lines for `--annotation`. */
  annotations?: readonly string[]
}

const isBool = (v: string): boolean => v === 'true' || v === 'false'

/** `true`/`false` as BuildKit's `disabled=`, the rest as written (docker/build-push-action's reading). */
const attestAttrs = (type: string, value: string): string =>
  `type=${type},${isBool(value) ? `disabled=${value !== 'true'}` : value}`

const typeOf = (attest: string): string | undefined => /(?:^|,)type=([^,]+)/.exec(attest)?.[1]

/** Adds the run's page as builder-id to provenance that names none. */
function withBuilderId(attrs: string, builderId: string | undefined): string {
  if (!builderId || /(?:^|,)builder-id=/.test(attrs) || /(?:^|,)disabled=true/.test(attrs)) return attrs
  return `${attrs},builder-id=${builderId}`
}

/**
 * `--attest` flags as docker/build-push-action gives them: `provenance` and `sbom` over entries
 * of `attests` of the same type. `provenance` left empty: on a BuildKit builder whose output is
 * not the Docker image store (no `load`: the engine takes no attestations), `mode=max` for a
 * public repository, `mode=min,inline-only=true` for a private (or unknown) one, unless
 * BUILDX_NO_DEFAULT_ATTESTATIONS is set.
 */
export function attestArgs(b: BuildOptions, out: Pick<BuildOutput, 'mode' | 'load'>): string[] {
  const attests = b.attests ?? []
  const args: string[] = []
  const provenanceInAttests = attests.some(a => typeOf(a) === 'provenance')
  if (b.provenance === 'true' && b.builderId)
    args.push('--attest', `type=provenance,builder-id=${b.builderId}`)
  else if (b.provenance)
    args.push('--attest', withBuilderId(attestAttrs('provenance', b.provenance), b.builderId))
  else if (!provenanceInAttests && !b.noDefaultAttestations && out.mode === 'layout' && !out.load) {
    const mode = b.privateRepo === false ? 'mode=max' : 'mode=min,inline-only=true'
    args.push('--attest', withBuilderId(`type=provenance,${mode}`, b.builderId))
  }
  if (b.sbom) args.push('--attest', attestAttrs('sbom', b.sbom))
  for (const a of attests) {
    const type = typeOf(a)
    if (type === 'provenance' && !b.provenance) args.push('--attest', withBuilderId(a, b.builderId))
    else if (type === 'sbom' && !b.sbom) args.push('--attest', a)
    else if (type !== 'provenance' && type !== 'sbom') args.push('--attest', a)
  }
  return args
}

/** The `docker buildx build` argument array for a build. Pure: everything it needs is passed in. */
export function buildxArgs(
  b: BuildOptions,
  meta: BuildMeta,
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
  for (const [id, path] of b.secretFiles ?? []) args.push('--secret', `id=${id},src=${path}`)
  // The value stays in the environment; buildx reads it from there.
  for (const [id, name] of b.secretEnvs ?? []) args.push('--secret', `id=${id},env=${name}`)
  for (const s of b.ssh ?? []) args.push('--ssh', s)
  for (const c of b.buildContexts ?? []) args.push('--build-context', c)
  if (b.platforms.length) args.push('--platform', b.platforms.join(','))
  for (const c of b.cacheFrom) args.push('--cache-from', c)
  for (const c of b.cacheTo) args.push('--cache-to', c)
  if (b.noCache) args.push('--no-cache')
  if (b.pull) args.push('--pull')
  for (const f of b.noCacheFilters ?? []) args.push('--no-cache-filter', f)
  if (b.network) args.push('--network', b.network)
  if (b.shmSize) args.push('--shm-size', b.shmSize)
  for (const u of b.ulimits ?? []) args.push('--ulimit', u)
  for (const h of b.addHosts ?? []) args.push('--add-host', h)
  for (const a of b.allow ?? []) args.push('--allow', a)
  if (caps.attestations) {
    // Only a layout holds attestations (buildx refuses them with the docker driver's --load).
    if (out.mode === 'layout') args.push(...attestArgs(b, out))
    for (const a of meta.annotations ?? []) args.push('--annotation', a)
  }
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

/**
 * A builder that can export a layout does; the docker driver on the classic store (or on the
 * containerd store when the image is to be loaded too) builds into the engine's store.
 */
export function outputMode(caps: BuilderCaps, load = false): BuildOutput['mode'] {
  return caps.attestations && !(load && caps.exportAndLoad === false) ? 'layout' : 'daemon'
}

/** The repositories of the tags, once each: `registry/name` without the tag. */
export function repositoriesOf(tags: readonly string[]): string[] {
  return [...new Set(tags.map(t => t.replace(/:[^:/]+$/, '')))]
}
