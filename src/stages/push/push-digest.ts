import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { gzip as gzipCallback } from 'node:zlib'
import { StepError } from '../../errors.js'
import { makeTempDir, removeTempDir, run, tail } from '../../infra/process.js'
import type { Reporter } from '../../reporter.js'
import type { ImageName } from '../metadata/reference.js'
import { putManifest, Session, sha256, storedCredentials, uploadBlob } from '../../infra/registry/client.js'
import { readManifest } from '../../infra/registry/docker-cli.js'

const MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json'
const CONFIG = 'application/vnd.docker.container.image.v1+json'
const LAYER_GZIP = 'application/vnd.docker.image.rootfs.diff.tar.gzip'

interface SavedImage {
  Config: string
  Layers: string[]
}

const isGzip = (b: Buffer): boolean => b.length > 2 && b[0] === 0x1f && b[1] === 0x8b

const gzip = promisify(gzipCallback)

/**
 * Pushes a loaded image to `repository` by digest only, with no tag: the image the scan read,
 * taken from `docker save` (its config is byte for byte the image ID), its layers compressed and
 * uploaded over the distribution API, and its manifest written under its own digest. buildx's
 * `push-by-digest` output does the same but is not available with the docker driver, and it
 * would push before the scan. Returns the manifest digest, read back from the registry.
 */
export async function pushLoadedByDigest(
  image: ImageName,
  imageId: string,
  r: Reporter,
  env: NodeJS.ProcessEnv
): Promise<string> {
  const repository = image.name
  const hub = image.registry === 'docker.io'
  const host = hub ? 'registry-1.docker.io' : image.registry
  const creds = storedCredentials(hub ? 'https://index.docker.io/v1/' : host, env)
  const repo = hub && !image.repository.includes('/') ? `library/${image.repository}` : image.repository
  const dst = { host, repo, s: new Session(host, creds) }
  const dir = makeTempDir('oci-pipeline-save-')
  try {
    const tar = join(dir, 'image.tar')
    for (const args of [
      ['docker', 'save', '--output', tar, imageId],
      ['tar', '-xf', tar, '-C', dir]
    ]) {
      const res = await run(args[0] as string, args.slice(1), { env, allowFailure: true })
      if (res.code !== 0) throw new StepError(`${args.slice(0, 2).join(' ')} failed`, tail(res.stderr, 5))
    }
    const saved = (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as SavedImage[])[0]
    if (!saved) throw new StepError(`docker save wrote no image for ${imageId}`)
    const config = readFileSync(join(dir, saved.Config))
    if (sha256(config) !== imageId)
      throw new StepError(`the saved image is not ${imageId}`, `its config is ${sha256(config)}`)
    const layers = []
    for (const file of saved.Layers) {
      const layer = readFileSync(join(dir, file))
      const blob = isGzip(layer) ? layer : await gzip(layer)
      const digest = sha256(blob)
      await uploadBlob(dst, digest, blob)
      layers.push({ mediaType: LAYER_GZIP, size: blob.length, digest })
    }
    await uploadBlob(dst, imageId, config)
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MANIFEST,
        config: { mediaType: CONFIG, size: config.length, digest: imageId },
        layers
      })
    )
    const digest = sha256(manifest)
    await putManifest(dst, digest, MANIFEST, manifest)
    const back = await readManifest(`${repository}@${digest}`, env)
    if (back.digest !== digest || back.configDigest !== imageId)
      throw new StepError(
        `${repository}@${digest} in the registry is not the image that was built`,
        `registry config ${back.configDigest ?? 'none'}, built ${imageId}`
      )
    r.info(`pushed ${repository}@${digest} (by digest, no tag)`)
    return digest
  } finally {
    removeTempDir(dir)
  }
}
