import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseScanOptions, runScanStage, type ScanTarget } from '../../src/stages/scan/index.js'
import { describeWithEnv, pinnedRef } from '../support/env.js'
import {
  countingRunner,
  docker,
  dockerLogin,
  imageReads,
  inputs,
  RecordingReporter,
  summaryOf
} from '../support/scan-fixtures.js'
import { TEST_ADVISORIES, writeTrivyDb } from '../support/trivy-db/index.js'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
// Each Trivy start unpacks a 33 MB binary; a stage is several starts.
const SLOW = 300_000
const readJson = (path: string): Json => JSON.parse(readFileSync(path, 'utf8')) as Json

describeWithEnv('scan stage with the real Trivy and a generated DB', env => {
  let work: string
  let dockerConfig: string
  let tar: string
  let vulnRef: string
  // Laid out as Trivy's release archives are: the binary, and contrib/ with its templates.
  let releaseTrivy: string

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'scan-it-'))
    mkdirSync(join(work, 'release', 'contrib'), { recursive: true })
    releaseTrivy = join(work, 'release', 'trivy')
    symlinkSync(env().trivy, releaseTrivy)
    writeFileSync(join(work, 'release', 'contrib', 'gitlab.tpl'), '{"from": "contrib/gitlab.tpl"}\n')
    dockerConfig = dockerLogin(env())
    vulnRef = pinnedRef(env().baseImages.debianVuln)
    docker(dockerConfig, ['pull', '-q', vulnRef])
    tar = join(work, 'image.tar')
    docker(dockerConfig, ['save', '-o', tar, vulnRef])
    writeTrivyDb(join(work, 'cache'), 'debian 12', TEST_ADVISORIES)
  }, SLOW)
  afterAll(() => rmSync(work, { recursive: true, force: true }))

  const stage = async (
    values: Record<string, string>,
    targets: ScanTarget[],
    out: string,
    trivyPath = env().trivy
  ) => {
    const reporter = new RecordingReporter()
    const { runner, calls } = countingRunner()
    const options = parseScanOptions(inputs({ 'trivy-cache-dir': join(work, 'cache'), ...values }))
    const result = await runScanStage({
      targets,
      options,
      reporter,
      outDir: join(work, out),
      trivyPath,
      runner,
      env: { ...process.env, DOCKER_CONFIG: dockerConfig, TRIVY_DB_REPOSITORY: '127.0.0.1:9/unreachable' }
    })
    return { result, reporter, calls }
  }

  it(
    'finds both vulnerabilities in one Trivy run and fails the CRITICAL gate; every report agrees',
    async () => {
      const { result, reporter, calls } = await stage(
        { 'sbom-format': 'both' },
        [{ image: 'app:1', source: { tar } }],
        'all',
        releaseTrivy
      )

      expect(result.vulnerabilities.map(v => [v.id, v.severity, v.pkg, v.installed, v.fixed])).toEqual([
        ['CVE-2099-0001', 'CRITICAL', 'oci-test-lib', '1.0.0-1', '1.0.0-2'],
        ['CVE-2099-0002', 'MEDIUM', 'oci-test-lib', '1.0.0-1', undefined]
      ])
      expect(imageReads(calls)).toHaveLength(1)
      expect(calls.some(a => a.includes('--download-db-only'))).toBe(false) // the generated DB is fresh

      expect(result.gate.failed).toBe(true)
      expect(result.gate.failing.map(v => v.id)).toEqual(['CVE-2099-0001'])
      expect(result.gate.fixable.map(v => v.id)).toEqual(['CVE-2099-0001'])
      expect(reporter.said('error').join('\n')).toContain(
        'CVE-2099-0001 in oci-test-lib 1.0.0-1 (fixed in 1.0.0-2)'
      )

      const json = readJson(result.paths.json)
      const jsonIds = json.Results.flatMap((r: Json) =>
        (r.Vulnerabilities ?? []).map((v: Json) => v.VulnerabilityID)
      ).sort()
      const sarif = readJson(result.paths.sarif)
      expect(sarif.runs[0].results.map((r: Json) => r.ruleId).sort()).toEqual(jsonIds)
      expect(JSON.parse(reporter.outputs.get('vulnerabilities')!)).toEqual({
        CRITICAL: 1,
        HIGH: 0,
        MEDIUM: 1,
        LOW: 0,
        UNKNOWN: 0,
        total: 2
      })
      expect(reporter.outputs.get('scan-sarif')).toBe(result.paths.sarif)

      const summary = summaryOf(result)
      expect(summary).toMatch(/\| `app:1` \| – \| 1 \| 0 \| 1 \| 0 \| 0 \| 1 \| [\d.]+ (KiB|MiB) \| 1 \|/)
      expect(summary).toContain('**Gate: failed**')
      expect(summary).toMatch(
        /\| \[CVE-2099-0001\]\([^)]+\) \| CRITICAL \| oci-test-lib \| 1\.0\.0-1 \| 1\.0\.0-2 \| oci-test-lib: overflow/
      )

      const cdx = readJson(result.paths.cyclonedx!)
      expect(cdx.bomFormat).toBe('CycloneDX')
      expect(cdx.components.map((c: Json) => c.name)).toContain('oci-test-lib')
      expect(cdx.vulnerabilities.map((v: Json) => v.id).sort()).toEqual(jsonIds)
      const spdx = readJson(result.paths.spdx!)
      expect(spdx.spdxVersion).toMatch(/^SPDX-2/)
      expect(spdx.packages.map((p: Json) => p.name)).toContain('oci-test-lib')
      expect(reporter.outputs.get('sbom-path')).toBe(result.paths.cyclonedx)

      // GitLab's report is the pipeline's own, even where Trivy ships a template for it: no Trivy start.
      const gitlab = readJson(result.paths.gitlab)
      expect(gitlab.scan.type).toBe('container_scanning')
      expect(gitlab.scan.analyzer.id).toBe('oci-pipeline')
      expect(calls.filter(a => a.includes('--template'))).toEqual([])
      expect(
        gitlab.vulnerabilities.map((v: Json) => [
          v.identifiers[0].value,
          v.severity,
          v.location.dependency.package.name
        ])
      ).toEqual([
        ['CVE-2099-0001', 'Critical', 'oci-test-lib'],
        ['CVE-2099-0002', 'Medium', 'oci-test-lib']
      ])
      expect(readFileSync(result.paths.table, 'utf8')).toContain(
        'Total: 2 (UNKNOWN: 0, LOW: 0, MEDIUM: 1, HIGH: 0, CRITICAL: 1)'
      )
    },
    SLOW
  )

  it(
    'drops the unfixed MEDIUM with ignore-unfixed, and passes once the CRITICAL is in a trivyignore',
    async () => {
      const unfixed = await stage(
        { 'ignore-unfixed': 'true' },
        [{ image: 'app:1', source: { tar } }],
        'unfixed'
      )
      expect(unfixed.result.vulnerabilities.map(v => v.id)).toEqual(['CVE-2099-0001'])
      expect(unfixed.result.gate.failed).toBe(true)

      const ignore = join(work, '.trivyignore')
      writeFileSync(ignore, '# accepted until the fix ships\nCVE-2099-0001\n')
      const ignored = await stage({ trivyignores: ignore }, [{ image: 'app:1', source: { tar } }], 'ignored')
      expect(ignored.result.vulnerabilities.map(v => v.id)).toEqual(['CVE-2099-0002'])
      expect(ignored.result.gate.failed).toBe(false)
      expect(summaryOf(ignored.result)).toContain('**Gate: passed**')
    },
    SLOW
  )

  it(
    'scans an image in the local docker daemon the same way',
    async () => {
      const { result, calls } = await stage({}, [{ image: vulnRef, source: { local: vulnRef } }], 'local')
      expect(result.vulnerabilities.map(v => v.id)).toEqual(['CVE-2099-0001', 'CVE-2099-0002'])
      expect(imageReads(calls)).toHaveLength(1)
    },
    SLOW
  )

  it(
    'counts the previous image from the registry: a fixed base shows the CRITICAL gone, and fail-on-new catches its return',
    async () => {
      // The "fixed" image: the same base with oci-test-lib at 1.0.0-2, pushed so Trivy reads it remotely.
      const ctx = join(work, 'fixed')
      rmSync(ctx, { recursive: true, force: true })
      const status =
        'Package: oci-test-lib\nStatus: install ok installed\nArchitecture: amd64\nSource: oci-test-lib\nVersion: 1.0.0-2\n'
      writeFileSync(join(work, 'status'), status)
      const fixedRef = `${env().registry}/scan-test/fixed:${Date.now()}`
      const dockerfile = join(work, 'Dockerfile.fixed')
      writeFileSync(dockerfile, `FROM ${vulnRef}\nCOPY status /var/lib/dpkg/status\n`)
      docker(dockerConfig, ['buildx', 'build', '--load', '-q', '-f', dockerfile, '-t', fixedRef, work])
      docker(dockerConfig, ['push', '-q', fixedRef])
      const fixedTar = join(work, 'fixed.tar')
      docker(dockerConfig, ['save', '-o', fixedTar, fixedRef])

      const better = await stage(
        { 'compare-to': vulnRef, 'fail-on-new': 'true' },
        [{ image: 'app:2', source: { tar: fixedTar } }],
        'delta1'
      )
      expect(better.result.delta).toMatchObject({
        before: { CRITICAL: 1, MEDIUM: 1 },
        after: { CRITICAL: 0, MEDIUM: 1 },
        added: [],
        removed: [expect.objectContaining({ id: 'CVE-2099-0001' })]
      })
      expect(better.result.gate.failed).toBe(false)
      expect(summaryOf(better.result)).toMatch(
        /\| Before \| 1 \| 0 \| 1 \| 0 \| 0 \|\n\| After \| 0 \| 0 \| 1 \| 0 \| 0 \|/
      )

      const worse = await stage(
        { 'compare-to': fixedRef, 'fail-on-new': 'true', 'fail-on-severity': 'none' },
        [{ image: 'app:3', source: { tar } }],
        'delta2'
      )
      expect(worse.result.delta?.added.map(v => v.id)).toEqual(['CVE-2099-0001'])
      expect(worse.result.gate.failed).toBe(true)
      expect(worse.result.gate.reasons).toEqual([
        expect.stringContaining(`1 new vulnerability compared with ${fixedRef}`)
      ])
    },
    SLOW
  )
})
