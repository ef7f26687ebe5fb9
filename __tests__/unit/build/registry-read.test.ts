import { mkdtempSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sha256 } from '../../../src/infra/registry/client.js'
import { fetchManifest, parseRemoteRef } from '../../../src/infra/registry/read.js'

describe('parseRemoteRef', () => {
  it.each([
    ['127.0.0.1:5000/team/app:1.0', { host: '127.0.0.1:5000', repo: 'team/app', reference: '1.0' }],
    ['ghcr.io/org/app', { host: 'ghcr.io', repo: 'org/app', reference: 'latest' }],
    [
      'localhost:5000/app@sha256:' + 'a'.repeat(64),
      { host: 'localhost:5000', repo: 'app', reference: 'sha256:' + 'a'.repeat(64) }
    ],
    ['registry.example/a/b/c:v2-rc.1', { host: 'registry.example', repo: 'a/b/c', reference: 'v2-rc.1' }]
  ])('reads %s', (ref, want) => {
    expect(parseRemoteRef(ref)).toEqual(want)
  })

  it.each([['alpine:3.20'], ['library/alpine:3.20'], ['org/app']])(
    'leaves %s (Docker Hub, no host) to buildx',
    ref => {
      expect(parseRemoteRef(ref)).toBeUndefined()
    }
  )
})

describe('fetchManifest', () => {
  const config = (diffIds: string[]): Buffer => Buffer.from(JSON.stringify({ rootfs: { diff_ids: diffIds } }))
  const real = config(['sha256:' + '1'.repeat(64)])
  const manifest = Buffer.from(
    JSON.stringify({
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { digest: sha256(real) },
      layers: []
    })
  )
  let server: Server
  let host: string
  let blob: Buffer
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url?.includes('/manifests/')) return res.writeHead(200).end(manifest)
      if (req.url?.includes('/blobs/')) return res.writeHead(200).end(blob)
      res.writeHead(404).end()
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    host = `127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise(resolve => server.close(resolve)))
  const env = { DOCKER_CONFIG: mkdtempSync(join(tmpdir(), 'read-docker-config-')) }

  it('reads the layers from the config blob the manifest names', async () => {
    blob = real
    const fetched = await fetchManifest(`${host}/app:1`, env, { diffIds: true })
    expect(fetched !== 'missing' && fetched?.diffIds).toEqual(['sha256:' + '1'.repeat(64)])
  })

  it('takes no layers from a config blob whose bytes are not its digest', async () => {
    blob = config(['sha256:' + '2'.repeat(64)])
    expect(await fetchManifest(`${host}/app:1`, env, { diffIds: true })).toBeUndefined()
  })
})
