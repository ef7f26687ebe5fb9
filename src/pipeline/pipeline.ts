import type { Config } from '../config/config.js'
import type { RunContext } from '../context.js'
import { errorMessage, StepError } from '../errors.js'
import type { Reporter } from '../reporter.js'
import { buildImage, inspectBuilder, plainDefaultBuilder, type BuildResult } from '../stages/build/buildx.js'
import { checkDockerDaemon } from '../infra/docker.js'
import { pushLoaded, tagPushedByDigest, verifyPushed } from '../stages/push/push.js'
import { pushLoadedByDigest } from '../stages/push/push-digest.js'
import { runMerge } from './merge.js'
import { login } from '../infra/registry/docker-cli.js'
import { lintFailureMessage, runLint, type LintResult } from '../stages/lint/index.js'
import { gatherMetadata, readFacts, type Metadata } from '../stages/metadata/index.js'
import { BufferedReporter } from '../stages/report/buffered.js'
import type { SarifUpload } from '../stages/report/run-model.js'
import { RunRecord } from './record.js'
import { prepareScan, readPreviousBeside, scanBuilt, settleReports, settleScan } from './scan.js'
import type { ArtifactUploader, DbCache, ScanStageResult } from '../stages/scan/index.js'

export type ToolName = 'hadolint' | 'trivy'

export interface PipelineResult {
  meta: Metadata
  imageId: string
  digest?: string
  pushed: boolean
  lint?: LintResult
  scan?: ScanStageResult
}

export interface PipelineDeps {
  reporter: Reporter
  env?: NodeJS.ProcessEnv
  now?: () => Date
  /**
   * Where a tool's executable is: an installed one, or a verified download (GitHub face). Throws
   * when it cannot be had; the lint carries on without that linter, the scan stops.
   */
  tools?: (name: ToolName) => Promise<string | undefined>
  /** Base URL of docs/rules for rule links in reports. */
  docsBase?: string
  /** Uploads SARIF to code scanning, where the face can (GitHub), and says how it went. */
  uploadSarif?: (path: string, category: string) => Promise<SarifUpload | void>
  /** Keeps Trivy's DB between runs (GitHub: the Actions cache). */
  dbCache?: DbCache
  /** Uploads the SBOM as an artifact (GitHub: the workflow's artifacts). */
  artifacts?: ArtifactUploader
  /** Told each stage's result when it has one, before a failed lint or gate throws (GitLab reports). */
  onLint?: (lint: LintResult) => void
  onScan?: (scan: ScanStageResult) => void
}

function once(tools: NonNullable<PipelineDeps['tools']>): NonNullable<PipelineDeps['tools']> {
  const asked = new Map<ToolName, Promise<string | undefined>>()
  return name => {
    if (!asked.has(name)) asked.set(name, tools(name))
    return asked.get(name)!
  }
}

function setMetadataOutputs(meta: Metadata, r: Reporter): void {
  r.setOutput('version', meta.version)
  r.setOutput('tags', meta.tags.join('\n'))
  r.setOutput(
    'labels',
    Object.entries(meta.labels)
      .map(([k, v]) => `${k}=${v}`)
      .join('\n')
  )
}

/** Starts the lint; its log is held back and replayed as one group, so it never interleaves the build's. */
function startLint(config: Config, ctx: RunContext, meta: Metadata, deps: PipelineDeps, r: Reporter) {
  const buffered = new BufferedReporter(r)
  const run = (async (): Promise<LintResult> => {
    const wanted = config.lint.linters.filter((l): l is ToolName => l !== 'checklist')
    const tools: Partial<Record<ToolName, string>> = {}
    for (const name of wanted)
      try {
        tools[name] = await deps.tools?.(name)
      } catch (e) {
        buffered.warning(`${name} cannot be had: ${errorMessage(e)}`)
      }
    const result = await runLint(
      {
        ...config.lint,
        file: config.build.file,
        context: config.build.context,
        labelSchemas: config.labelSchemas,
        workspace: ctx.workspace,
        target: config.build.target,
        buildArgs: new Map(config.build.buildArgs),
        providedLabels: Object.keys(meta.labels),
        reportDir: config.reportDir,
        docsBase: deps.docsBase
      },
      tools,
      buffered
    )
    deps.onLint?.(result)
    return result
  })()
  return { run, replay: () => buffered.replay('Lint') }
}

