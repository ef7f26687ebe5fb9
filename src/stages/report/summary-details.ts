import { countByLevel, LEVELS, type Level } from '../../findings.js'
import { bySeverity, SEVERITIES, type Vulnerability } from '../scan/model.js'
import { formatBytes } from '../scan/reports.js'
import { cell, code, details, plural, table } from './markdown.js'
import type { LintOutcome, RunModel, ScanOutcome } from './run-model.js'

/** Rows past this are counted, not listed: the job summary has a size limit (1 MiB). */
export const SUMMARY_ROWS = 50

const ICON: Record<Level, string> = { error: '🔴', warning: '🟠', info: '🔵', style: '⚪' }
const title = (s: string): string => s[0] + s.slice(1).toLowerCase()
const more = (n: number, where: string): string[] =>
  n > SUMMARY_ROWS ? ['', `… and ${n - SUMMARY_ROWS} more in ${where}.`] : []

function lintBlock(lint: LintOutcome): string[] {
  if (lint.findings.length === 0) return []
  const counts = countByLevel(lint.findings)
  const sorted = [...lint.findings].sort(
    (a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || a.line - b.line
  )
  const rows = sorted
    .slice(0, SUMMARY_ROWS)
    .map(f => [
      `${ICON[f.level]} ${f.level}`,
      f.helpUri ? `[${f.ruleId}](${f.helpUri})` : f.ruleId,
      code(`${f.file}:${f.line}`),
      cell(f.message),
      f.engine
    ])
  return details(`Lint findings: ${LEVELS.map(l => `${counts[l]} ${l}`).join(', ')}`, [
    ...table(['Level', 'Rule', 'Location', 'Message', 'Engine'], rows),
    ...more(sorted.length, 'the lint SARIF report')
  ])
}

/** One row per vulnerability and package across platforms, worst first. */
function unique(vulns: readonly Vulnerability[]): Vulnerability[] {
  const seen = new Map<string, Vulnerability>()
  for (const v of vulns) if (!seen.has(`${v.id} ${v.pkg}`)) seen.set(`${v.id} ${v.pkg}`, v)
  return [...seen.values()].sort(bySeverity)
}

function gateLines(scan: ScanOutcome): string[] {
  const g = scan.gate
  const lines: string[] = []
  if (g.threshold === 'none' && !g.failOnNew) lines.push('**Gate:** off (`fail-on-severity: none`).')
  else if (!g.failed)
    lines.push(
      `**Gate: passed** — nothing${g.gateUnfixed ? '' : ' with a fix'} at or above ${g.threshold}${g.failOnNew ? ', nothing new' : ''}.`
    )
  else lines.push('**Gate: failed** — the image was not pushed.', '', ...g.reasons.map(r => `- ${cell(r)}`))
  const unfixed = unique(g.unfixed)
  if (unfixed.length && !g.gateUnfixed)
    lines.push(
      '',
      `${plural(unfixed.length, 'vulnerability', 'vulnerabilities')} at or above ${g.threshold} ${unfixed.length === 1 ? 'has' : 'have'} no fix (${[...new Set(unfixed.map(v => v.status ?? 'no fixed version'))].join(', ')}): reported here and in SARIF, not gating. \`ignore-unfixed: false\` gates on them.`
    )
  return lines
}

function vulnerabilityBlock(scan: ScanOutcome): string[] {
  const imageRows = scan.scans.map(s => [
    code(s.image),
    s.platform ?? '–',
    ...SEVERITIES.map(sev => String(s.counts[sev])),
    String(s.packages),
    formatBytes(s.sizeBytes),
    s.layers === undefined ? '–' : String(s.layers)
  ])
  const all = unique(scan.scans.flatMap(s => s.vulnerabilities))
  const rows = all
    .slice(0, SUMMARY_ROWS)
    .map(v => [
      v.url ? `[${v.id}](${v.url})` : v.id,
      v.severity,
      cell(v.pkg),
      cell(v.installed),
      v.fixed ? cell(v.fixed) : `no fix${v.status ? ` (${v.status})` : ''}`,
      cell(v.title)
    ])
  const body = [
    ...table(['Image', 'Platform', ...SEVERITIES.map(title), 'Packages', 'Size', 'Layers'], imageRows, [
      '---',
      '---',
      ...SEVERITIES.map(() => '--:'),
      '--:',
      '--:',
      '--:'
    ]),
    '',
    ...gateLines(scan)
  ]
  if (rows.length)
    body.push(
      '',
      ...table(['ID', 'Severity', 'Package', 'Installed', 'Fixed in', 'Title'], rows),
      ...more(all.length, 'the scan SARIF report')
    )
  return details(`Vulnerabilities: ${plural(all.length, 'finding')}`, body)
}

function secretsBlock(scan: ScanOutcome): string[] {
  const rows = scan.scans.flatMap(s =>
    (s.secrets ?? []).map(f => [
      cell(f.ruleId),
      f.severity,
      code(`${f.target}${f.line ? `:${f.line}` : ''}`),
      cell(f.title)
    ])
  )
  if (rows.length === 0) return []
  return details(`Secrets in the image: ${rows.length}`, table(['Rule', 'Severity', 'File', 'Title'], rows))
}

function suppressedBlock(scan: ScanOutcome): string[] {
  const all = scan.scans.flatMap(s => s.suppressed ?? [])
  const seen = new Set<string>()
  const rows = all
    .filter(v => !seen.has(`${v.id} ${v.pkg}`) && seen.add(`${v.id} ${v.pkg}`))
    .map(v => [
      v.id,
      v.severity,
      cell(v.pkg ?? ''),
      cell(v.installed ?? ''),
      v.status === 'not_affected' ? '**not affected**' : cell(v.status),
      cell(v.statement ?? '') || '–',
      code(v.line ? `${v.source}:${v.line}` : v.source)
    ])
  if (rows.length === 0) return []
  const notAffected = all.filter(v => v.status === 'not_affected').length
  return details(`Set aside: ${rows.length} (${notAffected} not affected by VEX)`, [
    ...table(
      ['ID', 'Severity', 'Package', 'Installed', 'Decision', 'Statement', 'Source'],
      rows.slice(0, SUMMARY_ROWS)
    ),
    ...more(rows.length, 'the scan JSON report')
  ])
}

function deltaBlock(scan: ScanOutcome): string[] {
  const d = scan.delta
  if (!d) return []
  const row = (name: string, c: typeof d.before): string[] => [name, ...SEVERITIES.map(s => String(c[s]))]
  const body = table(
    ['', ...SEVERITIES.map(title)],
    [row('Before', d.before), row('After', d.after)],
    ['---', ...SEVERITIES.map(() => '--:')]
  )
  if (d.added.length)
    body.push(
      '',
      `New: ${d.added
        .slice(0, 10)
        .map(v => `${v.id} (${v.severity}, ${cell(v.pkg)})`)
        .join(', ')}${d.added.length > 10 ? ', …' : ''}`
    )
  return details(
    `Compared with ${code(d.baseline ?? 'the previous image')}: ${d.added.length} new, ${d.removed.length} gone`,
    body
  )
}

function metadataBlock(m: RunModel): string[] {
  if (!m.version && m.tags.length === 0) return []
  const body: string[] = []
  if (m.version) body.push(`Version ${code(m.version)}${m.versionFrom ? ` (from ${m.versionFrom})` : ''}  `)
  if (m.base) body.push(`Base ${code(m.base)}  `)
  if (m.tags.length) body.push('', ...m.tags.map(t => `- ${code(t)}`))
  const labels = Object.entries(m.labels)
  if (labels.length)
    body.push(
      '',
      ...table(
        ['Label', 'Value'],
        labels.map(([k, v]) => [code(k), code(v)])
      )
    )
  return details(`Tags and labels: ${plural(m.tags.length, 'tag')}, ${plural(labels.length, 'label')}`, body)
}

/** The collapsed blocks under the stage table: lint, vulnerabilities, what was set aside, delta, metadata. */
export function detailBlocks(m: RunModel): string[] {
  const scan = m.stages.scan.result
  return [
    ...(m.stages.lint.result ? lintBlock(m.stages.lint.result) : []),
    ...(scan && !scan.unchecked ? vulnerabilityBlock(scan) : []),
    ...(scan ? secretsBlock(scan) : []),
    ...(scan ? suppressedBlock(scan) : []),
    ...(scan ? deltaBlock(scan) : []),
    ...metadataBlock(m)
  ]
}
