import type { RunContext } from '../../src/context.js'

const repo = {
  owner: 'Example-Org',
  name: 'Demo-App',
  url: 'https://github.com/Example-Org/Demo-App',
  description: 'A demo image',
  licenses: 'Apache-2.0',
  defaultBranch: 'main'
}

const base = (over: Partial<RunContext>): RunContext => ({
  eventName: 'push',
  ref: 'refs/heads/main',
  sha: '860c1904a1ce19322e91ac35af1ab07466440c37',
  actor: 'octocat',
  repo,
  isForkPullRequest: false,
  workspace: '/work',
  ...over
})

/** Contexts as GitHub gives them for the usual events (refs and SHAs from real runs). */
export const CONTEXTS = {
  pushMain: base({}),
  pushBranch: base({ ref: 'refs/heads/feature/Login_Page' }),
  tag: base({ ref: 'refs/tags/v1.2.3' }),
  tagPre: base({ ref: 'refs/tags/v2.0.0-rc.1' }),
  tagZero: base({ ref: 'refs/tags/v0.4.1' }),
  tagNotSemver: base({ ref: 'refs/tags/release-2024' }),
  pr: base({ eventName: 'pull_request', ref: 'refs/pull/15/merge', baseRef: 'main' }),
  schedule: base({ eventName: 'schedule' }),
  dispatch: base({ eventName: 'workflow_dispatch', ref: 'refs/heads/dev' })
} satisfies Record<string, RunContext>
