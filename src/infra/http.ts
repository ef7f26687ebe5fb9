import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { createReadStream } from 'node:fs'
import { pipeline } from 'node:stream/promises'

/** A body read from a file as it is sent (a layer of gigabytes never sits in memory). */
export interface FileBody {
  file: string
  size: number
}

export interface HttpInit {
  method?: string
  /** Names in any case: they are sent in lower case, as HTTP/2 and fetch's Headers have them. */
  headers?: Readonly<Record<string, string>>
  body?: Buffer | string | FileBody
}

/** An answer read whole (a manifest, a token, a blob). */
export class HttpResponse {
  constructor(
    readonly status: number,
    readonly statusText: string,
    private readonly headers: IncomingHttpHeaders,
    /** Empty for a HEAD, a 204, a 205 or a 304. */
    readonly body: Buffer
  ) {}

  get ok(): boolean {
    return this.status >= 200 && this.status < 300
  }

  /** A header's value, several joined with ", " (as fetch's Headers.get gives them). */
  header(name: string): string | undefined {
    const value = this.headers[name.toLowerCase()]
    return Array.isArray(value) ? value.join(', ') : value
  }

  text(): string {
    return this.body.toString('utf8')
  }

  json(): unknown {
    return JSON.parse(this.text())
  }
}

export const lowerCaseNames = (headers: Readonly<Record<string, string>> = {}): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]))

const REDIRECTS = new Set([301, 302, 303, 307, 308])
const MAX_REDIRECTS = 20
/** No byte for this long ends the request (undici's default for fetch's headers and body). */
const IDLE_MS = 300_000

/**
 * fetch over node:http(s), for the registry calls: a blob is uploaded from its file as it is read,
 * with its size (fetch sends a streamed body chunked, which some registries refuse).
 *
 * Redirects are followed as fetch follows them: at most 20; a 303, or a 301/302 answering a POST,
 * is retried as a GET without the body; Authorization is dropped when the origin changes.
 * No content-encoding is asked for, so none needs decoding.
 */
export async function httpFetch(input: string | URL, init: HttpInit = {}): Promise<HttpResponse> {
  let url = new URL(input)
  let method = (init.method ?? 'GET').toUpperCase()
  let body = init.body
  const headers = lowerCaseNames(init.headers)
  for (let hops = 0; ; hops++) {
    const res = await send(url, method, headers, body)
    const location = res.headers.location
    if (!REDIRECTS.has(res.statusCode ?? 0) || !location) return toResponse(res, method)
    res.resume()
    if (hops >= MAX_REDIRECTS) throw new Error(`${url.origin}: more than ${MAX_REDIRECTS} redirects`)
    const next = new URL(location, url)
    const status = res.statusCode ?? 0
    if ((status === 303 && method !== 'HEAD') || (status <= 302 && method === 'POST')) {
      method = 'GET'
      body = undefined
      delete headers['content-type']
      delete headers['content-length']
    }
    if (next.origin !== url.origin) delete headers.authorization
    url = next
  }
}

function send(
  url: URL,
  method: string,
  headers: Readonly<Record<string, string>>,
  body?: Buffer | string | FileBody
): Promise<IncomingMessage> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return Promise.reject(new Error(`${url.href}: only http and https are spoken here`))
  const out = { ...headers }
  // As fetch does: a sized body, never a chunked one (some registries refuse chunked uploads).
  if (body !== undefined || !['GET', 'HEAD'].includes(method))
    out['content-length'] = String(
      body === undefined
        ? 0
        : typeof body === 'object' && 'file' in body
          ? body.size
          : Buffer.byteLength(body)
    )
  return new Promise((resolve, reject) => {
    const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(
      url,
      { method, headers: out },
      resolve
    )
    req.setTimeout(IDLE_MS, () => req.destroy(new Error(`${url.origin}: no answer in ${IDLE_MS / 1000} s`)))
    req.on('error', reject)
    if (body && typeof body === 'object' && 'file' in body)
      pipeline(createReadStream(body.file), req).catch(reject)
    else req.end(body)
  })
}

async function toResponse(res: IncomingMessage, method: string): Promise<HttpResponse> {
  const chunks: Buffer[] = []
  for await (const chunk of res) chunks.push(chunk as Buffer)
  const status = res.statusCode ?? 0
  const noBody = method === 'HEAD' || [204, 205, 304].includes(status)
  return new HttpResponse(
    status,
    res.statusMessage ?? '',
    res.headers,
    noBody ? Buffer.alloc(0) : Buffer.concat(chunks)
  )
}
