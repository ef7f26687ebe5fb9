import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runProcess } from '../support/cli-runner.js'
import { describeWithEnv, ROOT, type TestEnv } from '../support/env.js'

/** A project that includes the template with inputs, as a GitLab project would, plus `extra` jobs. */
function project(extra = ''): string {
  const dir = mkdtempSync(join(tmpdir(), 'oci-gitlab-schema-'))
  mkdirSync(join(dir, 'templates'))
  copyFileSync(join(ROOT, 'templates', 'gitlab-ci.yml'), join(dir, 'templates', 'gitlab-ci.yml'))
  const ci =
    'stages: [lint, build, scan, publish]\ninclude:\n  - local: templates/gitlab-ci.yml\n    inputs:\n      team: Team Kilo\n' +
    extra
  writeFileSync(join(dir, '.gitlab-ci.yml'), ci)
  writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\n')
  const git = (...args: string[]): void => {
    execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.org', ...args], { cwd: dir })
  }
  git('init', '-q', '-b', 'main')
  git('remote', 'add', 'origin', 'https://gitlab.example.org/ska-telescope/ska-demo.git')
  git('add', '.')
  git('commit', '-qm', 'first')
  return dir
}

/*
 * GitLab's CI schema (app/assets/javascripts/editor/schema/ci.json, as gitlab-ci-local bundles it)
 * checks the configuration the include expands to: every job, keyword and value of the template.
 */
describeWithEnv('the GitLab template against GitLab CI JSON schema', env => {
  let e: TestEnv
  beforeAll(() => {
    e = env()
  })
  const validate = (dir: string) =>
    runProcess(e.node24, [e.gitlabCiLocal, '--list', '--json-schema-validation', '--no-color'], {
      cwd: dir,
      env: {}
    })

  it('the expanded include is valid, its jobs listed', async () => {
    const run = await validate(project())
    expect(run.stderr + run.stdout).toContain('json schema validated')
    expect(run.code).toBe(0)
    for (const job of ['oci-image-lint', 'oci-image-build']) expect(run.stdout).toContain(job)
  })

  it('the schema bites: an unknown keyword in a job is refused', async () => {
    const run = await validate(project('bad-job:\n  stage: build\n  script: [echo]\n  frobnicate: 1\n'))
    expect(run.code).not.toBe(0)
    expect(run.stderr + run.stdout).toMatch(/frobnicate|additionalProperties/)
  })
})
