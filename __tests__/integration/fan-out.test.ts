import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction, type ActionRun } from '../support/action-runner.js'
import { push, RUN, SHA, workspace } from '../support/action-fixtures.js'
import { describeWithEnv, pinnedRef, type TestEnv } from '../support/env.js'
import { RegistryClient } from '../support/registry.js'
import { TEST_ADVISORIES, writeTrivyDb } from '../support/trivy-db/index.js'

/** No RUN: BuildKit builds any platform without emulation, so arm64 is built on this amd64 machine. */
const app = (base: string): string => `FROM ${base}\nCOPY hello.txt /app/hello.txt\nUSER nobody\n`

/*
 * The reusable workflow's fan-out, job by job: one job per platform builds, scans, gates and
 * pushes by digest only; the merge job joins the digests into one index under the tags.
 */
describeWithEnv('fan-out across runners: push-by-digest per platform, then merge-digests', env => {
  let e: TestEnv
  let registry: RegistryClient
  let trivyCache: string
  const repo = `it-${RUN}/fan-out`
  const digests: Record<string, string> = {}

  const job = (inputs: Record<string, string>, dockerfile?: string): Promise<ActionRun> =>
    runAction({
      node: e.node24,
      workspace: workspace(dockerfile ?? app(pinnedRef(e.baseImages.busybox)), { 'hello.txt': 'hello\n' }),
      inputs: {
        images: `${e.registry}/${repo}`,
        username: e.username,
        password: e.password,
        linters: 'checklist',
        'trivy-path': e.trivy,
        'trivy-cache-dir': trivyCache,
        ...inputs
      },
      event: push('refs/heads/main')
    })

  const catalog = async (): Promise<string[]> => {
    const auth = Buffer.from(`${e.username}:${e.password}`).toString('base64')
    const res = await fetch(`http://${e.registry}/v2/_catalog?n=1000`, {
      headers: { Authorization: `Basic ${auth}` }
    })
    if (!res.ok) throw new Error(`GET _catalog: ${res.status} ${await res.text()}`)
    return ((await res.json()) as { repositories: string[] }).repositories
  }

  beforeAll(() => {
    e = env()
    registry = new RegistryClient(e.registry, e.username, e.password)
    trivyCache = mkdtempSync(join(tmpdir(), 'oci-trivy-cache-'))
    writeTrivyDb(trivyCache, 'debian 12', TEST_ADVISORIES)
  })

  it.each(['linux/amd64', 'linux/arm64'])(
    '%s: scanned, gated, pushed by digest only: no tag, and the pushed config is the scanned image',
    async platform => {
      const run = await job({ platforms: platform, 'push-by-digest': 'true' })
      expect(run.code).toBe(0)
      const digest = run.outputs.digest ?? ''
      expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/)
      expect(run.outputs.image).toBe(`${e.registry}/${repo}@${digest}`)
      expect(JSON.parse(run.outputs.vulnerabilities ?? '{}')).toMatchObject({ total: 0 })
      expect(await registry.tags(repo)).toEqual([])
      const pushed = await registry.manifest(repo, digest)
      expect(pushed?.digest).toBe(digest)
      const config = await registry.config(repo, digest)
      expect(config.digest).toBe(run.outputs.imageid)
      expect(config.architecture).toBe(platform.split('/')[1])
      expect(config.config?.Labels?.['org.opencontainers.image.revision']).toBe(SHA)
      digests[platform] = digest
    }
  )

  it('merges the digests into one index under the tags, listing every platform', async () => {
    const run = await job({
      'merge-digests': `${digests['linux/amd64']}\n${digests['linux/arm64']}`,
      platforms: 'linux/amd64,linux/arm64',
      tags: 'type=raw,value=1.0\ntype=sha'
    })
    expect(run.code).toBe(0)
    expect(run.stdout).not.toContain('::group::Build')
    expect(await registry.tags(repo)).toEqual(['1.0', 'sha-0123456'])
    for (const tag of ['1.0', 'sha-0123456']) {
      const index = await registry.manifest(repo, tag)
      expect(index?.digest).toBe(run.outputs.digest)
      const listed = (index?.json.manifests ?? []).map(m => [
        m.digest,
        `${m.platform?.os}/${m.platform?.architecture}`
      ])
      expect(listed).toEqual([
        [digests['linux/amd64'], 'linux/amd64'],
        [digests['linux/arm64'], 'linux/arm64']
      ])
    }
    expect(run.outputs.image).toBe(`${e.registry}/${repo}@${run.outputs.digest}`)
    expect(run.outputs.tags?.split('\n')).toEqual([
      `${e.registry}/${repo}:1.0`,
      `${e.registry}/${repo}:sha-0123456`
    ])
  })

  it('refuses to merge when a platform is missing, before any tag moves', async () => {
    const run = await job({
      'merge-digests': digests['linux/amd64'] ?? '',
      platforms: 'linux/amd64,linux/arm64',
      tags: 'type=raw,value=incomplete'
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('::error::merge-digests: the images are for linux/amd64, not linux/arm64')
    expect(await registry.tags(repo)).not.toContain('incomplete')
  })

  it('a platform job whose gate fails pushes nothing at all', async () => {
    const failing = `it-${RUN}/fan-out-gated`
    const run = await job(
      { images: `${e.registry}/${failing}`, platforms: 'linux/amd64', 'push-by-digest': 'true' },
      `FROM ${pinnedRef(e.baseImages.debianVuln)}\nUSER nobody\n`
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(
      /::error::scan: 1 vulnerability with a fix at or above CRITICAL, so nothing was pushed/
    )
    expect(run.outputs.digest ?? '').toBe('')
    const repositories = await catalog()
    expect(repositories).toContain('base/busybox')
    expect(repositories).not.toContain(failing)
  })
})
