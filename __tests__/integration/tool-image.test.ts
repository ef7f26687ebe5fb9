import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import type { Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PINS } from '../../src/infra/tools/pins.js'
import { freshCliBundle, runProcess, type ProcessRun } from '../support/cli-runner.js'
import { describeWithEnv, pinnedRef, ROOT, type TestEnv } from '../support/env.js'
import { bridgeGateway, releaseFiles, serveFiles } from '../support/tool-image.js'
import { TEST_ADVISORIES, writeTrivyDb } from '../support/trivy-db/index.js'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
const RUN = Date.now().toString(36)
const pkgVersion = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string })
  .version

describeWithEnv('the tool image (the root Dockerfile), built by the CLI from local stand-ins', env => {
  let e: TestEnv
  let cli: string
  let work: string
  let trivyCache: string
  let files: { server: Server; url: string; asked: string[] }
  let release: ReturnType<typeof releaseFiles>
  const repo = `tool-image-${RUN}`
  const builtImages: string[] = []

  beforeAll(async () => {
    e = env()
    if (!e.baseImages.node || !e.baseImages.dockerCli)
      throw new Error('.cache/test-env.json has no node and dockerCli stand-ins: run scripts/test-env.sh')
    cli = freshCliBundle()
    work = mkdtempSync(join(tmpdir(), 'oci-tool-image-'))
    trivyCache = join(work, 'trivy-cache')
    writeTrivyDb(trivyCache, 'debian 12', TEST_ADVISORIES)
    release = releaseFiles(join(work, 'www'), { hadolint: e.hadolint, trivy: e.trivy, cosign: e.cosign })
    files = await serveFiles(join(work, 'www'), bridgeGateway())
    // The CLI logs in within a docker config of its own run; `docker run` of what it pushed needs one too.
    execFileSync('docker', ['login', '-u', e.username, '--password-stdin', e.registry], {
      input: e.password,
      env: { ...process.env, DOCKER_CONFIG: join(work, 'docker-config') },
      stdio: ['pipe', 'ignore', 'ignore']
    })
  }, 180_000)

  afterAll(async () => {
    // A failed beforeAll leaves no server: nothing to wait for.
    if (files) await new Promise(done => files.server.close(done))
    if (work) rmSync(work, { recursive: true, force: true }) // it holds the served Trivy archive
    for (const ref of builtImages)
      try {
        execFileSync('docker', ['image', 'rm', ref], { stdio: 'ignore' })
      } catch {
        // already gone
      }
  })

  /** The CLI in the repository's root, with its own docker config and the registry's login. */
  const oci = (args: string[]): Promise<ProcessRun> =>
    runProcess(e.node24, [cli, ...args], {
      cwd: ROOT,
      env: {
        DOCKER_CONFIG: join(work, 'docker-config'),
        OCI_PIPELINE_USERNAME: e.username,
        OCI_PIPELINE_PASSWORD: e.password,
        OCI_PIPELINE_TRIVY_PATH: e.trivy,
        TRIVY_SKIP_DB_UPDATE: 'true'
      }
    })
  const docker = (args: string[]): Promise<ProcessRun> =>
    runProcess('docker', args, { cwd: work, env: { DOCKER_CONFIG: join(work, 'docker-config') } })

  /** `build` of the root Dockerfile with the stand-in bases and the local release files. */
  const build = (name: string, buildArgs: string[], more: string[] = []): Promise<ProcessRun> => {
    const image = `${e.registry}/${repo}/${name}`
    builtImages.push(`${image}:test`)
    const args = [
      `NODE_IMAGE=${pinnedRef(e.baseImages.node)}`,
      `DOCKER_CLI_IMAGE=${pinnedRef(e.baseImages.dockerCli)}`,
      `HADOLINT_BASE_URL=${files.url}/hadolint`,
      `TRIVY_BASE_URL=${files.url}/trivy`,
      `COSIGN_BASE_URL=${files.url}/cosign`,
      ...buildArgs
    ]
    return oci([
      'build',
      ...['--images', image, '--tags', 'type=raw,value=test', '--registry', e.registry],
      ...['--build-args', args.join('\n'), '--trivy-cache-dir', trivyCache],
      ...['--report-dir', join(work, 'reports', name), '--json', ...more]
    ])
  }

  it('passes the project lint with an empty report: no finding at any level', async () => {
    const run = await oci([
      'lint',
      ...['--linters', 'trivy,checklist', '--lint-failure-threshold', 'warning', '--format', 'json'],
      ...['--report-dir', join(work, 'lint')]
    ])
    let findings: Json[] = []
    try {
      findings = (JSON.parse(run.stdout) as Json).findings as Json[]
    } catch {
      throw new Error(`lint printed no JSON (exit ${run.code}):\n${run.stderr}`)
    }
    const all = findings.map(f => `${f.file}:${f.line}: ${f.level} ${f.ruleId} (${f.engine}) ${f.message}`)
    expect(all).toEqual([])
    expect(run.code).toBe(0)
  })

  it('builds, scans and pushes; the pushed image runs its CLI, Trivy, hadolint and buildx as non-root', async () => {
    const run = await build('oci-pipeline', release.sums)
    expect([run.code, run.stderr]).toEqual([0, expect.stringContaining('hadolint: OK')])
    expect(files.asked).toEqual(
      expect.arrayContaining([release.paths.hadolint, release.paths.trivy, release.paths.cosign])
    )
    const outputs = JSON.parse(run.stdout) as Json
    const pushed = `${e.registry}/${repo}/oci-pipeline@${outputs.digest}`
    expect(outputs.image).toBe(pushed)

    expect((await docker(['pull', '-q', pushed])).code).toBe(0)
    const inImage = async (...command: string[]): Promise<string> => {
      const r = await docker(['run', '--rm', pushed, ...command])
      expect([command.join(' '), r.code, r.stderr]).toEqual([command.join(' '), 0, ''])
      return r.stdout.trim()
    }
    expect(await inImage('oci-pipeline', '--version')).toBe(pkgVersion)
    expect(await inImage('id', '-u')).toMatch(/^[1-9]\d*$/)
    expect(await inImage('trivy', '--version')).toMatch(new RegExp(`^Version: ${PINS.trivy.version}$`, 'm'))
    expect(await inImage('hadolint', '--version')).toBe(`Haskell Dockerfile Linter ${PINS.hadolint.version}`)
    expect(await inImage('cosign', 'version')).toMatch(
      new RegExp(`^GitVersion: +v${PINS.cosign.version}$`, 'm')
    )
    expect(await inImage('docker', 'buildx', 'version')).toMatch(/buildx/)
    // Nothing the runtime user may rewrite: the CLI and the tools belong to root, read-only.
    expect(
      await inImage('sh', '-c', 'for f in /usr/local/bin/*; do [ -w "$f" ] && echo "$f"; done; true')
    ).toBe('')
  })

  it('fails the build when a download does not match its pinned checksum', async () => {
    // The Dockerfile's own sums (the real releases') against the stand-ins: verification must refuse them.
    const run = await build('bad-checksum', [], ['--scan', 'false'])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/trivy\.tar\.gz: FAILED|hadolint: FAILED/)
    const listed = await docker(['image', 'ls', '-q', `${e.registry}/${repo}/bad-checksum`])
    expect(listed.stdout.trim()).toBe('')
  })
})
