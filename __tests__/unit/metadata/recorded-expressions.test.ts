import {
  both,
  describeRows,
  lines,
  RAWS,
  SEMVER3,
  tag,
  two,
  u,
  type Row
} from '../../support/metadata-rows.js'

// Global expressions, schedule and raw rules over recorded runs (docker/metadata-action's behaviour).

const EXPRESSIONS: Row[] = [
  [
    'every expression on a branch push',
    'push-main',
    {
      tags: lines(
        'type=raw,value=mytag-{{branch}}',
        "type=raw,value=mytag-{{date 'YYYYMMDD'}}",
        "type=raw,value=mytag-cd-{{commit_date 'YYYYMMDD'}}",
        "type=raw,value=mytag-{{date 'YYYYMMDD-HHmmss' tz='Asia/Tokyo'}}",
        'type=raw,value=mytag-tag-{{tag}}',
        'type=raw,value=mytag-baseref-{{base_ref}}',
        'type=raw,value=mytag-defbranch,enable={{is_default_branch}}'
      )
    },
    'mytag-main',
    u(
      'mytag-main',
      'mytag-20260304',
      'mytag-cd-20260227',
      'mytag-20260304-140607',
      'mytag-tag-',
      'mytag-baseref-',
      'mytag-defbranch'
    )
  ],
  [
    '{{branch}} with "/" becomes "-" in a tag',
    'push-feature',
    { tags: 'type=raw,value=b-{{branch}}' },
    'b-feature-Login_Page-12',
    u('b-feature-Login_Page-12')
  ],
  [
    '{{tag}}, {{sha}} and {{base_ref}} (from the push payload) on a tag',
    'tag',
    {
      tags: 'type=raw,{{tag}}-{{sha}}-foo\ntype=raw,{{base_ref}}-foo\ntype=raw,defbranch-foo,enable={{is_default_branch}}'
    },
    'v1.2.3-9e3c5a7-foo',
    u('v1.2.3-9e3c5a7-foo', 'main-foo')
  ],
  [
    '{{base_ref}} on a tag whose payload names none',
    'tag-without-base',
    { tags: 'type=raw,value=b-{{base_ref}}' },
    'b-',
    u('b-')
  ],
  [
    '{{base_ref}} on pull_request_target',
    'pull-request-target',
    {
      tags: 'type=raw,value=mytag-{{base_ref}}\ntype=raw,mytag-defbranch,enable={{is_default_branch}}'
    },
    'mytag-main',
    u('mytag-main')
  ],
  [
    '{{base_ref}} on a pull request',
    'pull-request',
    {
      tags: 'type=raw,value=mytag-{{base_ref}}\ntype=raw,mytag-defbranch,enable={{is_default_branch}}'
    },
    'mytag-main',
    u('mytag-main')
  ],
  [
    '{{branch}} on a pull request is empty',
    'pull-request',
    { tags: 'type=raw,value=b-{{branch}}' },
    'b-',
    u('b-')
  ],
  [
    '{{commit_date FORMAT}} without quotes: the ISO date',
    'pull-request',
    { tags: 'type=raw,value={{commit_date YYYY-MM-DD-HHmmSS}}' },
    '2026-02-27T13-21-09Z',
    u('2026-02-27T13-21-09Z')
  ],
  [
    '{{commit_date}} from the push payload',
    'push-main',
    { tags: "type=raw,value=cd-{{commit_date 'YYYYMMDD-HHmmss'}}" },
    'cd-20260227-132109',
    u('cd-20260227-132109')
  ],
  [
    '{{commit_date}} in a zone',
    'push-dev',
    { tags: "type=raw,value=cd-{{commit_date 'YYYY-MM-DD-HHmm' tz='America/New_York'}}" },
    'cd-2026-02-26-0402',
    u('cd-2026-02-26-0402')
  ],
  [
    '{{date}} in double quotes, Moment tokens',
    'push-main',
    { tags: 'type=raw,value={{date "dddd-Do-MMM-YY"}}' },
    'Wednesday-4th-Mar-26',
    u('Wednesday-4th-Mar-26')
  ],
  [
    '{{date}} with literal text in brackets',
    'push-main',
    { tags: "type=raw,value={{date 'YYYY[w]WW'}}" },
    '2026w10',
    u('2026w10')
  ],
  [
    'is_default_branch on a created tag (the default branch event)',
    'create-tag',
    { tags: 'type=raw,value=defbranch,enable={{is_default_branch}}' },
    'defbranch',
    u('defbranch')
  ],
  [
    'is_default_branch on a release: false',
    'release',
    {
      tags: 'type=ref,event=tag\ntype=raw,value=baseref-{{base_ref}}\ntype=raw,value=defbranch,enable={{is_default_branch}}'
    },
    'v1.1.1',
    u('v1.1.1', 'baseref-', 'latest')
  ],
  [
    '{{commit_date}} and {{date}} on a release',
    'release',
    {
      tags: "type=raw,value=src-{{commit_date 'YYYYMMDD-HHmmss'}}\ntype=raw,value={{date 'YYYYMMDD-HHmmss'}}"
    },
    'src-20260227-132109',
    u('src-20260227-132109', '20260304-050607')
  ]
]

