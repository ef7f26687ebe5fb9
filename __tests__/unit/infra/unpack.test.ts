import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { gunzipSync } from 'node:zlib'
import { pack } from 'tar-stream'
import { unpackLayout } from '../../../src/infra/unpack.js'

const digestOf = (b: Buffer): string => `sha256:${createHash('sha256').update(b).digest('hex')}`

/** The bytes of a tar holding `files` (and `links`, as symlinks), as `docker save` streams one. */
async function tarOf(files: Array<[string, Buffer]>, links: Array<[string, string]> = []): Promise<Buffer> {
  const p = pack()
  for (const [name, bytes] of files) p.entry({ name, size: bytes.length }, bytes)
  for (const [name, linkname] of links) p.entry({ name, type: 'symlink', linkname })
  p.finalize()
  const chunks: Buffer[] = []
  for await (const c of p as AsyncIterable<Buffer>) chunks.push(c)
  return Buffer.concat(chunks)
}

describe('unpackLayout (docker save read into a layout)', () => {
  const layer = Buffer.from('usr/lib/python3/site.py '.repeat(5000))
  const other = Buffer.from('{"config":"not a layer"}')
  const blob = (b: Buffer): string => `blobs/sha256/${digestOf(b).slice(7)}`

  it('writes the layout’s files, and nothing else the tar names', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'oci-unpack-')), 'layout')
    const tar = await tarOf(
      [
        [blob(layer), layer],
        ['index.json', Buffer.from('{}')],
        ['oci-layout', Buffer.from('{"imageLayoutVersion":"1.0.0"}')],
        ['../escape', Buffer.from('x')],
        ['blobs/sha256/../../escape', Buffer.from('x')],
        ['legacy/layer.tar', Buffer.from('x')]
      ],
      [[`blobs/sha256/${'c'.repeat(64)}`, '/etc/passwd']]
    )
    const { layout, compressed } = await unpackLayout(Readable.from([tar]), dir)
    expect(readFileSync(layout.blobPath(digestOf(layer))).equals(layer)).toBe(true)
    expect(readdirSync(dir).sort()).toEqual(['blobs', 'index.json', 'oci-layout'])
    expect(readdirSync(join(dir, 'blobs', 'sha256'))).toEqual([digestOf(layer).slice(7)])
    expect(existsSync(join(dir, '..', 'escape'))).toBe(false)
    expect(compressed.size).toBe(0)
  })

  it('compresses the layers it is given as they are read, and only those', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'oci-unpack-')), 'layout')
    const tar = await tarOf([
      [blob(other), other],
      [blob(layer), layer],
      ['index.json', Buffer.from('{}')]
    ])
    const { layout, compressed } = await unpackLayout(Readable.from([tar]), dir, {
      layers: new Set([digestOf(layer)]),
      compression: 'gzip'
    })
    expect([...compressed.keys()]).toEqual([digestOf(layer)])
    const d = compressed.get(digestOf(layer))!
    const bytes = readFileSync(layout.blobPath(d.digest))
    expect([digestOf(bytes), bytes.length, d.mediaType]).toEqual([
      d.digest,
      d.size,
      'application/vnd.oci.image.layer.v1.tar+gzip'
    ])
    expect(gunzipSync(bytes).equals(layer)).toBe(true)
    // The uncompressed layer stays for the scan; no temporary file is left.
    expect(readFileSync(layout.blobPath(digestOf(layer))).equals(layer)).toBe(true)
    expect(readdirSync(join(dir, 'blobs', 'sha256')).filter(f => f.endsWith('.tmp'))).toEqual([])
  })

  it('compresses layers that arrive in pieces', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'oci-unpack-')), 'layout')
    const big = Buffer.from(Array.from({ length: 40_000 }, (_, i) => `line ${i}\n`).join(''))
    const tar = await tarOf([
      [blob(big), big],
      [blob(layer), layer]
    ])
    async function* slowly(): AsyncGenerator<Buffer> {
      for (let at = 0; at < tar.length; at += 4096) {
        await new Promise(resolve => setTimeout(resolve, 1))
        yield tar.subarray(at, at + 4096)
      }
    }
    const { layout, compressed } = await unpackLayout(Readable.from(slowly()), dir, {
      layers: new Set([digestOf(big), digestOf(layer)]),
      compression: 'gzip'
    })
    for (const b of [big, layer]) {
      const d = compressed.get(digestOf(b))!
      expect(gunzipSync(readFileSync(layout.blobPath(d.digest))).equals(b)).toBe(true)
    }
  })

  it('fails where the tar ends inside a layer', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'oci-unpack-')), 'layout')
    const tar = await tarOf([[blob(layer), layer]])
    await expect(
      unpackLayout(Readable.from([tar.subarray(0, 60_000)]), dir, {
        layers: new Set([digestOf(layer)]),
        compression: 'gzip'
      })
    ).rejects.toThrow(/reading the saved image failed/)
  })
})
