import type { RegistryLogin } from '../config/config.js'
import { errorMessage, InputError, StepError } from '../errors.js'
import { login, readManifest } from '../infra/registry/docker-cli.js'
import {
  checkTag,
  isDigest,
  parseImageName,
  splitReference,
  type ImageName
} from '../stages/metadata/reference.js'
import { run, tail } from '../infra/process.js'
import type { Reporter } from '../reporter.js'
import { copyByDigest, storedCredentials } from '../infra/registry/client.js'
import { targetFor } from '../infra/registry/push.js'
import { copyReferrers, listReferrers } from '../infra/registry/referrers.js'
import type { Target } from '../infra/registry/push.js'

export interface PublishOptions {
  /** `name:tag`, `name@digest` or `name:tag@digest` in the staging registry. */
  sourceImage: string
  sourceDigest?: string
  /** Release image name, without a tag. */
  releaseImage: string
  version: string
  sourceLogin?: RegistryLogin
  releaseLogin?: RegistryLogin
}

export interface PublishPlan {
  source: ImageName & { tag?: string; digest?: string }
  release: ImageName
  version: string
  /** `<release>:<version>` */
  target: string
}

/** Validates what publish was given. Pure. */
export function planPublish(o: PublishOptions): PublishPlan {
  if (!o.sourceImage.trim())
    throw new InputError('source-image', 'is empty: name the pushed image to publish')
  if (!o.releaseImage.trim()) throw new InputError('release-image', 'is empty: name the release image')
  if (!o.version.trim())
    throw new InputError('version', 'is empty and neither a git tag nor .release gives one')
  const version = checkTag('version', o.version.trim())
  // Release images are immutable and found by version; a moving `latest` would be neither.
  if (version === 'latest') throw new InputError('version', 'a release is never tagged "latest"')
  const { name, tag, digest } = splitReference(o.sourceImage.trim())
  if (digest !== undefined && !isDigest(digest))
    throw new InputError('source-image', `"${digest}" is not a sha256 digest`)
  const given = o.sourceDigest?.trim() || undefined
  if (given && !isDigest(given)) throw new InputError('source-digest', `"${given}" is not a sha256 digest`)
  if (given && digest && given !== digest)
    throw new InputError('source-digest', `${given} differs from the digest in source-image (${digest})`)
  // What a tag names now may never have been scanned: only a digest is published.
  if (!given && !digest)
    throw new InputError(
      'source-digest',
      `is empty and source-image (${o.sourceImage.trim()}) names no digest: publish takes the digest that passed the scan, never what a tag names now`
    )
  const release = parseImageName('release-image', o.releaseImage)
  return {
    source: { ...parseImageName('source-image', name), tag, digest: given ?? digest },
    release,
    version,
    target: `${release.name}:${version}`
  }
}

/** `docker buildx imagetools create`, copying the manifest as it is (`--prefer-index=false`). */
export function imagetoolsCreateArgs(plan: PublishPlan, digest: string): string[] {
  return [
    'buildx',
    'imagetools',
    'create',
    '--prefer-index=false',
    '--tag',
    plan.target,
    `${plan.source.name}@${digest}`
  ]
}

export interface PublishResult {
  target: string
  digest: string
  /** False when that version was already in the release registry (nothing was changed). */
  published: boolean
}

const hasReferrers = async (t: Target, digest: string): Promise<boolean> =>
  (await listReferrers(t, digest)).referrers.length > 0

/**
 * The source's signatures and attestations, copied beside the release image (the same digest, so
 * they hold there too); those already there are left. Again on a rerun, so a copy cut short is
 * completed.
 */
async function copySignatures(
  plan: PublishPlan,
  digest: string,
  r: Reporter,
  env: NodeJS.ProcessEnv
): Promise<void> {
  const [from, to] = await Promise.all([targetFor(plan.source, env), targetFor(plan.release, env)])
  // A registry that cannot tell what refers to an image (and so holds no signature of it) does not stop a release.
  const found = await hasReferrers(from, digest).catch((e: unknown) => {
    r.warning(
      `the signatures of ${plan.source.name}@${digest} could not be listed, so none were copied: ${errorMessage(e)}`
    )
    return false
  })
  if (!found) return
  const copied = await copyReferrers(from, to, digest)
  if (copied)
    r.info(
      `${copied} signatures and attestations of ${plan.source.name}@${digest} copied to ${plan.release.name}`
    )
}

