import { join } from 'node:path'
import type { Config } from '../config/config.js'
import type { RunContext } from '../context.js'
import { errorMessage, StepError } from '../errors.js'
import { login } from '../infra/registry/docker-cli.js'
import { preparePush, type PreparedImage } from '../infra/registry/prepare.js'
import { putImage, targetFor, uploadBlobs, type Target } from '../infra/registry/push.js'
import type { Reporter } from '../reporter.js'
import { buildImage, inspectBuilder, type Builder, type BuildResult } from '../stages/build/buildx.js'
import { runLint, type LintResult } from '../stages/lint/index.js'
import { gatherMetadata, type Metadata } from '../stages/metadata/index.js'
import { metadataOutputs } from '../stages/metadata/outputs.js'
import type { ScanStageResult } from '../stages/scan/index.js'
import type { Task } from './graph.js'
import type { PipelineDeps, ToolName } from './deps.js'
import { checkGate, prepareTrivy, scanBuilt, type PreparedTrivy } from './scan.js'

export interface RunInputs {
  config: Config
  ctx: RunContext
  deps: PipelineDeps
  env: NodeJS.ProcessEnv
  now: Date
  /** The run's private folder (build output, secrets), removed when the run ends. */
  work: string
}

export interface Pushed {
  digest: string
  /** `name@digest` of every repository pushed to. */
  refs: string[]
}

function lintFailure(lint: LintResult, threshold: string): StepError {
  const counts = Object.entries(lint.counts)
    .filter(([, n]) => n > 0)
    .map(([level, n]) => `${n} ${level}`)
    .join(', ')
  return new StepError(
    `lint: findings at or above "${threshold}" (${counts}), so nothing was pushed (the input lint-failure-threshold sets the level)`
  )
}

async function lintTask(run: RunInputs, meta: Metadata, r: Reporter): Promise<LintResult> {
  const { config, ctx, deps } = run
  const tools: Partial<Record<ToolName, string>> = {}
  for (const name of config.lint.linters.filter((l): l is ToolName => l !== 'checklist'))
    try {
      tools[name] = await deps.tools?.(name)
    } catch (e) {
      r.warning(`${name} cannot be had: ${errorMessage(e)}`)
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
      buildContexts: config.build.buildContexts,
      providedLabels: Object.keys(meta.labels),
      reportDir: config.reportDir,
      docsBase: deps.docsBase
    },
    tools,
    r
  )
  deps.onLint?.(result)
  if (result.sarifPath && config.sarifUpload && deps.uploadSarif)
    await deps.uploadSarif(result.sarifPath, 'oci-pipeline-lint')
  if (result.failed) throw lintFailure(result, config.lint.threshold)
  return result
}

