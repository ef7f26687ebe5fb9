import { detectContext, laptopContext, repoFromRemote } from '../../../src/faces/cli/context.js'
import { gitlabCiLabels, gitlabContext } from '../../../src/faces/gitlab/context.js'

const SHA = '0123456789abcdef0123456789abcdef01234567'
const gitlab = {
  GITLAB_CI: 'true',
  CI_COMMIT_SHA: SHA,
  CI_COMMIT_REF_NAME: 'main',
  CI_COMMIT_BRANCH: 'main',
  CI_DEFAULT_BRANCH: 'main',
  CI_PROJECT_URL: 'https://gitlab.com/ska-telescope/ska-demo',
  CI_PROJECT_NAME: 'ska-demo',
  CI_PROJECT_NAMESPACE: 'ska-telescope',
  CI_PROJECT_DESCRIPTION: 'A demo ',
  CI_PROJECT_DIR: '/builds/ska-telescope/ska-demo',
  CI_PROJECT_ID: '42',
  GITLAB_USER_LOGIN: 'alice',
  CI_PIPELINE_SOURCE: 'push',
  CI_JOB_URL: 'https://gitlab.com/ska-telescope/ska-demo/-/jobs/7'
}

describe('the run context on GitLab', () => {
  it.each([
    ['a branch push', {}, { eventName: 'push', ref: 'refs/heads/main', baseRef: undefined }],
    [
      'a tag',
      { CI_COMMIT_TAG: '1.2.3', CI_COMMIT_BRANCH: '', CI_COMMIT_REF_NAME: '1.2.3' },
      { eventName: 'push', ref: 'refs/tags/1.2.3' }
    ],
    ['a schedule', { CI_PIPELINE_SOURCE: 'schedule' }, { eventName: 'schedule', ref: 'refs/heads/main' }],
    [
      'a merge request',
      {
        CI_PIPELINE_SOURCE: 'merge_request_event',
        CI_MERGE_REQUEST_IID: '15',
        CI_COMMIT_BRANCH: '',
        CI_COMMIT_REF_NAME: 'feat',
        CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
        CI_MERGE_REQUEST_SOURCE_PROJECT_ID: '42',
        CI_MERGE_REQUEST_PROJECT_ID: '42'
      },
      { eventName: 'pull_request', ref: 'refs/pull/15/merge', baseRef: 'main', isForkPullRequest: false }
    ],
    [
      'a merge request from a fork',
      {
        CI_PIPELINE_SOURCE: 'merge_request_event',
        CI_MERGE_REQUEST_IID: '16',
        CI_MERGE_REQUEST_SOURCE_PROJECT_ID: '99',
        CI_MERGE_REQUEST_PROJECT_ID: '42'
      },
      { isForkPullRequest: true }
    ],
    [
      'a web pipeline on a branch ref name only',
      { CI_PIPELINE_SOURCE: 'web', CI_COMMIT_BRANCH: '', CI_COMMIT_REF_NAME: 'dev' },
      { eventName: 'push', ref: 'refs/heads/dev' }
    ]
  ])('%s', (_name, over, expected) => {
    const ctx = gitlabContext({ ...gitlab, ...over }, '/cwd')
    expect(ctx).toMatchObject(expected)
    expect(ctx).toMatchObject({
      sha: SHA,
      actor: 'alice',
      repo: {
        owner: 'ska-telescope',
        name: 'ska-demo',
        url: 'https://gitlab.com/ska-telescope/ska-demo',
        description: 'A demo',
        defaultBranch: 'main'
      },
      runUrl: 'https://gitlab.com/ska-telescope/ska-demo/-/jobs/7',
      workspace: '/builds/ska-telescope/ska-demo'
    })
  })

  it('is chosen for gitlab-ci-local too (GITLAB_CI=false with the predefined variables)', () => {
    const ctx = detectContext(
      { ...gitlab, GITLAB_CI: 'false' },
      { git: { sha: 'f'.repeat(40) }, cwd: '/cwd' }
    )
    expect(ctx.sha).toBe(SHA)
  })

  it('labels the image with the CI variables SKAO expects, leaving out unset ones and line breaks', () => {
    const labels = gitlabCiLabels({
      ...gitlab,
      CI_PIPELINE_URL: 'https://p/1',
      CI_COMMIT_AUTHOR: 'A <a@b>',
      CI_COMMIT_MESSAGE: 'x',
      GITLAB_USER_NAME: 'two\nlines'
    })
    expect(labels).toEqual([
      'CI_COMMIT_AUTHOR=A <a@b>',
      'CI_COMMIT_REF_NAME=main',
      `CI_COMMIT_SHA=${SHA}`,
      'CI_JOB_URL=https://gitlab.com/ska-telescope/ska-demo/-/jobs/7',
      'CI_PIPELINE_URL=https://p/1',
      'CI_PROJECT_ID=42',
      'CI_PROJECT_URL=https://gitlab.com/ska-telescope/ska-demo',
      'GITLAB_USER_LOGIN=alice'
    ])
  })
})

