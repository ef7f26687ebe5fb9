import {
  attestArgs,
  cosignEnv,
  publicKeyArgs,
  signArgs,
  signingConfig,
  verifyArgs,
  verifyAttestationArgs,
  type Signer,
  type Verifier
} from '../../../src/stages/sign/argv.js'

const REF = 'registry.example.org/team/app@sha256:' + 'a'.repeat(64)

describe('cosign argv', () => {
  it.each<[string, Signer, string[]]>([
    [
      'a key, no log: its own signing config and an empty trusted root, never TUF',
      {
        mode: 'key',
        keyRef: '/run/sign/cosign.key',
        signingConfig: '/run/sign/sc.json',
        trustedRoot: '/run/sign/tr.json'
      },
      [
        'sign',
        '--yes',
        '--key',
        '/run/sign/cosign.key',
        '--signing-config',
        '/run/sign/sc.json',
        '--trusted-root',
        '/run/sign/tr.json',
        REF
      ]
    ],
    [
      'a KMS key with a Rekor: the config names the log',
      { mode: 'key', keyRef: 'awskms:///alias/sign', signingConfig: '/run/sign/sc.json' },
      ['sign', '--yes', '--key', 'awskms:///alias/sign', '--signing-config', '/run/sign/sc.json', REF]
    ],
    [
      'keyless on the public Sigstore: cosign finds its services',
      { mode: 'keyless' },
      ['sign', '--yes', REF]
    ],
    [
      'keyless on a private Sigstore',
      { mode: 'keyless', signingConfig: '/run/sign/sc.json', trustedRoot: '/etc/sigstore/root.json' },
      [
        'sign',
        '--yes',
        '--signing-config',
        '/run/sign/sc.json',
        '--trusted-root',
        '/etc/sigstore/root.json',
        REF
      ]
    ]
  ])('sign: %s', (_, signer, argv) => {
    expect(signArgs(REF, signer)).toEqual(argv)
  })

  it.each([
    ['cyclonedx', '/reports/sbom.cdx.json'],
    ['spdxjson', '/reports/sbom.spdx.json'],
    ['vuln', '/run/sign/predicate-vuln.json'],
    ['slsaprovenance1', '/run/sign/predicate-slsaprovenance1.json']
  ] as const)('attest --type %s --predicate %s', (type, file) => {
    expect(attestArgs(REF, type, file, { mode: 'key', keyRef: 'k.key' })).toEqual([
      'attest',
      '--yes',
      '--key',
      'k.key',
      '--type',
      type,
      '--predicate',
      file,
      REF
    ])
  })

  it('never puts a password or a token in argv: the key is a file or a URI', () => {
    const everything = [
      ...signArgs(REF, { mode: 'key', keyRef: 'k.key' }),
      ...attestArgs(REF, 'vuln', 'p.json', { mode: 'keyless' }),
      ...publicKeyArgs('k.key')
    ].join(' ')
    expect(everything).not.toMatch(/password|identity-token|PRIVATE KEY/)
    expect(cosignEnv({ PATH: '/bin' }, 's3cret')).toEqual({ PATH: '/bin', COSIGN_PASSWORD: 's3cret' })
    expect(cosignEnv({ COSIGN_PASSWORD: 'set by the user' }).COSIGN_PASSWORD).toBe('set by the user')
    expect(cosignEnv({}).COSIGN_PASSWORD).toBe('')
  })

  it.each<[string, Verifier, string[]]>([
    [
      'a key, no log',
      { key: 'cosign.pub', ignoreTlog: true },
      ['--key', 'cosign.pub', '--insecure-ignore-tlog']
    ],
    ['a key recorded in Rekor', { key: 'cosign.pub', ignoreTlog: false }, ['--key', 'cosign.pub']],
    [
      'keyless on GitHub',
      {
        identity: 'https://github.com/o/r/.github/workflows/build.yml@refs/heads/main',
        issuer: 'https://token.actions.githubusercontent.com',
        ignoreTlog: false
      },
      [
        '--certificate-identity',
        'https://github.com/o/r/.github/workflows/build.yml@refs/heads/main',
        '--certificate-oidc-issuer',
        'https://token.actions.githubusercontent.com'
      ]
    ],
    [
      'keyless on a private Sigstore, by pattern',
      {
        identityRegexp: '^https://gitlab.example.org/group/',
        issuerRegexp: '^https://gitlab.example.org$',
        ignoreTlog: true,
        ignoreSct: true,
        trustedRoot: 'root.json'
      },
      [
        '--certificate-identity-regexp',
        '^https://gitlab.example.org/group/',
        '--certificate-oidc-issuer-regexp',
        '^https://gitlab.example.org$',
        '--insecure-ignore-tlog',
        '--insecure-ignore-sct',
        '--trusted-root',
        'root.json'
      ]
    ]
  ])('verify with %s', (_, v, flags) => {
    expect(verifyArgs(REF, v)).toEqual(['verify', ...flags, REF])
    expect(verifyAttestationArgs(REF, 'vuln', v)).toEqual([
      'verify-attestation',
      ...flags,
      '--type',
      'vuln',
      REF
    ])
  })
})

describe('the signing config', () => {
  it.each([
    [
      'a key alone: no service at all',
      {},
      {
        mediaType: 'application/vnd.dev.sigstore.signingconfig.v0.2+json',
        rekorTlogConfig: {},
        tsaConfig: {}
      }
    ],
    [
      'a key and a Rekor',
      { rekorUrl: 'https://rekor.example.org' },
      {
        mediaType: 'application/vnd.dev.sigstore.signingconfig.v0.2+json',
        rekorTlogUrls: [
          {
            url: 'https://rekor.example.org',
            majorApiVersion: 1,
            validFor: { start: '2020-01-01T00:00:00Z' },
            operator: 'rekor.example.org'
          }
        ],
        rekorTlogConfig: { selector: 'ANY' },
        tsaConfig: {}
      }
    ],
    [
      'a private Fulcio',
      { fulcioUrl: 'http://127.0.0.1:8080' },
      {
        mediaType: 'application/vnd.dev.sigstore.signingconfig.v0.2+json',
        caUrls: [
          {
            url: 'http://127.0.0.1:8080',
            majorApiVersion: 1,
            validFor: { start: '2020-01-01T00:00:00Z' },
            operator: '127.0.0.1:8080'
          }
        ],
        rekorTlogConfig: {},
        tsaConfig: {}
      }
    ]
  ])('%s', (_, o, json) => {
    expect(signingConfig(o)).toEqual(json)
  })
})
