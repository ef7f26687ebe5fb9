import { parseDockerfile } from '../../../src/stages/dockerfile.js'
import { namedContextBase } from '../../../src/stages/metadata/index.js'
import {
  IMAGES_MANIFEST,
  manifestText,
  readImagesManifest,
  sha256
} from '../../../src/faces/gitlab/manifest.js'
import { fromPins, orderByFrom, type BuiltBefore } from '../../../src/faces/gitlab/pins.js'

describe('FROM an earlier image of the run: pinned to the digest it pushed', () => {
  const D = 'sha256:' + 'a'.repeat(64)
  const base: BuiltBefore = {
    name: 'base',
    repositories: ['reg.example.org/grp/proj/base', 'harbor.example.org/prod/base'],
    pushed: `reg.example.org/grp/proj/base@${D}`,
    tags: ['1.2.0-dev.c01234567', '1.2.0']
  }
  const web = { name: 'web', repositories: ['reg.example.org/grp/proj/web', 'harbor.example.org/prod/web'] }
  const df = (from: string, args: Record<string, string> = {}) =>
    parseDockerfile(
      `ARG CAR_OCI_REGISTRY_HOST=artefact.example.org\n${from}\nRUN true\n`,
      new Map(Object.entries(args))
    )

  it.each<[string, string, Record<string, string>, string[], RegExp | undefined]>([
    [
      'the release repository, through SKAO’s build arg',
      'FROM ${CAR_OCI_REGISTRY_HOST}/base:1.2.0',
      { CAR_OCI_REGISTRY_HOST: 'harbor.example.org/prod' },
      [`harbor.example.org/prod/base:1.2.0=docker-image://reg.example.org/grp/proj/base@${D}`],
      undefined
    ],
    [
      'the staging repository by its dev tag',
      'FROM reg.example.org/grp/proj/base:1.2.0-dev.c01234567 AS b',
      {},
      [`reg.example.org/grp/proj/base:1.2.0-dev.c01234567=docker-image://reg.example.org/grp/proj/base@${D}`],
      undefined
    ],
    [
      'no tag, or latest: the familiar name BuildKit looks up',
      'FROM harbor.example.org/prod/base:latest',
      {},
      [`harbor.example.org/prod/base=docker-image://reg.example.org/grp/proj/base@${D}`],
      undefined
    ],
    [
      'another version of it: left to the registry',
      'FROM harbor.example.org/prod/base:1.1.0',
      {},
      [],
      /another version of base/
    ],
    [
      'pinned by digest: left as written',
      `FROM harbor.example.org/prod/base:1.2.0@${D}`,
      {},
      [],
      /pinned by digest/
    ],
    [
      'another image of the same name elsewhere: not ours',
      'FROM artefact.example.org/base:1.2.0',
      {},
      [],
      undefined
    ],
    ['a stage of the same Dockerfile', 'FROM scratch AS base\nFROM base', {}, [], undefined]
  ])('%s', (_, from, args, contexts, note) => {
    const pins = fromPins('app', df(from, args), [base], [web])
    expect(pins.contexts).toEqual(contexts)
    if (note) expect(pins.notes.join('\n')).toMatch(note)
    else expect(pins.notes).toEqual([])
  })

  it('says so when the image FROM was built but not pushed', () => {
    const unpushed = { ...base }
    delete unpushed.pushed
    expect(fromPins('app', df('FROM harbor.example.org/prod/base:1.2.0'), [unpushed], []).notes).toEqual([
      'app: FROM harbor.example.org/prod/base:1.2.0 comes from the registry: base was built but not pushed here'
    ])
  })

  it('refuses an image FROM one that comes later in the list', () => {
    expect(() => fromPins('app', df('FROM reg.example.org/grp/proj/web:2'), [base], [web])).toThrow(
      'Input "OCI_IMAGES": app builds FROM reg.example.org/grp/proj/web:2, but web comes after app in the list: put web first'
    )
  })

  it('makes the base labels name the pinned image', () => {
    expect(
      namedContextBase('harbor.example.org/prod/base:1.2.0', [
        `harbor.example.org/prod/base:1.2.0=docker-image://reg.example.org/grp/proj/base@${D}`
      ])
    ).toEqual({
      name: 'reg.example.org/grp/proj/base',
      digest: D
    })
    expect(namedContextBase('alpine:3', ['alpine:3=docker-image://mirror.example.org/alpine:3'])).toEqual({
      name: 'mirror.example.org/alpine:3'
    })
    expect(namedContextBase('alpine:3', ['alpine:3=./local'])).toBeUndefined()
  })
})

