import { existsSync, writeFileSync } from 'node:fs'
import { StepError } from '../../errors.js'
import { compressLayerFile, UNCOMPRESSED_LAYER, type CompressedBlob, type Compression } from '../compress.js'
import { isIndex, MEDIA, sha256, type Descriptor, type ManifestJson, type OciLayout } from '../oci-layout.js'

/** A manifest as it will be pushed: its bytes, so that its digest is what the registry computes. */
export interface PushManifest {
  digest: string
  mediaType: string
  bytes: Buffer
}

/** A blob to send: from its file, or (`file` empty) one the registry has already, to be checked. */
export interface PushBlob {
  digest: string
  size: number
  file?: string
}

/** What a push sends: blobs by file, then manifests (children first, the root last). */
export interface PreparedImage {
  blobs: PushBlob[]
  manifests: PushManifest[]
  root: PushManifest
  /** Layers this run compressed (an engine's store keeps them uncompressed). */
  compressed: number
  /** Layers the registry had compressed already, from the image pushed before. */
  reused: number
}

/**
 * What the registry already holds: the compressed layers of the image the tag named before, by
 * the digest of their content (the diff ID), where the target registry has the blob.
 */
export interface KnownLayers {
  byDiffId: ReadonlyMap<string, Descriptor>
  has: (digest: string) => Promise<boolean>
}

/** Runs `fn` over `items`, `limit` at a time, in order of the results. */
export async function inTurns<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>
): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      for (let i = next++; i < items.length; i = next++) results[i] = await fn(items[i] as T)
    })
  )
  return results
}

/**
 * Makes the layout's image ready to push: every blob it references listed with its file, and its
 * manifests as bytes. Layers an engine's store saved uncompressed are compressed once here (the
 * manifests that list them, and the index above them, written anew); compressed ones go as they
 * are, so a builder's own export is pushed byte for byte, under the digest that was scanned.
 */
export async function preparePush(
  layout: OciLayout,
  root: Descriptor,
  compression: Compression,
  opts: {
    signal?: AbortSignal
    known?: KnownLayers
    /** Layers compressed already (while the image was saved), by diff ID, their blobs in the layout. */
    compressed?: ReadonlyMap<string, CompressedBlob>
  } = {}
): Promise<PreparedImage> {
  const { signal, known } = opts
  const blobs = new Map<string, PushBlob>()
  const manifests: PushManifest[] = []
  let compressed = 0
  let reused = 0
  const addBlob = (d: Descriptor): void => {
    if (d.urls?.length) return // a foreign layer stays where its URLs say
    blobs.set(d.digest, { digest: d.digest, size: layout.size(d.digest), file: layout.blobPath(d.digest) })
  }

  const visit = async (desc: Descriptor): Promise<Descriptor> => {
    const original = layout.readBlob(desc.digest)
    const json = JSON.parse(original.toString('utf8')) as ManifestJson
    const mediaType = desc.mediaType ?? json.mediaType ?? MEDIA.ociManifest
    let changed = false
    if (isIndex(mediaType)) {
      const moved = new Map<string, string>()
      const children: Descriptor[] = []
      for (const m of json.manifests ?? []) {
        const next = await visit(m)
        if (next.digest !== m.digest) moved.set(m.digest, next.digest)
        children.push(next)
      }
      // An attestation names the image it is about by digest: it follows a rewritten image.
      json.manifests = children.map(m => {
        const about = m.annotations?.['vnd.docker.reference.digest']
        return about && moved.has(about)
          ? {
              ...m,
              annotations: { ...m.annotations, 'vnd.docker.reference.digest': moved.get(about) as string }
            }
          : m
      })
      changed = moved.size > 0
    } else {
      if (!json.config) throw new StepError(`${desc.digest} in the layout is neither an index nor an image`)
      addBlob(json.config)
      // Compressed two at a time (zlib works on Node's thread pool), unless the registry has the
      // layer compressed already from the image pushed before: a rebuild with no change in a
      // layer neither compresses nor uploads it again.
      const layers = await inTurns(json.layers ?? [], 2, async (layer): Promise<Descriptor> => {
        if (!UNCOMPRESSED_LAYER.has(layer.mediaType)) {
          addBlob(layer)
          return layer
        }
        changed = true
        const was = known?.byDiffId.get(layer.digest)
        if (was && was.mediaType.endsWith(`+${compression}`) && (await known?.has(was.digest))) {
          blobs.set(was.digest, { digest: was.digest, size: was.size })
          reused++
          return { ...layer, mediaType: was.mediaType, digest: was.digest, size: was.size }
        }
        const before = opts.compressed?.get(layer.digest)
        const blob =
          before?.mediaType.endsWith(`+${compression}`) && existsSync(layout.blobPath(before.digest))
            ? before
            : await compressLayerFile(layout, layer.digest, compression, signal)
        const next = { ...layer, ...blob }
        compressed++
        addBlob(next)
        return next
      })
      if (changed) json.layers = layers
    }
    const bytes = changed ? Buffer.from(JSON.stringify(json)) : original
    const digest = sha256(bytes)
    if (changed) writeFileSync(layout.blobPath(digest), bytes)
    manifests.push({ digest, mediaType, bytes })
    return { ...desc, mediaType, digest, size: bytes.length }
  }

  await visit(root)
  const last = manifests[manifests.length - 1] as PushManifest
  return { blobs: [...blobs.values()], manifests, root: last, compressed, reused }
}
