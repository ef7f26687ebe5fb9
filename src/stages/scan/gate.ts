import type { ScanDelta } from './delta.js'
import { atOrAbove, bySeverity, type ImageScan, type Severity, type Vulnerability } from './model.js'

export interface GateHit extends Vulnerability {
  image: string
  platform?: string
}

export interface GateOptions {
  failOnNew?: boolean
  delta?: ScanDelta
  /** `ignore-unfixed: false`: vulnerabilities with no fix gate too. */
  gateUnfixed?: boolean
  /** Why the vulnerabilities could not be checked (no DB): a gate that is on then fails closed. */
  unchecked?: string
}

export interface GateVerdict {
  failed: boolean
  threshold: Severity | 'none'
  /** One sentence per cause, for the log, the summary and the error. */
  reasons: string[]
  /** The vulnerabilities that failed it, each with the image (and platform) it was found in. */
  failing: GateHit[]
  /** Those of `failing` with a fixed version: what an upgrade clears. */
  fixable: GateHit[]
  /** At or above the threshold with no fix: reported, and gating only with `gateUnfixed`. */
  unfixed: GateHit[]
  gateUnfixed: boolean
  /** New vulnerabilities at the threshold, when `fail-on-new` compared against a previous image. */
  added: Vulnerability[]
  failOnNew: boolean
  /** Set when no vulnerability was checked (no DB), with the reason. */
  unchecked?: string
}

const where = (s: ImageScan): string => (s.platform ? `${s.image} (${s.platform})` : s.image)
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? 'y' : 'ies'}`
const brief = (v: Vulnerability): string =>
  `${v.id} in ${v.pkg} ${v.installed}${v.fixed ? ` (fixed in ${v.fixed})` : ` (no fix${v.status ? `: ${v.status}` : ''})`}`
const listed = (vulns: readonly Vulnerability[]): string =>
  vulns.slice(0, 5).map(brief).join(', ') + (vulns.length > 5 ? ', …' : '')

/**
 * The verdict over every scanned image (all platforms of a multi-platform build): fails when any
 * holds a vulnerability with a fix at or above `threshold` (with `gateUnfixed`, any at or above
 * it), or, with `failOnNew`, when the delta adds one. With threshold `none` the severity gate is
 * off and `failOnNew` counts new vulnerabilities of any severity. Vulnerabilities that could not
 * be checked fail a gate that is on.
 */
export function evaluateGate(
  scans: readonly ImageScan[],
  threshold: Severity | 'none',
  opts: GateOptions = {}
): GateVerdict {
  const gateUnfixed = !!opts.gateUnfixed
  const gates = (v: Vulnerability): boolean => gateUnfixed || !!v.fixed
  const reasons: string[] = []
  const failing: GateHit[] = []
  const unfixed: GateHit[] = []
  if (opts.unchecked && (threshold !== 'none' || opts.failOnNew))
    reasons.push(`vulnerabilities were not checked: ${opts.unchecked}`)
  for (const scan of scans) {
    const at = scan.vulnerabilities.filter(v => atOrAbove(v.severity, threshold)).sort(bySeverity)
    const hit = (v: Vulnerability): GateHit => ({
      ...v,
      image: scan.image,
      ...(scan.platform ? { platform: scan.platform } : {})
    })
    unfixed.push(...at.filter(v => !v.fixed).map(hit))
    const hits = at.filter(gates)
    if (hits.length === 0) continue
    failing.push(...hits.map(hit))
    const fix = gateUnfixed ? '' : ' with a fix'
    reasons.push(
      `${plural(hits.length, 'vulnerabilit')}${fix} at or above ${threshold} in ${where(scan)}: ${listed(hits)}`
    )
  }
  // A secret baked into the image fails the gate at its severity, as in trivy-action.
  for (const scan of scans) {
    const secrets = (scan.secrets ?? []).filter(f => atOrAbove(f.severity, threshold))
    if (secrets.length === 0) continue
    const shown = secrets.slice(0, 5).map(f => `${f.ruleId} in ${f.target}${f.line ? `:${f.line}` : ''}`)
    reasons.push(
      `${secrets.length} secret${secrets.length === 1 ? '' : 's'} at or above ${threshold} in ${where(scan)}: ${shown.join(', ')}${secrets.length > 5 ? ', …' : ''}`
    )
  }
  let added: Vulnerability[] = []
  if (opts.failOnNew && opts.delta) {
    added = opts.delta.added.filter(
      v => (threshold === 'none' || atOrAbove(v.severity, threshold)) && gates(v)
    )
    if (added.length > 0) {
      const level = threshold === 'none' ? '' : ` at or above ${threshold}`
      reasons.push(
        `${plural(added.length, 'new vulnerabilit')}${level} compared with ${opts.delta.baseline ?? 'the previous image'}: ${listed(added)}`
      )
    }
  }
  return {
    failed: reasons.length > 0,
    threshold,
    reasons,
    failing,
    fixable: failing.filter(v => v.fixed),
    unfixed,
    gateUnfixed,
    added,
    failOnNew: !!opts.failOnNew,
    ...(opts.unchecked ? { unchecked: opts.unchecked } : {})
  }
}

/** What failed the gate, in a few words (the summary's title, the stage's reason). */
export function gateHeadline(gate: GateVerdict): string {
  const what: string[] = []
  if (gate.unchecked && gate.reasons.some(r => r.startsWith('vulnerabilities were not checked')))
    what.push('vulnerabilities were not checked')
  if (gate.failing.length > 0)
    what.push(
      `${plural(gate.failing.length, 'vulnerabilit')}${gate.gateUnfixed ? '' : ' with a fix'} at or above ${gate.threshold}`
    )
  if (gate.added.length > 0)
    what.push(`${plural(gate.added.length, 'new vulnerabilit')} since the previous image`)
  return what.join('; ')
}

/**
 * The one error of a failed gate: what failed it, and the inputs that change the decision (each
 * named as the workflow writes it, with its value now).
 */
export function gateFailureMessage(gate: GateVerdict, consequence = 'so nothing was pushed'): string {
  const change: string[] = []
  if (gate.unchecked) {
    change.push(
      'give Trivy a vulnerability DB (TRIVY_DB_REPOSITORY for a mirror, or trivy-cache-dir with TRIVY_SKIP_DB_UPDATE=true for a prepared one)',
      `set fail-on-severity: none${gate.failOnNew ? ' and fail-on-new: false' : ''} to push without a vulnerability check`
    )
  }
  if (gate.failing.length > 0) {
    const n = gate.failing.length
    if (gate.fixable.length > 0) change.push('upgrade the packages to their fixed versions')
    change.push(`raise or turn off the gate with fail-on-severity (now ${gate.threshold}; none turns it off)`)
    if (gate.gateUnfixed && gate.fixable.length < n)
      change.push(
        'leave ignore-unfixed unset to report vulnerabilities with no fix without gating on them (it is false now)'
      )
  }
  if (gate.added.length > 0) change.push('fail-on-new (now true) gates on new ones')
  if (gate.failing.length > 0 || gate.added.length > 0)
    change.push('accept a finding in trivyignores, or state it does not affect the image in vex')
  const unchecked = gate.unchecked ? ` (${gate.unchecked.replace(/\.$/, '')})` : ''
  const headline = gateHeadline(gate).replace('were not checked', `were not checked${unchecked}`)
  return `scan: ${headline}, ${consequence}. To change the decision: ${change.join('; ')}.`
}
