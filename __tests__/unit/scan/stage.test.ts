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
 * Trivy's JSON for an image with CVE-1 (CRITICAL, fixed) and, on arm64, CVE-2 (LOW); given an
 * ignore file, CVE-3 (CRITICAL) is what it hid; given `secrets`, an AWS key in /app/.env.
 */
const report = (platform?: string, ignoreFile?: string, secrets = false) => ({
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
      Vulnerabilities: [
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
      ],
      ...(ignoreFile
        ? {
            ExperimentalModifiedFindings: [
              {
                Type: 'vulnerability',
                Status: 'ignored',
                Statement: '',
                Source: ignoreFile,
                Finding: {
                  VulnerabilityID: 'CVE-3',
                  PkgName: 'libbaz',
                  InstalledVersion: '3',
                  Severity: 'CRITICAL'
                }
              }
            ]
          }
        : {})
    },
    ...(secrets
      ? [
          {
            Target: '/app/.env',
            Secrets: [
              { RuleID: 'aws-access-key-id', Severity: 'CRITICAL', Title: 'AWS Access Key ID', StartLine: 2 }
            ]
          }
        ]
      : [])
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
    const out = args[args.indexOf('--output') + 1]!
    const format = args[args.indexOf('--format') + 1]
    const platform = args.includes('--platform') ? args[args.indexOf('--platform') + 1] : undefined
    const ignoreFile = args.includes('--ignorefile') ? args[args.indexOf('--ignorefile') + 1] : undefined
    if (args.includes('reg/gone:1')) throw new Error('trivy image exited with code 1: MANIFEST_UNKNOWN')
    if (args[0] === 'image' && format === 'json')
      writeFileSync(out, JSON.stringify(report(platform, ignoreFile, args.includes('reg/secret:1'))))
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
    compare: { compareTo?: string; compareToSameLayers?: boolean } = {}
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
      options: parseScanOptions(name => inputs[name] ?? '', work, {}),
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
      upload: async (name, files, _root, opts) =>
        void uploads.push([name, files.map(f => f.slice(f.lastIndexOf('/') + 1)), opts?.retentionDays])
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
      'CVE-1 linux/arm64',
      'CVE-2 linux/arm64'
    ])
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

  it('fails the gate when fail-on-new cannot scan the image it compares with (it used to pass)', async () => {
    const { result, reporter } = await stage(
      'dev',
      [{ image: 'app:1', source: { local: 'app:1' } }],
      undefined,
      {
        'fail-on-severity': 'none',
        'fail-on-new': 'true',
        'compare-to': 'reg/gone:1'
      }
    )
    expect(result.gate.failed).toBe(true)
    expect(result.gate.reasons).toEqual([
      'fail-on-new: reg/gone:1 could not be scanned, so what is new cannot be told'
    ])
    expect(reporter.said('error')).toEqual(result.gate.reasons)
  })

  it('lists every finding the checkout’s .trivyignore hid, with the line that hid it, in the summary and a warning', async () => {
    writeFileSync(join(work, '.trivyignore'), '# accepted risks\nCVE-9 exp:2099-01-01\nCVE-3\n')
    const { result, reporter, calls } = await stage('0.69.3', [
      { image: 'app:1', source: { local: 'app:1' } }
    ])
    expect(reads(calls)[0]).toEqual(
      expect.arrayContaining(['--ignorefile', join(work, '.trivyignore'), '--show-suppressed'])
    )
    expect(result.scans[0]?.suppressed).toEqual([
      expect.objectContaining({
        id: 'CVE-3',
        severity: 'CRITICAL',
        source: join(work, '.trivyignore'),
        line: 3
      })
    ])
    expect(reporter.said('warning')).toContain(
      'CVE-3 (CRITICAL, libbaz 3) in app:1 is hidden from the gate by .trivyignore:3'
    )
    expect(reporter.summaries.join('\n')).toContain(
      '| CVE-3 | CRITICAL | libbaz | ignored | `.trivyignore:3` |  |'
    )
  })

  it('does not honour the checkout’s .trivyignore with a Trivy that cannot say what it hid', async () => {
    writeFileSync(join(work, '.trivyignore'), 'CVE-1\n')
    const { reporter, calls } = await stage('0.52.0', [{ image: 'app:1', source: { local: 'app:1' } }])
    expect(reads(calls)[0]).not.toContain('--ignorefile')
    expect(reporter.said('warning')).toContain(
      `${join(work, '.trivyignore')} is not honoured: Trivy 0.52.0 cannot report what it hides (0.55+); name it in trivyignores to use it anyway`
    )
  })

  it('fails the gate on a secret baked into the image at the gate’s severity', async () => {
    const { result, reporter } = await stage(
      'dev',
      [{ image: 'reg/secret:1', source: { remote: 'reg/secret:1' } }],
      undefined,
      {
        'fail-on-severity': 'CRITICAL',
        severity: 'CRITICAL'
      }
    )
    expect(result.gate.reasons).toContain(
      '1 secret at or above CRITICAL in reg/secret:1: aws-access-key-id in /app/.env:2'
    )
    expect(reporter.summaries.join('\n')).toContain(
      '| aws-access-key-id | CRITICAL | `/app/.env:2` | AWS Access Key ID |'
    )
  })
})
