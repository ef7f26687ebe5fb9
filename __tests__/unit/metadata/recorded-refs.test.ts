import { both, describeRows, lines, two, u, type Row } from '../../support/metadata-rows.js'

// Default rules, edge, ref, sha and pull requests over recorded runs (docker/metadata-action's behaviour).

const DEFAULTS: Row[] = [
  ['a branch push', 'push-dev', {}, 'dev', u('dev')],
  ['a push to the default branch', 'push-main', {}, 'main', u('main')],
  ['a branch with "/" and "#"', 'push-feature', {}, 'feature-Login_Page-12', u('feature-Login_Page-12')],
  ['a tag', 'tag', {}, 'v1.2.3', u('v1.2.3', 'latest')],
  ['a pre-release tag', 'tag-without-base', {}, 'v2.0.8-beta.67', u('v2.0.8-beta.67', 'latest')],
  ['a pull request', 'pull-request', {}, 'pr-15', u('pr-15')],
  ['a pull request from a fork', 'pull-request-fork', {}, 'pr-16', u('pr-16')],
  ['pull_request_target: the PR, not its base branch', 'pull-request-target', {}, 'pr-15', u('pr-15')],
  ['a schedule', 'schedule', {}, 'nightly', u('nightly', 'main')],
  ['workflow_dispatch', 'workflow-dispatch', {}, 'dev', u('dev')],
  ['a release', 'release', {}, 'v1.1.1', u('v1.1.1', 'latest')],
  ['a tag created', 'create-tag', {}, 'v3.0.0', u('v3.0.0', 'latest')],
  ['two images', 'push-dev', two, 'dev', both('dev')],
  [
    'no ref and no commit: nothing',
    'push-main',
    { tags: 'type=sha\ntype=raw,{{branch}}' },
    '',
    [],
    {
      GITHUB_REF: '',
      GITHUB_SHA: ''
    }
  ]
]

const PUSH: Row[] = [
  ['edge on the default branch', 'push-main', { tags: 'type=edge' }, 'edge', u('edge')],
  ['edge,branch=dev on dev', 'workflow-dispatch', { tags: 'type=edge,branch=dev' }, 'edge', u('edge')],
  ['edge elsewhere: nothing', 'push-dev', { tags: 'type=edge' }, '', []],
  [
    'branch and sha',
    'push-dev',
    { ...two, tags: 'type=ref,event=branch\ntype=sha' },
    'dev',
    both('dev', 'sha-7b1d4e9')
  ],
  [
    'edge,branch=dev and sha',
    'push-dev',
    { tags: 'type=edge,branch=dev\ntype=sha' },
    'edge',
    u('edge', 'sha-7b1d4e9')
  ],
  [
    'edge,branch=dev on main: the sha',
    'push-main',
    { tags: 'type=edge,branch=dev\ntype=sha' },
    'sha-2f6e8c1',
    u('sha-2f6e8c1')
  ],
  [
    'a branch edge does not match',
    'push-feature',
    { tags: 'type=edge\ntype=sha' },
    'sha-c41a7e2',
    u('sha-c41a7e2')
  ],
  [
    'semver, pep440, edge on a branch: nothing',
    'push-feature',
    {
      tags: 'type=semver,pattern={{version}}\ntype=pep440,pattern={{version}}\ntype=edge'
    },
    '',
    []
  ],
  [
    'priority over the order',
    'push-main',
    { tags: 'type=ref,priority=2000,event=branch\ntype=edge' },
    'main',
    u('main', 'edge')
  ],
  [
    'semver and pep440 with value= on a branch',
    'push-main',
    {
      tags: 'type=semver,pattern={{version}},value=v1.2.3\ntype=pep440,pattern={{version}},value=v1.2.3\ntype=edge'
    },
    '1.2.3',
    u('1.2.3', 'edge', 'latest')
  ],
  [
    'match with value=',
    'push-main',
    { tags: 'type=match,pattern=v(.*),group=1,value=v1.2.3\ntype=edge' },
    '1.2.3',
    u('1.2.3', 'edge', 'latest')
  ],
  [
    'enable=false',
    'push-main',
    { tags: 'type=match,enable=false,pattern=v(.*),group=1,value=v1.2.3\ntype=edge' },
    'edge',
    u('edge')
  ],
  [
    'semver and pep440 value= with match=',
    'push-main',
    {
      tags: lines(
        'type=semver,pattern={{version}},value=p1/v1.2.3,"match=v(\\d.\\d.\\d)$"',
        'type=pep440,pattern={{version}},value=p1/v1.2.3,"match=v(\\d.\\d.\\d)$"',
        'type=edge'
      )
    },
    '1.2.3',
    u('1.2.3', 'edge', 'latest')
  ],
  [
    'long sha',
    'push-dev',
    { tags: 'type=ref,event=branch\ntype=sha,format=long' },
    'dev',
    u('dev', 'sha-7b1d4e9a2c6f8035e1a9d4c7b2f6e8a1c3d5f907')
  ],
  [
    'an image disabled',
    'push-dev',
    {
      images: 'org/app\nghcr.io/user/app,enable=false',
      tags: 'type=edge,branch=main\ntype=ref,event=branch,enable=false\ntype=sha,format=long'
    },
    'sha-7b1d4e9a2c6f8035e1a9d4c7b2f6e8a1c3d5f907',
    ['org/app:sha-7b1d4e9a2c6f8035e1a9d4c7b2f6e8a1c3d5f907']
  ],
  [
    'is_not_default_branch',
    'push-dev',
    { tags: 'type=sha\ntype=raw,value=notdefault,enable={{is_not_default_branch}}' },
    'notdefault',
    u('notdefault', 'sha-7b1d4e9')
  ],
  [
    'DOCKER_METADATA_SHORT_SHA_LENGTH',
    'push-main',
    { tags: 'type=sha\ntype=raw,value=c{{sha}}' },
    'c2f6e8c1d9b3a',
    u('c2f6e8c1d9b3a', 'sha-2f6e8c1d9b3a'),
    {
      DOCKER_METADATA_SHORT_SHA_LENGTH: '12'
    }
  ]
]