const lintFailure = (lint: LintResult, threshold: Config['lint']['threshold']): StepError =>
  new StepError(lintFailureMessage(lint, threshold))

/**
 * metadata → lint beside the build (one platform: loaded locally) → scan and gate → push → digest check. Outputs
 * are set as soon as they are known, so a failure later still leaves them, and the summary is
 * written either way.
 */
export async function runPipeline(
  config: Config,
  ctx: RunContext,
  deps: PipelineDeps
): Promise<PipelineResult> {
  const r = deps.reporter
  const env = deps.env ?? process.env
  const now = deps.now?.() ?? new Date()
  if (config.mergeDigests.length) {
    const merged = await runMerge(config, ctx, r, env, now)
    return { meta: merged.meta, imageId: '', digest: merged.digest, pushed: true }
  }
  if (config.login) r.setSecret(config.login.password)
  // Each stage's state, time and result, for the summary rendered once at the end.
  const rec = new RunRecord()
  // Lint and scan both ask for Trivy, beside the build: one download.
  deps = rec.watch({ ...deps, ...(deps.tools ? { tools: once(deps.tools) } : {}) })
  let preparing: ReturnType<typeof prepareScan> | undefined
  const state: { meta?: Metadata; imageId?: string; digest?: string; pushed: boolean; error?: string } = {
    pushed: false
  }
  try {
    // Nothing is begun that cannot finish: the daemon is asked first.
    await checkDockerDaemon(env)
    // The builder is asked beside the login and the metadata; the Build group says what it answered.
    // Where buildx can only take the daemon's own, it is asked only if the build fails.
    const plainBuilder = plainDefaultBuilder(config.build.builder, env)
    const builder = plainBuilder ?? inspectBuilder(config.build.builder, env)
    if (builder instanceof Promise) builder.catch(() => undefined)
    // The files and `git describe` are read beside the login; the metadata waits for it.
    const facts = readFacts(config, env, now)
    facts.catch(() => undefined) // awaited below, after the login
    // Logged in first: a private base image is read for its digest and pulled by the build.
    if (config.login) {
      const l = config.login
      await r.group(`Login to ${l.host}`, () => login(l, env))
    }
    const meta = await r.group('Metadata: tags and labels', async () => {
      const m = await gatherMetadata(config, ctx, r, env, now, facts)
      for (const t of m.tags) r.info(`tag ${t}`)
      return m
    })
    state.meta = meta
    setMetadataOutputs(meta, r)
    if (config.push && !config.pushByDigest && meta.tags.length === 0)
      throw new StepError(
        'no tag rule gave a tag for this event, so there is nothing to push (see the "tags" input)'
      )

    // The build is started first: the lint and the scan's tools start beside it, not before it.
    const cancelBuild = new AbortController()
    let underway = (): void => undefined
    const buildUnderway = new Promise<void>(resolve => (underway = resolve))
    let buildEnded = false
    rec.start('build')
    const building = r
      .group('Build', async () => {
        // Awaited only when buildx is asked: a known builder lets the build's process start in this
        // tick, before the lint's and the scan's below.
        const b = builder instanceof Promise ? await builder : builder
        r.info(`builder ${b.name} (driver ${b.driver})`)
        try {
          return await buildImage(config.build, meta, config.push, b, r, env, {
            signal: cancelBuild.signal,
            onOutput: underway
          })
        } catch (e) {
          if (plainBuilder) await inspectBuilder(undefined, env) // without buildx, its error says so
          throw e
        }
      })
      .finally(() => ((buildEnded = true), underway()))
    building.catch(() => undefined) // awaited below, after the lint is started
    if (config.lint.enabled) rec.start('lint')
    const lint = config.lint.enabled ? startLint(config, ctx, meta, deps, r) : undefined
    let lintRunning = !!lint
    const lintDone = lint?.run.then(
      res => (
        (lintRunning = false),
        rec.lint(res, config.lint.threshold),
        res.failed && cancelBuild.abort(),
        res
      ),
      (e: unknown) => {
        lintRunning = false
        rec.fail('lint', e)
        cancelBuild.abort()
        throw e
      }
    )
    // Awaited after the build; until then a rejection must not count as unhandled (Node would exit).
    lintDone?.catch(() => undefined)
    const previous = readPreviousBeside(config, meta, env)
    preparing = config.scan.enabled
      ? prepareScan(config, deps, env, r, meta, { underway: buildUnderway, ended: () => buildEnded })
      : undefined
    let built: BuildResult
    try {
      built = await building
    } catch (e) {
      // A failed lint is the reason the build was cancelled: report that, not the cancellation.
      const lintResult = (await lintDone?.catch((le: unknown) => le)) as LintResult | Error | undefined
      if (lintResult instanceof Error || lintResult?.failed)
        rec.end('build', 'cancelled', { reason: 'the lint failed' })
      else rec.fail('build', e)
      await lint?.replay()
      if (lintResult instanceof Error) throw lintResult
      if (lintResult?.failed) throw lintFailure(lintResult, config.lint.threshold)
      throw e
    }
    state.imageId = built.imageId
    rec.end('build', 'done', { result: { imageId: built.imageId, platforms: config.build.platforms } })
    r.setOutput('imageid', built.imageId)
    // The scan starts once the image is built, beside a lint still running (its log then waits
    // for the lint's, so the two never interleave).
    const scanLog = lintRunning ? new BufferedReporter(r) : r
    const replayScan = () => (scanLog instanceof BufferedReporter ? scanLog.replay('Scan') : undefined)
    const scanning =
      config.scan.enabled && lintRunning
        ? rec.scanning(scanBuilt(config, meta, built, deps, env, scanLog, previous, preparing!.ready))
        : undefined
    scanning?.catch(() => undefined)
    let lintResult: LintResult | undefined
    try {
      lintResult = await lintDone?.finally(() => lint?.replay())
      if (lintResult?.sarifPath && config.sarifUpload && deps.uploadSarif)
        await deps.uploadSarif(lintResult.sarifPath, 'oci-pipeline-lint')
      if (lintResult?.failed) throw lintFailure(lintResult, config.lint.threshold)
    } catch (e) {
      // A failed lint wins: the scan beside it ends (its reports written), and nothing is pushed.
      await settleScan(scanning, scanLog)
      await replayScan()
      throw e
    }
    const scan = config.scan.enabled
      ? await (
          scanning ?? rec.scanning(scanBuilt(config, meta, built, deps, env, r, previous, preparing!.ready))
        ).finally(replayScan)
      : undefined

    r.info(config.pushReason)
    // The report conversions and uploads go on beside the push; the run waits for both.
    try {
      if (config.push) {
        rec.start('push')
        state.digest = await r.group('Push', async () => {
          const first = config.images[0]
          if (config.pushByDigest && first) return pushLoadedByDigest(first, built.imageId, r, env)
          if (built.mode === 'load') return pushLoaded(meta.tags, built.imageId, r, env)
          if (built.digest) await tagPushedByDigest(meta.tags, built.digest, r, env)
          return verifyPushed(meta.tags, built, r, env)
        })
        state.pushed = true
        const reference = `${config.images[0]?.name}@${state.digest}`
        rec.end('push', 'done', {
          result: { digest: state.digest, tags: config.pushByDigest ? [] : meta.tags, reference }
        })
        r.setOutput('digest', state.digest)
        r.setOutput('image', reference)
      } else if (built.digest) {
        state.digest = built.digest
        r.setOutput('digest', built.digest)
      }
    } catch (e) {
      if (config.push && !state.pushed) rec.fail('push', e)
      await settleReports(scan?.reports, r)
      throw e
    }
    await scan?.reports
    if (scanLog instanceof BufferedReporter && scanLog.held > 0) await scanLog.replay('Scan reports')
    r.setOutput(
      'metadata',
      JSON.stringify({
        ...built.metadata,
        'image.name': meta.tags.join(','),
        'containerimage.config.digest': built.imageId,
        ...(state.digest ? { 'containerimage.digest': state.digest } : {}),
        version: meta.version,
        tags: meta.tags,
        labels: meta.labels,
        pushed: state.pushed
      })
    )
    return {
      meta,
      imageId: built.imageId,
      digest: state.digest,
      pushed: state.pushed,
      ...(lintResult ? { lint: lintResult } : {}),
      ...(scan ? { scan } : {})
    }
  } catch (e) {
    state.error = errorMessage(e)
    throw e
  } finally {
    await preparing?.close()
    if (config.summary) r.summary(rec.summary({ config, ...state }))
  }
}
