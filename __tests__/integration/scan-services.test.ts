import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { GitHubArtifactUploader } from '../../src/faces/action/artifacts.js'
import { ensureDb, type DbCache } from '../../src/stages/scan/db.js'
import { Trivy } from '../../src/stages/scan/trivy.js'
import {
  runtimeToken,
  startArtifactService,
  unzip,
  type ArtifactService
} from '../support/artifact-service.js'
import { describeWithEnv } from '../support/env.js'
import { countingRunner, RecordingReporter } from '../support/scan-fixtures.js'
import { metadataJson, TEST_ADVISORIES, trivyDbBytes } from '../support/trivy-db/index.js'
import { dbArchive, startDbRegistry, type DbRegistry } from '../support/trivy-db/registry.js'

const DAY = 24 * 3600 * 1000

describe('SBOM upload through the artifact service', () => {
  let service: ArtifactService
  let work: string
  const saved = { ...process.env }
  let stdout: typeof process.stdout.write
  const logged: string[] = []

  beforeAll(async () => {
    service = await startArtifactService()
    work = mkdtempSync(join(tmpdir(), 'artifact-it-'))
    // What the runner gives a job; github.com, else @actions/artifact takes it for GHES and refuses.
    process.env.ACTIONS_RUNTIME_TOKEN = runtimeToken('run-7', 'job-9')
    process.env.ACTIONS_RESULTS_URL = `${service.url}/`
    process.env.GITHUB_SERVER_URL = 'https://github.com'
    delete process.env.GITHUB_RETENTION_DAYS
    // @actions/core logs to stdout; keep it for the assertions instead of the test output.
    stdout = process.stdout.write.bind(process.stdout)
    process.stdout.write = ((chunk: string | Uint8Array) => (
      logged.push(String(chunk)),
      true
    )) as typeof stdout
  })
  afterAll(async () => {
    process.stdout.write = stdout
    for (const k of [
      'ACTIONS_RUNTIME_TOKEN',
      'ACTIONS_RESULTS_URL',
      'GITHUB_SERVER_URL',
      'GITHUB_RETENTION_DAYS'
    ])
      if (saved[k] === undefined) delete process.env[k]
      else process.env[k] = saved[k]
    await service.close()
    rmSync(work, { recursive: true, force: true })
  })

  it('uploads the SBOM zipped under its name with the retention asked for; the bytes are the SBOM', async () => {
    const sbom = Buffer.from(
      JSON.stringify(
        { bomFormat: 'CycloneDX', specVersion: '1.6', components: [{ name: 'oci-test-lib' }] },
        null,
        2
      )
    )
    writeFileSync(join(work, 'sbom.cdx.json'), sbom)
    const name = 'sbom-ghcr.io-o-app-1.0-linux-amd64'
    const before = Date.now()
    await new GitHubArtifactUploader().upload(name, [join(work, 'sbom.cdx.json')], work, { retentionDays: 7 })

    const [create] = service.calls.get('CreateArtifact') ?? []
    expect(create).toMatchObject({
      workflow_run_backend_id: 'run-7',
      workflow_job_run_backend_id: 'job-9',
      name,
      mime_type: 'application/zip'
    })
    const expires = Date.parse(String(create!.expires_at))
    expect(Math.round((expires - before) / DAY)).toBe(7)

    const zip = service.blobs.get(`/blobs/${name}.zip`)
    expect(zip).toBeDefined()
    const files = unzip(zip!)
    expect([...files.keys()]).toEqual(['sbom.cdx.json'])
    expect(files.get('sbom.cdx.json')!.equals(sbom)).toBe(true)

    const [finalize] = service.calls.get('FinalizeArtifact') ?? []
    expect(finalize).toMatchObject({ name, size: String(zip!.length) })
    expect(String(finalize!.hash)).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(service.requests.some(r => /^PUT \/blobs\/.*comp=block(&|$)/.test(r))).toBe(true)
    expect(logged.join('')).toContain(`Artifact ${name} successfully finalized. Artifact ID 4242`)
  })

  it('fails with the service’s answer when a name is taken, so two matrix jobs must not share one', async () => {
    const name = 'sbom-ghcr.io-o-app-1.0-linux-amd64'
    await expect(
      new GitHubArtifactUploader().upload(name, [join(work, 'sbom.cdx.json')], work, { retentionDays: 7 })
    ).rejects.toThrow(/\(409\) Conflict: an artifact with this name already exists on the workflow run/)
    expect(service.blobs.size).toBe(1)
  })
})

