import * as core from '@actions/core'
import { buildConfig } from '../../config/config.js'
import { errorMessage } from '../../errors.js'
import { githubContext } from './context.js'
import { GitHubArtifactUploader } from './artifacts.js'
import { GitHubReporter } from './reporter.js'
import { uploadSarif } from './sarif.js'
import { installTool } from './tools.js'
import { GitHubTrivyDbCache } from './trivy-cache.js'
import { runPipeline, type ToolName } from '../../pipeline/pipeline.js'
import { killChildren } from '../../infra/process.js'

/** Rule pages live in this action's own repository, at the ref the workflow uses. */
function docsBase(): string | undefined {
  const repo = process.env.GITHUB_ACTION_REPOSITORY
  const ref = process.env.GITHUB_ACTION_REF
  const server = process.env.GITHUB_SERVER_URL || 'https://github.com'
  return repo && ref ? `${server}/${repo}/blob/${ref}/docs/rules` : undefined
}

/** The GitHub face: inputs and context from the runner, then the shared pipeline. */
export async function main(): Promise<void> {
  const reporter = new GitHubReporter()
  const onTerm = (): void => {
    killChildren()
    core.setFailed('interrupted (SIGTERM): child processes ended')
    void reporter.flush().finally(() => process.exit(143))
  }
  process.once('SIGTERM', onTerm)
  try {
    for (const secret of ['password', 'github-token', 'sign-key', 'sign-key-password']) {
      const value = core.getInput(secret)
      // A key's path or KMS URI is no secret; its PEM text is.
      if (secret === 'sign-key' && !value.includes('PRIVATE KEY')) continue
      if (value) core.setSecret(value)
      // The runner masks a multi-line value only where it is printed whole: each line too (a PEM key).
      if (value.includes('\n'))
        for (const line of value.split(/\r?\n/)) if (line.trim().length >= 8) core.setSecret(line.trim())
    }
    for (const line of core.getInput('secrets').split(/\r?\n/)) {
      const value = line.slice(line.indexOf('=') + 1).trim()
      if (line.includes('=') && value) core.setSecret(value)
    }
    const token = core.getInput('github-token')
    const ctx = await githubContext(token, m => core.debug(m))
    const config = buildConfig(name => core.getInput(name), ctx)
    const tools = (name: ToolName): Promise<string> =>
      installTool(name, (name === 'trivy' && config.scan.trivyVersion) || undefined, {
        path: core.getInput(`${name}-path`) || undefined
      })
    // Artifacts need the runner's results service; elsewhere (act, a laptop) the SBOM stays on disk.
    const artifactService = !!process.env.ACTIONS_RUNTIME_TOKEN && !!process.env.ACTIONS_RESULTS_URL
    await runPipeline(config, ctx, {
      reporter,
      tools,
      docsBase: docsBase(),
      uploadSarif: (path, category) => uploadSarif(path, category, token, ctx, reporter),
      dbCache: new GitHubTrivyDbCache(),
      ...(artifactService ? { artifacts: new GitHubArtifactUploader() } : {})
    })
  } catch (e) {
    core.setFailed(errorMessage(e))
  } finally {
    process.removeListener('SIGTERM', onTerm)
    await reporter.flush().catch(e => core.warning(`job summary: ${errorMessage(e)}`))
  }
}

await main()
