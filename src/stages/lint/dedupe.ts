import type { Finding, Level } from '../../findings.js'
import { byCodeUnits } from '../../text.js'
import { RULES } from './checklist/registry.js'
import { normaliseRuleId } from './rule-ids.js'

export { normaliseRuleId } from './rule-ids.js'

/**
 * hadolint and Trivy IDs that report what a checklist rule reports, from each rule's `sameAs`:
 * DL3006/DL3007/DS001 → OP001, the cache rules → OP002, DL3002/DS002 → OP004, DL3020/DS005 → OP007,
 * DL3025 → OP012, DS031 → OP014.
 */
export const SAME_AS: ReadonlyMap<string, string> = new Map(
  RULES.flatMap(r => r.sameAs.map(id => [normaliseRuleId(id), r.id] as const))
)

/** A hadolint rule and the Trivy check that reports the same problem, and the one level both get. */
export interface Pair {
  hadolint: string
  trivy: string
  level: Level
  /** Reported once per file, on different lines by the two engines. */
  perFile?: boolean
}

/** hadolint's level for each (Trivy's severities rate security, not lint findings). */
export const PAIRS: readonly Pair[] = [
  { hadolint: 'DL3000', trivy: 'DS009', level: 'error' },
  { hadolint: 'DL3003', trivy: 'DS013', level: 'warning' },
  { hadolint: 'DL3004', trivy: 'DS010', level: 'error' },
  { hadolint: 'DL3005', trivy: 'DS024', level: 'error' },
  { hadolint: 'DL3011', trivy: 'DS008', level: 'error' },
  { hadolint: 'DL3012', trivy: 'DS023', level: 'error' },
  { hadolint: 'DL3014', trivy: 'DS021', level: 'warning' },
  { hadolint: 'DL3015', trivy: 'DS029', level: 'info' },
  { hadolint: 'DL3021', trivy: 'DS011', level: 'error' },
  { hadolint: 'DL3023', trivy: 'DS006', level: 'error' },
  { hadolint: 'DL3024', trivy: 'DS012', level: 'error', perFile: true },
  { hadolint: 'DL4000', trivy: 'DS022', level: 'error' },
  { hadolint: 'DL4001', trivy: 'DS014', level: 'warning' },
  { hadolint: 'DL4003', trivy: 'DS016', level: 'warning', perFile: true },
  { hadolint: 'DL4004', trivy: 'DS007', level: 'error', perFile: true },
  { hadolint: 'DL4006', trivy: 'DS032', level: 'warning' }
]

/** Trivy checks with no twin: their level; `off` ones report only when lint-rules asks (`+DS026`). */
export const TRIVY_LEVELS: Readonly<Record<string, Level | 'off'>> = {
  DS004: 'warning',
  DS017: 'warning',
  DS026: 'off',
  DS030: 'warning'
}

/** Rules that report once per Dockerfile whatever line the other engine points at (no USER has no line). */
const PER_FILE = new Set(['OP004'])

export interface MergeOptions {
  /** The engines that ran. */
  ran: readonly string[]
  /** Enabled checklist rules and the level of each. */
  rules: ReadonlyMap<string, Level>
  /** lint-rules on hadolint and Trivy rules (normalised IDs): a level, `on` (default level) or `off`. */
  external?: ReadonlyMap<string, Level | 'on' | 'off'>
  /** `.hadolint.yaml`: rules it ignores and levels it overrides, applied to their Trivy twins too. */
  hadolintConfig?: { ignored: ReadonlySet<string>; override: ReadonlyMap<string, Level> }
}

const within = (f: Finding, k: Finding): boolean => f.line >= k.line && f.line <= (k.endLine ?? k.line)

/**
 * One finding per problem, at one level whichever engine finds it:
 * - a hadolint or Trivy finding of a checklist rule's twin joins the checklist finding on its line
 *   (whose message gains "also hadolint DL3002"), or is dropped where the checklist rule, which knows
 *   the exceptions (bake contexts, purged build deps, distroless nonroot…), found nothing; if the
 *   checklist did not run it stays, at the checklist rule's level; if the rule is off, so is its twin;
 * - a Trivy finding whose hadolint pair is on the same line joins it; pairs get one level;
 * - Trivy checks without a twin get the level of TRIVY_LEVELS (DS026, no HEALTHCHECK, is off).
 */
export function dedupe(findings: readonly Finding[], opts: MergeOptions): Finding[] {
  const external = opts.external ?? new Map<string, Level | 'on' | 'off'>()
  const hadolintConfig = opts.hadolintConfig ?? { ignored: new Set<string>(), override: new Map() }
  const checklist = findings.filter(f => f.engine === 'checklist').map(f => ({ ...f }))
  const notes = new Map<Finding, string[]>()
  const note = (into: Finding, f: Finding): void =>
    void notes.set(into, [...(notes.get(into) ?? []), `${f.engine} ${f.ruleId}`])
  const hadolint: Finding[] = []
  const others: Finding[] = []
  const ordered = [...findings].sort(
    (a, b) => Number(b.engine === 'hadolint') - Number(a.engine === 'hadolint')
  )
  for (const f of ordered) {
    if (f.engine === 'checklist') continue
    const id = normaliseRuleId(f.ruleId)
    const chosen = external.get(id)
    if (chosen === 'off') continue
    const set = (level: Level): Finding => ({ ...f, level: chosen && chosen !== 'on' ? chosen : level })
    const op = SAME_AS.get(id)
    if (op) {
      const level = opts.rules.get(op)
      if (!level) continue
      if (opts.ran.includes('checklist')) {
        const twin = checklist.find(
          k => k.ruleId === op && k.file === f.file && (PER_FILE.has(op) || within(f, k))
        )
        if (twin) note(twin, f)
        continue
      }
      ;(f.engine === 'hadolint' ? hadolint : others).push(set(level))
      continue
    }
    const pair = PAIRS.find(p => p.hadolint === id || p.trivy === id)
    if (pair) {
      if (hadolintConfig.ignored.has(pair.hadolint)) continue
      const level = hadolintConfig.override.get(pair.hadolint) ?? pair.level
      if (f.engine === 'hadolint') {
        hadolint.push(set(level))
        continue
      }
      const twin = hadolint.find(
        h =>
          normaliseRuleId(h.ruleId) === pair.hadolint &&
          h.file === f.file &&
          (pair.perFile || h.line === f.line)
      )
      if (twin) note(twin, f)
      else others.push(set(level))
      continue
    }
    if (f.engine === 'trivy') {
      const level = TRIVY_LEVELS[id]
      if (level === 'off' && !chosen) continue
      others.push(set(level && level !== 'off' ? level : f.level))
    } else (f.engine === 'hadolint' ? hadolint : others).push(set(f.level))
  }
  for (const [finding, ids] of notes) finding.message += ` (also ${[...new Set(ids)].join(', ')})`
  return [...checklist, ...hadolint, ...others].sort(
    (a, b) => byCodeUnits(a.file, b.file) || a.line - b.line || byCodeUnits(a.ruleId, b.ruleId)
  )
}

/** Drops findings whose rule is in `lint-ignore` (any engine, Trivy IDs in any of their forms). */
export function withoutIgnored(findings: readonly Finding[], ignore: readonly string[]): Finding[] {
  const ids = new Set(ignore.map(normaliseRuleId))
  return findings.filter(f => !ids.has(normaliseRuleId(f.ruleId)))
}
