import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction } from '../support/action-runner.js'
import { push, workspace } from '../support/action-fixtures.js'
import { freshActionBundle, freshCliBundle } from '../support/cli-runner.js'
import { until } from '../support/processes.js'
import { FakeDocker } from './support/fake-docker.js'

// A cancelled run: a runner sends SIGINT on a cancel or timeout (SIGTERM 7.5 s later), GitLab
// SIGTERM, a terminal SIGINT or SIGHUP. Each must end every child the run started (a build keeps
// BuildKit busy, and pushes, long after the job is gone otherwise) and remove the build's secret
// file, within 10 s. The build is a stand-in `docker` that hangs with a child of its own, so no
// daemon is needed.

const SECRET = 'sigint-Bu1ld-Secret-zq'
const DOCKERFILE = 'FROM scratch\nUSER nobody\n'

/** Whether a process runs: there, and not a zombie waiting to be reaped by whoever inherited it. */
function running(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z'
  } catch {
    return false
  }
}

/** Folders of the pipeline left in a temporary folder (build secrets, the run's docker config). */
const leftovers = (dir: string): string[] => readdirSync(dir).filter(f => f.startsWith('oci-pipeline-'))

async function interrupt<T extends { code: number; stderr: string }>(opts: {
  start: (env: Record<string, string>) => { pid: Promise<number>; done: Promise<T> }
  signal: NodeJS.Signals
  docker: FakeDocker
  temp: string
}) {
  const started = opts.start({ TMPDIR: opts.temp, FAKE_BUILD_HANGS: '1' })
  const pid = await started.pid
  // The build is under way: its child runs, and its secret file was there.
  expect(await until(() => opts.docker.buildPids().length === 2, 60_000)).toBe(true)
  expect(
    readdirSync(opts.docker.seenSecrets).map(f => readFileSync(join(opts.docker.seenSecrets, f), 'utf8'))
  ).toEqual([SECRET])
  const sent = Date.now()
  process.kill(pid, opts.signal)
  const result = await started.done
  const took = Date.now() - sent
  const children = opts.docker.buildPids()
  const stillThere = (await until(() => children.every(p => !running(p)), 1000))
    ? []
    : children.filter(running)
  for (const p of stillThere) process.kill(p, 'SIGKILL')
  return { ...result, took, stillThere }
}

describe('a signal during a build with a secret', () => {
  let cli: string
  let action: string
  beforeAll(() => {
    cli = freshCliBundle()
    action = freshActionBundle()
  }, 300_000)

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129]
  ] as const)(
    'the CLI: %s ends every child, removes the secret, exits %i within 10 s',
    async (signal, code) => {
      const docker = new FakeDocker()
      const temp = mkdtempSync(join(tmpdir(), 'oci-signal-tmp-'))
      const home = mkdtempSync(join(tmpdir(), 'oci-signal-home-'))
      const ws = workspace(DOCKERFILE)
      const run = await interrupt({
        docker,
        temp,
        signal,
        start: extra => {
          const child = spawn(process.execPath, [cli, 'build'], {
            cwd: ws,
            env: {
              PATH: docker.path(),
              HOME: home,
              DOCKER_HOST: `unix://${join(temp, 'no-daemon.sock')}`,
              OCI_PIPELINE_IMAGES: '127.0.0.1:9/signals/app',
              OCI_PIPELINE_TAGS: 'type=raw,value=1',
              OCI_PIPELINE_PUSH: 'false',
              OCI_PIPELINE_SCAN: 'false',
              OCI_PIPELINE_SECRETS: `token=${SECRET}`,
              ...extra
            }
          })
          let stderr = ''
          child.stderr.on('data', d => (stderr += d))
          return {
            pid: Promise.resolve(child.pid as number),
            done: new Promise<{ code: number; stderr: string }>(resolve =>
              child.on('close', c => resolve({ code: c ?? -1, stderr }))
            )
          }
        }
      })
      expect(run.stderr).toContain(`oci-pipeline: interrupted (${signal}): child processes ended`)
      expect(run.code).toBe(code)
      expect(run.took).toBeLessThan(10_000)
      expect(run.stillThere).toEqual([])
      expect(leftovers(temp)).toEqual([])
      expect(existsSync(join(home, '.docker'))).toBe(false)
    }
  )

  it('the action: SIGINT (a cancelled job) ends every child, removes the secret, fails the step within 10 s', async () => {
    const docker = new FakeDocker()
    const runnerTemp = mkdtempSync(join(tmpdir(), 'oci-signal-runner-'))
    let resolvePid!: (pid: number) => void
    const pid = new Promise<number>(resolve => (resolvePid = resolve))
    const run = await interrupt({
      docker,
      temp: runnerTemp,
      signal: 'SIGINT',
      start: extra => {
        const done = runAction({
          node: process.execPath,
          entry: action,
          workspace: workspace(DOCKERFILE),
          inputs: {
            images: '127.0.0.1:9/signals/app',
            tags: 'type=raw,value=1',
            push: 'false',
            scan: 'false',
            lint: 'false',
            secrets: `token=${SECRET}`
          },
          event: push('refs/heads/main'),
          env: { PATH: docker.path(), DOCKER_HOST: `unix://${join(runnerTemp, 'no.sock')}`, ...extra },
          onStart: resolvePid
        }).then(r => ({ code: r.code, stderr: r.stdout, runnerTemp: r.runnerTemp }))
        return { pid, done }
      }
    })
    expect(run.stderr).toContain('::error::interrupted (SIGINT): child processes ended')
    expect(run.code).toBe(130)
    expect(run.took).toBeLessThan(10_000)
    expect(run.stillThere).toEqual([])
    // The action's temporary files live under its RUNNER_TEMP.
    expect(leftovers(run.runnerTemp)).toEqual([])
  })
})
