import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { errorLines, runAction } from '../support/action-runner.js'
import { push, RUN, workspace } from '../support/action-fixtures.js'
import { describeWithEnv, pinnedRef, type TestEnv } from '../support/env.js'
import { RegistryClient } from '../support/registry.js'
import { TEST_ADVISORIES, writeTrivyDb } from '../support/trivy-db/index.js'
import { processes, waitFor } from './support/registry-process.js'

// Faults of the processes the pipeline starts: no Docker daemon, a failing build, SIGTERM.
// The Trivy DB answering 429/500 (retried, stale DB with a warning, else a clear error) is tested in
// __tests__/integration/scan-services.test.ts; a tool binary whose checksum does not match is refused
// in __tests__/integration/tool-download.test.ts.
describeWithEnv('faults: the Docker daemon, a failing build, SIGTERM', env => {
  let e: TestEnv
  let registry: RegistryClient
  beforeAll(() => {
    e = env()
    registry = new RegistryClient(e.registry, e.username, e.password)
  })
  const inputs = (repo: string): Record<string, string> => ({
    images: `${e.registry}/${repo}`,
    tags: 'type=sha',
    username: e.username,
    password: e.password,
    linters: 'checklist',
    'lint-failure-threshold': 'none',
    scan: 'false'
  })
  const dockerfile = (...run: string[]): string =>
    [`FROM ${pinnedRef(e.baseImages.busybox)}`, ...run, 'USER nobody', ''].join('\n')

  it('the Docker daemon missing: a clear error naming what to start, before any work', async () => {
    const socket = join(mkdtempSync(join(tmpdir(), 'oci-no-daemon-')), 'docker.sock')
    const repo = `rel-${RUN}/no-daemon`
    const started = Date.now()
    const run = await runAction({
      node: e.node24,
      workspace: workspace(dockerfile('RUN echo built')),
      inputs: inputs(repo),
      event: push('refs/heads/main'),
      env: { DOCKER_HOST: `unix://${socket}` }
    })
    expect(run.code).toBe(1)
    const errors = errorLines(run.stdout)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain(`the Docker daemon does not answer at unix://${socket}`)
    expect(errors[0]).toMatch(/start it \(dockerd, or systemctl start docker\)/)
    // Before any work: no login, no metadata, no build; and quickly.
    expect(run.argvSeen.filter(c => /docker (login|buildx)/.test(c))).toEqual([])
    expect(run.outputs.tags).toBeUndefined()
    expect(Date.now() - started).toBeLessThan(20_000)
    expect(await registry.tags(repo)).toEqual([])
  })

  it('a failing build: outputs and the summary still written, the error carries the failing step', async () => {
    const repo = `rel-${RUN}/failing`
    const run = await runAction({
      node: e.node24,
      workspace: workspace(dockerfile(`RUN echo "step output ${RUN}" && false`)),
      inputs: inputs(repo),
      event: push('refs/heads/main')
    })
    expect(run.code).toBe(1)
    const errors = errorLines(run.stdout)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain('the build failed (docker buildx build exited with 1)')
    // The failing step's last lines: its command, what it printed, how it ended.
    expect(errors[0]).toContain(`echo "step output ${RUN}" && false`)
    expect(errors[0]).toMatch(/exit code: 1/)
    // What was known before the build is still there.
    expect(run.outputs.tags).toBe(`${e.registry}/${repo}:sha-0123456`)
    expect(run.outputs.version).toBe('sha-0123456')
    expect(run.outputs.labels).toContain('org.opencontainers.image.revision=')
    expect(run.summary.split('\n')[0]).toBe(
      `## ❌ Not pushed: \`${e.registry}/${repo}:sha-0123456\` — build failed: the build failed (docker buildx build exited with 1)`
    )
    expect(run.summary).toMatch(/^\| Push \| ⏭️ skipped \| the build failed \|/m)
    expect(await registry.tags(repo)).toEqual([])
  })

  it('SIGTERM during a build: child processes ended, temporary files removed', async () => {
    const repo = `rel-${RUN}/sigterm`
    const ws = workspace(dockerfile(`RUN echo ${RUN} && sleep 30`))
    const temp = mkdtempSync(join(tmpdir(), 'oci-sigterm-tmp-'))
    const trivyCache = mkdtempSync(join(tmpdir(), 'oci-trivy-cache-'))
    writeTrivyDb(trivyCache, 'debian 12', TEST_ADVISORIES)
    // The build's processes name the workspace or the run's folder in TMPDIR.
    const ofRun = (): ReturnType<typeof processes> =>
      processes().filter(p => p.cmd.includes(ws) || p.cmd.includes(temp))
    let signalled = false
    const killer = (async () => {
      const build = await waitFor(() => ofRun().find(p => p.cmd.includes('buildx build')), 240_000, 20)
      if (!build) return
      // Until the sleep step runs, and the build's secret/metadata files exist.
      await new Promise(r => setTimeout(r, 3000))
      expect(readdirSync(temp).filter(f => f.startsWith('oci-pipeline-run-'))).toHaveLength(1)
      process.kill(build.ppid, 'SIGTERM')
      signalled = true
    })()
    const started = Date.now()
    const run = await runAction({
      node: e.node24,
      workspace: ws,
      inputs: {
        ...inputs(repo),
        secrets: `token=sigterm-${RUN}`,
        scan: 'true',
        'trivy-path': e.trivy,
        'trivy-cache-dir': trivyCache,
        'fail-on-severity': 'none'
      },
      event: push('refs/heads/main'),
      // The action's temporary files go to the runner's temporary folder.
      env: { TMPDIR: temp, RUNNER_TEMP: temp }
    })
    await killer
    expect(signalled).toBe(true)
    expect(run.code).toBe(143)
    expect(Date.now() - started).toBeLessThan(30_000)
    expect(errorLines(run.stdout)).toEqual(['::error::interrupted (SIGTERM): child processes ended'])
    // No docker process of this run is left (the client ends at once; give it a moment).
    const left = await waitFor(() => (ofRun().length === 0 ? true : undefined), 10_000, 100)
    expect(left ? [] : ofRun().map(p => p.cmd)).toEqual([])
    // Only the reports (oci-pipeline) stay in the runner's temporary folder.
    expect(readdirSync(temp).filter(f => f !== 'oci-pipeline')).toEqual([])
    expect(await registry.tags(repo)).toEqual([])
  })
})
