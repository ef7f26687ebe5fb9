import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cli } from '../../../src/faces/cli/cli.js'
import { optionsFor } from '../../../src/faces/cli/options.js'
import { recordedEnv, type Recorded } from '../../support/recorded.js'

/*
 * `oci-pipeline metadata`: what a run would be tagged and labelled, for the CI context the command
 * runs in, with no Docker. Each case runs the command line face as a user would.
 */

async function metadata(
  argv: string[],
  env: Record<string, string | undefined>,
  cwd: string
): Promise<{ code: number; json: Record<string, unknown>; stderr: string; stdout: string }> {
  let stdout = ''
  let stderr = ''
  const code = await cli(['metadata', ...argv], env, {
    stdout: t => void (stdout += t),
    stderr: t => void (stderr += t),
    cwd
  })
  return { code, json: code === 0 ? (JSON.parse(stdout) as Record<string, unknown>) : {}, stderr, stdout }
}

function workspace(): string {
  const ws = mkdtempSync(join(tmpdir(), 'oci-cli-metadata-'))
  writeFileSync(join(ws, 'Dockerfile'), 'FROM docker.io/library/busybox:1.36\n')
  return ws
}

/** A GitHub runner's variables for a recording, the workspace being `ws`. */
const onGitHub = (name: Recorded, ws: string, extra: Record<string, string> = {}) => ({
  ...recordedEnv(name),
  GITHUB_WORKSPACE: ws,
  ...extra
})

