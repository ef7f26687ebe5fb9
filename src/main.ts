import * as core from '@actions/core'
import { buildConfig } from './config.js'
import { errorMessage } from './errors.js'
import { githubContext } from './github/context.js'
import { GitHubReporter } from './github/reporter.js'
import { runPipeline } from './pipeline.js'
import { killChildren } from './process.js'

/** The GitHub face: inputs and context from the runner, then the shared pipeline. */
export async function main(): Promise<void> {
  const reporter = new GitHubReporter()
  const onTerm = (): void => {
    killChildren()
    core.setFailed('interrupted (SIGTERM): child processes ended')
    process.exit(143)
  }
  process.once('SIGTERM', onTerm)
  try {
    for (const secret of ['password', 'github-token']) {
      const value = core.getInput(secret)
      if (value) core.setSecret(value)
    }
    const ctx = await githubContext(core.getInput('github-token'), m => core.debug(m))
    const config = buildConfig(name => core.getInput(name), ctx)
    await runPipeline(config, ctx, { reporter })
  } catch (e) {
    core.setFailed(errorMessage(e))
  } finally {
    process.removeListener('SIGTERM', onTerm)
    await reporter.flush().catch(e => core.warning(`job summary: ${errorMessage(e)}`))
  }
}

await main()
