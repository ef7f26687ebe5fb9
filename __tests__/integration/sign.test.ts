import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describeWithEnv, type TestEnv } from '../support/env.js'
import { ReferrersClient } from '../support/referrers.js'
import { RegistryClient } from '../support/registry.js'
import { KEY_PASSWORD, SigningBed } from '../support/signing-bed.js'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
const readJson = (path: string): Json => JSON.parse(readFileSync(path, 'utf8')) as Json
const TYPES = { cyclonedx: 'https://cyclonedx.org/bom', spdxjson: 'https://spdx.dev/Document' } as const

/*
 * Key-based signing, as GitLab and air-gapped teams use it: the CLI builds, scans and pushes, then
 * signs and attests with the key; the real cosign (built from its v3.1.3 source) checks the result,
 * on a registry with the OCI 1.1 referrers API and on one without.
 */
describeWithEnv('signing with a key: what the real cosign verifies on the pushed digest', env => {
  let e: TestEnv
  let bed: SigningBed

  beforeAll(() => {
    e = env()
    bed = new SigningBed(e)
  }, 180_000)

  /** The statements cosign verified with the public key, decoded. */
  const verified = async (ref: string, type: string): Promise<Json[]> => {
    const res = await bed.cosign([
      'verify-attestation',
      '--key',
      bed.pub,
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
    const { run, outputs, repo, reports, runTemp } = await bed.signedBuild(registry, `app-${kind}`)
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

    const sig = await bed.cosign(['verify', '--key', bed.pub, '--insecure-ignore-tlog', ref])
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
      db: { version: readJson(join(bed.trivyCache, 'db', 'metadata.json')).UpdatedAt },
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
      source: { commit: bed.commit, ref: 'refs/heads/main' },
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
    const check = await bed.oci(['verify', ref, '--key', bed.pub], bed.creds())
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
      `  ok   provenance https://gitlab.example.org/group/app at ${bed.commit} (refs/heads/main), built by urn:oci-pipeline:builder:local from ${base.name}:${base.tag}@${base.digest}`,
      'all 4 checks passed',
      ''
    ])

    // The key and its password stayed out of every line printed, and nothing of the run was left.
    for (const text of [run.stdout, run.stderr, check.stdout, check.stderr]) {
      expect(text).not.toContain(KEY_PASSWORD)
      for (const line of bed.pem.split('\n').filter(l => l.length > 20)) expect(text).not.toContain(line)
    }
    // The blobs kept for the next build stay (the image's own blobs, pushed anyway), key-free.
    const kept = readdirSync(runTemp)
    expect(kept).toEqual([expect.stringMatching(/^oci-pipeline-blobs-\d+$/)])
    for (const dir of kept)
      for (const file of readdirSync(join(runTemp, dir), { recursive: true, withFileTypes: true }))
        if (file.isFile()) {
          const bytes = readFileSync(join(file.parentPath, file.name), 'latin1')
          expect(bytes).not.toContain(KEY_PASSWORD)
          expect(bytes).not.toContain(bed.pem.split('\n')[1])
        }
  })
})
