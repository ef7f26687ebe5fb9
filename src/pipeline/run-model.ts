import { errorMessage } from '../errors.js'
import type { Level } from '../findings.js'
import type { LintResult } from '../stages/lint/index.js'
import type { Metadata } from '../stages/metadata/index.js'
import {
  SIGN_NOT_YET,
  type RunModel,
  type SarifUpload,
  type ScanOutcome,
  type SignOutcome,
  type StageRecord
} from '../stages/report/run-model.js'
import type { SignResult } from '../stages/sign/index.js'
import { gateHeadline, type ScanStageResult } from '../stages/scan/index.js'
import { reportedFailure, type GraphRun, type TaskRecord } from './graph.js'

/** What the summary needs of the config. */
export interface ModelConfig {
  lint: { threshold: Level | 'none' }
  pushReason: string
  images: ReadonlyArray<{ name: string }>
}

export interface ModelInput {
  config: ModelConfig
  graph: GraphRun
  meta?: Metadata
  /** The lint's and the scan's results, as they ended (a failed lint or gate has one too). */
  lint?: LintResult
  scan?: ScanStageResult
  sarif?: readonly SarifUpload[]
  /** The image as users name it, when the run has no metadata of its own (a rescan). */
  image?: string
  /** The error that ended the run. */
  error?: unknown
  /** Why the stages with no task in this graph did not run here. */
  notHere?: string
}

const firstLine = (s: string | undefined): string | undefined => s?.split('\n')[0]

/** What a user calls the stage a task belongs to, in "the … failed". */
const STAGE_OF_TASK: Record<string, string> = {
  login: 'login',
  metadata: 'metadata',
  lint: 'lint',
  builder: 'build',
  build: 'build',
  trivy: 'scan',
  scan: 'scan',
  gate: 'scan gate',
  reports: 'scan reports',
  upload: 'push',
  push: 'push',
  sign: 'signing'
}

/** Why a stage did not run or was stopped: the run's first failure. */
const becauseOf = (graph: GraphRun): string | undefined => {
  const first = reportedFailure(graph)
  return first ? `the ${STAGE_OF_TASK[first.name] ?? first.title} failed` : undefined
}

/** One stage's row from the tasks that make it: the first that did not end well decides. */
function stageOf<R>(
  graph: GraphRun,
  names: readonly string[],
  result?: R,
  notHere = 'not part of this run',
  /** The task whose start means the stage was reached (the push: its manifests, not its uploads). */
  reachedBy?: string
): StageRecord<R> {
  const tasks = names.map(n => graph.records.get(n)).filter((r): r is TaskRecord => !!r)
  const timed = tasks.filter(t => t.startMs !== undefined && t.durationMs !== undefined)
  const durationMs = timed.length
    ? Math.max(...timed.map(t => (t.startMs as number) + (t.durationMs as number))) -
      Math.min(...timed.map(t => t.startMs as number))
    : undefined
  const worst =
    tasks.find(t => t.status === 'failed') ??
    tasks.find(t => t.status === 'cancelled') ??
    tasks.find(t => t.status === 'skipped' && t.name === names[names.length - 1])
  // Cancelled before any of its tasks started: it was not reached (skipped), because of a failure.
  const reached = tasks.some(t => t.startMs !== undefined && (!reachedBy || t.name === reachedBy))
  const stopped = worst?.status === 'cancelled'
  const state = stopped && !reached ? 'skipped' : (worst?.status ?? (tasks.length ? 'done' : 'skipped'))
  const reason =
    (stopped ? becauseOf(graph) : undefined) ??
    firstLine(worst?.reason) ??
    (tasks.length ? undefined : notHere)
  return {
    state,
    ...(reason ? { reason } : {}),
    ...(durationMs !== undefined ? { durationMs } : {}),
    ...(result !== undefined ? { result } : {})
  }
}

function scanOutcome(scan: ScanStageResult): ScanOutcome {
  return {
    scans: scan.scans,
    counts: scan.counts,
    gate: scan.gate,
    ...(scan.delta ? { delta: scan.delta } : {}),
    ...(scan.unchecked ? { unchecked: scan.unchecked } : {}),
    sboms: scan.sboms
  }
}

/** The sign task's result as the summary shows it. */
const signOutcome = (result: unknown): SignOutcome | undefined => {
  const r = result as SignResult | undefined
  return r
    ? {
        ...(r.signature ? { signature: r.signature } : {}),
        by: r.by,
        attestations: [...new Set(r.attestations.map(a => a.type))],
        images: r.signatures.length
      }
    : undefined
}

/** The summary's model of a run, from its task graph and what its stages gave. */
export function runModel(input: ModelInput): RunModel {
  const { graph, meta, lint, scan, config } = input
  const r = graph.records
  const built = r.get('build')?.result as { imageId: string; images: Array<{ platform: string }> } | undefined
  const pushed =
    r.get('push')?.status === 'done'
      ? (r.get('push')?.result as { digest: string; refs: string[] })
      : undefined
  const scanStage = stageOf(
    graph,
    ['trivy', 'scan', 'gate'],
    scan ? scanOutcome(scan) : undefined,
    input.notHere
  )
  if (scan?.gate.failed) scanStage.reason = gateHeadline(scan.gate)
  const signed = r.get('sign')
  const error = input.error !== undefined ? errorMessage(input.error) : undefined
  return {
    image: input.image ?? meta?.tags[0] ?? config.images[0]?.name ?? 'the image',
    tags: meta?.tags ?? [],
    ...(meta ? { version: meta.version, versionFrom: meta.versionFrom } : {}),
    ...(meta?.base
      ? { base: meta.base.digest ? `${meta.base.name}@${meta.base.digest}` : meta.base.name }
      : {}),
    labels: meta?.labels ?? {},
    pushed: !!pushed,
    pushReason: config.pushReason,
    ...(error ? { error } : {}),
    stages: {
      lint: stageOf(
        graph,
        ['lint'],
        lint && {
          findings: lint.findings,
          counts: lint.counts,
          threshold: config.lint.threshold,
          failed: lint.failed
        },
        input.notHere
      ),
      build: stageOf(
        graph,
        ['builder', 'build'],
        built && { imageId: built.imageId, platforms: built.images.map(i => i.platform).filter(Boolean) },
        input.notHere
      ),
      scan: scanStage,
      sign: signed
        ? stageOf(graph, ['sign'], signOutcome(signed.result))
        : { state: 'skipped', reason: SIGN_NOT_YET },
      push: stageOf(
        graph,
        ['upload', 'push'],
        pushed && { digest: pushed.digest, tags: meta?.tags ?? [], reference: pushed.refs[0] ?? '' },
        input.notHere,
        'push'
      )
    },
    engines: [...new Set([...(lint?.engines ?? []), ...(scan ? [scan.engine] : [])])],
    sarif: input.sarif ?? []
  }
}
