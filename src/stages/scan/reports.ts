import { createHash } from 'node:crypto'
import { oneLine } from '../../text.js'
import {
  addCounts,
  bySeverity,
  countBySeverity,
  SEVERITIES,
  type ImageScan,
  type Severity,
  type SeverityCounts
} from './model.js'

export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined) return '–'
  const units = ['B', 'KiB', 'MiB', 'GiB']
  let n = bytes
  let u = 0
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024
    u++
  }
  return `${u === 0 ? n : n.toFixed(1)} ${units[u]}`
}

/**
 * The log's table, from the scan's own model rather than a `trivy convert --format table` (one
 * Trivy start less per image): one block per target, worst first, as Trivy's table reads.
 */
export function vulnerabilityTable(scan: Pick<ImageScan, 'image' | 'os' | 'vulnerabilities'>): string {
  const counts = countBySeverity(scan.vulnerabilities)
  const total = SEVERITIES.reduce((n, s) => n + counts[s], 0)
  const head = oneLine(`${scan.image}${scan.os ? ` (${scan.os})` : ''}`)
  const lines = [head, '='.repeat(head.length)]
  lines.push(
    `Total: ${total} (${[...SEVERITIES]
      .reverse()
      .map(s => `${s}: ${counts[s]}`)
      .join(', ')})`,
    ''
  )
  const targets = [...new Set(scan.vulnerabilities.map(v => v.target))]
  for (const target of targets) {
    const rows = scan.vulnerabilities
      .filter(v => v.target === target)
      .sort(bySeverity)
      .map(v =>
        [v.pkg, v.id, v.severity, v.installed, v.fixed ?? '', v.title.split('\n')[0] ?? ''].map(oneLine)
      )
    const all = [
      ['Library', 'Vulnerability', 'Severity', 'Installed Version', 'Fixed Version', 'Title'],
      ...rows
    ]
    const widths = all[0]!.map((_, i) => Math.max(...all.map(r => (r[i] ?? '').length)))
    const line = (r: string[]): string =>
      r
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join(' | ')
        .trimEnd()
    if (targets.length > 1) lines.push(oneLine(target), '')
    lines.push(line(all[0]!), widths.map(w => '-'.repeat(w)).join('-+-'), ...rows.map(line), '')
  }
  return lines.join('\n') + '\n'
}

/** Counts over every scan (the `vulnerabilities` output): `{"CRITICAL":1,…,"total":3}`. */
export function countsJson(scans: readonly ImageScan[]): string {
  const zero = countBySeverity([])
  const counts = scans.reduce<SeverityCounts>((sum, s) => addCounts(sum, s.counts), zero)
  return JSON.stringify({ ...counts, total: SEVERITIES.reduce((n, s) => n + counts[s], 0) })
}

const GITLAB_SEVERITY: Record<Severity, string> = {
  CRITICAL: 'Critical',
  HIGH: 'High',
  MEDIUM: 'Medium',
  LOW: 'Low',
  UNKNOWN: 'Unknown'
}

/** GitLab's timestamps: no fraction, no zone. */
const gitlabTime = (d: Date): string => d.toISOString().slice(0, 19)

function uuidFrom(text: string): string {
  const h = createHash('sha256').update(text).digest('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`
}

export interface GitLabScanInfo {
  trivyVersion: string
  analyzerVersion: string
  start: Date
  end: Date
  /** Why no vulnerability was checked (no DB): the report then says the scan failed, and why. */
  unchecked?: string
}

/** A GitLab container-scanning report (security report schema 15.0.x) from one image's scan. */
export function gitlabContainerScanning(
  scan: Pick<ImageScan, 'image' | 'os' | 'vulnerabilities'>,
  info: GitLabScanInfo
): object {
  const vendor = { name: 'Aqua Security' }
  return {
    version: '15.0.7',
    scan: {
      analyzer: {
        id: 'oci-pipeline',
        name: 'oci-pipeline',
        version: info.analyzerVersion,
        vendor: { name: 'oci-pipeline' }
      },
      scanner: {
        id: 'trivy',
        name: 'Trivy',
        version: info.trivyVersion,
        vendor,
        url: 'https://github.com/aquasecurity/trivy'
      },
      type: 'container_scanning',
      start_time: gitlabTime(info.start),
      end_time: gitlabTime(info.end),
      status: info.unchecked ? 'failure' : 'success',
      ...(info.unchecked
        ? { messages: [{ level: 'warn', value: `vulnerabilities were not checked: ${info.unchecked}` }] }
        : {})
    },
    vulnerabilities: scan.vulnerabilities.map(v => ({
      id: uuidFrom(`${scan.image} ${v.target} ${v.pkg} ${v.installed} ${v.id}`),
      name: v.title || v.id,
      description: v.title || v.id,
      severity: GITLAB_SEVERITY[v.severity],
      solution: v.fixed ? `Upgrade ${v.pkg} to ${v.fixed}` : 'No solution provided',
      identifiers: [
        {
          type: /^CVE-/i.test(v.id) ? 'cve' : /^GHSA-/i.test(v.id) ? 'ghsa' : 'trivy',
          name: v.id,
          value: v.id,
          ...(v.url ? { url: v.url } : {})
        }
      ],
      links: v.url ? [{ url: v.url }] : [],
      location: {
        dependency: { package: { name: v.pkg }, version: v.installed },
        operating_system: scan.os ?? 'Unknown',
        image: scan.image
      }
    })),
    remediations: []
  }
}
