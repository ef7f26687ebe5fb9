import { metadataEnvName } from '../../../src/stages/metadata/outputs.js'
import { metadataFor, NOW } from '../../support/recorded.js'

const SHA = '2f6e8c1d9b3a47e5a0c4d8f1b6e2a9c3d7f05e14'
const REPO_URL = 'https://github.com/octo-org/hello-image'
/** docker/metadata-action's label set for the recorded push to main. */
const OCI = {
  'org.opencontainers.image.created': NOW.toISOString(),
  'org.opencontainers.image.description': 'A small image for testing',
  'org.opencontainers.image.licenses': 'BSD-3-Clause',
  'org.opencontainers.image.revision': SHA,
  'org.opencontainers.image.source': REPO_URL,
  'org.opencontainers.image.title': 'hello-image',
  'org.opencontainers.image.url': REPO_URL,
  'org.opencontainers.image.version': 'main'
}
const annotated = (level: string, labels: Record<string, string>): string[] =>
  Object.entries(labels).map(([k, v]) => `${level}:${k}=${v}`)

describe('labels', () => {
  it('the OCI set, sorted by key, version from the first tag', () => {
    const { meta, outputs } = metadataFor('push-main', { images: 'user/app' })
    expect(meta.labels).toEqual(OCI)
    expect(Object.keys(meta.labels)).toEqual(Object.keys(OCI))
    expect(outputs.labels).toBe(
      Object.entries(OCI)
        .map(([k, v]) => `${k}=${v}`)
        .join('\n')
    )
  })

  it('lines without "=" are skipped with a warning; "foo=" is an empty label; expressions expand', () => {
    const { meta } = metadataFor('push-main', {
      images: 'user/app',
      labels: [
        'invalid',
        'foo=',
        'maintainer=CrazyCat',
        'org.opencontainers.image.title=MyCustomTitle',
        "org.opencontainers.image.created={{commit_date 'YYYY-MM-DDTHH:mm:ss.SSS[Z]'}}"
      ].join('\n')
    })
    expect(meta.labels).toEqual({
      ...OCI,
      foo: '',
      maintainer: 'CrazyCat',
      'org.opencontainers.image.title': 'MyCustomTitle',
      'org.opencontainers.image.created': '2026-02-27T13:21:09.000Z'
    })
    expect(meta.warnings).toEqual(['labels: "invalid" is not of the form key=value, so it is skipped'])
  })

  it('the revision is the pull request head with DOCKER_METADATA_PR_HEAD_SHA', () => {
    const env = { DOCKER_METADATA_PR_HEAD_SHA: 'true' }
    const { meta } = metadataFor('pull-request', { images: 'user/app' }, { env })
    expect(meta.labels['org.opencontainers.image.revision']).toBe('e7c9a1b3d5f2406817c3e5a9b2d4f6a8c1e3d539')
  })
})

describe('annotations', () => {
  it('the OCI set at the manifest level by default', () => {
    const { meta, outputs } = metadataFor('push-main', { images: 'user/app' })
    expect(meta.annotations).toEqual(annotated('manifest', OCI))
    expect(outputs.annotations).toBe(meta.annotations.join('\n'))
  })

  it('DOCKER_METADATA_ANNOTATIONS_LEVELS, own lines apart from labels, and lines with a level', () => {
    const { meta } = metadataFor(
      'push-main',
      {
        images: 'user/app',
        labels: 'org.opencontainers.image.title=LabelTitle',
        annotations: 'org.opencontainers.image.title=MyNotTitle\nmaintainer=Foo\nindex:com.example.only=here'
      },
      { env: { DOCKER_METADATA_ANNOTATIONS_LEVELS: 'manifest,index' } }
    )
    const own = { ...OCI, maintainer: 'Foo', 'org.opencontainers.image.title': 'MyNotTitle' }
    const sorted = Object.fromEntries(Object.entries(own).sort(([a], [b]) => (a < b ? -1 : 1)))
    expect(meta.annotations).toEqual([
      ...annotated('manifest', sorted),
      ...annotated('index', sorted),
      'index:com.example.only=here'
    ])
    expect(meta.labels['org.opencontainers.image.title']).toBe('LabelTitle')
  })

  it.each([
    [
      'a level BuildKit does not know',
      { DOCKER_METADATA_ANNOTATIONS_LEVELS: 'layer' },
      {},
      /"layer" is not an annotation level/
    ],
    [
      'a key with a space',
      {},
      { annotations: 'a b=c' },
      /Input "annotations": "a b" is not a valid annotation key/
    ]
  ])('refuses %s', (_what, env, inputs, message) => {
    expect(() => metadataFor('push-main', { images: 'user/app', ...inputs }, { env })).toThrow(message)
  })
})

