import { join } from 'node:path'
import type { Config } from '../config/config.js'
import { errorMessage, StepError } from '../errors.js'
import { KeptAnswers } from '../infra/kept-answers.js'
import { jobPrivate, tempRoot } from '../infra/process.js'
import type { Reporter } from '../reporter.js'
import { lintFailureMessage, runLint, type LintResult } from '../stages/lint/index.js'
import type { NamedContext } from '../stages/lint/checklist/types.js'
import type { PipelineDeps, ToolName } from './deps.js'

/**
 * Trivy's answers kept for the next lint of the same bytes, only where the job's own steps write
 * (jobPrivate): an answer, unlike a kept blob, cannot be checked again.
 */
export function keptAnswersDir(env: NodeJS.ProcessEnv): string | undefined {
  return jobPrivate(env)
    ? join(tempRoot(env), `oci-pipeline-lint-${process.getuid?.() ?? 'user'}`)
    : undefined
}

/**
 * The lint stage over the config's Dockerfile, as the build's graph and `oci-pipeline lint` run it:
 * the engines found (a missing one warns), the findings reported, the SARIF uploaded where the face
 * can; a finding at or above the threshold fails it, with the inputs that change that decision.
 */
export async function lintDockerfile(
  config: Pick<Config, 'lint' | 'build' | 'labelSchemas' | 'workspace' | 'reportDir' | 'sarifUpload'>,
  deps: Pick<PipelineDeps, 'tools' | 'docsBase' | 'onLint' | 'uploadSarif' | 'env'>,
  providedLabels: readonly string[],
  r: Reporter,
  runContexts?: ReadonlyMap<string, NamedContext>
): Promise<LintResult> {
  const tools: Partial<Record<ToolName, string>> = {}
  for (const name of config.lint.linters.filter(l => l !== 'checklist'))
    try {
      tools[name] = await deps.tools?.(name)
    } catch (e) {
      r.warning(`${name} cannot be had: ${errorMessage(e)}`)
    }
  const kept = keptAnswersDir(deps.env ?? process.env)
  const result = await runLint(
    {
      ...config.lint,
      file: config.build.file,
      context: config.build.context,
      labelSchemas: config.labelSchemas,
      workspace: config.workspace,
      target: config.build.target,
      buildArgs: new Map(config.build.buildArgs),
      buildContexts: config.build.buildContexts,
      ...(runContexts ? { runContexts } : {}),
      providedLabels: [...providedLabels],
      reportDir: config.reportDir,
      docsBase: deps.docsBase,
      keptAnswers: kept ? new KeptAnswers(kept) : undefined
    },
    tools,
    r
  )
  deps.onLint?.(result)
  if (result.sarifPath && config.sarifUpload && deps.uploadSarif)
    await deps.uploadSarif(result.sarifPath, 'oci-pipeline-lint')
  if (result.failed) throw new StepError(lintFailureMessage(result, config.lint.threshold))
  return result
}