describe('the run context elsewhere', () => {
  it('on GitHub comes from GITHUB_* and the event payload', () => {
    const ctx = detectContext(
      {
        GITHUB_ACTIONS: 'true',
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_REF: 'refs/pull/3/merge',
        GITHUB_SHA: SHA,
        GITHUB_REPOSITORY: 'Org/App',
        GITHUB_ACTOR: 'octocat',
        GITHUB_BASE_REF: 'main',
        GITHUB_RUN_ID: '9',
        GITHUB_WORKSPACE: '/gh/ws'
      },
      {
        git: {},
        cwd: '/cwd',
        payload: {
          pull_request: {
            head: { repo: { full_name: 'fork/App' } },
            base: { repo: { full_name: 'Org/App' } }
          },
          repository: { html_url: 'https://github.com/Org/App', default_branch: 'main' }
        }
      }
    )
    expect(ctx).toEqual({
      eventName: 'pull_request',
      ref: 'refs/pull/3/merge',
      sha: SHA,
      baseRef: 'main',
      actor: 'octocat',
      repo: {
        owner: 'Org',
        name: 'App',
        url: 'https://github.com/Org/App',
        description: undefined,
        defaultBranch: 'main'
      },
      isForkPullRequest: true,
      runUrl: 'https://github.com/Org/App/actions/runs/9',
      workspace: '/gh/ws'
    })
  })

  it.each([
    ['a branch', { branch: 'feature/x', tag: 'v1.0.0' }, 'refs/heads/feature/x'],
    ['a tag at a detached HEAD', { tag: 'v1.0.0' }, 'refs/tags/v1.0.0'],
    ['a detached HEAD', {}, '']
  ])('on a laptop with %s comes from git', (_n, facts, ref) => {
    const ctx = laptopContext(
      {
        sha: SHA,
        remoteUrl: 'git@gitlab.com:ska-telescope/sub/ska-demo.git',
        topLevel: '/home/me/ska-demo',
        userName: 'Me',
        ...facts
      },
      { USER: 'me' },
      '/home/me/ska-demo/src'
    )
    expect(ctx).toMatchObject({
      eventName: 'push',
      ref,
      sha: SHA,
      actor: 'Me',
      workspace: '/home/me/ska-demo',
      repo: {
        owner: 'ska-telescope/sub',
        name: 'ska-demo',
        url: 'https://gitlab.com/ska-telescope/sub/ska-demo'
      }
    })
    expect(
      detectContext({ USER: 'me' }, { git: { sha: SHA, ...facts }, cwd: '/x', workspace: '/override' })
        .workspace
    ).toBe('/override')
  })

  it.each([
    ['https://gitlab.com/grp/proj.git', { owner: 'grp', name: 'proj', url: 'https://gitlab.com/grp/proj' }],
    [
      'https://oauth2:glpat-SECRET@gitlab.example.org/a/b/c',
      { owner: 'a/b', name: 'c', url: 'https://gitlab.example.org/a/b/c' }
    ],
    ['ssh://git@github.com:22/Org/App.git', { owner: 'Org', name: 'App', url: 'https://github.com/Org/App' }],
    ['git@github.com:Org/App.git', { owner: 'Org', name: 'App', url: 'https://github.com/Org/App' }],
    ['/srv/git/proj.git', undefined],
    ['https://host/only', undefined]
  ])('reads the remote %s, dropping credentials', (remote, expected) => {
    expect(repoFromRemote(remote)).toEqual(expected)
  })
})
