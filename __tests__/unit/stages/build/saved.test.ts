import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { gunzipSync } from 'node:zlib'
import { join } from 'node:path'
import { BlobPool } from '../../../../src/infra/blob-pool.js'
import type { Reporter } from '../../../../src/reporter.js'
import { goLabels, goString, relabelConfig, savedImage } from '../../../../src/stages/build/saved.js'
import { quiet } from '../../../support/quiet-reporter.js'

const digestOf = (s: string): string => `sha256:${createHash('sha256').update(s).digest('hex')}`

// An image config as the classic store keeps it (Go's encoding/json: no spaces, <>& escaped).
const engineConfig = (labels: string): string =>
  `{"architecture":"amd64","config":{"Env":["PATH=/bin"],"Cmd":["/bin/sh"],"Labels":${labels}},` +
  `"created":"2026-12-03T13:04:29.974717261Z","history":[{"created":"2026-12-03T13:04:29.955129552Z",` +
  `"created_by":"RUN /bin/sh -c echo hi \\u003e /x # buildkit","comment":"buildkit.dockerfile.v0"}],` +
  `"os":"linux","rootfs":{"type":"layers","diff_ids":["sha256:${'a'.repeat(64)}"]}}`

describe('the engine config written again with new labels', () => {
  it.each([
    ['plain text', 'v1.2.3', '"v1.2.3"'],
    ['HTML characters', 'a<b>&c', '"a\\u003cb\\u003e\\u0026c"'],
    ['quotes and backslashes', 'say "hi" \\o/', '"say \\"hi\\" \\\\o/"'],
    ['control characters', 'l1\nl2\r\tx\u0001', '"l1\\nl2\\r\\tx\\u0001"'],
    ['line separators', 'a\u2028b\u2029', '"a\\u2028b\\u2029"'],
    ['non-ASCII as it is', 'é 🔭', '"é 🔭"'],
    ['a lone surrogate as U+FFFD', 'x\ud800', '"x\\ufffd"']
  ])('writes %s as Go does', (_what, value, json) => {
    expect(goString(value)).toBe(json)
  })

  it('writes backspace and form feed short, as Go 1.22 and later do, when asked', () => {
    expect(goString('a\bb\fc\u0001')).toBe('"a\\u0008b\\u000cc\\u0001"')
    expect(goString('a\bb\fc\u0001', true)).toBe('"a\\bb\\fc\\u0001"')
  })

  it('orders the keys by their bytes, as Go sorts a map', () => {
    // UTF-16 order puts U+1F52D (a surrogate pair) before U+FF5E; their UTF-8 bytes, the other way.
    expect(goLabels({ b: '2', '\uff5e': 'w', a: '1', '\u{1f52d}': 't', B: '0' })).toBe(
      '{"B":"0","a":"1","b":"2","\uff5e":"w","\u{1f52d}":"t"}'
    )
    expect(goLabels({})).toBe('{}')
  })

  it('replaces the one Labels object and keeps every other byte', () => {
    const before = engineConfig(
      '{"org.opencontainers.image.created":"2026-12-01T00:00:01Z","x\\u003c":"{\\"}"}'
    )
    const after = relabelConfig(before, {
      'x<': '{"}',
      'org.opencontainers.image.created': '2026-12-02T00:00:02Z'
    })
    expect(after).toBe(
      engineConfig('{"org.opencontainers.image.created":"2026-12-02T00:00:02Z","x\\u003c":"{\\"}"}')
    )
    // The same labels give the same bytes, so the same digest: what the image ID is checked against.
    expect(
      digestOf(
        relabelConfig(before, { 'org.opencontainers.image.created': '2026-12-01T00:00:01Z', 'x<': '{"}' })!
      )
    ).toBe(digestOf(before))
  })

  it('gives nothing where the config has no Labels or several', () => {
    expect(relabelConfig('{"config":{"Env":[]},"os":"linux"}', { a: '1' })).toBeUndefined()
    expect(
      relabelConfig('{"config":{"Labels":{"a":"1"}},"container_config":{"Labels":{"a":"1"}}}', { a: '2' })
    ).toBeUndefined()
    expect(relabelConfig('{"config":{"Labels":{"a":"1"', { a: '2' })).toBeUndefined()
  })
})

/**
 * A stand-in `docker` on PATH: `save` writes the tar of a layout made here, `image inspect` what
 * the engine would say of it; every call is logged.
 */
