import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { inflateRawSync } from 'node:zlib'

const TWIRP = '/twirp/github.actions.results.api.v1.ArtifactService/'

export interface ArtifactService {
  /** For ACTIONS_RESULTS_URL. */
  url: string
  /** Every request, `METHOD path?query -> status`. */
  requests: string[]
  /** Bodies of the Twirp calls, by method (`CreateArtifact`, `FinalizeArtifact`). */
  calls: Map<string, Array<Record<string, unknown>>>
  /** The blobs committed, by path (`/blobs/<name>.zip`). */
  blobs: Map<string, Buffer>
  close(): Promise<void>
}

const body = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })

/**
 * The results service of the Actions runtime as @actions/artifact (v2+) talks to it: Twirp JSON
 * (`CreateArtifact` answers with a signed upload URL back at this server, `FinalizeArtifact`), and
 * an Azure block-blob endpoint at that URL (`?comp=block&blockid=…` PUTs, then `?comp=blocklist`;
 * or one PUT of the whole blob).
 */
export async function startArtifactService(): Promise<ArtifactService> {
  const requests: string[] = []
  const calls = new Map<string, Array<Record<string, unknown>>>()
  const blobs = new Map<string, Buffer>()
  const staged = new Map<string, Buffer>()
  let url = ''
  const server: Server = createServer((req, res) => {
    void (async () => {
      const u = new URL(req.url ?? '/', url)
      const data = await body(req)
      const answer = (status: number, json?: unknown, headers: Record<string, string> = {}): void => {
        requests.push(`${req.method} ${u.pathname}${u.search} -> ${status}`)
        res.writeHead(status, { 'content-type': 'application/json', 'x-ms-request-id': 'test', ...headers })
        res.end(json === undefined ? undefined : JSON.stringify(json))
      }
      if (req.method === 'POST' && u.pathname.startsWith(TWIRP)) {
        const method = u.pathname.slice(TWIRP.length)
        const request = JSON.parse(data.toString('utf8')) as Record<string, unknown>
        const earlier = calls.get(method) ?? []
        calls.set(method, [...earlier, request])
        // As the service does: one artifact per name in a workflow run.
        if (method === 'CreateArtifact' && earlier.some(r => r.name === request.name))
          return answer(409, {
            code: 'already_exists',
            msg: 'an artifact with this name already exists on the workflow run'
          })
        if (method === 'CreateArtifact')
          return answer(200, {
            ok: true,
            signed_upload_url: `${url}/blobs/${String(request.name)}.zip?sig=secret`
          })
        if (method === 'FinalizeArtifact') return answer(200, { ok: true, artifact_id: '4242' })
        return answer(404, { code: 'bad_route', msg: `no method ${method}` })
      }
      if (req.method === 'PUT' && u.pathname.startsWith('/blobs/')) {
        const blob = { etag: '"0x1"', 'last-modified': new Date().toUTCString() }
        const comp = u.searchParams.get('comp')
        if (comp === 'block') {
          staged.set(`${u.pathname} ${u.searchParams.get('blockid')}`, data)
          return answer(201, undefined, blob)
        }
        if (comp === 'blocklist') {
          const ids = [...data.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]+)</g)]
          const parts = ids.map(m => staged.get(`${u.pathname} ${m[1]}`))
          if (parts.some(p => !p)) return answer(400, { msg: 'unknown block' })
          blobs.set(u.pathname, Buffer.concat(parts as Buffer[]))
          return answer(201, undefined, blob)
        }
        blobs.set(u.pathname, data)
        return answer(201, undefined, blob)
      }
      answer(404, { msg: 'not found' })
    })()
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return { url, requests, calls, blobs, close: () => new Promise(resolve => server.close(() => resolve())) }
}

/** A JWT with the claims @actions/artifact reads (it only decodes the payload). */
export function runtimeToken(runId: string, jobId: string): string {
  const b64 = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url')
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ scp: `Actions.GenericRead Actions.Results:${runId}:${jobId}` })}.sig`
}

/** The files of a zip, read through its central directory (stored or deflated entries). */
export function unzip(zip: Buffer): Map<string, Buffer> {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  if (eocd < 0) throw new Error('not a zip: no end of central directory')
  const count = zip.readUInt16LE(eocd + 10)
  let at = zip.readUInt32LE(eocd + 16)
  const files = new Map<string, Buffer>()
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry at ${at}`)
    const method = zip.readUInt16LE(at + 10)
    const compressed = zip.readUInt32LE(at + 20)
    const [nameLen, extraLen, commentLen] = [28, 30, 32].map(o => zip.readUInt16LE(at + o)) as [
      number,
      number,
      number
    ]
    const local = zip.readUInt32LE(at + 42)
    const name = zip.toString('utf8', at + 46, at + 46 + nameLen)
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)
    const raw = zip.subarray(start, start + compressed)
    files.set(name, method === 8 ? inflateRawSync(raw) : Buffer.from(raw))
    at += 46 + nameLen + extraLen + commentLen
  }
  return files
}
