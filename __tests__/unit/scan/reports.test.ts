import { sbomArtifactName } from '../../../src/stages/scan/artifacts.js'
import { bySeverity, SEVERITIES, type ImageScan } from '../../../src/stages/scan/model.js'
import {
  countsJson,
  formatBytes,
  gitlabContainerScanning,
  vulnerabilityTable
} from '../../../src/stages/scan/reports.js'
import { scanOf, vuln } from './fixtures.js'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

const AMD = scanOf([vuln('CVE-1', 'CRITICAL', '1.1'), vuln('CVE-2', 'MEDIUM')], 'linux/amd64')
const ARM = scanOf([vuln('CVE-1', 'CRITICAL', '1.1'), vuln('CVE-3', 'LOW', '1.3', 'lib|pipe')], 'linux/arm64')

describe('countsJson and formatBytes', () => {
  it.each<[string, ImageScan[]]>([
    ['one image', [AMD]],
    ['two platforms', [AMD, ARM]],
    ['a clean image', [scanOf([])]]
  ])('countsJson adds up every scan for %s', (_, scans) => {
    const totals = JSON.parse(countsJson(scans)) as Record<string, number>
    for (const sev of SEVERITIES) expect(totals[sev]).toBe(scans.reduce((n, s) => n + s.counts[sev], 0))
    expect(totals.total).toBe(scans.reduce((n, s) => n + s.vulnerabilities.length, 0))
  })

  it.each([
    [undefined, '–'],
    [512, '512 B'],
    [2048, '2.0 KiB'],
    [5 * 1024 * 1024 + 1, '5.0 MiB']
  ])('writes %s bytes as %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text)
  })
})

describe('bySeverity', () => {
  it('orders by severity, then ID and package in code-unit order, whatever the locale', () => {
    const vulns = [
      vuln('CVE-2', 'HIGH', undefined, 'jinja2'),
      vuln('CVE-1', 'LOW'),
      vuln('CVE-2', 'HIGH', undefined, 'PyYAML'),
      vuln('CVE-10', 'HIGH'),
      vuln('CVE-2', 'CRITICAL')
    ]
    // localeCompare would put jinja2 before PyYAML (and differ again in other locales).
    expect(vulns.sort(bySeverity).map(v => `${v.severity} ${v.id} ${v.pkg}`)).toEqual([
      'CRITICAL CVE-2 libfoo',
      'HIGH CVE-10 libfoo',
      'HIGH CVE-2 PyYAML',
      'HIGH CVE-2 jinja2',
      'LOW CVE-1 libfoo'
    ])
  })
})

