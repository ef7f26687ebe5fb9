import { jest } from '@jest/globals'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { httpFetch } from '../../src/infra/http.js'
import { Session } from '../../src/infra/registry/client.js'

interface Seen {
  method: string
  url: string
  headers: IncomingMessage['headers']
  body: string
}

/** A local server answering with `handle`, recording every request it saw. */
async function server(
  handle: (req: Seen, res: ServerResponse) => void,
  host = '127.0.0.1'
): Promise<{ url: string; seen: Seen[]; close: () => Promise<void> }> {
  const seen: Seen[] = []
  const srv: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const s = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString()
      }
      seen.push(s)
      handle(s, res)
    })
  })
  await new Promise<void>(resolve => srv.listen(0, host, resolve))
  const { port } = srv.address() as AddressInfo
  return {
    url: `http://${host}:${port}`,
    seen,
    close: () => new Promise(resolve => srv.close(() => resolve()))
  }
}

const servers: Array<{ close: () => Promise<void> }> = []
async function open(handle: Parameters<typeof server>[0], host?: string) {
  const s = await server(handle, host)
  servers.push(s)
  return s
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map(s => s.close()))
  jest.restoreAllMocks()
})

describe('httpFetch', () => {
  it('answers as fetch does: status, headers, body bytes', async () => {
    const s = await open((_, res) =>
      res.writeHead(200, { 'x-one': 'a', 'content-type': 'text/plain' }).end('héllo')
    )
    const res = await httpFetch(`${s.url}/v2/`, { headers: { Accept: 'text/plain' } })
    expect(res.status).toBe(200)
    expect(res.ok).toBe(true)
    expect(res.header('x-one')).toBe('a')
    expect(res.body.toString()).toBe('héllo')
    expect(s.seen[0]).toMatchObject({ method: 'GET', url: '/v2/', headers: { accept: 'text/plain' } })
    // Nothing asks for a compressed answer, so none has to be decoded.
    expect(s.seen[0]?.headers['accept-encoding']).toBeUndefined()
  })

  it('reads header names in any case, and sends them in lower case', async () => {
    const s = await open((_, res) => res.writeHead(200, { 'Docker-Content-Digest': 'sha256:d' }).end())
    const res = await httpFetch(`${s.url}/m`, { headers: { 'X-Mixed-Case': 'v' } })
    expect(res.header('docker-content-digest')).toBe('sha256:d')
    expect(res.header('DOCKER-CONTENT-DIGEST')).toBe('sha256:d')
    expect(s.seen[0]?.headers['x-mixed-case']).toBe('v')
  })

  it('sends a body with its length, never chunked', async () => {
    const s = await open((_, res) => res.writeHead(201).end())
    const res = await httpFetch(`${s.url}/up`, { method: 'PUT', body: Buffer.from('0123456789') })
    expect(res.status).toBe(201)
    expect(s.seen[0]).toMatchObject({ method: 'PUT', body: '0123456789' })
    expect(s.seen[0]?.headers['content-length']).toBe('10')
    expect(s.seen[0]?.headers['transfer-encoding']).toBeUndefined()
  })

  it('sends a POST with no body as Content-Length: 0', async () => {
    const s = await open((_, res) => res.writeHead(202, { location: '/uploads/1' }).end())
    const res = await httpFetch(`${s.url}/v2/app/blobs/uploads/`, { method: 'POST' })
    expect(res.status).toBe(202)
    expect(res.header('location')).toBe('/uploads/1')
    expect(s.seen[0]?.headers['content-length']).toBe('0')
  })

  it.each([
    ['HEAD', 200],
    ['GET', 204]
  ])('gives a %s answered %i no body', async (method, status) => {
    const s = await open((_, res) => res.writeHead(status, { 'docker-content-digest': 'sha256:x' }).end())
    const res = await httpFetch(`${s.url}/b`, { method })
    expect(res.status).toBe(status)
    expect(res.body).toHaveLength(0)
    expect(res.header('docker-content-digest')).toBe('sha256:x')
  })

  it('follows a 307 with the same method and body, keeping Authorization on the same origin', async () => {
    const s = await open((req, res) =>
      req.url === '/from' ? res.writeHead(307, { location: '/to' }).end() : res.writeHead(201).end('done')
    )
    const res = await httpFetch(`${s.url}/from`, {
      method: 'PUT',
      headers: { Authorization: 'Bearer t' },
      body: 'data'
    })
    expect(res.text()).toBe('done')
    expect(s.seen.map(r => [r.method, r.url, r.body, r.headers.authorization])).toEqual([
      ['PUT', '/from', 'data', 'Bearer t'],
      ['PUT', '/to', 'data', 'Bearer t']
    ])
  })

  it('turns a POST answered 302 (and anything answered 303) into a GET without the body', async () => {
    const s = await open((req, res) =>
      req.url === '/a'
        ? res.writeHead(302, { location: '/b' }).end()
        : req.url === '/b'
          ? res.writeHead(303, { location: '/c' }).end()
          : res.writeHead(200).end('c')
    )
    const res = await httpFetch(`${s.url}/a`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}'
    })
    expect(res.text()).toBe('c')
    expect(s.seen.map(r => [r.method, r.url, r.body, r.headers['content-type']])).toEqual([
      ['POST', '/a', '{}', 'application/json'],
      ['GET', '/b', '', undefined],
      ['GET', '/c', '', undefined]
    ])
  })

  it('drops Authorization when a redirect leaves the origin (a blob served from storage)', async () => {
    const storage = await open((_, res) => res.writeHead(200).end('blob'))
    const registry = await open((_, res) =>
      res.writeHead(307, { location: `${storage.url}/signed?x=1` }).end()
    )
    const res = await httpFetch(`${registry.url}/v2/app/blobs/sha256:1`, {
      headers: { Authorization: 'Basic c2VjcmV0' }
    })
    expect(res.text()).toBe('blob')
    expect(registry.seen[0]?.headers.authorization).toBe('Basic c2VjcmV0')
    expect(storage.seen[0]?.url).toBe('/signed?x=1')
    expect(storage.seen[0]?.headers.authorization).toBeUndefined()
  })

  it('stops a redirect loop with an error naming the origin', async () => {
    const s = await open((_, res) => res.writeHead(302, { location: '/again' }).end())
    await expect(httpFetch(`${s.url}/again`)).rejects.toThrow(`${s.url}: more than 20 redirects`)
    expect(s.seen).toHaveLength(21)
  })

  it('rejects a refused connection, and a scheme it does not speak', async () => {
    const s = await open((_, res) => res.end())
    const gone = s.url
    await s.close()
    servers.length = 0
    await expect(httpFetch(`${gone}/v2/`)).rejects.toThrow(/ECONNREFUSED/)
    await expect(httpFetch('ftp://127.0.0.1/x')).rejects.toThrow('only http and https')
  })
})

