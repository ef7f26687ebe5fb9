import { execFileSync } from 'node:child_process'
import { RUN } from '../support/action-fixtures.js'
import type { ProcessRun } from '../support/cli-runner.js'
import { describeWithEnv, type TestEnv } from '../support/env.js'
import { bundleStatement, ReferrersClient, withStatement } from '../support/referrers.js'
import { SigningBed, type SignedBuild } from '../support/signing-bed.js'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

/*
 * What `oci-pipeline verify` refuses, and what `publish` carries along: one key-signed image on the
 * registry with the referrers API, its bundles copied and tampered with by hand (the registry's own
 * API, not the code under test), or published to a registry without the API.
 */
describeWithEnv('verify and publish of a key-signed image', env => {
  let e: TestEnv
  let bed: SigningBed
  let source: SignedBuild

  beforeAll(async () => {
    e = env()
    bed = new SigningBed(e)
    source = await bed.signedBuild(e.referrersRegistry, 'app')
    if (source.run.code !== 0) throw new Error(source.run.stderr.slice(-3000))
  }, 300_000)

  it('fails verify for a tampered attestation, naming it; the other checks still hold', async () => {
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

    const check = await bed.oci(
      ['verify', `${e.referrersRegistry}/${repo}@${digest}`, '--key', bed.pub],
      bed.creds()
    )
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
        env: { ...process.env, DOCKER_CONFIG: bed.dockerConfig },
        stdio: 'ignore'
      }
    )
    const other = (await store.manifest(repo, 'b')) as { bytes: Buffer; json: Json; type: string }
    const subject = { mediaType: other.type, digest: base.digest, size: other.bytes.length }
    await store.copyReferrer(source.repo, repo, source.outputs.signature as string, subject)

    const ref = `${e.referrersRegistry}/${repo}@${base.digest}`
    expect((await bed.cosign(['verify', '--key', bed.pub, '--insecure-ignore-tlog', ref])).code).not.toBe(0)
    const check = await bed.oci(['verify', ref, '--key', bed.pub, '--attest', 'none'], bed.creds())
    expect(check.code).toBe(1)
    expect(check.stdout).toMatch(/^ {2}FAIL signature .*does not match any digest in statement/m)
    expect(check.stdout).toContain('1 of 1 checks failed')
  })

  it('publish copies the signature and attestations with the image: they verify on the release', async () => {
    const digest = source.outputs.digest as string
    const release = `${e.releaseRegistry}/sign-${RUN}/app`
    const publish = (): Promise<ProcessRun> =>
      bed.oci(
        [
          'publish',
          '--source-image',
          `${e.referrersRegistry}/${source.repo}@${digest}`,
          '--release-image',
          release,
          '--version',
          '1.0.0'
        ],
        {
          ...bed.creds(),
          OCI_PIPELINE_RELEASE_USERNAME: e.username,
          OCI_PIPELINE_RELEASE_PASSWORD: e.password
        }
      )
    const first = await publish()
    expect([first.code, first.stderr]).toEqual([
      0,
      expect.stringContaining(
        `5 signatures and attestations of ${e.referrersRegistry}/${source.repo}@${digest} copied`
      )
    ])
    // A rerun finds the version there, the same image, and nothing left to copy.
    const again = await publish()
    expect([again.code, again.stderr]).toEqual([0, expect.stringContaining('already exists')])
    expect(again.stderr).not.toContain('copied')

    const store = new ReferrersClient(e.releaseRegistry, { username: e.username, password: e.password })
    const fallback = await store.manifest(`sign-${RUN}/app`, digest.replace(':', '-'))
    expect(fallback?.json.manifests).toHaveLength(5)
    const check = await bed.oci(['verify', `${release}@${digest}`, '--key', bed.pub], {
      OCI_PIPELINE_REGISTRY: e.releaseRegistry,
      OCI_PIPELINE_USERNAME: e.username,
      OCI_PIPELINE_PASSWORD: e.password
    })
    expect([check.code, check.stdout]).toEqual([0, expect.stringContaining('all 4 checks passed')])
  })
})
