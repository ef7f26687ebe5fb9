import { listReferrers, platformImages } from '../../infra/registry/referrers.js'
import type { Target } from '../../infra/registry/push.js'
import type { Reporter } from '../../reporter.js'
import type { ScanStageResult } from '../scan/index.js'
import type { ImageScan } from '../scan/model.js'
import type { Cosign } from './cosign.js'
import type { AttestationKind } from './options.js'
import {
  PREDICATE_TYPES,
  SIGNATURE_PREDICATE_TYPE,
  vulnPredicate,
  type CosignPredicateType,
  type VulnInput
} from './predicates.js'

export { parseSignOptions, type SignOptions, type AttestationKind } from './options.js'
export { Cosign } from './cosign.js'

/** One signed attestation: what it is, about which image, and its referrer's digest in the registry. */
export interface AttestationRecord {
  type: AttestationKind
  predicateType: string
  /** `name@digest` of the image it is about. */
  subject: string
  /** The referrer's manifest digest (undefined when the registry did not list it). */
  digest?: string
}

export interface SignResult {
  /** `key` or `keyless`. */
  by: string
  /** The referrer digest of the pushed digest's signature, in the first repository. */
  signature?: string
  signatures: Array<{ subject: string; digest?: string }>
  attestations: AttestationRecord[]
}

export interface SignInput {
  cosign: Cosign
  /** Where the image was pushed: one target per repository, in the order of `refs`. */
  targets: readonly Target[]
  digest: string
  attest: readonly AttestationKind[]
  scan?: ScanStageResult
  /** The SLSA v1 predicate (built by the caller: it knows the run). */
  provenance?: Record<string, unknown>
  /** Who scanned, for the `vuln` predicate's invocation. */
  invocation: VulnInput['invocation']
  dbUri?: string
  reporter: Reporter
}

interface Subject {
  digest: string
  platform?: string
  /** An index: its platforms carry the SBOM and the scan; the index itself the provenance. */
  index: boolean
}

/** The scan of a subject: its platform's, or the only one of a single-platform image. */
function scanFor(scan: ScanStageResult | undefined, s: Subject): ImageScan | undefined {
  if (!scan || s.index) return undefined
  if (s.platform)
    return (
      scan.scans.find(x => x.platform === s.platform) ?? (scan.scans.length === 1 ? scan.scans[0] : undefined)
    )
  return scan.scans.length === 1 ? scan.scans[0] : undefined
}

/** What to attest about one subject: [kind, cosign type, predicate]. */
function attestationsFor(
  s: Subject,
  input: SignInput
): Array<[AttestationKind, CosignPredicateType, { file: string } | { json: unknown }]> {
  const out: Array<[AttestationKind, CosignPredicateType, { file: string } | { json: unknown }]> = []
  const scan = scanFor(input.scan, s)
  if (input.attest.includes('sbom') && scan) {
    if (scan.paths.cyclonedx) out.push(['sbom', 'cyclonedx', { file: scan.paths.cyclonedx }])
    if (scan.paths.spdx) out.push(['sbom', 'spdxjson', { file: scan.paths.spdx }])
  }
  if (input.attest.includes('vuln') && scan && input.scan) {
    const json = vulnPredicate({
      scan,
      gate: input.scan.gate,
      ...(input.scan.scanner ? { scanner: input.scan.scanner } : {}),
      ...(input.dbUri ? { dbUri: input.dbUri } : {}),
      invocation: input.invocation
    })
    out.push(['vuln', 'vuln', { json }])
  }
  if (input.attest.includes('provenance') && input.provenance)
    out.push(['provenance', 'slsaprovenance1', { json: input.provenance }])
  return out
}

/** The referrers that appeared since `before`, by the predicate type cosign annotates them with. */
async function newReferrers(t: Target, digest: string, before: Set<string>): Promise<Map<string, string>> {
  const now = await listReferrers(t, digest)
  const found = new Map<string, string>()
  for (const r of now.referrers) {
    const type = r.annotations['dev.sigstore.bundle.predicateType']
    if (!before.has(r.digest) && type) found.set(type, r.digest)
  }
  return found
}

/**
 * Signs the pushed digest in every repository it was pushed to, and attests it: an index gets its
 * signature and provenance, each of its platform images (or the one image) its signature, SBOM,
 * scan and provenance. One subject at a time: where the registry has no referrers API, cosign
 * rewrites the subject's fallback tag, which two writers at once would race on.
 */
export async function signPushed(input: SignInput): Promise<SignResult> {
  const r = input.reporter
  const result: SignResult = { by: input.cosign.signer.mode, signatures: [], attestations: [] }
  for (const t of input.targets) {
    const children = await platformImages(t, input.digest)
    const single = input.scan?.scans.length === 1 ? input.scan.scans[0]?.platform : undefined
    const subjects: Subject[] = [
      { digest: input.digest, index: children.length > 0, ...(single ? { platform: single } : {}) },
      ...children.map(c => ({ digest: c.digest, platform: c.platform, index: false }))
    ]
    for (const s of subjects) {
      const ref = `${t.name}@${s.digest}`
      const before = new Set((await listReferrers(t, s.digest)).referrers.map(x => x.digest))
      await input.cosign.sign(ref)
      const made = attestationsFor(s, input)
      for (const [, type, predicate] of made) await input.cosign.attest(ref, type, predicate)
      const found = await newReferrers(t, s.digest, before)
      const signature = found.get(SIGNATURE_PREDICATE_TYPE)
      result.signatures.push({ subject: ref, ...(signature ? { digest: signature } : {}) })
      if (s.digest === input.digest && !result.signature && signature) result.signature = signature
      for (const [kind, type] of made) {
        const digest = found.get(PREDICATE_TYPES[type])
        result.attestations.push({
          type: kind,
          predicateType: PREDICATE_TYPES[type],
          subject: ref,
          ...(digest ? { digest } : {})
        })
      }
      r.info(
        `signed ${ref}${made.length ? `, attested ${made.map(([, type]) => type).join(', ')}` : ''}${s.platform ? ` (${s.platform})` : ''}`
      )
    }
  }
  return result
}