describe('Session', () => {
  it('answers a basic challenge once, and never touches fetch, Headers or Response', async () => {
    // Node's fetch compiles a WebAssembly parser that held up the exit; the first Headers or
    // Response loads Node's built-in undici (30-40 ms of the main thread).
    const fetchSpy = jest.spyOn(globalThis, 'fetch')
    const headersSpy = jest.spyOn(globalThis, 'Headers')
    const responseSpy = jest.spyOn(globalThis, 'Response')
    const s = await open((req, res) =>
      req.headers.authorization === `Basic ${Buffer.from('u:p').toString('base64')}`
        ? res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":1}')
        : res.writeHead(401, { 'www-authenticate': 'Basic realm="registry"' }).end()
    )
    const session = new Session(s.url.replace('http://', ''), { username: 'u', password: 'p' })
    expect((await session.fetch('app', 'pull', 'manifests/1')).json()).toEqual({ ok: 1 })
    expect((await session.fetch('app', 'pull', 'manifests/2')).json()).toEqual({ ok: 1 })
    // The second request carries what the first earned.
    expect(s.seen.map(r => [r.url, !!r.headers.authorization])).toEqual([
      ['/v2/app/manifests/1', false],
      ['/v2/app/manifests/1', true],
      ['/v2/app/manifests/2', true]
    ])
    expect(fetchSpy).not.toHaveBeenCalled()
    expect(headersSpy).not.toHaveBeenCalled()
    expect(responseSpy).not.toHaveBeenCalled()
  })

  it('gets a bearer token from the realm for the repository and actions asked', async () => {
    // The realm on the registry's own origin (as a loopback registry serves it over HTTP).
    const registry = await open((req, res) =>
      req.url?.startsWith('/token')
        ? res
            .writeHead(200, { 'content-type': 'application/json' })
            .end(JSON.stringify({ token: `t-${req.url}` }))
        : req.headers.authorization
          ? res.writeHead(200).end(req.headers.authorization)
          : res
              .writeHead(401, { 'www-authenticate': `Bearer realm="${registry.url}/token",service="reg"` })
              .end()
    )
    const session = new Session(registry.url.replace('http://', ''), { username: 'u', password: 'p' })
    const res = await session.fetch('team/app', 'pull,push', 'blobs/uploads/', { method: 'POST' })
    const tokenUrl = '/token?service=reg&scope=repository%3Ateam%2Fapp%3Apull%2Cpush'
    expect(res.text()).toBe(`Bearer t-${tokenUrl}`)
    const token = registry.seen.find(r => r.url.startsWith('/token'))
    expect(token?.url).toBe(tokenUrl)
    expect(token?.headers.authorization).toBe(`Basic ${Buffer.from('u:p').toString('base64')}`)
  })

  it('gets its token from a realm on another port of its own loopback host (a test bed’s token service)', async () => {
    const realm = await open((_, res) => res.writeHead(200).end('{"token":"local"}'))
    const registry = await open((req, res) =>
      req.headers.authorization
        ? res.writeHead(200).end(req.headers.authorization)
        : res.writeHead(401, { 'www-authenticate': `Bearer realm="${realm.url}/token"` }).end()
    )
    const session = new Session(registry.url.replace('http://', ''), { username: 'u', password: 'p' })
    expect((await session.fetch('app', 'pull', 'manifests/1')).text()).toBe('Bearer local')
    expect(realm.seen[0]?.headers.authorization).toBe(`Basic ${Buffer.from('u:p').toString('base64')}`)
  })

  it('never sends the credentials to a token realm on another host over plain HTTP', async () => {
    const realm = await open((_, res) => res.writeHead(200).end('{"token":"stolen"}'), '127.0.0.2')
    const registry = await open((_, res) =>
      res.writeHead(401, { 'www-authenticate': `Bearer realm="${realm.url}/token",service="reg"` }).end()
    )
    const session = new Session(registry.url.replace('http://', ''), { username: 'u', password: 'p' })
    await expect(session.fetch('team/app', 'pull', 'manifests/1')).rejects.toThrow(
      `sends its logins to ${realm.url}, another host over plain HTTP: the credentials were not sent`
    )
    expect(realm.seen).toEqual([])
    // Without credentials nothing is at stake: an anonymous token may come from there.
    const anonymous = new Session(registry.url.replace('http://', ''))
    await anonymous.fetch('team/app', 'pull', 'manifests/1')
    expect(realm.seen.map(r => r.headers.authorization)).toEqual([undefined])
  })

  it('sends the bearer token to the registry only, never to an upload Location on another origin', async () => {
    const storage = await open((_, res) => res.writeHead(201).end())
    const registry = await open((req, res) => {
      if (req.url.startsWith('/token')) return res.writeHead(200).end('{"token":"reg-token"}')
      if (!req.headers.authorization)
        return res.writeHead(401, { 'www-authenticate': `Bearer realm="${registry.url}/token"` }).end()
      res.writeHead(202, { location: `${storage.url}/upload/1?sig=x` }).end()
    })
    const session = new Session(registry.url.replace('http://', ''), { username: 'u', password: 'p' })
    const start = await session.fetch('app', 'pull,push', 'blobs/uploads/', { method: 'POST' })
    expect(start.status).toBe(202)
    const put = await session.fetch('app', 'pull,push', start.header('location') as string, {
      method: 'PUT',
      headers: { Authorization: 'Bearer smuggled' },
      body: 'blob'
    })
    expect(put.status).toBe(201)
    expect(storage.seen.map(r => [r.method, r.url, r.headers.authorization])).toEqual([
      ['PUT', '/upload/1?sig=x', undefined]
    ])
    expect(registry.seen.filter(r => !r.url.startsWith('/token')).at(-1)?.headers.authorization).toBe(
      'Bearer reg-token'
    )
  })
})
