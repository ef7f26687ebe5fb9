import type { RunContext } from '../../context.js'

export type Env = Readonly<Record<string, string | undefined>>

/** A GitLab job; gitlab-ci-local runs jobs with GITLAB_CI=false and the same predefined variables. */
export const isGitLab = (env: Env): boolean =>
  env.GITLAB_CI === 'true' || (env.GITLAB_CI === 'false' && !!env.CI_COMMIT_SHA && !!env.CI_PROJECT_DIR)

const v = (env: Env, name: string): string | undefined => env[name] || undefined

/** GitLab's pipeline sources mapped onto the event names the tag rules know. */
export function gitlabEventName(source: string | undefined): string {
  switch (source) {
    case 'schedule':
      return 'schedule'
    case 'merge_request_event':
      return 'pull_request'
    default:
      return 'push'
  }
}

/** The ref the job is about: a tag, a merge request, else the branch. */
export function gitlabRef(env: Env): string {
  const tag = v(env, 'CI_COMMIT_TAG')
  if (tag) return `refs/tags/${tag}`
  const mr = v(env, 'CI_MERGE_REQUEST_IID')
  if (mr) return `refs/pull/${mr}/merge`
  const branch = v(env, 'CI_COMMIT_BRANCH') ?? v(env, 'CI_COMMIT_REF_NAME') ?? ''
  return `refs/heads/${branch}`
}

/** The run as GitLab's predefined variables describe it. Pure. */
export function gitlabContext(env: Env, cwd: string): RunContext {
  const mr = v(env, 'CI_MERGE_REQUEST_IID')
  const source = v(env, 'CI_MERGE_REQUEST_SOURCE_PROJECT_ID')
  const target = v(env, 'CI_MERGE_REQUEST_PROJECT_ID') ?? v(env, 'CI_PROJECT_ID')
  const namespace = v(env, 'CI_PROJECT_NAMESPACE') ?? ''
  const name = v(env, 'CI_PROJECT_NAME') ?? ''
  const server = v(env, 'CI_SERVER_URL') ?? 'https://gitlab.com'
  const committed = new Date(v(env, 'CI_COMMIT_TIMESTAMP') ?? '')
  return {
    eventName: gitlabEventName(v(env, 'CI_PIPELINE_SOURCE')),
    ref: gitlabRef(env),
    sha: v(env, 'CI_COMMIT_SHA') ?? '',
    ...(Number.isNaN(committed.getTime()) ? {} : { commitDate: committed }),
    baseRef: mr ? v(env, 'CI_MERGE_REQUEST_TARGET_BRANCH_NAME') : undefined,
    actor: v(env, 'GITLAB_USER_LOGIN') ?? '',
    repo: {
      owner: namespace,
      name,
      url: v(env, 'CI_PROJECT_URL') ?? `${server}/${namespace}/${name}`,
      description: v(env, 'CI_PROJECT_DESCRIPTION')?.trim() || undefined,
      defaultBranch: v(env, 'CI_DEFAULT_BRANCH'),
      ...(v(env, 'CI_PROJECT_VISIBILITY') ? { private: v(env, 'CI_PROJECT_VISIBILITY') !== 'public' } : {})
    },
    // A merge request from a fork runs without the target project's registry credentials.
    isForkPullRequest: !!mr && !!source && !!target && source !== target,
    runUrl: v(env, 'CI_JOB_URL'),
    workspace: v(env, 'CI_PROJECT_DIR') ?? cwd
  }
}

/** The CI variables SKAO's artefact repository expects as image labels (ska-cicd-makefile's set). */
export const GITLAB_CI_LABELS = [
  'CI_COMMIT_AUTHOR',
  'CI_COMMIT_REF_NAME',
  'CI_COMMIT_REF_SLUG',
  'CI_COMMIT_SHA',
  'CI_COMMIT_SHORT_SHA',
  'CI_COMMIT_TIMESTAMP',
  'CI_JOB_ID',
  'CI_JOB_URL',
  'CI_PIPELINE_ID',
  'CI_PIPELINE_IID',
  'CI_PIPELINE_URL',
  'CI_PROJECT_ID',
  'CI_PROJECT_PATH_SLUG',
  'CI_PROJECT_URL',
  'CI_RUNNER_ID',
  'CI_RUNNER_REVISION',
  'CI_RUNNER_TAGS',
  'GITLAB_USER_EMAIL',
  'GITLAB_USER_ID',
  'GITLAB_USER_LOGIN',
  'GITLAB_USER_NAME'
] as const

/** `KEY=value` label lines for the CI variables that are set (a value with a line break is left out). */
export function gitlabCiLabels(env: Env): string[] {
  return GITLAB_CI_LABELS.flatMap(k => {
    const value = env[k]
    return value && !/[\r\n\0]/.test(value) ? [`${k}=${value}`] : []
  })
}
