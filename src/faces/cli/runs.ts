import { readFileSync } from 'node:fs'
import { buildConfig } from '../../config/config.js'
import { errorMessage, InputError } from '../../errors.js'
import { INPUTS, type RawInputs } from '../../config/inputs.js'
import type { LintResult } from '../../stages/lint/index.js'
import { lintDockerfile } from '../../pipeline/lint.js'
import { reportedFailure, runGraph } from '../../pipeline/graph.js'
import { runModel } from '../../pipeline/run-model.js'
import { renderSummary } from '../../stages/report/summary.js'
import type { CommandDeps, ConfigHook } from './command-deps.js'
import { runPipeline, type PipelineDeps } from '../../pipeline/pipeline.js'
import { LINT_FORMATS } from './options.js'
import { onPath, toolPath, type ToolName } from './tools.js'
import { refuseTrackedCache } from '../../infra/tracked.js'

/** The findings as `lint --format` prints them. */
export function formatLint(result: LintResult, format: string): string {
  switch (format) {
    case 'text':
      return result.findings
        .map(f => `${f.file}:${f.line}: ${f.level} ${f.ruleId} (${f.engine}) ${f.message}\n`)
        .join('')
    case 'json':
      return (
        JSON.stringify({ counts: result.counts, failed: result.failed, findings: result.findings }, null, 2) +
        '\n'
      )
    case 'sarif':
      return result.sarifPath ? readFileSync(result.sarifPath, 'utf8') : ''
    case 'codequality':
      return result.codeQualityPath ? readFileSync(result.codeQualityPath, 'utf8') : ''
  }
  throw new InputError('format', `"${format}" is not one of ${LINT_FORMATS.join(', ')}`)
}

/** `build`: the pipeline without its lint stage (the `lint` job ran it already). */
export const withoutLint =
  (raw: RawInputs): RawInputs =>
  name =>
    name === 'lint' && INPUTS.some(i => i.name === 'lint') ? 'false' : raw(name)

export async function pipeline(d: CommandDeps, raw: RawInputs, adjust?: ConfigHook): Promise<number> {
  const built = buildConfig(raw, d.ctx, d.env)
  const config = adjust ? await adjust(built) : built
  if (config.scan.enabled && !config.mergeDigests.length)
    await refuseTrackedCache(config.scan.cacheDir, d.ctx.workspace)
  const deps: PipelineDeps = {
    reporter: d.reporter,
    env: d.env,
    tools: async (name: ToolName) => toolPath(name, raw, d.env),
    onLint: lint => void (d.stages.lint = lint),
    onScan: scan => void (d.stages.scan = scan)
  }
  const result = await runPipeline(config, d.ctx, deps)
  d.stages.lint ??= result.lint
  d.stages.scan ??= result.scan
  return 0
}

/** `lint`: the pipeline's lint stage alone, on the one Config (nothing is built or pushed). */
export async function lint(d: CommandDeps): Promise<number> {
  const format = d.raw('format') || 'text'
  if (!(LINT_FORMATS as readonly string[]).includes(format))
    throw new InputError('format', `"${format}" is not one of ${LINT_FORMATS.join(', ')}`)
  const config = buildConfig(d.raw, d.ctx, d.env, 'lint')
  const provided = [...config.labels.map(([k]) => k), ...(config.team ? ['int.skao.image.team'] : [])]
  let result: LintResult | undefined
  const tools = async (name: ToolName) =>
    (name === 'cosign' ? undefined : config.lint[`${name}Path`]) ?? onPath(name, d.env)
  const graph = await runGraph(
    [
      {
        name: 'lint',
        title: 'Lint',
        standalone: true,
        run: ({ reporter }) =>
          lintDockerfile(
            { ...config, sarifUpload: false },
            { tools, onLint: r => void (result = r) },
            provided,
            reporter,
            d.runContexts
          )
      }
    ],
    d.reporter
  )
  const failure = reportedFailure(graph)
  d.reporter.summary(
    renderSummary(
      runModel({
        config: { ...config, pushReason: '`oci-pipeline lint` builds nothing', images: [] },
        graph,
        ...(result ? { lint: result } : {}),
        ...(failure ? { error: failure.error } : {})
      })
    )
  )
  if (!result) throw failure?.error
  d.stages.lint = result
  d.stdout?.(formatLint(result, format))
  const c = result.counts
  d.reporter.info(`lint: ${c.error} error(s), ${c.warning} warning(s), ${c.info} info, ${c.style} style`)
  if (failure) {
    d.reporter.error(errorMessage(failure.error))
    return 1
  }
  return 0
}
