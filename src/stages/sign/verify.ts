import { tail, type RunResult } from '../../infra/process.js'
import { platformImages } from '../../infra/registry/referrers.js'
import type { Target } from '../../infra/registry/push.js'
import { verifyArgs, verifyAttestationArgs, type Verifier } from './argv.js'
import type { AttestationKind } from './options.js'
import { PREDICATE_TYPES, SIGNATURE_PREDICATE_TYPE, type CosignPredicateType } from './predicates.js'
import {
  countsLine,
  isAbout,
  provenanceSummary,
  sbomPackages,
  signedPayloads,
  statementsOf,
  vulnSummary,
  type Statement
} from './statements.js'

/** One thing checked about one image: a line of the report. */
export interface Check {
  subject: string
  what: 'signature' | AttestationKind
  ok: boolean
  detail: string
}

export type CosignRunner = (args: string[]) => Promise<RunResult>

const why = (res: RunResult): string =>
  tail(res.stderr, 3)
    .split('\n')
    .filter(l => l.trim() && !/^WARNING/.test(l))
    .pop() ?? `cosign exited with ${res.code}`

/** The newest statement cosign verified of that type about that digest, or why there is none. */
async function verifiedStatement(
  cosign: CosignRunner,
  ref: string,
  digest: string,
  type: CosignPredicateType,
  v: Verifier
): Promise<Statement | string> {
  const res = await cosign(verifyAttestationArgs(ref, type, v))
  if (res.code !== 0) return why(res)
  const statements = statementsOf(res.stdout)
  const stray = statements.find(s => !isAbout(s, digest, PREDICATE_TYPES[type]))
  if (stray) return `a verified ${type} statement is about another image (${JSON.stringify(stray.subject)})`
  return statements[statements.length - 1] ?? `cosign verified no ${type} attestation`
}

/** The signature holds when cosign verified one of the signature's type, and every bundle is about this digest. */
function signatureCheck(ref: string, digest: string, res: RunResult): Check {
  if (res.code !== 0) return { subject: ref, what: 'signature', ok: false, detail: why(res) }
  const payloads = signedPayloads(res.stdout)
  const stray = payloads.filter(p => p.digest !== digest).map(p => p.digest)
  if (stray.length)
    return { subject: ref, what: 'signature', ok: false, detail: `signed for ${stray.join(', ')}` }
  if (!payloads.some(p => p.type === SIGNATURE_PREDICATE_TYPE))
    return { subject: ref, what: 'signature', ok: false, detail: 'no signature, only attestations' }
  return { subject: ref, what: 'signature', ok: true, detail: 'verified' }
}

async function checkSbom(cosign: CosignRunner, ref: string, digest: string, v: Verifier): Promise<Check> {
  let reason = ''
  for (const type of ['cyclonedx', 'spdxjson'] as const) {
    const s = await verifiedStatement(cosign, ref, digest, type, v)
    if (typeof s === 'string') {
      reason ||= s
      continue
    }
    const n = sbomPackages(s.predicate)
    const count = n === undefined ? 'no package list' : `${n} package${n === 1 ? '' : 's'}`
    return { subject: ref, what: 'sbom', ok: n !== undefined, detail: `${type}: ${count}` }
  }
  return { subject: ref, what: 'sbom', ok: false, detail: reason }
}

async function checkVuln(cosign: CosignRunner, ref: string, digest: string, v: Verifier): Promise<Check> {
  const s = await verifiedStatement(cosign, ref, digest, 'vuln', v)
  if (typeof s === 'string') return { subject: ref, what: 'vuln', ok: false, detail: s }
  const sum = vulnSummary(s.predicate)
  if (!sum)
    return { subject: ref, what: 'vuln', ok: false, detail: 'the vuln predicate has no counts or gate' }
  const gate = `gate ${sum.gatePassed ? 'passed' : 'failed'} (${sum.threshold})`
  return {
    subject: ref,
    what: 'vuln',
    ok: sum.gatePassed,
    detail: `${countsLine(sum.counts)}; ${gate} at ${sum.scannedOn || 'an unknown time'}; DB of ${sum.dbVersion || 'unknown date'} (${sum.scanner})`
  }
}

async function checkProvenance(
  cosign: CosignRunner,
  ref: string,
  digest: string,
  v: Verifier
): Promise<Check> {
  const s = await verifiedStatement(cosign, ref, digest, 'slsaprovenance1', v)
  if (typeof s === 'string') return { subject: ref, what: 'provenance', ok: false, detail: s }
  const p = provenanceSummary(s.predicate)
  if (!p)
    return {
      subject: ref,
      what: 'provenance',
      ok: false,
      detail: 'not SLSA provenance v1 (no buildDefinition)'
    }
  const source =
    p.repository || p.commit
      ? `${p.repository || '(no repository)'} at ${p.commit || '(no commit)'}`
      : 'no source recorded'
  return {
    subject: ref,
    what: 'provenance',
    ok: true,
    detail: `${source}${p.ref ? ` (${p.ref})` : ''}, built by ${p.builder}${p.baseImage ? ` from ${p.baseImage}` : ''}`
  }
}

/**
 * Verifies an image by digest with cosign: the signature of the digest (and, for an index, of each
 * platform image), and the attestations asked for on each image that carries them (the platform
 * images of an index, else the image itself). Every check is reported; all must hold.
 */
export async function verifyImage(
  target: Target,
  digest: string,
  attest: readonly AttestationKind[],
  v: Verifier,
  cosign: CosignRunner
): Promise<Check[]> {
  const children = await platformImages(target, digest)
  const subjects = [
    { digest, carries: children.length === 0 },
    ...children.map(c => ({ digest: c.digest, carries: true }))
  ]
  const checks: Check[] = []
  for (const s of subjects) {
    const ref = `${target.name}@${s.digest}`
    const res = await cosign(verifyArgs(ref, v))
    checks.push(signatureCheck(ref, s.digest, res))
    if (!s.carries) continue
    if (attest.includes('sbom')) checks.push(await checkSbom(cosign, ref, s.digest, v))
    if (attest.includes('vuln')) checks.push(await checkVuln(cosign, ref, s.digest, v))
    if (attest.includes('provenance')) checks.push(await checkProvenance(cosign, ref, s.digest, v))
  }
  return checks
}

/** The report: one line a check, the image on its own line before its checks. */
export function verifyReport(checks: readonly Check[]): string {
  const lines: string[] = []
  let subject = ''
  for (const c of checks) {
    if (c.subject !== subject) lines.push((subject = c.subject))
    lines.push(`  ${c.ok ? 'ok  ' : 'FAIL'} ${c.what.padEnd(10)} ${c.detail}`)
  }
  const failed = checks.filter(c => !c.ok).length
  lines.push(failed ? `${failed} of ${checks.length} checks failed` : `all ${checks.length} checks passed`)
  return lines.join('\n') + '\n'
}
