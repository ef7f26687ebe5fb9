import { both, describeRows, RAWS, tag, two, u, type Row } from '../../support/metadata-rows.js'

// latest: when it is added and how the flavor shapes it, over recorded runs (docker/metadata-action's behaviour).

const LATEST: Row[] = [
  [
    'match ^release\\d',
    'tag',
    { tags: 'type=match,"pattern=^release\\d{1,2}"' },
    'release1',
    u('release1', 'latest'),
    tag('release1')
  ],
  [
    'match a date and RC',
    'tag',
    { tags: 'type=match,"pattern=^\\d+-RC\\d{1,2}"' },
    '20200110-RC2',
    u('20200110-RC2', 'latest'),
    tag('20200110-RC2')
  ],
  [
    'match \\d{8}',
    'tag',
    { tags: 'type=match,pattern=\\d{8}' },
    '20200110',
    u('20200110', 'latest'),
    tag('20200110-RC2')
  ],
  [
    'match \\d{8}, latest=false',
    'tag',
    { tags: 'type=match,pattern=\\d{8}', flavor: 'latest=false' },
    '20200110',
    u('20200110'),
    tag('20200110-RC2')
  ],
  [
    'match a group, latest=false',
    'tag',
    { tags: 'type=match,pattern=(.*)-RC,group=1', flavor: 'latest=false' },
    '20200110',
    u('20200110'),
    tag('20200110-RC2')
  ],
  ['the default rules, two images', 'tag', two, 'v1.2.3', both('v1.2.3', 'latest')],
  [
    'match on a pre-release gives latest',
    'tag-without-base',
    { tags: 'type=match,"pattern=\\d.\\d.\\d"' },
    '2.0.8',
    u('2.0.8', 'latest')
  ],
  [
    'latest=false',
    'tag',
    { ...two, tags: 'type=ref,event=tag', flavor: 'latest=false' },
    'v1.2.3',
    both('v1.2.3')
  ],
  [
    'image names are lowercased',
    'tag',
    { images: 'org/app,ghcr.io/MyUSER/MyApp', tags: 'type=ref,event=tag', flavor: 'latest=false' },
    'v1.2.3',
    ['org/app:v1.2.3', 'ghcr.io/myuser/myapp:v1.2.3']
  ],
  [
    'latest=true on a branch, after a lower priority',
    'push-dev',
    { tags: `type=ref,priority=90,event=branch\n${RAWS}`, flavor: 'latest=true' },
    'my',
    u('my', 'custom', 'tags', 'dev', 'latest')
  ]
]

describeRows([['latest', LATEST]])
