/** What the run is about: the event, the commit and the repository. Built by each face. */
export interface RepoInfo {
  owner: string
  name: string
  /** Web address of the repository (https://github.com/owner/name). */
  url: string
  description?: string
  /** SPDX expression, where the forge tells it. */
  licenses?: string
  defaultBranch?: string
  /** A private repository: provenance defaults to `mode=min` there, as docker/build-push-action does. */
  private?: boolean
}

export interface RunContext {
  /** push, pull_request, schedule, workflow_dispatch, … (GitLab's pipeline sources map onto these). */
  eventName: string
  /** refs/heads/<branch>, refs/tags/<tag> or refs/pull/<n>/merge. */
  ref: string
  sha: string
  /**
   * The pull request's target branch; on a tag push, the branch the push payload names (`base_ref`).
   * docker/metadata-action's `{{base_ref}}`.
   */
  baseRef?: string
  /** When the commit was made, where the event tells (else read from git when an expression asks). */
  commitDate?: Date
  actor: string
  repo: RepoInfo
  /** A pull request whose head is in another repository: no registry credentials there. */
  isForkPullRequest: boolean
  /** The job's page, for the summary. */
  runUrl?: string
  workspace: string
}

export const refKind = (ref: string): 'branch' | 'tag' | 'pr' | 'other' =>
  ref.startsWith('refs/heads/')
    ? 'branch'
    : ref.startsWith('refs/tags/')
      ? 'tag'
      : /^refs\/pull\/\d+\//.test(ref)
        ? 'pr'
        : 'other'

export const refName = (ref: string): string =>
  ref.replace(/^refs\/(heads|tags)\//, '').replace(/^refs\/pull\/(\d+)\/.*$/, '$1')
