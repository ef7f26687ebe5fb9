import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Config } from '../config/config.js'
import type { RunContext } from '../context.js'
import { errorMessage } from '../errors.js'
import { removeTempDir } from '../infra/process.js'
import type { BuildResult } from '../stages/build/buildx.js'
import type { LintResult } from '../stages/lint/index.js'
import type { Metadata } from '../stages/metadata/index.js'
import { buildSummaryMarkdown } from '../stages/report/build-summary.js'
import type { ScanStageResult } from '../stages/scan/index.js'
import { onceEach, type PipelineDeps } from './deps.js'
import { runGraph, type GraphRun } from './graph.js'
import { runMerge } from './merge.js'
import { pipelineTasks, type Pushed } from './tasks.js'

export type { PipelineDeps, ToolName } from './deps.js'

export interface PipelineResult {
  meta?: Metadata
  imageId?: string
  digest?: string
  pushed: boolean
  lint?: LintResult
  scan?: ScanStageResult
  /** Every task's status, reason and duration. */
  tasks?: GraphRun['records']
}

/** The run's private folder: below RUNNER_TEMP on a runner (cleaned by the runner too), else tmp. */
function runDir(env: NodeJS.ProcessEnv): string {
  return mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), 'oci-pipeline-run-'))
}

/** The outputs a run always leaves, whatever failed: what is known so far. */
function writeRunOutputs(deps: PipelineDeps, result: PipelineResult, built?: BuildResult): void {
  const r = deps.reporter
  const meta = result.meta
  r.setOutput(
    'metadata',
    JSON.stringify({
      ...(built?.metadata ?? {}),
      ...(meta
        ? { 'image.name': meta.tags.join(','), version: meta.version, tags: meta.tags, labels: meta.labels }
        : {}),
      ...(result.imageId ? { 'containerimage.config.digest': result.imageId } : {}),
      ...(result.digest ? { 'containerimage.digest': result.digest } : {}),
      pushed: result.pushed
    })
  )
}

/** Each task's outcome and duration, for the `stages` output. */
function stageRows(
  graph: GraphRun
): Array<{ name: string; status: string; reason?: string; seconds?: number }> {
  return [...graph.records.values()].map(r => ({
    name: r.name,
    status: r.status,
    ...(r.status !== 'done' && r.reason ? { reason: r.reason.split('\n')[0] } : {}),
    ...(r.durationMs !== undefined ? { seconds: r.durationMs / 1000 } : {})
  }))
}

/**
 * One build's run as a task graph (see tasks.ts): metadata, then the lint beside the build, the
 * scan of what was built and its gate, the layers' upload beside the scan, and the push once the
 * lint and the gate have passed. Outputs and the summary are written whatever happened; the first
 * failure is thrown last.
 */
export async function runPipeline(
  config: Config,
  ctx: RunContext,
  deps: PipelineDeps
): Promise<PipelineResult> {
  const env = deps.env ?? process.env
  const now = deps.now?.() ?? new Date()
  if (config.mergeDigests.length) {
    const merged = await runMerge(config, ctx, deps.reporter, env, now, deps.tools)
    return { meta: merged.meta, digest: merged.digest, pushed: true }
  }
  if (config.login) deps.reporter.setSecret(config.login.password)
  deps = { ...deps, ...(deps.tools ? { tools: onceEach(deps.tools) } : {}) }
  const work = runDir(env)
  try {
    const graph = await runGraph(pipelineTasks({ config, ctx, deps, env, now, work }), deps.reporter)
    const result = <T>(name: string): T | undefined =>
      graph.records.get(name)?.status === 'done' ? (graph.records.get(name)?.result as T) : undefined
    const built = result<BuildResult>('build')
    const pushed = result<Pushed>('push')
    const run: PipelineResult = {
      meta: result<Metadata>('metadata'),
      imageId: built?.imageId,
      digest: pushed?.digest,
      pushed: !!pushed,
      lint: result<LintResult>('lint'),
      scan: result<ScanStageResult>('scan'),
      tasks: graph.records
    }
    writeRunOutputs(deps, run, built)
    deps.reporter.setOutput('stages', JSON.stringify(stageRows(graph)))
    deps.reporter.info(config.pushReason)
    const failure = graph.failures[0]
    if (config.summary)
      deps.reporter.summary(
        buildSummaryMarkdown({
          ...run,
          ...(failure ? { error: errorMessage(failure.error) } : {}),
          pushReason: config.pushReason
        })
      )
    if (failure) throw failure.error
    return run
  } finally {
    removeTempDir(work)
  }
}
