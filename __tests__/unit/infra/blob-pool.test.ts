import { createHash } from 'node:crypto'
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BlobPool, blobsOf, limitFor } from '../../../src/infra/blob-pool.js'
import { OciLayout } from '../../../src/infra/oci-layout.js'

const digestOf = (b: Buffer | string): string => `sha256:${createHash('sha256').update(b).digest('hex')}`
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'

/**
 * Writes an image into `dir` as BuildKit's OCI exporter does: a blob already there is left as it
 * is (not sent again); returns the digests it wrote itself.
 */
function exportImage(dir: string, layers: string[], label: string): { written: string[]; layers: string[] } {
  mkdirSync(join(dir, 'blobs', 'sha256'), { recursive: true })
  const written: string[] = []
  const put = (bytes: string): string => {
    const d = digestOf(bytes)
    const path = join(dir, 'blobs', 'sha256', d.slice(7))
    if (!existsSync(path)) {
      writeFileSync(path, bytes)
      written.push(d)
    }
    return d
  }
  const ids = layers.map(put)
  const config = JSON.stringify({ os: 'linux', architecture: 'amd64', config: { Labels: { label } } })
  const cd = put(config)
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: cd, size: config.length },
    layers: [
      ...layers.map((l, i) => ({
        mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
        digest: ids[i],
        size: l.length
      })),
      // A foreign layer stays where its URLs say: never a blob of the layout.
      {
        mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
        digest: digestOf('foreign'),
        size: 7,
        urls: ['https://example.org/l']
      }
    ]
  })
  const md = put(manifest)
  const attestation = JSON.stringify({
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: put('{}'), size: 2 },
    layers: [{ mediaType: 'application/vnd.in-toto+json', digest: put(`provenance ${label}`), size: 1 }]
  })
  const ad = put(attestation)
  const index = JSON.stringify({
    schemaVersion: 2,
    mediaType: OCI_INDEX,
    manifests: [
      {
        mediaType: OCI_MANIFEST,
        digest: md,
        size: manifest.length,
        platform: { os: 'linux', architecture: 'amd64' }
      },
      {
        mediaType: OCI_MANIFEST,
        digest: ad,
        size: attestation.length,
        annotations: {
          'vnd.docker.reference.type': 'attestation-manifest',
          'vnd.docker.reference.digest': md
        }
      }
    ]
  })
  const root = put(index)
  writeFileSync(
    join(dir, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      manifests: [{ mediaType: OCI_INDEX, digest: root, size: index.length }]
    })
  )
  return { written, layers: ids }
}

/** A first build into an empty pool: the layout, what it wrote, all of it pooled. */
async function firstBuild(
  root: string,
  pool: BlobPool
): Promise<{ dir: string; written: string[]; layers: string[] }> {
  const dir = join(root, 'first', 'layout')
  pool.seed(dir)
  const image = exportImage(dir, ['base layer', 'app v1'], 'one')
  await pool.absorb(new OciLayout(dir), new Set())
  return { dir, ...image }
}

/** The next build, `layers` labelled `label`, into a layout the pool was linked into first. */
function nextBuild(root: string, pool: BlobPool, name: string, layers: string[], label: string) {
  const dir = join(root, name, 'layout')
  const seeded = pool.seed(dir)!
  exportImage(dir, layers, label)
  return { dir, seeded }
}

const pooled = (pool: BlobPool): string[] =>
  readdirSync(pool.dir)
    .map(h => `sha256:${h}`)
    .sort()

