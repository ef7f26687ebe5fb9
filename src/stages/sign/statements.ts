import { SEVERITIES, type SeverityCounts } from '../scan/model.js'
import { PREDICATE_TYPES, SIGNATURE_PREDICATE_TYPE, type CosignPredicateType } from './predicates.js'

/** An in-toto statement, as signed in a DSSE envelope. */
export interface Statement {
  _type: string
  subject: Array<{ name?: string; digest: Record<string, string> }>
  predicateType: string
  predicate: unknown
}

type Json = Record<string, unknown>
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {})

/** The statements of the DSSE envelopes `cosign verify-attestation` prints, one JSON a line. */
export function statementsOf(stdout: string): Statement[] {
  return stdout
    .split('\n')
    .filter(l => l.trim().startsWith('{'))
    .map(l => {
      const envelope = JSON.parse(l) as { payload?: string }
      return JSON.parse(Buffer.from(envelope.payload ?? '', 'base64').toString('utf8')) as Statement
    })
}

/**
 * What `cosign verify` printed: each verified bundle's digest and type. In cosign's bundle format
 * it verifies every bundle attached to the image, attestations too; the signature is of type
 * SIGNATURE_PREDICATE_TYPE.
 */
export function signedPayloads(stdout: string): Array<{ digest: string; type: string }> {
  const start = stdout.indexOf('[')
  if (start < 0) return []
  const payloads = JSON.parse(stdout.slice(start)) as Array<{ critical?: { image?: Json; type?: string } }>
  return payloads.map(p => ({
    digest: String(obj(p.critical?.image)['docker-manifest-digest'] ?? ''),
    type: String(p.critical?.type ?? '')
  }))
}

/** True when the statement is about `digest` (`sha256:<hex>`) and of the type asked for. */
export function isAbout(s: Statement, digest: string, predicateType: string): boolean {
  const [algo, hex] = digest.split(':')
  return s.predicateType === predicateType && s.subject.some(x => x.digest[algo ?? ''] === hex)
}

export const predicateTypeOf = (type: CosignPredicateType | 'signature'): string =>
  type === 'signature' ? SIGNATURE_PREDICATE_TYPE : PREDICATE_TYPES[type]

/** The packages an SBOM lists: CycloneDX components (the OS itself aside), SPDX packages (the image aside). */
export function sbomPackages(predicate: unknown): number | undefined {
  const p = obj(predicate)
  if (Array.isArray(p.components))
    return (p.components as Json[]).filter(c => c.type !== 'operating-system').length
  if (Array.isArray(p.packages)) {
    const packages = p.packages as Json[]
    const described = new Set((p.documentDescribes as string[] | undefined) ?? [])
    return packages.filter(x => !described.has(String(x.SPDXID))).length
  }
  return undefined
}

export interface VulnSummary {
  counts: SeverityCounts
  gatePassed: boolean
  threshold: string
  scanner: string
  dbVersion: string
  scannedOn: string
}

/** What the `vuln` predicate says: the counts and the gate at signing time, and what scanned. */
export function vulnSummary(predicate: unknown): VulnSummary | undefined {
  const p = obj(predicate)
  const scanner = obj(p.scanner)
  const result = obj(scanner.result)
  const gate = obj(result.gate)
  const counts = obj(result.counts)
  if (!SEVERITIES.every(s => typeof counts[s] === 'number') || typeof gate.passed !== 'boolean')
    return undefined
  return {
    counts: counts as unknown as SeverityCounts,
    gatePassed: gate.passed,
    threshold: String(gate.threshold ?? ''),
    scanner: String(scanner.uri ?? ''),
    dbVersion: String(obj(scanner.db).version ?? ''),
    scannedOn: String(obj(p.metadata).scanFinishedOn ?? '')
  }
}

export interface ProvenanceSummary {
  repository: string
  commit: string
  ref: string
  builder: string
  baseImage?: string
}

/** What the SLSA v1 predicate says of the source, the commit, the builder and the base image. */
export function provenanceSummary(predicate: unknown): ProvenanceSummary | undefined {
  if (!obj(predicate).buildDefinition) return undefined
  const def = obj(obj(predicate).buildDefinition)
  const ext = obj(def.externalParameters)
  const source = obj(ext.source)
  const deps = Array.isArray(def.resolvedDependencies) ? (def.resolvedDependencies as Json[]) : []
  const git = deps.find(d => typeof obj(d.digest).gitCommit === 'string')
  const commit = String(source.commit ?? obj(git?.digest).gitCommit ?? '')
  const repository = String(source.repository ?? String(git?.uri ?? '').replace(/^git\+|@.*$/g, ''))
  const base = obj(ext.baseImage)
  return {
    repository,
    commit,
    ref: String(source.ref ?? ''),
    builder: String(obj(obj(obj(predicate).runDetails).builder).id ?? ''),
    ...(base.name ? { baseImage: `${String(base.name)}${base.digest ? `@${String(base.digest)}` : ''}` } : {})
  }
}

export const countsLine = (c: SeverityCounts): string =>
  SEVERITIES.map(s => `${c[s]} ${s.toLowerCase()}`).join(', ')