/** The tasks of one build: which runs beside which follows from what each needs. */
export function pipelineTasks(run: RunInputs): Task[] {
  const { config, ctx, deps, env, now } = run
  const noScan = config.scan.enabled ? undefined : 'the scan is off (input "scan")'
  const noPush = config.push ? undefined : config.pushReason
  return [
    {
      name: 'login',
      title: `Login to ${config.login?.host ?? 'the registry'}`,
      skip: () => (config.login ? undefined : 'no password given: the credentials already stored are used'),
      run: () => login(config.login!, env)
    },
    {
      name: 'builder',
      title: 'Builder',
      run: async ({ reporter }) => {
        const b = await inspectBuilder(config.build.builder, env)
        reporter.info(`builder ${b.name} (driver ${b.driver})`)
        return b
      }
    },
    {
      name: 'metadata',
      title: 'Metadata: tags and labels',
      needs: ['login'],
      run: async ({ reporter }) => {
        const meta = await gatherMetadata(config, ctx, reporter, env, now)
        for (const t of meta.tags) reporter.info(`tag ${t}`)
        for (const [name, value] of Object.entries(metadataOutputs(meta, config.metadata.separators)))
          reporter.setOutput(name, value)
        if (config.push && !config.pushByDigest && meta.tags.length === 0)
          throw new StepError(
            'no tag rule gave a tag for this event, so there is nothing to push (see the "tags" input)'
          )
        return meta
      }
    },
    {
      name: 'lint',
      title: 'Lint',
      needs: ['metadata'],
      standalone: true,
      skip: () => (config.lint.enabled ? undefined : 'the lint is off (input "lint")'),
      run: ({ reporter, get }) => lintTask(run, get<Metadata>('metadata')!, reporter)
    },
    {
      name: 'build',
      title: 'Build',
      needs: ['metadata', 'builder'],
      run: async ({ reporter, get, signal }) => {
        const built = await buildImage(
          config.build,
          get<Metadata>('metadata')!,
          get<Builder>('builder')!,
          join(run.work, 'build'),
          reporter,
          env,
          signal
        )
        reporter.setOutput('imageid', built.imageId)
        reporter.info(
          `built ${built.images.map(i => `${i.platform || 'image'} ${i.configDigest}`).join(', ')}`
        )
        return built
      }
    },
    {
      name: 'trivy',
      title: 'Trivy and its vulnerability DB',
      skip: () => noScan,
      run: ({ reporter }) => prepareTrivy(config, deps, env, reporter)
    },
    {
      name: 'scan',
      title: 'Scan',
      needs: ['build', 'trivy'],
      skip: () => noScan,
      run: ({ reporter, get }) =>
        scanBuilt(
          config,
          get<Metadata>('metadata')!,
          get<BuildResult>('build')!,
          get<PreparedTrivy>('trivy')!,
          deps,
          env,
          reporter
        )
    },
    {
      name: 'gate',
      title: 'Gate',
      needs: ['scan'],
      skip: () => noScan,
      run: async ({ get, reporter }) => {
        checkGate(get<BuildResult>('build')!, get<ScanStageResult>('scan')!)
        reporter.info(`no vulnerability at or above ${config.scan.failOnSeverity}`)
      }
    },
    {
      name: 'reports',
      title: 'Scan reports',
      needs: ['scan'],
      byProduct: true,
      skip: () => noScan ?? (config.sarifUpload && deps.uploadSarif ? undefined : 'no SARIF upload here'),
      run: async ({ get }) => {
        for (const s of get<ScanStageResult>('scan')!.scans)
          await deps.uploadSarif!(s.paths.sarif, `oci-pipeline-scan${s.platform ? `-${s.platform}` : ''}`)
      }
    },
    {
      name: 'upload',
      title: 'Upload layers',
      needs: ['build'],
      skip: () => noPush,
      run: async ({ get, reporter, signal }) => {
        const built = get<BuildResult>('build')!
        const image = await preparePush(built.layout, built.root, config.build.compression, signal)
        if (image.compressed)
          reporter.info(`${image.compressed} layers compressed (${config.build.compression})`)
        const images = config.pushByDigest ? config.images.slice(0, 1) : config.images
        const targets = await Promise.all(images.map(i => targetFor(i, env)))
        await uploadBlobs(image, targets, l => reporter.info(l), signal)
        return { image, targets }
      }
    },
    {
      name: 'push',
      title: 'Push',
      needs: ['upload', 'gate', 'lint'],
      skip: () => noPush,
      run: async ({ get, reporter }): Promise<Pushed> => {
        const { image, targets } = get<{ image: PreparedImage; targets: Target[] }>('upload')!
        const meta = get<Metadata>('metadata')!
        const refs: string[] = []
        for (const t of targets) {
          const tags = config.pushByDigest ? [] : meta.tagValues
          const digest = await putImage(image, t, tags)
          for (const tag of tags) reporter.info(`pushed ${t.name}:${tag}@${digest}`)
          if (!tags.length) reporter.info(`pushed ${t.name}@${digest} (by digest, no tag)`)
          refs.push(`${t.name}@${digest}`)
        }
        reporter.setOutput('digest', image.root.digest)
        reporter.setOutput('image', refs[0] ?? '')
        return { digest: image.root.digest, refs }
      }
    }
  ]
}
