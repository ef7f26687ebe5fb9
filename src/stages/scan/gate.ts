import type { ScanDelta } from './delta.js'
import { atOrAbove, bySeverity, type ImageScan, type Severity, type Vulnerability } from './model.js'

export interface GateHit extends Vulnerability {
  image: string
  platform?: string
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
  /** New vulnerabilities at the threshold, when `fail-on-new` compared against a previous image. */
  added: Vulnerability[]
}

const where = (s: ImageScan): string => (s.platform ? `${s.image} (${s.platform})` : s.image)
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? 'y' : 'ies'}`
const brief = (v: Vulnerability): string =>
  `${v.id} in ${v.pkg} ${v.installed}${v.fixed ? ` (fixed in ${v.fixed})` : ''}`

/**
 * The verdict over every scanned image (all platforms of a multi-platform build): fails when any
 * holds a vulnerability at or above `threshold`, or, with `failOnNew`, when the delta adds one.
 * With threshold `none` the severity gate is off and `failOnNew` counts new vulnerabilities of
 * any severity.
 */
export function evaluateGate(
  scans: readonly ImageScan[],
  threshold: Severity | 'none',
  opts: { failOnNew?: boolean; delta?: ScanDelta } = {}
): GateVerdict {
  const reasons: string[] = []
  const failing: GateHit[] = []
  for (const scan of scans) {
    const hits = scan.vulnerabilities.filter(v => atOrAbove(v.severity, threshold)).sort(bySeverity)
    if (hits.length === 0) continue
    failing.push(
      ...hits.map(v => ({ ...v, image: scan.image, ...(scan.platform ? { platform: scan.platform } : {}) }))
    )
    const shown = hits.slice(0, 5).map(brief).join(', ')
    reasons.push(
      `${plural(hits.length, 'vulnerabilit')} at or above ${threshold} in ${where(scan)}: ${shown}${hits.length > 5 ? ', …' : ''}`
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
    added = opts.delta.added.filter(v => threshold === 'none' || atOrAbove(v.severity, threshold))
    if (added.length > 0) {
      const level = threshold === 'none' ? '' : ` at or above ${threshold}`
      reasons.push(
        `${plural(added.length, 'new vulnerabilit')}${level} compared with ${opts.delta.baseline ?? 'the previous image'}: ` +
          added.slice(0, 5).map(brief).join(', ') +
          (added.length > 5 ? ', …' : '')
      )
    }
  }
  return {
    failed: reasons.length > 0,
    threshold,
    reasons,
    failing,
    fixable: failing.filter(v => v.fixed),
    added
  }
}
