import type { Config } from '../config/config.js'
import type { RunContext } from '../context.js'
import { StepError } from '../errors.js'
import type { Reporter } from '../reporter.js'
import { checkDockerDaemon } from '../infra/docker.js'
import { login, platformOf, readManifest, type PlatformJson } from '../infra/registry/docker-cli.js'
import { gatherMetadata, type Metadata } from '../stages/metadata/index.js'
import { metadataOutputs } from '../stages/metadata/outputs.js'
import { run, tail } from '../infra/process.js'
import { reportedFailure, runGraph } from './graph.js'
import { runModel } from './run-model.js'
import { renderSummary } from '../stages/report/summary.js'
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

/** Joins the digests into one index under every tag, and reads each tag back. */
async function mergeIndex(config: Config, meta: Metadata, r: Reporter, env: NodeJS.ProcessEnv) {
  if (meta.tags.length === 0)
    throw new StepError('no tag rule gave a tag for this event, so there is nothing to merge into')
  const repository = config.images[0]?.name as string
  const sources = config.mergeDigests.map(d => `${repository}@${d}`)
  const args = [...meta.tags.flatMap(t => ['--tag', t]), ...sources]
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
    if (digest && m.digest !== digest) throw new StepError(`${tag} names another index than ${meta.tags[0]}`)
    digest = m.digest
    r.info(`pushed ${tag}@${m.digest}`)
  }
  r.setOutput('digest', digest as string)
  r.setOutput('image', `${repository}@${digest}`)
  return { digest: digest as string, refs: [`${repository}@${digest}`], platforms: planned }
}

/**
 * The merge job of a fan-out: images pushed by digest (one per platform, each scanned and gated
 * in its own job) become one index under the tags. The index is planned first (`--dry-run`), so a
 * missing platform or digest fails before any tag moves; then every tag is read back and must list
 * exactly those digests and every platform. When signing is on, the index and each platform image
 * get a signature (their SBOM, scan and provenance were attested by the jobs that pushed them); the
 * key is checked before any tag moves.
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
  const noSign = config.sign.mode === 'off' ? config.sign.reason : undefined
  const signDir = noSign ? undefined : makeTempDir('oci-pipeline-sign-')
  const graph = await runGraph(
    [
      {
        name: 'login',
        title: `Login to ${config.login?.host ?? 'the registry'}`,
        skip: () => (config.login ? undefined : 'no password given: the credentials already stored are used'),
        run: async () => {
          await checkDockerDaemon(env)
          await login(config.login!, env)
        }
      },
      {
        name: 'metadata',
        title: 'Metadata: tags',
        needs: ['login'],
        run: async ({ reporter }) => {
          const meta = await gatherMetadata(config, ctx, reporter, env, now)
          for (const [name, value] of Object.entries(metadataOutputs(meta, config.metadata.separators)))
            reporter.setOutput(name, value)
          return meta
        }
      },
      {
        name: 'signer',
        title: 'Signer: cosign and the key',
        skip: () => noSign,
        run: ({ reporter }) =>
          prepareSigner(config, { reporter, ...(tools ? { tools } : {}) }, env, signDir as string, reporter)
      },
      {
        name: 'push',
        title: 'Merge',
        needs: ['metadata', 'signer'],
        run: ({ reporter, get }) => mergeIndex(config, get<Metadata>('metadata')!, reporter, env)
      },
      {
        name: 'sign',
        title: 'Sign',
        needs: ['push', 'signer'],
        skip: () => noSign,
        run: async ({ reporter, get }) => {
          const signed = await signPushed({
            cosign: get<Cosign>('signer')!,
            targets: [await targetFor(config.images[0] as NonNullable<Config['images'][0]>, env)],
            digest: get<{ digest: string }>('push')!.digest,
            attest: [],
            invocation: {
              uri: ctx.runUrl ?? ctx.repo.url,
              eventId: env.GITHUB_RUN_ID ?? env.CI_JOB_ID ?? '',
              builderId: builderId(env)
            },
            reporter
          })
          reportSigned(signed, reporter)
          return signed
        }
      }
    ],
    r
  ).finally(() => signDir && removeTempDir(signDir))
  const meta = graph.records.get('metadata')?.result as Metadata | undefined
  const failure = reportedFailure(graph)
  if (config.summary)
    r.summary(
      renderSummary(
        runModel({
          config: {
            ...config,
            lint: { threshold: config.lint.threshold },
            pushReason: `merging ${config.mergeDigests.length} digests`
          },
          graph,
          ...(meta ? { meta } : {}),
          notHere: 'done per platform by the jobs that pushed the digests',
          ...(failure ? { error: failure.error } : {})
        })
      )
    )
  if (failure) throw failure.error
  const merged = graph.records.get('push')?.result as { digest: string; platforms: string[] }
  return { meta: meta as Metadata, digest: merged.digest, platforms: merged.platforms }
}
