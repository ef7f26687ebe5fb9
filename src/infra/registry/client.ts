import { createHash } from 'node:crypto'
import { readDockerConfig } from '../docker-config.js'
import { StepError } from '../../errors.js'
import { httpFetch, lowerCaseNames, type HttpInit, type HttpResponse } from '../http.js'

/**
 * What a registry login gives: a username and password, or (a token registry that hands out
 * refresh tokens, as `docker login` then stores) an identity token traded at the realm for access.
 */
export interface Credentials {
  username: string
  password: string
  identityToken?: string
}

export const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json'
].join(', ')

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/

/** Docker's rule: loopback registries speak plain HTTP. */
const scheme = (host: string): string => (LOOPBACK.test(host.replace(/:\d+$/, '')) ? 'http' : 'https')

/** Credentials `docker login` stored in $DOCKER_CONFIG/config.json (not credential helpers). */
export function storedCredentials(host: string, env: NodeJS.ProcessEnv): Credentials | undefined {
  const entry = readDockerConfig(env)?.auths?.[host]
  if (!entry?.auth) return undefined
  const text = Buffer.from(entry.auth, 'base64').toString('utf8')
  const colon = text.indexOf(':')
  if (colon <= 0) return undefined
  const creds = { username: text.slice(0, colon), password: text.slice(colon + 1) }
  return entry.identitytoken ? { ...creds, identityToken: entry.identitytoken } : creds
}

/**
 * One registry host, answering its auth challenges (basic or token) with the given credentials.
 * Credentials go to the registry's own origin, and to a token realm only over HTTPS (or at that
 * same origin); the authorization it earns goes to the registry's origin only, never to an upload
 * `Location` or a redirect elsewhere (a storage bucket needs none, and must not get one).
 */
export class Session {
  private authorization?: string
  readonly origin: string
  constructor(
    readonly host: string,
    private readonly creds?: Credentials
  ) {
    this.origin = new URL(`${scheme(host)}://${host}`).origin
  }

