import { execFileSync } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freshCliBundle, runProcess, type ProcessRun } from '../support/cli-runner.js'
import { describeWithEnv, pinnedRef, ROOT, type TestEnv } from '../support/env.js'
import { RegistryClient } from '../support/registry.js'
import { TEST_ADVISORIES, writeTrivyDb } from '../support/trivy-db/index.js'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
const RUN = Date.now().toString(36)
const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], {
    cwd,
    encoding: 'utf8'
  }).trim()

/**
 * A scratch project that includes the template, as a GitLab project would. Its base image holds
 * oci-test-lib, with a CRITICAL (ignored in .trivyignore, as a team would after triage) and a MEDIUM.
 */
function scratchProject(base: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'oci-gitlab-'))
  mkdirSync(join(dir, 'templates'))
  copyFileSync(join(ROOT, 'templates', 'gitlab-ci.yml'), join(dir, 'templates', 'gitlab-ci.yml'))
  const files: Record<string, string> = {
    // GitLab's default stages (build, test, deploy): the include needs no `stages:` of its own.
    '.gitlab-ci.yml': [
      'variables:',
      '  OCI_PIPELINE_TRIVYIGNORES: .trivyignore',
      'include:',
      '  - local: templates/gitlab-ci.yml',
      '    inputs:',
      '      team: Team Kilo',
      ''
    ].join('\n'),
    Dockerfile: [
      `FROM ${base}`,
      'COPY --chown=root:root --chmod=444 hello.txt /app/hello.txt',
      'USER nobody',
      'ENTRYPOINT ["/bin/cat", "/app/hello.txt"]',
      ''
    ].join('\n'),
    'hello.txt': 'hello\n',
    '.release': 'release=0.4.2\ntag=0.4.2\n',
    '.trivyignore': '# triaged: the test parser is not reachable in this image\nCVE-2099-0001\n',
    '.dockerignore': '.git\n.gitlab-ci-local\n.oci-pipeline\n.oci-pipeline-cache\n',
    '.gitignore': '.gitlab-ci-local\n.oci-pipeline\n.oci-pipeline-cache\n'
  }
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  git(dir, 'init', '-q', '-b', 'main')
  git(dir, 'remote', 'add', 'origin', 'https://gitlab.example.org/ska-telescope/ska-demo.git')
  git(dir, 'add', '.')
  git(dir, 'commit', '-qm', 'first')
  return dir
}

