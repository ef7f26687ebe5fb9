import { request as httpRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'

export interface HttpInit {
  method?: string
  headers?: Record<string, string> | Headers
  body?: Buffer | string
}

const REDIRECTS = new Set([301, 302, 303, 307, 308])
const MAX_REDIRECTS = 20
/** No byte for this long ends the request (undici's default for fetch's headers and body). */
const IDLE_MS = 300_000

/**
 * fetch's shape over node:http(s), for the registry calls. Node's fetch parses HTTP with a
 * WebAssembly build of llhttp, whose parser V8 compiles a second time in the background; a run
 * that ends just after its first fetch (the pushed digest's check) waited for that compilation at
 * exit: 40-90 ms measured. node:http's parser is native.
 *
 * Redirects are followed as fetch follows them: at most 20; a 303, or a 301/302 answering a POST,
 * is retried as a GET without the body; Authorization is dropped when the origin changes.
 * No content-encoding is asked for, so none needs decoding.
 */
export async function httpFetch(input: string | URL, init: HttpInit = {}): Promise<Response> {
  let url = new URL(input)
  let method = (init.method ?? 'GET').toUpperCase()
  let body = init.body
  const headers = new Headers(init.headers)
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
      for (const h of ['content-type', 'content-length']) headers.delete(h)
    }
    if (next.origin !== url.origin) headers.delete('authorization')
    url = next
  }
}

function send(url: URL, method: string, headers: Headers, body?: Buffer | string): Promise<IncomingMessage> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return Promise.reject(new Error(`${url.href}: only http and https are spoken here`))
  const out: Record<string, string> = Object.fromEntries(headers)
  // As fetch does: a sized body, never a chunked one (some registries refuse chunked uploads).
  if (body !== undefined || !['GET', 'HEAD'].includes(method))
    out['content-length'] = String(body === undefined ? 0 : Buffer.byteLength(body))
  return new Promise((resolve, reject) => {
    const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(
      url,
      { method, headers: out },
      resolve
    )
    req.setTimeout(IDLE_MS, () => req.destroy(new Error(`${url.origin}: no answer in ${IDLE_MS / 1000} s`)))
    req.on('error', reject)
    req.end(body)
  })
}

async function toResponse(res: IncomingMessage, method: string): Promise<Response> {
  const chunks: Buffer[] = []
  for await (const chunk of res) chunks.push(chunk as Buffer)
  const headers = new Headers()
  for (const [name, values] of Object.entries(res.headersDistinct))
    for (const value of values ?? []) headers.append(name, value)
  const status = res.statusCode ?? 0
  const noBody = method === 'HEAD' || [204, 205, 304].includes(status)
  return new Response(noBody ? null : Buffer.concat(chunks), {
    status,
    statusText: res.statusMessage ?? '',
    headers
  })
}
