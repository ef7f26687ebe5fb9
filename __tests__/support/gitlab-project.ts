import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { ROOT } from './env.js'

export const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], {
    cwd,
    encoding: 'utf8'
  }).trim()

/**
 * A SKAO-style project: two images under images/, `app` built FROM `base` through SKAO's
 * `${CAR_OCI_REGISTRY_HOST}` build arg, `base` with its own .release. Its .gitlab-ci.yml is the
 * include and nothing else: no `stages:` (GitLab's default ones), the tool image as the job image.
 */
export function skaoProject(base: string, toolImage: string, jobUser: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'oci-gitlab-docker-'))
  const files: Record<string, string> = {
    '.gitlab-ci.yml': [
      'include:',
      '  - local: templates/gitlab-ci.yml',
      '    inputs:',
      '      team: Team Kilo',
      `      image: ${toolImage}`,
      `      job-user: "${jobUser}"`,
      'variables:',
      '  OCI_PIPELINE_TRIVYIGNORES: .trivyignore',
      "# Who the include's jobs run as: its own job template, with nothing of the test's.",
      'uid-check:',
      '  extends: .oci-image-tool',
      '  stage: build',
      '  needs: []',
      '  script:',
      `    - 'echo "uid=$(id -u) gid=$(id -g)"'`,
      ''
    ].join('\n'),
    'images/base/Dockerfile': [
      `FROM ${base}`,
      'COPY --chown=root:root --chmod=444 base.txt /etc/base.txt',
      'USER nobody',
      ''
    ].join('\n'),
    'images/base/base.txt': 'base\n',
    'images/base/.release': 'release=0.1.0\ntag=0.1.0\n',
    'images/app/Dockerfile': [
      'ARG CAR_OCI_REGISTRY_HOST=artefact.example.org',
      'FROM ${CAR_OCI_REGISTRY_HOST}/base:0.1.0',
      'COPY --chown=root:root --chmod=444 hello.txt /app/hello.txt',
      'USER nobody',
      'ENTRYPOINT ["/bin/cat", "/app/hello.txt"]',
      ''
    ].join('\n'),
    'images/app/hello.txt': 'hello\n',
    '.release': 'release=0.4.2\ntag=0.4.2\n',
    '.trivyignore': '# triaged: the test parser is not reachable in these images\nCVE-2099-0001\n',
    '.gitignore': '.gitlab-ci-local\n.oci-pipeline\n.oci-pipeline-cache\n'
  }
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true })
    writeFileSync(join(dir, name), text)
  }
  mkdirSync(join(dir, 'templates'))
  copyFileSync(join(ROOT, 'templates', 'gitlab-ci.yml'), join(dir, 'templates', 'gitlab-ci.yml'))
  git(dir, 'init', '-q', '-b', 'main')
  git(dir, 'remote', 'add', 'origin', 'https://gitlab.example.org/ska-telescope/ska-demo.git')
  git(dir, 'add', '.')
  git(dir, 'commit', '-qm', 'first')
  return dir
}
