import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RunResult } from '../../../src/infra/process.js'
import type { ArtifactUploader } from '../../../src/stages/scan/artifacts.js'
import { parseScanOptions, runScanStage, type ScanTarget } from '../../../src/stages/scan/index.js'
import type { Runner } from '../../../src/stages/scan/trivy.js'
import { RecordingReporter } from '../../support/scan-fixtures.js'
import { HELP_0_58 } from './trivy-help.js'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
const ok = (stdout = ''): RunResult => ({ code: 0, stdout, stderr: '' })

/**
 * Trivy's JSON for an image with CVE-1 (CRITICAL, fixed) and, on arm64, CVE-2 (LOW); with the
 * vuln scanner off, packages only; with VEX, CVE-9 set aside by the last VEX file.
 */
const report = (platform?: string, vulns = true, vex?: string) => ({
  ArtifactName: 'app:1',
  Metadata: {
    OS: { Family: 'debian', Name: '12.5' },
    ImageID: 'sha256:abc',
    DiffIDs: ['sha256:l1', 'sha256:l2']
  },
  Results: [
    {
      Target: 'app:1 (debian 12.5)',
      Packages: [{ Name: 'libfoo' }, { Name: 'libbar' }],
      ...(vex
        ? {
            ExperimentalModifiedFindings: [
              {
                Type: 'vulnerability',
                Status: 'not_affected',
                Statement: 'vulnerable_code_not_in_execute_path',
                Source: vex,
                Finding: {
                  VulnerabilityID: 'CVE-9',
                  PkgName: 'libbar',
                  InstalledVersion: '2',
                  Severity: 'HIGH'
                }
              }
            ]
          }
        : {}),
      Vulnerabilities: vulns
        ? [
            {
              VulnerabilityID: 'CVE-1',
              PkgName: 'libfoo',
              InstalledVersion: '1.0',
              FixedVersion: '1.1',
              Severity: 'CRITICAL',
              Title: 'bad'
            },
            ...(platform === 'linux/arm64'
              ? [{ VulnerabilityID: 'CVE-2', PkgName: 'libbar', InstalledVersion: '2', Severity: 'LOW' }]
              : [])
          ]
        : undefined
    }
  ]
})

/** A Trivy of `version` (`dev` reads HELP_0_58 and has convert) that writes what it is asked to. */
function fakeTrivy(version: string) {
  const calls: string[][] = []
  const runner: Runner = async (_cmd, args) => {
    calls.push([...args])
    if (args[0] === '--version') return ok(`Version: ${version}`)
    if (args.includes('--help'))
      return version === 'dev'
        ? ok(args[0] === 'convert' ? 'Usage:\n  trivy convert [flags] RESULT_JSON' : HELP_0_58)
        : ok('')
    if (args.includes('--download-db-only'))
      return { code: 1, stdout: '', stderr: 'FATAL dial tcp: lookup mirror.gcr.io: no such host' }
    const flag = (name: string): string | undefined =>
      args.includes(name) ? args[args.lastIndexOf(name) + 1] : undefined
    const out = args[args.indexOf('--output') + 1]!
    const format = args[args.indexOf('--format') + 1]
    const platform = args.includes('--platform') ? args[args.indexOf('--platform') + 1] : undefined
    const vulns = (flag('--scanners') ?? flag('--security-checks') ?? '').split(',').includes('vuln')
    const vex = args.includes('--show-suppressed') ? flag('--vex') : undefined
    if (args[0] === 'image' && format === 'json')
      writeFileSync(out, JSON.stringify(report(platform, vulns, vex)))
    else writeFileSync(out, `${format} report`)
    return ok()
  }
  return { runner, calls }
}

