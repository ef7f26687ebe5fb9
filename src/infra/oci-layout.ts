import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { StepError } from '../errors.js'

export const MEDIA = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json'
} as const

export interface Descriptor {
  mediaType: string
  digest: string
  size: number
  platform?: { os?: string; architecture?: string; variant?: string }
  annotations?: Record<string, string>
  artifactType?: string
  urls?: string[]
}

export interface ManifestJson {
  schemaVersion: number
  mediaType?: string
  config?: Descriptor
  layers?: Descriptor[]
  manifests?: Descriptor[]
  subject?: Descriptor
  annotations?: Record<string, string>
}

/** One image of a layout: a platform's manifest, its config (the image ID) and its layers. */
export interface LayoutImage {
  platform: string
  manifest: Descriptor
  configDigest: string
  layers: Descriptor[]
}

export const sha256 = (b: Buffer | string): string => `sha256:${createHash('sha256').update(b).digest('hex')}`

export const isIndex = (mediaType: string | undefined): boolean =>
  mediaType === MEDIA.ociIndex || mediaType === MEDIA.dockerList

/** `os/arch[/variant]`. */
export const platformName = (p?: Descriptor['platform']): string =>
  [p?.os, p?.architecture, p?.variant].filter(Boolean).join('/')

/**
 * An OCI image layout on disk (buildx's `type=oci,tar=false` export, or a `docker save` unpacked):
 * its blobs by digest, and the one image (index or manifest) its index.json names.
 */
export class OciLayout {
  constructor(readonly dir: string) {}

  blobPath(digest: string): string {
    const [algo, hex] = digest.split(':')
    if (algo !== 'sha256' || !/^[0-9a-f]{64}$/.test(hex ?? ''))
      throw new StepError(`not a sha256 digest: ${digest}`)
    return join(this.dir, 'blobs', 'sha256', hex as string)
  }

  /** A blob's bytes, checked against its digest. */
  readBlob(digest: string): Buffer {
    const bytes = readFileSync(this.blobPath(digest))
    if (sha256(bytes) !== digest) throw new StepError(`the layout's blob ${digest} does not match its digest`)
    return bytes
  }

  readJson(digest: string): ManifestJson {
    return JSON.parse(this.readBlob(digest).toString('utf8')) as ManifestJson
  }

  size(digest: string): number {
    return statSync(this.blobPath(digest)).size
  }

  index(): ManifestJson {
    return JSON.parse(readFileSync(join(this.dir, 'index.json'), 'utf8')) as ManifestJson
  }

  /** The image the layout holds: the first (only) entry of index.json. */
  root(): Descriptor {
    const root = this.index().manifests?.[0]
    if (!root) throw new StepError(`${this.dir}/index.json names no image`)
    return { mediaType: root.mediaType, digest: root.digest, size: root.size }
  }

  /** The platform images below `desc` (an index's attestation manifests left out). */
  images(desc: Descriptor = this.root()): LayoutImage[] {
    const json = this.readJson(desc.digest)
    if (isIndex(desc.mediaType ?? json.mediaType))
      return (json.manifests ?? [])
        .filter(m => m.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest')
        .flatMap(m => this.images(m).map(i => ({ ...i, platform: platformName(m.platform) || i.platform })))
    if (!json.config) throw new StepError(`${desc.digest} in the layout is neither an index nor an image`)
    const config = this.readJson(json.config.digest) as {
      os?: string
      architecture?: string
      variant?: string
    }
    return [
      {
        platform: platformName(config),
        manifest: desc,
        configDigest: json.config.digest,
        layers: json.layers ?? []
      }
    ]
  }

  /**
   * A layout of one platform's image, beside this one and sharing its blobs: Trivy scans the
   * first image of a layout whatever its --platform says.
   */
  view(image: LayoutImage, name: string): string {
    const dir = join(this.dir, '..', `${name}.view`)
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}')
    try {
      symlinkSync(join(this.dir, 'blobs'), join(dir, 'blobs'))
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
    }
    const manifest = { ...image.manifest, size: this.size(image.manifest.digest) }
    writeFileSync(
      join(dir, 'index.json'),
      JSON.stringify({ schemaVersion: 2, mediaType: MEDIA.ociIndex, manifests: [manifest] })
    )
    return dir
  }
}
