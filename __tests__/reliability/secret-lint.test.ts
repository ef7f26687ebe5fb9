import { runChecklist } from '../../src/stages/lint/checklist/registry.js'
import { looksSecret } from '../../src/stages/lint/checklist/secret-rules.js'

const lint = (text: string): Array<[number, string]> =>
  runChecklist({
    text,
    file: 'Dockerfile',
    rules: new Map([['OP014', 'warning']]),
    labelSchemas: ['oci'],
    providedLabels: [],
    minimalBases: [],
    dataSizeLimit: 10 * 1024 * 1024
  }).map(f => [f.line, f.message])

describe('a lint rule flags ARG/ENV names that look like secrets (OP014)', () => {
  it.each([
    'PASSWORD',
    'DB_PASSWORD',
    'GITHUB_TOKEN',
    'NPM_TOKEN',
    'API_KEY',
    'apiKey_SECRET',
    'AWS_SECRET_ACCESS_KEY',
    'SSH_PRIVATE_KEY',
    'REGISTRY_CREDENTIALS',
    'PIP_PASSPHRASE'
  ])('%s looks like a secret', name => expect(looksSecret(name)).toBe(true))

  it.each(['PWD', 'TOKEN_FILE', 'PASSWORD_PATH', 'OAUTH_URL', 'AUTHOR', 'APP_HOME', 'SECRET_ID', 'KEYBOARD'])(
    '%s does not',
    name => expect(looksSecret(name)).toBe(false)
  )

  it('names the instruction, the line and the fix: secrets and RUN --mount=type=secret', () => {
    const found = lint('ARG BASE=busybox\nFROM $BASE\nARG NPM_TOKEN\nENV APP=1 API_KEY=x\nUSER 1000\n')
    expect(found).toEqual([
      [3, expect.stringContaining('ARG NPM_TOKEN on line 3 looks like a secret')],
      [4, expect.stringContaining('ENV API_KEY on line 4 looks like a secret')]
    ])
    expect(found[0]?.[1]).toContain('RUN --mount=type=secret,id=npm_token')
  })
})
