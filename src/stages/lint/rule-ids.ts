/**
 * Rule IDs of every engine in one form for comparing: Trivy has printed the same check as `DS002`,
 * `AVD-DS-0002` and (0.69) `DS-0002`; all three read as `DS002`.
 */
export function normaliseRuleId(id: string): string {
  const trimmed = id.trim().toUpperCase()
  const trivy = /^(?:AVD-)?(DS)-?(\d+)$/.exec(trimmed)
  return trivy ? `${trivy[1]}${String(Number(trivy[2])).padStart(3, '0')}` : trimmed
}

/** Rule IDs of hadolint (DL, and ShellCheck's SC), Trivy (DS, DS-, AVD-DS-) and the checklist (OP). */
export const RULE_ID = /^(OP\d{3}|DL\d{4}|SC\d{4}|DS-?\d{3,4}|AVD-DS-\d{4})$/i

export const isChecklistId = (id: string): boolean => /^OP\d{3}$/i.test(id)
