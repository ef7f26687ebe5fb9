import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { multiStage, RUN, workspace } from '../support/action-fixtures.js'
import { freshCliBundle, runProcess, type ProcessRun } from '../support/cli-runner.js'
import { describeWithEnv, pinnedRef, type TestEnv } from '../support/env.js'
import { recordedEnv } from '../support/recorded.js'
import { RegistryClient } from '../support/registry.js'

/*
 * docker/metadata-action kept in front of oci-pipeline: `tags` is the list of whole references
 * metadata-action's `tags` output holds (`${{ steps.meta.outputs.tags }}`), and `labels` its
 * `labels` output. What is pushed is read back from the registry.
 */
describeWithEnv('tags given as a metadata-action list of whole references', env => {
  let e: TestEnv
  let cli: string
  let registry: RegistryClient

  beforeAll(() => {
    e = env()
    cli = freshCliBundle()
    registry = new RegistryClient(e.registry, e.username, e.password)
  }, 180_000)

  /** The CLI as a GitHub workflow step for the recorded push of the tag v1.2.3. */
  const step = (args: string[], ws: string): Promise<ProcessRun> =>
    runProcess(e.node24, [cli, ...args], {
      cwd: ws,
      env: {
        ...recordedEnv('tag'),
        GITHUB_WORKSPACE: ws,
        DOCKER_CONFIG: mkdtempSync(join(tmpdir(), 'oci-docker-config-')),
        OCI_PIPELINE_USERNAME: e.username,
        OCI_PIPELINE_PASSWORD: e.password
      }
    })

  it('pushes exactly the references metadata-action gave, with its labels', async () => {
    const repo = `${e.registry}/it-${RUN}/meta-refs`
    const ws = workspace(multiStage(pinnedRef(e.baseImages.busybox)))
    // The step in front: what metadata-action's outputs hold for this run.
    const meta = await step(
      [
        'metadata',
        '--images',
        repo,
        '--tags',
        'type=semver,pattern={{version}}\ntype=semver,pattern={{major}}.{{minor}}'
      ],
      ws
    )
    expect([meta.code, meta.stderr]).toEqual([0, expect.not.stringContaining('error')])
    const { tags, labels } = JSON.parse(meta.stdout) as { tags: string[]; labels: Record<string, string> }
    expect(tags).toEqual([`${repo}:1.2.3`, `${repo}:1.2`, `${repo}:latest`])

    // oci-pipeline with `tags: ${{ steps.meta.outputs.tags }}`, `labels: ${{ steps.meta.outputs.labels }}`, no images.
    const labelLines = Object.entries(labels).map(([k, v]) => `${k}=${v}`)
    const build = await step(
      ['build', '--tags', tags.join('\n'), '--labels', labelLines.join('\n'), '--scan', 'false', '--json'],
      ws
    )
    expect([build.code, build.stderr]).toEqual([0, expect.not.stringContaining('error:')])
    const outputs = JSON.parse(build.stdout) as Record<string, string>
    expect(outputs.tags?.split('\n')).toEqual(tags)

    const path = repo.slice(e.registry.length + 1)
    expect(await registry.tags(path)).toEqual(['1.2', '1.2.3', 'latest'])
    for (const tag of ['1.2', '1.2.3', 'latest'])
      expect((await registry.manifest(path, tag))?.digest).toBe(outputs.digest)
    const config = await registry.config(path, '1.2.3')
    expect(config.config?.Labels).toMatchObject(labels)
    expect(config.config?.Labels?.['org.opencontainers.image.version']).toBe('1.2.3')
  })

  it('takes build-push-action’s one-line CSV of references as well', async () => {
    const repo = `${e.registry}/it-${RUN}/meta-csv`
    const ws = workspace(multiStage(pinnedRef(e.baseImages.busybox)))
    const build = await step(
      ['build', '--tags', `${repo}:stable,${repo}:v1`, '--scan', 'false', '--json'],
      ws
    )
    expect([build.code, build.stderr]).toEqual([0, expect.not.stringContaining('error:')])
    const path = repo.slice(e.registry.length + 1)
    expect(await registry.tags(path)).toEqual(['stable', 'v1'])
    expect((await registry.manifest(path, 'v1'))?.digest).toBe(JSON.parse(build.stdout).digest)
  })
})