describe(`the build job’s ${IMAGES_MANIFEST}, as publish reads it`, () => {
  const D = 'sha256:' + 'c'.repeat(64)
  const text = manifestText({
    images: [
      { name: 'base', repository: 'r/base', version: '1.0.0', tags: ['1.0.0'], digest: D, scannedDigest: D }
    ]
  })

  it('is read when its SHA-256 is the one the dotenv report carries', () => {
    expect(readImagesManifest(text, sha256(text)).images[0]?.scannedDigest).toBe(D)
  })

  const bad = manifestText({
    images: [{ name: 'x', repository: 'r/x', version: '1', tags: [], scannedDigest: 'sha256:short' }]
  })
  it.each<[string | undefined, string, RegExp]>([
    [
      text,
      '',
      /OCI_IMAGES_MANIFEST_SHA256": is empty: publish takes the images the build job built and scanned/
    ],
    [undefined, sha256(text), /is not in the report directory/],
    [
      text.replace('1.0.0', '9.9.9'),
      sha256(text),
      /has SHA-256 [0-9a-f]{64}, not the [0-9a-f]{64} the build job reported: refusing to publish from it/
    ],
    [bad, sha256(bad), /"sha256:short" for x is not a sha256 digest/]
  ])('is refused otherwise (%#)', (file, hash, message) => {
    expect(() => readImagesManifest(file, hash)).toThrow(message)
  })
})

describe('images found under images/: each after the images it builds FROM', () => {
  const image = (name: string, from: string) => ({
    name,
    repositories: [`reg.example.org/grp/proj/${name}`, `harbor.example.org/prod/${name}`],
    from
  })
  const order = (...images: Array<ReturnType<typeof image>>) =>
    orderByFrom(images, i => parseDockerfile(i.from)).map(i => i.name)

  it.each<[string, Array<ReturnType<typeof image>>, string[]]>([
    [
      'by name when none builds on another',
      [image('app', 'FROM alpine:3\n'), image('base', 'FROM alpine:3\n')],
      ['app', 'base']
    ],
    [
      'the base first',
      [image('app', 'FROM harbor.example.org/prod/base:1\n'), image('base', 'FROM alpine:3\n')],
      ['base', 'app']
    ],
    [
      'a chain, through a stage',
      [
        image('a', 'FROM reg.example.org/grp/proj/c:2 AS x\nFROM x\n'),
        image('b', 'FROM alpine:3\n'),
        image('c', 'FROM harbor.example.org/prod/b\n')
      ],
      ['b', 'c', 'a']
    ],
    [
      'an image of the same name elsewhere is not ours',
      [image('app', 'FROM docker.io/library/base:1\n'), image('base', 'FROM alpine:3\n')],
      ['app', 'base']
    ]
  ])('%s', (_, images, expected) => {
    expect(order(...images)).toEqual(expected)
  })

  it('refuses a circle', () => {
    expect(() =>
      order(
        image('a', 'FROM harbor.example.org/prod/b:1\n'),
        image('b', 'FROM harbor.example.org/prod/a:1\n')
      )
    ).toThrow('Input "OCI_IMAGE_ROOT_DIR": a, b build FROM one another in a circle')
  })
})
