import {
  buildxArgs,
  buildxEnv,
  ociOutput,
  outputMode,
  repositoriesOf
} from '../../../src/stages/build/argv.js'
import type { BuildOptions } from '../../../src/config/config.js'

const base: BuildOptions = {
  context: '/ws',
  file: '/ws/Dockerfile',
  buildArgs: [],
  secrets: [],
  platforms: [],
  cacheFrom: [],
  cacheTo: [],
  noCache: false,
  pull: false,
  load: false,
  compression: 'gzip'
}
const out = { mode: 'daemon' as const, metadataFile: '/t/md.json', iidFile: '/t/iid' }
const meta = { tags: ['r.example/app:1.0'], labels: { 'org.opencontainers.image.version': '1.0' } }
const tail = ['--metadata-file', '/t/md.json', '--iidfile', '/t/iid']

describe('buildxArgs', () => {
  it.each([
    ['the minimum', {}, []],
    ['target', { target: 'runtime' }, ['--target', 'runtime']],
    [
      'build-args',
      {
        buildArgs: [
          ['A', '1'],
          ['B', 'x y']
        ]
      },
      ['--build-arg', 'A=1', '--build-arg', 'B=x y']
    ],
    [
      'platforms',
      { platforms: ['linux/amd64', 'linux/arm64/v8'] },
      ['--platform', 'linux/amd64,linux/arm64/v8']
    ],
    [
      'cache',
      { cacheFrom: ['type=registry,ref=r/c'], cacheTo: ['type=inline'] },
      ['--cache-from', 'type=registry,ref=r/c', '--cache-to', 'type=inline']
    ],
    ['no-cache and pull', { noCache: true, pull: true }, ['--no-cache', '--pull']],
    ['builder', { builder: 'ci' }, ['--builder', 'ci']]
  ] as Array<[string, Partial<BuildOptions>, string[]]>)('%s', (_what, over, expected) => {
    const args = buildxArgs({ ...base, ...over }, meta, out, { attestations: false }, [])
    const opts = args.slice(4, args.indexOf('--tag'))
    expect(args.slice(0, 4)).toEqual(['buildx', 'build', '--progress', 'plain'])
    expect(opts.filter(a => a !== '--file' && a !== '/ws/Dockerfile')).toEqual(expected)
    expect(args.slice(args.indexOf('--tag'))).toEqual([
      '--tag',
      'r.example/app:1.0',
      '--label',
      'org.opencontainers.image.version=1.0',
      ...tail,
      '--load',
      '/ws'
    ])
  })

  it('secrets are files, their values never in argv', () => {
    const args = buildxArgs(
      { ...base, secrets: [['npmrc', 'TOKEN-VALUE']] },
      meta,
      out,
      { attestations: false },
      [['npmrc', '/t/s0']]
    )
    expect(args).toContain('id=npmrc,src=/t/s0')
    expect(args.join(' ')).not.toContain('TOKEN-VALUE')
    expect(args).not.toContain('--build-arg')
  })

  it('provenance only where the builder has attestations', () => {
    const b = { ...base, provenance: 'mode=max' }
    expect(buildxArgs(b, meta, out, { attestations: false }, [])).not.toContain('--attest')
    const pushed = { ...out, mode: 'layout' as const }
    expect(buildxArgs(b, meta, pushed, { attestations: true }, [])).toEqual(
      expect.arrayContaining(['--attest', 'type=provenance,mode=max'])
    )
    // Loaded into Docker's image store, which holds no attestations: buildx would refuse them.
    expect(buildxArgs(b, meta, out, { attestations: true }, [])).not.toContain('--attest')
  })

  it.each([
    [
      'a BuildKit builder exports an OCI layout, compressed once, and loads nothing',
      { mode: 'layout', dir: '/t/l' },
      ['--output', 'type=oci,"dest=/t/l",tar=false']
    ],
    [
      'zstd recompresses every layer',
      { mode: 'layout', dir: '/t/l', compression: 'zstd' },
      ['--output', 'type=oci,"dest=/t/l",tar=false,compression=zstd,force-compression=true']
    ],
    [
      'load asked: the layout, and the image in the engine too',
      { mode: 'layout', dir: '/t/l', load: true },
      ['--output', 'type=oci,"dest=/t/l",tar=false', '--load']
    ],
    ['the docker driver loads into the engine', { mode: 'daemon' }, ['--load']]
  ] as const)('%s', (_, o, expected) => {
    const args = buildxArgs(base, meta, { ...out, ...o }, { attestations: o.mode === 'layout' }, [])
    expect(args.slice(args.indexOf('/t/iid') + 1, -1)).toEqual(expected)
    expect(args).toEqual(expect.arrayContaining(['--tag', 'r.example/app:1.0']))
    expect(args).not.toContain('--push')
  })

  it('quotes a layout path holding a comma', () => {
    expect(ociOutput('/t/a,b')).toBe('type=oci,"dest=/t/a,b",tar=false')
  })

  it('names each repository of the tags once (a registry port is not a tag)', () => {
    expect(
      repositoriesOf([
        'localhost:5000/app:1.0',
        'localhost:5000/app:main',
        'ghcr.io/o/app:1.0',
        'ghcr.io/o/app'
      ])
    ).toEqual(['localhost:5000/app', 'ghcr.io/o/app'])
  })

  it('a metacharacter-laden value stays one argument', () => {
    const args = buildxArgs(
      { ...base, buildArgs: [['X', '$(touch /tmp/pwned); `id` | cat']] },
      meta,
      out,
      { attestations: false },
      []
    )
    expect(args).toContain('X=$(touch /tmp/pwned); `id` | cat')
  })
})

describe('buildxEnv', () => {
  it.each([
    ['the docker driver: no git asked', {}, false, 'false'],
    ['a builder that attaches provenance: git asked', {}, true, undefined],
    ["the user's BUILDX_GIT_INFO kept", { BUILDX_GIT_INFO: 'true' }, false, 'true'],
    ['BUILDX_GIT_LABELS needs git: left to buildx', { BUILDX_GIT_LABELS: 'full' }, false, undefined]
  ] as const)('%s', (_, env, attestations, gitInfo) => {
    const given: NodeJS.ProcessEnv = { PATH: '/bin', ...env }
    const result = buildxEnv(given, { attestations })
    expect(result.BUILDX_GIT_INFO).toBe(gitInfo)
    expect(result.PATH).toBe('/bin')
    expect(given.BUILDX_GIT_INFO).toBe((env as NodeJS.ProcessEnv).BUILDX_GIT_INFO) // not changed in place
  })
})

describe('outputMode', () => {
  it('the docker driver builds into the engine; any builder with attestations exports a layout', () => {
    expect(outputMode({ attestations: false })).toBe('daemon')
    expect(outputMode({ attestations: true })).toBe('layout')
  })
})
