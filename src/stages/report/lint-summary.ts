import { countByLevel, LEVELS, type Finding, type Level } from '../../findings.js'
import { linkTarget, markdownCell, markdownCode } from '../../text.js'

const ICON: Record<Level, string> = { error: '🔴', warning: '🟠', info: '🔵', style: '⚪' }

/** Rows past this are counted, not listed: the job summary has a size limit. */
export const SUMMARY_ROWS = 50

const cell = markdownCell

export interface SummaryInput {
  findings: readonly Finding[]
  /** The engines that ran, with versions where known (`hadolint 2.12.0`). */
  engines: readonly string[]
  threshold: Level | 'none'
  failed: boolean
  /** What the Dockerfile was linted as, when declared or read from its path (`a builder image, from line 1`). */
  kind?: string
}

/** The Markdown job-summary section: totals by level, then one row per finding. */
export function lintSummary({ findings, engines, threshold, failed, kind }: SummaryInput): string {
  const counts = countByLevel(findings)
  const totals = LEVELS.map(l => `${counts[l]} ${l}`).join(', ')
  const verdict = failed ? `**failed** (threshold: ${threshold})` : `passed (threshold: ${threshold})`
  const lines = [`### Dockerfile lint: ${verdict}`, '', `${totals} — engines: ${engines.join(', ')}`, '']
  if (kind)
    lines.push(`Linted as ${kind}: the rules about runtime images that do not apply to it were skipped.`, '')
  if (!findings.length) return [...lines, 'No findings.', ''].join('\n')
  lines.push('| Level | Rule | Location | Message | Engine |', '|---|---|---|---|---|')
  const sorted = [...findings].sort(
    (a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || a.line - b.line
  )
  for (const f of sorted.slice(0, SUMMARY_ROWS)) {
    const target = f.helpUri ? linkTarget(f.helpUri) : undefined
    const rule = target ? `[${cell(f.ruleId)}](${target})` : cell(f.ruleId)
    lines.push(
      `| ${ICON[f.level]} ${f.level} | ${rule} | ${markdownCode(`${f.file}:${f.line}`)} | ${cell(f.message)} | ${f.engine} |`
    )
  }
  if (sorted.length > SUMMARY_ROWS)
    lines.push('', `… and ${sorted.length - SUMMARY_ROWS} more in the SARIF report.`)
  return [...lines, ''].join('\n')
}
