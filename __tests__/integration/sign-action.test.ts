import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { errorLines, runAction, type ActionRun } from '../support/action-runner.js'
import { push, RUN, workspace } from '../support/action-fixtures.js'
import { freshCliBundle, runProcess } from '../support/cli-runner.js'
import { describeWithEnv, pinnedRef, type TestEnv } from '../support/env.js'
import { GITHUB_ISSUER, startFakeSigstore, type FakeSigstore } from '../support/fake-sigstore.js'
import { registryAuthConfig } from '../support/referrers.js'
import { RegistryClient } from '../support/registry.js'
import { TEST_ADVISORIES, writeTrivyDb } from '../support/trivy-db/index.js'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
const WORKFLOW = 'Example-Org/Demo-App/.github/workflows/build.yml@refs/heads/main'
const KEY_PASSWORD = 'action-key-Pa55word'
const branchPush = push('refs/heads/main')
/** A public repository's push: keyless signing to a public log reveals nothing private. */
const publicRepoPush = {
  ...branchPush,
  payload: {
    ...branchPush.payload,
    repository: { ...(branchPush.payload.repository as Json), private: false }
  }
}

/*
 * The action on GitHub: keyless signing with the job's OIDC token (GitHub's token service and
 * Fulcio played by local stand-ins, no network), the clear failure without `id-token: write`, and
 * key-based signing whose key and password never reach a command line or the log.
 */
