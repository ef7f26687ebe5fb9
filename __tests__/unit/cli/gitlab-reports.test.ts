import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Finding } from '../../../src/findings.js'
import {
  mergeSecurityReports,
  sbomFileName,
  writeGitLabReports,
  type SecurityReport
} from '../../../src/faces/gitlab/reports.js'

const finding = (over: Partial<Finding>): Finding => ({
  ruleId: 'OP004',
  engine: 'checklist',
  level: 'error',
  message: 'the final stage runs as root',
  file: 'Dockerfile',
  line: 3,
  ...over
})

const securityReport = (start: string, end: string, ids: string[]): SecurityReport => ({
  version: '15.0.7',
  scan: { start_time: start, end_time: end, type: 'container_scanning', status: 'success' },
  vulnerabilities: ids.map(id => ({ id, severity: 'High' })),
  remediations: []
})

describe('GitLab reports', () => {
  it('names SBOMs gl-sbom-<image>[-<platform>].cdx.json, without registry, path or tag', () => {
    expect(sbomFileName('registry.gitlab.com/ska-telescope/ska-demo/ska-demo-api:1.2.3-dev.cabc')).toBe(
      'gl-sbom-ska-demo-api.cdx.json'
    )
    expect(sbomFileName(`h.io/x/app@sha256:${'a'.repeat(64)}`, 'linux/arm/v7')).toBe(
      'gl-sbom-app-linux-arm-v7.cdx.json'
    )
    expect(sbomFileName('localhost:5000/app:1', 'linux/amd64')).toBe('gl-sbom-app-linux-amd64.cdx.json')
  })

  it('merges the platforms of one image into one security report: each vulnerability once, the whole time', () => {
    const a = securityReport('2025-01-01T10:00:05', '2025-01-01T10:00:09', ['u1', 'u2'])
    const b = securityReport('2025-01-01T10:00:01', '2025-01-01T10:00:12', ['u2', 'u3'])
    expect(mergeSecurityReports([a])).toBe(a)
    expect(mergeSecurityReports([a, b])).toEqual({
      ...a,
      scan: { ...a.scan, start_time: '2025-01-01T10:00:01', end_time: '2025-01-01T10:00:12' },
      vulnerabilities: [a.vulnerabilities[0], a.vulnerabilities[1], b.vulnerabilities[1]]
    })
    expect(() => mergeSecurityReports([])).toThrow()
  })

  it('writes code quality, container scanning and SBOMs from what the stages found', () => {
    const work = mkdtempSync(join(tmpdir(), 'oci-gl-reports-'))
    const scanDir = (name: string, report: SecurityReport): { gitlab: string; cyclonedx: string } => {
      mkdirSync(join(work, 'scan', name), { recursive: true })
      const gitlab = join(work, 'scan', name, 'gl-container-scanning-report.json')
      const cyclonedx = join(work, 'scan', name, 'sbom.cdx.json')
      writeFileSync(gitlab, JSON.stringify(report))
      writeFileSync(cyclonedx, JSON.stringify({ bomFormat: 'CycloneDX', platform: name }))
      return { gitlab, cyclonedx }
    }
    const out = join(work, 'reports')
    const written = writeGitLabReports(out, {
      lint: {
        findings: [finding({}), finding({ ruleId: 'DL3008', engine: 'hadolint', level: 'warning', line: 2 })]
      },
      scans: [
        {
          image: 'r.io/g/app:1',
          platform: 'linux/amd64',
          paths: scanDir('amd64', securityReport('a', 'b', ['x']))
        },
        {
          image: 'r.io/g/app:1',
          platform: 'linux/arm64',
          paths: scanDir('arm64', securityReport('a', 'c', ['y']))
        }
      ]
    })
    expect(readdirSync(out).sort()).toEqual([
      'gl-code-quality-report.json',
      'gl-container-scanning-report.json',
      'gl-sbom-app-linux-amd64.cdx.json',
      'gl-sbom-app-linux-arm64.cdx.json'
    ])
    expect(written.cyclonedx).toEqual([
      join(out, 'gl-sbom-app-linux-amd64.cdx.json'),
      join(out, 'gl-sbom-app-linux-arm64.cdx.json')
    ])
    const read = (name: string) => JSON.parse(readFileSync(join(out, name), 'utf8'))
    expect(read('gl-code-quality-report.json')).toEqual([
      expect.objectContaining({
        check_name: 'OP004',
        severity: 'major',
        location: { path: 'Dockerfile', lines: { begin: 3 } }
      }),
      expect.objectContaining({
        check_name: 'DL3008',
        severity: 'minor',
        location: { path: 'Dockerfile', lines: { begin: 2 } }
      })
    ])
    const merged = read('gl-container-scanning-report.json')
    expect(merged.vulnerabilities.map((v: { id: string }) => v.id)).toEqual(['x', 'y'])
    expect(merged.scan.end_time).toBe('c')
    expect(read('gl-sbom-app-linux-arm64.cdx.json')).toEqual({ bomFormat: 'CycloneDX', platform: 'arm64' })
  })

  it('writes an empty code quality report for a clean lint, and nothing for a stage that did not run', () => {
    const out = mkdtempSync(join(tmpdir(), 'oci-gl-reports-'))
    expect(writeGitLabReports(out, { lint: { findings: [] } })).toEqual({
      codequality: join(out, 'gl-code-quality-report.json'),
      cyclonedx: []
    })
    expect(readFileSync(join(out, 'gl-code-quality-report.json'), 'utf8')).toBe('[]\n')
    const none = mkdtempSync(join(tmpdir(), 'oci-gl-reports-'))
    expect(writeGitLabReports(none, {})).toEqual({ cyclonedx: [] })
    expect(readdirSync(none)).toEqual([])
  })
})
