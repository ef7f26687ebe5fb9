import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { PINS } from '../../src/infra/tools/pins.js'
import { describeWithEnv } from '../support/env.js'

const sh = (cmd: string, args: string[], env: Record<string, string> = {}): string =>
  execFileSync(cmd, args, {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
const sha256 = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex')
const major = (v: string): number => Number(/(\d+)\./.exec(v)?.[1] ?? 0)
const minor = (v: string): number => Number(/\d+\.(\d+)/.exec(v)?.[1] ?? 0)

// The test bed is what users run: the Trivy and hadolint the action downloads, a current engine
// with both image stores, a BuildKit builder, a token-auth registry and one with referrers.
describeWithEnv('the test bed', env => {
  it('runs the Trivy release the action pins', () => {
    expect(sh(env().trivy, ['--version'])).toMatch(
      new RegExp(`^Version: ${PINS.trivy.version.replace(/\./g, '\\.')}$`, 'm')
    )
  })

  it('runs the real hadolint binary the action pins', () => {
    const asset = PINS.hadolint.assets['linux-x64']
    expect(sha256(readFileSync(env().hadolint))).toBe(asset?.sha256)
    expect(sh(env().hadolint, ['--version'])).toContain(PINS.hadolint.version)
  })

  it('has Docker Engine >= 24 with the classic and the containerd image stores', () => {
    for (const host of Object.values(env().dockerHosts))
      expect(
        major(sh('docker', ['version', '--format', '{{.Server.Version}}'], { DOCKER_HOST: host }))
      ).toBeGreaterThanOrEqual(24)
    const status = (host: string): string =>
      sh('docker', ['info', '--format', '{{json .DriverStatus}}'], { DOCKER_HOST: host })
    expect(status(env().dockerHosts.containerd)).toContain('io.containerd.snapshotter.v1')
    expect(status(env().dockerHosts.classic)).not.toContain('io.containerd.snapshotter.v1')
  })

  it('has a current buildx and a running BuildKit builder in a container', () => {
    const buildx = sh('docker', ['buildx', 'version'])
    expect(major(buildx.replace(/^.*? v?/, ''))).toBe(0)
    expect(minor(buildx.replace(/^.*? v?/, ''))).toBeGreaterThanOrEqual(20)
    const inspect = sh('docker', ['buildx', 'inspect', '--bootstrap', env().builder.name], {
      DOCKER_CONFIG: env().builder.dockerConfig,
      DOCKER_HOST: env().dockerHosts.classic
    })
    expect(inspect).toMatch(/^Driver:\s+docker-container$/m)
    expect(inspect).toMatch(/^Status:\s+running$/m)
    expect(inspect).toMatch(new RegExp(`^BuildKit version:\\s+${env().versions.buildkit}$`, 'm'))
    expect(inspect).toMatch(/Platforms:.*linux\/arm64/)
  })

  it('has a registry that asks for a Bearer token, as GHCR does', async () => {
    const res = await fetch(`http://${env().tokenRegistry}/v2/`)
    expect(res.status).toBe(401)
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm="[^"]+",service="[^"]+"/)
    const basic = Buffer.from(`${env().username}:${env().password}`).toString('base64')
    const token = await fetch(
      `${env().tokenService}?service=oci-pipeline-test-registry&scope=repository:x/y:pull`,
      {
        headers: { authorization: `Basic ${basic}` }
      }
    )
    expect(token.status).toBe(200)
    const { token: jwt } = (await token.json()) as { token: string }
    expect(
      (await fetch(`http://${env().tokenRegistry}/v2/`, { headers: { authorization: `Bearer ${jwt}` } }))
        .status
    ).toBe(200)
    const wrong = Buffer.from(`${env().username}:wrong`).toString('base64')
    expect((await fetch(env().tokenService, { headers: { authorization: `Basic ${wrong}` } })).status).toBe(
      401
    )
  })

  it('has a registry that serves the OCI 1.1 referrers API', async () => {
    const base = `http://${env().referrersRegistry}/v2/test-bed/referrers`
    const put = async (body: object, type: string): Promise<string> => {
      const bytes = JSON.stringify(body)
      const digest = `sha256:${sha256(bytes)}`
      const res = await fetch(`${base.replace(/referrers$/, 'manifests')}/${digest}`, {
        method: 'PUT',
        headers: { 'content-type': type },
        body: bytes
      })
      expect(res.status).toBe(201)
      return digest
    }
    const empty = {
      mediaType: 'application/vnd.oci.empty.v1+json',
      digest: `sha256:${sha256('{}')}`,
      size: 2
    }
    const upload = await fetch(
      `http://${env().referrersRegistry}/v2/test-bed/blobs/uploads/?digest=${empty.digest}`,
      {
        method: 'POST',
        body: '{}'
      }
    )
    expect(upload.status).toBe(201)
    const MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
    const subject = await put({ schemaVersion: 2, mediaType: MANIFEST, config: empty, layers: [] }, MANIFEST)
    const referrer = await put(
      {
        schemaVersion: 2,
        mediaType: MANIFEST,
        artifactType: 'application/vnd.oci-pipeline.test',
        config: empty,
        layers: [empty],
        subject: { mediaType: MANIFEST, digest: subject, size: 0 }
      },
      MANIFEST
    )
    const res = await fetch(`${base}/${subject}`)
    expect(res.status).toBe(200)
    const index = (await res.json()) as { manifests: Array<{ digest: string; artifactType?: string }> }
    expect(index.manifests).toContainEqual(
      expect.objectContaining({ digest: referrer, artifactType: 'application/vnd.oci-pipeline.test' })
    )
  })

  it('has cosign at hand', () => {
    expect(sha256(readFileSync(env().cosign))).toBe(
      env().versions.cosignSha256 ?? sha256(readFileSync(env().cosign))
    )
    expect(sh(env().cosign, ['version'])).toMatch(
      new RegExp(`^GitVersion:\\s+${env().versions.cosign}$`, 'm')
    )
  })
})