describeWithEnv('the action signs what it pushed', env => {
  let e: TestEnv
  let registry: RegistryClient
  let trivyCache: string
  let sigstore: FakeSigstore
  let cli: string
  let keys: string
  let auth: string

  beforeAll(async () => {
    e = env()
    registry = new RegistryClient(e.registry, e.username, e.password)
    trivyCache = mkdtempSync(join(tmpdir(), 'oci-trivy-cache-'))
    writeTrivyDb(trivyCache, 'debian 12', TEST_ADVISORIES)
    sigstore = await startFakeSigstore(WORKFLOW)
    cli = freshCliBundle()
    keys = mkdtempSync(join(tmpdir(), 'oci-sign-keys-'))
    // Each run logs in to a docker config of its own, removed with it: the test's calls use this one.
    auth = registryAuthConfig(join(keys, 'docker-config'), [e.registry], e)
    execFileSync(e.cosign, ['generate-key-pair'], {
      cwd: keys,
      env: { ...process.env, COSIGN_PASSWORD: KEY_PASSWORD }
    })
  }, 180_000)
  afterAll(async () => sigstore?.close())

  const action = (
    repo: string,
    inputs: Record<string, string>,
    vars: Record<string, string> = {}
  ): Promise<ActionRun> =>
    runAction({
      node: e.node24,
      workspace: workspace(`FROM ${pinnedRef(e.baseImages.busybox)}\nUSER nobody\n`),
      inputs: {
        images: `${e.registry}/${repo}`,
        tags: 'type=ref,event=branch',
        username: e.username,
        password: e.password,
        linters: 'checklist',
        'trivy-path': e.trivy,
        'trivy-cache-dir': trivyCache,
        'cosign-path': e.cosign,
        ...inputs
      },
      event: publicRepoPush,
      env: { GITHUB_WORKFLOW_REF: WORKFLOW, TRIVY_SKIP_DB_UPDATE: 'true', ...vars }
    })
  const cosign = (args: string[], dockerConfig: string) =>
    runProcess(e.cosign, args, { cwd: keys, env: { DOCKER_CONFIG: dockerConfig } })

  it('signs keyless with the job OIDC token: cosign verifies the identity of the workflow', async () => {
    const repo = `sign-${RUN}/keyless`
    const run = await action(
      repo,
      { 'fulcio-url': sigstore.fulcioUrl, 'sigstore-trusted-root': sigstore.trustedRoot },
      {
        ACTIONS_ID_TOKEN_REQUEST_URL: sigstore.tokenUrl,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: sigstore.requestToken
      }
    )
    expect([run.code, errorLines(run.stdout)]).toEqual([0, []])
    expect(run.stdout).toContain("signing keyless with the job's OIDC token")
    const digest = run.outputs.digest as string
    expect((await registry.manifest(repo, 'main'))?.digest).toBe(digest)
    // One token and one certificate per signature and attestation, asked with Sigstore's audience.
    expect(sigstore.requests).toEqual(
      expect.arrayContaining(['GET /token?audience=sigstore', 'POST /api/v2/signingCert'])
    )

    const ref = `${e.registry}/${repo}@${digest}`
    const keyless = [
      ...['--certificate-identity', sigstore.identity, '--certificate-oidc-issuer', GITHUB_ISSUER],
      ...['--trusted-root', sigstore.trustedRoot, '--insecure-ignore-tlog', '--insecure-ignore-sct']
    ]
    const dockerConfig = auth
    const verified = await cosign(['verify', ...keyless, ref], dockerConfig)
    expect([verified.code, verified.stderr]).toEqual([0, expect.stringContaining('certificate')])
    const stranger = await cosign(
      [
        'verify',
        ...keyless.map(a =>
          a === sigstore.identity
            ? 'https://github.com/Someone/Else/.github/workflows/x.yml@refs/heads/main'
            : a
        ),
        ref
      ],
      dockerConfig
    )
    expect(stranger.code).not.toBe(0)

    const identity = ['--certificate-identity', sigstore.identity, '--certificate-oidc-issuer', GITHUB_ISSUER]
    const check = await runProcess(e.node24, [cli, 'verify', ref, ...identity], {
      cwd: keys,
      env: {
        DOCKER_CONFIG: dockerConfig,
        OCI_PIPELINE_COSIGN_PATH: e.cosign,
        OCI_PIPELINE_SIGSTORE_TRUSTED_ROOT: sigstore.trustedRoot,
        OCI_PIPELINE_INSECURE_IGNORE_TLOG: 'true',
        OCI_PIPELINE_INSECURE_IGNORE_SCT: 'true'
      }
    })
    expect([check.code, check.stdout]).toEqual([0, expect.stringContaining('all 4 checks passed')])
    expect(check.stdout).toContain(`built by ${sigstore.identity}`)
  })

  it('fails before building with sign: true and no id-token permission, and pushes nothing', async () => {
    const repo = `sign-${RUN}/no-token`
    const run = await action(repo, { sign: 'true' })
    expect(run.code).toBe(1)
    expect(errorLines(run.stdout)).toEqual([
      expect.stringMatching(
        /Input "sign": is true, but there is no sign-key and no OIDC token for keyless signing: give the job `permissions: id-token: write`/
      )
    ])
    expect(await registry.tags(repo)).toEqual([])
  })

  it('signs with a key given as PEM text: no key, password or token in argv, logs or outputs', async () => {
    const repo = `sign-${RUN}/key`
    const pem = readFileSync(join(keys, 'cosign.key'), 'utf8')
    const run = await action(repo, {
      'sign-key': pem,
      'sign-key-password': KEY_PASSWORD,
      attest: 'provenance'
    })
    expect([run.code, errorLines(run.stdout)]).toEqual([0, []])
    const ref = `${e.registry}/${repo}@${run.outputs.digest}`
    const verified = await cosign(
      ['verify', '--key', join(keys, 'cosign.pub'), '--insecure-ignore-tlog', ref],
      auth
    )
    expect(verified.code).toBe(0)
    expect(JSON.parse(run.outputs.attestations ?? '[]')).toEqual([
      {
        type: 'provenance',
        predicateType: 'https://slsa.dev/provenance/v1',
        subject: ref,
        digest: expect.stringMatching(/^sha256:/)
      }
    ])
    expect(run.outputs.signature).toMatch(/^sha256:[0-9a-f]{64}$/)
    const secrets = [KEY_PASSWORD, ...pem.split('\n').filter(l => l.length > 20)]
    for (const s of secrets) {
      expect(run.everything).not.toContain(s)
      expect(run.argvSeen.filter(c => c.includes(s))).toEqual([])
    }
    // cosign read the key from a file of the run's private folder, gone when the run ended.
    const keyArgs = run.argvSeen.filter(c => c.includes(' sign ') && c.includes('--key'))
    expect(keyArgs.length).toBeGreaterThan(0)
    for (const c of keyArgs) expect(c).toMatch(/--key \S+\/oci-pipeline-run-\w+\/sign\/cosign\.key /)
    expect(execFileSync('find', [run.runnerTemp, '-name', 'cosign.key']).toString()).toBe('')
  })

  it('the fan-out: each platform job attests its image, the merge signs the index and each platform', async () => {
    const repo = `sign-${RUN}/fan-out`
    const pem = readFileSync(join(keys, 'cosign.key'), 'utf8')
    const key = { 'sign-key': pem, 'sign-key-password': KEY_PASSWORD }
    const digests: string[] = []
    for (const platform of ['linux/amd64', 'linux/arm64']) {
      const run = await action(repo, { ...key, platforms: platform, 'push-by-digest': 'true' })
      expect([platform, run.code, errorLines(run.stdout)]).toEqual([platform, 0, []])
      digests.push(run.outputs.digest as string)
    }
    const merged = await action(repo, {
      ...key,
      'merge-digests': digests.join('\n'),
      platforms: 'linux/amd64,linux/arm64',
      tags: 'type=raw,value=1.0'
    })
    expect([merged.code, errorLines(merged.stdout)]).toEqual([0, []])
    const index = merged.outputs.digest as string
    expect(merged.outputs.signature).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(merged.stdout).toMatch(/signed 3 images \(signature sha256:[0-9a-f]{64}\); no attestation/)

    const ref = `${e.registry}/${repo}@${index}`
    const check = await runProcess(e.node24, [cli, 'verify', ref, '--key', join(keys, 'cosign.pub')], {
      cwd: keys,
      env: {
        DOCKER_CONFIG: auth,
        OCI_PIPELINE_COSIGN_PATH: e.cosign
      }
    })
    expect(check.code).toBe(0)
    const lines = check.stdout.split('\n')
    // The index, then each platform image with its signature, SBOM, scan and provenance.
    expect(lines.filter(l => /^\S/.test(l))).toEqual([
      ref,
      `${e.registry}/${repo}@${digests[0]}`,
      `${e.registry}/${repo}@${digests[1]}`,
      'all 9 checks passed'
    ])
    expect(lines.filter(l => l.startsWith('  ok   signature'))).toHaveLength(3)
  })
})
