import { MANIFEST_TYPES, Session, sha256, storedCredentials, type Credentials } from './client.js'

/**
 * One session per registry and login for the run: the previous image, then the pushed one, are
 * read with the authorization the first read earned (a token registry answers a read of another
 * repository with 401, and the session asks again).
 */
const sessions = new Map<string, Session>()
function sessionFor(host: string, creds: Credentials | undefined): Session {
  const key = `${host}\0${creds ? sha256(Buffer.from(`${creds.username}\0${creds.password}`)) : ''}`
  let session = sessions.get(key)
  if (!session) sessions.set(key, (session = new Session(host, creds)))
  return session
}

/** `host/repo:tag` or `host/repo@digest`, when the reference names its registry host. */
export function parseRemoteRef(ref: string): { host: string; repo: string; reference: string } | undefined {
  const at = ref.indexOf('@')
  const name = at >= 0 ? ref.slice(0, at) : ref
  const slash = name.indexOf('/')
  if (slash < 0) return undefined
  const host = name.slice(0, slash)
  // Docker Hub's short names (no host) are left to buildx, which knows its aliases.
  if (!/[.:]/.test(host) && host !== 'localhost') return undefined
  const path = name.slice(slash + 1)
  const colon = path.lastIndexOf(':')
  const tagged = colon > path.lastIndexOf('/')
  const repo = tagged ? path.slice(0, colon) : path
  const reference = at >= 0 ? ref.slice(at + 1) : tagged ? path.slice(colon + 1) : 'latest'
  return repo ? { host, repo, reference } : undefined
}

export interface FetchedManifest {
  bytes: Buffer
  json: { mediaType?: string; config?: { digest?: string }; manifests?: Array<{ digest: string }> }
  /** The image config's layers, when asked for and the manifest is one image. */
  diffIds?: string[]
}

/**
 * A manifest read over the distribution API with what `docker login` stored: one HTTP request
 * instead of a buildx start, which costs a fifth of a second of CPU. `missing` when the registry
 * says it has no such manifest to a logged-in client; undefined when it cannot be read this way (a
 * credential helper, Docker Hub, an answer it does not expect): the caller then asks buildx.
 */
export async function fetchManifest(
  ref: string,
  env: NodeJS.ProcessEnv,
  opts: { diffIds?: boolean } = {}
): Promise<FetchedManifest | 'missing' | undefined> {
  const where = parseRemoteRef(ref)
  if (!where) return undefined
  try {
    const creds = storedCredentials(where.host, env)
    const session = sessionFor(where.host, creds)
    const res = await session.fetch(where.repo, 'pull', `manifests/${where.reference}`, {
      headers: { Accept: MANIFEST_TYPES }
    })
    if (res.status === 404 && creds) return 'missing'
    if (!res.ok) return undefined
    const bytes = res.body
    if (where.reference.startsWith('sha256:') && sha256(bytes) !== where.reference) return undefined
    const json = JSON.parse(bytes.toString('utf8')) as FetchedManifest['json']
    const config = json.config?.digest
    if (!opts.diffIds || !config) return { bytes, json }
    const blob = await session.fetch(where.repo, 'pull', `blobs/${config}`)
    // The layers the delta trusts come from this blob: it must be the one the manifest names.
    if (!blob.ok || sha256(blob.body) !== config) return undefined
    const image = blob.json() as { rootfs?: { diff_ids?: string[] } }
    return { bytes, json, ...(image.rootfs?.diff_ids ? { diffIds: image.rootfs.diff_ids } : {}) }
  } catch {
    return undefined // refused, unreachable, not JSON: buildx says why
  }
}
