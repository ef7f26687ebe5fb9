import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream, renameSync } from 'node:fs'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import * as zlib from 'node:zlib'
import { StepError } from '../errors.js'
import type { Descriptor, OciLayout } from './oci-layout.js'

export type Compression = 'gzip' | 'zstd'

export const UNCOMPRESSED_LAYER = new Set([
  'application/vnd.oci.image.layer.v1.tar',
  'application/vnd.docker.image.rootfs.diff.tar'
])

/** zstd streams are Node 22.15+ (the action runs on Node 24). */
function compressor(c: Compression): Transform {
  if (c === 'gzip') return zlib.createGzip({ level: zlib.constants.Z_BEST_SPEED })
  const make = (zlib as unknown as { createZstdCompress?: () => Transform }).createZstdCompress
  if (!make) throw new StepError(`zstd compression needs Node 22.15 or newer (this is ${process.version})`)
  return make()
}

/** What a layer's descriptor becomes once compressed; the rest of it (annotations) stays. */
export type CompressedBlob = Pick<Descriptor, 'mediaType' | 'digest' | 'size'>

/** Compresses the uncompressed layer blob `digest` of the layout into its blobs, hashing as it writes. */
export async function compressLayerFile(
  layout: OciLayout,
  digest: string,
  c: Compression,
  signal?: AbortSignal
): Promise<CompressedBlob> {
  const tmp = `${layout.blobPath(digest)}.${c}.tmp`
  const hash = createHash('sha256')
  let size = 0
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk)
      size += chunk.length
      done(null, chunk)
    }
  })
  await pipeline(createReadStream(layout.blobPath(digest)), compressor(c), tap, createWriteStream(tmp), {
    signal
  })
  const compressed = `sha256:${hash.digest('hex')}`
  renameSync(tmp, layout.blobPath(compressed))
  return { mediaType: `application/vnd.oci.image.layer.v1.tar+${c}`, digest: compressed, size }
}
