import { createHash } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// The media types Trivy looks for in its DB artifact (trivy pkg/db: dbMediaType).
const DB_LAYER = 'application/vnd.aquasec.trivy.db.layer.v1.tar+gzip'
const DB_CONFIG = 'application/vnd.aquasec.trivy.config.v1+json'

/** db.tar.gz as Trivy's DB artifact holds it: trivy.db and metadata.json at the top. */
export function dbArchive(trivyDb: Buffer, metadata: string): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'trivy-db-archive-'))
  try {
    writeFileSync(join(dir, 'trivy.db'), trivyDb)
    writeFileSync(join(dir, 'metadata.json'), metadata)
    execFileSync('tar', ['-czf', join(dir, 'db.tar.gz'), '-C', dir, 'trivy.db', 'metadata.json'])
    return execFileSync('cat', [join(dir, 'db.tar.gz')])
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export interface DbRegistry {
  /** host:port/trivy-db, without a tag. */
  repository: string
  /** Every request, `METHOD path -> status`. */
  requests: string[]
  close(): Promise<void>
}

const sha = (b: Buffer): string => `sha256:${createHash('sha256').update(b).digest('hex')}`

/**
 * A registry on 127.0.0.1 serving one DB artifact at `trivy-db` (any tag). The first
 * `failures` manifest requests are answered with `failStatus` and a registry error body, the way
 * ghcr.io answers when rate limited.
 */
export async function startDbRegistry(archive: Buffer, failures = 0, failStatus = 429): Promise<DbRegistry> {
  const config = Buffer.from('{}')
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: DB_CONFIG, digest: sha(config), size: config.length },
      layers: [
        {
          mediaType: DB_LAYER,
          digest: sha(archive),
          size: archive.length,
          annotations: { 'org.opencontainers.image.title': 'db.tar.gz' }
        }
      ]
    })
  )
  const blobs = new Map([
    [sha(config), config],
    [sha(archive), archive]
  ])
  const requests: string[] = []
  let failuresLeft = failures
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/'
    const answer = (status: number, body: Buffer | string = '', type = 'application/json'): void => {
      requests.push(`${req.method} ${path} -> ${status}`)
      res.writeHead(status, { 'content-type': type, 'docker-distribution-api-version': 'registry/2.0' })
      res.end(req.method === 'HEAD' ? undefined : body)
    }
    if (path === '/v2/' || path === '/v2') return answer(200, '{}')
    const m = /^\/v2\/trivy-db\/(manifests|blobs)\/([^/?]+)/.exec(path)
    if (!m) return answer(404, '{"errors":[{"code":"NAME_UNKNOWN","message":"unknown"}]}')
    if (m[1] === 'manifests') {
      if (failuresLeft > 0) {
        failuresLeft--
        const code = failStatus === 429 ? 'TOOMANYREQUESTS' : 'UNAVAILABLE'
        return answer(failStatus, JSON.stringify({ errors: [{ code, message: 'retry later' }] }))
      }
      res.setHeader('docker-content-digest', sha(manifest))
      return answer(200, manifest, 'application/vnd.oci.image.manifest.v1+json')
    }
    const blob = blobs.get(m[2] ?? '')
    if (!blob) return answer(404, '{"errors":[{"code":"BLOB_UNKNOWN","message":"unknown"}]}')
    return answer(200, blob, 'application/octet-stream')
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    repository: `127.0.0.1:${port}/trivy-db`,
    requests,
    close: () => new Promise(resolve => server.close(() => resolve()))
  }
}