function fakeEngine(root: string, labels: Record<string, string>, savedLabels = labels, go122 = false) {
  const layer = Buffer.from('a layer tar, as docker save writes it')
  const diffId = digestOf(layer.toString())
  const config = (l: Record<string, string>): string =>
    `{"architecture":"amd64","config":{"Env":["PATH=/bin"],"Labels":${goLabels(l, go122)}},"os":"linux","rootfs":{"type":"layers","diff_ids":["${diffId}"]}}`
  const saved = config(savedLabels)
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: {
      mediaType: 'application/vnd.oci.image.config.v1+json',
      digest: digestOf(saved),
      size: saved.length
    },
    layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: diffId, size: layer.length }]
  })
  const dir = join(root, 'engine-layout')
  mkdirSync(join(dir, 'blobs', 'sha256'), { recursive: true })
  for (const [bytes, d] of [
    [layer, diffId],
    [saved, digestOf(saved)],
    [manifest, digestOf(manifest)]
  ] as const)
    writeFileSync(join(dir, 'blobs', 'sha256', d.slice(7)), bytes)
  writeFileSync(join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}')
  writeFileSync(
    join(dir, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      manifests: [
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest: digestOf(manifest),
          size: manifest.length
        }
      ]
    })
  )
  execFileSync('tar', ['-c', '-f', join(root, 'image.tar'), '-C', dir, '.'])
  const id = digestOf(config(labels))
  writeFileSync(
    join(root, 'inspect.json'),
    JSON.stringify({ Id: id, RootFS: { Layers: [diffId] }, Config: { Labels: labels } })
  )
  const bin = join(root, 'bin')
  mkdirSync(bin, { recursive: true })
  writeFileSync(
    join(bin, 'docker'),
    `#!/bin/sh\necho "$1" >> "${join(root, 'calls')}"\ncase "$1" in save) cat "${join(root, 'image.tar')}";; image) cat "${join(root, 'inspect.json')}";; esac\n`,
    { mode: 0o755 }
  )
  const calls = (): string[] =>
    existsSync(join(root, 'calls')) ? readFileSync(join(root, 'calls'), 'utf8').trim().split('\n') : []
  return { id, diffId, env: { ...process.env, PATH: `${bin}:${process.env.PATH}` }, calls }
}

describe('the engine image as a layout (the classic store)', () => {
  let root: string
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'oci-saved-'))
  })
  const infos = (): { reporter: Reporter; said: string[] } => {
    const said: string[] = []
    const note = (m: string): void => void said.push(m)
    return { reporter: { ...quiet, info: note, warning: note }, said }
  }

  it('saves the image, then takes an image that differs by its labels from the pool, to the byte', async () => {
    const pool = new BlobPool(join(root, 'pool'))
    const first = fakeEngine(join(root, 'one'), { created: '1' })
    const { layout: one } = await savedImage(first.id, join(root, 'run1'), first.env, quiet, { pool })
    expect(first.calls()).toEqual(['image', 'save'])
    expect(one.images()[0]!.configDigest).toBe(first.id)
    // The engine now holds a rebuild with a new created label: same layer, new config.
    const second = fakeEngine(join(root, 'two'), { created: '2 <&>' }, { created: '1' })
    const { reporter, said } = infos()
    const { layout: two } = await savedImage(second.id, join(root, 'run2'), second.env, reporter, { pool })
    expect(second.calls()).toEqual(['image'])
    expect(said.join('\n')).toMatch(
      /by its labels only: its layers were taken from that save, not saved again/
    )
    const image = two.images()[0]!
    expect(image.configDigest).toBe(second.id)
    expect(two.readBlob(second.id).toString()).toContain('"Labels":{"created":"2 \\u003c\\u0026\\u003e"}')
    expect(image.layers.map(l => l.digest)).toEqual([second.diffId])
    expect(two.readBlob(second.diffId).toString()).toBe('a layer tar, as docker save writes it')
  })

  it('takes the layers where the engine writes \\b as Go 1.22 and later do', async () => {
    const pool = new BlobPool(join(root, 'pool'))
    const first = fakeEngine(join(root, 'one'), { created: '1\b' }, undefined, true)
    await savedImage(first.id, join(root, 'run1'), first.env, quiet, { pool })
    const second = fakeEngine(join(root, 'two'), { created: '2\f' }, { created: '1\b' }, true)
    const { layout } = await savedImage(second.id, join(root, 'run2'), second.env, quiet, { pool })
    expect(second.calls()).toEqual(['image'])
    expect(layout.readBlob(second.id).toString()).toContain('"Labels":{"created":"2\\f"}')
  })

  it('saves again where the rebuilt config is not the image (another change than its labels)', async () => {
    const pool = new BlobPool(join(root, 'pool'))
    const first = fakeEngine(join(root, 'one'), { created: '1' })
    await savedImage(first.id, join(root, 'run1'), first.env, quiet, { pool })
    const second = fakeEngine(join(root, 'two'), { created: '2' }, { created: '1' })
    writeFileSync(
      join(root, 'two', 'inspect.json'),
      JSON.stringify({
        Id: digestOf('an ENV changed'),
        RootFS: { Layers: [second.diffId] },
        Config: { Labels: { created: '2' } }
      })
    )
    await savedImage(second.id, join(root, 'run2'), second.env, quiet, { pool })
    expect(second.calls()).toEqual(['image', 'save'])
  })

  it('does not keep a save the pool has no room for', async () => {
    const pool = Object.assign(new BlobPool(join(root, 'pool')), { fits: () => false })
    const first = fakeEngine(join(root, 'one'), { created: '1' })
    await savedImage(first.id, join(root, 'run1'), first.env, quiet, { pool })
    const second = fakeEngine(join(root, 'two'), { created: '2' }, { created: '1' })
    await savedImage(second.id, join(root, 'run2'), second.env, quiet, { pool })
    expect(second.calls()).toEqual(['image', 'save'])
    expect(existsSync(join(root, 'pool', first.diffId.slice(7)))).toBe(false)
  })

  it('saves again, naming it, where a kept layer is not what its name says', async () => {
    const pool = new BlobPool(join(root, 'pool'))
    const first = fakeEngine(join(root, 'one'), { created: '1' })
    await savedImage(first.id, join(root, 'run1'), first.env, quiet, { pool })
    writeFileSync(join(root, 'pool', first.diffId.slice(7)), 'other bytes')
    const second = fakeEngine(join(root, 'two'), { created: '2' }, { created: '1' })
    const { reporter, said } = infos()
    const { layout: two } = await savedImage(second.id, join(root, 'run2'), second.env, reporter, { pool })
    expect(second.calls()).toEqual(['image', 'save'])
    expect(said).toContain(
      `1 blobs kept from earlier builds did not match their digests (${first.diffId}): removed, and the image saved again`
    )
    expect(two.readBlob(first.diffId).toString()).toBe('a layer tar, as docker save writes it')
  })
})

