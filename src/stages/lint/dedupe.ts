import type { Finding } from '../../findings.js'
import { RULES } from './checklist/registry.js'

/**
 * hadolint and Trivy IDs that report what a checklist rule reports, from each rule's `sameAs`:
 * DL3002/DS002 → OP004, DL3006/DL3007/DS001 → OP001, DL3020/DS005 → OP007, DL3025 → OP012, and the
 * cache rules (DL3009, DL3019, DL3032, DL3040, DL3042, DS015, DS019, DS025) → OP002.
 */
export const SAME_AS: ReadonlyMap<string, string> = new Map(
  RULES.flatMap(r => r.sameAs.map(id => [id, r.id] as const))
)

/** Rules that report once per Dockerfile whatever line the other engine points at (no USER has no line). */
const PER_FILE = new Set(['OP004'])

/** `AVD-DS-0002` → `DS002`: Trivy prints both forms of its IDs. */
export function normaliseRuleId(id: string): string {
  const avd = /^AVD-([A-Z]+)-(\d+)$/i.exec(id.trim())
  return avd
    ? `${(avd[1] as string).toUpperCase()}${String(Number(avd[2])).padStart(3, '0')}`
    : id.trim().toUpperCase()
}

/**
 * One finding per problem: when hadolint or Trivy reports what a checklist finding already says
 * (same rule by the table, same file and line), the checklist finding is kept, since its message
 * names the line and its page shows the fix, and it notes the other engine's ID.
 */
export function dedupe(findings: readonly Finding[]): Finding[] {
  const kept = findings.filter(f => f.engine === 'checklist').map(f => ({ ...f }))
  const alsoBy = new Map<Finding, string[]>()
  const out: Finding[] = []
  for (const f of findings) {
    if (f.engine === 'checklist') continue
    const op = SAME_AS.get(normaliseRuleId(f.ruleId))
    const twin = op
      ? kept.find(
          k =>
            k.ruleId === op &&
            k.file === f.file &&
            (PER_FILE.has(op) || (f.line >= k.line && f.line <= (k.endLine ?? k.line)))
        )
      : undefined
    if (twin) alsoBy.set(twin, [...(alsoBy.get(twin) ?? []), `${f.engine} ${f.ruleId}`])
    else out.push(f)
  }
  for (const [finding, ids] of alsoBy) finding.message += ` (also ${[...new Set(ids)].join(', ')})`
  return [...kept, ...out].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.ruleId.localeCompare(b.ruleId)
  )
}

/** Drops findings whose rule is in `lint-ignore`. */
export function withoutIgnored(findings: readonly Finding[], ignore: readonly string[]): Finding[] {
  const ids = new Set(ignore.map(normaliseRuleId))
  return findings.filter(f => !ids.has(normaliseRuleId(f.ruleId)))
}
