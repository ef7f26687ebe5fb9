import { existsSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import type { RawInputs } from '../../config/inputs.js'
import { parseList } from '../../config/lists.js'
import type { RunContext } from '../../context.js'
import { InputError } from '../../errors.js'

export const ATTESTATION_KINDS = ['sbom', 'vuln', 'provenance'] as const
export type AttestationKind = (typeof ATTESTATION_KINDS)[number]

/** Where the private key is: PEM text (written to a private file for cosign), a file, or a KMS. */
export type SignKey =
  { kind: 'pem'; pem: string } | { kind: 'path'; path: string } | { kind: 'kms'; uri: string }

export interface SignOptions {
  mode: 'off' | 'key' | 'keyless'
  /** Why the mode is what it is, for the log (off: how to turn it on). */
  reason: string
  key?: SignKey
  password: string
  attest: AttestationKind[]
  /** `attest` was given (not the default): a kind that cannot be made is then an error. */
  attestGiven: boolean
  rekorUrl?: string
  fulcioUrl?: string
  /** A private Sigstore's trusted_root.json. */
  trustedRoot?: string
}

/** The ambient OIDC token cosign can use: GitHub's request URL, or a token GitLab put in SIGSTORE_ID_TOKEN. */
export function oidcToken(env: NodeJS.ProcessEnv): 'github' | 'env' | undefined {
  if (env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) return 'github'
  if (env.SIGSTORE_ID_TOKEN) return 'env'
  return undefined
}

/** How a job gets the token on its platform, for messages. */
export function howToGetToken(env: NodeJS.ProcessEnv): string {
  if (env.GITHUB_ACTIONS === 'true')
    return 'give the job `permissions: id-token: write` (a pull request from a fork never has it)'
  if (env.GITLAB_CI === 'true') return 'give the job `id_tokens: { SIGSTORE_ID_TOKEN: { aud: sigstore } }`'
  return 'set SIGSTORE_ID_TOKEN to an OIDC token with the audience "sigstore"'
}

const KMS = /^(awskms|gcpkms|azurekms|hashivault|k8s|env|pkcs11):/

/** The `sign-key` input: PEM text, a KMS URI, or a path inside or outside the workspace. */
export function parseSignKey(value: string, workspace: string): SignKey | undefined {
  const v = value.trim()
  if (!v) return undefined
  if (v.includes('-----BEGIN')) {
    const label = v.match(/-----BEGIN ([A-Z0-9 ]+)-----/)?.[1] ?? ''
    if (!label.includes('PRIVATE KEY'))
      throw new InputError(
        'sign-key',
        `holds a ${label || 'PEM block'}, not a private key: give the private key (cosign.key), and the public key to those who verify`
      )
    return { kind: 'pem', pem: `${v}\n` }
  }
  if (KMS.test(v)) return { kind: 'kms', uri: v }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v))
    throw new InputError('sign-key', `"${v.split('://')[0]}://" is not a key manager cosign knows`)
  const path = resolve(workspace, v)
  if (!existsSync(path) || !statSync(path).isFile())
    throw new InputError('sign-key', `is neither PEM text, a KMS URI nor a file: ${v} does not exist`)
  return { kind: 'path', path }
}

export function parseAttest(value: string): AttestationKind[] {
  const items = parseList('attest', value).map(s => s.toLowerCase())
  if (items.length === 1 && items[0] === 'none') return []
  for (const i of items)
    if (!(ATTESTATION_KINDS as readonly string[]).includes(i))
      throw new InputError('attest', `"${i}" is not one of ${ATTESTATION_KINDS.join(', ')}, or none`)
  return ATTESTATION_KINDS.filter(k => items.includes(k))
}

function parseUrl(input: string, value: string): string | undefined {
  const v = value.trim()
  if (!v) return undefined
  let url: URL
  try {
    url = new URL(v)
  } catch {
    throw new InputError(input, `"${v}" is not a URL`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new InputError(input, `"${v}" is not an http(s) URL`)
  return v.replace(/\/+$/, '')
}

function parseTrustedRoot(value: string, workspace: string): string | undefined {
  if (!value.trim()) return undefined
  const path = resolve(workspace, value.trim())
  if (!existsSync(path) || !statSync(path).isFile())
    throw new InputError('sigstore-trusted-root', `${value.trim()} is not a file`)
  return path
}

/**
 * `sign`, `sign-key`, `sign-key-password`, `attest`, `rekor-url`, `fulcio-url`, `sigstore-trusted-root` (read raw: an empty
 * `attest` is the default, told apart from one given). `auto` picks a key
 * when one is given, else keyless where an OIDC token can be had, except for a private repository
 * on the public Sigstore: its transparency log is public, and would show the repository's name.
 */
export function parseSignOptions(get: RawInputs, ctx: RunContext, env: NodeJS.ProcessEnv): SignOptions {
  const sign = (get('sign').trim() || 'auto').toLowerCase()
  if (!['auto', 'true', 'false'].includes(sign))
    throw new InputError('sign', `"${get('sign')}" is not one of auto, true, false`)
  const rekorUrl = parseUrl('rekor-url', get('rekor-url'))
  const fulcioUrl = parseUrl('fulcio-url', get('fulcio-url'))
  const trustedRoot = parseTrustedRoot(get('sigstore-trusted-root'), ctx.workspace)
  const common = {
    password: get('sign-key-password'),
    attest: parseAttest(get('attest').trim() || ATTESTATION_KINDS.join(',')),
    attestGiven: get('attest').trim() !== '',
    ...(rekorUrl ? { rekorUrl } : {}),
    ...(fulcioUrl ? { fulcioUrl } : {}),
    ...(trustedRoot ? { trustedRoot } : {})
  }
  if (sign === 'false') return { mode: 'off', reason: 'signing is off (input "sign")', ...common }
  const key = parseSignKey(get('sign-key'), ctx.workspace)
  if (key) return { mode: 'key', reason: `signing with the key in "sign-key"`, key, ...common }
  const token = oidcToken(env)
  if (sign === 'true') {
    if (!token)
      throw new InputError(
        'sign',
        `is true, but there is no sign-key and no OIDC token for keyless signing: ${howToGetToken(env)}, or set sign-key`
      )
    return { mode: 'keyless', reason: 'signing keyless (input "sign" is true)', ...common }
  }
  const enable = `set sign-key to a cosign key, or ${howToGetToken(env)}, for keyless signing`
  if (!token)
    return { mode: 'off', reason: `not signed: no sign-key and no OIDC token (${enable})`, ...common }
  if (ctx.repo.private && !common.fulcioUrl)
    return {
      mode: 'off',
      reason:
        "not signed: keyless signing would put this private repository's name in the public transparency log; set sign: true to accept that, or sign-key",
      ...common
    }
  return { mode: 'keyless', reason: `signing keyless with the job's OIDC token`, ...common }
}