describe('the engine image saved for a push', () => {
  let root: string
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'oci-saved-'))
  })

  it('compresses the layers while it saves them', async () => {
    const engine = fakeEngine(join(root, 'one'), { created: '1' })
    const saved = await savedImage(engine.id, join(root, 'run'), engine.env, quiet, { compression: 'gzip' })
    expect(engine.calls()).toEqual(['image', 'save'])
    const layer = saved.compressed.get(engine.diffId)!
    expect(layer.mediaType).toBe('application/vnd.oci.image.layer.v1.tar+gzip')
    const blob = readFileSync(saved.layout.blobPath(layer.digest))
    expect([`sha256:${createHash('sha256').update(blob).digest('hex')}`, blob.length]).toEqual([
      layer.digest,
      layer.size
    ])
    expect(gunzipSync(blob).toString()).toBe('a layer tar, as docker save writes it')
    // The layout the scan reads keeps the layer as the engine saved it.
    expect(saved.layout.images()[0]!.layers.map(l => l.digest)).toEqual([engine.diffId])
  })

  it('neither asks the engine nor compresses where nothing is pooled or pushed', async () => {
    const engine = fakeEngine(join(root, 'one'), { created: '1' })
    const saved = await savedImage(engine.id, join(root, 'run'), engine.env, quiet)
    expect(engine.calls()).toEqual(['save'])
    expect(saved.compressed.size).toBe(0)
    expect(saved.layout.images()[0]!.configDigest).toBe(engine.id)
  })

  it.each([
    [
      'fails, naming docker save, where the save fails',
      'echo "no such image" >&2; exit 1',
      /docker save failed/
    ],
    ['stops the save where its output is no tar', 'yes not-a-tar', /reading the saved image failed/],
    ['fails where the save ends mid-way', 'head -c 1600 "$TAR"', /reading the saved image failed/],
    [
      'names docker save where it fails mid-way',
      'head -c 1600 "$TAR"; echo "Error response from daemon: gone" >&2; exit 1',
      /docker save failed/
    ]
  ])('%s', async (_what, script, error) => {
    const engine = fakeEngine(join(root, 'one'), { created: '1' })
    writeFileSync(
      join(root, 'one', 'bin', 'docker'),
      `#!/bin/sh\nTAR="${join(root, 'one', 'image.tar')}"\n${script}\n`,
      {
        mode: 0o755
      }
    )
    await expect(savedImage(engine.id, join(root, 'run'), engine.env, quiet)).rejects.toThrow(error)
  })
})
