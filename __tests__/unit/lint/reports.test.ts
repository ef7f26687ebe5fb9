import type { Finding } from '../../../src/findings.js'
import { fingerprint, toCodeQuality } from '../../../src/stages/report/codequality.js'
import { toSarif } from '../../../src/stages/report/sarif.js'

const findings: Finding[] = [
  {
    engine: 'checklist',
    ruleId: 'OP004',
    level: 'error',
    message: 'USER root on line 5 makes the container run as root: end with a non-root USER',
    file: 'docker/Dockerfile',
    line: 5,
    helpUri: 'https://example.test/docs/rules/OP004.md'
  },
  {
    engine: 'hadolint',
    ruleId: 'DL3008',
    level: 'warning',
    message: 'Pin versions | in apt',
    file: 'docker/Dockerfile',
    line: 2
  },
  {
    engine: 'hadolint',
    ruleId: 'DL3008',
    level: 'warning',
    message: 'Pin versions | in apt',
    file: 'docker/Dockerfile',
    line: 7
  },
  {
    engine: 'trivy',
    ruleId: 'DS026',
    level: 'info',
    message: 'No HEALTHCHECK defined',
    file: '/outside/Dockerfile',
    line: 1
  }
]

describe('toSarif', () => {
  const sarif = toSarif(
    findings,
    [
      { name: 'hadolint' },
      { name: 'trivy', version: '0.69.3' },
      { name: 'checklist', titles: new Map([['OP004', 'Non-root']]) }
    ],
    '/work/repo'
  )

  it('is SARIF 2.1.0 with one run per engine and each rule listed once', () => {
    expect(sarif.version).toBe('2.1.0')
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/)
    expect(sarif.runs.map(r => r.tool.driver.name)).toEqual(['hadolint', 'trivy', 'checklist'])
    expect(sarif.runs[0]?.tool.driver.rules).toEqual([
      { id: 'DL3008', shortDescription: { text: 'Pin versions | in apt' } }
    ])
    expect(sarif.runs[2]?.tool.driver.rules).toEqual([
      {
        id: 'OP004',
        shortDescription: { text: 'Non-root' },
        helpUri: 'https://example.test/docs/rules/OP004.md'
      }
    ])
  })

  it('writes results with SARIF levels and workspace-relative locations', () => {
    expect(
      sarif.runs[0]?.results.map(r => [
        r.ruleIndex,
        r.level,
        r.locations[0]?.physicalLocation.region.startLine
      ])
    ).toEqual([
      [0, 'warning', 2],
      [0, 'warning', 7]
    ])
    expect(sarif.runs[2]?.results[0]).toEqual({
      ruleId: 'OP004',
      ruleIndex: 0,
      level: 'error',
      message: { text: findings[0]?.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'docker/Dockerfile', uriBaseId: '%SRCROOT%' },
            region: { startLine: 5 }
          }
        }
      ]
    })
    expect(sarif.runs[1]?.results[0]).toMatchObject({ level: 'note' })
    expect(sarif.runs[1]?.results[0]?.locations[0]?.physicalLocation.artifactLocation).toEqual({
      uri: 'file:///outside/Dockerfile'
    })
  })

  it('keeps an engine’s run when it found nothing', () => {
    const empty = toSarif([], [{ name: 'checklist' }], '/w')
    expect(empty.runs).toEqual([{ tool: { driver: { name: 'checklist', rules: [] } }, results: [] }])
  })
})

describe('toCodeQuality', () => {
  const report = toCodeQuality(findings)

  it('writes one GitLab issue per finding with a mapped severity', () => {
    expect(report.map(i => [i.check_name, i.severity, i.location.path, i.location.lines.begin])).toEqual([
      ['OP004', 'major', 'docker/Dockerfile', 5],
      ['DL3008', 'minor', 'docker/Dockerfile', 2],
      ['DL3008', 'minor', 'docker/Dockerfile', 7],
      ['DS026', 'info', '/outside/Dockerfile', 1]
    ])
    expect(report[0]?.description).toBe(`OP004: ${findings[0]?.message}`)
  })

  it('gives stable fingerprints that differ between findings', () => {
    expect(report[0]?.fingerprint).toMatch(/^[0-9a-f]{64}$/)
    expect(toCodeQuality(findings).map(i => i.fingerprint)).toEqual(report.map(i => i.fingerprint))
    expect(new Set(report.map(i => i.fingerprint)).size).toBe(report.length)
    expect(fingerprint({ ...(findings[1] as Finding), line: 3 })).not.toBe(report[1]?.fingerprint)
  })
})
