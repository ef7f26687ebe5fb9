import * as core from '@actions/core'
import { buildConfig } from '../../config/config.js'
import { errorMessage } from '../../errors.js'
import { githubContext } from './context.js'
import { GitHubArtifactUploader } from './artifacts.js'
import { GitHubReporter } from './reporter.js'
import { uploadSarif } from './sarif.js'
import { installTool } from './tools.js'
import { GitHubTrivyDbCache } from './trivy-cache.js'
import { parseContextSource } from '../../config/metadata-options.js'
import { secretValues } from '../../config/secrets.js'
import { contextFromGit } from '../cli/context.js'
import { readGitFacts } from '../cli/git.js'
import { runPipeline, type ToolName } from '../../pipeline/pipeline.js'
import { runDockerConfig } from '../../infra/docker-config.js'
import { makeTempDir, removeTempDir } from '../../infra/process.js'
import { interruptedBy, onInterrupt } from '../../infra/signals.js'
import { refuseTrackedCache } from '../../infra/tracked.js'

/** Inputs whose spaces count: a separator may be one, a secret may start or end with one. */
const UNTRIMMED = ['sep-tags', 'sep-labels', 'sep-annotations', 'secrets']

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
  // The runner sends SIGINT on a cancel or a timeout, SIGTERM 7.5 s later.
  const stopHandling = onInterrupt(signal => {
    core.setFailed(`interrupted (${signal}): child processes ended`)
    return reporter.flush()
  })
  let dockerConfig: string | undefined
  try {
    for (const secret of ['password', 'github-token', 'sign-key-password'])
      reporter.setSecret(core.getInput(secret))
    // A key's path or KMS URI is no secret; its PEM text is (each of its lines masked too).
    if (core.getInput('sign-key').includes('PRIVATE KEY')) reporter.setSecret(core.getInput('sign-key'))
    const input = (name: string): string => core.getInput(name, { trimWhitespace: !UNTRIMMED.includes(name) })
    for (const value of secretValues(input('secrets'))) reporter.setSecret(value)
    const token = core.getInput('github-token')
    let ctx = await githubContext(token, m => core.debug(m))
    if (parseContextSource(input('metadata-context')) === 'git')
      ctx = contextFromGit(ctx, await readGitFacts(ctx.workspace))
    const config = buildConfig(input, ctx)
    if (config.scan.enabled) await refuseTrackedCache(config.scan.cacheDir, ctx.workspace)
    // Every docker and buildx call of the run reads and writes this one; nothing is left in ~/.docker.
    const docker = runDockerConfig(process.env, makeTempDir)
    dockerConfig = docker.dir
    const tools = (name: ToolName): Promise<string> =>
      installTool(name, (name === 'trivy' && config.scan.trivyVersion) || undefined, {
        path: core.getInput(`${name}-path`) || undefined
      })
    // Artifacts need the runner's results service; elsewhere (act, a laptop) the SBOM stays on disk.
    const artifactService = !!process.env.ACTIONS_RUNTIME_TOKEN && !!process.env.ACTIONS_RESULTS_URL
    await runPipeline(config, ctx, {
      reporter,
      env: docker.env,
      tools,
      docsBase: docsBase(),
      uploadSarif: (path, category) => uploadSarif(path, category, token, ctx, reporter),
      dbCache: new GitHubTrivyDbCache(),
      ...(artifactService ? { artifacts: new GitHubArtifactUploader() } : {})
    })
  } catch (e) {
    if (!interruptedBy()) core.setFailed(errorMessage(e))
  } finally {
    stopHandling()
    if (dockerConfig) removeTempDir(dockerConfig)
    await reporter.flush().catch(e => core.warning(`job summary: ${errorMessage(e)}`))
  }
}

await main()
