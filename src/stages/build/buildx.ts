import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BuildOptions } from '../../config/config.js'
import { InputError, StepError } from '../../errors.js'
import type { BlobPool } from '../../infra/blob-pool.js'
import type { CompressedBlob, Compression } from '../../infra/compress.js'
import { checkDockerDaemon } from '../../infra/docker.js'
import { OciLayout, type Descriptor, type LayoutImage } from '../../infra/oci-layout.js'
import { run, tail } from '../../infra/process.js'
import type { Reporter } from '../../reporter.js'
import { savedImage } from './saved.js'
import { buildxArgs, buildxEnv, outputMode, type BuilderCaps, type BuildMeta } from './argv.js'

export interface Builder {
  name: string
  driver: string
  caps: BuilderCaps
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
  const found = builderOf(res.stdout)
  // buildx prints the builder with an `Error:` line and exits 0 when its node does not answer.
  if (!found.driver)
    throw new StepError(
      `the buildx builder ${found.name || builder || ''} does not answer`,
      tail(res.stdout, 5)
    )
  return found
}

/**
 * The builder `docker buildx inspect` printed. The docker driver on the containerd image store
 * (Docker 29's default for new installs) exports OCI layouts and attestations as any BuildKit
 * builder; buildx tells it by its worker's snapshotter label, which the classic store's lacks.
 */
export function builderOf(inspect: string): Builder {
  const field = (k: string): string => inspect.match(new RegExp(`^${k}:\\s*(.+)$`, 'm'))?.[1]?.trim() ?? ''
  const driver = field('Driver')
  const containerdStore = /^\s*org\.mobyproject\.buildkit\.worker\.snapshotter:/m.test(inspect)
  const caps = { attestations: driver !== 'docker' || containerdStore, exportAndLoad: driver !== 'docker' }
  return { name: field('Name'), driver, caps }
}

/**
 * What a build gives: an OCI layout on disk holding exactly the image that will be scanned and
 * pushed (the builder's own export, or the engine's image saved), with its platform images.
 */
export interface BuildResult {
  layout: OciLayout
  root: Descriptor
  images: LayoutImage[]
  /** The first image's config digest: the image ID of a single-platform build. */
  imageId: string
  /** buildx's metadata file. */
  metadata: Record<string, unknown>
  mode: 'daemon' | 'layout'
  /** Layers compressed while the engine's image was saved, by diff ID (their blobs in the layout). */
  compressed: ReadonlyMap<string, CompressedBlob>
}

/** The error of a failed `docker buildx build`: the input to change, where its output tells one. */
export function buildFailure(
  b: BuildOptions,
  builder: Builder,
  code: number,
  lines: readonly string[]
): Error {
  const text = lines.join('\n')
  if (
    b.platforms.length > 1 &&
    builder.driver === 'docker' &&
    /not supported for the docker driver/.test(text)
  )
    return new InputError(
      'platforms',
      `the docker driver builds several platforms only with the containerd image store: set "builder" to a BuildKit builder (docker/setup-buildx-action) for ${b.platforms.join(',')}`
    )
  // Several platforms with load are refused before the build: here the list is of attestations.
  if (b.load && /docker exporter does not currently support exporting manifest lists/.test(text))
    return new InputError(
      'load',
      'this engine\'s image store cannot load an image list (attestations): leave "load" off, or turn the attestations off ("provenance: false", "sbom: false", no "attests")'
    )
  return new StepError(
    `the build failed (docker buildx build exited with ${code})`,
    lines.slice(-25).join('\n')
  )
}

/**
 * Runs `docker buildx build` into `dir`. Secrets go to BuildKit as files in `dir` (private to the
 * run, removed with it), so their values are never in argv.
 */
export async function buildImage(
  b: BuildOptions,
  meta: BuildMeta,
  builder: Builder,
  dir: string,
  reporter: Reporter,
  env: NodeJS.ProcessEnv,
  opts: { signal?: AbortSignal; pool?: BlobPool; compression?: Compression } = {}
): Promise<BuildResult> {
  const { signal, pool, compression } = opts
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  const secretFiles = b.secrets.map(([id, value], i): [string, string] => {
    const path = join(dir, `secret-${i}`)
    writeFileSync(path, value, { mode: 0o600 })
    return [id, path]
  })
  const mode = outputMode(builder.caps, b.load)
  const caps = mode === 'layout' ? builder.caps : { attestations: false }
  const asked = [
    b.provenance && b.provenance !== 'false' && `provenance "${b.provenance}"`,
    b.sbom && b.sbom !== 'false' && `sbom "${b.sbom}"`,
    b.attests?.length && 'attests'
  ].filter(Boolean)
  if (asked.length && !caps.attestations)
    reporter.warning(
      `${asked.join(', ')} ignored: the ${builder.driver} driver cannot attach attestations${
        builder.caps.attestations ? ' to an image it loads (leave "load" off, or' : ' ('
      } set "builder" to a docker-container builder)`
    )
  const out = {
    mode,
    dir: join(dir, 'layout'),
    load: b.load,
    compression: b.compression,
    metadataFile: join(dir, 'metadata.json'),
    iidFile: join(dir, 'iid')
  }
  const args = buildxArgs(b, meta, out, caps, secretFiles)
  const exportOnce = async (): Promise<void> => {
    const lines: string[] = []
    const res = await run('docker', args, {
      env: buildxEnv(env, caps),
      ...(signal ? { signal } : {}),
      allowFailure: true,
      onLine: line => {
        lines.push(line)
        if (lines.length > 200) lines.shift()
        reporter.info(line)
      }
    })
    if (signal?.aborted) throw new StepError('the build was cancelled')
    if (res.code !== 0) throw buildFailure(b, builder, res.code, lines)
  }
  // Blobs earlier builds exported, linked into the layout first, are not exported again.
  const seeded = mode === 'layout' ? pool?.seed(out.dir) : undefined
  await exportOnce()
  if (seeded && pool) {
    let taken = await pool.absorb(new OciLayout(out.dir), seeded)
    if (taken.bad.length) {
      reporter.warning(
        `${taken.bad.length} blobs kept from earlier builds did not match their digests (${taken.bad.join(', ')}): removed, and the layout exported again`
      )
      rmSync(out.dir, { recursive: true, force: true })
      await exportOnce()
      taken = await pool.absorb(new OciLayout(out.dir), new Set())
    }
    if (taken.reused)
      reporter.info(
        `${taken.reused} blobs were in the layout already (earlier builds): not exported again; ${taken.hashed} hashed again (the others not written since they were checked)`
      )
  }
  const metadata = existsSync(out.metadataFile)
    ? (JSON.parse(readFileSync(out.metadataFile, 'utf8')) as Record<string, unknown>)
    : {}
  const iid = existsSync(out.iidFile) ? readFileSync(out.iidFile, 'utf8').trim() : ''
  const { layout, compressed } =
    mode === 'layout'
      ? { layout: new OciLayout(out.dir), compressed: new Map<string, CompressedBlob>() }
      : await savedImage(iid, join(dir, 'saved'), env, reporter, {
          ...(pool ? { pool } : {}),
          ...(compression ? { compression } : {})
        })
  const root = layout.root()
  const images = layout.images(root)
  if (images.length === 0) throw new StepError('the build gave no image')
  return { layout, root, images, imageId: images[0]!.configDigest, metadata, mode, compressed }
}
