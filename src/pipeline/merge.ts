import type { Config } from '../config/config.js'
import type { RunContext } from '../context.js'
import { errorMessage, StepError } from '../errors.js'
import type { Reporter } from '../reporter.js'
import { checkDockerDaemon } from '../infra/docker.js'
import { login, platformOf, readManifest, type PlatformJson } from '../infra/registry/docker-cli.js'
import { gatherMetadata, type Metadata } from '../stages/metadata/index.js'
import { run, tail } from '../infra/process.js'
import { buildSummaryMarkdown } from '../stages/report/build-summary.js'
import { makeTempDir, removeTempDir } from '../infra/process.js'
import { targetFor } from '../infra/registry/push.js'
import { signPushed, type Cosign } from '../stages/sign/index.js'
import { builderId } from '../stages/sign/predicates.js'
import type { PipelineDeps } from './deps.js'
import { prepareSigner, reportSigned } from './sign.js'

export interface MergeResult {
  meta: Metadata
  digest: string
  platforms: string[]
}

interface IndexJson {
  manifests?: Array<{ digest: string; platform?: PlatformJson }>
}

/** What the index must list: the `platforms` input when given, else one platform per digest. */
export function checkIndexPlatforms(
  platforms: readonly string[],
  digests: readonly string[],
  expected: readonly string[]
): void {
  const missing = expected.filter(p => !platforms.includes(p))
  if (missing.length)
    throw new StepError(
      `merge-digests: the images are for ${platforms.join(', ') || 'no platform'}, not ${missing.join(', ')}`
    )
  const twice = platforms.filter((p, i) => platforms.indexOf(p) !== i)
  if (twice.length) throw new StepError(`merge-digests: two images are for ${[...new Set(twice)].join(', ')}`)
  if (platforms.length !== digests.length)
    throw new StepError(`merge-digests: ${digests.length} digests gave ${platforms.length} platform images`)
}

const imagetools = async (args: string[], env: NodeJS.ProcessEnv): Promise<string> => {
  const res = await run('docker', ['buildx', 'imagetools', 'create', ...args], { env, allowFailure: true })
  if (res.code !== 0) throw new StepError('docker buildx imagetools create failed', tail(res.stderr, 10))
  return res.stdout
}

/**
 * The merge job of a fan-out: images pushed by digest (one per platform, each scanned and gated
 * in its own job) become one index under the tags. The index is planned first (`--dry-run`), so a
 * missing platform or digest fails before any tag moves; then every tag is read back and must list
 * exactly those digests and every platform. When signing is on, the index and each platform image
 * get a signature (their SBOM, scan and provenance were attested by the jobs that pushed them).
 */
export async function runMerge(
  config: Config,
  ctx: RunContext,
  r: Reporter,
  env: NodeJS.ProcessEnv,
  now: Date,
  tools?: PipelineDeps['tools']
) {
  if (config.login) r.setSecret(config.login.password)
  const state: { meta?: Metadata; digest?: string; pushed: boolean; error?: string } = { pushed: false }
  const signDir = config.sign.mode !== 'off' ? makeTempDir('oci-pipeline-sign-') : undefined
  let cosign: Cosign | undefined
  try {
    await checkDockerDaemon(env)
    if (config.login) {
      const l = config.login
      await r.group(`Login to ${l.host}`, () => login(l, env))
    }
    const meta = await r.group('Metadata: tags', () => gatherMetadata(config, ctx, r, env, now))
    state.meta = meta
    r.setOutput('version', meta.version)
    r.setOutput('tags', meta.tags.join('\n'))
    if (meta.tags.length === 0)
      throw new StepError('no tag rule gave a tag for this event, so there is nothing to merge into')
    if (signDir)
      cosign = await r.group('Signer: cosign and the key', () =>
        prepareSigner(config, { reporter: r, ...(tools ? { tools } : {}) }, env, signDir, r)
      )
    const repository = config.images[0]?.name as string
    const sources = config.mergeDigests.map(d => `${repository}@${d}`)
    const args = [...meta.tags.flatMap(t => ['--tag', t]), ...sources]
    const platforms = await r.group('Merge', async () => {
      const plan = JSON.parse(await imagetools(['--dry-run', ...args], env)) as IndexJson
      const planned = (plan.manifests ?? []).map(m => platformOf(m.platform))
      checkIndexPlatforms(planned, config.mergeDigests, config.build.platforms)
      r.info(`index of ${planned.join(', ')}`)
      await imagetools(args, env)
      let digest: string | undefined
      for (const tag of meta.tags) {
        const m = await readManifest(tag, env)
        const lists = new Set(m.manifests ?? [])
        if (!config.mergeDigests.every(d => lists.has(d)) || !planned.every(p => m.platforms?.includes(p)))
          throw new StepError(`${tag} in the registry does not list every platform image`, JSON.stringify(m))
        if (digest && m.digest !== digest)
          throw new StepError(`${tag} names another index than ${meta.tags[0]}`)
        digest = m.digest
        r.info(`pushed ${tag}@${m.digest}`)
      }
      state.digest = digest
      return planned
    })
    state.pushed = true
    const digest = state.digest as string
    r.setOutput('digest', digest)
    r.setOutput('image', `${repository}@${digest}`)
    if (cosign) {
      const signer = cosign
      const target = await targetFor(config.images[0] as NonNullable<Config['images'][0]>, env)
      const signed = await r.group('Sign', () =>
        signPushed({
          cosign: signer,
          targets: [target],
          digest,
          attest: [],
          invocation: {
            uri: ctx.runUrl ?? ctx.repo.url,
            eventId: env.GITHUB_RUN_ID ?? env.CI_JOB_ID ?? '',
            builderId: builderId(env)
          },
          reporter: r
        })
      )
      reportSigned(signed, r)
    }
    return { meta, digest, platforms }
  } catch (e) {
    state.error = errorMessage(e)
    throw e
  } finally {
    if (signDir) removeTempDir(signDir)
    if (config.summary)
      r.summary(
        buildSummaryMarkdown({ ...state, pushReason: `merged ${config.mergeDigests.length} digests` })
      )
  }
}
