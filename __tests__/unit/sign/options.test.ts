import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildConfig } from '../../../src/config/config.js'
import { parseSignKey, parseSignOptions, type SignOptions } from '../../../src/stages/sign/options.js'
import { CONTEXTS } from '../../support/contexts.js'

const ws = mkdtempSync(join(tmpdir(), 'oci-sign-options-'))
writeFileSync(join(ws, 'Dockerfile'), 'FROM scratch\n')
writeFileSync(
  join(ws, 'cosign.key'),
  '-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\nx\n-----END ENCRYPTED SIGSTORE PRIVATE KEY-----\n'
)
const ctx = { ...CONTEXTS.pushMain, workspace: ws }
const PEM =
  '-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\nabc\n-----END ENCRYPTED SIGSTORE PRIVATE KEY-----'
const GITHUB_OIDC = {
  GITHUB_ACTIONS: 'true',
  ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.example/?x=1',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't'
}

const parse = (
  inputs: Record<string, string>,
  env: NodeJS.ProcessEnv = {},
  visibility?: string
): SignOptions =>
  parseSignOptions(
    name => inputs[name] ?? '',
    { ...ctx, repo: { ...ctx.repo, ...(visibility ? { private: visibility !== 'public' } : {}) } },
    env
  )

describe('the sign inputs', () => {
  it.each<
    [string, Record<string, string>, NodeJS.ProcessEnv, string | undefined, SignOptions['mode'], RegExp]
  >([
    [
      'auto, nothing to sign with: off, saying how',
      {},
      {},
      undefined,
      'off',
      /no sign-key and no OIDC token .*SIGSTORE_ID_TOKEN/
    ],
    [
      'auto on GitHub without the token: off, naming the permission',
      {},
      { GITHUB_ACTIONS: 'true' },
      undefined,
      'off',
      /id-token: write/
    ],
    [
      'auto in GitLab without the token: off, naming id_tokens',
      {},
      { GITLAB_CI: 'true' },
      undefined,
      'off',
      /id_tokens/
    ],
    ['auto on GitHub with the token: keyless', {}, GITHUB_OIDC, 'public', 'keyless', /OIDC token/],
    [
      'auto with a GitLab id token: keyless',
      {},
      { SIGSTORE_ID_TOKEN: 'eyJ' },
      undefined,
      'keyless',
      /OIDC token/
    ],
    [
      'auto, a private repository: not to the public log',
      {},
      GITHUB_OIDC,
      'private',
      'off',
      /private repository's name in the public transparency log/
    ],
    [
      'auto, a private repository with its own Fulcio: keyless',
      { 'fulcio-url': 'https://fulcio.example.org' },
      GITHUB_OIDC,
      'private',
      'keyless',
      /OIDC/
    ],
    [
      'true, a private repository: keyless, as asked',
      { sign: 'true' },
      GITHUB_OIDC,
      'private',
      'keyless',
      /true/
    ],
    ['a key wins over the token', { 'sign-key': PEM }, GITHUB_OIDC, 'public', 'key', /sign-key/],
    [
      'false: off whatever is given',
      { sign: 'false', 'sign-key': PEM },
      GITHUB_OIDC,
      'public',
      'off',
      /signing is off/
    ]
  ])('%s', (_, inputs, env, visibility, mode, reason) => {
    const o = parse(inputs, env, visibility)
    expect(o.mode).toBe(mode)
    expect(o.reason).toMatch(reason)
  })

  it.each<[string, Record<string, string>, NodeJS.ProcessEnv, RegExp]>([
    [
      'true on GitHub without the token',
      { sign: 'true' },
      { GITHUB_ACTIONS: 'true' },
      /^Input "sign": is true, .*permissions: id-token: write/
    ],
    [
      'true in GitLab without the token',
      { sign: 'true' },
      { GITLAB_CI: 'true' },
      /^Input "sign": .*id_tokens: \{ SIGSTORE_ID_TOKEN/
    ],
    [
      'a word sign does not know',
      { sign: 'yes please' },
      {},
      /^Input "sign": "yes please" is not one of auto, true, false/
    ],
    [
      'an attestation kind nobody makes',
      { attest: 'sbom,slsa' },
      {},
      /^Input "attest": "slsa" is not one of sbom, vuln, provenance, or none/
    ],
    ['a Rekor that is not a URL', { 'rekor-url': 'rekor' }, {}, /^Input "rekor-url": "rekor" is not a URL/],
    [
      'a Fulcio over ftp',
      { 'fulcio-url': 'ftp://fulcio' },
      {},
      /^Input "fulcio-url": .* not an http\(s\) URL/
    ],
    [
      'a trusted root that is not there',
      { 'sigstore-trusted-root': 'root.json' },
      {},
      /^Input "sigstore-trusted-root": root.json is not a file/
    ]
  ])('refuses %s, naming the input', (_, inputs, env, message) => {
    expect(() => parse(inputs, env)).toThrow(message)
  })

  it.each<[string, string[]]>([
    ['', ['sbom', 'vuln', 'provenance']],
    ['provenance,sbom', ['sbom', 'provenance']],
    ['VULN', ['vuln']],
    ['none', []]
  ])('attest %j makes %j', (attest, kinds) => {
    expect(parse({ attest, 'sign-key': PEM }).attest).toEqual(kinds)
  })

  it('keeps the password and the services as given', () => {
    const o = parse({ 'sign-key': PEM, 'sign-key-password': 'pw', 'rekor-url': 'https://rekor.example.org/' })
    expect(o).toMatchObject({ password: 'pw', rekorUrl: 'https://rekor.example.org', key: { kind: 'pem' } })
  })
})

describe('sign-key', () => {
  it.each<[string, string, object | undefined]>([
    ['PEM text', PEM, { kind: 'pem', pem: `${PEM}\n` }],
    ['a path in the workspace', 'cosign.key', { kind: 'path', path: join(ws, 'cosign.key') }],
    ['an AWS KMS key', 'awskms:///alias/signing', { kind: 'kms', uri: 'awskms:///alias/signing' }],
    ['a Vault key', 'hashivault://transit-key', { kind: 'kms', uri: 'hashivault://transit-key' }],
    ['a Kubernetes secret', 'k8s://ns/cosign', { kind: 'kms', uri: 'k8s://ns/cosign' }],
    ['nothing', '  ', undefined]
  ])('%s', (_, value, key) => {
    expect(parseSignKey(value, ws)).toEqual(key)
  })

  it.each<[string, string, RegExp]>([
    [
      'a public key',
      '-----BEGIN PUBLIC KEY-----\nx\n-----END PUBLIC KEY-----',
      /holds a PUBLIC KEY, not a private key/
    ],
    ['a certificate', '-----BEGIN CERTIFICATE-----\nx', /holds a CERTIFICATE/],
    ['an unknown key manager', 'vaultx://key', /"vaultx:\/\/" is not a key manager cosign knows/],
    ['a file that is not there', 'keys/cosign.key', /keys\/cosign.key does not exist/]
  ])('refuses %s', (_, value, message) => {
    expect(() => parseSignKey(value, ws)).toThrow(message)
  })
})

describe('buildConfig with signing', () => {
  const config = (inputs: Record<string, string>) => buildConfig(name => inputs[name] ?? '', ctx, {})

  it('a key signs and attests all three by default', () => {
    const c = config({ images: 'registry.example.org/app', 'sign-key': PEM })
    expect(c.sign).toMatchObject({ mode: 'key', attest: ['sbom', 'vuln', 'provenance'], attestGiven: false })
  })

  it('asking for the SBOM with the scan off is an error; by default the scan kinds are just not made', () => {
    expect(() =>
      config({ images: 'r.example.org/app', 'sign-key': PEM, scan: 'false', attest: 'sbom' })
    ).toThrow(/^Input "attest": sbom comes from the scan, which is off/)
    expect(config({ images: 'r.example.org/app', 'sign-key': PEM, scan: 'false' }).sign.mode).toBe('key')
  })
})
