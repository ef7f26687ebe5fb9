import { buildxArgs, buildxEnv, outputMode, repositoriesOf } from '../../../src/stages/build/argv.js'
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
  load: false
}
const out = { mode: 'load' as const, metadataFile: '/t/md.json', iidFile: '/t/iid' }
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
    const pushed = { ...out, mode: 'push' as const }
    expect(buildxArgs(b, meta, pushed, { attestations: true }, [])).toEqual(
      expect.arrayContaining(['--attest', 'type=provenance,mode=max'])
    )
    // Loaded into Docker's image store, which holds no attestations: buildx would refuse them.
    expect(buildxArgs(b, meta, out, { attestations: true }, [])).not.toContain('--attest')
  })

  it('push mode pushes; cache-only has neither --load nor --push', () => {
    const pushed = buildxArgs(base, meta, { ...out, mode: 'push' }, { attestations: true }, [])
    expect(pushed).not.toContain('--tag')
    expect(pushed[pushed.indexOf('--output') + 1]).toBe(
      'type=image,"name=r.example/app",push-by-digest=true,name-canonical=true,push=true'
    )
    const cacheOnly = buildxArgs(base, meta, { ...out, mode: 'cache-only' }, { attestations: true }, [])
    expect(cacheOnly).not.toContain('--push')
    expect(cacheOnly).not.toContain('--load')
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
  it.each([
    [[], true, 'load'],
    [['linux/amd64'], false, 'load'],
    [['linux/amd64', 'linux/arm64'], true, 'push'],
    [['linux/amd64', 'linux/arm64'], false, 'cache-only']
  ] as const)('%j push=%s → %s', (platforms, push, mode) => {
    expect(outputMode({ ...base, platforms: [...platforms] }, push)).toBe(mode)
  })
})