describe('oci-pipeline metadata', () => {
  it('takes the metadata inputs as flags, and nothing about pushing', () => {
    const names = optionsFor('metadata').map(o => o.name)
    expect(names).toEqual(
      expect.arrayContaining([
        'images',
        'tags',
        'flavor',
        'labels',
        'annotations',
        'metadata-context',
        'sep-tags'
      ])
    )
    expect(names).not.toContain('push')
    expect(names).not.toContain('password')
  })

  it.each<[Recorded, string[], Record<string, unknown>]>([
    [
      'tag',
      ['--images', 'ghcr.io/Octo-Org/App', '--tags', 'type=semver,pattern={{version}}\ntype=sha'],
      {
        version: '1.2.3',
        tags: [
          'ghcr.io/octo-org/app:1.2.3',
          'ghcr.io/octo-org/app:sha-9e3c5a7',
          'ghcr.io/octo-org/app:latest'
        ],
        'tag-names': ['1.2.3', 'sha-9e3c5a7', 'latest']
      }
    ],
    ['pull-request-target', ['--images', 'user/app'], { version: 'pr-15', tags: ['user/app:pr-15'] }],
    [
      'schedule',
      ['--images', 'user/app', '--tags', "type=schedule,pattern=nightly-{{date 'YYYYMMDD'}}"],
      {
        tags: [expect.stringMatching(/^user\/app:nightly-\d{8}$/)]
      }
    ]
  ])('on a GitHub runner (%s): tags and version as JSON on stdout', async (name, argv, expected) => {
    const ws = workspace()
    const run = await metadata(argv, onGitHub(name, ws), ws)
    expect([run.code, run.stderr]).toEqual([0, expect.stringContaining(`oci-pipeline metadata: github`)])
    expect(run.json).toMatchObject(expected)
  })

  it('labels and annotations, the base image from the Dockerfile', async () => {
    const ws = workspace()
    const run = await metadata(
      ['--images', 'user/app', '--labels', 'maintainer=mona\nno-equals'],
      onGitHub('push-main', ws),
      ws
    )
    expect(run.json.labels).toMatchObject({
      maintainer: 'mona',
      'org.opencontainers.image.version': 'main',
      'org.opencontainers.image.revision': '2f6e8c1d9b3a47e5a0c4d8f1b6e2a9c3d7f05e14',
      'org.opencontainers.image.base.name': 'docker.io/library/busybox:1.36'
    })
    expect(run.json.annotations).toContain('manifest:org.opencontainers.image.version=main')
    expect(run.stderr).toContain(
      'warning: labels: "no-equals" is not of the form key=value, so it is skipped'
    )
  })

  it('on GitLab, from the predefined variables; --dotenv writes the version for later jobs', async () => {
    const ws = workspace()
    const env = {
      GITLAB_CI: 'true',
      CI_PROJECT_DIR: ws,
      CI_COMMIT_SHA: 'a'.repeat(40),
      CI_COMMIT_TAG: '2.0.1',
      CI_COMMIT_REF_NAME: '2.0.1',
      CI_COMMIT_TIMESTAMP: '2026-01-02T03:04:05+00:00',
      CI_PROJECT_NAME: 'ska-demo',
      CI_PROJECT_NAMESPACE: 'ska-telescope',
      CI_REGISTRY_IMAGE: 'registry.gitlab.com/ska-telescope/ska-demo',
      CI_PIPELINE_SOURCE: 'push'
    }
    const tags = "type=semver,pattern={{version}}\ntype=raw,value=c{{commit_date 'YYYYMMDD'}}"
    const run = await metadata(['--tags', tags, '--dotenv', 'meta.env'], env, ws)
    expect(run.json).toMatchObject({
      version: '2.0.1',
      tags: [
        'registry.gitlab.com/ska-telescope/ska-demo/ska-demo:2.0.1',
        'registry.gitlab.com/ska-telescope/ska-demo/ska-demo:c20260102',
        'registry.gitlab.com/ska-telescope/ska-demo/ska-demo:latest'
      ]
    })
    expect(readFileSync(join(ws, 'meta.env'), 'utf8')).toContain('OCI_IMAGE_VERSION=2.0.1\n')
  })

  it('on a laptop, from git: the branch, and metadata-context git is the same', async () => {
    const ws = workspace()
    const git = (...args: string[]) => execFileSync('git', args, { cwd: ws, stdio: 'pipe' })
    git('init', '-q', '-b', 'feature/x')
    git('-c', 'user.name=t', '-c', 'user.email=t@e', 'commit', '-q', '--allow-empty', '-m', 'x')
    git('remote', 'add', 'origin', 'https://github.com/octo-org/hello-image.git')
    const run = await metadata(['--tags', 'type=ref,event=branch\ntype=sha'], { PATH: process.env.PATH }, ws)
    const sha = git('rev-parse', '--short=7', 'HEAD').toString().trim()
    expect(run.json).toMatchObject({
      version: 'feature-x',
      tags: ['ghcr.io/octo-org/hello-image:feature-x', `ghcr.io/octo-org/hello-image:sha-${sha}`]
    })
  })

  it('metadata-context git on a runner takes the checkout, not the event', async () => {
    const ws = workspace()
    const git = (...args: string[]) => execFileSync('git', args, { cwd: ws, stdio: 'pipe' })
    git('init', '-q', '-b', 'release-2')
    git('-c', 'user.name=t', '-c', 'user.email=t@e', 'commit', '-q', '--allow-empty', '-m', 'x')
    const env = { ...onGitHub('push-main', ws), PATH: process.env.PATH ?? '' }
    const fromEvent = await metadata(['--images', 'user/app'], env, ws)
    const fromGit = await metadata(['--images', 'user/app', '--metadata-context', 'git'], env, ws)
    expect([fromEvent.json.version, fromGit.json.version]).toEqual(['main', 'release-2'])
  })

  it('a bad input: one error naming it, exit code 2, nothing on stdout', async () => {
    const ws = workspace()
    const run = await metadata(['--images', 'user/app', '--tags', 'type=semver'], onGitHub('tag', ws), ws)
    expect([run.code, run.stdout]).toEqual([2, ''])
    expect(run.stderr).toContain('Input "tags": type=semver needs a pattern')
  })
})