describeWithEnv('Trivy DB download with the real Trivy', env => {
  let work: string
  const registries: DbRegistry[] = []
  const archive = dbArchive(trivyDbBytes('debian 12', TEST_ADVISORIES), metadataJson())
  const policy = { attempts: 4, delaysMs: [200] }

  beforeAll(() => (work = mkdtempSync(join(tmpdir(), 'db-retry-it-'))))
  afterAll(async () => {
    await Promise.all(registries.map(r => r.close()))
    rmSync(work, { recursive: true, force: true })
  })
  const registry = async (failures: number): Promise<DbRegistry> => {
    const r = await startDbRegistry(archive, failures, 429)
    registries.push(r)
    return r
  }
  const fakeCache = () => {
    const log: string[] = []
    const cache: DbCache = {
      restore: async (dir, key, restoreKeys) =>
        void log.push(`restore ${dir} ${key} [${restoreKeys.join(',')}]`),
      save: async (dir, key) => void log.push(`save ${dir} ${key} ${existsSync(join(dir, 'db', 'trivy.db'))}`)
    }
    return { cache, log }
  }
  const trivyEnv = (repositories: string): NodeJS.ProcessEnv => ({
    ...process.env,
    TRIVY_DB_REPOSITORY: repositories
  })

  // The test environment's Trivy (a 0.4x build) asks for the manifest once per run and prints no
  // reason when it fails; a release says TOOMANYREQUESTS, which the unit tests classify.
  it('retries a registry answering 429 TOOMANYREQUESTS until it serves the DB, then caches it under today’s key', async () => {
    const reg = await registry(2)
    const cacheDir = join(work, 'retry')
    const reporter = new RecordingReporter()
    const { cache, log } = fakeCache()
    const { runner, calls } = countingRunner()
    const trivy = await Trivy.detect(env().trivy, runner, trivyEnv(reg.repository))
    const now = new Date()

    const got = await ensureDb(trivy, cacheDir, {
      reporter,
      cache,
      env: trivyEnv(reg.repository),
      now,
      policy
    })
    expect(got).toBe('downloaded')
    const manifests = reg.requests.filter(r => r.includes('/manifests/'))
    expect(manifests.map(r => r.slice(-3))).toEqual(['429', '429', '200'])
    expect(calls.filter(a => a.includes('--download-db-only'))).toHaveLength(3)
    const retries = reporter.said('warning')
    expect(retries).toHaveLength(2)
    for (const w of retries)
      expect(w).toMatch(
        new RegExp(`^Trivy DB download from ${reg.repository}:2 failed \\(rate-limited\\); retrying`)
      )
    expect(reporter.said('info')).toContain(`Trivy DB downloaded from ${reg.repository}:2`)
    expect(JSON.parse(readFileSync(join(cacheDir, 'db', 'metadata.json'), 'utf8'))).toMatchObject({
      Version: 2
    })

    const day = `trivy-db-2-${process.platform}-`
    const today = `${day}${now.toISOString().slice(0, 10)}`
    expect(log).toEqual([`restore ${cacheDir} ${today} [${day}]`, `save ${cacheDir} ${today} true`])
  }, 300_000)

  it('names every repository and each attempt when all keep failing, and saves nothing', async () => {
    const [a, b] = [await registry(1000), await registry(1000)]
    const cacheDir = join(work, 'fail')
    const { cache, log } = fakeCache()
    const repos = `${a.repository},${b.repository}`
    const trivy = await Trivy.detect(env().trivy, undefined, trivyEnv(repos))
    const err = await ensureDb(trivy, cacheDir, {
      reporter: new RecordingReporter(),
      cache,
      env: trivyEnv(repos),
      policy: { attempts: 2, delaysMs: [100] }
    }).then(
      () => undefined,
      (e: Error) => e
    )
    expect(err?.message).toContain(
      `The Trivy vulnerability DB could not be downloaded from ${a.repository}, ${b.repository}. Set TRIVY_DB_REPOSITORY to a mirror`
    )
    // The pinned Trivy takes every repository in one run, and names each one's answer.
    expect(err?.message).toContain(`${a.repository}:2,${b.repository}:2 (attempt 2, rate-limited): `)
    for (const r of [a, b]) {
      expect(err?.message).toContain(
        `GET http://${r.repository.replace('/', '/v2/')}/manifests/2: TOOMANYREQUESTS`
      )
      expect(
        r.requests.filter(q => q.includes('/manifests/') && q.endsWith('-> 429')).length
      ).toBeGreaterThanOrEqual(2)
    }
    expect(log.filter(l => l.startsWith('save'))).toEqual([])
    expect(existsSync(join(cacheDir, 'db', 'trivy.db'))).toBe(false)
  }, 300_000)
})