  private async authenticate(challenge: string, repo: string, actions: string): Promise<void> {
    const basic = this.creds
      ? 'Basic ' + Buffer.from(`${this.creds.username}:${this.creds.password}`).toString('base64')
      : undefined
    if (/^basic/i.test(challenge)) {
      this.authorization = basic
      return
    }
    const params = Object.fromEntries([...challenge.matchAll(/(\w+)="([^"]*)"/g)].map(m => [m[1], m[2]]))
    if (!params.realm) throw new StepError(`${this.host} asks for authentication this client does not know`)
    let url: URL
    try {
      url = new URL(params.realm)
    } catch {
      throw new StepError(`${this.host} names a token realm that is not a URL: ${params.realm}`)
    }
    // Over plain HTTP only to the registry itself, or to its own loopback host (a token service on
    // another port of the machine, which Docker's loopback rule already reaches over HTTP).
    const sameLoopbackHost = LOOPBACK.test(url.hostname) && url.hostname === new URL(this.origin).hostname
    if (url.origin !== this.origin && url.protocol !== 'https:' && !sameLoopbackHost && basic)
      throw new StepError(
        `${this.host} sends its logins to ${url.origin}, another host over plain HTTP: the credentials were not sent`
      )
    if (params.service) url.searchParams.set('service', params.service)
    url.searchParams.set('scope', `repository:${repo}:${actions}`)
    const res = this.creds?.identityToken
      ? // A refresh token is traded for access as Docker trades it (OAuth2, POST to the realm).
        await httpFetch(`${url.origin}${url.pathname}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            grant_type: 'refresh_token',
            refresh_token: this.creds.identityToken,
            service: params.service ?? '',
            scope: `repository:${repo}:${actions}`,
            client_id: 'oci-pipeline'
          }).toString()
        })
      : await httpFetch(url, { headers: basic ? { Authorization: basic } : {} })
    if (!res.ok) throw new StepError(`${this.host}: no token for ${repo} (${res.status})`)
    const body = res.json() as { token?: string; access_token?: string }
    const token = body.token ?? body.access_token
    if (!token) throw new StepError(`${this.host}: the token realm answered without a token`)
    this.authorization = `Bearer ${token}`
  }

  async fetch(repo: string, actions: string, path: string, init: HttpInit = {}): Promise<HttpResponse> {
    const url = new URL(path.startsWith('http') ? path : `${this.origin}/v2/${repo}/${path}`)
    const own = url.origin === this.origin
    for (let attempt = 0; ; attempt++) {
      const headers = lowerCaseNames(init.headers)
      delete headers.authorization
      if (this.authorization && own) headers.authorization = this.authorization
      const res = await httpFetch(url, { ...init, headers })
      const challenge = res.header('www-authenticate')
      if (res.status !== 401 || !challenge || attempt > 0 || !own) return res
      await this.authenticate(challenge, repo, actions)
    }
  }
}

export interface ImageLocation {
  host: string
  repo: string
}

export const sha256 = (b: Buffer): string => `sha256:${createHash('sha256').update(b).digest('hex')}`

function check(res: HttpResponse, what: string): HttpResponse {
  if (!res.ok) throw new StepError(`${what}: ${res.status} ${res.statusText}`, res.text().slice(0, 500))
  return res
}

async function copyBlob(
  digest: string,
  src: ImageLocation & { s: Session },
  dst: ImageLocation & { s: Session }
): Promise<void> {
  if (await hasBlob(dst, digest)) return
  if (src.host === dst.host) {
    const mount = await dst.s.fetch(
      dst.repo,
      'pull,push',
      `blobs/uploads/?mount=${digest}&from=${encodeURIComponent(src.repo)}`,
      { method: 'POST' }
    )
    if (mount.status === 201) return
  }
  const blob = check(await src.s.fetch(src.repo, 'pull', `blobs/${digest}`), `reading blob ${digest}`).body
  if (sha256(blob) !== digest) throw new StepError(`blob ${digest} read from ${src.host} has another digest`)
  await putBlob(dst, digest, blob)
}

const hasBlob = async (dst: ImageLocation & { s: Session }, digest: string): Promise<boolean> =>
  (await dst.s.fetch(dst.repo, 'pull,push', `blobs/${digest}`, { method: 'HEAD' })).ok

/** Uploads a blob unless the repository has it already. */
export async function uploadBlob(
  dst: ImageLocation & { s: Session },
  digest: string,
  blob: Buffer
): Promise<void> {
  if (!(await hasBlob(dst, digest))) await putBlob(dst, digest, blob)
}

/** Uploads a blob in one PUT (monolithic upload). */
async function putBlob(dst: ImageLocation & { s: Session }, digest: string, blob: Buffer): Promise<void> {
  const start = check(
    await dst.s.fetch(dst.repo, 'pull,push', 'blobs/uploads/', { method: 'POST' }),
    `starting an upload to ${dst.host}/${dst.repo}`
  )
  const location = new URL(start.header('location') ?? '', `${scheme(dst.host)}://${dst.host}`)
  location.searchParams.set('digest', digest)
  check(
    await dst.s.fetch(dst.repo, 'pull,push', location.toString(), {
      method: 'PUT',
      headers: { 'Content-Type': 'application/octet-stream' },
      body: blob
    }),
    `uploading blob ${digest} to ${dst.host}/${dst.repo}`
  )
}

/** Writes a manifest under a reference (a tag, or its own digest to push it with no tag). */
export async function putManifest(
  dst: ImageLocation & { s: Session },
  reference: string,
  mediaType: string,
  bytes: Buffer
): Promise<void> {
  check(
    await dst.s.fetch(dst.repo, 'pull,push', `manifests/${reference}`, {
      method: 'PUT',
      headers: { 'Content-Type': mediaType },
      body: bytes
    }),
    `writing ${dst.host}/${dst.repo}:${reference}`
  )
}

async function copyManifest(
  ref: string,
  expected: string,
  src: ImageLocation & { s: Session },
  dst: ImageLocation & { s: Session },
  tag: string
): Promise<void> {
  const res = check(
    await src.s.fetch(src.repo, 'pull', `manifests/${ref}`, { headers: { Accept: MANIFEST_TYPES } }),
    `reading ${src.host}/${src.repo}@${ref}`
  )
  const type = res.header('content-type') ?? ''
  const bytes = res.body
  if (sha256(bytes) !== expected) throw new StepError(`${src.host}/${src.repo}@${ref} is not ${expected}`)
  const json = JSON.parse(bytes.toString('utf8')) as {
    config?: { digest: string }
    layers?: Array<{ digest: string; urls?: string[] }>
    manifests?: Array<{ digest: string }>
  }
  for (const m of json.manifests ?? []) await copyManifest(m.digest, m.digest, src, dst, m.digest)
  for (const b of [json.config, ...(json.layers ?? []).filter(l => !l.urls)])
    if (b) await copyBlob(b.digest, src, dst)
  await putManifest(dst, tag, type, bytes)
}

/** Copies `src@digest` to `dst:tag`, the manifest bytes unchanged (so the digest is the same). */
export async function copyByDigest(
  src: ImageLocation & { digest: string; creds?: Credentials },
  dst: ImageLocation & { tag: string; creds?: Credentials }
): Promise<void> {
  const s = { ...src, s: new Session(src.host, src.creds) }
  const d = { ...dst, s: new Session(dst.host, dst.creds) }
  await copyManifest(src.digest, src.digest, s, d, dst.tag)
}
