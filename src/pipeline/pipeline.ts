import type { Config } from '../config/config.js'
import type { RunContext } from '../context.js'
import { makeTempDir, removeTempDir } from '../infra/process.js'
import { removeUploaded, type Target } from '../infra/registry/push.js'
import type { BuildResult } from '../stages/build/buildx.js'
import type { LintResult } from '../stages/lint/index.js'
import type { Metadata } from '../stages/metadata/index.js'
import type { SarifUpload } from '../stages/report/run-model.js'
import { renderSummary } from '../stages/report/summary.js'
import type { ScanStageResult } from '../stages/scan/index.js'
import { onceEach, type PipelineDeps } from './deps.js'
import { reportedFailure, runGraph, type GraphRun } from './graph.js'
import { runMerge } from './merge.js'
import { runModel } from './run-model.js'
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
): Array<{ name: string; status: string; reason?: string; startSeconds?: number; seconds?: number }> {
  return [...graph.records.values()].map(r => ({
    name: r.name,
    status: r.status,
    ...(r.status !== 'done' && r.reason ? { reason: r.reason.split('\n')[0] } : {}),
    ...(r.startMs !== undefined ? { startSeconds: r.startMs / 1000 } : {}),
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
  // What the summary tells: the lint's and the scan's results even when they failed the run, and
  // how each SARIF upload went.
  const seen: { lint?: LintResult; scan?: ScanStageResult; sarif: SarifUpload[] } = { sarif: [] }
  const { onLint, onScan, uploadSarif } = deps
  deps = {
    ...deps,
    ...(deps.tools ? { tools: onceEach(deps.tools) } : {}),
    onLint: lint => ((seen.lint = lint), onLint?.(lint)),
    onScan: scan => ((seen.scan = scan), onScan?.(scan)),
    ...(uploadSarif
      ? {
          uploadSarif: async (path: string, category: string) => {
            const outcome = await uploadSarif(path, category)
            if (outcome) seen.sarif.push(outcome)
          }
        }
      : {})
  }
  // The run's private folder (build output, secrets): under RUNNER_TEMP on a runner, removed at the end and on a signal.
  const work = makeTempDir('oci-pipeline-run-')
  const uploaded = new Map<Target, string[]>()
  try {
    const graph = await runGraph(
      pipelineTasks({ config, ctx, deps, env, now, work, uploaded }),
      deps.reporter
    )
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
    // Blobs sent beside the scan, which no manifest names when the push never started (a gate failed).
    if (graph.records.get('push')?.startMs === undefined)
      await removeUploaded(uploaded, l => deps.reporter.info(l))
    writeRunOutputs(deps, run, built)
    deps.reporter.setOutput('stages', JSON.stringify(stageRows(graph)))
    deps.reporter.info(config.pushReason)
    const failure = reportedFailure(graph)
    if (config.summary)
      deps.reporter.summary(
        renderSummary(
          runModel({
            config: { ...config, lint: { threshold: config.lint.threshold } },
            graph,
            ...(run.meta ? { meta: run.meta } : {}),
            ...(seen.lint ? { lint: seen.lint } : {}),
            ...(seen.scan ? { scan: seen.scan } : {}),
            sarif: seen.sarif,
            ...(failure ? { error: failure.error } : {})
          })
        )
      )
    if (failure) throw failure.error
    return run
  } finally {
    removeTempDir(work)
  }
}
