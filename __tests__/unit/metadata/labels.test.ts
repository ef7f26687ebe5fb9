import { computeLabels, parseLabelSchemas } from '../../../src/stages/metadata/labels.js'
import { parseImageName } from '../../../src/stages/metadata/reference.js'
import { parseImages } from '../../../src/stages/metadata/images.js'
import { releaseFileVersion, resolveVersion } from '../../../src/stages/metadata/version.js'
import { CONTEXTS } from '../../support/contexts.js'

const CREATED = new Date('2026-03-04T05:06:07Z')
const DIGEST = 'sha256:' + 'b'.repeat(64)
const facts = {
  created: CREATED,
  version: '1.2.3',
  revision: CONTEXTS.tag.sha,
  repo: CONTEXTS.tag.repo,
  base: { name: 'docker.io/library/python:3.12-slim', digest: DIGEST },
  tags: ['1.2.3', 'latest'],
  team: 'Team Kilo',
  extra: [] as Array<[string, string]>
}

describe('labels', () => {
  it('OCI labels from the run and the repository', () => {
    const { labels, missing } = computeLabels({ ...facts, schemas: ['oci'] })
    expect(labels).toEqual({
      'org.opencontainers.image.created': '2026-03-04T05:06:07.000Z',
      'org.opencontainers.image.title': 'Demo-App',
      'org.opencontainers.image.description': 'A demo image',
      'org.opencontainers.image.url': 'https://github.com/Example-Org/Demo-App',
      'org.opencontainers.image.source': 'https://github.com/Example-Org/Demo-App',
      'org.opencontainers.image.version': '1.2.3',
      'org.opencontainers.image.revision': '860c1904a1ce19322e91ac35af1ab07466440c37',
      'org.opencontainers.image.licenses': 'Apache-2.0',
      'org.opencontainers.image.base.name': 'docker.io/library/python:3.12-slim',
      'org.opencontainers.image.base.digest': DIGEST
    })
    expect(missing).toEqual([])
  })

  it('the SKAO set beside them', () => {
    const { labels } = computeLabels({ ...facts, schemas: ['oci', 'skao'] })
    expect(Object.fromEntries(Object.entries(labels).filter(([k]) => k.startsWith('int.skao')))).toEqual({
      'int.skao.image.created': '2026-03-04T05:06:07.000Z',
      'int.skao.image.version': '1.2.3',
      'int.skao.image.tags': '1.2.3,latest',
      'int.skao.image.team': 'Team Kilo',
      'int.skao.image.url': 'https://github.com/Example-Org/Demo-App',
      'int.skao.image.source': 'https://github.com/Example-Org/Demo-App',
      'int.skao.image.baseImage': `docker.io/library/python:3.12-slim@${DIGEST}`
    })
  })

  it('reports a missing team rather than inventing one', () => {
    const { labels, missing } = computeLabels({ ...facts, team: undefined, schemas: ['oci', 'skao'] })
    expect(labels['int.skao.image.team']).toBeUndefined()
    expect(missing).toEqual(['int.skao.image.team'])
  })

  it('extra labels override generated ones; licences absent stay absent', () => {
    const { labels } = computeLabels({
      ...facts,
      repo: { ...facts.repo, licenses: undefined },
      schemas: ['oci'],
      extra: [
        ['org.opencontainers.image.title', 'Custom'],
        ['maintainer', 'ops@example.org']
      ]
    })
    expect(labels['org.opencontainers.image.title']).toBe('Custom')
    expect(labels.maintainer).toBe('ops@example.org')
    expect(labels).not.toHaveProperty('org.opencontainers.image.licenses')
  })

  it.each([
    ['oci', ['oci']],
    ['skao', ['oci', 'skao']],
    ['oci,skao', ['oci', 'skao']],
    [' OCI , SKAO ', ['oci', 'skao']]
  ])('label-schema %j', (value, expected) => expect(parseLabelSchemas(value)).toEqual(expected))

  it('rejects an unknown schema', () => {
    expect(() => parseLabelSchemas('oci,label-schema.org')).toThrow(
      'Input "label-schema": unknown schema "label-schema.org"'
    )
  })
})

describe('image names', () => {
  it('defaults to ghcr.io/<owner>/<repo>, lowercased', () => {
    expect(parseImages('', CONTEXTS.pushMain.repo).map(i => i.name)).toEqual(['ghcr.io/example-org/demo-app'])
  })

  it.each([
    ['ghcr.io/Example-Org/App', 'ghcr.io/example-org/app'],
    ['GHCR.IO/Org/App', 'ghcr.io/org/app'],
    // docker/metadata-action lowercases every name: no registry takes upper case.
    ['docker.io/Org/App', 'docker.io/org/app'],
    ['MyOrg/app', 'myorg/app'],
    ['registry.example.org:5000/team/app', 'registry.example.org:5000/team/app'],
    ['alpine', 'alpine'],
    ['localhost/app', 'localhost/app']
  ])('%s → %s', (input, expected) => expect(parseImageName('images', input).name).toBe(expected))

  it('reads lists and name=,enable= lines', () => {
    const names = parseImages(
      'a.example/x, b.example/y\nname=c.example/z,enable=false\nname=d.example/w',
      CONTEXTS.pushMain.repo
    )
    expect(names.map(i => i.name)).toEqual(['a.example/x', 'b.example/y', 'd.example/w'])
  })

  it.each([
    ['reg.example/app:1.0', 'must be a name without a tag or digest'],
    ['reg.example/app@sha256:' + 'a'.repeat(64), 'must be a name without a tag or digest'],
    ['reg.example/my app', 'contains white space'],
    ['reg.example/../etc', 'has a "." or ".." path component'],
    ['reg.example/' + 'a'.repeat(260), 'characters long; the limit is 255'],
    ['reg.example/app$(id)', 'is not a valid image name'],
    ['reg.example/-app', 'is not a valid image name']
  ])('rejects %s', (input, message) => {
    expect(() => parseImageName('images', input)).toThrow(`Input "images": `)
    expect(() => parseImageName('images', input)).toThrow(message)
  })
})

describe('version source', () => {
  it.each([
    ['a tag event wins, v stripped', 'tag', { releaseFile: 'release=9.9.9' }, '1.2.3', 'git tag event'],
    ['git tag at HEAD', 'pushMain', { gitTag: 'v3.0.1', releaseFile: 'release=9.9.9' }, '3.0.1', 'git tag'],
    [
      '.release',
      'pushMain',
      { releaseFile: 'release=0.7.2\ntag=0.7.2\n', dockerfile: '5' },
      '0.7.2',
      '.release'
    ],
    ['Dockerfile *_VERSION', 'pushMain', { dockerfile: '2.1' }, '2.1', 'Dockerfile']
  ] as const)('%s', (_what, ctx, sources, version, from) => {
    expect(resolveVersion(CONTEXTS[ctx], sources)).toEqual({ version, from })
  })

  it('none: the tag rules give it', () => expect(resolveVersion(CONTEXTS.pushMain, {})).toBeUndefined())

  it.each([
    ['release=1.2.3', '1.2.3'],
    ['# comment\nrelease = "2.0.0"\n', '2.0.0'],
    ['tag=1.0', undefined]
  ])('.release %j', (text, expected) => expect(releaseFileVersion(text)).toBe(expected))
})
