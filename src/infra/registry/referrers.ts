import { StepError } from '../../errors.js'
import { isIndex, MEDIA, platformName, type Descriptor, type ManifestJson } from '../oci-layout.js'
import { MANIFEST_TYPES, putManifest, sha256, uploadBlob } from './client.js'
import type { Target } from './push.js'

const INDEX = 'application/vnd.oci.image.index.v1+json'

/** An artifact attached to an image (a signature, an attestation): its manifest's digest and kind. */
export interface Referrer {
  digest: string
  artifactType?: string
  annotations: Record<string, string>
}

export interface Referrers {
  /** How the registry keeps them: its OCI 1.1 referrers API, or the `sha256-<hex>` fallback tag. */
  via: 'api' | 'tag'
  referrers: Referrer[]
}

/** A manifest by digest (checked against it) or tag; undefined when the registry has none. */
export async function readManifestJson(t: Target, reference: string): Promise<ManifestJson | undefined> {
  const res = await t.session.fetch(t.repo, 'pull', `manifests/${reference}`, {
    headers: { Accept: MANIFEST_TYPES }
  })
  if (res.status === 404) return undefined
  if (!res.ok) throw new StepError(`reading ${t.name}:${reference}: ${res.status} ${res.statusText}`)
  if (reference.startsWith('sha256:') && sha256(res.body) !== reference)
    throw new StepError(`${t.name}@${reference} is served with other bytes`)
  return JSON.parse(res.body.toString('utf8')) as ManifestJson
}

/**
 * What refers to `digest`: the registry's referrers API where it answers, else the fallback tag
 * that clients (cosign, ORAS) keep where it does not. The fallback's index lists no annotations,
 * so each referrer's manifest is read for them.
 */
export async function listReferrers(t: Target, digest: string): Promise<Referrers> {
  const api = await t.session.fetch(t.repo, 'pull', `referrers/${digest}`, { headers: { Accept: INDEX } })
  const typed = (api.header('content-type') ?? '').startsWith(INDEX)
  if (api.ok && typed) return { via: 'api', referrers: await described(t, api.json() as ManifestJson) }
  const fallback = await readManifestJson(t, digest.replace(':', '-')).catch(e => {
    // A fallback tag is a tag like any other: a registry may refuse one that looks like a digest.
    if (/: 400 /.test(String(e))) return undefined
    throw e
  })
  return { via: 'tag', referrers: fallback ? await described(t, fallback) : [] }
}

async function described(t: Target, index: ManifestJson): Promise<Referrer[]> {
  const out: Referrer[] = []
  for (const d of index.manifests ?? []) {
    let annotations = d.annotations
    let artifactType = d.artifactType
    if (!annotations) {
      const m = await readManifestJson(t, d.digest)
      annotations = m?.annotations ?? {}
      artifactType ??= (m as { artifactType?: string } | undefined)?.artifactType ?? m?.config?.artifactType
    }
    out.push({ digest: d.digest, ...(artifactType ? { artifactType } : {}), annotations: annotations ?? {} })
  }
  return out
}

/** The platform images an index lists (BuildKit's attestation manifests left out); none for an image. */
export async function platformImages(
  t: Target,
  digest: string
): Promise<Array<{ platform: string; digest: string }>> {
  const m = await readManifestJson(t, digest)
  if (!m) throw new StepError(`${t.name}@${digest} is not in the registry`)
  if (!isIndex(m.mediaType) && !m.manifests) return []
  return (m.manifests ?? [])
    .filter((d: Descriptor) => d.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest')
    .filter(d => platformName(d.platform) !== 'unknown/unknown')
    .map(d => ({ platform: platformName(d.platform), digest: d.digest }))
}

const raw = async (t: Target, digest: string): Promise<{ bytes: Buffer; type: string }> => {
  const res = await t.session.fetch(t.repo, 'pull', `manifests/${digest}`, {
    headers: { Accept: MANIFEST_TYPES }
  })
  if (!res.ok || sha256(res.body) !== digest)
    throw new StepError(`reading ${t.name}@${digest}: ${res.status} ${res.statusText}`)
  return { bytes: res.body, type: res.header('content-type') ?? MEDIA.ociManifest }
}

async function copyBlob(from: Target, to: Target, digest: string): Promise<void> {
  if ((await to.session.fetch(to.repo, 'pull,push', `blobs/${digest}`, { method: 'HEAD' })).ok) return
  const blob = await from.session.fetch(from.repo, 'pull', `blobs/${digest}`)
  if (!blob.ok || sha256(blob.body) !== digest)
    throw new StepError(`reading ${from.name} blob ${digest}: ${blob.status}`)
  await uploadBlob({ host: to.host, repo: to.repo, s: to.session }, digest, blob.body)
}

/**
 * Copies what refers to `digest` in one repository (signatures, attestations) to another that now
 * holds the same digest: they stay valid, as they name the digest. Where the target registry does
 * not index a manifest's subject (no `OCI-Subject` answer), its fallback tag is written, as cosign
 * does. Returns how many were copied (those already there are left).
 */
export async function copyReferrers(from: Target, to: Target, digest: string): Promise<number> {
  const source = await listReferrers(from, digest)
  const present = new Set((await listReferrers(to, digest)).referrers.map(r => r.digest))
  const unindexed: Descriptor[] = []
  for (const r of source.referrers) {
    if (present.has(r.digest)) continue
    const { bytes, type } = await raw(from, r.digest)
    const m = JSON.parse(bytes.toString('utf8')) as ManifestJson & { artifactType?: string }
    for (const b of [m.config, ...(m.layers ?? [])]) if (b) await copyBlob(from, to, b.digest)
    const put = await to.session.fetch(to.repo, 'pull,push', `manifests/${r.digest}`, {
      method: 'PUT',
      headers: { 'Content-Type': type },
      body: bytes
    })
    if (!put.ok)
      throw new StepError(
        `writing ${to.name}@${r.digest}: ${put.status} ${put.statusText}`,
        put.text().slice(0, 300)
      )
    if (!put.header('oci-subject'))
      unindexed.push({
        mediaType: type,
        digest: r.digest,
        size: bytes.length,
        ...(r.artifactType ? { artifactType: r.artifactType } : {}),
        ...(Object.keys(r.annotations).length ? { annotations: r.annotations } : {})
      })
  }
  if (unindexed.length) {
    const tag = digest.replace(':', '-')
    const index = (await readManifestJson(to, tag)) ?? {
      schemaVersion: 2,
      mediaType: MEDIA.ociIndex,
      manifests: []
    }
    index.manifests = [...(index.manifests ?? []), ...unindexed]
    await putManifest(
      { host: to.host, repo: to.repo, s: to.session },
      tag,
      MEDIA.ociIndex,
      Buffer.from(JSON.stringify(index))
    )
  }
  return source.referrers.filter(r => !present.has(r.digest)).length
}
