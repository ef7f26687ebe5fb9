import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ArtifactUploader } from '../../../src/stages/scan/artifacts.js'
import type { ScanTarget } from '../../../src/stages/scan/index.js'
import { reads, stage as runStage, stageWork } from './stage-fixtures.js'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

describe('runScanStage with a stand-in Trivy', () => {
  let work: string
  beforeEach(() => (work = stageWork()))
  afterEach(() => rmSync(work, { recursive: true, force: true }))
  const stage = (
    version: string,
    targets: ScanTarget[],
    uploader?: ArtifactUploader,
    values: Record<string, string> = {},
    compare: { compareTo?: string; compareToSameLayers?: boolean } = {}
  ) => runStage(work, version, targets, uploader, values, compare)

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
})
