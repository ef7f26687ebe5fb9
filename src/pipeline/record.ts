import { errorMessage } from '../errors.js'
import { atOrAbove, type Level } from '../findings.js'
import type { LintResult } from '../stages/lint/index.js'
import type { Metadata } from '../stages/metadata/index.js'
import {
  SIGN_NOT_YET,
  STAGES,
  type RunModel,
  type SarifUpload,
  type ScanOutcome,
  type StageName,
  type StageRecord
} from '../stages/report/run-model.js'
import { renderSummary } from '../stages/report/summary.js'
import { gateHeadline, type ScanStageResult } from '../stages/scan/index.js'

type Stages = RunModel['stages']

/** The deps the record watches (PipelineDeps has them). */
interface Watched {
  onScan?: (scan: ScanStageResult) => void
  uploadSarif?: (path: string, category: string) => Promise<SarifUpload | void>
}

/** What of the config the record reads: which stages are on, and whether to push. */
export interface RecordedConfig {
  lint: { enabled: boolean }
  scan: { enabled: boolean }
  push: boolean
  pushReason: string
  images: ReadonlyArray<{ name: string }>
}
type Outcome<S extends StageName> = Stages[S] extends StageRecord<infer R> ? R : never

const NOT_SCANNED = 'a multi-platform build that is not pushed stays in the build cache (set push)'

const firstLine = (e: unknown): string => errorMessage(e).split('\n')[0] ?? ''

/**
 * What the run did, stage by stage, as the pipeline goes: each stage's start, end, state and
 * result. `model()` fills in the stages never reached (skipped, with the reason) and gives the
 * RunModel the summary is rendered from.
 */
export class RunRecord {
  private readonly started = new Map<StageName, number>()
  private readonly stages: Partial<Stages> = {}
  private readonly skipReasons = new Map<StageName, string>()
  private readonly engines: string[] = []
  private told: ScanStageResult | undefined
  readonly sarif: SarifUpload[] = []

  constructor(private readonly clock: () => number = Date.now) {}

  start(stage: StageName): void {
    if (!this.started.has(stage)) this.started.set(stage, this.clock())
  }

  end<S extends StageName>(
    stage: S,
    state: 'done' | 'failed' | 'cancelled',
    extra: { reason?: string; result?: Outcome<S> } = {}
  ): void {
    const t = this.started.get(stage)
    const record = { state, ...(t !== undefined ? { durationMs: this.clock() - t } : {}), ...extra }
    ;(this.stages as Record<StageName, StageRecord<unknown>>)[stage] = record
  }

  /** A stage that threw: failed, with the error's first line as the reason. */
  fail(stage: StageName, error: unknown): void {
    this.end(stage, 'failed', { reason: firstLine(error) })
  }

  /** Why a stage will not run, when the pipeline knows it before the end (e.g. nothing to scan). */
  skip(stage: StageName, reason: string): void {
    this.skipReasons.set(stage, reason)
  }

  ended(stage: StageName): boolean {
    return this.stages[stage] !== undefined
  }

  lint(result: LintResult, threshold: Level | 'none'): void {
    const n = result.findings.filter(f => atOrAbove(f.level, threshold)).length
    this.end('lint', result.failed ? 'failed' : 'done', {
      ...(result.failed ? { reason: `${n} finding${n === 1 ? '' : 's'} at or above ${threshold}` } : {}),
      result: { findings: result.findings, counts: result.counts, threshold, failed: result.failed }
    })
    this.engines.push(...result.engines)
  }