describe('outputs', () => {
  const inputs = {
    images: 'user/app',
    tags: 'type=ref,event=branch\ntype=raw,my\ntype=raw,custom\ntype=raw,tags'
  }

  it('json: tags, tag-names, labels and annotations, as docker/metadata-action gives them', () => {
    const { outputs } = metadataFor('push-dev', inputs)
    const dev = {
      ...OCI,
      'org.opencontainers.image.revision': '7b1d4e9a2c6f8035e1a9d4c7b2f6e8a1c3d5f907',
      'org.opencontainers.image.version': 'dev'
    }
    expect(JSON.parse(outputs.json)).toEqual({
      tags: ['user/app:dev', 'user/app:my', 'user/app:custom', 'user/app:tags'],
      'tag-names': ['dev', 'my', 'custom', 'tags'],
      labels: dev,
      annotations: annotated('manifest', dev)
    })
    expect(outputs['tag-names']).toBe('dev\nmy\ncustom\ntags')
    expect(outputs.version).toBe('dev')
  })

  it.each([
    [' ', 'user/app:dev user/app:my user/app:custom user/app:tags'],
    [',', 'user/app:dev,user/app:my,user/app:custom,user/app:tags']
  ])('sep-tags %j', (sep, expected) => {
    const { outputs } = metadataFor('push-dev', { ...inputs, 'sep-tags': sep, 'sep-labels': ';' })
    expect(outputs.tags).toBe(expected)
    expect(outputs['tag-names']).toBe(['dev', 'my', 'custom', 'tags'].join(sep))
    expect(outputs.labels.split(';')).toHaveLength(8)
  })

  it.each([
    ['version', 'DOCKER_METADATA_OUTPUT_VERSION'],
    ['tag-names', 'DOCKER_METADATA_OUTPUT_TAG_NAMES'],
    ['json', 'DOCKER_METADATA_OUTPUT_JSON'],
    ['digest', undefined]
  ])('output %s is also the variable %s', (output, variable) => {
    expect(metadataEnvName(output, {})).toBe(variable)
    expect(metadataEnvName(output, { DOCKER_METADATA_SET_OUTPUT_ENV: 'false' })).toBeUndefined()
  })
})

describe('tags holding full references (docker/build-push-action)', () => {
  it.each([
    [
      'one per line, no images',
      { tags: 'ghcr.io/o/app:1.2\nghcr.io/o/app:latest' },
      '1.2',
      ['ghcr.io/o/app:1.2', 'ghcr.io/o/app:latest']
    ],
    [
      'CSV on one line',
      { tags: 'name/app:latest,name/app:1.0.0' },
      'latest',
      ['name/app:latest', 'name/app:1.0.0']
    ],
    [
      'without a tag: latest',
      { tags: 'registry.example.org:5000/team/app' },
      'latest',
      ['registry.example.org:5000/team/app:latest']
    ],
    ['upper case lowercased', { tags: 'GHCR.io/Octo-Org/App:V1' }, 'V1', ['ghcr.io/octo-org/app:V1']],
    [
      'beside rules and images',
      { images: 'user/app', tags: 'type=ref,event=branch\nghcr.io/o/app:stable' },
      'main',
      ['user/app:main', 'ghcr.io/o/app:stable']
    ]
  ])('%s', (_what, inputs, version, tags) => {
    const { meta } = metadataFor('push-main', inputs)
    expect({ version: meta.version, tags: meta.tags }).toEqual({ version, tags })
  })

  it.each([
    ['ghcr.io/o/app@sha256:' + 'a'.repeat(64), /names a digest/],
    ['ghcr.io/o/app:1,custom', /mixes image references with the bare tag "custom"/],
    ['ghcr.io/o/app:bad tag', /may only hold/],
    ['a,b', /holds several bare tags; give each its own line/]
  ])('refuses %s', (tags, message) => {
    expect(() => metadataFor('push-main', { tags })).toThrow(message)
  })
})

describe('warnings for rules that give nothing', () => {
  it.each([
    [
      'type=match,pattern=\\d{8}',
      'refs/tags/v1.2.3',
      '\\d{8} does not match v1.2.3 (type=match,pattern=\\d{8})'
    ],
    ['type=semver,pattern={{version}}', 'refs/tags/nightly', 'nightly is not a valid semver'],
    ['type=pep440,pattern={{version}}', 'refs/tags/nightly', 'nightly does not conform to PEP 440'],
    ['type=match,pattern=v(\\d),group=2', 'refs/tags/v1.2.3', 'group 2 does not exist in v(\\d)']
  ])('%s on %s', (tags, ref, warning) => {
    const { meta } = metadataFor('tag', { images: 'user/app', tags }, { env: { GITHUB_REF: ref } })
    expect(meta.tags).toEqual([])
    expect(meta.warnings.join('\n')).toContain(warning)
  })
})
