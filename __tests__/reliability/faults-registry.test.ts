import { runAction } from '../support/action-runner.js'
import { multiStage, push, RUN, workspace } from '../support/action-fixtures.js'
import { describeWithEnv, pinnedRef, type TestEnv } from '../support/env.js'
import { RegistryClient } from '../support/registry.js'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { RegistryProcess, waitFor } from './support/registry-process.js'

// The registry going away, against a docker-registry process of these tests' own (never the shared
// 127.0.0.1:5000, which other suites use at the same time). Nothing touches the target registry
// before the push: the base image comes from the shared one.
describeWithEnv('faults: the registry down or restarted during the push', env => {
  let e: TestEnv
  beforeAll(() => (e = env()))
  const inputs = (host: string, repo: string): Record<string, string> => ({
    images: `${host}/${repo}`,
    tags: 'type=raw,value=v1\ntype=sha',
    linters: 'checklist',
    'lint-failure-threshold': 'none',
    scan: 'false'
  })

  it('the registry down when the push starts: retried with backoff, then a clear error, no tag at all', async () => {
    const reg = await RegistryProcess.create()
    const repo = `rel-${RUN}/down`
    const started = Date.now()
    const run = await runAction({
      node: e.node24,
      workspace: workspace(multiStage(pinnedRef(e.baseImages.busybox))),
      inputs: inputs(reg.host, repo),
      event: push('refs/heads/main')
    })
    const seconds = (Date.now() - started) / 1000
    expect(run.code).toBe(1)
    const errors = run.stdout.split('\n').filter(l => l.startsWith('::error'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain(`pushing ${reg.host}/${repo} failed after 4 attempt(s)`)
    expect(errors[0]).toMatch(/ECONNREFUSED/)
    for (const wait of ['1s', '2s', '4s']) expect(run.stdout).toContain(`retrying in ${wait}`)
    expect(seconds).toBeGreaterThan(7)
    // Built, not pushed: the outputs say so, and the registry, once up, has no tag of it.
    expect(run.outputs.imageid).toMatch(/^sha256:/)
    expect(run.outputs.digest).toBeUndefined()
    expect(run.summary.split('\n')[0]).toMatch(
      /^## ❌ Not pushed: `[^`]+` — push failed: pushing .* failed after 4 attempt\(s\)/
    )
    await reg.start()
    try {
      expect(await new RegistryClient(reg.host, '', '').tags(repo)).toEqual([])
      expect(reg.tagsOnDisk(repo)).toEqual([])
    } finally {
      await reg.stop()
    }
  })

  it('the registry restarted in the middle of the push: pushed, and the digest verified', async () => {
    const reg = await RegistryProcess.create()
    await reg.start()
    const repo = `rel-${RUN}/restart`
    // Kill the registry the moment the first upload reaches it, bring it back 1.5 s later.
    let restarted = false
    const chaos = (async () => {
      const pushing = await waitFor(
        () =>
          existsSync(join(reg.dir, 'data', 'docker', 'registry', 'v2', 'repositories', repo)) || undefined,
        240_000,
        5
      )
      if (!pushing) return
      await reg.stop()
      await new Promise(r => setTimeout(r, 1500))
      await reg.start()
      restarted = true
    })()
    try {
      const run = await runAction({
        node: e.node24,
        workspace: workspace(multiStage(pinnedRef(e.baseImages.busybox))),
        inputs: inputs(reg.host, repo),
        event: push('refs/heads/main')
      })
      await chaos
      expect(restarted).toBe(true)
      // The outage was seen and survived by the pipeline's own retry.
      expect(run.stdout).toMatch(
        new RegExp(`pushing ${reg.host}/${repo}\\S* failed \\(attempt 1/4\\), retrying in 1s`)
      )
      expect(run.stdout.split('\n').filter(l => l.startsWith('::error'))).toEqual([])
      expect(run.code).toBe(0)
      // The registry's own view, read over HTTP: every tag is the manifest the action reported,
      // and that manifest's config is the image that was built.
      const client = new RegistryClient(reg.host, '', '')
      expect(await client.tags(repo)).toEqual(['sha-0123456', 'v1'])
      for (const tag of ['v1', 'sha-0123456'])
        expect((await client.manifest(repo, tag))?.digest).toBe(run.outputs.digest)
      expect((await client.config(repo, 'v1')).digest).toBe(run.outputs.imageid)
      expect(run.outputs.image).toBe(`${reg.host}/${repo}@${run.outputs.digest}`)
    } finally {
      await chaos
      await reg.stop()
    }
  })
})
