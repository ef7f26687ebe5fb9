import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { checkDockerDaemon } from '../../../src/infra/docker.js'

/** A folder whose `docker` logs its argv and answers `docker version` as told. */
function dockerStandIn(version: { code: number; stdout?: string; stderr?: string }) {
  const dir = mkdtempSync(join(tmpdir(), 'oci-docker-standin-'))
  const log = join(dir, 'calls')
  writeFileSync(
    join(dir, 'docker'),
    `#!/bin/sh\necho "$*" >>"${log}"\nprintf '%s' '${version.stdout ?? ''}'\nprintf '%s' '${version.stderr ?? ''}' >&2\nexit ${version.code}\n`
  )
  chmodSync(join(dir, 'docker'), 0o755)
  return { path: dir, calls: () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []) }
}

describe('checkDockerDaemon', () => {
  it('no daemon: one clear error naming what to start, with docker’s own words', async () => {
    const socket = join(mkdtempSync(join(tmpdir(), 'oci-daemon-')), 'docker.sock')
    const docker = dockerStandIn({ code: 1, stderr: 'Cannot connect to the Docker daemon' })
    const check = checkDockerDaemon({ PATH: docker.path, DOCKER_HOST: `unix://${socket}` })
    await expect(check).rejects.toThrow(`the Docker daemon does not answer at unix://${socket}: start it`)
    await expect(check).rejects.toMatchObject({
      details: expect.stringContaining('Cannot connect to the Docker daemon')
    })
    expect(docker.calls()).toEqual(['version --format {{.Server.Version}}'])
  })

  it('asks each daemon once per run', async () => {
    const docker = dockerStandIn({ code: 0, stdout: '26.1.5' })
    const env = { PATH: docker.path, DOCKER_HOST: 'tcp://127.0.0.1:1' }
    await checkDockerDaemon(env)
    await checkDockerDaemon(env)
    expect(docker.calls()).toEqual(['version --format {{.Server.Version}}'])
  })
})
