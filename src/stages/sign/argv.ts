import type { CosignPredicateType } from './predicates.js'

/**
 * How cosign signs in this run. Secrets are never here: the key's password goes in COSIGN_PASSWORD,
 * a PEM key in a private file named by `keyRef`, the OIDC token stays with the CI (cosign reads it
 * from the environment as its ambient provider).
 */
export interface Signer {
  mode: 'key' | 'keyless'
  /** A key file or a KMS URI (key mode). */
  keyRef?: string
  /** A Sigstore signing config naming the services; undefined: the public Sigstore's, from its TUF root. */
  signingConfig?: string
  /** A Sigstore trusted root to check what was signed against; undefined: cosign's default. */
  trustedRoot?: string
}

/** How a signature is checked: a public key, or the keyless certificate's identity and issuer. */
export interface Verifier {
  key?: string
  identity?: string
  identityRegexp?: string
  issuer?: string
  issuerRegexp?: string
  /** No transparency log to check (key-based signing without Rekor, a private Sigstore without one). */
  ignoreTlog: boolean
  /** A private Fulcio without a certificate transparency log. */
  ignoreSct?: boolean
  trustedRoot?: string
}

/** A Sigstore signing config: the services to sign with (none: a key, no log). Pure. */
export function signingConfig(o: { fulcioUrl?: string; rekorUrl?: string }): Record<string, unknown> {
  const service = (url: string): Record<string, unknown> => ({
    url,
    majorApiVersion: 1,
    validFor: { start: '2020-01-01T00:00:00Z' },
    operator: new URL(url).host
  })
  return {
    mediaType: 'application/vnd.dev.sigstore.signingconfig.v0.2+json',
    ...(o.fulcioUrl ? { caUrls: [service(o.fulcioUrl)] } : {}),
    ...(o.rekorUrl ? { rekorTlogUrls: [service(o.rekorUrl)] } : {}),
    rekorTlogConfig: o.rekorUrl ? { selector: 'ANY' } : {},
    tsaConfig: {}
  }
}

/** A trusted root that trusts nothing: a key-based signature made without a log needs none. */
export const EMPTY_TRUSTED_ROOT = { mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1' }

function signingArgs(s: Signer): string[] {
  return [
    '--yes',
    ...(s.keyRef ? ['--key', s.keyRef] : []),
    ...(s.signingConfig ? ['--signing-config', s.signingConfig] : []),
    ...(s.trustedRoot ? ['--trusted-root', s.trustedRoot] : [])
  ]
}

/** `cosign sign`: a signature of `ref` (name@digest), stored beside it in the registry. */
export function signArgs(ref: string, s: Signer): string[] {
  return ['sign', ...signingArgs(s), ref]
}

/** `cosign attest`: a predicate file signed as an in-toto statement about `ref`. */
export function attestArgs(
  ref: string,
  type: CosignPredicateType,
  predicateFile: string,
  s: Signer
): string[] {
  return ['attest', ...signingArgs(s), '--type', type, '--predicate', predicateFile, ref]
}

/** `cosign public-key`: reads the key (and its password) without signing anything. */
export function publicKeyArgs(keyRef: string): string[] {
  return ['public-key', '--key', keyRef]
}

function verifyingArgs(v: Verifier): string[] {
  const args: string[] = []
  if (v.key) args.push('--key', v.key)
  if (v.identity) args.push('--certificate-identity', v.identity)
  if (v.identityRegexp) args.push('--certificate-identity-regexp', v.identityRegexp)
  if (v.issuer) args.push('--certificate-oidc-issuer', v.issuer)
  if (v.issuerRegexp) args.push('--certificate-oidc-issuer-regexp', v.issuerRegexp)
  if (v.ignoreTlog) args.push('--insecure-ignore-tlog')
  if (v.ignoreSct) args.push('--insecure-ignore-sct')
  if (v.trustedRoot) args.push('--trusted-root', v.trustedRoot)
  return args
}

/** `cosign verify`: prints the verified signature payloads (JSON) on stdout. */
export function verifyArgs(ref: string, v: Verifier): string[] {
  return ['verify', ...verifyingArgs(v), ref]
}

/** `cosign verify-attestation`: prints each verified DSSE envelope (one JSON a line) on stdout. */
export function verifyAttestationArgs(ref: string, type: CosignPredicateType, v: Verifier): string[] {
  return ['verify-attestation', ...verifyingArgs(v), '--type', type, ref]
}

/** cosign's environment: the key's password where it reads it (one set there already, else none), never a prompt. */
export function cosignEnv(env: NodeJS.ProcessEnv, password = ''): NodeJS.ProcessEnv {
  return { ...env, COSIGN_PASSWORD: password || env.COSIGN_PASSWORD || '' }
}