describeWithEnv('the GitLab include, run by gitlab-ci-local with its shell executor', env => {
  let e: TestEnv
  let staging: RegistryClient
  let release: RegistryClient
  let project: string
  let cli: string
  let trivyCache: string
  const group = `gl-${RUN}`
  const stagingRepo = `${group}/ska-demo/ska-demo`
  const releaseRepo = `${group}/ska-demo`

  beforeAll(() => {
    e = env()
    staging = new RegistryClient(e.registry, e.username, e.password)
    release = new RegistryClient(e.releaseRegistry, e.username, e.password)
    project = scratchProject(pinnedRef(e.baseImages.debianVuln))
    cli = freshCliBundle()
    trivyCache = mkdtempSync(join(tmpdir(), 'oci-gitlab-trivy-'))
    writeTrivyDb(trivyCache, 'debian 12', TEST_ADVISORIES)
  }, 180_000)

  /** One pipeline: every job its rules allow, against the local registries; the reports start afresh. */
  function pipeline(variables: Record<string, string>, unset: string[] = []): Promise<ProcessRun> {
    rmSync(join(project, '.oci-pipeline'), { recursive: true, force: true })
    const dockerConfig = mkdtempSync(join(tmpdir(), 'oci-docker-config-'))
    const vars: Record<string, string> = {
      CI_REGISTRY: e.registry,
      CI_REGISTRY_IMAGE: `${e.registry}/${group}/ska-demo`,
      CI_REGISTRY_USER: e.username,
      CI_REGISTRY_PASSWORD: e.password,
      CAR_OCI_REGISTRY_HOST: `${e.releaseRegistry}/${group}`,
      CAR_OCI_REGISTRY_USERNAME: e.username,
      CAR_OCI_REGISTRY_PASSWORD: e.password,
      OCI_PIPELINE_CLI: `${e.node24} ${cli}`,
      OCI_PIPELINE_LINTERS: 'checklist',
      OCI_PIPELINE_TRIVY_PATH: e.trivy,
      OCI_PIPELINE_TRIVY_CACHE_DIR: trivyCache,
      TRIVY_SKIP_DB_UPDATE: 'true',
      DOCKER_CONFIG: dockerConfig,
      ...variables
    }
    const args = [
      e.gitlabCiLocal,
      '--force-shell-executor',
      '--no-color',
      // GitLab takes `tags: []` (no runner-tags given); its JSON schema asks for one (gitlab-schema.test.ts).
      '--ignore-schema-paths',
      '#/definitions/tags/minItems',
      '--ignore-predefined-vars',
      'CI_REGISTRY,CI_REGISTRY_IMAGE,CI_PIPELINE_SOURCE,CI_COMMIT_TAG,CI_COMMIT_REF_NAME,CI_COMMIT_REF_SLUG',
      ...Object.entries(vars).flatMap(([k, v]) => ['--variable', `${k}=${v}`]),
      ...unset.flatMap(k => ['--unset-variable', k])
    ]
    return runProcess(e.node24, args, { cwd: project, env: { DOCKER_CONFIG: dockerConfig } })
  }

  const report = (name: string): string => join(project, '.oci-pipeline', name)
  const json = (name: string): Json => JSON.parse(readFileSync(report(name), 'utf8')) as Json
  const dotenv = (name: string): Record<string, string> =>
    Object.fromEntries(
      readFileSync(report(name), 'utf8')
        .trim()
        .split('\n')
        .map(l => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)])
    )

  /** The container-scanning report (security report schema 15.x) of one image: the MEDIUM only. */
  function expectScanReport(image: string): void {
    const r = json('gl-container-scanning-report.json')
    expect(r.version).toMatch(/^15\.\d+\.\d+$/)
    expect(r.scan).toMatchObject({
      type: 'container_scanning',
      status: 'success',
      scanner: { id: 'trivy', name: 'Trivy', vendor: { name: 'Aqua Security' } },
      analyzer: { id: 'oci-pipeline' }
    })
    expect(r.scan.start_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/)
    expect(r.vulnerabilities).toHaveLength(1)
    expect(r.vulnerabilities[0]).toMatchObject({
      severity: 'Medium',
      identifiers: [{ type: 'cve', name: 'CVE-2099-0002', value: 'CVE-2099-0002' }],
      location: {
        dependency: { package: { name: 'oci-test-lib' }, version: '1.0.0-1' },
        operating_system: expect.stringMatching(/debian/i),
        image
      }
    })
    expect(r.vulnerabilities[0].id).toMatch(/^[0-9a-f-]{36}$/)
    const sbom = json('gl-sbom-ska-demo.cdx.json')
    expect(sbom).toMatchObject({ bomFormat: 'CycloneDX', specVersion: expect.stringMatching(/^1\.\d+$/) })
    expect(sbom.components.map((c: Json) => `${c.name} ${c.version}`)).toContain('oci-test-lib 1.0.0-1')
  }

  it('builds a branch, scans it, labels it and pushes <version>-dev.c<short sha> to the project registry', async () => {
    const run = await pipeline({})
    const log = run.stdout + run.stderr
    expect([run.code, log]).toEqual([0, expect.stringMatching(/PASS\s+oci-image-build/)])
    expect(log).toMatch(/PASS\s+oci-image-lint/)
    expect(log).not.toMatch(/oci-image-publish|oci-image-scan/)
    expect(log).not.toContain(e.password)

    const sha = git(project, 'rev-parse', 'HEAD')
    const tag = `0.4.2-dev.c${sha.slice(0, 8)}`
    expect(await staging.tags(stagingRepo)).toEqual([tag])
    const manifest = await staging.manifest(stagingRepo, tag)
    const config = await staging.config(stagingRepo, tag)
    expect(dotenv('image.env')).toEqual({
      OCI_IMAGE_REF: `${e.registry}/${stagingRepo}:${tag}@${manifest?.digest}`,
      OCI_IMAGE_DIGEST: manifest?.digest,
      // Scanned, and the gate passed before the push: what publish takes.
      OCI_IMAGE_SCANNED_DIGEST: manifest?.digest,
      OCI_IMAGE_VERSION: '0.4.2',
      OCI_IMAGE_ID: config.digest,
      OCI_IMAGE_TAGS: `${e.registry}/${stagingRepo}:${tag}`
    })
    const labels = config.config?.Labels ?? {}
    expect(labels).toMatchObject({
      'int.skao.image.team': 'Team Kilo',
      'int.skao.image.version': '0.4.2',
      'int.skao.image.tags': tag,
      'int.skao.image.source': 'https://gitlab.example.org/ska-telescope/ska-demo',
      'org.opencontainers.image.revision': sha,
      CI_COMMIT_SHA: sha,
      CI_COMMIT_SHORT_SHA: sha.slice(0, 8),
      CI_COMMIT_REF_NAME: 'main',
      CI_PROJECT_URL: 'https://gitlab.example.org/ska-telescope/ska-demo',
      CI_PIPELINE_URL: expect.stringMatching(/^https?:\/\/.*\/pipelines\/\d+$/),
      CI_JOB_URL: expect.stringMatching(/^https?:\/\/.*\/-\/jobs\/\d+$/),
      GITLAB_USER_LOGIN: expect.any(String)
    })

    // Code quality: the checklist's findings on a full Debian base, each in GitLab's shape.
    const codequality = json('gl-code-quality-report.json') as Json[]
    const sarif = json('lint.sarif')
    expect(codequality).toHaveLength(sarif.runs.flatMap((r: Json) => r.results).length)
    for (const issue of codequality)
      expect(issue).toEqual({
        description: expect.stringMatching(/^OP\d{3}: /),
        check_name: expect.stringMatching(/^OP\d{3}$/),
        fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
        severity: expect.stringMatching(/^(info|minor|major|critical|blocker)$/),
        location: { path: 'Dockerfile', lines: { begin: expect.any(Number) } }
      })
    expectScanReport(`${e.registry}/${stagingRepo}:${tag}`)
    expect(readFileSync(report('build-summary.md'), 'utf8')).toContain(manifest?.digest)
  })

  it('fails the build on the gate, pushes nothing, and still writes the scan reports', async () => {
    const tag = `0.4.2-dev.c${git(project, 'rev-parse', 'HEAD').slice(0, 8)}`
    const before = await staging.manifest(stagingRepo, tag)
    // CVE-2099-0002 has no fix: it gates only with ignore-unfixed: false.
    const run = await pipeline({
      OCI_PIPELINE_FAIL_ON_SEVERITY: 'MEDIUM',
      OCI_PIPELINE_IGNORE_UNFIXED: 'false'
    })
    const log = run.stdout + run.stderr
    expect([run.code, log]).not.toEqual([0, expect.anything()])
    expect(log).toMatch(/FAIL\s+oci-image-build/)
    expect(log).toContain('CVE-2099-0002 in oci-test-lib 1.0.0-1 (no fix: affected)')
    expect(log).toMatch(
      /scan: 1 vulnerability at or above MEDIUM, so nothing was pushed\. To change the decision: .*ignore-unfixed/
    )
    // The rebuild has a new created label: had it been pushed, the tag would have moved.
    expect((await staging.manifest(stagingRepo, tag))?.digest).toBe(before?.digest)
    expectScanReport(`${e.registry}/${stagingRepo}:${tag}`)
  })

  it('publishes a tag by digest to the release registry, and skips that version the second time', async () => {
    git(project, 'tag', '0.4.2')
    // As GitLab runs a tag pipeline: the ref is the tag, and there is no branch.
    const tagged = { CI_COMMIT_TAG: '0.4.2', CI_COMMIT_REF_NAME: '0.4.2', CI_COMMIT_REF_SLUG: '0-4-2' }
    const first = await pipeline(tagged, ['CI_COMMIT_BRANCH'])
    const log = first.stdout + first.stderr
    expect([first.code, log]).toEqual([0, expect.stringMatching(/PASS\s+oci-image-publish/)])
    const built = dotenv('image.env')
    expect(built.OCI_IMAGE_REF).toBe(`${e.registry}/${stagingRepo}:0.4.2@${built.OCI_IMAGE_DIGEST}`)

    expect(await release.tags(releaseRepo)).toEqual(['0.4.2'])
    const published = await release.manifest(releaseRepo, '0.4.2')
    expect(published?.digest).toBe(built.OCI_IMAGE_DIGEST)
    expect((await release.config(releaseRepo, '0.4.2')).config?.Labels).toMatchObject({
      'int.skao.image.version': '0.4.2',
      CI_COMMIT_REF_NAME: '0.4.2',
      CI_COMMIT_SHA: git(project, 'rev-parse', 'HEAD')
    })
    expect(dotenv('publish.env')).toEqual({
      OCI_IMAGE_REF: `${e.releaseRegistry}/${releaseRepo}:0.4.2@${built.OCI_IMAGE_DIGEST}`,
      OCI_IMAGE_DIGEST: built.OCI_IMAGE_DIGEST,
      OCI_IMAGE_VERSION: '0.4.2',
      OCI_IMAGE_TAGS: `${e.releaseRegistry}/${releaseRepo}:0.4.2`,
      OCI_IMAGE_PUBLISHED: 'true'
    })

    // The rebuild has a new created label, so a new digest; the release must keep the first one.
    const second = await pipeline(tagged, ['CI_COMMIT_BRANCH'])
    const log2 = second.stdout + second.stderr
    expect([second.code, log2]).toEqual([0, expect.stringMatching(/PASS\s+oci-image-publish/)])
    expect(log2).toMatch(/already exists .*publish is skipped/)
    expect(dotenv('image.env').OCI_IMAGE_DIGEST).not.toBe(built.OCI_IMAGE_DIGEST)
    expect(dotenv('publish.env').OCI_IMAGE_PUBLISHED).toBe('false')
    expect(await release.tags(releaseRepo)).toEqual(['0.4.2'])
    expect((await release.manifest(releaseRepo, '0.4.2'))?.digest).toBe(built.OCI_IMAGE_DIGEST)
  })

  it('rescans the latest release by digest on a scheduled pipeline, and nothing else', async () => {
    const published = await release.manifest(releaseRepo, '0.4.2')
    expect(published).toBeDefined()
    const run = await pipeline({ CI_PIPELINE_SOURCE: 'schedule' })
    const log = run.stdout + run.stderr
    expect([run.code, log]).toEqual([0, expect.stringMatching(/PASS\s+oci-image-scan/)])
    expect(log).not.toMatch(/oci-image-(lint|build|publish)/)
    const ref = `${e.releaseRegistry}/${releaseRepo}:0.4.2`
    expect(dotenv('scan.env')).toEqual({
      OCI_IMAGE_REF: `${ref}@${published?.digest}`,
      OCI_IMAGE_DIGEST: published?.digest,
      OCI_IMAGE_SCANNED_DIGEST: published?.digest,
      OCI_IMAGE_VERSION: '0.4.2',
      OCI_IMAGE_TAGS: ref
    })
    expect(log).toContain(`${e.releaseRegistry}/${releaseRepo}@${published?.digest}`)
    expectScanReport(ref)
    expect(existsSync(report('scan-summary.md'))).toBe(true)
    expect(await release.tags(releaseRepo)).toEqual(['0.4.2'])
  })

  it('builds, pushes and publishes nothing from a Dockerfile that fails the lint at error level', async () => {
    const before = await staging.tags(stagingRepo)
    // OP004 (error): the final stage runs as root.
    writeFileSync(
      join(project, 'Dockerfile'),
      readFileSync(join(project, 'Dockerfile'), 'utf8').replace('USER nobody', 'USER root')
    )
    git(project, 'commit', '-qam', 'runs as root')
    const sha = git(project, 'rev-parse', 'HEAD')
    const run = await pipeline({})
    const log = run.stdout + run.stderr
    expect(run.code).not.toBe(0)
    expect(log).toMatch(/FAIL\s+oci-image-lint/)
    expect(log).not.toMatch(/(PASS|FAIL)\s+oci-image-build/)
    expect(log).not.toMatch(/section_start:\d+:oci_\d+_build\[/)
    expect(await staging.tags(stagingRepo)).toEqual(before)
    expect(before.some(t => t.endsWith(sha.slice(0, 8)))).toBe(false)
  })
})
