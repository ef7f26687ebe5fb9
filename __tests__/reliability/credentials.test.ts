import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction } from '../support/action-runner.js'
import { push, RUN, workspace } from '../support/action-fixtures.js'
import { freshActionBundle, freshCliBundle } from '../support/cli-runner.js'
import { describeWithEnv, pinnedRef, type TestEnv } from '../support/env.js'
import { FakeDocker } from './support/fake-docker.js'

// `docker login` writes the password (base64) to ~/.docker/config.json, where it outlives the job
// on a self-hosted runner or a GitLab shell executor. Every docker call of a run must use a docker
// config of the run's own, removed at the end: nothing is written under HOME, and the user's own
// config (with what an earlier docker/login-action stored) is read, never changed.

const PASSWORD = 'Cr3dential-Pa55-zq'
const DOCKERFILE = 'FROM scratch\nUSER nobody\n'

/** A user's docker config as docker/login-action leaves it. */
function userConfig(): { dir: string; text: string } {
  const dir = mkdtempSync(join(tmpdir(), 'oci-user-docker-'))
  const text = JSON.stringify({
    auths: { 'ghcr.io': { auth: Buffer.from('octocat:earlier').toString('base64') } }
  })
  writeFileSync(join(dir, 'config.json'), text)
  return { dir, text }
}

/** The DOCKER_CONFIG of each docker call, from the stand-in's log. */
const configsOf = (docker: FakeDocker): string[] => [
  ...new Set(docker.calls().map(c => /^DOCKER_CONFIG=(\S*)/.exec(c)?.[1] ?? ''))
]

function expectNothingLeft(o: {
  docker: FakeDocker
  home: string
  user: { dir: string; text: string } | undefined
  temp: string
}) {
  expect(o.docker.calls().some(c => / login 127\.0\.0\.1:9 --username bot --password-stdin$/.test(c))).toBe(
    true
  )
  const configs = configsOf(o.docker)
  // One config for every call of the run: the run's own, in its temporary folder, gone now.
  expect(configs).toHaveLength(1)
  expect(configs[0]?.startsWith(join(o.temp, 'oci-pipeline-docker-'))).toBe(true)
  expect(existsSync(configs[0] as string)).toBe(false)
  expect(readdirSync(o.home)).toEqual([])
  if (o.user) expect(readFileSync(join(o.user.dir, 'config.json'), 'utf8')).toBe(o.user.text)
}

describe('the credentials of a run', () => {
  let cli: string
  let action: string
  beforeAll(() => {
    cli = freshCliBundle()
    action = freshActionBundle()
  }, 300_000)

  it.each([
    ['no docker config of the user’s (DOCKER_CONFIG unset: ~/.docker)', false],
    ['the user’s DOCKER_CONFIG', true]
  ])(
    'the CLI, with %s, logs in to a docker config of the run’s own, removed at the end; nothing under HOME',
    async (_, given) => {
      const docker = new FakeDocker()
      const home = mkdtempSync(join(tmpdir(), 'oci-home-'))
      const temp = mkdtempSync(join(tmpdir(), 'oci-cred-tmp-'))
      const user = given ? userConfig() : undefined
      const code = await new Promise<number>(resolve =>
        spawn(process.execPath, [cli, 'build'], {
          cwd: workspace(DOCKERFILE),
          stdio: 'ignore',
          env: {
            PATH: docker.path(),
            HOME: home,
            TMPDIR: temp,
            ...(user ? { DOCKER_CONFIG: user.dir } : {}),
            DOCKER_HOST: `unix://${join(temp, 'no.sock')}`,
            OCI_PIPELINE_IMAGES: '127.0.0.1:9/cred/app',
            OCI_PIPELINE_TAGS: 'type=raw,value=1',
            OCI_PIPELINE_PUSH: 'false',
            OCI_PIPELINE_SCAN: 'false',
            OCI_PIPELINE_USERNAME: 'bot',
            OCI_PIPELINE_PASSWORD: PASSWORD
          }
        }).on('close', c => resolve(c ?? -1))
      )
      expect(code).toBe(0)
      expectNothingLeft({ docker, home, user, temp })
    }
  )

  it('the action (after a docker/login-action) does the same, under RUNNER_TEMP', async () => {
    const docker = new FakeDocker()
    const home = mkdtempSync(join(tmpdir(), 'oci-home-'))
    const user = userConfig()
    const run = await runAction({
      node: process.execPath,
      entry: action,
      workspace: workspace(DOCKERFILE),
      inputs: {
        images: '127.0.0.1:9/cred/app',
        tags: 'type=raw,value=1',
        push: 'false',
        scan: 'false',
        lint: 'false',
        username: 'bot',
        password: PASSWORD
      },
      event: push('refs/heads/main'),
      env: {
        PATH: docker.path(),
        HOME: home,
        DOCKER_CONFIG: user.dir,
        DOCKER_HOST: 'unix:///nonexistent.sock'
      }
    })
    expect(run.stdout.split('\n').filter(l => l.startsWith('::error'))).toEqual([])
    expect(run.code).toBe(0)
    expectNothingLeft({ docker, home, user, temp: run.runnerTemp })
    expect(run.everything).not.toContain(PASSWORD)
  })
})

describeWithEnv('the credentials of a run, with a real docker login', env => {
  let e: TestEnv
  beforeAll(() => (e = env()))

  it('leaves no credentials under HOME nor in the runner’s docker config after a push', async () => {
    const home = mkdtempSync(join(tmpdir(), 'oci-home-real-'))
    mkdirSync(join(home, '.cache'))
    const user = userConfig()
    const run = await runAction({
      node: e.node24,
      entry: freshActionBundle(),
      workspace: workspace(`FROM ${pinnedRef(e.baseImages.busybox)}\nUSER nobody\n`),
      inputs: {
        images: `${e.registry}/rel-${RUN}/credentials`,
        tags: 'type=raw,value=1',
        username: e.username,
        password: e.password,
        linters: 'checklist',
        'lint-failure-threshold': 'none',
        scan: 'false'
      },
      event: push('refs/heads/main'),
      env: { HOME: home, DOCKER_CONFIG: user.dir }
    })
    expect(run.code).toBe(0)
    expect(
      run.argvSeen.some(c => c.includes(`login ${e.registry} --username ${e.username} --password-stdin`))
    ).toBe(true)
    expect(existsSync(join(home, '.docker'))).toBe(false)
    expect(readFileSync(join(user.dir, 'config.json'), 'utf8')).toBe(user.text)
    expect(readdirSync(run.runnerTemp).filter(f => f.startsWith('oci-pipeline-docker-'))).toEqual([])
  })
})
