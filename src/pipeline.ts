import type { Config } from './config.js'
import type { RunContext } from './context.js'
import { errorMessage, StepError } from './errors.js'
import type { Reporter } from './reporter.js'
import { buildImage, inspectBuilder, type BuildResult } from './build/buildx.js'
import { login, pushTag, readManifest } from './build/registry.js'
import { gatherMetadata, type Metadata } from './metadata/index.js'
import { buildSummaryMarkdown } from './report/build-summary.js'

export interface PipelineResult {
  meta: Metadata
  imageId: string
  digest?: string
  pushed: boolean
}

export interface PipelineDeps {
  reporter: Reporter
  env?: NodeJS.ProcessEnv
  now?: () => Date
}

/** Pushes every tag of a loaded image, then proves the registry holds the image that was built. */
async function pushLoaded(
  tags: readonly string[],
  imageId: string,
  r: Reporter,
  env: NodeJS.ProcessEnv
): Promise<string> {
  const digests = new Map<string, string>()
  for (const tag of tags) {
    await pushTag(tag, r, env)
    const m = await readManifest(tag, env)
    if (m.configDigest !== imageId)
      throw new StepError(
        `${tag} in the registry is not the image that was built`,
        `registry config ${m.configDigest ?? 'none'}, built ${imageId}`
      )
    digests.set(tag, m.digest)
    r.info(`pushed ${tag}@${m.digest}`)
  }
  return [...digests.values()][0] as string
}

/** After a multi-platform push by buildx, every tag must resolve to the digest buildx reported. */
async function verifyPushed(
  tags: readonly string[],
  built: BuildResult,
  r: Reporter,
  env: NodeJS.ProcessEnv
): Promise<string> {
  for (const tag of tags) {
    const m = await readManifest(tag, env)
    if (built.digest && m.digest !== built.digest)
      throw new StepError(
        `${tag} in the registry is not the image that was built`,
        `registry ${m.digest}, built ${built.digest}`
      )
    r.info(`pushed ${tag}@${m.digest}`)
  }
  return built.digest ?? (await readManifest(tags[0] as string, env)).digest
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

/**
 * metadata → build (one platform: loaded locally) → push → digest check. Outputs are set as soon as
 * they are known, so a failure later still leaves them, and the summary is written either way.
 */
export async function runPipeline(
  config: Config,
  ctx: RunContext,
  deps: PipelineDeps
): Promise<PipelineResult> {
  const r = deps.reporter
  const env = deps.env ?? process.env
  const now = deps.now?.() ?? new Date()
  if (config.login) r.setSecret(config.login.password)
  const state: { meta?: Metadata; imageId?: string; digest?: string; pushed: boolean; error?: string } = {
    pushed: false
  }
  try {
    // Logged in first: a private base image is read for its digest and pulled by the build.
    if (config.login) {
      const l = config.login
      await r.group(`Login to ${l.host}`, () => login(l, env))
    }
    const meta = await r.group('Metadata: tags and labels', async () => {
      const m = await gatherMetadata(config, ctx, r, env, now)
      for (const t of m.tags) r.info(`tag ${t}`)
      return m
    })
    state.meta = meta
    setMetadataOutputs(meta, r)
    if (config.push && meta.tags.length === 0)
      throw new StepError(
        'no tag rule gave a tag for this event, so there is nothing to push (see the "tags" input)'
      )

    const built = await r.group('Build', async () => {
      const builder = await inspectBuilder(config.build.builder, env)
      r.info(`builder ${builder.name} (driver ${builder.driver})`)
      return buildImage(config.build, meta, config.push, builder, r, env)
    })
    state.imageId = built.imageId
    r.setOutput('imageid', built.imageId)

    r.info(config.pushReason)
    if (config.push) {
      state.digest = await r.group('Push', async () => {
        return built.mode === 'load'
          ? pushLoaded(meta.tags, built.imageId, r, env)
          : verifyPushed(meta.tags, built, r, env)
      })
      state.pushed = true
      r.setOutput('digest', state.digest)
      r.setOutput('image', `${config.images[0]?.name}@${state.digest}`)
    } else if (built.digest) {
      state.digest = built.digest
      r.setOutput('digest', built.digest)
    }
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
    return { meta, imageId: built.imageId, digest: state.digest, pushed: state.pushed }
  } catch (e) {
    state.error = errorMessage(e)
    throw e
  } finally {
    if (config.summary) r.summary(buildSummaryMarkdown({ ...state, pushReason: config.pushReason }))
  }
}
