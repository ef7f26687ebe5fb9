/**
 * One model for every finding, whichever engine raised it (hadolint, Trivy's Dockerfile checks,
 * the checklist rules, Trivy's vulnerability scan), so that annotations, SARIF, the summary and
 * GitLab reports are written once.
 */
export const LEVELS = ['error', 'warning', 'info', 'style'] as const
export type Level = (typeof LEVELS)[number]

export interface Finding {
  /** hadolint | trivy | checklist | … */
  engine: string
  /** Stable rule ID: DL3008, DS002, OP001, CVE-2024-1234 … */
  ruleId: string
  level: Level
  message: string
  file: string
  line: number
  endLine?: number
  helpUri?: string
}

/** Levels at or above a threshold; `none` never fails. */
export function atOrAbove(level: Level, threshold: Level | 'none'): boolean {
  if (threshold === 'none') return false
  return LEVELS.indexOf(level) <= LEVELS.indexOf(threshold)
}

export function countByLevel(findings: readonly Finding[]): Record<Level, number> {
  const counts: Record<Level, number> = { error: 0, warning: 0, info: 0, style: 0 }
  for (const f of findings) counts[f.level]++
  return counts
}
