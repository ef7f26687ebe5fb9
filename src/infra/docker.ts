import { request } from 'node:http'
import { StepError } from '../errors.js'
import { run, tail } from './process.js'
import { localDockerSocket } from './docker-config.js'

const answered = new Set<string>()

/** Whether the daemon behind a unix socket answers its API's `_ping` with OK (a few ms, no process). */
export function pingDaemon(socketPath: string, timeoutMs = 5000): Promise<boolean> {
  return new Promise(resolve => {
    const req = request({ socketPath, path: '/_ping', timeout: timeoutMs }, res => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (d: string) => (body += d))
      res.on('end', () => resolve(res.statusCode === 200 && body.trim() === 'OK'))
      res.on('error', () => resolve(false))
    })
    req.on('timeout', () => req.destroy())
    req.on('error', () => resolve(false))
    req.end()
  })
}

/**
 * Fails with a clear error, naming what to start, when the Docker daemon does not answer; checked
 * before the first docker command that needs it, so nothing is begun that cannot finish. A local
 * daemon is pinged on its socket; anything else, or a ping that fails, asks `docker version`
 * (whose own words then go with the error).
 */
export async function checkDockerDaemon(env: NodeJS.ProcessEnv): Promise<void> {
  const host = env.DOCKER_HOST || 'unix:///var/run/docker.sock'
  if (answered.has(host)) return
  const socket = localDockerSocket(env)
  if (socket && (await pingDaemon(socket))) {
    answered.add(host)
    return
  }
  const res = await run('docker', ['version', '--format', '{{.Server.Version}}'], { env, allowFailure: true })
  if (res.code === 0 && res.stdout.trim()) {
    answered.add(host)
    return
  }
  throw new StepError(
    `the Docker daemon does not answer at ${host}: start it (dockerd, or systemctl start docker) or point DOCKER_HOST at one that runs; nothing was built or pushed`,
    tail(res.stderr, 3)
  )
}