  /** The scan's end: its result when it has one (a failed gate has), and the error it threw, if any. */
  scan(result: ScanStageResult | undefined, error?: unknown): void {
    if (result) this.engines.push(result.engine)
    const outcome: ScanOutcome | undefined = result && {
      scans: result.scans,
      counts: result.counts,
      gate: result.gate,
      ...(result.delta ? { delta: result.delta } : {}),
      ...(result.unchecked ? { unchecked: result.unchecked } : {}),
      sboms: result.sboms
    }
    const failed = error !== undefined || !!result?.gate.failed
    const reason = result?.gate.failed
      ? gateHeadline(result.gate)
      : error !== undefined
        ? firstLine(error)
        : ''
    this.end('scan', failed ? 'failed' : 'done', {
      ...(reason ? { reason } : {}),
      ...(outcome ? { result: outcome } : {})
    })
  }

  /**
   * Times a scan and records how it settles: its result, or its error with the result it had
   * when its gate failed (as onScan told it). No result: nothing could be scanned.
   */
  scanning(scan: Promise<ScanStageResult | undefined>): Promise<ScanStageResult | undefined> {
    this.start('scan')
    return scan.then(
      s => (s ? this.scan(s) : this.skip('scan', NOT_SCANNED), s),
      (e: unknown) => {
        this.scan(this.told, e)
        throw e
      }
    )
  }

  /**
   * The pipeline's deps, with `onScan` and `uploadSarif` wrapped so that the record learns the
   * scan's result before a failed gate throws, and how each SARIF upload went.
   */
  watch<D extends Watched>(deps: D): D {
    const { onScan, uploadSarif } = deps
    const watched: Watched = {
      onScan: scan => ((this.told = scan), onScan?.(scan)),
      ...(uploadSarif
        ? {
            uploadSarif: async (path: string, category: string) => {
              const outcome = await uploadSarif(path, category)
              if (outcome) this.sarif.push(outcome)
            }
          }
        : {})
    }
    return { ...deps, ...watched }
  }

  /** A stage not reached: skipped, because of the first stage that failed, or of the error. */
  private notReached(stage: StageName, error: string | undefined): StageRecord<never> {
    const given = this.skipReasons.get(stage)
    if (given) return { state: 'skipped', reason: given }
    const failed = STAGES.find(s => this.stages[s]?.state === 'failed')
    if (failed === 'scan' && this.stages.scan?.result?.gate.failed)
      return { state: 'skipped', reason: 'the scan gate failed' }
    if (failed) return { state: 'skipped', reason: `the ${failed} failed` }
    return { state: 'skipped', reason: error ? `the run stopped: ${error}` : 'not reached' }
  }

  /** The summary's Markdown, from the model. */
  summary(run: Parameters<RunRecord['model']>[0]): string {
    return renderSummary(this.model(run))
  }

  model(run: { config: RecordedConfig; meta?: Metadata; pushed: boolean; error?: unknown }): RunModel {
    const { config, meta } = run
    const error = run.error !== undefined ? errorMessage(run.error) : undefined
    const short = error?.split('\n')[0]
    const skip = (stage: StageName, when: boolean, reason: string): void => {
      if (when && !this.skipReasons.has(stage)) this.skipReasons.set(stage, reason)
    }
    skip('lint', !config.lint.enabled, 'lint: false')
    skip('scan', !config.scan.enabled, 'scan: false')
    skip('push', !config.push, config.pushReason)
    skip('sign', true, SIGN_NOT_YET)
    const stages = Object.fromEntries(
      STAGES.map(s => [s, this.stages[s] ?? this.notReached(s, short)])
    ) as unknown as Stages
    return {
      image: meta?.tags[0] ?? config.images[0]?.name ?? 'the image',
      tags: meta?.tags ?? [],
      ...(meta ? { version: meta.version, versionFrom: meta.versionFrom } : {}),
      ...(meta?.base
        ? { base: meta.base.digest ? `${meta.base.name}@${meta.base.digest}` : meta.base.name }
        : {}),
      labels: meta?.labels ?? {},
      pushed: run.pushed,
      pushReason: config.pushReason,
      ...(error ? { error } : {}),
      stages,
      engines: [...new Set(this.engines)],
      sarif: this.sarif
    }
  }
}