const PR: Row[] = [
  [
    'pr and sha',
    'pull-request',
    { ...two, tags: 'type=ref,event=pr\ntype=sha' },
    'pr-15',
    both('pr-15', 'sha-5d8a2c4')
  ],
  [
    'sha first by priority',
    'pull-request',
    { tags: 'type=sha,priority=2000\ntype=ref,event=pr' },
    'sha-5d8a2c4',
    u('sha-5d8a2c4', 'pr-15')
  ],
  [
    'pr- wins over the flavor prefix; the suffix applies',
    'pull-request',
    { tags: 'type=ref,event=pr', flavor: 'prefix=glo-\nsuffix=-bal' },
    'pr-15-bal',
    u('pr-15-bal')
  ],
  [
    'prefix= leaves the pr- out',
    'pull-request',
    { tags: 'type=ref,event=pr,prefix=', flavor: 'prefix=glo-\nsuffix=-bal' },
    '15-bal',
    u('15-bal')
  ],
  [
    'pull_request_target: the base commit',
    'pull-request-target',
    { tags: 'type=sha,priority=2000\ntype=ref,event=pr' },
    'sha-2f6e8c1',
    u('sha-2f6e8c1', 'pr-15')
  ],
  [
    'pull_request_target: no branch, no tag',
    'pull-request-target',
    { tags: 'type=ref,event=tag\ntype=ref,event=pr\ntype=ref,event=branch\ntype=sha\ntype=sha,format=long' },
    'pr-15',
    u('pr-15', 'sha-2f6e8c1', 'sha-2f6e8c1d9b3a47e5a0c4d8f1b6e2a9c3d7f05e14')
  ],
  [
    'DOCKER_METADATA_PR_HEAD_SHA: the head commit',
    'pull-request',
    { tags: 'type=ref,event=pr\ntype=sha' },
    'pr-15',
    u('pr-15', 'sha-e7c9a1b'),
    { DOCKER_METADATA_PR_HEAD_SHA: 'true' }
  ],
  [
    'DOCKER_METADATA_PR_HEAD_SHA on pull_request_target',
    'pull-request-target',
    { tags: 'type=sha' },
    'sha-e7c9a1b',
    u('sha-e7c9a1b'),
    { DOCKER_METADATA_PR_HEAD_SHA: 'true' }
  ],
  [
    'DOCKER_METADATA_PR_HEAD_SHA does nothing on a push',
    'push-main',
    { tags: 'type=sha' },
    'sha-2f6e8c1',
    u('sha-2f6e8c1'),
    { DOCKER_METADATA_PR_HEAD_SHA: 'true' }
  ]
]

describeRows([
  ['default rules', DEFAULTS],
  ['pushes', PUSH],
  ['pull requests', PR]
])
