import { errorMessage, StepError } from '../../errors.js'
import { sha256, type Descriptor, type ManifestJson } from '../oci-layout.js'
import { MANIFEST_TYPES, Session, type Credentials } from './client.js'
import { credentialsFor } from './credentials.js'
import { inTurns, type KnownLayers, type PreparedImage, type PushManifest } from './prepare.js'

/** Where an image goes: a repository of a registry, as its API names them. */
export interface Target {
  /** The name users write (`ghcr.io/o/app`, `docker.io/o/app`), for messages. */
  name: string
  host: string
  repo: string
  session: Session
}

/** The registry API's host and repository for an image name (Docker Hub's aliases resolved). */
export async function targetFor(
  image: { name: string; registry: string; repository: string },
  env: NodeJS.ProcessEnv
): Promise<Target> {
  const hub = image.registry === 'docker.io'
  const host = hub ? 'registry-1.docker.io' : image.registry
  const creds: Credentials | undefined = await credentialsFor(hub ? 'https://index.docker.io/v1/' : host, env)
  const repo = hub && !image.repository.includes('/') ? `library/${image.repository}` : image.repository
  return { name: image.name, host, repo, session: new Session(host, creds) }
}

/** The registry answered, with a refusal: only its own trouble (5xx, 429) is worth another try. */
class Refused extends StepError {
  constructor(
    message: string,
    details: string,
    readonly status: number
  ) {
    super(message, details)
  }
}

function check(res: { ok: boolean; status: number; statusText: string; text(): string }, what: string): void {
  if (!res.ok)
    throw new Refused(`${what}: ${res.status} ${res.statusText}`, res.text().slice(0, 500), res.status)
}

const transient = (e: unknown): boolean =>
  e instanceof Refused ? e.status >= 500 || e.status === 429 : !(e instanceof StepError)

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((done, fail) => {
    const timer = setTimeout(done, ms)
    signal?.addEventListener('abort', () => (clearTimeout(timer), fail(signal.reason)), { once: true })
  })

/**
 * `step` retried with backoff (1 s, 2 s, 4 s) while the registry is away or overloaded, as
 * `docker push` is: a restart of the registry mid-push costs a few seconds, not the run.
 */
export async function withRetries<T>(
  what: string,
  step: () => Promise<T>,
  warn: (line: string) => void,
  signal?: AbortSignal,
  attempts = 4
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step()
    } catch (e) {
      signal?.throwIfAborted()
      if (!transient(e)) throw e
      const why = errorMessage(e)
      if (attempt >= attempts) throw new StepError(`${what} failed after ${attempt} attempt(s)`, why)
      const wait = 1000 * 2 ** (attempt - 1)
      warn(
        `${what} failed (attempt ${attempt}/${attempts}), retrying in ${wait / 1000}s: ${why.split('\n')[0]}`
      )
      await sleep(wait, signal)
    }
  }
}

/**
 * Uploads the image's blobs (layers and configs) to each target, three at a time, skipping those
 * the repository has; a repository of the same registry uploaded before lends them by a cross-
 * repository mount. Blobs alone name nothing: no manifest or tag exists until `putImage`.
 */
export async function uploadBlobs(
  image: PreparedImage,
  targets: readonly Target[],
  log: { info(line: string): void; warning(line: string): void },
  signal?: AbortSignal,
  sent: Map<Target, string[]> = new Map()
): Promise<Map<Target, string[]>> {
  const done: Target[] = []
  for (const t of targets) {
    const lender = done.find(d => d.host === t.host)
    const mine: string[] = []
    sent.set(t, mine)
    const upload = async (blob: PreparedImage['blobs'][number]): Promise<void> => {
      signal?.throwIfAborted()
      const head = await t.session.fetch(t.repo, 'pull,push', `blobs/${blob.digest}`, { method: 'HEAD' })
      if (head.ok) return
      if (!blob.file)
        throw new StepError(`${t.name} no longer has ${blob.digest}, which the push took as there`)
      if (lender) {
        const mount = await t.session.fetch(
          t.repo,
          'pull,push',
          `blobs/uploads/?mount=${blob.digest}&from=${encodeURIComponent(lender.repo)}`,
          { method: 'POST' }
        )
        if (mount.status === 201) return void mine.push(blob.digest)
      }
      const start = await t.session.fetch(t.repo, 'pull,push', 'blobs/uploads/', { method: 'POST' })
      check(start, `starting an upload to ${t.name}`)
      const location = new URL(start.header('location') ?? '', t.session.origin)
      location.searchParams.set('digest', blob.digest)
      const put = await t.session.fetch(t.repo, 'pull,push', location.toString(), {
        method: 'PUT',
        headers: { 'Content-Type': 'application/octet-stream' },
        body: { file: blob.file, size: blob.size }
      })
      check(put, `uploading ${blob.digest} to ${t.name}`)
      mine.push(blob.digest)
    }
    await inTurns(image.blobs, 3, blob =>
      withRetries(
        `pushing ${t.name}`,
        () => upload(blob),
        l => log.warning(l),
        signal
      )
    )
    log.info(`${t.name}: ${mine.length} of ${image.blobs.length} blobs uploaded (the others were there)`)
    done.push(t)
  }
  return sent
}