const SCHEDULE: Row[] = [
  [
    'date and commit_date patterns',
    'schedule',
    {
      tags: "type=schedule,pattern={{date 'YYYYMMDD'}}\ntype=schedule,pattern=source-date-{{commit_date 'YYYY-MM-DD'}}"
    },
    '20260304',
    u('20260304', 'source-date-2026-02-27')
  ],
  [
    'date with time',
    'schedule',
    { tags: "type=schedule,pattern={{date 'YYYYMMDD-HHmmss'}}" },
    '20260304-050607',
    u('20260304-050607')
  ],
  [
    'schedule and sha',
    'schedule',
    { ...two, tags: 'type=schedule\ntype=sha' },
    'nightly',
    both('nightly', 'sha-2f6e8c1')
  ],
  [
    'is_default_branch on a schedule',
    'schedule',
    { tags: 'type=schedule\ntype=sha,priority=2000\ntype=raw,value=defbranch,enable={{is_default_branch}}' },
    'sha-2f6e8c1',
    u('sha-2f6e8c1', 'nightly', 'defbranch')
  ],
  [
    'flavor prefix and suffix',
    'schedule',
    { tags: 'type=schedule', flavor: 'prefix=glo-\nsuffix=-bal' },
    'glo-nightly-bal',
    u('glo-nightly-bal')
  ],
  [
    'time zones',
    'schedule',
    {
      tags: "type=schedule,pattern={{date 'YYYYMMDD-HHmmss' tz='Asia/Tokyo'}}\ntype=schedule,pattern=src-{{commit_date 'YYYYMMDD-HHmmss' tz='Asia/Tokyo'}}"
    },
    '20260304-140607',
    u('20260304-140607', 'src-20260227-222109')
  ],
  ['no schedule on a push', 'push-main', { tags: 'type=schedule' }, '', []]
]

const RAW: Row[] = [
  [
    'raw shorthands beside a branch',
    'push-dev',
    { tags: `type=ref,event=branch\n${RAWS}` },
    'dev',
    u('dev', 'my', 'custom', 'tags')
  ],
  [
    'raw shorthands on a tag',
    'tag',
    { tags: `type=ref,event=tag\n${RAWS}` },
    'release1',
    u('release1', 'my', 'custom', 'tags', 'latest'),
    tag('release1')
  ],
  [
    'raw beside match, latest=false',
    'tag',
    { tags: `type=match,pattern=\\d{8}\n${RAWS}`, flavor: 'latest=false' },
    '20200110',
    u('20200110', 'my', 'custom', 'tags'),
    tag('20200110-RC2')
  ],
  [
    'raw beside semver',
    'tag',
    { tags: `${SEMVER3}\n${RAWS}` },
    '1.2.3',
    u('1.2.3', '1.2', '1', 'my', 'custom', 'tags', 'latest')
  ],
  ['raw alone on a tag: no latest', 'tag', { tags: RAWS }, 'my', u('my', 'custom', 'tags')],
  [
    'raw when match gives nothing',
    'push-dev',
    { tags: `type=match,pattern=\\d{8}\n${RAWS}`, flavor: 'latest=false' },
    'my',
    u('my', 'custom', 'tags')
  ],
  [
    'own prefix and suffix over the flavor',
    'push-dev',
    {
      tags: 'type=match,pattern=\\d{8}\ntype=raw,my,prefix=foo-,suffix=-bar\ntype=raw,custom\ntype=raw,tags',
      flavor: 'latest=false\nprefix=glo-\nsuffix=-bal'
    },
    'foo-my-bar',
    u('foo-my-bar', 'glo-custom-bal', 'glo-tags-bal')
  ],
  [
    'enable= on raw shorthands',
    'push-dev',
    { tags: 'type=raw,foo\ntype=raw,bar,enable=false\ntype=raw,baz,enable=true', flavor: 'latest=false' },
    'foo',
    u('foo', 'baz')
  ],
  ['a bare line is a raw tag', 'push-dev', { tags: 'custom' }, 'custom', u('custom')]
]

describeRows([
  ['global expressions', EXPRESSIONS],
  ['schedule', SCHEDULE],
  ['raw', RAW]
])
