import { connect, createServer, type Server, type Socket } from 'node:net'
import { join } from 'node:path'
import { makeTempDir, removeTempDir } from '../../infra/process.js'

/**
 * A socket in front of the Docker daemon that holds every connection until `open()`, then relays
 * it. A Trivy pointed at it can be started while the image builds: it pays its start-up then,
 * and sees the daemon only once the image is there. The socket is in a private directory, so no
 * one else reaches the daemon through it.
 */
export class DockerGate {
  private readonly held: Array<() => void> = []
  private readonly sockets = new Set<Socket>()
  private opened = false
  private readonly server: Server

  private constructor(
    private readonly dir: string,
    /** DOCKER_HOST for the client held at the gate. */
    readonly host: string,
    upstream: string
  ) {
    this.server = createServer({ allowHalfOpen: true }, client => this.hold(client, upstream))
  }

  static start(upstream: string): Promise<DockerGate> {
    const dir = makeTempDir('oci-docker-gate-')
    const path = join(dir, 'docker.sock')
    const gate = new DockerGate(dir, `unix://${path}`, upstream)
    return new Promise((resolve, reject) => {
      gate.server.once('error', e => (gate.close(), reject(e)))
      gate.server.listen(path, () => resolve(gate))
    })
  }

  /** A client's connection: relayed to the daemon once the gate is open, held till then. */
  private hold(client: Socket, upstream: string): void {
    this.sockets.add(client)
    client.on('close', () => this.sockets.delete(client))
    client.on('error', () => client.destroy())
    const relay = (): void => {
      if (client.destroyed) return
      const daemon = connect({ path: upstream, allowHalfOpen: true })
      this.sockets.add(daemon)
      daemon.on('close', () => (this.sockets.delete(daemon), client.destroy()))
      daemon.on('error', () => daemon.destroy())
      client.on('close', () => daemon.destroy())
      client.pipe(daemon)
      daemon.pipe(client)
    }
    if (this.opened) relay()
    else this.held.push(relay)
  }

  /** Lets the held connections, and every later one, through to the daemon. */
  open(): void {
    this.opened = true
    for (const relay of this.held.splice(0)) relay()
  }

  /** Ends every connection and removes the socket. */
  close(): void {
    this.held.length = 0
    this.server.close()
    for (const s of this.sockets) s.destroy()
    removeTempDir(this.dir)
  }
}