describe('runScanStage with a stand-in Trivy', () => {
  let work: string
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'scan-stage-'))
    mkdirSync(join(work, 'cache', 'db'), { recursive: true })
    mkdirSync(join(work, 'empty-cache'), { recursive: true })
    writeFileSync(join(work, 'cache', 'db', 'trivy.db'), 'bolt')
    const nextUpdate = new Date(Date.now() + 3600_000).toISOString()
    const updatedAt = new Date(Date.now() - 20 * 3600_000).toISOString()
    writeFileSync(
      join(work, 'cache', 'db', 'metadata.json'),
      JSON.stringify({ Version: 2, NextUpdate: nextUpdate, UpdatedAt: updatedAt })
    )
  })
  afterEach(() => rmSync(work, { recursive: true, force: true }))

  const stage = async (
    version: string,
    targets: ScanTarget[],
    uploader?: ArtifactUploader,
    values: Record<string, string> = {},
    compare: { compareTo?: string; compareToSameLayers?: boolean; deferReports?: boolean } = {}
  ) => {
    const reporter = new RecordingReporter()
    const trivy = fakeTrivy(version)
    const inputs: Record<string, string> = {
      'trivy-cache-dir': join(work, 'cache'),
      'sbom-format': 'both',
      ...values
    }
    const result = await runScanStage({
      targets,
      options: parseScanOptions(name => inputs[name] ?? ''),
      reporter,
      outDir: join(work, 'out'),
      trivyPath: '/bin/trivy',
      runner: trivy.runner,
      env: {},
      ...(uploader ? { uploader } : {}),
      ...compare
    })
    return { result, reporter, calls: trivy.calls }
  }
  const reads = (calls: string[][]) => calls.filter(a => a[0] === 'image' && !a.includes('--help'))

  it('with deferReports, gives the gate before any report is converted, and converts them when asked', async () => {
    const uploads: string[] = []
    const uploader: ArtifactUploader = { upload: async name => void uploads.push(name) }
    const { result, calls } = await stage(
      'dev',
      [{ image: 'app:1', source: { local: 'app:1' } }],
      uploader,
      { 'sbom-upload': 'true' },
      { deferReports: true }
    )
    const converts = () => calls.filter(a => a[0] === 'convert' && !a.includes('--help'))
    expect(result.gate.failed).toBe(true)
    expect(converts()).toEqual([])
    expect(uploads).toEqual([])
    await result.writeReports()
    expect(
      converts()
        .map(a => a[a.indexOf('--format') + 1])
        .sort()
    ).toEqual(['cyclonedx', 'sarif', 'spdx-json'])
    expect(uploads).toEqual(['sbom-app-1'])
    // Asked twice, they are written once.
    await result.writeReports()
    expect(converts()).toHaveLength(3)
  })

  it.each([
    [true, 1],
    [false, 2]
  ])('the previous image having the same layers (%s) saves its scan: %i image read(s)', async (same, n) => {
    const targets = [{ image: 'app:1', source: { local: 'app:1' } }]
    const { result, calls } = await stage(
      'dev',
      targets,
      undefined,
      {},
      {
        compareTo: 'reg/app:1',
        compareToSameLayers: same
      }
    )
    expect(reads(calls)).toHaveLength(n)
    expect(result.delta?.before).toEqual(result.delta?.after)
    expect(result.delta?.added).toEqual([])
  })

  it('reads the image once and converts that JSON into every report', async () => {
    const { result, calls } = await stage('dev', [{ image: 'app:1', source: { local: 'app:1' } }])
    expect(reads(calls)).toHaveLength(1)
    expect(reads(calls)[0]).toEqual(
      expect.arrayContaining(['--scanners', '--pkg-types', '--image-src', 'docker'])
    )
    // The table comes from the model: Trivy is started for the JSON and the formats only it writes.
    expect(calls.filter(a => a[0] === 'convert' && !a.includes('--help')).map(a => a[2])).toEqual([
      'sarif',
      'cyclonedx',
      'spdx-json'
    ])
    expect(result.scans[0]).toMatchObject({
      packages: 2,
      layers: 2,
      os: 'debian 12.5',
      imageId: 'sha256:abc'
    })
    const gitlab = JSON.parse(readFileSync(result.paths.gitlab, 'utf8')) as Json
    expect(gitlab.vulnerabilities.map((v: Json) => v.location.operating_system)).toEqual(['debian 12.5'])
  })

  it('scans once per report with a Trivy older than convert, with the flags it has', async () => {
    writeFileSync(join(work, 'i.tar'), 'an image')
    const { result, reporter, calls } = await stage('0.35.0', [
      { image: 'app:1', source: { tar: join(work, 'i.tar') } }
    ])
    expect(reads(calls).map(a => a[2])).toEqual(['json', 'table', 'sarif', 'cyclonedx', 'spdx-json'])
    for (const a of reads(calls)) {
      expect(a).toEqual(
        expect.arrayContaining(['--security-checks', 'vuln,secret', '--vuln-type', '--input'])
      )
      expect(a).not.toContain('--scanners')
    }
    expect(reporter.said('warning')).toContain(
      'Trivy 0.35.0 has no "trivy convert" (0.42+), so each report is a scan of its own'
    )
    expect(readFileSync(result.paths.sarif, 'utf8')).toBe('sarif report')
    expect(result.vulnerabilities.map(v => v.id)).toEqual(['CVE-1'])
    expect(result.scans[0]!.sizeBytes).toBe(8)
  })

  it('gates every platform, and uploads one SBOM artifact per platform with the retention asked for', async () => {
    const uploads: Array<[string, string[], number | undefined]> = []
    const uploader: ArtifactUploader = {
      upload: async (name, files, _root, opts) => {
        uploads.push([name, files.map(f => f.slice(f.lastIndexOf('/') + 1)), opts?.retentionDays])
        return { url: `https://example.test/artifacts/${name}` }
      }
    }
    const remote = { remote: 'reg/app@sha256:d' }
    const targets = ['linux/amd64', 'linux/arm64'].map(platform => ({
      image: 'reg/app:1',
      platform,
      source: remote
    }))
    const { result, reporter } = await stage('dev', targets, uploader, {
      'fail-on-severity': 'LOW',
      'sbom-retention-days': '5'
    })
    expect(result.gate.failed).toBe(true)
    expect(result.gate.failing.map(v => `${v.id} ${v.platform}`)).toEqual([
      'CVE-1 linux/amd64',
      'CVE-1 linux/arm64'
    ])
    // CVE-2 has no fix: reported, not gating (ignore-unfixed is unset).
    expect(result.gate.unfixed.map(v => `${v.id} ${v.platform}`)).toEqual(['CVE-2 linux/arm64'])
    expect(result.counts).toMatchObject({ CRITICAL: 2, LOW: 1 })
    expect(JSON.parse(reporter.outputs.get('vulnerabilities')!)).toMatchObject({
      CRITICAL: 2,
      LOW: 1,
      total: 3
    })
    expect(uploads).toEqual([
      ['sbom-reg-app-1-linux-amd64', ['sbom.cdx.json', 'sbom.spdx.json'], 5],
      ['sbom-reg-app-1-linux-arm64', ['sbom.cdx.json', 'sbom.spdx.json'], 5]
    ])
    expect(reporter.outputs.get('sbom-path')!.split('\n')).toHaveLength(2)
    expect(result.sboms.map(s => s.artifact)).toEqual([
      {
        name: 'sbom-reg-app-1-linux-amd64',
        url: 'https://example.test/artifacts/sbom-reg-app-1-linux-amd64'
      },
      { name: 'sbom-reg-app-1-linux-arm64', url: 'https://example.test/artifacts/sbom-reg-app-1-linux-arm64' }
    ])
  })

  it('warns, and does not fail, when the artifact service refuses the SBOM', async () => {
    const uploader: ArtifactUploader = {
      upload: async () => {
        throw new Error('Failed to CreateArtifact: (409) Conflict: an artifact with this name already exists')
      }
    }
    const { result, reporter } = await stage(
      'dev',
      [{ image: 'app:1', source: { local: 'app:1' } }],
      uploader
    )
    expect(result.gate.failed).toBe(true)
    expect(reporter.said('warning')).toEqual([
      'SBOM not uploaded as artifact sbom-app-1: Failed to CreateArtifact: (409) Conflict: an artifact with this name already exists'
    ])
  })

  it.each([
    ['CRITICAL', true],
    ['none', false]
  ])(
    'with no DB to be had, lists the packages (SBOM) without checking; fail-on-severity %s fails: %s',
    async (gate, fails) => {
      const { result, reporter, calls } = await stage(
        'dev',
        [{ image: 'app:1', source: { local: 'app:1' } }],
        undefined,
        {
          'trivy-cache-dir': join(work, 'empty-cache'),
          'fail-on-severity': gate
        }
      )
      expect(reads(calls).filter(a => a.includes('--download-db-only'))).toHaveLength(1)
      const scanArgs = reads(calls).filter(a => !a.includes('--download-db-only'))
      expect(scanArgs).toHaveLength(1)
      expect(scanArgs[0]![scanArgs[0]!.indexOf('--scanners') + 1]).toBe('secret')
      expect(result.unchecked).toMatch(/^The Trivy vulnerability DB could not be downloaded/)
      expect(result.vulnerabilities).toEqual([])
      expect(result.scans[0]!.packages).toBe(2)
      expect(result.gate.failed).toBe(fails)
      expect(reporter.outputs.get('vulnerabilities')).toBe('')
      expect(reporter.outputs.get('sbom-path')).toBe(result.scans[0]!.paths.cyclonedx)
      expect(readFileSync(result.scans[0]!.paths.cyclonedx!, 'utf8')).toBe('cyclonedx report')
      expect(reporter.said('warning')).toEqual([
        expect.stringMatching(/^Vulnerabilities not checked: The Trivy/)
      ])
    }
  )

  it('passes VEX files to Trivy (a CycloneDX VEX as OpenVEX) and reads what they set aside', async () => {
    const openvex = join(work, 'app.openvex.json')
    const cdx = join(work, 'base.cdx.json')
    writeFileSync(openvex, JSON.stringify({ '@context': 'https://openvex.dev/ns/v0.2.0', statements: [] }))
    writeFileSync(
      cdx,
      JSON.stringify({
        bomFormat: 'CycloneDX',
        vulnerabilities: [
          { id: 'CVE-9', analysis: { state: 'not_affected' }, affects: [{ ref: 'pkg:deb/debian/libbar@2' }] }
        ]
      })
    )
    const { result, calls } = await stage(
      '0.69.3',
      [{ image: 'app:1', source: { local: 'app:1' } }],
      undefined,
      {
        vex: `${openvex}\n${cdx}`
      }
    )
    const args = reads(calls)[0]!
    const vexArgs = args.flatMap((a, i) => (a === '--vex' ? [args[i + 1]] : []))
    expect(vexArgs).toEqual([openvex, join(result.paths.json, '..', 'vex-2.openvex.json')])
    expect(args).toContain('--show-suppressed')
    const written = JSON.parse(readFileSync(vexArgs[1]!, 'utf8')) as Json
    expect(written.statements).toEqual([
      {
        vulnerability: { name: 'CVE-9' },
        products: [{ '@id': 'pkg:deb/debian/libbar@2' }],
        status: 'not_affected',
        impact_statement: 'not_affected'
      }
    ])
    expect(result.scans[0]!.suppressed).toEqual([
      expect.objectContaining({ id: 'CVE-9', status: 'not_affected', source: cdx })
    ])
  })

  it.each([
    ['a Trivy older than 0.49', '0.45.0', 'x.openvex.json', /needs Trivy 0.49 or later/],
    ['a file that is not there', '0.69.3', 'missing.json', /missing.json does not exist/],
    ['a file of another kind', '0.69.3', 'sbom.json', /is neither OpenVEX, CycloneDX VEX nor CSAF VEX/]
  ])('refuses vex with %s, naming the input', async (_, version, file, problem) => {
    writeFileSync(
      join(work, 'x.openvex.json'),
      JSON.stringify({ '@context': 'https://openvex.dev/ns/v0.2.0' })
    )
    writeFileSync(join(work, 'sbom.json'), JSON.stringify({ spdxVersion: 'SPDX-2.3' }))
    await expect(
      stage(version, [{ image: 'app:1', source: { local: 'app:1' } }], undefined, { vex: join(work, file) })
    ).rejects.toThrow(expect.objectContaining({ input: 'vex', message: expect.stringMatching(problem) }))
  })
})