/** The digest the release tag has now, or undefined when the registry has no such tag. */
async function existingDigest(ref: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const res = await run('docker', ['buildx', 'imagetools', 'inspect', '--raw', ref], {
    env,
    allowFailure: true
  })
  if (res.code !== 0) {
    if (/not found|manifest unknown|name unknown/i.test(res.stderr)) return undefined
    throw new StepError(`cannot tell whether ${ref} exists`, tail(res.stderr, 5))
  }
  return (await readManifest(ref, env)).digest
}

async function canCopyAsIs(env: NodeJS.ProcessEnv): Promise<boolean> {
  const res = await run('docker', ['buildx', 'imagetools', 'create', '--help'], { env, allowFailure: true })
  return res.stdout.includes('--prefer-index')
}

/**
 * Promotes a pushed image by digest to the release registry, without rebuilding, then reads the
 * release tag back: it must have the source's digest. A version already there is left alone.
 */
export async function publish(
  o: PublishOptions,
  r: Reporter,
  env: NodeJS.ProcessEnv
): Promise<PublishResult> {
  const plan = planPublish(o)
  for (const l of [o.sourceLogin, o.releaseLogin]) if (l) r.setSecret(l.password)
  for (const l of [o.sourceLogin, o.releaseLogin])
    if (l) await r.group(`Login to ${l.host}`, () => login(l, env))

  const sourceRef = `${plan.source.name}@${plan.source.digest}`
  const digest = (await readManifest(sourceRef, env)).digest
  if (digest !== plan.source.digest) throw new StepError(`${sourceRef} in the registry has digest ${digest}`)
  if (plan.source.tag && plan.source.digest) {
    const tagged = (await readManifest(`${plan.source.name}:${plan.source.tag}`, env)).digest
    if (tagged !== digest)
      r.warning(
        `${plan.source.name}:${plan.source.tag} now points at ${tagged}; publishing ${digest} as given`
      )
  }
  r.info(`source ${plan.source.name}@${digest}`)
  r.setOutput('version', plan.version)

  const existing = await existingDigest(plan.target, env)
  if (existing) {
    const same = existing === digest
    const message = `${plan.target} already exists (${existing}${same ? ', the same image' : ', another image'}); release images are immutable, so publish is skipped`
    if (same) r.notice(message)
    else r.warning(message)
    if (same) await copySignatures(plan, digest, r, env)
    r.setOutput('digest', existing)
    r.setOutput('image', `${plan.release.name}@${existing}`)
    r.setOutput('tags', plan.target)
    r.setOutput('published', 'false')
    return { target: plan.target, digest: existing, published: false }
  }

  await r.group(`Publish ${plan.target}`, async () => {
    if (await canCopyAsIs(env)) {
      await run('docker', imagetoolsCreateArgs(plan, digest), { env, onLine: l => r.info(l) })
    } else {
      r.info(`copying ${plan.source.name}@${digest} to ${plan.target} over the registry API (buildx < 0.14)`)
      const creds = (l: RegistryLogin | undefined, host: string) =>
        l && l.host === host ? { username: l.username, password: l.password } : storedCredentials(host, env)
      await copyByDigest(
        {
          host: plan.source.registry,
          repo: plan.source.repository,
          digest,
          creds: creds(o.sourceLogin, plan.source.registry)
        },
        {
          host: plan.release.registry,
          repo: plan.release.repository,
          tag: plan.version,
          creds: creds(o.releaseLogin, plan.release.registry)
        }
      )
    }
    const published = (await readManifest(plan.target, env)).digest
    if (published !== digest)
      throw new StepError(
        `${plan.target} in the release registry is not the source image`,
        `release ${published}, source ${digest}`
      )
    r.info(`published ${plan.target}@${published}`)
    await copySignatures(plan, digest, r, env)
  })
  r.setOutput('digest', digest)
  r.setOutput('image', `${plan.release.name}@${digest}`)
  r.setOutput('tags', plan.target)
  r.setOutput('published', 'true')
  return { target: plan.target, digest, published: true }
}
