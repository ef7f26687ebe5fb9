import type { BuildOptions } from '../../config/config.js'

export interface BuildOutput {
  /**
   * load: into the local image store (then scanned and pushed from there). push: several platforms,
   * pushed by digest only (no tag), scanned from the registry, tagged once the gate passes.
   */
  mode: 'load' | 'push' | 'cache-only'
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
  // Pushed by digest, the image has no tag until the gate passes; the names keep it in the right repositories.
  if (out.mode === 'push') args.push('--output', pushByDigestOutput(meta.tags))
  else for (const t of meta.tags) args.push('--tag', t)
  for (const [k, v] of Object.entries(meta.labels)) args.push('--label', `${k}=${v}`)
  args.push('--metadata-file', out.metadataFile, '--iidfile', out.iidFile)
  if (out.mode === 'load') args.push('--load')
  args.push(b.context)
  return args
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

/** How to build: one platform is loaded (so it can be scanned, then pushed as it is). */
export function outputMode(b: BuildOptions, push: boolean): BuildOutput['mode'] {
  if (b.platforms.length <= 1) return 'load'
  return push ? 'push' : 'cache-only'
}

/** The repositories of the tags, once each: `registry/name` without the tag. */
export function repositoriesOf(tags: readonly string[]): string[] {
  return [...new Set(tags.map(t => t.replace(/:[^:/]+$/, '')))]
}

/** buildx's image exporter pushing by digest: the CSV quotes the name list, which holds commas. */
export function pushByDigestOutput(tags: readonly string[]): string {
  return `type=image,"name=${repositoriesOf(tags).join(',')}",push-by-digest=true,name-canonical=true,push=true`
}
