import { existsSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { StepError } from '../../errors.js'
import { blobsOf, type BlobPool } from '../../infra/blob-pool.js'
import { MEDIA, OciLayout, sha256 } from '../../infra/oci-layout.js'
import { run, tail } from '../../infra/process.js'
import { unpackLayout, type Unpacked } from '../../infra/unpack.js'
import type { Reporter } from '../../reporter.js'
import type { Compression } from '../../infra/compress.js'

/**
 * Saves an image of the engine's store as an OCI layout in `dir` (Docker 25+ saves one): `docker
 * save` streamed into the layout, so the image is written to disk once; the layers in `compress`
 * are compressed on the way (unpackLayout).
 */
export async function saveImage(
  imageId: string,
  dir: string,
  env: NodeJS.ProcessEnv,
  compress?: Parameters<typeof unpackLayout>[2]
): Promise<Unpacked> {
  const stream = new PassThrough()
  // A failed unpacking stops the save, whose output would otherwise wait for a reader forever.
  const stop = new AbortController()
  const unpacking = unpackLayout(stream, join(dir, 'layout'), compress).catch((e: unknown) => {
    stop.abort()
    // Read to its end: a child's output left waiting for a reader never closes.
    stream.unpipe()
    stream.resume()
    return e instanceof Error ? e : new Error(String(e))
  })
  const save = await run('docker', ['save', imageId], {
    env,
    allowFailure: true,
    stdoutTo: stream,
    signal: stop.signal
  })
  const unpacked = await unpacking
  // A save that failed on its own says why; one stopped here (the unpacking failed) says nothing.
  if (save.code !== 0 && (!stop.signal.aborted || save.stderr.trim()))
    throw new StepError('docker save failed', tail(save.stderr, 5))
  if (unpacked instanceof Error) throw unpacked
  if (!existsSync(join(unpacked.layout.dir, 'index.json')))
    throw new StepError('docker save wrote no OCI layout: Docker Engine 25 or newer is needed')
  return unpacked
}

/** What `docker image inspect` tells of an image of the engine's store. */
export interface EngineImage {
  id: string
  diffIds: string[]
  labels: Record<string, string>
}

export async function inspectEngineImage(
  imageId: string,
  env: NodeJS.ProcessEnv
): Promise<EngineImage | undefined> {
  const res = await run('docker', ['image', 'inspect', '--format', '{{json .}}', imageId], {
    env,
    allowFailure: true
  })
  if (res.code !== 0) return undefined
  try {
    const json = JSON.parse(res.stdout) as {
      Id?: string
      RootFS?: { Layers?: string[] }
      Config?: { Labels?: Record<string, string> | null }
    }
    if (!json.Id || !json.RootFS?.Layers?.length) return undefined
    return { id: json.Id, diffIds: json.RootFS.Layers, labels: json.Config?.Labels ?? {} }
  } catch {
    return undefined
  }
}

const GO_ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' }

/**
 * A string as Go's encoding/json writes it, which is how the engine's image configs are written:
 * quotes, backslashes and control characters escaped, and also <, >, & and the line separators.
 * Go 1.22 and later (`go122`) write backspace and form feed as `\b` and `\f`.
 */
export function goString(s: string, go122 = false): string {
  let out = '"'
  for (const ch of s) {
    const c = ch.codePointAt(0) as number
    if (GO_ESCAPES[ch]) out += GO_ESCAPES[ch]
    else if (go122 && (ch === '\b' || ch === '\f')) out += ch === '\b' ? '\\b' : '\\f'
    else if (c < 0x20 || ch === '<' || ch === '>' || ch === '&' || c === 0x2028 || c === 0x2029)
      out += `\\u${c.toString(16).padStart(4, '0')}`
    else if (c >= 0xd800 && c <= 0xdfff) out += '\\ufffd'
    else out += ch
  }
  return `${out}"`
}

/** A labels map as Go writes it: its keys in byte order. */
export function goLabels(labels: Record<string, string>, go122 = false): string {
  const keys = Object.keys(labels).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
  return `{${keys.map(k => `${goString(k, go122)}:${goString(labels[k] as string, go122)}`).join(',')}}`
}

/** Where the JSON object starting at `start` of `text` ends (the index after its `}`). */
function objectEnd(text: string, start: number): number | undefined {
  if (text[start] !== '{') return undefined
  let depth = 0
  for (let i = start; i < text.length; i++) {
    const ch = text[i]
    if (ch === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++
    } else if (ch === '{') depth++
    else if (ch === '}' && --depth === 0) return i + 1
  }
  return undefined
}

/**
 * The image config `config` (its bytes as the engine wrote them) with its one Labels object
 * replaced by `labels`; undefined when it has none or several (an old builder's container_config).
 */
export function relabelConfig(
  config: string,
  labels: Record<string, string>,
  go122 = false
): string | undefined {
  const key = '"Labels":'
  const at = config.indexOf(key)
  if (at < 0 || config.includes(key, at + 1)) return undefined
  const end = objectEnd(config, at + key.length)
  return end === undefined
    ? undefined
    : config.slice(0, at + key.length) + goLabels(labels, go122) + config.slice(end)
}

const savedKey = (diffIds: readonly string[]): string => `docker save\n${diffIds.join('\n')}`

/**
 * The engine's image `imageId` as the layout an earlier `docker save` (kept in the pool) gave for
 * the same layers, where the image differs from it by its labels only (a new created label, a new
 * commit that changed no layer): the earlier config with the engine's labels, taken only if its digest is
 * the image ID (the classic store's name for those exact bytes); the layers from the pool, checked
 * as every pooled blob is. Undefined when there is no such save; the digests of altered blobs.
 */
async function savedBefore(
  engine: EngineImage,
  dir: string,
  pool: BlobPool
): Promise<OciLayout | string[] | undefined> {
  const manifestDigest = pool.noted(savedKey(engine.diffIds))
  if (!manifestDigest) return undefined
  const layoutDir = join(dir, 'layout')
  const layout = new OciLayout(layoutDir)
  const fresh = (): undefined => void rmSync(layoutDir, { recursive: true, force: true })
  try {
    if (!pool.take(layoutDir, [manifestDigest])) return fresh()
    const manifest = layout.readJson(manifestDigest)
    const layers = (manifest.layers ?? []).map(l => l.digest)
    if (!manifest.config || layers.join('\n') !== engine.diffIds.join('\n')) return fresh()
    const taken = pool.take(layoutDir, [manifest.config.digest, ...layers])
    if (!taken) return fresh()
    const kept = layout.readBlob(manifest.config.digest).toString('utf8')
    // The engine's Go release is not known: both ways of writing \b and \f are tried.
    const config = [false, true]
      .map(go122 => relabelConfig(kept, engine.labels, go122))
      .find(c => c !== undefined && sha256(c) === engine.id)
    if (config === undefined) return fresh()
    writeFileSync(layout.blobPath(engine.id), config)
    const bytes = JSON.stringify({
      ...manifest,
      config: { ...manifest.config, digest: engine.id, size: Buffer.byteLength(config) }
    })
    const root = { mediaType: MEDIA.ociManifest, digest: sha256(bytes), size: Buffer.byteLength(bytes) }
    writeFileSync(layout.blobPath(root.digest), bytes)
    writeFileSync(join(layoutDir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}')
    writeFileSync(
      join(layoutDir, 'index.json'),
      JSON.stringify({ schemaVersion: 2, mediaType: MEDIA.ociIndex, manifests: [root] })
    )
    const checked = await pool.absorb(layout, taken)
    if (checked.bad.length) {
      fresh()
      return checked.bad
    }
    pool.note(savedKey(engine.diffIds), root.digest)
    return layout
  } catch {
    return fresh()
  }
}

/**
 * The engine's image `imageId` as an OCI layout in `dir`: saved from the engine, unless an earlier
 * save kept in the pool had the same layers (savedBefore). `docker save` cannot skip the layers a
 * registry or a scanner has already, so a rebuild that changed only labels would re-tar them all
 * (7.5 s for the bench's 500 MB image); each save's blobs are pooled for the next build.
 */
export async function savedImage(
  imageId: string,
  dir: string,
  env: NodeJS.ProcessEnv,
  reporter: Reporter,
  opts: { pool?: BlobPool; compression?: Compression } = {}
): Promise<Unpacked> {
  const { pool, compression } = opts
  const engine = pool || compression ? await inspectEngineImage(imageId, env) : undefined
  const again = pool && engine && (await savedBefore(engine, dir, pool))
  if (again instanceof OciLayout) {
    reporter.info(
      'the image differs from one saved before by its labels only: its layers were taken from that save, not saved again'
    )
    return { layout: again, compressed: new Map() }
  }
  if (again)
    reporter.warning(
      `${again.length} blobs kept from earlier builds did not match their digests (${again.join(', ')}): removed, and the image saved again`
    )
  const saved = await saveImage(
    imageId,
    dir,
    env,
    compression && engine ? { layers: new Set(engine.diffIds), compression } : undefined
  )
  const { layout } = saved
  const image = layout.images()[0]
  // Kept only within the pool's size: the saved layers are the image uncompressed, and would
  // otherwise stay on the runner's disk until the job ends.
  if (pool && image && pool.fits(blobsOf(layout).reduce((n, d) => n + layout.size(d), 0))) {
    await pool.absorb(layout, new Set())
    pool.note(savedKey(image.layers.map(l => l.digest)), image.manifest.digest)
  }
  return saved
}
