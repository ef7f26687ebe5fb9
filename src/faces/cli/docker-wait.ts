import { StepError } from '../../errors.js'
import { run, tail } from '../../infra/process.js'
import type { Reporter } from '../../reporter.js'

/**
 * A docker:dind service starts beside the job, and the Kubernetes executor does not wait for its
 * port as the Docker executor does: the job waits for the daemon (up to `seconds`) before it starts.
 */
export async function waitForDocker(
  env: NodeJS.ProcessEnv,
  reporter: Reporter,
  seconds = 60,
  sleep = (ms: number) => new Promise(done => setTimeout(done, ms))
): Promise<void> {
  let last = ''
  for (let waited = 0; waited <= seconds; waited += 2) {
    const res = await run('docker', ['version', '--format', '{{.Server.Version}}'], {
      env,
      allowFailure: true
    })
    if (res.code === 0) {
      if (waited) reporter.info(`docker daemon ${res.stdout.trim()} answered after ${waited}s`)
      return
    }
    last = res.stderr
    await sleep(2000)
  }
  throw new StepError(
    `the docker daemon at ${env.DOCKER_HOST ?? 'the default socket'} did not answer in ${seconds}s (is the dind service running, and the runner privileged?)`,
    tail(last, 5)
  )
}
