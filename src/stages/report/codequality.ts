import { createHash } from 'node:crypto'
import type { Finding, Level } from '../../findings.js'

/** One entry of GitLab's code-quality report (the subset of Code Climate's format GitLab reads). */
export interface CodeQualityIssue {
  description: string
  check_name: string
  fingerprint: string
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker'
  location: { path: string; lines: { begin: number } }
}

/** error is major (it fails the run by default), warning minor, info and style info. */
const SEVERITY: Record<Level, CodeQualityIssue['severity']> = {
  error: 'major',
  warning: 'minor',
  info: 'info',
  style: 'info'
}

/** Stable across runs while the finding stays the same, so GitLab can tell new issues from fixed ones. */
export function fingerprint(f: Finding): string {
  return createHash('sha256')
    .update([f.ruleId, f.file, String(f.line), f.message].join('\0'))
    .digest('hex')
}

export function toCodeQuality(findings: readonly Finding[]): CodeQualityIssue[] {
  return findings.map(f => ({
    description: `${f.ruleId}: ${f.message}`,
    check_name: f.ruleId,
    fingerprint: fingerprint(f),
    severity: SEVERITY[f.level],
    location: { path: f.file, lines: { begin: f.line } }
  }))
}