describe('the pool of blobs earlier builds exported', () => {
  let root: string
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'oci-pool-'))
  })

  it('is made private to its user, and not used when others can write in it', () => {
    const pool = new BlobPool(join(root, 'pool'))
    expect(pool.seed(join(root, 'a'))).toEqual(new Set())
    expect(statSync(join(root, 'pool')).mode & 0o777).toBe(0o700)
    writeFileSync(join(root, 'pool', digestOf('x').slice(7)), 'x')
    expect(pool.seed(join(root, 'b'))).toEqual(new Set([digestOf('x')]))
    chmodSync(join(root, 'pool'), 0o777)
    expect(pool.seed(join(root, 'c'))).toBeUndefined()
    expect(readdirSync(join(root, 'c', 'blobs', 'sha256'))).toEqual([])
  })

  it('knows every blob an index reaches: manifests, configs, layers, attestations, not foreign layers', () => {
    const dir = join(root, 'a')
    const { written } = exportImage(dir, ['base', 'app'], 'one')
    expect(blobsOf(new OciLayout(dir)).sort()).toEqual([...written].sort())
    expect(blobsOf(new OciLayout(dir))).not.toContain(digestOf('foreign'))
  })

  it('gives a rebuild the layers it exported before, hashed again, so only what changed is exported', async () => {
    const pool = new BlobPool(join(root, 'pool'))
    const first = join(root, 'first', 'layout')
    expect(pool.seed(first)?.size).toBe(0)
    const one = exportImage(first, ['base layer', 'app v1'], 'one')
    expect(await pool.absorb(new OciLayout(first), new Set())).toEqual({ reused: 0, bad: [], hashed: 0 })
    expect(pooled(pool)).toEqual([...one.written].sort())

    const second = join(root, 'second', 'layout')
    const seeded = pool.seed(second)!
    const two = exportImage(second, ['base layer', 'app v2'], 'two')
    // The base layer (and the attestation's empty config) were there: not written again.
    expect(two.written).not.toContain(one.layers[0])
    expect(two.written).toContain(two.layers[1])
    const taken = await pool.absorb(new OciLayout(second), seeded)
    expect(taken).toEqual({ reused: 2, bad: [], hashed: 2 })
    expect(pooled(pool)).toEqual(expect.arrayContaining([...one.written, ...two.written]))
    expect(new OciLayout(second).images()[0]?.layers.map(l => l.digest)).toContain(one.layers[0])
  })

  it('where only the job writes, hashes again only the kept blobs written since they were checked', async () => {
    const rebuild = async (pool: BlobPool, name: string) => {
      const { dir, seeded } = nextBuild(root, pool, name, ['base layer', 'app v1'], 'one')
      return pool.absorb(new OciLayout(dir), seeded)
    }
    const trusting = new BlobPool(join(root, 'pool'), { trustUnchanged: true })
    const first = await rebuild(trusting, 'first')
    expect(first).toEqual({ reused: 0, bad: [], hashed: 0 })
    const used = blobsOf(new OciLayout(join(root, 'first', 'layout')))
    expect(await rebuild(trusting, 'second')).toEqual({ reused: used.length, bad: [], hashed: 0 })
    // Written since: hashed, found out, removed.
    const base = digestOf('base layer')
    writeFileSync(join(trusting.dir, base.slice(7)), 'not the base layer')
    expect(await rebuild(trusting, 'third')).toEqual({ reused: used.length - 1, bad: [base], hashed: 1 })
    // The limit of the trust: a write whose modification time is put back is not seen; a pool in
    // a folder other jobs share (trustUnchanged off) hashes every kept blob and sees it.
    const checked = statSync(join(trusting.dir, digestOf('app v1').slice(7))).mtime
    writeFileSync(join(trusting.dir, base.slice(7)), 'not the base layer')
    utimesSync(join(trusting.dir, base.slice(7)), checked, checked)
    expect((await rebuild(trusting, 'fourth')).bad).toEqual([])
    writeFileSync(join(trusting.dir, base.slice(7)), 'not the base layer')
    utimesSync(join(trusting.dir, base.slice(7)), checked, checked)
    const wary = new BlobPool(join(root, 'pool'))
    expect(await rebuild(wary, 'fifth')).toEqual({
      reused: used.length - 1,
      bad: [base],
      hashed: used.length
    })
  })

  it('removes a kept blob whose bytes are not its digest, from the pool and the layout, and names it', async () => {
    const pool = new BlobPool(join(root, 'pool'))
    const base = (await firstBuild(root, pool)).layers[0]!
    // Someone wrote other bytes under the base layer's name.
    writeFileSync(join(pool.dir, base.slice(7)), 'not the base layer')

    const { dir: second, seeded } = nextBuild(root, pool, 'second', ['base layer', 'app v2'], 'two')
    const taken = await pool.absorb(new OciLayout(second), seeded)
    expect(taken.bad).toEqual([base])
    expect(existsSync(join(pool.dir, base.slice(7)))).toBe(false)
    expect(existsSync(new OciLayout(second).blobPath(base))).toBe(false)
  })

  it('checks the file the layout holds, even when the pool’s was replaced after it was linked', async () => {
    const pool = new BlobPool(join(root, 'pool'))
    const base = (await firstBuild(root, pool)).layers[0]!
    const kept = join(pool.dir, base.slice(7))
    writeFileSync(kept, 'not the base layer')
    const { dir: second, seeded } = nextBuild(root, pool, 'second', ['base layer', 'app v2'], 'two')
    // Replaced by a new file with the right bytes once the wrong one was linked into the layout.
    unlinkSync(kept)
    writeFileSync(kept, 'base layer')
    expect((await pool.absorb(new OciLayout(second), seeded)).bad).toEqual([base])
    expect(existsSync(new OciLayout(second).blobPath(base))).toBe(false)
    expect(existsSync(kept)).toBe(true)
  })

  it('takes a kept manifest that is not what its name says for a bad blob, not for a failure', async () => {
    const pool = new BlobPool(join(root, 'pool'))
    const first = join(root, 'first', 'layout')
    pool.seed(first)
    exportImage(first, ['base layer', 'app v1'], 'one')
    await pool.absorb(new OciLayout(first), new Set())
    // The same image again: its manifests are kept ones; one of them now names blobs nobody has.
    const manifest = new OciLayout(first).images()[0]!.manifest.digest
    writeFileSync(
      join(pool.dir, manifest.slice(7)),
      JSON.stringify({ layers: [{ digest: 'sha512:00' }, { digest: digestOf('gone') }] })
    )
    const second = join(root, 'second', 'layout')
    const seeded = pool.seed(second)!
    exportImage(second, ['base layer', 'app v1'], 'one')
    expect((await pool.absorb(new OciLayout(second), seeded)).bad).toEqual([manifest])
  })

  it('keeps to its size, dropping the blobs used longest ago, never those of the build just made', async () => {
    const pool = new BlobPool(join(root, 'pool'))
    const first = join(root, 'first', 'layout')
    pool.seed(first)
    const one = exportImage(first, ['old base '.repeat(100), 'old app '.repeat(100)], 'one')
    await pool.absorb(new OciLayout(first), new Set())
    const past = new Date(Date.now() - 86_400_000)
    for (const d of one.written) utimesSync(join(pool.dir, d.slice(7)), past, past)

    const second = join(root, 'second', 'layout')
    const seeded = pool.seed(second)!
    const two = exportImage(second, ['new base', 'new app'], 'two')
    await pool.absorb(new OciLayout(second), seeded, 1)
    const used = blobsOf(new OciLayout(second))
    expect(pooled(pool)).toEqual([...used].sort())
    expect(pooled(pool)).not.toContain(one.layers[0])
    expect(two.written.length).toBeGreaterThan(0)
  })

  /** A pool holding the blobs of one exported image. */
  const poolOfOne = async () => {
    const pool = new BlobPool(join(root, 'pool'))
    const first = join(root, 'first', 'layout')
    pool.seed(first)
    const one = exportImage(first, ['base layer', 'app v1'], 'one')
    await pool.absorb(new OciLayout(first), new Set())
    return { pool, one }
  }

  it('lends the blobs asked for, only while it holds them all and only it can write there', async () => {
    const { pool, one } = await poolOfOne()
    const second = join(root, 'second', 'layout')
    expect([...pool.take(second, one.layers)!]).toEqual(one.layers)
    expect(readdirSync(join(second, 'blobs', 'sha256')).sort()).toEqual(
      one.layers.map(d => d.slice(7)).sort()
    )
    expect(statSync(join(second, 'blobs', 'sha256', one.layers[0]!.slice(7))).ino).toBe(
      statSync(join(pool.dir, one.layers[0]!.slice(7))).ino
    )
    expect(pool.take(join(root, 'third'), [...one.layers, digestOf('never pooled')])).toBeUndefined()
    expect(pool.take(join(root, 'third'), ['sha256:../../etc/passwd'])).toBeUndefined()
    chmodSync(pool.dir, 0o777)
    expect(pool.take(join(root, 'fourth'), one.layers)).toBeUndefined()
  })

  it('remembers a digest under a name while its blob is pooled', async () => {
    const { pool, one } = await poolOfOne()
    expect(pool.noted('the app')).toBeUndefined()
    pool.note('the app', one.layers[1]!)
    expect(pool.noted('the app')).toBe(one.layers[1])
    expect(pool.noted('another app')).toBeUndefined()
    unlinkSync(join(pool.dir, one.layers[1]!.slice(7)))
    expect(pool.noted('the app')).toBeUndefined()
    // The names are kept beside the blobs, never linked into a layout as one.
    expect(pooled(pool)).toContain('sha256:notes')
    expect([...pool.seed(join(root, 'second'))!].sort()).toEqual(
      pooled(pool).filter(d => d !== 'sha256:notes')
    )
  })

  it('says whether more bytes keep within its size, only where it can be used', () => {
    const pool = new BlobPool(join(root, 'pool'))
    expect(pool.fits(1024)).toBe(true)
    expect(pool.fits(limitFor(pool.dir) + 1)).toBe(false)
    expect(pool.fits(11 * 1024 ** 3)).toBe(false)
    chmodSync(pool.dir, 0o777)
    expect(pool.fits(1024)).toBe(false)
  })
})
