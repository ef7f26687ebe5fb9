import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { RUN } from '../support/action-fixtures.js'
import { freshCliBundle, runProcess, type ProcessRun } from '../support/cli-runner.js'
import { describeWithEnv, pinnedRef, type TestEnv } from '../support/env.js'
import { bundleStatement, ReferrersClient, registryAuthConfig, withStatement } from '../support/referrers.js'
import { RegistryClient } from '../support/registry.js'
import { TEST_ADVISORIES, writeTrivyDb } from '../support/trivy-db/index.js'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
const readJson = (path: string): Json => JSON.parse(readFileSync(path, 'utf8')) as Json
const PASSWORD = 'key-Pa55-word-for-the-test'
const TYPES = { cyclonedx: 'https://cyclonedx.org/bom', spdxjson: 'https://spdx.dev/Document' } as const

/*
 * Key-based signing, as GitLab and air-gapped teams use it: the CLI builds, scans and pushes, then
 * signs and attests with the key; the real cosign (built from its v3.1.3 source) checks the result,
 * on a registry with the OCI 1.1 referrers API and on one without.
 */
describeWithEnv('signing with a key: what the real cosign verifies on the pushed digest', env => {
  let e: TestEnv
  let cli: string
  let work: string
  let trivyCache: string
  let pem: string
  let pub: string
  let commit: string
  let project: string
  const runs: Record<
    string,
    { run: ProcessRun; outputs: Json; repo: string; reports: string; runTemp: string }
  > = {}

  const cosign = (args: string[]): Promise<ProcessRun> =>
    runProcess(e.cosign, args, { cwd: work, env: { DOCKER_CONFIG: join(work, 'docker-config') } })
  const oci = (args: string[], vars: Record<string, string> = {}): Promise<ProcessRun> =>
    runProcess(e.node24, [cli, ...args], {
      cwd: project,
      env: { DOCKER_CONFIG: join(work, 'docker-config'), OCI_PIPELINE_COSIGN_PATH: e.cosign, ...vars }
    })
  /** The login the base images need (the referrers registry needs none to push). */
  const creds = (): Record<string, string> => ({
    OCI_PIPELINE_REGISTRY: e.registry,
    OCI_PIPELINE_USERNAME: e.username,
    OCI_PIPELINE_PASSWORD: e.password
  })

  beforeAll(async () => {
    e = env()
    cli = freshCliBundle()
    work = mkdtempSync(join(tmpdir(), 'oci-sign-it-'))
    // The runs log in to a docker config of their own; the test's cosign and docker calls use this one.
    registryAuthConfig(join(work, 'docker-config'), [e.registry, e.releaseRegistry], e)
    trivyCache = join(work, 'trivy-cache')
    writeTrivyDb(trivyCache, 'debian 12', TEST_ADVISORIES)
    execFileSync(e.cosign, ['generate-key-pair'], {
      cwd: work,
      env: { ...process.env, COSIGN_PASSWORD: PASSWORD }
    })
    pem = readFileSync(join(work, 'cosign.key'), 'utf8')
    pub = join(work, 'cosign.pub')
    project = join(work, 'project')
    mkdirSync(project)
    writeFileSync(join(project, 'Dockerfile'), `FROM ${pinnedRef(e.baseImages.debianVuln)}\nUSER nobody\n`)
    const git = (...args: string[]): string =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: project })
        .toString()
        .trim()
    git('init', '-q', '-b', 'main')
    git('add', 'Dockerfile')
    git('commit', '-q', '-m', 'image')
    git('remote', 'add', 'origin', 'https://gitlab.example.org/group/app.git')
    commit = git('rev-parse', 'HEAD')
  }, 180_000)

  /** `build` with the key (PEM text) and its password in the environment, as GitLab's variables give them. */
  const signedBuild = async (registry: string, name: string): Promise<(typeof runs)[string]> => {
    const repo = `sign-${RUN}/${name}`
    const reports = join(work, 'reports', name)
    const runTemp = mkdtempSync(join(work, 'runner-temp-'))
    const run = await oci(
      [
        'build',
        ...['--images', `${registry}/${repo}`, '--tags', 'type=raw,value=1.0'],
        ...['--trivy-cache-dir', trivyCache, '--fail-on-severity', 'none', '--sbom-format', 'both'],
        ...['--report-dir', reports, '--json']
      ],
      {
        ...creds(),
        OCI_PIPELINE_TRIVY_PATH: e.trivy,
        TRIVY_SKIP_DB_UPDATE: 'true',
        OCI_PIPELINE_SIGN_KEY: pem,
        OCI_PIPELINE_SIGN_KEY_PASSWORD: PASSWORD,
        RUNNER_TEMP: runTemp
      }
    )
    let outputs: Json = {}
    try {
      outputs = JSON.parse(run.stdout) as Json
    } catch {
      throw new Error(`build printed no JSON (exit ${run.code}):\n${run.stderr}`)
    }
    return (runs[name] = { run, outputs, repo, reports, runTemp })
  }

  /** The statements cosign verified with the public key, decoded. */
  const verified = async (ref: string, type: string): Promise<Json[]> => {
    const res = await cosign([
      'verify-attestation',
      '--key',
      pub,
      '--insecure-ignore-tlog',
      '--type',
      type,
      ref
    ])
    expect([type, res.code]).toEqual([type, 0])
    return res.stdout
      .trim()
      .split('\n')
      .map(
        l =>
          JSON.parse(
            Buffer.from((JSON.parse(l) as Json).payload as string, 'base64').toString('utf8')
          ) as Json
      )
  }

  it.each([
    ['a registry with the referrers API', 'referrers'],
    ['a registry without it (the fallback tag)', 'plain']
  ])('on %s: the signature and the SBOM, scan and provenance attestations verify', async (_, kind) => {
    const registry = kind === 'referrers' ? e.referrersRegistry : e.registry
    const { run, outputs, repo, reports, runTemp } = await signedBuild(registry, `app-${kind}`)
    if (run.code !== 0) throw new Error(run.stderr.slice(-3000))
    expect(run.stderr).toContain('Sign and attest')
    const digest = outputs.digest as string
    const ref = `${registry}/${repo}@${digest}`

    // The pushed digest, the scanned image and the signed subject are one image.
    const images = new RegistryClient(registry, e.username, e.password)
    expect((await images.manifest(repo, '1.0'))?.digest).toBe(digest)
    const config = await images.config(repo, digest)
    const scanned = readJson(
      join(reports, 'scan', readdirSync(join(reports, 'scan'))[0] as string, 'trivy.json')
    )
    expect(scanned.Metadata.ImageID).toBe(config.digest)

    const sig = await cosign(['verify', '--key', pub, '--insecure-ignore-tlog', ref])
    expect([sig.code, sig.stderr]).toEqual([
      0,
      expect.stringContaining('verified against the specified public key')
    ])
    // cosign's bundle format: it verifies every bundle attached, the signature one among them.
    const payloads = (JSON.parse(sig.stdout) as Json[]).map(p => p.critical)
    expect(new Set(payloads.map(p => p.image['docker-manifest-digest']))).toEqual(new Set([digest]))
    expect(payloads.map(p => p.type)).toContain('https://sigstore.dev/cosign/sign/v1')

    const sbomDir = join(outputs['sbom-path'] as string, '..')
    for (const [type, file] of [
      ['cyclonedx', 'sbom.cdx.json'],
      ['spdxjson', 'sbom.spdx.json']
    ] as const) {
      const [statement] = await verified(ref, type)
      expect(statement?.predicateType).toBe(TYPES[type])
      expect(statement?.subject).toEqual([
        { name: `${registry}/${repo}`, digest: { sha256: digest.slice(7) } }
      ])
      expect(statement?.predicate).toEqual(readJson(join(sbomDir, file)))
    }

    const [vuln] = await verified(ref, 'vuln')
    const counts = JSON.parse(outputs.vulnerabilities as string) as Json
    delete counts.total
    expect(vuln?.subject[0].digest).toEqual({ sha256: digest.slice(7) })
    expect(vuln?.predicate.scanner).toMatchObject({
      uri: `pkg:github/aquasecurity/trivy@v${e.versions.trivy}`,
      version: e.versions.trivy,
      db: { version: readJson(join(trivyCache, 'db', 'metadata.json')).UpdatedAt },
      result: { imageId: config.digest, counts, gate: { threshold: 'none', passed: true } }
    })
    expect(vuln?.predicate.scanner.result.vulnerabilities.map((v: Json) => [v.id, v.severity])).toEqual([
      ['CVE-2099-0001', 'CRITICAL'],
      ['CVE-2099-0002', 'MEDIUM']
    ])

    const [provenance] = await verified(ref, 'slsaprovenance1')
    const base = e.baseImages.debianVuln
    expect(provenance?.subject[0].digest).toEqual({ sha256: digest.slice(7) })
    expect(provenance?.predicate.buildDefinition.externalParameters).toMatchObject({
      source: { commit, ref: 'refs/heads/main' },
      dockerfile: 'Dockerfile',
      baseImage: { name: `${base.name}:${base.tag}`, digest: base.digest },
      tags: [`${registry}/${repo}:1.0`]
    })
    expect(provenance?.predicate.buildDefinition.resolvedDependencies).toEqual(
      expect.arrayContaining([expect.objectContaining({ digest: { sha256: base.digest.slice(7) } })])
    )
    expect(provenance?.predicate.runDetails.builder.version).toMatchObject({ trivy: e.versions.trivy })

    // Stored next to the image: the referrers API, or the fallback tag where there is none.
    const store = new ReferrersClient(registry, { username: e.username, password: e.password })
    const listed =
      kind === 'referrers'
        ? await store.referrersApi(repo, digest)
        : (await store.manifest(repo, digest.replace(':', '-')))?.json.manifests
    if (kind === 'plain') expect(await store.referrersApi(repo, digest)).toBeUndefined()
    expect(listed?.map((m: Json) => m.artifactType)).toEqual(
      Array(5).fill('application/vnd.dev.sigstore.bundle.v0.3+json')
    )
    expect(outputs.signature).toMatch(/^sha256:[0-9a-f]{64}$/)
    const attestations = JSON.parse(outputs.attestations as string) as Json[]
    expect(attestations.map(a => [a.type, a.predicateType, a.subject])).toEqual([
      ['sbom', TYPES.cyclonedx, ref],
      ['sbom', TYPES.spdxjson, ref],
      ['vuln', 'https://cosign.sigstore.dev/attestation/vuln/v1', ref],
      ['provenance', 'https://slsa.dev/provenance/v1', ref]
    ])
    expect(new Set(listed?.map((m: Json) => m.digest))).toEqual(
      new Set([outputs.signature, ...attestations.map(a => a.digest)])
    )

    // oci-pipeline verify says the same, in a line a check.
    const check = await oci(['verify', ref, '--key', pub], creds())
    expect([check.code, check.stderr]).toEqual([0, expect.not.stringContaining('error')])
    const packages = (readJson(join(sbomDir, 'sbom.cdx.json')).components as Json[]).filter(
      c => c.type !== 'operating-system'
    ).length
    expect(check.stdout.split('\n')).toEqual([
      ref,
      '  ok   signature  verified',
      `  ok   sbom       cyclonedx: ${packages} package${packages === 1 ? '' : 's'}`,
      expect.stringMatching(
        /^ {2}ok {3}vuln {7}1 critical, 0 high, 1 medium, 0 low, 0 unknown; gate passed \(none\) at /
      ),
      `  ok   provenance https://gitlab.example.org/group/app at ${commit} (refs/heads/main), built by urn:oci-pipeline:builder:local from ${base.name}:${base.tag}@${base.digest}`,
      'all 4 checks passed',
      ''
    ])

    // The key and its password stayed out of every line printed, and nothing of the run was left.
    for (const text of [run.stdout, run.stderr, check.stdout, check.stderr]) {
      expect(text).not.toContain(PASSWORD)
      for (const line of pem.split('\n').filter(l => l.length > 20)) expect(text).not.toContain(line)
    }
    expect(readdirSync(runTemp)).toEqual([])
  })

  it('fails verify for a tampered attestation, naming it; the other checks still hold', async () => {
    const source = runs['app-referrers'] ?? (await signedBuild(e.referrersRegistry, 'app-referrers'))
    const digest = source.outputs.digest as string
    const store = new ReferrersClient(e.referrersRegistry)
    const repo = `sign-${RUN}/tampered`
    const image = (await store.manifest(source.repo, digest)) as { bytes: Buffer; json: Json; type: string }
    for (const blob of [image.json.config, ...image.json.layers] as Json[])
      await store.putBlob(repo, await store.blob(source.repo, blob.digest))
    await store.putManifest(repo, image.json, digest)
    const subject = { mediaType: image.type, digest, size: image.bytes.length }
    for (const r of (await store.referrersApi(source.repo, digest)) ?? [])
      await store.copyReferrer(source.repo, repo, r.digest, subject, bundle => {
        if (
          r.annotations['dev.sigstore.bundle.predicateType'] !==
          'https://cosign.sigstore.dev/attestation/vuln/v1'
        )
          return bundle
        const statement = bundleStatement(bundle)
        statement.predicate.scanner.result.counts.CRITICAL = 0
        statement.predicate.scanner.result.vulnerabilities = []
        return withStatement(bundle, statement)
      })

    const check = await oci(['verify', `${e.referrersRegistry}/${repo}@${digest}`, '--key', pub], creds())
    expect(check.code).toBe(1)
    const lines = check.stdout.split('\n')
    expect(lines.filter(l => l.startsWith('  ok '))).toHaveLength(3)
    // cosign finds no vuln attestation whose signature holds: the tampered one does not count.
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^ {2}FAIL vuln .*none of the attestations matched the predicate type: vuln/),
        '1 of 4 checks failed'
      ])
    )
    expect(check.stderr).toMatch(/error: .*tampered@sha256:[0-9a-f]{64}: vuln: /)
  })

  it('fails verify for a signature made for another digest', async () => {
    const source = runs['app-referrers'] ?? (await signedBuild(e.referrersRegistry, 'app-referrers'))
    const store = new ReferrersClient(e.referrersRegistry)
    const repo = `sign-${RUN}/other`
    const base = e.baseImages.busybox
    execFileSync(
      'docker',
      [
        'buildx',
        'imagetools',
        'create',
        '--prefer-index=false',
        '--tag',
        `${e.referrersRegistry}/${repo}:b`,
        `${base.name}@${base.digest}`
      ],
      {
        env: { ...process.env, DOCKER_CONFIG: join(work, 'docker-config') },
        stdio: 'ignore'
      }
    )
    const other = (await store.manifest(repo, 'b')) as { bytes: Buffer; json: Json; type: string }
    const subject = { mediaType: other.type, digest: base.digest, size: other.bytes.length }
    await store.copyReferrer(source.repo, repo, source.outputs.signature as string, subject)

    const ref = `${e.referrersRegistry}/${repo}@${base.digest}`
    expect((await cosign(['verify', '--key', pub, '--insecure-ignore-tlog', ref])).code).not.toBe(0)
    const check = await oci(['verify', ref, '--key', pub, '--attest', 'none'], creds())
    expect(check.code).toBe(1)
    expect(check.stdout).toMatch(/^ {2}FAIL signature .*does not match any digest in statement/m)
    expect(check.stdout).toContain('1 of 1 checks failed')
  })

  it('publish copies the signature and attestations with the image: they verify on the release', async () => {
    const source = runs['app-plain'] ?? (await signedBuild(e.registry, 'app-plain'))
    const digest = source.outputs.digest as string
    const release = `${e.releaseRegistry}/sign-${RUN}/app`
    const publish = (): Promise<ProcessRun> =>
      oci(
        [
          'publish',
          '--source-image',
          `${e.registry}/${source.repo}@${digest}`,
          '--release-image',
          release,
          '--version',
          '1.0.0'
        ],
        { ...creds(), OCI_PIPELINE_RELEASE_USERNAME: e.username, OCI_PIPELINE_RELEASE_PASSWORD: e.password }
      )
    const first = await publish()
    expect([first.code, first.stderr]).toEqual([
      0,
      expect.stringContaining(
        `5 signatures and attestations of ${e.registry}/${source.repo}@${digest} copied`
      )
    ])
    // A rerun finds the version there, the same image, and nothing left to copy.
    const again = await publish()
    expect([again.code, again.stderr]).toEqual([0, expect.stringContaining('already exists')])
    expect(again.stderr).not.toContain('copied')

    const store = new ReferrersClient(e.releaseRegistry, { username: e.username, password: e.password })
    const fallback = await store.manifest(`sign-${RUN}/app`, digest.replace(':', '-'))
    expect(fallback?.json.manifests).toHaveLength(5)
    const check = await oci(['verify', `${release}@${digest}`, '--key', pub], {
      OCI_PIPELINE_REGISTRY: e.releaseRegistry,
      OCI_PIPELINE_USERNAME: e.username,
      OCI_PIPELINE_PASSWORD: e.password
    })
    expect([check.code, check.stdout]).toEqual([0, expect.stringContaining('all 4 checks passed')])
  })
})
