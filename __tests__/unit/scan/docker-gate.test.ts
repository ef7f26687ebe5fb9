import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs'
import { connect, createServer, type Server, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { localDockerSocket } from '../../../src/infra/docker-config.js'
import { DockerGate } from '../../../src/stages/scan/docker-gate.js'

/** A stand-in daemon on a unix socket: it answers each connection with what it read, upper-cased, once the client has ended. */
function daemon(): Promise<{ path: string; server: Server; connections: () => number }> {
  const path = join(mkdtempSync(join(tmpdir(), 'oci-daemon-')), 'docker.sock')
  let n = 0
  const server = createServer({ allowHalfOpen: true }, s => {
    n++
    const chunks: Buffer[] = []
    s.on('data', (c: Buffer) => chunks.push(c))
    s.on('end', () => s.end(Buffer.concat(chunks).toString('latin1').toUpperCase()))
  })
  return new Promise(resolve => server.listen(path, () => resolve({ path, server, connections: () => n })))
}

/** Sends `data` through the socket at `host` and ends its side; resolves with all it got back. */
function ask(host: string, data: string): { socket: Socket; answer: Promise<string> } {
  const socket = connect({ path: host.replace(/^unix:\/\//, ''), allowHalfOpen: true })
  const chunks: Buffer[] = []
  socket.on('data', (c: Buffer) => chunks.push(c))
  const answer = new Promise<string>((resolve, reject) => {
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('latin1')))
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')))
    socket.on('error', reject)
  })
  socket.end(data)
  return { socket, answer }
}

const settled = (p: Promise<unknown>, ms: number): Promise<boolean> =>
  Promise.race([p.then(() => true), new Promise<boolean>(r => setTimeout(() => r(false), ms))])

describe('localDockerSocket', () => {
  const config = (currentContext?: string): string => {
    const dir = mkdtempSync(join(tmpdir(), 'oci-docker-config-'))
    if (currentContext) writeFileSync(join(dir, 'config.json'), JSON.stringify({ currentContext }))
    return dir
  }
  it.each([
    ['the default socket', {}, '/var/run/docker.sock'],
    [
      'a unix DOCKER_HOST',
      { DOCKER_HOST: 'unix:///run/user/1000/docker.sock' },
      '/run/user/1000/docker.sock'
    ],
    ['a tcp DOCKER_HOST', { DOCKER_HOST: 'tcp://10.0.0.1:2376' }, undefined],
    ['an ssh DOCKER_HOST', { DOCKER_HOST: 'ssh://me@host' }, undefined],
    ['TLS', { DOCKER_HOST: 'unix:///var/run/docker.sock', DOCKER_TLS_VERIFY: '1' }, undefined],
    ['a DOCKER_CONTEXT', { DOCKER_CONTEXT: 'remote' }, undefined],
    ['DOCKER_CONTEXT=default', { DOCKER_CONTEXT: 'default' }, '/var/run/docker.sock']
  ])('%s', (_, vars, expected) => {
    expect(localDockerSocket({ DOCKER_CONFIG: config(), ...vars })).toBe(expected)
  })
  it('Windows has named pipes, not unix sockets', () => {
    expect(localDockerSocket({ DOCKER_CONFIG: config() }, 'win32')).toBeUndefined()
  })
  it('a docker context chosen in the config is not the local daemon; "default" is', () => {
    expect(localDockerSocket({ DOCKER_CONFIG: config('remote') })).toBeUndefined()
    expect(localDockerSocket({ DOCKER_CONFIG: config('default') })).toBe('/var/run/docker.sock')
  })
})

describe('DockerGate', () => {
  it('holds a connection until opened, then relays both ways to the end', async () => {
    const d = await daemon()
    const gate = await DockerGate.start(d.path)
    const big = 'x'.repeat(4 * 1024 * 1024) + 'end'
    const first = ask(gate.host, big)
    expect(await settled(first.answer, 300)).toBe(false)
    expect(d.connections()).toBe(0)
    gate.open()
    expect(await first.answer).toBe(big.toUpperCase())
    // Later connections go straight through.
    expect(await ask(gate.host, 'ping').answer).toBe('PING')
    expect(d.connections()).toBe(2)
    gate.close()
    d.server.close()
  })

  it('close ends the held connections, never reaching the daemon, and removes the socket', async () => {
    const d = await daemon()
    const gate = await DockerGate.start(d.path)
    const held = ask(gate.host, 'ping')
    await new Promise(r => setTimeout(r, 100))
    gate.close()
    expect(await held.answer).toBe('')
    expect(d.connections()).toBe(0)
    expect(existsSync(gate.host.replace('unix://', ''))).toBe(false)
    d.server.close()
  })

  it('its socket is private to this user', async () => {
    const d = await daemon()
    const gate = await DockerGate.start(d.path)
    const dir = join(gate.host.replace('unix://', ''), '..')
    expect(statSync(dir).mode & 0o077).toBe(0)
    gate.close()
    d.server.close()
  })
})
