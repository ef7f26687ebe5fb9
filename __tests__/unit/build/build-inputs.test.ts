import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildConfig } from '../../../src/config/config.js'
import { parseSecrets } from '../../../src/config/secrets.js'
import { buildxArgs, type BuildOutput } from '../../../src/stages/build/argv.js'
import { CONTEXTS } from '../../support/contexts.js'

/*
 * docker/build-push-action's inputs, by the same names, through buildConfig (the one path from
 * inputs to a Config) into `docker buildx build` arguments.
 */

const ws = mkdtempSync(join(tmpdir(), 'oci-build-inputs-'))
writeFileSync(join(ws, 'Dockerfile'), 'FROM scratch\n')
mkdirSync(join(ws, 'secrets'))
writeFileSync(join(ws, 'secrets', 'npmrc'), '//registry.npmjs.org/:_authToken=NPM-TOKEN-VALUE\n')
const RUN_URL = 'https://github.com/Example-Org/Demo-App/actions/runs/42'
const ctx = { ...CONTEXTS.pushMain, workspace: ws, runUrl: RUN_URL }
const env = { MY_TOKEN: 'ENV-SECRET-VALUE', PATH: '/bin' }

const argv = (
  inputs: Record<string, string>,
  opts: {
    mode?: BuildOutput['mode']
    attestations?: boolean
    repoPrivate?: boolean
    env?: Record<string, string>
    inputs?: Record<string, string>
  } = {}
): string[] => {
  const all: Record<string, string> = { images: 'r.example/app', ...inputs, ...opts.inputs }
  const c = buildConfig(
    n => all[n] ?? '',
    { ...ctx, repo: { ...ctx.repo, private: opts.repoPrivate ?? false } },
    {
      ...env,
      ...opts.env
    }
  )
  const out = {
    mode: opts.mode ?? 'layout',
    load: c.build.load,
    dir: '/t/layout',
    metadataFile: '/t/md.json',
    iidFile: '/t/iid'
  }
  return buildxArgs(
    c.build,
    { tags: ['r.example/app:1'], labels: {}, annotations: ['manifest:a=b'] },
    out,
    {
      attestations: opts.attestations ?? true
    },
    []
  )
}

/** The arguments a flag was given, in order. */
const values = (args: string[], flag: string): string[] =>
  args.flatMap((a, i) => (a === flag ? [args[i + 1] as string] : []))

describe('build-push-action inputs → buildx arguments', () => {
  it.each<[string, Record<string, string>, string, string[]]>([
    [
      'build-contexts',
      { 'build-contexts': 'alpine=docker-image://alpine:3.20\nsrc=./src' },
      '--build-context',
      ['alpine=docker-image://alpine:3.20', 'src=./src']
    ],
    [
      'ssh',
      { ssh: 'default,github=/home/me/.ssh/id_ed25519' },
      '--ssh',
      ['default', 'github=/home/me/.ssh/id_ed25519']
    ],
    ['secret-envs', { 'secret-envs': 'token=MY_TOKEN' }, '--secret', ['id=token,env=MY_TOKEN']],
    [
      'secret-files',
      { 'secret-files': 'npmrc=secrets/npmrc' },
      '--secret',
      [`id=npmrc,src=${join(ws, 'secrets', 'npmrc')}`]
    ],
    ['network', { network: 'host' }, '--network', ['host']],
    ['shm-size', { 'shm-size': '2g' }, '--shm-size', ['2g']],
    ['ulimit', { ulimit: 'nofile=1024:1024\nnproc=512' }, '--ulimit', ['nofile=1024:1024', 'nproc=512']],
    [
      'add-hosts',
      { 'add-hosts': 'docker:10.180.0.1,db:10.180.0.2' },
      '--add-host',
      ['docker:10.180.0.1', 'db:10.180.0.2']
    ],
    ['allow', { allow: 'network.host,security.insecure' }, '--allow', ['network.host', 'security.insecure']],
    ['no-cache-filters', { 'no-cache-filters': 'deps,test' }, '--no-cache-filter', ['deps', 'test']],
    ['annotations reach buildx', {}, '--annotation', ['manifest:a=b']],
    [
      'provenance true: the run is the builder',
      { provenance: 'true' },
      '--attest',
      [`type=provenance,builder-id=${RUN_URL}`]
    ],
    ['provenance false', { provenance: 'false' }, '--attest', ['type=provenance,disabled=true']],
    [
      'provenance attributes',
      { provenance: 'mode=max' },
      '--attest',
      [`type=provenance,mode=max,builder-id=${RUN_URL}`]
    ],
    [
      'sbom true',
      { sbom: 'true', provenance: 'false' },
      '--attest',
      ['type=provenance,disabled=true', 'type=sbom,disabled=false']
    ],
    [
      'sbom attributes',
      { sbom: 'generator=docker/buildkit-syft-scanner', provenance: 'false' },
      '--attest',
      ['type=provenance,disabled=true', 'type=sbom,generator=docker/buildkit-syft-scanner']
    ],
    [
      'attests, provenance winning over its type',
      { attests: 'type=provenance,mode=min\ntype=custom,foo=bar', provenance: 'mode=max' },
      '--attest',
      [`type=provenance,mode=max,builder-id=${RUN_URL}`, 'type=custom,foo=bar']
    ],
    [
      'attests with provenance and no provenance input',
      { attests: 'type=provenance,mode=min' },
      '--attest',
      [`type=provenance,mode=min,builder-id=${RUN_URL}`]
    ]
  ])('%s', (_what, inputs, flag, expected) => {
    expect(values(argv(inputs), flag)).toEqual(expected)
  })

  it.each<[string, Parameters<typeof argv>[1], string[]]>([
    ['loaded into Docker: none, as build-push-action with load', { mode: 'daemon' }, []],
    // A BuildKit builder exporting the layout and loading: the engine takes no attestation index.
    ['a layout also loaded (load: true): none', { mode: 'layout', inputs: { load: 'true' } }, []],
    [
      'pushed, public repository: mode=max',
      { mode: 'layout' },
      [`type=provenance,mode=max,builder-id=${RUN_URL}`]
    ],
    [
      'pushed, private repository: mode=min, inline only',
      { mode: 'layout', repoPrivate: true },
      [`type=provenance,mode=min,inline-only=true,builder-id=${RUN_URL}`]
    ],
    ['BUILDX_NO_DEFAULT_ATTESTATIONS', { mode: 'layout', env: { BUILDX_NO_DEFAULT_ATTESTATIONS: '1' } }, []],
    ['the docker driver: none', { mode: 'layout', attestations: false }, []]
  ])('provenance left empty: %s', (_what, opts, expected) => {
    expect(values(argv({}, opts), '--attest')).toEqual(expected)
  })

  it('the docker driver gets neither attestations nor annotations', () => {
    const args = argv({ provenance: 'mode=max', sbom: 'true' }, { attestations: false })
    expect(args).not.toContain('--attest')
    expect(args).not.toContain('--annotation')
  })

  it('a build loaded into Docker gets annotations but no attestations (its image store holds none)', () => {
    const args = argv({ provenance: 'mode=max', sbom: 'true', attests: 'type=custom' }, { mode: 'daemon' })
    expect(args).not.toContain('--attest')
    expect(values(args, '--annotation')).toEqual(['manifest:a=b'])
  })

  it('secret values are never arguments', () => {
    const args = argv({
      'secret-envs': 'token=MY_TOKEN',
      'secret-files': 'npmrc=secrets/npmrc',
      secrets: 'a=INLINE-VALUE'
    })
    const text = args.join(' ')
    for (const v of ['ENV-SECRET-VALUE', 'NPM-TOKEN-VALUE', 'INLINE-VALUE']) expect(text).not.toContain(v)
  })
})

