import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction, type ActionRun } from '../support/action-runner.js'
import { push, RUN, workspace } from '../support/action-fixtures.js'
import { describeWithEnv, pinnedRef, type TestEnv } from '../support/env.js'
import { RegistryClient } from '../support/registry.js'
import { TEST_ADVISORIES, writeTrivyDb } from '../support/trivy-db/index.js'

interface Stage {
  name: string
  status: string
  reason?: string
  startSeconds?: number
  seconds?: number
}
const stagesOf = (run: ActionRun): Record<string, Stage> =>
  Object.fromEntries((JSON.parse(run.outputs.stages ?? '[]') as Stage[]).map(s => [s.name, s]))
// In whole milliseconds, as the action measured them: the sum of two decimal seconds can be off
// by a float's last bit (3.058 + 0 gave 3.0580000000000003).
const ms = (seconds: number | undefined): number => Math.round((seconds ?? NaN) * 1000)
const start = (s: Stage): number => ms(s.startSeconds)
const end = (s: Stage): number => ms(s.startSeconds) + ms(s.seconds)

// The order of the run's stages, as the action's own `stages` output records them (start and
// duration of each): what runs beside what, and that nothing is named before the gates pass.
describeWithEnv('the action’s task graph', env => {
  let e: TestEnv
  let trivyCache: string
  let registry: RegistryClient
  beforeAll(() => {
    e = env()
    trivyCache = mkdtempSync(join(tmpdir(), 'oci-graph-trivy-'))
    writeTrivyDb(trivyCache, 'debian 12', TEST_ADVISORIES)
    registry = new RegistryClient(e.registry, e.username, e.password)
  })

  const action = (repo: string, dockerfile: string, inputs: Record<string, string> = {}) =>
    runAction({
      node: e.node24,
      workspace: workspace(dockerfile),
      inputs: {
        images: `${e.registry}/${repo}`,
        tags: 'type=raw,value=t',
        username: e.username,
        password: e.password,
        'trivy-path': e.trivy,
        'trivy-cache-dir': trivyCache,
        linters: 'checklist,trivy',
        'lint-failure-threshold': 'none',
        ...inputs
      },
      event: push('refs/heads/main'),
      env: { TRIVY_SKIP_DB_UPDATE: 'true' }
    })

  it('lints beside the build, uploads layers beside the scan, and writes the manifest after the gate', async () => {
    const repo = `graph-${RUN}/passes`
    const dockerfile = `FROM ${pinnedRef(e.baseImages.busybox)}\nRUN sleep 2 && echo ${RUN} > /x\nUSER nobody\n`
    const run = await action(repo, dockerfile)
    expect([run.code, run.stdout.split('\n').filter(l => l.startsWith('::error::'))]).toEqual([0, []])
    const s = stagesOf(run)
    for (const name of ['metadata', 'lint', 'build', 'trivy', 'scan', 'gate', 'upload', 'push'])
      expect([name, s[name]?.status]).toEqual([name, 'done'])
    // The lint starts before the build ends; the DB is made ready beside the build.
    expect(start(s.lint!)).toBeLessThan(end(s.build!))
    expect(start(s.trivy!)).toBeLessThan(end(s.build!))
    // The upload starts once the image is built, not after the scan.
    expect(start(s.upload!)).toBeLessThan(end(s.scan!))
    // The push (manifests and tags) waits for the gate and the lint.
    expect(start(s.push!)).toBeGreaterThanOrEqual(end(s.gate!))
    expect(start(s.push!)).toBeGreaterThanOrEqual(end(s.lint!))
    expect((await registry.manifest(repo, 't'))?.digest).toBe(run.outputs.digest)
  })

  it('a failed gate leaves no manifest or tag: the layers uploaded name nothing', async () => {
    const repo = `graph-${RUN}/gated`
    const base = pinnedRef(e.baseImages.debianVuln)
    const run = await action(repo, `FROM ${base}\nRUN echo ${RUN} > /x\nUSER nobody\n`, {
      'fail-on-severity': 'CRITICAL',
      'ignore-unfixed': 'false'
    })
    expect(run.code).toBe(1)
    const s = stagesOf(run)
    expect(s.gate?.status).toBe('failed')
    expect(s.push).toMatchObject({ status: 'cancelled' })
    expect(['done', 'cancelled']).toContain(s.upload?.status)
    expect(await registry.tags(repo)).toEqual([])
    expect(run.outputs.digest ?? '').toBe('')
  })
})
