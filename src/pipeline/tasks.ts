import { join } from 'node:path'
import type { Config } from '../config/config.js'
import type { RunContext } from '../context.js'
import { StepError } from '../errors.js'
import { BlobPool } from '../infra/blob-pool.js'
import { jobPrivate, tempRoot } from '../infra/process.js'
import { login } from '../infra/registry/docker-cli.js'
import { preparePush, type PreparedImage } from '../infra/registry/prepare.js'
import { knownLayers, putImage, targetFor, uploadBlobs, type Target } from '../infra/registry/push.js'
import { buildImage, inspectBuilder, type Builder, type BuildResult } from '../stages/build/buildx.js'
import { gatherMetadata, type Metadata } from '../stages/metadata/index.js'
import { metadataOutputs } from '../stages/metadata/outputs.js'
import type { ScanStageResult } from '../stages/scan/index.js'
import type { Task } from './graph.js'
import type { PipelineDeps } from './deps.js'
import { checkGate, prepareTrivy, scanBuilt, type PreparedTrivy } from './scan.js'
import { lintDockerfile } from './lint.js'
import { prepareSigner, signDir, signImage } from './sign.js'
import type { Cosign } from '../stages/sign/index.js'

export interface RunInputs {
  config: Config
  ctx: RunContext
  deps: PipelineDeps
  env: NodeJS.ProcessEnv
  now: Date
  /** The run's private folder (build output, secrets), removed when the run ends. */
  work: string
  /** The blobs the upload sent, by repository: removed again when nothing is pushed. */
  uploaded: Map<Target, string[]>
}

export interface Pushed {
  digest: string
  /** `name@digest` of every repository pushed to. */
  refs: string[]
}

/** The tasks of one build: which runs beside which follows from what each needs. */
export function pipelineTasks(run: RunInputs): Task[] {
  const { config, ctx, deps, env, now } = run
  const noScan = config.scan.enabled ? undefined : 'the scan is off (input "scan")'
  const noPush = config.push ? undefined : config.pushReason
  const noSign = noPush ?? (config.sign.mode === 'off' ? config.sign.reason : undefined)
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
      run: ({ reporter, get }) =>
        lintDockerfile(config, deps, Object.keys(get<Metadata>('metadata')!.labels), reporter)
    },
    {
      name: 'build',
      title: 'Build',
      needs: ['metadata', 'builder'],
      run: async ({ reporter, get, signal }) => {
        // Beside the runs' private folders (RUNNER_TEMP on a runner, emptied after each job).
        const pool = new BlobPool(join(tempRoot(env), `oci-pipeline-blobs-${process.getuid?.() ?? 'user'}`), {
          trustUnchanged: jobPrivate(env)
        })
        const built = await buildImage(
          config.build,
          get<Metadata>('metadata')!,
          get<Builder>('builder')!,
          join(run.work, 'build'),
          reporter,
          env,
          // Layers the engine saves uncompressed are compressed while saved, where they will be pushed.
          {
            ...(signal ? { signal } : {}),
            pool,
            ...(noPush ? {} : { compression: config.build.compression })
          }
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
      skip: () => noScan,
      // Beside the push: the gate needs only the scan's JSON.
      run: async ({ get }) => {
        const scan = get<ScanStageResult>('scan')!
        await scan.writeReports()
        if (config.sarifUpload && deps.uploadSarif)
          for (const s of scan.scans)
            await deps.uploadSarif(s.paths.sarif, `oci-pipeline-scan${s.platform ? `-${s.platform}` : ''}`)
      }
    },
    {
      name: 'upload',
      title: 'Upload layers',
      needs: ['build'],
      skip: () => noPush,
      run: async ({ get, reporter, signal }) => {
        const built = get<BuildResult>('build')!
        const meta = get<Metadata>('metadata')!
        const images = config.pushByDigest ? config.images.slice(0, 1) : config.images
        const targets = await Promise.all(images.map(i => targetFor(i, env)))
        // What the first tag names now lends its compressed layers (one registry only: a layer
        // reused is not here to send elsewhere).
        const first = targets[0]
        const oneHost = targets.every(t => t.host === first?.host)
        const known =
          first && oneHost && meta.tagValues[0] && built.mode === 'daemon'
            ? await knownLayers(first, meta.tagValues[0])
            : undefined
        const image = await preparePush(built.layout, built.root, config.build.compression, {
          ...(signal ? { signal } : {}),
          ...(known ? { known } : {}),
          compressed: built.compressed
        })
        if (image.compressed || image.reused)
          reporter.info(
            `${image.compressed} layers compressed (${config.build.compression}), ${image.reused} already in the registry`
          )
        await uploadBlobs(image, targets, reporter, signal, run.uploaded)
        return { image, targets }
      }
    },
    {
      name: 'signer',
      title: 'Signer: cosign and the key',
      skip: () => noSign,
      run: ({ reporter }) => prepareSigner(config, deps, env, signDir(run.work), reporter)
    },
    {
      name: 'push',
      title: 'Push',
      needs: ['upload', 'gate', 'lint', 'signer'],
      skip: () => noPush,
      run: async ({ get, reporter }): Promise<Pushed> => {
        const { image, targets } = get<{ image: PreparedImage; targets: Target[] }>('upload')!
        const meta = get<Metadata>('metadata')!
        const refs: string[] = []
        for (const t of targets) {
          const tags = config.pushByDigest ? [] : meta.tagValues
          const digest = await putImage(image, t, tags, l => reporter.warning(l))
          for (const tag of tags) reporter.info(`pushed ${t.name}:${tag}@${digest}`)
          if (!tags.length) reporter.info(`pushed ${t.name}@${digest} (by digest, no tag)`)
          refs.push(`${t.name}@${digest}`)
        }
        reporter.setOutput('digest', image.root.digest)
        reporter.setOutput('image', refs[0] ?? '')
        return { digest: image.root.digest, refs }
      }
    },
    {
      name: 'sign',
      title: 'Sign and attest',
      // The reports: the SBOM files it attests are written there, beside the push.
      needs: ['push', 'signer', 'scan', 'reports', 'upload', 'build', 'metadata'],
      skip: () => noSign,
      run: ({ get, reporter }) =>
        signImage(
          get<Cosign>('signer')!,
          {
            config,
            ctx,
            env,
            now,
            meta: get<Metadata>('metadata')!,
            built: get<BuildResult>('build')!,
            scan: get<ScanStageResult>('scan'),
            targets: get<{ targets: Target[] }>('upload')!.targets,
            digest: get<Pushed>('push')!.digest
          },
          reporter
        )
    }
  ]
}
