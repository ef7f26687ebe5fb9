import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { checkDockerDaemon, pingDaemon } from '../../../src/infra/docker.js'

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

/** An HTTP server on a unix socket standing in for the daemon's API. */
async function daemon(
  status: number,
  body: string
): Promise<{ socket: string; server: Server; pings: () => number }> {
  const socket = join(mkdtempSync(join(tmpdir(), 'oci-daemon-')), 'docker.sock')
  let pings = 0
  const server = createServer((req, res) => {
    if (req.url === '/_ping') pings++
    res.writeHead(status, { 'content-type': 'text/plain' }).end(body)
  })
  await new Promise<void>(resolve => server.listen(socket, resolve))
  return { socket, server, pings: () => pings }
}

describe('checkDockerDaemon', () => {
  const servers: Server[] = []
  afterAll(() => servers.forEach(s => s.close()))

  it('a local daemon that answers its ping: no docker process is started', async () => {
    const d = await daemon(200, 'OK')
    servers.push(d.server)
    const docker = dockerStandIn({ code: 1, stderr: 'must not be asked' })
    await checkDockerDaemon({ PATH: docker.path, DOCKER_HOST: `unix://${d.socket}` })
    expect(d.pings()).toBe(1)
    expect(docker.calls()).toEqual([])
  })

  it('a socket that answers something else: docker version decides', async () => {
    const d = await daemon(500, 'daemon is shutting down')
    servers.push(d.server)
    const docker = dockerStandIn({ code: 0, stdout: '20.10.24' })
    await checkDockerDaemon({ PATH: docker.path, DOCKER_HOST: `unix://${d.socket}` })
    expect(d.pings()).toBe(1)
    expect(docker.calls()).toEqual(['version --format {{.Server.Version}}'])
  })

  it('no daemon at the socket: one clear error with docker’s own words', async () => {
    const socket = join(mkdtempSync(join(tmpdir(), 'oci-daemon-')), 'docker.sock')
    const docker = dockerStandIn({ code: 1, stderr: 'Cannot connect to the Docker daemon' })
    const check = checkDockerDaemon({ PATH: docker.path, DOCKER_HOST: `unix://${socket}` })
    await expect(check).rejects.toThrow(`the Docker daemon does not answer at unix://${socket}: start it`)
    await expect(check).rejects.toMatchObject({
      details: expect.stringContaining('Cannot connect to the Docker daemon')
    })
    expect(docker.calls()).toEqual(['version --format {{.Server.Version}}'])
  })

  it('a daemon over tcp is never pinged by us: docker version asks it', async () => {
    const docker = dockerStandIn({ code: 0, stdout: '27.0.1' })
    await checkDockerDaemon({ PATH: docker.path, DOCKER_HOST: 'tcp://127.0.0.1:1' })
    expect(docker.calls()).toEqual(['version --format {{.Server.Version}}'])
  })

  it('asks each daemon once per run', async () => {
    const d = await daemon(200, 'OK')
    servers.push(d.server)
    const env = { PATH: dockerStandIn({ code: 1 }).path, DOCKER_HOST: `unix://${d.socket}` }
    await checkDockerDaemon(env)
    await checkDockerDaemon(env)
    expect(d.pings()).toBe(1)
  })
})

describe('pingDaemon', () => {
  it('is false, not a hang, when the socket accepts but never answers', async () => {
    const socket = join(mkdtempSync(join(tmpdir(), 'oci-daemon-')), 'docker.sock')
    const server = createServer(() => undefined)
    await new Promise<void>(resolve => server.listen(socket, resolve))
    try {
      expect(await pingDaemon(socket, 200)).toBe(false)
    } finally {
      server.closeAllConnections()
      server.close()
    }
  })
})
