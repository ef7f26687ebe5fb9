import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { OciLayout, type Descriptor } from '../../../src/infra/oci-layout.js'
import { preparePush } from '../../../src/infra/registry/prepare.js'

const digestOf = (b: Buffer | string): string => `sha256:${createHash('sha256').update(b).digest('hex')}`

/** A layout as `docker save` of the classic store writes it: two uncompressed layers. */
function savedLayout(annotations?: Record<string, string>): {
  layout: OciLayout
  layers: Buffer[]
  manifest: Descriptor
} {
  const dir = mkdtempSync(join(tmpdir(), 'oci-prepare-'))
  mkdirSync(join(dir, 'blobs', 'sha256'), { recursive: true })
  const put = (bytes: Buffer | string): string => {
    const d = digestOf(bytes)
    writeFileSync(join(dir, 'blobs', 'sha256', d.slice(7)), bytes)
    return d
  }
  const layers = [Buffer.from('layer one '.repeat(1000)), Buffer.from('layer two '.repeat(2000))]
  const ids = layers.map(put)
  const config = JSON.stringify({
    architecture: 'amd64',
    os: 'linux',
    rootfs: { type: 'layers', diff_ids: ids }
  })
  const cd = put(config)
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: cd, size: config.length },
    layers: layers.map((l, i) => ({
      mediaType: 'application/vnd.oci.image.layer.v1.tar',
      digest: ids[i],
      size: l.length,
      ...(annotations ? { annotations } : {})
    }))
  })
  const md = put(manifest)
  const root = { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: md, size: manifest.length }
  writeFileSync(join(dir, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: [root] }))
  return { layout: new OciLayout(dir), layers, manifest: root }
}

describe('preparePush', () => {
  it('compresses the layers an engine saved uncompressed, once, and writes the manifest that lists them', async () => {
    const { layout, layers, manifest } = savedLayout()
    const image = await preparePush(layout, manifest, 'gzip')
    expect([image.compressed, image.reused]).toEqual([2, 0])
    const pushed = JSON.parse(image.root.bytes.toString()) as { config: Descriptor; layers: Descriptor[] }
    expect(image.root.digest).toBe(digestOf(image.root.bytes))
    // The config (the image ID) is the one that was scanned; each layer's bytes, unpacked, are the saved layer.
    expect(pushed.config.digest).toBe(layout.images()[0]?.configDigest)
    pushed.layers.forEach((l, i) => {
      expect(l.mediaType).toBe('application/vnd.oci.image.layer.v1.tar+gzip')
      const blob = readFileSync(layout.blobPath(l.digest))
      expect([digestOf(blob), blob.length]).toEqual([l.digest, l.size])
      expect(gunzipSync(blob).equals(layers[i] as Buffer)).toBe(true)
    })
    expect(image.blobs.map(b => b.digest).sort()).toEqual(
      [pushed.config.digest, ...pushed.layers.map(l => l.digest)].sort()
    )
  })

  it('reuses a layer the registry has compressed from the image pushed before, and compresses the others', async () => {
    const { layout, layers, manifest } = savedLayout()
    const first = digestOf(layers[0] as Buffer)
    const before: Descriptor = {
      mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
      digest: `sha256:${'a'.repeat(64)}`,
      size: 42
    }
    const asked: string[] = []
    const image = await preparePush(layout, manifest, 'gzip', {
      known: { byDiffId: new Map([[first, before]]), has: async d => (asked.push(d), true) }
    })
    expect([image.compressed, image.reused]).toEqual([1, 1])
    expect(asked).toEqual([before.digest])
    const pushed = JSON.parse(image.root.bytes.toString()) as { layers: Descriptor[] }
    expect(pushed.layers[0]).toEqual(before)
    expect(image.blobs.find(b => b.digest === before.digest)).toEqual({ digest: before.digest, size: 42 })
  })

  it('compresses a known layer the registry no longer has, or one of another compression', async () => {
    const { layout, layers, manifest } = savedLayout()
    const first = digestOf(layers[0] as Buffer)
    const zstd: Descriptor = {
      mediaType: 'application/vnd.oci.image.layer.v1.tar+zstd',
      digest: `sha256:${'b'.repeat(64)}`,
      size: 1
    }
    for (const known of [
      {
        byDiffId: new Map([[first, { ...zstd, mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip' }]]),
        has: async () => false
      },
      { byDiffId: new Map([[first, zstd]]), has: async () => true }
    ]) {
      const image = await preparePush(layout, manifest, 'gzip', { known })
      expect([image.compressed, image.reused]).toEqual([2, 0])
    }
  })

  it('takes a layer compressed while it was saved, and compresses one given in another compression', async () => {
    const { layout, layers, manifest } = savedLayout()
    const [first, second] = layers.map(l => digestOf(l))
    // Level 9, not the push's level 1: the pushed digest tells which bytes were taken.
    const nine = gzipSync(layers[0] as Buffer, { level: 9 })
    writeFileSync(layout.blobPath(digestOf(nine)), nine)
    const given: Descriptor = {
      mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
      digest: digestOf(nine),
      size: nine.length
    }
    const zstd = { ...given, mediaType: 'application/vnd.oci.image.layer.v1.tar+zstd' }
    const image = await preparePush(layout, manifest, 'gzip', {
      compressed: new Map([
        [first as string, given],
        [second as string, zstd]
      ])
    })
    const pushed = JSON.parse(image.root.bytes.toString()) as { layers: Descriptor[] }
    expect(pushed.layers[0]).toEqual(given)
    expect(pushed.layers[1]!.digest).not.toBe(given.digest)
    expect(gunzipSync(readFileSync(layout.blobPath(pushed.layers[1]!.digest))).equals(layers[1]!)).toBe(true)
    expect(image.blobs.find(b => b.digest === given.digest)?.file).toBe(layout.blobPath(given.digest))
  })

  it('keeps a layer’s annotations when it is compressed, here or while it was saved', async () => {
    const annotations = { 'org.example.layer': 'app' }
    const { layout, layers, manifest } = savedLayout(annotations)
    const nine = gzipSync(layers[0] as Buffer, { level: 9 })
    writeFileSync(layout.blobPath(digestOf(nine)), nine)
    const given = {
      mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
      digest: digestOf(nine),
      size: nine.length
    }
    const image = await preparePush(layout, manifest, 'gzip', {
      compressed: new Map([[digestOf(layers[0] as Buffer), given]])
    })
    const pushed = JSON.parse(image.root.bytes.toString()) as { layers: Descriptor[] }
    expect(pushed.layers[0]).toEqual({ ...given, annotations })
    expect(pushed.layers[1]).toMatchObject({
      mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
      annotations
    })
  })

  it('pushes a builder’s compressed export as it is: same manifest bytes, same digest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oci-prepare-'))
    mkdirSync(join(dir, 'blobs', 'sha256'), { recursive: true })
    const put = (bytes: string): string => {
      const d = digestOf(bytes)
      writeFileSync(join(dir, 'blobs', 'sha256', d.slice(7)), bytes)
      return d
    }
    const config = '{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}}'
    const manifest = JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: put(config),
        size: config.length
      },
      layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: put('gz'), size: 2 }]
    })
    const root = {
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: put(manifest),
      size: manifest.length
    }
    writeFileSync(join(dir, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: [root] }))
    const image = await preparePush(new OciLayout(dir), root, 'gzip')
    expect(image.root.digest).toBe(root.digest)
    expect([image.compressed, image.reused]).toEqual([0, 0])
  })
})
