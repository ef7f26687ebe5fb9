/** The options of `verify` beside the registry login and the signing inputs it shares with a run. */

/** What `verify` checks against: a public key, or a keyless certificate's identity and issuer. */
export const VERIFY_OPTIONS: ReadonlyArray<{ name: string; default: string; description: string }> = [
  {
    name: 'image',
    default: '',
    description: 'The image to verify, `name@sha256:…` (or the first argument).'
  },
  {
    name: 'key',
    default: '',
    description: 'The public key it was signed with: `cosign.pub` (a path) or a KMS URI.'
  },
  {
    name: 'certificate-identity',
    default: '',
    description:
      'Keyless: the signer, e.g. `https://github.com/OWNER/REPO/.github/workflows/build.yml@refs/heads/main`.'
  },
  {
    name: 'certificate-identity-regexp',
    default: '',
    description: 'Keyless: the signer, as a regular expression.'
  },
  {
    name: 'certificate-oidc-issuer',
    default: '',
    description: "Keyless: the signer's OIDC issuer, e.g. `https://token.actions.githubusercontent.com`."
  },
  {
    name: 'certificate-oidc-issuer-regexp',
    default: '',
    description: "Keyless: the signer's OIDC issuer, as a regular expression."
  },
  {
    name: 'insecure-ignore-tlog',
    default: '',
    description:
      'Accept signatures no transparency log recorded. Empty: true with --key and no --rekor-url (how key-based signing works by default), else false.'
  },
  {
    name: 'insecure-ignore-sct',
    default: 'false',
    description: "Accept a certificate without a transparency log's timestamp (a private Fulcio without one)."
  }
]
export const VERIFY_INPUTS = ['attest', 'rekor-url', 'sigstore-trusted-root', 'cosign-path']
