import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runProcess } from '../support/cli-runner.js'
import { describeWithEnv, ROOT, type TestEnv } from '../support/env.js'

/** A project that includes the template with inputs, as a GitLab project would, plus `extra` jobs. */
function project(extra = '', inputs = '      team: Team Kilo\n'): string {
  const dir = mkdtempSync(join(tmpdir(), 'oci-gitlab-schema-'))
  mkdirSync(join(dir, 'templates'))
  copyFileSync(join(ROOT, 'templates', 'gitlab-ci.yml'), join(dir, 'templates', 'gitlab-ci.yml'))
  // No `stages:`: GitLab's default ones (build, test, deploy) are the include's.
  const ci = 'include:\n  - local: templates/gitlab-ci.yml\n    inputs:\n' + inputs + extra
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
  const validate = (dir: string, ...more: string[]) =>
    runProcess(e.node24, [e.gitlabCiLocal, '--list', '--json-schema-validation', '--no-color', ...more], {
      cwd: dir,
      env: {}
    })

  it('the expanded include with runner tags is valid, in the default stages, its jobs listed', async () => {
    const run = await validate(
      project('', '      team: Team Kilo\n      runner-tags: [docker, $SKA_DEFAULT_RUNNER]\n')
    )
    expect(run.stderr + run.stdout).toContain('json schema validated')
    expect(run.code).toBe(0)
    for (const job of ['oci-image-lint', 'oci-image-build'])
      expect(run.stdout).toMatch(new RegExp(`${job}\\s.*\\sbuild\\s`))
  })

  /*
   * With no runner tags the jobs say `tags: []`, which GitLab takes (its Tags entry is any array of
   * strings, below 50) and the schema's `minItems: 1` does not: that one rule, and no other.
   */
  it('the plain include is valid but for the schema’s minimum of one tag, which GitLab does not have', async () => {
    const strict = await validate(project())
    expect(strict.code).not.toBe(0)
    const complaints = (strict.stderr + strict.stdout)
      .split('\n')
      .filter(l => l.includes('•') && l.includes(' at '))
    expect(complaints.length).toBeGreaterThan(0)
    for (const c of complaints)
      expect(c).toMatch(/property 'tags' must not have fewer than 1 items .*#\/definitions\/tags\/minItems/)
    const run = await validate(project(), '--ignore-schema-paths', '#/definitions/tags/minItems')
    expect(run.stderr + run.stdout).toContain('json schema validated')
    expect(run.code).toBe(0)
  })

  it('the schema bites: an unknown keyword in a job is refused', async () => {
    const run = await validate(project('bad-job:\n  stage: build\n  script: [echo]\n  frobnicate: 1\n'))
    expect(run.code).not.toBe(0)
    expect(run.stderr + run.stdout).toMatch(/frobnicate|additionalProperties/)
  })
})
