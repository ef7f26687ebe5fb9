import { both, describeRows, PEP440_4, SEMVER3, tag, two, u, type Row } from '../../support/metadata-rows.js'

// semver, pep440, match and flavor over recorded runs (docker/metadata-action's behaviour).

const TAGS: Row[] = [
  ['match \\d.\\d.\\d', 'tag', { tags: 'type=match,"pattern=\\d.\\d.\\d"' }, '1.2.3', u('1.2.3', 'latest')],
  [
    'match with a group',
    'tag',
    { ...two, tags: 'type=match,"pattern=^v(\\d.\\d.\\d)$",group=1' },
    '1.2.3',
    both('1.2.3', 'latest')
  ],
  [
    'semver: version, major.minor, major',
    'tag',
    { ...two, tags: SEMVER3 },
    '1.2.3',
    both('1.2.3', '1.2', '1', 'latest')
  ],
  [
    'semver: duplicates collapse',
    'tag',
    { tags: 'type=semver,pattern={{version}}\ntype=semver,pattern={{major}}.{{minor}}.{{patch}}' },
    '1.2.3',
    u('1.2.3', 'latest')
  ],
  [
    'semver pre-release: only its version, no latest',
    'tag-without-base',
    { tags: 'type=semver,pattern={{major}}.{{minor}}\ntype=semver,pattern={{major}}' },
    '2.0.8-beta.67',
    u('2.0.8-beta.67')
  ],
  [
    'semver pre-release keeps {{raw}}',
    'tag-without-base',
    { tags: 'type=semver,pattern={{raw}}' },
    'v2.0.8-beta.67',
    u('v2.0.8-beta.67')
  ],
  [
    'semver {{major}} on 0.x: left out (deliberate)',
    'tag',
    { tags: SEMVER3 },
    '0.4.1',
    u('0.4.1', '0.4', 'latest'),
    tag('v0.4.1')
  ],
  [
    'semver is strict: v1.2.3rc2 is not one',
    'tag',
    { tags: 'type=semver,pattern={{version}}' },
    '',
    [],
    tag('v1.2.3rc2')
  ],
  [
    'semver with match= on p1/v1.0.0',
    'tag',
    { tags: 'type=semver,pattern={{version}},"match=v(\\d.\\d.\\d)$"' },
    '1.0.0',
    u('1.0.0', 'latest'),
    tag('p1/v1.0.0')
  ],
  [
    'match on a pre-release',
    'tag-without-base',
    { tags: 'type=match,"pattern=\\d.\\d.\\d-(alpha|beta).\\d+"' },
    '2.0.8-beta.67',
    u('2.0.8-beta.67', 'latest')
  ],
  [
    'match \\d.\\d on a pre-release',
    'tag-without-base',
    { tags: 'type=match,"pattern=\\d.\\d"' },
    '2.0',
    u('2.0', 'latest')
  ],
  [
    'match, two groups',
    'tag-without-base',
    { tags: 'type=match,"pattern=v(.*)-beta.(.*)",group=1\ntype=match,"pattern=v(.*)-beta.(.*)",group=2' },
    '2.0.8',
    u('2.0.8', '67', 'latest')
  ],
  [
    'match that does not match: nothing',
    'tag',
    { tags: 'type=match,"pattern=\\d.\\d"' },
    '',
    [],
    tag('sometag')
  ],
  [
    'ref beside semver on a non-semver tag',
    'tag',
    { tags: `type=ref,event=tag\n${SEMVER3}`, flavor: 'latest=false' },
    'sometag',
    u('sometag'),
    tag('sometag')
  ],
  [
    'raw with priority over semver and match',
    'tag-without-base',
    { tags: 'type=raw,priority=2000,foo\ntype=semver,pattern={{version}}\ntype=match,"pattern=\\d.\\d"' },
    'foo',
    u('foo', '2.0.8-beta.67', '2.0')
  ],
  [
    'raw with priority over ref: no latest',
    'tag',
    { tags: 'type=raw,priority=2000,foo\ntype=ref,event=tag\ntype=edge' },
    'foo',
    u('foo', 'v1.2.3')
  ],
  [
    'match /regex/flags, groups, pr and sha on p1/v1.0.0',
    'tag',
    {
      tags: 'type=match,"pattern=/^v(\\d.\\d.\\d)$/ig",group=1\ntype=match,pattern=\\d.\\d.\\d\ntype=match,pattern=\\d.\\d\ntype=ref,event=pr\ntype=sha'
    },
    '1.0.0',
    u('1.0.0', '1.0', 'sha-9e3c5a7', 'latest'),
    tag('p1/v1.0.0')
  ],
  [
    'a missing group gives nothing',
    'tag',
    {
      tags: 'type=match,pattern=p1/v(\\d.\\d.\\d),group=1\ntype=match,pattern=p1/v(\\d.\\d),group=1\ntype=match,pattern=p1/v(\\d.\\d),group=3\ntype=sha'
    },
    '1.0.0',
    u('1.0.0', '1.0', 'sha-9e3c5a7', 'latest'),
    tag('p1/v1.0.0')
  ],
  [
    'flavor suffix, and suffix= to leave it out',
    'tag',
    {
      tags: 'type=match,pattern=p1/v(\\d.\\d.\\d),group=1\ntype=match,pattern=p1/v(\\d.\\d),group=1,suffix=\ntype=ref,event=pr\ntype=sha',
      flavor: 'suffix=-dev'
    },
    '1.0.0-dev',
    u('1.0.0-dev', '1.0', 'sha-9e3c5a7-dev', 'latest'),
    tag('p1/v1.0.0')
  ],
  [
    'flavor suffix onlatest',
    'tag',
    { tags: 'type=semver,pattern={{version}}', flavor: 'suffix=-dev,onlatest=true' },
    '1.2.3-dev',
    u('1.2.3-dev', 'latest-dev')
  ],
  [
    'flavor prefix and suffix onlatest',
    'tag',
    {
      tags: 'type=semver,pattern={{version}}',
      flavor: 'prefix=foo-,onlatest=true\nsuffix=-dev,onlatest=true'
    },
    'foo-1.2.3-dev',
    u('foo-1.2.3-dev', 'foo-latest-dev')
  ],
  [
    'pep440 raw and major.minor',
    'tag',
    { tags: 'type=pep440,pattern={{raw}}\ntype=pep440,pattern={{major}}.{{minor}}' },
    'v1.2.3',
    u('v1.2.3', '1.2', 'latest')
  ],
  [
    'pep440 on 1.2',
    'tag',
    { tags: 'type=pep440,pattern={{version}}\ntype=pep440,pattern={{major}}.{{minor}}' },
    '1.2',
    u('1.2', 'latest'),
    tag('1.2')
  ],
  [
    'pep440 beta: its normal form only',
    'tag',
    { tags: 'type=pep440,pattern={{major}}.{{minor}}\ntype=pep440,pattern={{major}}' },
    '1.1b2',
    u('1.1b2'),
    tag('1.1beta2')
  ],
  [
    'pep440 dev release',
    'tag',
    { tags: 'type=pep440,pattern={{major}}.{{minor}}\ntype=pep440,pattern={{major}}' },
    '1.0.dev4',
    u('1.0.dev4'),
    tag('1.0dev4')
  ],
  ['pep440 release candidate', 'tag', { tags: PEP440_4 }, '1.2.3rc2', u('1.2.3rc2'), tag('1.2.3rc2')],
  [
    'pep440 post release',
    'tag',
    { tags: PEP440_4.replace('type=pep440,pattern={{raw}}\n', '') },
    '1.2.post1',
    u('1.2.post1'),
    tag('1.2post1')
  ],
  [
    'pep440 raw keeps the v of a candidate',
    'tag',
    { tags: 'type=pep440,pattern={{raw}}\ntype=pep440,pattern={{major}}.{{minor}}' },
    'v1.2.3rc2',
    u('v1.2.3rc2', '1.2.3rc2'),
    tag('v1.2.3rc2')
  ],
  [
    'pep440 on a semver tag',
    'tag',
    {
      tags: PEP440_4.replace('{{raw}}', '{{version}}') + '\ntype=pep440,pattern={{major}}.{{minor}}.{{patch}}'
    },
    '1.2.3',
    u('1.2.3', '1.2', '1', 'latest')
  ],
  [
    'pep440 that is not one: nothing',
    'tag',
    { tags: 'type=pep440,pattern={{version}}' },
    '',
    [],
    tag('release-x')
  ]
]

describeRows([['semver, pep440, match, flavor', TAGS]])
