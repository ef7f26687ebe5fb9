import { StepError } from '../../errors.js'
import { isIndex, platformName, type Descriptor, type ManifestJson } from '../oci-layout.js'
import { MANIFEST_TYPES, sha256 } from './client.js'
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
