import { execFileSync } from 'node:child_process'
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** GitHub's OIDC issuer, as Fulcio writes it into certificates for Actions tokens. */
export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com'

export interface FakeSigstore {
  /** The stand-in for GitHub's ID token service: ACTIONS_ID_TOKEN_REQUEST_URL. */
  tokenUrl: string
  /** ACTIONS_ID_TOKEN_REQUEST_TOKEN: the request token the runner gives a job with id-token: write. */
  requestToken: string
  /** The stand-in Fulcio: `fulcio-url`. */
  fulcioUrl: string
  /** A Sigstore trusted root that trusts the stand-in Fulcio's CA, and no log. */
  trustedRoot: string
  /** The identity the certificates name (the workflow at its ref). */
  identity: string
  /** Every request, as `METHOD path`. */
  requests: string[]
  close(): Promise<void>
}

const b64url = (b: Buffer | string): string => Buffer.from(b).toString('base64url')

/** An ES256 JWT with GitHub's claims for a workflow run. */
function idToken(key: KeyObject, workflowRef: string, audience: string): string {
  const now = Math.floor(Date.now() / 1000)
  const header = b64url(JSON.stringify({ alg: 'ES256', typ: 'JWT', kid: 'test' }))
  const [repo] = workflowRef.split('/.github/')
  const claims = b64url(
    JSON.stringify({
      iss: GITHUB_ISSUER,
      aud: audience,
      sub: `repo:${repo}:ref:refs/heads/main`,
      repository: repo,
      job_workflow_ref: workflowRef,
      iat: now,
      nbf: now,
      exp: now + 600
    })
  )
  const signature = sign('sha256', Buffer.from(`${header}.${claims}`), { key, dsaEncoding: 'ieee-p1363' })
  return `${header}.${claims}.${b64url(signature)}`
}

/**
 * A local stand-in for keyless signing on GitHub, with no network: the runner's ID token service
 * (a JWT with GitHub's claims for `workflowRef`), and a Fulcio that certifies the key it is sent for
 * the token's workflow, with a test CA (made with openssl) as the trusted root names it. It checks
 * nothing (real Fulcio checks the token): it is here to show what the pipeline asks and signs.
 */
export async function startFakeSigstore(workflowRef: string): Promise<FakeSigstore> {
  const dir = mkdtempSync(join(tmpdir(), 'oci-fake-sigstore-'))
  const openssl = (...args: string[]): string => execFileSync('openssl', args, { cwd: dir }).toString()
  openssl('ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'ca.key')
  openssl(
    ...['req', '-x509', '-new', '-key', 'ca.key', '-days', '2', '-out', 'ca.pem'],
    ...['-subj', '/O=oci-pipeline test/CN=test fulcio root'],
    ...['-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']
  )
  const tokenKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey
  const identity = `https://github.com/${workflowRef}`
  const requestToken = 'fake-request-token'
  const requests: string[] = []
  let serial = 0

  const certify = (publicKeyPem: string): string => {
    const n = ++serial
    writeFileSync(join(dir, `pub-${n}.pem`), publicKeyPem)
    writeFileSync(
      join(dir, `ext-${n}.cnf`),
      [
        '[v3]',
        'keyUsage=critical,digitalSignature',
        'extendedKeyUsage=codeSigning',
        `subjectAltName=critical,URI:${identity}`,
        `1.3.6.1.4.1.57264.1.8=ASN1:UTF8String:${GITHUB_ISSUER}`,
        ''
      ].join('\n')
    )
    openssl(
      ...['x509', '-new', '-subj', '/', '-force_pubkey', `pub-${n}.pem`, '-CA', 'ca.pem', '-CAkey', 'ca.key'],
      ...['-days', '1', '-set_serial', String(1000 + n), '-extfile', `ext-${n}.cnf`, '-extensions', 'v3'],
      ...['-out', `cert-${n}.pem`]
    )
    return readFileSync(join(dir, `cert-${n}.pem`), 'utf8')
  }

  const server: Server = createServer((req, res) => {
    let body = ''
    req.on('data', d => (body += d))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost')
      requests.push(
        `${req.method} ${url.pathname}${url.searchParams.has('audience') ? `?audience=${url.searchParams.get('audience')}` : ''}`
      )
      const send = (status: number, json: unknown): void => {
        res.writeHead(status, { 'content-type': 'application/json' })
        res.end(JSON.stringify(json))
      }
      if (req.method === 'GET' && url.pathname === '/token') {
        if (req.headers.authorization?.toLowerCase() !== `bearer ${requestToken}`)
          return send(401, { message: 'bad request token' })
        return send(200, { value: idToken(tokenKey, workflowRef, url.searchParams.get('audience') ?? '') })
      }
      if (req.method === 'POST' && url.pathname === '/api/v2/signingCert') {
        const request = JSON.parse(body) as { publicKeyRequest?: { publicKey?: { content?: string } } }
        const pem = request.publicKeyRequest?.publicKey?.content
        if (!pem) return send(400, { message: 'no public key' })
        const ca = readFileSync(join(dir, 'ca.pem'), 'utf8')
        return send(200, { signedCertificateEmbeddedSct: { chain: { certificates: [certify(pem), ca] } } })
      }
      send(404, { message: 'not here' })
    })
  })
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r))
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`

  const caDer = execFileSync('openssl', ['x509', '-in', join(dir, 'ca.pem'), '-outform', 'DER'])
  const trustedRoot = join(dir, 'trusted_root.json')
  writeFileSync(
    trustedRoot,
    JSON.stringify({
      mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
      tlogs: [],
      certificateAuthorities: [
        {
          subject: { organization: 'oci-pipeline test', commonName: 'test fulcio root' },
          uri: base,
          certChain: { certificates: [{ rawBytes: caDer.toString('base64') }] },
          validFor: { start: '2020-01-01T00:00:00Z' }
        }
      ],
      ctlogs: [],
      timestampAuthorities: []
    })
  )
  return {
    // With a query already, as the runner's is: cosign appends `&audience=sigstore`.
    tokenUrl: `${base}/token?api-version=2.0`,
    requestToken,
    fulcioUrl: base,
    trustedRoot,
    identity,
    requests,
    close: async () => {
      await new Promise(r => server.close(r))
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
