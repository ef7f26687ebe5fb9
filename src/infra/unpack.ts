import { once } from 'node:events'
import { createWriteStream, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Readable, Writable } from 'node:stream'
import { finished } from 'node:stream/promises'
import { StepError } from '../errors.js'
import { layerCompressor, type Compression } from './compress.js'
import { OciLayout, type Descriptor } from './oci-layout.js'

/** The files of an OCI layout, as `docker save` names them; anything else in the tar is skipped. */
const LAYOUT_FILE =
  /^(?:\.\/)?(blobs\/sha256\/[0-9a-f]{64}|index\.json|oci-layout|manifest\.json|repositories)$/

/** What unpacking gave: the layout, and the layers compressed on the way, by diff ID. */
export interface Unpacked {
  layout: OciLayout
  compressed: Map<string, Descriptor>
}

async function write(to: Writable, chunk: Buffer): Promise<void> {
  if (to.errored) throw to.errored
  if (!to.write(chunk)) await once(to, 'drain')
}

/** A promise whose failure is seen where it is awaited, and never an unhandled rejection. */
function awaitedLater<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined)
  return p
}

/**
 * Writes the OCI layout a tar stream holds (`docker save` of Docker 25+) into `dir`. The layers
 * named in `compress.layers` (uncompressed, by diff ID) are compressed as they are read, beside
 * the engine's tar and the disk: on the classic store a push must compress them anyway, and doing
 * it while the save streams takes the compression off the run's critical path.
 */
export async function unpackLayout(
  tar: Readable,
  dir: string,
  compress?: { layers: ReadonlySet<string>; compression: Compression }
): Promise<Unpacked> {
  const layout = new OciLayout(dir)
  mkdirSync(join(dir, 'blobs', 'sha256'), { recursive: true })
  const compressed = new Map<string, Descriptor>()
  const compressing: Promise<unknown>[] = []
  // Only the classic store's saves read a tar: the parser is not loaded with the action.
  const { extract } = await import('tar-stream')
  const entries = extract()
  tar.on('error', e => entries.destroy(e))
  tar.pipe(entries)
  try {
    for await (const entry of entries) {
      const name = LAYOUT_FILE.exec(entry.header.name)?.[1]
      if (!name || entry.header.type !== 'file') {
        entry.resume()
        continue
      }
      const file = createWriteStream(join(dir, name))
      const closed = awaitedLater(finished(file))
      const digest = name.startsWith('blobs/') ? `sha256:${name.slice('blobs/sha256/'.length)}` : ''
      let zipped: Writable | undefined
      if (compress?.layers.has(digest)) {
        const layer = { mediaType: 'application/vnd.oci.image.layer.v1.tar', digest, size: 0 }
        const { input, done } = layerCompressor(layout, layer, compress.compression)
        zipped = input
        compressing.push(awaitedLater(done.then(d => compressed.set(digest, d))))
      }
      for await (const chunk of entry as AsyncIterable<Buffer>) {
        await write(file, chunk)
        if (zipped) await write(zipped, chunk)
      }
      file.end()
      zipped?.end()
      await closed
    }
    await Promise.all(compressing)
  } catch (e) {
    await Promise.allSettled(compressing)
    throw new StepError(`reading the saved image failed: ${(e as Error).message}`)
  }
  return { layout, compressed }
}
