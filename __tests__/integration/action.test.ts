import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction } from '../support/action-runner.js'
import { multiStage, push, repoPayload, RUN, SHA, workspace } from '../support/action-fixtures.js'
import { VARIANT, variantEnv } from '../support/variant.js'
import { describeWithEnv, pinnedRef, type TestEnv } from '../support/env.js'
import { RegistryClient } from '../support/registry.js'
import { TEST_ADVISORIES, writeTrivyDb } from '../support/trivy-db/index.js'

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex')

describeWithEnv('the action, run from dist/ as the runner runs it', env => {
  let e: TestEnv
  let registry: RegistryClient
  let trivyCache: string
  // No hadolint can be had here: lint with Trivy's checks and the checklist. The scan (a few
  // Trivy starts, each slow here) runs in the first test; action-gates.test.ts covers its gate.
  const creds = (): Record<string, string> => ({
    username: e.username,
    password: e.password,
    linters: 'trivy,checklist',
    'trivy-path': e.trivy,
    'trivy-cache-dir': trivyCache,
    scan: 'false'
  })
  beforeAll(() => {
    e = env()
    trivyCache = mkdtempSync(join(tmpdir(), 'oci-trivy-cache-'))
    writeTrivyDb(trivyCache, 'debian 12', TEST_ADVISORIES)
    registry = new RegistryClient(e.registry, e.username, e.password)
  })

  it('builds, labels, tags and pushes on a branch push, and the outputs match the registry', async () => {
    const repo = `it-${RUN}/branch-app`
    const run = await runAction({
      node: e.node24,
      workspace: workspace(multiStage(pinnedRef(e.baseImages.busybox))),
      inputs: {
        images: `${e.registry}/${repo}`,
        tags: 'type=ref,event=branch\ntype=sha',
        'label-schema': 'oci,skao',
        team: 'Team Kilo',
        ...creds(),
        scan: 'true'
      },
      event: push('refs/heads/feature/New_Thing')
    })
    expect(run.stderr + run.stdout).not.toMatch(/::error/)
    expect(run.code).toBe(0)
    // Only the docker driver on the classic store cannot export an OCI layout: it loads the image.
    // (this run's build: other suites build at the same time)
    const builds = run.argvSeen.filter(c => c.includes('buildx build') && c.includes(repo))
    expect([builds.some(c => c.includes('--load')), builds.some(c => c.includes('type=oci'))]).toEqual([
      VARIANT === 'docker',
      VARIANT !== 'docker'
    ])

    expect(await registry.tags(repo)).toEqual(['feature-New_Thing', 'sha-0123456'].sort())
    const m = await registry.manifest(repo, 'feature-New_Thing')
    const mSha = await registry.manifest(repo, 'sha-0123456')
    expect(m?.digest).toBe(run.outputs.digest)
    expect(mSha?.digest).toBe(run.outputs.digest)
    expect(run.outputs.image).toBe(`${e.registry}/${repo}@${run.outputs.digest}`)
    expect(run.outputs.tags?.split('\n')).toEqual([
      `${e.registry}/${repo}:feature-New_Thing`,
      `${e.registry}/${repo}:sha-0123456`
    ])

    const config = await registry.config(repo, 'feature-New_Thing')
    expect(config.digest).toBe(run.outputs.imageid)
    const labels = config.config?.Labels ?? {}
    const base = e.baseImages.busybox
    expect(labels).toMatchObject({
      'org.opencontainers.image.title': 'Demo-App',
      'org.opencontainers.image.description': 'A demo image',
      'org.opencontainers.image.url': 'https://github.com/Example-Org/Demo-App',
      'org.opencontainers.image.source': 'https://github.com/Example-Org/Demo-App',
      'org.opencontainers.image.revision': SHA,
      'org.opencontainers.image.licenses': 'Apache-2.0',
      'org.opencontainers.image.version': 'feature-New_Thing',
      'org.opencontainers.image.base.name': `${base.name}:${base.tag}`,
      'org.opencontainers.image.base.digest': base.digest,
      'int.skao.image.team': 'Team Kilo',
      'int.skao.image.version': 'feature-New_Thing',
      'int.skao.image.tags': 'feature-New_Thing,sha-0123456',
      'int.skao.image.source': 'https://github.com/Example-Org/Demo-App',
      'int.skao.image.baseImage': `${base.name}:${base.tag}@${base.digest}`
    })
    expect(Date.parse(labels['org.opencontainers.image.created'] ?? '')).toBeGreaterThan(Date.now() - 600_000)
    expect(labels['int.skao.image.created']).toBe(labels['org.opencontainers.image.created'])
    // The labels output is what the image carries.
    for (const line of (run.outputs.labels ?? '').split('\n')) {
      const [k, ...v] = line.split('=')
      expect(labels[k as string]).toBe(v.join('='))
    }
    const metadata = JSON.parse(run.outputs.metadata ?? '{}')
    expect(metadata['containerimage.digest']).toBe(run.outputs.digest)
    expect(metadata.pushed).toBe(true)
    expect(run.summary).toContain(run.outputs.digest ?? 'no digest')
    expect(run.summary).toContain(`${e.registry}/${repo}:sha-0123456`)

    // Scanned before the push, by default: the scan read the image that is now in the registry.
    expect(JSON.parse(run.outputs.vulnerabilities ?? '{}')).toMatchObject({ CRITICAL: 0, HIGH: 0 })
    const sbom = JSON.parse(readFileSync(run.outputs['sbom-path'] ?? '', 'utf8'))
    expect(sbom.bomFormat).toBe('CycloneDX')
    expect(sbom.metadata.component.name).toBe(`${e.registry}/${repo}:feature-New_Thing`)
    const scanned = JSON.parse(readFileSync(join(run.outputs['sbom-path'] ?? '', '..', 'trivy.json'), 'utf8'))
    expect(scanned.Metadata.ImageID).toBe(config.digest)
    expect(run.summary).toContain('**Gate: passed**')
  })

  it.each(['gzip', 'zstd'])(
    'compression: %s layers in the registry, each the layer its diff ID names',
    async c => {
      const repo = `it-${RUN}/compressed-${c}`
      const run = await runAction({
        node: e.node24,
        workspace: workspace(multiStage(pinnedRef(e.baseImages.busybox))),
        inputs: { images: `${e.registry}/${repo}`, tags: 'type=raw,value=c', compression: c, ...creds() },
        event: push('refs/heads/main')
      })
      expect(run.stderr + run.stdout).not.toMatch(/::error/)
      expect(run.code).toBe(0)
      const m = await registry.manifest(repo, 'c')
      const config = await registry.config(repo, 'c')
      expect(m?.digest).toBe(run.outputs.digest)
      const layers = m?.json.layers ?? []
      expect(layers.map(l => l.mediaType)).toEqual(
        layers.map(() => `application/vnd.oci.image.layer.v1.tar+${c}`)
      )
      // Unpacked by Node 24 (zstd is Node 22.15+), each layer is the one the config's diff ID names.
      const unpacked: string[] = []
      for (const l of layers) {
        const blob = await registry.blob(repo, l.digest)
        const how = c === 'gzip' ? 'gunzipSync' : 'zstdDecompressSync'
        unpacked.push(
          execFileSync(
            e.node24,
            [
              '-e',
              `const z=require('zlib'),c=require('crypto');let b=[];process.stdin.on('data',d=>b.push(d)).on('end',()=>process.stdout.write('sha256:'+c.createHash('sha256').update(z.${how}(Buffer.concat(b))).digest('hex')))`
            ],
            { input: blob }
          ).toString()
        )
      }
      expect(unpacked).toEqual(config.rootfs?.diff_ids)
      if (VARIANT === 'docker') expect(run.stdout).toMatch(new RegExp(`\\d+ layers compressed \\(${c}\\)`))
    }
  )

  it('tags a semver release with every pattern and latest, all one digest, with the version label', async () => {
    const repo = `it-${RUN}/release-app`
    const run = await runAction({
      node: e.node24,
      workspace: workspace(multiStage(pinnedRef(e.baseImages.busybox))),
      inputs: {
        images: `${e.registry}/${repo}`,
        tags: 'type=semver,pattern={{version}}\ntype=semver,pattern={{major}}.{{minor}}\ntype=semver,pattern={{major}}',
        ...creds()
      },
      event: push('refs/tags/v1.2.3')
    })
    expect(run.code).toBe(0)
    expect(await registry.tags(repo)).toEqual(['1', '1.2', '1.2.3', 'latest'])
    for (const tag of ['1', '1.2', '1.2.3', 'latest'])
      expect((await registry.manifest(repo, tag))?.digest).toBe(run.outputs.digest)
    expect(run.outputs.version).toBe('1.2.3')
    const labels = (await registry.config(repo, 'latest')).config?.Labels ?? {}
    expect(labels['org.opencontainers.image.version']).toBe('1.2.3')
  })

  it('resolves an unpinned base to its digest for base.digest, and takes the version from .release', async () => {
    const repo = `it-${RUN}/unpinned-app`
    const base = e.baseImages.busybox
    const run = await runAction({
      node: e.node24,
      workspace: workspace(`FROM ${base.name}:${base.tag}\nUSER nobody\n`, {
        '.release': 'release=4.5.6\ntag=4.5.6\n'
      }),
      inputs: {
        images: `${e.registry}/${repo}`,
        tags: 'type=raw,value={{version}}-dev',
        // An unpinned base is an OP001 error; this test is about resolving one.
        'lint-rules': 'OP001=warning',
        ...creds()
      },
      event: push('refs/heads/main')
    })
    expect(run.code).toBe(0)
    expect(await registry.tags(repo)).toEqual(['4.5.6-dev'])
    const labels = (await registry.config(repo, '4.5.6-dev')).config?.Labels ?? {}
    expect(labels['org.opencontainers.image.base.digest']).toBe(base.digest)
    // docker/metadata-action's version is the first tag; the project's is beside it.
    expect(labels['org.opencontainers.image.version']).toBe('4.5.6-dev')
    expect(run.outputs.version).toBe('4.5.6-dev')
    expect(run.outputs['project-version']).toBe('4.5.6')
  })

  it('builds a pull request from a fork without pushing, and says so', async () => {
    const repo = `it-${RUN}/fork-app`
    const run = await runAction({
      node: e.node24,
      workspace: workspace(multiStage(pinnedRef(e.baseImages.busybox))),
      inputs: { images: `${e.registry}/${repo}`, ...creds() },
      event: {
        eventName: 'pull_request',
        ref: 'refs/pull/7/merge',
        sha: SHA,
        repository: 'Example-Org/Demo-App',
        payload: {
          repository: repoPayload,
          pull_request: {
            number: 7,
            base: { ref: 'main', repo: { full_name: 'Example-Org/Demo-App' } },
            head: { repo: { full_name: 'someone/Demo-App' } }
          }
        }
      }
    })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('a pull request from a fork: built, not pushed')
    expect(run.outputs.imageid).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(run.outputs.digest ?? '').toBe('')
    expect(run.outputs.tags).toBe(`${e.registry}/${repo}:pr-7`)
    expect(await registry.tags(repo)).toEqual([])
  })

  it('never shows the password or a build secret: not in argv, logs, outputs, summary or the image', async () => {
    const repo = `it-${RUN}/secret-app`
    const secret = 'Build-Secret-Value-42'
    const dockerfile = [
      `FROM ${pinnedRef(e.baseImages.busybox)}`,
      // The build fails unless BuildKit hands the secret over as a file (compared by hash, so the
      // Dockerfile and the image history never hold it).
      `RUN --mount=type=secret,id=token test "$(sha256sum < /run/secrets/token | cut -d' ' -f1)" = "${sha256(secret)}"`,
      'USER nobody',
      ''
    ].join('\n')
    const run = await runAction({
      node: e.node24,
      workspace: workspace(dockerfile),
      inputs: {
        images: `${e.registry}/${repo}`,
        tags: 'type=raw,value=s',
        secrets: `token=${secret}`,
        provenance: 'mode=max',
        'github-token': 'ghs_RecognisableToken123',
        ...creds()
      },
      event: push('refs/heads/main')
    })
    expect(run.code).toBe(0)
    if (VARIANT !== 'docker') {
      // A BuildKit builder, and the docker driver on the containerd store, attach the provenance
      // asked for, beside the image.
      const index = await registry.manifest(repo, 's')
      expect(index?.json.manifests?.map(m => m.annotations?.['vnd.docker.reference.type'])).toContain(
        'attestation-manifest'
      )
    } else
      expect(run.stdout).toContain(
        '::warning::provenance "mode=max" ignored: the docker driver cannot attach attestations'
      )
    expect(run.argvSeen.some(c => c.includes('buildx build'))).toBe(true)
    const config = JSON.stringify(await registry.config(repo, 's'))
    for (const leaked of [e.password, 'ghs_RecognisableToken123']) {
      expect(run.everything).not.toContain(leaked)
      expect(run.argvSeen.filter(c => c.includes(leaked))).toEqual([])
      expect(config).not.toContain(leaked)
    }
    expect(run.argvSeen.filter(c => c.includes(secret))).toEqual([])
    expect(run.everything).not.toContain(secret)
    expect(config).not.toContain(secret)
  })

  it('load: the pushed image is also in the engine, the same build', async () => {
    const repo = `it-${RUN}/load-app`
    const run = await runAction({
      node: e.node24,
      workspace: workspace(multiStage(pinnedRef(e.baseImages.busybox))),
      inputs: { images: `${e.registry}/${repo}`, tags: 'type=raw,value=l', load: 'true', ...creds() },
      event: push('refs/heads/main')
    })
    expect(run.stdout.split('\n').filter(l => l.startsWith('::error'))).toEqual([])
    expect(run.code).toBe(0)
    expect((await registry.manifest(repo, 'l'))?.digest).toBe(run.outputs.digest)
    const pushed = (await registry.config(repo, 'l')) as { config?: { Labels?: Record<string, string> } }
    const loaded = JSON.parse(
      execFileSync(
        'docker',
        ['image', 'inspect', '--format', '{{json .Config.Labels}}', `${e.registry}/${repo}:l`],
        {
          encoding: 'utf8',
          env: { ...process.env, ...variantEnv(e) }
        }
      )
    ) as Record<string, string>
    const created = 'org.opencontainers.image.created'
    expect(loaded[created]).toBeTruthy()
    expect(loaded[created]).toBe(pushed.config?.Labels?.[created])
    // The docker driver's BuildKit on the containerd store cannot export a layout and load at
    // once: it loads, and the image is saved from the engine, as on the classic store.
    // (this run's build: other suites build at the same time)
    const builds = run.argvSeen.filter(c => c.includes('buildx build') && c.includes(repo))
    expect([builds.some(c => c.includes('--load')), builds.some(c => c.includes('type=oci'))]).toEqual([
      true,
      VARIANT === 'buildkit'
    ])
  })

  it('load with provenance: one error naming "load" where the engine cannot take it, else a warning', async () => {
    const repo = `it-${RUN}/load-provenance`
    const run = await runAction({
      node: e.node24,
      workspace: workspace(multiStage(pinnedRef(e.baseImages.busybox))),
      inputs: { images: `${e.registry}/${repo}`, load: 'true', provenance: 'mode=max', ...creds() },
      event: push('refs/heads/main')
    })
    const errors = run.stdout.split('\n').filter(l => l.startsWith('::error'))
    if (VARIANT === 'buildkit') {
      // The BuildKit builder loads into the classic store here, which takes no image list.
      expect(run.code).toBe(1)
      expect(errors).toHaveLength(1)
      expect(errors[0]).toContain(
        'Input "load": this engine\'s image store cannot load an image list (attestations): leave "load" off, or turn the attestations off ("provenance: false", "sbom: false", no "attests")'
      )
      expect(await registry.tags(repo)).toEqual([])
    } else {
      // The docker driver loads into the engine and says the provenance is left out.
      expect(errors).toEqual([])
      expect(run.code).toBe(0)
      expect(run.stdout).toMatch(
        /::warning::provenance "mode=max" ignored: the docker driver cannot attach attestations/
      )
    }
  })

  it('a rebuild exports only the blobs that changed and reuses the lint; an altered kept blob is not used', async () => {
    const repo = `it-${RUN}/pool-app`
    // One job's RUNNER_TEMP for the three runs, as for several builds in one job.
    const runnerTemp = mkdtempSync(join(tmpdir(), 'oci-pool-job-'))
    const space = workspace(multiStage(pinnedRef(e.baseImages.busybox)))
    const build = (tag: string) =>
      runAction({
        node: e.node24,
        workspace: space,
        inputs: { images: `${e.registry}/${repo}`, tags: `type=raw,value=${tag}`, ...creds() },
        event: push('refs/heads/main'),
        env: { RUNNER_TEMP: runnerTemp }
      })
    const layersOf = async (tag: string): Promise<string[]> => {
      const m = await registry.manifest(repo, tag)
      const image = m?.json.manifests?.find(
        d => d.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest'
      )
      const json = image ? (await registry.manifest(repo, image.digest))?.json : m?.json
      return (json?.layers ?? []).map(l => l.digest)
    }
    const reusedLine = /(\d+) blobs were in the layout already \(earlier builds\): not exported again/
    const first = await build('one')
    expect(first.code).toBe(0)
    expect(first.stdout).not.toMatch(reusedLine)
    const second = await build('two')
    expect(second.code).toBe(0)
    const layers = await layersOf('one')
    // A new config (its created label), the same layers, pushed under the digest that was scanned.
    expect(await layersOf('two')).toEqual(layers)
    expect((await registry.config(repo, 'two')).digest).not.toBe((await registry.config(repo, 'one')).digest)
    expect((await registry.manifest(repo, 'two'))?.digest).toBe(second.outputs.digest)
    // Trivy's Dockerfile checks answered from the first run: same release, same bytes, same findings.
    const keptLint =
      /trivy: \d+ finding\(s\) before de-duplication \(the answer of an earlier run of trivy 0\.69\.3/
    expect(first.stdout).toMatch(/trivy: \d+ finding\(s\) before de-duplication\n/)
    expect(first.stdout).not.toMatch(keptLint)
    expect(second.stdout).toMatch(keptLint)
    expect(second.outputs['lint-findings']).toBe(first.outputs['lint-findings'])
    const pool = join(runnerTemp, `oci-pipeline-blobs-${process.getuid?.() ?? 'user'}`)
    // Other bytes under a kept blob's name: found, named, removed, and the image made again.
    const rebuildWithAltered = async (altered: string) => {
      const hex = altered.slice('sha256:'.length)
      writeFileSync(join(pool, hex), 'not this layer')
      const third = await build('three')
      expect(third.code).toBe(0)
      expect(third.stdout).toContain(
        `1 blobs kept from earlier builds did not match their digests (${altered})`
      )
      expect(await layersOf('three')).toEqual(layers)
      expect(
        createHash('sha256')
          .update(readFileSync(join(pool, hex)))
          .digest('hex')
      ).toBe(hex)
      return third
    }
    if (VARIANT === 'docker') {
      // The classic store's image is saved from the engine; the rebuild differs only by its created
      // label, so its layers are taken from that save, and its config is the engine's, to the byte.
      const savedAgain = /differs from one saved before by its labels only: .*not saved again/
      expect(second.stdout).not.toMatch(reusedLine)
      expect(first.stdout).not.toMatch(savedAgain)
      expect(second.stdout).toMatch(savedAgain)
      const engineImage = (id: string): { Id: string; Config: { Labels: Record<string, string> } } =>
        JSON.parse(
          execFileSync('docker', ['image', 'inspect', '--format', '{{json .}}', id], {
            encoding: 'utf8',
            env: { ...process.env, ...variantEnv(e) }
          })
        )
      const [one, two] = [await registry.config(repo, 'one'), await registry.config(repo, 'two')]
      const engine = engineImage(second.outputs.imageid as string)
      expect(two.digest).toBe(engine.Id)
      expect(second.outputs.imageid).toBe(engine.Id)
      const labelsOf = (c: typeof one) =>
        (c as { config?: { Labels?: Record<string, string> } }).config?.Labels
      expect(labelsOf(two)).toEqual(engine.Config.Labels)
      const created = 'org.opencontainers.image.created'
      expect(labelsOf(two)?.[created]).not.toBe(labelsOf(one)?.[created])
      // The pool holds the saved layers, uncompressed: named by their diff IDs.
      const diffIds = (two as { rootfs?: { diff_ids?: string[] } }).rootfs?.diff_ids ?? []
      expect(diffIds.length).toBeGreaterThan(0)
      const third = await rebuildWithAltered(diffIds[diffIds.length - 1] as string)
      expect(third.stdout).not.toMatch(savedAgain)
      expect((await registry.config(repo, 'three')).digest).toBe(
        engineImage(third.outputs.imageid as string).Id
      )
      return
    }
    expect(Number(reusedLine.exec(second.stdout)?.[1])).toBeGreaterThanOrEqual(layers.length)
    // RUNNER_TEMP is the job's own: blobs not written since they were exported are not hashed again.
    expect(second.stdout).toMatch(/not exported again; 0 hashed again/)
    const altered = layers[layers.length - 1] as string
    await rebuildWithAltered(altered)
    expect(await registry.hasBlob(repo, altered)).toBe(true)
  })

  it('fails with one clear error and pushes nothing when the password is wrong', async () => {
    const repo = `it-${RUN}/badlogin-app`
    const run = await runAction({
      node: e.node24,
      workspace: workspace(multiStage(pinnedRef(e.baseImages.busybox))),
      inputs: { images: `${e.registry}/${repo}`, ...creds(), password: 'not-the-password' },
      event: push('refs/heads/main')
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::login to 127\.0\.0\.1:5000 as oci-test failed/)
    expect(run.everything).not.toContain('not-the-password')
    expect(await registry.tags(repo)).toEqual([])
  })

  it.each([
    ['tags', { tags: 'type=nightly,pattern={{version}}' }, 'Input "tags": unknown rule type "nightly"'],
    [
      'images',
      { images: '127.0.0.1:5000/double__under___score' },
      'Input "images": "127.0.0.1:5000/double__under___score" is not a valid image name'
    ],
    ['target', { target: 'nope' }, 'Input "target": no stage named "nope"'],
    ['platforms', { platforms: 'linux' }, 'Input "platforms": "linux" is not of the form os/arch[/variant]']
  ])('refuses a bad %s with one error naming it, exit 1, nothing pushed', async (_name, inputs, message) => {
    const repo = `it-${RUN}/bad-${_name}`
    const run = await runAction({
      node: e.node24,
      workspace: workspace(multiStage(pinnedRef(e.baseImages.busybox))),
      inputs: { images: `${e.registry}/${repo}`, ...creds(), ...inputs },
      event: push('refs/heads/main')
    })
    expect(run.code).toBe(1)
    const errors = run.stdout.split('\n').filter(l => l.startsWith('::error'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain(message)
    expect(await registry.tags(repo)).toEqual([])
  })
})
