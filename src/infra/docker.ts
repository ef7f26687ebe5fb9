import { StepError } from '../errors.js'
import { run, tail } from './process.js'

const answered = new Set<string>()

/**
 * Fails with a clear error, naming what to start, when the Docker daemon does not answer; checked
 * before the first docker command that needs it, so nothing is begun that cannot finish.
 */
export async function checkDockerDaemon(env: NodeJS.ProcessEnv): Promise<void> {
  const host = env.DOCKER_HOST || 'unix:///var/run/docker.sock'
  if (answered.has(host)) return
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
