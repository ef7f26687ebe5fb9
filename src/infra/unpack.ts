import { once } from 'node:events'
import { createWriteStream, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Readable, Writable } from 'node:stream'
import { finished } from 'node:stream/promises'
import { StepError } from '../errors.js'
import { compressLayerFile, type CompressedBlob, type Compression } from './compress.js'
import { OciLayout } from './oci-layout.js'

/** The files of an OCI layout, as `docker save` names them; anything else in the tar is skipped. */
const LAYOUT_FILE =
  /^(?:\.\/)?(blobs\/sha256\/[0-9a-f]{64}|index\.json|oci-layout|manifest\.json|repositories)$/

/** What unpacking gave: the layout, and the layers compressed on the way, by diff ID. */
export interface Unpacked {
  layout: OciLayout
  compressed: Map<string, CompressedBlob>
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
 * Writes the OCI layout a tar stream holds (`docker save` of Docker 25+) into `dir`. Each layer
 * named in `compress.layers` (uncompressed, by diff ID) is compressed once it is written, while
 * the save goes on: a push from the classic store must compress them anyway, and the engine's tar
 * keeps about one CPU busy, so the other compresses beside it.
 */
export async function unpackLayout(
  tar: Readable,
  dir: string,
  compress?: { layers: ReadonlySet<string>; compression: Compression }
): Promise<Unpacked> {
  const layout = new OciLayout(dir)
  mkdirSync(join(dir, 'blobs', 'sha256'), { recursive: true })
  const compressed = new Map<string, CompressedBlob>()
  const compressing: Promise<unknown>[] = []
  let open: Writable | undefined
  const stop = new AbortController()
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
      open = file
      const closed = awaitedLater(finished(file))
      for await (const chunk of entry as AsyncIterable<Buffer>) await write(file, chunk)
      file.end()
      await closed
      open = undefined
      // Compressed from the file just written (in the page cache) while the save goes on, not as
      // it streams: one gzip stream is slower than the engine's tar, and would hold the save back.
      const digest = name.startsWith('blobs/') ? `sha256:${name.slice('blobs/sha256/'.length)}` : ''
      if (compress?.layers.has(digest)) {
        const done = compressLayerFile(layout, digest, compress.compression, stop.signal)
        compressing.push(awaitedLater(done.then(d => compressed.set(digest, d))))
      }
    }
    await Promise.all(compressing)
  } catch (e) {
    open?.destroy()
    stop.abort()
    await Promise.allSettled(compressing)
    throw new StepError(`reading the saved image failed: ${(e as Error).message}`)
  }
  return { layout, compressed }
}
