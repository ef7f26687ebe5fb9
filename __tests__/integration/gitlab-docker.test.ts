import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHash } from 'node:crypto'
import { freshCliBundle, runProcess, type ProcessRun } from '../support/cli-runner.js'
import { describeWithEnv, pinnedRef, type TestEnv } from '../support/env.js'
import { RegistryClient } from '../support/registry.js'
import { buildHelperImage, buildToolImage } from '../support/tool-image.js'
import { git, skaoProject } from '../support/gitlab-project.js'
import { TEST_ADVISORIES, writeTrivyDb } from '../support/trivy-db/index.js'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
const RUN = Date.now().toString(36)
const SOCKET = '/var/run/docker.sock'
/*
 * gitlab-ci-local's docker executor with the tool image built from the root Dockerfile as the job
 * image: jobs run as its non-root user (uid 1000) in the group of the engine's socket, which is
 * mounted in (the include's `docker: host`), on the host network to reach the registries.
 */
describeWithEnv('the GitLab include with the docker executor and the tool image, two images', env => {
  let e: TestEnv
  let staging: RegistryClient
  let release: RegistryClient
  let project: string
  let trivyCache: string
  const group = `gld-${RUN}`
  const toolImage = `oci-pipeline-tool-test:${RUN}`
  const helperImage = `oci-gcl-helper-test:${RUN}`
  const repo = (name: string): string => `${group}/ska-demo/${name}`

  beforeAll(async () => {
    e = env()
    staging = new RegistryClient(e.registry, e.username, e.password)
    release = new RegistryClient(e.releaseRegistry, e.username, e.password)
    buildHelperImage(helperImage)
    await buildToolImage(
      {
        ...e,
        baseImages: { node: pinnedRef(e.baseImages.node), dockerCli: pinnedRef(e.baseImages.dockerCli) }
      },
      freshCliBundle(),
      toolImage
    )
    // The job user is the image's (1000) in the socket's group, as job-user says in docs/gitlab.md.
    project = skaoProject(pinnedRef(e.baseImages.debianVuln), toolImage, `1000:${statSync(SOCKET).gid}`)
    trivyCache = mkdtempSync(join(tmpdir(), 'oci-gitlab-docker-trivy-'))
    writeTrivyDb(trivyCache, 'debian 12', TEST_ADVISORIES)
    execFileSync('chmod', ['-R', 'a+rwX', trivyCache])
  }, 600_000)

  afterAll(() => {
    for (const image of [toolImage, helperImage])
      try {
        execFileSync('docker', ['image', 'rm', image], { stdio: 'ignore' })
      } catch {
        // not built
      }
    if (trivyCache) rmSync(trivyCache, { recursive: true, force: true })
  })

  function pipeline(variables: Record<string, string>, unset: string[] = []): Promise<ProcessRun> {
    rmSync(join(project, '.gitlab-ci-local', 'artifacts'), { recursive: true, force: true })
    const vars: Record<string, string> = {
      CI_REGISTRY: e.registry,
      CI_REGISTRY_IMAGE: `${e.registry}/${group}/ska-demo`,
      CI_REGISTRY_USER: e.username,
      CI_REGISTRY_PASSWORD: e.password,
      CAR_OCI_REGISTRY_HOST: `${e.releaseRegistry}/${group}`,
      CAR_OCI_REGISTRY_USERNAME: e.username,
      CAR_OCI_REGISTRY_PASSWORD: e.password,
      OCI_PIPELINE_LINTERS: 'checklist,hadolint',
      OCI_PIPELINE_TRIVY_CACHE_DIR: '/trivy-cache',
      TRIVY_SKIP_DB_UPDATE: 'true',
      ...variables
    }
    const args = [
      e.gitlabCiLocal,
      '--no-color',
      '--ignore-schema-paths',
      '#/definitions/tags/minItems',
      '--helper-image',
      helperImage,
      '--pull-policy',
      'if-not-present',
      '--network',
      'host',
      '--volume',
      `${SOCKET}:/var/run/docker.sock`,
      '--volume',
      `${trivyCache}:/trivy-cache`,
      '--ignore-predefined-vars',
      'CI_REGISTRY,CI_REGISTRY_IMAGE,CI_PIPELINE_SOURCE,CI_COMMIT_TAG,CI_COMMIT_REF_NAME,CI_COMMIT_REF_SLUG',
      ...Object.entries(vars).flatMap(([k, v]) => ['--variable', `${k}=${v}`]),
      ...unset.flatMap(k => ['--unset-variable', k])
    ]
    return runProcess(e.node24, args, {
      cwd: project,
      env: {
        DOCKER_CONFIG: mkdtempSync(join(tmpdir(), 'oci-docker-config-')),
        DOCKER_HOST: `unix://${SOCKET}`
      }
    })
  }

  const artifact = (job: string, name: string): string =>
    join(project, '.gitlab-ci-local', 'artifacts', job, '.oci-pipeline', name)
  const dotenv = (job: string, name: string): Record<string, string> =>
    Object.fromEntries(
      readFileSync(artifact(job, name), 'utf8')
        .trim()
        .split('\n')
        .map(l => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)])
    )
  const tagged = { CI_COMMIT_TAG: '0.4.2', CI_COMMIT_REF_NAME: '0.4.2', CI_COMMIT_REF_SLUG: '0-4-2' }

  it('builds both images on a branch, app FROM the base this pipeline pushed, as uid 1000', async () => {
    const run = await pipeline({})
    const log = run.stdout + run.stderr
    expect([run.code, log]).toEqual([0, expect.stringMatching(/PASS\s+oci-image-build/)])
    expect(log).toMatch(/PASS\s+oci-image-lint/)
    expect(log).not.toMatch(/oci-image-publish|oci-image-scan/)
    expect(log).toMatch(new RegExp(`oci-image-build.*starting ${toolImage.replace(/[.:]/g, '\\$&')}`))
    expect(log).not.toContain(e.password)

    const sha = git(project, 'rev-parse', 'HEAD').slice(0, 8)
    expect(await staging.tags(repo('base'))).toEqual([`0.1.0-dev.c${sha}`])
    expect(await staging.tags(repo('app'))).toEqual([`0.4.2-dev.c${sha}`])
    const base = await staging.manifest(repo('base'), `0.1.0-dev.c${sha}`)
    const app = await staging.manifest(repo('app'), `0.4.2-dev.c${sha}`)
    // app's layers are base's (this pipeline's build of it), then its own.
    const layers = (m: typeof base): string[] => (m?.json.layers ?? []).map((l: Json) => l.digest as string)
    expect(layers(app).slice(0, layers(base).length)).toEqual(layers(base))
    expect((await staging.config(repo('app'), `0.4.2-dev.c${sha}`)).config?.Labels).toMatchObject({
      'org.opencontainers.image.base.name': `${e.registry}/${repo('base')}`,
      'org.opencontainers.image.base.digest': base?.digest,
      'int.skao.image.version': '0.4.2',
      'int.skao.image.team': 'Team Kilo'
    })
    expect((await staging.config(repo('base'), `0.1.0-dev.c${sha}`)).config?.Labels).toMatchObject({
      'int.skao.image.version': '0.1.0'
    })

    const env = dotenv('oci-image-build', 'image.env')
    const manifest = readFileSync(artifact('oci-image-build', 'oci-images.json'), 'utf8')
    expect(env).toEqual({
      OCI_IMAGES_BUILT: 'base app',
      OCI_IMAGES_MANIFEST_SHA256: createHash('sha256').update(manifest).digest('hex')
    })
    expect((JSON.parse(manifest) as Json).images).toEqual([
      expect.objectContaining({
        name: 'base',
        version: '0.1.0',
        digest: base?.digest,
        scannedDigest: base?.digest
      }),
      expect.objectContaining({
        name: 'app',
        version: '0.4.2',
        digest: app?.digest,
        scannedDigest: app?.digest
      })
    ])
    // The include's jobs run as the image's non-root user, in the socket's group.
    expect(log).toMatch(new RegExp(`uid-check\\s+> uid=1000 gid=${statSync(SOCKET).gid}\\b`))
    const scan = JSON.parse(
      readFileSync(artifact('oci-image-build', 'gl-container-scanning-report.json'), 'utf8')
    ) as Json
    expect(scan.vulnerabilities.map((v: Json) => v.location.image).sort()).toEqual([
      `${e.registry}/${repo('app')}:0.4.2-dev.c${sha}`,
      `${e.registry}/${repo('base')}:0.1.0-dev.c${sha}`
    ])
    for (const name of ['base', 'app'])
      expect(existsSync(artifact('oci-image-build', `gl-sbom-${name}.cdx.json`))).toBe(true)
  }, 600_000)

  it('on a tag publishes only OCI_IMAGES_TO_PUBLISH, by the digest scanned; a re-run leaves the release as it is', async () => {
    git(project, 'tag', '0.4.2')
    const first = await pipeline({ ...tagged, OCI_IMAGES_TO_PUBLISH: 'app' }, ['CI_COMMIT_BRANCH'])
    const log = first.stdout + first.stderr
    expect([first.code, log]).toEqual([0, expect.stringMatching(/PASS\s+oci-image-publish/)])
    const built = (JSON.parse(readFileSync(artifact('oci-image-build', 'oci-images.json'), 'utf8')) as Json)
      .images as Json[]
    expect(built.map(b => [b.name, b.tags])).toEqual([
      ['base', ['0.1.0']],
      ['app', ['0.4.2']]
    ])
    const app = built[1] as Json
    expect(await release.tags(`${group}/app`)).toEqual(['0.4.2'])
    expect(await release.tags(`${group}/base`)).toEqual([])
    expect((await release.manifest(`${group}/app`, '0.4.2'))?.digest).toBe(app.scannedDigest)
    expect(dotenv('oci-image-publish', 'publish.env')).toEqual({ OCI_IMAGES_PUBLISHED: 'app' })

    const second = await pipeline({ ...tagged, OCI_IMAGES_TO_PUBLISH: 'app' }, ['CI_COMMIT_BRANCH'])
    const log2 = second.stdout + second.stderr
    expect([second.code, log2]).toEqual([0, expect.stringMatching(/PASS\s+oci-image-publish/)])
    expect(log2).toMatch(/already exists .*publish is skipped/)
    const rebuilt = (JSON.parse(readFileSync(artifact('oci-image-build', 'oci-images.json'), 'utf8')) as Json)
      .images as Json[]
    expect(rebuilt[1]?.digest).not.toBe(app.digest)
    expect(await release.tags(`${group}/app`)).toEqual(['0.4.2'])
    expect((await release.manifest(`${group}/app`, '0.4.2'))?.digest).toBe(app.scannedDigest)
  }, 900_000)

  it('rescans the published image at its release on a schedule, and runs nothing else', async () => {
    const published = await release.manifest(`${group}/app`, '0.4.2')
    expect(published).toBeDefined()
    const run = await pipeline({ CI_PIPELINE_SOURCE: 'schedule', OCI_IMAGES_TO_PUBLISH: 'app' })
    const log = run.stdout + run.stderr
    expect([run.code, log]).toEqual([0, expect.stringMatching(/PASS\s+oci-image-scan/)])
    expect(log).not.toMatch(/oci-image-(lint|build|publish)/)
    const ref = `${e.releaseRegistry}/${group}/app:0.4.2`
    expect(dotenv('oci-image-scan', 'scan.env')).toMatchObject({
      OCI_IMAGE_REF: `${ref}@${published?.digest}`,
      OCI_IMAGE_SCANNED_DIGEST: published?.digest,
      OCI_IMAGE_VERSION: '0.4.2'
    })
  }, 600_000)

  it('builds, pushes and publishes nothing when one Dockerfile fails the lint', async () => {
    const before = [await staging.tags(repo('base')), await staging.tags(repo('app'))]
    const dockerfile = join(project, 'images', 'app', 'Dockerfile')
    writeFileSync(dockerfile, readFileSync(dockerfile, 'utf8').replace('USER nobody', 'USER root'))
    git(project, 'commit', '-qam', 'app runs as root')
    git(project, 'tag', '0.4.3')
    const run = await pipeline(
      { CI_COMMIT_TAG: '0.4.3', CI_COMMIT_REF_NAME: '0.4.3', CI_COMMIT_REF_SLUG: '0-4-3' },
      ['CI_COMMIT_BRANCH']
    )
    const log = run.stdout + run.stderr
    expect(run.code).not.toBe(0)
    expect(log).toMatch(/FAIL\s+oci-image-lint/)
    expect(log).toMatch(/app: .*OP004/)
    expect(log).not.toMatch(/(PASS|FAIL)\s+oci-image-(build|publish)/)
    expect([await staging.tags(repo('base')), await staging.tags(repo('app'))]).toEqual(before)
    expect(await release.tags(`${group}/app`)).toEqual(['0.4.2'])
  }, 600_000)
})