/**
 * Deletes the blobs this run uploaded, when nothing was pushed (a gate failed): no manifest names
 * them, and the registry's garbage collection would only find them later. Best effort: many
 * registries refuse deletion (distribution's default), and then the blobs stay until collected.
 */
export async function removeUploaded(
  sent: ReadonlyMap<Target, readonly string[]>,
  log: (line: string) => void
): Promise<void> {
  for (const [t, digests] of sent) {
    if (!digests.length) continue
    let removed = 0
    let refused: string | undefined
    for (const digest of digests) {
      try {
        const res = await t.session.fetch(t.repo, 'pull,push,delete', `blobs/${digest}`, { method: 'DELETE' })
        if (res.ok || res.status === 404) removed++
        else refused ??= `${res.status} ${res.statusText}`
      } catch (e) {
        refused ??= errorMessage(e)
      }
    }
    log(
      refused
        ? `${t.name}: ${removed} of ${digests.length} uploaded blobs removed; the registry refused the rest (${refused}): no manifest names them, its garbage collection removes them`
        : `${t.name}: the ${removed} blobs uploaded before the gate failed were removed`
    )
  }
}

async function putManifest(t: Target, reference: string, m: PushManifest): Promise<void> {
  const res = await t.session.fetch(t.repo, 'pull,push', `manifests/${reference}`, {
    method: 'PUT',
    headers: { 'Content-Type': m.mediaType },
    body: m.bytes
  })
  check(res, `writing ${t.name}:${reference}`)
  const said = res.header('docker-content-digest')
  if (said && reference.startsWith('sha256:') && said !== reference)
    throw new StepError(`${t.name} stored ${reference} under another digest (${said})`)
}

/**
 * The compressed layers of the image `reference` names in the target now (a single-platform
 * image), by their diff ID, for a push to reuse; empty when there is none or it is an index.
 */
export async function knownLayers(t: Target, reference: string): Promise<KnownLayers> {
  const byDiffId = new Map<string, Descriptor>()
  const has = async (digest: string): Promise<boolean> =>
    (await t.session.fetch(t.repo, 'pull', `blobs/${digest}`, { method: 'HEAD' })).ok
  try {
    const res = await t.session.fetch(t.repo, 'pull', `manifests/${reference}`, {
      headers: { Accept: MANIFEST_TYPES }
    })
    if (!res.ok) return { byDiffId, has }
    const manifest = JSON.parse(res.text()) as ManifestJson
    if (!manifest.config || !manifest.layers) return { byDiffId, has }
    const config = await t.session.fetch(t.repo, 'pull', `blobs/${manifest.config.digest}`)
    if (!config.ok || sha256(config.body) !== manifest.config.digest) return { byDiffId, has }
    const ids = (JSON.parse(config.text()) as { rootfs?: { diff_ids?: string[] } }).rootfs?.diff_ids ?? []
    if (ids.length !== manifest.layers.length) return { byDiffId, has }
    ids.forEach((id, i) => byDiffId.set(id, manifest.layers![i]!))
  } catch {
    // nothing to reuse: every layer is compressed and checked as usual
  }
  return { byDiffId, has }
}

/** The digest the registry serves for `reference`, computed from the bytes it sends. */
export async function servedDigest(t: Target, reference: string): Promise<string | undefined> {
  const res = await t.session.fetch(t.repo, 'pull', `manifests/${reference}`, {
    headers: { Accept: MANIFEST_TYPES }
  })
  if (res.status === 404) return undefined
  check(res, `reading ${t.name}:${reference}`)
  return sha256(res.body)
}

/**
 * Writes the image's manifests by digest (children first), then points each tag at the root, and
 * reads every tag back: the registry must serve exactly the root's digest. Returns that digest.
 */
export async function putImage(
  image: PreparedImage,
  t: Target,
  tags: readonly string[],
  warn: (line: string) => void = () => undefined
): Promise<string> {
  const retried = <T>(ref: string, step: () => Promise<T>): Promise<T> =>
    withRetries(`pushing ${t.name}${ref.startsWith('sha256:') ? '@' : ':'}${ref}`, step, warn)
  for (const m of image.manifests) await retried(m.digest, () => putManifest(t, m.digest, m))
  for (const tag of tags) await retried(tag, () => putManifest(t, tag, image.root))
  for (const ref of [image.root.digest, ...tags]) {
    const served = await retried(ref, () => servedDigest(t, ref))
    if (served !== image.root.digest)
      throw new StepError(
        `${t.name}:${ref} in the registry is not the image that was scanned`,
        `registry ${served ?? 'none'}, scanned ${image.root.digest}`
      )
  }
  return image.root.digest
}
