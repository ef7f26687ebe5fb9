import { createHash } from 'node:crypto'

/** Reads the test registry over its HTTP API, independently of the code under test. */
export class RegistryClient {
  constructor(
    private readonly host: string,
    private readonly username: string,
    private readonly password: string
  ) {}

  private bearer = new Map<string, string>()

  /** A GET with Basic credentials, or with the Bearer token a token registry's challenge asks for. */
  private async get(path: string, accept?: string): Promise<Response> {
    const basic = `Basic ${Buffer.from(`${this.username}:${this.password}`).toString('base64')}`
    const repo = path.replace(/\/(manifests|blobs|tags)\/.*$/, '')
    const headers: Record<string, string> = { Authorization: this.bearer.get(repo) ?? basic }
    if (accept) headers.Accept = accept
    const res = await fetch(`http://${this.host}/v2/${path}`, { headers })
    const challenge = res.headers.get('www-authenticate') ?? ''
    if (res.status !== 401 || !/^Bearer /i.test(challenge) || this.bearer.has(repo)) return res
    const params = Object.fromEntries([...challenge.matchAll(/(\w+)="([^"]*)"/g)].map(m => [m[1], m[2]]))
    const url = new URL(params.realm ?? '')
    url.searchParams.set('service', params.service ?? '')
    url.searchParams.set('scope', `repository:${repo}:pull`)
    const token = (await (await fetch(url, { headers: { Authorization: basic } })).json()) as {
      token: string
    }
    this.bearer.set(repo, `Bearer ${token.token}`)
    return this.get(path, accept)
  }

  /** The manifest a tag points at, its digest computed from the bytes, or undefined if absent. */
  async manifest(repo: string, ref: string): Promise<{ digest: string; json: ManifestJson } | undefined> {
    const res = await this.get(
      `${repo}/manifests/${ref}`,
      [
        'application/vnd.oci.image.index.v1+json',
        'application/vnd.oci.image.manifest.v1+json',
        'application/vnd.docker.distribution.manifest.v2+json',
        'application/vnd.docker.distribution.manifest.list.v2+json'
      ].join(', ')
    )
    if (res.status === 404) return undefined
    if (!res.ok) throw new Error(`GET manifest ${repo}:${ref}: ${res.status}`)
    const raw = Buffer.from(await res.arrayBuffer())
    return {
      digest: `sha256:${createHash('sha256').update(raw).digest('hex')}`,
      json: JSON.parse(raw.toString('utf8'))
    }
  }

  /**
   * The image config (labels, user, …) of a manifest, or of an index's first image (a BuildKit
   * builder pushes an index holding the image and its attestations).
   */
  async config(repo: string, ref: string): Promise<ImageConfig> {
    let m = await this.manifest(repo, ref)
    const image = m?.json.manifests?.find(
      d => d.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest'
    )
    if (image) m = await this.manifest(repo, image.digest)
    if (!m?.json.config) throw new Error(`${repo}:${ref} has no config`)
    const res = await this.get(`${repo}/blobs/${m.json.config.digest}`)
    if (!res.ok) throw new Error(`GET config ${repo}: ${res.status}`)
    return { digest: m.json.config.digest, ...(JSON.parse(await res.text()) as Omit<ImageConfig, 'digest'>) }
  }

  /** Whether the repository serves the blob `digest`. */
  async hasBlob(repo: string, digest: string): Promise<boolean> {
    const res = await this.get(`${repo}/blobs/${digest}`)
    if (res.status !== 404 && !res.ok) throw new Error(`GET blob ${repo}@${digest}: ${res.status}`)
    await res.arrayBuffer()
    return res.ok
  }

  /** The bytes of the blob `digest`, checked against it. */
  async blob(repo: string, digest: string): Promise<Buffer> {
    const res = await this.get(`${repo}/blobs/${digest}`)
    if (!res.ok) throw new Error(`GET blob ${repo}@${digest}: ${res.status}`)
    const bytes = Buffer.from(await res.arrayBuffer())
    if (`sha256:${createHash('sha256').update(bytes).digest('hex')}` !== digest)
      throw new Error(`blob ${repo}@${digest}: bytes of another digest`)
    return bytes
  }

  async tags(repo: string): Promise<string[]> {
    const res = await this.get(`${repo}/tags/list`)
    if (res.status === 404) return []
    if (!res.ok) throw new Error(`GET tags ${repo}: ${res.status}`)
    return (((await res.json()) as { tags?: string[] | null }).tags ?? []).sort()
  }
}

export interface ManifestJson {
  mediaType?: string
  config?: { digest: string }
  layers?: Array<{ digest: string; mediaType?: string }>
  manifests?: Array<{
    digest: string
    platform?: { os: string; architecture: string }
    annotations?: Record<string, string>
  }>
}

export interface ImageConfig {
  digest: string
  config?: { Labels?: Record<string, string>; User?: string }
  architecture?: string
  rootfs?: { diff_ids?: string[] }
}
