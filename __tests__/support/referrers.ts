import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

const sha256 = (b: Buffer): string => `sha256:${createHash('sha256').update(b).digest('hex')}`
const INDEX = 'application/vnd.oci.image.index.v1+json'
const MANIFEST = 'application/vnd.oci.image.manifest.v1+json'

/**
 * Reads and writes what is attached to images in a test registry over its HTTP API, independently
 * of the code under test: referrers, their manifests and the Sigstore bundles they hold.
 */
export class ReferrersClient {
  constructor(
    private readonly host: string,
    private readonly auth?: { username: string; password: string }
  ) {}

  private async call(
    method: string,
    path: string,
    init: { accept?: string; type?: string; body?: Buffer } = {}
  ) {
    const headers: Record<string, string> = {}
    if (this.auth)
      headers.Authorization = `Basic ${Buffer.from(`${this.auth.username}:${this.auth.password}`).toString('base64')}`
    if (init.accept) headers.Accept = init.accept
    if (init.type) headers['Content-Type'] = init.type
    const url = path.startsWith('http') ? path : `http://${this.host}/v2/${path}`
    return fetch(url, { method, headers, ...(init.body ? { body: new Uint8Array(init.body) } : {}) })
  }

  /** The referrers API's answer: undefined when the registry has no such API (404). */
  async referrersApi(repo: string, digest: string): Promise<Json[] | undefined> {
    const res = await this.call('GET', `${repo}/referrers/${digest}`, { accept: INDEX })
    if (res.status === 404) return undefined
    if (!res.ok) throw new Error(`GET referrers ${repo}@${digest}: ${res.status}`)
    return ((await res.json()) as Json).manifests ?? []
  }

  /** A manifest's bytes and JSON, or undefined when absent. */
  async manifest(
    repo: string,
    ref: string
  ): Promise<{ bytes: Buffer; json: Json; type: string } | undefined> {
    const res = await this.call('GET', `${repo}/manifests/${ref}`, { accept: `${INDEX}, ${MANIFEST}` })
    if (res.status === 404) return undefined
    if (!res.ok) throw new Error(`GET manifest ${repo}:${ref}: ${res.status}`)
    const bytes = Buffer.from(await res.arrayBuffer())
    return {
      bytes,
      json: JSON.parse(bytes.toString('utf8')) as Json,
      type: res.headers.get('content-type') ?? ''
    }
  }

  async blob(repo: string, digest: string): Promise<Buffer> {
    const res = await this.call('GET', `${repo}/blobs/${digest}`)
    if (!res.ok) throw new Error(`GET blob ${repo}@${digest}: ${res.status}`)
    return Buffer.from(await res.arrayBuffer())
  }

  async putBlob(repo: string, bytes: Buffer): Promise<string> {
    const digest = sha256(bytes)
    const start = await this.call('POST', `${repo}/blobs/uploads/`)
    if (start.status !== 202) throw new Error(`POST upload ${repo}: ${start.status}`)
    const location = new URL(start.headers.get('location') ?? '', `http://${this.host}`)
    location.searchParams.set('digest', digest)
    const put = await this.call('PUT', location.toString(), { type: 'application/octet-stream', body: bytes })
    if (put.status !== 201) throw new Error(`PUT blob ${repo}: ${put.status} ${await put.text()}`)
    return digest
  }

  async putManifest(repo: string, json: Json, ref?: string): Promise<string> {
    const bytes = Buffer.from(JSON.stringify(json))
    const digest = sha256(bytes)
    const res = await this.call('PUT', `${repo}/manifests/${ref ?? digest}`, {
      type: json.mediaType ?? MANIFEST,
      body: bytes
    })
    if (res.status !== 201) throw new Error(`PUT manifest ${repo}: ${res.status} ${await res.text()}`)
    return digest
  }

  /**
   * Copies a referrer (a Sigstore bundle artifact) to another repository, about `subject`, its
   * bundle changed by `edit` first: how a tampered or misplaced signature is made.
   */
  async copyReferrer(
    from: string,
    to: string,
    referrer: string,
    subject: { mediaType: string; digest: string; size: number },
    edit: (bundle: Json) => Json = b => b
  ): Promise<string> {
    const m = (await this.manifest(from, referrer))?.json
    if (!m) throw new Error(`${from}@${referrer} is missing`)
    await this.putBlob(to, await this.blob(from, m.config.digest))
    const layers: Json[] = []
    for (const layer of m.layers as Json[]) {
      const bundle = edit(JSON.parse((await this.blob(from, layer.digest)).toString('utf8')) as Json)
      const bytes = Buffer.from(JSON.stringify(bundle))
      layers.push({ ...layer, digest: await this.putBlob(to, bytes), size: bytes.length })
    }
    return this.putManifest(to, { ...m, layers, subject })
  }
}

/** A Sigstore bundle's DSSE statement, decoded, and the bundle with a statement put back. */
export const bundleStatement = (bundle: Json): Json =>
  JSON.parse(Buffer.from(bundle.dsseEnvelope.payload as string, 'base64').toString('utf8')) as Json
export const withStatement = (bundle: Json, statement: Json): Json => ({
  ...bundle,
  dsseEnvelope: { ...bundle.dsseEnvelope, payload: Buffer.from(JSON.stringify(statement)).toString('base64') }
})

/** A docker config folder holding the test registries' credentials, for the test's own cosign and docker calls. */
export function registryAuthConfig(
  dir: string,
  hosts: readonly string[],
  auth: { username: string; password: string }
): string {
  mkdirSync(dir, { recursive: true })
  const value = Buffer.from(`${auth.username}:${auth.password}`).toString('base64')
  const auths = Object.fromEntries(hosts.map(h => [h, { auth: value }]))
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ auths }, null, 2))
  return dir
}
