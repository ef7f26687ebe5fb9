import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction } from '../support/action-runner.js'
import { multiStage, push, RUN } from '../support/action-fixtures.js'
import { freshCliBundle, runProcess } from '../support/cli-runner.js'
import { describeWithEnv, pinnedRef, type TestEnv } from '../support/env.js'
import { RegistryClient } from '../support/registry.js'
import { TEST_ADVISORIES, writeTrivyDb } from '../support/trivy-db/index.js'
import { workspace } from '../support/action-fixtures.js'

/** The token service's log lines since `from` (one JSON object each). */
function tokenRequests(
  e: TestEnv,
  from: number
): Array<{ scopes: string[]; credentials: boolean; ok: boolean }> {
  return readFileSync(e.tokenServiceLog, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map(l => JSON.parse(l) as { at: string; scopes: string[]; credentials: boolean; ok: boolean })
    .filter(l => Date.parse((l as unknown as { at: string }).at) >= from)
}

// GHCR, Docker Hub and most registries answer 401 with a Bearer challenge: every login, push,
// read-back and copy goes through the token flow here.
describeWithEnv('a registry with Bearer token auth', env => {
  let e: TestEnv
  let trivyCache: string
  let registry: RegistryClient
  const base = (): string => `${e.tokenRegistry}/base/busybox:1.35`

  beforeAll(() => {
    e = env()
    trivyCache = mkdtempSync(join(tmpdir(), 'oci-token-trivy-'))
    writeTrivyDb(trivyCache, 'debian 12', TEST_ADVISORIES)
    registry = new RegistryClient(e.tokenRegistry, e.username, e.password)
    // A private base image in the token registry, not pinned: the metadata resolves its digest there.
    const config = mkdtempSync(join(tmpdir(), 'oci-token-docker-'))
    const docker = (args: string[], input?: string): string =>
      execFileSync('docker', args, {
        env: { ...process.env, DOCKER_CONFIG: config },
        input,
        encoding: 'utf8'
      })
    for (const host of [e.registry, e.tokenRegistry])
      docker(['login', host, '-u', e.username, '--password-stdin'], e.password)
    docker(['pull', '-q', pinnedRef(e.baseImages.busybox)])
    docker(['tag', pinnedRef(e.baseImages.busybox), base()])
    docker(['push', '-q', base()])
  }, 180_000)

  it('the action logs in, resolves a private base, pushes and reads back through tokens', async () => {
    const repo = `token-${RUN}/app`
    const since = Date.now()
    const run = await runAction({
      node: e.node24,
      workspace: workspace(multiStage(base())),
      inputs: {
        images: `${e.tokenRegistry}/${repo}`,
        tags: 'type=ref,event=branch',
        username: e.username,
        password: e.password,
        'trivy-path': e.trivy,
        'trivy-cache-dir': trivyCache,
        linters: 'checklist',
        'lint-failure-threshold': 'none'
      },
      event: push('refs/heads/main'),
      env: { TRIVY_SKIP_DB_UPDATE: 'true' }
    })
    expect([run.code, run.stdout.split('\n').filter(l => l.startsWith('::error::'))]).toEqual([0, []])
    const pushed = await registry.manifest(repo, 'main')
    expect(pushed?.digest).toBe(run.outputs.digest)
    expect(run.outputs.image).toBe(`${e.tokenRegistry}/${repo}@${run.outputs.digest}`)
    const labels = (await registry.config(repo, 'main')).config?.Labels ?? {}
    const baseDigest = (await registry.manifest('base/busybox', '1.35'))?.digest
    expect(labels['org.opencontainers.image.base.digest']).toBe(baseDigest)
    // The pipeline's own client asked for push and pull scopes with the credentials, and got them.
    const asked = tokenRequests(e, since)
    expect(asked).toContainEqual(
      expect.objectContaining({ scopes: [`repository:${repo}:pull,push`], credentials: true, ok: true })
    )
    expect(asked.filter(a => !a.ok)).toEqual([])
    expect(run.everything).not.toContain(e.password)
  })

  it('the CLI publishes a pushed image by digest from the token registry to another, digest kept', async () => {
    const repo = `token-${RUN}/publish`
    const cli = freshCliBundle()
    const work = mkdtempSync(join(tmpdir(), 'oci-token-cli-'))
    const vars = {
      DOCKER_CONFIG: join(work, 'docker-config'),
      OCI_PIPELINE_USERNAME: e.username,
      OCI_PIPELINE_PASSWORD: e.password,
      OCI_PIPELINE_RELEASE_USERNAME: e.username,
      OCI_PIPELINE_RELEASE_PASSWORD: e.password
    }
    const source = (await registry.manifest('base/busybox', '1.35'))?.digest
    const run = await runProcess(
      e.node24,
      [
        cli,
        'publish',
        ...['--source-image', `${base()}@${source}`, '--release-image', `${e.releaseRegistry}/${repo}`],
        ...['--version', '1.0.0', '--json']
      ],
      { cwd: work, env: vars }
    )
    expect([run.code, run.stderr]).toEqual([0, expect.any(String)])
    const release = new RegistryClient(e.releaseRegistry, e.username, e.password)
    expect((await release.manifest(repo, '1.0.0'))?.digest).toBe(source)
    expect(JSON.parse(run.stdout)).toMatchObject({ digest: source, published: 'true' })
  })
})
