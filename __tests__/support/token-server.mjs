// A registry token service like GHCR's or Docker Hub's, for the test registry that answers
// `401 WWW-Authenticate: Bearer realm=…,service=…`: it checks Basic credentials and issues ES256
// JWTs for the scopes asked, as the distribution registry's `auth: token` expects.
//
//   node token-server.mjs init DIR                 writes DIR/key.pem and DIR/jwks.json (once)
//   node token-server.mjs serve DIR PORT ISSUER SERVICE   (user and password in OCI_TOKEN_USER/PASSWORD)
//
// Every request is appended to DIR/requests.log (method, scopes, whether credentials came), so a
// test can tell that a client went through the token flow.
import {
  createHash,
  createPrivateKey,
  generateKeyPairSync,
  randomUUID,
  sign,
  timingSafeEqual
} from 'node:crypto'
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { join } from 'node:path'

const b64url = buf => Buffer.from(buf).toString('base64url')

function init(dir) {
  if (existsSync(join(dir, 'key.pem')) && existsSync(join(dir, 'jwks.json'))) return
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const jwk = publicKey.export({ format: 'jwk' })
  const kid = createHash('sha256').update(JSON.stringify(jwk)).digest('hex').slice(0, 16)
  writeFileSync(join(dir, 'key.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 })
  writeFileSync(join(dir, 'jwks.json'), JSON.stringify({ keys: [{ ...jwk, kid, alg: 'ES256', use: 'sig' }] }))
}

function jwt(key, kid, claims) {
  const head = b64url(JSON.stringify({ alg: 'ES256', typ: 'JWT', kid }))
  const body = b64url(JSON.stringify(claims))
  const sig = sign('sha256', Buffer.from(`${head}.${body}`), { key, dsaEncoding: 'ieee-p1363' })
  return `${head}.${body}.${b64url(sig)}`
}

/** `repository:name:pull,push` → an access entry; anything else is ignored. */
function access(scopes) {
  return scopes
    .map(s => /^(repository|registry):(.+):([a-z*,]+)$/.exec(s))
    .filter(Boolean)
    .map(([, type, name, actions]) => ({ type, name, actions: actions.split(',').filter(a => a !== '') }))
}

const same = (a, b) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))

function serve(dir, port, issuer, service) {
  const user = process.env.OCI_TOKEN_USER ?? ''
  const password = process.env.OCI_TOKEN_PASSWORD ?? ''
  const key = createPrivateKey(readFileSync(join(dir, 'key.pem')))
  const kid = JSON.parse(readFileSync(join(dir, 'jwks.json'), 'utf8')).keys[0].kid
  const log = join(dir, 'requests.log')
  const refreshTokens = new Set()

  const server = createServer((req, res) => {
    let raw = ''
    req.on('data', d => (raw += d))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost')
      const form = req.method === 'POST' ? new URLSearchParams(raw) : new URLSearchParams()
      const scopes = [...url.searchParams.getAll('scope'), ...form.getAll('scope').flatMap(s => s.split(' '))]
      let who
      const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? '')
      if (basic) {
        const [u, ...p] = Buffer.from(basic[1], 'base64').toString().split(':')
        who = same(u, user) && same(p.join(':'), password) ? u : null
      } else if (form.get('grant_type') === 'password') {
        who =
          same(form.get('username') ?? '', user) && same(form.get('password') ?? '', password) ? user : null
      } else if (form.get('grant_type') === 'refresh_token') {
        who = refreshTokens.has(form.get('refresh_token') ?? '') ? user : null
      }
      appendFileSync(
        log,
        `${JSON.stringify({ at: new Date().toISOString(), method: req.method, path: url.pathname, scopes, credentials: who !== undefined, ok: who !== null })}\n`
      )
      if (url.pathname !== '/token') return res.writeHead(404).end()
      if (who === null) {
        res.writeHead(401, { 'content-type': 'application/json' })
        return res.end(JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: 'bad credentials' }] }))
      }
      const now = Math.floor(Date.now() / 1000)
      // Anonymous callers get a token that grants nothing, as a private registry answers them.
      const token = jwt(key, kid, {
        iss: issuer,
        sub: who ?? '',
        aud: url.searchParams.get('service') ?? form.get('service') ?? service,
        exp: now + 300,
        nbf: now - 10,
        iat: now,
        jti: randomUUID(),
        access: who ? access(scopes) : []
      })
      const body = {
        token,
        access_token: token,
        expires_in: 300,
        issued_at: new Date(now * 1000).toISOString()
      }
      if (
        who &&
        (form.get('access_type') === 'offline' || url.searchParams.get('offline_token') === 'true')
      ) {
        const refresh = randomUUID()
        refreshTokens.add(refresh)
        body.refresh_token = refresh
      }
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify(body))
    })
  })
  server.listen(Number(port), '127.0.0.1')
}

const [cmd, dir, ...rest] = process.argv.slice(2)
if (cmd === 'init') init(dir)
else if (cmd === 'serve') serve(dir, ...rest)
else {
  console.error('usage: token-server.mjs init DIR | serve DIR PORT ISSUER SERVICE')
  process.exit(2)
}