describe('secrets as docker/build-push-action reads them: CSV, a quoted value over several lines', () => {
  const PEM =
    '-----BEGIN PRIVATE KEY-----\nMIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7AgEAAkEA\n-----END PRIVATE KEY-----'
  it.each<[string, string, Array<[string, string]>]>([
    [
      'one per line',
      'GIT_AUTH_TOKEN=abc\nother=x y',
      [
        ['GIT_AUTH_TOKEN', 'abc'],
        ['other', 'x y']
      ]
    ],
    [
      'a PEM key, quoted',
      `"key=${PEM}"\nnext=1`,
      [
        ['key', PEM],
        ['next', '1']
      ]
    ],
    [
      'an .npmrc with = and a comma',
      '"npmrc=//reg/:_authToken=t,always-auth=true"',
      [['npmrc', '//reg/:_authToken=t,always-auth=true']]
    ],
    ['commas outside quotes join the fields', 'list=a,b,c', [['list', 'a,b,c']]],
    ['a quote inside an unquoted value', 'json={"a":1}', [['json', '{"a":1}']]]
  ])('%s', (_what, input, expected) => {
    expect(parseSecrets(input)).toEqual(expected)
  })

  it.each([
    ['novalue', 'is not of the form id=value'],
    ['bad id=x', '"bad id" is not a valid secret id'],
    ['empty=', '"empty" has an empty value'],
    ['"open=never closed', 'cannot be read as CSV']
  ])('%s is refused without showing a value', (input, message) => {
    expect(() => parseSecrets(input)).toThrow(`Input "secrets": `)
    expect(() => parseSecrets(input)).toThrow(message)
  })
})

describe('bad build inputs name the input', () => {
  it.each([
    [
      'secret-envs',
      { 'secret-envs': 'token=UNSET_VAR' },
      'the environment variable UNSET_VAR (for "token") is not set'
    ],
    ['secret-envs', { 'secret-envs': 'token' }, '"token" is not of the form id=ENV_NAME'],
    [
      'secret-files',
      { 'secret-files': 'npmrc=secrets/missing' },
      'the file secrets/missing (for "npmrc") does not exist'
    ],
    ['build-contexts', { 'build-contexts': 'justaname' }, '"justaname" is not of the form name=value'],
    ['shm-size', { 'shm-size': 'big' }, '"big" is not a size such as 2g or 512m'],
    ['ulimit', { ulimit: 'nofile' }, '"nofile" is not of the form name=soft[:hard]'],
    ['add-hosts', { 'add-hosts': 'justahost' }, '"justahost" is not of the form host:ip'],
    ['attests', { attests: 'mode=max' }, '"mode=max" is not of the form type=…'],
    [
      'context',
      { context: 'git' },
      `is the build context here; docker/metadata-action's "context: git" is "metadata-context" in oci-pipeline`
    ],
    ['metadata-context', { 'metadata-context': 'event' }, '"event" is neither workflow nor git'],
    ['DOCKER_METADATA_SHORT_SHA_LENGTH', {}, '"x" is not a whole number above 0']
  ])('%s %j', (input, inputs, message) => {
    const extra =
      input === 'DOCKER_METADATA_SHORT_SHA_LENGTH' ? { DOCKER_METADATA_SHORT_SHA_LENGTH: 'x' } : {}
    expect(() =>
      buildConfig(n => (({ images: 'r.example/app', ...inputs }) as Record<string, string>)[n] ?? '', ctx, {
        ...env,
        ...extra
      })
    ).toThrow(`Input "${input}": ${message}`)
  })
})