describe('sbomArtifactName', () => {
  const cases: Array<[string, string | undefined]> = [
    ['ghcr.io/o/app:1.0', undefined],
    ['ghcr.io/o/app:1.0', 'linux/amd64'],
    ['ghcr.io/o/app:1.0', 'linux/arm64'],
    ['ghcr.io/o/app:1.0', 'linux/arm/v7'],
    ['ghcr.io/o/app:1.1', 'linux/amd64'],
    ['ghcr.io/o/worker:1.0', 'linux/amd64'],
    ['registry.example:5000/o/app:1.0', 'linux/amd64']
  ]

  it('is unique per image and platform, so matrix jobs never collide', () => {
    const names = cases.map(([image, platform]) => sbomArtifactName(image, platform))
    expect(new Set(names).size).toBe(cases.length)
  })

  it.each(cases)('for %s (%s) holds only characters artifact names allow', (image, platform) => {
    const name = sbomArtifactName(image, platform)
    expect(name).toMatch(/^sbom-[A-Za-z0-9._-]+$/)
    expect(name).not.toMatch(/[\\/:"<>|*?\s]/)
    expect(name.length).toBeLessThanOrEqual(200)
  })

  it('names the image and platform readably', () => {
    expect(sbomArtifactName('ghcr.io/o/app:1.0', 'linux/arm64')).toBe('sbom-ghcr.io-o-app-1.0-linux-arm64')
  })
})

describe('gitlabContainerScanning', () => {
  const info = {
    trivyVersion: '0.58.1',
    analyzerVersion: '1.2.3',
    start: new Date('2026-11-22T10:00:00.123Z'),
    end: new Date('2026-11-22T10:01:02.999Z')
  }
  const report = gitlabContainerScanning(
    { ...AMD, image: 'ghcr.io/o/app:1', os: 'debian 12.5' },
    info
  ) as Json

  it('has the scan section of security report schema 15.x', () => {
    expect(report.version).toMatch(/^15\.\d+\.\d+$/)
    expect(report.scan).toEqual({
      analyzer: {
        id: 'oci-pipeline',
        name: 'oci-pipeline',
        version: '1.2.3',
        vendor: { name: 'oci-pipeline' }
      },
      scanner: {
        id: 'trivy',
        name: 'Trivy',
        version: '0.58.1',
        vendor: { name: 'Aqua Security' },
        url: 'https://github.com/aquasecurity/trivy'
      },
      type: 'container_scanning',
      start_time: '2026-11-22T10:00:00',
      end_time: '2026-11-22T10:01:02',
      status: 'success'
    })
    expect(report.scan.start_time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/)
  })

  it('says the scan failed, and why, when no vulnerability could be checked', () => {
    const unchecked = gitlabContainerScanning(
      { ...scanOf([]), image: 'ghcr.io/o/app:1' },
      { ...info, unchecked: 'no vulnerability DB' }
    ) as Json
    expect(unchecked.scan).toMatchObject({
      status: 'failure',
      messages: [{ level: 'warn', value: 'vulnerabilities were not checked: no vulnerability DB' }]
    })
    expect(unchecked.vulnerabilities).toEqual([])
  })

  it('has each vulnerability with a stable UUID, identifiers and a container location', () => {
    expect(report.vulnerabilities).toHaveLength(2)
    const [critical, medium] = report.vulnerabilities as Json[]
    expect(critical).toMatchObject({
      severity: 'Critical',
      solution: 'Upgrade libfoo to 1.1',
      identifiers: [{ type: 'cve', name: 'CVE-1', value: 'CVE-1' }],
      location: {
        dependency: { package: { name: 'libfoo' }, version: '1.0' },
        operating_system: 'debian 12.5',
        image: 'ghcr.io/o/app:1'
      }
    })
    expect(medium).toMatchObject({ severity: 'Medium', solution: 'No solution provided' })
    for (const v of report.vulnerabilities as Json[]) {
      expect(v.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
      expect(v.identifiers.length).toBeGreaterThan(0)
    }
    expect(new Set((report.vulnerabilities as Json[]).map(v => v.id)).size).toBe(2)
    const again = gitlabContainerScanning({ ...AMD, image: 'ghcr.io/o/app:1' }, info) as Json
    expect(again.vulnerabilities[0].id).toBe(critical!.id)
    expect(again.vulnerabilities[0].location.operating_system).toBe('Unknown')
  })

  it.each([
    ['GHSA-xxxx-yyyy-zzzz', 'ghsa'],
    ['DLA-3000-1', 'trivy']
  ])('types identifier %s as %s', (id, type) => {
    const r = gitlabContainerScanning({ image: 'i', vulnerabilities: [vuln(id, 'LOW')] }, info) as Json
    expect(r.vulnerabilities[0].identifiers[0].type).toBe(type)
  })
})

describe('vulnerabilityTable: the log table, written from the scan model', () => {
  it('totals by severity, then one row per vulnerability, worst first, columns aligned', () => {
    const text = vulnerabilityTable({ ...ARM, os: 'debian 12.5' })
    const lines = text.split('\n')
    expect(lines[0]).toBe(`${ARM.image} (debian 12.5)`)
    expect(lines[2]).toBe('Total: 2 (UNKNOWN: 0, LOW: 1, MEDIUM: 0, HIGH: 0, CRITICAL: 1)')
    const rows = lines.filter(l => /CVE-\d/.test(l))
    expect(rows.map(r => r.split(' | ').map(c => c.trim()))).toEqual([
      ['libfoo', 'CVE-1', 'CRITICAL', '1.0', '1.1', 'CVE-1 title'],
      ['lib|pipe', 'CVE-3', 'LOW', '1.0', '1.3', 'CVE-3 title']
    ])
    const header = lines.find(l => l.startsWith('Library'))
    expect(rows.every(r => r.indexOf('CVE-') === header?.indexOf('Vulnerability'))).toBe(true)
  })

  it('says Total: 0 for a clean image and lists no rows', () => {
    const text = vulnerabilityTable(scanOf([]))
    expect(text).toContain('Total: 0 (UNKNOWN: 0, LOW: 0, MEDIUM: 0, HIGH: 0, CRITICAL: 0)')
    expect(text).not.toMatch(/CVE-/)
  })
})
