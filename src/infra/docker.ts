import { StepError } from '../errors.js'
import { run, tail } from './process.js'

/** One question per daemon and run, shared by the tasks that ask it at the same time. */
const asked = new Map<string, Promise<void>>()

async function ask(host: string, env: NodeJS.ProcessEnv): Promise<void> {
  const res = await run('docker', ['version', '--format', '{{.Server.Version}}'], { env, allowFailure: true })
  if (res.code === 0 && res.stdout.trim()) return
  throw new StepError(
    `the Docker daemon does not answer at ${host}: start it (dockerd, or systemctl start docker) or point DOCKER_HOST at one that runs; nothing was built or pushed`,
    tail(res.stderr, 3)
  )
}

/**
 * Fails with a clear error, naming what to start, when the Docker daemon does not answer; checked
 * before the first docker command that needs it, so nothing is begun that cannot finish.
 */
export function checkDockerDaemon(env: NodeJS.ProcessEnv): Promise<void> {
  const host = env.DOCKER_HOST || 'unix:///var/run/docker.sock'
  let answer = asked.get(host)
  if (!answer) {
    answer = ask(host, env)
    asked.set(host, answer)
    // A daemon that did not answer is asked again next time (it may have been started since).
    answer.catch(() => asked.delete(host))
  }
  return answer
}
